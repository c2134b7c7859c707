/**
 * What the library keeps of its papers' digest entries, so a starred, collected, tagged or noted paper
 * whose digest went away (a fork or a reader keeping the last N days, a folder closed) still shows its
 * title, is exported and opens a card with its note. The library itself holds ids only (Settings Sync
 * carries it, within a budget); this record is kept per machine, next to it, and holds a paper's
 * title, authors, category, link, TL;DR and abstract with the days that listed it. vscode-free.
 */
import { isStoredPaperId, type Paper } from '../model';
import type { PaperSummary } from '../summary';
import { libraryId, type Library } from './model';

export const KEPT_FORMAT = 'arxiv-digest/kept-papers';
export const KEPT_VERSION = 1;
/** a physics collaboration lists thousands of authors: the first ones are what a row, a card and BibTeX need */
export const MAX_KEPT_AUTHORS = 100;
/** the most characters of one kept field (an abstract is ~1,200; a runaway one is cut) */
const MAX_FIELD = 8_000;

/** A paper's digest entry as the library keeps it: its summary's fields (the first authors), TL;DR, abstract and days. */
export interface KeptPaper extends Omit<PaperSummary, 'number' | 'range' | 'headingLine'> {
	readonly tldr: string;
	readonly abstract: string;
	/** the days that listed it, newest first */
	readonly days: readonly string[];
	/** kept from the workspace's summary alone (no TL;DR, no abstract, the first authors): its full entry is read when a digest lists it */
	readonly partial?: true;
}

/** The file the records live in. */
export interface StoredKept {
	format: typeof KEPT_FORMAT;
	v: number;
	papers: KeptPaper[];
}

function cut(text: string): string {
	return text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD)}…` : text;
}

/** The record of `paper` (read in full from its digest) listed on `days` (newest first). */
export function keptPaper(paper: Paper, days: readonly string[]): KeptPaper {
	const { partial: _summaryOnly, ...fields } = keptSummary({ ...paper, authorCount: paper.authors.length }, days);
	return { ...fields, tldr: cut(paper.tldr), abstract: cut(paper.abstract) };
}

/** The days of every list, each once, newest first (as a record keeps them). */
export function keptDays(...lists: readonly (readonly string[])[]): string[] {
	return [...new Set(lists.flat())].sort().reverse();
}

/**
 * The record of a paper from the workspace's summary of its entry, at once: the digest may go before
 * the full entry is read (a star, then the day's file deleted), and this much is better than an id.
 */
export function keptSummary(summary: PaperSummary, days: readonly string[]): KeptPaper {
	const authors = summary.authors.slice(0, MAX_KEPT_AUTHORS);
	const count = summary.authorCount ?? summary.authors.length;
	return {
		id: libraryId(summary.id),
		...(summary.version ? { version: summary.version } : {}),
		isArxiv: summary.isArxiv,
		title: cut(summary.title),
		...(summary.translatedTitle ? { translatedTitle: cut(summary.translatedTitle) } : {}),
		...(summary.link ? { link: summary.link } : {}),
		authors,
		...(count > authors.length ? { authorCount: count } : {}),
		...(summary.category ? { category: summary.category } : {}),
		section: summary.section,
		tldr: '',
		abstract: '',
		days: keptDays(days),
		partial: true,
	};
}

/** A kept paper as a Paper to render or export: the summary's other fields are not kept, so empty. */
export function paperOfKept(kept: KeptPaper): Paper {
	return {
		id: kept.id,
		...(kept.version ? { version: kept.version } : {}),
		isArxiv: kept.isArxiv,
		title: kept.title,
		...(kept.translatedTitle ? { translatedTitle: kept.translatedTitle } : {}),
		...(kept.link ? { link: kept.link } : {}),
		authors: [...kept.authors],
		...(kept.category ? { category: kept.category } : {}),
		section: kept.section,
		tldr: kept.tldr,
		motivation: '',
		method: '',
		result: '',
		conclusion: '',
		abstract: kept.abstract,
		extra: [],
		range: { start: 0, end: 0 },
		headingLine: 0,
		fieldRanges: {},
	};
}

/** Every id the library holds: in a collection, with a note or with tags. */
export function libraryPaperIds(library: Library): Set<string> {
	return new Set([...library.collections.flatMap((c) => c.ids), ...Object.keys(library.notes), ...Object.keys(library.tags)]);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const optionalString = (value: unknown) => value === undefined || isString(value);
const DAY = /^\d{4}-\d{2}-\d{2}$|^[^\n]{1,200}$/;

/** one stored record, or undefined when it is not one of ours (it is then left out, with the count) */
function readKept(value: unknown): KeptPaper | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const v = value as Record<string, unknown>;
	if (!isStoredPaperId(v.id) || typeof v.isArxiv !== 'boolean' || !isString(v.title) || !isString(v.section) || !isString(v.tldr) || !isString(v.abstract)) return undefined;
	if (!Array.isArray(v.authors) || !v.authors.every(isString) || !Array.isArray(v.days) || !v.days.every((d) => isString(d) && DAY.test(d))) return undefined;
	if (![v.version, v.translatedTitle, v.link, v.category].every(optionalString)) return undefined;
	if (v.authorCount !== undefined && !(Number.isInteger(v.authorCount) && (v.authorCount as number) > 0)) return undefined;
	if (v.partial !== undefined && v.partial !== true) return undefined;
	return {
		id: libraryId(v.id as string),
		...(v.version ? { version: v.version as string } : {}),
		isArxiv: v.isArxiv,
		title: cut(v.title),
		...(v.translatedTitle ? { translatedTitle: cut(v.translatedTitle as string) } : {}),
		...(v.link ? { link: v.link as string } : {}),
		authors: (v.authors as string[]).slice(0, MAX_KEPT_AUTHORS),
		...(v.authorCount ? { authorCount: v.authorCount as number } : {}),
		...(v.category ? { category: v.category as string } : {}),
		section: v.section,
		tldr: cut(v.tldr),
		abstract: cut(v.abstract),
		days: v.days as string[],
		...(v.partial ? { partial: true as const } : {}),
	};
}

/** `newer`: a later version's file (another profile's extension, a downgrade): left as it is, not set aside */
export type KeptRead = { ok: true; papers: Map<string, KeptPaper>; skipped: number } | { ok: false; reason: string; newer?: true };

/** Reads the stored records: a record that is not ours is skipped (counted); a file that is not ours at all is an error. */
export function parseKept(value: unknown): KeptRead {
	if (value === undefined) return { ok: true, papers: new Map(), skipped: 0 };
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'expected an object' };
	const v = value as Record<string, unknown>;
	if (v.format !== KEPT_FORMAT) return { ok: false, reason: `it has no "format": "${KEPT_FORMAT}" marker` };
	if (typeof v.v !== 'number') return { ok: false, reason: 'it has no version' };
	if (v.v > KEPT_VERSION) return { ok: false, reason: `it is version ${v.v}, newer than this extension reads (${KEPT_VERSION})`, newer: true };
	if (!Array.isArray(v.papers)) return { ok: false, reason: '"papers" is not a list' };
	const papers = new Map<string, KeptPaper>();
	let skipped = 0;
	for (const item of v.papers) {
		const kept = readKept(item);
		if (kept) papers.set(kept.id, kept);
		else skipped++;
	}
	return { ok: true, papers, skipped };
}

export function serializeKept(papers: Iterable<KeptPaper>): StoredKept {
	return { format: KEPT_FORMAT, v: KEPT_VERSION, papers: [...papers] };
}

/**
 * What a window writes: the stored records (another window's, another profile's: VS Code gives every
 * profile the default one's global storage) with its own over them, unless its own is partial and
 * theirs is not, the days of both, less the papers it saw leave its library (`gone`).
 */
export function mergeKept(stored: ReadonlyMap<string, KeptPaper>, mine: ReadonlyMap<string, KeptPaper>, gone: ReadonlySet<string>): Map<string, KeptPaper> {
	const out = new Map<string, KeptPaper>();
	for (const [id, kept] of stored) if (!gone.has(id)) out.set(id, kept);
	for (const [id, kept] of mine) {
		const theirs = out.get(id);
		const base = theirs && kept.partial && !theirs.partial ? theirs : kept;
		out.set(id, theirs ? { ...base, days: keptDays(kept.days, theirs.days) } : kept);
	}
	return out;
}
