/**
 * Folding regions of a digest: the table of contents, each category, each paper and each
 * `<details>` block, as plain data.
 */
import type { Digest, LineRange } from './model';

export type FoldingKind = 'toc' | 'category' | 'paper' | 'details';

export interface FoldingRegion {
	/** first line, 0-based: the line that stays visible */
	start: number;
	/** last folded line, 0-based, inclusive; always greater than start */
	end: number;
	kind: FoldingKind;
}

/**
 * @param lineText a line's text, when the document is at hand: trailing blank lines are then
 * left out of each region so a folded entry does not swallow the spacing before the next heading.
 */
export function foldingRegions(digest: Digest, lineText?: (line: number) => string | undefined): FoldingRegion[] {
	const lastLine = Math.max(0, digest.lineCount - 1);
	const out: FoldingRegion[] = [];
	const add = (range: LineRange | undefined, kind: FoldingKind, start = range?.start) => {
		if (!range || start === undefined) {
			return;
		}
		let end = Math.min(range.end, lastLine);
		if (lineText) {
			while (end > start && isBlank(lineText(end))) {
				end--;
			}
		}
		if (start >= 0 && end > start) {
			out.push({ start, end, kind });
		}
	};

	add(digest.tocRange, 'toc');
	// a category made up for papers under no category heading starts on its first paper's heading:
	// folding there must fold that paper, not the papers after it too
	const paperHeadings = new Set(digest.papers.map((p) => p.headingLine));
	for (const category of digest.categories) {
		if (!paperHeadings.has(category.headingLine)) add(category.range, 'category', category.headingLine);
	}
	for (const paper of digest.papers) {
		add(paper.range, 'paper', paper.headingLine);
		add(paper.detailsRange, 'details');
	}

	// The editor keeps one region per start line; keep the outermost so a fold hides the most.
	const byStart = new Map<number, FoldingRegion>();
	for (const region of out) {
		const seen = byStart.get(region.start);
		if (!seen || region.end > seen.end) {
			byStart.set(region.start, region);
		}
	}
	return [...byStart.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

function isBlank(line: string | undefined): boolean {
	return line === undefined || line.trim().length === 0;
}
