/** Messages between the corpus client (extension host, CLI) and search-worker.js. */
import type { CacheProblem, CorpusFileSpec, FileUpdate, KnownShown, PaperReply } from '../corpus/shard';
import type { HandedCachePort } from '../corpus/nodeIO';
import { compactJson, expandSummary } from '../summary';
import type { InterestSpec } from '../interests';
import type { LinearModel } from '../recs/linear';
import type { TermVector } from '../recs/tfidf';
import type { DayRange } from '../trends/shard';
import type { VectorBatch } from '../recs/batch';
import type { SearchHit, SearchResult } from './index';

export interface FileSpec {
	path: string;
	size: number;
	mtime: number;
}

/** empty → head (ids, titles, authors, categories, TL;DR searchable) → full (every field) */
export type IndexPhase = 'empty' | 'head' | 'full';
/** files: reading files for the tree; head: indexing short fields; body: indexing long fields; full: done */
export type ProgressPhase = 'files' | 'head' | 'body' | 'full';

export type SearchReply = { ok: true; result: SearchResult } | { ok: false; error: string };
export type IdsReply = { ok: true; ids: string[] } | { ok: false; error: string };

/** A shard's answer to `interests`: [paper id, excluded, matched words] per paper that matched or is excluded. */
export interface InterestsReply {
	matches: [id: string, excluded: boolean, words: string[]][];
	/** interest terms that could not be used (a bad regular expression) */
	errors: string[];
	/** documents matched for this request (the others' results were kept) */
	computed: number;
	ms: number;
}

export interface ShardStats {
	docs: number;
	terms: number;
	files: number;
	heapUsed: number;
	external: number;
	phase: IndexPhase;
	fromCache: boolean;
	/** work deferred past open still runs (reading back long fields after a warm start, the typo lookup) */
	busy: boolean;
}

export interface WorkerInit {
	shard: number;
	shards: number;
	/** the folder of this shard's caches; none → no cache */
	cacheDir?: string;
	/**
	 * build at a lower CPU priority than the thread that started the worker (the extension host
	 * stays responsive on a busy machine), from the end of the first tree pass (the summaries the
	 * reader waits for are read at normal priority); applied on Linux only, the one system where the
	 * priority belongs to the thread and not to the whole process
	 */
	background?: boolean;
	/**
	 * A worker thread's first start in a warm start: its index cache's bytes (undefined: none, or
	 * unreadable) come as one message on this port, read by the extension host while the thread
	 * booted (see WorkerShardOptions.readIndexCache); the worker reads the cache itself otherwise.
	 */
	indexCache?: HandedCachePort;
}

/**
 * A reader's set for `is:`/`has:`/`tag:` filters: paper ids (without version), or every paper not
 * in another set (`is:unread` is `{ not: 'is:read' }`: no list of every unread paper crosses threads).
 */
export type UserSet = string[] | { not: string };

export type WorkerRequest =
	| { id: number; method: 'open'; files: CorpusFileSpec[] }
	/** before `open`: send the tree every summary the file-records cache holds (the last session's files), but those the host showed from the same cache itself */
	| { id: number; method: 'known'; shown?: KnownShown }
	/** before `open` (a cold start): read and send the summaries of these likely digests while the editor lists the rest */
	| { id: number; method: 'readAhead'; files: CorpusFileSpec[] }
	| { id: number; method: 'update'; file: CorpusFileSpec }
	| { id: number; method: 'remove'; path: string }
	| { id: number; method: 'paper'; path: string; paperId: string; near?: number }
	| { id: number; method: 'papers'; path: string; refs: { id: string; near?: number }[] }
	| { id: number; method: 'search'; query: string; limit: number; fuzzy?: boolean }
	| { id: number; method: 'ids'; query: string }
	| { id: number; method: 'coverage'; by: 'template' | 'file' }
	| { id: number; method: 'userSets'; sets: Record<string, UserSet> }
	| { id: number; method: 'interests'; spec: InterestSpec }
	| { id: number; method: 'save' }
	/** what an open document's providers need (core/documentView): from `text` (UTF-8) when given, else read from `path` */
	| { id: number; method: 'documentView'; path: string; text?: Uint8Array }
	| { id: number; method: 'stats' }
	/** a paper's TF-IDF vector (recs/tfidf), from the shard that holds it */
	| { id: number; method: 'vector'; paperId: string }
	/** the shard's papers most similar to `vector` */
	| { id: number; method: 'similar'; vector: TermVector; limit: number; exclude?: string }
	/** vectors of the papers `ids` the shard holds, plus `random` others outside `exclude` */
	| { id: number; method: 'vectors'; ids: string[]; random?: number; exclude?: string[]; seed?: number }
	/** trains "For you" (recs/linear) on vectors gathered from every shard */
	| { id: number; method: 'train'; positives: VectorBatch; negatives: VectorBatch }
	/** the model's score of each paper of `ids` the shard holds */
	| { id: number; method: 'rank'; model: LinearModel; ids: string[] }
	/** trends (core/trends/shard): the listing days of a query's papers */
	| { id: number; method: 'trendDays'; query: string }
	/** trends: ids of the papers listed in a day range */
	| { id: number; method: 'rangeIds'; range: DayRange }
	/** trends: top terms and authors of the papers listed in a day range, `skip` left to other shards */
	| { id: number; method: 'rangeTop'; range: DayRange; skip: string[] };

export type WorkerEvent =
	| { event: 'progress'; phase: ProgressPhase; done: number; total: number }
	| { event: 'headReady' }
	| { event: 'filesReady' }
	/** FileUpdate[], each summary in its compact form (see encodeFileUpdates) */
	| { event: 'files'; json: string }
	| { event: 'cacheProblem'; problem: CacheProblem };

export type WorkerResponse = { id: number; result?: unknown; error?: string };

export type WorkerMessage = WorkerEvent | WorkerResponse;

export type { CacheProblem, CorpusFileSpec, FileUpdate, KnownShown, PaperReply, SearchHit, SearchResult };

/**
 * The summaries a shard sends travel as one JSON string, not as objects: a warm start sends every
 * file's summary at once, and a Node worker's queued messages are all decoded in one turn of the
 * receiving thread (structured clone of ~33,000 paper summaries: ~90 ms on the 167-day folder). A
 * string crosses as a copy; the receiver parses them one message at a time (see `pacedTasks` in client.ts).
 * Each summary goes in its compact form (CompactSummary: ~40% less to copy and parse); one the shard
 * has as text from its cache goes in as that text (a warm start's summaries: never parsed in the shard).
 */
export function encodeFileUpdates(files: readonly FileUpdate[]): string {
	// the text first: a cached update parses its summary only when `summary` is read (no destructuring)
	const parts = files.map((file) => {
		const compact = file.compactJson ?? (file.summary && compactJson(file.summary));
		return compact === undefined ? JSON.stringify({ path: file.path }) : `{"path":${JSON.stringify(file.path)},"compact":${compact}}`;
	});
	return `[${parts.join(',')}]`;
}

/** The updates of one message; an entry whose summary is not one (damage) is left out, not the whole batch. */
export function decodeFileUpdates(json: string): FileUpdate[] {
	const wire = JSON.parse(json) as { path: string; compact?: unknown }[];
	const out: FileUpdate[] = [];
	for (const { path, compact } of wire) {
		if (compact === undefined) out.push({ path });
		else {
			try {
				out.push({ path, summary: expandSummary(compact) });
			} catch {
				// a shard never sends such a summary; should one arrive, the file stays as it was
			}
		}
	}
	return out;
}
