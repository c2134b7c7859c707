/**
 * A cold build's second pass with a helper counting the last documents' long fields (bodySplit.ts)
 * makes the index a build without one makes: the same cache, byte for byte (the same term ids),
 * the same postings per term and the same answers, also when the helper fails mid-way and when
 * files change during the pass. The helper here is an index of its own on this thread, its
 * answers late and copied as a worker thread's would be.
 */
import * as assert from 'node:assert';
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Digest } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { indexPendingBodies, type BodyCounter } from '../../src/core/search/bodySplit';
import { bodyCounterThread } from '../../src/core/search/bodyThread';
import { encodeCache } from '../../src/core/search/cache';
import { PaperIndex } from '../../src/core/search/index';
import { parseQuery } from '../../src/core/search/query';
import { filesUnder } from './files-under';

const DIR = 'test/fixtures/real';

const FILES = filesUnder(DIR);
const DIGESTS = new Map<string, Digest>(FILES.map((path) => [path, parseDigest(readFileSync(path, 'utf8'), path)]));

/** a helper on this thread: a dictionary index of its own, answers a turn later, copied as postMessage copies them */
function threadlessCounter(failAt = Infinity): { counter: BodyCounter; chunks: () => number; closed: () => boolean } {
	const dictionary = new PaperIndex();
	let chunks = 0;
	let closed = false;
	return {
		chunks: () => chunks,
		closed: () => closed,
		counter: {
			count: (nums, texts) =>
				new Promise((resolve, reject) =>
					setImmediate(() => {
						if (closed) return reject(new Error('closed'));
						if (++chunks >= failAt) return reject(new Error('the helper crashed'));
						resolve(structuredClone(dictionary.countBodies(structuredClone(nums), structuredClone(texts))));
					}),
				),
			close: () => void (closed = true),
		},
	};
}

/** a cold build's first pass over `paths` (every paper's long fields pending) */
function headsOnly(paths: readonly string[]): PaperIndex {
	const index = new PaperIndex();
	index.deferBodies = true;
	for (const path of paths) index.addFile(path, DIGESTS.get(path) as Digest, { size: 1, mtime: 1 });
	index.sortTerms();
	return index;
}

async function secondPass(index: PaperIndex, counter?: () => BodyCounter | undefined, between: (slice: number) => void = () => undefined, onProgress: (done: number, total: number) => void = () => undefined): Promise<void> {
	let slice = 0;
	let clock = 0;
	await indexPendingBodies(index, {
		// a few documents a slice, so that both sides take many turns
		sliceMs: 3,
		now: () => clock++,
		yield: () =>
			new Promise((resolve) =>
				setImmediate(() => {
					between(slice++);
					resolve();
				}),
			),
		onProgress,
		counter,
		minHelperBodies: 0,
		chunkBodies: 40,
	});
	index.deferBodies = false;
}

async function cacheOf(index: PaperIndex): Promise<Buffer> {
	index.freeze();
	return Buffer.from(await encodeCache(index, 'test'));
}

/** words from the corpus' own text: whole, prefixes, typos, pairs, phrases, Chinese runs, authors, filters */
function queries(): string[] {
	const text = [...DIGESTS.values()].flatMap((d) => d.papers.slice(0, 30).flatMap((p) => [p.title, p.abstract, p.motivation, p.result, p.abstractTranslation ?? ''])).join('\n');
	const words = [...new Set(text.match(/[A-Za-z][A-Za-z-]{3,}/g) ?? [])];
	const chinese = [...new Set(text.match(/[\u4e00-\u9fff]{2,5}/g) ?? [])];
	const authors = [...new Set([...DIGESTS.values()].flatMap((d) => d.papers.flatMap((p) => p.authors)))];
	let seed = 7;
	const pick = <T>(items: T[]): T => items[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % items.length];
	const out: string[] = [];
	for (let i = 0; i < 150; i++) {
		const word = pick(words);
		out.push(word, word.slice(0, 4), word.slice(0, 2) + word[3] + word[2] + word.slice(4), `${word} ${pick(words)}`, pick(chinese));
		out.push(`"${word} ${pick(words)}"`, `author:"${pick(authors)}"`, `${pick(words)} -${pick(words)}`);
	}
	const phrase = text.match(/\b[a-z]+ [a-z]+ [a-z]+\b/g) ?? [];
	for (let i = 0; i < 100; i++) out.push(`"${pick(phrase)}"`, `${pick(words)} cat:cs.CV`);
	return out;
}
const QUERIES = queries();

function answers(index: PaperIndex): string[] {
	return QUERIES.map((q) => {
		const parsed = parseQuery(q);
		return parsed.ok ? JSON.stringify(index.search(parsed.query, 20)) : parsed.error;
	});
}

/** every term's postings of the second pass (TL;DR and body), by the store and the term's text */
function bodyPostings(index: PaperIndex): Map<string, string> {
	const out = new Map<string, string>();
	for (const [name, store] of [['tldr', index.tldr], ['body', index.body]] as const) {
		for (let id = 0; id < index.terms.length; id++) {
			const docs: number[] = [];
			store.forEachDoc(id, (num) => docs.push(num));
			if (docs.length > 0) out.set(`${name} ${index.terms.get(id)}`, docs.join(' '));
		}
	}
	return out;
}

describe('a cold build\'s long fields counted by a helper', function () {
	// each test indexes the 23 real digests once or twice: 1–4 s alone, 8.6 s with the machine's two
	// cores shared four ways, where the suite's 20 s default failed one run; the work, not a wait
	this.timeout(60_000);
	let sequential: PaperIndex;
	let sequentialCache: Buffer;
	let sequentialAnswers: string[];

	before(async () => {
		sequential = headsOnly(FILES);
		await secondPass(sequential);
		sequentialAnswers = answers(sequential);
		sequentialCache = await cacheOf(sequential);
	});

	it('makes the index a build without a helper makes: the same postings per term, answers and cache', async () => {
		const index = headsOnly(FILES);
		const helper = threadlessCounter();
		await secondPass(index, () => helper.counter);
		assert.ok(helper.chunks() > 10, `the helper counted ${helper.chunks()} chunks`);
		assert.ok(helper.closed(), 'the helper is ended with the pass');
		assert.strictEqual(index.pendingBodyCount, 0);
		assert.deepStrictEqual(bodyPostings(index), bodyPostings(sequential));
		const got = answers(index);
		assert.ok(sequentialAnswers.filter((a) => a.includes('"id"')).length > QUERIES.length / 2, 'most queries find papers');
		for (let i = 0; i < QUERIES.length; i++) assert.strictEqual(got[i], sequentialAnswers[i], QUERIES[i]);
		assert.ok((await cacheOf(index)).equals(sequentialCache), 'the caches are the same');
	});

	it('reports progress through the TL;DRs and the long fields: it moves from the first slice (the TL;DRs count), never goes back and never passes its total', async () => {
		const index = headsOnly(FILES);
		const reports: [number, number][] = [];
		await secondPass(index, () => threadlessCounter().counter, undefined, (done, total) => reports.push([done, total]));
		assert.ok(reports.length > 10, `${reports.length} reports`);
		const total = reports[0][1];
		assert.ok(reports.every(([, t]) => t === total));
		assert.ok(reports[0][0] > 0, 'the TL;DRs count');
		for (let i = 1; i < reports.length; i++) assert.ok(reports[i][0] >= reports[i - 1][0], `report ${i} went back`);
		assert.ok(reports[reports.length - 1][0] <= total);
	});

	it('a helper that fails mid-way leaves the rest to this thread, with the same index', async () => {
		const index = headsOnly(FILES);
		const helper = threadlessCounter(5);
		await secondPass(index, () => helper.counter);
		assert.strictEqual(helper.chunks(), 5, 'it failed on its fifth chunk');
		assert.ok(helper.closed());
		assert.strictEqual(index.pendingBodyCount, 0);
		assert.deepStrictEqual(answers(index), sequentialAnswers);
		assert.ok((await cacheOf(index)).equals(sequentialCache), 'the caches are the same');
	});

	it('a helper that cannot start leaves the pass to this thread', async () => {
		const index = headsOnly(FILES);
		await indexPendingBodies(index, { sliceMs: Infinity, now: () => 0, yield: async () => undefined, onProgress: () => undefined, counter: () => undefined, minHelperBodies: 0 });
		assert.ok((await cacheOf(index)).equals(sequentialCache));
	});

	it('files changed, re-listed and removed during the pass: the answers of a build without a helper given the same changes', async () => {
		// the last file's papers are lent first: it is changed and removed while they are at the helper
		const [first, last] = [FILES[0], FILES[FILES.length - 1]];
		const changed: Digest = { ...(DIGESTS.get(last) as Digest), papers: (DIGESTS.get(last) as Digest).papers.map((p, i) => (i % 2 === 0 ? { ...p, abstract: p.abstract + ' zanzibarite' } : p)) };
		const relisted: Digest = { ...(DIGESTS.get(first) as Digest), day: '2030-01-01' };
		const changes = (index: PaperIndex) => (slice: number) => {
			if (slice === 2) index.addFile(last, changed, { size: 2, mtime: 2 });
			if (slice === 4) index.addFile('relisted.md', relisted, { size: 1, mtime: 1 });
			if (slice === 6) index.removeFile(FILES[FILES.length - 2]);
		};
		const plain = headsOnly(FILES);
		await secondPass(plain, undefined, changes(plain));
		const index = headsOnly(FILES);
		await secondPass(index, () => threadlessCounter().counter, changes(index));
		assert.strictEqual(index.pendingBodyCount, 0);
		const hit = parseQuery('zanzibarite');
		assert.ok(hit.ok && index.search(hit.query, 50).hits.length > 0, 'the changed papers are found by their new word');
		assert.deepStrictEqual(bodyPostings(index), bodyPostings(plain));
		assert.deepStrictEqual(answers(index), answers(plain));
		// frozen, each list is read back from its gaps: a list out of document order would not read back the same
		index.freeze();
		plain.freeze();
		assert.deepStrictEqual(bodyPostings(index), bodyPostings(plain));
		assert.deepStrictEqual(answers(index), answers(plain));
	});

	describe('in a worker thread (bodyThread.ts)', () => {
		let dir: string;
		before(() => (dir = mkdtempSync(join(tmpdir(), 'body-worker-'))));
		after(() => rmSync(dir, { recursive: true, force: true }));

		it('dist/body-worker.js, built from its source, makes the same index', async () => {
			const script = join(dir, 'body-worker.js');
			buildSync({ entryPoints: ['src/core/search/bodyWorker.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'warning' });
			const index = headsOnly(FILES);
			let started = 0;
			await secondPass(index, () => {
				started++;
				return bodyCounterThread(script);
			});
			assert.strictEqual(started, 1);
			assert.ok((await cacheOf(index)).equals(sequentialCache), 'the caches are the same');
		});

		it('a helper thread that dies on its first chunk: this thread indexes everything', async () => {
			const script = join(dir, 'dies.js');
			writeFileSync(script, "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n");
			const index = headsOnly(FILES);
			await secondPass(index, () => bodyCounterThread(script));
			assert.strictEqual(index.pendingBodyCount, 0);
			assert.ok((await cacheOf(index)).equals(sequentialCache), 'the caches are the same');
		});

		it('a helper thread that stops answering is ended at its deadline: this thread indexes everything', async () => {
			const script = join(dir, 'hangs.js');
			writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => undefined);\n");
			const index = headsOnly(FILES);
			await secondPass(index, () => bodyCounterThread(script, 200));
			assert.strictEqual(index.pendingBodyCount, 0);
			assert.ok((await cacheOf(index)).equals(sequentialCache), 'the caches are the same');
		});

		it('no helper where its script is missing', () => {
			assert.strictEqual(bodyCounterThread(join(dir, 'missing.js')), undefined);
		});
	});
});
