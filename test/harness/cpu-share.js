// Where the machine's CPU went in a window of a bench (Linux /proc; elsewhere undefined): the
// extension host's own thread, its worker threads (the index shards), its other threads (V8's
// garbage collector and compiler, libuv's pool), the index's child processes, and everything else
// (the workbench's browser, the editor's server, other extensions' processes, the bench itself).
// On a 2-core machine a warm start's index decode got 130 ms of CPU in 510 ms of wall time: this
// says who had the rest.
'use strict';
const fs = require('fs');
const os = require('os');
const { allProcesses, isIndexProcess } = require('./worker-threads.js');

/** clock ticks per second of /proc's times (USER_HZ: 100 on every Linux the bench runs on) */
const TICK_MS = 10;

/** user + system ticks of a /proc …/stat line (the command name, in parentheses, may hold spaces) */
function statTicks(stat) {
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

function read(path) {
	try {
		return fs.readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
}

/** The machine's busy ticks and this process's, by thread kind and child process; undefined without /proc. */
function cpuSnapshot() {
	const machine = read('/proc/stat');
	if (machine === undefined) return undefined;
	// user nice system idle iowait irq softirq steal
	const t = machine.split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
	const snap = { at: Date.now(), busy: t[0] + t[1] + t[2] + t[5] + t[6] + (t[7] || 0), main: 0, workers: 0, otherThreads: 0, index: 0, children: 0, others: new Map() };
	for (const tid of fs.readdirSync('/proc/self/task')) {
		const stat = read(`/proc/self/task/${tid}/stat`);
		if (stat === undefined) continue;
		const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
		const ticks = statTicks(stat);
		if (Number(tid) === process.pid) snap.main += ticks;
		else if (comm === 'WorkerThread') snap.workers += ticks;
		else snap.otherThreads += ticks;
	}
	for (const p of allProcesses() ?? []) {
		if (Number(p.pid) === process.pid) continue;
		const ticks = statTicks(p.stat);
		if (p.ppid === process.pid) {
			if (isIndexProcess(p)) snap.index += ticks;
			else snap.children += ticks;
		} else {
			const group = otherGroup(p);
			snap.others.set(p.pid, { group, ticks, type: group === 'browser' ? browserType(p) : undefined });
		}
	}
	return snap;
}

/**
 * Who a process outside this one and its children is, by its name and arguments: the workbench's
 * browser, the editor's server (and its helpers), the bench, or other. Any Chromium or VS Code of
 * the machine counts: run no other editor, browser or bench beside a bench.
 */
function otherGroup(p) {
	const command = p.argv.join(' ');
	if (/chrom/i.test(p.comm) || /chrom/i.test(p.argv[0] ?? '')) return 'browser';
	if (/large-workspace|playwright/.test(command)) return 'bench';
	if (/code-server|vscode|bootstrap-fork|server-main/.test(command)) return 'editor';
	return 'other';
}

/** A Chromium process's kind, from its --type= argument: renderer, gpu-process, utility, zygote; 'browser' for the main process. */
function browserType(p) {
	return /--type=([\w-]+)/.exec(p.argv.join(' '))?.[1] ?? 'browser';
}

/**
 * CPU ms from snapshot `a` to `b`: the wall time, what the machine could give (wall × cores) and what
 * it spent, split as cpuSnapshot does; `elsewhere` is everything outside this process and its children.
 * Threads and children that ended in between are not counted (their time is gone from /proc): a
 * worker thread that exits in the window can make its share low, even negative.
 */
function cpuBetween(a, b) {
	if (!a || !b) return undefined;
	const ms = (key) => (b[key] - a[key]) * TICK_MS;
	const host = ms('main') + ms('workers') + ms('otherThreads');
	return {
		wallMs: b.at - a.at,
		capacityMs: (b.at - a.at) * os.cpus().length,
		busyMs: ms('busy'),
		hostMainThreadMs: ms('main'),
		hostWorkerThreadsMs: ms('workers'),
		hostOtherThreadsMs: ms('otherThreads'),
		indexProcessesMs: ms('index'),
		otherChildrenMs: ms('children'),
		elsewhereMs: ms('busy') - host - ms('index') - ms('children'),
		// of which, by process (see otherGroup): a process started in between counts its whole life,
		// one that ended in between nothing (its time is gone from /proc), the kernel's own work none
		elsewhereByProcessMs: othersBetween(a, b),
		// the browser's share by Chromium process kind: the renderer runs the workbench's script, style and
		// layout; the GPU process (software here) rasterises and composites what it draws
		browserByTypeMs: browserBetween(a, b),
	};
}

/** CPU ms of the processes outside this one and its children from snapshot `a` to `b`, by group */
function othersBetween(a, b) {
	const out = { browser: 0, editor: 0, bench: 0, other: 0 };
	for (const [pid, { group, ticks }] of b.others) out[group] += (ticks - (a.others.get(pid)?.ticks ?? 0)) * TICK_MS;
	return out;
}

/** CPU ms of the browser's processes from snapshot `a` to `b`, by kind (see browserType) */
function browserBetween(a, b) {
	const out = {};
	for (const [pid, { group, type, ticks }] of b.others) {
		if (group === 'browser') out[type] = (out[type] ?? 0) + (ticks - (a.others.get(pid)?.ticks ?? 0)) * TICK_MS;
	}
	return out;
}

module.exports = { cpuSnapshot, cpuBetween };
