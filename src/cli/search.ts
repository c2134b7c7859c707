/**
 * `arxiv-digest search DIR QUERY`, over the same index code the extension runs
 * (src/core/search), sharded over worker threads when dist/search-worker.js is next to the CLI.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { inProcessShard } from '../core/corpus/inProcess';
import { plainMath } from '../core/plainMath';
import { DEFAULT_SHARDS, SearchService, workerShard, type ShardHandle } from '../core/search/client';
import { nodeCorpusIO, readCacheFileOffThread, removeStaleCaches } from '../core/corpus/nodeIO';
import type { CacheProblem, CorpusFileSpec } from '../core/corpus/shard';
import type { VectorFields } from '../core/recs/tfidf';
import { parseQuery, wordsOnlyFuzzy } from '../core/search/query';
import { saidCount } from '../core/search/count';
import { intOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { listCandidates } from './files';
import { CliIO, errorMessage, EXIT_IO_ERROR, EXIT_OK } from './io';

export const SEARCH_HELP = `Usage: arxiv-digest search DIR QUERY [--json] [--limit N] [--cache-dir CACHE]

Index every digest under DIR and print the papers matching QUERY, best first.

Query language:
  words            all required; prefix and typo tolerant (diffusion, segm, difusion)
  "exact phrase"   its words side by side, in order, in any field (plural =
                   singular, as for single words: "world model" finds world models)
  -word -"phrase"  exclude (also first: search DIR -survey; after DIR, a word
                   that starts with one '-' and is no option is a query word)
  cat:cs.CV  author:lecun  author:"Yann LeCun"  id:2602.04994
  2602.04994  (arXiv:2602.04994)  https://huggingface.co/papers/2602.04994
                   a pasted id or paper link is id: (several bare ids: any of them)
  author:Yann LeCun  one name while some paper has an author of that name
                   (author:lecun world model: an author and two words)
  day:2026-02-06  day:2026-02  after:2026-01-15  before:2026-02-01
  Chinese, Japanese and Korean terms need no spaces (扩散模型, 多模态).
  A query of single letters and symbols alone (C++) has nothing to search for:
  it is an error (exit 2), as an empty query is.

A quoted phrase, an excluded one or a Chinese run is checked in each paper's text:
the best candidates until N results are found, then 100 more (spread over the rest)
for the count. When those were all of them, the count is exact; else it says
"about N results" (estimated from the share of those 100 that match: within 5 %
for common phrases, less sure for a phrase few candidates have), or "up to N"
when some of their text is not read back yet (right after a start from the cache).

Options:
  --json             print the results as JSON: total is the number of matching
                     papers, exact unless approximate is true; then range.min of
                     them were checked to match, at most range.max match, and
                     total is estimated from a sample (range.estimated) or is
                     range.max
  --limit N          at most N results (default 20)
  --cache-dir CACHE  keep the index in CACHE: the next search over DIR loads it
                     instead of reading every file (files changed since are re-read)
  --shards N         index in N worker threads (default 1; with more, a paper listed
                     on days of different threads is not found by words of both)
  -h, --help         show this help
`;

/** What \`search --timings\` prints (stderr, one JSON line): where a start's time goes, in ms. */
export interface SearchTimings {
	/** from the process's start to the command's (Node and the CLI loading) */
	startMs: number;
	/** listing DIR and stat-ing its files */
	listMs: number;
	/** starting the shards and bringing them up to date (from the cache, when there is one) */
	openMs: number;
	/** the first query */
	queryMs: number;
	/** from the process's start to the answer */
	totalMs: number;
	/** every shard loaded its index from the cache */
	fromCache: boolean;
	/** files read and indexed on the way (none when the caches held every file as it is) */
	indexed: number;
}

function workerScript(): string | undefined {
	const script = join(__dirname, 'search-worker.js');
	return existsSync(script) ? script : undefined;
}

/** A search service over `shards` worker threads (or one in-process shard without the worker script). */
export function createSearchService(cacheDir: string | undefined, shards = DEFAULT_SHARDS, vectorFields?: VectorFields, summaries?: false): SearchService {
	const script = workerScript();
	const handles: ShardHandle[] = [];
	const count = script ? shards : 1;
	if (cacheDir) removeStaleCaches(cacheDir, count);
	for (let shard = 0; shard < count; shard++) {
		handles.push(script ? workerShard(script, { shard, shards: count, cacheDir, vectorFields, summaries }, cacheDir ? { readIndexCache: () => readCacheFileOffThread(cacheDir, 'index', shard, count) } : {}) : inProcessShard(nodeCorpusIO(cacheDir, shard, count), shard, count, vectorFields));
	}
	return new SearchService(handles);
}

/**
 * Every candidate of DIR (listCandidates): the shards keep the digests among them by the extension's
 * rule, so a README next to the digests is no paper. Paths are absolute and real: the caches key
 * files by path, and the same folder named another way (`../data`, `/home/me/data`, a symbolic
 * link) found none of its files in a cache and indexed them all again.
 */
export function fileSpecs(dir: string): (CorpusFileSpec & { size: number })[] {
	return listCandidates(realpathSync(dir)).map(({ path, always }) => ({ path, always, size: statSync(path).size }));
}

/**
 * `--cache-dir CACHE`, when given: a folder, or a path where one can be made. A file there made every
 * cache write fail, so each run read and indexed every digest again without a word.
 */
export function cacheDirOption(args: ParsedArgs): string | undefined {
	const dir = args.options.get('cache-dir');
	if (dir !== undefined && existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`option '--cache-dir' names a file, not a folder: ${dir}`);
	return dir;
}

/**
 * The files of DIR and a search service over them (`--shards N`, `--cache-dir CACHE`), for the
 * commands that open the corpus; undefined once it has told the user DIR cannot be read.
 */
export function openCorpus(args: ParsedArgs, dir: string, io: CliIO): { files: (CorpusFileSpec & { size: number })[]; service: SearchService } | undefined {
	const shards = intOption(args, 'shards', DEFAULT_SHARDS, 1, 64);
	let files;
	try {
		files = fileSpecs(dir);
	} catch (error) {
		io.stderr(`arxiv-digest: cannot read directory ${dir}: ${errorMessage(error)}\n`);
		return undefined;
	}
	return { files, service: commandService(args, shards, io) };
}

/**
 * createSearchService for a command given `--cache-dir`, which says each kind of cache problem once,
 * on stderr: a cache that cannot be saved (a read-only folder, a full disk) made every run index every
 * digest again without a word. An older format is rebuilt silently.
 */
function commandService(args: ParsedArgs, shards: number, io: CliIO, summaries?: false): SearchService {
	const cacheDir = cacheDirOption(args);
	const service = createSearchService(cacheDir, shards, undefined, summaries);
	if (cacheDir === undefined) return service;
	const told = new Set<CacheProblem['kind']>();
	service.onCacheProblem((problem) => {
		if (problem.kind === 'outdated' || told.has(problem.kind)) return;
		told.add(problem.kind);
		const detail = problem.detail ? ` (${problem.detail})` : '';
		io.stderr(
			problem.kind === 'corrupt'
				? `arxiv-digest: the index cache in ${cacheDir} was damaged${detail}; it is built again\n`
				: `arxiv-digest: cannot save the index cache in ${cacheDir}${detail}; the next run indexes every digest again\n`,
		);
	});
	return service;
}

/**
 * Why `query` would select nothing to search by, or undefined when it selects something: an empty
 * query, or one of single letters and symbols alone (`C++`, `F#`), which parses to no word and no
 * filter. Both are an error that says why, before any file is read.
 */
export function unsearchableQuery(query: string): string | undefined {
	if (query.trim() === '') return 'the query is empty';
	const parsed = parseQuery(query);
	// a malformed filter is the index's to report, in its words
	if (parsed.ok || parsed.problem.kind !== 'no-words') return undefined;
	return `the query '${query}' has no words to search for (single letters and symbols are not indexed)`;
}

export async function runSearch(argv: readonly string[], io: CliIO): Promise<number> {
	// --timings (undocumented): the bench's warm-start probe
	const args = parseArgs(argv, { flags: ['json', 'help', 'timings'], options: ['limit', 'cache-dir', 'shards'], aliases: { h: 'help' }, queryFrom: 1 });
	if (args.flags.has('help')) {
		io.stdout(SEARCH_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length < 2) throw new UsageError('search needs DIR and QUERY');
	const [dir, ...words] = args.positionals;
	const query = words.join(' ');
	const unsearchable = unsearchableQuery(query);
	if (unsearchable) throw new UsageError(unsearchable);
	const limit = intOption(args, 'limit', 20, 1, 100000);
	const shards = intOption(args, 'shards', DEFAULT_SHARDS, 1, 64);
	const started = performance.now();
	// the summaries are the Papers view's: a search prints none. Started first: the worker boots and
	// the index cache is read (off this thread) while the folder is listed
	const service = commandService(args, shards, io, false);
	let files: CorpusFileSpec[];
	try {
		files = fileSpecs(dir);
	} catch (error) {
		service.dispose();
		io.stderr(`arxiv-digest: cannot read directory ${dir}: ${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
	const listed = performance.now();
	try {
		const indexed = await service.open(files);
		const opened = performance.now();
		const read = await service.withAuthorNames(query);
		const reply = await service.search(read, limit);
		if (args.flags.has('timings')) {
			const answered = performance.now();
			const fromCache = (await service.stats()).every((s) => s.fromCache);
			const ms = (v: number) => Math.round(v);
			const timings: SearchTimings = { startMs: ms(started), listMs: ms(listed - started), openMs: ms(opened - listed), queryMs: ms(answered - opened), totalMs: ms(answered), fromCache, indexed };
			io.stderr(JSON.stringify({ timings }) + '\n');
		}
		if (!reply.ok) {
			io.stderr(`arxiv-digest: ${reply.error}\n`);
			return 2;
		}
		const { hits, total, approximate, range } = reply.result;
		if (args.flags.has('json')) {
			io.stdout(JSON.stringify({ query, total, approximate, ...(range ? { range } : {}), ...(reply.result.respelled ? { respelled: reply.result.respelled } : {}), hits }, null, '\t') + '\n');
			return EXIT_OK;
		}
		for (const hit of hits) {
			const day = hit.occurrences[0]?.day || '-';
			io.stdout(`${day}  ${hit.id}  ${hit.category}  ${plainMath(hit.title)}\n    ${hit.authors[0] ?? ''}${hit.occurrences.length > 1 ? `  (listed ${hit.occurrences.length}×)` : ''}\n`);
		}
		const counted = saidCount(total, range);
		io.stdout(`${range ? (range.estimated ? 'about ' : 'up to ') : ''}${counted} result${counted === 1 && !approximate ? '' : 's'}${counted > hits.length ? `, showing ${hits.length}` : ''}\n`);
		const parsed = parseQuery(read.asRead);
		const respelled = reply.result.respelled ?? [];
		const fuzzy = parsed.ok ? wordsOnlyFuzzy(parsed.query, hits, respelled) : [];
		if (fuzzy.length) io.stdout(`no paper has ${fuzzy.map((w) => `'${w}'`).join(', ')}: similar spellings shown\n`);
		for (const { word, as } of respelled) io.stdout(`'${word}': also ${as.map((w) => `'${w}'`).join(', ')}\n`);
		return EXIT_OK;
	} finally {
		service.dispose();
	}
}
