import * as assert from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { Digest, LineRange } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';

const SEEDS = ['000_e68cbdc0f6d19b20.txt', '002_9ca964b67d58151b.txt'].map((n) => readFileSync(`test/fixtures/seeds/${n}`, 'utf8'));
const VARIANTS = readdirSync('test/fixtures/variants')
	.filter((n) => n.endsWith('.md'))
	.map((n) => readFileSync(`test/fixtures/variants/${n}`, 'utf8'));
/** a smaller seed slice (the first ~20 papers) keeps each mutation run fast */
const SEED_SLICE = SEEDS[0].split('\n').slice(0, 500).join('\n');

const PAPER_HEADING = /^### \[\d+\] \[.*\]\(.*\)$/;
/** any level-3 heading with text: the parser takes each one for a paper */
const ANY_LEVEL3 = /^###[ \t]+\S/;

/** lines the way editors count them */
function editorLines(text: string): string[] {
	return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

function inside(r: LineRange, outer: LineRange): boolean {
	return r.start >= outer.start && r.end <= outer.end && r.start <= r.end;
}

/** what must hold for any input, however broken */
function checkInvariants(text: string, d: Digest): void {
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
		assert.ok(lines[p.headingLine].trimStart().startsWith('#'));
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

const SNIPPETS = [
	'',
	'<details>',
	'</details>',
	'  <summary>Details</summary>',
	'### [7] [Inserted Paper](https://arxiv.org/abs/2601.00001)',
	'### [8] Inserted paper without a link',
	'### ',
	'# cs.XX [[Back]](#toc)',
	'## Heading 2025-01-01',
	"<div id='cs.XX'></div>",
	'- [cs.CV](#cs.CV) [Total: 3]',
	'**TL;DR:**',
	'> **Motivation:** quoted',
	'Abstract: N/A',
	'*Author One, Author Two*',
	'*unterminated authors',
	'---',
	'[[Back]](#toc)',
	'Keywords: a, b',
	'  - an indented item',
	'\u0000\u0000',
	'\uFFFD',
	'\uFEFF### [9] [BOM](https://arxiv.org/abs/2601.00009)',
	'### [10] [Title with ] bracket](https://arxiv.org/abs/2601.00010)',
	'### [11] [Unclosed](https://arxiv.org/abs/2601.00011',
];

type Op =
	| { kind: 'delete'; at: number }
	| { kind: 'duplicate'; at: number }
	| { kind: 'swap'; at: number; other: number }
	| { kind: 'insert'; at: number; text: string };

const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SNIPPETS) }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 40 }) }),
);

function mutate(text: string, ops: Op[]): string {
	const lines = text.split('\n');
	for (const o of ops) {
		const at = lines.length === 0 ? 0 : o.at % lines.length;
		switch (o.kind) {
			case 'delete':
				lines.splice(at, 1);
				break;
			case 'duplicate':
				if (lines.length > 0) lines.splice(at, 0, lines[at]);
				break;
			case 'swap': {
				const other = lines.length === 0 ? 0 : o.other % lines.length;
				[lines[at], lines[other]] = [lines[other], lines[at]];
				break;
			}
			case 'insert':
				lines.splice(at, 0, o.text);
				break;
		}
	}
	return lines.join('\n');
}

describe('parser: properties', () => {
	it('random line mutations of a seed never throw and keep every paper heading', () => {
		fc.assert(
			fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
				const text = mutate(SEED_SLICE, ops);
				checkInvariants(text, parseDigest(text, 'mutated.md'));
			}),
			{ numRuns: 150 },
		);
	});

	it('random mutations of the variant fixtures keep the invariants', () => {
		fc.assert(
			fc.property(fc.constantFrom(...VARIANTS), fc.array(op, { maxLength: 12 }), (base, ops) => {
				const text = mutate(base, ops);
				checkInvariants(text, parseDigest(text, 'variant.md'));
			}),
			{ numRuns: 200 },
		);
	});

	it('truncation at any byte offset never throws; every `###` line is a paper', () => {
		const bytes = Buffer.from(SEEDS[1], 'utf8');
		fc.assert(
			fc.property(fc.integer({ min: 0, max: bytes.length }), (cut) => {
				const text = bytes.subarray(0, cut).toString('utf8');
				const d = parseDigest(text, 'cut.md');
				checkInvariants(text, d);
				const headings = editorLines(text).filter((l) => ANY_LEVEL3.test(l)).length;
				assert.strictEqual(d.papers.length, headings);
				assert.ok(!d.diagnostics.some((x) => x.severity === 'error' && x.code !== 'unterminated-details'));
			}),
			{ numRuns: 100 },
		);
	});

	it('concatenated seeds and fixtures keep every paper', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom(...SEEDS, ...VARIANTS), { minLength: 1, maxLength: 4 }),
				fc.constantFrom('\n', '\r\n', '\n\n', '\r'),
				(parts, sep) => {
					const text = parts.join(sep);
					const d = parseDigest(text, 'joined.md');
					checkInvariants(text, d);
					const headings = editorLines(text).filter((l) => ANY_LEVEL3.test(l)).length;
					assert.strictEqual(d.papers.length, headings);
				},
			),
			{ numRuns: 100 },
		);
	});

	it('arbitrary text never throws', () => {
		const line = fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }));
		fc.assert(
			fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (ls, sep) => {
				const text = ls.join(sep);
				checkInvariants(text, parseDigest(text, 'random.md'));
			}),
			{ numRuns: 200 },
		);
	});
});
