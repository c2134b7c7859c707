import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mainAsync } from '../../src/cli/main';
import type { TrendsOutput } from '../../src/cli/trends';
import { compileInterests, isMatch, matchInterests, normalizeInterests, type InterestMatch } from '../../src/core/interests';
import type { Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { opaqueColor } from '../../src/core/trends/colors';
import { inProcessShard } from '../../src/core/corpus/inProcess';
import { nodeCorpusIO } from '../../src/core/corpus/nodeIO';
import { SearchService, shardOf } from '../../src/core/search/client';
import { PaperIndex } from '../../src/core/search/index';
import { summarizeDigest } from '../../src/core/summary';
import { latestDayBegun, localDay } from '../../src/core/clock';
import { interestsPerDay, papersPerDay, parseRange, presetRange, previousRange, risingPeriods } from '../../src/core/trends/days';
import { parseStatsMessage, parseStatsState } from '../../src/core/trends/protocol';
import { dayQuery, rangeQuery } from '../../src/core/trends/queries';
import { benjaminiHochberg, mergeRising, rangeRising, rankRising, risingDrift, risingPValue, type RisingCount } from '../../src/core/trends/rising';
import { isTopicTerm, mergeTermDays, mergeTop, rangeIds, rangeTop, skipLists, termDays } from '../../src/core/trends/shard';
import { NO_WORDS_ERROR, parseQuery } from '../../src/core/search/query';
import type { IdsReply } from '../../src/core/search/protocol';

const SEED_A = 'test/fixtures/seeds/000_e68cbdc0f6d19b20.txt';
const SEED_B = 'test/fixtures/seeds/002_9ca964b67d58151b.txt';
const DAY_A = '2026-02-06';
const DAY_B = '2026-02-24';

/** the seeds as the digests of two days (their own names carry no day) */
function seedDigests() {
	return [parseDigest(readFileSync(SEED_A, 'utf8'), `data/${DAY_A}.md`), parseDigest(readFileSync(SEED_B, 'utf8'), `data/${DAY_B}.md`)];
}

/** the ids a shard answers for a query (as SearchShard.ids does) */
function ids(index: PaperIndex, text: string): IdsReply {
	const parsed = parseQuery(text);
	if (!parsed.ok) return { ok: false, error: parsed.error };
	return { ok: true, ids: index.search(parsed.query, Number.MAX_SAFE_INTEGER, { matched: false }).hits.map((h) => h.id) };
}

function paper(n: number, id: string, title: string, abstract: string, authors = 'Ann Lee, Bo Chen', tldr?: string): string {
	return [`### [${n}] [${title}](https://arxiv.org/abs/${id})`, `*${authors}*`, '', 'Main category: cs.LG', '', ...(tldr ? [`TL;DR: ${tldr}`, ''] : []), '<details>', '  <summary>Details</summary>', '', `Abstract: ${abstract}`, '', '</details>', ''].join('\n');
}

function digest(papers: string[]): string {
	return ['<div id=toc></div>', '', '# cs.LG [[Back]](#toc)', '', ...papers].join('\n');
}

const DAY_1 = '2026-01-05';
const DAY_2 = '2026-01-06';

/**
 * 60 papers a day on graphs (those from `from` to `to`); on the second day 20 of them on diffusion (5
 * of them say so in the title, as a topic's papers do: see core/trends/prose), and `kernel` in 5 against 2 the day before
 */
function risingDay(which: 1 | 2, from = 0, to = 60): string {
	return digest(Array.from({ length: 60 }, (_, k) => {
		const id = `2601.${which}${String(k).padStart(4, '0')}`;
		const topic = which === 2 && k < 20 ? ' Diffusion sampling.' : '';
		const titled = which === 2 && k < 5 ? 'Diffusion sampling for graph' : 'Graph learning';
		const noise = k < (which === 2 ? 5 : 2) ? ' A kernel view.' : '';
		return paper(k + 1, id, `${titled} ${which}-${k}`, `Graph networks learn.${topic}${noise}`);
	}).slice(from, to));
}

interface TwoShards {
	service: SearchService;
	dispose(): void;
}

/**
 * Two in-process shards over days' digests written to a temporary folder as `DAY.md`; a day given a
 * second text also as a second file of that day, which the other shard holds.
 */
async function twoShards(days: [day: string, text: string, second?: string][]): Promise<TwoShards> {
	const dir = mkdtempSync(join(tmpdir(), 'trends-shards-'));
	const paths: string[] = [];
	for (const [day, text, second] of days) {
		const first = join(dir, `${day}.md`);
		const again = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => join(dir, `${day}_${x}.md`)).find((p) => shardOf(p, 2) !== shardOf(first, 2));
		assert.ok(again);
		for (const [path, content] of second === undefined ? [[first, text]] : [[first, text], [again, second]]) {
			writeFileSync(path, content);
			paths.push(path);
		}
	}
	const service = new SearchService([0, 1].map((i) => inProcessShard(nodeCorpusIO(undefined, i, 2), i, 2)));
	await service.open(paths.map((path) => ({ path, always: true })));
	return {
		service,
		dispose: () => {
			service.dispose();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

describe('trends', () => {
	describe('papers per day, from the summaries (seeds counted by hand: TOC totals and "Main category" lines)', () => {
		const perDay = papersPerDay(seedDigests().map(summarizeDigest));

		it('counts each day and each category', () => {
			assert.deepStrictEqual(perDay.days, [DAY_A, DAY_B]);
			assert.deepStrictEqual(perDay.totals, [166, 79]);
			const byName = Object.fromEntries(perDay.categories.map((c) => [c.name, c.counts]));
			assert.deepStrictEqual(byName, {
				'cs.CV': [107, 26],
				'cs.CL': [59, 0],
				'cs.LG': [0, 32],
				'cs.AI': [0, 9],
				'cs.IR': [0, 7],
				'cs.CY': [0, 5],
			});
			assert.strictEqual(perDay.categories[0].name, 'cs.CV', 'largest category first');
		});

		it('puts the smaller categories together as "other" beyond the limit, and counts a paper once per day', () => {
			const [a, b] = seedDigests().map(summarizeDigest);
			const few = papersPerDay([a, b, { ...a, path: `data/${DAY_A}_copy.md` }], 2);
			assert.deepStrictEqual(few.totals, [166, 79], 'a second file of the same day adds no paper twice');
			assert.deepStrictEqual(few.categories.map((c) => c.name), ['cs.CV', 'cs.CL', undefined]);
			assert.deepStrictEqual(few.categories[2].counts, [0, 79 - 26]);
		});

		it('leaves out files without a day', () => {
			const undated = summarizeDigest(parseDigest(readFileSync(SEED_A, 'utf8'), SEED_A));
			assert.deepStrictEqual(papersPerDay([undated]).days, []);
		});
	});

	describe('a query per listing day, from the index', () => {
		it('counts the seeds\' papers on the day each was listed (hand count: papers whose text has a word starting with "privacy")', () => {
			const index = new PaperIndex();
			for (const d of seedDigests()) index.addFile(d.path, d);
			const reply = termDays(index, ids(index, 'privacy'));
			assert.ok(reply.ok);
			assert.deepStrictEqual(reply.days.map(([day, ids]) => [day, ids.length]), [[DAY_A, 5], [DAY_B, 6]]);
		});

		it('counts a paper listed on two days on each of them', () => {
			const index = new PaperIndex();
			const first = digest([paper(1, '2601.00001', 'Gaussian splatting for rooms', 'We render rooms.'), paper(2, '2601.00002', 'Protein folding', 'Folding proteins.')]);
			const again = digest([paper(1, '2601.00001', 'Gaussian splatting for rooms', 'We render rooms.')]);
			index.addFile('data/2026-01-05.md', parseDigest(first, 'data/2026-01-05.md'));
			index.addFile('data/2026-01-06.md', parseDigest(again, 'data/2026-01-06.md'));
			const reply = termDays(index, ids(index, 'splatting'));
			assert.ok(reply.ok);
			assert.deepStrictEqual(reply.days, [['2026-01-05', ['2601.00001']], ['2026-01-06', ['2601.00001']]]);
		});

		it('counts a quoted phrase\'s papers as the interests do: plural = singular in both (two real days about world models)', () => {
			const index = new PaperIndex();
			const files = ['2026-06-14', '2026-06-15'].map((day) => parseDigest(readFileSync(`test/fixtures/world-models/${day}.md`, 'utf8'), `data/${day}.md`));
			for (const file of files) index.addFile(file.path, file);
			const reply = termDays(index, ids(index, '"world model"'));
			assert.ok(reply.ok);
			// hand count (see the fixture's README): 7 of the ten entries of 06-14, 3 papers of 06-15
			assert.deepStrictEqual(reply.days.map(([day, ids]) => [day, ids.length]), [['2026-06-14', 7], ['2026-06-15', 3]]);
			const interests = compileInterests(normalizeInterests({ keywords: ['"world model"'] }));
			const match = (p: Paper) =>
				matchInterests(interests, { ...p, category: p.category ?? '', body: [p.motivation, p.method, p.result, p.conclusion, ...p.extra.map((e) => e.value), p.abstract].join('\n') });
			for (const [k, file] of files.entries()) {
				const matched = file.papers.filter((p) => isMatch(match(p))).map((p) => p.id);
				assert.deepStrictEqual(matched.sort(), [...reply.days[k][1]].sort(), file.path);
			}
		});

		it('merges shards: one paper in two files of one day counts once; a query error stays an error', () => {
			const merged = mergeTermDays([
				{ ok: true, days: [['2026-01-05', ['a', 'b']], ['2026-01-07', ['c']]] },
				{ ok: true, days: [['2026-01-05', ['b', 'd']], ['2026-01-06', ['e']]] },
			]);
			assert.deepStrictEqual(merged, { ok: true, days: [['2026-01-05', 3], ['2026-01-06', 1], ['2026-01-07', 1]] });
			assert.deepStrictEqual(mergeTermDays([{ ok: true, days: [] }, { ok: false, error: 'bad' }]), { ok: false, error: 'bad' });
		});
	});

	describe('top terms and authors of a range', () => {
		const index = new PaperIndex();
		const papers = [
			paper(1, '2601.00001', 'Diffusion policies for robots', 'We propose a novel diffusion model. The results show it is the best model.', 'Ann Lee, Bo Chen'),
			paper(2, '2601.00002', 'Diffusion diffusion diffusion', 'Diffusion again and again: diffusion, diffusion, diffusion.', 'Ann Lee'),
			paper(3, '2601.00003', 'Graph networks', 'We propose a novel method; results show graph networks are a model of everything.', 'Cy Park', 'Graph networks forecast the weather.'),
		];
		index.addFile('data/2026-01-05.md', parseDigest(digest(papers.slice(0, 2)), 'data/2026-01-05.md'));
		index.addFile('data/2026-01-06.md', parseDigest(digest(papers.slice(2)), 'data/2026-01-06.md'));

		it('merges every author of several shards: an author below each shard\'s cut can lead overall', () => {
			const shardOf = (list: [string, string][]) => {
				const one = new PaperIndex();
				const day = list.map(([id, authors], k) => paper(k + 1, id, `Title ${id}`, 'An abstract.', authors));
				one.addFile('data/2026-01-05.md', parseDigest(digest(day), 'data/2026-01-05.md'));
				return one;
			};
			// Xi Wang: 2 + 2 papers, below each shard's top 1 (Ann Lee 3, Bo Chen 3)
			const a = shardOf([['2601.00011', 'Ann Lee, Xi Wang'], ['2601.00012', 'Ann Lee, Xi Wang'], ['2601.00013', 'Ann Lee']]);
			const b = shardOf([['2601.00021', 'Bo Chen, Xi Wang'], ['2601.00022', 'Bo Chen, Xi Wang'], ['2601.00023', 'Bo Chen']]);
			const cut = mergeTop([rangeTop(a, {}, [], 1), rangeTop(b, {}, [], 1)], 1);
			assert.deepStrictEqual(cut.authors, [['Ann Lee', 3]], 'what a cut list per shard gives');
			const whole = mergeTop([rangeTop(a, {}, [], 1, true), rangeTop(b, {}, [], 1, true)], 3);
			assert.deepStrictEqual(whole.authors, [['Xi Wang', 4], ['Ann Lee', 3], ['Bo Chen', 3]]);
		});

		it('counts papers, not occurrences, and leaves function words and boilerplate out', () => {
			const top = rangeTop(index, {});
			assert.strictEqual(top.papers, 3);
			const terms = Object.fromEntries(top.terms);
			assert.strictEqual(terms.diffusion, 2, 'a paper repeating a word counts once');
			assert.ok(!('weather' in terms), 'a word of a TL;DR only does not count: the LLM\'s summary says the abstract again');
			assert.strictEqual(terms.graph, 1, 'a word of the title, TL;DR and abstract counts once');
			assert.strictEqual(top.terms[0][0], 'diffusion');
			for (const word of ['we', 'the', 'a', 'propose', 'novel', 'result', 'show', 'model', 'method']) {
				assert.ok(!(word in terms), `"${word}" is not a top term`);
			}
			assert.deepStrictEqual(top.authors, [['Ann Lee', 2], ['Bo Chen', 1], ['Cy Park', 1]]);
		});

		it('keeps to the range and skips papers another shard counts', () => {
			const day2 = rangeTop(index, { from: '2026-01-06' });
			assert.strictEqual(day2.papers, 1);
			assert.ok(!day2.terms.some(([t]) => t === 'diffusion'));
			assert.deepStrictEqual(rangeIds(index, { to: '2026-01-05' }).sort(), ['2601.00001', '2601.00002']);
			const skipped = rangeTop(index, { to: '2026-01-05' }, ['2601.00002']);
			assert.strictEqual(skipped.papers, 1);
			assert.deepStrictEqual(skipped.authors, [['Ann Lee', 1], ['Bo Chen', 1]]);
		});

		it('merges shards so that a paper two shards hold counts once', () => {
			assert.deepStrictEqual(skipLists([['a', 'b'], ['b', 'c'], ['a', 'c', 'd']]), [[], ['b'], ['a', 'c']]);
			const merged = mergeTop([
				{ papers: 2, terms: [['graph', 2], ['robot', 1]], authors: [['Ann Lee', 2]] },
				{ papers: 1, terms: [['robot', 1]], authors: [['Cy Park', 1]] },
			], 5);
			assert.deepStrictEqual(merged, { papers: 3, terms: [['graph', 2], ['robot', 2]], authors: [['Ann Lee', 2], ['Cy Park', 1]] });
		});

		it('the stop-list: function words, boilerplate, numbers, CJK fragments', () => {
			for (const term of ['propose', 'result', 'paper', 'model', '2026', 'ab', '提出', '一种', '出了', '模型', 'http', 'github', 'available', 'achieving', 'single', 'every', 'keep', '发现']) assert.ok(!isTopicTerm(term), term);
			for (const term of ['diffusion', 'graph', 'llm', '扩散', '机器']) assert.ok(isTopicTerm(term), term);
		});
	});

	describe('rising terms', () => {
		const index = new PaperIndex();
		index.addFile(`data/${DAY_1}.md`, parseDigest(risingDay(1), `data/${DAY_1}.md`));
		index.addFile(`data/${DAY_2}.md`, parseDigest(risingDay(2), `data/${DAY_2}.md`));
		const request = { range: { from: DAY_2 }, previous: { to: DAY_1 } };

		it('compares the range with as many listing days just before it', () => {
			const days = ['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'];
			assert.deepStrictEqual(previousRange({ from: '2026-01-07', to: '2026-01-08' }, days), { ok: true, from: '2026-01-05', to: '2026-01-06' });
			// a Monday compares with the Friday before, not with the empty weekend
			assert.deepStrictEqual(previousRange({ from: '2026-01-04', to: '2026-01-05' }, days), { ok: true, from: '2026-01-02', to: '2026-01-02' });
			assert.deepStrictEqual(previousRange({ from: '2026-01-06' }, days), { ok: true, from: '2026-01-02', to: '2026-01-05' }, 'an open end: up to the newest day');
			assert.deepStrictEqual(previousRange({}, days), { ok: false, reason: 'first' }, 'every day: nothing before');
			assert.deepStrictEqual(previousRange({ to: '2026-01-06' }, days), { ok: false, reason: 'first' }, 'a range from the first day');
			assert.deepStrictEqual(previousRange({ from: '2026-02-01' }, days), { ok: false, reason: 'no-days' }, 'a range without a listing day');
		});

		it('compares a range that starts at the first day by its later half against its earlier half', () => {
			const days = ['2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'];
			// days before the range: the period before, as previousRange
			assert.deepStrictEqual(risingPeriods({ from: '2026-01-07', to: '2026-01-08' }, days), { ok: true, range: { from: '2026-01-07', to: '2026-01-08' }, previous: { from: '2026-01-05', to: '2026-01-06' }, within: false });
			// every day (the default 30 days over a folder younger than that): the later 3 days against the 2 before them
			assert.deepStrictEqual(risingPeriods({}, days), { ok: true, range: { from: '2026-01-06', to: '2026-01-08' }, previous: { from: '2026-01-02', to: '2026-01-05' }, within: true });
			assert.deepStrictEqual(risingPeriods({ from: '2025-12-09', to: '2026-01-07' }, days), { ok: true, range: { from: '2026-01-06', to: '2026-01-07' }, previous: { from: '2026-01-02', to: '2026-01-05' }, within: true });
			// one listing day has no halves; none has nothing
			assert.deepStrictEqual(risingPeriods({ to: '2026-01-04' }, days), { ok: false, reason: 'first' });
			assert.deepStrictEqual(risingPeriods({ from: '2026-02-01' }, days), { ok: false, reason: 'no-days' });
		});

		it('counts each term\'s papers in the range and before, and lists the one that surely rose', () => {
			const all = rangeRising(index, { ...request, minPapers: 1 });
			assert.strictEqual(all.papers, 60);
			assert.strictEqual(all.previousPapers, 60);
			const counts = Object.fromEntries(all.terms.map(([term, n, before]) => [term, [n, before]]));
			assert.deepStrictEqual(counts.diffusion, [20, 0]);
			assert.deepStrictEqual(counts.kernel, [5, 2]);
			assert.deepStrictEqual(counts.graph, [60, 60]);
			const ranked = rangeRising(index, { ...request, limit: 10 });
			assert.deepStrictEqual(ranked.terms.map(([term]) => term), ['diffusion', 'sampling'], 'kernel (5 against 2) is chance; graph did not rise');
			assert.deepStrictEqual(rangeRising(index, { ...request, limit: 1 }).terms.length, 1);
			assert.deepStrictEqual(rangeRising(index, { ...request, terms: ['kernel', 'nothing'] }).terms, [['kernel', 5, 2]]);
		});

		it('a term rises beyond the drift of the words of its frequency, and beyond chance over every term tested', () => {
			// every common word twice as frequent (longer abstracts); `x` eight times; `y` twice, as the words around it
			const common: RisingCount[] = Array.from({ length: 40 }, (_, i) => [`common${i}`, 200, 100]);
			const reply = { papers: 1000, previousPapers: 1000, terms: [...common, ['x', 80, 10], ['y', 40, 20]] as RisingCount[] };
			const drift = risingDrift(reply.terms, 1000, 1000);
			assert.ok(Math.abs(drift(200, 100) - Math.log((201 / 801) / (101 / 901))) < 1e-9);
			assert.strictEqual(drift(40, 20), drift(200, 100), 'a band of few terms takes the nearest band\'s drift');
			assert.deepStrictEqual(rankRising(reply, 20).map(([term]) => term), ['x']);
			assert.deepStrictEqual(rankRising({ ...reply, previousPapers: 0 }, 20), [], 'nothing to compare with');
			// rare words rose more than common ones: each band is measured against its own
			const rare: RisingCount[] = Array.from({ length: 30 }, (_, i) => [`rare${i}`, 14, 4]);
			const banded = risingDrift([...common, ...rare], 1000, 1000);
			assert.ok(banded(14, 4) > banded(200, 100) + 0.2, `${banded(14, 4)} ${banded(200, 100)}`);
			assert.deepStrictEqual(rankRising({ papers: 1000, previousPapers: 1000, terms: [...common, ...rare, ['z', 15, 4]] }, 20), [], 'z rose as the rare words did');
			// a handful of papers up from none, among many terms tested, is chance
			const noise: RisingCount[] = Array.from({ length: 2000 }, (_, i) => [`t${i}`, 5, 5]);
			assert.deepStrictEqual(rankRising({ papers: 1000, previousPapers: 1000, terms: [...noise, ['rare', 6, 0]] }, 20), []);
		});

		it('keeps the surer of a hyphenated term and its part, and of two CJK bigrams of one run', () => {
			const common: RisingCount[] = Array.from({ length: 40 }, (_, i) => [`common${i}`, 100, 100]);
			const reply = { papers: 1000, previousPapers: 1000, terms: [...common, ['v-jepa', 60, 2], ['jepa', 50, 2], ['语言', 70, 3], ['言模', 65, 3], ['graph', 40, 1]] as RisingCount[] };
			assert.deepStrictEqual(rankRising(reply, 20).map(([term]) => term), ['语言', 'v-jepa', 'graph']);
		});

		it('passes p-values by the Benjamini–Hochberg step-up procedure', () => {
			assert.deepStrictEqual(benjaminiHochberg([['a', 0.001], ['b', 0.02], ['c', 0.03], ['d', 0.5]], 0.05), ['a', 'b', 'c'], 'Bonferroni would pass a alone');
			assert.deepStrictEqual(benjaminiHochberg([['a', 0.04], ['b', 0.04]], 0.05), ['a', 'b'], 'the largest passing rank takes the ones before it');
			assert.deepStrictEqual(benjaminiHochberg([['a', 0.03], ['b', 0.9]], 0.05), []);
		});

		it('the p-value: the exact binomial tail, 1 for a term that did not rise', () => {
			assert.ok(Math.abs(risingPValue(20, 0, 100, 100, 0) - 0.5 ** 20) < 1e-15);
			assert.ok(Math.abs(risingPValue(2, 1, 100, 100, 0) - 0.5) < 1e-12, 'P(X ≥ 2) of 3 fair coins');
			assert.strictEqual(risingPValue(5, 5, 100, 100, 0), 1);
			// n = 30, p = 1/3: summed by hand from the binomial coefficients
			let choose = 1;
			let direct = 0;
			for (let k = 0; k <= 30; k++) {
				if (k >= 20) direct += choose * (1 / 3) ** k * (2 / 3) ** (30 - k);
				choose = (choose * (30 - k)) / (k + 1);
			}
			const tail = risingPValue(20, 10, 100, 200, 0);
			assert.ok(Math.abs(tail / direct - 1) < 1e-9, `${tail} ${direct}`);
			// thousands of papers and a share far from one half: exact, finite, small
			const large = risingPValue(360, 8940, 100, 3000, 0);
			assert.ok(large > 0 && large < 1e-3, String(large));
			assert.ok(risingPValue(340, 8960, 100, 3000, 0) > large, 'fewer papers in the range: likelier by chance');
		});

		it('sums the shards\' counts', () => {
			const merged = mergeRising([
				{ papers: 10, previousPapers: 8, terms: [['a', 3, 1], ['b', 2, 0]] },
				{ papers: 5, previousPapers: 4, terms: [['a', 1, 1]] },
			]);
			assert.deepStrictEqual(merged, { papers: 15, previousPapers: 12, terms: [['a', 4, 2], ['b', 2, 0]] });
		});
	});

	describe('top terms leave out what the tokenizer cuts out of links and hyphenated words', () => {
		function topOf(papers: string[]): Record<string, number> {
			const index = new PaperIndex();
			index.addFile('data/2026-01-05.md', parseDigest(digest(papers), 'data/2026-01-05.md'));
			return Object.fromEntries(rangeTop(index, {}).terms);
		}

		it('drops the parts of links and the release statement', () => {
			const terms = topOf([1, 2, 3].map((n) => paper(n, `2601.0000${n}`, `Graph pruning ${n}`, 'Graph pruning works. Code is publicly available at https://github.com/lab/pruning and http://www.lab.org/x.html.')));
			assert.strictEqual(terms.pruning, 3);
			for (const word of ['http', 'github', 'com', 'www', 'org', 'html', 'available', 'publicly', 'code']) assert.ok(!(word in terms), `"${word}" is not a top term`);
		});

		it('counts a hyphenated word whole and drops a part its papers use only inside such words', () => {
			const terms = topOf([
				paper(1, '2601.00001', 'Fine-tuning vision-language agents', 'Fine-grained and context-aware fine-tuning of language agents.'),
				paper(2, '2601.00002', 'Fine-tuning for language', 'Language agents, fine-tuning again.'),
				paper(3, '2601.00003', 'Context-aware language agents', 'A fine-grained view.'),
			]);
			assert.strictEqual(terms['fine-tuning'], 2);
			assert.strictEqual(terms['context-aware'], 2);
			assert.strictEqual(terms.language, 3, 'a part used alone in most of its papers stays, counted in all of them');
			for (const part of ['fine', 'tuning', 'aware', 'grained']) assert.ok(!(part in terms), `"${part}" is not a top term`);
		});

		it('keeps a part that some papers use alone often enough', () => {
			const terms = topOf([
				paper(1, '2601.00001', 'Context-aware agents', 'Agents.'),
				paper(2, '2601.00002', 'Context matters', 'Long context for agents.'),
			]);
			assert.strictEqual(terms.context, 2);
		});
	});

	describe('ranges, queries and interests', () => {
		it('resolves presets against the newest listing day, and rejects bad typed ranges', () => {
			const days = ['2026-01-01', '2026-02-20', '2026-03-01'];
			const today = '2026-06-14';
			assert.deepStrictEqual(presetRange('last7', days, today), { from: '2026-02-23', to: '2026-03-01' });
			assert.deepStrictEqual(presetRange('last30', days, today), { from: '2026-01-31', to: '2026-03-01' });
			// a folder younger than the range: from its first day
			assert.deepStrictEqual(presetRange('last30', ['2026-06-04', '2026-06-12'], today), { from: '2026-06-04', to: '2026-06-12' });
			assert.deepStrictEqual(presetRange('last7', ['2026-06-13', '2026-06-14'], today), { from: '2026-06-13', to: '2026-06-14' });
			assert.deepStrictEqual(presetRange('all', days, today), {});
			assert.deepStrictEqual(presetRange('last7', [], today), {});
			// a stray file dated in the future (2030-01-01.md) is not where the range ends; today's file is
			assert.deepStrictEqual(presetRange('last7', [...days, '2030-01-01'], today), { from: '2026-02-23', to: '2026-03-01' });
			assert.deepStrictEqual(presetRange('last7', [...days, today, '2030-01-01'], today), { from: '2026-06-08', to: today });
			// every day in the future: the newest it is
			assert.deepStrictEqual(presetRange('last7', days, '2025-12-31'), { from: '2026-02-23', to: '2026-03-01' });
			assert.deepStrictEqual(parseRange(' 2026-01-02 ', ''), { ok: true, range: { from: '2026-01-02' } });
			assert.deepStrictEqual(parseRange('2026-02-30', ''), { ok: false, reason: 'date', value: '2026-02-30', error: '"2026-02-30" is not a date: use YYYY-MM-DD' });
			const reversed = parseRange('2026-03-01', '2026-01-01');
			assert.ok(!reversed.ok && reversed.reason === 'order');
		});

		it('takes for today the newest day begun anywhere on Earth, so a digest dated in UTC+8 is not in the future', () => {
			const at = (iso: string) => latestDayBegun({ now: () => Date.parse(iso) });
			assert.strictEqual(at('2026-06-14T09:59:59Z'), '2026-06-14');
			// 10:00 UTC is midnight in UTC+14: the 15th has begun there, while it is still the 14th in Beijing
			assert.strictEqual(at('2026-06-14T10:00:00Z'), '2026-06-15');
			assert.strictEqual(at('2026-12-31T23:00:00Z'), '2027-01-01');
		});

		it("names the reader's own day for a file they save, in their time zone, not UTC's", () => {
			const zone = process.env.TZ;
			try {
				process.env.TZ = 'Asia/Shanghai';
				// 17:00 UTC is 01:00 the next day in Beijing: an export saved then is named after the 15th
				assert.strictEqual(localDay({ now: () => Date.parse('2026-06-14T17:00:00Z') }), '2026-06-15');
				process.env.TZ = 'America/Los_Angeles';
				assert.strictEqual(localDay({ now: () => Date.parse('2026-06-14T05:00:00Z') }), '2026-06-13');
			} finally {
				if (zone === undefined) delete process.env.TZ;
				else process.env.TZ = zone;
			}
		});

		it('builds the searches a click opens', () => {
			assert.strictEqual(dayQuery('2026-02-06'), 'day:2026-02-06');
			assert.strictEqual(dayQuery('2026-02-06', 'cs.CV'), 'cat:cs.CV day:2026-02-06');
			assert.strictEqual(dayQuery('2026-02-06', 'Computer Vision'), 'cat:"Computer Vision" day:2026-02-06');
			assert.strictEqual(rangeQuery({ from: '2026-01-01', to: '2026-01-31' }, 'diffusion', 'term'), '"diffusion" after:2026-01-01 before:2026-01-31');
			assert.strictEqual(rangeQuery({}, 'self-evolving', 'term'), 'self-evolving', 'a hyphenated word is not a phrase');
			assert.strictEqual(rangeQuery({}, 'Yann LeCun', 'author'), 'author:"Yann LeCun"');
			assert.strictEqual(dayQuery('2026-02-06', { except: ['cs.CV', 'Computer Vision'] }), 'day:2026-02-06 -cat:cs.CV -cat:"Computer Vision"');
		});

		it('a click on a day\'s "Other categories" bar finds the papers the bar counts, not the whole day', () => {
			const categories = Array.from({ length: 10 }, (_, i) => `c${i}.XX`);
			const text = `# 2026-01-05\n\n${categories
				.map((c, i) => `## ${c}\n\n${Array.from({ length: 20 - i }, (_, k) => `### [${k + 1}] [Paper ${k} of ${c}](https://arxiv.org/abs/2601.${String(i * 100 + k).padStart(5, '0')})\n*A. Author*\n`).join('\n')}`)
				.join('\n')}`;
			const digest = parseDigest(text, '/ws/data/2026-01-05.md');
			const data = papersPerDay([summarizeDigest(digest)]);
			const other = data.categories.find((c) => c.name === undefined);
			assert.ok(other && other.counts[0] > 0, 'more categories than the chart names');
			const shown = data.categories.flatMap((c) => (c.name === undefined ? [] : [c.name]));
			const index = new PaperIndex();
			index.addFile('/ws/data/2026-01-05.md', digest);
			const parsed = parseQuery(dayQuery(data.days[0], { except: shown }));
			assert.ok(parsed.ok);
			assert.strictEqual(index.search(parsed.query, 1000).total, other.counts[0]);
		});

		it('counts interest matches and the unread ones per day', () => {
			const files = seedDigests().map(summarizeDigest);
			const matched = new Set([files[0].papers[0].id, files[0].papers[1].id, files[1].papers[0].id]);
			const read = new Set([files[0].papers[1].id]);
			const match = (id: string): InterestMatch | undefined => (matched.has(id) ? { words: ['x'], excluded: false } : undefined);
			const counts = interestsPerDay(files, [DAY_A, DAY_B, '2026-03-01'], {
				statusOn: (id) => (read.has(id) ? 'read' : 'seen'),
				match,
				firstListed: () => undefined,
			});
			assert.deepStrictEqual(counts, { matches: [2, 1, 0], unread: [1, 1, 0] });
		});

		it('takes only well-formed messages from the webview', () => {
			assert.deepStrictEqual(parseStatsMessage({ type: 'range', range: { preset: 'last7' } }), { type: 'range', range: { preset: 'last7' } });
			assert.deepStrictEqual(parseStatsMessage({ type: 'range', range: { from: '2026-01-01', to: '' } }), { type: 'range', range: { from: '2026-01-01', to: '' } });
			assert.strictEqual(parseStatsMessage({ type: 'range', range: { preset: 'forever' } }), undefined);
			assert.strictEqual(parseStatsMessage({ type: 'search', query: '   ' }), undefined);
			assert.strictEqual(parseStatsMessage({ type: 'search', query: 'x'.repeat(501) }), undefined);
			assert.strictEqual(parseStatsMessage({ type: 'eval', code: '1' }), undefined);
			assert.deepStrictEqual(parseStatsState({ range: 7, term: 3, tables: 'yes', share: 1 }), { range: { preset: 'last30' }, term: '', tables: false, share: false });
			assert.deepStrictEqual(parseStatsState({ range: { preset: 'all' }, term: 'x', tables: true, share: true }), { range: { preset: 'all' }, term: 'x', tables: true, share: true });
		});
	});

	describe('over two shards (SearchService)', () => {
		let shards: TwoShards;
		let service: SearchService;
		before(async () => {
			// seed B once, seed A twice on its day, in files the two shards split between them
			const seedA = readFileSync(SEED_A, 'utf8');
			shards = await twoShards([[DAY_B, readFileSync(SEED_B, 'utf8')], [DAY_A, seedA, seedA]]);
			service = shards.service;
		});
		after(() => shards.dispose());

		it('counts a paper of two files of one day once, in the term per day and in the range', async () => {
			assert.deepStrictEqual(await service.trendDays('privacy'), { ok: true, days: [[DAY_A, 5], [DAY_B, 6]] });
			const top = await service.rangeTop({}, 10);
			assert.strictEqual(top.papers, 245);
			const single = new PaperIndex();
			for (const d of seedDigests()) single.addFile(d.path, d);
			assert.deepStrictEqual(top.terms, rangeTop(single, {}).terms.slice(0, 10), 'the same top terms as one index of the two seeds');
			assert.deepStrictEqual(top.authors, rangeTop(single, {}).authors.slice(0, 10), 'the same top authors as one index of the two seeds');

			assert.deepStrictEqual(await service.trendDays('cat:'), { ok: false, error: '"cat:" needs a value, e.g. cat:cs.CV' });
			// not every paper, as it once counted
			assert.deepStrictEqual(await service.trendDays('C++'), { ok: false, error: NO_WORDS_ERROR });
		});
	});

	describe('rising terms over two shards (SearchService)', () => {
		let shards: TwoShards;
		before(async () => {
			// each day's papers in two files the two shards split (a term's papers too), the second day also whole
			// in the second shard: a paper counts once in each period
			shards = await twoShards([
				[DAY_1, risingDay(1, 0, 30), risingDay(1, 30)],
				[DAY_2, risingDay(2, 0, 10), risingDay(2)],
			]);
		});
		after(() => shards.dispose());

		it('gives what one index of the two days gives', async () => {
			const single = new PaperIndex();
			single.addFile(`data/${DAY_1}.md`, parseDigest(risingDay(1), `data/${DAY_1}.md`));
			single.addFile(`data/${DAY_2}.md`, parseDigest(risingDay(2), `data/${DAY_2}.md`));
			const request = { range: { from: DAY_2 }, previous: { to: DAY_1 } };
			const merged = await shards.service.rangeRising(request.range, request.previous, 10);
			assert.deepStrictEqual(merged, rangeRising(single, { ...request, limit: 10 }));
			assert.deepStrictEqual(merged, { papers: 60, previousPapers: 60, terms: [['diffusion', 20, 0], ['sampling', 20, 0]] });
		});
	});

	describe('arxiv-digest trends', () => {
		let dir: string;
		before(() => {
			dir = mkdtempSync(join(tmpdir(), 'trends-'));
			writeFileSync(join(dir, `${DAY_A}.md`), readFileSync(SEED_A));
			writeFileSync(join(dir, `${DAY_B}.md`), readFileSync(SEED_B));
		});
		after(() => rmSync(dir, { recursive: true, force: true }));

		async function run(...argv: string[]) {
			let out = '';
			let err = '';
			const code = await mainAsync(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
			return { code, out, err };
		}

		it('prints a term\'s papers per day (the seeds\' hand count) as a table and as JSON', async () => {
			const json = await run('trends', dir, '--term', 'privacy', '--json', '--shards', '1');
			assert.strictEqual(json.code, 0, json.err);
			const out = JSON.parse(json.out) as TrendsOutput;
			assert.deepStrictEqual(out.days, [{ day: DAY_A, papers: 166, matching: 5 }, { day: DAY_B, papers: 79, matching: 6 }]);
			const text = await run('trends', dir, '--term', 'privacy', '--from', DAY_B, '--shards', '1');
			assert.strictEqual(text.code, 0, text.err);
			assert.match(text.out, /2026-02-24\s+79\s+6\n/);
			assert.ok(!text.out.includes(DAY_A), 'the range starts at the second day');
		});

		it('says how many papers of files without a date it leaves out', async () => {
			const other = mkdtempSync(join(tmpdir(), 'trends-undated-'));
			try {
				writeFileSync(join(other, `${DAY_B}.md`), readFileSync(SEED_B));
				writeFileSync(join(other, 'reading-notes.md'), '# My picks\n\n## cs.XX\n\n### [1] [A Kept Paper](https://arxiv.org/abs/2601.00001)\n*A. Author*\n\n### [2] [Another](https://arxiv.org/abs/2601.00002)\n*B. Author*\n');
				const r = await run('trends', other, '--term', 'privacy', '--shards', '1');
				assert.strictEqual(r.code, 0, r.err);
				assert.match(r.out, /^left out: 2 papers of 1 file without a date$/m);
				const json = JSON.parse((await run('trends', other, '--json', '--shards', '1')).out) as TrendsOutput;
				assert.deepStrictEqual(json.undated, { files: 1, papers: 2 });
				assert.strictEqual(JSON.parse((await run('trends', dir, '--json', '--shards', '1')).out).undated, undefined, 'every file dated: nothing said');
			} finally {
				rmSync(other, { recursive: true, force: true });
			}
		});

		it('takes a --term that starts with an exclusion (`--term -privacy`) as the query', async () => {
			const r = await run('trends', dir, '--term', '-privacy', '--json', '--shards', '1');
			assert.strictEqual(r.code, 0, r.err);
			const out = JSON.parse(r.out) as TrendsOutput;
			assert.strictEqual(out.term, '-privacy');
			assert.deepStrictEqual(out.days, [{ day: DAY_A, papers: 166, matching: 166 - 5 }, { day: DAY_B, papers: 79, matching: 79 - 6 }]);
			const missing = await run('trends', dir, '--term', '--json');
			assert.strictEqual(missing.code, 2);
			assert.match(missing.err, /option '--term' needs a value/);
		});

		it('prints papers per day and the top terms and authors without --term', async () => {
			const r = await run('trends', dir, '--limit', '5', '--json', '--shards', '1');
			assert.strictEqual(r.code, 0, r.err);
			const out = JSON.parse(r.out) as TrendsOutput;
			assert.deepStrictEqual(out.days.map((d) => d.papers), [166, 79]);
			assert.strictEqual(out.top?.papers, 245);
			assert.strictEqual(out.top?.terms.length, 5);
			assert.ok(out.top?.terms.every(([term]) => isTopicTerm(term)));
			// every day: nothing before, so the second day against the first, and the output says so
			assert.deepStrictEqual(out.rising && { ...out.rising, terms: [] }, { papers: 79, previousPapers: 166, from: DAY_B, to: DAY_B, within: true, previous: { from: DAY_A, to: DAY_A }, terms: [] });
			const text = await run('trends', dir, '--limit', '5', '--shards', '1');
			assert.match(text.out, /\nrising terms \(papers of 79, before: of 166 on 2026-02-06 to 2026-02-06, the range starts at the first day: its days 2026-02-24 to 2026-02-24 against the days before them\)\n/);
			// one day: nothing to compare, and the output says why
			const one = await run('trends', dir, '--to', DAY_A, '--limit', '5', '--shards', '1');
			assert.match(one.out, /\nrising terms: none \(no earlier days to compare the range with\)\n/);
			const later = await run('trends', dir, '--from', DAY_B, '--json', '--shards', '1');
			const rising = (JSON.parse(later.out) as TrendsOutput).rising;
			assert.deepStrictEqual(rising && { ...rising, terms: [] }, { papers: 79, previousPapers: 166, previous: { from: DAY_A, to: DAY_A }, terms: [] });
			assert.ok(rising?.terms.every(([term, n, before]) => isTopicTerm(term) && n / 79 > before / 166));
			const laterText = await run('trends', dir, '--from', DAY_B, '--shards', '1');
			assert.match(laterText.out, /\nrising terms \(papers of 79, before: of 166 on 2026-02-06 to 2026-02-06\)\n/);
		});

		it('reports bad input clearly', async () => {
			const bad = await run('trends', dir, '--from', '2026-02-31');
			assert.strictEqual(bad.code, 2);
			assert.match(bad.err, /"2026-02-31" is not a date/);
			const query = await run('trends', dir, '--term', 'foo:bar', '--shards', '1');
			assert.strictEqual(query.code, 2);
			assert.match(query.err, /Unknown filter "foo:"/);
			assert.strictEqual((await run('trends')).code, 2);
			const nothing = await run('trends', dir, '--term', 'C++', '--shards', '1');
			assert.strictEqual(nothing.code, 2);
			assert.match(nothing.err, /option '--term': the query 'C\+\+' has no words to search for/);
		});
	});
});

describe('chart colours from the theme', () => {
	it("drop a theme colour's transparency, whatever its notation, and keep everything else as it is", () => {
		// what every default non-high-contrast theme gives as --vscode-charts-orange
		assert.strictEqual(opaqueColor('rgba(234, 92, 0, 0.33)'), 'rgb(234, 92, 0)');
		assert.strictEqual(opaqueColor('rgba(234,92,0,.33)'), 'rgb(234, 92, 0)');
		assert.strictEqual(opaqueColor('rgb(1, 2, 3)'), 'rgb(1, 2, 3)');
		assert.strictEqual(opaqueColor(' #0063d3 '), '#0063d3');
		assert.strictEqual(opaqueColor('#ea5c0054'), '#ea5c00');
		assert.strictEqual(opaqueColor('#f805'), '#f80');
		assert.strictEqual(opaqueColor('#f80'), '#f80');
		assert.strictEqual(opaqueColor('rgb(234 92 0 / 33%)'), 'rgb(234 92 0 / 33%)', 'a notation no theme variable uses stays as given');
		assert.strictEqual(opaqueColor('orange'), 'orange');
	});
});

describe('Statistics styles', () => {
	it('a table shown scrolls sideways in its own box, the page does not', () => {
		const css = readFileSync(join(__dirname, '..', '..', 'media', 'stats.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
		const rule = /(^|\})\s*\.table\s*\{([^}]*)\}/.exec(css);
		assert.ok(rule, 'a rule for .table');
		assert.match(rule[2], /overflow-x:\s*auto/);
	});

	it('nothing has a fixed minimum wider than a 320 px page: the top terms and authors go one under the other, the term box and an undrawn chart shrink', () => {
		const css = readFileSync(join(__dirname, '..', '..', 'media', 'stats.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
		const minima = [...css.matchAll(/min-width:\s*([^;]+)|minmax\(\s*(min\([^)]*\)|[^,]+)/g)].map((m) => (m[1] ?? m[2]).trim());
		assert.ok(minima.length >= 2, css);
		for (const minimum of minima) assert.match(minimum, /^min\(.*, 100%\)$/, `a minimum the page may be narrower than: ${minimum}`);
		// a canvas Chart.js has not drawn yet keeps the browser's 300 px
		assert.match(css, /\.chart canvas\s*\{[^}]*max-width:\s*100%/);
	});
});
