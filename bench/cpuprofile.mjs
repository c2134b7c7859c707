// Summarises a .cpuprofile (node --cpu-prof, or the editor bench's --profile): self and inclusive
// time per function, or with --lines NAME the sampled lines of the functions named NAME, or with
// --runs URLPART the longest runs of the code of scripts whose URL contains URLPART (profile-runs.mjs).
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli.js bench DIR --search --runs 1
//   node bench/cpuprofile.mjs /tmp/prof/CPU.*.002.cpuprofile [--top 40] [--lines indexBody]
//   node bench/cpuprofile.mjs .vscode-test/bench-cold-workbench.cpuprofile --from 12 --to 18
//
// A worker thread writes its own profile (thread 0 is the CLI's main thread, 1 the cold build).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { longestRuns } from './profile-runs.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, lines: { type: 'string' }, runs: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } } });
if (positionals.length !== 1) {
	console.error('usage: node bench/cpuprofile.mjs FILE.cpuprofile [--top N] [--from S] [--to S] [--lines FUNCTION | --runs URLPART]');
	process.exit(2);
}
// --from/--to: the samples taken that many seconds after the profile's start
const fromUs = Number(values.from ?? 0) * 1e6;
const toUs = values.to === undefined ? Infinity : Number(values.to) * 1e6;
if (Number.isNaN(fromUs) || Number.isNaN(toUs) || ((values.from !== undefined || values.to !== undefined) && (values.lines || values.runs))) {
	console.error('--from and --to take seconds, and only without --lines or --runs');
	process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const top = Number(values.top);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const where = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;

if (values.runs) {
	for (const run of longestRuns(profile, values.runs, top)) console.log(`${String(run.ms).padStart(7)} ms at ${run.atMs} ms   ${run.top.join(' | ')}`);
	process.exit(0);
}

if (values.lines) {
	// sampled lines of one function, with the line's source when the script is at hand
	const ticks = new Map();
	let url;
	for (const n of profile.nodes) {
		if (n.callFrame.functionName !== values.lines) continue;
		url ??= n.callFrame.url;
		for (const t of n.positionTicks ?? []) ticks.set(t.line, (ticks.get(t.line) ?? 0) + t.ticks);
	}
	const path = url?.startsWith('file://') ? fileURLToPath(url) : url;
	const source = path && existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
	for (const [line, n] of [...ticks].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${String(n).padStart(7)} samples  line ${line}  ${(source[line - 1] ?? '').trim().slice(0, 110)}`);
	process.exit(0);
}

// sample time per node: each sample's delta goes to the node it hit (within --from/--to)
const time = new Map();
let at = 0;
profile.samples.forEach((id, i) => {
	at += profile.timeDeltas[i] ?? 0;
	if (at >= fromUs && at <= toUs) time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const [id, us] of time) {
	total += us;
	const key = where(nodes.get(id));
	self.set(key, (self.get(key) ?? 0) + us);
	// every function on the stack once (recursion counts once)
	const seen = new Set();
	for (let at = id; at !== undefined; at = parent.get(at)) {
		const k = where(nodes.get(at));
		if (seen.has(k)) continue;
		seen.add(k);
		inclusive.set(k, (inclusive.get(k) ?? 0) + us);
	}
}
const table = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
const window = values.from !== undefined || values.to !== undefined ? ` (from ${values.from ?? 0} s to ${values.to === undefined ? 'the end' : `${values.to} s`})` : '';
console.log(`${(total / 1000).toFixed(0)} ms sampled${window} of a ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms profile\n\nself\n${table(self)}\n\ninclusive\n${table(inclusive)}`);
