/**
 * The compact form of a parsed digest that the index side sends to the editor: what the Papers
 * view, Go to Symbol in Workspace and paper commands need, and no more. The full text of a paper
 * (TL;DR, summaries, abstract) stays in the file; a card or a tooltip asks the index for it on demand.
 *
 * `Digest` and `Paper` satisfy these types, so code typed against a summary also takes a digest
 * parsed from an open document.
 */
import type { Digest, LineRange, Paper } from './model';

/** authors kept per paper: the tree shows the first, tooltips a few */
export const SUMMARY_AUTHORS = 3;

export interface PaperSummary {
	readonly id: string;
	readonly version?: string;
	readonly isArxiv: boolean;
	readonly number?: number;
	readonly title: string;
	readonly translatedTitle?: string;
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
}

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
	if (paper.link !== undefined) summary.link = paper.link;
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
	return summary;
}
