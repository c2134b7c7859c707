/**
 * `arxiv-digest search DIR QUERY` and the search figures of `arxiv-digest bench`, over
 * the same index code the extension runs (src/core/search), sharded over worker threads
 * when dist/search-worker.js is next to the CLI.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { inProcessShard } from '../core/corpus/inProcess';
import { defaultShardCount, SearchService, workerShard, type ShardHandle } from '../core/search/client';
import { cacheFileName, nodeCorpusIO, removeStaleCaches } from '../core/corpus/nodeIO';
import type { CorpusFileSpec } from '../core/corpus/shard';
import MiniSearch from 'minisearch';
import { SUMMARY_FIELDS } from '../core/model';
import { parseDigest } from '../core/parser';
import { intOption, parseArgs, UsageError } from './args';
import { readBenchCorpus, runBenchOnFiles } from './bench';
import { findCandidateFiles } from './files';
import { CliIO, errorMessage, EXIT_IO_ERROR, EXIT_OK } from './io';

export const SEARCH_HELP = `Usage: arxiv-digest search DIR QUERY [--json] [--limit N]

Index every digest under DIR and print the papers matching QUERY, best first.

Query language:
  words            all required; prefix and typo tolerant (diffusion, segm, difusion)
  "exact phrase"   verbatim, in any field
  -word -"phrase"  exclude
  cat:cs.CV  author:lecun  author:"Yann LeCun"  id:2602.04994
  day:2026-02-06  day:2026-02  after:2026-01-15  before:2026-02-01
  Chinese, Japanese and Korean terms need no spaces (扩散模型, 多模态).

Options:
  --json      print the results as JSON
  --limit N   at most N results (default 20)
  -h, --help  show this help
`;

export const BENCH_SEARCH_HELP = `Usage: arxiv-digest bench DIR --search [--runs N] [--json]

The parse figures of \`arxiv-digest bench\`, plus a "search" section: a cold build of
the search index in worker threads (time until titles/authors/ids/TL;DR are
searchable, until everything is, and the longest stall of the main thread),
a warm start from the cache, query latency p50/p95 over a fixed set of queries
and over misspelled (fuzzy) queries, index memory, cache size and the time to
re-index one changed file.

  --minisearch  also measure plain minisearch (default options, every field,
                one instance on this thread) over the same files and queries,
                the baseline the index was measured against (takes minutes)
`;

/** \`bench DIR --search\`: the parse report of bench.ts with the search figures added. */
export async function runBenchWithSearch(argv: readonly string[], io: CliIO): Promise<number> {
	const args = parseArgs(argv, { flags: ['json', 'help', 'search', 'minisearch'], options: ['runs'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(BENCH_SEARCH_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 1) throw new UsageError('bench needs exactly one DIR');
	const runs = intOption(args, 'runs', 5, 1, 1000);
	const dir = args.positionals[0];
	let corpus = readBenchCorpus(dir, io);
	if (!corpus) return EXIT_IO_ERROR;
	const unreadable = corpus.unreadable.length;
	const report = runBenchOnFiles(dir, corpus.files, runs);
	// the parse pass holds every file's text: let it go before measuring the index
	corpus = undefined;
	const search = await benchSearch(dir);
	const minisearch = args.flags.has('minisearch') ? benchMinisearchBaseline(dir) : undefined;
	io.stdout(JSON.stringify({ ...report, search, ...(minisearch ? { minisearch } : {}) }, null, '\t') + '\n');
	return unreadable > 0 ? EXIT_IO_ERROR : EXIT_OK;
}

function workerScript(): string | undefined {
	const script = join(__dirname, 'search-worker.js');
	return existsSync(script) ? script : undefined;
}

/** A search service over `shards` worker threads (or one in-process shard without the worker script). */
export function createSearchService(cacheDir: string | undefined, shards = defaultShardCount(availableParallelism())): SearchService {
	const script = workerScript();
	const handles: ShardHandle[] = [];
	const count = script ? shards : 1;
	if (cacheDir) removeStaleCaches(cacheDir, count);
	for (let shard = 0; shard < count; shard++) {
		handles.push(script ? workerShard(script, { shard, shards: count, cacheDir }) : inProcessShard(nodeCorpusIO(cacheDir, shard, count), shard, count));
	}
	return new SearchService(handles);
}

/** Every candidate file of DIR; the user named the folder, so each is read as a digest (no content detection). */
export function fileSpecs(dir: string): (CorpusFileSpec & { size: number })[] {
	return findCandidateFiles(dir).map((path) => ({ path, always: true, size: statSync(path).size }));
}

export async function runSearch(argv: readonly string[], io: CliIO): Promise<number> {
	const args = parseArgs(argv, { flags: ['json', 'help'], options: ['limit'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(SEARCH_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length < 2) throw new UsageError('search needs DIR and QUERY');
	const [dir, ...words] = args.positionals;
	const query = words.join(' ');
	const limit = intOption(args, 'limit', 20, 1, 100000);
	let files: CorpusFileSpec[];
	try {
		files = fileSpecs(dir);
	} catch (error) {
		io.stderr(`arxiv-digest: cannot read directory ${dir}: ${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
	const service = createSearchService(undefined);
	try {
		await service.open(files);
		const reply = await service.search(query, limit);
		if (!reply.ok) {
			io.stderr(`arxiv-digest: ${reply.error}\n`);
			return 2;
		}
		const { hits, total, approximate } = reply.result;
		if (args.flags.has('json')) {
			io.stdout(JSON.stringify({ query, total, approximate, hits }, null, '\t') + '\n');
			return EXIT_OK;
		}
		for (const hit of hits) {
			const day = hit.occurrences[0]?.day || '-';
			io.stdout(`${day}  ${hit.id}  ${hit.category}  ${hit.title}\n    ${hit.authors[0] ?? ''}${hit.occurrences.length > 1 ? `  (listed ${hit.occurrences.length}×)` : ''}\n`);
		}
		io.stdout(`${approximate ? '≈' : ''}${total} result${total === 1 ? '' : 's'}${total > hits.length ? `, showing ${hits.length}` : ''}\n`);
		return EXIT_OK;
	} finally {
		service.dispose();
	}
}

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

export function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

export interface SearchBenchFigures {
	files: number;
	shards: number;
	/** unique papers (a paper listed in files of both shards counts once) */
	papers: number;
	terms: number;
	/** cold build: titles, authors, ids, categories, TL;DR searchable */
	headSearchableMs: number;
	/** cold build: every field searchable */
	fullSearchableMs: number;
	/** longest stall of this (host) thread while workers built */
	maxMainThreadBlockMs: number;
	/** cache → every field searchable */
	warmStartMs: number;
	queries: number;
	queryP50Ms: number;
	queryP95Ms: number;
	fuzzyQueries: number;
	fuzzyP50Ms: number;
	fuzzyP95Ms: number;
	/** V8 heap of all shards after a GC; external = typed arrays (postings, stored text) */
	indexHeapMB: number;
	indexExternalMB: number;
	cacheMB: number;
	/** one changed 200-paper file: dropped and re-read, parsed and indexed */
	reindexOneFileMs: number;
}

/** Builds, reloads and queries the index over DIR; every figure of the search targets. */
export async function benchSearch(dir: string, shards = defaultShardCount(availableParallelism())): Promise<SearchBenchFigures> {
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
		let headMs = 0;
		void cold.headReady.then(() => (headMs = performance.now() - start));
		await cold.open(files);
		const fullMs = performance.now() - start;
		clearInterval(ticker);
		delay.disable();
		cold.dispose();

		const warmStart = performance.now();
		const service = createSearchService(cacheDir, shards);
		await service.open(files);
		const warmMs = performance.now() - warmStart;

		const sample = await service.search('cat:cs.CV', 8);
		const ids = sample.ok ? sample.result.hits.map((h) => h.id) : [];
		const queries = benchQueries(ids);
		const time = async (list: readonly string[], fuzzy: boolean) => {
			for (const q of list) await service.search(q, 50, fuzzy);
			const times: number[] = [];
			for (let round = 0; round < 3; round++) {
				for (const q of list) {
					const t = performance.now();
					await service.search(q, 50, fuzzy);
					times.push(performance.now() - t);
				}
			}
			return times;
		};
		const queryTimes = await time(queries, true);
		const fuzzyTimes = await time(BENCH_FUZZY_QUERIES, true);

		const target = files.reduce((best, f) => (f.size > best.size ? f : best), files[0]);
		let reindexMs = 0;
		if (target) {
			const t = performance.now();
			await service.remove(target.path);
			await service.update(target);
			reindexMs = performance.now() - t;
		}
		const all = await service.ids('');
		const stats = await service.stats();
		service.dispose();
		let cacheBytes = 0;
		for (let shard = 0; shard < stats.length; shard++) {
			for (const name of ['index', 'files'] as const) {
				const path = join(cacheDir, cacheFileName(name, shard, stats.length));
				if (existsSync(path)) cacheBytes += statSync(path).size;
			}
		}
		return {
			files: files.length,
			shards: stats.length,
			papers: all.ok ? all.ids.length : stats.reduce((s, x) => s + x.docs, 0),
			terms: stats.reduce((s, x) => s + x.terms, 0),
			headSearchableMs: Math.round(headMs),
			fullSearchableMs: Math.round(fullMs),
			maxMainThreadBlockMs: round1(Math.max(maxGap, delay.max / 1e6 - 5)),
			warmStartMs: Math.round(warmMs),
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
		};
	} finally {
		rmSync(cacheDir, { recursive: true, force: true });
	}
}

export interface MinisearchBaseline {
	buildMs: number;
	heapMB: number;
	queryP50Ms: number;
	queryP95Ms: number;
	fuzzyP95Ms: number;
	toJsonMB: number;
	loadJsonMs: number;
}

/**
 * The baseline: minisearch 7 with default options (its whitespace/punctuation tokenizer,
 * so Chinese runs are whole-sentence "words"), one document per unique paper, every field.
 */
export function benchMinisearchBaseline(dir: string): MinisearchBaseline {
	const fields = ['title', 'authors', 'id', 'category', ...SUMMARY_FIELDS];
	const options = { fields, storeFields: ['title'], searchOptions: { prefix: true, fuzzy: 0.2 } };
	const papers = new Map<string, Record<string, string>>();
	for (const path of findCandidateFiles(dir)) {
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
	const heapBefore = process.memoryUsage().heapUsed;
	const start = performance.now();
	const index = new MiniSearch(options);
	index.addAll([...papers.values()]);
	const buildMs = performance.now() - start;
	const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
	const time = (list: readonly string[], fuzzy: boolean) => {
		const times: number[] = [];
		for (const q of list) {
			const t = performance.now();
			index.search(q.replace(/\b[a-z]+:("[^"]*"|\S+)/g, ' '), fuzzy ? {} : { fuzzy: false });
			times.push(performance.now() - t);
		}
		return times;
	};
	const queryTimes = time(benchQueries([...papers.keys()].slice(0, 4)), false);
	const fuzzyTimes = time(BENCH_FUZZY_QUERIES, true);
	const json = JSON.stringify(index);
	const loadStart = performance.now();
	MiniSearch.loadJSON(json, options);
	const loadJsonMs = performance.now() - loadStart;
	return {
		buildMs: Math.round(buildMs),
		heapMB: round1(heapMB),
		queryP50Ms: round1(percentile(queryTimes, 50)),
		queryP95Ms: round1(percentile(queryTimes, 95)),
		fuzzyP95Ms: round1(percentile(fuzzyTimes, 95)),
		toJsonMB: round1(json.length / 1e6),
		loadJsonMs: Math.round(loadJsonMs),
	};
}
