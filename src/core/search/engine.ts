/**
 * One shard of the search index with its life cycle: load the cache, bring it up to
 * date file by file (path + size + mtime), or build cold in two passes (titles, authors,
 * ids and categories first, then the TL;DR and the long fields), then save. Runs in a worker thread (worker.ts), in
 * the CLI, or in-process in small slices when workers are unavailable.
 */
import type { Digest, Paper } from '../model';
import { runInSlices } from '../steps';
import { indexPendingBodies, type BodyCounter } from './bodySplit';
import { decodeCache, encodingCache } from './cache';
import { PaperIndex, type DocRecord, type FileEntry } from './index';
import { parseQuery } from './query';
import type { FileSpec, IndexPhase, ProgressPhase, SearchReply, IdsReply } from './protocol';

export interface ShardIO extends WorkIO {
	/**
	 * the file parsed, or undefined when it cannot be read (deleted meanwhile, …); with `headsOk`, may
	 * be `heads`: its papers' short fields only (see packHeads), which the caller reads again in full
	 * before the long fields are indexed (the next call reads the file)
	 */
	readDigest(path: string, headsOk?: boolean): Promise<Digest | { heads: Digest } | undefined>;
	/** the same without telling anyone (the file is known and unchanged): to read back text a cache left out */
	readPapers(path: string): Promise<Digest | undefined>;
	/**
	 * Papers `ids` of such a file parsed from their own lines (see paperFragments), undefined where
	 * that cannot be done; their text is taken only where it is the indexed one (see checked)
	 */
	readPaperTexts?(path: string, ids: ReadonlySet<string>): Promise<Digest | undefined>;
	readCache(): Promise<Uint8Array | undefined>;
	writeCache(bytes: Uint8Array): Promise<void>;
}

/** How a shard's work is paced and helped where it runs: the part of its IO that a shard's search index and its corpus share. */
export interface WorkIO {
	/** lets an in-process caller give the thread back between slices of work */
	yield(): Promise<void>;
	now(): number;
	/** longest run of body indexing between two yields (default 25 ms) */
	sliceMs?: number;
	/** a full garbage collection, where the host allows one (the worker thread: see worker.ts) */
	collectGarbage?(): void;
	/**
	 * The host's own work once an open is done, before the shard's background work starts (the
	 * worker: the collections that free the start's garbage, run when no request waits); resolves
	 * when it is done.
	 */
	afterOpen?(): Promise<void>;
	/** the files about to be read, in order: a file API with round trips reads ahead (proxyIO) */
	prefetch?(paths: readonly string[]): void;
	/** a helper on another core for a cold build's long fields (see bodySplit.ts; nodeIO: a worker thread), where the host has one */
	bodyCounter?(): BodyCounter | undefined;
	/**
	 * Every read crosses a slow link (the browser build's: each file's bytes through the workbench's
	 * thread): a warm start reads the long fields' text back only once something needs all of it
	 * (SearchShard.fillLongFields: interests with keywords); a query reads its candidates' as ever.
	 */
	fillOnDemand?: boolean;
}

export interface ShardProgress {
	phase: ProgressPhase;
	done: number;
	total: number;
}

/**
 * A cold build's second pass's progress counts a paper of a file read again for its long fields (see
 * SearchShard.open) as this many units of PaperIndex.secondPassWork: 38 µs a paper read and parsed,
 * 27 µs a unit of the second pass (4 copies of 167 real days, plain Node).
 */
const REREAD_WORK_PER_PAPER = 1.4;
/** how many files reading back the long fields takes between two full GCs (where the host allows them) */
const FILL_GC_FILES = 16;
/** papers whose long fields a warm start's background fill packs between two yields (a few ms) */
const FILL_PAPERS = 32;
/** longest run of background work (body indexing) between two yields */
const BODY_SLICE_MS = 25;
/**
 * a save's slices: shorter, as everything is searchable by then and a reader may be searching (a
 * search waited ~35 ms on average for 25 ms slices in the editor, right after a cold build)
 */
const SAVE_SLICE_MS = 10;

export class SearchShard {
	index = new PaperIndex();
	phase: IndexPhase = 'empty';
	/** the last open took its index from the cache */
	fromCache = false;
	/** the last open found a cache that decoded, taken or not (a cold build was quicker: see mostlyNew) */
	cacheDecoded = false;
	/**
	 * The index as the cache on disk holds it (the one decoded, or the last one written): a save
	 * with nothing new writes nothing. The editor asks for a save a while after the workspace
	 * changed, a start's files included, and each rewrote the unchanged 37 MB cache of 167 days
	 * (0.5–0.9 s in plain Node) a minute after every window opened.
	 */
	private onDisk: { index: PaperIndex; version: number; fileVersion: number } | undefined;
	/** settles when the work deferred past open is done (see finishInBackground) */
	background: Promise<void> = Promise.resolve();
	/** resolves when no query is reading its candidates' files back (see checked): the background fill waits for it */
	private queryReads: Promise<void> = Promise.resolve();
	/** true while that work runs */
	busy = false;
	/** opens begun; a background fill ends `filling` only for the open it follows */
	private opens = 0;
	/**
	 * the last open's papers whose long-field text is not in memory may still get it: from the open's
	 * start until its background fill is done (a cold build's second read happens within the open)
	 */
	private fillingBodies = false;
	/** the last open's fill waits for fillLongFields (io.fillOnDemand) */
	private fillDeferred = false;
	/**
	 * files the background fill could not read back (gone or unreadable when it came to them): their
	 * papers keep their short fields only until the file changes or goes (indexFile, removeFile)
	 */
	private readonly unreadBack = new Set<string>();

	constructor(
		private readonly io: ShardIO,
		private readonly key: string,
		private readonly onProgress: (p: ShardProgress) => void = () => undefined,
	) {}

	/** the index cache, read and decoded ahead of `open` (see preload) */
	private preloaded: Promise<PaperIndex | undefined> | undefined;

	/**
	 * Starts reading and decoding the index cache before `open` says which files there are: a warm
	 * start's largest cost, done while the editor still lists the workspace. The next `open` takes it.
	 */
	preload(decodeAfter?: Promise<unknown>): void {
		this.preloaded ??= this.loadCache(decodeAfter).then((index) => {
			// until the first open says which files there are, queries are answered from the last
			// session's index (a warm start: searchable while the editor still lists the workspace);
			// open then takes this same index and corrects what differs
			if (index && !this.openStarted) this.index = index;
			return index;
		});
	}

	/** resolves once the cache `preload` started reading is decoded (at once when none was started) */
	async whenPreloaded(): Promise<void> {
		await this.preloaded;
	}

	/** an open began: from then on the index is the one open chose */
	private openStarted = false;
	/** the last refreshOrphans run */
	private refreshing: Promise<void> = Promise.resolve();

	/** reads the cache at once; decodes it once `decodeAfter` settled (the thread's other start-up work first) */
	private loadCache(decodeAfter?: Promise<unknown>): Promise<PaperIndex | undefined> {
		return this.io
			.readCache()
			.then(async (bytes) => {
				await decodeAfter?.catch(() => undefined);
				const index = bytes ? await decodeCache(bytes, this.key) : undefined;
				// as decoded: a change made before open takes it (a file event) is not on disk
				if (index) this.onDisk = { index, version: index.version, fileVersion: index.fileVersion };
				return index;
			})
			.catch(() => undefined);
	}

	/**
	 * Loads or builds the index for exactly these files; resolves, with how many files were (re)indexed,
	 * when everything is searchable. `onHeadReady`: every title is; `onReread`: a cold build read again
	 * the files it took the short fields of (see readDigest), whose long-field text is in memory again.
	 */
	async open(files: readonly FileSpec[], onHeadReady: () => void = () => undefined, onReread: () => void = () => undefined): Promise<number> {
		const opening = ++this.opens;
		this.fillingBodies = true;
		this.fillDeferred = false;
		this.unreadBack.clear();
		try {
			return await this.openFiles(files, onHeadReady, onReread);
		} catch (err) {
			// no fill follows a failed open: what lacks its text now stays so
			if (this.opens === opening) this.fillingBodies = false;
			throw err;
		}
	}

	private async openFiles(files: readonly FileSpec[], onHeadReady: () => void, onReread: () => void): Promise<number> {
		this.openStarted = true;
		const loading = this.preloaded ?? this.loadCache();
		this.preloaded = undefined;
		let cached = await loading;
		this.cacheDecoded = cached !== undefined;
		const wanted = new Map(files.map((f) => [f.path, f]));
		if (cached && mostlyNew(cached, files)) {
			// the folder moved or was renamed (or the CLI's DIR named another way): indexing every file
			// again into the cached index took longer than a cold build (8–15 s against 7–10 s on 167
			// real days: long fields inline, no helper) and kept every old paper's slot in it
			cached = undefined;
			this.index = new PaperIndex();
		}
		let changed = 0;
		if (cached) {
			this.index = cached;
			this.fromCache = true;
			for (const path of [...cached.files.keys()]) {
				if (!wanted.has(path)) {
					cached.removeFile(path);
					changed++;
				}
			}
			// the papers those files listed, from their other listings (see refreshOrphans): a search
			// right after open (the CLI's) and the cache saved then hold them as a cold build would
			if (changed > 0) await this.refreshOrphans();
		}
		// no cache read (none, or damaged): whatever an earlier open wrote is not known to be there
		if (!cached) this.onDisk = undefined;
		this.index.deferBodies = !cached;
		const todo = files.filter((f) => {
			const entry = this.index.files.get(f.path);
			return !entry || entry.size !== f.size || entry.mtime !== f.mtime;
		});
		let done = 0;
		// the files read for their short fields only (see readDigest) are read again once every title is
		// searchable, which counts in the second pass's progress; a list of ids waits for it (see checked)
		let rereadTotal = 0;
		let reread = 0;
		const bodyProgress = (indexed: number, total: number) => this.onProgress({ phase: 'body', done: reread + indexed, total: rereadTotal + total });
		let rereadDone!: () => void;
		this.rereading = new Promise<void>((resolve) => (rereadDone = resolve));
		try {
			const unread: FileSpec[] = [];
			this.io.prefetch?.(todo.map((f) => f.path));
			for (const file of todo) {
				if (await this.indexFile(file, true)) unread.push(file);
				changed++;
				this.onProgress({ phase: 'head', done: ++done, total: todo.length });
				await this.io.yield();
			}
			// in slices (~130 ms for a cold build's words), queries answered in between
			await this.inSlices(this.index.sortingTerms(), () => true);
			this.phase = 'head';
			onHeadReady();
			const rereadWork = unread.map((f) => REREAD_WORK_PER_PAPER * (this.index.files.get(f.path)?.ids.length ?? 0));
			rereadTotal = rereadWork.reduce((a, b) => a + b, 0);
			this.io.prefetch?.(unread.map((f) => f.path));
			for (const [i, file] of unread.entries()) {
				await this.updateFile(file);
				reread += rereadWork[i];
				bodyProgress(0, this.index.secondPassWork);
				await this.io.yield();
			}
			// every paper's long-field text is in memory again (what was matched without it can be asked again)
			if (unread.length > 0) onReread();
		} finally {
			rereadDone();
		}
		const totalBodies = this.index.pendingBodyCount;
		await indexPendingBodies(this.index, {
			sliceMs: this.io.sliceMs ?? BODY_SLICE_MS,
			now: this.io.now,
			yield: () => this.io.yield(),
			onProgress: bodyProgress,
			counter: this.io.bodyCounter,
		});
		this.index.deferBodies = false;
		this.phase = 'full';
		this.onProgress({ phase: 'full', done: totalBodies, total: totalBodies });
		if (changed > 0 || !cached) await this.save();
		return todo.length;
	}

	/**
	 * Starts what a start leaves for later, between queries: after a warm start, reading back the
	 * long-field text the cache left out (quoted phrases and Chinese runs are checked against it:
	 * until then a query reads its candidates' files first, see checked; matched words are looked
	 * up in it), one file at a time, newest first. Called by the owner once its own
	 * start-up is done. Where reads are slow (io.fillOnDemand) the fill waits for fillLongFields.
	 */
	finishInBackground(): void {
		this.fillDeferred = this.io.fillOnDemand === true && this.index.missingBodyCount > 0;
		const deferred = this.fillDeferred;
		// after the host's own work (a warm start's garbage freed first: the fill's allocations do not pile up on it)
		this.runInBackground(
			Promise.resolve(this.io.afterOpen?.())
				// first the lookup tables a warm start leaves unbuilt (the CJK codes, the words' hash: 35–60 ms
				// on 167 real days), before the fill's 4–5 s: every query looks its words up, and a file changed
				// meanwhile looks up each of its words
				.then(() => this.index.prepareLookups())
				.then(() => (deferred ? undefined : this.fill())),
		);
	}

	/**
	 * Reads the long fields' text back now, where the last open's fill waits for it (io.fillOnDemand:
	 * a warm start of the browser build); resolves when it is back, or at once when no fill waits.
	 */
	fillLongFields(): Promise<void> {
		if (!this.fillDeferred) return this.background;
		this.fillDeferred = false;
		this.fillingBodies = true;
		const before = this.background;
		return this.runInBackground(before.then(() => this.fill()));
	}

	/** Whether the last open's papers lack their long fields' text until fillLongFields is called. */
	get longFieldsDeferred(): boolean {
		return this.fillDeferred;
	}

	private fill(): Promise<void> {
		const index = this.index;
		const { version } = index;
		return (
			this.fillHeld
				.then(() => this.fillBodies())
				// what the fill did not settle: papers whose newest listing went (see refreshOrphans)
				.then(() => this.refreshOrphans())
				// papers the fill found changed where their file's size and time did not tell (a time put
				// back): saved, or every later start would search them as they were until the cache went
				.then(() => (this.index === index && index.version !== version ? this.save() : undefined))
		);
	}

	/** `work` as the background work of the last open: busy until it settles, filling until then unless a fill still waits */
	private runInBackground(work: Promise<void>): Promise<void> {
		this.busy = true;
		const opening = this.opens;
		const run: Promise<void> = work.finally(() => {
			// a later run (fillLongFields after this one) owns the flags
			if (this.background !== run) return;
			this.busy = false;
			if (this.opens === opening) this.fillingBodies = false;
		});
		this.background = run;
		return run;
	}

	/** resolves when the fill may run (see holdFill) */
	private fillHeld: Promise<void> = Promise.resolve();
	private releaseFill: (() => void) | undefined;

	/**
	 * For tests: holds the background reading back of the long fields' text (a fill under way stops
	 * before its next file) until released, so that the state between a warm start and the end of its
	 * fill, seconds in plain Node and minutes in a loaded browser, can be looked at.
	 */
	holdFill(hold: boolean): void {
		if (hold && !this.releaseFill) this.fillHeld = new Promise<void>((resolve) => (this.releaseFill = resolve));
		if (!hold && this.releaseFill) {
			this.releaseFill();
			this.releaseFill = undefined;
		}
	}

	/**
	 * May a paper whose long-field text is not in memory now still get it? True until the last open's
	 * background fill is done, one that waits for fillLongFields included; after it, only a change of
	 * its file brings the text (see unreadableFiles).
	 */
	get fillingLongFields(): boolean {
		return this.fillingBodies || this.fillDeferred;
	}

	/** How many files of the index the background fill could not read back, whose papers lack their long-field text (see readBack). */
	get unreadableFiles(): number {
		let count = 0;
		for (const path of this.unreadBack) if (this.index.lacksBodies(path)) count++;
		return count;
	}

	private async fillBodies(): Promise<void> {
		await this.io.yield();
		let read = 0;
		// the entries of the files read, or found with nothing to read back (a change replaces a file's
		// entry): a paper whose text is not read back yet can move to another file meanwhile, as its
		// changes tell an unchanged paper by its hash
		const done = new Set<FileEntry>();
		for (let path = this.nextToFill(done); path !== undefined; path = this.nextToFill(done)) {
			// a query reading its candidates' files goes first: interleaved, each waited for the other's reads and packing
			await this.queryReads;
			await this.fillHeld;
			done.add(this.index.files.get(path) as FileEntry);
			await this.readBack(path, true);
			// each file's text and parse outlive a young-generation pass and would pile up in the old
			// one until V8 next collects it: ~50 MB above the settled size during this pass, measured
			if (++read % FILL_GC_FILES === 0) this.io.collectGarbage?.();
			await this.io.yield();
		}
	}

	/**
	 * Reads one file's papers and gives the index their long-field text back, in slices of FILL_PAPERS
	 * with a yield between them (and before the first, with `yieldFirst`): packing a file's long fields
	 * took 5–40 ms, and a query waited for it (in process, this is the editor's thread). A file that
	 * cannot be read gives nothing, and is counted (unreadableFiles) until it changes or goes.
	 */
	private async readBack(path: string, yieldFirst: boolean): Promise<void> {
		const digest = await this.io.readPapers(path).catch(() => undefined);
		if (digest === undefined) this.unreadBack.add(path);
		for (let from = 0; digest && from < digest.papers.length; from += FILL_PAPERS) {
			if (yieldFirst || from > 0) await this.io.yield();
			await this.queryReads;
			this.index.fillBodies(digest, from, FILL_PAPERS);
		}
	}

	/** The newest file not `done` with a paper whose long-field text is not read back yet. */
	private nextToFill(done: Set<FileEntry>): string | undefined {
		if (this.index.missingBodyCount === 0) return undefined;
		let best: [string, FileEntry] | undefined;
		for (const [path, entry] of this.index.files) {
			if (done.has(entry)) continue;
			// newest as a document's listings are ordered (compareOcc): by day, then the smaller path
			if (best && (entry.day < best[1].day || (entry.day === best[1].day && path > best[0]))) continue;
			if (this.index.lacksBodies(path)) best = [path, entry];
			else done.add(entry);
		}
		return best?.[0];
	}

	/** Re-reads one file (added or changed); only its papers are touched. */
	async updateFile(file: FileSpec): Promise<void> {
		await this.indexFile(file, false);
	}

	/**
	 * Reads one file and indexes its papers. `firstPass` (an open's): a cold build takes what the
	 * tree pass kept of a file past its budget, the papers' short fields (see readDigest), and says
	 * so; anywhere else the file is read whole.
	 */
	private async indexFile(file: FileSpec, firstPass: boolean): Promise<boolean> {
		const read = await this.io.readDigest(file.path, firstPass && this.index.deferBodies);
		this.unreadBack.delete(file.path);
		const stat = { size: file.size, mtime: file.mtime };
		const headsOnly = read !== undefined && 'heads' in read;
		if (read === undefined) this.index.removeFile(file.path);
		else if ('heads' in read) this.index.addFile(file.path, read.heads, stat, true);
		else this.index.addFile(file.path, read, stat);
		await this.refreshOrphans();
		return headsOnly;
	}

	/** settles once the last open read again the files it took the short fields of (see open) */
	private rereading: Promise<void> = Promise.resolve();

	/**
	 * Drops one file's listings at once (queries from then on no longer find them); the papers it was
	 * the newest listing of are read again from their next one before this resolves (with whether the
	 * file was indexed), as a changed file's are before updateFile resolves. Papers whose text a warm
	 * start has not read back yet are left to the background fill, which reads the same file.
	 */
	async removeFile(path: string): Promise<boolean> {
		this.unreadBack.delete(path);
		const removed = this.index.removeFile(path);
		if (removed) await this.refreshOrphans();
		return removed;
	}

	/**
	 * Gives the papers whose newest listing went (a file removed or changed without them) their
	 * next listing's version, as a cold build of the files left has them: reads each file that is
	 * now such a paper's newest listing (see PaperIndex.orphanedListings). One run at a time; a call
	 * meanwhile waits for it and runs again.
	 */
	refreshOrphans(): Promise<void> {
		const run = async () => {
			for (let listings = this.index.orphanedListings(); listings.size > 0; listings = this.index.orphanedListings()) {
				for (const [path, ids] of listings) {
					const index = this.index;
					const digest = await this.io.readPapers(path).catch(() => undefined);
					if (this.index === index) this.index.refreshFrom(path, ids, digest);
				}
			}
		};
		// best effort: a failure costs the papers their next listing's version until a cold build, not the request
		this.refreshing = this.refreshing.then(run).catch(() => undefined);
		return this.refreshing;
	}

	async save(): Promise<void> {
		// the cache holds no long-field text, so it cannot hold a document whose long fields are not indexed yet
		if (this.index.pendingBodyCount > 0) return;
		// in slices, queries answered in between: a cold build's freeze takes ~0.5 s, its encoding 250–450 ms
		const index = this.index;
		const { version, fileVersion } = index;
		const onDisk = this.onDisk;
		if (onDisk && onDisk.index === index && onDisk.version === version && onDisk.fileVersion === fileVersion) return;
		const unchanged = () => this.index === index && index.version === version && index.fileVersion === fileVersion;
		if (!(await this.inSlices(index.freezing(), unchanged, SAVE_SLICE_MS))) return;
		try {
			const encoded = await this.inSlices(encodingCache(index, this.key), unchanged, SAVE_SLICE_MS);
			if (!encoded) return;
			await this.io.writeCache(encoded.value);
			this.onDisk = { index, version, fileVersion };
		} catch {
			// a read-only or full disk (or an index the encoder finds inconsistent) costs a cold start next time, nothing more
		}
	}

	/**
	 * Runs `steps` to the end, yielding to pending requests whenever a slice's time is up; undefined
	 * when the index changed meanwhile (its owner lets nothing change it during a save: a safeguard,
	 * the next save writes the cache).
	 */
	private inSlices<T>(steps: Generator<void, T>, unchanged: () => boolean, sliceMs = BODY_SLICE_MS): Promise<{ value: T } | undefined> {
		// the owner's own slice (in process, on the editor's thread: 15 ms; tests: 0) when shorter
		return runInSlices(steps, this.io, unchanged, sliceMs);
	}

	/**
	 * Can the index not answer on every field yet? Until an open made it complete (a warm start's
	 * preloaded index answers before it), and while the last open's papers still lack the long
	 * fields' text and may get it (see fillingLongFields): their postings came from the cache, but
	 * the words a hit matched are read from that text, so a paper found by a word of its abstract
	 * alone looked like a typo's match ("no paper has …: similar spellings shown") for as long as
	 * the fill took (4–5 s in plain Node, minutes in a loaded browser, whose reads cross the editor).
	 */
	get loading(): boolean {
		return this.phase !== 'full' || (this.index.missingBodyCount > 0 && (this.fillingBodies || !this.openStarted));
	}

	/** `keep`: the papers, by id, the answer may list (see SearchOptions.keep) */
	search(text: string, limit: number, fuzzy = true, keep?: (id: string) => boolean): Promise<SearchReply> {
		const parsed = parseQuery(text);
		if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
		const keepDoc = byId(keep);
		return this.checked((unchecked) => ({ ok: true, result: { ...this.index.search(parsed.query, limit, { fuzzy, unchecked, keep: keepDoc }), loading: this.loading } }));
	}

	/** every match's id; `keep` as for search */
	ids(text: string, keep?: (id: string) => boolean): Promise<IdsReply> {
		const parsed = parseQuery(text);
		if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
		const keepDoc = byId(keep);
		return this.checked((unchecked) => ({ ok: true, ids: this.index.search(parsed.query, Number.MAX_SAFE_INTEGER, { matched: false, unchecked, keep: keepDoc }).hits.map((h) => h.id) }), true);
	}

	/**
	 * Runs a query until every candidate it shows was checked: a quoted phrase, an excluded one or
	 * a Chinese run is checked against the long fields' text, which a warm start reads back in the
	 * background (finishInBackground) for 4–5 s. A paper not read back yet counted as a match, and
	 * the first phrase search after a warm start listed papers without the phrase (the CLI, whose
	 * one query always came first: `"reward model"` 1,236 hits for 140, `trends --term` 5–30× the
	 * counts). Each paper it could not check is read back from every listing's file first, its text
	 * alone (the fill takes the files' other papers: reading back whole files made such a query's
	 * first run after a warm start 0.7–2.7 s on 167 real days, where it now takes 0.15–0.75 s), and the
	 * query runs again; a paper whose file cannot be read is tried once. The fill waits meanwhile.
	 * A cold build's paper whose file it reads again for the long fields (see open) is left as a
	 * match, the answer approximate; `exact` (a list of ids, which cannot say so) waits for that read.
	 */
	private async checked<R>(run: (unchecked: (doc: DocRecord) => void) => R, exact = false): Promise<R> {
		// per file, the papers of it read back (a file that cannot be read is tried once for each)
		const tried = new Map<string, Set<string>>();
		const add = (map: Map<string, Set<string>>, file: string, ids: Iterable<string>) => {
			const set = map.get(file) ?? new Set<string>();
			for (const id of ids) set.add(id);
			map.set(file, set);
		};
		let reads = 0;
		let waited = false;
		for (;;) {
			// per file, the papers of it the query could not check
			const files = new Map<string, Set<string>>();
			let unread = false;
			const reply = run((doc) => {
				// its long fields are pending, one listing's not read yet: nothing to read back
				if (doc.pending !== undefined) unread = true;
				else for (const { file } of doc.occ) if (!tried.get(file)?.has(doc.id)) add(files, file, [doc.id]);
			});
			if (unread && exact && !waited) {
				waited = true;
				await this.rereading;
				continue;
			}
			if (files.size === 0) return reply;
			let finished!: () => void;
			const reading = new Promise<void>((resolve) => (finished = resolve));
			this.queryReads = this.queryReads.then(() => reading);
			try {
				// the candidates listed on several days, by file: their listings read from their own lines
				const fragments = new Map<string, Map<string, Paper>>();
				// the files to read whole after the own lines, with their papers to take (every paper: a file read before)
				const whole = new Map<string, Set<string>>();
				const everyPaper = new Set<string>();
				for (const [path, ids] of files) {
					// a file read again (the candidates of the last round lacked the phrase, the next ones are in it
					// too) gives every paper of it: a file is read whole once more at most, however many rounds
					const readBefore = tried.has(path);
					add(tried, path, ids);
					// papers from their own lines (a whole file's parse for one paper's text was most of such a
					// query's time), any that did not read as indexed from the whole file; a paper listed on
					// several days once every listing is read (below)
					const own = readBefore ? undefined : await this.io.readPaperTexts?.(path, ids).catch(() => undefined);
					const left = own ? new Set(this.index.fillBodies(own, 0, Infinity, ids, true)) : new Set(ids);
					for (const paper of own?.papers ?? []) {
						if (!left.has(paper.id) || (this.index.byId.get(paper.id)?.occ.length ?? 0) < 2) continue;
						left.delete(paper.id);
						fragments.set(paper.id, (fragments.get(paper.id) ?? new Map<string, Paper>()).set(path, paper));
					}
					if (readBefore) everyPaper.add(path);
					if (left.size > 0 || readBefore) add(whole, path, left);
				}
				// those whose listings do not make the indexed text, or were not all read (a file of theirs
				// read before, or whose own lines could not be read), from their whole files
				for (const [id, byFile] of fragments) {
					if (!this.index.settleFromFragments(id, byFile)) for (const { file } of this.index.byId.get(id)?.occ ?? []) add(whole, file, [id]);
				}
				// each file read whole once in a round
				for (const [path, ids] of whole) {
					const digest = await this.io.readPapers(path).catch(() => undefined);
					if (digest) this.index.fillBodies(digest, 0, Infinity, everyPaper.has(path) ? undefined : ids);
					if (++reads % FILL_GC_FILES === 0) this.io.collectGarbage?.();
				}
			} finally {
				finished();
			}
		}
	}
}

/**
 * Whether a cold build beats updating this cached index: when over three quarters of the files are
 * new to it (a file new to the cache is indexed with its long fields inline, at ~1.5x its share of
 * a cold build, which defers them and shares them with a helper thread). A known file that changed
 * is compared paper by paper (its unchanged papers are kept), and a file gone costs little to remove.
 */
function mostlyNew(cached: PaperIndex, files: readonly FileSpec[]): boolean {
	let known = 0;
	for (const f of files) if (cached.files.has(f.path)) known++;
	return files.length - known > 3 * known;
}

/** A filter of paper ids as one of documents (SearchOptions.keep). */
function byId(keep: ((id: string) => boolean) | undefined): ((doc: DocRecord) => boolean) | undefined {
	return keep && ((doc) => keep(doc.id));
}
