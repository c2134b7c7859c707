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

/**
 * This process's child processes: every process whose parent it is (/proc/<pid>/stat), with its
 * stat line, its command name and its arguments (/proc/<pid>/cmdline).
 */
function childProcesses() {
	try {
		const children = [];
		for (const pid of fs.readdirSync('/proc')) {
			if (!/^\d+$/.test(pid)) continue;
			try {
				const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
				// `pid (comm) state ppid …`: the name may hold spaces and parentheses
				const close = stat.lastIndexOf(')');
				if (Number(stat.slice(close + 2).split(' ')[1]) !== process.pid) continue;
				const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
				children.push({ pid, stat, comm: stat.slice(stat.indexOf('(') + 1, close), argv });
			} catch {
				// gone meanwhile
			}
		}
		return children;
	} catch {
		return undefined;
	}
}

/** whether a child process runs the index (dist/search-worker.js: a cold build) */
function isIndexProcess(child) {
	return child.argv.some((a) => a.includes('search-worker'));
}

module.exports = { workerThreads, childProcesses, isIndexProcess };
