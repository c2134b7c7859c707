import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Digest } from '../../src/core/model';
import { foldingRegions, type FoldingRegion } from '../../src/core/folding';
import { parseDigest } from '../../src/core/parser';
import { smallDigest } from '../fixtures/small-digest';

function countKinds(regions: FoldingRegion[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const r of regions) {
		out[r.kind] = (out[r.kind] ?? 0) + 1;
	}
	return out;
}

describe('core/folding over a small fixture', () => {
	it('folds the TOC, each category, each paper and each details block', () => {
		const regions = foldingRegions(smallDigest());
		assert.deepStrictEqual(regions, [
			{ start: 0, end: 4, kind: 'toc' },
			{ start: 6, end: 28, kind: 'category' },
			{ start: 8, end: 20, kind: 'paper' },
			{ start: 14, end: 19, kind: 'details' },
			{ start: 22, end: 30, kind: 'paper' },
			{ start: 40, end: 44, kind: 'paper' },
		]);
	});

	it('leaves trailing blank lines out and drops regions of one line', () => {
		const lines = Array.from({ length: 46 }, (_, i) => (i === 20 || i === 19 || i === 44 ? '' : `line ${i}`));
		const regions = foldingRegions(smallDigest(), (n) => lines[n]);
		const paper = regions.find((r) => r.kind === 'paper' && r.start === 8);
		assert.deepStrictEqual(paper, { start: 8, end: 18, kind: 'paper' });
		assert.deepStrictEqual(regions.find((r) => r.start === 14), { start: 14, end: 18, kind: 'details' });
		const single: Digest = { ...smallDigest(), categories: [], tocRange: undefined };
		single.papers = [{ ...single.papers[0], range: { start: 8, end: 8 }, detailsRange: undefined }];
		assert.deepStrictEqual(foldingRegions(single), []);
	});

	it('keeps the outermost region when two start on the same line and clamps to the file', () => {
		const d = smallDigest();
		d.papers[0] = { ...d.papers[0], detailsRange: { start: 8, end: 12 } };
		d.papers[2] = { ...d.papers[2], range: { start: 40, end: 99 } };
		const regions = foldingRegions(d);
		assert.deepStrictEqual(regions.filter((r) => r.start === 8), [{ start: 8, end: 20, kind: 'paper' }]);
		assert.deepStrictEqual(regions.find((r) => r.start === 40), { start: 40, end: 45, kind: 'paper' });
	});
});

describe('core/folding of papers under no category heading', () => {
	it('each paper folds alone, though the papers are grouped by their main category (junle-chen 2025-06-07)', () => {
		const file = 'junle-chen__daily-arXiv-gemini-enhanced/2025-06-07.md';
		const text = readFileSync(join('test/fixtures/real', file), 'utf8');
		const lines = text.split(/\r?\n/);
		const d = parseDigest(text, file);
		assert.deepStrictEqual(d.categories.map((c) => [c.name, c.papers.length]), [['q-bio.QM', 2], ['q-bio.PE', 2], ['physics.soc-ph', 1]]);
		const regions = foldingRegions(d, (n) => lines[n]);
		assert.deepStrictEqual(regions.filter((r) => r.kind === 'paper').map((r) => [r.start + 1, r.end + 1]), [[3, 16], [18, 31], [33, 46], [48, 61], [63, 74]]);
		assert.deepStrictEqual(countKinds(regions), { paper: 5 });
	});
});

describe('core/folding over the seeds', () => {
	for (const [name, categories, papers] of [
		['000_e68cbdc0f6d19b20.txt', 2, 166],
		['002_9ca964b67d58151b.txt', 5, 79],
	] as const) {
		it(`${name}: one region per TOC, category, paper and details block`, () => {
			const text = readFileSync(join('test/fixtures/seeds', name), 'utf8');
			const lines = text.split(/\r?\n/);
			const regions = foldingRegions(parseDigest(text, name), (n) => lines[n]);
			assert.deepStrictEqual(countKinds(regions), { toc: 1, category: categories, paper: papers, details: papers });
			for (const r of regions) {
				assert.ok(r.end > r.start, `${r.kind} at ${r.start}`);
				assert.ok(lines[r.end].trim().length > 0, `${r.kind} at ${r.start} ends on a blank line`);
			}
			for (const r of regions.filter((x) => x.kind === 'details')) {
				assert.strictEqual(lines[r.start].trim(), '<details>');
				assert.strictEqual(lines[r.end].trim(), '</details>');
			}
			for (const r of regions.filter((x) => x.kind === 'paper')) {
				assert.ok(/^### \[\d+\]/.test(lines[r.start]), lines[r.start]);
			}
			const starts = regions.map((r) => r.start);
			assert.deepStrictEqual(starts, [...starts].sort((a, b) => a - b));
		});
	}
});
