/**
 * A corpus shard on the calling thread, for where worker threads or local files are unavailable
 * (virtual file systems, the web) and for the CLI without its worker script. Kept apart from the
 * client so the extension host loads the index code only when it runs a shard itself.
 */
import type { ShardHandle } from '../search/client';
import type { WorkerMessage, WorkerRequest } from '../search/protocol';
import { Listeners } from '../listeners';
import { shardDispatcher, shardEvents } from './requests';
import { CorpusShard, type CorpusIO } from './shard';
import type { VectorFields } from '../recs/tfidf';

/** A shard on the calling thread; `io.yield` decides how often it gives the thread back. */
export function inProcessShard(io: CorpusIO, shard: number, shards: number, vectorFields?: VectorFields): ShardHandle {
	const listeners = new Listeners<[event: WorkerMessage]>();
	const emit = (event: WorkerMessage) => listeners.fire(event);
	const engine = new CorpusShard(io, shard, shards, shardEvents(emit), vectorFields);
	const dispatch = shardDispatcher(engine, () => ({ heapUsed: 0, external: 0 }));
	return {
		call: (request) => dispatch({ ...request, id: 0 } as WorkerRequest),
		onEvent: (l) => void listeners.add(l),
		dispose: () => undefined,
	};
}
