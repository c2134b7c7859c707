/**
 * The search service the extension and the CLI talk to: N index shards (files are split
 * by a hash of their path), each in its own worker thread, or one in-process shard where
 * workers are unavailable. Results of the shards are merged by paper id (a paper listed
 * in files of both shards appears once, with all its days).
 */
import { cacheKey, SearchShard, type ShardIO } from './engine';
import type { SearchHit } from './index';
import type { FileSpec, IdsReply, IndexPhase, ProgressPhase, SearchReply, ShardStats, WorkerInit, WorkerMessage, WorkerRequest } from './protocol';
import { parseQuery } from './query';

export interface SearchProgress {
	phase: ProgressPhase;
	/** files read (head pass) or documents whose long fields are indexed (body pass), over all shards */
	done: number;
	total: number;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** One shard, wherever it runs. */
export interface ShardHandle {
	call(request: Request): Promise<unknown>;
	onEvent(listener: (event: WorkerMessage) => void): void;
	dispose(): void;
}

export function shardOf(path: string, shards: number): number {
	let h = 2166136261;
	for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
	return (h >>> 0) % shards;
}

/** A shard in a worker thread running dist/search-worker.js. */
export function workerShard(script: string, init: WorkerInit): ShardHandle {
	// required lazily: the web extension host has no worker_threads, and callers fall back
	const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
	const worker = new Worker(script, { workerData: init });
	let nextId = 1;
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
	const listeners: ((event: WorkerMessage) => void)[] = [];
	worker.on('message', (message: WorkerMessage) => {
		if ('id' in message) {
			const p = pending.get(message.id);
			pending.delete(message.id);
			if (message.error !== undefined) p?.reject(new Error(message.error));
			else p?.resolve(message.result);
		} else {
			for (const l of listeners) l(message);
		}
	});
	const failAll = (error: Error) => {
		for (const p of pending.values()) p.reject(error);
		pending.clear();
	};
	worker.on('error', failAll);
	worker.on('exit', (code) => failAll(new Error(`search worker exited (${code})`)));
	return {
		call: (request) =>
			new Promise((resolve, reject) => {
				const id = nextId++;
				pending.set(id, { resolve, reject });
				worker.postMessage({ ...request, id });
			}),
		onEvent: (l) => listeners.push(l),
		dispose: () => void worker.terminate(),
	};
}

/** A shard on the calling thread; `io.yield` decides how often it gives the thread back. */
export function inProcessShard(io: ShardIO, shard: number, shards: number): ShardHandle {
	const listeners: ((event: WorkerMessage) => void)[] = [];
	const emit = (event: WorkerMessage) => listeners.forEach((l) => l(event));
	const engine = new SearchShard(io, cacheKey(shard, shards), (p) => emit({ event: 'progress', ...p }));
	let queue: Promise<unknown> = Promise.resolve();
	const serial = <T>(fn: () => Promise<T>): Promise<T> => {
		const next = queue.then(fn, fn);
		queue = next.catch(() => undefined);
		return next;
	};
	return {
		call: async (request) => {
			switch (request.method) {
				case 'open':
					return serial(() => engine.open(request.files, () => emit({ event: 'headReady' })));
				case 'update':
					return serial(() => engine.updateFile(request.file));
				case 'remove':
					return serial(async () => engine.removeFile(request.path));
				case 'search':
					return engine.search(request.query, request.limit, request.fuzzy);
				case 'ids':
					return engine.ids(request.query);
				case 'save':
					return serial(() => engine.save());
				case 'stats': {
					const stats: ShardStats = {
						docs: engine.index.size,
						terms: engine.index.terms.length,
						files: engine.index.files.size,
						heapUsed: 0,
						external: 0,
						phase: engine.phase,
						fromCache: engine.fromCache,
					};
					return stats;
				}
			}
		},
		onEvent: (l) => listeners.push(l),
		dispose: () => undefined,
	};
}

export class SearchService {
	private readonly progress: (SearchProgress | undefined)[];
	private readonly headFlags: boolean[];
	private headResolve!: () => void;
	/** resolves when titles, authors, ids and TL;DRs of every file are searchable */
	readonly headReady = new Promise<void>((resolve) => (this.headResolve = resolve));
	private opened: Promise<void> | undefined;
	private progressListeners: ((p: SearchProgress) => void)[] = [];
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
				}
			}),
		);
	}

	onProgress(listener: (p: SearchProgress) => void): { dispose(): void } {
		this.progressListeners.push(listener);
		return { dispose: () => (this.progressListeners = this.progressListeners.filter((l) => l !== listener)) };
	}

	private fireProgress(): void {
		const known = this.progress.filter((p): p is SearchProgress => p !== undefined);
		if (known.length === 0) return;
		// report the slowest phase across shards
		const order: ProgressPhase[] = ['head', 'body', 'full'];
		const phase = known.reduce<ProgressPhase>((min, p) => (order.indexOf(p.phase) < order.indexOf(min) ? p.phase : min), 'full');
		const same = known.filter((p) => p.phase === phase);
		const progress = { phase, done: same.reduce((s, p) => s + p.done, 0), total: same.reduce((s, p) => s + p.total, 0) };
		for (const l of this.progressListeners) l(progress);
	}

	get shardCount(): number {
		return this.shards.length;
	}

	/** Loads caches / builds; resolves when every field of every file is searchable. */
	open(files: readonly FileSpec[]): Promise<void> {
		const byShard = this.shards.map((): FileSpec[] => []);
		for (const f of files) byShard[shardOf(f.path, this.shards.length)].push(f);
		this.opened = Promise.all(this.shards.map((s, i) => s.call({ method: 'open', files: byShard[i] }))).then(() => {
			this.phase = 'full';
			this.headResolve();
		});
		return this.opened;
	}

	/** resolves when the last `open` finished */
	whenIndexed(): Promise<void> {
		return this.opened ?? Promise.resolve();
	}

	update(file: FileSpec): Promise<unknown> {
		return this.shards[shardOf(file.path, this.shards.length)].call({ method: 'update', file });
	}

	remove(path: string): Promise<unknown> {
		return this.shards[shardOf(path, this.shards.length)].call({ method: 'remove', path });
	}

	save(): Promise<unknown> {
		return Promise.all(this.shards.map((s) => s.call({ method: 'save' })));
	}

	async search(query: string, limit = 50, fuzzy = true): Promise<SearchReply> {
		const parsed = parseQuery(query);
		if (!parsed.ok) return { ok: false, error: parsed.error };
		const replies = (await Promise.all(this.shards.map((s) => s.call({ method: 'search', query, limit, fuzzy })))) as SearchReply[];
		const failed = replies.find((r) => !r.ok);
		if (failed) return failed;
		if (replies.length === 1) return replies[0];
		const merged = new Map<string, SearchHit>();
		let total = 0;
		let approximate = false;
		for (const reply of replies) {
			if (!reply.ok) continue;
			total += reply.result.total;
			approximate ||= reply.result.approximate;
			for (const hit of reply.result.hits) {
				const seen = merged.get(hit.id);
				if (!seen) {
					merged.set(hit.id, hit);
					continue;
				}
				total--;
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
		return { ok: true, result: { hits: hits.slice(0, limit), total, approximate } };
	}

	async ids(query: string): Promise<IdsReply> {
		const parsed = parseQuery(query);
		if (!parsed.ok) return { ok: false, error: parsed.error };
		const replies = (await Promise.all(this.shards.map((s) => s.call({ method: 'ids', query })))) as IdsReply[];
		const ids = new Set<string>();
		for (const r of replies) {
			if (!r.ok) return r;
			for (const id of r.ids) ids.add(id);
		}
		return { ok: true, ids: [...ids] };
	}

	stats(): Promise<ShardStats[]> {
		return Promise.all(this.shards.map((s) => s.call({ method: 'stats' }) as Promise<ShardStats>));
	}

	dispose(): void {
		for (const s of this.shards) s.dispose();
	}
}

/** Shard count for this machine: two workers on two or more cores, else one. */
export function defaultShardCount(cpus: number): number {
	return cpus >= 2 ? 2 : 1;
}
