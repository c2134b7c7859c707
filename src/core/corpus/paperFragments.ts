/**
 * A few papers of a digest parsed from their own lines, as the file's summary places them: what a
 * query right after a warm start reads back to check a phrase in one paper's long fields, where a
 * whole file's parse took ~3 ms for a paper's ~0.5 KB (see SearchShard.checked). The caller trusts
 * the result only where it gives the very text the index was built from (see PaperIndex.fillBodies,
 * `strict`): a summary older than the file, or a template whose papers read otherwise out of their
 * file, falls back to the whole file.
 */
import type { Digest } from '../model';
import { forEachLine, type LineSource } from '../parse/lines';
import { parseDigest, type ParseOptions } from '../parser';
import type { DigestSummary } from '../summary';

/**
 * The papers `ids` of the digest `text` (its first listing of each), each parsed with its category's
 * heading line above it; undefined when the summary does not list one of them.
 */
export function paperFragments(text: LineSource, path: string, summary: DigestSummary, ids: ReadonlySet<string>, options?: ParseOptions): Digest | undefined {
	const headingOf = new Map<number, number>();
	for (const category of summary.categories) {
		// a category without a heading of its own (papers above the first heading, or set by their
		// "Main category:" field) names its first paper's first line: its papers are parsed without one
		if (summary.papers[category.papers[0]]?.range.start === category.headingLine) continue;
		for (const index of category.papers) headingOf.set(index, category.headingLine);
	}
	const parts: { heading?: number; start: number; end: number }[] = [];
	const wanted = new Set(ids);
	summary.papers.forEach((paper, index) => {
		if (!wanted.delete(paper.id)) return;
		parts.push({ heading: headingOf.get(index), start: paper.range.start, end: paper.range.end });
	});
	if (wanted.size > 0) return undefined;
	const needed = new Set<number>();
	for (const part of parts) {
		if (part.heading !== undefined) needed.add(part.heading);
		for (let line = part.start; line <= part.end; line++) needed.add(line);
	}
	const lines = new Map<number, string>();
	forEachLine(text, (index, line) => {
		if (needed.has(index)) lines.set(index, line);
	});
	const blocks = parts.map((part) => {
		const block: string[] = part.heading === undefined ? [] : [lines.get(part.heading) ?? '', ''];
		for (let line = part.start; line <= part.end; line++) block.push(lines.get(line) ?? '');
		return block.join('\n');
	});
	return parseDigest(blocks.join('\n\n'), path, options);
}
