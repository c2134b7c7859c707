/**
 * Findings of a review of Similar papers and For you, each a test: on the real digests of
 * test/fixtures/real (about 2,800 papers of 14 forks as one workspace) where the finding shows there.
 */
import * as assert from 'node:assert';
import type { Paper } from '../../src/core/model';
import { addToCollection, emptyLibrary, STARRED } from '../../src/core/library/model';
import { batchFromVectors } from '../../src/core/recs/batch';
import { ForYouTrainer, newestUnread } from '../../src/core/recs/forYou';
import { reasonText, wordsInCommon } from '../../src/core/recs/explain';
import { trainLinear } from '../../src/core/recs/linear';
import { MIN_SIMILARITY, ShardRecommender } from '../../src/core/recs/shard';
import { PaperIndex } from '../../src/core/search/index';
import { indexRealDigests } from './digest-folders';
import { fakeVscode, withFakeVscode } from './fake-vscode';

describe('recommendations review: For you on real digests', function () {
	this.timeout(120000);
	let forYou: typeof import('../../src/features/recs/forYou');
	withFakeVscode(() => (forYou = require('../../src/features/recs/forYou')));
	const papers = new Map<string, Paper>();
	const index = new PaperIndex();
	before(() => {
		for (const [id, paper] of indexRealDigests(index)) papers.set(id, paper);
	});

	/** the model the editor trains (ForYouService, one shard) for `stars`, with `read` the ids whose card the reader opened */
	async function model(stars: readonly string[], read: readonly string[]) {
		const recs = new ShardRecommender(() => index);
		const backend = {
			service: {
				idVectors: async (ids: readonly string[], random?: number, exclude?: readonly string[], seed?: number) => recs.idVectors(ids, random, exclude, seed),
				train: async (pos: never, neg: never) => trainLinear(pos, neg, { maxTerms: 5000 }),
			},
		};
		const event = () => new fakeVscode.EventEmitter<void>().event;
		const workspace = { onDidChange: event(), backend: async () => backend };
		const library = { library: addToCollection(emptyLibrary(), STARRED, [...stars]), onDidChange: event() };
		const service = new forYou.ForYouService(workspace as never, library as never, { store: { readIds: () => [...read] }, interests: { onDidChange: event(), hasInterests: true } } as never);
		try {
			const ranking = await service.ranking();
			assert.strictEqual(ranking.kind, 'model');
			return { recs, model: ranking.kind === 'model' ? ranking.model : undefined! };
		} finally {
			service.dispose();
		}
	}

	it('a reader who opens the cards of their topic and stars some still gets that topic ranked first: an opened paper is no negative', async () => {
		const report: string[] = [];
		let worse = 0;
		for (const topic of [/\bdiffusion\b/i, /\bagents?\b/i, /\bretrieval\b/i, /\bspeech\b/i, /\bmedical\b/i, /\breasoning\b/i]) {
			const on = [...papers.values()].filter((p) => topic.test(p.title)).map((p) => p.id);
			// the reader starred every 6th paper of the topic and opened (read) the cards of half the others; the rest are unread
			const stars = on.filter((_, i) => i % 6 === 0);
			const opened = on.filter((_, i) => i % 6 !== 0 && i % 2 === 1);
			const candidates = [...papers.keys()].filter((id) => !stars.includes(id) && !opened.includes(id));
			const onTopicInTop20 = async (read: readonly string[]) => {
				const { recs, model: trained } = await model(stars, read);
				const scores = new Map(recs.rank(trained, candidates).map(([id, score]) => [id, score]));
				return [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)!).slice(0, 20).filter((id) => topic.test(papers.get(id)!.title)).length;
			};
			const unopened = await onTopicInTop20([]);
			const withOpened = await onTopicInTop20(opened);
			if (withOpened < unopened) worse++;
			report.push(`${topic.source}: ${stars.length} stars, ${opened.length} opened; topic papers in the top 20: ${unopened} → ${withOpened} after opening`);
		}
		assert.strictEqual(worse, 0, report.join('\n'));
	});
});

describe('recommendations review: TeX commands on real digests', function () {
	this.timeout(120000);
	const papers = new Map<string, Paper>();
	const index = new PaperIndex();
	before(() => {
		for (const [id, paper] of indexRealDigests(index)) papers.set(id, paper);
	});

	/** the terms of the commands these digests write most, as the index folds them (`\\ldots` → ldot) */
	const TEX = /^(textbf|textit|texttt|textsc|textrm|emph|mathbb|mathcal|mathrm|mathbf|mathsf|mathit|boldsymbol|operatorname|frac|sqrt|odot|cdot|ldot|lesssim|gtrsim|varepsilon)$/;

	it('a TeX command name (\\textbf, \\mathbb, \\emph…) is no word of a paper: not in its vector, not "in common" with a similar paper', () => {
		const recs = new ShardRecommender(() => index);
		const written = [...papers.values()].filter((p) => /\\(textbf|emph|mathbb|mathcal|textit)\b/.test(`${p.title} ${p.abstract}`)).length;
		const withTex: string[] = [];
		const inCommon: string[] = [];
		for (const [id, p] of papers) {
			const v = recs.vector(id);
			if (!v) continue;
			const tex = v.terms.filter((t) => TEX.test(t));
			if (tex.length > 0) withTex.push(`${id} ${tex.join(',')}`);
			if (!/\\[a-z]/i.test(`${p.title} ${p.abstract}`)) continue;
			for (const hit of recs.similar(v, 11, id).filter((h) => h.score >= MIN_SIMILARITY)) {
				const words = wordsInCommon(hit.shared, reasonText(p));
				if (words.some((w) => TEX.test(w.toLowerCase()))) inCommon.push(`${p.title.slice(0, 40)} ~ ${hit.title.slice(0, 40)}: in common ${words.join(', ')}`);
			}
		}
		// the digests do write them: the check is not empty
		assert.ok(written >= 50, `${written} papers write \\textbf, \\emph, \\mathbb, \\mathcal or \\textit`);
		assert.deepStrictEqual({ vectorsWithTexTerms: withTex.slice(0, 8), similarRowsSayingOne: inCommon.slice(0, 8) }, { vectorsWithTexTerms: [], similarRowsSayingOne: [] }, `${withTex.length} vectors, ${inCommon.length} rows`);
	});

	it('keeps the words a TeX command sets (\\textbf{Robot} is the word robot) and drops only the command', () => {
		const id = [...papers.values()].find((p) => /\\textbf\{[A-Za-z]{4,}\}/.test(p.abstract))!;
		const word = /\\textbf\{([A-Za-z]{4,})\}/.exec(id.abstract)![1].toLowerCase();
		const terms = new ShardRecommender(() => index).vector(id.id)!.terms;
		assert.ok(terms.some((t) => word.startsWith(t)), `${word} in ${terms.join(' ')}`);
		assert.ok(!terms.includes('textbf'));
	});
});

describe('recommendations review: Show For You on days that re-list earlier days', () => {
	const firstListed = (days: readonly { day: string; ids: readonly string[] }[], id: string) => days.filter((d) => d.ids.includes(id)).map((d) => d.day).sort()[0];

	it('offers no paper first listed on an earlier day as the newest day\'s, on a weekend of repeats', () => {
		// 70asunflower's real folder: 2026-06-13 and 2026-06-14 list 250 papers each, every one of them 2026-06-12's
		const friday = Array.from({ length: 30 }, (_, i) => `2606.${10000 + i}`);
		const thursday = Array.from({ length: 30 }, (_, i) => `2606.${20000 + i}`);
		const days = [
			{ day: '2026-06-11', ids: thursday },
			{ day: '2026-06-12', ids: friday },
			{ day: '2026-06-13', ids: friday },
			{ day: '2026-06-14', ids: friday },
		];
		// Friday: the reader opened 3 of the 20 For You showed
		const read = new Set(friday.slice(0, 3));
		const sunday = newestUnread(days, (id) => read.has(id), { want: 20 });
		const repeats = sunday.papers.filter((p) => firstListed(days, p.id) < sunday.days[0]);
		assert.deepStrictEqual({ days: sunday.days, repeats: repeats.length, ids: sunday.papers.length }, { days: ['2026-06-12'], repeats: 0, ids: 27 }, `Sunday's For You (${sunday.days.join(', ')}) lists ${repeats.length} papers first listed before it`);
		// with more wanted, the walk goes on to the days before Friday
		const more = newestUnread(days, (id) => read.has(id), { want: 40 });
		assert.deepStrictEqual(more.days, ['2026-06-12', '2026-06-11']);
		assert.strictEqual(more.papers.length, 57);
	});

	it('ranks a day\'s new papers before the repeats it lists, each on the day that first listed it', () => {
		const friday = Array.from({ length: 10 }, (_, i) => `2606.${10000 + i}`);
		const saturday = Array.from({ length: 4 }, (_, i) => `2606.${30000 + i}`);
		const days = [
			{ day: '2026-06-12', ids: friday },
			{ day: '2026-06-13', ids: [...friday.slice(0, 5), ...saturday] },
		];
		const picked = newestUnread(days, () => false, { want: 6 });
		assert.deepStrictEqual(picked.days, ['2026-06-13', '2026-06-12']);
		// Saturday's 4 new papers first, then Friday's (the 5 Saturday repeats among them, as Friday's)
		assert.deepStrictEqual(picked.papers.slice(0, 4).map((p) => p.id), saturday);
		assert.ok(picked.papers.slice(4).every((p) => firstListed(days, p.id) === '2026-06-12'), picked.papers.map((p) => p.id).join(' '));
		// each comes with the day that first listed it
		assert.ok(picked.papers.every((p) => p.day === firstListed(days, p.id)), picked.papers.map((p) => `${p.id} ${p.day}`).join(' '));
	});
});

describe('recommendations review: For You after digests arrive', () => {
	let forYou: typeof import('../../src/features/recs/forYou');
	withFakeVscode(() => (forYou = require('../../src/features/recs/forYou')));

	it('ranks by a model of the stars once the digests come, not by the fallback made before the index had them', async () => {
		const ids = Array.from({ length: 12 }, (_, i) => `2601.${10000 + i}`);
		const changes = new fakeVscode.EventEmitter<void>();
		const event = () => new fakeVscode.EventEmitter<void>().event;
		let backend: unknown;
		// the digests list the stars once they have come
		const workspace = { onDidChange: changes.event, backend: async () => backend, findPaper: () => (backend ? [{}] : []) };
		const library = { library: addToCollection(emptyLibrary(), STARRED, ids), onDidChange: event() };
		const service = new forYou.ForYouService(workspace as never, library as never, { store: { readIds: () => [] }, interests: { onDidChange: event(), hasInterests: true } } as never);
		try {
			// an empty workspace: no index
			const before = await service.ranking();
			assert.strictEqual(before.kind, 'interests');
			// it says why (it said "fewer than 5 starred papers (12)")
			assert.strictEqual(service.title(before), 'For You: the digests are not indexed yet, ranked by your interests');
			assert.strictEqual(service.note(), 'For you learns from your starred papers once the digests are indexed: ranked by your interests meanwhile.');
			// the reader's digest folder is cloned / pulled into the open workspace: the index starts, the workspace changes
			const vectors = ids.map((id, i) => ({ id, vector: { terms: ['robot', `w${i}`], weights: [0.7, 0.7] } }));
			backend = {
				service: {
					idVectors: async () => batchFromVectors([...vectors, ...Array.from({ length: 30 }, (_, i) => ({ id: `2602.${10000 + i}`, vector: { terms: [`other${i}`], weights: [1] } }))]),
					train: async (pos: never, neg: never) => trainLinear(pos, neg),
				},
			};
			changes.fire();
			const after = await service.ranking();
			assert.deepStrictEqual({ kind: after.kind, title: service.title(after) }, { kind: 'model', title: 'For You: ranked by a model of your 12 starred papers' }, `before the digests: ${service.title(before)}`);
		} finally {
			service.dispose();
		}
	});

	it('makes again, after the digests change, a ranking that missed some of the stars; keeps one of all of them', async () => {
		const model = { terms: ['x'], weights: [1], bias: 0 };
		let found = 2;
		let trains = 0;
		const train = async () => (trains++, found >= 5 ? { model, positives: found, negatives: 200, ms: 1, gatherMs: 0 } : { found });
		const trainer = new ForYouTrainer({ stars: () => ['a', 'b', 'c', 'd', 'e', 'f'], train, delayMs: 10 });
		try {
			assert.deepStrictEqual(await trainer.current(), { kind: 'interests', stars: 6, found: 2 });
			await trainer.current();
			assert.strictEqual(trains, 1, 'the same digests: kept');
			found = 5;
			trainer.digestsChanged();
			assert.deepStrictEqual(await trainer.current(), { kind: 'model', model, stars: 6, positives: 5, negatives: 200, ms: 1 });
			found = 6;
			trainer.digestsChanged();
			assert.strictEqual(((await trainer.current()) as { positives: number }).positives, 6, '5 of 6 stars: made again');
			trainer.digestsChanged();
			await trainer.current();
			assert.strictEqual(trains, 3, 'a model of every star is kept');
		} finally {
			trainer.dispose();
		}
	});

	it('does not train again at a change of the digests that lists as many of the stars (a save, when some stars are another workspace\'s)', async () => {
		const model = { terms: ['x'], weights: [1], bias: 0 };
		let trains = 0;
		const stars = Array.from({ length: 12 }, (_, i) => `2601.${10000 + i}`);
		const trainer = new ForYouTrainer({ stars: () => stars, train: async () => (trains++, { model, positives: 10, negatives: 200, ms: 120, gatherMs: 60 }), delayMs: 10 });
		try {
			trainer.digestsChanged(10);
			await trainer.current();
			for (let i = 0; i < 5; i++) {
				trainer.digestsChanged(10);
				await trainer.current();
			}
			assert.strictEqual(trains, 1, `${trains} trainings for the same 10 stars`);
			// a pull brings one more of them
			trainer.digestsChanged(11);
			await trainer.current();
			assert.strictEqual(trains, 2);
		} finally {
			trainer.dispose();
		}
	});
});
