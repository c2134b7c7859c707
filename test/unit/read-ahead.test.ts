import * as assert from 'node:assert';
import { filesCorpusIO, readAheadFiles, READ_AHEAD, type FileAccess } from '../../src/core/corpus/proxyIO';
import { CorpusShard, type FileUpdate } from '../../src/core/corpus/shard';

const digest = (day: string, id: string, title: string) =>
	[`# ${day}`, '', `**Report Date:** ${day}`, '', '## cs.AI', '', `### [1] [${title}](https://arxiv.org/abs/${id})`, '*Ada Lovelace* | **Main category: cs.AI**', '', `> **TL;DR:** ${title}.`, ''].join('\n');

/**
 * Files in memory behind a file API whose every call takes a few event-loop turns (a round trip),
 * counting the reads in flight at once.
 */
function slowFiles(contents: Map<string, string>) {
	const bytes = new Map([...contents].map(([path, text]) => [path, new TextEncoder().encode(text)]));
	const mtimes = new Map([...contents.keys()].map((path) => [path, 1]));
	let inFlight = 0;
	let maxInFlight = 0;
	const reads: string[] = [];
	const turn = async () => {
		for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
	};
	const access: FileAccess = {
		stat: async (path) => {
			await turn();
			return bytes.has(path) ? { size: bytes.get(path)!.length, mtime: mtimes.get(path)! } : undefined;
		},
		read: async (path) => {
			inFlight++;
			maxInFlight = Math.max(maxInFlight, inFlight);
			reads.push(path);
			await turn();
			inFlight--;
			const b = bytes.get(path);
			return b && new Uint8Array(b);
		},
		readCache: async () => undefined,
		writeCache: async () => undefined,
	};
	return {
		access,
		reads,
		maxInFlight: () => maxInFlight,
		write(path: string, text: string) {
			bytes.set(path, new TextEncoder().encode(text));
			mtimes.set(path, (mtimes.get(path) ?? 0) + 1);
		},
	};
}

const settle = async () => {
	for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
};

describe('read-ahead over a file API with round trips (web build)', () => {
	const paths = Array.from({ length: 20 }, (_, i) => `vscode-vfs://github/o/r/data/2026-01-${String(i + 1).padStart(2, '0')}.md`);
	const contents = new Map(paths.map((p, i) => [p, digest(p.slice(-13, -3), `2601.${String(10000 + i)}`, `Paper number ${i}`)]));

	it('keeps at most `depth` files read ahead, and starts the next one as each is used', async () => {
		const fs = slowFiles(contents);
		const ahead = readAheadFiles(fs.access, 4);
		ahead.plan(paths);
		await settle();
		assert.deepStrictEqual(fs.reads, paths.slice(0, 4), 'the first four, in order, and no more');
		assert.ok(await ahead.stat(paths[0]));
		const first = await ahead.read(paths[0]);
		assert.strictEqual(new TextDecoder().decode(first), contents.get(paths[0]));
		await settle();
		assert.deepStrictEqual(fs.reads, paths.slice(0, 5), 'using one starts the fifth; the first was not read again');
	});

	it('a file changed after it was read ahead is read again: nothing older than the stat the shard saw', async () => {
		const fs = slowFiles(contents);
		const ahead = readAheadFiles(fs.access, 4);
		ahead.plan(paths);
		await settle();
		fs.write(paths[1], digest('2026-01-02', '2601.99999', 'Rewritten paper'));
		await ahead.stat(paths[1]);
		const text = new TextDecoder().decode(await ahead.read(paths[1]));
		assert.match(text, /Rewritten paper/);
		assert.strictEqual(fs.reads.filter((p) => p === paths[1]).length, 2);
	});

	it('a read that no stat checked goes to the file system, and the read-ahead stays for its own read', async () => {
		const fs = slowFiles(contents);
		const ahead = readAheadFiles(fs.access, 2);
		ahead.plan(paths);
		await settle();
		await ahead.read(paths[0]);
		assert.strictEqual(fs.reads.filter((p) => p === paths[0]).length, 2);
		await ahead.stat(paths[0]);
		await ahead.read(paths[0]);
		assert.strictEqual(fs.reads.filter((p) => p === paths[0]).length, 2, 'the checked read-ahead was used');
	});

	it('a cold shard open reads several files at once, each digest once for both passes, and finds every paper', async () => {
		const fs = slowFiles(contents);
		const updates: FileUpdate[] = [];
		const shard = new CorpusShard(filesCorpusIO(fs.access, { yield: () => Promise.resolve(), now: () => 0 }), 0, 1, { onFiles: (files) => updates.push(...files) });
		await shard.open(paths.map((path) => ({ path })));
		assert.ok(fs.maxInFlight() > 1 && fs.maxInFlight() <= READ_AHEAD, `reads in flight at once: ${fs.maxInFlight()}`);
		for (const path of paths) assert.strictEqual(fs.reads.filter((p) => p === path).length, 1, `${path}: read once, for the tree and the index`);
		assert.strictEqual(updates.filter((u) => u.summary).length, paths.length);
		for (let i = 0; i < paths.length; i += 7) {
			const reply = await shard.searchText(`id:2601.${10000 + i}`, 5);
			assert.ok(reply.ok && reply.result.hits.length === 1, JSON.stringify(reply));
		}
	});

	it('a cold open reads each digest once, and files new since the caches once too', async () => {
		const fs = slowFiles(contents);
		const caches = new Map<string, Uint8Array>();
		fs.access.readCache = async (name) => caches.get(name);
		fs.access.writeCache = async (name, bytes) => void caches.set(name, bytes);
		const io = () => filesCorpusIO(fs.access, { yield: () => Promise.resolve(), now: () => 0 });
		await new CorpusShard(io(), 0, 1, {}).open(paths.slice(0, 10).map((path) => ({ path })));
		for (const path of paths.slice(0, 10)) assert.strictEqual(fs.reads.filter((p) => p === path).length, 1, `${path}: read once, for the tree and the index`);
		fs.reads.length = 0;
		const shard = new CorpusShard(io(), 0, 1, {});
		const { indexed } = await shard.open(paths.map((path) => ({ path })));
		assert.strictEqual(indexed, 10, 'the first ten came from the caches');
		for (const path of paths.slice(10)) assert.strictEqual(fs.reads.filter((p) => p === path).length, 1, `${path}: read once`);
		const reply = await shard.searchText('id:2601.10015', 5);
		assert.ok(reply.ok && reply.result.hits.length === 1, JSON.stringify(reply));
	});
});
