import * as assert from 'node:assert';
import { RecentSet } from '../../src/core/recentSet';

describe('RecentSet: ids chosen lately (the tree rows the reader left expanded), stored between sessions', () => {
	it('keeps the rows expanded and drops the ones collapsed', () => {
		const rows = new RecentSet(undefined, 10);
		assert.strictEqual(rows.set('day:2026-01-02', true), true);
		assert.strictEqual(rows.set('cat:2026-01-02/cs.CV', true), true);
		assert.strictEqual(rows.set('day:2026-01-02', false), true);
		assert.strictEqual(rows.set('day:2026-01-02', false), false, 'collapsing a row not stored changes nothing');
		assert.strictEqual(rows.has('day:2026-01-02'), false);
		assert.strictEqual(rows.has('cat:2026-01-02/cs.CV'), true);
		assert.deepStrictEqual(rows.toJSON(), ['cat:2026-01-02/cs.CV']);
	});

	it('keeps at most `cap` ids, forgetting the ones expanded longest ago; a row expanded again counts as the latest', () => {
		const rows = new RecentSet(undefined, 3);
		for (const id of ['a', 'b', 'c']) rows.set(id, true);
		rows.set('a', true);
		assert.strictEqual(rows.set('a', true), false, 'the latest expanded again: nothing to store');
		rows.set('d', true);
		assert.deepStrictEqual(rows.toJSON(), ['c', 'a', 'd']);
		assert.strictEqual(rows.has('b'), false);
	});

	it('reads back what it stored, the latest `cap` of it, and takes anything else for nothing stored', () => {
		assert.deepStrictEqual(new RecentSet(['a', 'b', 'c', 'd'], 2).toJSON(), ['c', 'd']);
		assert.deepStrictEqual(new RecentSet(['a', 7, null, 'b'], 5).toJSON(), ['a', 'b']);
		for (const junk of [undefined, null, 'a', 42, { a: true }]) assert.deepStrictEqual(new RecentSet(junk, 5).toJSON(), []);
	});
});
