/**
 * The symbol tree of a digest (categories → papers) as plain data, so the Outline view,
 * breadcrumbs, Go to Symbol and the CLI share one definition that unit tests can check.
 */
import type { Digest, LineRange, Paper } from './model';
import type { PaperSummary } from './summary';
import { paperLabel } from './tree';

export type DigestSymbolKind = 'category' | 'paper';

export interface DigestSymbol {
	kind: DigestSymbolKind;
	name: string;
	detail: string;
	/** everything the symbol covers; always contains selectionRange and every child's range */
	range: LineRange;
	/** the heading line */
	selectionRange: LineRange;
	/** index into Digest.papers for paper symbols */
	paperIndex?: number;
	children: DigestSymbol[];
}

/** Longest TL;DR prefix shown in a paper's detail; the Outline view has little room. */
export const TLDR_PREVIEW_CHARS = 60;

export function paperSymbolName(paper: PaperSummary): string {
	const title = paperLabel(paper);
	return paper.number === undefined ? title : `[${paper.number}] ${title}`;
}

export function authorsShort(authors: readonly string[]): string {
	const first = authors.find((a) => a.trim().length > 0)?.trim();
	if (!first) {
		return '';
	}
	return authors.length > 1 ? `${first} et al.` : first;
}

export function paperSymbolDetail(paper: Paper): string {
	const who = authorsShort(paper.authors);
	// a translated title says more than the start of a TL;DR in the same language
	const tldr = truncate(collapseWhitespace(paper.translatedTitle || paper.tldr), TLDR_PREVIEW_CHARS);
	if (who && tldr) {
		return `${who} — ${tldr}`;
	}
	return who || tldr;
}

export function categorySymbolDetail(paperCount: number): string {
	return paperCount === 1 ? '1 paper' : `${paperCount} papers`;
}

/**
 * Categories with their papers, in file order. Papers the parser could not place under a
 * category (a day file without category headings) become top-level symbols so none is lost.
 */
export function buildSymbols(digest: Digest): DigestSymbol[] {
	const placed = new Set<number>();
	const top: DigestSymbol[] = [];
	for (const category of digest.categories) {
		const children: DigestSymbol[] = [];
		for (const index of category.papers) {
			const paper = digest.papers[index];
			if (!paper || placed.has(index)) {
				continue;
			}
			placed.add(index);
			children.push(paperSymbol(paper, index));
		}
		const selectionRange = { start: category.headingLine, end: category.headingLine };
		top.push({
			kind: 'category',
			name: collapseWhitespace(category.name) || '(unnamed category)',
			detail: categorySymbolDetail(children.length),
			range: cover(category.range, selectionRange, ...children.map((c) => c.range)),
			selectionRange,
			children,
		});
	}
	digest.papers.forEach((paper, index) => {
		if (!placed.has(index)) {
			top.push(paperSymbol(paper, index));
		}
	});
	return top.sort((a, b) => a.selectionRange.start - b.selectionRange.start);
}

function paperSymbol(paper: Paper, index: number): DigestSymbol {
	const selectionRange = { start: paper.headingLine, end: paper.headingLine };
	return {
		kind: 'paper',
		name: paperSymbolName(paper),
		detail: paperSymbolDetail(paper),
		range: cover(paper.range, selectionRange),
		selectionRange,
		paperIndex: index,
		children: [],
	};
}

/** The smallest range holding all given ones; VS Code rejects a selection range outside the full range. */
export function cover(first: LineRange, ...rest: LineRange[]): LineRange {
	let start = Math.min(first.start, first.end);
	let end = Math.max(first.start, first.end);
	for (const r of rest) {
		start = Math.min(start, r.start, r.end);
		end = Math.max(end, r.start, r.end);
	}
	return { start: Math.max(0, start), end: Math.max(0, end) };
}

/** Lower-cased, whitespace-separated words of a Go to Symbol query. */
export function queryWords(query: string): string[] {
	return query.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
}

/**
 * Does every query word occur (case-insensitively) in the paper's title, translated title or id?
 * An id typed with its version (`2602.04994v2`) or as a URL still finds the paper.
 */
export function paperMatchesWords(paper: PaperSummary, words: readonly string[]): boolean {
	if (words.length === 0) {
		return false;
	}
	const haystack = searchText(paper);
	return words.every((w) => haystack.includes(w) || haystack.includes(stripArxivUrl(w)));
}

/** Papers are immutable once parsed, so their lower-cased search text is worth keeping between queries. */
const searchTextCache = new WeakMap<PaperSummary, string>();

function searchText(paper: PaperSummary): string {
	let text = searchTextCache.get(paper);
	if (text === undefined) {
		text = `${paper.title}\n${paper.translatedTitle ?? ''}\n${paper.id}${paper.version ?? ''}`.toLowerCase();
		searchTextCache.set(paper, text);
	}
	return text;
}

function stripArxivUrl(word: string): string {
	return word.replace(/^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\//, '').replace(/\.pdf$/, '');
}

/** Name for Go to Symbol in Workspace: VS Code filters on the name, so an arXiv id typed there must be in it. */
export function workspaceSymbolName(paper: PaperSummary): string {
	const title = paperLabel(paper);
	return paper.isArxiv ? `${title} (${paper.id})` : title;
}

export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

export function truncate(text: string, max: number): string {
	const chars = Array.from(text);
	return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
