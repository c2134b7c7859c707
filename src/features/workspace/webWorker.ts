/**
 * Index shards in browser Web Workers (the web build). A web extension cannot start a worker from
 * its own URI ("Creating workers from remote extensions is currently not supported"), so the
 * script is read with `vscode.workspace.fs` into a `blob:` URL. The worker cannot call `vscode`:
 * it asks for every file and cache read or write, and this side does them through `files`.
 */
import * as vscode from 'vscode';
import { isIoRequest, serveFileRequest, type FileAccess } from '../../core/corpus/proxyIO';
import type { WorkerPort } from '../../core/search/client';
import { Listeners } from '../../core/listeners';
import type { WorkerInit, WorkerMessage, WorkerRequest } from '../../core/search/protocol';
import { errorText, getLog } from '../log';

/** Whether this host can run the index in Web Workers at all. */
export function webWorkersAvailable(): boolean {
	return typeof Worker === 'function' && typeof Blob === 'function' && typeof URL.createObjectURL === 'function';
}

/** Starts workers running dist/web-worker.js; the script is read and turned into a blob URL once. */
export function blobWorkerFactory(extensionUri: vscode.Uri): () => Promise<Worker> {
	let url: Promise<string> | undefined;
	return async () => {
		url ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web-worker.js'))).then((bytes) =>
			URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/javascript' })),
		);
		return new Worker(await url, { name: 'arxiv-digest-index' });
	};
}

/** why the last worker of each shard ended, for the message when the shard falls back to this thread */
const lastFailure = new Map<number, string>();

/** The last reason a worker of shard `shard` failed or could not start. */
export function lastStartError(shard: number): string {
	return lastFailure.get(shard) ?? 'no reason given';
}

/**
 * One Web Worker as a WorkerPort: requests posted before it started are queued; its file requests
 * are answered here. An error the worker does not catch, or a worker that cannot start, counts as
 * its exit (the shard restarts it, as after a crashed worker thread).
 */
export function webWorkerPort(newWorker: () => Promise<Worker>, files: FileAccess, init: WorkerInit): WorkerPort {
	const messages = new Listeners<[message: WorkerMessage]>();
	const exits = new Listeners<[code: number]>();
	const queued: WorkerRequest[] = [];
	let worker: Worker | undefined;
	let ended = false;
	const end = (code: number) => {
		if (ended) return;
		ended = true;
		worker?.terminate();
		exits.fire(code);
	};
	newWorker().then(
		(started) => {
			if (ended) return started.terminate();
			worker = started;
			started.onmessage = (event: MessageEvent) => {
				const message = event.data as WorkerMessage | unknown;
				if (isIoRequest(message)) {
					void serveFileRequest(files, message).then(({ reply, transfer }) => {
						if (!ended) started.postMessage(reply, transfer);
					});
				} else {
					messages.fire(message as WorkerMessage);
				}
			};
			started.onerror = (event: ErrorEvent) => {
				// a script refused by a policy or not loadable fails with an event that has no message
				lastFailure.set(init.shard, event.message || 'the worker script could not be loaded');
				getLog().warn(`arXiv Digest: index worker ${init.shard} failed: ${event.message}`);
				end(1);
			};
			started.postMessage({ init });
			for (const request of queued.splice(0)) started.postMessage(request);
		},
		(err: unknown) => {
			lastFailure.set(init.shard, errorText(err));
			getLog().warn(`arXiv Digest: the index worker could not start: ${errorText(err)}`);
			end(1);
		},
	);
	return {
		postMessage: (request) => (worker ? worker.postMessage(request) : void queued.push(request)),
		onMessage: (listener) => void messages.add(listener),
		onExit: (listener) => void exits.add(listener),
		terminate: () => end(1),
	};
}
