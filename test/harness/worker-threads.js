// How many worker threads this process runs (Linux: /proc/self/task/<tid>/comm, where Node names
// them `WorkerThread`); undefined where that cannot be read. Shared by the bench probe (bundled
// into it) and the real-editor tests of a workspace without digests.
'use strict';
const fs = require('fs');

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

module.exports = { workerThreads };
