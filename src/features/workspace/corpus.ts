/**
 * Where the corpus lives: shards in worker threads reading local files with node:fs, or, where
 * workers or local files are unavailable (virtual workspaces, the web), one shard on the extension
 * host's thread reading through `vscode.workspace.fs` in small slices. Either way the shards are
 * the only code that reads and parses digest files.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { removeStaleCaches } from '../../core/corpus/nodeIO';
import type { CacheName, CorpusIO } from '../../core/corpus/shard';
import type * as InProcess from '../../core/corpus/inProcess';
import { defaultShardCount, SearchService, workerShard, type ShardHandle } from '../../core/search/client';
import { getLog } from '../log';

/** in-process work gives the thread back this often */
const IN_PROCESS_SLICE_MS = 15;

export interface CorpusBackend {
	readonly service: SearchService;
	/** the shards' key for a file: a local path (workers) or a URI string (in-process) */
	keyOf(uri: vscode.Uri): string;
	uriOf(key: string): vscode.Uri;
	/** the folder of the worker shards' caches (none: no cache, or the caches go through vscode.workspace.fs) */
	readonly cacheDir?: string;
}

function workerThreadsAvailable(): boolean {
	try {
		return typeof (require('node:worker_threads') as typeof import('node:worker_threads')).Worker === 'function';
	} catch {
		return false;
	}
}

function storageFolder(context: vscode.ExtensionContext): vscode.Uri | undefined {
	return context.storageUri ?? context.globalStorageUri;
}

/** Worker shards for local files, in-process otherwise. */
export function createCorpusBackend(context: vscode.ExtensionContext, uris: readonly vscode.Uri[]): CorpusBackend {
	const local = uris.every((uri) => uri.scheme === 'file');
	const storage = storageFolder(context);
	if (local && workerThreadsAvailable()) {
		const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'search-worker.js').fsPath;
		const shards = defaultShardCount(os.cpus().length);
		const cacheDir = storage?.scheme === 'file' ? storage.fsPath : undefined;
		if (cacheDir) removeStaleCaches(cacheDir, shards);
		const handles: ShardHandle[] = [];
		try {
			for (let shard = 0; shard < shards; shard++) handles.push(workerShard(script, { shard, shards, cacheDir, background: true }));
			return { service: new SearchService(handles), keyOf: (uri) => uri.fsPath, uriOf: (key) => vscode.Uri.file(key), cacheDir };
		} catch (err) {
			for (const h of handles) h.dispose();
			getLog().warn(`arXiv Digest: index workers unavailable, indexing on the editor's thread: ${err instanceof Error ? err.message : String(err)}`);
		}
	}
	// required here, not imported: the index code loads on the host only when a shard runs there
	// (esbuild keeps a module reached only through require() lazy)
	const { inProcessShard } = require('../../core/corpus/inProcess') as typeof InProcess;
	return {
		service: new SearchService([inProcessShard(workspaceFsIO(storage), 0, 1)]),
		keyOf: (uri) => uri.toString(),
		uriOf: (key) => vscode.Uri.parse(key),
	};
}

/** CorpusIO over `vscode.workspace.fs`: any file system the editor can read (github.dev's, vscode.dev's, remote). */
function workspaceFsIO(storage: vscode.Uri | undefined): CorpusIO {
	const decoder = new TextDecoder('utf-8');
	const cacheUri = (name: CacheName) => (storage ? vscode.Uri.joinPath(storage, name === 'index' ? 'search-index.0of1.bin' : 'files.0of1.bin') : undefined);
	const read = async (key: string) => {
		try {
			return await vscode.workspace.fs.readFile(vscode.Uri.parse(key));
		} catch {
			return undefined;
		}
	};
	return {
		stat: async (key) => {
			try {
				const s = await vscode.workspace.fs.stat(vscode.Uri.parse(key));
				return s.type & vscode.FileType.File ? { size: s.size, mtime: s.mtime } : undefined;
			} catch {
				return undefined;
			}
		},
		// the file system API has no ranged read: the whole file is read, its head decoded
		readHead: async (key, bytes) => {
			const data = await read(key);
			return data && decoder.decode(data.subarray(0, bytes));
		},
		readText: async (key) => {
			const data = await read(key);
			return data && decoder.decode(data);
		},
		readCache: async (name) => {
			const uri = cacheUri(name);
			return uri ? read(uri.toString()) : undefined;
		},
		writeCache: async (name, bytes) => {
			const uri = cacheUri(name);
			if (!uri || !storage) return;
			await vscode.workspace.fs.createDirectory(storage);
			await vscode.workspace.fs.writeFile(uri, bytes);
		},
		yield: () => new Promise((resolve) => setTimeout(resolve, 0)),
		now: () => Date.now(),
		sliceMs: IN_PROCESS_SLICE_MS,
	};
}
