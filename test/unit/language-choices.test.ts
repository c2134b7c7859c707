import * as assert from 'node:assert';
import { handChoice, LanguageChoices } from '../../src/core/languageChoices';

const NOTE = 'file:///home/r/repo/data/2026-06-09.md';
const DIGEST = 'file:///home/r/feeds/today.md';

describe('LanguageChoices: the languages given to files by hand, kept for the next windows', () => {
	it('holds a choice in the next window: what toJSON stored reads back the same', () => {
		const first = new LanguageChoices(undefined, 10);
		assert.strictEqual(first.keep(NOTE, 'plaintext'), true);
		assert.strictEqual(first.choose(DIGEST), true);
		const next = new LanguageChoices(JSON.parse(JSON.stringify(first.toJSON())), 10);
		assert.deepStrictEqual([next.kept(NOTE), next.chosen(NOTE)], [true, false]);
		assert.deepStrictEqual([next.kept(DIGEST), next.chosen(DIGEST)], [false, true]);
		assert.strictEqual(next.keptLanguage(NOTE), 'plaintext', 'the language picked comes back too');
		assert.strictEqual(next.keptLanguage(DIGEST), undefined);
		assert.deepStrictEqual(next.toJSON(), { kept: [NOTE], chosen: [DIGEST], keptAs: { [NOTE]: 'plaintext' } });
	});

	it('reads a store of the last version (no languages) as kept in Markdown', () => {
		const older = new LanguageChoices({ kept: [NOTE], chosen: [] }, 10);
		assert.strictEqual(older.kept(NOTE), true);
		assert.strictEqual(older.keptLanguage(NOTE), undefined);
	});

	it('a new choice for a file replaces its old one; the same choice again stores nothing new', () => {
		const choices = new LanguageChoices(undefined, 10);
		choices.keep(NOTE, 'markdown');
		assert.strictEqual(choices.keep(NOTE, 'markdown'), false);
		assert.strictEqual(choices.keep(NOTE, 'plaintext'), true, 'another language kept out of the digest language is stored');
		assert.strictEqual(choices.keptLanguage(NOTE), 'plaintext');
		assert.strictEqual(choices.choose(NOTE), true);
		assert.deepStrictEqual([choices.kept(NOTE), choices.chosen(NOTE), choices.keptLanguage(NOTE)], [false, true, undefined]);
		assert.deepStrictEqual(choices.toJSON(), { kept: [], chosen: [NOTE], keptAs: {} });
	});

	it('forgets a choice: the rules decide again', () => {
		const choices = new LanguageChoices({ kept: [NOTE], chosen: [DIGEST], keptAs: { [NOTE]: 'plaintext' } }, 10);
		assert.strictEqual(choices.forget(NOTE), true);
		assert.strictEqual(choices.forget(DIGEST), true);
		assert.strictEqual(choices.forget(DIGEST), false, 'nothing left to forget');
		assert.strictEqual(choices.keptLanguage(NOTE), undefined);
		assert.deepStrictEqual(choices.toJSON(), { kept: [], chosen: [], keptAs: {} });
	});

	it('keeps the latest `cap` choices of each kind', () => {
		const choices = new LanguageChoices(undefined, 2);
		for (const name of ['a', 'b', 'c']) choices.keep(`file:///${name}.md`, 'plaintext');
		choices.choose('file:///d.md');
		assert.deepStrictEqual(choices.toJSON(), {
			kept: ['file:///b.md', 'file:///c.md'],
			chosen: ['file:///d.md'],
			keptAs: { 'file:///b.md': 'plaintext', 'file:///c.md': 'plaintext' },
		});
		assert.strictEqual(choices.kept('file:///a.md'), false);
		assert.strictEqual(choices.keptLanguage('file:///a.md'), undefined);
	});

	it('takes a damaged store for no choices, and a file in both lists for none', () => {
		for (const junk of [undefined, null, 'x', 7, [], { kept: 'a', chosen: 3, keptAs: 'x' }]) assert.deepStrictEqual(new LanguageChoices(junk, 5).toJSON(), { kept: [], chosen: [], keptAs: {} });
		const both = new LanguageChoices({ kept: [NOTE, DIGEST], chosen: [NOTE, 5], keptAs: { [NOTE]: 'plaintext', [DIGEST]: 3, other: 'latex' } }, 5);
		assert.deepStrictEqual(both.toJSON(), { kept: [DIGEST], chosen: [], keptAs: {} }, 'a language that is no language id, or for a URI not kept, is dropped');
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
