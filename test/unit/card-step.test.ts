import * as assert from 'node:assert';
import { stepIndex } from '../../src/features/cards/step';

describe('card Previous / Next: stepIndex', () => {
	const papers = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

	it('moves from the paper, found at its index or by id', () => {
		assert.strictEqual(stepIndex(papers, { id: 'b', index: 1 }, 1), 2);
		assert.strictEqual(stepIndex(papers, { id: 'b', index: 3 }, -1), 0, 'a stale index: found by id');
		assert.strictEqual(stepIndex(papers, { id: 'd' }, 1), undefined, 'past the last paper');
		assert.strictEqual(stepIndex(papers, { id: 'a' }, -1), undefined, 'before the first');
	});

	it('a paper an edit removed: Next shows the paper now in its place, Previous the one before', () => {
		// 'x' was at index 2, between b and c
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 2 }, 1), 2);
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 2 }, -1), 1);
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 4 }, 1), undefined, 'it was the last: no next');
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 4 }, -1), 3);
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 9 }, -1), undefined, 'a place the file no longer has');
		assert.strictEqual(stepIndex(papers, { id: 'x' }, 1), undefined, 'no place known');
	});
});
