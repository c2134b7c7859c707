// bench/memory.mjs --child: one cold build in this process, its cache saved, then exit.
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
const { init, files } = JSON.parse(process.argv[2]);
const worker = new Worker(resolve('dist/search-worker.js'), { workerData: init });
worker.on('message', (m) => {
	if (m.id === 1) worker.postMessage({ id: 2, method: 'save' });
	if (m.id === 2) {
		console.log(`  child peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
		process.exit(0);
	}
});
worker.postMessage({ id: 1, method: 'open', files });
