// This process's worker threads and child processes, from Linux's /proc (undefined where that cannot
// be read). Shared by the bench probe (bundled into it, with cpu-share.js) and the real-editor tests
// of a workspace without digests.
'use strict';
const fs = require('fs');

/** how many worker threads this process runs (/proc/self/task/<tid>/comm: Node names them `WorkerThread`) */
function workerThreads() {
	try {
		return fs.readdirSync('/proc/self/task').filter((tid) => {
			try {
				return fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() === 'WorkerThread';
			} catch {
				return false;
			}
		}).length;
	} catch {
		return undefined;
	}
}

/** each process's arguments, read once: by pid and start time (a pid can be reused) */
const argvCache = new Map();

/**
 * Every process of the machine with its parent's pid, its stat line, its command name and its
 * arguments (/proc/<pid>/stat and cmdline, the latter read once per process); undefined where
 * /proc cannot be read.
 */
function allProcesses() {
	try {
		const found = [];
		for (const pid of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(pid)) continue;
			try {
				const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
				// `pid (comm) state ppid …`: the name may hold spaces and parentheses
				const close = stat.lastIndexOf(')');
				const fields = stat.slice(close + 2).split(' ');
				const ppid = Number(fields[1]);
				// field 22 of the line, the process's start time
				const key = `${pid}:${fields[19]}`;
				let argv = argvCache.get(key);
				if (!argv) {
					argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
					argvCache.set(key, argv);
				}
				found.push({ pid, ppid, stat, comm: stat.slice(stat.indexOf('(') + 1, close), argv });
			} catch {
				// gone meanwhile
			}
		}
		return found;
	} catch {
		return undefined;
	}
}

/** This process's child processes: every process whose parent it is (see allProcesses). */
function childProcesses() {
	return allProcesses()?.filter((p) => p.ppid === process.pid);
}

/** whether a child process runs the index (dist/search-worker.js: a cold build) */
function isIndexProcess(child) {
	return child.argv.some((a) => a.includes('search-worker'));
}

module.exports = { workerThreads, allProcesses, childProcesses, isIndexProcess };
