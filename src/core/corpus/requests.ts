/** One dispatcher for shard requests, shared by the worker thread and the in-process shard. */
import type { ShardStats, WorkerRequest } from '../search/protocol';
import type { CorpusShard } from './shard';

/** Requests that only read: answered at once, even while a build runs (the head pass is already searchable). */
export function isReadRequest(request: Pick<WorkerRequest, 'method'>): boolean {
	return request.method === 'search' || request.method === 'ids' || request.method === 'stats' || request.method === 'paper' || request.method === 'papers' || request.method === 'coverage' || request.method === 'documentView' || request.method === 'interests';
}

export function handleShardRequest(shard: CorpusShard, request: WorkerRequest, memory: () => { heapUsed: number; external: number }): Promise<unknown> {
	switch (request.method) {
		case 'open':
			return shard.open(request.files);
		case 'update':
			return shard.update(request.file);
		case 'remove':
			return Promise.resolve(shard.remove(request.path));
		case 'paper':
			return shard.paper(request.path, request.paperId, request.near);
		case 'papers':
			return shard.papers(request.path, request.refs);
		case 'search':
			return Promise.resolve(shard.searchText(request.query, request.limit, request.fuzzy));
		case 'ids':
			return Promise.resolve(shard.ids(request.query));
		case 'userSets':
			return Promise.resolve(shard.setUserSets(request.sets));
		case 'interests':
			return Promise.resolve(shard.interests(request.spec));
		case 'coverage':
			return shard.coverage(request.by);
		case 'save':
			return shard.save();
		case 'documentView':
			return shard.documentView(request.path, request.text);
		case 'stats': {
			const index = shard.search.index;
			const stats: ShardStats = {
				docs: index.size,
				terms: index.terms.length,
				files: index.files.size,
				...memory(),
				phase: shard.search.phase,
				fromCache: shard.search.fromCache,
				busy: shard.search.busy,
			};
			return Promise.resolve(stats);
		}
	}
}
