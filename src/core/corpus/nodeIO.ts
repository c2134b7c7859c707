/** CorpusIO over node:fs, for the index workers and the CLI. */
import { close, closeSync, fstatSync, mkdirSync, openSync, read, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { decodeInPieces } from '../parse/lines';
import { bodyCounterThread } from '../search/bodyThread';
import { cacheFileName, isStaleCacheFile } from './proxyIO';
import type { CacheName, CorpusIO, DigestText } from './shard';

export { cacheFileName };

/** file systems that ignore case, where globs in settings must too */
export const PATH_NOCASE = process.platform === 'win32' || process.platform === 'darwin';

/** readHeadSync's buffer: one for every read (each is decoded before the next starts) */
let headBuffer: Buffer | undefined;

/**
 * The size of a local file and its first `bytes` bytes as UTF-8 text, with one ranged read; no text
 * when it is over `maxSize`. Throws where it cannot be read. Synchronous: the system calls cost a few
 * µs on a local disk, a quarter of a promise-based read's work on the calling thread.
 */
export function readHeadSync(path: string, bytes: number, maxSize = Infinity): { size: number; head: string } {
	const fd = openSync(path, 'r');
	try {
		const { size } = fstatSync(fd);
		if (size > maxSize) return { size, head: '' };
		if (!headBuffer || headBuffer.length < bytes) headBuffer = Buffer.allocUnsafe(bytes);
		const read = readSync(fd, headBuffer, 0, Math.min(bytes, size), 0);
		return { size, head: headBuffer.toString('utf8', 0, read) };
	} finally {
		closeSync(fd);
	}
}

const REPLACEMENT_CHARACTER = Buffer.from('\uFFFD');

/**
 * A file's bytes decoded, and whether they were clean (see DigestText): Buffer#toString rather than
 * readFileSync(path, 'utf8'), which in the editor's Node 24 decodes ~2.5x slower (its own UTF-8
 * path; 290 vs 115 ms for the 91 MB real folder); the checks on the bytes (memchr, simdutf: ~25 ms
 * for that folder) where the parser's scans of the text took ~80 ms. Clean bytes are decoded in
 * pieces (decodeInPieces: ~50 ms for that folder where whole files took ~500 ms); the parser looks
 * for the signs of a binary file in the rest, whole.
 */
export function decodeChecked(bytes: Buffer): DigestText {
	const clean = bytes.indexOf(0) < 0 && bytes.indexOf(REPLACEMENT_CHARACTER) < 0 && isUtf8(bytes);
	return { text: clean ? decodeInPieces(bytes, (start, end) => bytes.toString('utf8', start, end)) : bytes.toString('utf8'), clean };
}

/** Where shard `shard` of `shards` keeps cache `name` in `cacheDir`. */
export function cacheFilePath(cacheDir: string, name: CacheName, shard: number, shards: number): string {
	return join(cacheDir, cacheFileName(name, shard, shards));
}

/**
 * The bytes of cache `name` of shard `shard` of `shards` in `cacheDir` (undefined: none, or
 * unreadable), in one synchronous read: ~15 ms for the 167-day folder's 37 MB index cache, where
 * readFile's 512 KB chunks each waited for a turn of a busy thread (a worker's, the extension host's).
 */
export function readCacheFile(cacheDir: string, name: CacheName, shard: number, shards: number): Uint8Array | undefined {
	try {
		return readFileSync(cacheFilePath(cacheDir, name, shard, shards));
	} catch {
		return undefined;
	}
}

/**
 * The bytes readCacheFile reads, the reading itself on the I/O pool: the open and the stat here (a
 * syscall each), then one read, whose end is the one turn of the calling thread this waits for (a
 * busy thread gives turns late: open, stat, read and close each awaited took ~420 ms of a warm start
 * in the editor). For the extension host, which reads a worker's index cache while that worker
 * boots (WorkerShardOptions.readIndexCache). Undefined: no such file, or unreadable.
 */
export function readCacheFileOffThread(cacheDir: string, name: CacheName, shard: number, shards: number): Promise<Uint8Array | undefined> {
	let fd: number;
	let size: number;
	try {
		fd = openSync(cacheFilePath(cacheDir, name, shard, shards), 'r');
	} catch {
		return Promise.resolve(undefined);
	}
	try {
		size = fstatSync(fd).size;
	} catch {
		closeSync(fd);
		return Promise.resolve(undefined);
	}
	const bytes = new Uint8Array(size);
	return new Promise((resolve) => {
		const done = (result: Uint8Array | undefined) => {
			close(fd, () => undefined);
			resolve(result);
		};
		const readFrom = (at: number): void => {
			if (at === size) return done(bytes);
			read(fd, bytes, at, size - at, at, (err, count) => {
				if (err) done(undefined);
				else if (count === 0) done(bytes.subarray(0, at));
				else readFrom(at + count);
			});
		};
		readFrom(0);
	});
}

/** Where a worker thread gets the index cache's bytes its starter read for it (WorkerInit.indexCache). */
export interface HandedCachePort {
	once(event: 'message', listener: (bytes: Uint8Array | undefined) => void): void;
	close(): void;
}

/**
 * `read`, but the first read of the index cache takes the bytes that come on `port` (one message:
 * the extension host read them while this worker booted), or reads them itself when none came.
 */
export function indexCacheHandedOver(read: CorpusIO['readCache'], port: HandedCachePort | undefined): CorpusIO['readCache'] {
	if (!port) return read;
	let handed: Promise<Uint8Array | undefined> | undefined = new Promise((resolve) =>
		port.once('message', (bytes) => {
			port.close();
			resolve(bytes);
		}),
	);
	return async (name) => {
		if (name !== 'index' || !handed) return read(name);
		const bytes = await handed;
		handed = undefined;
		return bytes ?? read(name);
	};
}

/** a cache write's temporary file (see writeCache): `<cache file>.<pid>-<thread>.<time>.tmp` */
const TEMP_FILE = /^(?:search-index|files)\.[^/\\]*\.tmp$/;
/** a temporary file this old is no write in progress: one whose process ended mid-write (closed, killed) */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes the caches a different shard count left behind (they would never be read again), and
 * the temporary files of cache writes that never finished (each as large as its cache).
 */
export function removeStaleCaches(dir: string, shards: number, now = Date.now()): void {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const path = join(dir, name);
		if (isStaleCacheFile(name, shards) || (TEMP_FILE.test(name) && now - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now) > STALE_TEMP_MS)) {
			rmSync(path, { force: true });
		}
	}
}

export function nodeCorpusIO(cacheDir: string | undefined, shard: number, shards: number): CorpusIO {
	const cachePath = (name: CacheName) => (cacheDir ? cacheFilePath(cacheDir, name, shard, shards) : undefined);
	return {
		stat: async (path) => {
			try {
				const s = statSync(path);
				return s.isFile() ? { size: s.size, mtime: s.mtimeMs } : undefined;
			} catch {
				return undefined;
			}
		},
		readHead: async (path, bytes) => {
			try {
				return readHeadSync(path, bytes).head;
			} catch {
				return undefined;
			}
		},
		readText: async (path) => {
			try {
				return decodeChecked(readFileSync(path));
			} catch {
				return undefined;
			}
		},
		// synchronous (readCacheFile): read in chunks, the index cache arrived 230 ms into a warm start in the editor
		readCache: async (name) => (cacheDir ? readCacheFile(cacheDir, name, shard, shards) : undefined),
		writeCache: async (name, bytes) => {
			const path = cachePath(name);
			if (!path || !cacheDir) return;
			mkdirSync(cacheDir, { recursive: true });
			// write then rename, so a crash mid-write never leaves a half cache under the real name;
			// off the thread (writing the 37 MB index cache of 167 real days in one call took 20–40 ms, a query waited)
			// the thread too: a worker thread being replaced and its successor share the process
			const temp = `${path}.${process.pid}-${threadId}.${Date.now()}.tmp`;
			try {
				await writeFile(temp, bytes);
				await rename(temp, path);
			} catch (err) {
				// a full disk or a path taken by a folder: leave no half-written temp file behind (a
				// process ended mid-write leaves one for removeStaleCaches)
				await rm(temp, { force: true }).catch(() => undefined);
				throw err;
			}
		},
		// a macrotask, so search requests get answered between slices of a build
		yield: () => new Promise((resolve) => setImmediate(resolve)),
		now: () => performance.now(),
		// next to the bundle that runs this (dist/search-worker.js, dist/cli.js)
		bodyCounter: () => bodyCounterThread(join(__dirname, 'body-worker.js')),
	};
}
