/**
 * What the editor's providers of one open digest need (Outline and breadcrumbs, folding, the
 * "Open card" CodeLens, diagnostics), computed from its text in one go and packed so that it
 * crosses from a worker thread to the extension host cheaply: a few typed arrays and strings
 * instead of tens of thousands of small objects (a 48 MB digest holds ~17,000 papers; its parsed
 * form takes seconds to build and over a second to copy between threads as objects).
 *
 * vscode-free: built in a corpus worker for large documents, on the host for small ones.
 */
import { foldingRegions, type FoldingRegion } from './folding';
import type { Digest, DigestDiagnostic, Severity } from './model';
import { buildSymbols, type DigestSymbol } from './symbols';
import { forEachLine, type LineSource } from './parse/lines';

/** VS Code shows at most this many problems of one file; the rest are never sent. */
export const MAX_VIEW_DIAGNOSTICS = 1000;

const SEP = '\u0000';
/** per symbol in `symbols`: kind (0 category, 1 paper), parent (-1: top level), range start, end, heading line, paper index (-1: none) */
const SYMBOL_INTS = 6;

export interface DocumentView {
	lineCount: number;
	/** see SYMBOL_INTS; parents always come before their children */
	symbols: Int32Array;
	/** name, detail of each symbol, joined by NUL */
	symbolText: string;
	/** start, end of each folding region */
	folding: Int32Array;
	/** heading line, isArxiv (0/1) of each paper */
	papers: Int32Array;
	/** each paper's id, joined by NUL */
	paperIds: string;
	/** errors first when there are more than MAX_VIEW_DIAGNOSTICS */
	diagnostics: DigestDiagnostic[];
	/** diagnostics the parser found in all (more than `diagnostics` holds when capped) */
	diagnosticCount: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** @param lineText the document's lines (folding leaves trailing blank lines out of each region) */
export function buildDocumentView(digest: Digest, lineText?: (line: number) => string | undefined): DocumentView {
	const ints: number[] = [];
	const text: string[] = [];
	const add = (symbol: DigestSymbol, parent: number) => {
		const index = ints.length / SYMBOL_INTS;
		ints.push(symbol.kind === 'category' ? 0 : 1, parent, symbol.range.start, symbol.range.end, symbol.selectionRange.start, symbol.paperIndex ?? -1);
		text.push(symbol.name, symbol.detail);
		for (const child of symbol.children) add(child, index);
	};
	for (const symbol of buildSymbols(digest)) add(symbol, -1);
	const regions = foldingRegions(digest, lineText);
	const folding = new Int32Array(regions.length * 2);
	regions.forEach((r, i) => {
		folding[2 * i] = r.start;
		folding[2 * i + 1] = r.end;
	});
	const papers = new Int32Array(digest.papers.length * 2);
	digest.papers.forEach((p, i) => {
		papers[2 * i] = p.headingLine;
		papers[2 * i + 1] = p.isArxiv ? 1 : 0;
	});
	let diagnostics = digest.diagnostics;
	if (diagnostics.length > MAX_VIEW_DIAGNOSTICS) {
		diagnostics = diagnostics
			.map((d, i) => ({ d, i }))
			.sort((a, b) => SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity] || a.i - b.i)
			.slice(0, MAX_VIEW_DIAGNOSTICS)
			.map(({ d }) => d);
	}
	return {
		lineCount: digest.lineCount,
		symbols: Int32Array.from(ints),
		symbolText: text.join(SEP),
		folding,
		papers,
		paperIds: digest.papers.map((p) => p.id).join(SEP),
		diagnostics: diagnostics.map((d) => ({ ...d, range: { start: d.range.start, end: d.range.end } })),
		diagnosticCount: digest.diagnostics.length,
	};
}

/** The symbol tree back from its packed form. */
export function viewSymbols(view: DocumentView): DigestSymbol[] {
	const all: DigestSymbol[] = [];
	const top: DigestSymbol[] = [];
	for (const { symbol, parent } of viewSymbolRows(view)) {
		all.push(symbol);
		(parent >= 0 ? all[parent].children : top).push(symbol);
	}
	return top;
}

/** The symbols one at a time, each without children, with its parent's position in this order (-1: top level). */
export function* viewSymbolRows(view: DocumentView): Generator<{ symbol: DigestSymbol; parent: number }> {
	const text = view.symbolText.length > 0 || view.symbols.length > 0 ? view.symbolText.split(SEP) : [];
	for (let i = 0; i * SYMBOL_INTS < view.symbols.length; i++) {
		const o = i * SYMBOL_INTS;
		const s = view.symbols;
		const symbol: DigestSymbol = {
			kind: s[o] === 0 ? 'category' : 'paper',
			name: text[2 * i] ?? '',
			detail: text[2 * i + 1] ?? '',
			range: { start: s[o + 2], end: s[o + 3] },
			selectionRange: { start: s[o + 4], end: s[o + 4] },
			children: [],
		};
		if (s[o + 5] >= 0) symbol.paperIndex = s[o + 5];
		yield { symbol, parent: s[o + 1] };
	}
}

export function viewFolding(view: DocumentView): FoldingRegion[] {
	const out: FoldingRegion[] = [];
	for (let i = 0; i < view.folding.length; i += 2) out.push({ start: view.folding[i], end: view.folding[i + 1], kind: 'paper' });
	return out;
}

export interface ViewPaper {
	id: string;
	isArxiv: boolean;
	headingLine: number;
}

export function viewPapers(view: DocumentView): ViewPaper[] {
	const count = view.papers.length / 2;
	if (count === 0) return [];
	const ids = view.paperIds.split(SEP);
	const out: ViewPaper[] = [];
	for (let i = 0; i < count; i++) out.push({ id: ids[i] ?? '', isArxiv: view.papers[2 * i + 1] === 1, headingLine: view.papers[2 * i] });
	return out;
}

/** The lines of a text for `lineText`, numbered as the parser numbers them (LF, CRLF or a lone CR), without their ends. */
export function lineReader(text: LineSource): (line: number) => string | undefined {
	const lines: string[] = [];
	forEachLine(text, (index, line) => (lines[index] = line));
	return (line) => lines[line];
}
