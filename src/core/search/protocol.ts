/** Messages between the corpus client (extension host, CLI) and search-worker.js. */
import type { CacheProblem, CorpusFileSpec, FileUpdate, KnownShown, PaperReply } from '../corpus/shard';
import type { HandedCachePort } from '../corpus/nodeIO';
import { summaryBytesOf, summaryFromBytes } from '../corpus/records';
import type { InterestMatch, InterestSpec } from '../interests';
import type { LinearModel } from '../recs/linear';
import type { TermVector, VectorFields } from '../recs/tfidf';
import type { RisingRequest } from '../trends/rising';
import type { DayRange, TermCountsRequest } from '../trends/shard';
import type { VectorBatch } from '../recs/batch';
import type { SearchHit, SearchResult } from './index';

/** the index's byte length before it (encodeFileUpdates) */
const INDEX_LENGTH_BYTES = 4;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface FileSpec {
	path: string;
	size: number;
	mtime: number;
}

/** empty → head (ids, titles, authors, categories searchable) → full (every field, the TL;DR included) */
export type IndexPhase = 'empty' | 'head' | 'full';
/** files: reading files for the tree; head: indexing titles, authors, ids, categories; body: indexing the TL;DR and long fields; full: done */
export type ProgressPhase = 'files' | 'head' | 'body' | 'full';

export type SearchReply = { ok: true; result: SearchResult } | { ok: false; error: string };
export type IdsReply = { ok: true; ids: string[] } | { ok: false; error: string };

/** A shard's answer to `interests`: [paper id, what matched or excluded it] per paper that matched or is excluded. */
export interface InterestsReply {
	matches: [id: string, match: InterestMatch][];
	/** interest terms that could not be used (a bad regular expression) */
	errors: string[];
	/** documents matched for this request (the others' results were kept) */
	computed: number;
	/**
	 * some document was matched without its long fields' text (a warm start reads it back in the
	 * background): its result may change once onFilled says the text is there
	 */
	partial: boolean;
	/**
	 * files whose long fields the background fill could not read back (gone or unreadable when it came
	 * to them): their papers were matched on their short fields only, and stay so until the file changes
	 */
	unreadable: number;
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
	/** what a paper's vector is made of, when not recs/tfidf VECTOR_FIELDS (the bench's `--vectors`) */
	vectorFields?: VectorFields;
	/**
	 * A worker thread's first start in a warm start: its index cache's bytes (undefined: none, or
	 * unreadable) come as one message on this port, read by the extension host while the thread
	 * booted (see WorkerShardOptions.readIndexCache); the worker reads the cache itself otherwise.
	 */
	indexCache?: HandedCachePort;
	/**
	 * false: the owner shows no file summaries (the CLI's `search`): the shard sends none (a warm start's
	 * 167 cached summaries took ~65 ms of the worker's thread to encode and send and ~45 ms of the
	 * owner's to decode, both before the open's answer)
	 */
	summaries?: false;
}

/**
 * A reader's set for `is:`/`has:`/`tag:` filters: paper ids (without version), or every paper in
 * none of other sets (`is:unread` is `{ not: ['is:read'] }`, `is:new` `{ not: ['is:read', 'is:seen'] }`:
 * no list of every unread or new paper crosses threads).
 */
export type UserSet = string[] | { not: string[] };

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
	/** for tests: the background reading back of the long fields' text waits while held (see SearchShard.holdFill) */
	| { id: number; method: 'holdFill'; hold: boolean }
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
	/** the author names the shard's papers write that `typed` starts, with their papers' ids (search/authorsLike) */
	| { id: number; method: 'authorsLike'; typed: string; limit: number }
	/** trends: top terms and authors of the papers listed in a day range, `skip` left to other shards; `everyAuthor`: not only the top ones */
	| { id: number; method: 'rangeTop'; range: DayRange; skip: string[]; everyAuthor?: boolean }
	/** trends: these terms' papers in a day range, and over every paper the shard holds (several shards' top terms, see SearchService.rangeTop) */
	| { id: number; method: 'rangeTermCounts'; request: TermCountsRequest }
	/** trends (core/trends/rising): terms' papers in a day range and in the period before */
	| { id: number; method: 'rangeRising'; request: RisingRequest };

/**
 * Where a shard's tree passes (readAhead's and open's) spent their time since its previous
 * `filesReady` (the benches print it): wall milliseconds of the shard's thread, so waits for the
 * CPU count too. The index pass's reads (past the budget of kept digests) and updates do not count.
 */
export interface TreePassTimings {
	/** digests read whole, parsed and summarised */
	files: number;
	/**
	 * reading their text (and their head, for detection) and decoding it; where the editor reads the
	 * files (proxyIO), waiting for it
	 */
	readMs: number;
	parseMs: number;
	/** their summaries and file records */
	summaryMs: number;
}

/** No file read yet: where a shard's counting starts, and the service's sum. */
export function noTreePass(): TreePassTimings {
	return { files: 0, readMs: 0, parseMs: 0, summaryMs: 0 };
}

export type WorkerEvent =
	| { event: 'progress'; phase: ProgressPhase; done: number; total: number }
	| { event: 'headReady' }
	| { event: 'filesReady'; treePass?: TreePassTimings }
	/** FileUpdate[], each summary as its compact texts in UTF-8 (see encodeFileUpdates) */
	| { event: 'files'; wire: Uint8Array }
	| { event: 'cacheProblem'; problem: CacheProblem }
	/** every paper's long-field text is in memory again: a warm start's, or a cold build's read again (see CorpusEvents.onFilled) */
	| { event: 'filled' }
	/** an open is done and the long fields' text is read back in the background (see CorpusEvents.onFilling) */
	| { event: 'filling' };

export type WorkerResponse = { id: number; result?: unknown; error?: string };

export type WorkerMessage = WorkerEvent | WorkerResponse;

export type { CacheProblem, CorpusFileSpec, FileUpdate, KnownShown, PaperReply, SearchHit, SearchResult };

/**
 * The summaries a shard sends travel as one buffer, not as objects: a warm start sends every file's
 * summary at once, and a Node worker's queued messages are all decoded in one turn of the receiving
 * thread (structured clone of ~33,000 paper summaries: ~90 ms on the 167-day folder). The receiver
 * parses them one message at a time (see `pacedTasks` in client.ts). Each summary goes as its compact
 * texts in UTF-8 (CompactTexts: the bytes its file record holds, so a cached summary is never parsed
 * in the shard), and the receiver parses a summary's head, its papers only when something reads them
 * (the bytes stay outside its heap until then).
 *
 * The buffer: the byte length of an index (4 bytes, little-endian), the index (JSON in UTF-8: per
 * file `[path]` for a file taken back, `[path, head bytes, papers bytes]` for a summary), then every
 * summary's head and papers, one after the other.
 */
export function encodeFileUpdates(files: readonly FileUpdate[]): Uint8Array {
	const index: ([string] | [string, number, number])[] = [];
	const parts: Uint8Array[] = [];
	let length = 0;
	for (const file of files) {
		// the bytes first: a cached update parses its summary only when `summary` is read (no destructuring)
		const bytes = file.summaryBytes ?? (file.summary && summaryBytesOf(file.summary));
		if (!bytes) {
			index.push([file.path]);
			continue;
		}
		index.push([file.path, bytes.headBytes, bytes.utf8.length - bytes.headBytes]);
		parts.push(bytes.utf8);
		length += bytes.utf8.length;
	}
	const head = encoder.encode(JSON.stringify(index));
	const out = new Uint8Array(INDEX_LENGTH_BYTES + head.length + length);
	new DataView(out.buffer).setUint32(0, head.length, true);
	out.set(head, INDEX_LENGTH_BYTES);
	let at = INDEX_LENGTH_BYTES + head.length;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

/** The updates of one message; an entry whose summary is not one (damage) is left out, not the whole batch. */
export function decodeFileUpdates(wire: Uint8Array): FileUpdate[] {
	const indexBytes = wire.length >= INDEX_LENGTH_BYTES ? new DataView(wire.buffer, wire.byteOffset, wire.byteLength).getUint32(0, true) : 0;
	let at = INDEX_LENGTH_BYTES + indexBytes;
	const index = at <= wire.length ? (JSON.parse(decoder.decode(wire.subarray(INDEX_LENGTH_BYTES, at))) as unknown[]) : [];
	const out: FileUpdate[] = [];
	for (const entry of Array.isArray(index) ? index : []) {
		if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
		const [path, headBytes, papersBytes] = entry as [string, unknown, unknown];
		if (typeof headBytes !== 'number' || typeof papersBytes !== 'number') {
			out.push({ path });
			continue;
		}
		const start = at;
		at += headBytes + papersBytes;
		if (headBytes < 0 || papersBytes < 0 || at > wire.length) break;
		try {
			out.push({ path, summary: summaryFromBytes({ utf8: wire.subarray(start, at), headBytes }) });
		} catch {
			// a shard never sends such a summary; should one arrive, the file stays as it was
		}
	}
	return out;
}
