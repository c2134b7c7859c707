/** One dispatcher for shard requests, shared by the worker thread and the in-process shard. */
import { encodeFileUpdates, type ShardStats, type WorkerEvent, type WorkerRequest } from '../search/protocol';
import { trainLinear } from '../recs/linear';
import { starTopics } from '../recs/topics';
import type { CorpusEvents, CorpusShard } from './shard';
import { rangeRising } from '../trends/rising';
import { authorsLike } from '../search/authorsLike';
import { rangeIds, rangeTermCounts, rangeTop, termDays } from '../trends/shard';

/** a trained model keeps this many terms (largest |weight|): it travels to every shard on each ranking */
const MODEL_TERMS = 5000;
/** Requests that only read: answered at once, even while a build runs (the head pass is already searchable). */
const READ_METHODS: ReadonlySet<WorkerRequest['method']> = new Set<WorkerRequest['method']>([
	'search', 'ids', 'stats', 'paper', 'papers', 'coverage', 'documentView', 'interests', 'vector', 'similar', 'vectors', 'train', 'rank',
	'trendDays', 'rangeIds', 'rangeTop', 'rangeTermCounts', 'rangeRising', 'authorsLike',
]);

export function isReadRequest(request: Pick<WorkerRequest, 'method'>): boolean {
	return READ_METHODS.has(request.method);
}

/** A shard's events as protocol messages, for wherever it runs (worker thread, Web Worker, in-process). */
export function shardEvents(send: (event: WorkerEvent) => void): CorpusEvents {
	return {
		onProgress: (p) => send({ event: 'progress', phase: p.phase, done: p.done, total: p.total }),
		onHeadReady: () => send({ event: 'headReady' }),
		onFilesReady: (treePass) => send({ event: 'filesReady', treePass }),
		onFiles: (files) => send({ event: 'files', wire: encodeFileUpdates(files) }),
		onCacheProblem: (problem) => send({ event: 'cacheProblem', problem }),
		onFilled: () => send({ event: 'filled' }),
		onFilling: () => send({ event: 'filling' }),
	};
}

/**
 * A shard's request handler for wherever it runs (worker thread, Web Worker, in-process): requests
 * that change the shard run one at a time, in order, so an update never interleaves with a build;
 * read requests are answered at once.
 */
export function shardDispatcher(shard: CorpusShard, memory: () => { heapUsed: number; external: number }): (request: WorkerRequest) => Promise<unknown> {
	let queue: Promise<unknown> = Promise.resolve();
	return (request) => {
		const run = () => handleShardRequest(shard, request, memory);
		if (isReadRequest(request)) return run();
		const next = queue.then(run, run);
		queue = next.catch(() => undefined);
		return next;
	};
}

export function handleShardRequest(shard: CorpusShard, request: WorkerRequest, memory: () => { heapUsed: number; external: number }): Promise<unknown> {
	switch (request.method) {
		case 'open':
			return shard.open(request.files);
		case 'known':
			return shard.sendKnown(request.shown);
		case 'readAhead':
			return shard.readAhead(request.files);
		case 'update':
			return shard.update(request.file);
		case 'remove':
			return shard.remove(request.path);
		case 'paper':
			return shard.paper(request.path, request.paperId, request.near);
		case 'papers':
			return shard.papers(request.path, request.refs);
		case 'search':
			return shard.searchText(request.query, request.limit, request.fuzzy);
		case 'ids':
			return shard.ids(request.query);
		case 'userSets':
			return Promise.resolve(shard.setUserSets(request.sets));
		case 'holdFill':
			return Promise.resolve(shard.search.holdFill(request.hold));
		case 'interests':
			return Promise.resolve(shard.interests(request.spec));
		case 'coverage':
			return shard.coverage(request.by);
		case 'save':
			return shard.save();
		case 'documentView':
			return shard.documentView(request.path, request.text);
		case 'vector':
			return shard.recs.ready().then(() => shard.recs.vector(request.paperId));
		case 'similar':
			return shard.recs.ready().then(() => shard.recs.similar(request.vector, request.limit, request.exclude));
		case 'vectors':
			return shard.recs.ready().then(() => shard.recs.idVectors(request.ids, request.random, request.exclude, request.seed));
		case 'train':
			return Promise.resolve({ ...trainLinear(request.positives, request.negatives, { maxTerms: MODEL_TERMS }), topics: starTopics(request.positives) });
		case 'rank':
			return shard.recs.ready().then(() => shard.recs.rank(request.model, request.ids));
		case 'trendDays':
			return shard.ids(request.query).then((ids) => termDays(shard.search.index, ids));
		case 'rangeIds':
			return Promise.resolve(rangeIds(shard.search.index, request.range));
		case 'authorsLike':
			return Promise.resolve(authorsLike(shard.search.index, request.typed, request.limit));
		case 'rangeTop':
			return Promise.resolve(rangeTop(shard.search.index, request.range, request.skip, undefined, request.everyAuthor));
		case 'rangeTermCounts':
			return Promise.resolve(rangeTermCounts(shard.search.index, request.request));
		case 'rangeRising':
			return Promise.resolve(rangeRising(shard.search.index, request.request));
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
