import * as assert from 'node:assert';
import { ReadOnFocus } from '../../src/core/card/readOnFocus';

describe('a card marks its paper read (ReadOnFocus)', () => {
	const setup = () => {
		const marked: string[] = [];
		return { marked, reads: new ReadOnFocus((id) => marked.push(id)) };
	};

	it('at once when the card leaves the keys where they are (a click in the Papers view, a step in the card)', () => {
		const { marked, reads } = setup();
		reads.shown('2602.05037');
		reads.shown('2602.05037');
		reads.shown('2602.04994');
		assert.deepStrictEqual(marked, ['2602.05037', '2602.05037', '2602.04994']);
	});

	it('opened to take the keys: once the card has them, then at once again', () => {
		const { marked, reads } = setup();
		reads.expectFocus();
		reads.shown('2602.05037');
		assert.deepStrictEqual(marked, [], 'nothing marked while the keys are on their way to the card');
		reads.settled();
		assert.deepStrictEqual(marked, ['2602.05037']);
		reads.settled();
		reads.shown('2602.04994');
		assert.deepStrictEqual(marked, ['2602.05037', '2602.04994'], 'marked once; the next paper at once');
	});

	it('the keys arriving before the paper is shown: marked as it shows', () => {
		const { marked, reads } = setup();
		reads.expectFocus();
		reads.settled();
		assert.deepStrictEqual(marked, []);
		reads.shown('2602.05037');
		assert.deepStrictEqual(marked, ['2602.05037']);
	});

	it('moved on before it had the keys: the paper it showed is marked, the new one waits', () => {
		const { marked, reads } = setup();
		reads.expectFocus();
		reads.shown('2602.05037');
		reads.shown('2602.05037');
		assert.deepStrictEqual(marked, [], 'the same paper again (a re-render) still waits');
		reads.shown('2602.04994');
		assert.deepStrictEqual(marked, ['2602.05037']);
		reads.settled();
		assert.deepStrictEqual(marked, ['2602.05037', '2602.04994']);
	});
});
