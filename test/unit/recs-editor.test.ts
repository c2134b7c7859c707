/**
 * What the editor's recommendations add over the engine (recs.test.ts): the vector batches that
 * travel between threads, the "For you" trainer's fallback and debounced retrain, the orders, and
 * the card's "Similar papers" section and messages.
 */
import * as assert from 'node:assert';
import { batchFromVectors, batchVector, mergeBatches } from '../../src/core/recs/batch';
import { ForYouTrainer, interestScore, MIN_STARS, newestUnread, orderByScore, starKey, topPercent, trainForYou, type ForYouModel } from '../../src/core/recs/forYou';
import { scoreVector, trainLinear } from '../../src/core/recs/linear';
import type { TermVector } from '../../src/core/recs/tfidf';
import { renderSimilarHtml, type SimilarStrings } from '../../src/core/card/similar';
import { parseWebviewMessage } from '../../src/core/card/protocol';
import { orderForMode, parseViewMode } from '../../src/core/readingMarks';
import { buildVectors, rowBatch, rowVectors } from '../../src/core/recs/tfidf';
import { MAX_RANDOM_SHARE, ShardRecommender } from '../../src/core/recs/shard';
import { PaperIndex } from '../../src/core/search/index';
import { paper } from '../fixtures/small-digest';

const vec = (terms: string[]): TermVector => ({ terms, weights: terms.map(() => 1 / Math.sqrt(terms.length)) });
const model = { model: { terms: ['x'], weights: [1], bias: 0 }, positives: 5, negatives: 5, ms: 1, gatherMs: 0 } satisfies ForYouModel;

function deferred<T>() {
	let resolve!: (v: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('For you labels', () => {
	it('say where a score ranks among the day\'s, not the model\'s probability', () => {
		const day = new Map(Array.from({ length: 200 }, (_, k) => [`2602.${String(k).padStart(5, '0')}`, k / 10] as [string, number]));
		assert.strictEqual(topPercent(19.9, day), 1, 'the best of 200: top 1%');
		assert.strictEqual(topPercent(19.8, day), 1, 'second of 200');
		assert.strictEqual(topPercent(19.7, day), 2, 'third of 200: 1.5% rounds up');
		assert.strictEqual(topPercent(10, day), 50);
		assert.strictEqual(topPercent(0, day), 100, 'the last');
		// ties share their best rank; a list works as a day does; nothing to rank among is 100%
		assert.strictEqual(topPercent(1, [1, 1, 1, 0]), 25);
		assert.strictEqual(topPercent(5, [5]), 100);
		assert.strictEqual(topPercent(5, []), 100);
	});
});

describe('recommendations: vector batches', () => {
	it('round-trips vectors and merges batches over one term list, each id once, empty rows dropped', () => {
		const a = batchFromVectors([
			{ id: '1', vector: vec(['diffusion', 'model']) },
			{ id: '2', vector: vec([]) },
		]);
		const b = batchFromVectors([
			{ id: '1', vector: vec(['other']) },
			{ id: '3', vector: vec(['model', 'speech']) },
		]);
		// weights travel as Float32
		assert.deepStrictEqual(batchVector(a, 0), { terms: ['diffusion', 'model'], weights: vec(['diffusion', 'model']).weights.map(Math.fround) });
		const merged = mergeBatches([a, b]);
		assert.deepStrictEqual(merged.ids, ['1', '3']);
		assert.deepStrictEqual(merged.terms, ['diffusion', 'model', 'speech']);
		assert.deepStrictEqual(batchVector(merged, 1).terms, ['model', 'speech']);
		assert.deepStrictEqual(mergeBatches([a, b], (id) => id === '1').ids, ['3']);
	});

	it('gives a shard\'s rows as a batch equal to its vectors, for a few rows and for many', () => {
		const words = ['diffusion', 'retrieval', 'speech', 'graph', 'agents', 'tracking', 'video', 'medical'];
		const papers = Array.from({ length: 40 }, (_, i) =>
			paper({ id: `2601.${String(i).padStart(5, '0')}`, title: `${words[i % 8]} ${words[(i * 3) % 8]} study ${i}`, headingLine: i * 10, tldr: `${words[(i + 1) % 8]} 中文摘要`, authors: ['A'] }),
		);
		const index = new PaperIndex();
		index.addFile('/ws/data/2026-01-01.md', { path: '/ws/data/2026-01-01.md', day: '2026-01-01', label: '2026-01-01', categories: [], papers, diagnostics: [], lineCount: 0 });
		const vectors = buildVectors(index);
		for (const nums of [[3, 1, 7], Array.from({ length: 30 }, (_, i) => (i * 7) % 40)]) {
			const ids = nums.map((n) => index.docs[n]!.id);
			const batch = rowBatch(vectors, index, nums, ids);
			assert.deepStrictEqual(batch.ids, ids);
			const expected = rowVectors(vectors, index, nums);
			nums.forEach((_, k) => {
				const got = batchVector(batch, k);
				const byTerm = new Map(got.terms.map((t, i) => [t, got.weights[i]]));
				assert.deepStrictEqual([...got.terms].sort(), [...expected[k].terms].sort(), `row ${k} of ${nums.length}`);
				expected[k].terms.forEach((t, i) => assert.strictEqual(byTerm.get(t), Math.fround(expected[k].weights[i])));
			});
		}
	});

	it('takes random negatives from at most a tenth of a shard\'s papers', () => {
		const papers = Array.from({ length: 50 }, (_, i) => paper({ id: `2601.${String(i).padStart(5, '0')}`, title: `paper number ${i} about things`, headingLine: i * 10, authors: ['A'] }));
		const index = new PaperIndex();
		index.addFile('/ws/data/2026-01-01.md', { path: '/ws/data/2026-01-01.md', day: '2026-01-01', label: '2026-01-01', categories: [], papers, diagnostics: [], lineCount: 0 });
		const recs = new ShardRecommender(() => index);
		const batch = recs.idVectors(['2601.00001'], 200, ['2601.00001']);
		assert.strictEqual(batch.ids[0], '2601.00001');
		assert.strictEqual(batch.ids.length, 1 + Math.ceil(49 * MAX_RANDOM_SHARE));
		assert.ok(!batch.ids.slice(1).includes('2601.00001'));
	});

	it('trains the same model from batches as from vectors, stopping early once the loss settles', () => {
		const noise = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
		const positives = noise.map((n, i) => vec(['good', n, noise[(i + 1) % 5]]));
		const negatives = [...noise, ...noise].map((n, i) => vec(['bad', n, noise[(i + 2) % 5]]));
		const fromVectors = trainLinear(positives, negatives);
		const asBatch = (vs: TermVector[]) => batchFromVectors(vs.map((vector, i) => ({ id: String(i), vector })));
		assert.deepStrictEqual(trainLinear(asBatch(positives), asBatch(negatives)), fromVectors);
		// the early stop still separates the classes
		assert.ok(scoreVector(fromVectors, vec(['good'])) > 0 && scoreVector(fromVectors, vec(['bad'])) < 0);
	});
});

describe('recommendations: trainForYou', () => {
	it('asks each shard once for stars and random papers, and splits them into positives and negatives', async () => {
		const calls: { ids: readonly string[]; random: number }[] = [];
		let trainedOn: { pos: string[]; neg: string[] } | undefined;
		const service = {
			async idVectors(ids: readonly string[], random = 0) {
				calls.push({ ids, random });
				return batchFromVectors([...ids, 'r1', 'r2'].map((id) => ({ id, vector: vec([id]) })));
			},
			async train(pos: { ids: string[] }, neg: { ids: string[] }) {
				trainedOn = { pos: pos.ids, neg: neg.ids };
				return model.model;
			},
		};
		const stars = ['s1', 's2', 's3', 's4', 's5'];
		const trained = await trainForYou(service as never, stars);
		assert.strictEqual(calls.length, 1);
		assert.deepStrictEqual(trainedOn, { pos: stars, neg: ['r1', 'r2'] });
		assert.strictEqual(trained.model ? trained.positives : undefined, 5);
		assert.deepStrictEqual(await trainForYou(service as never, stars.slice(0, MIN_STARS - 1)), { found: MIN_STARS - 1 });
	});

	it('says how many of the stars the index holds when too few of them are papers of this workspace', async () => {
		// the library is the profile's: 6 stars, 2 of them papers of these digests
		const service = {
			async idVectors(ids: readonly string[]) {
				return batchFromVectors(ids.filter((id) => id === 's1' || id === 's2').map((id) => ({ id, vector: vec([id]) })));
			},
			async train() {
				throw new Error('too few stars to train on');
			},
		};
		assert.deepStrictEqual(await trainForYou(service as never, ['s1', 's2', 'o1', 'o2', 'o3', 'o4']), { found: 2 });
	});
});

describe('recommendations: the For you trainer', () => {
	it(`falls back to the interests below ${MIN_STARS} stars without training`, async () => {
		let stars = ['a', 'b', 'c', 'd'];
		let trains = 0;
		const trainer = new ForYouTrainer({ stars: () => stars, train: async () => (trains++, model), delayMs: 10 });
		assert.deepStrictEqual(await trainer.current(), { kind: 'interests', stars: 4 });
		assert.strictEqual(trains, 0);
		stars = [...stars, 'e'];
		assert.strictEqual((await trainer.current()).kind, 'model');
		assert.strictEqual(trains, 1);
		// the same stars in another order: the same model, no training
		stars = [...stars].reverse();
		await trainer.current();
		assert.strictEqual(trains, 1);
		trainer.dispose();
	});

	it('falls back when the index holds fewer than the minimum of the starred papers', async () => {
		const trainer = new ForYouTrainer({ stars: () => ['a', 'b', 'c', 'd', 'e'], train: async () => ({ found: 2 }), delayMs: 10 });
		// not "fewer than 5 starred papers (5)": 2 of the 5 are papers of this workspace
		assert.deepStrictEqual(await trainer.current(), { kind: 'interests', stars: 5, found: 2 });
		const noIndex = new ForYouTrainer({ stars: () => ['a', 'b', 'c', 'd', 'e'], train: async () => undefined, delayMs: 10 });
		// no index yet: said so, not as too few stars
		assert.deepStrictEqual(await noIndex.current(), { kind: 'interests', stars: 5, unindexed: true });
		noIndex.dispose();
		trainer.dispose();
	});

	it('never trains before a ranking is asked for, then retrains once per burst of star changes', async () => {
		let stars = ['a', 'b', 'c', 'd', 'e'];
		let trains = 0;
		const retrained: unknown[] = [];
		const trainer = new ForYouTrainer({ stars: () => stars, train: async () => (trains++, model), delayMs: 30, onDidRetrain: (r) => retrained.push(r) });
		trainer.starsChanged();
		assert.strictEqual(trainer.pending, false, 'unused: nothing scheduled');
		await trainer.current();
		assert.strictEqual(trains, 1);
		for (const id of ['f', 'g', 'h']) {
			stars = [...stars, id];
			trainer.starsChanged();
			await wait(5);
		}
		assert.strictEqual(trainer.pending, true);
		assert.strictEqual(trains, 1, 'debounced: no training while stars keep changing');
		await wait(60);
		assert.strictEqual(trains, 2);
		assert.strictEqual(retrained.length, 1);
		// a change back to the trained set cancels nothing new
		trainer.starsChanged();
		assert.strictEqual(trainer.pending, false);
		trainer.dispose();
	});

	it('shares one training between callers while it runs', async () => {
		const gate = deferred<ForYouModel>();
		let trains = 0;
		const trainer = new ForYouTrainer({ stars: () => ['a', 'b', 'c', 'd', 'e'], train: () => (trains++, gate.promise), delayMs: 10 });
		const first = trainer.current();
		const second = trainer.current();
		gate.resolve(model);
		assert.strictEqual(await first, await second);
		assert.strictEqual(trains, 1);
		assert.strictEqual(starKey(['b', 'a', 'a']), starKey(['a', 'b']));
		trainer.dispose();
	});
});

describe('recommendations: orders', () => {
	it('orders by score, best first, stable on ties, unscored last', () => {
		const scores = new Map([['b', 2], ['c', 5], ['d', 2]]);
		assert.deepStrictEqual(orderByScore(['a', 'b', 'c', 'd', 'e'], (x) => x, (id) => scores.get(id)), ['c', 'b', 'd', 'a', 'e']);
	});

	it('scores interests by matched words, excluded papers below the rest', () => {
		assert.strictEqual(interestScore(undefined), 0);
		assert.strictEqual(interestScore({ words: ['rl', 'agents'], excluded: false }), 2);
		assert.strictEqual(interestScore({ words: ['rl'], excluded: true }), -1);
	});

	it('takes the unread papers of the newest day, then older days while there are too few', () => {
		const days = [
			{ day: '2026-01-01', ids: ['o1', 'o2', 'o3'] },
			{ day: '2026-01-03', ids: ['n1', 'n2', 'r1'] },
			{ day: '2026-01-02', ids: ['m1', 'n1'] },
		];
		const read = new Set(['r1', 'm1']);
		// n1, listed on 01-02 and again on 01-03, counts on 01-02 and comes with that day
		const picked = (list: typeof days, options: Parameters<typeof newestUnread>[2]) => {
			const { days: used, papers } = newestUnread(list, (id) => read.has(id), options);
			return { days: used, papers: papers.map((p) => `${p.id} ${p.day}`) };
		};
		assert.deepStrictEqual(picked(days, { want: 1 }), { days: ['2026-01-03'], papers: ['n2 2026-01-03'] });
		assert.deepStrictEqual(picked(days, { want: 2 }), { days: ['2026-01-03', '2026-01-02'], papers: ['n2 2026-01-03', 'n1 2026-01-02'] });
		assert.deepStrictEqual(picked(days, { want: 4 }), { days: ['2026-01-03', '2026-01-02', '2026-01-01'], papers: ['n2 2026-01-03', 'n1 2026-01-02', 'o1 2026-01-01', 'o2 2026-01-01', 'o3 2026-01-01'] });
		assert.deepStrictEqual(picked(days, { want: 4, maxDays: 2 }), { days: ['2026-01-03', '2026-01-02'], papers: ['n2 2026-01-03', 'n1 2026-01-02'] });
		// a paper starred but never opened is the reader's already: not recommended back
		assert.deepStrictEqual(picked(days, { want: 2, isStarred: (id) => id === 'n1' }), { days: ['2026-01-03', '2026-01-02', '2026-01-01'], papers: ['n2 2026-01-03', 'o1 2026-01-01', 'o2 2026-01-01', 'o3 2026-01-01'] });
		// a file dated after today (a mistyped or stray date) is not the newest day
		const stray = [...days, { day: '2099-01-01', ids: ['s1', 's2'] }];
		assert.deepStrictEqual(picked(stray, { want: 1, today: '2026-01-03' }), { days: ['2026-01-03'], papers: ['n2 2026-01-03'] });
	});

	it('knows the "For you" view mode and leaves a category as it is in it', () => {
		assert.strictEqual(parseViewMode('forYou'), 'forYou');
		assert.deepStrictEqual(orderForMode(['a', 'b'], 'forYou', (x) => x, { match: () => ({ words: ['w'], excluded: false }) }), ['a', 'b']);
	});
});

describe('recommendations: the card section', () => {
	const strings: SimilarStrings = { heading: 'Similar papers', loading: 'Finding…', none: 'None.', open: (title) => `${title}: open`, inCommon: (words) => `In common: ${words.join(', ')}`, score: (score) => `cosine ${score.toFixed(2)}` };

	it('lists each paper as a button with its day, category and words in common, the cosine in its tooltip only, escaping digest text', () => {
		const html = renderSimilarHtml({ kind: 'ready', items: [{ id: '2601.00001', title: '<img src=x onerror=alert(1)>', day: '2026-01-02', category: 'cs.LG', score: 0.1427, words: ['VLA', '<b>', '机器人'] }] }, strings);
		assert.ok(!html.includes('<img') && !html.includes('<b>'), html);
		assert.match(html, /data-action="openSimilar" data-id="2601\.00001"/);
		assert.match(html, /2026-01-02 · cs\.LG/);
		// a typical nearest paper's 0.14 was read as "14 %, barely similar": no percent, no meter
		assert.ok(!/%|<meter/.test(html), html);
		assert.match(html, /title="cosine 0\.14"/);
		assert.match(html, /aria-label="&lt;img src=x onerror=alert\(1\)&gt;: open"/);
		// the label stands for the button's text: the day, category and words it shows are read as its description
		const described = /aria-describedby="([^" ]+) ([^"]+)"/.exec(html);
		assert.ok(described, html);
		assert.match(html, new RegExp(`<span class="similar-meta" id="${described[1]}">2026-01-02 · cs\\.LG</span>`));
		assert.match(html, new RegExp(`<span class="similar-why" id="${described[2]}">In common: VLA, &lt;b&gt;, 机器人</span>`));
		const two = renderSimilarHtml({ kind: 'ready', items: [{ id: 'a', title: 'A', day: '2026-01-02', category: '', score: 0.5, words: ['robot'] }, { id: 'b', title: 'B', day: '', category: '', score: 0.4, words: [] }] }, strings);
		const ids = [...two.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
		assert.strictEqual(new Set(ids).size, ids.length, 'ids are unique in the card');
		assert.strictEqual([...two.matchAll(/aria-describedby/g)].length, 1, 'nothing to describe a paper without day, category or words by');
		assert.strictEqual([...two.matchAll(/class="similar-why"/g)].length, 1, 'no line for a paper without words in common');
	});

	it('writes TeX math in a title as plain text, as the Papers view and search do (the card renders only its own title with KaTeX)', () => {
		const html = renderSimilarHtml({ kind: 'ready', items: [{ id: '2609.10540', title: '$\\Delta$VLA: Prior-Guided   Vision-Language-Action Models', day: '', category: '', score: 0.08, words: [] }] }, strings);
		assert.match(html, /<span class="similar-title">ΔVLA: Prior-Guided Vision-Language-Action Models<\/span>/);
		assert.match(html, /aria-label="ΔVLA: Prior-Guided Vision-Language-Action Models: open"/);
		assert.ok(!html.includes('$'), html);
		const untitled = renderSimilarHtml({ kind: 'ready', items: [{ id: '2601.00002', title: '  ', day: '', category: '', score: 0.1, words: [] }] }, strings);
		assert.match(untitled, /<span class="similar-title">2601\.00002<\/span>/, 'no title: the id');
	});

	it('says when it is loading, has nothing, or cannot answer', () => {
		assert.match(renderSimilarHtml({ kind: 'loading' }, strings), /aria-busy="true".*Finding…/);
		assert.match(renderSimilarHtml({ kind: 'ready', items: [] }, strings), /None\./);
		assert.match(renderSimilarHtml({ kind: 'unavailable', message: 'not <indexed>' }, strings), /not &lt;indexed&gt;/);
	});

	it('accepts openSimilar with an id only', () => {
		assert.deepStrictEqual(parseWebviewMessage({ type: 'openSimilar', id: '2601.00001' }), { type: 'openSimilar', id: '2601.00001' });
		assert.strictEqual(parseWebviewMessage({ type: 'openSimilar' }), undefined);
		assert.strictEqual(parseWebviewMessage({ type: 'openSimilar', id: 'x'.repeat(5000) }), undefined);
	});
});
