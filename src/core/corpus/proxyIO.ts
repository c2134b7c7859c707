/**
 * CorpusIO over a file API that reads whole files (the editor's `workspace.fs`: no ranged read),
 * directly on the calling thread or, from a Web Worker that cannot call `vscode`, proxied to the
 * extension over `postMessage`. vscode-free and Node-free: it runs in the browser build.
 */
import { decodeInPieces } from '../parse/lines';
import type { CacheName, CorpusIO, DigestText, FileStamp } from './shard';

/** What a shard needs of a file system that reads whole files. */
export interface FileAccess {
	stat(path: string): Promise<FileStamp | undefined>;
	/** the file's bytes; undefined when it cannot be read */
	read(path: string): Promise<Uint8Array | undefined>;
	readCache(name: CacheName): Promise<Uint8Array | undefined>;
	writeCache(name: CacheName, bytes: Uint8Array): Promise<void>;
}

/** our cache files; `files.*.json` is the file records' earlier (uncompressed) name */
const CACHE_FILE = /^(?:search-index\.\d+of(\d+)\.bin|files\.\d+of(\d+)\.(bin|json))$/;

/**
 * Whether `name` in the cache folder is a cache that `shards` shards never read again: one of
 * another shard count, or of an earlier format. Each build removes them its own way (node:fs,
 * vscode.workspace.fs).
 */
export function isStaleCacheFile(name: string, shards: number): boolean {
	const m = CACHE_FILE.exec(name);
	return m !== null && (Number(m[1] ?? m[2]) !== shards || m[3] === 'json');
}

/** Whether `name` is a file-records cache of this format (any shard count): its folder's workspace had digests. */
export function isFileRecordsCache(name: string): boolean {
	return CACHE_FILE.exec(name)?.[3] === 'bin';
}

/** Whether `name` is an index cache (any shard count). */
export function isIndexCache(name: string): boolean {
	return CACHE_FILE.exec(name)?.[1] !== undefined;
}

/**
 * Whether an index cache of this many bytes may hold papers: one of no papers (a workspace whose
 * day-named notes turned out not to be digests) is ~200 bytes, three short papers' ~800, one real
 * digest's tens of KB. The editor tells from a file's size alone whether a workspace had digests
 * last time (see storageHadDigests in src/features/workspace/corpus.ts).
 */
export function indexCacheMayHoldPapers(byteLength: number): boolean {
	return byteLength >= INDEX_WITH_PAPERS_MIN_BYTES;
}
const INDEX_WITH_PAPERS_MIN_BYTES = 512;

/** a URI's scheme and authority, then its path up to a query or fragment */
const URI_KEY = /^[a-z][a-z0-9+.-]+:(?:\/\/[^/?#]*)?([^?#]*)/i;

/**
 * The path a URI key names, decoded as its file system writes it: `vscode-vfs://github/o/r/arXiv%20Daily%202026-02-06.md`
 * → `/o/r/arXiv Daily 2026-02-06.md`. The key as it is where it is no URI (a local path) or is not well encoded.
 */
export function pathOfUriKey(key: string): string {
	const m = URI_KEY.exec(key);
	if (!m) return key;
	try {
		return decodeURIComponent(m[1]);
	} catch {
		return key;
	}
}

/** How the thread running the shard gives itself back and tells time. */
export type Scheduling = Pick<CorpusIO, 'yield' | 'now' | 'sliceMs'>;

/** The cache files of shard `shard` of `shards`. */
export function cacheFileName(name: CacheName, shard: number, shards: number): string {
	return name === 'index' ? `search-index.${shard}of${shards}.bin` : `files.${shard}of${shards}.bin`;
}

/**
 * How many files a shard reads ahead of itself through a file API whose every call is a round trip
 * (worker → extension → `workspace.fs` → the editor's file system, perhaps over the network): the
 * bound on reads in flight and on read files waiting to be used. Twelve: the 167-day folder read
 * through `workspace.fs` in code-server took 13.8 s at 6 in flight, 7.3 s at 12 (when two shards
 * read 6 each); one shard now reads them all (DEFAULT_SHARDS).
 */
export const READ_AHEAD = 12;

// ignoreBOM: a piece that starts with U+FEFF keeps it, as the whole text would (the parser drops the file's leading one)
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const looseDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A file's bytes decoded, without Node's Buffer: clean ones (valid UTF-8 with neither NUL nor U+FFFD,
 * see DigestText) in pieces (decodeInPieces), else whole for the parser to report what is wrong.
 */
export function decodeText(bytes: Uint8Array): DigestText {
	let clean = true;
	const text = decodeInPieces(bytes, (start, end) => {
		if (!clean) return '';
		try {
			const piece = strictDecoder.decode(bytes.subarray(start, end));
			if (piece.includes('\0') || piece.includes('\uFFFD')) clean = false;
			return piece;
		} catch {
			clean = false;
			return '';
		}
	});
	return clean ? { text, clean } : { text: looseDecoder.decode(bytes), clean };
}

/**
 * A CorpusIO reading whole files through `files`, whose keys are URI strings. A shard reads a new file's head (to detect a
 * digest) and then the file: the bytes of the last head read are kept for that one next read, so
 * each file crosses the file API once. The files a shard names with `prefetch` are read ahead,
 * `readAhead` at a time (see readAheadFiles).
 */
export function filesCorpusIO(files: FileAccess, scheduling: Scheduling, readAhead = READ_AHEAD): CorpusIO {
	const decoder = new TextDecoder('utf-8');
	const ahead = readAheadFiles(files, readAhead);
	let lastHead: { path: string; bytes: Uint8Array } | undefined;
	return {
		stat: (path) => ahead.stat(path),
		readHead: async (path, bytes) => {
			const data = await ahead.read(path);
			lastHead = data && { path, bytes: data };
			return data && decoder.decode(data.subarray(0, bytes));
		},
		readText: async (path) => {
			const head = lastHead?.path === path ? lastHead : undefined;
			lastHead = undefined;
			const data = head ? head.bytes : await ahead.read(path);
			return data && decodeText(data);
		},
		readCache: (name) => files.readCache(name),
		writeCache: (name, bytes) => files.writeCache(name, bytes),
		prefetch: (paths) => ahead.plan(paths),
		// the keys are URI strings (workspace.fs): a file's day and label come from its decoded name
		pathOf: pathOfUriKey,
		// each file's bytes cross the editor (in the browser, its workbench's thread): a warm start's
		// fill of 167 real days took 97 s there at load 12 and gave the workbench 15 s of long tasks
		fillOnDemand: true,
		...scheduling,
	};
}

/**
 * Read-ahead over `files`: `plan(paths)` names the files about to be read, in order; up to `depth`
 * of them are read (stat, then bytes) before they are asked for. A file read ahead is handed out
 * only to a read that follows a `stat` of it which found it unchanged since (the shard stats
 * every file before it reads it): a file changed meanwhile is read again, so nothing read ahead is
 * ever older than a stat the shard saw. Any other read goes straight to `files`.
 */
export function readAheadFiles(files: FileAccess, depth: number) {
	type Entry = { stamp: Promise<FileStamp | undefined>; bytes: Promise<Uint8Array | undefined>; checked: boolean };
	let queue: string[] = [];
	const ahead = new Map<string, Entry>();
	const fill = () => {
		while (ahead.size < depth && queue.length > 0) {
			const path = queue.shift() as string;
			if (ahead.has(path)) continue;
			const stamp = files.stat(path).catch(() => undefined);
			const bytes = stamp.then((s) => (s ? files.read(path) : undefined)).catch(() => undefined);
			ahead.set(path, { stamp, bytes, checked: false });
		}
	};
	const drop = (path: string) => {
		if (ahead.delete(path)) fill();
	};
	return {
		plan(paths: readonly string[]): void {
			const wanted = new Set(paths);
			for (const path of ahead.keys()) if (!wanted.has(path)) ahead.delete(path);
			queue = paths.filter((p) => !ahead.has(p));
			fill();
		},
		async stat(path: string): Promise<FileStamp | undefined> {
			const stamp = await files.stat(path);
			const entry = ahead.get(path);
			if (entry) {
				const early = await entry.stamp;
				if (stamp && early && early.size === stamp.size && early.mtime === stamp.mtime) entry.checked = true;
				else drop(path);
			}
			return stamp;
		},
		async read(path: string): Promise<Uint8Array | undefined> {
			const entry = ahead.get(path);
			if (!entry?.checked) return files.read(path);
			drop(path);
			return (await entry.bytes) ?? files.read(path);
		},
	};
}

/** A file request from the worker to the extension. */
export type IoRequest =
	| { io: number; op: 'stat' | 'read'; path: string }
	| { io: number; op: 'readCache'; name: CacheName }
	| { io: number; op: 'writeCache'; name: CacheName; bytes: Uint8Array };

/** an IoRequest before it is numbered */
type IoCall = IoRequest extends infer R ? (R extends IoRequest ? Omit<R, 'io'> : never) : never;

export type IoReply = { ioReply: number; result?: FileStamp | Uint8Array; error?: string };

export function isIoRequest(message: unknown): message is IoRequest {
	return typeof message === 'object' && message !== null && 'io' in message;
}

export function isIoReply(message: unknown): message is IoReply {
	return typeof message === 'object' && message !== null && 'ioReply' in message;
}

/** Buffers that can move to the other side without a copy (a view over part of a larger buffer is copied). */
export function transferables(bytes: Uint8Array | undefined): ArrayBuffer[] {
	return bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

/**
 * The worker's side: a FileAccess whose every call is a message to the extension. `onReply` must
 * be given every IoReply the worker receives.
 */
export function proxyFileAccess(send: (request: IoRequest, transfer: ArrayBuffer[]) => void): { files: FileAccess; onReply(reply: IoReply): void } {
	let next = 1;
	const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
	const call = <T>(request: IoCall, transfer: ArrayBuffer[] = []) =>
		new Promise<T>((resolve, reject) => {
			const io = next++;
			pending.set(io, { resolve: resolve as (v: unknown) => void, reject });
			send({ ...request, io } as IoRequest, transfer);
		});
	return {
		files: {
			stat: (path) => call({ op: 'stat', path }),
			read: (path) => call({ op: 'read', path }),
			readCache: (name) => call({ op: 'readCache', name }),
			writeCache: (name, bytes) => call({ op: 'writeCache', name, bytes }),
		},
		onReply: (reply) => {
			const p = pending.get(reply.ioReply);
			pending.delete(reply.ioReply);
			if (reply.error !== undefined) p?.reject(new Error(reply.error));
			else p?.resolve(reply.result);
		},
	};
}

/** The extension's side: answers one IoRequest with `files`; a failed write is answered with its error. */
export async function serveFileRequest(files: FileAccess, request: IoRequest): Promise<{ reply: IoReply; transfer: ArrayBuffer[] }> {
	try {
		let result: FileStamp | Uint8Array | undefined;
		if (request.op === 'stat') result = await files.stat(request.path);
		else if (request.op === 'read') result = await files.read(request.path);
		else if (request.op === 'readCache') result = await files.readCache(request.name);
		else if (request.op === 'writeCache') await files.writeCache(request.name, request.bytes);
		return { reply: { ioReply: request.io, result }, transfer: result instanceof Uint8Array ? transferables(result) : [] };
	} catch (err) {
		return { reply: { ioReply: request.io, error: err instanceof Error ? err.message : String(err) }, transfer: [] };
	}
}
