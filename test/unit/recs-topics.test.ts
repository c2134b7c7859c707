/**
 * For you with stars on two topics: the stars' topics (recs/topics.ts) share the top of the list, so
 * a second field's few stars are not drowned by the first's many. On the real digests of
 * test/fixtures/real (about 2,800 papers of 14 forks), through the search service as the editor asks it.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { inProcessShard } from '../../src/core/corpus/inProcess';
import { nodeCorpusIO } from '../../src/core/corpus/nodeIO';
import { batchFromVectors } from '../../src/core/recs/batch';
import { trainForYou } from '../../src/core/recs/forYou';
import { MAX_GROUPED_STARS, MIN_TOPIC_PLACES, starTopics, TOPIC_PLACES, topicOrder, type RankedPaper } from '../../src/core/recs/topics';
import { SearchService } from '../../src/core/search/client';
import { REAL } from './digest-folders';

describe('recommendations: For you with stars on two topics (real digests, search service)', function () {
	this.timeout(120000);
	const papers = new Map<string, Paper>();
	let service: SearchService;
	before(async () => {
		const files = readFileSync(join(REAL, 'EXPECTED.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => resolve(REAL, line.split('\t')[0]));
		for (const path of files) for (const p of parseDigest(readFileSync(path, 'utf8'), path).papers) papers.set(p.id, p);
		service = new SearchService([0, 1].map((i) => inProcessShard(nodeCorpusIO(undefined, i, 2), i, 2)));
		await service.open(files.map((path) => ({ path, always: true })));
	});
	after(() => service.dispose());

	it('the smaller topic (5 stars) gets its places in the top 20 beside a larger one', async () => {
		const report: string[] = [];
		// the second field's papers by their title: the stars by its name, the top 20 also by its usual words
		const fields = [
			[/\breasoning\b/i, /\bspeech\b/i, /\b(speech|spoken|tts|asr|voice|audio|accent|speaker|hubert|whisper)\b/i],
			[/\bagents?\b/i, /\bdiffusion\b/i, /\bdiffusion\b/i],
			[/\bdiffusion\b/i, /\bmedical\b/i, /\b(medical|clinical|patient|radiology|ct|mri)\b/i],
		] as const;
		for (const [major, minor, minorField] of fields) {
			const majorIds = [...papers.values()].filter((p) => major.test(p.title)).map((p) => p.id);
			const minorIds = [...papers.values()].filter((p) => minor.test(p.title) && !major.test(p.title)).map((p) => p.id);
			// every third paper of the reader's main topic starred, five of the second one
			const stars = [...majorIds.filter((_, i) => i % 3 === 0), ...minorIds.filter((_, i) => i % 2 === 0).slice(0, 5)];
			const trained = await trainForYou(service, stars);
			assert.ok(trained.model, 'trained');
			const scores = await service.rank(trained.model, [...papers.keys()].filter((id) => !stars.includes(id)));
			const top = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)!).slice(0, TOPIC_PLACES);
			const inTop = (re: RegExp) => top.filter((id) => re.test(papers.get(id)!.title)).length;
			report.push(`${stars.length - 5} ${major.source} + 5 ${minor.source} stars: top 20 holds ${inTop(major)} ${major.source}, ${inTop(minorField)} ${minor.source}`);
		}
		// before the topics: 0 speech, 1 diffusion; the 5 medical stars (gaze tracking, test-time evolution, a
		// metaphor corpus…) are no topic of their own and keep the model's 2
		assert.ok(report.every((line) => Number(/(\d+) \S+$/.exec(line)![1]) >= MIN_TOPIC_PLACES), report.join('\n'));
	});

	it('stars of one field: as many of its papers in the top 20 as the model alone', async () => {
		const report: string[] = [];
		for (const field of [/\bdiffusion\b/i, /\breasoning\b/i, /\bagents?\b/i]) {
			const stars = [...papers.values()].filter((p) => field.test(p.title)).map((p) => p.id).filter((_, i) => i % 3 === 0);
			const trained = await trainForYou(service, stars);
			assert.ok(trained.model);
			const candidates = [...papers.keys()].filter((id) => !stars.includes(id));
			const { topics, ...alone } = trained.model;
			const inTop = (scores: Map<string, number>) => [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)!).slice(0, TOPIC_PLACES).filter((id) => field.test(papers.get(id)!.title)).length;
			report.push(`${stars.length} ${field.source} stars (${topics?.length} topics): top 20 holds ${inTop(await service.rank(trained.model, candidates))}, the model alone ${inTop(await service.rank(alone, candidates))}`);
		}
		// a second topic's places cost the first at most those (here the field's Chinese-only papers make a topic of their own)
		assert.ok(report.every((line) => { const [, withTopics, alone] = /holds (\d+), the model alone (\d+)/.exec(line)!.map(Number); return withTopics >= alone - MIN_TOPIC_PLACES; }), report.join('\n'));
	});
});

describe('recommendations: the stars\' topics', () => {
	/** `count` stars of a topic: its `words` each, and one word of their own */
	const topic = (name: string, words: string[], count: number, from: number) =>
		Array.from({ length: count }, (_, i) => ({ id: `2601.${String(from + i).padStart(5, '0')}`, vector: normalised([...words, `${name}${i}`]) }));
	const normalised = (terms: string[]) => ({ terms, weights: terms.map(() => 1 / Math.sqrt(terms.length)) });

	it('groups the stars by their words, most stars first, the same in any order', () => {
		const rows = [...topic('speech', ['speech', 'asr', 'audio'], 4, 0), ...topic('diffusion', ['diffusion', 'denoising', 'image'], 9, 100), { id: '2601.00900', vector: normalised(['lonely']) }];
		const topics = starTopics(batchFromVectors(rows));
		assert.deepStrictEqual(
			topics.map((t) => [t.stars, t.terms.slice(0, 3).sort()]),
			[
				[9, ['denoising', 'diffusion', 'image']],
				[4, ['asr', 'audio', 'speech']],
			],
		);
		assert.deepStrictEqual(starTopics(batchFromVectors([...rows].reverse())), topics);
	});

	it('counts the stars beyond the grouped newest ones in their nearest topic', () => {
		const old = topic('diffusion', ['diffusion', 'denoising', 'image'], 40, 0);
		const newer = [...topic('speech', ['speech', 'asr', 'audio'], MAX_GROUPED_STARS - 20, 1000), ...topic('diffusion', ['diffusion', 'denoising', 'image'], 20, 5000)];
		const topics = starTopics(batchFromVectors([...old, ...newer]));
		assert.deepStrictEqual(
			topics.map((t) => [t.terms.includes('speech') ? 'speech' : t.terms.includes('diffusion') ? 'diffusion' : t.terms.join(), t.stars]),
			[
				['speech', MAX_GROUPED_STARS - 20],
				['diffusion', 60],
			],
		);
	});

	it('gives each topic its places in the top 20, by the 10th and the 20th, its papers closest to its stars first', () => {
		// 30 papers of topic 0 scored 100..71, 10 of topic 1 scored 50..41 (closeness rising with the id's number)
		const papers: RankedPaper[] = [...Array.from({ length: 30 }, (_, i): RankedPaper => [`a${i}`, 100 - i, 0, 0.5]), ...Array.from({ length: 10 }, (_, i): RankedPaper => [`b${i}`, 50 - i, 1, 0.1 + i / 100])];
		const order = topicOrder(papers, [{ stars: 20 }, { stars: 5 }]);
		const places = order.map((id, at) => (id.startsWith('b') ? at + 1 : 0)).filter(Boolean);
		assert.deepStrictEqual(places.slice(0, MIN_TOPIC_PLACES), [10, 20]);
		assert.deepStrictEqual([order[9], order[19]], ['b9', 'b8']);
		assert.deepStrictEqual(order.filter((id) => id.startsWith('a')), papers.slice(0, 30).map((p) => p[0]), 'the rest in the model order');
		assert.strictEqual(order.length, papers.length);
		// a topic with under 5% of the stars has no places of its own
		assert.deepStrictEqual(topicOrder(papers, [{ stars: 100 }, { stars: 4 }]).slice(0, 20), papers.slice(0, 20).map((p) => p[0]));
	});
});
