import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileRecordsKey } from '../../src/core/search/cacheFormat';
import { decodeFileRecords, decodeSummedRecords, digestRecord, encodeFileRecords, fileRecordsOutdated, summaryBytesOf, summaryOf, type FileRecord } from '../../src/core/corpus/records';
import { COMPRESS_RECORDS, deflate, inflate } from '../../src/core/search/deflate';
import { cacheFileName, isFileRecordsCache, isStaleCacheFile } from '../../src/core/corpus/proxyIO';
import { CorpusShard, type CacheName, type CorpusIO, type FileUpdate } from '../../src/core/corpus/shard';
import { parseDigest } from '../../src/core/parser';
import { decodeFileUpdates, encodeFileUpdates, type TreePassTimings } from '../../src/core/search/protocol';
import { DEFAULT_SHARDS, SearchService, shardOf } from '../../src/core/search/client';
import { inProcessShard } from '../../src/core/corpus/inProcess';
import { compactTexts, paperCountOf, paperIdsOf, summarizeDigest, summaryFromCompact, SUMMARY_AUTHORS } from '../../src/core/summary';
import { primaryLink } from '../../src/core/card/links';
import { MAX_CANDIDATE_BYTES } from '../../src/core/candidates';

const FIXTURES = join(__dirname, '../../test/fixtures/search');
const DAY1 = '/ws/data/2026-02-05.md';
const DAY2 = '/ws/data/2026-02-06.md';
const README = '/ws/README.md';

function fixture(name: string): string {
	return readFileSync(join(FIXTURES, name), 'utf8');
}

interface MemoryFs {
	/** `size`: what stat says where it is not the text's (a file grown past the candidates' limit) */
	files: Map<string, { text: string; mtime: number; size?: number }>;
	caches: Map<CacheName, Uint8Array>;
	/** every full read and every head read, in order */
	reads: string[];
	heads: string[];
}

function memoryFs(): MemoryFs {
	return {
		files: new Map([
			[DAY1, { text: fixture('2026-02-05.md'), mtime: 1 }],
			[DAY2, { text: fixture('2026-02-06.md'), mtime: 1 }],
			[README, { text: '# A project\n\nNothing to see: no papers here.\n', mtime: 1 }],
		]),
		caches: new Map(),
		reads: [],
		heads: [],
	};
}

function memoryIO(fs: MemoryFs): CorpusIO {
	return {
		stat: async (path) => {
			const f = fs.files.get(path);
			return f && { size: f.size ?? Buffer.byteLength(f.text), mtime: f.mtime };
		},
		readHead: async (path, bytes) => {
			fs.heads.push(path);
			return fs.files.get(path)?.text.slice(0, bytes);
		},
		readText: async (path) => {
			fs.reads.push(path);
			const file = fs.files.get(path);
			return file && { text: file.text };
		},
		readCache: async (name) => fs.caches.get(name),
		writeCache: async (name, bytes) => void fs.caches.set(name, bytes),
		// a macrotask, as in the worker: work the shard defers (reading back long fields) runs after what awaits it
		yield: () => new Promise((resolve) => setImmediate(resolve)),
		now: () => 0,
	};
}

function openShard(fs: MemoryFs) {
	const updates: FileUpdate[] = [];
	const shard = new CorpusShard(memoryIO(fs), 0, 1, { onFiles: (files) => updates.push(...files) });
	return { shard, updates };
}

const specs = [{ path: DAY1 }, { path: DAY2 }, { path: README }];

/** a cold start of `fs`'s files, then a warm one from its caches, its background fill done */
async function warmStart(fs: MemoryFs): Promise<ReturnType<typeof openShard>> {
	await openShard(fs).shard.open(specs);
	const warm = openShard(fs);
	await warm.shard.open(specs);
	await warm.shard.search.background;
	return warm;
}

function hitCount(reply: Awaited<ReturnType<CorpusShard['searchText']>>): number {
	return reply.ok ? reply.result.hits.length : -1;
}

describe('corpus shard', () => {
	it('sends every digest\'s summary before indexing, once per file, and leaves other Markdown after a head read', async () => {
		const fs = memoryFs();
		const events: string[] = [];
		const updates: FileUpdate[] = [];
		const shard = new CorpusShard(memoryIO(fs), 0, 1, {
			onFiles: (files) => (updates.push(...files), events.push(...files.map((f) => `summary ${f.path}`))),
			onFilesReady: () => events.push('files ready'),
			onHeadReady: () => events.push('head ready'),
		});
		await shard.open(specs);
		assert.deepStrictEqual(events.filter((e) => e.startsWith('summary ') && !e.endsWith(README)).sort(), [`summary ${DAY1}`, `summary ${DAY2}`], 'one summary per digest');
		assert.ok(events.indexOf('files ready') > events.lastIndexOf(`summary ${DAY2}`) && events.indexOf('files ready') < events.indexOf('head ready'), events.join(', '));
		// a cold start reads and parses a digest once, in the shard: the tree's read feeds the index
		assert.deepStrictEqual([...fs.reads].sort(), [DAY1, DAY2]);
		assert.ok(fs.heads.includes(README) && !fs.reads.includes(README));
		const summaries = updates.filter((u) => u.summary);
		assert.deepStrictEqual(summaries.map((u) => u.path).sort(), [DAY1, DAY2]);
		const day2 = summaries.find((u) => u.path === DAY2)?.summary;
		const parsed = parseDigest(fixture('2026-02-06.md'), DAY2);
		assert.strictEqual(day2?.papers.length, parsed.papers.length);
		assert.strictEqual(day2?.day, '2026-02-06');
		assert.deepStrictEqual(day2?.papers.map((p) => p.title), parsed.papers.map((p) => p.title));
		const reply = await shard.searchText('stereo OR depth', 10, false);
		assert.ok(reply.ok);
	});

	it('a cold open indexes a paper listed on several days once, from its newest listing, whatever order the files come in', async () => {
		const fs = memoryFs();
		// the older day's listing says something else of the paper both days list
		const older = fs.files.get(DAY1)!;
		older.text = older.text.replace('Token Pruning for Efficient Vision Transformers', 'Token Pruning for Vision Transformers, an early draft');
		const { shard } = openShard(fs);
		await shard.open([{ path: DAY1 }, { path: DAY2 }, { path: README }]);
		const index = shard.search.index;
		assert.strictEqual(index.docs.length, index.size, 'no document was built and then replaced');
		const hits = await shard.searchText('id:2602.01001', 5);
		assert.ok(hits.ok && hits.result.hits.length === 1);
		assert.deepStrictEqual(hits.result.hits[0].occurrences.map((o) => o.day), ['2026-02-06', '2026-02-05']);
		assert.strictEqual(hits.result.hits[0].title, 'Token Pruning for Efficient Vision Transformers', 'the newest listing\'s title is the one shown');
		const draft = await shard.searchText('"early draft"', 5);
		assert.deepStrictEqual(draft.ok && draft.result.hits.map((h) => h.id), ['2602.01001'], 'the older listing\'s text is indexed too');
	});

	it('the index takes the digests the tree pass parsed, unless the file changed meanwhile or they did not fit the budget', async () => {
		const fs = memoryFs();
		let changed = false;
		const shard = new CorpusShard(memoryIO(fs), 0, 1, {
			// between the passes: the tree is complete, the index not yet built
			onFilesReady: () => {
				if (changed) return;
				changed = true;
				const day2 = fs.files.get(DAY2)!;
				fs.files.set(DAY2, { text: day2.text.replace('Robust Depth Estimation', 'Robust Stereo Matching'), mtime: 2 });
			},
		});
		await shard.open(specs);
		assert.deepStrictEqual([...fs.reads].sort(), [DAY1, DAY2, DAY2], 'the changed file is read again, the other once');
		const stereo = await shard.searchText('"stereo matching"', 5);
		assert.ok(stereo.ok && stereo.result.total === 1, 'the index holds the file as it is now');

		const tight = memoryFs();
		const noRoom = new CorpusShard(memoryIO(tight), 0, 1, {});
		noRoom.keepParsedBytes = 0;
		await noRoom.open(specs);
		assert.deepStrictEqual([...tight.reads].sort(), [DAY1, DAY1, DAY2, DAY2], 'no room: read and parsed once per pass');
		const depth = await noRoom.searchText('depth', 5);
		assert.ok(depth.ok && depth.result.total > 0);
	});

	it('past the budget, the index takes the short fields the tree pass kept: every title is searchable before a file is read again, and the index is the one a build within the budget makes', async () => {
		const roomy = memoryFs();
		await openShard(roomy).shard.open(specs);
		const tight = memoryFs();
		let atHead: string[] = [];
		let title: ReturnType<CorpusShard['searchText']> | undefined;
		let phrase: ReturnType<CorpusShard['searchText']> | undefined;
		let ids: ReturnType<CorpusShard['ids']> | undefined;
		const body: number[] = [];
		// interests over the abstract's words: unknown until the file is read again, which tells (onFilled)
		const snowy = { keywords: ['snow'], authors: [], categories: [], exclude: [] };
		const matched: string[][] = [];
		const shard: CorpusShard = new CorpusShard(memoryIO(tight), 0, 1, {
			onProgress: (p) => {
				if (p.phase === 'body') body.push(p.done / p.total);
			},
			onFilled: () => matched.push(shard.interests(snowy).matches.map(([id]) => id)),
			onHeadReady: () => {
				atHead = [...tight.reads].sort();
				matched.push(shard.interests(snowy).matches.map(([id]) => id));
				title = shard.searchText('depth estimation', 5);
				// the long fields are not known yet: such a query reads nothing back (the open reads the files next)
				phrase = shard.searchText('"estimation robust"', 5);
				// a list of ids, which cannot say it is approximate, waits for the long fields
				ids = shard.ids('"estimation robust"');
			},
		});
		shard.keepParsedBytes = 0;
		await shard.open(specs);
		assert.deepStrictEqual(atHead, [DAY1, DAY2], "only the tree pass's reads when every title is searchable");
		assert.deepStrictEqual(matched[0], [], 'at head ready the abstract is not read yet');
		assert.deepStrictEqual(matched[1], ['2602.02001'], 'once read again, onFilled: the interests are asked again and match');
		const titleHits = await title;
		assert.deepStrictEqual(titleHits?.ok && titleHits.result.hits.map((h) => h.title), ['Robust Depth Estimation']);
		const unchecked = await phrase;
		assert.ok(unchecked?.ok && unchecked.result.approximate, 'a phrase not in the short fields is unchecked meanwhile: approximate');
		assert.deepStrictEqual(await ids, { ok: true, ids: [] }, 'the ids are exact');
		assert.deepStrictEqual([...tight.reads].sort(), [DAY1, DAY1, DAY2, DAY2], 'each file read again once, for its long fields');
		const snow = await shard.searchText('"snow"', 5);
		assert.deepStrictEqual(snow.ok && snow.result.hits.map((h) => h.id), ['2602.02001'], 'the long fields are indexed');
		assert.deepStrictEqual(tight.caches.get('index'), roomy.caches.get('index'), 'the same index as a build that kept every digest parsed');
		// the second pass's progress counts the reading again: it moves from the first file read and never goes back
		assert.ok(body.length >= 2 && body[0] > 0 && body.every((f, i) => f <= 1 && (i === 0 || f >= body[i - 1])), body.join(' '));
	});

	it('past the budget, a warm start reads a new file whole for the index: no short fields where the long ones cannot wait', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		const DAY3 = '/ws/data/2026-02-07.md';
		fs.files.set(DAY3, { text: fs.files.get(DAY2)!.text.replace('rain, fog and snow', 'rain, fog and sleet'), mtime: 1 });
		fs.reads.length = 0;
		const { shard } = openShard(fs);
		shard.keepParsedBytes = 0;
		await shard.open([...specs, { path: DAY3 }]);
		assert.strictEqual(shard.search.fromCache, true, 'a warm start');
		assert.deepStrictEqual(fs.reads.filter((path) => path === DAY3), [DAY3, DAY3], 'the tree pass, then the index (the others: the background fill)');
		const sleet = await shard.searchText('"fog and sleet"', 5);
		assert.ok(sleet.ok && sleet.result.total === 1 && !sleet.result.approximate, 'its long fields indexed with it');
	});

	it('past the budget, a file changed once every title is searchable is read again as it is now: its new summary goes to the tree, the index holds its new text', async () => {
		const fs = memoryFs();
		const updates: FileUpdate[] = [];
		const shard = new CorpusShard(memoryIO(fs), 0, 1, {
			onFiles: (files) => updates.push(...files),
			// after the index took the short fields the tree pass kept, before it reads the file again
			onHeadReady: () => {
				const day2 = fs.files.get(DAY2)!;
				fs.files.set(DAY2, { text: day2.text.replace('Robust Depth Estimation', 'Robust Stereo Matching').replace('rain, fog and snow', 'rain, fog and hail'), mtime: 2 });
			},
		});
		shard.keepParsedBytes = 0;
		await shard.open(specs);
		const day2 = updates.filter((u) => u.path === DAY2 && u.summary);
		assert.strictEqual(day2.length, 2, 'its summary as the tree pass read it, then as it is now');
		assert.ok(JSON.stringify(day2[1].summary).includes('Robust Stereo Matching'));
		const stereo = await shard.searchText('"stereo matching"', 5);
		assert.deepStrictEqual(stereo.ok && stereo.result.hits.map((h) => h.title), ['Robust Stereo Matching'], 'the new title');
		const hail = await shard.searchText('"fog and hail"', 5);
		assert.ok(hail.ok && hail.result.total === 1 && !hail.result.approximate, 'the new long fields');
		const snow = await shard.searchText('"fog and snow"', 5);
		assert.ok(snow.ok && snow.result.total === 0, 'not the old ones');
		// the answers of a cold build of the files as they are now
		const now = memoryFs();
		now.files = fs.files;
		const cold = openShard(now).shard;
		await cold.open(specs);
		for (const query of ['robust', 'depth', 'stereo', '"rain, fog"', '深度估计', 'token pruning', 'author:wu']) {
			const [a, b] = await Promise.all([shard.searchText(query, 10), cold.searchText(query, 10)]);
			assert.deepStrictEqual(a.ok && a.result.hits.map((h) => [h.id, h.title, h.score]), b.ok && b.result.hits.map((h) => [h.id, h.title, h.score]), query);
		}
	});

	it('starts warm from its caches: every summary sent, no file read', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		fs.reads.length = 0;
		fs.heads.length = 0;
		const { shard, updates } = openShard(fs);
		await shard.open(specs);
		assert.deepStrictEqual(fs.reads, []);
		assert.deepStrictEqual(fs.heads, [], 'the README is known not to be a digest');
		assert.deepStrictEqual(updates.filter((u) => u.summary).map((u) => u.path).sort(), [DAY1, DAY2]);
		const reply = await shard.searchText('扩散模型', 10);
		assert.ok(reply.ok && reply.result.hits.length === 1);
		// then, in the background, the long fields' text the index cache leaves out is read back, quietly
		const sent = updates.length;
		assert.ok(shard.search.busy);
		await shard.search.background;
		assert.ok(!shard.search.busy);
		assert.deepStrictEqual([...fs.reads].sort(), [DAY1, DAY2]);
		assert.strictEqual(updates.length, sent, 'no summary sent again');
		const exact = await shard.searchText('扩散模型', 10);
		assert.ok(exact.ok && exact.result.hits.length === 1 && !exact.result.approximate);
	});

	it('reads the long fields back only once the host\'s own work after the open is done (afterOpen)', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		fs.reads.length = 0;
		let release!: () => void;
		let asked = 0;
		const io: CorpusIO = { ...memoryIO(fs), afterOpen: () => (asked++, new Promise<void>((resolve) => (release = resolve))) };
		const shard = new CorpusShard(io, 0, 1, {});
		await shard.open(specs);
		for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
		assert.strictEqual(asked, 1);
		assert.deepStrictEqual(fs.reads, [], 'no file read while the host works');
		assert.ok(shard.search.busy);
		release();
		await shard.search.background;
		assert.deepStrictEqual([...fs.reads].sort(), [DAY1, DAY2]);
	});

	it('preloads its caches before the file list comes: open takes them, each cache read once, the same answers', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		const cacheReads: string[] = [];
		const io = memoryIO(fs);
		const counting: CorpusIO = { ...io, readCache: (name) => (cacheReads.push(name), io.readCache(name)) };
		const updates: FileUpdate[] = [];
		const shard = new CorpusShard(counting, 0, 1, { onFiles: (files) => updates.push(...files) });
		shard.preload();
		shard.preload();
		// a change the preloaded cache does not know about yet: open still compares every file
		const day2 = fs.files.get(DAY2)!;
		fs.files.set(DAY2, { text: day2.text.replace('Robust Depth Estimation', 'Robust Stereo Matching'), mtime: 2 });
		fs.reads.length = 0;
		await shard.open(specs);
		assert.deepStrictEqual(cacheReads.sort(), ['files', 'index']);
		// and the other listing (DAY1) of the paper both days list: its text is every listing's (see PaperIndex.stale)
		assert.deepStrictEqual([...new Set(fs.reads)], [DAY2, DAY1], 'only the changed file is read, and the other listings of its papers');
		const reply = await shard.searchText('扩散模型', 10);
		assert.ok(reply.ok && reply.result.hits.length === 1);
		const stereo = await shard.searchText('stereo matching', 10);
		assert.ok(stereo.ok && stereo.result.hits.length === 1);
		// a second open (a rescan) reads the caches as they are now
		await shard.open(specs);
		assert.deepStrictEqual(cacheReads.sort(), ['files', 'files', 'index', 'index']);
	});

	it('sends the last session\'s summaries before open, then only what differs: a changed file, a file no longer listed', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		const { shard, updates } = openShard(fs);
		assert.strictEqual(await shard.sendKnown(), 2);
		assert.deepStrictEqual(updates.map((u) => [u.path, !!u.summary]).sort(), [[DAY1, true], [DAY2, true]]);
		updates.length = 0;
		// meanwhile: DAY2 changed, and the listing no longer has DAY1
		const day2 = fs.files.get(DAY2)!;
		fs.files.set(DAY2, { text: day2.text.replace('Robust Depth Estimation', 'Robust Stereo Matching'), mtime: 2 });
		await shard.open([{ path: DAY2 }, { path: README }]);
		assert.deepStrictEqual(updates.filter((u) => u.path === DAY1).map((u) => !!u.summary), [false], 'DAY1 taken back once');
		const day2Updates = updates.filter((u) => u.path === DAY2);
		assert.strictEqual(day2Updates.length, 1, 'DAY2 sent again once, as it is now');
		assert.ok(day2Updates[0].summary?.papers.some((p) => p.title.includes('Robust Stereo Matching')));
		// an unchanged file sent early is not sent again
		updates.length = 0;
		const again = openShard(fs);
		await again.shard.sendKnown();
		const early = again.updates.length;
		await again.shard.open([{ path: DAY2 }, { path: README }]);
		assert.strictEqual(again.updates.length, early, 'nothing differs: nothing more is sent');
		// an early request that comes after an open (a restarted worker's retry) has nothing to do
		assert.strictEqual(await again.shard.sendKnown(), 0);
		assert.strictEqual(await again.shard.readAhead([{ path: DAY2 }]), 0);
		assert.strictEqual(again.updates.length, early);
		const reply = await again.shard.searchText('stereo matching', 10);
		assert.ok(reply.ok && reply.result.hits.length === 1);
	});

	it('sends nothing the host showed from the same records cache itself, takes back what no longer holds, and sends its own when the summaries differ', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		// what readKnownSummaries (the extension host) finds in the cache
		const { records, sum } = (await decodeSummedRecords(fs.caches.get('files') as Uint8Array, fileRecordsKey(0, 1)))!;
		const paths = [...records].filter(([, r]) => r.summaryBytes).map(([path]) => path);
		assert.deepStrictEqual(paths.sort(), [DAY1, DAY2]);
		const { shard, updates } = openShard(fs);
		assert.strictEqual(await shard.sendKnown({ sum, paths }), 2);
		assert.strictEqual(updates.length, 0, 'the same bytes: nothing sent');
		// meanwhile DAY2 changed and the listing no longer has DAY1: open sends DAY2 again and takes DAY1 back, once each
		const day2 = fs.files.get(DAY2)!;
		fs.files.set(DAY2, { text: day2.text.replace('Robust Depth Estimation', 'Robust Stereo Matching'), mtime: 2 });
		await shard.open([{ path: DAY2 }, { path: README }]);
		assert.deepStrictEqual(updates.map((u) => [u.path, !!u.summary]).sort(), [[DAY1, false], [DAY2, true]]);
		assert.ok(updates.find((u) => u.path === DAY2)?.summary?.papers.some((p) => p.title.includes('Robust Stereo Matching')));
		// the host read a cache another window rewrote since (the first shard's open did: other summaries): this shard sends its own,
		// and a path the host showed that this cache lacks is taken back by open
		const other = openShard(fs);
		assert.strictEqual(await other.shard.sendKnown({ sum, paths: [DAY1, '/ws/data/2026-01-01.md'] }), 3);
		assert.deepStrictEqual(other.updates.map((u) => [u.path, !!u.summary]), [[DAY2, true]], 'its cache holds DAY2 only now');
		other.updates.length = 0;
		await other.shard.open([{ path: DAY2 }, { path: README }]);
		assert.deepStrictEqual(other.updates.map((u) => [u.path, !!u.summary]).sort(), [['/ws/data/2026-01-01.md', false], [DAY1, false]]);
	});

	it('reads ahead a cold start\'s likely digests before open, which then reads only the rest and sends each summary once', async () => {
		const fs = memoryFs();
		const { shard, updates } = openShard(fs);
		assert.strictEqual(await shard.readAhead([{ path: DAY1 }, { path: README }]), 1);
		assert.deepStrictEqual(updates.filter((u) => u.summary).map((u) => u.path), [DAY1]);
		assert.deepStrictEqual([...new Set(fs.reads)], [DAY1], 'the README only had its head read');
		updates.length = 0;
		fs.reads.length = 0;
		fs.heads.length = 0;
		await shard.open(specs);
		assert.deepStrictEqual([...new Set(fs.reads)], [DAY2], 'the digest read ahead is indexed from its parse');
		assert.deepStrictEqual(fs.heads, [DAY2], 'the README read ahead is not looked at again');
		assert.deepStrictEqual(updates.filter((u) => u.summary).map((u) => u.path), [DAY2], 'each summary sent once');
		assert.strictEqual(hitCount(await shard.searchText('扩散模型', 10)), 1);
		assert.strictEqual(hitCount(await shard.searchText('depth estimation', 10)), 1);
		// what was read ahead is in the records cache: the next start knows both days
		assert.strictEqual(await openShard(fs).shard.sendKnown(), 2);
		// a file read ahead that the listing then does not have is taken back
		const other = openShard(memoryFs());
		await other.shard.readAhead([{ path: DAY1 }]);
		await other.shard.open([{ path: DAY2 }]);
		assert.deepStrictEqual(other.updates.map((u) => [u.path, !!u.summary]), [[DAY1, true], [DAY1, false], [DAY2, true]]);
	});

	it('detects again a file that was a digest only because a glob named it, once the glob no longer does', async () => {
		const fs = memoryFs();
		const named = openShard(fs);
		await named.shard.open([{ path: DAY1 }, { path: README, always: true }]);
		assert.deepStrictEqual(named.updates.filter((u) => u.path === README).map((u) => !!u.summary), [true], 'named: a digest whatever its content');
		const unnamed = openShard(fs);
		await unnamed.shard.open([{ path: DAY1 }, { path: README }]);
		assert.deepStrictEqual(unnamed.updates.filter((u) => u.path === README).map((u) => !!u.summary), [false], 'no longer named: not a digest');
		const still = openShard(fs);
		await still.shard.open([{ path: DAY1 }, { path: README }]);
		assert.deepStrictEqual(still.updates.filter((u) => u.path === README), [], 'and nothing to say the next time');
	});

	it('answers queries from the last session\'s index before open, without reading a file', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		fs.reads.length = 0;
		const { shard } = openShard(fs);
		assert.deepStrictEqual(hitCount(await shard.searchText('扩散模型', 10)), 0, 'nothing before the cache is decoded');
		shard.preload();
		await shard.sendKnown();
		// the index decodes after the records
		await shard.search.whenPreloaded();
		assert.strictEqual(hitCount(await shard.searchText('扩散模型', 10)), 1);
		assert.strictEqual(hitCount(await shard.searchText('depth estimation', 10)), 1);
		assert.deepStrictEqual(fs.reads, [], 'no digest read');
		// open then corrects what differs: DAY2 is no longer listed
		await shard.open([{ path: DAY1 }, { path: README }]);
		assert.strictEqual(hitCount(await shard.searchText('depth estimation', 10)), 0);
		assert.strictEqual(hitCount(await shard.searchText('扩散模型', 10)), 1);
	});

	it('keeps its summaries as bytes once sent, and saves them whole after a change', async () => {
		const fs = memoryFs();
		const first = openShard(fs);
		await first.shard.open(specs);
		const before = (await first.shard.summaries()).sort((a, b) => (a.path < b.path ? -1 : 1));
		const warm = openShard(fs);
		await warm.shard.open(specs);
		// its long fields read back from the files (in the background after a warm open) before the reads are counted below
		await warm.shard.search.background;
		// the summaries went out: the same, now read back from the bytes
		assert.deepStrictEqual((await warm.shard.summaries()).sort((a, b) => (a.path < b.path ? -1 : 1)), before);
		// one file changes: its new summary goes out, the other's stays as it was in the cache written next
		const day2 = fs.files.get(DAY2)!;
		fs.files.set(DAY2, { text: day2.text.replace('Robust Depth Estimation', 'Robust Stereo Matching'), mtime: 2 });
		await warm.shard.update({ path: DAY2 });
		await warm.shard.save();
		const next = openShard(fs);
		assert.strictEqual(await next.shard.sendKnown(), 2);
		const known = new Map(next.updates.map((u) => [u.path, u.summary]));
		assert.deepStrictEqual(known.get(DAY1), before.find((d) => d.path === DAY1));
		assert.ok(known.get(DAY2)?.papers.some((p) => p.title.includes('Robust Stereo Matching')));
		fs.reads.length = 0;
		await next.shard.open(specs);
		assert.deepStrictEqual(fs.reads, [], 'both files known from the caches');
		// and again after a second change: the records read back from the bytes the first save wrote
		fs.files.set(DAY1, { ...fs.files.get(DAY1)!, mtime: 3 });
		await next.shard.update({ path: DAY1 });
		await next.shard.save();
		const last = openShard(fs);
		assert.strictEqual(await last.shard.sendKnown(), 2);
		assert.ok(last.updates.find((u) => u.path === DAY2)?.summary?.papers.some((p) => p.title.includes('Robust Stereo Matching')));
	});

	it('a save after a start with nothing changed writes neither cache; after a change, both', async () => {
		const fs = memoryFs();
		const warm = await warmStart(fs);
		const before = new Map(fs.caches);
		assert.deepStrictEqual([...before.keys()].sort(), ['files', 'index']);
		await warm.shard.save();
		for (const [name, bytes] of fs.caches) assert.strictEqual(bytes, before.get(name), `${name}: not written again`);
		fs.files.set(DAY1, { ...fs.files.get(DAY1)!, mtime: 3 });
		await warm.shard.update({ path: DAY1 });
		await warm.shard.save();
		for (const [name, bytes] of fs.caches) assert.notStrictEqual(bytes, before.get(name), `${name}: written after the change`);
	});

	it('an update that finds a file no longer a digest, or gone, is saved in the file records', async () => {
		const fs = memoryFs();
		const warm = await warmStart(fs);
		let before = fs.caches.get('files');
		fs.files.set(DAY1, { text: '# Notes\n\nNo papers any more.\n', mtime: 5 });
		await warm.shard.update({ path: DAY1 });
		await warm.shard.save();
		assert.notStrictEqual(fs.caches.get('files'), before, 'written: no longer a digest');
		before = fs.caches.get('files');
		fs.files.delete(DAY2);
		await warm.shard.update({ path: DAY2 });
		await warm.shard.save();
		assert.notStrictEqual(fs.caches.get('files'), before, 'written: gone');
		fs.reads.length = 0;
		fs.heads.length = 0;
		const next = openShard(fs);
		await next.shard.open([{ path: DAY1 }, { path: README }]);
		assert.deepStrictEqual([fs.reads, fs.heads], [[], []], 'the next start reads neither file, nor the head of the one that is no digest');
		assert.deepStrictEqual(next.updates.filter((u) => u.summary).map((u) => u.path), [], 'and sends no summary');
	});

	it('a start that finds files changed since the last one (one still a digest, one no longer) saves their records', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		const before = fs.caches.get('files');
		const text = fs.files.get(DAY1)!.text;
		fs.files.set(DAY1, { text: text.replace('Segmentation of Street Scenes', 'Segmentation of Street Scenes at Dusk'), mtime: 5 });
		fs.files.set(DAY2, { text: '# Notes\n\nNo papers any more.\n', mtime: 5 });
		const warm = openShard(fs);
		await warm.shard.open(specs);
		await warm.shard.search.background;
		assert.notStrictEqual(fs.caches.get('files'), before, 'written at the open');
		fs.reads.length = 0;
		fs.heads.length = 0;
		const next = openShard(fs);
		await next.shard.open(specs);
		assert.deepStrictEqual([fs.reads.filter((p) => p !== DAY1), fs.heads], [[], []], 'the next start reads neither again');
		assert.ok(next.shard.search.fromCache);
	});

	it('file records stored compressed (as an earlier version did) are read, and written again uncompressed at the open', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		const raw = fs.caches.get('files')!;
		// the uncompressed form is a mark of 4 bytes before the layout that the compressed form deflates
		fs.caches.set('files', await deflate(raw.subarray(4)));
		fs.reads.length = 0;
		await openShard(fs).shard.open(specs);
		assert.deepStrictEqual(fs.reads, [], 'both files known from the compressed records');
		const rewritten = fs.caches.get('files')!;
		assert.deepStrictEqual([...rewritten.subarray(0, 4)], [...raw.subarray(0, 4)], 'uncompressed again');
		await openShard(fs).shard.open(specs);
		assert.deepStrictEqual(fs.reads, [], 'and known from those');
	});

	it('re-reads only a changed file, and rebuilds from a corrupt file-records cache', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		fs.reads.length = 0;
		const day2 = fs.files.get(DAY2)!;
		fs.files.set(DAY2, { text: day2.text.replace('Robust Depth Estimation', 'Robust Stereo Matching'), mtime: 2 });
		const warm = openShard(fs);
		await warm.shard.open(specs);
		// and DAY1 for the paper both days list (its text is every listing's)
		assert.deepStrictEqual([...new Set(fs.reads)], [DAY2, DAY1]);
		await warm.shard.search.background;
		const titles = warm.updates.find((u) => u.path === DAY2)?.summary?.papers.map((p) => p.title) ?? [];
		assert.ok(titles.some((t) => t.includes('Robust Stereo Matching')));

		fs.caches.set('files', new TextEncoder().encode('{"format":1,"key":"files:v2:0/1","files":[["x"]]}'));
		fs.reads.length = 0;
		const rebuilt = openShard(fs);
		await rebuilt.shard.open(specs);
		assert.deepStrictEqual(rebuilt.updates.filter((u) => u.summary).map((u) => u.path).sort(), [DAY1, DAY2], 'every summary is known again');
		assert.ok(fs.reads.length >= 2, 'the files were read again');
	});

	it('a file named by a glob is a digest without detection; a deleted file is reported gone', async () => {
		const fs = memoryFs();
		const { shard, updates } = openShard(fs);
		await shard.open([{ path: DAY1 }, { path: README, always: true }]);
		assert.ok(updates.some((u) => u.path === README && u.summary), 'the README is a (paperless) digest when a glob says so');
		fs.files.delete(DAY1);
		updates.length = 0;
		await shard.update({ path: DAY1 });
		assert.deepStrictEqual(updates, [{ path: DAY1 }]);
		const reply = await shard.searchText('depth', 10);
		assert.ok(reply.ok && reply.result.hits.every((h) => h.occurrences.every((o) => o.file !== DAY1)));
	});

	it("tells the tree of a removed file at once, and resolves once the papers it was the newest listing of take their next listing's version", async () => {
		const fs = memoryFs();
		// the older day's listing says something else of the paper both days list
		const older = fs.files.get(DAY1)!;
		older.text = older.text.replace('Token Pruning for Efficient Vision Transformers', 'Token Pruning for Vision Transformers, an early draft');
		const { shard, updates } = openShard(fs);
		await shard.open(specs);
		const drafts = async () => {
			const reply = await shard.searchText('"early draft"', 5);
			return reply.ok ? reply.result.hits.filter((h) => h.title.includes('early draft')).map((h) => h.id) : [];
		};
		assert.deepStrictEqual(await drafts(), [], 'the newest listing\'s title is the one shown');
		fs.files.delete(DAY2);
		updates.length = 0;
		const removal = shard.remove(DAY2);
		assert.deepStrictEqual(updates, [{ path: DAY2 }], 'the tree hears of it before the older day is read');
		await removal;
		assert.deepStrictEqual(await drafts(), ['2602.01001'], 'the older day\'s version, as a cold build of the files left has it');
	});

	it("sends a changed file's summary to the tree once it is read, before its papers are indexed", async () => {
		const fs = memoryFs();
		const day = fs.files.get(DAY2)!;
		const shard = new CorpusShard(memoryIO(fs), 0, 1, {
			// what the index holds of the file when its summary reaches the tree
			onFiles: (files) => fs.reads.push(...files.map((f) => `tree: ${f.path} (index: ${shard.search.index.files.get(f.path)?.mtime})`)),
		});
		await shard.open(specs);
		day.text = day.text.replace('### [2]', '### [3] [Tumour Margins from Photoacoustic Echoes](https://arxiv.org/abs/2602.09999)\n*Ann Writer*\n\nMain category: cs.CV\n\nTL;DR: 光声回波定位肿瘤边缘。\n\n### [2]');
		day.mtime = 2;
		fs.reads.length = 0;
		await shard.update({ path: DAY2 });
		assert.deepStrictEqual(fs.reads, [DAY2, `tree: ${DAY2} (index: 1)`], 'the new summary went out while the index still held the file as it was');
		const reply = await shard.searchText('photoacoustic', 5);
		assert.ok(reply.ok && reply.result.hits.some((h) => h.id === '2602.09999'), 'and the update resolves once the new paper is searchable');
	});

	it('a start whose index cache is gone, its file records kept, sends each summary once while it indexes every digest again', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		fs.caches.delete('index');
		// one digest changed since: summarised again by the tree pass, and only then
		fs.files.get(DAY1)!.mtime = 2;
		fs.reads.length = 0;
		const again = openShard(fs);
		await again.shard.open(specs);
		assert.deepStrictEqual(fs.reads.filter((path) => path === DAY2).length, 1, 'the unchanged digest is read for the index');
		const sent = (path: string) => again.updates.filter((u) => u.path === path && u.summaryBytes).length;
		assert.deepStrictEqual([sent(DAY1), sent(DAY2)], [1, 1]);
		assert.ok(hitCount(await again.shard.searchText('depth', 10)) > 0);
	});

	it('...and sends a summary again where the index pass summarises the file otherwise (a newer parser), keeping the new one', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		fs.caches.delete('index');
		// what a newer parser reading the same file would do: the same stamp, another summary
		const day = fs.files.get(DAY2)!;
		day.text = day.text.replace('Robust Depth Estimation', 'Sturdy Depth Estimation');
		const again = openShard(fs);
		await again.shard.open(specs);
		const summaries = again.updates.filter((u) => u.path === DAY2 && u.summaryBytes).map((u) => new TextDecoder().decode(u.summaryBytes!.utf8));
		assert.deepStrictEqual(summaries.map((text) => text.includes('Sturdy')), [false, true], 'the records\' summary, then the file\'s');
		const third = openShard(fs);
		await third.shard.open(specs);
		const kept = third.updates.filter((u) => u.path === DAY2 && u.summaryBytes).map((u) => new TextDecoder().decode(u.summaryBytes!.utf8).includes('Sturdy'));
		assert.deepStrictEqual(kept, [true], 'the records keep the new summary, sent once');
	});

	it("a changed file that no longer lists a paper it was the newest listing of: the tree hears of it once that paper reads as its next listing has it", async () => {
		const fs = memoryFs();
		const older = fs.files.get(DAY1)!;
		older.text = older.text.replace('Token Pruning for Efficient Vision Transformers', 'Token Pruning for Vision Transformers, an early draft');
		const shard = new CorpusShard(memoryIO(fs), 0, 1, { onFiles: (files) => fs.reads.push(...files.map((f) => `tree: ${f.path}`)) });
		await shard.open(specs);
		const day = fs.files.get(DAY2)!;
		day.text = day.text.slice(0, day.text.indexOf('### [1]')) + day.text.slice(day.text.indexOf('### [2]'));
		day.mtime = 2;
		fs.reads.length = 0;
		await shard.update({ path: DAY2 });
		assert.deepStrictEqual(fs.reads, [DAY2, DAY1, `tree: ${DAY2}`], 'the older day is read before the tree hears of the change');
		const reply = await shard.searchText('"early draft"', 5);
		assert.ok(reply.ok && reply.result.hits.some((h) => h.id === '2602.01001' && h.title.includes('early draft')));
	});

	it("drops a file grown past the candidates' limit the same way: the tree hears of it first, its papers take their next listing's version", async () => {
		const fs = memoryFs();
		const older = fs.files.get(DAY1)!;
		older.text = older.text.replace('Token Pruning for Efficient Vision Transformers', 'Token Pruning for Vision Transformers, an early draft');
		// the tree's messages in the reads' log: what came first
		const shard = new CorpusShard(memoryIO(fs), 0, 1, { onFiles: (files) => fs.reads.push(...files.map((f) => `tree: ${f.path}${f.summary ? '' : ' gone'}`)) });
		await shard.open(specs);
		const drafts = async () => {
			const reply = await shard.searchText('"early draft"', 5);
			return reply.ok ? reply.result.hits.filter((h) => h.title.includes('early draft')).map((h) => h.id) : [];
		};
		assert.deepStrictEqual(await drafts(), []);
		fs.files.get(DAY2)!.size = MAX_CANDIDATE_BYTES + 1;
		fs.files.get(DAY2)!.mtime = 2;
		fs.reads.length = 0;
		await shard.update({ path: DAY2 });
		assert.deepStrictEqual(fs.reads, [`tree: ${DAY2} gone`, DAY1], 'the tree hears of it, then the older day is read');
		assert.deepStrictEqual(await drafts(), ['2602.01001']);
	});

	/**
	 * A shard over `fs` whose clock moves by 1 at each reading of it, by 100 while a file is read
	 * whole and by 10 while its text is taken for parsing; `unreadable` files read as gone. Collects
	 * what each filesReady says of the tree passes.
	 */
	function timedShard(fs: MemoryFs, unreadable: string[] = []) {
		let clock = 0;
		const io = memoryIO(fs);
		const readText = io.readText;
		io.now = () => clock++;
		io.readText = async (path) => {
			const read = unreadable.includes(path) ? undefined : await readText(path);
			clock += 100;
			if (!read) return read;
			const text = read.text;
			return {
				get text() {
					clock += 10;
					return text;
				},
			};
		};
		const said: TreePassTimings[] = [];
		const shard = new CorpusShard(io, 0, 1, { onFilesReady: (timings) => said.push({ ...timings }) });
		return { shard, said };
	}

	it("says with its files' summaries where its tree pass took its time: reading, parsing, summarising; counted anew after each", async () => {
		const fs = memoryFs();
		const { shard, said } = timedShard(fs);
		await shard.open(specs);
		// the two digests, read once each (the README only by its head): 100 + 1, 10 + 1 and 1 each
		assert.deepStrictEqual(said, [{ files: 2, readMs: 202, parseMs: 22, summaryMs: 2 }]);
		fs.files.get(DAY2)!.mtime = 2;
		await shard.open(specs);
		assert.deepStrictEqual(said[1], { files: 1, readMs: 101, parseMs: 11, summaryMs: 1 }, 'only the changed file, since the last report');
	});

	it("counts neither the index pass's reads past the budget nor a file that could not be read", async () => {
		const fs = memoryFs();
		const { shard, said } = timedShard(fs, [DAY1]);
		shard.keepParsedBytes = 0;
		await shard.open(specs);
		assert.deepStrictEqual(said, [{ files: 1, readMs: 101, parseMs: 11, summaryMs: 1 }], 'the unreadable file is not counted');
		fs.files.get(DAY2)!.mtime = 2;
		const reads = fs.reads.length;
		await shard.open(specs);
		assert.ok(fs.reads.length - reads >= 2, 'the index pass read the changed file again');
		assert.deepStrictEqual(said[1], { files: 1, readMs: 101, parseMs: 11, summaryMs: 1 }, 'only the tree pass\'s read of it');
	});

	it("sums its shards' reports of the last open", async () => {
		const service = new SearchService([0, 1].map((n) => inProcessShard(memoryIO(memoryFs()), n, 2)));
		assert.strictEqual(service.treePassTimings(), undefined, 'nothing before the first report');
		await service.open(specs);
		// the two digests go to different shards
		assert.strictEqual(service.treePassTimings()?.files, 2);
	});

	it('reads a paper back with every field', async () => {
		const fs = memoryFs();
		const { shard } = openShard(fs);
		await shard.open(specs);
		const parsed = parseDigest(fixture('2026-02-06.md'), DAY2);
		const target = parsed.papers[1];
		const reply = await shard.paper(DAY2, target.id, 1);
		assert.deepStrictEqual(reply?.paper, target);
		assert.strictEqual(reply?.index, 1);
		assert.strictEqual(await shard.paper(DAY2, 'no-such-id'), undefined);
	});

	it('reads several papers of a file with one read, in the order asked', async () => {
		const fs = memoryFs();
		const { shard } = openShard(fs);
		await shard.open(specs);
		const parsed = parseDigest(fixture('2026-02-06.md'), DAY2);
		fs.reads.length = 0;
		const replies = await shard.papers(DAY2, [{ id: parsed.papers[1].id, near: 1 }, { id: 'no-such-id' }, { id: parsed.papers[0].id }]);
		assert.deepStrictEqual(replies.map((r) => r?.paper.id), [parsed.papers[1].id, undefined, parsed.papers[0].id]);
		assert.deepStrictEqual(replies[0]?.paper, parsed.papers[1]);
		assert.deepStrictEqual(fs.reads, [DAY2]);
	});
});

describe('cache file names', () => {
	it('tells the file records of any shard count from the index, older formats and other files', () => {
		assert.ok(isFileRecordsCache(cacheFileName('files', 0, 1)));
		assert.ok(isFileRecordsCache(cacheFileName('files', 1, 2)));
		assert.ok(!isFileRecordsCache(cacheFileName('index', 0, 1)));
		assert.ok(!isFileRecordsCache('files.0of1.json'), 'the earlier, uncompressed format');
		assert.ok(!isFileRecordsCache('notes.bin'));
		assert.ok(isStaleCacheFile('files.0of1.json', 1));
		assert.ok(isStaleCacheFile(cacheFileName('index', 0, 2), 1));
		assert.ok(!isStaleCacheFile(cacheFileName('files', 0, 1), 1));
	});
});

describe('reader\'s sets in search (is:, has:, tag:)', () => {
	async function shardWithSets() {
		const fs = memoryFs();
		const { shard } = openShard(fs);
		await shard.open(specs);
		const all = await shard.ids('');
		assert.ok(all.ok && all.ids.length >= 3);
		const ids = all.ok ? all.ids : [];
		shard.setUserSets({ 'is:read': [ids[0]], 'is:unread': ids.slice(1), 'has:note': [], 'tag:robotics': [ids[1]] });
		return { shard, ids };
	}

	it('keeps only papers in every named set and none of the excluded ones, with or without words', async () => {
		const { shard, ids } = await shardWithSets();
		const read = await shard.searchText('is:read', 100);
		assert.ok(read.ok);
		assert.deepStrictEqual(read.ok && read.result.hits.map((h) => h.id), [ids[0]]);
		const notRead = await shard.ids('-is:read');
		assert.deepStrictEqual(notRead.ok && [...notRead.ids].sort(), [...ids.slice(1)].sort());
		const tagged = await shard.ids('tag:Robotics is:unread');
		assert.deepStrictEqual(tagged.ok && tagged.ids, [ids[1]]);
		const none = await shard.searchText('has:note', 10);
		assert.ok(none.ok && none.result.total === 0);
		// the limit applies to the kept papers, the total counts them all
		const firstUnread = await shard.searchText('is:unread', 1);
		assert.deepStrictEqual(firstUnread.ok && [firstUnread.result.hits.length, ids.slice(1).includes(firstUnread.result.hits[0].id), firstUnread.result.total], [1, true, ids.length - 1]);
		assert.deepStrictEqual(await shard.ids('tag:nothing-tagged-so'), { ok: true, ids: [] });
	});

	it('is:unread given as every paper not in is:read follows is:read as it changes', async () => {
		const { shard, ids } = await shardWithSets();
		shard.setUserSets({ 'is:read': [ids[0]], 'is:unread': { not: ['is:read'] } });
		const unread = await shard.ids('is:unread');
		assert.deepStrictEqual(unread.ok && [...unread.ids].sort(), [...ids.slice(1)].sort());
		shard.setUserSets({ 'is:read': [ids[0], ids[1]] });
		const fewer = await shard.ids('is:unread');
		assert.deepStrictEqual(fewer.ok && [...fewer.ids].sort(), [...ids.slice(2)].sort());
		const excluded = await shard.ids('-is:unread');
		assert.deepStrictEqual(excluded.ok && [...excluded.ids].sort(), [ids[0], ids[1]].sort());
	});

	it('is:new given as every paper in neither is:read nor is:seen follows both as they change', async () => {
		const { shard, ids } = await shardWithSets();
		shard.setUserSets({ 'is:read': [ids[0]], 'is:seen': [ids[1]], 'is:new': { not: ['is:read', 'is:seen'] } });
		const fresh = await shard.ids('is:new');
		assert.deepStrictEqual(fresh.ok && [...fresh.ids].sort(), [...ids.slice(2)].sort());
		shard.setUserSets({ 'is:seen': [ids[1], ids[2]] });
		const fewer = await shard.ids('is:new');
		assert.deepStrictEqual(fewer.ok && [...fewer.ids].sort(), [...ids.slice(3)].sort());
		const notNew = await shard.ids('-is:new');
		assert.deepStrictEqual(notNew.ok && [...notNew.ids].sort(), [ids[0], ids[1], ids[2]].sort());
		const newUnread = await shard.ids('is:new is:unread');
		assert.deepStrictEqual(newUnread.ok && [...newUnread.ids].sort(), [...ids.slice(3)].sort(), 'with is:unread: a new paper is unread');
	});

	it('answers a set nobody defined with a message naming the known ones', async () => {
		const { shard } = await shardWithSets();
		const reply = await shard.searchText('is:starred', 10);
		assert.ok(!reply.ok && /is:starred.*unknown.*is:read.*is:unread/.test(reply.error), JSON.stringify(reply));
	});
});

describe('digest summary', () => {
	it('keeps what the tree needs and cuts the rest', () => {
		const digest = parseDigest(fixture('2026-02-06.md'), DAY2);
		const summary = summarizeDigest(digest);
		assert.strictEqual(summary.papers.length, digest.papers.length);
		summary.papers.forEach((p, i) => {
			const full = digest.papers[i];
			assert.strictEqual(p.id, full.id);
			assert.strictEqual(p.headingLine, full.headingLine);
			assert.deepStrictEqual(p.authors, full.authors.slice(0, SUMMARY_AUTHORS));
			assert.strictEqual(p.authorCount ?? p.authors.length, full.authors.length);
			assert.ok(!('abstract' in p), 'no long fields');
		});
		assert.deepStrictEqual(summary.categories.map((c) => c.name), digest.categories.map((c) => c.name));
	});

	it('round-trips the file records and refuses another key', async () => {
		const digest = parseDigest(fixture('2026-02-05.md'), DAY1);
		const summary = summarizeDigest(digest);
		const records = new Map<string, FileRecord>([
			[DAY1, digestRecord({ size: 10, mtime: 2 }, summary)],
			[README, { size: 3, mtime: 4 }],
		]);
		const bytes = await encodeFileRecords(records, 'k');
		const decoded = await decodeFileRecords(bytes, 'k');
		// each summary comes back as its compact texts' bytes (with its day), which a warm start sends as they are
		const stored = (decoded?.get(DAY1) as FileRecord).summaryBytes;
		const expected = summaryBytesOf(summary);
		assert.deepStrictEqual(stored && { utf8: Buffer.from(stored.utf8), headBytes: stored.headBytes }, { utf8: Buffer.from(expected.utf8), headBytes: expected.headBytes });
		assert.deepStrictEqual(decoded && summaryOf(decoded.get(DAY1) as FileRecord), summary);
		assert.strictEqual(decoded?.get(DAY1)?.day, summary.day);
		assert.deepStrictEqual(decoded?.get(README), { size: 3, mtime: 4 });
		assert.deepStrictEqual([...(decoded?.keys() ?? [])], [DAY1, README]);
		assert.strictEqual(await decodeFileRecords(bytes, 'other'), undefined);
		assert.strictEqual(await fileRecordsOutdated(bytes, 'other'), true, 'another key: rebuilt silently');
		assert.strictEqual(await fileRecordsOutdated(bytes, 'k'), false);
		assert.strictEqual(await decodeFileRecords(new TextEncoder().encode('garbage'), 'k'), undefined);
		assert.strictEqual(await fileRecordsOutdated(new TextEncoder().encode('garbage'), 'k'), false, 'damage: reported');
		assert.strictEqual(await decodeFileRecords(bytes.subarray(0, bytes.length >> 1), 'k'), undefined);
		assert.strictEqual(await decodeFileRecords(new Uint8Array(10), 'k'), undefined);
	});

	it('carries the summaries of every real template through the compact form unchanged, at about half the bytes', () => {
		const real = join(__dirname, '../../test/fixtures/real');
		let full = 0;
		let compact = 0;
		let papers = 0;
		for (const fork of readdirSync(real, { withFileTypes: true }).filter((d) => d.isDirectory())) {
			for (const name of readdirSync(join(real, fork.name)).filter((n) => n.endsWith('.md'))) {
				const path = join(real, fork.name, name);
				const summary = summarizeDigest(parseDigest(readFileSync(path, 'utf8'), path));
				const texts = compactTexts(summary);
				assert.deepStrictEqual(summaryFromCompact(texts.head, () => texts.papers), summary, path);
				full += JSON.stringify(summary).length;
				compact += texts.head.length + texts.papers.length;
				papers += summary.papers.length;
			}
		}
		assert.ok(papers > 1000, `${papers} papers`);
		assert.ok(compact < full * 0.7, `${compact} of ${full} characters`);
		assert.throws(() => summaryFromCompact('{"path":"x"}', () => '[]'), /not a digest summary/);
	});

	it('carries the damage the parser found (cut short, a merge conflict) in a summary and through the compact form, as the Papers view warns of it', () => {
		const variants = join(__dirname, '../../test/fixtures/variants');
		const summaryOf = (name: string) => summarizeDigest(parseDigest(readFileSync(join(variants, name), 'utf8'), name));
		const cut = summaryOf('unterminated-details.md');
		assert.deepStrictEqual(cut.damage, ['truncated']);
		assert.strictEqual(cut.errors, 2, 'its errors counted apart');
		const conflict = summaryOf('merge-conflict.md');
		assert.deepStrictEqual(conflict.damage, ['merge-conflict']);
		assert.strictEqual(conflict.errors, undefined, 'a merge conflict is a warning: no errors');
		for (const summary of [cut, conflict]) {
			const texts = compactTexts(summary);
			assert.deepStrictEqual(summaryFromCompact(texts.head, () => texts.papers).damage, summary.damage);
		}
		assert.strictEqual(summaryOf('toc-mismatch.md').damage, undefined, 'other warnings are no damage');
	});

	it("keeps no arXiv paper's abstract page as its link (its links come from its id), and a digest's own link as given", () => {
		const base = { isArxiv: true, title: 'T', authors: ['A'], section: 'cs.AI', range: { start: 1, end: 2 }, headingLine: 1 };
		const head = (id: string) => JSON.stringify({ path: '/d.md', label: 'd', categories: [], ids: [id] });
		const arxiv = summaryFromCompact(head('2606.00001'), () => JSON.stringify([['T', ['A'], 1, 2, 1, 'cs.AI', 0, null, 0]]));
		assert.deepStrictEqual(arxiv.papers[0], { ...base, id: '2606.00001', category: 'cs.AI' }, 'a cache of an earlier version (the abstract page as 0): no link kept');
		assert.strictEqual(primaryLink(arxiv.papers[0]), 'https://arxiv.org/abs/2606.00001', 'the link made from the id');
		const other = summaryFromCompact(head('x-1'), () => JSON.stringify([['T', ['A'], 1, 2, 1, 'cs.AI', 0, null, 0, 1]]));
		assert.strictEqual(other.papers[0].link, 'https://arxiv.org/abs/x-1', 'a paper not on arXiv keeps the link it gives');
		const digest = parseDigest(
			['# 2026-06-01', '', '## cs.AI', '', '### [1] [Kept](https://arxiv.org/abs/2606.00002v2)', '*A*', '', '### [2] [Dropped](https://arxiv.org/abs/2606.00003)', '*B*', ''].join('\n'),
			'/2026-06-01.md',
		);
		const summary = summarizeDigest(digest);
		assert.deepStrictEqual(summary.papers.map((p) => p.link), ['https://arxiv.org/abs/2606.00002v2', undefined], 'a versioned link is not the id\'s abstract page');
		const texts = compactTexts(summary);
		assert.deepStrictEqual(summaryFromCompact(texts.head, () => texts.papers), summary);
	});

	it('stores the file records uncompressed on a local disk and compressed for the web, and reads either form', async () => {
		const summary = summarizeDigest(parseDigest(fixture('2026-02-05.md'), DAY1));
		const records = new Map<string, FileRecord>([
			[DAY1, digestRecord({ size: 10, mtime: 2 }, summary)],
			[README, { size: 3, mtime: 4 }],
		]);
		const raw = await encodeFileRecords(records, 'k');
		assert.strictEqual(COMPRESS_RECORDS, false, "the Node build's default (deflate.web.ts says true)");
		assert.deepStrictEqual([...raw.subarray(0, 4)], [0xff, 0x41, 0x44, 0x52], 'uncompressed, behind its mark');
		const compressed = await encodeFileRecords(records, 'k', true);
		assert.ok(Buffer.from((await inflate(compressed)) as Uint8Array).equals(raw.subarray(4)), 'the same layout, deflated');
		assert.ok(compressed.length < raw.length);
		// the summaries start 4-byte aligned in the file as in the inflated layout: their checksum reads them in place, no copy
		const headLength = Buffer.from(raw).readUInt32LE(4);
		assert.strictEqual((4 + 4 + headLength) % 4, 0, `the body at ${4 + 4 + headLength} in the file`);
		assert.match(Buffer.from(raw.subarray(8, 8 + headLength)).toString('utf8'), /^\{.*\} *$/, 'the header padded with spaces');
		const fromRaw = await decodeSummedRecords(raw, 'k');
		const fromCompressed = await decodeSummedRecords(compressed, 'k');
		assert.ok(fromRaw && fromCompressed);
		assert.strictEqual(fromRaw.sum, fromCompressed.sum, 'one checksum: the host and a shard agree whichever form each read');
		assert.deepStrictEqual(summaryOf(fromRaw.records.get(DAY1) as FileRecord), summary);
		assert.deepStrictEqual(summaryOf(fromCompressed.records.get(DAY1) as FileRecord), summary);
		assert.deepStrictEqual(fromRaw.records.get(README), { size: 3, mtime: 4 });
		// another key is outdated in either form; the mark alone, or cut short, is damage
		assert.strictEqual(await fileRecordsOutdated(raw, 'other'), true);
		assert.strictEqual(await decodeFileRecords(raw.subarray(0, 4), 'k'), undefined);
		assert.strictEqual(await fileRecordsOutdated(raw.subarray(0, 4), 'k'), false);
		assert.strictEqual(await decodeFileRecords(raw.subarray(0, raw.length - 1), 'k'), undefined);
		// a damaged summary byte: the checksum refuses it, as in the compressed form
		const damaged = new Uint8Array(raw);
		damaged[damaged.length - 2] = '#'.charCodeAt(0);
		assert.strictEqual(await decodeFileRecords(damaged, 'k'), undefined);
		assert.strictEqual(await fileRecordsOutdated(damaged, 'k'), false, 'damage, reported as such');
	});

	it('refuses a records cache with a damaged summary byte (raw DEFLATE inflates it all the same)', async () => {
		const summary = summarizeDigest(parseDigest(fixture('2026-02-05.md'), DAY1));
		const bytes = await encodeFileRecords(new Map([[DAY1, digestRecord({ size: 10, mtime: 2 }, summary)]]), 'k', true);
		const inflated = new Uint8Array((await inflate(bytes)) as Uint8Array);
		const headerLength = new DataView(inflated.buffer).getUint32(0, true);
		inflated[4 + headerLength + 1] = '#'.charCodeAt(0);
		const damaged = await deflate(inflated);
		assert.ok(await inflate(damaged), 'it inflates');
		assert.strictEqual(await decodeFileRecords(damaged, 'k'), undefined);
		assert.strictEqual(await fileRecordsOutdated(damaged, 'k'), false, 'damage, reported as such');
	});

	it('sends a cached summary without parsing it', () => {
		let reads = 0;
		const record = digestRecord({ size: 1, mtime: 2 }, summarizeDigest(parseDigest(fixture('2026-02-05.md'), DAY1)));
		const update = {
			path: DAY1,
			summaryBytes: record.summaryBytes,
			get summary() {
				reads++;
				return undefined;
			},
		};
		const wire = encodeFileUpdates([update]);
		assert.strictEqual(reads, 0);
		const summaryBytes = record.summaryBytes?.utf8 as Uint8Array;
		assert.ok(Buffer.from(wire.subarray(wire.length - summaryBytes.length)).equals(summaryBytes), "the record's bytes as they are");
		// and a damaged entry costs only itself on the receiving side
		const message = (index: unknown[], body: string) => {
			const head = Buffer.from(JSON.stringify(index));
			const out = Buffer.alloc(4 + head.length);
			out.writeUInt32LE(head.length, 0);
			head.copy(out, 4);
			return new Uint8Array(Buffer.concat([out, Buffer.from(body)]));
		};
		assert.deepStrictEqual(decodeFileUpdates(message([['a', 12, 2], ['b']], '{"path":"x"}[]')), [{ path: 'b' }]);
		// as does one longer than the message
		assert.deepStrictEqual(decodeFileUpdates(message([['b'], ['a', 12, 20]], '{"path":"x"}[]')), [{ path: 'b' }]);
	});

	it('takes a records cache of the previous format (summaries as JSON strings) for outdated, not damaged', async () => {
		const summary = summarizeDigest(parseDigest(fixture('2026-02-05.md'), DAY1));
		const format3 = await deflate(new TextEncoder().encode(JSON.stringify({ format: 3, key: 'k', files: [[DAY1, 10, 2, JSON.stringify(summary)]] })));
		assert.strictEqual(await decodeFileRecords(format3, 'k'), undefined);
		assert.strictEqual(await fileRecordsOutdated(format3, 'k'), true);
	});

	it('sends a cached summary as its compact texts, the same message as from the objects', async () => {
		const summary = summarizeDigest(parseDigest(fixture('2026-02-05.md'), DAY1));
		const records = await decodeFileRecords(await encodeFileRecords(new Map([[DAY1, digestRecord({ size: 10, mtime: 2 }, summary)]]), 'k'), 'k');
		const cached = records?.get(DAY1);
		assert.ok(cached?.summaryBytes);
		const updates: FileUpdate[] = [{ path: DAY1, summaryBytes: cached.summaryBytes }, { path: README }];
		const wire = encodeFileUpdates(updates);
		assert.deepStrictEqual(wire, encodeFileUpdates([{ path: DAY1, summary }, { path: README }]));
		assert.deepStrictEqual(decodeFileUpdates(wire), [{ path: DAY1, summary }, { path: README }]);
	});

	it("parses a summary's papers only when they are read, and shows papers whose text is damaged by their ids", () => {
		const summary = summarizeDigest(parseDigest(fixture('2026-02-05.md'), DAY1));
		const texts = compactTexts(summary);
		let parsed = 0;
		const lazy = summaryFromCompact(texts.head, () => {
			parsed++;
			return texts.papers;
		});
		// what the Papers view's days, their counts and the read state need: from the head alone
		assert.strictEqual(lazy.day, summary.day);
		assert.deepStrictEqual(lazy.categories, summary.categories);
		assert.deepStrictEqual(paperIdsOf(lazy), summary.papers.map((p) => p.id));
		assert.strictEqual(paperCountOf(lazy), summary.papers.length);
		assert.strictEqual(parsed, 0);
		assert.deepStrictEqual(lazy.papers, summary.papers);
		assert.strictEqual(lazy.papers, lazy.papers, 'parsed once, then kept');
		assert.strictEqual(parsed, 1);
		assert.deepStrictEqual(paperIdsOf(summary), paperIdsOf(lazy), 'a summary made from the objects gives the same ids');
		// damage the checksum did not see (it cannot happen; it must not throw from a property read)
		const damaged = summaryFromCompact(texts.head, () => texts.papers.slice(0, 100));
		assert.deepStrictEqual(
			damaged.papers.map((p) => [p.id, p.title]),
			summary.papers.map((p) => [p.id, p.id]),
		);
		const short = summaryFromCompact(texts.head, () => '[]');
		assert.strictEqual(short.papers.length, summary.papers.length, 'as many papers as ids, whatever the text holds');
	});
});

describe('interests in the shard', () => {
	it('matches over the indexed text (Chinese TL;DR, abstract) without reading a file, and again only for changed files', async () => {
		const fs = memoryFs();
		const { shard } = openShard(fs);
		await shard.open(specs);
		fs.reads.length = 0;
		const spec = { keywords: ['扩散模型', 'token pruning'], authors: [], categories: [], exclude: ['benchmark', '基准'] };
		const reply = shard.interests(spec);
		assert.deepStrictEqual(fs.reads, [], 'no file read');
		const byId = new Map(reply.matches.map(([id, { excluded, words }]) => [id, { excluded, words }]));
		assert.deepStrictEqual(byId.get('2602.01002'), { excluded: false, words: ['扩散模型', 'token pruning'] }, 'Chinese TL;DR, and the abstract');
		assert.deepStrictEqual(byId.get('2602.01001')?.words, ['token pruning'], 'title');
		assert.strictEqual(byId.get('2602.01003')?.excluded, true, 'excluded by a Chinese word');
		assert.strictEqual(reply.matches.find(([id]) => id === '2602.01003')?.[1].excludedBy, '基准', 'the excluded keyword named');
		assert.ok(reply.computed >= 3);
		assert.strictEqual(reply.partial, false, 'a cold build holds every text: complete');
		// the same spec again: nothing to recompute; a changed file: only its papers
		assert.strictEqual(shard.interests(spec).computed, 0);
		const day2 = fs.files.get(DAY2) as { text: string; mtime: number };
		fs.files.set(DAY2, { text: day2.text.replace(/^### \[1\] \[/m, '### [1] [Diffusion '), mtime: 2 });
		await shard.update({ path: DAY2 });
		const again = shard.interests(spec);
		assert.ok(again.computed > 0 && again.computed < reply.computed, `${again.computed} of ${reply.computed}`);
		assert.strictEqual(shard.interests({ ...spec, keywords: ['/(bad/'] }).errors.length, 1);
	});

	it('after a warm start, says when the long fields are read back: interests asked then match words only they hold', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		let filled = 0;
		const shard = new CorpusShard(memoryIO(fs), 0, 1, { onFilled: () => filled++ });
		await shard.open(specs);
		// `segment street` is in 2602.01002's abstract alone, which the index cache leaves out
		const spec = { keywords: ['segment street'], authors: [], categories: [], exclude: [] };
		const early = shard.interests(spec);
		assert.deepStrictEqual(early.matches, [], 'not before the text is back');
		assert.strictEqual(early.partial, true, 'and says its answer is partial');
		assert.strictEqual(filled, 0);
		await shard.search.background;
		await Promise.resolve();
		assert.strictEqual(filled, 1, 'one event once the fill is done');
		const filledReply = shard.interests(spec);
		assert.deepStrictEqual(filledReply.matches.map(([id]) => id), ['2602.01002']);
		assert.strictEqual(filledReply.partial, false, 'complete once the text is back');
	});

	it('where reads are slow (fillOnDemand: the browser build), a warm start reads no file until interests need the long fields\' text', async () => {
		const fs = memoryFs();
		await openShard(fs).shard.open(specs);
		const events: string[] = [];
		const shard = new CorpusShard({ ...memoryIO(fs), fillOnDemand: true }, 0, 1, { onFilling: () => events.push('filling'), onFilled: () => events.push('filled') });
		fs.reads.length = 0;
		await shard.open(specs);
		await shard.search.background;
		assert.deepStrictEqual([...fs.reads], [], 'listing and stat-ing only: no fill');
		assert.strictEqual(shard.search.longFieldsDeferred, true);
		assert.ok(!events.includes('filling'), events.join(', '));
		// a word of an abstract alone: found, and named, from the abstract's postings in the cache: no read
		const abstractWord = await shard.searchText('diffusion', 10);
		assert.deepStrictEqual(abstractWord.ok && [abstractWord.result.hits.map((h) => [h.id, h.matched]), abstractWord.result.loading], [[['2602.01002', ['diffusion']]], false]);
		assert.deepStrictEqual([...fs.reads], [], 'no read to name the matched word');
		const readForQuery = fs.reads.length;
		// authors and categories need no text: final at once, and no fill starts
		const byAuthor = shard.interests({ keywords: [], authors: ['Carol Chen'], categories: ['cs.CL'], exclude: [] });
		assert.deepStrictEqual([byAuthor.partial, byAuthor.matches.map(([id]) => id).sort()], [false, ['2602.01002', '2602.01003']]);
		await shard.search.background;
		assert.strictEqual(fs.reads.length, readForQuery, 'no read for authors and categories');
		// a keyword: the fill starts, says so, and the answer is partial until it is done
		const early = shard.interests(streetSpec);
		assert.strictEqual(early.partial, true);
		assert.strictEqual(shard.search.longFieldsDeferred, false);
		await shard.search.background;
		await Promise.resolve();
		assert.deepStrictEqual(events.slice(-2), ['filling', 'filled']);
		assert.ok(fs.reads.includes(DAY2), 'the fill read the files back');
		const late = shard.interests(streetSpec);
		assert.deepStrictEqual([late.partial, late.matches.map(([id]) => id)], [false, ['2602.01002']]);
	});

	/** a warm shard of `fs` whose reads of `failing` fail as `how` says, from its open on (the cold start before it read them) */
	async function warmWithFailingRead(fs: MemoryFs, failing: string, how: 'throws' | 'gone') {
		await openShard(fs).shard.open(specs);
		const io = memoryIO(fs);
		let failReads = true;
		const readText: CorpusIO['readText'] = async (path) => {
			if (failReads && path === failing) {
				fs.reads.push(path);
				if (how === 'throws') throw new Error('EIO: i/o error, read');
				return undefined;
			}
			return io.readText(path);
		};
		let filled = 0;
		const shard = new CorpusShard({ ...io, readText }, 0, 1, { onFilled: () => filled++ });
		fs.reads.length = 0;
		await shard.open(specs);
		return { shard, filled: () => filled, readsAgain: () => (failReads = false) };
	}

	const streetSpec = { keywords: ['segment street'], authors: [], categories: [], exclude: [] };

	for (const how of ['throws', 'gone'] as const) {
		it(`a file whose read ${how === 'throws' ? 'throws' : 'finds nothing'} during the fill ends the count: final over what was read, the file counted unreadable`, async () => {
			const fs = memoryFs();
			// `segment street` is in DAY1's 2602.01002's abstract alone, which the index cache leaves out
			const { shard, filled, readsAgain } = await warmWithFailingRead(fs, DAY1, how);
			assert.strictEqual(shard.interests(streetSpec).partial, true, 'counting while the fill runs');
			await shard.search.background;
			await Promise.resolve();
			assert.ok(fs.reads.includes(DAY1), 'the fill tried the file');
			assert.strictEqual(filled(), 1, 'the fill says it is done, the file it could not read included');
			const reply = shard.interests(streetSpec);
			assert.strictEqual(reply.partial, false, 'no count that never ends');
			assert.strictEqual(reply.unreadable, 1, 'the one file it could not read back');
			assert.deepStrictEqual(reply.matches, [], 'the abstract it could not read matched nothing');
			// DAY2 was read back: words of its abstract alone match
			const day2Abstract = shard.interests({ keywords: ['fog and snow'], authors: [], categories: [], exclude: [] });
			assert.deepStrictEqual(day2Abstract.matches.map(([id]) => id), ['2602.02001']);
			// the file readable again and changed: its text is read, the count is complete
			readsAgain();
			const day1 = fs.files.get(DAY1) as { text: string; mtime: number };
			fs.files.set(DAY1, { ...day1, mtime: 2 });
			await shard.update({ path: DAY1 });
			const after = shard.interests(streetSpec);
			assert.deepStrictEqual([after.partial, after.unreadable], [false, 0]);
			assert.deepStrictEqual(after.matches.map(([id]) => id), ['2602.01002']);
		});
	}

	it('a file deleted during the fill: counted unreadable until its removal reaches the index, then not at all', async () => {
		const fs = memoryFs();
		const { shard } = await warmWithFailingRead(fs, DAY1, 'gone');
		await shard.search.background;
		assert.strictEqual(shard.interests(streetSpec).unreadable, 1);
		fs.files.delete(DAY1);
		await shard.remove(DAY1);
		const reply = shard.interests(streetSpec);
		assert.deepStrictEqual([reply.partial, reply.unreadable, reply.matches.length], [false, 0, 0]);
	});
});

describe('a paper listed on two days (the default shard count)', () => {
	/** a day listing paper 2602.09999 with its own Result line (each day's summary is written anew) */
	function day(result: string): string {
		return [
			'# cs.CV [[Back]](#toc)',
			'',
			'### [1] [Sparse Voxel Fields](https://arxiv.org/abs/2602.09999)',
			'*Ann Lee,Bo Chen*',
			'',
			'Main category: cs.CV',
			'',
			'TL;DR: 稀疏体素场。',
			'',
			'<details>',
			'  <summary>Details</summary>',
			`Result: ${result}`,
			'',
			'Abstract: We fit sparse voxel fields to scenes.',
			'',
			'</details>',
			'',
		].join('\n');
	}

	it('is found by words of both listings, and excluded by a word of either, in the search and in the interests', async () => {
		const fs = memoryFs();
		fs.files.set(DAY1, { text: day('renders kumquat scenes'), mtime: 1 });
		fs.files.set(DAY2, { text: day('renders persimmon scenes'), mtime: 1 });
		// with two shards these two files are held by different ones, each with one listing's text
		assert.notStrictEqual(shardOf(DAY1, 2), shardOf(DAY2, 2));
		const service = new SearchService(Array.from({ length: DEFAULT_SHARDS }, (_, n) => inProcessShard(memoryIO(fs), n, DEFAULT_SHARDS)));
		await service.open(specs);
		const ids = async (query: string) => {
			const reply = await service.search(query, 10);
			return reply.ok ? reply.result.hits.map((h) => h.id) : reply.error;
		};
		assert.deepStrictEqual(await ids('kumquat persimmon'), ['2602.09999']);
		assert.deepStrictEqual(await ids('kumquat -persimmon'), []);
		assert.deepStrictEqual(await ids('persimmon -kumquat'), []);
		const interests = await service.interests({ keywords: ['kumquat'], authors: [], categories: [], exclude: ['persimmon'] });
		assert.strictEqual(interests.matches.get('2602.09999')?.excluded, true);
	});
});
