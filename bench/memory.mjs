// Node-side memory of the index worker outside the editor (bench/MEMORY.md): RSS of this process
// before, after a cold index in a worker thread, after that worker ends, after a fresh worker loads
// the cache; the same with the cold build in a child process (--child). Prints figures, asserts nothing.
//   node --expose-gc bench/memory.mjs <folder> [--child]
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { markdownFiles } from './files.mjs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fork } from 'node:child_process';

const dir = resolve(process.argv[2] ?? '../shared/corpus-large/data');
const child = process.argv.includes('--child');
const script = resolve('dist/search-worker.js');
const files = markdownFiles(dir);
const cacheDir = mkdtempSync(join(tmpdir(), 'arxiv-digest-mem-'));
const mb = (n) => `${(n / 1048576).toFixed(0)} MB`;
const gc = () => globalThis.gc?.();
const status = () => Object.fromEntries(readFileSync('/proc/self/status', 'utf8').split('\n').filter((l) => /^(VmRSS|VmHWM)/.test(l)).map((l) => l.split(/:\s+/)));
const rss = (label, extra = '') => {
	gc();
	const s = status();
	console.log(`${label.padEnd(34)} rss ${mb(process.memoryUsage().rss)}  peak ${s.VmHWM}  ${extra}`);
};

function start(init) {
	const worker = new Worker(script, { workerData: init });
	let next = 1;
	const waiting = new Map();
	worker.on('message', (m) => {
		if ('id' in m) (waiting.get(m.id)?.(m), waiting.delete(m.id));
	});
	const call = (request) => new Promise((res, rej) => {
		const id = next++;
		waiting.set(id, (m) => (m.error ? rej(new Error(m.error)) : res(m.result)));
		worker.postMessage({ ...request, id });
	});
	return { worker, call, exited: new Promise((r) => worker.once('exit', r)) };
}

const stat = async (w) => {
	const s = await w.call({ method: 'stats' });
	const m = s.memory ?? s;
	return `worker heap ${mb(m.heapUsed ?? 0)} external ${mb(m.external ?? 0)}`;
};

rss('baseline');
const init = { shard: 0, shards: 1, cacheDir };
let t = Date.now();
if (child) {
	// the cold build in a child process (node dist/cli.js has the same shard code)
	const proc = fork(resolve('bench/memory-child.mjs'), [JSON.stringify({ init, files })], { stdio: 'inherit' });
	await new Promise((r) => proc.once('exit', r));
	rss(`cold build in a child (${((Date.now() - t) / 1000).toFixed(1)} s)`);
} else {
	const a = start(init);
	const reply = await a.call({ method: 'open', files });
	rss(`cold open (${reply.indexed} indexed, ${((Date.now() - t) / 1000).toFixed(1)} s)`, await stat(a));
	await a.call({ method: 'save' }).catch(() => undefined);
	a.worker.terminate();
	await a.exited;
	rss('cold worker terminated');
	await new Promise((r) => setTimeout(r, 2000));
	rss('2 s later');
}
t = Date.now();
const b = start(init);
const reply = await b.call({ method: 'open', files });
rss(`warm open (${reply.indexed} indexed, ${((Date.now() - t) / 1000).toFixed(1)} s)`, await stat(b));
await new Promise((r) => setTimeout(r, 5000));
rss('warm +5 s (body read back)', await stat(b));
b.worker.terminate();
await b.exited;
rmSync(cacheDir, { recursive: true, force: true });
