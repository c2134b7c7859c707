import * as assert from 'node:assert';
import { dayExcluded, dayInRange, dayMatches, describeFilters, filterValueText, NO_WORDS_ERROR, normalizeId, parseQuery, type ParsedQuery } from '../../src/core/search/query';

function parse(text: string): ParsedQuery {
	const result = parseQuery(text);
	if (!result.ok) assert.fail(`unexpected error: ${result.error}`);
	return result.query;
}

describe('search query parser', () => {
	it('parses free words', () => {
		const q = parse('Diffusion segm');
		assert.deepStrictEqual(q.words.map((w) => w.terms[0]), ['diffusion', 'segm']);
		assert.strictEqual(q.trailingWord, true);
	});
	it('parses exact phrases and exclusions', () => {
		const q = parse('"Vision-Language Models" -medical -"point cloud"');
		assert.deepStrictEqual(q.phrases, ['vision language models']);
		assert.deepStrictEqual(q.excludeWords.map((w) => w.terms[0]), ['medical']);
		assert.deepStrictEqual(q.excludePhrases, ['point cloud']);
		assert.deepStrictEqual(q.words, []);
	});
	it('filterValueText writes a value the parser reads back as one filter value (Statistics, the card\'s author search, similar\'s id)', () => {
		for (const value of ['Yang Liu', 'cs.CV', 'John "JJ" Smith', 'A “quoted” name', 'Li']) {
			for (const always of [false, true]) {
				const q = parse(`author:${filterValueText(value, always)} world`);
				assert.strictEqual(q.authors.length, 1, value);
				assert.deepStrictEqual(q.words.map((w) => w.terms), [['world']], value);
			}
		}
		assert.strictEqual(filterValueText('cs.CV'), 'cs.CV');
		assert.strictEqual(filterValueText('Yang Liu'), '"Yang Liu"');
		assert.strictEqual(filterValueText('Li', true), '"Li"');
		assert.strictEqual(filterValueText('John "JJ" Smith'), '“John "JJ" Smith”');
	});

	it('parses cat, author, id filters', () => {
		const q = parse('cat:cs.CV author:lecun author:"Yann LeCun" id:2602.04994v2 -cat:cs.CL');
		assert.deepStrictEqual(q.categories, ['cs.cv']);
		assert.deepStrictEqual(q.excludeCategories, ['cs.cl']);
		assert.deepStrictEqual(q.authors, [{ parts: ['lecun'] }, { parts: ['yann', 'lecun'], exact: 'yann lecun' }]);
		assert.deepStrictEqual(q.ids, ['2602.04994']);
	});
	it('reads a pasted arXiv or DOI link as the paper it names (`id:`), not as words that find nothing', () => {
		assert.deepStrictEqual(parse('https://arxiv.org/abs/2602.04994').ids, ['2602.04994']);
		assert.deepStrictEqual(parse('arxiv.org/pdf/2602.04994v2').ids, ['2602.04994']);
		assert.deepStrictEqual(parse('http://www.arxiv.org/html/2602.04994v1').ids, ['2602.04994']);
		assert.deepStrictEqual(parse('https://doi.org/10.1101/2025.01.02.123456').ids, ['doi:10.1101/2025.01.02.123456']);
		// arXiv's own DOI (its abstract pages show it), a Markdown autolink, a bioRxiv digest's link as id: reads it
		assert.deepStrictEqual(parse('https://doi.org/10.48550/arXiv.2506.04263').ids, ['2506.04263']);
		assert.deepStrictEqual(parse('id:10.48550/arXiv.2506.04263v2').ids, ['2506.04263']);
		assert.deepStrictEqual(parse('<https://arxiv.org/abs/2602.04994>').ids, ['2602.04994']);
		const biorxiv = 'https://www.biorxiv.org/content/10.64898/2026.09.11.750898v1';
		assert.deepStrictEqual(parse(biorxiv).ids, parse(`id:${biorxiv}`).ids);
		assert.strictEqual(parse(biorxiv).ids.length, 1);
		const q = parse('diffusion -https://arxiv.org/abs/2602.04994');
		assert.deepStrictEqual(q.excludeIds, ['2602.04994']);
		assert.deepStrictEqual(q.words.map((w) => w.terms[0]), ['diffusion']);
		assert.deepStrictEqual(parse('"https://arxiv.org/abs/2602.04994"').ids, [], 'quoted: the text as written');
		assert.deepStrictEqual(parse('https://example.com/paper').ids, [], 'another site: words');
	});
	it('reads `#to-read` as the card shows a tag: `tag:to-read` (and `-#x` as `-tag:x`); a `#` before no letter (`#1`), or inside a word, is text', () => {
		const q = parse('#to-read -#点云 diffusion');
		assert.deepStrictEqual(q.sets, ['tag:to-read']);
		assert.deepStrictEqual(q.excludeSets, ['tag:点云']);
		assert.deepStrictEqual(q.words.map((w) => w.terms[0]), ['diffusion']);
		assert.deepStrictEqual(parse('C# compiler').sets, []);
		assert.deepStrictEqual(parse('# compiler').sets, []);
		// `#1` is number one; `＃` as a Chinese input method types it
		assert.deepStrictEqual(parse('#1 method').sets, []);
		assert.deepStrictEqual(parse('＃点云').sets, ['tag:点云']);
	});
	it('normalises arXiv URLs and versions in id:', () => {
		assert.strictEqual(normalizeId('https://arxiv.org/abs/2602.04994v3'), '2602.04994');
		assert.strictEqual(normalizeId('https://arxiv.org/pdf/2602.04994.pdf'), '2602.04994');
		assert.strictEqual(normalizeId('arXiv:hep-th/9901001'), 'hep-th/9901001');
	});
	it('parses day, month, after and before', () => {
		const q = parse('day:2026-02-06 day:2026-02 after:2026-01-15 before:2026-03');
		assert.deepStrictEqual(q.days, ['2026-02-06', '2026-02']);
		assert.strictEqual(q.after, '2026-01-15');
		assert.strictEqual(q.before, '2026-03');
	});
	it('applies day ranges inclusively, by prefix', () => {
		const q = parse('after:2026-01-15 before:2026-02');
		assert.ok(dayMatches(q, '2026-01-15'));
		assert.ok(dayMatches(q, '2026-02-28'));
		assert.ok(!dayMatches(q, '2026-01-14'));
		assert.ok(!dayMatches(q, '2026-03-01'));
		assert.ok(!dayMatches(q, undefined));
		assert.ok(dayMatches(parse('day:2026-02'), '2026-02-06'));
		assert.ok(!dayMatches(parse('day:2026-02'), '2026-03-06'));
	});
	it('a day matches when it is in the day/after/before range and not left out by -day:, on every query and day', () => {
		const queries = ['', 'day:2026-02', '-day:2026-02-06', 'day:2026-02 -day:2026-02-06', 'after:2026-02-06', 'before:2026-02', 'after:2026-01-15 before:2026-02 -day:2026-02-01', 'day:2026 -day:2026-03'];
		const days = [undefined, '2026-01-14', '2026-01-15', '2026-02-01', '2026-02-06', '2026-02-28', '2026-03-01', '2025-12-31'];
		for (const text of queries) {
			const q = parse(text);
			for (const day of days) {
				const inRange = (q.days.length === 0 || (day !== undefined && q.days.some((d) => day.startsWith(d)))) && (q.after === undefined || (day !== undefined && day.slice(0, q.after.length) >= q.after)) && (q.before === undefined || (day !== undefined && day.slice(0, q.before.length) <= q.before));
				const excluded = day !== undefined && q.excludeDays.some((d) => day.startsWith(d));
				assert.strictEqual(dayInRange(q, day), inRange, `${text} ${day}`);
				if (day !== undefined) assert.strictEqual(dayExcluded(q, day), excluded, `${text} ${day}`);
				assert.strictEqual(dayMatches(q, day), inRange && !excluded, `${text} ${day}`);
			}
		}
	});
	it('reports an unknown filter as an error, not an empty query', () => {
		const result = parseQuery('diffusion venue:cvpr');
		assert.strictEqual(result.ok, false);
		assert.match((result as { error: string }).error, /Unknown filter "venue:"/);
		assert.match((result as { error: string }).error, /cat:/);
	});
	it('reports malformed values', () => {
		assert.strictEqual(parseQuery('day:2026-13').ok, false);
		// a day that does not exist found nothing (day:) or everything after the 28th (after:)
		const feb30 = parseQuery('after:2026-02-30');
		assert.ok(!feb30.ok && feb30.error === '"after:2026-02-30" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY', JSON.stringify(feb30));
		assert.strictEqual(parseQuery('day:2026-02-30').ok, false);
		assert.strictEqual(parseQuery('day:2024-02-29').ok, true, 'a leap day');
		assert.strictEqual(parseQuery('after:yesterday').ok, false);
		assert.strictEqual(parseQuery('cat:').ok, false);
		assert.strictEqual(parseQuery('-after:2026-01-01').ok, false);
	});
	it('refuses text with nothing to search by (`C++`), which the index would answer with every paper', () => {
		for (const text of ['C++', 'F#', '-C++', '"++"', 'a b c']) assert.deepStrictEqual(parseQuery(text), { ok: false, error: NO_WORDS_ERROR, problem: { kind: 'no-words' } }, text);
		// a blank query lists every paper (ids('')); a filter or a word alone searches
		for (const text of ['', '  ', 'C++ cat:cs.CV', 'C++ compiler', 'is:starred', '-cat:cs.CV', 'day:2026-02']) assert.ok(parseQuery(text).ok, text);
	});
	it('leaves URLs as text', () => {
		const q = parse('https://example.org/x');
		assert.ok(q.words.length > 0);
	});
	it('keeps CJK words with filters', () => {
		const q = parse('cat:cs.CV 扩散模型');
		assert.deepStrictEqual(q.words, [{ terms: ['扩散', '散模', '模型'], cjk: true }]);
		// the category as arXiv writes it, whatever the case typed
		assert.strictEqual(describeFilters(q), 'cat:cs.CV');
		assert.strictEqual(describeFilters(parse('cat:math.ag -cat:cond-mat.mes-hall cat:hep-th x')), 'cat:math.AG cat:hep-th -cat:cond-mat.mes-hall');
	});
	it('accepts an unterminated quote as a phrase to the end', () => {
		assert.deepStrictEqual(parse('"point cloud').phrases, ['point cloud']);
	});
});
