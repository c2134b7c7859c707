import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseDigest } from '../../src/core/parser';
import { computeStats } from '../../src/core/stats';

const seeds = ['000_e68cbdc0f6d19b20.txt', '002_9ca964b67d58151b.txt'].map((name) =>
	parseDigest(readFileSync(`test/fixtures/seeds/${name}`, 'utf8'), `test/fixtures/seeds/${name}`),
);

describe('computeStats', () => {
	it('counts the two seeds', () => {
		assert.deepStrictEqual(computeStats(seeds), {
			days: 2,
			files: 2,
			categories: 6,
			entries: 245,
			uniquePapers: 245,
			perCategory: { 'cs.CV': 133, 'cs.CL': 59, 'cs.LG': 32, 'cs.CY': 5, 'cs.IR': 7, 'cs.AI': 9 },
		});
	});

	it('counts a paper listed again as an entry but not as a new paper, and one day per date', () => {
		const again = parseDigest(readFileSync('test/fixtures/seeds/000_e68cbdc0f6d19b20.txt', 'utf8'), 'data/2026-02-06.md');
		const sameDay = parseDigest('# cs.CV\n\n### [1] [X](https://arxiv.org/abs/2602.04994v2)\n*A*\n', 'data/2026-02-06_extra.md');
		const stats = computeStats([...seeds, again, sameDay]);
		assert.strictEqual(stats.files, 4);
		assert.strictEqual(stats.days, 3);
		assert.strictEqual(stats.entries, 245 + 166 + 1);
		assert.strictEqual(stats.uniquePapers, 245);
		assert.strictEqual(stats.perCategory['cs.CV'], 133 + 107 + 1);
	});

	it('is all zeros for no digests', () => {
		assert.deepStrictEqual(computeStats([]), { days: 0, files: 0, categories: 0, entries: 0, uniquePapers: 0, perCategory: {} });
	});
});
