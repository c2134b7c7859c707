// bench/MEMORY.md: a heap snapshot of the index worker after a warm start on <folder> (its cache
// built first), summed by constructor: where the warm worker's heap goes. Prints figures only.
//   node bench/memory-snapshot.mjs <folder>
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { markdownFiles } from './files.mjs';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';

const dir = resolve(process.argv[2] ?? '../shared/corpus-large/data');
const files = markdownFiles(dir);
const tmp = mkdtempSync(join(tmpdir(), 'arxiv-digest-snap-'));
const cacheDir = join(tmp, 'cache');
// the worker script, plus a message that writes a snapshot (the shard answers it with an error, ignored)
const wrapper = join(tmp, 'worker.cjs');
writeFileSync(wrapper, `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => { if (m.method === 'snapshot') parentPort.postMessage({ snapshot: require('node:v8').writeHeapSnapshot(${JSON.stringify(join(tmp, 'warm.heapsnapshot'))}) }); });
require(${JSON.stringify(resolve('dist/search-worker.js'))});`);
function start() {
	const worker = new Worker(wrapper, { workerData: { shard: 0, shards: 1, cacheDir } });
	let next = 1;
	const waiting = new Map();
	worker.on('message', (m) => {
		if ('id' in m) (waiting.get(m.id)?.(m.result), waiting.delete(m.id));
		if (m.snapshot) waiting.get('snap')?.(m.snapshot);
	});
	const call = (request) => new Promise((res) => {
		const id = request.method === 'snapshot' ? 'snap' : next++;
		waiting.set(id, res);
		worker.postMessage({ ...request, id });
	});
	return { worker, call };
}
const cold = start();
await cold.call({ method: 'open', files });
await cold.worker.terminate();
const warm = start();
await warm.call({ method: 'open', files });
// the body pass reads the long fields back; wait until it is done
for (let i = 0; i < 600; i++) {
	const s = await warm.call({ method: 'stats' });
	if (s.phase === 'full' && !s.busy) break;
	await new Promise((r) => setTimeout(r, 100));
}
const stats = await warm.call({ method: 'stats' });
console.log(`warm worker: ${stats.docs} docs, ${stats.terms} terms, heap ${(stats.heapUsed / 1048576).toFixed(0)} MB, external ${(stats.external / 1048576).toFixed(0)} MB`);
const path = await warm.call({ method: 'snapshot' });
await warm.worker.terminate();
const snap = JSON.parse(readFileSync(path, 'utf8'));
const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
const F = fields.length, iType = fields.indexOf('type'), iName = fields.indexOf('name'), iSize = fields.indexOf('self_size');
const by = new Map();
for (let i = 0; i < snap.nodes.length; i += F) {
	const type = types[snap.nodes[i + iType]];
	const key = type === 'object' || type === 'native' ? `${type}:${snap.strings[snap.nodes[i + iName]]}` : type;
	const e = by.get(key) ?? { n: 0, bytes: 0 };
	e.n++;
	e.bytes += snap.nodes[i + iSize];
	by.set(key, e);
}
for (const [key, e] of [...by].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 15)) {
	console.log(`${(e.bytes / 1048576).toFixed(1).padStart(7)} MB ${String(e.n).padStart(9)}  ${key.slice(0, 60)}`);
}
// who holds the most numerous objects: the retainer (its kind and the edge's name) of each Map and Array
const { edge_fields: efields, edge_types: [etypes] } = snap.snapshot.meta;
const E = efields.length, iEType = efields.indexOf('type'), iEName = efields.indexOf('name_or_index'), iTo = efields.indexOf('to_node'), iEdges = fields.indexOf('edge_count');
const nameOf = (i) => `${types[snap.nodes[i + iType]]}:${snap.strings[snap.nodes[i + iName]]}`.slice(0, 40);
const holders = new Map();
for (let i = 0, e = 0; i < snap.nodes.length; i += F) {
	const from = nameOf(i);
	for (let k = 0; k < snap.nodes[i + iEdges]; k++, e += E) {
		const to = snap.edges[e + iTo];
		const target = nameOf(to);
		if (target !== 'object:Map' && target !== 'object:Array') continue;
		const et = etypes[snap.edges[e + iEType]];
		if (et === 'weak' || et === 'shortcut') continue;
		const edge = et === 'element' || et === 'hidden' ? `[${et}]` : snap.strings[snap.edges[e + iEName]];
		const key = `${target} <- ${from}.${edge}`;
		holders.set(key, (holders.get(key) ?? 0) + 1);
	}
}
// the radix trees (minisearch's SearchableMap: a Map per node): Maps and their hash tables
let mapBytes = 0, tableBytes = 0, maps = 0;
for (let i = 0, e = 0; i < snap.nodes.length; i += F) {
	const isMap = nameOf(i) === 'object:Map';
	if (isMap) (maps++, (mapBytes += snap.nodes[i + iSize]));
	for (let k = 0; k < snap.nodes[i + iEdges]; k++, e += E) {
		if (isMap && types[snap.nodes[snap.edges[e + iTo] + iType]] === 'array' && etypes[snap.edges[e + iEType]] === 'internal') tableBytes += snap.nodes[snap.edges[e + iTo] + iSize];
	}
}
console.log(`${maps} Maps: ${(mapBytes / 1048576).toFixed(1)} MB objects + ${(tableBytes / 1048576).toFixed(1)} MB hash tables`);
for (const [key, n] of [...holders].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`${String(n).padStart(9)}  ${key}`);
rmSync(tmp, { recursive: true, force: true });
