import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { paperIndexAtLine } from '../../src/core/tree';
import { cardRefFromArgument, cardTakesFocus, takingFocus } from '../../src/features/cards/args';
import { parseDigest } from '../../src/core/parser';

describe('card command arguments', () => {
	it('accepts a PaperRef, a tree node, a PaperLocation or an id', () => {
		assert.deepStrictEqual(cardRefFromArgument({ uri: 'file:///d/a.md', id: '2602.04994' }), { uri: 'file:///d/a.md', id: '2602.04994', index: undefined });
		assert.deepStrictEqual(cardRefFromArgument({ uri: 'file:///d/a.md', id: '2602.04994', index: 4 }), { uri: 'file:///d/a.md', id: '2602.04994', index: 4 });
		assert.deepStrictEqual(cardRefFromArgument({ ref: { uri: 'file:///d/a.md', id: '2602.04994' } }), { uri: 'file:///d/a.md', id: '2602.04994', index: undefined });
		assert.deepStrictEqual(cardRefFromArgument({ kind: 'paper', key: 'file:///d/a.md', index: 2, paper: { id: '2602.05037' } }), { uri: 'file:///d/a.md', id: '2602.05037', index: 2 });
		const uri = { scheme: 'file', toString: () => 'file:///d/b.md' };
		assert.deepStrictEqual(cardRefFromArgument({ file: { uri }, paper: { id: 'hep-th/9901001' }, index: 0 }), { uri: 'file:///d/b.md', id: 'hep-th/9901001', index: 0 });
		assert.deepStrictEqual(cardRefFromArgument(' 2602.04994 '), { id: '2602.04994' });
		assert.deepStrictEqual(cardRefFromArgument({ id: '2602.04994' }), { uri: undefined, id: '2602.04994', index: undefined });
	});

	it('a ref with preserveFocus: false (Enter in the Papers view) asks the card to take the keyboard focus; any other argument leaves it where it is', () => {
		const ref = { uri: 'file:///d/a.md', id: '2602.04994', index: 4 };
		assert.strictEqual(cardTakesFocus({ ...ref, preserveFocus: false }), true);
		assert.deepStrictEqual(cardRefFromArgument({ ...ref, preserveFocus: false }), ref, 'the same paper');
		// takingFocus makes that argument (the Papers view's Enter, a search result, a For you pick)
		assert.strictEqual(cardTakesFocus(takingFocus(ref)), true);
		assert.deepStrictEqual(cardRefFromArgument(takingFocus({ ...ref, highlight: ['graph'] })), { ...ref, highlight: ['graph'] }, 'the same paper and words');
		for (const arg of [ref, { ...ref, preserveFocus: true }, { ...ref, preserveFocus: 'false' }, '2602.04994', undefined, null, { selectedIn: 'arxivDigest.papers' }]) assert.strictEqual(cardTakesFocus(arg), false, JSON.stringify(arg));
	});

	it('ignores what is not a paper (an editor Uri from a menu, category nodes, junk)', () => {
		for (const arg of [undefined, null, '', '   ', 5, [], { scheme: 'file', path: '/d/a.md' }, { kind: 'category', id: 'cs.CV' }, { ref: 'x' }, { id: 7 }, { paper: { id: '' }, file: {} }]) {
			assert.strictEqual(cardRefFromArgument(arg), undefined, JSON.stringify(arg));
		}
		assert.strictEqual(cardRefFromArgument({ id: 'x', index: -1 })?.index, undefined);
	});
});

describe('paper under the cursor', () => {
	const path = 'test/fixtures/seeds/000_e68cbdc0f6d19b20.txt';
	const digest = parseDigest(readFileSync(path, 'utf8'), path);

	it('finds the paper whose entry holds the line, and the one above for lines between entries', () => {
		assert.ok(digest.papers.length > 3);
		const second = digest.papers[1];
		assert.strictEqual(paperIndexAtLine(digest, second.headingLine, true), 1);
		assert.strictEqual(paperIndexAtLine(digest, second.range.end, true), 1);
		assert.strictEqual(paperIndexAtLine(digest, digest.papers[2].headingLine - 1, true), digest.papers[2].range.start <= digest.papers[2].headingLine - 1 ? 2 : 1);
		assert.strictEqual(paperIndexAtLine(digest, digest.lineCount + 10, true), digest.papers.length - 1);
	});

	it('has no paper above the first heading', () => {
		assert.strictEqual(paperIndexAtLine(digest, 0, true), digest.papers[0].range.start <= 0 ? 0 : undefined);
		assert.strictEqual(paperIndexAtLine(digest, digest.papers[0].range.start - 1, true), undefined);
	});
});
