/**
 * Entry of dist/web-worker.js: one shard of the corpus in a browser Web Worker (the web build:
 * vscode.dev, github.dev). A worker cannot call `vscode`, so every file and cache read or write
 * is a message to the extension, which does it with `vscode.workspace.fs`
 * (features/workspace/webWorker.ts). The first message is the shard's WorkerInit; then it speaks
 * the same WorkerRequest/WorkerMessage protocol as search-worker.js.
 */
import { filesCorpusIO, isIoReply, proxyFileAccess, type IoRequest } from '../corpus/proxyIO';
import { shardDispatcher, shardEvents } from '../corpus/requests';
import { CorpusShard } from '../corpus/shard';
import type { WorkerEvent, WorkerInit, WorkerRequest, WorkerResponse } from './protocol';

/** The Web Worker global scope, as far as this entry uses it (the project's types are the DOM's). */
interface WorkerScope {
	postMessage(message: unknown, transfer?: Transferable[]): void;
	addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
const send = (message: WorkerEvent | WorkerResponse | IoRequest, transfer: ArrayBuffer[] = []) => scope.postMessage(message, transfer);

/** A macrotask without setTimeout's clamping: search requests are answered between slices of a build. */
function macrotask(): () => Promise<void> {
	const channel = new MessageChannel();
	const waiting: (() => void)[] = [];
	channel.port1.onmessage = () => waiting.shift()?.();
	return () =>
		new Promise<void>((resolve) => {
			waiting.push(resolve);
			channel.port2.postMessage(0);
		});
}

const proxy = proxyFileAccess((request, transfer) => send(request, transfer));
let dispatch: ((request: WorkerRequest) => Promise<unknown>) | undefined;

function start(init: WorkerInit): void {
	const io = filesCorpusIO(proxy.files, { yield: macrotask(), now: () => performance.now() });
	const shard = new CorpusShard(io, init.shard, init.shards, shardEvents(send));
	// the caches decode while the editor lists the workspace's files
	shard.preload();
	// a browser worker has no heap figures of its own to report
	dispatch = shardDispatcher(shard, () => ({ heapUsed: 0, external: 0 }));
}

scope.addEventListener('message', (event) => {
	const message = event.data as WorkerRequest | { init: WorkerInit } | unknown;
	if (isIoReply(message)) return proxy.onReply(message);
	if (typeof message === 'object' && message !== null && 'init' in message) return start((message as { init: WorkerInit }).init);
	const request = message as WorkerRequest;
	if (!dispatch) return send({ id: request.id, error: 'the index worker was not initialised' });
	void dispatch(request).then(
		(result) => send({ id: request.id, result }),
		(error: unknown) => send({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
	);
});
