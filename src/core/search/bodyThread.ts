/**
 * A BodyCounter in a worker thread of this process (dist/body-worker.js, see bodyWorker.ts): the
 * second core's share of a cold build's long fields. Node only.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BodyCounter } from './bodySplit';
import type { BodyCounts } from './index';

/** what the helper's dictionary and a chunk's text and counts take, with room (~60 MB on 167 real days) */
const HELPER_MAX_OLD_MB = 384;
const HELPER_MAX_YOUNG_MB = 16;

/**
 * How long the helper may take over one chunk (~100 ms of work for 512 papers on 167 real days)
 * before it counts as hung: it is ended, and its papers go back to the index's thread.
 */
const CHUNK_DEADLINE_MS = 60_000;

/** The helper's messages: the counts of one chunk, or why there are none. */
export type BodyReply = { counts: BodyCounts } | { error: string };

/** A helper running `script`, or undefined when there is none (a bundle without it, tests). */
export function bodyCounterThread(script: string, deadlineMs = CHUNK_DEADLINE_MS): BodyCounter | undefined {
	if (!existsSync(script)) return undefined;
	let worker: Worker;
	try {
		worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: HELPER_MAX_OLD_MB, maxYoungGenerationSizeMb: HELPER_MAX_YOUNG_MB } });
	} catch {
		return undefined;
	}
	const waiting: { resolve: (counts: BodyCounts) => void; reject: (error: Error) => void; deadline: ReturnType<typeof setTimeout> }[] = [];
	let ended: Error | undefined;
	const end = (error: Error) => {
		if (ended) return;
		ended = error;
		for (const w of waiting.splice(0)) {
			clearTimeout(w.deadline);
			w.reject(error);
		}
		void worker.terminate();
	};
	worker.on('message', (reply: BodyReply) => {
		const w = waiting.shift();
		if (w) clearTimeout(w.deadline);
		if ('counts' in reply) w?.resolve(reply.counts);
		else end(new Error(reply.error));
	});
	worker.on('error', end);
	worker.on('exit', (code) => end(new Error(`the body helper exited (${code})`)));
	return {
		count: (nums, texts) =>
			new Promise((resolve, reject) => {
				if (ended) return reject(ended);
				// a chunk waits behind the one before it: its time starts when it is sent all the same (two are out at most)
				const deadline = setTimeout(() => end(new Error(`the body helper did not answer within ${deadlineMs} ms`)), deadlineMs);
				waiting.push({ resolve, reject, deadline });
				// copied, not moved: the caller keeps the numbers to take the documents back should the helper fail
				worker.postMessage({ nums, texts });
			}),
		close: () => end(new Error('the body helper was closed')),
	};
}
