/**
 * Entry of dist/search-worker.js: one index shard in a worker thread, so reading,
 * parsing and indexing ~100 MB never blocks the extension host's thread.
 */
import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { cacheKey, SearchShard } from './engine';
import { nodeShardIO } from './nodeIO';
import type { ShardStats, WorkerEvent, WorkerInit, WorkerRequest, WorkerResponse } from './protocol';

const init = workerData as WorkerInit;

/** nice +5: yields the CPU to the editor when both compete, still takes every idle cycle */
const BACKGROUND_NICE = 5;
if (init.background && process.platform === 'linux') {
	try {
		setPriority(BACKGROUND_NICE);
	} catch {
		// a container may forbid it; the build then competes at normal priority
	}
}

const port = parentPort;
if (!port) throw new Error('search-worker.js must run in a worker thread');

const send = (message: WorkerEvent | WorkerResponse) => port.postMessage(message);
const shard = new SearchShard(nodeShardIO(init.cachePath), cacheKey(init.shard, init.shards), (p) =>
	send({ event: 'progress', phase: p.phase, done: p.done, total: p.total }),
);

// requests run one at a time, in order, so an update never interleaves with a build
let queue: Promise<unknown> = Promise.resolve();

async function handle(request: WorkerRequest): Promise<unknown> {
	switch (request.method) {
		case 'open':
			return shard.open(request.files, () => send({ event: 'headReady' }));
		case 'update':
			return shard.updateFile(request.file);
		case 'remove':
			return shard.removeFile(request.path);
		case 'search':
			return shard.search(request.query, request.limit, request.fuzzy);
		case 'ids':
			return shard.ids(request.query);
		case 'save':
			return shard.save();
		case 'stats': {
			collectGarbage();
			const memory = process.memoryUsage();
			const stats: ShardStats = {
				docs: shard.index.size,
				terms: shard.index.terms.length,
				files: shard.index.files.size,
				heapUsed: memory.heapUsed,
				external: memory.external,
				phase: shard.phase,
				fromCache: shard.fromCache,
			};
			return stats;
		}
	}
}

/** A full GC before measuring, so the figures show what the index keeps, not garbage. */
function collectGarbage(): void {
	try {
		setFlagsFromString('--expose-gc');
		(runInNewContext('gc') as () => void)();
	} catch {
		// measuring without a GC only overstates the heap
	}
}

port.on('message', (request: WorkerRequest) => {
	// searches may run while a build is in progress (the head pass is already searchable)
	const run = () =>
		handle(request).then(
			(result) => send({ id: request.id, result }),
			(error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
		);
	if (request.method === 'search' || request.method === 'ids' || request.method === 'stats') void run();
	else queue = queue.then(run);
});
