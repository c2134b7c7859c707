/**
 * What the parser must guarantee for any input, however broken. Shared by the unit properties
 * (test/unit/parser-property.test.ts, fixed seed) and the long fuzz run (`npm run fuzz`).
 */
import * as assert from 'node:assert';
import type { Digest, LineRange } from '../../src/core/model';

export const PAPER_HEADING = /^### \[\d+\] \[.*\]\(.*\)$/;

/** lines the way editors count them */
export function editorLines(text: string): string[] {
	return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

function inside(r: LineRange, outer: LineRange): boolean {
	return r.start >= outer.start && r.end <= outer.end && r.start <= r.end;
}

/** markup that carries no text of its own: an empty quote line, details/summary tags, rules, empty anchors */
const MARKUP_ONLY = /^\s*(?:(?:>\s*)+|<\/?details>|<summary>.*<\/summary>|(?:[-*_]\s*){3,}|<div id=[^>]*><\/div>|<a (?:id|name)=[^>]*><\/a>|\[\[?_?toc_?\]\]?)\s*$/i;
/** navigation: only links to anchors in the same file (`[[Back]](#toc)`, `[⬆️ 返回总目录](#toc)`) */
const NAVIGATION_ONLY = /^\s*(?:\[{1,2}[^\]]*\]{1,2}\(#[^)\s]*\)[\s|·]*)+$/;
/** a heading outside papers is the document's outline (its title, a category, a day total) */
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;

export interface Escape {
	line: number;
	text: string;
	inPaper: boolean;
}

/**
 * Lines that end up nowhere: not a paper's heading, field or `extra`, not the TOC or a category
 * heading, not covered by a diagnostic, and not structure (blank, markup-only, navigation, a
 * heading outside papers, the report-date line the digest's day came from).
 *
 * `repeatsReported`: the parser reports repeated identical unplaced text once ("repeated
 * boilerplate is reported once", src/core/parser.ts reportUnplaced). A line whose trimmed text
 * equals an earlier line covered by an `unplaced-text` diagnostic is listed separately, so the
 * test can state that exception instead of hiding it.
 */
export function lineCoverage(text: string, d: Digest): { escapes: Escape[]; repeatsReported: Escape[] } {
	const lines = editorLines(text);
	const covered = new Array<boolean>(lines.length).fill(false);
	const mark = (r: LineRange | undefined) => {
		if (r) for (let k = Math.max(0, r.start); k <= Math.min(r.end, lines.length - 1); k++) covered[k] = true;
	};
	const paperAt = new Array<boolean>(lines.length).fill(false);
	for (const p of d.papers) {
		covered[p.headingLine] = true;
		for (let k = p.range.start; k <= p.range.end && k < lines.length; k++) paperAt[k] = true;
		for (const r of Object.values(p.fieldRanges)) mark(r);
		for (const e of p.extra) mark(e.range);
	}
	mark(d.tocRange);
	for (const c of d.categories) covered[c.headingLine] = true;
	const reportedText = new Set<string>();
	for (const x of d.diagnostics) {
		mark(x.range);
		if (x.code === 'unplaced-text') for (let k = x.range.start; k <= x.range.end && k < lines.length; k++) reportedText.add(lines[k].trim());
	}
	const escapes: Escape[] = [];
	const repeatsReported: Escape[] = [];
	lines.forEach((line, k) => {
		if (covered[k] || line.trim() === '' || MARKUP_ONLY.test(line) || NAVIGATION_ONLY.test(line)) return;
		if (!paperAt[k] && HEADING.test(line)) return;
		if (!paperAt[k] && d.day && /date|日期/i.test(line) && line.includes(d.day)) return;
		const escape = { line: k, text: line, inPaper: paperAt[k] };
		if (reportedText.has(line.trim())) repeatsReported.push(escape);
		else escapes.push(escape);
	});
	return { escapes, repeatsReported };
}

/** Structural invariants: ranges nest, papers are ordered, every paper is in one category. */
export function checkStructure(text: string, d: Digest): void {
	const lines = editorLines(text);
	const file = { start: 0, end: lines.length - 1 };
	assert.strictEqual(d.lineCount, lines.length);
	assert.ok(!d.diagnostics.some((x) => x.message.startsWith('The digest could not be parsed')), 'the parser failed internally');
	const headingLines = new Set(d.papers.map((p) => p.headingLine));
	lines.forEach((line, k) => {
		if (PAPER_HEADING.test(line)) assert.ok(headingLines.has(k), `paper heading on line ${k} not found: ${line.slice(0, 80)}`);
	});
	d.papers.forEach((p, k) => {
		assert.ok(inside(p.range, file), `paper ${k} range`);
		assert.strictEqual(p.range.start, p.headingLine);
		if (k > 0) assert.ok(d.papers[k - 1].range.end < p.range.start, `papers ${k - 1} and ${k} overlap`);
		for (const r of Object.values(p.fieldRanges)) assert.ok(r && inside(r, p.range), `paper ${k} field range`);
		for (const e of p.extra) assert.ok(inside(e.range, p.range), `paper ${k} extra range`);
		if (p.detailsRange) assert.ok(inside(p.detailsRange, p.range), `paper ${k} details range`);
		assert.ok(p.id.length > 0);
	});
	const seen = new Set<number>();
	for (const c of d.categories) {
		assert.ok(inside(c.range, file), 'category range');
		for (const idx of c.papers) {
			assert.ok(idx >= 0 && idx < d.papers.length && !seen.has(idx), 'paper index');
			seen.add(idx);
			assert.strictEqual(d.papers[idx].section, c.name);
		}
	}
	assert.strictEqual(seen.size, d.papers.length, 'every paper is in one category');
	for (const x of d.diagnostics) assert.ok(inside(x.range, file), `diagnostic range ${x.code}`);
	if (d.tocRange) assert.ok(inside(d.tocRange, file));
}

/** Every line ends up in a paper, a field, `extra` or a diagnostic (see lineCoverage). */
export function checkCoverage(text: string, d: Digest): void {
	const { escapes } = lineCoverage(text, d);
	assert.deepStrictEqual(
		escapes.map((e) => `${e.inPaper ? 'in paper' : 'outside papers'}, line ${e.line}: ${JSON.stringify(e.text.slice(0, 80))}`),
		[],
		'lines the parser placed nowhere',
	);
}
