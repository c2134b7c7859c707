import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { filesCorpusIO, isIoReply, isIoRequest, proxyFileAccess, serveFileRequest, type FileAccess, type IoReply, type IoRequest } from '../../src/core/corpus/proxyIO';
import { CorpusShard, type CacheName, type CacheProblem, type FileUpdate } from '../../src/core/corpus/shard';
// @ts-expect-error a plain ES module of the build, without types
import { nodeApiProblems, oneVscodeImport, WEB_ENTRIES, webBuildProblems, webHostPlugin } from '../harness/web-bundle.mjs';

type Problems = (name: string, imports: { path: string }[], code: string) => string[];
const problemsOf = nodeApiProblems as Problems;

/** Bundles like the web build (esbuild.mjs), in memory. */
async function bundle(entry: string | { contents: string; resolveDir: string }) {
	const result = await esbuild.build({
		...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, loader: 'ts' } }),
		bundle: true,
		platform: 'browser',
		format: 'cjs',
		external: ['vscode'],
		plugins: [webHostPlugin, oneVscodeImport],
		metafile: true,
		write: false,
		outdir: 'out/web-check',
		logLevel: 'silent',
	});
	const texts = new Map(result.outputFiles.map((f) => [f.path, f.text]));
	const problems = (webBuildProblems as (r: unknown, read: (file: string) => string) => string[])(result, (file) => texts.get(join(process.cwd(), file)) ?? '');
	return { problems, inputs: Object.keys(result.metafile.inputs) };
}

describe('web build: no Node API in dist/web.js and dist/web-worker.js', function () {
	this.timeout(60_000);

	it('bundles the extension and its index worker for the browser with no Node API', async () => {
		for (const entry of Object.values(WEB_ENTRIES as Record<string, string>)) {
			const { problems, inputs } = await bundle(entry);
			assert.deepStrictEqual(problems, [], entry);
			assert.ok(!inputs.some((i) => /features\/host\.ts$|corpus\/nodeIO\.ts$|search\/worker\.ts$/.test(i)), `${entry} bundles a Node-only module: ${inputs.filter((i) => /host|nodeIO|worker/.test(i)).join(', ')}`);
		}
	});

	it('swaps the Node host for the browser host', async () => {
		const { inputs } = await bundle({ contents: "import { nonce } from './host';\nexport const n = nonce();", resolveDir: 'src/features' });
		assert.ok(inputs.includes('src/features/host.web.ts'), inputs.join(', '));
		assert.ok(!inputs.includes('src/features/host.ts'), inputs.join(', '));
	});

	it('fails on a node: import that stays, and on Node globals used unguarded', async () => {
		const { problems } = await bundle({ contents: "import { readFileSync } from 'node:fs';\nexport const t = readFileSync('x');", resolveDir: 'src' });
		assert.ok(problems.some((p) => p.includes('node:fs')), problems.join('\n'));
		assert.strictEqual(problemsOf('x.js', [], 'const p = process.platform;').length, 1);
		assert.strictEqual(problemsOf('x.js', [], 'const b = Buffer.from("a");').length, 1);
		assert.strictEqual(problemsOf('x.js', [], 'setImmediate(f);').length, 1);
		assert.strictEqual(problemsOf('x.js', [], 'const o = require("node:os");').length, 1);
		assert.strictEqual(problemsOf('x.js', [{ path: 'node:os' }], '').length, 1);
	});

	it('allows a library\'s guarded check and require("vscode")', () => {
		assert.deepStrictEqual(problemsOf('x.js', [{ path: 'vscode' }], 'const v = require("vscode"); if (typeof process !== "undefined" && process.platform) {}'), []);
	});
});

const FIXTURES = join(__dirname, '../../test/fixtures/search');
const DAY1 = 'vscode-vfs://github/o/r/data/2026-02-05.md';
const DAY2 = 'vscode-vfs://github/o/r/data/2026-02-06.md';
const README = 'vscode-vfs://github/o/r/README.md';

/** The extension's side of the web worker: files and caches in memory, every file read counted. */
function memoryFiles() {
	const files = new Map([
		[DAY1, new TextEncoder().encode(readFileSync(join(FIXTURES, '2026-02-05.md'), 'utf8'))],
		[DAY2, new TextEncoder().encode(readFileSync(join(FIXTURES, '2026-02-06.md'), 'utf8'))],
		[README, new TextEncoder().encode('# A project\n\nNo papers here.\n')],
	]);
	const caches = new Map<CacheName, Uint8Array>();
	const reads: string[] = [];
	let cacheWritable = true;
	const access: FileAccess = {
		stat: async (path) => (files.has(path) ? { size: files.get(path)!.length, mtime: 1 } : undefined),
		read: async (path) => {
			reads.push(path);
			const bytes = files.get(path);
			return bytes && new Uint8Array(bytes);
		},
		readCache: async (name) => caches.get(name),
		writeCache: async (name, bytes) => {
			if (!cacheWritable) throw new Error('EROFS: read-only file system');
			caches.set(name, bytes);
		},
	};
	return { access, caches, reads, readOnly: () => (cacheWritable = false) };
}

/**
 * A shard in a "worker" whose file access is proxied over a message channel to `access`, as in
 * dist/web-worker.js: messages are structured-cloned and buffers transferred, as postMessage does.
 */
function proxiedShard(access: FileAccess, onSummaries?: () => void) {
	const post = (message: unknown, transfer: ArrayBuffer[]) => structuredClone(message, { transfer });
	const toExtension = (request: IoRequest, transfer: ArrayBuffer[]) => {
		const received = post(request, transfer);
		assert.ok(isIoRequest(received));
		void serveFileRequest(access, received).then(({ reply, transfer: back }) => {
			const answer = post(reply, back) as IoReply;
			assert.ok(isIoReply(answer));
			proxy.onReply(answer);
		});
	};
	const proxy = proxyFileAccess(toExtension);
	const updates: FileUpdate[] = [];
	const problems: CacheProblem[] = [];
	const shard = new CorpusShard(filesCorpusIO(proxy.files, { yield: () => Promise.resolve(), now: () => 0 }), 0, 1, {
		onFiles: (files) => updates.push(...files),
		onFilesReady: () => onSummaries?.(),
		onCacheProblem: (problem) => problems.push(problem),
	});
	return { shard, updates, problems };
}

describe('web worker shard: files and caches proxied to the extension', () => {
	const specs = [DAY1, DAY2, README].map((path) => ({ path }));

	it('indexes and searches through the proxy, reading each digest once for both passes, and writes its caches through it', async () => {
		const fs = memoryFiles();
		const { shard, updates } = proxiedShard(fs.access);
		await shard.open(specs);
		assert.deepStrictEqual(updates.filter((u) => u.summary).map((u) => u.path).sort(), [DAY1, DAY2]);
		assert.ok(updates.some((u) => u.path === README && !u.summary), 'plain Markdown is reported as no digest');
		// the files pass reads each candidate once (head and text from one read); the index pass uses the bytes it kept
		assert.deepStrictEqual(fs.reads.filter((p) => p === DAY1).length, 1, fs.reads.join('\n'));
		assert.deepStrictEqual(fs.reads.filter((p) => p === README).length, 1, fs.reads.join('\n'));
		const reply = await shard.searchText('扩散模型', 10);
		assert.ok(reply.ok && reply.result.hits.length > 0, JSON.stringify(reply));
		await shard.save();
		assert.ok(fs.caches.get('index')!.length > 0 && fs.caches.get('files')!.length > 0);

		const before = fs.reads.length;
		let readsWhenTreeComplete = -1;
		const warm = proxiedShard(fs.access, () => (readsWhenTreeComplete = fs.reads.length));
		await warm.shard.open(specs);
		// the long fields' text comes back from the files in the background afterwards (the cache leaves it out)
		assert.strictEqual(readsWhenTreeComplete, before, 'a warm start sends every summary from the proxied caches before reading any file');
		const again = await warm.shard.searchText('扩散模型', 10);
		assert.ok(again.ok && reply.ok);
		assert.deepStrictEqual(again.result.hits.map((h) => h.id), reply.result.hits.map((h) => h.id));
	});

	it('a cache the extension cannot write comes back as the shard\'s unwritable problem, and search still works', async () => {
		const fs = memoryFiles();
		fs.readOnly();
		const { shard, problems } = proxiedShard(fs.access);
		await shard.open(specs);
		assert.deepStrictEqual(problems.map((p) => p.kind), ['unwritable']);
		assert.match(problems[0].detail ?? '', /EROFS/);
		const reply = await shard.searchText('depth', 10);
		assert.ok(reply.ok && reply.result.hits.length > 0);
	});
});
