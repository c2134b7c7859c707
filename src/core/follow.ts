/**
 * What the Papers view follows (arxivDigest.tree.followCursor): the paper under the editor's cursor,
 * the newest ask winning (a source is any value: the view's is the cursor; two asks of one source
 * are alike, as a reveal looks the source's paper up when it runs, so a newer ask of the cursor does
 * not refuse the reveal of an older one, which shows where the cursor is now). A reveal's row can drop out of the view's
 * selection when a refresh of its day or category comes after it (the workbench forgets a refreshed
 * row's children until it reads them again, and a card's own read mark refreshes its day): so the
 * row a reveal asked for stays wanted, and is asked for again after each change of the tree, until
 * the reader selects something else, collapses a row or another paper asks.
 *
 * A reveal is only sent to a view that has been visible since the ask (see mayReveal), checked last
 * inside VS Code's own reveal (see GuardedReveals).
 */

/** Why a follow revealed no row. */
export type FollowSkip = 'hidden' | 'reader chose' | 'newer request' | 'not listed' | 'reveal failed';
/** Why a follow's reveal is not sent as the extension host is about to send it: a skip, or the row is selected already (the workbench read it again after a refresh). */
export type RevealRefusal = FollowSkip | 'selected already';

/** how many of the rows reveals asked for lately are told from the reader's choice (see selectionChanged) */
const AIMED_KEPT = 8;

export class FollowRequests<Source> {
	private source: Source | undefined;
	private wantedId: string | undefined;
	/** how often the view was shown or hidden, and how often when the newest ask came */
	private visibilityChanges = 0;
	private askedAt = 0;
	/** the reader selected a row since the newest ask: it is not revealed over their choice */
	private readerChose = false;
	/** the rows reveals asked for lately (a reveal's selection can come after the next ask) */
	private readonly aimed: string[] = [];

	/** the newest ask, the cursor's or a card's */
	get latest(): Source | undefined {
		return this.source;
	}

	/** whether the reader selected a row since the newest ask (see selectionChanged) */
	get chosen(): boolean {
		return this.readerChose;
	}

	/** the row the reveals of the newest ask aim at, while it is wanted */
	get wanted(): string | undefined {
		return this.wantedId;
	}

	/** A new ask replaces the one before, and the row it wanted. */
	ask(source: Source): void {
		this.source = source;
		this.wantedId = undefined;
		this.askedAt = this.visibilityChanges;
		this.readerChose = false;
	}

	/** The view was shown or hidden (a show asks again, for the view's new showing). */
	visibilityChanged(): void {
		this.visibilityChanges++;
	}

	/**
	 * Whether a reveal of the newest ask may be sent: the view is visible (`visible`, as the extension
	 * host knows it) and has not been hidden since the ask. VS Code's reveal opens the view, and its
	 * container, before it selects the row (the workbench's `$reveal` runs `openView` whatever the view's
	 * state), and the extension host hears of a hide a moment after the workbench did it: a reveal asked
	 * while the view showed and sent after the reader (or a test) switched the side bar to the Explorer
	 * would switch it back. A view hidden and shown again since the ask is asked again by its show.
	 */
	mayReveal(visible: boolean): boolean {
		return visible && this.askedAt === this.visibilityChanges && !this.readerChose;
	}

	/** A reveal of the newest ask is asking for this row. */
	aimAt(id: string): void {
		this.wantedId = id;
		this.aimed.push(id);
		if (this.aimed.length > AIMED_KEPT) this.aimed.shift();
	}

	/**
	 * The view's selection changed: the wanted row alone is the reveal's doing; an empty selection is
	 * a refresh's (or a reveal of a row the workbench did not know yet); any other is the reader's,
	 * who is not fought: the newest ask reveals nothing more (the next ask, or the view's next
	 * showing, does). A row a reveal asked for lately is a late answer to that reveal, not the reader.
	 * True when the change is the reader's.
	 */
	selectionChanged(ids: readonly string[]): boolean {
		if (ids.length === 0 || (ids.length === 1 && ids[0] === this.wantedId)) return false;
		this.wantedId = undefined;
		if (ids.length === 1 && this.aimed.includes(ids[0])) return false;
		this.readerChose = true;
		return true;
	}

	/** The reader collapsed a row: they arrange the view themselves, and no reveal opens it again. */
	collapsed(): void {
		this.wantedId = undefined;
	}
}

/**
 * When the reader last chose rows in the view themselves: a moment of an order the caller shares
 * with other moves (a card's), so a command can start where the reader was last. A refresh takes the
 * rows out of the selection and the workbench puts them back: the same rows chosen again after an
 * empty selection are no new choice.
 */
export class ReaderSelection {
	private lastRows = '';
	private moment = 0;

	constructor(private readonly nextMoment: () => number) {}

	/** the moment of the reader's last choice, 0 before any */
	get chosenAt(): number {
		return this.moment;
	}

	/** The view's selection changed to `ids`, by the reader (`readers`) or by a reveal or refresh. */
	changed(ids: readonly string[], readers: boolean): void {
		if (ids.length === 0) return;
		const rows = ids.join('\n');
		if (readers && rows !== this.lastRows) this.moment = this.nextMoment();
		this.lastRows = rows;
	}
}

/**
 * Reveals whose last check runs inside VS Code's own reveal, right before it sends the workbench
 * the message that selects the row and, first, opens the view and its container.
 *
 * The extension host's `TreeView.reveal(element)` (ExtHostTreeView in extHostTreeViews.ts) first
 * waits for any refresh of the rows in flight (`_refreshPromise`: the workbench reading refreshed
 * rows again; a card's own read mark refreshes its day), then resolves the element's parent chain
 * and tree node, then sends `$reveal` with nothing else awaited; and the workbench's `$reveal` opens
 * the view whatever the reader did meanwhile. A visibility checked before calling reveal could be
 * that refresh old when the message went: a reader who switched the side bar to the Explorer meanwhile
 * found arXiv Digest's container open again. So the reveal is given a fresh copy of the node, which the
 * extension host does not know: it asks the provider for the copy's parent (`_resolveParent`) and item
 * (`_resolveTreeNode`) after that wait, the item last, then finds the real node by the item's `id`
 * among the parent's children (the copy never becomes a row) and sends `$reveal` at once (microtasks
 * only, no message from the workbench handled in between). The provider answers for a copy with its
 * original, once the copy's guard allows (`checked`, in getTreeItem): a refusal throws, the reveal
 * rejects and `$reveal` is never sent. What remains is about one round trip: a hide the workbench does
 * after its last message the extension host handled and before it handles `$reveal` is not seen (a UI
 * stress test that switched to the Explorer right after a card's Next hit it about once in ten
 * switches, on a loaded 2-core machine; VS Code offers no reveal that leaves a hidden view hidden).
 */
export class GuardedReveals<Node extends object, Reason extends string> {
	private readonly copies = new WeakMap<Node, { readonly original: Node; readonly guard: () => Reason | undefined; refused?: Reason }>();

	/** A fresh copy of `node` (same fields) to reveal; `guard` names why the reveal may not be sent now, or nothing. */
	copy(node: Node, guard: () => Reason | undefined): Node {
		const copy = Object.assign(Object.create(Object.getPrototypeOf(node) as object | null) as Node, node);
		this.copies.set(copy, { original: node, guard });
		return copy;
	}

	/** The node the provider answers for: a reveal's copy's original, any other node itself. */
	original(node: Node): Node {
		return this.copies.get(node)?.original ?? node;
	}

	/** As `original`, once a copy's guard allows its reveal; throws RevealRefused when it does not. */
	checked(node: Node): Node {
		const entry = this.copies.get(node);
		if (!entry) return node;
		const reason = entry.guard();
		if (reason === undefined) return entry.original;
		entry.refused = reason;
		throw new RevealRefused(reason);
	}

	/** Why the guard refused the reveal of `copy`, if it did. */
	refused(copy: Node): Reason | undefined {
		return this.copies.get(copy)?.refused;
	}
}

/** A reveal's guard refused it (see GuardedReveals). */
export class RevealRefused extends Error {
	constructor(readonly reason: string) {
		super(`reveal not sent: ${reason}`);
	}
}
