/**
 * The compact form of a parsed digest that the index side sends to the editor: what the Papers
 * view, Go to Symbol in Workspace and paper commands need, and no more. The full text of a paper
 * (TL;DR, summaries, abstract) stays in the file; a card or a tooltip asks the index for it on demand.
 *
 * `Digest` and `Paper` satisfy these types, so code typed against a summary also takes a digest
 * parsed from an open document.
 */
import type { DiagnosticCode, Digest, LineRange, Paper } from './model';

/** authors kept per paper: the tree shows the first, tooltips a few */
export const SUMMARY_AUTHORS = 3;

export interface PaperSummary {
	readonly id: string;
	readonly version?: string;
	readonly isArxiv: boolean;
	readonly number?: number;
	readonly title: string;
	readonly translatedTitle?: string;
	/** the digest's link, but an arXiv paper's abstract page (paperLinks makes an arXiv paper's links from its id) */
	readonly link?: string;
	/** the first SUMMARY_AUTHORS authors */
	readonly authors: readonly string[];
	/** how many authors the paper has (authors may hold fewer) */
	readonly authorCount?: number;
	readonly category?: string;
	readonly section: string;
	readonly range: LineRange;
	readonly headingLine: number;
}

export interface CategorySummary {
	readonly name: string;
	readonly headingLine: number;
	readonly range: LineRange;
	readonly papers: readonly number[];
}

export interface DigestSummary {
	readonly path: string;
	readonly day?: string;
	readonly label: string;
	readonly categories: readonly CategorySummary[];
	readonly papers: readonly PaperSummary[];
	/** error diagnostics the parser reported (full diagnostics are computed for open documents) */
	readonly errors?: number;
	/**
	 * the warnings that say the file itself is damaged (see DAMAGE_CODES), each once, in that order:
	 * a `git pull` that cut a day short or left a merge conflict in it
	 */
	readonly damage?: readonly DamageCode[];
	/**
	 * The papers' ids in order, on a summary made from the compact form, whose `papers` are parsed
	 * only when first read: read them with paperIdsOf and paperCountOf.
	 */
	readonly ids?: readonly string[];
}

/** the parser's warnings that a file is damaged, not only odd: cut short, an unresolved merge conflict */
export const DAMAGE_CODES = ['truncated', 'merge-conflict'] as const satisfies readonly DiagnosticCode[];
export type DamageCode = (typeof DAMAGE_CODES)[number];

/** How many authors a summary's paper has, whether it is a summary or a full paper. */
export function authorCountOf(paper: PaperSummary): number {
	return paper.authorCount ?? paper.authors.length;
}

export function summarizePaper(paper: Paper): PaperSummary {
	const summary: {
		-readonly [K in keyof PaperSummary]: PaperSummary[K];
	} = {
		id: paper.id,
		isArxiv: paper.isArxiv,
		title: paper.title,
		authors: paper.authors.slice(0, SUMMARY_AUTHORS),
		section: paper.section,
		range: { start: paper.range.start, end: paper.range.end },
		headingLine: paper.headingLine,
	};
	// optional fields only when present: structured clone and JSON then carry no empty keys
	if (paper.version !== undefined) summary.version = paper.version;
	if (paper.number !== undefined) summary.number = paper.number;
	if (paper.translatedTitle) summary.translatedTitle = paper.translatedTitle;
	// an arXiv paper's abstract page is its id's (paperLinks makes its links from the id): not kept
	if (paper.link !== undefined && !(paper.isArxiv && paper.link === arxivAbsLink(paper.id))) summary.link = paper.link;
	if (paper.authors.length > SUMMARY_AUTHORS) summary.authorCount = paper.authors.length;
	if (paper.category !== undefined) summary.category = paper.category;
	return summary;
}

export function summarizeDigest(digest: Digest): DigestSummary {
	const summary: { -readonly [K in keyof DigestSummary]: DigestSummary[K] } = {
		path: digest.path,
		label: digest.label,
		categories: digest.categories.map((c) => ({ name: c.name, headingLine: c.headingLine, range: { start: c.range.start, end: c.range.end }, papers: c.papers.slice() })),
		papers: digest.papers.map(summarizePaper),
	};
	if (digest.day !== undefined) summary.day = digest.day;
	const errors = digest.diagnostics.filter((d) => d.severity === 'error').length;
	if (errors > 0) summary.errors = errors;
	const damage = DAMAGE_CODES.filter((code) => digest.diagnostics.some((d) => d.code === code));
	if (damage.length > 0) summary.damage = damage;
	return summary;
}

/** A paper's arXiv abstract page: the link most papers have, which the compact form leaves out. */
export function arxivAbsLink(id: string): string {
	return `https://arxiv.org/abs/${id}`;
}

/**
 * A paper summary as the caches and the shards' messages carry it: a tuple, its id in the summary's
 * head (CompactHead.ids), its most common values left out (the category when it is the section, the
 * link when it is the arXiv abstract page) and absent fields at its end dropped: 11.4 → 6.5 MB of
 * JSON for the 167-day folder, parsed ~40% faster.
 * [title, authors, start, end, headingLine, section, category, number, link, notArxiv, version,
 * translatedTitle, authorCount]; category and link: 0 = the usual value, null = none.
 */
type CompactPaper = [string, readonly string[], number, number, number, string, ...(string | number | null)[]];

/**
 * A summary's head as the caches and the shards' messages carry it: everything but its papers'
 * fields, and its papers' ids. What the Papers view's days, their counts and the read state need.
 */
interface CompactHead {
	path: string;
	day?: string;
	label: string;
	categories: readonly CategorySummary[];
	ids: readonly string[];
	errors?: number;
	damage?: readonly DamageCode[];
}

/**
 * A digest summary as the caches and the shards' messages carry it: two JSON texts, the head
 * (CompactHead) and the papers (CompactPaper[]). The receiver parses the head, and the papers only
 * when something reads them (see summaryFromCompact): a warm start's 167 summaries are ~0.5 MB of
 * heads and ~6 MB of papers, and the Papers view's days need only the heads.
 */
export interface CompactTexts {
	readonly head: string;
	readonly papers: string;
}

function compactPaper(p: PaperSummary): CompactPaper {
	const rest: (string | number | null)[] = [
		p.category === undefined ? null : p.category === p.section ? 0 : p.category,
		p.number ?? null,
		p.link === undefined ? null : p.link === arxivAbsLink(p.id) ? 0 : p.link,
		p.isArxiv ? null : 1,
		p.version ?? null,
		p.translatedTitle ?? null,
		p.authorCount ?? null,
	];
	while (rest.length > 0 && rest[rest.length - 1] === null) rest.pop();
	return [p.title, p.authors, p.range.start, p.range.end, p.headingLine, p.section, ...rest];
}

function expandPaper(id: string, t: CompactPaper, shared: (text: string) => string): PaperSummary {
	const [title, authors, start, end, headingLine, text, category, number, link, notArxiv, version, translatedTitle, authorCount] = t;
	// one string per section name in a summary, not one per paper (its papers share a few)
	const section = shared(text);
	const paper: { -readonly [K in keyof PaperSummary]: PaperSummary[K] } = { id, isArxiv: notArxiv !== 1, title, authors, section, range: { start, end }, headingLine };
	// optional fields only when present, as summarizePaper makes them
	if (typeof version === 'string') paper.version = version;
	if (typeof number === 'number') paper.number = number;
	if (typeof translatedTitle === 'string') paper.translatedTitle = translatedTitle;
	// the abstract page: kept for a paper not on arXiv only (an arXiv paper's comes from its id, see summarizePaper)
	if (link === 0 && notArxiv === 1) paper.link = arxivAbsLink(id);
	else if (typeof link === 'string') paper.link = link;
	if (typeof authorCount === 'number') paper.authorCount = authorCount;
	if (category === 0) paper.category = section;
	else if (typeof category === 'string') paper.category = shared(category);
	return paper;
}

/** The compact texts of a summary, as the caches and the shards' messages carry it. */
export function compactTexts(summary: DigestSummary): CompactTexts {
	const head: CompactHead = { path: summary.path, label: summary.label, categories: summary.categories, ids: paperIdsOf(summary) };
	if (summary.day !== undefined) head.day = summary.day;
	if (summary.errors !== undefined) head.errors = summary.errors;
	if (summary.damage !== undefined) head.damage = summary.damage;
	return { head: JSON.stringify(head), papers: JSON.stringify(summary.papers.map(compactPaper)) };
}

/**
 * The summary compact texts stand for: the head parsed now (throws on text that is none, which the
 * caller treats as damage), the papers parsed from `papers()` when `papers` is first read. Their
 * text is checked where it is stored (the records cache's checksum) and comes from a shard in a
 * message; papers that still do not parse are shown by their ids alone, never thrown from the read.
 */
export function summaryFromCompact(headText: string, papers: () => string): DigestSummary {
	const head = JSON.parse(headText) as CompactHead;
	if (!head || typeof head !== 'object' || typeof head.path !== 'string' || typeof head.label !== 'string' || !Array.isArray(head.categories) || !Array.isArray(head.ids)) {
		throw new Error('not a digest summary');
	}
	const out: { -readonly [K in keyof Omit<DigestSummary, 'papers' | 'ids'>]: DigestSummary[K] } = { path: head.path, label: head.label, categories: head.categories };
	if (head.day !== undefined) out.day = head.day;
	if (head.errors !== undefined) out.errors = head.errors;
	if (Array.isArray(head.damage)) out.damage = head.damage.filter((code): code is DamageCode => (DAMAGE_CODES as readonly unknown[]).includes(code));
	// derived, not part of the value: deep equality and a copy see the summary a digest's summarizeDigest makes
	Object.defineProperty(out, 'ids', { value: head.ids, enumerable: false });
	let source: (() => string) | undefined = papers;
	Object.defineProperty(out, 'papers', {
		enumerable: true,
		configurable: true,
		get() {
			const value = expandPapers(head.ids, (source as () => string)());
			source = undefined;
			Object.defineProperty(out, 'papers', { value, enumerable: true, configurable: false, writable: false });
			return value;
		},
	});
	return out as DigestSummary;
}

function expandPapers(ids: readonly string[], text: string): PaperSummary[] {
	let tuples: unknown;
	try {
		tuples = JSON.parse(text);
	} catch {
		tuples = undefined;
	}
	const names = new Map<string, string>();
	const shared = (name: string) => {
		const known = names.get(name);
		if (known !== undefined) return known;
		names.set(name, name);
		return name;
	};
	const list = Array.isArray(tuples) && tuples.length === ids.length ? (tuples as unknown[]) : [];
	return ids.map((id, i) => {
		const t = list[i];
		return Array.isArray(t) && typeof t[0] === 'string' && Array.isArray(t[1]) ? expandPaper(id, t as CompactPaper, shared) : idOnly(id);
	});
}

/** a paper whose compact text did not parse: its id, as its title, at the file's top */
function idOnly(id: string): PaperSummary {
	return { id, isArxiv: false, title: id, authors: [], section: '', range: { start: 0, end: 0 }, headingLine: 0 };
}

/** What paperIdsOf and paperCountOf read: a summary, a parsed digest, or a test's few ids. */
type PapersOf = Pick<DigestSummary, 'ids'> & { readonly papers: readonly { readonly id: string }[] };

/** The ids of a digest's papers in order; a summary from the compact form gives them without parsing its papers. */
export function paperIdsOf(digest: PapersOf): readonly string[] {
	return digest.ids ?? digest.papers.map((p) => p.id);
}

/** How many papers a digest has; a summary from the compact form tells without parsing its papers. */
export function paperCountOf(digest: PapersOf): number {
	return digest.ids?.length ?? digest.papers.length;
}
