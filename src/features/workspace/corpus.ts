/**
 * Where the corpus lives: shards in worker threads reading local files with node:fs, or, where
 * workers or local files are unavailable (virtual workspaces, the web), one shard on the extension
 * host's thread reading through `vscode.workspace.fs` in small slices. Either way the shards are
 * the only code that reads and parses digest files.
 */
import * as vscode from 'vscode';
import { newestDayFirst } from '../../core/day';
import type * as InProcess from '../../core/corpus/inProcess';
import { cacheFileName, filesCorpusIO, indexCacheMayHoldPapers, isFileRecordsCache, isIndexCache, isStaleCacheFile, type FileAccess } from '../../core/corpus/proxyIO';
import { decodeSummedRecords, type FileRecord } from '../../core/corpus/records';
import type { KnownShown } from '../../core/corpus/shard';
import { fileRecordsKey } from '../../core/search/cacheFormat';
import { SearchService, type ShardHandle } from '../../core/search/client';
import { readLocalCache, startIndexWorkers } from '../host';
import { errorText, getLog } from '../log';
import { readDirectory } from './scope';
import { showWarningMessage } from '../messages';

/** in-process work gives the thread back this often */
const IN_PROCESS_SLICE_MS = 15;

export interface CorpusBackend {
	readonly service: SearchService;
	/** the shards' key for a file: a local path (worker threads) or a URI string (workspace.fs) */
	keyOf(uri: vscode.Uri): string;
	uriOf(key: string): vscode.Uri;
	/** the folder of the worker shards' caches (none: no cache, or the caches go through vscode.workspace.fs) */
	readonly cacheDir?: string;
}

function storageFolder(context: vscode.ExtensionContext): vscode.Uri | undefined {
	return context.storageUri ?? context.globalStorageUri;
}

const byPath = { keyOf: (uri: vscode.Uri) => uri.fsPath, uriOf: (key: string) => vscode.Uri.file(key) };
const byUri = { keyOf: (uri: vscode.Uri) => uri.toString(), uriOf: (key: string) => vscode.Uri.parse(key) };

/**
 * Index workers where the host can run them (Node: worker threads over local files; web: Web
 * Workers over vscode.workspace.fs), one shard on this thread otherwise.
 */
export function createCorpusBackend(context: vscode.ExtensionContext, uris: readonly vscode.Uri[]): CorpusBackend {
	const storage = storageFolder(context);
	let told = false;
	try {
		const workers = startIndexWorkers({
			context,
			local: uris.every((uri) => uri.scheme === 'file'),
			storage,
			files: (shard, shards) => workspaceFiles(storage, shard, shards),
			inProcess: (shard, shards, reason) => {
				// one message for all shards
				if (!told) {
					told = true;
					getLog().warn(`arXiv Digest: the index worker could not start (${reason}); indexing on the editor's thread`);
					void showWarningMessage(vscode.l10n.t("arXiv Digest: the search index could not start in a worker ({0}). It runs on the editor's thread instead: everything works, a large folder loads more slowly.", reason));
				}
				return inProcessHandle(storage, shard, shards);
			},
		});
		if (workers) {
			// the Node workers clean their cache folder themselves (host.ts)
			if (workers.keys === 'uri') void removeStaleCaches(storage, workers.handles.length);
			return { service: new SearchService(workers.handles), ...(workers.keys === 'path' ? byPath : byUri), cacheDir: workers.cacheDir };
		}
	} catch (err) {
		getLog().warn(`arXiv Digest: index workers unavailable, indexing on the editor's thread: ${errorText(err)}`);
	}
	void removeStaleCaches(storage, 1);
	return { service: new SearchService([inProcessHandle(storage, 0, 1)]), ...byUri };
}

/** What the shards' file-records caches hold, read on this thread (see readKnownSummaries). */
export interface KnownSummaries {
	/** per shard, what to tell it was shown (SearchService.sendKnown) */
	shown: (KnownShown | undefined)[];
	/** the digests' records (their summaries as the caches' bytes), newest day first */
	files: { path: string; record: FileRecord }[];
}

/**
 * A warm start with the workers' caches on the local disk: the summaries their file-records caches
 * hold, read and decoded here (one read of a few ms and the checksum on this thread; stored
 * uncompressed on a local disk, see COMPRESS_RECORDS) while the workers start. Their first message
 * reached this thread 150–330 ms after they were created, in the editor: the Papers view need not
 * wait for it. Undefined where the caches are not local files, or none holds a digest; the shards
 * then send what they know themselves.
 */
export async function readKnownSummaries(backend: CorpusBackend): Promise<KnownSummaries | undefined> {
	const { cacheDir } = backend;
	if (!cacheDir || !readLocalCache) return undefined;
	const read = readLocalCache;
	const shards = backend.service.shardCount;
	const shown: (KnownShown | undefined)[] = [];
	const files: { path: string; record: FileRecord }[] = [];
	await Promise.all(
		Array.from({ length: shards }, async (_, shard) => {
			const bytes = await read(cacheDir, 'files', shard, shards);
			const decoded = bytes && (await decodeSummedRecords(bytes, fileRecordsKey(shard, shards)));
			if (!decoded) return;
			const { records, sum } = decoded;
			const paths: string[] = [];
			for (const [path, record] of records) {
				if (!record.summaryBytes) continue;
				paths.push(path);
				files.push({ path, record });
			}
			shown[shard] = { sum, paths };
		}),
	);
	const days = new Map(files.map((f) => [f.path, f.record.day ?? '']));
	files.sort(newestDayFirst((path) => days.get(path) ?? ''));
	return files.length > 0 ? { shown, files } : undefined;
}

/** workspace state: whether the last finished scan of this workspace found digests (see rememberedDigests) */
const HAD_DIGESTS_STATE = 'arxivDigest.hadDigests';

/**
 * Whether an earlier session of this workspace found digests, so its index may start before the
 * workspace is listed: what the last scan found (`rememberDigests`), from the workspace state, with
 * no file system call (asking the storage folder, `storageHadDigests`, took 75–200 ms of round trips
 * at the start of a warm start in the editor, a third of the time to the tree). Undefined when
 * nothing was remembered: a first start, or a workspace last opened by a version that did not.
 */
export function rememberedDigests(context: vscode.ExtensionContext): boolean | undefined {
	const remembered = context.workspaceState.get<unknown>(HAD_DIGESTS_STATE);
	return typeof remembered === 'boolean' ? remembered : undefined;
}

/**
 * Whether this workspace's own storage holds the caches of an earlier session that found digests
 * (an index cache with papers in it). The global storage, shared by every window without a
 * workspace, says nothing about this one.
 */
export async function storageHadDigests(context: vscode.ExtensionContext): Promise<boolean> {
	const storage = context.storageUri;
	if (!storage) return false;
	try {
		const names = (await readDirectory(storage)).filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
		if (!names.some(isFileRecordsCache)) return false;
		// a folder of day-named notes that are not digests has both caches too: its index holds no paper
		const sizes = await Promise.all(names.filter(isIndexCache).map(async (name) => (await vscode.workspace.fs.stat(vscode.Uri.joinPath(storage, name))).size));
		return sizes.some(indexCacheMayHoldPapers);
	} catch {
		return false;
	}
}

/** Remembers for the next session whether this workspace has digests (see rememberedDigests). */
export function rememberDigests(context: vscode.ExtensionContext, found: boolean): void {
	if (context.workspaceState.get<unknown>(HAD_DIGESTS_STATE) !== found) void context.workspaceState.update(HAD_DIGESTS_STATE, found);
}

/**
 * Deletes, through vscode.workspace.fs, the caches of another shard count (a start on another
 * machine, a changed core count) or format in the storage folder: they would never be read again.
 */
async function removeStaleCaches(storage: vscode.Uri | undefined, shards: number): Promise<void> {
	if (!storage) return;
	try {
		for (const [name, type] of await vscode.workspace.fs.readDirectory(storage)) {
			if (type === vscode.FileType.File && isStaleCacheFile(name, shards)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(storage, name));
		}
	} catch (err) {
		// no storage folder yet (a first start), or one that cannot be listed: nothing to clean
		if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) getLog().warn(`arXiv Digest: old index caches not removed: ${errorText(err)}`);
	}
}

/** Shard `shard` of `shards` on this thread, reading through vscode.workspace.fs in small slices. */
function inProcessHandle(storage: vscode.Uri | undefined, shard: number, shards: number): ShardHandle {
	// required here, not imported: the index code loads on the host only when a shard runs there
	// (esbuild keeps a module reached only through require() lazy)
	const { inProcessShard } = require('../../core/corpus/inProcess') as typeof InProcess;
	const io = filesCorpusIO(workspaceFiles(storage, shard, shards), {
		yield: () => new Promise((resolve) => setTimeout(resolve, 0)),
		now: () => Date.now(),
		sliceMs: IN_PROCESS_SLICE_MS,
	});
	return inProcessShard(io, shard, shards);
}

/** Files and caches through `vscode.workspace.fs`: any file system the editor can read (github.dev's, vscode.dev's, remote). */
function workspaceFiles(storage: vscode.Uri | undefined, shard: number, shards: number): FileAccess {
	const cacheUri = (name: 'index' | 'files') => (storage ? vscode.Uri.joinPath(storage, cacheFileName(name, shard, shards)) : undefined);
	const read = async (uri: vscode.Uri | undefined) => {
		try {
			return uri && (await vscode.workspace.fs.readFile(uri));
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
		read: (key) => read(vscode.Uri.parse(key)),
		readCache: (name) => read(cacheUri(name)),
		writeCache: async (name, bytes) => {
			const uri = cacheUri(name);
			if (!uri || !storage) return;
			await vscode.workspace.fs.createDirectory(storage);
			await vscode.workspace.fs.writeFile(uri, bytes);
		},
	};
}
