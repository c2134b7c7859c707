/**
 * The corpus service the extension and the CLI talk to: N shards (files are split by a hash of
 * their path), each in its own worker thread, or one in-process shard where workers are
 * unavailable. The shards own the files: they read, parse and index them and send back a
 * summary of each file. Search results of the shards are merged by paper id (a paper listed in
 * files of both shards appears once, with all its days).
 */
import { fnv1aUnits } from '../checksum';
import { Listeners } from '../listeners';
import type { DocumentView } from '../documentView';
import { mergeCoverage, type FieldCoverage } from '../parse/coverage';
import type { CacheProblem, CorpusFileSpec, FileUpdate, KnownShown, OpenReply, PaperReply } from '../corpus/shard';
import { isReadRequest } from '../corpus/requests';
import type { CountRange } from './count';
import type { SearchHit } from './index';
import { mergeInterestMatches, type InterestMatch, type InterestSpec } from '../interests';
import { mergeAuthorsLike, type AuthorsLikeReply } from './authorsLike';
import { decodeFileUpdates, noTreePass, type IdsReply, type IndexPhase, type InterestsReply, type ProgressPhase, type SearchReply, type ShardStats, type TreePassTimings, type UserSet, type WorkerInit, type WorkerMessage, type WorkerRequest } from './protocol';
import { parseQuery, quoteAuthorNames } from './query';
import type { LinearModel } from '../recs/linear';
import { orderScores, topicOrder, type RankedPaper } from '../recs/topics';
import { mergeBatches, type VectorBatch } from '../recs/batch';
import { MIN_SIMILARITY, mergeById, type SimilarHit } from '../recs/shard';
import type { TermVector } from '../recs/tfidf';
import { mergeRising, rankRising, risingMinPapers, type RisingReply } from '../trends/rising';
import { mergeTermCounts, mergeTermDays, mergeTop, skipLists, type DayRange, type FolderTermCount, type TermDaysReply, type TopReply } from '../trends/shard';

export interface SearchProgress {
	phase: ProgressPhase | 'restarting';
	/** files read (head pass) or documents whose long fields are indexed (body pass), over all shards */
	done: number;
	total: number;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** One shard, wherever it runs. */
export interface ShardHandle {
	call(request: Request): Promise<unknown>;
	onEvent(listener: (event: WorkerMessage | { event: 'restarting' }) => void): void;
	/** ends the worker as a crash would (it is restarted); for fault tests */
	kill?(): void;
	/** resolves when no worker swap (see RestartingShardOptions) is under way */
	settled?(): Promise<void>;
	dispose(): void;
}

export function shardOf(path: string, shards: number): number {
	return fnv1aUnits(path) % shards;
}

/** A worker's heap may grow to this; beyond it the worker dies and is restarted rather than taking the editor down. */
const WORKER_MAX_OLD_MB = 1536;
/**
 * The young generation of a worker thread: V8's default (16 MB semi-spaces) kept 32 MB committed
 * for good in an idle warm worker, an eighth of its memory; at 8 MB it keeps ~5 MB, and a query's
 * garbage (a few hundred KB) still dies young. A cold build runs in a child process with V8's defaults.
 */
const WORKER_MAX_YOUNG_MB = 8;
/** restarts in a row after which a shard gives up (a file that crashes the parser every time) */
const MAX_RESTARTS = 3;

/** A started worker, whatever kind: a Node worker thread or a browser Web Worker. */
export interface WorkerPort {
	postMessage(message: WorkerRequest): void;
	onMessage(listener: (message: WorkerMessage) => void): void;
	/** the worker ended (crashed, killed, out of memory) */
	onExit(listener: (code: number) => void): void;
	terminate(): void;
	/** a child process (processShardPort): with recycleAfterIndexing, replaced by a thread after its first open whatever it indexed */
	readonly process?: boolean;
}

export interface WorkerShardOptions extends RestartingShardOptions {
	/**
	 * Asked before each start: true → the shard starts in a child process rather than a worker
	 * thread (a cold build: no cache yet). A worker thread's native memory stays in the process
	 * after the thread ends (glibc keeps a dead thread's malloc arena, free but resident: ~170 MB
	 * after a cold build of 167 days, bench/MEMORY.md); a process's exit gives all of it back. With
	 * recycleAfterIndexing the child is replaced by a thread loaded from the cache it saved.
	 */
	buildInProcess?: () => boolean;
	/**
	 * Reads the shard's index cache on this thread's I/O pool, for the first worker thread to start
	 * (a warm start): the read overlaps the worker's boot, and the bytes are handed over (not copied)
	 * once both are ready; a worker started later reads the cache itself.
	 */
	readIndexCache?: () => Promise<Uint8Array | undefined>;
}

/** A shard in a worker thread (or a child process, see WorkerShardOptions) running dist/search-worker.js. */
export function workerShard(script: string, init: WorkerInit, options: WorkerShardOptions = {}): ShardHandle {
	// required lazily: the web extension host has no worker_threads, and callers fall back
	const { Worker, MessageChannel } = require('node:worker_threads') as typeof import('node:worker_threads');
	/** a child process that ended without one message: not again, threads from now on */
	let processFailed = false;
	let readIndexCache = options.readIndexCache;
	return restartingShard(() => {
		if (!processFailed && options.buildInProcess?.()) return processShardPort(script, init, () => (processFailed = true));
		// the first thread only: the cache read here is handed over on a port of its own (see WorkerInit.indexCache)
		const read = readIndexCache?.();
		readIndexCache = undefined;
		let workerData = init;
		let transferList: import('node:worker_threads').TransferListItem[] = [];
		if (read) {
			const { port1, port2 } = new MessageChannel();
			read.then(
				(bytes) => port1.postMessage(bytes, bytes ? ownBuffer(bytes) : []),
				() => port1.postMessage(undefined),
			).finally(() => port1.close());
			workerData = { ...init, indexCache: port2 };
			transferList = [port2];
		}
		const worker = new Worker(script, { workerData, transferList, resourceLimits: { maxOldGenerationSizeMb: WORKER_MAX_OLD_MB, maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_MB } });
		worker.on('error', () => undefined);
		const inOrder = pacedTasks();
		return {
			postMessage: (message) => worker.postMessage(message),
			onMessage: (listener) => worker.on('message', (message: WorkerMessage) => inOrder(() => listener(message))),
			onExit: (listener) => worker.on('exit', (code: number) => inOrder(() => listener(code))),
			terminate: () => void worker.terminate(),
		};
	}, options);
}

/** `bytes`' buffer to hand over with them when it holds nothing else (a pooled Buffer shares its buffer: copied then) */
function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
	return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [];
}

/** the longest run of queued worker messages handled in one turn of the thread */
const MESSAGE_SLICE_MS = 8;

/**
 * Runs the tasks given to it in order, but gives the thread back (a macrotask) once a run of them
 * has taken `sliceMs`: Node hands a thread every message a worker queued in one turn, and a burst
 * (a warm start's summaries) must not block the editor in one piece. A worker's (thread or child
 * process) messages and its exit go through one of these, so they keep their order.
 */
export function pacedTasks(sliceMs = MESSAGE_SLICE_MS, now: () => number = Date.now): (task: () => void, turnStartedAt?: number) => void {
	const queue: (() => void)[] = [];
	/** this turn has had its share: tasks wait for the next macrotask */
	let waiting = false;
	/** when this turn's first task ran (cleared by a macrotask, i.e. once the thread was given back) */
	let turnStarted: number | undefined;
	const startTurn = (at = now()) => {
		turnStarted = at;
		setTimeout(() => (turnStarted = undefined), 0);
	};
	const drain = () => {
		while (queue.length > 0) {
			const task = queue.shift() as () => void;
			try {
				task();
			} catch (err) {
				// as if thrown by the event it handles: reported, and the next ones still run
				queueMicrotask(() => {
					throw err;
				});
			}
			if (now() - (turnStarted ?? 0) >= sliceMs) {
				waiting = true;
				setTimeout(() => {
					waiting = false;
					startTurn();
					drain();
				}, 0);
				return;
			}
		}
	};
	// `turnStartedAt`: when the caller's turn began, where it did work of its own before (counted in the slice)
	return (task, turnStartedAt) => {
		queue.push(task);
		if (waiting) return;
		if (turnStarted === undefined) startTurn(turnStartedAt);
		drain();
	};
}

/**
 * dist/search-worker.js in a child process of this one (Node, or Electron run as Node), talking
 * over the IPC channel with structured clone, as a worker thread does. `failed` is called when it
 * ended (or could not start) before sending anything.
 */
export function processShardPort(script: string, init: WorkerInit, failed: () => void): WorkerPort {
	const { fork } = require('node:child_process') as typeof import('node:child_process');
	const child = fork(script, [JSON.stringify(init)], {
		serialization: 'advanced',
		execArgv: [`--max-old-space-size=${WORKER_MAX_OLD_MB}`],
		env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
		stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
	});
	let spoke = false;
	let exited = false;
	const exits = new Listeners<[code: number]>();
	// paced as a worker thread's: a cold build's summaries arrive spaced by parsing, but a burst must not block either
	const inOrder = pacedTasks();
	const exit = (code: number) => {
		if (exited) return;
		exited = true;
		if (!spoke) failed();
		inOrder(() => {
			exits.fire(code);
		});
	};
	child.on('message', () => (spoke = true));
	// a process that cannot be started reports 'error' and may never report 'exit'
	child.on('error', () => exit(-1));
	child.on('exit', (code, signal) => exit(code ?? (signal ? 1 : 0)));
	return {
		postMessage: (message) => {
			if (child.connected) child.send(message);
		},
		onMessage: (listener) => child.on('message', (message) => inOrder(() => listener(message as WorkerMessage))),
		onExit: (listener) => void exits.add(listener),
		terminate: () => void child.kill(),
		process: true,
	};
}

export interface RestartingShardOptions {
	/**
	 * After an `open` that indexed at least this many files, start a fresh worker from the caches
	 * that open just saved and retire the old one: a worker's heap and native memory keep the size of
	 * its build peak (V8 and malloc return little to the system), a worker loaded from the cache
	 * needs a fraction of it. Queries go to the old worker until the new one has loaded.
	 */
	recycleAfterIndexing?: number;
	/**
	 * When no worker ever started (not one message: the script cannot be loaded, a policy refuses
	 * it) and the restarts are used up, this shard takes over: the files, the reader's sets and the
	 * unanswered calls go to it. A worker that did run and kept dying (a file that crashes it,
	 * memory) never falls back: on the caller's thread the same file would take the editor down.
	 */
	fallback?: () => ShardHandle;
}

/**
 * A shard in a worker that `start` starts. A worker that dies (killed, out of memory) is started
 * again and given its files again (its cache makes that quick); the calls it had not answered are
 * sent once more to the new worker (see RestartingShardOptions for recycling and the fallback).
 */
export function restartingShard(startWorker: () => WorkerPort, options: RestartingShardOptions = {}): ShardHandle {
	let nextId = 1;
	type Pending = { request: Request; resolve: (v: unknown) => void; reject: (e: Error) => void; retried: boolean; to?: WorkerPort };
	const pending = new Map<number, Pending>();
	const listeners = new Listeners<[event: WorkerMessage | { event: 'restarting' }]>();
	/** the files this shard owns and the reader's sets, to give a restarted worker */
	const files = new Map<string, CorpusFileSpec>();
	/** the caller opened the shard: a restarted worker is given its files (before that, an open of none would empty the caches) */
	let opened = false;
	const userSets: Record<string, UserSet> = {};
	/** a test held the long fields' background fill (see SearchShard.holdFill): so is a restarted worker's */
	let fillHeld = false;
	let disposed = false;
	let restarts = 0;
	/** the worker that answers calls and whose events count; a recycle's successor is silent until it takes over */
	let worker: WorkerPort;
	/** calls that change the shard's files or sets: a recycle whose successor missed one is abandoned */
	let changes = 0;
	let recycling: Promise<boolean> | undefined;
	/** the worker a recycle is loading */
	let successor: WorkerPort | undefined;
	const noop = () => undefined;
	/** some worker sent a message: the script runs here */
	let ran = false;
	/** the in-process shard that took over from workers that never started (options.fallback) */
	let replacement: ShardHandle | undefined;

	const post = (p: Pending, to = worker) => {
		const id = nextId++;
		pending.set(id, { ...p, to });
		to.postMessage({ ...p.request, id });
	};
	const spawn = (): WorkerPort => {
		const port = startWorker();
		port.onMessage((message) => {
			ran = true;
			if ('id' in message) {
				const p = pending.get(message.id);
				pending.delete(message.id);
				if (message.error !== undefined) p?.reject(new Error(message.error));
				else p?.resolve(message.result);
				if (p?.request.method === 'open' && port === worker) {
					restarts = 0;
					// after the caller's own open (not a restart's re-feed, nor a recycle's)
					const indexed = (message.result as OpenReply | undefined)?.indexed ?? 0;
					const { recycleAfterIndexing } = options;
					// a child process hands over whatever it indexed (its exit returns the build's memory)
					if (!p.retried && recycleAfterIndexing !== undefined && indexed >= (port.process ? 0 : recycleAfterIndexing)) void recycle();
				}
			} else if (port === worker) {
				listeners.fire(message);
			}
		});
		port.onExit((code) => {
			if (disposed) return;
			if (port !== worker) {
				// a retired worker, or a recycle's successor that died before taking over
				for (const [id, p] of pending) if (p.to === port) (pending.delete(id), p.reject(new Error(`worker exit code ${code}`)));
				return;
			}
			const all = [...pending.values()];
			pending.clear();
			// a recycle under way ends: its successor's calls fail (its open's reject terminates it)
			for (const p of all) if (p.to !== port) p.reject(new Error('the search index is restarting'));
			const unanswered = all.filter((p) => p.to === port);
			// every open in flight (a rescan's while another's is) is answered by the one re-feed of the file set
			const opens = unanswered.filter((p) => p.request.method === 'open');
			const answerOpens = {
				resolve: (reply: unknown) => opens.forEach((p) => p.resolve(reply)),
				reject: (err: unknown) => opens.forEach((p) => p.reject(err instanceof Error ? err : new Error(String(err)))),
			};
			if (restarts >= MAX_RESTARTS && options.fallback && !ran) {
				replacement = options.fallback();
				replacement.onEvent((event) => listeners.fire(event));
				listeners.fire({ event: 'restarting' });
				void replacement.call({ method: 'userSets', sets: { ...userSets } }).catch(noop);
				if (opened) replacement.call({ method: 'open', files: [...files.values()] }).then(answerOpens.resolve, answerOpens.reject);
				for (const p of unanswered) if (p.request.method !== 'open') replacement.call(p.request).then(p.resolve, p.reject);
				return;
			}
			if (restarts >= MAX_RESTARTS) {
				for (const p of unanswered) p.reject(new Error(`the search index stopped (worker exit code ${code})`));
				return;
			}
			restarts++;
			listeners.fire({ event: 'restarting' });
			worker = spawn();
			// the new worker gets the current file set first; the unanswered opens are answered by it
			const refeed: Request = { method: 'open', files: [...files.values()] };
			post({ request: { method: 'userSets', sets: { ...userSets } }, resolve: noop, reject: noop, retried: true });
			if (fillHeld) post({ request: { method: 'holdFill', hold: true }, resolve: noop, reject: noop, retried: true });
			if (opened) {
				// a caller's open among them: once answered, the worker may be recycled (see onMessage)
				post({ request: refeed, retried: opens.every((p) => p.retried), ...answerOpens });
			}
			for (const p of unanswered) {
				if (p.request.method === 'open') continue;
				if (p.retried) p.reject(new Error('the search index is restarting'));
				else post({ ...p, retried: true });
			}
		});
		return port;
	};
	/** a fresh worker loads the caches; once it has, it takes over and the old one ends */
	const recycle = (): Promise<boolean> =>
		(recycling ??= new Promise<boolean>((resolve) => {
			const old = worker;
			const before = changes;
			const fresh = (successor = spawn());
			const finish = (swapped: boolean) => {
				if (successor !== fresh) return;
				recycling = undefined;
				successor = undefined;
				if (!swapped) fresh.terminate();
				resolve(swapped);
			};
			post({ request: { method: 'userSets', sets: { ...userSets } }, resolve: noop, reject: noop, retried: true }, fresh);
			post({
				request: { method: 'open', files: [...files.values()] },
				retried: true,
				reject: () => finish(false),
				resolve: (reply) => {
					const unanswered = [...pending].filter(([, p]) => p.to === old);
					// a change the successor did not see (or one the old worker is still making), or caches it
					// could not load (it indexed the files again: the next one would too): keep the old worker
					const rebuilt = ((reply as OpenReply | undefined)?.indexed ?? 0) > 0;
					if (disposed || worker !== old || changes !== before || rebuilt || unanswered.some(([, p]) => !isReadRequest(p.request))) return finish(false);
					worker = fresh;
					for (const [id, p] of unanswered) {
						pending.delete(id);
						post(p, fresh);
					}
					// settled once the old worker is gone (its memory with it)
					old.onExit(() => finish(true));
					old.terminate();
				},
			}, fresh);
		}));
	worker = spawn();
	return {
		call: (request) =>
			new Promise((resolve, reject) => {
				if (request.method === 'open') {
					opened = true;
					files.clear();
					for (const f of request.files) files.set(f.path, f);
				} else if (request.method === 'update') files.set(request.file.path, request.file);
				else if (request.method === 'remove') files.delete(request.path);
				else if (request.method === 'userSets') Object.assign(userSets, request.sets);
				else if (request.method === 'holdFill') fillHeld = request.hold;
				if (!isReadRequest(request)) changes++;
				if (replacement) replacement.call(request).then(resolve, reject);
				else post({ request, resolve, reject, retried: false });
			}),
		onEvent: (l) => void listeners.add(l),
		settled: () => recycling?.then(noop) ?? Promise.resolve(),
		kill: () => (replacement ? replacement.kill?.() : worker.terminate()),
		dispose: () => {
			disposed = true;
			worker.terminate();
			successor?.terminate();
			replacement?.dispose();
			// a caller awaiting an answer learns that none will come
			const unanswered = [...pending.values()];
			pending.clear();
			for (const p of unanswered) p.reject(new Error('the search index stopped'));
		},
	};
}

/** A query whose `author:` names were looked up (SearchService.withAuthorNames): `asRead` is its text as the shards read it. */
export interface QueryAsRead {
	readonly asRead: string;
}

export class SearchService {
	private readonly progress: (SearchProgress | undefined)[];
	private readonly headFlags: boolean[];
	private headResolve!: () => void;
	/** resolves when titles, authors and ids of every file are searchable (the TL;DR comes with the long fields) */
	readonly headReady = new Promise<void>((resolve) => (this.headResolve = resolve));
	private opened: Promise<unknown> | undefined;
	/**
	 * resolves when every shard reported the last `open`'s index complete ('full'), or that open
	 * returned: a shard then writes its caches, which is no reason to wait for it (whenIndexed)
	 */
	private searchable: Promise<void> | undefined;
	private searchableResolve: (() => void) | undefined;
	/** shards whose index is not complete yet for the last `open` */
	private fullPending = new Set<number>();
	private openCalled!: () => void;
	/** resolves when `open` is first called: a backend may start (and load its caches) before it knows the files */
	private readonly openRequested = new Promise<void>((resolve) => (this.openCalled = resolve));
	private readonly progressListeners = new Listeners<[p: SearchProgress]>();
	private readonly fileListeners = new Listeners<[files: readonly FileUpdate[]]>();
	private readonly cacheListeners = new Listeners<[problem: CacheProblem, shard: number]>();
	private readonly filledListeners = new Listeners<[shard: number]>();
	/**
	 * Shards that said an open left papers without their long-field text (a warm start: the cache
	 * leaves it out), read back in the background, and have not said it is all back ('filled'): until
	 * then their answers are not final (see SearchShard.loading). That fill reads every file again,
	 * 4–5 s in plain Node, minutes in a loaded browser, where each read crosses the editor.
	 */
	private unfilled = new Set<number>();
	private readonly longFieldListeners = new Listeners<[loading: boolean]>();
	private readonly loadingAnswerListeners = new Listeners<[]>();
	/** files `update` was called for and has not answered, with how many calls each (see pendingUpdates) */
	private readonly updating = new Map<string, number>();
	private lastPending = 0;
	private readonly pendingListeners = new Listeners<[pending: number]>();
	/** shards that have not yet sent every summary of the last open */
	private filesPending = new Set<number>();
	private filesResolve: (() => void) | undefined;
	/** resolves when every shard sent the summary of every file of the last `open` (the tree is complete) */
	filesReady: Promise<void> = Promise.resolve();
	/** per shard, what its last filesReady said of its reads (see treePassTimings) */
	private treePass: (TreePassTimings | undefined)[] = [];
	phase: IndexPhase = 'empty';

	constructor(private readonly shards: ShardHandle[]) {
		this.progress = shards.map(() => undefined);
		this.headFlags = shards.map(() => false);
		shards.forEach((shard, i) =>
			shard.onEvent((event) => {
				if ('event' in event && event.event === 'headReady') {
					this.headFlags[i] = true;
					if (this.headFlags.every((f) => f)) {
						if (this.phase === 'empty') this.phase = 'head';
						this.headResolve();
					}
				} else if ('event' in event && event.event === 'progress') {
					this.progress[i] = { phase: event.phase, done: event.done, total: event.total };
					this.fireProgress();
					if (event.phase === 'full' && this.fullPending.delete(i) && this.fullPending.size === 0) this.searchableResolve?.();
				} else if ('event' in event && event.event === 'filesReady') {
					this.treePass[i] = event.treePass;
					this.filesPending.delete(i);
					if (this.filesPending.size === 0) this.filesResolve?.();
				} else if ('event' in event && event.event === 'files') {
					const files = decodeFileUpdates(event.wire);
					this.fileListeners.fire(files);
				} else if ('event' in event && event.event === 'cacheProblem') {
					this.cacheListeners.fire(event.problem, i);
				} else if ('event' in event && event.event === 'filled') {
					this.setUnfilled(() => this.unfilled.delete(i));
					this.filledListeners.fire(i);
				} else if ('event' in event && event.event === 'filling') {
					this.setUnfilled(() => this.unfilled.add(i));
				} else if ('event' in event && event.event === 'restarting') {
					this.progress[i] = undefined;
					// the worker that takes over says it again if its open leaves text to read back
					this.setUnfilled(() => this.unfilled.delete(i));
					this.progressListeners.fire({ phase: 'restarting', done: 0, total: 0 });
				}
			}),
		);
	}

	onProgress(listener: (p: SearchProgress) => void): { dispose(): void } {
		return this.progressListeners.add(listener);
	}

	/** Summaries of files read or found unchanged, and files that are no (longer) digests; in batches. */
	onFiles(listener: (files: readonly FileUpdate[]) => void): { dispose(): void } {
		return this.fileListeners.add(listener);
	}

	/** A shard holds every paper's long-field text again, after a warm start or a cold build's second read (see CorpusEvents.onFilled): answers over it are exact now. */
	onFilled(listener: (shard: number) => void): { dispose(): void } {
		return this.filledListeners.add(listener);
	}

	/**
	 * Some shard still loads the long fields' text (see unfilled): searches and interest matches are
	 * over the short fields for the papers it lacks, so no answer is final yet.
	 */
	get loadingLongFields(): boolean {
		return this.unfilled.size > 0;
	}

	/** Fires when loadingLongFields changes. */
	onLongFieldsLoading(listener: (loading: boolean) => void): { dispose(): void } {
		return this.longFieldListeners.add(listener);
	}

	/** Fires when a search was answered over the short fields only, the long fields' text still loading (see SearchResult.loading). */
	onLoadingAnswer(listener: () => void): { dispose(): void } {
		return this.loadingAnswerListeners.add(listener);
	}

	private setUnfilled(change: () => void): void {
		const before = this.loadingLongFields;
		change();
		if (this.loadingLongFields !== before) this.longFieldListeners.fire(this.loadingLongFields);
	}

	/**
	 * For tests: holds (or releases) every shard's background reading back of the long fields' text,
	 * a restarted worker's too (see SearchShard.holdFill); with killShard, a warm start's gap held open.
	 */
	holdFill(hold: boolean): Promise<unknown> {
		return Promise.all(this.shards.map((s) => s.call({ method: 'holdFill', hold })));
	}

	/** A shard's cache could not be read or written (each kind at most once per worker start). */
	onCacheProblem(listener: (problem: CacheProblem, shard: number) => void): { dispose(): void } {
		return this.cacheListeners.add(listener);
	}

	private fireProgress(): void {
		const known = this.progress.filter((p): p is SearchProgress & { phase: ProgressPhase } => p !== undefined && p.phase !== 'restarting');
		if (known.length === 0) return;
		// report the slowest phase across shards
		const order: ProgressPhase[] = ['files', 'head', 'body', 'full'];
		const phase = known.reduce<ProgressPhase>((min, p) => (order.indexOf(p.phase) < order.indexOf(min) ? p.phase : min), 'full');
		const same = known.filter((p) => p.phase === phase);
		const progress = { phase, done: same.reduce((s, p) => s + p.done, 0), total: same.reduce((s, p) => s + p.total, 0) };
		this.progressListeners.fire(progress);
	}

	/** Ends shard `i`'s worker as a crash would; it restarts. For fault tests; false where shards run in-process. */
	killShard(i: number): boolean {
		const kill = this.shards[i]?.kill;
		if (!kill) return false;
		kill();
		return true;
	}

	get shardCount(): number {
		return this.shards.length;
	}

	/** Loads caches / builds; resolves when every field of every file is searchable, with how many files were (re)indexed (none: all from the caches). */
	open(files: readonly CorpusFileSpec[]): Promise<number> {
		const byShard = this.shards.map((): CorpusFileSpec[] => []);
		for (const f of files) byShard[shardOf(f.path, this.shards.length)].push(f);
		this.filesPending = new Set(this.shards.map((_, i) => i));
		this.filesReady = new Promise((resolve) => (this.filesResolve = resolve));
		this.treePass = [];
		this.fullPending = new Set(this.shards.map((_, i) => i));
		let searchable!: () => void;
		this.searchable = new Promise<void>((resolve) => (this.searchableResolve = searchable = resolve)).then(() => {
			this.phase = 'full';
			this.headResolve();
		});
		const opened = Promise.all(this.shards.map((s, i) => s.call({ method: 'open', files: byShard[i] }))).then((replies) => {
			this.filesResolve?.();
			// (its reaction marks the phase full and the heads ready, before this promise's awaiters run)
			searchable();
			return replies.reduce((sum: number, reply) => sum + ((reply as OpenReply | undefined)?.indexed ?? 0), 0);
		});
		this.opened = opened;
		this.openCalled();
		return opened;
	}

	/**
	 * Before the first `open`: every shard sends the summaries its file-records cache holds, so the
	 * tree shows the last session's days while the workspace is still listed; `open` then sends only
	 * what differs from them. `shown[i]`: what the caller showed of shard i's cache itself (see
	 * KnownShown). Resolves with how many files were sent or shown.
	 */
	async sendKnown(shown: readonly (KnownShown | undefined)[] = []): Promise<number> {
		const counts = await Promise.all(this.shards.map((s, i) => s.call({ method: 'known', shown: shown[i] }) as Promise<number>));
		return counts.reduce((a, b) => a + b, 0);
	}

	/**
	 * Before the first `open` of a cold start: the shards read and send the summaries of these
	 * likely digests (each shard its own) while the editor lists the workspace; `open` then reads only
	 * the rest. Resolves with how many digests were sent.
	 */
	async readAhead(files: readonly CorpusFileSpec[]): Promise<number> {
		const counts = await Promise.all(this.shards.map((s, i) => s.call({ method: 'readAhead', files: files.filter((f) => shardOf(f.path, this.shards.length) === i) }) as Promise<number>));
		return counts.reduce((a, b) => a + b, 0);
	}

	/**
	 * resolves when every field of every file of the last `open` is searchable (before the first
	 * `open`: when that one's are), without waiting for the shards to write their caches
	 */
	whenIndexed(): Promise<void> {
		return this.searchable ?? this.openRequested.then(() => this.searchable);
	}

	/** resolves when the last `open` finished (its caches written) and no shard is swapping its worker for a fresh one (its memory figures are final) */
	async whenSettled(): Promise<void> {
		await (this.opened ?? this.openRequested.then(() => this.opened));
		await Promise.all(this.shards.map((s) => s.settled?.()));
	}

	/**
	 * Re-reads one file (added or changed). Its summary reaches the tree as soon as the shard has read
	 * it, its papers are searchable once this resolves: until then it counts in pendingUpdates.
	 */
	update(file: CorpusFileSpec): Promise<unknown> {
		this.updating.set(file.path, (this.updating.get(file.path) ?? 0) + 1);
		this.firePendingUpdates();
		return this.shards[shardOf(file.path, this.shards.length)].call({ method: 'update', file }).finally(() => {
			const calls = (this.updating.get(file.path) ?? 1) - 1;
			if (calls > 0) this.updating.set(file.path, calls);
			else this.updating.delete(file.path);
			this.firePendingUpdates();
		});
	}

	/** Files handed to `update` that are not indexed yet (each counted once, however often it was handed). */
	get pendingUpdates(): number {
		return this.updating.size;
	}

	/** Calls `listener` with pendingUpdates each time it changes (0: every file handed to `update` is searchable). */
	onPendingUpdates(listener: (pending: number) => void): { dispose(): void } {
		return this.pendingListeners.add(listener);
	}

	private firePendingUpdates(): void {
		const pending = this.updating.size;
		if (pending === this.lastPending) return;
		this.lastPending = pending;
		this.pendingListeners.fire(pending);
	}

	remove(path: string): Promise<unknown> {
		return this.shards[shardOf(path, this.shards.length)].call({ method: 'remove', path });
	}

	/**
	 * Gives every shard the reader's sets that `is:`, `has:` and `tag:` filters name (paper ids without
	 * version). Names not given stay as they were; an empty list keeps a name known.
	 */
	setUserSets(sets: Record<string, UserSet>): Promise<unknown> {
		return Promise.all(this.shards.map((s) => s.call({ method: 'userSets', sets })));
	}

	/**
	 * Papers matching the reader's interests (or excluded by them) over every shard, by paper id;
	 * a paper listed in files of both shards is merged. `ms` is the slowest shard's time.
	 */
	async interests(spec: InterestSpec): Promise<{ matches: Map<string, InterestMatch>; errors: string[]; computed: number; partial: boolean; unreadable: number; ms: number }> {
		const replies = (await Promise.all(this.shards.map((s) => s.call({ method: 'interests', spec })))) as InterestsReply[];
		const matches = new Map<string, InterestMatch>();
		for (const reply of replies) {
			for (const [id, match] of reply.matches) {
				const seen = matches.get(id);
				matches.set(id, seen ? mergeInterestMatches(seen, match) : match);
			}
		}
		return {
			matches,
			errors: replies[0]?.errors ?? [],
			computed: replies.reduce((n, r) => n + r.computed, 0),
			partial: replies.some((r) => r.partial),
			unreadable: replies.reduce((n, r) => n + r.unreadable, 0),
			ms: Math.max(0, ...replies.map((r) => r.ms)),
		};
	}

	/** Field coverage of every digest, per template signature or per file (see core/parse/coverage). */
	async coverage(by: 'template' | 'file'): Promise<FieldCoverage[]> {
		const lists = (await Promise.all(this.shards.map((s) => s.call({ method: 'coverage', by })))) as FieldCoverage[][];
		return mergeCoverage(lists);
	}

	/** The full paper, read back from its file by the shard that owns it. */
	paper(path: string, id: string, near?: number): Promise<PaperReply | undefined> {
		return this.shards[shardOf(path, this.shards.length)].call({ method: 'paper', path, paperId: id, near }) as Promise<PaperReply | undefined>;
	}

	/** An open document's providers' view (core/documentView), built by the shard that owns the path. */
	documentView(path: string, text?: Uint8Array): Promise<DocumentView | undefined> {
		return this.shards[shardOf(path, this.shards.length)].call({ method: 'documentView', path, text }) as Promise<DocumentView | undefined>;
	}

	/** Several papers of one file, read back with one read and one parse (exports). */
	papers(path: string, refs: { id: string; near?: number }[]): Promise<(PaperReply | undefined)[]> {
		return this.shards[shardOf(path, this.shards.length)].call({ method: 'papers', path, refs }) as Promise<(PaperReply | undefined)[]>;
	}

	save(): Promise<unknown> {
		return Promise.all(this.shards.map((s) => s.call({ method: 'save' })));
	}

	/**
	 * The query with `author:Yann LeCun` quoted as one name where some paper of any shard has an author
	 * of that name (see quoteAuthorNames); search, ids and trendDays read it so. Front ends that use the
	 * query's words themselves (the search box's notes) ask for it first and hand it to search and ids,
	 * which then take it as read (each name looked up once: a lookup asks every shard).
	 */
	async withAuthorNames(query: string): Promise<QueryAsRead> {
		const asRead = await quoteAuthorNames(query, async (name) => {
			const replies = (await Promise.all(this.shards.map((s) => s.call({ method: 'search', query: `author:"${name}"`, limit: 1, fuzzy: false })))) as SearchReply[];
			return replies.some((r) => r.ok && r.result.total > 0);
		});
		return { asRead };
	}

	/** The query's text as the shards read it: its author names looked up unless that was done already. */
	private async asRead(query: string | QueryAsRead): Promise<string> {
		return typeof query === 'string' ? (await this.withAuthorNames(query)).asRead : query.asRead;
	}

	async search(text: string | QueryAsRead, limit = 50, fuzzy = true): Promise<SearchReply> {
		const parsed = parseQuery(typeof text === 'string' ? text : text.asRead);
		if (!parsed.ok) return { ok: false, error: parsed.error };
		const query = await this.asRead(text);
		const replies = (await Promise.all(this.shards.map((s) => s.call({ method: 'search', query, limit, fuzzy })))) as SearchReply[];
		const failed = replies.find((r) => !r.ok);
		if (failed) return failed;
		if (replies.some((r) => r.ok && r.result.loading === true)) this.loadingAnswerListeners.fire();
		if (replies.length === 1) return replies[0];
		const merged = new Map<string, SearchHit>();
		let total = 0;
		let approximate = false;
		let loading = false;
		// the shards' ranges summed (an exact count is its own range)
		const range: CountRange = { min: 0, max: 0, estimated: false };
		for (const reply of replies) {
			if (!reply.ok) continue;
			total += reply.result.total;
			approximate ||= reply.result.approximate;
			range.min += reply.result.range?.min ?? reply.result.total;
			range.max += reply.result.range?.max ?? reply.result.total;
			range.estimated ||= reply.result.range?.estimated === true;
			loading ||= reply.result.loading === true;
			for (const hit of reply.result.hits) {
				const seen = merged.get(hit.id);
				if (!seen) {
					merged.set(hit.id, hit);
					continue;
				}
				total--;
				range.min--;
				range.max--;
				const occurrences = [...seen.occurrences, ...hit.occurrences].sort((a, b) => (a.day === b.day ? 0 : a.day < b.day ? 1 : -1));
				const best = hit.score > seen.score ? hit : seen;
				merged.set(hit.id, { ...best, occurrences });
			}
		}
		const hits = [...merged.values()].sort((a, b) => {
			if (b.score !== a.score) return b.score - a.score;
			const da = a.occurrences[0]?.day ?? '';
			const db = b.occurrences[0]?.day ?? '';
			return da < db ? 1 : da > db ? -1 : 0;
		});
		// each shard respells by its own papers' counts: a word any shard respelled is said
		const respelled = new Map<string, Set<string>>();
		for (const reply of replies) {
			if (!reply.ok) continue;
			for (const { word, as } of reply.result.respelled ?? []) {
				const spellings = respelled.get(word) ?? new Set<string>();
				for (const spelling of as) spellings.add(spelling);
				respelled.set(word, spellings);
			}
		}
		const said = respelled.size > 0 ? { respelled: [...respelled].map(([word, as]) => ({ word, as: [...as] })) } : {};
		return { ok: true, result: { hits: hits.slice(0, limit), total, approximate, ...(approximate ? { range } : {}), loading, ...said } };
	}

	async ids(text: string | QueryAsRead): Promise<IdsReply> {
		const parsed = parseQuery(typeof text === 'string' ? text : text.asRead);
		if (!parsed.ok) return { ok: false, error: parsed.error };
		const query = await this.asRead(text);
		const replies = (await Promise.all(this.shards.map((s) => s.call({ method: 'ids', query })))) as IdsReply[];
		const ids = new Set<string>();
		for (const r of replies) {
			if (!r.ok) return r;
			for (const id of r.ids) ids.add(id);
		}
		return { ok: true, ids: [...ids] };
	}

	/**
	 * The `limit` papers of the whole workspace most similar to paper `id` (cosine over TF-IDF,
	 * recs/tfidf) with at least `minScore`, best first, the paper itself left out; undefined when no
	 * shard holds it.
	 */
	async similar(id: string, limit = 10, minScore = MIN_SIMILARITY): Promise<SimilarHit[] | undefined> {
		const vectors = (await Promise.all(this.shards.map((s) => s.call({ method: 'vector', paperId: id })))) as (TermVector | undefined)[];
		const vector = vectors.find((v) => v !== undefined);
		if (!vector) return undefined;
		const lists = (await Promise.all(this.shards.map((s) => s.call({ method: 'similar', vector, limit: limit + 1, exclude: id })))) as SimilarHit[][];
		return mergeById(lists.flat(), (h) => h.id, (h) => h.score)
			.filter((h) => h.id !== id && h.score >= minScore)
			.slice(0, limit);
	}

	/**
	 * TF-IDF vectors of the papers `ids` (each once, papers with no text left out), then about `random`
	 * other papers outside `exclude`, spread over the shards; `drop` leaves rows out.
	 */
	async idVectors(ids: readonly string[], random = 0, exclude: readonly string[] = [], seed = 1, drop?: (id: string) => boolean): Promise<VectorBatch> {
		const share = Math.ceil(random / this.shards.length);
		const batches = (await Promise.all(this.shards.map((s, i) => s.call({ method: 'vectors', ids: [...ids], random: share, exclude: [...exclude], seed: seed + i })))) as VectorBatch[];
		return mergeBatches(batches, drop);
	}

	/** Trains a "For you" model (recs/linear) in the first shard's thread. */
	train(positives: VectorBatch, negatives: VectorBatch): Promise<LinearModel> {
		return this.shards[0].call({ method: 'train', positives, negatives }) as Promise<LinearModel>;
	}

	/**
	 * For you's order of `ids` as scores, higher first (papers no shard holds are left out): the
	 * model's order, its first places shared by the stars' topics (recs/topics topicOrder).
	 */
	async rank(model: LinearModel, ids: readonly string[]): Promise<Map<string, number>> {
		const lists = (await Promise.all(this.shards.map((s) => s.call({ method: 'rank', model, ids: [...ids] })))) as RankedPaper[][];
		return orderScores(topicOrder(mergeById(lists.flat(), (p) => p[0], (p) => p[1]), model.topics ?? []));
	}

	/** Papers of `query` per listing day over every shard (a paper listed on two days counts on each), oldest day first. */
	async trendDays(text: string): Promise<{ ok: true; days: [string, number][] } | { ok: false; error: string }> {
		const parsed = parseQuery(text);
		if (!parsed.ok) return { ok: false, error: parsed.error };
		const query = await this.asRead(text);
		return mergeTermDays((await Promise.all(this.shards.map((s) => s.call({ method: 'trendDays', query })))) as TermDaysReply[]);
	}

	/**
	 * The author names the papers write that `typed` starts (each typed word a different word's start, in
	 * any order; see authorsLike), with their papers over every shard (a paper once), the most first, at
	 * most `limit`. Each shard gives its `2 × limit` names with the most papers: a name just below that cut
	 * in both shards can be left out.
	 */
	async authorsLike(typed: string, limit = 50): Promise<[name: string, papers: number][]> {
		const replies = (await Promise.all(this.shards.map((s) => s.call({ method: 'authorsLike', typed, limit: limit * 2 })))) as AuthorsLikeReply[];
		return mergeAuthorsLike(replies, limit);
	}

	/** The `limit` top terms and authors of the papers listed in `range`, each paper counted once over every shard. */
	async rangeTop(range: DayRange, limit = 20): Promise<TopReply> {
		const ids = this.shards.length === 1 ? [[]] : ((await Promise.all(this.shards.map((s) => s.call({ method: 'rangeIds', range })))) as string[][]);
		const skips = skipLists(ids);
		const everyAuthor = this.shards.length > 1;
		const replies = (await Promise.all(this.shards.map((s, i) => s.call({ method: 'rangeTop', range, skip: skips[i], everyAuthor })))) as TopReply[];
		const merged = mergeTop(replies, limit);
		if (this.shards.length === 1) return merged;
		// each shard judged the prose (core/trends/prose) on its own papers: the candidates' folder counts judge it on all.
		// A word each shard found prose is not asked again, though the folder, each paper counted once, can find it
		// just above the bar: two shards on the last 30 of the 167 real days left out `robust` (15.2 %, 19th of 20)
		const terms = [...new Set(replies.flatMap((reply) => reply.terms.map(([term]) => term)))];
		const inFolder = skipLists((await Promise.all(this.shards.map((s) => s.call({ method: 'rangeIds', range: {} })))) as string[][]);
		const counts = (await Promise.all(
			this.shards.map((s, i) => s.call({ method: 'rangeTermCounts', request: { range, skip: skips[i], skipInFolder: inFolder[i], terms } })),
		)) as FolderTermCount[][];
		return { ...merged, terms: mergeTermCounts(counts, limit) };
	}

	/**
	 * The `limit` terms the papers listed in `range` use surely more than those listed in `previous`
	 * (core/trends/rising), each paper counted once over every shard. One shard answers at once;
	 * several are asked twice: every term with enough papers in some shard (a term with `min` papers
	 * over both periods has `min / shards` in one of them), then the exact counts of those.
	 */
	async rangeRising(range: DayRange, previous: DayRange, limit = 20): Promise<RisingReply> {
		if (this.shards.length === 1) return (await this.shards[0].call({ method: 'rangeRising', request: { range, previous, limit } })) as RisingReply;
		const idLists = (r: DayRange) => Promise.all(this.shards.map((s) => s.call({ method: 'rangeIds', range: r }))) as Promise<string[][]>;
		const [inRange, before] = await Promise.all([idLists(range), idLists(previous)]);
		const skip = skipLists(inRange);
		const skipPrevious = skipLists(before);
		const ask = (extra: { minPapers?: number; terms?: string[] }) =>
			Promise.all(this.shards.map((s, i) => s.call({ method: 'rangeRising', request: { range, previous, skip: skip[i], skipPrevious: skipPrevious[i], ...extra } }))) as Promise<RisingReply[]>;
		const minPapers = Math.ceil(risingMinPapers(new Set(inRange.flat()).size) / this.shards.length);
		const candidates = await ask({ minPapers });
		const terms = [...new Set(candidates.flatMap((reply) => reply.terms.map(([term]) => term)))];
		const merged = mergeRising(await ask({ terms }));
		return { ...merged, terms: rankRising(merged, limit) };
	}

	/**
	 * Where the shards' tree passes spent their time, summed over the shards' reports of the last
	 * open (a cold start: every file; a warm one: those changed since); undefined before any.
	 */
	treePassTimings(): TreePassTimings | undefined {
		const reported = this.treePass.filter((t): t is TreePassTimings => t !== undefined);
		if (reported.length === 0) return undefined;
		const sum = noTreePass();
		for (const t of reported) {
			sum.files += t.files;
			sum.readMs += t.readMs;
			sum.parseMs += t.parseMs;
			sum.summaryMs += t.summaryMs;
		}
		return sum;
	}

	stats(): Promise<ShardStats[]> {
		return Promise.all(this.shards.map((s) => s.call({ method: 'stats' }) as Promise<ShardStats>));
	}

	dispose(): void {
		for (const s of this.shards) s.dispose();
	}
}

/**
 * The index shards the editor and the CLI run: one, on every machine. Shards split the files, and a
 * paper listed on several days keeps each day's LLM summary in the shard of that day's file: a query
 * whose words sit in two listings held by different shards missed the paper (on the 167-day folder,
 * two shards missed up to 2.8 % of a two- or three-word Chinese query's papers: 311 of 320 for
 * `代码 生成 评估`), an exclusion matched in one shard and not the other, and similar papers' idf was
 * per shard. One shard holds every listing of a paper in one document. It also costs less memory
 * (CLI, 2 cores: 558 MB after the build against 947 MB with two); the long fields' helper thread
 * still gives a cold build a second core. `--shards N` (CLI) still runs N, for measurements.
 */
export const DEFAULT_SHARDS = 1;
