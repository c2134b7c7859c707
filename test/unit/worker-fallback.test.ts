import * as assert from 'node:assert';
import { inProcessShard } from '../../src/core/corpus/inProcess';
import { filesCorpusIO, type FileAccess } from '../../src/core/corpus/proxyIO';
import type { FileUpdate } from '../../src/core/corpus/shard';
import { restartingShard, SearchService, type WorkerPort } from '../../src/core/search/client';
import type { WorkerMessage } from '../../src/core/search/protocol';

const PATH = 'vscode-vfs://github/o/r/data/2026-03-04.md';
const TEXT = ['# 2026-03-04', '', '**Report Date:** 2026-03-04', '', '## cs.AI', '', '### [1] [Quokka Planning for Small Robots](https://arxiv.org/abs/2603.04001)', '*Ada Lovelace* | **Main category: cs.AI**', '', '> **TL;DR:** Quokkas plan.', ''].join('\n');

const memoryFiles = (): FileAccess => {
	const bytes = new TextEncoder().encode(TEXT);
	return {
		stat: async (path) => (path === PATH ? { size: bytes.length, mtime: 1 } : undefined),
		read: async (path) => (path === PATH ? new Uint8Array(bytes) : undefined),
		readCache: async () => undefined,
		writeCache: async () => undefined,
	};
};

/** A worker that ends as soon as it is started, after sending `messages` (none: a script that never loads). */
function dyingWorker(messages: WorkerMessage[] = []): { start: () => WorkerPort; starts: () => number } {
	let starts = 0;
	return {
		starts: () => starts,
		start: () => {
			starts++;
			const exits: ((code: number) => void)[] = [];
			const listeners: ((m: WorkerMessage) => void)[] = [];
			setTimeout(() => {
				for (const m of messages) listeners.forEach((l) => l(m));
				exits.forEach((l) => l(1));
			}, 1);
			return { postMessage: () => undefined, onMessage: (l) => void listeners.push(l), onExit: (l) => void exits.push(l), terminate: () => undefined };
		},
	};
}

describe('a shard whose worker cannot start runs on the calling thread instead', () => {
	it('after the restarts, the fallback gets the files and the unanswered open, once, and search works', async () => {
		const worker = dyingWorker();
		let fallbacks = 0;
		const handle = restartingShard(worker.start, {
			fallback: () => {
				fallbacks++;
				return inProcessShard(filesCorpusIO(memoryFiles(), { yield: () => Promise.resolve(), now: () => 0 }), 0, 1);
			},
		});
		const service = new SearchService([handle]);
		const summaries: FileUpdate[] = [];
		service.onFiles((files) => summaries.push(...files));
		await service.open([{ path: PATH }]);
		await service.whenIndexed();
		assert.strictEqual(worker.starts(), 4, 'the first start and three restarts');
		assert.strictEqual(fallbacks, 1);
		assert.deepStrictEqual(summaries.filter((u) => u.summary).map((u) => u.path), [PATH], 'the tree hears of the file from the fallback');
		const reply = await service.search('quokka', 5);
		assert.ok(reply.ok, JSON.stringify(reply));
		assert.deepStrictEqual(reply.result.hits.map((h) => h.id), ['2603.04001']);
	});

	it('a worker that ran and keeps dying (a file that crashes it) does not fall back: the calls fail', async () => {
		const worker = dyingWorker([{ event: 'progress', phase: 'files', done: 0, total: 1 }]);
		let fallbacks = 0;
		const handle = restartingShard(worker.start, {
			fallback: () => {
				fallbacks++;
				return inProcessShard(filesCorpusIO(memoryFiles(), { yield: () => Promise.resolve(), now: () => 0 }), 0, 1);
			},
		});
		await assert.rejects(handle.call({ method: 'open', files: [{ path: PATH }] }), /search index stopped/);
		assert.strictEqual(fallbacks, 0);
		handle.dispose();
	});
});

describe('a search service started before it knows its files', () => {
	it('says it is indexed only once the first open finished, and answers from that index', async () => {
		const service = new SearchService([inProcessShard(filesCorpusIO(memoryFiles(), { yield: () => Promise.resolve(), now: () => 0 }), 0, 1)]);
		let indexed = false;
		const waiting = service.whenIndexed().then(() => (indexed = true));
		// the workspace is still being listed: nothing may say the index is complete (an answer
		// already there would have run in the microtasks before this macrotask)
		await new Promise((resolve) => setImmediate(resolve));
		assert.strictEqual(indexed, false);
		const opened = service.open([{ path: PATH }]);
		await waiting;
		assert.ok(indexed);
		await opened;
		const reply = await service.search('quokka', 5);
		assert.ok(reply.ok && reply.result.hits.length === 1, JSON.stringify(reply));
	});

	it('is searchable in every field once every shard reported its index complete, before their caches are written', async () => {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let writes = 0;
		const files: FileAccess = {
			...memoryFiles(),
			writeCache: async () => {
				writes++;
				await held;
			},
		};
		const service = new SearchService([inProcessShard(filesCorpusIO(files, { yield: () => Promise.resolve(), now: () => 0 }), 0, 1)]);
		let opened = false;
		const opening = service.open([{ path: PATH }]).then(() => (opened = true));
		await service.whenIndexed();
		assert.strictEqual(service.phase, 'full');
		const reply = await service.search('quokkas plan', 5);
		assert.ok(reply.ok && reply.result.hits.length === 1, JSON.stringify(reply));
		// the shard writes its cache after saying so, and its open answers only once that is done
		while (writes === 0) await new Promise((resolve) => setImmediate(resolve));
		assert.strictEqual(opened, false, 'open waits for the cache write');
		let settled = false;
		const settling = service.whenSettled().then(() => (settled = true));
		await new Promise((resolve) => setImmediate(resolve));
		assert.strictEqual(settled, false, 'whenSettled waits for the open');
		release();
		await opening;
		await settling;
	});
});

describe('a shard that is disposed (the workspace lost its last digest)', () => {
	it('rejects the calls its worker had not answered, and terminates the worker', async () => {
		let terminated = 0;
		const silent = (): WorkerPort => ({ postMessage: () => undefined, onMessage: () => undefined, onExit: () => undefined, terminate: () => void terminated++ });
		const handle = restartingShard(silent);
		const pending = handle.call({ method: 'search', query: 'quokka', limit: 5, fuzzy: false });
		handle.dispose();
		await assert.rejects(pending, /the search index stopped/);
		assert.strictEqual(terminated, 1);
	});
});
