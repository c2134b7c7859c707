import * as assert from 'node:assert';
import { LanguageChoices } from '../../src/core/languageChoices';

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
