/**
 * `arxiv-digest bench DIR --recs`: figures for similar papers and "For you" (a benchmark that
 * prints figures, not a test that asserts them):
 * - similar papers: time per paper over a sample (p50/p95), and the first request's (which builds the vectors);
 * - "For you": a simulated reader stars every paper of the first DAYS days whose title or TL;DR holds
 *   a topic; the model's ranking of the later days' new papers is scored against that topic
 *   (precision@20, ROC AUC), next to plain keyword matching (the index's BM25 search for the topic);
 * - training time for 1,000 stars.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseDigest } from '../core/parser';
import { trainForYou } from '../core/recs/forYou';
import { MIN_SIMILARITY } from '../core/recs/shard';
import { DEFAULT_SHARDS } from '../core/search/client';
import { VECTOR_FIELDS, type VectorFields } from '../core/recs/tfidf';
import { intOption, parseArgs, UsageError } from './args';
import { percentile, settle } from './benchSearch';
import { listDigestFiles } from './files';
import { CliIO, errorMessage, EXIT_IO_ERROR, EXIT_OK } from './io';
import { createSearchService, fileSpecs } from './search';
import { BENCH_HELP, median, round1 } from './bench';

export const BENCH_RECS_TOPICS = ['reinforcement learning', 'diffusion', 'retrieval', 'autonomous driving', 'medical', 'speech', 'graph neural', 'benchmark'];

/** precision of the first k ids against `relevant` */
export function precisionAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
	const top = ranked.slice(0, k);
	return top.length === 0 ? 0 : top.filter((id) => relevant.has(id)).length / k;
}

/** ROC AUC of scores against labels (ties count half): the chance a relevant paper outranks an irrelevant one. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
	const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
	const ranks = new Float64Array(scores.length);
	for (let i = 0; i < order.length; ) {
		let j = i;
		while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
		for (let k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2 + 1;
		i = j + 1;
	}
	let pos = 0;
	let sum = 0;
	labels.forEach((l, i) => l && (pos++, (sum += ranks[i])));
	const neg = labels.length - pos;
	return pos === 0 || neg === 0 ? NaN : (sum - (pos * (pos + 1)) / 2) / (pos * neg);
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** the fields `--vectors` names, in the order they are listed */
const VECTOR_FIELD_NAMES = ['title', 'tldr', 'summaries', 'abstract'] as const;

/**
 * `--vectors title,tldr,abstract`: what a paper with an abstract has its vector made of (the title
 * and the abstract always; the TL;DR and the LLM summaries by choice), to compare with VECTOR_FIELDS.
 */
export function parseVectorFields(spec: string): VectorFields {
	const names = spec.split(',').map((name) => name.trim());
	const unknown = names.filter((name) => !(VECTOR_FIELD_NAMES as readonly string[]).includes(name));
	if (unknown.length) throw new UsageError(`--vectors: fields of ${VECTOR_FIELD_NAMES.join(', ')}, not ${unknown.join(', ')}`);
	if (!names.includes('title') || !names.includes('abstract')) throw new UsageError('--vectors: a vector always holds the title and the abstract');
	return { tldr: names.includes('tldr'), summaries: names.includes('summaries') };
}

/** the fields of a paper with an abstract, as `--vectors` names them */
export function vectorFieldsText(fields: VectorFields): string {
	return VECTOR_FIELD_NAMES.filter((name) => name === 'title' || name === 'abstract' || fields[name]).join(',');
}

export async function runBenchRecs(argv: readonly string[], io: CliIO): Promise<number> {
	const args = parseArgs(argv, { flags: ['recs', 'json', 'help'], options: ['days', 'samples', 'shards', 'truth', 'vectors'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(BENCH_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 1) throw new UsageError('bench --recs needs exactly one DIR');
	const [dir] = args.positionals;
	const trainDays = intOption(args, 'days', 150, 1, 10000);
	const samples = intOption(args, 'samples', 200, 1, 100000);
	const shards = intOption(args, 'shards', DEFAULT_SHARDS, 1, 64);
	// the fields whose words define a topic's papers: title + TL;DR by default; `title` alone judges
	// vectors with and without the TL;DR alike (the TL;DR's words are the truth's by the default)
	const truth = args.options.get('truth') ?? 'title+tldr';
	if (truth !== 'title' && truth !== 'title+tldr') throw new UsageError(`--truth: title or title+tldr, not ${truth}`);
	const vectorFields = args.options.has('vectors') ? parseVectorFields(args.options.get('vectors')!) : VECTOR_FIELDS;
	// each paper's first listing and text (title + TL;DR, lower case) from the files, oldest first
	let digests;
	try {
		digests = listDigestFiles(dir).files.map((path) => parseDigest(readFileSync(path, 'utf8'), path));
	} catch (error) {
		io.stderr(`arxiv-digest: cannot read directory ${dir}: ${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
	const days = [...new Set(digests.map((digest) => digest.day ?? digest.path))].sort();
	// For you learns from the stars of the first days and ranks the papers of the days after them
	if (days.length <= trainDays) throw new UsageError(`--days ${trainDays}: ${dir} holds ${days.length} days; give fewer (For you ranks the papers of the days after them)`);
	const firstDay = new Map<string, number>();
	const text = new Map<string, string>();
	for (const digest of digests) {
		const d = days.indexOf(digest.day ?? digest.path);
		for (const p of digest.papers) {
			if (!firstDay.has(p.id) || firstDay.get(p.id)! > d) firstDay.set(p.id, d);
			text.set(p.id, (truth === 'title' ? p.title : `${p.title}\n${p.tldr}`).toLowerCase());
		}
	}
	const ids = [...firstDay.keys()].sort();
	const service = createSearchService(undefined, shards, vectorFields);
	try {
		await service.open(fileSpecs(dir));
		await settle(service);
		// similar papers
		const step = Math.max(1, Math.floor(ids.length / samples));
		const sample = ids.filter((_, i) => i % step === 0).slice(0, samples);
		let t = performance.now();
		await service.similar(sample[0]);
		const firstMs = performance.now() - t;
		const times: number[] = [];
		/** each sampled paper's nearest and tenth nearest cosine, with no floor: what MIN_SIMILARITY is judged against */
		const nearest: number[] = [];
		const tenth: number[] = [];
		for (const id of sample) {
			t = performance.now();
			const hits = await service.similar(id, 10, 0);
			times.push(performance.now() - t);
			if (hits?.[0]) nearest.push(hits[0].score);
			if (hits?.[9]) tenth.push(hits[9].score);
		}
		const scores = { nearestMedian: Math.round(percentile(nearest, 50) * 1000) / 1000, nearestP5: Math.round(percentile(nearest, 5) * 1000) / 1000, tenthMedian: Math.round(percentile(tenth, 50) * 1000) / 1000 };
		const similar = { papers: ids.length, sampled: sample.length, firstRequestMs: Math.round(firstMs), p50Ms: round1(percentile(times, 50)), p95Ms: round1(percentile(times, 95)), maxMs: round1(Math.max(...times)), scores };
		// "For you" against keyword matching
		const test = ids.filter((id) => firstDay.get(id)! >= trainDays);
		const afterDay = days[trainDays - 1];
		const topics: { topic: string; stars: number; relevant: number; trainMs: number; forYou: { p20: number; auc: number }; keyword: { p20: number; auc: number } }[] = [];
		for (const topic of BENCH_RECS_TOPICS) {
			const stars = ids.filter((id) => firstDay.get(id)! < trainDays && text.get(id)!.includes(topic));
			const relevant = new Set(test.filter((id) => text.get(id)!.includes(topic)));
			if (stars.length < 5 || relevant.size === 0) continue;
			const trained = await trainForYou(service, stars);
			if (!trained.model) continue;
			const scores = await service.rank(trained.model, test);
			const model = test.map((id) => scores.get(id) ?? -Infinity);
			const reply = await service.search(`${topic} after:${afterDay}`, 100000, false);
			const bm25 = new Map(reply.ok ? reply.result.hits.map((h) => [h.id, h.score]) : []);
			const keyword = test.map((id) => bm25.get(id) ?? 0);
			const labels = test.map((id) => relevant.has(id));
			const rankedBy = (s: number[]) => test.map((id, i) => [id, s[i]] as const).sort((a, b) => b[1] - a[1]).map(([id]) => id);
			topics.push({
				topic,
				stars: stars.length,
				relevant: relevant.size,
				trainMs: Math.round(trained.ms),
				forYou: { p20: r3(precisionAt(rankedBy(model), relevant, 20)), auc: r3(rocAuc(model, labels)) },
				keyword: { p20: r3(precisionAt(rankedBy(keyword), relevant, 20)), auc: r3(rocAuc(keyword, labels)) },
			});
		}
		const mean = (f: (x: (typeof topics)[number]) => number) => r3(topics.reduce((s, x) => s + f(x), 0) / Math.max(1, topics.length));
		// training time for 1,000 stars (every 1 of ids.length / 1000 papers)
		const thousand = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 1000)) === 0).slice(0, 1000);
		const timesTrain: number[] = [];
		const timesGather: number[] = [];
		for (let run = 0; run < 3; run++) {
			const trained = await trainForYou(service, thousand, () => performance.now());
			if (!trained.model) {
				io.stderr(`arxiv-digest: For you could not learn from ${thousand.length} papers: ${trained.found} of them are in the index\n`);
				return EXIT_IO_ERROR;
			}
			timesTrain.push(trained.ms);
			timesGather.push(trained.gatherMs);
		}
		const figures = {
			dir,
			shards: service.shardCount,
			vectors: vectorFieldsText(vectorFields),
			similar,
			forYou: { trainDays, testDays: days.length - trainDays, testPapers: test.length, topics, mean: { forYouP20: mean((x) => x.forYou.p20), forYouAuc: mean((x) => x.forYou.auc), keywordP20: mean((x) => x.keyword.p20), keywordAuc: mean((x) => x.keyword.auc) } },
			train1000: { stars: thousand.length, papers: ids.length, medianMs: Math.round(median(timesTrain)), gatherMedianMs: Math.round(median(timesGather)) },
		};
		if (args.flags.has('json')) {
			io.stdout(JSON.stringify(figures, null, '\t') + '\n');
			return EXIT_OK;
		}
		io.stdout(`vectors: ${figures.vectors} (a paper without an abstract: title, tldr, summaries)\n`);
		io.stdout(`similar papers (${similar.papers} papers, ${figures.shards} shards): first request ${similar.firstRequestMs} ms (builds the vectors); p50 ${similar.p50Ms} ms, p95 ${similar.p95Ms} ms, max ${similar.maxMs} ms over ${similar.sampled} papers\n`);
		io.stdout(`  cosine, no floor: nearest median ${scores.nearestMedian} (5th percentile ${scores.nearestP5}), tenth nearest median ${scores.tenthMedian}; listed from ${MIN_SIMILARITY}\n`);
		io.stdout(`For you: stars from the first ${trainDays} days, ranking ${test.length} new papers of the last ${figures.forYou.testDays} days\n`);
		io.stdout(`  topic                   stars  relevant  train ms   For you P@20  AUC     keyword P@20  AUC\n`);
		for (const x of topics) io.stdout(`  ${x.topic.padEnd(22)} ${String(x.stars).padStart(6)} ${String(x.relevant).padStart(9)} ${String(x.trainMs).padStart(9)}   ${x.forYou.p20.toFixed(2).padStart(12)}  ${x.forYou.auc.toFixed(3)}   ${x.keyword.p20.toFixed(2).padStart(12)}  ${x.keyword.auc.toFixed(3)}\n`);
		const m = figures.forYou.mean;
		io.stdout(`  mean${' '.repeat(46)}${m.forYouP20.toFixed(2).padStart(12)}  ${m.forYouAuc.toFixed(3)}   ${m.keywordP20.toFixed(2).padStart(12)}  ${m.keywordAuc.toFixed(3)}\n`);
		io.stdout(`training on ${thousand.length} stars over ${ids.length} papers: ${figures.train1000.medianMs} ms (median of 3; gathering the vectors from the shards ${figures.train1000.gatherMedianMs} ms of it)\n`);
		return EXIT_OK;
	} finally {
		service.dispose();
	}
}
