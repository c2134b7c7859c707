/**
 * CorpusShard: the one owner of a share of the workspace's digest files. It lists nothing itself
 * (the editor or CLI hands it the candidates), stats them, reads the head of new or changed files
 * to tell digests from other Markdown, reads and parses each digest (once within KEEP_PARSED_BYTES), feeds the search index
 * and sends a compact summary of every file to whoever shows the tree. A cache holds the summaries
 * next to the index, so a warm start sends the whole tree after only stat-ing the files.
 *
 * vscode-free: it runs in a worker thread, in the CLI and in-process (browser, virtual folders),
 * reaching files only through CorpusIO.
 */
import { dayFromPath, newestDayFirst } from '../day';
import { MAX_CANDIDATE_BYTES } from '../candidates';
import { DETECT_HEAD_BYTES, looksLikeDigest } from '../detect';
import { buildDocumentView, lineReader, type DocumentView } from '../documentView';
import { compileInterests, interestsReadText, matchInterests, type CompiledInterests, type InterestMatch, type InterestSpec } from '../interests';
import type { Digest, Paper } from '../model';
import { addCoverage, type FieldCoverage } from '../parse/coverage';
import type { LineSource } from '../parse/lines';
import { parseDigest, type ParseOptions } from '../parser';
import { findPaperIndex } from '../tree';
import { INDEX_CACHE_VERSION, cacheKey, fileRecordsKey } from '../search/cacheFormat';
import { SearchShard, type ShardIO, type ShardProgress, type WorkIO } from '../search/engine';
import type { DocRecord } from '../search/index';
import { packHeads, unpackHeads, type PackedHeads } from '../search/heads';
import { noTreePass, type IdsReply, type InterestsReply, type SearchReply, type TreePassTimings, type UserSet } from '../search/protocol';
import { baseId } from '../readState';
import { parseQuery } from '../search/query';
import { ShardRecommender } from '../recs/shard';
import type { VectorFields } from '../recs/tfidf';
import { summarizeDigest, type DigestSummary } from '../summary';
import { decodeSummedRecords, digestRecord, encodeFileRecords, fileRecordsOutdated, storedAsWritten, summaryFromBytes, summaryOf, type FileRecord, type SummaryBytes } from './records';
import { paperFragments } from './paperFragments';

export interface FileStamp {
	size: number;
	mtime: number;
}

/** A file the shard should own. */
export interface CorpusFileSpec {
	path: string;
	/** named by a `arxivDigest.files` glob: a digest whatever its content */
	always?: boolean;
}

/** What the shard tells its owner about one file: its summary, or none when it is not (or no longer) a digest. */
export interface FileUpdate {
	path: string;
	summary?: DigestSummary;
	/** `summary`'s bytes, when the shard has them already (sent as they are) */
	summaryBytes?: SummaryBytes;
}

/** Do two records of one file hold the same summary (the same bytes) and glob flag? */
function sameRecord(a: FileRecord, b: FileRecord): boolean {
	const x = a.summaryBytes;
	const y = b.summaryBytes;
	if (!x || !y || x.headBytes !== y.headBytes || x.utf8.length !== y.utf8.length || !!a.always !== !!b.always) return false;
	for (let i = 0; i < x.utf8.length; i++) if (x.utf8[i] !== y.utf8[i]) return false;
	return true;
}

/**
 * A cached digest's update: its summary's bytes as the cache held them, sent as they are; parsed only if
 * a listener in the same thread reads `summary` (the CLI, tests).
 */
function cachedUpdate(path: string, record: FileRecord): FileUpdate {
	let summary: DigestSummary | undefined;
	return {
		path,
		summaryBytes: record.summaryBytes,
		get summary() {
			return (summary ??= summaryOf(record));
		},
	};
}

/**
 * The summaries of a shard's file-records cache that the extension host read and showed itself
 * (a warm start, local caches: see readKnownSummaries): the checksum of their bytes (see
 * decodeSummedRecords) and the digests' paths.
 */
export interface KnownShown {
	sum: number;
	paths: string[];
}

/** What `open` answers: how many files it read and indexed (0: everything came from the caches). */
export interface OpenReply {
	indexed: number;
}

/** A paper read back from its file, for a card or an export. */
export interface PaperReply {
	paper: Paper;
	day?: string;
	label: string;
	/** index of the paper in its file */
	index: number;
}

export interface CorpusIO extends WorkIO {
	stat(path: string): Promise<FileStamp | undefined>;
	/** the first `bytes` bytes decoded as UTF-8 (a ranged read where the file system has one) */
	readHead(path: string, bytes: number): Promise<string | undefined>;
	/** the whole file decoded as UTF-8 */
	readText(path: string): Promise<DigestText | undefined>;
	readCache(name: CacheName): Promise<Uint8Array | undefined>;
	writeCache(name: CacheName, bytes: Uint8Array): Promise<void>;
	/**
	 * The path a file's key names, where the key is not a path (the web build's URI strings,
	 * percent-encoded): the day and label a file's name gives are read from it (ParseOptions.name).
	 */
	pathOf?(key: string): string;
}

export type CacheName = 'index' | 'files';

/** A file's text (whole, or in pieces: see decodeInPieces), and whether its bytes were clean (ParseOptions.clean) */
export interface DigestText extends ParseOptions {
	text: LineSource;
}

function parseText(io: Pick<CorpusIO, 'pathOf'>, read: DigestText, path: string): Digest {
	return parseDigest(read.text, path, parseOptions(io, read, path));
}

function parseOptions(io: Pick<CorpusIO, 'pathOf'>, read: DigestText, path: string): ParseOptions {
	return { clean: read.clean, name: io.pathOf?.(path) };
}

/**
 * How many bytes of files a shard keeps parsed between an open's two passes (the tree reads and
 * parses every new file, then the index takes those digests). A parsed file weighs ~2.5x its size
 * (UTF-16 text and the objects). Of a file past the budget, the papers' short fields are kept,
 * packed, whatever their number (~0.6 KB a paper, see packHeads): every title is searchable from
 * them, and the index reads the file again for the long fields after that.
 */
export const KEEP_PARSED_BYTES = 96 * 1024 * 1024;
/** Summaries go out in batches this large, so no single message costs the receiving thread much. */
const BATCH_FILES = 8;

/** `files`: reading files for their summaries (the tree); then the index's own phases */
export type CorpusProgress = ShardProgress | { phase: 'files'; done: number; total: number };

/**
 * A cache the shard could not use: `corrupt` (bytes that are no cache of any version: damage, a
 * truncated write), `outdated` (a cache of another format version: an update, rebuilt silently),
 * `unwritable` (saving failed: read-only or full storage; everything works, the next start is cold).
 * Each kind is reported at most once per shard instance.
 */
export interface CacheProblem {
	kind: 'corrupt' | 'outdated' | 'unwritable';
	cache: CacheName;
	/** the error or what did not decode, for the log */
	detail?: string;
}

export interface CorpusEvents {
	/** a cache could not be read or written (the shard carries on without it) */
	onCacheProblem?(problem: CacheProblem): void;
	onProgress?(p: CorpusProgress): void;
	onHeadReady?(): void;
	/**
	 * every file's summary of this open was sent; with where the tree passes' reads since the previous
	 * call (readAhead's and this open's) spent their time
	 */
	onFilesReady?(treePass: TreePassTimings): void;
	onFiles?(files: FileUpdate[]): void;
	/**
	 * every paper's long-field text is in memory, so what was matched without it (interests) can be
	 * asked again: once the background work after an open is done (a warm start reads the text back
	 * from the files), and during a cold build past KEEP_PARSED_BYTES once the files whose short fields
	 * only were taken are read again, before their long fields are indexed
	 */
	onFilled?(): void;
	/**
	 * an open is done and some papers lack their long-field text, which the background work reads
	 * back from the files (a warm start): searches and interest matches are not final until onFilled
	 */
	onFilling?(): void;
}

/** "ADSI" little endian: the index cache's magic (core/search/cache.ts) */
const INDEX_CACHE_MAGIC = 0x49534441;

/** An index cache of another format version (an update), not damage. */
export function indexCacheOutdated(bytes: Uint8Array): boolean {
	if (bytes.length < 12) return false;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	return view.getUint32(0, true) === INDEX_CACHE_MAGIC && view.getUint32(4, true) !== INDEX_CACHE_VERSION;
}

export class CorpusShard {
	readonly search: SearchShard;
	/** similar papers and "For you" scores over this shard's index (vectors built on the first request) */
	readonly recs: ShardRecommender;
	/** every candidate file with its stamp and summary (none: not a digest) */
	private records = new Map<string, FileRecord>();
	private readonly always = new Set<string>();
	private batch: FileUpdate[] = [];
	/** the reader's sets the editor gave (`is:read`, `has:note`, `tag:x` → paper ids; `is:unread` → not `is:read`, `is:new` → in neither `is:read` nor `is:seen`) */
	private readonly userSets = new Map<string, Set<string> | { not: string[] }>();
	/** files whose summary this open already sent: the index re-reads them without sending it again */
	private reading = new Set<string>();
	/** files whose summary this open sent from the file records (see open) */
	private fromRecords = new Set<string>();
	/**
	 * digests the tree pass parsed, with the stamp they were read at, for the index pass (see
	 * KEEP_PARSED_BYTES); past the budget, their papers' short fields only (see packHeads)
	 */
	private readonly parsed = new Map<string, FileStamp & ({ digest: Digest } | { heads: PackedHeads })>();
	private parsedBytes = 0;
	/** the budget of `parsed`, in bytes of files */
	keepParsedBytes = KEEP_PARSED_BYTES;
	private recordsDirty = false;
	/** bytes of the index cache the last open read (to tell a cache that did not load from no cache) */
	private indexCacheBytes: Uint8Array | undefined;
	private readonly reported = new Set<CacheProblem['kind']>();
	/** the last interests asked for, compiled, with each document's result (a document replaced on change drops out) */
	private interestCache: { key: string; compiled: CompiledInterests; results: WeakMap<DocRecord, InterestMatch | null> } | undefined;

	constructor(
		private readonly io: CorpusIO,
		private readonly shard: number,
		private readonly shards: number,
		private readonly events: CorpusEvents = {},
		vectorFields?: VectorFields,
	) {
		this.recs = new ShardRecommender(() => this.search.index, vectorFields, io);
		const shardIO: ShardIO = {
			// A changed file's summary goes to the tree once the file is read, not after its papers are
			// indexed (~0.2 s for a 500-paper day): the indexing runs in the same turn (see
			// SearchShard.updateFile), so a worker answers what the new tree asks after it, and an
			// in-process shard's listeners must not ask before a later task (the workspace's change
			// events wait CHANGE_FLUSH_MS). Not so when the file stops being a paper's newest listing
			// (no longer lists it, or its day moved back past another file's, see dropsNewestListing):
			// that paper is read again from its next listing after the indexing, and the tree hears of
			// the change once it is (update's flush).
			readDigest: async (path, headsOk) => {
				const read = await this.readDigest(path, headsOk);
				if (read && this.batch.length > 0 && !this.search.index.dropsNewestListing(path, 'heads' in read ? read.heads : read)) this.flush(true);
				return read;
			},
			readPapers: async (path) => {
				const read = await io.readText(path);
				return read && parseText(this.io, read, path);
			},
			readPaperTexts: async (path, ids) => {
				const summary = this.records.get(path)?.summaryBytes;
				const read = summary && (await io.readText(path));
				return read ? paperFragments(read.text, path, summaryFromBytes(summary), ids, parseOptions(io, read, path)) : undefined;
			},
			readCache: async () => (this.indexCacheBytes = await io.readCache('index')),
			writeCache: (bytes) => this.writeCache('index', bytes),
			yield: () => io.yield(),
			now: () => io.now(),
			sliceMs: io.sliceMs,
			collectGarbage: io.collectGarbage,
			afterOpen: io.afterOpen,
			// the digests the tree pass kept parsed need no read
			prefetch: (paths) => io.prefetch?.(paths.filter((path) => !this.parsed.has(path))),
			bodyCounter: () => io.bodyCounter?.(),
			fillOnDemand: io.fillOnDemand,
		};
		this.search = new SearchShard(shardIO, cacheKey(shard, shards), (p) => {
			// the summaries of a file reach the tree no later than the progress that counts it
			if (p.phase === 'head') this.flush(true);
			events.onProgress?.(p);
		});
	}

	private progress(p: CorpusProgress): void {
		if (p.phase === 'files') this.flush(true);
		this.events.onProgress?.(p);
	}

	private get recordsKey(): string {
		return fileRecordsKey(this.shard, this.shards);
	}

	/** the file records and the index cache, read and decoded ahead of `open` (see preload) */
	private preloaded: Promise<{ bytes?: Uint8Array; records?: Map<string, FileRecord>; sum?: number }> | undefined;

	/**
	 * Starts reading both caches at once, before `open` brings the file list: a worker calls it when
	 * it starts, so a warm start's decoding overlaps the editor's listing of the workspace. The next
	 * `open` takes what it read (and reads again if called without it). By default the records decode
	 * first, and the index (the longest part of a warm start) only a turn later: a `known` request
	 * that came meanwhile sends the tree its summaries first. `indexFirst` where the extension host
	 * shows the records' summaries itself (the Node workers, see readKnownSummaries): the index
	 * decodes as soon as it is read, without waiting for the records (inflated in the thread pool,
	 * as they were before COMPRESS_RECORDS, they decoded first in 140 ms of a warm start in the
	 * editor, and the index waited for them). A `known` request that must send this shard's own
	 * summaries (another window rewrote the cache since the host read it) then sends them once the
	 * index is decoded.
	 */
	preload(indexFirst = false): void {
		if (this.preloaded) return;
		this.preloaded = this.readRecords();
		this.search.preload(indexFirst ? undefined : this.preloaded.then(() => this.io.yield()));
	}

	/** paths whose cached summary `sendKnown` sent since the last `open` (which then sends only what differs) */
	private sentEarly = new Set<string>();

	/**
	 * Sends the tree every summary the file-records cache holds, before `open` brings the file list:
	 * a warm start shows the last session's days while the editor lists the workspace. `open` then
	 * sends only what differs: a file gone, changed, no longer listed or no longer a digest. When the
	 * host `shown` the summaries of the cache it read itself, and this shard read the same summaries
	 * (their checksum), nothing is sent; those files count as sent (open takes back what no longer
	 * holds). Other summaries (another window rewrote the cache in between) send this shard's.
	 */
	async sendKnown(shown?: KnownShown): Promise<number> {
		// after an open (a restarted worker re-sent this after the re-feed) the tree has it all
		if (this.openedOnce) return 0;
		this.preload();
		const { records, sum } = await (this.preloaded as Promise<{ records?: Map<string, FileRecord>; sum?: number }>);
		if (!shown || sum === undefined || sum !== shown.sum) {
			for (const [path, record] of records ?? []) {
				if (!record.summaryBytes || this.sentEarly.has(path)) continue;
				this.queue(cachedUpdate(path, record));
				this.sentEarly.add(path);
			}
			this.flush(true);
		}
		for (const path of shown?.paths ?? []) this.sentEarly.add(path);
		return this.sentEarly.size;
	}

	/** an open began: the early requests (sendKnown, readAhead) have nothing left to do */
	private openedOnce = false;

	/** what `readAhead` found, newer than any cache: the next `open` starts from it */
	private readAheadRecords = new Map<string, FileRecord>();

	/**
	 * Before the first `open` (a cold start, while the editor still lists the workspace): reads and
	 * parses the files a first look found where digests usually are, newest day first, and sends
	 * their summaries, keeping the parsed digests for the index like the tree pass does. `open`
	 * then reads only what this did not, and sends again only what differs. Resolves with how many
	 * digests it sent.
	 */
	async readAhead(files: readonly CorpusFileSpec[]): Promise<number> {
		if (this.openedOnce) return 0;
		const order = files.filter((f) => !this.sentEarly.has(f.path)).sort(newestDayFirst((path) => this.dayOfName(path) ?? ''));
		for (const file of order) if (file.always) this.always.add(file.path);
		await this.treePass(order, (path, record, isDigest) => {
			if (record) this.readAheadRecords.set(path, record);
			else this.readAheadRecords.delete(path);
			if (isDigest) this.sentEarly.add(path);
		});
		this.flush(true);
		return this.sentEarly.size;
	}

	/**
	 * The tree pass over `files`, in their order: each is read, detected and summarised (its summary
	 * sent), and a digest kept parsed for the index pass within the budget (see KEEP_PARSED_BYTES).
	 * Past it, a digest's short fields are kept, packed (~0.6 KB a paper against ~6 KB parsed, on 60
	 * real days; the index holds them anyway once it took them): every title is searchable without
	 * reading the file again, which the index does for the long fields after that (SearchShard.open).
	 * Before, three files in four of 4 copies of 167 real days were read and parsed twice before every
	 * title was searchable (12.3–13.3 s; 8.0–9.7 s since, in the CLI).
	 */
	private async treePass(files: readonly { path: string }[], read: (path: string, record: FileRecord | undefined, isDigest: boolean) => void = () => undefined): Promise<void> {
		let done = 0;
		this.io.prefetch?.(files.map((f) => f.path));
		for (const { path } of files) {
			const digest = await this.readFile(path, this.readTimings);
			const record = this.records.get(path);
			const isDigest = digest !== undefined && record?.summaryBytes !== undefined;
			if (isDigest && this.parsedBytes + record.size <= this.keepParsedBytes) {
				this.parsed.set(path, { size: record.size, mtime: record.mtime, digest });
				this.parsedBytes += record.size;
			} else if (isDigest) {
				this.parsed.set(path, { size: record.size, mtime: record.mtime, heads: packHeads(digest) });
			}
			read(path, record, isDigest);
			this.progress({ phase: 'files', done: ++done, total: files.length });
			await this.io.yield();
		}
	}

	private async readRecords(): Promise<{ bytes?: Uint8Array; records?: Map<string, FileRecord>; sum?: number }> {
		const bytes = await this.io.readCache('files').catch(() => undefined);
		return { bytes, ...(bytes && (await decodeSummedRecords(bytes, this.recordsKey))) };
	}

	/**
	 * Loads the caches, sends every known summary (but those sendKnown or readAhead sent and that did
	 * not change), reads what changed; resolves when everything is searchable, saying how many files
	 * it indexed (none: all from the cache).
	 */
	async open(files: readonly CorpusFileSpec[]): Promise<OpenReply> {
		this.openedOnce = true;
		const loading = this.preloaded ?? this.readRecords();
		this.preloaded = undefined;
		const { bytes: recordBytes, records: cached } = await loading;
		if (recordBytes && !cached) this.report({ kind: (await fileRecordsOutdated(recordBytes, this.recordsKey)) ? 'outdated' : 'corrupt', cache: 'files', detail: `${recordBytes.length} bytes did not decode` });
		// stored compressed by an earlier version (or the other way round): written again in this build's form
		if (recordBytes && cached && !storedAsWritten(recordBytes)) this.recordsDirty = true;
		const previous = cached ?? new Map<string, FileRecord>();
		// what readAhead read is newer than the cache; its digests' summaries went out then (sentEarly)
		const readAhead = [...this.readAheadRecords.keys()];
		for (const [path, record] of this.readAheadRecords) previous.set(path, record);
		this.readAheadRecords = new Map();
		if (readAhead.length > 0) this.recordsDirty = true;
		this.records = new Map();
		this.always.clear();
		const stamps = await Promise.all(files.map((f) => this.io.stat(f.path)));
		const toIndex: { path: string; size: number; mtime: number }[] = [];
		const early = this.sentEarly;
		this.sentEarly = new Set();
		// a summary sent early for a file that is not listed now, or not a digest now, is taken back
		const takeBack = (path: string) => {
			if (early.delete(path)) this.queue({ path });
		};
		files.forEach((file, i) => {
			const stamp = stamps[i];
			if (!stamp) {
				takeBack(file.path);
				return;
			}
			if (file.always) this.always.add(file.path);
			const known = previous.get(file.path);
			// a file that was a digest only by a glob that no longer names it is detected again; one a glob names now is read
			const unchanged = known && known.size === stamp.size && known.mtime === stamp.mtime && (known.summaryBytes !== undefined ? !known.always || !!file.always : !file.always);
			if (unchanged) {
				this.records.set(file.path, known);
				if (known.summaryBytes) {
					if (!early.delete(file.path)) this.queue(cachedUpdate(file.path, known));
					toIndex.push({ path: file.path, size: stamp.size, mtime: stamp.mtime });
				}
				return;
			}
			this.recordsDirty = true;
			if (!file.always && stamp.size > MAX_CANDIDATE_BYTES) {
				this.records.set(file.path, { ...stamp });
				takeBack(file.path);
				return;
			}
			// read again below: its new summary, or its removal, replaces what was sent early
			early.delete(file.path);
			toIndex.push({ path: file.path, size: stamp.size, mtime: stamp.mtime });
		});
		for (const path of [...early]) takeBack(path);
		if (previous.size !== this.records.size) this.recordsDirty = true;
		// the whole known tree first, before any file is read
		this.flush(true);
		// then the summary of every new or changed file, newest day first (the top of the tree is
		// complete first): parsing is ~3x cheaper than indexing, so the tree is complete long before
		// the index, which takes the digests parsed here (up to a budget) rather than parse them again
		const unknown = toIndex.filter((f) => !this.records.get(f.path)?.summaryBytes).sort(newestDayFirst((path) => this.dayOfName(path) ?? ''));
		await this.treePass(unknown);
		this.flush(true);
		this.events.onFilesReady?.(this.readTimings);
		this.readTimings = noTreePass();
		// the index pass reads these again only past the budget of kept digests, and sends nothing
		this.reading = new Set([...unknown.map((f) => f.path), ...readAhead]);
		// and these, whose summaries came from the file records, when the index cache did not load: it
		// sends theirs again only where this build's parser summarises them otherwise
		this.fromRecords = new Set(toIndex.filter((f) => !this.reading.has(f.path)).map((f) => f.path));
		// indexCacheBytes: what the index cache held, read by search.open or already by preload
		this.search.fromCache = false;
		// newest day first: a paper listed on several days is indexed once, from its newest listing
		// (the one search shows); oldest first would index it again for every later day (~1/3 of a real folder)
		const digests = toIndex.filter((f) => this.records.get(f.path)?.summaryBytes).sort(newestDayFirst((path) => this.records.get(path)?.day ?? ''));
		let indexed = await this.search.open(
			digests,
			() => {
				this.flush(true);
				this.events.onHeadReady?.();
			},
			// past KEEP_PARSED_BYTES, the files whose short fields only were taken are read again
			() => this.events.onFilled?.(),
		);
		this.reading.clear();
		this.fromRecords.clear();
		this.parsed.clear();
		this.parsedBytes = 0;
		const indexBytes = this.indexCacheBytes as Uint8Array | undefined;
		this.indexCacheBytes = undefined;
		if (indexBytes && indexBytes.length > 0 && !this.search.cacheDecoded) {
			this.report({ kind: indexCacheOutdated(indexBytes) ? 'outdated' : 'corrupt', cache: 'index', detail: `${indexBytes.length} bytes did not decode` });
		}
		// an index cache newer than the file records (or without them) skipped files whose summary is unknown
		for (const file of toIndex) {
			if (!this.records.has(file.path)) {
				// read again at once: the papers it was the newest listing of are refreshed after that
				// (updateFile), not from their older listings first
				this.search.index.removeFile(file.path);
				await this.search.updateFile(file);
				indexed++;
			}
		}
		this.flush(true);
		await this.saveRecords();
		this.search.finishInBackground();
		// a fill that waits (the browser build: see WorkIO.fillOnDemand) says so when it starts (fillLongFields)
		if (this.search.index.missingBodyCount > 0 && !this.search.longFieldsDeferred) this.events.onFilling?.();
		// a fill that failed midway ends too: asked again, interests give their final answer over what was read
		const filled = () => this.events.onFilled?.();
		void this.search.background.then(filled, filled);
		return { indexed };
	}

	/** Re-reads one file (added or changed). */
	async update(file: CorpusFileSpec): Promise<void> {
		if (file.always) this.always.add(file.path);
		else this.always.delete(file.path);
		const stamp = await this.io.stat(file.path);
		if (!stamp) {
			await this.remove(file.path);
			return;
		}
		this.recordsDirty = true;
		if (!file.always && stamp.size > MAX_CANDIDATE_BYTES) {
			this.records.set(file.path, { ...stamp });
			await this.dropListings(file.path);
		} else {
			await this.search.updateFile({ path: file.path, ...stamp });
			this.flush(true);
		}
	}

	/** Drops a file (see dropListings). */
	async remove(path: string): Promise<void> {
		this.always.delete(path);
		if (this.records.delete(path)) this.recordsDirty = true;
		await this.dropListings(path);
	}

	/**
	 * A file's papers out of the index and the tree: the tree hears of it at once; resolves once the
	 * papers it was the newest listing of are read from their next one (those whose text a warm start
	 * has not read back yet are the background fill's, which reads the same file). That refresh reads
	 * papers only (SearchShard.refreshOrphans), so it queues nothing for the tree.
	 */
	private async dropListings(path: string): Promise<void> {
		const refreshed = this.search.removeFile(path);
		this.queue({ path });
		this.flush(true);
		await refreshed;
	}

	/** the day in the name of the file `path` is the key of */
	private dayOfName(path: string): string | undefined {
		return dayFromPath(this.io.pathOf?.(path) ?? path);
	}

	/** The full paper `id` of `path` (the one nearest `near` when it repeats), read back from the file. */
	async paper(path: string, id: string, near = 0): Promise<PaperReply | undefined> {
		return (await this.papers(path, [{ id, near }]))[0];
	}

	/**
	 * The providers' view of an open document (Outline, folding, CodeLens, diagnostics), parsed here
	 * so a large one never blocks the editor's thread: from `text` when given (unsaved changes), else
	 * from the file. Any file, owned by this shard or not.
	 */
	async documentView(path: string, text?: Uint8Array): Promise<DocumentView | undefined> {
		const source = text ? { text: new TextDecoder().decode(text) } : await this.io.readText(path);
		if (source === undefined) return undefined;
		return buildDocumentView(parseText(this.io, source, path), lineReader(source.text));
	}

	/**
	 * Several papers of one file, read and parsed once (an export of a day or a collection): answers
	 * in the order asked, undefined for a paper no longer there.
	 */
	async papers(path: string, refs: readonly { id: string; near?: number }[]): Promise<(PaperReply | undefined)[]> {
		const read = await this.io.readText(path);
		if (read === undefined) return refs.map(() => undefined);
		const digest = parseText(this.io, read, path);
		return refs.map(({ id, near = 0 }) => {
			const best = findPaperIndex(digest, id, near);
			return best === undefined ? undefined : { paper: digest.papers[best], day: digest.day, label: digest.label, index: best };
		});
	}

	/** Field coverage of every digest of this shard (each read and parsed again: a report, not a hot path). */
	async coverage(by: 'template' | 'file'): Promise<FieldCoverage[]> {
		const groups = new Map<string, FieldCoverage>();
		for (const [path, record] of this.records) {
			if (!record.summaryBytes) continue;
			const read = await this.io.readText(path);
			if (read !== undefined) addCoverage(groups, parseText(this.io, read, path), by);
			await this.io.yield();
		}
		return [...groups.values()];
	}

	/**
	 * Replaces the named reader's sets (`is:unread`, `has:note`, `tag:…`: paper ids without version);
	 * an empty list keeps the name known. Sets not named stay as they are.
	 */
	setUserSets(sets: Readonly<Record<string, UserSet>>): void {
		for (const [name, set] of Object.entries(sets)) this.userSets.set(name.toLowerCase(), Array.isArray(set) ? new Set(set) : { not: set.not.map((n) => n.toLowerCase()) });
	}

	/** membership in a reader's set by paper id (a versioned id by its base id too) */
	private inUserSet(name: string, id: string): boolean {
		const set = this.userSets.get(name);
		if (set === undefined) return false;
		if (set instanceof Set) return set.has(id) || set.has(baseId(id));
		return !set.not.some((name) => {
			const other = this.userSets.get(name);
			return other instanceof Set && (other.has(id) || other.has(baseId(id)));
		});
	}

	/**
	 * Every paper of this shard that matches the reader's interests or is excluded, over the text the
	 * index already holds (title, TL;DR, summaries, abstract, all authors, category): no file is read.
	 * Results are kept per document, so asking again after files changed only matches the new ones.
	 */
	interests(spec: InterestSpec): InterestsReply {
		const started = this.io.now();
		const key = JSON.stringify(spec);
		if (this.interestCache?.key !== key) this.interestCache = { key, compiled: compileInterests(spec), results: new WeakMap() };
		const { compiled, results } = this.interestCache;
		const matches: InterestsReply['matches'] = [];
		let computed = 0;
		let partial = false;
		// authors and categories alone are matched without the long fields' text; keywords need it all
		const readsText = interestsReadText(compiled);
		if (readsText && this.search.longFieldsDeferred) this.fillLongFields();
		// once the fill is done, a text still missing is one it could not read back: the answer over the
		// rest is final (unreadable says how many files), not a count that never ends
		const filling = readsText && this.search.fillingLongFields;
		for (const doc of this.search.index.docs) {
			if (!doc) continue;
			let result = results.get(doc);
			if (result === undefined) {
				computed++;
				// after a warm start the long fields' text comes back in the background (SearchShard.finishInBackground),
				// and a cold build past KEEP_PARSED_BYTES reads it once every title is searchable: match without it
				// meanwhile, and keep only results over the whole text (onFilled asks again)
				const body = this.search.index.bodyOf(doc);
				result = matchInterests(compiled, { title: doc.title, translatedTitle: doc.translatedTitle, tldr: doc.tldr, body: body ?? '', authors: doc.authors, category: doc.category }) ?? null;
				if (body !== undefined || !readsText) results.set(doc, result);
				else if (filling) partial = true;
			}
			if (result) matches.push([doc.id, result]);
		}
		return { matches, errors: compiled.errors as string[], computed, partial, unreadable: this.search.unreadableFiles, ms: this.io.now() - started };
	}

	/** Reads the long fields' text back where a warm start left it for later (see SearchShard.fillLongFields), with onFilling and onFilled. */
	private fillLongFields(): void {
		this.events.onFilling?.();
		const filled = () => this.events.onFilled?.();
		void this.search.fillLongFields().then(filled, filled);
	}

	async searchText(text: string, limit: number, fuzzy = true): Promise<SearchReply> {
		const filter = this.setFilter(text);
		if (filter && 'error' in filter) return { ok: false, error: filter.error };
		// filtered before the best are chosen: asking for every match and filtering after explained each
		// of them (`is:starred model`: thousands of hits' words found, their texts read back after a warm start)
		return this.search.search(text, limit, fuzzy, filter?.keep);
	}

	async ids(text: string): Promise<IdsReply> {
		const filter = this.setFilter(text);
		if (filter && 'error' in filter) return { ok: false, error: filter.error };
		return this.search.ids(text, filter?.keep);
	}

	/** The query's reader's-set filters as a predicate; undefined without any, an error for a set nobody defined. */
	private setFilter(text: string): { keep: (id: string) => boolean } | { error: string } | undefined {
		const parsed = parseQuery(text);
		if (!parsed.ok || (parsed.query.sets.length === 0 && parsed.query.excludeSets.length === 0)) return undefined;
		const { sets, excludeSets } = parsed.query;
		// tags are open-ended (an unknown tag is an empty set); is:/has: names must exist
		const unknown = [...sets, ...excludeSets].find((name) => !name.startsWith('tag:') && !this.userSets.has(name));
		if (unknown) {
			const known = [...this.userSets.keys()].filter((n) => !n.startsWith('tag:')).sort();
			return { error: known.length > 0 ? `"${unknown}" is unknown: use ${known.join(' ')}` : `"${unknown}" is unknown here` };
		}
		return { keep: (id) => sets.every((name) => this.inUserSet(name, id)) && !excludeSets.some((name) => this.inUserSet(name, id)) };
	}

	/** Writes the caches that changed since they were read or last written. */
	async save(): Promise<void> {
		await this.search.save();
		await this.saveRecords();
	}

	/** every digest summary this shard holds (parsed from the bytes it keeps: a report, not a hot path) */
	summaries(): DigestSummary[] {
		const out: DigestSummary[] = [];
		for (const record of this.records.values()) {
			const summary = summaryOf(record);
			if (summary) out.push(summary);
		}
		return out;
	}

	private async saveRecords(): Promise<void> {
		if (!this.recordsDirty) return;
		this.recordsDirty = false;
		try {
			await this.writeCache('files', await encodeFileRecords(this.records, this.recordsKey));
		} catch {
			// a read-only or full disk costs a cold start next time, nothing more (reported once); the next save tries again
			this.recordsDirty = true;
		}
	}

	/** Writes a cache; a failure is reported (once) and rethrown for the caller to swallow. */
	private async writeCache(name: CacheName, bytes: Uint8Array): Promise<void> {
		try {
			await this.io.writeCache(name, bytes);
		} catch (err) {
			this.report({ kind: 'unwritable', cache: name, detail: err instanceof Error ? err.message : String(err) });
			throw err;
		}
	}

	private report(problem: CacheProblem): void {
		if (this.reported.has(problem.kind)) return;
		this.reported.add(problem.kind);
		this.events.onCacheProblem?.(problem);
	}

	/** what the tree passes' reads took since the last filesReady (see TreePassTimings) */
	private readTimings: TreePassTimings = noTreePass();

	/**
	 * The index's reader: what the tree pass kept of the file (see treePass; its short fields only
	 * where `headsOk`), else the file read (see readFile). The kept part is given once: the next call
	 * reads the file.
	 */
	private async readDigest(path: string, headsOk = false): Promise<Digest | { heads: Digest } | undefined> {
		const parsed = this.parsed.get(path);
		if (parsed) {
			this.parsed.delete(path);
			if ('digest' in parsed) this.parsedBytes -= parsed.size;
			else if (!headsOk) return this.readFile(path);
			const stamp = await this.io.stat(path);
			const known = this.records.get(path);
			// the file as the tree pass parsed it, whose summary went out then
			if (stamp && parsed.size === stamp.size && parsed.mtime === stamp.mtime && known?.summaryBytes && known.size === stamp.size && known.mtime === stamp.mtime) {
				return 'digest' in parsed ? parsed.digest : { heads: unpackHeads(parsed.heads) };
			}
			// changed since (or gone): read as it is now, stat-ed once
			return this.readFile(path, undefined, { stamp });
		}
		return this.readFile(path);
	}

	/**
	 * Detects, parses and summarises one file (its summary sent where new); undefined when it is no
	 * digest. A digest read whole adds its times to `timings` (the tree pass's). `stated`: the file's
	 * stat, when the caller just took it.
	 */
	private async readFile(path: string, timings?: TreePassTimings, stated?: { stamp: FileStamp | undefined }): Promise<Digest | undefined> {
		const stamp = stated ? stated.stamp : await this.io.stat(path);
		if (!stamp) {
			if (this.records.delete(path)) this.recordsDirty = true;
			this.queue({ path });
			return undefined;
		}
		// before the head: where the editor reads (proxyIO), the head's read brings the whole file
		const started = this.io.now();
		if (!this.always.has(path)) {
			const head = await this.io.readHead(path, DETECT_HEAD_BYTES);
			if (head === undefined || !looksLikeDigest(head)) {
				this.records.set(path, { ...stamp });
				this.recordsDirty = true;
				this.queue({ path });
				return undefined;
			}
		}
		const read = await this.io.readText(path);
		if (read === undefined) {
			if (this.records.delete(path)) this.recordsDirty = true;
			this.queue({ path });
			return undefined;
		}
		const readAt = this.io.now();
		const digest = parseText(this.io, read, path);
		const parsedAt = this.io.now();
		if (timings) {
			timings.files++;
			timings.readMs += readAt - started;
			timings.parseMs += parsedAt - readAt;
		}
		const known = this.records.get(path);
		const sent = known?.summaryBytes !== undefined && known.size === stamp.size && known.mtime === stamp.mtime ? known : undefined;
		if (sent && this.reading.has(path)) return digest;
		const summary = summarizeDigest(digest);
		const record = digestRecord(stamp, summary, this.always.has(path));
		if (timings) timings.summaryMs += this.io.now() - parsedAt;
		if (sent && this.fromRecords.has(path) && sameRecord(sent, record)) return digest;
		this.records.set(path, record);
		this.recordsDirty = true;
		this.queue({ path, summary, summaryBytes: record.summaryBytes });
		return digest;
	}

	private queue(update: FileUpdate): void {
		this.batch.push(update);
		if (this.batch.length >= BATCH_FILES) this.flush(true);
	}

	private flush(force: boolean): void {
		if (this.batch.length === 0 || (!force && this.batch.length < BATCH_FILES)) return;
		const files = this.batch;
		this.batch = [];
		this.events.onFiles?.(files);
	}
}
