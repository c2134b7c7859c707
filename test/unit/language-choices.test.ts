import * as assert from 'node:assert';
import { handChoice, LanguageChoices } from '../../src/core/languageChoices';

const NOTE = 'file:///home/r/repo/data/2026-06-09.md';
const DIGEST = 'file:///home/r/feeds/today.md';

describe('LanguageChoices: the languages given to files by hand, kept for the next windows', () => {
	it('holds a choice in the next window: what toJSON stored reads back the same', () => {
		const first = new LanguageChoices(undefined, 10);
		assert.strictEqual(first.choose(NOTE, false), true);
		assert.strictEqual(first.choose(DIGEST, true), true);
		const next = new LanguageChoices(JSON.parse(JSON.stringify(first.toJSON())), 10);
		assert.deepStrictEqual([next.kept(NOTE), next.chosen(NOTE)], [true, false]);
		assert.deepStrictEqual([next.kept(DIGEST), next.chosen(DIGEST)], [false, true]);
		assert.deepStrictEqual(next.toJSON(), { kept: [NOTE], chosen: [DIGEST] });
	});

	it('a new choice for a file replaces its old one; the same choice again stores nothing new', () => {
		const choices = new LanguageChoices(undefined, 10);
		choices.choose(NOTE, false);
		assert.strictEqual(choices.choose(NOTE, false), false);
		assert.strictEqual(choices.choose(NOTE, true), true);
		assert.deepStrictEqual([choices.kept(NOTE), choices.chosen(NOTE)], [false, true]);
		assert.deepStrictEqual(choices.toJSON(), { kept: [], chosen: [NOTE] });
	});

	it('forgets a choice: the rules decide again', () => {
		const choices = new LanguageChoices({ kept: [NOTE], chosen: [DIGEST] }, 10);
		assert.strictEqual(choices.forget(NOTE), true);
		assert.strictEqual(choices.forget(DIGEST), true);
		assert.strictEqual(choices.forget(DIGEST), false, 'nothing left to forget');
		assert.deepStrictEqual(choices.toJSON(), { kept: [], chosen: [] });
	});

	it('keeps the latest `cap` choices of each kind', () => {
		const choices = new LanguageChoices(undefined, 2);
		for (const name of ['a', 'b', 'c']) choices.choose(`file:///${name}.md`, false);
		choices.choose('file:///d.md', true);
		assert.deepStrictEqual(choices.toJSON(), { kept: ['file:///b.md', 'file:///c.md'], chosen: ['file:///d.md'] });
		assert.strictEqual(choices.kept('file:///a.md'), false);
	});

	it('takes a damaged store for no choices, and a file in both lists for none', () => {
		for (const junk of [undefined, null, 'x', 7, [], { kept: 'a', chosen: 3 }]) assert.deepStrictEqual(new LanguageChoices(junk, 5).toJSON(), { kept: [], chosen: [] });
		const both = new LanguageChoices({ kept: [NOTE, DIGEST], chosen: [NOTE, 5] }, 5);
		assert.deepStrictEqual(both.toJSON(), { kept: [DIGEST], chosen: [] });
	});
});

describe('handChoice: what a change of language the extension did not make means', () => {
	const NONE = new Set<string>();
	it('away from the digest language for a digest, or to it for another file, is a hand choice', () => {
		assert.strictEqual(handChoice('markdown', 'arxiv-digest', NONE, true), 'kept');
		assert.strictEqual(handChoice('plaintext', 'arxiv-digest', NONE, true), 'kept');
		assert.strictEqual(handChoice('arxiv-digest', 'arxiv-digest', NONE, false), 'chosen');
	});

	it('the language the rules give is no choice: picking it goes back to them', () => {
		assert.strictEqual(handChoice('arxiv-digest', 'arxiv-digest', NONE, true), 'automatic');
		assert.strictEqual(handChoice('markdown', 'arxiv-digest', NONE, false), 'automatic');
	});

	it("the language the user's files.associations give is VS Code applying them, not a choice", () => {
		assert.strictEqual(handChoice('markdown', 'arxiv-digest', new Set(['markdown']), true), 'automatic');
		assert.strictEqual(handChoice('arxiv-digest', 'arxiv-digest', new Set(['arxiv-digest']), false), 'automatic');
		assert.strictEqual(handChoice('markdown', 'arxiv-digest', new Set(['arxiv-digest']), true), 'kept', 'another language than the association gives is a choice');
	});
});
