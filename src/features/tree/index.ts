import * as vscode from 'vscode';
import { listText, papersCount } from '../counts';
import { parseQuery } from '../../core/search/query';
import { missingTags, unknownTagsAdvice } from '../library/tagAdvice';
import { FollowRequests, ReaderSelection, type FollowSkip } from '../../core/follow';
import { paperIndexAtLine, type CategoryNode, type PaperNode, type TreeNode } from '../../core/tree';
import { errorText, getLog } from '../log';
import { disposeLastFirst, uriKey } from '../vsc-utils';
import type { Reading } from '../reading';
import type { IDigestWorkspace } from '../workspace/types';
import { DigestTreeProvider, MAX_EXPANDED_ROWS, paperRefOf, TREE_ENTER_COMMAND, TREE_ESCAPE_COMMAND, TREE_OPEN_COMMAND, type TreePaperRef } from './provider';
import { RecentSet } from '../../core/recentSet';
import { takingFocus } from '../cards/args';
import { argOrInputBox, showQuickPick } from '../quickInput';
import { QUERY_IDS_COMMAND, type QueryIdsResult } from '../search';
import { readSetting, SETTINGS } from '../settings';
import { FOCUS_SHOWN_PAPERS_VIEW_COMMAND, nextMoment, PAPERS_SELECTION_COMMAND, PAPERS_WALK_START_COMMAND, REVEAL_STEPPED_PAPER_COMMAND, type SteppedPaper, type WalkStart } from '../paperActions';
import { showErrorMessage, showInformationMessage } from '../messages';

export { DigestTreeProvider, TREE_OPEN_COMMAND } from './provider';

export const TREE_VIEW_ID = 'arxivDigest.papers';
const CONTEXT_TREE_FILTERED = 'arxivDigest.treeFiltered';
const FOLLOW_DELAY_MS = 200;
/** how long a click's command waits for its row to be read again after a refresh (see clickedPaper; TreeRegistration.clickWait) */
const CLICK_WAIT_MS = 2_000;
/** the longest the view's own refreshes wait for a card opened by Enter to have the keys (see holdRefreshes in provider.ts)... */
const KEYS_HOLD_MS = 5_000;
/** ...and how long they still wait once it has them */
const KEYS_SETTLE_MS = 300;
/** a reveal that failed during a refresh is tried again after the view's next read, or after this long */
const REVEAL_RETRY_WAIT_MS = 1_000;
const CATEGORY_STATE_KEY = 'arxivDigest.tree.categories';
/** the ids of the days and categories the reader left expanded (see DigestTreeProvider.rowExpanded) */
const EXPANDED_STATE_KEY = 'arxivDigest.tree.expanded';

/** what the view follows (FollowRequests): the active editor's cursor, or the paper a card's Next / Previous / Next Unread stepped to (each step its own ask) */
type FollowSource = 'cursor' | SteppedPaper;

/** What became of a follow: the row revealed (or found selected already), or why none was. */
interface FollowEnd {
	readonly node?: PaperNode;
	readonly skipped?: FollowSkip;
}

export interface TreeRegistration extends vscode.Disposable {
	readonly provider: DigestTreeProvider;
	readonly view: vscode.TreeView<TreeNode>;
	/** Reveals the paper under the cursor of `editor` if the view shows it; resolves to the node revealed. */
	revealEditorPaper(editor: vscode.TextEditor): Promise<PaperNode | undefined>;
	/**
	 * How long a click's command waits for its row to be read again after a refresh, in ms (2 s):
	 * the integration test makes it long, so that only the read ends the wait.
	 */
	readonly clickWait: { ms: number };
}

/**
 * Where a walk through the papers (Next Unread) starts from a selected row: after a paper row; at the
 * first paper, in file order, of a day's first file or of a category.
 */
function walkStartOf(node: TreeNode | undefined): TreePaperRef | WalkStart | undefined {
	if (!node) return undefined;
	if (node.kind === 'paper') return paperRefOf(node);
	if (node.kind === 'day') return node.keys[0] === undefined ? undefined : { uri: node.keys[0], index: 0 };
	return categoryStart(node);
}

function categoryStart(category: CategoryNode): WalkStart | undefined {
	let first: PaperNode | undefined;
	for (const paper of category.papers) {
		if (!first || paper.key < first.key || (paper.key === first.key && paper.index < first.index)) first = paper;
	}
	return first && { uri: first.key, index: first.index };
}

/**
 * Why "Only matches" lists nothing, and what to do: no interests set, or none of the papers shown
 * matches them (once the matches are counted); undefined while it lists something.
 */
function onlyMatchesMessage(reading: Reading, provider: DigestTreeProvider): string | undefined {
	if (reading.viewMode() !== 'onlyMatches' || provider.model.shownCount() === 0) return undefined;
	const { keywords, authors, categories } = reading.interests.spec;
	if (keywords.length + authors.length + categories.length === 0) {
		return vscode.l10n.t('No interests set: add keywords, authors or categories with Edit Interests… in this view\'s … menu, or show all papers with the ✦ button.');
	}
	if (provider.model.roots().some((day) => provider.counts(day).matches > 0)) return undefined;
	if (reading.interests.lastRun === undefined || reading.interests.provisional) return vscode.l10n.t('Counting the papers that match your interests…');
	return vscode.l10n.t('No paper matches your interests. Add some with Edit Interests… in this view\'s … menu, or show all papers with the ✦ button.');
}

/**
 * Why a filter shows nothing: a tag it asks for that no paper carries, said with the tags like it (as
 * the search box says it), or only that nothing matches.
 */
function emptyFilterMessage(provider: DigestTreeProvider): string {
	const parsed = provider.query === undefined ? undefined : parseQuery(provider.query);
	const inUse = provider.library?.tagCounts() ?? [];
	const missing = parsed?.ok ? missingTags(parsed.query.sets, inUse) : [];
	if (missing.length === 0) return vscode.l10n.t('No papers match the filter.');
	const { message, like } = unknownTagsAdvice(missing, inUse);
	return like.length > 0 ? `${message} ${listText(like.map(({ tag }) => `#${tag}`), vscode.l10n, 'list')}` : message;
}

/** The papers view: days → categories → papers of every digest in the workspace. */
export function registerTree(context: vscode.ExtensionContext, workspace: IDigestWorkspace, reading?: Reading): TreeRegistration {
	const expanded = new RecentSet(context.workspaceState.get<unknown>(EXPANDED_STATE_KEY), MAX_EXPANDED_ROWS);
	const provider = new DigestTreeProvider(workspace, reading, undefined, expanded);
	// several papers can be selected for Copy as BibTeX, Star and Add to Collection
	const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true, canSelectMany: true });
	const disposables: vscode.Disposable[] = [provider, view];
	let loading = true;
	let followTimer: ReturnType<typeof setTimeout> | undefined;
	/** the cursor's or a card's paper, the newest winning, and the row its reveals ask for */
	const follow = new FollowRequests<FollowSource>();
	/** when the reader last chose rows here, against the card's moves: a walk from the palette starts at the later */
	const readerSelection = new ReaderSelection(nextMoment);
	let disposed = false;

	/** What the view says above its rows: the load's progress, the filter's count, For you's note, or nothing. */
	const viewMessage = (): string | undefined => {
		if (loading) {
			const p = workspace.progress;
			if (workspace.scanPhase === 'checking') return vscode.l10n.t('Checking for new and changed digests…');
			return p.total > 0 ? vscode.l10n.t('Loading digests… {0}/{1}', p.done, p.total) : vscode.l10n.t('Loading digests…');
		}
		if (provider.isFiltered && provider.model.shownCount() === 0) return emptyFilterMessage(provider);
		const onlyMatches = reading && onlyMatchesMessage(reading, provider);
		if (onlyMatches) return onlyMatches;
		if (provider.isFiltered) {
			// the workbench hides a view's header, and so its description, when it is alone in its container
			const filter = (provider.filterDescription() ?? '').replace(/ ×$/, '');
			return vscode.l10n.t('Showing {0} of {1} papers ({2}).', provider.model.shownCount(), provider.model.totalCount(), filter);
		}
		if (reading?.viewMode() === 'forYou' && provider.forYou?.note()) return provider.forYou.note();
		// undefined, not '': the welcome content only shows while there is no message
		return undefined;
	};
	// on every change of the tree: set only what changed, as the extension host sends the workbench
	// every set (a description at once, a message with the next refresh), equal or not, to render again
	const updateView = () => {
		const description = provider.filterDescription();
		if (view.description !== description) view.description = description;
		const message = viewMessage();
		if (view.message !== message) view.message = message;
	};


	const savedCategories = context.workspaceState.get<string[]>(CATEGORY_STATE_KEY);
	if (Array.isArray(savedCategories) && savedCategories.length) provider.setCategoryFilter(new Set(savedCategories));

	disposables.push(
		provider.onDidChangeExpanded(() => void context.workspaceState.update(EXPANDED_STATE_KEY, expanded.toJSON())),
		provider.onDidChangeFilter(() => {
			void vscode.commands.executeCommand('setContext', CONTEXT_TREE_FILTERED, provider.isFiltered);
			void context.workspaceState.update(CATEGORY_STATE_KEY, provider.categories ? [...provider.categories] : undefined);
			updateView();
		}),
		provider.onDidChangeTreeData(() => updateView()),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(SETTINGS.diagnosticsEnabled)) provider.diagnosticsSettingChanged();
		}),
		workspace.onDidChangeProgress(() => {
			if (loading) updateView();
		}),
	);
	void vscode.commands.executeCommand('setContext', CONTEXT_TREE_FILTERED, provider.isFiltered);
	updateView();

	workspace.ready.then(
		() => {
			if (disposed) return;
			loading = false;
			// no reload: the scan's change batches, flushed before `ready`, already built every day,
			// and rebuilding 36,800 papers at once blocked the extension host for ~150 ms
			updateView();
		},
		(err: unknown) => {
			if (disposed) return;
			loading = false;
			getLog().error(`Papers view: workspace scan failed: ${errorText(err)}`);
			updateView();
		},
	);

	/** The row of the paper under the cursor of `editor`, if the view shows it. */
	const editorPaper = (editor: vscode.TextEditor): PaperNode | undefined => {
		if (!workspace.isDigestDocument(editor.document)) return undefined;
		const live = workspace.parseDocument(editor.document);
		const index = paperIndexAtLine(live, editor.selection.active.line);
		if (index === undefined) return undefined;
		return provider.model.findPaper(uriKey(editor.document.uri), live.papers[index].id, index);
	};

	/** The row of the paper under the active editor's cursor, if the view shows it. */
	const cursorPaper = (): PaperNode | undefined => {
		const editor = vscode.window.activeTextEditor;
		return editor && editorPaper(editor);
	};

	/** The row of a follow request's paper, if the view shows it. */
	const sourcePaper = (source: FollowSource | undefined): PaperNode | undefined =>
		source === undefined ? undefined : source === 'cursor' ? cursorPaper() : provider.model.findPaper(source.uri, source.id, source.index ?? 0);

	/**
	 * Why a reveal for the follow request `source` may not be sent now, or nothing: a newer request
	 * came, the reader chose a row, or the view is hidden or was hidden since the request (a reveal
	 * opens its view: FollowRequests.mayReveal). Asked before the reveal, and by the provider again as
	 * the extension host is about to send it (see GuardedReveals).
	 */
	const refusal = (source: FollowSource): FollowSkip | undefined => {
		if (disposed || follow.latest !== source) return 'newer request';
		if (!follow.mayReveal(view.visible)) return follow.chosen ? 'reader chose' : 'hidden';
		return undefined;
	};

	const isSelected = (node: PaperNode) => view.selection.length === 1 && view.selection[0].id === node.id;

	/** whether a follow request is a step pressed in the Papers view (SteppedPaper.keysInView) */
	const keysInView = (source: FollowSource | undefined): source is SteppedPaper => source !== undefined && source !== 'cursor' && source.keysInView === true;
	/** the steps pressed in the view whose reveal took the list's focus, or need not any more (see revealFollowed) */
	const keysMoved = new WeakSet<SteppedPaper>();

	/**
	 * Selects the row of the paper the newest follow request names; the list's focus too for a step
	 * pressed in the view, once (a reveal the request makes again must not fetch the keys from where the
	 * reader took them since). Never opens the view: a view hidden, or hidden since the request, is left
	 * alone (it follows when shown), checked last inside the extension host's reveal (`refusal`,
	 * GuardedReveals). A refresh in flight makes the extension host forget the rows until the workbench
	 * reads them again, and a reveal then fails ("Failed to resolve tree node"): once, after the view's
	 * next read, the paper is looked up again (the tree may have new nodes, the cursor may have moved) and
	 * revealed again, unless a newer request came meanwhile. `find`: the row, when the caller has it already.
	 */
	const revealFollowed = async (find = () => sourcePaper(follow.latest), retry = true): Promise<PaperNode | undefined> => {
		const source = follow.latest;
		if (source === undefined || disposed) return undefined;
		const told = (result: FollowEnd) => {
			// how the follow ended, for whoever looks into it (Debug: off by default)
			getLog().debug(`Papers view: following ${source === 'cursor' ? 'the cursor' : "a card's step"}: ${result.skipped ?? `selected ${result.node?.id}`}`);
			return result.node;
		};
		const refused = refusal(source);
		if (refused) return told({ skipped: refused });
		const node = find();
		if (!node) return told({ skipped: 'not listed' });
		if (isSelected(node)) return told({ node });
		follow.aimAt(node.id);
		// asked again after the extension host's wait for a refresh in flight: by then the workbench has
		// read the refreshed rows again, and a row it kept selected needs no reveal (each reveal sent is
		// a moment in which a hide on its way to the extension host is missed)
		const copy = provider.reveals.copy(node, () => refusal(source) ?? (isSelected(node) ? 'selected already' : undefined));
		// the list's focus too when the keys are in the view (a key pressed there), else the keys stay where they are
		const takesKeys = keysInView(source) && !keysMoved.has(source);
		if (takesKeys) keysMoved.add(source);
		let failed = false;
		try {
			await view.reveal(copy, { select: true, focus: takesKeys, expand: false });
		} catch (err) {
			failed = true;
			if (!provider.reveals.refused(copy)) getLog().debug(`Papers view: could not reveal ${node.id}${retry ? ', trying again after the view\'s next read' : ''}: ${errorText(err)}`);
		}
		if (disposed) return undefined;
		const refusedLate = provider.reveals.refused(copy);
		if (refusedLate === 'selected already') return told({ node });
		if (refusedLate) return told({ skipped: refusedLate });
		if (!failed) return told({ node });
		if (!retry) return told({ skipped: 'reveal failed' });
		await provider.nextRead(REVEAL_RETRY_WAIT_MS);
		if (disposed) return undefined;
		if (follow.latest !== source) return told({ skipped: 'newer request' });
		return revealFollowed(() => sourcePaper(source), false);
	};

	const revealEditorPaper = (editor: vscode.TextEditor): Promise<PaperNode | undefined> => {
		follow.ask('cursor');
		return revealFollowed(() => (editor === vscode.window.activeTextEditor ? editorPaper(editor) : undefined));
	};

	/** how long clickedPaper waits (TreeRegistration.clickWait) */
	const clickWait = { ms: CLICK_WAIT_MS };
	/** until when the next open of a row takes the keyboard focus along (Enter: TREE_ENTER_COMMAND); 0 when none asked */
	let focusOpenUntil = 0;
	/** selections the view reported, the reader's and revealed ones (see clickedPaper) */
	let selectionChanges = 0;
	/** the rows of the selection the view last reported (see selectedRows) */
	let reportedSelection: readonly TreeNode[] = [];

	/**
	 * The rows selected, for the commands run on them from the view's keys (Next Unread, Copy as
	 * BibTeX…). `view.selection` leaves out a row whose handle a refresh made the extension host forget
	 * until the workbench has read the row again (it forgets a category's papers while it asks for
	 * them anew, as after a marks refresh): the selection stays, and the rows the view last reported
	 * selected are those. A selection the reader emptied is reported empty.
	 */
	const selectedRows = (): readonly TreeNode[] => (view.selection.length > 0 ? view.selection : reportedSelection);

	/**
	 * The paper a click (or Enter) on a row opens: the workbench runs a row's command for its one
	 * selected row, and tells the extension host the selection first. A refresh between the two
	 * leaves the row out of `view.selection` until the workbench has read it again: waited for, up
	 * to CLICK_WAIT_MS.
	 */
	const clickedPaper = async (): Promise<PaperNode | undefined> => {
		const deadline = Date.now() + clickWait.ms;
		const selections = selectionChanges;
		for (;;) {
			const selection = view.selection;
			if (selection.length > 1) return undefined;
			const [node] = selection;
			if (node) return node.kind === 'paper' ? node : undefined;
			const left = deadline - Date.now();
			if (left <= 0 || disposed) {
				if (!disposed) getLog().debug('Papers view: the row a click selected was not read again after a refresh; nothing opened');
				return undefined;
			}
			await provider.nextRead(left);
			// another row selected meanwhile (a second click, a reveal): its own command opens it
			if (selectionChanges !== selections) return undefined;
		}
	};


	/**
	 * Resolves once the view's refreshes in flight are over (the extension host's reveal waits for them;
	 * this one changes nothing, the row being on screen and selected). Before a card takes the keys from
	 * the view: VS Code's tree view ends every refresh by focusing its tree again when it believes it has
	 * the keys, a belief it drops only a timer's turn after the keys left, and on a busy workbench that
	 * turn came 50–140 ms late. A click's read mark refreshes the day, the Enter that follows waits for
	 * the row in clickedPaper until the refresh reads it again, and the card then opened just before the
	 * refresh ended: the keys went back to the view in 16 of 20 tries (a stress run), now in none.
	 */
	const refreshesOver = (node: PaperNode): Promise<void> =>
		Promise.resolve(view.reveal(node, { select: false, focus: false, expand: false })).then(
			() => undefined,
			// a row a newer refresh made the extension host forget: its refresh was waited for all the same
			() => undefined,
		);

	/**
	 * Reveals the paper of the newest follow request once the requests pause; `source`: a new request,
	 * which replaces the one before, and its pending reveal.
	 */
	const scheduleFollow = (source?: FollowSource) => {
		if (followTimer) clearTimeout(followTimer);
		followTimer = undefined;
		if (source !== undefined) follow.ask(source);
		if (follow.latest === undefined || readSetting<boolean>(SETTINGS.treeFollowCursor) === false) return;
		// a key pressed in the view (a new request) moves the list's focus at once: the later, the likelier
		// the reader went on meanwhile (into the card)
		const keys = keysInView(source);
		followTimer = setTimeout(
			() => {
				followTimer = undefined;
				if (!disposed) void revealFollowed();
			},
			keys ? 0 : FOLLOW_DELAY_MS,
		);
	};

	disposables.push(
		// another editor's cursor (a visible one, moved by an edit) is not where the reader is
		vscode.window.onDidChangeTextEditorSelection((e) => {
			if (e.textEditor === vscode.window.activeTextEditor) scheduleFollow('cursor');
		}),
		// a day or category the reader opened opens again when it comes back, and after a reload (see rowExpanded)
		view.onDidExpandElement((e) => provider.rowExpanded(e.element, true)),
		view.onDidCollapseElement((e) => {
			follow.collapsed();
			provider.rowExpanded(e.element, false);
		}),
		// the reader selected something else: nothing more to follow until the next request (the
		// reveal's own row is not that, nor an empty selection: a reveal of a row the workbench did not
		// know yet selects nothing, and a refresh takes a row out of it; a click on a row just refreshed
		// comes empty too, see clickedPaper)
		view.onDidChangeSelection((e) => {
			selectionChanges++;
			reportedSelection = e.selection;
			const ids = e.selection.map((node) => node.id);
			readerSelection.changed(ids, follow.selectionChanged(ids));
		}),
		// the tree changed since the asked-for reveal: the workbench may not have known the paper's item
		// then (a day rebuilt or refreshed meanwhile) and selected nothing, or the refresh took the row
		// out of the selection; ask again (nothing happens while the row stays selected)
		provider.onDidChangeTreeData(() => {
			if (follow.wanted !== undefined) scheduleFollow();
		}),
		view.onDidChangeVisibility((e) => {
			follow.visibilityChanged();
			// asked again for the view's new showing (the editor may have been open before the view was shown)
			if (e.visible) scheduleFollow('cursor');
		}),

		vscode.commands.registerCommand(TREE_OPEN_COMMAND, async (ref?: TreePaperRef) => {
			const takeFocus = Date.now() <= focusOpenUntil;
			focusOpenUntil = 0;
			const node = ref ? undefined : await clickedPaper();
			ref ??= node && paperRefOf(node);
			if (!ref) return;
			if (readSetting<string>(SETTINGS.treeOpenAction) !== 'source') {
				// a click leaves the focus in the view, to go on through the rows; Enter takes it into the card
				if (!takeFocus) {
					await vscode.commands.executeCommand('arxivDigest.openCard', ref);
					return;
				}
				// the keys go to the card: a step's reveal still to come leaves them there
				if (keysInView(follow.latest)) keysMoved.add(follow.latest);
				// the view's own redraws wait until the card has the keys (see holdRefreshes), and those under way end first
				const release = provider.holdRefreshes(KEYS_HOLD_MS);
				try {
					if (node) await refreshesOver(node);
					// resolves once the card has the keys (or will not get them)
					await vscode.commands.executeCommand('arxivDigest.openCard', takingFocus(ref));
				} finally {
					// the view's focus tracker lets go of the keys a timer's turn after they left: a moment later
					release(KEYS_SETTLE_MS);
				}
			} else {
				// the digest takes the keyboard focus either way, as a file opened from the Explorer
				await vscode.commands.executeCommand('arxivDigest.openSource', ref);
			}
		}),

		// a card's step (Next, Previous, Next Unread): its paper's row, as the cursor's, so that Enter or a
		// click on the selected row opens the paper the card shows, not the one the reader started from
		vscode.commands.registerCommand(REVEAL_STEPPED_PAPER_COMMAND, (paper: SteppedPaper) => scheduleFollow({ uri: paper.uri, id: paper.id, index: paper.index, ...(paper.keysInView === true ? { keysInView: true } : {}) })),
		// Escape in a card: back to the view the reader walks the papers in, if it is shown, on the card's paper
		vscode.commands.registerCommand(FOCUS_SHOWN_PAPERS_VIEW_COMMAND, async (paper?: SteppedPaper): Promise<boolean> => {
			if (!view.visible) return false;
			const node = paper === undefined ? undefined : provider.model.findPaper(paper.uri, paper.id, paper.index ?? 0);
			// a refresh in flight fails the reveal (the extension host forgot the row): the view's focus, where it was
			const revealed = node !== undefined && (await view.reveal(node, { select: true, focus: true, expand: false }).then(() => true, () => false));
			if (!revealed) await vscode.commands.executeCommand(`${TREE_VIEW_ID}.focus`);
			return true;
		}),
		vscode.commands.registerCommand(PAPERS_SELECTION_COMMAND, (): TreePaperRef[] => selectedRows().filter((node): node is PaperNode => node.kind === 'paper').map(paperRefOf)),
		vscode.commands.registerCommand(PAPERS_WALK_START_COMMAND, (after?: number) => (after !== undefined && readerSelection.chosenAt <= after ? undefined : walkStartOf(selectedRows()[0]))),

		// Enter on a paper row (its binding leaves a day's or category's Enter to the workbench, which
		// expands or collapses it). The binding asks for the keys in this view's tree by the key the
		// workbench sets in the tree's own context, named after the view's id, which it reads from the
		// element the keys are in; not by focusedView, a window-wide key set from the views' focus
		// events: with it, Enter after a click that brought the keys back from a card once ran the
		// workbench's own Enter (a Restricted Mode UI run). The workbench's own Enter (list.select) is run first: it selects the
		// row that has the list's focus (of several selected, that one alone), as the reader expects of
		// the key, and runs the row's command, TREE_OPEN_COMMAND, as for a click. The API tells an
		// extension neither which row has the list's focus nor whether a row's command came from a key
		// or a click, so that command is told here, for as long as it may wait for the row (clickedPaper).
		vscode.commands.registerCommand(TREE_ENTER_COMMAND, async () => {
			focusOpenUntil = Date.now() + clickWait.ms;
			await vscode.commands.executeCommand('list.select');
		}),

		// Escape in the view's tree. The workbench's own (list.clear) takes the list's focus away too when
		// one row is selected, and the next ↓ starts from the first day: a tester back from a card by
		// Escape pressed it once more and lost the place. One row selected or none: nothing to clear, the
		// place stays; several: the workbench's, which leaves the focus where it is.
		vscode.commands.registerCommand(TREE_ESCAPE_COMMAND, async () => {
			if (selectedRows().length > 1) await vscode.commands.executeCommand('list.clear');
		}),

		vscode.commands.registerCommand('arxivDigest.tree.refresh', () =>
			vscode.window.withProgress({ location: { viewId: TREE_VIEW_ID } }, async () => {
				await workspace.refresh();
				provider.reload();
			}),
		),

		vscode.commands.registerCommand('arxivDigest.tree.clearFilter', () => provider.clearFilter()),

		vscode.commands.registerCommand('arxivDigest.tree.filter', async (queryArg?: unknown) => {
			const query = await argOrInputBox(queryArg, {
				title: vscode.l10n.t('Filter Papers'),
				prompt: vscode.l10n.t('Show only the papers that match a search query (empty clears the filter)'),
				placeHolder: vscode.l10n.t('e.g. diffusion transformer'),
				value: provider.query ?? '',
			});
			if (query === undefined) return;
			const trimmed = query.trim();
			if (!trimmed) {
				provider.clearQuery();
				return;
			}
			let result: QueryIdsResult | undefined;
			try {
				result = await vscode.window.withProgress({ location: { viewId: TREE_VIEW_ID } }, () =>
					Promise.resolve(vscode.commands.executeCommand<QueryIdsResult | undefined>(QUERY_IDS_COMMAND, trimmed)),
				);
			} catch (err) {
				void showErrorMessage(vscode.l10n.t('Cannot filter papers: search is not available ({0}).', errorText(err)));
				return;
			}
			if (!result || typeof result !== 'object') {
				void showErrorMessage(vscode.l10n.t('Cannot filter papers: the search gave no answer.'));
			} else if ('error' in result) {
				void showErrorMessage(vscode.l10n.t('Cannot filter papers: {0}', result.error));
			} else if (Array.isArray(result.ids)) {
				provider.setFilter(trimmed, new Set(result.ids));
			}
		}),

		vscode.commands.registerCommand('arxivDigest.tree.filterCategory', async () => {
			const counts = provider.model.categoryCounts();
			if (!counts.length) {
				void showInformationMessage(vscode.l10n.t('There are no categories to filter: no digests were found.'));
				return;
			}
			const current = provider.categories;
			type Pick = vscode.QuickPickItem & { category?: string };
			const showAll: Pick = { label: `$(clear-all) ${vscode.l10n.t('Show all')}`, description: papersCount(provider.model.totalCount(), vscode.l10n), alwaysShow: true };
			const items: Pick[] = [
				showAll,
				{ label: '', kind: vscode.QuickPickItemKind.Separator },
				...counts.map((c) => ({ label: c.name, description: papersCount(c.count, vscode.l10n), category: c.name, picked: !!current?.has(c.name) })),
			];
			const picked = await showQuickPick(items, {
				title: vscode.l10n.t('Filter by Category'),
				placeHolder: vscode.l10n.t('Categories to show'),
				canPickMany: true,
				matchOnDescription: false,
			});
			if (!picked) return;
			const names = picked.filter((p) => p.category !== undefined).map((p) => p.category as string);
			provider.setCategoryFilter(picked.includes(showAll) || names.length === 0 ? undefined : new Set(names));
		}),
	);

	return {
		provider,
		view,
		revealEditorPaper,
		clickWait,
		dispose() {
			disposed = true;
			if (followTimer) clearTimeout(followTimer);
			disposeLastFirst(disposables);
		},
	};
}
