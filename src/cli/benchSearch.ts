/**
 * `arxiv-digest bench DIR --search`: the search figures of issue 10 over the index code the
 * extension runs — a cold build in worker threads, a true warm start (a new CLI process that
 * lists, stats, loads the cache and answers one query), query latency, memory, cache size and
 * one changed file — optionally against minisearch on the same queries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { cacheFilePath } from '../core/corpus/nodeIO';
import { SUMMARY_FIELDS } from '../core/model';
import { parseDigest } from '../core/parser';
import { DEFAULT_SHARDS, type SearchService } from '../core/search/client';
import type { CorpusFileSpec } from '../core/corpus/shard';
import type { TreePassTimings } from '../core/search/protocol';
import { intOption, parseArgs } from './args';
import { median, openBenchFolder, readBenchCorpus, round1, runBenchOnFiles } from './bench';
import { listDigestFiles } from './files';
import { CliIO, EXIT_IO_ERROR, EXIT_OK } from './io';
import { createSearchService, fileSpecs, type SearchTimings } from './search';

export const BENCH_SEARCH_HELP = `Usage: arxiv-digest bench DIR --search [--runs N] [--scale N] [--minisearch] [--json]

The parse figures of \`arxiv-digest bench\`, plus a "search" section: a cold build of
the search index in worker threads (time until titles/authors/ids are
searchable, until everything is, and the longest stall of the main thread), a warm
start (a new process: listing, stat, cache load and the first answer; median of 3),
the first 20 queries right after a warm open (while the long fields are read back),
query latency p50/p95 over a fixed set of queries and over misspelled (fuzzy)
queries, index memory, cache size and the time to re-index one changed file.

  --scale N     measure N copies of DIR (see arxiv-digest bench --help)
  --minisearch  also run minisearch (default options, every field, one instance
                on this thread) over the same files and the same queries with
                their filters removed (from ours too), same top 50, after a warm-up
`;

/** The fixed query set of the bench: English words/phrases, prefixes, authors, ids, CJK, filters. */
export function benchQueries(sampleIds: readonly string[]): string[] {
	const english = [
		'diffusion', 'transformer', 'segmentation', 'reinforcement learning', 'large language model', 'robot', 'privacy',
		'benchmark', 'video generation', 'point cloud', 'autonomous driving', 'gaussian splatting', 'retrieval', 'agent',
		'medical image', 'graph neural network', 'alignment', 'hallucination',
	];
	const phrases = ['"vision-language models"', '"point clouds"', '"large language models"', '"novel view synthesis"', '"in-the-wild"'];
	const prefixes = ['diff', 'segm', 'transf', 'reinforc', 'multim', 'gauss', 'halluc', 'robo'];
	const authors = ['author:zhang', 'author:wang', 'author:li', 'author:"Bo Zhang"', 'author:chen'];
	const ids = sampleIds.slice(0, 4).map((id) => `id:${id}`);
	const cjk = ['扩散模型', '多模态', '大语言模型', '强化学习', '基准测试', '视频生成', '自动驾驶', '对抗样本'];
	const filters = [
		'cat:cs.CV diffusion', 'cat:cs.CL', 'day:2026-02 robot', 'after:2026-03-01 transformer', 'before:2026-02-01 cat:cs.LG',
		'segmentation -medical', 'cat:cs.CV 扩散模型', 'day:2026-03-01',
	];
	return [...english, ...phrases, ...prefixes, ...authors, ...ids, ...cjk, ...filters];
}

export const BENCH_FUZZY_QUERIES = ['difusion', 'transfromer', 'segmentaton', 'reinforcment', 'langauge', 'benchmrak', 'robotcs', 'adversaral', 'halucination', 'retreival'];

/** `q` without its filters (`cat:`, `author:"…"`, `-word`, …): what a plain full-text engine can run; '' when nothing is left. */
export function withoutFilters(q: string): string {
	return q
		.replace(/-?\b[a-z]+:("[^"]*"|\S+)/g, ' ')
		.replace(/(^|\s)-\S+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}


export interface Timed<T> {
	/** each query's answer in the warm-up pass */
	first: Map<string, T>;
	/** each query's time in the warm-up pass, in order */
	firstTimes: number[];
	/** every query's time in the timed passes */
	times: number[];
}

/** Runs every query once (warm-up), then `rounds` timed passes. */
export async function timeQueries<T>(queries: readonly string[], rounds: number, run: (q: string) => T | Promise<T>): Promise<Timed<T>> {
	const first = new Map<string, T>();
	const firstTimes: number[] = [];
	for (const q of queries) {
		const t = performance.now();
		first.set(q, await run(q));
		firstTimes.push(performance.now() - t);
	}
	const times: number[] = [];
	for (let round = 0; round < rounds; round++) {
		for (const q of queries) {
			const t = performance.now();
			await run(q);
			times.push(performance.now() - t);
		}
	}
	return { first, firstTimes, times };
}

/**
 * Waits until the shards finished what an open defers (see SearchShard.finishInBackground), so
 * query latency is measured as it stays; polled rarely: each stats call is a full GC in every worker.
 */
export async function settle(service: SearchService): Promise<void> {
	while ((await service.stats()).some((s) => s.busy)) await new Promise((resolve) => setTimeout(resolve, 250));
}

export interface SearchBenchFigures {
	files: number;
	shards: number;
	/** unique papers (a paper listed in files of both shards counts once) */
	papers: number;
	terms: number;
	/** cold build: every file's summary sent (what the Papers view shows: every day) */
	treeMs: number;
	/** cold build: where the shards' tree passes took their time (wall ms of their threads, summed) */
	treePass?: TreePassTimings;
	/** cold build: titles, authors, ids, categories searchable (the TL;DR comes with the long fields) */
	headSearchableMs: number;
	/** cold build: every field searchable */
	fullSearchableMs: number;
	/** cold build: until the shards answer open, their caches written */
	coldOpenMs: number;
	/** longest stall of this (host) thread while workers built */
	maxMainThreadBlockMs: number;
	/** a new process (median of 3): from its start to the first answer, over the cache (listing, stat, cache load, query) */
	warmStartMs: number;
	/** the same process's parts: Node and the CLI loading, listing + stat, shards open from the cache, first query */
	warmStartParts: SearchTimings;
	/** after a warm open, until the long fields are read back and the typo lookup built (in the background; queries answered meanwhile) */
	warmSettledMs: number;
	/** the first EARLY_QUERIES of the bench's queries, each once, right after a warm open (a reader typing while the long fields are read back) */
	earlyQueryP50Ms: number;
	earlyQueryMaxMs: number;
	queries: number;
	queryP50Ms: number;
	queryP95Ms: number;
	fuzzyQueries: number;
	fuzzyP50Ms: number;
	fuzzyP95Ms: number;
	/** V8 heap of all shards after a GC; external = typed arrays (postings, long-field text) */
	indexHeapMB: number;
	indexExternalMB: number;
	/** both caches of every shard: the index and the file summaries */
	cacheMB: number;
	/** the folder's largest file (532 papers on the real 167-day folder) dropped, then re-read, parsed and indexed: a changed day whose papers are all new */
	reindexOneFileMs: number;
	/** both caches written after that change (the index's freeze and encoding, in the shards' threads) */
	saveAfterChangeMs: number;
	/** the same right after the early queries of a warm start: `duringFill` when the long fields were still being read back then */
	reindexEarly: { ms: number; duringFill: boolean };
}

/** The time to drop `file` and read, parse and index it again (see reindexOneFileMs). */
async function reindex(service: SearchService, file: CorpusFileSpec): Promise<number> {
	const started = performance.now();
	await service.remove(file.path);
	await service.update(file);
	return performance.now() - started;
}

const WARM_RUNS = 3;
/** queries timed right after a warm open (see earlyQueryP50Ms) */
const EARLY_QUERIES = 20;

/**
 * A warm start as the user has it: a new `arxiv-digest search DIR QUERY --cache-dir` process
 * (its own timings, printed with the hidden --timings option); median of WARM_RUNS.
 */
function measureWarmStart(dir: string, cacheDir: string, shards: number): SearchTimings | undefined {
	const cli = join(__dirname, 'cli.js');
	if (!existsSync(cli)) return undefined;
	const runs: SearchTimings[] = [];
	for (let i = 0; i < WARM_RUNS; i++) {
		const child = spawnSync(process.execPath, [cli, 'search', dir, 'diffusion model', '--cache-dir', cacheDir, '--shards', String(shards), '--limit', '50', '--timings'], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		const line = child.stderr.split('\n').find((l) => l.startsWith('{"timings"'));
		if (child.status !== 0 || !line) return undefined;
		runs.push((JSON.parse(line) as { timings: SearchTimings }).timings);
	}
	const mid = median(runs.map((r) => r.totalMs));
	return runs.find((r) => r.totalMs === mid) ?? runs[0];
}

/** Builds, reloads and queries the index over DIR; every figure of the search targets. */
export async function benchSearch(dir: string, shards = DEFAULT_SHARDS): Promise<SearchBenchFigures> {
	const files = fileSpecs(dir);
	const cacheDir = mkdtempSync(join(tmpdir(), 'arxiv-digest-bench-'));
	try {
		const delay = monitorEventLoopDelay({ resolution: 5 });
		let maxGap = 0;
		let last = performance.now();
		const ticker = setInterval(() => {
			const now = performance.now();
			maxGap = Math.max(maxGap, now - last - 5);
			last = now;
		}, 5);
		delay.enable();
		const start = performance.now();
		const cold = createSearchService(cacheDir, shards);
		let treeMs = 0;
		let headMs = 0;
		let fullMs = 0;
		void cold.headReady.then(() => (headMs = performance.now() - start));
		// every shard reports 'full' once all its fields are searchable (it then saves its caches)
		cold.onProgress((p) => {
			if (p.phase === 'full' && fullMs === 0) fullMs = performance.now() - start;
		});
		const opening = cold.open(files);
		void cold.filesReady.then(() => (treeMs = performance.now() - start));
		await opening;
		const openMs = performance.now() - start;
		const treePass = cold.treePassTimings();
		clearInterval(ticker);
		delay.disable();
		cold.dispose();

		const warm = measureWarmStart(dir, cacheDir, shards);

		const service = createSearchService(cacheDir, shards);
		const warmStart = performance.now();
		await service.open(files);
		// a reader searching right after a warm start: the long fields are still read back in the background
		const earlyTimes = (await timeQueries(benchQueries([]).slice(0, EARLY_QUERIES), 0, (q) => service.search(q, 50))).firstTimes;
		// the folder's largest file changed while that fill may still run (a reader saving a day right after a start)
		const target = files.reduce((best, f) => (f.size > best.size ? f : best), files[0]);
		const duringFill = (await service.stats()).some((s) => s.busy);
		const reindexEarlyMs = target ? await reindex(service, target) : 0;
		await settle(service);
		const settledMs = performance.now() - warmStart;
		const sample = await service.search('cat:cs.CV', 8);
		const ids = sample.ok ? sample.result.hits.map((h) => h.id) : [];
		const queries = benchQueries(ids);
		const queryTimes = (await timeQueries(queries, 3, (q) => service.search(q, 50))).times;
		const fuzzyTimes = (await timeQueries(BENCH_FUZZY_QUERIES, 3, (q) => service.search(q, 50))).times;

		const reindexMs = target ? await reindex(service, target) : 0;
		// the caches written after that change (the editor's save after a batch of changes), in the shards' threads
		const saveStart = performance.now();
		await service.save();
		const saveAfterChangeMs = performance.now() - saveStart;
		const all = await service.ids('');
		const stats = await service.stats();
		service.dispose();
		let cacheBytes = 0;
		for (let shard = 0; shard < stats.length; shard++) {
			for (const name of ['index', 'files'] as const) {
				const path = cacheFilePath(cacheDir, name, shard, stats.length);
				if (existsSync(path)) cacheBytes += statSync(path).size;
			}
		}
		return {
			files: files.length,
			shards: stats.length,
			papers: all.ok ? all.ids.length : stats.reduce((s, x) => s + x.docs, 0),
			terms: stats.reduce((s, x) => s + x.terms, 0),
			treeMs: Math.round(treeMs),
			treePass: treePass && { files: treePass.files, readMs: Math.round(treePass.readMs), parseMs: Math.round(treePass.parseMs), summaryMs: Math.round(treePass.summaryMs) },
			headSearchableMs: Math.round(headMs),
			fullSearchableMs: Math.round(fullMs || openMs),
			coldOpenMs: Math.round(openMs),
			maxMainThreadBlockMs: round1(Math.max(maxGap, delay.max / 1e6 - 5)),
			warmStartMs: warm ? warm.totalMs : -1,
			warmStartParts: warm ?? { startMs: -1, listMs: -1, openMs: -1, queryMs: -1, totalMs: -1, fromCache: false, indexed: -1 },
			warmSettledMs: Math.round(settledMs),
			earlyQueryP50Ms: round1(percentile(earlyTimes, 50)),
			earlyQueryMaxMs: round1(Math.max(...earlyTimes)),
			queries: queries.length,
			queryP50Ms: round1(percentile(queryTimes, 50)),
			queryP95Ms: round1(percentile(queryTimes, 95)),
			fuzzyQueries: BENCH_FUZZY_QUERIES.length,
			fuzzyP50Ms: round1(percentile(fuzzyTimes, 50)),
			fuzzyP95Ms: round1(percentile(fuzzyTimes, 95)),
			indexHeapMB: round1(stats.reduce((s, x) => s + x.heapUsed, 0) / 1e6),
			indexExternalMB: round1(stats.reduce((s, x) => s + x.external, 0) / 1e6),
			cacheMB: round1(cacheBytes / 1e6),
			reindexOneFileMs: Math.round(reindexMs),
			saveAfterChangeMs: Math.round(saveAfterChangeMs),
			reindexEarly: { ms: Math.round(reindexEarlyMs), duringFill },
		};
	} finally {
		rmSync(cacheDir, { recursive: true, force: true });
	}
}

export interface MinisearchComparison {
	/** the bench queries with their filters removed (those left with words) */
	queries: number;
	topK: number;
	minisearch: { buildMs: number; heapMB: number; queryP50Ms: number; queryP95Ms: number; fuzzyP95Ms: number };
	ours: { queryP50Ms: number; queryP95Ms: number; fuzzyP95Ms: number };
}

const TOP_K = 50;

/**
 * minisearch 7 with default options (its whitespace/punctuation tokenizer, so Chinese runs are
 * whole-sentence "words"; prefix and fuzzy 0.2 like ours), one document per unique paper, every
 * field, against our index on the same queries without filters, the same top 50, after a warm-up.
 */
export async function compareMinisearch(dir: string, shards = DEFAULT_SHARDS): Promise<MinisearchComparison> {
	const sample = benchQueries([]);
	const queries = [...new Set(sample.map(withoutFilters).filter((q) => q !== ''))];
	const service = createSearchService(undefined, shards);
	let ours: { q: number[]; f: number[] };
	const times = async (list: readonly string[], run: (q: string) => unknown) => (await timeQueries(list, 3, run)).times;
	try {
		await service.open(fileSpecs(dir));
		await settle(service);
		ours = {
			q: await times(queries, (q) => service.search(q, TOP_K)),
			f: await times(BENCH_FUZZY_QUERIES, (q) => service.search(q, TOP_K)),
		};
	} finally {
		service.dispose();
	}
	const papers = new Map<string, Record<string, string>>();
	for (const path of listDigestFiles(dir).files) {
		let text: string;
		try {
			text = readFileSync(path, 'utf8');
		} catch {
			continue;
		}
		for (const p of parseDigest(text, path).papers) {
			if (papers.has(p.id)) continue;
			papers.set(p.id, { id: p.id, title: p.title, authors: p.authors.join(', '), category: p.category ?? p.section, tldr: p.tldr, motivation: p.motivation, method: p.method, result: p.result, conclusion: p.conclusion, abstract: p.abstract });
		}
	}
	const fields = ['title', 'authors', 'id', 'category', ...SUMMARY_FIELDS];
	const heapBefore = process.memoryUsage().heapUsed;
	const start = performance.now();
	const index = new MiniSearch({ fields, storeFields: [], searchOptions: { prefix: true, fuzzy: 0.2 } });
	index.addAll([...papers.values()]);
	const buildMs = performance.now() - start;
	const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
	const theirs = {
		q: await times(queries, (q) => index.search(q).slice(0, TOP_K)),
		f: await times(BENCH_FUZZY_QUERIES, (q) => index.search(q).slice(0, TOP_K)),
	};
	const figures = (t: { q: number[]; f: number[] }) => ({ queryP50Ms: round1(percentile(t.q, 50)), queryP95Ms: round1(percentile(t.q, 95)), fuzzyP95Ms: round1(percentile(t.f, 95)) });
	return { queries: queries.length, topK: TOP_K, minisearch: { buildMs: Math.round(buildMs), heapMB: round1(heapMB), ...figures(theirs) }, ours: figures(ours) };
}

/** `bench DIR --search`: the parse report of bench.ts with the search figures added. */
export async function runBenchWithSearch(argv: readonly string[], io: CliIO): Promise<number> {
	const args = parseArgs(argv, { flags: ['json', 'help', 'search', 'minisearch'], options: ['runs', 'scale'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(BENCH_SEARCH_HELP);
		return EXIT_OK;
	}
	const runs = intOption(args, 'runs', 5, 1, 1000);
	const bench = openBenchFolder(args, io);
	if (!bench) return EXIT_IO_ERROR;
	try {
		let corpus = readBenchCorpus(bench.folder, io);
		if (!corpus) return EXIT_IO_ERROR;
		const unreadable = corpus.unreadable.length;
		const report = runBenchOnFiles(bench.dir, corpus.files, runs, bench.scale);
		// the parse pass holds every file's text: let it go before measuring the index
		corpus = undefined;
		const search = await benchSearch(bench.folder);
		const minisearch = args.flags.has('minisearch') ? await compareMinisearch(bench.folder) : undefined;
		io.stdout(JSON.stringify({ ...report, search, ...(minisearch ? { minisearch } : {}) }, null, '\t') + '\n');
		return unreadable > 0 ? EXIT_IO_ERROR : EXIT_OK;
	} finally {
		bench.dispose();
	}
}
