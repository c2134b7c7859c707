/**
 * The count of a phrase query (a quoted phrase, an excluded one, a Chinese run), whose candidates are
 * checked in their text: on the 23 real files `"world model"` said "up to 250 results" for 30 papers
 * with the phrase. The count now checks COUNT_CHECKS candidates after the hits: all of them (exact) or
 * a sample spread over them (an estimate within its range); the hits stay the same.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseDigest } from '../../src/core/parser';
import { decodeCache, encodeCache } from '../../src/core/search/cache';
import { saidCount } from '../../src/core/search/count';
import { PaperIndex, type SearchOptions, type SearchResult } from '../../src/core/search/index';
import { parseQuery } from '../../src/core/search/query';
import { containsPhrase, foldPhraseText, rawPhraseMatcher } from '../../src/core/search/tokenizer';
import { filesUnder } from './files-under';

const FILES = filesUnder('test/fixtures/real');

let shared: PaperIndex | undefined;
function realIndex(): PaperIndex {
	if (shared) return shared;
	const index = new PaperIndex();
	for (const path of FILES) index.addFile(path, parseDigest(readFileSync(path, 'utf8'), path));
	return (shared = index);
}

function run(query: string, limit: number, options: SearchOptions = {}): SearchResult {
	const parsed = parseQuery(query);
	if (!parsed.ok) assert.fail(parsed.error);
	return realIndex().search(parsed.query, limit, options);
}

/** every match: each candidate checked */
function truth(query: string): number {
	const all = run(query, Number.MAX_SAFE_INTEGER, { matched: false });
	assert.ok(!all.approximate, query);
	return all.total;
}

describe('phrase query counts', function () {
	this.timeout(20000);

	it('"world model": an estimate near the 30 papers with the phrase, not "up to 250"', () => {
		const real = truth('"world model"');
		assert.strictEqual(real, 30);
		const shown = run('"world model"', 10);
		assert.strictEqual(shown.hits.length, 10);
		assert.ok(shown.approximate && shown.range?.estimated, JSON.stringify(shown.range));
		assert.ok(shown.range.min <= real && real <= shown.range.max, JSON.stringify(shown.range));
		// a sample of 100 (COUNT_CHECKS) of ~240 candidates: 36 here; 200 said 32
		assert.ok(Math.abs(shown.total - real) <= real * 0.25, `${shown.total} for ${real}`);
	});

	it('after a warm start (the long fields not read back yet) says "up to", not an estimate from the papers with the phrase in their title', async () => {
		const index = new PaperIndex();
		for (const path of FILES) index.addFile(path, parseDigest(readFileSync(path, 'utf8'), path));
		// what the extension and `search --cache-dir` start from: the cache, without the long fields' text
		index.freeze();
		const restored = await decodeCache(await encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		const parsed = parseQuery('"world model"');
		if (!parsed.ok) assert.fail(parsed.error);
		const shown = restored.search(parsed.query, 10);
		// the sample's checkable papers all matched: an "estimate" was the upper bound ("about 255" for 30)
		assert.ok(shown.approximate && shown.range && !shown.range.estimated, JSON.stringify(shown.range));
		assert.strictEqual(shown.total, shown.range.max);
		assert.ok(shown.range.min <= 30 && 30 <= shown.range.max);
	});

	it('a phrase exclusion and a Chinese run whose candidates are all checked: exact', () => {
		for (const query of ['diffusion -"large language"', '大语言模型', 'cat:cs.CV 扩散模型', '"reward model"']) {
			const real = truth(query);
			// enough checks for every candidate after the hits (COUNT_CHECKS reaches all of the smaller ones)
			const shown = run(query, 10, { countChecks: 200 });
			assert.deepStrictEqual([shown.total, shown.approximate, shown.range], [real, false, undefined], query);
		}
		assert.strictEqual(truth('diffusion -"large language"'), 169);
	});

	it('a smaller sample: an estimate between what was checked and what could match', () => {
		for (const query of ['"world model"', 'diffusion -"large language"', '"large language models"', '多模态', '"diffusion model"']) {
			const real = truth(query);
			const shown = run(query, 10, { countChecks: 40 });
			const range = shown.range;
			assert.ok(shown.approximate && range?.estimated, query);
			assert.ok(range.min <= real && real <= range.max, `${query}: ${real} not in ${JSON.stringify(range)}`);
			assert.ok(range.min <= shown.total && shown.total <= range.max, query);
		}
	});

	it('keeps the hits: the best stay the best, whatever the count checks', () => {
		for (const query of ['"world model"', 'diffusion -"large language"', '多模态']) {
			const all = run(query, Number.MAX_SAFE_INTEGER).hits.map((h) => h.id);
			for (const countChecks of [0, 40, 200]) assert.deepStrictEqual(run(query, 10, { countChecks }).hits.map((h) => h.id), all.slice(0, 10), query);
		}
	});

	it('says an estimate to two significant figures, within what is known', () => {
		assert.strictEqual(saidCount(288, { min: 100, max: 2647, estimated: true }), 290);
		assert.strictEqual(saidCount(1694, { min: 100, max: 1820, estimated: true }), 1700);
		assert.strictEqual(saidCount(32, { min: 28, max: 68, estimated: true }), 32);
		assert.strictEqual(saidCount(3960, { min: 300, max: 3970, estimated: true }), 3960, 'not above the most that can match');
		assert.strictEqual(saidCount(2647, { min: 100, max: 2647, estimated: false }), 2647, 'an upper bound as it is');
		assert.strictEqual(saidCount(1694, undefined), 1694);
	});
});

describe('rawPhraseMatcher', () => {
	const PHRASES = ['world model', 'large language', 'vision language models', 'in the wild', 'state of the art', 'study', 'gpt 4', 'naive bayes', 'schrodinger bridge', 'k means', 'a'];

	it('agrees with the fold on every text of the 23 real files, or leaves it to the fold', () => {
		const texts: string[] = [];
		for (const path of FILES) {
			for (const p of parseDigest(readFileSync(path, 'utf8'), path).papers) {
				texts.push([p.title, p.translatedTitle ?? '', p.authors.join(', '), p.tldr].join('\n'), [p.motivation, p.method, p.result, p.conclusion, p.abstract, p.abstractTranslation ?? ''].join('\n'));
			}
		}
		let told = 0;
		for (const phrase of PHRASES) {
			const quick = rawPhraseMatcher(phrase);
			assert.ok(quick, phrase);
			for (const text of texts) {
				const said = quick(text);
				if (said === undefined) continue;
				told++;
				assert.strictEqual(said, containsPhrase(foldPhraseText(text), phrase), `${phrase} in ${text.slice(0, 120)}`);
			}
		}
		assert.ok(told > texts.length * PHRASES.length * 0.8, 'most texts need no fold');
	});

	it('leaves to the fold what folds apart, and reads separators and CJK as the fold does', () => {
		const quick = rawPhraseMatcher('world model')!;
		const cases: [string, boolean | undefined][] = [
			['World-Models are', true],
			['world\n\n  (model)', true],
			['the world modeling', false],
			['underworld model', false],
			['世界world model模型', true],
			['world 世界 model', false],
			['wörld model', undefined],
			['world model \u212a', undefined],
			['İ world model', undefined],
			['world model 😀', undefined],
			['world ① model', undefined],
		];
		for (const [text, expected] of cases) {
			assert.strictEqual(quick(text), expected, text);
			if (expected !== undefined) assert.strictEqual(containsPhrase(foldPhraseText(text), 'world model'), expected, `the fold: ${text}`);
		}
		assert.strictEqual(rawPhraseMatcher('扩散模型'), undefined, 'not ASCII words');
		assert.strictEqual(rawPhraseMatcher('wörld model'), undefined);
	});
});
