// bench/MEMORY.md: the warm index worker's memory, measured as the editor runs it: one shard
// (a 2-core machine) of dist/search-worker.js in a worker thread with the editor's resourceLimits
// (WORKER_MAX_OLD_MB, WORKER_MAX_YOUNG_MB in src/core/search/client.ts; YOUNG=n to try another),
// loaded from a cache a child process built first; `known`, then `open`, then wait until the
// background work (long fields read back from the files) is done. Prints, after a full GC, the
// worker's heap used / external / arrayBuffers and this process's RSS over its own baseline, and
// with --snapshot a heap snapshot of the worker summed by type and constructor. Figures only.
//   node --expose-gc bench/memory-warm.mjs <folder> [--cache DIR] [--snapshot] [--runs N]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { markdownFiles } from './files.mjs';

const args = process.argv.slice(2);
const option = (name) => {
	const at = args.indexOf(`--${name}`);
	return at < 0 ? undefined : args[at + 1];
};
const dir = resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(cache|runs)$/)) ?? '../shared/corpus-large/data');
const snapshot = args.includes('--snapshot');
const runs = Number(option('runs') ?? 1);
const files = markdownFiles(dir);
const tmp = mkdtempSync(join(tmpdir(), 'arxiv-digest-warm-'));
const cacheDir = resolve(option('cache') ?? join(tmp, 'cache'));
const script = resolve('dist/search-worker.js');
const MB = 1048576;
const mb = (n) => (n / MB).toFixed(1);
const gc = () => {
	globalThis.gc?.();
	globalThis.gc?.();
};

// the worker script plus two messages of its own: memory after a full GC, and a heap snapshot
const wrapper = join(tmp, 'worker.cjs');
writeFileSync(
	wrapper,
	`const { parentPort } = require('node:worker_threads');
const v8 = require('node:v8');
const gc = require('node:vm').runInNewContext('gc');
parentPort.on('message', (m) => {
	if (m.method === 'mem') {
		gc(); gc();
		const u = process.memoryUsage();
		const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, [s.space_used_size, s.space_size]]));
		parentPort.postMessage({ mem: { heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external, arrayBuffers: u.arrayBuffers, spaces } });
	}
	if (m.method === 'snapshot') parentPort.postMessage({ snapshot: v8.writeHeapSnapshot(${JSON.stringify(join(tmp, 'warm.heapsnapshot'))}) });
});
require('node:v8').setFlagsFromString('--expose-gc');
require(${JSON.stringify(script)});`,
);

if (!existsSync(join(cacheDir, 'search-index.0of1.bin'))) {
	// the cold build in a child process, as the editor does it (its memory is not this process's)
	const t = Date.now();
	const child = fork(resolve('bench/memory-child.mjs'), [JSON.stringify({ init: { shard: 0, shards: 1, cacheDir }, files })], { stdio: 'inherit' });
	await new Promise((r) => child.once('exit', r));
	console.log(`cold build in a child process: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

function start() {
	const worker = new Worker(wrapper, { workerData: { shard: 0, shards: 1, cacheDir, background: true }, resourceLimits: { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: Number(process.env.YOUNG ?? 8) } });
	let next = 1;
	const waiting = new Map();
	worker.on('message', (m) => {
		if ('id' in m) (waiting.get(m.id)?.(m), waiting.delete(m.id));
		if (m.mem) waiting.get('mem')?.(m.mem);
		if (m.snapshot) waiting.get('snapshot')?.(m.snapshot);
	});
	const call = (request) =>
		new Promise((res, rej) => {
			const special = request.method === 'mem' || request.method === 'snapshot';
			const id = special ? request.method : next++;
			waiting.set(id, special ? res : (m) => (m.error ? rej(new Error(m.error)) : res(m.result)));
			worker.postMessage({ ...request, id });
		});
	return { worker, call, exited: new Promise((r) => worker.once('exit', r)) };
}

const rssNow = () => {
	gc();
	return process.memoryUsage().rss;
};
const settle = async (w) => {
	for (;;) {
		const s = await w.call({ method: 'stats' });
		if (s.phase === 'full' && !s.busy) return s;
		await new Promise((r) => setTimeout(r, 200));
	}
};

const baseline = rssNow();
console.log(`folder ${dir}: ${files.length} files; baseline RSS ${mb(baseline)} MB`);
for (let run = 0; run < runs; run++) {
	const t0 = performance.now();
	const w = start();
	const known = process.env.NO_KNOWN ? 0 : await w.call({ method: 'known' });
	const tKnown = performance.now() - t0;
	const opened = await w.call({ method: 'open', files });
	const tOpen = performance.now() - t0;
	// as the editor's bench probe reads it: 200 ms after open, the worker not asked for a GC
	await new Promise((r) => setTimeout(r, 200));
	const openRss = rssNow();
	const openMem = await w.call({ method: 'mem' });
	const stats = await settle(w);
	const tSettled = performance.now() - t0;
	const mem = await w.call({ method: 'mem' });
	const rss = rssNow();
	const peak = process.resourceUsage().maxRSS * 1024;
	console.log(
		`run ${run + 1}: ${stats.docs} docs, ${stats.terms} terms, ${known} summaries known in ${tKnown.toFixed(0)} ms, open (${opened.indexed} indexed) ${tOpen.toFixed(0)} ms, settled ${tSettled.toFixed(0)} ms`,
	);
	console.log(`  after open:    RSS over baseline ${mb(openRss - baseline)} MB; worker heap ${mb(openMem.heapUsed)} external ${mb(openMem.external)} (arrayBuffers ${mb(openMem.arrayBuffers)})`);
	console.log(
		`  settled:       RSS over baseline ${mb(rss - baseline)} MB (peak ${mb(peak - baseline)}); worker heap ${mb(mem.heapUsed)} / total ${mb(mem.heapTotal)}, external ${mb(mem.external)} (arrayBuffers ${mb(mem.arrayBuffers)})`,
	);
	console.log(`  heap spaces (used / committed): ${Object.entries(mem.spaces).filter(([, v]) => v[1] > MB / 2).map(([k, v]) => `${k} ${mb(v[0])} / ${mb(v[1])}`).join(', ')}`);
	const main = process.memoryUsage();
	console.log(`  this thread:   heap ${mb(main.heapUsed)} / total ${mb(main.heapTotal)}, external ${mb(main.external)}; worker heap total after open ${mb(openMem.heapTotal)}`);
	if (snapshot && run === runs - 1) summarise(await w.call({ method: 'snapshot' }));
	await w.worker.terminate();
	await w.exited;
}
if (!option('cache')) rmSync(tmp, { recursive: true, force: true });
else rmSync(wrapper, { force: true });

/** Sums a heap snapshot's self sizes by node type (objects and natives by constructor name). */
function summarise(path) {
	const snap = JSON.parse(readFileSync(path, 'utf8'));
	if (!process.env.KEEP_SNAPSHOT) rmSync(path, { force: true });
	else console.log(`snapshot kept: ${path}`);
	const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
	const F = fields.length;
	const iType = fields.indexOf('type');
	const iName = fields.indexOf('name');
	const iSize = fields.indexOf('self_size');
	const by = new Map();
	let total = 0;
	for (let i = 0; i < snap.nodes.length; i += F) {
		const type = types[snap.nodes[i + iType]];
		const name = snap.strings[snap.nodes[i + iName]];
		const key = type === 'object' || type === 'native' || type === 'hidden' || type === 'array' ? `${type}:${name.slice(0, 50)}` : type;
		const e = by.get(key) ?? { n: 0, bytes: 0 };
		e.n++;
		e.bytes += snap.nodes[i + iSize];
		total += snap.nodes[i + iSize];
		by.set(key, e);
	}
	console.log(`heap snapshot: ${mb(total)} MB self size in all (typed-array data included as native nodes)`);
	for (const [key, e] of [...by].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 25)) {
		console.log(`${mb(e.bytes).padStart(8)} MB ${String(e.n).padStart(9)}  ${key}`);
	}
}
