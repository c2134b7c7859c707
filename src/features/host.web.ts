/**
 * The web build's host (vscode.dev, github.dev, code-server's web-worker extension host): bundled
 * by esbuild.mjs in place of `./host` (see there for what each export is). No Node API here.
 */
import { DEFAULT_SHARDS, restartingShard, type ShardHandle } from '../core/search/client';
import type * as NodeHost from './host';
import type * as CardRender from '../core/card/render';
import type { IndexWorkerOptions, IndexWorkers } from './host';
import { blobWorkerFactory, lastStartError, webWorkerPort, webWorkersAvailable } from './workspace/webWorker';

export type { IndexWorkerOptions, IndexWorkers };

/** a browser's file systems (virtual, remote) are matched as they spell paths */
export const PATH_NOCASE = false;

export function nonce(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(18));
	return btoa(String.fromCharCode(...bytes));
}

export function yieldThread(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** a browser's files are on no operating system the editor can reveal them in */
export const hostPlatform: string | undefined = undefined;

export function homeDir(): string | undefined {
	return undefined;
}

/** The card renderer, in the one web bundle (a web extension host loads no second file); evaluated on first use. */
export function loadCardRender(): typeof CardRender {
	return require('../core/card/render') as typeof CardRender;
}

/** Index shards in Web Workers reading through vscode.workspace.fs; undefined where there is no Worker. */
export function startIndexWorkers(options: IndexWorkerOptions): IndexWorkers | undefined {
	if (!webWorkersAvailable()) return undefined;
	// one shard, as on the desktop (DEFAULT_SHARDS: a paper's listings in one document); it reads
	// READ_AHEAD files ahead, as many reads in flight as the two shards that ran here before
	const shards = DEFAULT_SHARDS;
	const newWorker = blobWorkerFactory(options.context.extensionUri);
	const handles: ShardHandle[] = [];
	for (let shard = 0; shard < shards; shard++) {
		const files = options.files(shard, shards);
		// a worker that never starts (the blob URL or the script refused by a policy) leaves the shard on this thread
		handles.push(restartingShard(() => webWorkerPort(newWorker, files, { shard, shards }), { fallback: () => options.inProcess(shard, shards, lastStartError(shard)) }));
	}
	return { handles, keys: 'uri' };
}

/** no local files here: heads are read through vscode.workspace.fs (features/workspace/heads.ts) */
export const readLocalHead: typeof NodeHost.readLocalHead = undefined;

/** no local folders here: vscode.workspace.fs lists them */
export const readLocalDirectory: typeof NodeHost.readLocalDirectory = undefined;

/** the workers' caches go through vscode.workspace.fs here: they send their known summaries themselves */
export const readLocalCache: typeof NodeHost.readLocalCache = undefined;

// the same exports with the same types as the Node host, checked by the compiler
const sameExports: typeof NodeHost = { PATH_NOCASE, hostPlatform, nonce, yieldThread, homeDir, startIndexWorkers, loadCardRender, readLocalHead, readLocalDirectory, readLocalCache };
void sameExports;
