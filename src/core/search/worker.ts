/**
 * Entry of dist/search-worker.js: one shard of the corpus in a worker thread. It alone reads and
 * parses its files, keeps their search index and sends the editor a compact summary of each, so
 * ~100 MB of digests never block the extension host's thread. The same script runs as a child
 * process (forked with an IPC channel, WorkerInit as JSON in argv[2]) for a cold build, whose
 * memory only a process's exit gives back whole (see client.ts, processShardPort).
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { indexCacheHandedOver, nodeCorpusIO } from '../corpus/nodeIO';
import { shardDispatcher, shardEvents } from '../corpus/requests';
import { CorpusShard } from '../corpus/shard';
import { exposeGc } from '../gc';
import { IdleCollector } from './idleCollector';
import type { WorkerEvent, WorkerInit, WorkerRequest, WorkerResponse } from './protocol';

interface Port {
	postMessage(message: unknown): void;
	on(event: 'message', listener: (request: WorkerRequest) => void): void;
}

/** a worker thread's port, or the IPC channel of a forked child process */
function openPort(): { port: Port; init: WorkerInit } | undefined {
	if (parentPort) return { port: parentPort, init: workerData as WorkerInit };
	const send = process.send?.bind(process);
	if (!send) return undefined;
	// the owner is gone (ended, crashed): so is this shard
	process.on('disconnect', () => process.exit(0));
	return { port: { postMessage: (message) => send(message), on: (event, listener) => void process.on(event, listener as (message: unknown) => void) }, init: JSON.parse(process.argv[2] ?? '{}') as WorkerInit };
}

const opened = openPort();
if (!opened) throw new Error('search-worker.js must run in a worker thread or a forked process');
const { port, init } = opened;

/** how long the worker must go without a request before a collection it wants runs */
const IDLE_GC_MS = 50;
/** the longest a wanted collection waits for that */
const MAX_GC_WAIT_MS = 1000;
/** between the two collections after an open */
const SECOND_GC_MS = 100;

/** nice +5: yields the CPU to the editor when both compete, still takes every idle cycle */
const BACKGROUND_NICE = 5;

/**
 * The index build goes to the background once every title is searchable: the summaries and then
 * the titles are what the reader waits for (at nice +5 the tree pass lost the CPU to the workbench
 * drawing the arriving days, and the titles' index to the editor's own start), the bodies follow at
 * their leisure. The priority cannot be raised again unprivileged, so it is lowered once.
 */
let inBackground = false;
function toBackground(): void {
	if (inBackground || !init.background || process.platform !== 'linux') return;
	inBackground = true;
	try {
		setPriority(BACKGROUND_NICE);
	} catch {
		// a container may forbid it; the build then competes at normal priority
	}
}

const send = (message: WorkerEvent | WorkerResponse) => port.postMessage(message);
const events = { ...shardEvents(send), ...(init.summaries === false ? { onFiles: undefined } : {}) };
const io = nodeCorpusIO(init.cacheDir, init.shard, init.shards);
const shard = new CorpusShard({ ...io, readCache: indexCacheHandedOver(io.readCache, init.indexCache), collectGarbage: () => collector.request(), afterOpen: () => (collector.request(2), collector.whenDone()) }, init.shard, init.shards, {
	...events,
	onHeadReady: () => {
		events.onHeadReady?.();
		toBackground();
	},
}, init.vectorFields);
// the caches decode while the editor lists the workspace's files; the index first, as the
// extension host reads the file records' summaries for the tree itself (readKnownSummaries)
shard.preload(true);

/**
 * A full GC: before measuring, so the figures show what the index keeps, not garbage; and once an
 * open and the work it leaves for later are done, when an idle worker would otherwise keep a start's
 * garbage (the cache file's bytes, its decoded text: ~80 MB on 167 real days) until V8 next felt
 * the need, long after the editor settled. After an open it runs twice, 100 ms apart or more: the
 * first frees the objects, but the process's RSS only falls with the second (V8 gives the emptied
 * pages back to the system in the background, then on the next collection): measured, ~200 → ~140 MB
 * over baseline 450 ms after a warm open on 167 real days, where one collection left ~200 MB for a
 * second. Those run when no request waits (`collector`): right after a warm open, the host's first
 * requests and the reader's first queries waited 30–40 ms behind the first one. The background fill
 * of the long fields starts after them (`afterOpen`): started before them, its allocations piled up
 * on the start's garbage, and the editor bench's warm RSS peak rose by 10–30 MB.
 */
function collectGarbage(): void {
	try {
		collect ??= exposeGc();
		collect();
	} catch {
		// measuring without a GC only overstates the heap
	}
}
/** V8's gc, taken once (see exposeGc) */
let collect: (() => void) | undefined;

/** the collections after an open and during the background fill, run when no request is waiting (see IdleCollector) */
const collector = new IdleCollector(collectGarbage, { idleMs: IDLE_GC_MS, maxWaitMs: MAX_GC_WAIT_MS, gapMs: SECOND_GC_MS });

const dispatch = shardDispatcher(shard, () => {
	collectGarbage();
	const memory = process.memoryUsage();
	return { heapUsed: memory.heapUsed, external: memory.external };
});

port.on('message', (request: WorkerRequest) => {
	collector.busy();
	void dispatch(request).then(
		(result) => {
			send({ id: request.id, result });
			// idle from the end of the work, not its start: a long query and the next one right after it have no gap
			collector.busy();
			// the two collections after an open were asked for by the shard's background work (afterOpen), which waits for them
			if (request.method === 'open') void shard.search.background.then(() => collector.request());
		},
		(error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
	);
});
