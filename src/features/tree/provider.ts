import * as vscode from 'vscode';
import type { TagCount } from '../../core/library/model';
import type { DamageCode } from '../../core/summary';
import { TimedWaiters } from '../../core/timedWaiters';
import { fieldsText, listText, papersCount } from '../counts';
import {
	DigestTreeModel,
	NO_CATEGORY,
	entryCounts,
	weekdayNames,
	type CategoryNode,
	paperDescription,
	paperLabel,
	paperTooltipMarkdown,
	type DayNode,
	type PaperNode,
	type TreeFilter,
	type TreeTexts,
	type TreeNode,
} from '../../core/tree';
import { firstCategoryFollowing, isMatch } from '../../core/interests';
import { addCounts, emptyCounts, orderForMode, paperMark, type ReadingCounts } from '../../core/readingMarks';
import { baseId } from '../../core/readState';
import { orderByScore } from '../../core/recs/forYou';
import { realClock, type Clock } from '../../core/clock';
import { KeyedDebouncer } from '../../core/debounce';
import { RecentSet } from '../../core/recentSet';
import { dayMatches, hasDayFilter, parseQuery } from '../../core/search/query';
import { GuardedReveals, type RevealRefusal } from '../../core/follow';
import type { Reading, ReadingChange } from '../reading';
import { categoryFollowingText, matchCountNote } from '../reading/interests';
import { uriKey } from '../vsc-utils';
import { readSetting, SETTINGS } from '../settings';
import type { DigestFile, DigestWorkspaceChange, IDigestWorkspace, PaperRef } from '../workspace/types';

/** Internal (not in the palette): what a click on a paper runs; decides card or source at click time. */
export const TREE_OPEN_COMMAND = 'arxivDigest.internal.openFromTree';
/**
 * Internal: what Enter on a paper row runs (package.json binds it): opens the row as a click does,
 * and the keyboard focus goes along, as Enter in the Explorer takes the reader into the file.
 */
export const TREE_ENTER_COMMAND = 'arxivDigest.internal.enterOnTreeRow';
/** Internal: what Escape in the Papers view's tree runs (package.json binds it): keeps the reader's place. */
export const TREE_ESCAPE_COMMAND = 'arxivDigest.internal.escapeInTree';

/** A PaperRef that also names the entry's index, so a paper listed twice in one file opens the right entry. */
export interface TreePaperRef extends PaperRef {
	readonly index: number;
}

/** how long the view waits to show a burst of read marks or matches */
export const READING_REFRESH_MS = 50;
/**
 * The days are healed once the root refreshes pause this long after a read (see fireRoot): longer
 * than a scan's 400 ms between updates, so a scan's next one comes first...
 */
export const HEAL_QUIET_MS = 500;
/** ...but no later than this after the first root read since the last heal */
export const HEAL_MAX_WAIT_MS = 2_000;
/** the scheme of the resource URIs that let PaperDecorations dim excluded papers' labels */
export const PAPER_DECORATION_SCHEME = 'arxiv-digest-paper';
/** the most rows stored as expanded (a day is one, each of its categories one): the latest expanded kept */
export const MAX_EXPANDED_ROWS = 200;


/** the refreshes the view makes by itself, each on its timer */
type RefreshTimer = 'heal' | 'healDays' | 'marks';

export interface ForYouScores {
	scores(day: DayNode): ReadonlyMap<string, number> | undefined;
	/** a paper's score as the view shows it, among the day's scores (e.g. `top 5%`) */
	label(score: number, among: ReadonlyMap<string, number>): string;
	/** what the view says above the list in "For you" mode (e.g. that it falls back to the interests) */
	note(): string | undefined;
}

/** What the Papers view shows of the reader's library. */
export interface TreeLibrary {
	isStarred(id: string): boolean;
	/** the reader's own lines for a paper's tooltip (collections, tags, note) */
	tooltip(id: string): string | undefined;
	/** every tag in use, with how many papers carry it (a filter on a tag no paper carries says so) */
	tagCounts(): TagCount[];
}

export function paperRefOf(node: PaperNode): TreePaperRef {
	return { uri: node.key, id: node.paper.id, index: node.index };
}

/** the tree model's own words in the display language */
function treeTexts(): TreeTexts {
	// the TL;DR line a template: its {0} is filled by paperTooltipMarkdown
	return { etAl: vscode.l10n.t(' et al.'), noCategory: vscode.l10n.t('(no category)'), tldr: vscode.l10n.t('TL;DR: {0}', '{0}') };
}

function paperTooltip(paper: Parameters<typeof paperTooltipMarkdown>[0], where: string): vscode.MarkdownString {
	const tooltip = new vscode.MarkdownString(paperTooltipMarkdown(paper, where, treeTexts()));
	tooltip.isTrusted = false;
	tooltip.supportHtml = false;
	return tooltip;
}

function toInputs(files: readonly DigestFile[]) {
	return files.map((f) => ({ key: uriKey(f.uri), digest: f.digest }));
}

/**
 * Days → categories → papers over the whole workspace. Holds the filter; a file change rebuilds
 * only the days it touches.
 */
export class DigestTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
	/** day labels name the weekday in the display language: `2026-06-29 · 周一` */
	readonly model = new DigestTreeModel([], {}, () => weekdayNames(vscode.env.language));
	private readonly treeEmitter = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
	readonly onDidChangeTreeData = this.treeEmitter.event;
	private readonly filterEmitter = new vscode.EventEmitter<void>();
	private readonly expandedEmitter = new vscode.EventEmitter<void>();
	/** fires after the days and categories stored as expanded changed (see rowExpanded) */
	readonly onDidChangeExpanded = this.expandedEmitter.event;
	/** fires after the filter (query or categories) changed */
	readonly onDidChangeFilter = this.filterEmitter.event;
	private queryText: string | undefined;
	private queryIds: ReadonlySet<string> | undefined;
	/** the days the query names, if it names any (see setFilter) */
	private queryDays: ((day: string | undefined) => boolean) | undefined;
	private categorySet: ReadonlySet<string> | undefined;
	/** a root refresh was fired and the workbench has not read the root back yet */
	private rootRefreshPending = false;
	/** days refreshed that the workbench has not read back yet, and days read back since the last heal of their categories */
	private readonly daysPending = new Set<DayNode>();
	private readonly daysToHeal = new Set<DayNode>();
	/** the heals after root and day refreshes; a burst of reading changes */
	private readonly timers: KeyedDebouncer<RefreshTimer>;
	private readonly clock: Clock;
	/** the holds on the refreshes the view makes by itself, each until a clock time (see holdRefreshes), and the refreshes waiting */
	private readonly holds = new Set<{ until: number }>();
	private readonly held = new Map<RefreshTimer, () => void>();
	/**
	 * The papers (ids without version) whose marks changed since the view last showed marks, each with
	 * the one day where it looks the same (seen there, still new there; null: none); 'all' after a
	 * change that can touch any.
	 */
	private marksChanged: Map<string, string | null> | 'all' | undefined;
	/**
	 * The "For you" scores of a day's papers (higher first), set by the recs feature: undefined while
	 * they are computed (the day shows in file order; the feature calls forYouChanged when they come).
	 */
	forYou: ForYouScores | undefined;
	/** the reader's stars and own lines for a paper's tooltip, set by the library feature */
	library: TreeLibrary | undefined;
	private readonly subscriptions: vscode.Disposable[] = [];
	/** counts per node, dropped whenever the tree or the marks change (a refresh asks for each twice: item and children) */
	private countCache = new WeakMap<TreeNode, ReadingCounts>();
	/** the copies of nodes the Papers view's follow reveals, each with its guard (see GuardedReveals) */
	readonly reveals = new GuardedReveals<TreeNode, RevealRefusal>();

	constructor(
		private readonly workspace: IDigestWorkspace,
		private readonly reading?: Reading,
		clock?: Clock,
		/** the days and categories the reader left expanded, stored by the view between sessions (see rowExpanded) */
		readonly expanded = new RecentSet(undefined, MAX_EXPANDED_ROWS),
	) {
		this.clock = clock ?? realClock;
		this.timers = new KeyedDebouncer(this.clock);
		this.model.setAll(toInputs(workspace.files()));
		this.subscriptions.push(workspace.onDidChange((changes) => this.applyChanges(changes)));
		if (reading) this.subscriptions.push(reading.onDidChange((change) => this.marksChange(change)));
	}

	/**
	 * Marks change in bursts (a day's papers seen, matches arriving): one refresh per burst, at most
	 * READING_REFRESH_MS after its first change. A paper's new / seen / read mark redraws only the
	 * days that list it: a root refresh redrew every day and, after its heal, every day again (each
	 * card opened cost a count of every day's papers, twice), and a click during a refresh waits for
	 * its row to be read again (see clickedPaper in index.ts). The day just expanded, whose papers
	 * were seen on it, is not redrawn: they still show as new there. Matches and the view mode can
	 * touch every day: those refresh the root.
	 */
	private marksChange(change: ReadingChange): void {
		this.countCache = new WeakMap();
		if (!change.ids || this.marksChanged === 'all') this.marksChanged = 'all';
		else {
			const changed = this.marksChanged ?? new Map<string, string | null>();
			this.marksChanged = changed;
			const seenOn = change.seenOn ?? null;
			for (const id of change.ids) {
				const key = baseId(id);
				const before = changed.get(key);
				changed.set(key, before === undefined || before === seenOn ? seenOn : null);
			}
		}
		this.timers.schedule(
			'marks',
			READING_REFRESH_MS,
			this.unlessHeld('marks', () => {
				const changed = this.marksChanged;
				this.marksChanged = undefined;
				if (changed === 'all') this.fireRoot();
				// every day listing a paper but the one where it looks the same
				else if (changed) this.fireDays(this.model.daysListing(changed, baseId, (key, day) => changed.get(key) === day.day));
			}),
			{ maxWaitMs: READING_REFRESH_MS },
		);
	}

	/**
	 * Puts off the refreshes the view makes by itself (read marks, stars and matches, the heals after
	 * refreshes) for at most `ms`, or until the returned `release(afterMs)` ends the hold `afterMs` from
	 * then. A card is about to take the keys from the view (Enter): VS Code's tree view ends each refresh
	 * by focusing its tree again while it believes it has the keys, a belief it drops a timer's turn
	 * after they left, a turn that came 50–140 ms late on a busy workbench, and a refresh ending in it
	 * took the keys back from the card. The card's own read mark, and the heal of the mark a click made
	 * just before (HEAL_QUIET_MS after it), could end there. What was put off runs once no hold is on.
	 * Refreshes for the tree's content (a file changed, a filter, For you's scores) are not held.
	 */
	holdRefreshes(ms: number): (afterMs: number) => void {
		const hold = { until: this.clock.now() + ms };
		this.holds.add(hold);
		return (afterMs) => {
			hold.until = Math.min(hold.until, this.clock.now() + afterMs);
			// what waits for the holds' end waits for their new end
			const wait = this.heldFor();
			for (const [key, attempt] of this.held) this.timers.schedule(key, wait, attempt);
		};
	}

	/** how long the holds on now last (0: none) */
	private heldFor(): number {
		const now = this.clock.now();
		let until = now;
		for (const hold of this.holds) {
			if (hold.until <= now) this.holds.delete(hold);
			else until = Math.max(until, hold.until);
		}
		return until - now;
	}

	/** `run`, for the timer `key`, once no hold is on (see holdRefreshes); a hold puts it off to its end. */
	private unlessHeld(key: RefreshTimer, run: () => void): () => void {
		const attempt = () => {
			const wait = this.heldFor();
			if (wait > 0) {
				this.held.set(key, attempt);
				this.timers.schedule(key, wait, attempt);
			} else {
				this.held.delete(key);
				run();
			}
		};
		return attempt;
	}

	dispose(): void {
		this.readWaiters.release();
		this.timers.dispose();
		this.held.clear();
		for (const s of this.subscriptions) s.dispose();
		this.treeEmitter.dispose();
		this.filterEmitter.dispose();
		this.expandedEmitter.dispose();
	}

	/** Papers were starred or unstarred: redraw the days that list them. */
	starsChanged(ids: readonly string[]): void {
		this.marksChange({ ids });
	}

	/** The "For you" scores changed or arrived: redraw in that mode. */
	forYouChanged(): void {
		if (this.reading?.viewMode() === 'forYou') this.fireRoot();
	}

	/** Rebuilds from the workspace's current files (after the first scan and a Refresh). */
	reload(): void {
		this.countCache = new WeakMap();
		this.model.setAll(toInputs(this.workspace.files()));
		this.fireRoot();
	}

	/**
	 * A root refresh makes the extension host forget every tree item until the workbench has read
	 * the root again; a day expanded in that window is answered "no children", and the workbench
	 * keeps that empty answer until the day is collapsed and expanded again. So once the root has
	 * been read back, the days are refreshed too: an expanded day then reads its categories again
	 * (a collapsed one costs one getTreeItem). Which days were expanded in the window is not told
	 * (their handles are what the extension host forgot), so every day is; that cost the workbench
	 * 30–50 ms of CPU each time, after each of the five root refreshes of a cold start. The heal
	 * waits for the refreshes to pause (HEAL_QUIET_MS), HEAL_MAX_WAIT_MS at most.
	 */
	private fireRoot(): void {
		this.rootRefreshPending = true;
		// every day's handles go with the root's (its heal refreshes the days again, and heals them in turn)
		this.daysPending.clear();
		this.daysToHeal.clear();
		this.timers.cancel('healDays');
		this.held.delete('healDays');
		this.treeEmitter.fire(undefined);
	}

	private rootWasRead(): void {
		if (!this.rootRefreshPending) return;
		this.rootRefreshPending = false;
		// never at once: after this answer is registered (getTreeItem and the handles are set up asynchronously)
		this.timers.schedule(
			'heal',
			HEAL_QUIET_MS,
			this.unlessHeld('heal', () => {
				// a root refresh not yet read back: the days' handles are forgotten again, and its read heals them
				if (this.rootRefreshPending) return;
				this.fireDays([...this.model.roots()]);
			}),
			{ maxWaitMs: HEAL_MAX_WAIT_MS },
		);
	}

	/**
	 * A day's refresh does to its categories what a root refresh does to the days: the extension
	 * host forgets them until the workbench has read the day again, and a category expanded in that
	 * window stays empty. So once a refreshed day has been read back, its categories are refreshed
	 * too, after the refreshes pause as for the root. A collapsed day is not read back, nor healed.
	 */
	private fireDays(days: readonly DayNode[]): void {
		if (!days.length) return;
		for (const day of days) this.daysPending.add(day);
		this.treeEmitter.fire([...days]);
	}

	private dayWasRead(day: DayNode): void {
		// "For you" lists a day's papers without their categories: nothing below a day to heal
		if (!this.daysPending.delete(day) || this.reading?.viewMode() === 'forYou') return;
		this.daysToHeal.add(day);
		this.timers.schedule(
			'healDays',
			HEAL_QUIET_MS,
			this.unlessHeld('healDays', () => {
				const categories: CategoryNode[] = [];
				for (const d of this.daysToHeal) {
					// refreshed again and not yet read back (its read heals it), or no longer shown
					if (this.daysPending.has(d) || this.model.getNode(d.id) !== d) continue;
					categories.push(...d.categories);
				}
				this.daysToHeal.clear();
				if (categories.length) this.treeEmitter.fire(categories);
			}),
			{ maxWaitMs: HEAL_MAX_WAIT_MS },
		);
	}

	applyChanges(changes: readonly DigestWorkspaceChange[]): void {
		const update = this.model.update(
			changes.map((c) => ({ key: uriKey(c.uri), digest: c.kind === 'removed' ? undefined : this.workspace.get(c.uri)?.digest })),
		);
		// only the rebuilt days count again (their categories are new nodes): a warm start's summaries
		// arrive in several events, each of which made the refresh count all 33,000 papers again
		for (const day of update.days) this.countCache.delete(day);
		if (update.rootChanged) this.fireRoot();
		else this.fireDays(update.days);
	}

	get query(): string | undefined {
		return this.queryText;
	}

	get categories(): ReadonlySet<string> | undefined {
		return this.categorySet;
	}

	get isFiltered(): boolean {
		return this.model.isFiltered;
	}

	/**
	 * Shows only the papers whose id is in `ids` (the answer of a search for `query`), and those only
	 * under the days the query names (`day:`, `after:`, `before:`), not under every day that lists them.
	 */
	setFilter(query: string, ids: ReadonlySet<string>): void {
		this.queryText = query;
		this.queryIds = ids;
		const parsed = parseQuery(query);
		this.queryDays = parsed.ok && hasDayFilter(parsed.query) ? (day) => dayMatches(parsed.query, day) : undefined;
		this.applyFilter();
	}

	/** Shows only these categories; undefined or empty shows them all. */
	setCategoryFilter(categories: ReadonlySet<string> | undefined): void {
		this.categorySet = categories && categories.size ? categories : undefined;
		this.applyFilter();
	}

	/** Drops the text filter, keeps the category filter. */
	clearQuery(): void {
		this.queryText = undefined;
		this.queryIds = undefined;
		this.queryDays = undefined;
		this.applyFilter();
	}

	/** Drops the text filter and the category filter. */
	clearFilter(): void {
		this.queryText = undefined;
		this.queryIds = undefined;
		this.queryDays = undefined;
		this.categorySet = undefined;
		this.applyFilter();
	}

	/** `filtered: <query> ×` (categories appended), or undefined when nothing is filtered. */
	filterDescription(): string | undefined {
		const label = this.filterLabel();
		return label === undefined ? undefined : `${label} ×`;
	}

	/** `filtered: <query> · <categories>`, or undefined when nothing is filtered. */
	filterLabel(): string | undefined {
		const words = this.filterWords();
		return words === undefined ? undefined : vscode.l10n.t('filtered: {0}', words);
	}

	/** `<query> · <categories>`, or undefined when nothing is filtered. */
	filterWords(): string | undefined {
		const parts: string[] = [];
		if (this.queryText !== undefined) parts.push(this.queryText);
		if (this.categorySet) parts.push(listText([...this.categorySet], vscode.l10n, 'list'));
		return parts.length ? parts.join(' · ') : undefined;
	}

	private applyFilter(): void {
		this.countCache = new WeakMap();
		const filter: TreeFilter = { ids: this.queryIds, categories: this.categorySet, days: this.queryDays };
		this.model.setFilter(filter);
		this.fireRoot();
		this.filterEmitter.fire();
	}

	/** who waits for the next read of the view's rows (see nextRead) */
	private readonly readWaiters = new TimedWaiters();

	/**
	 * Resolves once the workbench has read some of the view's rows again (a turn after getChildren:
	 * the extension host has registered them then, and the view's selection names them again): true;
	 * or false after `ms`. A refreshed row's handle stays selected, but the view's `selection` leaves
	 * it out until the workbench has read the row again.
	 */
	nextRead(ms: number): Promise<boolean> {
		return this.readWaiters.wait(ms);
	}

	getChildren(node?: TreeNode): TreeNode[] {
		// those waiting now are told a turn on, once the workbench has the rows (see nextRead)
		if (this.readWaiters.size > 0) setTimeout(this.readWaiters.take(), 0);
		if (!node) this.rootWasRead();
		else if (node.kind === 'day') this.dayWasRead(node);
		if (node && node.kind !== 'paper') this.rowRead(node);
		const children = this.model.children(node);
		const reading = this.reading;
		const mode = reading?.viewMode() ?? 'all';
		if (mode === 'forYou' && node?.kind === 'day') return this.forYouPapers(node);
		if (!reading || mode === 'all' || mode === 'forYou') return [...children];
		if (!node || node.kind === 'day') {
			// only matches: days and categories without one are hidden; matches first keeps them all
			if (mode === 'matchesFirst') return [...children];
			return children.filter((c) => this.counts(c as DayNode | CategoryNode).matches > 0);
		}
		if (node.kind === 'category') return orderForMode(node.papers, mode, (p) => p.paper.id, reading);
		return [];
	}

	/**
	 * Papers, unread papers and matches under a day or category as shown (the filter applies, and
	 * "Only matches" counts its matches: a row said 4 unread over 3 papers shown, 1 unread); kept
	 * until marks, days or the view mode change.
	 */
	counts(node: DayNode | CategoryNode): ReadingCounts {
		const known = this.countCache.get(node);
		if (known) return known;
		const counts = emptyCounts();
		this.countCache.set(node, counts);
		const reading = this.reading;
		if (!reading) return counts;
		const day = node.kind === 'day' ? node.day : node.parent.day;
		const categories = node.kind === 'day' ? node.categories : [node];
		const onlyMatches = reading.viewMode() === 'onlyMatches';
		for (const c of categories) addCounts(counts, onlyMatches ? c.paperIds().filter((id) => isMatch(reading.match(id))) : c.paperIds(), day, reading);
		return counts;
	}

	/**
	 * `300 · ✦3`, `288 unread · ✦3`, `8 new · ✦84`: where the day or category stands, then its matches
	 * (the row's short words; countParts says which).
	 */
	private countDescription(node: DayNode | CategoryNode): string {
		// Chinese sets its middle dot without spaces (`未读 336·✦45`): the spaces cut a day's row
		return this.countParts(node, 'row').reduce((text, part) => vscode.l10n.t({ message: '{0} · {1}', args: [text, part], comment: 'counts of a Papers view row' }));
	}

	/**
	 * `row`: the words of the row's description, short enough that a day's fits the sidebar's default
	 * width with 3-digit counts in English and Chinese; `full`: what the tooltip and a screen reader say.
	 */
	private countParts(node: DayNode | CategoryNode, form: 'row' | 'full' = 'full'): string[] {
		const shown = node.count;
		if (!this.reading) return [String(shown)];
		const c = this.counts(node);
		// a day that lists again papers the reader saw on earlier days (a fork re-lists two days' worth)
		// says how many of its papers are new: its unread count alone made a day of repeats with 8 new
		// papers look like more work than a day of 166 new ones. (A repeat: a paper listed on an earlier
		// day too, not one the reader saw on this day itself, which would turn yesterday's day into
		// "0 new" the next morning instead of its unread count.)
		const seenBefore = (n: DayNode | CategoryNode) => this.counts(n).repeatsSeen;
		// an untouched day and its categories show the count alone; once a paper of the day is read,
		// each of its categories says how many are unread, all of them too
		const partlyRead = (n: DayNode | CategoryNode) => {
			const counts = this.counts(n);
			return counts.unread < counts.papers;
		};
		const saysUnread = c.unread > 0 && (partlyRead(node) || (node.kind === 'category' && partlyRead(node.parent)));
		const allRead = c.unread === 0 && c.papers > 0;
		if (form === 'row') {
			// one count first, what is left to read standing for the day's own count once that differs
			// (the tooltip has both), then the matches: `2026-06-05 · Fri 337 · ✦51 · 336 u…` and
			// `348 · 54 new · …` were cut at the default width, the matches lost
			const repeats = seenBefore(node) > 0 || (node.kind === 'category' && seenBefore(node.parent) > 0);
			// a day with repeats and nothing new left says what is unread: "0 new" stood on a day the reader
			// had looked through (its papers seen there) with 114 of its 136 papers unread (a tester's)
			const lead =
				repeats && c.fresh > 0
					? vscode.l10n.t({ message: '{0} new', args: [c.fresh], comment: 'papers never seen before, short: a Papers view row' })
					: saysUnread || (repeats && c.unread > 0)
						? vscode.l10n.t({ message: '{0} unread', args: [c.unread], comment: 'short: a Papers view row' })
						: allRead
							? vscode.l10n.t('all read')
							: String(shown);
			// the matches marked with the sign a matching paper's row shows (`✦4`), the words were too long;
			// `✦2…` while they are counted without the abstracts a start loads meanwhile (the tooltip says so):
			// a warm start in a loaded browser showed ✦2 for minutes on a day whose final count was 7
			if (c.matches === 0) return [lead];
			const counting = this.reading.interests.provisional;
			return [
				lead,
				counting
					? vscode.l10n.t({ message: '✦{0}…', args: [c.matches], comment: 'matches counted so far, still counting, short: a Papers view row' })
					: vscode.l10n.t({ message: '✦{0}', args: [c.matches], comment: 'matches, short: a Papers view row' }),
			];
		}
		const parts = [String(shown)];
		if (c.matches > 0) parts.push(c.matches === 1 ? vscode.l10n.t('1 match') : vscode.l10n.t('{0} matches', c.matches));
		if (seenBefore(node) > 0) {
			// where each paper stands, the three adding up to the count
			parts.push(vscode.l10n.t('{0} new', c.fresh), vscode.l10n.t({ message: '{0} already seen', args: [c.unread - c.fresh], comment: 'papers seen, not read: on this day or another (a later day that lists them too)' }), vscode.l10n.t('{0} read', c.papers - c.unread));
			return parts;
		}
		if (saysUnread) parts.push(vscode.l10n.t('{0} unread', c.unread));
		if (allRead) parts.push(vscode.l10n.t('all read'));
		return parts;
	}

	/**
	 * What a screen reader says for a day or category row: its name and counts (`cs.CV, 76 papers, 2
	 * matches, 75 unread`). Without it the workbench reads a string tooltip instead of label and
	 * description, and a category's tooltip has no unread or match count.
	 */
	private countAccessibility(node: DayNode | CategoryNode, label: string): vscode.AccessibilityInformation {
		const [, ...rest] = this.countParts(node);
		return { label: fieldsText([label, papersCount(node.count, vscode.l10n), ...rest], vscode.l10n) };
	}

	/** "For you": the day's papers in one list, best score first (file order until the scores come); the starred ones, which have no score, last. */
	private forYouPapers(day: DayNode): PaperNode[] {
		const papers = day.categories.flatMap((c) => c.papers);
		const scores = this.forYou?.scores(day);
		if (!scores) return papers;
		return orderByScore(papers, (p) => p.paper.id, (id) => scores.get(id));
	}

	getParent(node: TreeNode): TreeNode | undefined {
		// a reveal's copy: its guard runs in getTreeItem, asked after this (a throw here would be logged
		// as an error by the extension host, and the reveal would resolve as if done)
		node = this.reveals.original(node);
		// "For you" lists a day's papers without their categories
		if (node.kind === 'paper' && this.reading?.viewMode() === 'forYou') return node.parent.parent;
		return this.model.parent(node);
	}

	/**
	 * Tooltips on hover: a day's (its files' paths: made for every day on each refresh, they took
	 * about half of the refreshes' getTreeItem while a workspace's days arrive), a paper's with its
	 * TL;DR read back (the tree itself holds summaries only).
	 */
	async resolveTreeItem(item: vscode.TreeItem, node: TreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
		if (node.kind === 'day') item.tooltip = this.dayTooltip(node);
		if (node.kind !== 'paper') return item;
		const file = this.workspace.get(vscode.Uri.parse(node.key));
		const loaded = file && (await this.workspace.loadPaper({ file, paper: node.paper, index: node.index }));
		if (token.isCancellationRequested) return item;
		const tooltip = paperTooltip(loaded ? { ...node.paper, tldr: loaded.paper.tldr } : node.paper, node.parent.parent.label);
		const extra = this.library?.tooltip(node.paper.id);
		if (extra) tooltip.appendMarkdown('\n\n---\n\n').appendText(extra);
		if (this.reading) {
			const mark = paperMark(node.paper.id, node.parent.parent.day, this.reading);
			const lines: string[] = [];
			if (mark.match && isMatch(mark.match)) lines.push(vscode.l10n.t('✦ Matches your interests: {0}', listText(mark.match.words, vscode.l10n, 'list')));
			if (mark.match?.excluded) lines.push(excludedText(mark.match.excludedBy));
			lines.push(statusText(mark.status));
			if (mark.firstListed) lines.push(vscode.l10n.t('First listed on {0}', mark.firstListed));
			tooltip.appendMarkdown('\n\n---\n\n');
			tooltip.appendText(lines.join(' · '));
		}
		item.tooltip = tooltip;
		return item;
	}

	/**
	 * The reader expanded or collapsed a day or a category; whether what the view stores changed. The
	 * workbench keeps a row's state while the row is there, and forgets it with the window: a reload
	 * sets the tree up anew, each row as its item asks (it restores no extension tree's expansion,
	 * stable ids or not). So getTreeItem opens a row as the reader left it, after a reload and when a
	 * row that left the view comes back (the For you mode lists a day's papers without categories, a
	 * filter hides them).
	 */
	rowExpanded(node: TreeNode, expanded: boolean): boolean {
		if (node.kind === 'paper' || !this.expanded.set(node.id, expanded)) return false;
		this.expandedEmitter.fire();
		return true;
	}

	/**
	 * The workbench asked for a day's or category's rows: it shows it expanded (it never asks a collapsed
	 * row's). Its expand event may not have come: one that lands while a refresh has made the extension
	 * host forget the rows' handles is dropped (the first scan's refreshes, as the reader opens today's
	 * day). Not under a filter, which opens every row itself.
	 */
	private rowRead(node: DayNode | CategoryNode): void {
		if (!this.model.isFiltered && !this.expanded.has(node.id)) this.rowExpanded(node, true);
	}

	/** Expanded under a filter (its few matches visible without clicking through every level) or as the reader left it. */
	private collapsibleState(node: DayNode | CategoryNode): vscode.TreeItemCollapsibleState {
		return this.model.isFiltered || this.expanded.has(node.id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
	}

	getTreeItem(node: TreeNode): vscode.TreeItem {
		// a reveal's copy: the last question before the extension host sends the reveal (see GuardedReveals)
		node = this.reveals.checked(node);
		switch (node.kind) {
			case 'day': {
				const item = new vscode.TreeItem(node.label, this.collapsibleState(node));
				item.id = node.id;
				item.description = this.countDescription(node);
				item.accessibilityInformation = this.countAccessibility(node, node.label);
				// left undefined: resolveTreeItem fills it on hover
				item.contextValue = 'day';
				// a file of the day the parser found broken (cut short, an unclosed <details>): its tooltip says which
				const damaged = this.damagedFiles(node);
				item.iconPath = damaged.length > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(node.day ? 'calendar' : 'file');
				if (damaged.length > 0 && item.accessibilityInformation) {
					const cut = damaged.some(([, d]) => d.damage.length > 0);
					item.accessibilityInformation = { label: fieldsText([item.accessibilityInformation.label, cut ? vscode.l10n.t('a file is cut short or has a merge conflict') : vscode.l10n.t('a file has errors')], vscode.l10n) };
				}
				return item;
			}
			case 'category': {
				// the name stays the model's key (filters are saved by it); only its label is translated
				const label = node.name === NO_CATEGORY ? treeTexts().noCategory : node.name;
				const item = new vscode.TreeItem(label, this.collapsibleState(node));
				item.id = node.id;
				item.description = this.countDescription(node);
				item.accessibilityInformation = this.countAccessibility(node, label);
				item.tooltip = `${label} · ${node.parent.label} · ${papersCount(node.count, vscode.l10n)}`;
				// Follow Category on a named category; Unfollow when the interests name it, or (saying through what) follow it through a broader one
				// by the category its papers state, or by its own name (followed so before this version)
				const following = node.name === NO_CATEGORY ? undefined : this.reading && firstCategoryFollowing(this.reading.interests.spec.categories, [node.followName(), node.name])?.following;
				item.contextValue = node.name === NO_CATEGORY ? 'category unnamed' : following?.exact ? 'category followed' : following ? 'category followedThrough' : 'category';
				if (following) item.tooltip += `\n${categoryFollowingText(following)}`;
				item.iconPath = new vscode.ThemeIcon('symbol-folder');
				return item;
			}
			case 'paper': {
				const item = new vscode.TreeItem(paperLabel(node.paper), vscode.TreeItemCollapsibleState.None);
				item.id = node.id;
				item.description = paperDescription(node.paper, treeTexts());
				const folder = this.folderShown(node);
				if (folder) item.description = `${item.description} · ${folder}`;
				// left undefined: resolveTreeItem fills it on hover, with the TL;DR
				// `paper new|seen|read` with the reading marks (decoratePaper); the menus match /^paper( |$)/
				item.contextValue = 'paper';
				item.iconPath = new vscode.ThemeIcon('file-text');
				if (this.reading) this.decoratePaper(item, node);
				if (this.library?.isStarred(node.paper.id)) markStarred(item);
				// no arguments: the extension host keeps a command's arguments per row until the row's next
				// refresh, and a click landing between the two showed "actual command NOT FOUND"
				// (microsoft/vscode#173233); the command opens the row the click selected (see nextRead)
				item.command = { command: TREE_OPEN_COMMAND, title: vscode.l10n.t('Open Paper') };
				return item;
			}
		}
	}

	/**
	 * The workspace folder of a paper's file when its day merges files of several folders (two forks'
	 * clones in a multi-root workspace list the same day, and many of the same papers: their rows
	 * looked alike), else undefined.
	 */
	private folderShown(node: PaperNode): string | undefined {
		const day = node.parent.parent;
		if (day.keys.length < 2 || (vscode.workspace.workspaceFolders?.length ?? 0) < 2) return undefined;
		const folderOf = (key: string) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(key))?.name;
		const own = folderOf(node.key);
		return own !== undefined && day.keys.some((key) => folderOf(key) !== own) ? own : undefined;
	}

	/**
	 * A paper's reading marks: its icon says new (filled), seen (outline), read (check) or match
	 * (sparkle, coloured while unread); matched words lead the description; the first day it was
	 * listed ends it for a repeat; excluded papers are dimmed through PaperDecorations.
	 */
	private decoratePaper(item: vscode.TreeItem, node: PaperNode): void {
		const mark = paperMark(node.paper.id, node.parent.parent.day, this.reading as Reading);
		const matched = mark.match && isMatch(mark.match);
		const parts: string[] = [];
		// what a screen reader says: the icon alone tells new, seen or read, and the dimmed label an exclusion
		const spoken: string[] = [paperLabel(node.paper)];
		if (this.forYou && this.reading?.viewMode() === 'forYou') {
			const scores = this.forYou.scores(node.parent.parent);
			const score = scores?.get(node.paper.id);
			const label = scores && score !== undefined ? this.forYou.label(score, scores) : '';
			if (label) parts.push(label);
		}
		spoken.push(...parts);
		if (matched) {
			const words = listText((mark.match as { words: readonly string[] }).words, vscode.l10n, 'list');
			parts.push(`✦ ${words}`);
			spoken.push(vscode.l10n.t('✦ Matches your interests: {0}', words));
		}
		parts.push(item.description as string);
		spoken.push(item.description as string);
		if (mark.firstListed) {
			parts.push(vscode.l10n.t('first listed {0}', mark.firstListed));
			spoken.push(parts[parts.length - 1]);
		}
		item.description = parts.join(' · ');
		spoken.push(statusText(mark.status));
		if (mark.match?.excluded) spoken.push(excludedText(mark.match.excludedBy));
		item.accessibilityInformation = { label: fieldsText(spoken, vscode.l10n) };
		if (matched) item.iconPath = new vscode.ThemeIcon('sparkle', mark.status === 'read' ? undefined : new vscode.ThemeColor('charts.yellow'));
		else if (mark.status === 'read') item.iconPath = new vscode.ThemeIcon('check');
		else if (mark.status === 'new') item.iconPath = new vscode.ThemeIcon('circle-small-filled', new vscode.ThemeColor('charts.blue'));
		else item.iconPath = new vscode.ThemeIcon('circle-outline');
		// the menus offer Mark as Read on a paper not read and Mark as Unread on a read one
		item.contextValue = `paper ${mark.status}`;
		if (mark.match?.excluded) item.resourceUri = vscode.Uri.from({ scheme: PAPER_DECORATION_SCHEME, path: `/${node.paper.id}`, query: 'excluded' });
	}

	private dayTooltip(node: DayNode): string {
		const damaged = new Map(this.damagedFiles(node));
		const files = node.keys.map((k) => {
			const uri = vscode.Uri.parse(k);
			const path = uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri) : k;
			const damage = damaged.get(k);
			return damage === undefined ? path : `⚠ ${path}: ${damageText(damage)}`;
		});
		// the row's description in full words (the row's are short), after the day's count
		const [, ...rest] = this.countParts(node);
		// matched without the abstracts a start reads back meanwhile: the count may still change (or never will, for a digest it could not read)
		const note = this.reading && matchCountNote(this.reading.interests);
		if (note) rest.push(note);
		return `${[node.label, this.dayCountText(node), ...rest].join(' · ')}\n${files.join('\n')}`;
	}

	/** `319 papers`, or where the day lists a paper twice `319 entries, 312 papers (7 listed twice)`, as Statistics counts each once */
	private dayCountText(node: DayNode): string {
		const counts = entryCounts(node.categories.flatMap((c) => c.paperIds()));
		if (counts.repeated === 0) return papersCount(node.count, vscode.l10n);
		const papers = papersCount(counts.papers, vscode.l10n);
		return counts.most === 2
			? vscode.l10n.t('{0} entries, {1} ({2} listed twice)', counts.entries, papers, counts.repeated)
			: vscode.l10n.t('{0} entries, {1} ({2} listed more than once)', counts.entries, papers, counts.repeated);
	}

	/**
	 * The day's files whose parse reported errors, with how many, or found them cut short or with a
	 * merge conflict (summaries carry both; full diagnostics come for open files): a `git pull` that
	 * lost two-thirds of a day leaves a file that parses without an error. A file with `arxivDigest.diagnostics.enabled` off is left out:
	 * its errors are not in the Problems view, where the warning sends the reader, and the reader who
	 * turned them off asked not to be told of them.
	 */
	private damagedFiles(node: DayNode): [string, FileDamage][] {
		const out: [string, FileDamage][] = [];
		for (const key of node.keys) {
			const uri = vscode.Uri.parse(key);
			const digest = this.workspace.get(uri)?.digest;
			const damage = { errors: digest?.errors ?? 0, damage: digest?.damage ?? [] };
			if ((damage.errors > 0 || damage.damage.length > 0) && readSetting<boolean>(SETTINGS.diagnosticsEnabled, uri) !== false) out.push([key, damage]);
		}
		return out;
	}

	/** `arxivDigest.diagnostics.enabled` changed: the days' warning icons follow it. */
	diagnosticsSettingChanged(): void {
		this.fireRoot();
	}
}

/** What is wrong with a day's file: its damage and its parse errors. */
interface FileDamage {
	readonly errors: number;
	readonly damage: readonly DamageCode[];
}

/** `cut short, 2 errors: open it…`; errors alone keep the question (`2 errors (cut short or damaged?)…`). */
function damageText(damage: FileDamage): string {
	if (damage.damage.length === 0) return vscode.l10n.t('{0} errors (cut short or damaged?): open it to see them in the Problems view', damage.errors);
	const parts = damage.damage.map((code) => (code === 'truncated' ? vscode.l10n.t('cut short') : vscode.l10n.t('an unresolved merge conflict')));
	if (damage.errors > 0) parts.push(damage.errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', damage.errors));
	return vscode.l10n.t('{0}: open it to see where in the Problems view', listText(parts, vscode.l10n, 'list'));
}

/** A starred paper's row: ★ leads its description, and its menus offer Unstar (`paper … starred`). */
function markStarred(item: vscode.TreeItem): void {
	item.contextValue = `${item.contextValue} starred`;
	item.description = `★ ${item.description as string}`;
	if (item.accessibilityInformation) item.accessibilityInformation = { label: fieldsText([item.accessibilityInformation.label, vscode.l10n.t('Starred')], vscode.l10n) };
}

/** Why a paper is dimmed: the exclude keyword that matched it, when the match says which. */
function excludedText(keyword: string | undefined): string {
	return keyword === undefined ? vscode.l10n.t('Excluded by your interests') : vscode.l10n.t('Excluded by your interests: {0}', keyword);
}

function statusText(status: 'new' | 'seen' | 'read'): string {
	return status === 'read' ? vscode.l10n.t('Read') : status === 'seen' ? vscode.l10n.t('Seen, not read') : vscode.l10n.t('New');
}

/** Dims excluded papers' labels in the Papers view (a tree item's label colour comes only from a file decoration). */
export class PaperDecorations implements vscode.FileDecorationProvider {
	provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
		if (uri.scheme !== PAPER_DECORATION_SCHEME || uri.query !== 'excluded') return undefined;
		return new vscode.FileDecoration(undefined, vscode.l10n.t('Excluded by your interests'), new vscode.ThemeColor('disabledForeground'));
	}
}
