import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shardDispatcher, shardEvents } from '../../src/core/corpus/requests';
import { CorpusShard, type CacheName, type CorpusIO, type OpenReply } from '../../src/core/corpus/shard';
import { restartingShard, SearchService, type WorkerPort } from '../../src/core/search/client';
import type { SearchReply, WorkerMessage, WorkerRequest } from '../../src/core/search/protocol';

const FIXTURES = join(__dirname, '../../test/fixtures/search');
const DAYS = ['2026-02-05.md', '2026-02-06.md', '2026-03-02.md'];
const texts = new Map(DAYS.map((name) => [`/ws/data/${name}`, readFileSync(join(FIXTURES, name), 'utf8')]));
const specs = [...texts.keys()].map((path) => ({ path }));

/** the fixture files, and caches that outlive a worker (a disk); `cachesHeld`: cache reads wait for it */
function diskIO(caches: Map<CacheName, Uint8Array>, cachesHeld?: Promise<void>): CorpusIO {
	return {
		stat: async (path) => (texts.has(path) ? { size: Buffer.byteLength(texts.get(path) ?? ''), mtime: 1 } : undefined),
		readHead: async (path, bytes) => texts.get(path)?.slice(0, bytes),
		readText: async (path) => (texts.has(path) ? { text: texts.get(path) ?? '' } : undefined),
		readCache: async (name) => {
			await cachesHeld;
			return caches.get(name);
		},
		writeCache: async (name, bytes) => void caches.set(name, bytes),
		yield: () => new Promise((resolve) => setImmediate(resolve)),
		now: () => Date.now(),
	};
}

interface FakeWorker extends WorkerPort {
	readonly requests: WorkerRequest['method'][];
	terminated: boolean;
}

/**
 * A "worker" on this thread that speaks the worker protocol, one message per macrotask, like a thread
 * would. `successorsHeld`: the caches a worker after the first reads wait for it (it is loading until then).
 */
function fakeWorkers(caches: Map<CacheName, Uint8Array>, successorsHeld?: Promise<void>) {
	const started: FakeWorker[] = [];
	const start = (): FakeWorker => {
		const messageListeners: ((m: WorkerMessage) => void)[] = [];
		const exitListeners: ((code: number) => void)[] = [];
		const deliver = (m: WorkerMessage) => setImmediate(() => !port.terminated && messageListeners.forEach((l) => l(m)));
		const shard = new CorpusShard(diskIO(caches, started.length > 0 ? successorsHeld : undefined), 0, 1, shardEvents(deliver));
		const dispatch = shardDispatcher(shard, () => ({ heapUsed: 0, external: 0 }));
		const port: FakeWorker = {
			requests: [],
			terminated: false,
			postMessage: (request) => {
				port.requests.push(request.method);
				setImmediate(() => {
					if (port.terminated) return;
					void dispatch(request).then(
						(result) => deliver({ id: request.id, result }),
						(error: unknown) => deliver({ id: request.id, error: String(error) }),
					);
				});
			},
			onMessage: (l) => void messageListeners.push(l),
			onExit: (l) => void exitListeners.push(l),
			terminate: () => {
				if (port.terminated) return;
				port.terminated = true;
				setImmediate(() => exitListeners.forEach((l) => l(1)));
			},
		};
		started.push(port);
		return port;
	};
	return { started, start };
}

const hitIds = (reply: SearchReply) => (reply.ok ? reply.result.hits.map((h) => h.id).sort() : assert.fail(JSON.stringify(reply)));

describe('index workers: a fresh worker after a build', () => {
	it('a worker that indexed the files hands over to one loaded from the cache, and search answers the same', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		const workers = fakeWorkers(caches);
		const service = new SearchService([restartingShard(workers.start, { recycleAfterIndexing: 2 })]);
		const files: string[] = [];
		service.onFiles((updates) => files.push(...updates.map((u) => u.path)));
		await service.open(specs);
		const before = hitIds(await service.search('language', 50));
		assert.ok(before.length > 0, 'the query finds papers');
		// asked while the successor loads: answered all the same
		const during = service.search('language', 50);
		await service.whenSettled();
		assert.deepStrictEqual(hitIds(await during), before);
		assert.strictEqual(workers.started.length, 2, 'one successor started');
		const [old, fresh] = workers.started;
		assert.ok(old.terminated, 'the worker that built the index ended');
		assert.ok(!fresh.terminated, 'its successor answers');
		assert.deepStrictEqual(hitIds(await service.search('language', 50)), before);
		assert.strictEqual(fresh.requests.filter((m) => m === 'search').length >= 1, true, 'the successor answered a search');
		// the successor's own start (summaries the tree already has) is not sent again
		assert.strictEqual(files.length, specs.length);
		service.dispose();
	});

	it('a build in a child process hands over to a thread loaded from its cache, however few files it indexed', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		const workers = fakeWorkers(caches);
		// the first start is a "child process" (no cache yet), as host.ts chooses; the successor a thread
		const start = (): WorkerPort => {
			const port = workers.start();
			return workers.started.length === 1 ? { ...port, process: true } : port;
		};
		const service = new SearchService([restartingShard(start, { recycleAfterIndexing: 100 })]);
		await service.open(specs);
		const before = hitIds(await service.search('language', 50));
		await service.whenSettled();
		assert.strictEqual(workers.started.length, 2, 'a successor started although 3 files < 100');
		const [built, fresh] = workers.started;
		assert.ok(built.terminated, 'the process that built the cache ended');
		assert.ok(!fresh.terminated);
		assert.deepStrictEqual(hitIds(await service.search('language', 50)), before);
		service.dispose();
	});

	it('a thread that indexed fewer files than the threshold keeps its worker', async () => {
		const workers = fakeWorkers(new Map());
		const service = new SearchService([restartingShard(workers.start, { recycleAfterIndexing: 100 })]);
		await service.open(specs);
		await service.whenSettled();
		assert.strictEqual(workers.started.length, 1);
		service.dispose();
	});

	it('a start from the cache (nothing indexed) keeps its worker', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		const first = new SearchService([restartingShard(fakeWorkers(caches).start, { recycleAfterIndexing: 2 })]);
		await first.open(specs);
		await first.whenSettled();
		first.dispose();
		const workers = fakeWorkers(caches);
		const warm = new SearchService([restartingShard(workers.start, { recycleAfterIndexing: 2 })]);
		await warm.open(specs);
		await warm.whenSettled();
		assert.strictEqual(workers.started.length, 1);
		warm.dispose();
	});

	it('a file change while the successor loads keeps the old worker, which saw it', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		// the successor is loading (its cache reads held) until the change is made
		let loadSuccessor = () => {};
		const workers = fakeWorkers(caches, new Promise<void>((resolve) => (loadSuccessor = resolve)));
		const service = new SearchService([restartingShard(workers.start, { recycleAfterIndexing: 2 })]);
		await service.open(specs);
		// "language" is a word of the first day only
		assert.ok(hitIds(await service.search('language', 50)).length > 0);
		await service.remove(specs[0].path);
		assert.strictEqual(workers.started.length, 2, 'the successor was started before the change');
		loadSuccessor();
		await service.whenSettled();
		const [old, fresh] = workers.started;
		assert.ok(!old.terminated, 'the old worker, which removed the file, stays');
		assert.ok(fresh.terminated, 'the successor that did not see the change ended');
		assert.deepStrictEqual(hitIds(await service.search('language', 50)), [], 'the removed file is gone from search');
		service.dispose();
	});

	it('a worker killed again and again, each time after its restart reopened, is restarted every time', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		const workers = fakeWorkers(caches);
		const shard = restartingShard(workers.start, { recycleAfterIndexing: 100 });
		const service = new SearchService([shard]);
		await service.open(specs);
		const expected = hitIds(await service.search('language', 50));
		for (let kill = 1; kill <= 5; kill++) {
			service.killShard(0);
			// the restarted worker re-opens from the caches (a stopped shard would reject this call)
			let reopened = false;
			for (let poll = 0; poll < 500 && !reopened; poll++) {
				const [stats] = await service.stats();
				reopened = stats.phase === 'full' && stats.docs > 0;
				if (!reopened) await new Promise((resolve) => setTimeout(resolve, 5));
			}
			assert.ok(reopened, `reopened after kill ${kill}`);
			assert.deepStrictEqual(hitIds(await service.search('language', 50)), expected, `after kill ${kill}`);
		}
		assert.strictEqual(workers.started.length, 6);
		service.dispose();
	});

	it('a worker killed before the first open (its early requests pending) restarts without an open of no files, which would empty the caches', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		const first = new SearchService([restartingShard(fakeWorkers(caches).start)]);
		await first.open(specs);
		await first.whenSettled();
		first.dispose();
		const files = caches.get('files');
		const workers = fakeWorkers(caches);
		const service = new SearchService([restartingShard(workers.start)]);
		const shown: string[] = [];
		service.onFiles((updates) => shown.push(...updates.filter((u) => u.summary).map((u) => u.path)));
		const known = service.sendKnown();
		service.killShard(0);
		assert.strictEqual(await known, specs.length, 'the restarted worker sent the last session\'s files');
		assert.deepStrictEqual(workers.started[1]?.requests, ['userSets', 'known']);
		assert.strictEqual(caches.get('files'), files, 'the caches as they were');
		assert.deepStrictEqual([...new Set(shown)].sort(), specs.map((f) => f.path).sort());
		await service.open(specs);
		assert.ok(hitIds(await service.search('diffusion', 50)).length > 0);
		service.dispose();
	});
});

/** the review's three races: each open left unanswered before (the search box's index stayed "opening" for good) */
describe('index workers: a worker that dies with opens in flight', () => {
	const opened = (reply: unknown) => assert.ok(reply !== undefined && typeof (reply as OpenReply).indexed === 'number', JSON.stringify(reply));

	it('two opens (a rescan while the first scan opens): both are answered by the restarted worker', async () => {
		const workers = fakeWorkers(new Map());
		const shard = restartingShard(workers.start);
		const first = shard.call({ method: 'open', files: specs });
		const second = shard.call({ method: 'open', files: specs.slice(0, 2) });
		shard.kill?.();
		for (const reply of await Promise.all([first, second])) opened(reply);
		assert.strictEqual(workers.started.length, 2);
		shard.dispose();
	});

	it('SearchService: the rescan\'s open and whenSettled are answered, and the index searches', async () => {
		const workers = fakeWorkers(new Map());
		const service = new SearchService([restartingShard(workers.start)]);
		const first = service.open(specs);
		const rescan = service.open(specs);
		service.killShard(0);
		await Promise.all([first, rescan, service.whenSettled()]);
		assert.ok(hitIds(await service.search('diffusion', 50)).length > 0);
		service.dispose();
	});

	it('a rescan while a recycle\'s successor loads, then the old worker dies: the rescan is answered and the successor ended', async () => {
		const workers = fakeWorkers(new Map());
		const shard = restartingShard(workers.start, { recycleAfterIndexing: 1 });
		opened(await shard.call({ method: 'open', files: specs }));
		assert.strictEqual(workers.started.length, 2, 'the recycle\'s successor is loading');
		const rescan = shard.call({ method: 'open', files: specs });
		workers.started[0].terminate();
		opened(await rescan);
		await shard.settled?.();
		assert.ok(workers.started[1].terminated, 'the successor ended');
		assert.strictEqual(workers.started.filter((w) => !w.terminated).length, 1, 'one worker runs');
		shard.dispose();
	});
});
