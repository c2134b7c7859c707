import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFileName, nodeCorpusIO } from '../../src/core/corpus/nodeIO';
import { decodeFileRecords, encodeFileRecords } from '../../src/core/corpus/records';
import { CorpusShard, indexCacheOutdated, type CacheName, type CacheProblem, type CorpusIO } from '../../src/core/corpus/shard';
import { buildDocumentView, lineReader, MAX_VIEW_DIAGNOSTICS, viewFolding, viewPapers, viewSymbols } from '../../src/core/documentView';
import { foldingRegions } from '../../src/core/folding';
import { PARSER_VERSION } from '../../src/core/parse/version';
import { parseDigest } from '../../src/core/parser';
import { CACHE_FORMAT_VERSION, INDEX_CACHE_VERSION, fileRecordsKey } from '../../src/core/search/cacheFormat';
import { buildSymbols } from '../../src/core/symbols';

const FIXTURES = join(__dirname, '../../test/fixtures/search');
const DAY1 = '/ws/data/2026-02-05.md';
const DAY2 = '/ws/data/2026-02-06.md';
const texts = new Map([
	[DAY1, readFileSync(join(FIXTURES, '2026-02-05.md'), 'utf8')],
	[DAY2, readFileSync(join(FIXTURES, '2026-02-06.md'), 'utf8')],
]);
const specs = [{ path: DAY1 }, { path: DAY2 }];

/** files from the fixtures; caches in memory, or failing to write when `unwritable` */
function memoryIO(caches: Map<CacheName, Uint8Array>, unwritable = false): CorpusIO {
	return {
		stat: async (path) => (texts.has(path) ? { size: Buffer.byteLength(texts.get(path) ?? ''), mtime: 1 } : undefined),
		readHead: async (path, bytes) => texts.get(path)?.slice(0, bytes),
		readText: async (path) => (texts.has(path) ? { text: texts.get(path) ?? '' } : undefined),
		readCache: async (name) => caches.get(name),
		writeCache: async (name, bytes) => {
			if (unwritable) throw new Error('EROFS: read-only file system');
			caches.set(name, bytes);
		},
		yield: () => Promise.resolve(),
		now: () => 0,
	};
}

async function openWith(io: CorpusIO) {
	const problems: CacheProblem[] = [];
	const shard = new CorpusShard(io, 0, 1, { onCacheProblem: (p) => problems.push(p) });
	await shard.open(specs);
	return { shard, problems };
}

const hits = async (shard: CorpusShard, query: string) => {
	const reply = await shard.searchText(query, 10);
	assert.ok(reply.ok, JSON.stringify(reply));
	return reply.ok ? reply.result.hits.length : 0;
};

/** a word of the first fixture's first title, to prove search works */
const titleWord = () => parseDigest(texts.get(DAY1) ?? '', DAY1).papers[0].title.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w)) ?? '';

describe('corpus shard: caches that cannot be used', () => {
	it('a warm start from good caches reports nothing', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		await openWith(memoryIO(caches));
		const { shard, problems } = await openWith(memoryIO(caches));
		assert.deepStrictEqual(problems, []);
		assert.ok(shard.search.fromCache, 'the index came from its cache');
	});

	it('a good cache of files that all moved is set aside for a cold build, with no report of damage', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		await openWith(memoryIO(caches));
		const io = memoryIO(caches);
		const at = (path: string) => path.replace('/moved/', '/ws/');
		const moved: CorpusIO = { ...io, stat: (p) => io.stat(at(p)), readHead: (p, b) => io.readHead(at(p), b), readText: (p) => io.readText(at(p)) };
		const problems: CacheProblem[] = [];
		const shard = new CorpusShard(moved, 0, 1, { onCacheProblem: (p) => problems.push(p) });
		await shard.open(specs.map((f) => ({ path: f.path.replace('/ws/', '/moved/') })));
		assert.deepStrictEqual(problems, []);
		assert.strictEqual(shard.search.fromCache, false, 'built cold');
		assert.ok((await hits(shard, titleWord())) > 0);
	});

	it('damaged caches are reported once each kind, rebuilt, and search works', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		await openWith(memoryIO(caches));
		const good = caches.get('index');
		assert.ok(good && good.length > 100);
		// the index keeps its header (same magic and version) but loses its tail; the records are half a JSON text
		caches.set('index', good.slice(0, Math.floor(good.length / 2)));
		caches.set('files', (caches.get('files') ?? new Uint8Array()).slice(0, 40));
		const { shard, problems } = await openWith(memoryIO(caches));
		assert.deepStrictEqual(problems.map((p) => p.kind), ['corrupt'], JSON.stringify(problems));
		assert.strictEqual(problems[0].cache, 'files', 'the first damaged cache found is named');
		assert.ok((await hits(shard, titleWord())) > 0, `search finds "${titleWord()}"`);
		// rebuilt: the next start loads both caches without a word
		const again = await openWith(memoryIO(caches));
		assert.deepStrictEqual(again.problems, []);
		assert.ok(again.shard.search.fromCache);
	});

	it('an index cache of another format version is outdated, not damage', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		await openWith(memoryIO(caches));
		const old = (caches.get('index') ?? new Uint8Array()).slice();
		new DataView(old.buffer).setUint32(4, INDEX_CACHE_VERSION - 1, true);
		assert.ok(indexCacheOutdated(old));
		assert.ok(!indexCacheOutdated(new Uint8Array(64).fill(7)), 'random bytes are no older version');
		caches.set('index', old);
		const { problems, shard } = await openWith(memoryIO(caches));
		// the file records stay (their key is the parser's version and the shard layout, not the index format): the Papers view still starts from them
		assert.deepStrictEqual(problems.map((p) => [p.kind, p.cache]), [['outdated', 'index']]);
		assert.strictEqual(fileRecordsKey(0, 1), `files:p${PARSER_VERSION}:0/1`);
		assert.ok((await hits(shard, titleWord())) > 0);
	});

	it('caches made by another parser version, or before caches named it, are outdated: rebuilt silently, and the next start loads them', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		await openWith(memoryIO(caches));
		const written = new Map(caches);
		const indexOf = (version: number) => {
			const bytes = (written.get('index') ?? new Uint8Array()).slice();
			new DataView(bytes.buffer).setUint32(4, version, true);
			assert.ok(indexCacheOutdated(bytes), `version ${version} is outdated`);
			return bytes;
		};
		const records = await decodeFileRecords(written.get('files') ?? new Uint8Array(), fileRecordsKey(0, 1));
		assert.ok(records && records.size === 2, 'the records as written');
		const olds: [CacheName, Uint8Array][] = [
			// format 10 before the parser's version: the header's version the format's alone, the records' key the shard layout's
			['index', indexOf(CACHE_FORMAT_VERSION)],
			['files', await encodeFileRecords(records, 'files:0/1')],
			// an earlier parser's
			['index', indexOf(INDEX_CACHE_VERSION - 0x10000)],
			['files', await encodeFileRecords(records, `files:p${PARSER_VERSION - 1}:0/1`)],
		];
		// the index is built again from the files; for the records, the files are read again (the index, this parser's, still loads)
		for (const [name, bytes] of olds) {
			const these = new Map(written).set(name, bytes);
			const { problems, shard } = await openWith(memoryIO(these));
			assert.deepStrictEqual(problems.map((p) => [p.kind, p.cache]), [['outdated', name]]);
			assert.strictEqual(shard.search.fromCache, name === 'files', `${name}: the index loaded from its cache`);
			assert.ok((await hits(shard, titleWord())) > 0);
			await shard.save();
			const again = await openWith(memoryIO(these));
			assert.deepStrictEqual(again.problems, [], `${name}: loaded at the next start`);
			assert.ok(again.shard.search.fromCache);
		}
	});

	it('file records of another format are outdated, garbage bytes are damage', async () => {
		const caches = new Map<CacheName, Uint8Array>([['files', new TextEncoder().encode(JSON.stringify({ format: 0, key: 'x', files: [] }))]]);
		assert.deepStrictEqual((await openWith(memoryIO(caches))).problems.map((p) => p.kind), ['outdated']);
		caches.set('files', new Uint8Array([0xff, 0xfe, 0x00, 0x7b]));
		caches.delete('index');
		assert.deepStrictEqual((await openWith(memoryIO(caches))).problems.map((p) => p.kind), ['corrupt']);
	});

	it('a cache that cannot be written is reported once, and the shard keeps working without it', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		const { shard, problems } = await openWith(memoryIO(caches, true));
		assert.deepStrictEqual(problems.map((p) => p.kind), ['unwritable'], 'both caches failed, one report');
		assert.match(problems[0].detail ?? '', /EROFS/);
		assert.ok((await hits(shard, titleWord())) > 0);
		await shard.save();
		assert.strictEqual(problems.length, 1, 'a later save does not report again');
		assert.strictEqual(caches.size, 0);
	});

	it('a save after failed writes writes both caches once the disk takes them, and then nothing more', async () => {
		const caches = new Map<CacheName, Uint8Array>();
		let failing = true;
		const io = memoryIO(caches);
		const { shard, problems } = await openWith({
			...io,
			writeCache: async (name, bytes) => {
				if (failing) throw new Error('ENOSPC: no space left on device');
				await io.writeCache(name, bytes);
			},
		});
		assert.deepStrictEqual(problems.map((p) => p.kind), ['unwritable']);
		failing = false;
		await shard.save();
		assert.deepStrictEqual([...caches.keys()].sort(), ['files', 'index'], 'both written on the next save');
		const written = new Map(caches);
		await shard.save();
		for (const [name, bytes] of caches) assert.strictEqual(bytes, written.get(name), `${name}: nothing new to write`);
	});

	it('on disk: a cache path taken by a folder fails the write, leaves no temp file behind, and is reported', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-cache-'));
		try {
			for (const name of ['index', 'files'] as const) {
				mkdirSync(join(dir, cacheFileName(name, 0, 1)));
				writeFileSync(join(dir, cacheFileName(name, 0, 1), 'keep'), '');
			}
			const io = { ...nodeCorpusIO(dir, 0, 1), stat: memoryIO(new Map()).stat, readHead: memoryIO(new Map()).readHead, readText: memoryIO(new Map()).readText };
			const { shard, problems } = await openWith(io);
			assert.deepStrictEqual(problems.map((p) => p.kind), ['unwritable']);
			assert.ok((await hits(shard, titleWord())) > 0);
			assert.deepStrictEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'no temp file left');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('document view (the providers\' data of an open digest)', () => {
	it('round-trips symbols, folding and papers exactly as built on the host', () => {
		for (const [path, text] of texts) {
			const digest = parseDigest(text, path);
			const lines = lineReader(text);
			const view = buildDocumentView(digest, lines);
			assert.deepStrictEqual(viewSymbols(view), buildSymbols(digest));
			assert.deepStrictEqual(viewFolding(view).map((r) => [r.start, r.end]), foldingRegions(digest, lines).map((r) => [r.start, r.end]));
			assert.deepStrictEqual(viewPapers(view), digest.papers.map((p) => ({ id: p.id, isArxiv: p.isArxiv, headingLine: p.headingLine })));
			assert.deepStrictEqual(view.diagnostics, digest.diagnostics);
			assert.ok(view.symbols instanceof Int32Array && view.folding instanceof Int32Array, 'packed: typed arrays cross threads as one copy');
		}
	});

	it('reads CRLF and lone-CR lines as the parser numbers them, so the folding is the same as with LF', () => {
		for (const [path, text] of texts) {
			const lf = buildDocumentView(parseDigest(text, path), lineReader(text));
			for (const eol of ['\r\n', '\r']) {
				const other = text.replace(/\n/g, eol);
				const view = buildDocumentView(parseDigest(other, path), lineReader(other));
				assert.deepStrictEqual(viewFolding(view), viewFolding(lf), `${path} with ${JSON.stringify(eol)}`);
				assert.strictEqual(lineReader(other)(3), lineReader(text)(3), 'lines come without their ends');
			}
		}
	});

	it('keeps at most MAX_VIEW_DIAGNOSTICS diagnostics, errors first', () => {
		const text = texts.get(DAY1) ?? '';
		const start = text.indexOf("<div id='cs.CV'>");
		assert.ok(start > 0);
		// the same papers over and over: a duplicate-id warning for each repeat
		const digest = parseDigest(text + text.slice(start).repeat(Math.ceil((MAX_VIEW_DIAGNOSTICS + 50) / 3)) + '\n<details>\nunterminated', DAY1);
		assert.ok(digest.diagnostics.length > MAX_VIEW_DIAGNOSTICS, `${digest.diagnostics.length} diagnostics`);
		const view = buildDocumentView(digest);
		assert.strictEqual(view.diagnostics.length, MAX_VIEW_DIAGNOSTICS);
		assert.strictEqual(view.diagnosticCount, digest.diagnostics.length);
		const ranks = view.diagnostics.map((d) => ['error', 'warning', 'info', 'hint'].indexOf(d.severity));
		assert.deepStrictEqual(ranks, [...ranks].sort((a, b) => a - b), 'errors first');
	});
});

describe('stale cache files', () => {
	it('removes the caches of another shard count and the records\' earlier .json name, keeps the current ones', () => {
		const { mkdtempSync, writeFileSync: write, readdirSync: list, rmSync: remove } = require('node:fs') as typeof import('node:fs');
		const { join: joinPath } = require('node:path') as typeof import('node:path');
		const { tmpdir: tmp } = require('node:os') as typeof import('node:os');
		const { removeStaleCaches, cacheFileName } = require('../../src/core/corpus/nodeIO') as typeof import('../../src/core/corpus/nodeIO');
		const dir = mkdtempSync(joinPath(tmp(), 'arxiv-digest-stale-'));
		try {
			const current = [cacheFileName('index', 0, 2), cacheFileName('files', 1, 2)];
			for (const name of [...current, 'search-index.0of1.bin', 'files.0of1.bin', 'files.0of2.json', 'notes.txt']) write(joinPath(dir, name), 'x');
			removeStaleCaches(dir, 2);
			require('node:assert').deepStrictEqual(list(dir).sort(), [...current, 'notes.txt'].sort());
		} finally {
			remove(dir, { recursive: true, force: true });
		}
	});

	it('removes the temporary files of cache writes that never finished, not those of a write in progress', () => {
		const { mkdtempSync, writeFileSync: write, readdirSync: list, rmSync: remove, utimesSync } = require('node:fs') as typeof import('node:fs');
		const { join: joinPath } = require('node:path') as typeof import('node:path');
		const { tmpdir: tmp } = require('node:os') as typeof import('node:os');
		const { removeStaleCaches, cacheFileName } = require('../../src/core/corpus/nodeIO') as typeof import('../../src/core/corpus/nodeIO');
		const dir = mkdtempSync(joinPath(tmp(), 'arxiv-digest-temp-'));
		try {
			const cache = cacheFileName('index', 0, 1);
			const abandoned = `${cache}.4242-0.1700000000000.tmp`;
			const writing = `${cacheFileName('files', 0, 1)}.4243-1.1700000000001.tmp`;
			for (const name of [cache, abandoned, writing, 'other.tmp']) write(joinPath(dir, name), 'x');
			const now = Date.now();
			// an hour old: its process ended mid-write
			utimesSync(joinPath(dir, abandoned), new Date(now - 3600_000), new Date(now - 3600_000));
			removeStaleCaches(dir, 1, now);
			require('node:assert').deepStrictEqual(list(dir).sort(), [cache, writing, 'other.tmp'].sort());
		} finally {
			remove(dir, { recursive: true, force: true });
		}
	});
});

describe('the index cache read for a booting worker (a warm start)', () => {
	const { MessageChannel } = require('node:worker_threads') as typeof import('node:worker_threads');
	const { indexCacheHandedOver, readCacheFile, readCacheFileOffThread } = require('../../src/core/corpus/nodeIO') as typeof import('../../src/core/corpus/nodeIO');

	it('off the thread: the same bytes as the synchronous read; none for a missing or unreadable cache', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-handed-'));
		try {
			const bytes = new Uint8Array(3 * 65536 + 7).map((_, i) => (i * 31) & 0xff);
			writeFileSync(join(dir, cacheFileName('index', 0, 1)), bytes);
			const read = await readCacheFileOffThread(dir, 'index', 0, 1);
			const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => !!a && !!b && Buffer.compare(a, b) === 0;
			assert.ok(same(read, readCacheFile(dir, 'index', 0, 1)), 'the bytes the synchronous read reads');
			assert.ok(same(read, bytes), 'the bytes written');
			assert.strictEqual(await readCacheFileOffThread(dir, 'files', 0, 1), undefined, 'no such file');
			mkdirSync(join(dir, cacheFileName('files', 0, 1)));
			assert.strictEqual(await readCacheFileOffThread(dir, 'files', 0, 1), undefined, 'a folder where the cache should be');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('the first index read takes the bytes handed over; every other read, and the index after, reads itself', async () => {
		const own = new Map<CacheName, Uint8Array>([
			['index', new Uint8Array([1, 1])],
			['files', new Uint8Array([2])],
		]);
		const reads: CacheName[] = [];
		const read = async (name: CacheName) => (reads.push(name), own.get(name));
		const { port1, port2 } = new MessageChannel();
		const cacheRead = indexCacheHandedOver(read, port2);
		const handed = new Uint8Array([9, 9, 9]);
		port1.postMessage(handed, [handed.buffer]);
		assert.deepStrictEqual(await cacheRead('files'), new Uint8Array([2]));
		assert.deepStrictEqual(await cacheRead('index'), new Uint8Array([9, 9, 9]));
		assert.deepStrictEqual(await cacheRead('index'), new Uint8Array([1, 1]));
		assert.deepStrictEqual(reads, ['files', 'index']);
	});

	it('none handed over (the host could not read it): the worker reads the cache itself', async () => {
		const read = async (name: CacheName) => (name === 'index' ? new Uint8Array([7]) : undefined);
		const { port1, port2 } = new MessageChannel();
		const cacheRead = indexCacheHandedOver(read, port2);
		port1.postMessage(undefined);
		assert.deepStrictEqual(await cacheRead('index'), new Uint8Array([7]));
		assert.strictEqual(indexCacheHandedOver(read, undefined), read, 'no port: the reads as they are');
	});
});
