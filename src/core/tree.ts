/**
 * The papers tree as plain data: days → categories → papers over every digest in the workspace.
 * vscode-free so it can be unit-tested; src/features/tree turns these nodes into TreeItems.
 *
 * Node objects are kept stable between updates of other days, and a day node keeps its identity
 * when only its contents change, because the editor's tree view finds elements by identity when a
 * change event names them.
 */
import { pathOfUriKey } from './corpus/proxyIO';
import { fileStem } from './day';
import { plainMath } from './plainMath';
import { baseId } from './readState';
import { authorCountOf, paperCountOf, paperIdsOf, type DigestSummary as Digest, type PaperSummary as Paper } from './summary';

/** One parsed digest file; `key` is the file's URI string. */
export interface TreeInput {
	readonly key: string;
	readonly digest: Digest;
}

/** What the tree shows; both parts narrow the papers, and empty days/categories are hidden. */
export interface TreeFilter {
	/** category (section) names to keep */
	readonly categories?: ReadonlySet<string>;
	/** paper ids (Paper.id) to keep */
	readonly ids?: ReadonlySet<string>;
	/** the days to keep (a search's `day:`, `after:`, `before:`): a paper found is shown under those of its days alone */
	readonly days?: (day: string | undefined) => boolean;
}

export interface DayNode {
	readonly kind: 'day';
	/** `day:2026-02-06`, or `file:<uri>` for a file without a day */
	readonly id: string;
	/** `YYYY-MM-DD`, undefined when the files of this node have no day */
	readonly day?: string;
	/** `2026-02-06 · Fri`, or the file's label when there is no day */
	label: string;
	/** the files merged under this node, sorted by key */
	keys: string[];
	categories: CategoryNode[];
	/** papers shown under this day */
	count: number;
}

export interface CategoryNode {
	readonly kind: 'category';
	/** `cat:<day id without prefix>/<name>` */
	readonly id: string;
	readonly name: string;
	readonly parent: DayNode;
	/** the papers shown under it, made on first use (most categories are never expanded) */
	readonly papers: readonly PaperNode[];
	/** how many papers it shows, without making their nodes */
	readonly count: number;
	/** the ids of its papers in order, without making their nodes */
	paperIds(): readonly string[];
	/** where its papers are (file key, index in the file) in order, without making their nodes */
	paperRefs(): readonly { key: string; index: number }[];
	/** the category Follow Category follows for this row (see followedCategory) */
	followName(): string;
}

/** One file's papers under a category: indices into the digest's papers. */
interface CategorySource {
	readonly key: string;
	readonly digest: Digest;
	readonly indices: readonly number[];
}

/**
 * A category whose paper nodes are made when first asked for: a workspace of half a year holds
 * ~38,000 papers, and a node with its id (`paper:<uri>#…`) for each cost the editor ~10 MB before
 * anyone expanded a category. Made once, they keep their identity until the day is rebuilt.
 */
class Category implements CategoryNode {
	readonly kind = 'category';
	private made: PaperNode[] | undefined;
	private ids: string[] | undefined;

	constructor(
		readonly id: string,
		readonly name: string,
		readonly parent: DayNode,
		private readonly sources: CategorySource[],
		readonly count: number,
	) {}

	get papers(): readonly PaperNode[] {
		this.made ??= this.sources.flatMap(({ key, digest, indices }) =>
			indices.map((index): PaperNode => {
				const paper = digest.papers[index];
				return { kind: 'paper', id: `paper:${key}#${paper.id}#${index}`, parent: this, key, index, paper };
			}),
		);
		return this.made;
	}

	/** made once, as the nodes: the Papers view counts every day's papers again on each refresh */
	paperIds(): readonly string[] {
		this.ids ??= this.sources.flatMap(({ digest, indices }) => {
			const ids = paperIdsOf(digest);
			return indices.map((i) => ids[i]);
		});
		return this.ids;
	}

	paperRefs(): readonly { key: string; index: number }[] {
		return this.sources.flatMap(({ key, indices }) => indices.map((index) => ({ key, index })));
	}

	followName(): string {
		return followedCategory(
			this.name,
			this.sources.flatMap(({ digest, indices }) => indices.map((i) => digest.papers[i]?.category)),
		);
	}

	/** The shown paper of file `key` nearest to index `near` with this id, and how far it is. */
	nearest(key: string, id: string, near: number): { index: number; distance: number } | undefined {
		let best: { index: number; distance: number } | undefined;
		for (const source of this.sources) {
			if (source.key !== key) continue;
			const ids = paperIdsOf(source.digest);
			for (const index of source.indices) {
				if (ids[index] !== id) continue;
				const distance = Math.abs(index - near);
				if (!best || distance < best.distance) best = { index, distance };
			}
		}
		return best;
	}
}

export interface PaperNode {
	readonly kind: 'paper';
	/** `paper:<uri>#<paper id>#<index>` */
	readonly id: string;
	readonly parent: CategoryNode;
	/** the file's URI string */
	readonly key: string;
	/** index into Digest.papers */
	readonly index: number;
	readonly paper: Paper;
}

export type TreeNode = DayNode | CategoryNode | PaperNode;

/** What an update touched: the root when days appeared or vanished (refresh it), and the shown days it rebuilt (else refresh those). */
export interface TreeUpdate {
	readonly rootChanged: boolean;
	/** every shown day the change rebuilt: what a view's per-day caches drop */
	readonly days: readonly DayNode[];
}

/**
 * A day's entries against its distinct papers: the Papers view counts entries (a paper a digest lists
 * twice, under two categories or in two files of the day, counts twice), Statistics distinct papers.
 */
export interface EntryCounts {
	readonly entries: number;
	readonly papers: number;
	/** papers listed more than once */
	readonly repeated: number;
	/** the most entries one paper has */
	readonly most: number;
}

export function entryCounts(ids: Iterable<string>): EntryCounts {
	const times = new Map<string, number>();
	let entries = 0;
	for (const id of ids) {
		entries++;
		times.set(id, (times.get(id) ?? 0) + 1);
	}
	let repeated = 0;
	let most = 0;
	for (const n of times.values()) {
		if (n > 1) repeated++;
		if (n > most) most = n;
	}
	return { entries, papers: times.size, repeated, most };
}

export interface CategoryCount {
	readonly name: string;
	readonly count: number;
	/** the category Follow Category follows for it (see followedCategory) */
	readonly follow: string;
}

/**
 * The category to follow for a section `name` whose papers state `categories`: interests match a
 * paper's own main category (its section's name where it states none). Its own name when a paper
 * states none, or states that name (the usual digest: sections are main categories), else the
 * category most of its papers state (a fork's `Computer Vision [cs.CV]`, whose papers say `cs.CV`:
 * following the section's name marked none of them).
 */
export function followedCategory(name: string, categories: Iterable<string | undefined>): string {
	const key = name.toLowerCase();
	const counts = new Map<string, number>();
	for (const category of categories) {
		if (!category || category.toLowerCase() === key) return name;
		counts.set(category, (counts.get(category) ?? 0) + 1);
	}
	let follow = name;
	let most = 0;
	for (const [category, count] of counts) {
		if (count > most) [follow, most] = [category, count];
	}
	return follow;
}

/** weekday names from Sunday; the extension passes the reader's (`周日`, `周一`, …) */
export const WEEKDAYS_EN: readonly string[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** papers the parser could not place under any category section */
export const NO_CATEGORY = '(no category)';

/**
 * Short weekday names of a display language (`vscode.env.language`), from Sunday: `Sun`… for `en`,
 * `周日`… for `zh-cn`. English when the runtime does not know the language. English needs no
 * Intl: the first Intl.DateTimeFormat of a process loads locale data (tens of ms).
 */
export function weekdayNames(language: string): readonly string[] {
	if (/^en(?:-US)?$/i.test(language)) return WEEKDAYS_EN;
	try {
		const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
		// 2023-01-01 was a Sunday
		return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2023, 0, 1 + i))));
	} catch {
		return WEEKDAYS_EN;
	}
}

/** `Fri` for `2026-02-06` (`周五` with Chinese names); undefined for anything that is not a real calendar day. */
export function weekday(day: string, names: readonly string[] = WEEKDAYS_EN): string | undefined {
	const m = DAY_RE.exec(day);
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
	return names[date.getUTCDay()];
}

/** `2026-02-06 · Fri` */
export function dayLabel(day: string, names: readonly string[] = WEEKDAYS_EN): string {
	const w = weekday(day, names);
	return w ? `${day} · ${w}` : day;
}

/** The few words the tree model writes itself; the editor passes them in the display language. */
export interface TreeTexts {
	/** after the first author when there are more: ` et al.` */
	etAl: string;
	/** the section of papers listed under no category */
	noCategory: string;
	/** a tooltip's TL;DR line, `{0}` the TL;DR (`TL;DR: …`; Chinese takes a full-width colon) */
	tldr: string;
}

export const ENGLISH_TREE_TEXTS: TreeTexts = { etAl: ' et al.', noCategory: NO_CATEGORY, tldr: 'TL;DR: {0}' };

/** `Ada Lovelace et al. · 2602.04994`; the id alone when there are no authors. */
export function paperDescription(paper: Paper, texts: TreeTexts = ENGLISH_TREE_TEXTS): string {
	const first = paper.authors.find((a) => a.trim() !== '')?.trim();
	if (!first) return paper.id;
	const more = paper.authors.filter((a) => a.trim() !== '').length > 1 ? texts.etAl : '';
	return `${first}${more} · ${paper.id}`;
}

/** A paper's title as the digest writes it (TeX math kept), on one line; its id when the title is empty. */
export function paperTitleText(paper: Pick<Paper, 'title' | 'id'>): string {
	const t = paper.title.replace(/\s+/g, ' ').trim();
	return t || paper.id;
}

/** The label a paper shows: its title with TeX math as plain text where it can be (plainMath), or its id. */
export function paperLabel(paper: Pick<Paper, 'title' | 'id'>): string {
	return plainMath(paperTitleText(paper));
}

/** Escapes text so markdown shows it literally (titles and summaries are untrusted). */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_{}[\]()#+\-.!|~<>$&]/g, (c) => `\\${c}`)
		.replace(/\r?\n/g, ' ');
}

/** Markdown for a paper's hover: title, translated title, authors, category, day and TL;DR, all escaped. */
export function paperTooltipMarkdown(paper: Paper & { readonly tldr?: string }, where: string, texts: TreeTexts = ENGLISH_TREE_TEXTS): string {
	const lines = [`**${escapeMarkdown(paperLabel(paper))}**`, ''];
	if (paper.translatedTitle?.trim()) lines.push(`*${escapeMarkdown(plainMath(paper.translatedTitle.trim()))}*`, '');
	if (paper.authors.length) lines.push(escapeMarkdown(paper.authors.join(', ') + (authorCountOf(paper) > paper.authors.length ? texts.etAl : '')), '');
	const category = paper.category ?? paper.section;
	lines.push(`${escapeMarkdown(category || texts.noCategory)} · ${escapeMarkdown(where)} · ${escapeMarkdown(paper.id)}`);
	if (paper.tldr?.trim()) lines.push('', texts.tldr.replace('{0}', () => escapeMarkdown(plainMath((paper.tldr as string).trim()))));
	return lines.join('\n');
}

/**
 * Index of the paper whose entry holds `line`. Otherwise undefined (TOC, category headings, blank
 * tail), or with `orAbove` the nearest paper starting above the line (the blank lines between entries).
 */
export function paperIndexAtLine(digest: Digest, line: number, orAbove = false): number | undefined {
	const papers = digest.papers;
	let lo = 0;
	let hi = papers.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const r = papers[mid].range;
		if (line < r.start) hi = mid - 1;
		else if (line > r.end) lo = mid + 1;
		else return mid;
	}
	// Ranges are in file order for every parser output we know; a linear pass covers any that are not.
	let above: number | undefined;
	for (let i = 0; i < papers.length; i++) {
		const r = papers[i].range;
		if (r.start <= line && line <= r.end) return i;
		if (r.start <= line) above = i;
	}
	return orAbove ? above : undefined;
}

/** Among the papers with this id, the index closest to `near` (an id can repeat within a file). */
export function findPaperIndex(digest: Digest, id: string, near = 0): number | undefined {
	let best: number | undefined;
	paperIdsOf(digest).forEach((paperId, i) => {
		if (paperId === id && (best === undefined || Math.abs(i - near) < Math.abs(best - near))) best = i;
	});
	return best;
}

/** the stem of the file a key names (a URI key's decoded path, a local path as written): `file:///d/%E4%BB%8A%E6%97%A5.md` → `今日` */
function stemOfKey(key: string): string {
	return fileStem(pathOfUriKey(key));
}

function dayKeyOf(input: TreeInput): string {
	const day = input.digest.day;
	return day && DAY_RE.test(day) ? `day:${day}` : `file:${input.key}`;
}

function compareDays(a: Pick<DayNode, 'day' | 'label' | 'id'>, b: Pick<DayNode, 'day' | 'label' | 'id'>): number {
	if (a.day && b.day) return a.day < b.day ? 1 : a.day > b.day ? -1 : 0;
	if (a.day) return -1;
	if (b.day) return 1;
	const byLabel = a.label.localeCompare(b.label, undefined, { numeric: true, sensitivity: 'base' });
	return byLabel || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Files in the order the Papers view lists them: by their day node (newest day first, then the
 * undated files by label, `notes9` before `notes10`), the files of one day by key (as rebuildDay
 * takes them). For what walks the files as the reader sees them (a card's Next past a day's end).
 * Each file's day node is made once, not at every comparison.
 */
export function sortTreeFiles<T>(items: readonly T[], inputOf: (item: T) => TreeInput): T[] {
	return items
		.map((item) => {
			const input = inputOf(item);
			const id = dayKeyOf(input);
			return { item, key: input.key, node: { id, day: id.startsWith('day:') ? id.slice(4) : undefined, label: input.digest.label || stemOfKey(input.key) } };
		})
		.sort((a, b) => compareDays(a.node, b.node) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map(({ item }) => item);
}

function keepPaper(filter: TreeFilter, id: string): boolean {
	return !filter.ids || filter.ids.has(id);
}

function keepCategory(filter: TreeFilter, name: string): boolean {
	return !filter.categories || filter.categories.has(name);
}

/**
 * Every category of `digests` (as the Papers view names its rows) with its papers, in the order first
 * met: each paper once, as a search counts them (a tester's Follow Category said cs.CV 1046 papers over
 * the listings of a paper on several days, the search of the category far fewer).
 */
export function categoryCounts(digests: Iterable<Digest>): CategoryCount[] {
	const papers = new Map<string, Set<string>>();
	const categories = new Map<string, (string | undefined)[]>();
	for (const digest of digests) {
		const ids = paperIdsOf(digest);
		for (const s of sectionsOf(digest)) {
			const seen = papers.get(s.name) ?? new Set<string>();
			papers.set(s.name, seen);
			const stated = categories.get(s.name) ?? [];
			categories.set(s.name, stated);
			for (const i of s.papers) {
				seen.add(baseId(ids[i]));
				stated.push(digest.papers[i]?.category);
			}
		}
	}
	return [...papers].map(([name, seen]) => ({ name, count: seen.size, follow: followedCategory(name, categories.get(name) ?? []) }));
}

/** Category sections of one digest in file order, with papers no section lists gathered last. */
function sectionsOf(digest: Digest): { name: string; papers: number[] }[] {
	const count = paperCountOf(digest);
	const out = digest.categories.map((c) => ({ name: c.name, papers: c.papers.filter((i) => i >= 0 && i < count) }));
	const listed = new Set(out.flatMap((c) => c.papers));
	// every paper listed (the usual digest): its papers' own sections are not read
	if (listed.size === count) return out;
	const loose = new Map<string, number[]>();
	digest.papers.forEach((p, i) => {
		if (listed.has(i)) return;
		const name = p.section.trim() || NO_CATEGORY;
		const list = loose.get(name) ?? [];
		list.push(i);
		loose.set(name, list);
	});
	for (const [name, papers] of loose) out.push({ name, papers });
	return out;
}

/**
 * The tree over all digests. Feed it the files with `setAll`, then one change at a time with `update`;
 * `setFilter` reshapes every day. Nothing here reads files.
 */
export class DigestTreeModel {
	private readonly inputs = new Map<string, Digest>();
	private readonly dayByKey = new Map<string, string>();
	/** the files under each day key (the inverse of dayByKey): a day is rebuilt from its own files, not a pass over all */
	private readonly keysByDay = new Map<string, Set<string>>();
	private readonly days = new Map<string, DayNode>();
	private readonly nodes = new Map<string, TreeNode>();
	private sorted: DayNode[] = [];
	private filterValue: TreeFilter = {};

	constructor(
		inputs: readonly TreeInput[] = [],
		filter: TreeFilter = {},
		/** weekday names of the day labels, from Sunday (a function: asked for when the first label is made) */
		private weekdays: readonly string[] | (() => readonly string[]) = WEEKDAYS_EN,
	) {
		this.filterValue = filter;
		this.setAll(inputs);
	}

	get filter(): TreeFilter {
		return this.filterValue;
	}

	get isFiltered(): boolean {
		return this.filterValue.categories !== undefined || this.filterValue.ids !== undefined || this.filterValue.days !== undefined;
	}

	/** Replaces every input; day nodes whose id survives keep their identity. */
	setAll(inputs: readonly TreeInput[]): void {
		this.inputs.clear();
		this.dayByKey.clear();
		this.keysByDay.clear();
		for (const input of inputs) {
			this.inputs.set(input.key, input.digest);
			this.placeFile(input.key, dayKeyOf(input));
		}
		this.rebuildAll();
	}

	/** Changes the filter and reshapes every day. */
	setFilter(filter: TreeFilter): void {
		this.filterValue = filter;
		this.rebuildAll();
	}

	/**
	 * Applies file changes (`digest` undefined = removed). Only the days those files were or are
	 * under are rebuilt; `rootChanged` tells whether the list of days itself changed.
	 */
	update(changes: readonly { key: string; digest?: Digest }[]): TreeUpdate {
		const touched = new Set<string>();
		for (const { key, digest } of changes) {
			const old = this.dayByKey.get(key);
			if (old) touched.add(old);
			if (digest) {
				const dk = dayKeyOf({ key, digest });
				this.inputs.set(key, digest);
				this.placeFile(key, dk);
				touched.add(dk);
			} else {
				this.inputs.delete(key);
				this.placeFile(key, undefined);
			}
		}
		const before = this.sorted.map((d) => d.id);
		const changed: DayNode[] = [];
		for (const dk of touched) {
			const node = this.rebuildDay(dk);
			if (node) changed.push(node);
		}
		this.resort();
		const after = this.sorted.map((d) => d.id);
		const rootChanged = before.length !== after.length || before.some((id, i) => id !== after[i]);
		return { rootChanged, days: changed };
	}

	/** Children of a node, or the days for the root. */
	children(node?: TreeNode): readonly TreeNode[] {
		if (!node) return this.sorted;
		if (node.kind === 'day') return node.categories;
		if (node.kind === 'category') return node.papers;
		return [];
	}

	parent(node: TreeNode): TreeNode | undefined {
		return node.kind === 'day' ? undefined : node.parent;
	}

	roots(): readonly DayNode[] {
		return this.sorted;
	}

	/**
	 * The shown days that list any of these papers (what a change of their marks redraws): `keys`
	 * holds `keyOf` of their ids, as the read state keys a paper by its id without the version;
	 * `except`: a paper whose listing on that day does not count.
	 */
	daysListing(keys: ReadonlySet<string> | ReadonlyMap<string, unknown>, keyOf: (id: string) => string = (id) => id, except?: (key: string, day: DayNode) => boolean): DayNode[] {
		if (keys.size === 0) return [];
		return this.sorted.filter((day) =>
			day.categories.some((c) =>
				c.paperIds().some((id) => {
					const key = keyOf(id);
					return keys.has(key) && !except?.(key, day);
				}),
			),
		);
	}

	/** The node with this id in the current shape, if shown. */
	getNode(id: string): TreeNode | undefined {
		const known = this.nodes.get(id);
		if (known || !id.startsWith('paper:')) return known;
		// `paper:<uri>#<paper id>#<index>`: a URI string has its own `#` escaped
		const m = /^paper:(.*)#([^#]*)#(\d+)$/.exec(id);
		const node = m ? this.findPaper(m[1], m[2], Number(m[3])) : undefined;
		return node?.id === id ? node : undefined;
	}

	/** The shown node for a paper of a file: the same index if it still has this id, else the nearest one. */
	findPaper(key: string, id: string, near = 0): PaperNode | undefined {
		const dk = this.dayByKey.get(key);
		const day = dk ? this.days.get(dk) : undefined;
		if (!day || this.nodes.get(day.id) !== day) return undefined;
		let best: { category: Category; index: number; distance: number } | undefined;
		for (const category of day.categories as Category[]) {
			const found = category.nearest(key, id, near);
			if (found && (!best || found.distance < best.distance)) best = { category, ...found };
		}
		return best?.category.papers.find((p) => p.key === key && p.index === best.index);
	}

	/** All category names over every file with their paper counts, ignoring the filter; first-seen order. */
	categoryCounts(): CategoryCount[] {
		return categoryCounts(this.orderedDigests());
	}

	/**
	 * Where the papers shown with the current filter are, newest day first and in the view's order
	 * within a day; a paper listed on several days once, on the newest (Export Filtered Papers).
	 */
	shownPapers(): { key: string; index: number }[] {
		const out: { key: string; index: number }[] = [];
		const seen = new Set<string>();
		for (const day of this.sorted) {
			for (const category of day.categories) {
				const ids = category.paperIds();
				category.paperRefs().forEach((ref, k) => {
					if (seen.has(ids[k])) return;
					seen.add(ids[k]);
					out.push(ref);
				});
			}
		}
		return out;
	}

	/**
	 * The newest dated day over every file, whatever the filter shows, with the ids of the papers its
	 * categories list, each once (what the activity-bar badge counts: the day's new matches, not the
	 * filter's; two forks' clones in a multi-root workspace list the same day and their common papers twice).
	 */
	newestDay(): { day: string; ids: string[] } | undefined {
		let newest: string | undefined;
		for (const dk of this.keysByDay.keys()) if (dk.startsWith('day:') && (newest === undefined || dk > newest)) newest = dk;
		if (newest === undefined) return undefined;
		const ids: string[] = [];
		for (const key of [...(this.keysByDay.get(newest) ?? [])].sort()) {
			const digest = this.inputs.get(key) as Digest;
			const paperIds = paperIdsOf(digest);
			for (const section of sectionsOf(digest)) for (const i of section.papers) ids.push(paperIds[i]);
		}
		return { day: newest.slice(4), ids: [...new Set(ids)] };
	}

	/** Papers shown with the current filter. */
	shownCount(): number {
		return this.sorted.reduce((n, d) => n + d.count, 0);
	}

	/** Papers over all files, ignoring the filter. */
	totalCount(): number {
		let n = 0;
		for (const d of this.inputs.values()) n += paperCountOf(d);
		return n;
	}

	private orderedDigests(): Digest[] {
		const newestFirst = [...this.inputs].sort(([a, da], [b, db]) => {
			const x = da.day ?? '';
			const y = db.day ?? '';
			if (x !== y) return x < y ? 1 : -1;
			return a < b ? -1 : a > b ? 1 : 0;
		});
		return newestFirst.map(([, d]) => d);
	}

	private rebuildAll(): void {
		const wanted = new Set(this.dayByKey.values());
		for (const dk of [...this.days.keys()]) if (!wanted.has(dk)) this.dropDay(dk);
		for (const dk of wanted) this.rebuildDay(dk);
		this.resort();
	}

	private dropDay(dk: string): void {
		const node = this.days.get(dk);
		if (!node) return;
		this.forgetChildren(node);
		if (this.nodes.get(node.id) === node) this.nodes.delete(node.id);
		this.days.delete(dk);
	}

	private forgetChildren(node: DayNode): void {
		// A file that moved to another day keeps its paper ids: only drop entries that are still ours.
		const drop = (n: TreeNode) => {
			if (this.nodes.get(n.id) === n) this.nodes.delete(n.id);
		};
		for (const c of node.categories) drop(c);
	}

	/** Files file `key` under day key `dk` (undefined: under none), in both maps. */
	private placeFile(key: string, dk: string | undefined): void {
		const old = this.dayByKey.get(key);
		if (old === dk) return;
		if (old !== undefined) {
			const keys = this.keysByDay.get(old);
			keys?.delete(key);
			if (keys?.size === 0) this.keysByDay.delete(old);
		}
		if (dk === undefined) {
			this.dayByKey.delete(key);
			return;
		}
		this.dayByKey.set(key, dk);
		const keys = this.keysByDay.get(dk);
		if (keys) keys.add(key);
		else this.keysByDay.set(dk, new Set([key]));
	}

	/** Rebuilds one day from its inputs; returns it when it is still shown. */
	private rebuildDay(dk: string): DayNode | undefined {
		const keys = [...(this.keysByDay.get(dk) ?? [])].sort();
		if (keys.length === 0) {
			this.dropDay(dk);
			return undefined;
		}
		const firstDigest = this.inputs.get(keys[0]) as Digest;
		const day = dk.startsWith('day:') ? dk.slice(4) : undefined;
		if (typeof this.weekdays === 'function') this.weekdays = this.weekdays();
		const label = day ? dayLabel(day, this.weekdays) : firstDigest.label || stemOfKey(keys[0]);
		let node = this.days.get(dk);
		if (node) {
			this.forgetChildren(node);
			node.label = label;
			node.keys = keys;
			node.categories = [];
			node.count = 0;
		} else {
			node = { kind: 'day', id: dk, day, label, keys, categories: [], count: 0 };
			this.days.set(dk, node);
		}
		const idBase = dk.slice(dk.indexOf(':') + 1);
		// each category's papers, file by file, in file order
		const byName = new Map<string, { sources: CategorySource[]; count: number }>();
		const dayKept = !this.filterValue.days || this.filterValue.days(day);
		for (const key of dayKept ? keys : []) {
			const digest = this.inputs.get(key) as Digest;
			for (const section of sectionsOf(digest)) {
				if (!keepCategory(this.filterValue, section.name)) continue;
				const ids = this.filterValue.ids && paperIdsOf(digest);
				const indices = ids ? section.papers.filter((i) => keepPaper(this.filterValue, ids[i])) : section.papers;
				const cat = byName.get(section.name) ?? { sources: [], count: 0 };
				byName.set(section.name, cat);
				cat.sources.push({ key, digest, indices });
				cat.count += indices.length;
			}
		}
		const filtering = this.isFiltered;
		const shown = node;
		node.categories = [...byName]
			.filter(([, c]) => !filtering || c.count > 0)
			.map(([name, c]) => new Category(`cat:${idBase}/${name}`, name, shown, c.sources, c.count));
		node.count = node.categories.reduce((n, c) => n + c.count, 0);
		if (filtering && node.count === 0) {
			// Hidden under the filter, but kept so its identity survives until the filter is cleared.
			this.nodes.delete(node.id);
			return undefined;
		}
		this.nodes.set(node.id, node);
		for (const c of node.categories) this.nodes.set(c.id, c);
		return node;
	}

	private resort(): void {
		this.sorted = [...this.days.values()].filter((d) => this.nodes.get(d.id) === d).sort(compareDays);
	}
}
