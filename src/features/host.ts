/**
 * What the extension needs of its host that differs between the Node build (desktop, remote) and
 * the web build (vscode.dev, github.dev): the web build (esbuild.mjs) bundles `host.web.ts` in
 * place of this file, with the same exports. Everything else reaches Node only through here.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import * as os from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { cacheFilePath, readCacheFile, readCacheFileOffThread, readHeadSync, removeStaleCaches } from '../core/corpus/nodeIO';
import { DEFAULT_SHARDS, workerShard, type ShardHandle } from '../core/search/client';
import type { FileAccess } from '../core/corpus/proxyIO';
import type { CacheName } from '../core/corpus/shard';
import type * as CardRender from '../core/card/render';
import { codeCacheFolder, loadWithCodeCache, saveLater } from '../core/codeCache';

export { PATH_NOCASE } from '../core/corpus/nodeIO';

/** a fresh nonce for a webview's Content-Security-Policy */
export function nonce(): string {
	return randomBytes(18).toString('base64');
}

/** gives the extension host's thread back for a moment */
export function yieldThread(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** the operating system the files are on (`darwin`, `win32`, `linux`, …); undefined in the web build */
export const hostPlatform: string | undefined = process.platform;

/** the user's home folder, where there is one */
export function homeDir(): string | undefined {
	return os.homedir();
}

/**
 * readHeadSync, undefined when the file cannot be read (the caller gives the thread back between
 * files). Undefined in the web build, which reads through vscode.workspace.fs.
 */
export const readLocalHead: ((path: string, bytes: number, maxSize: number) => { size: number; head: string } | undefined) | undefined = (path, bytes, maxSize) => {
	try {
		return readHeadSync(path, bytes, maxSize);
	} catch {
		return undefined;
	}
};

/**
 * A local folder's entries as vscode.workspace.fs.readDirectory gives them (a symbolic link: its
 * target's type plus SymbolicLink), by node:fs in its thread pool: on a cold start the first look
 * for digests (quickCandidates) took two round trips through a busy extension host to the editor's
 * file service, ~250 ms before the index could start. Throws where the folder cannot be read.
 * Names in NFC on macOS, as the editor's file service and file search give them (HFS+ stores them
 * decomposed): one file, one URI key, whichever of them listed it.
 */
export const readLocalDirectory: ((path: string) => Promise<[string, vscode.FileType][]>) | undefined = async (path) => {
	const typeOf = (entry: { isFile(): boolean; isDirectory(): boolean }) => (entry.isFile() ? vscode.FileType.File : entry.isDirectory() ? vscode.FileType.Directory : vscode.FileType.Unknown);
	const nameOf = process.platform === 'darwin' ? (name: string) => name.normalize('NFC') : (name: string) => name;
	return Promise.all(
		(await readdir(path, { withFileTypes: true })).map(async (entry): Promise<[string, vscode.FileType]> => {
			if (!entry.isSymbolicLink()) return [nameOf(entry.name), typeOf(entry)];
			const target = await stat(join(path, entry.name)).catch(() => undefined);
			return [nameOf(entry.name), vscode.FileType.SymbolicLink | (target ? typeOf(target) : vscode.FileType.Unknown)];
		}),
	);
};

/**
 * The bytes of the worker shards' cache `name` of shard `shard` of `shards` in `cacheDir` (undefined:
 * unreadable, or none), for readKnownSummaries: the workers' own read (readCacheFile, ~2 ms for the
 * 167-day folder's 2.6 MB of file records). fs.promises.readFile takes an open, a stat, a read per
 * 512 KB and a close, each a turn of this thread, which a warm start's editor keeps busy (the read
 * and decode took 276 ms in one run, for ~30 ms of work).
 */
export const readLocalCache: ((cacheDir: string, name: CacheName, shard: number, shards: number) => Promise<Uint8Array | undefined>) | undefined = async (cacheDir, name, shard, shards) =>
	readCacheFile(cacheDir, name, shard, shards);

/** a worker that indexed this many files in one open hands over to a fresh one loaded from the cache */
const RECYCLE_AFTER_FILES = 32;

/** the card renderer's code cache is written this long after it loaded: the first card's code has run by then */
const CARD_RENDER_SAVE_AFTER_MS = 5000;

/**
 * The card renderer: markdown-it and KaTeX are most of the extension's code, so they are a bundle
 * of their own (dist/card-render.js, see esbuild.mjs) that the extension host loads when the first
 * card renders rather than at activation, through V8's code cache in `storage` (core/codeCache):
 * compiling its ~440 KB took the first card ~20 ms more.
 */
export function loadCardRender(storage: vscode.Uri | undefined): typeof CardRender {
	const loaded = loadWithCodeCache(join(__dirname, 'card-render.js'), storage && codeCacheFolder(storage));
	saveLater(loaded, CARD_RENDER_SAVE_AFTER_MS);
	return loaded.exports as typeof CardRender;
}

export interface IndexWorkers {
	handles: ShardHandle[];
	/** how the shards name files: local paths (node:fs) or URI strings (vscode.workspace.fs) */
	keys: 'path' | 'uri';
	/** the folder of the shards' own cache files, when they write them themselves */
	cacheDir?: string;
}

export interface IndexWorkerOptions {
	context: vscode.ExtensionContext;
	/** every digest candidate is a local file */
	local: boolean;
	/** where caches go (workspace storage), if anywhere */
	storage: vscode.Uri | undefined;
	/** the files and caches of shard `shard` of `shards` through vscode.workspace.fs */
	files(shard: number, shards: number): FileAccess;
	/** shard `shard` of `shards` on the extension host's thread, where a worker cannot start (`reason`), with one message to the user */
	inProcess(shard: number, shards: number, reason: string): ShardHandle;
}

/**
 * Index shards in worker threads reading local files with node:fs; undefined where that is not
 * possible (files on a virtual file system, no worker_threads), and the caller indexes in-process.
 * Throws if a worker cannot be started.
 */
export function startIndexWorkers(options: IndexWorkerOptions): IndexWorkers | undefined {
	if (!options.local || !workerThreadsAvailable()) return undefined;
	const script = vscode.Uri.joinPath(options.context.extensionUri, 'dist', 'search-worker.js').fsPath;
	const shards = DEFAULT_SHARDS;
	const cacheDir = options.storage?.scheme === 'file' ? options.storage.fsPath : undefined;
	if (cacheDir) removeStaleCaches(cacheDir, shards);
	const handles: ShardHandle[] = [];
	try {
		// with a cache to load from, a worker that indexed many files is swapped for a fresh one (see RestartingShardOptions)
		// and a shard without a cache builds it in a child process, whose memory its exit gives back (bench/MEMORY.md)
		for (let shard = 0; shard < shards; shard++) {
			const options = cacheDir
				? { recycleAfterIndexing: RECYCLE_AFTER_FILES, buildInProcess: () => !existsSync(cacheFilePath(cacheDir, 'index', shard, shards)), readIndexCache: () => readCacheFileOffThread(cacheDir, 'index', shard, shards) }
				: {};
			handles.push(workerShard(script, { shard, shards, cacheDir, background: true }, options));
		}
	} catch (err) {
		for (const h of handles) h.dispose();
		throw err;
	}
	return { handles, keys: 'path', cacheDir };
}

function workerThreadsAvailable(): boolean {
	try {
		return typeof (require('node:worker_threads') as typeof import('node:worker_threads')).Worker === 'function';
	} catch {
		return false;
	}
}
