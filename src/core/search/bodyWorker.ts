/**
 * Entry of dist/body-worker.js: a cold build's helper thread (see bodySplit.ts, bodyThread.ts).
 * It counts the terms of the long fields it is lent, chunk by chunk, with a dictionary of its own.
 */
import { parentPort } from 'node:worker_threads';
import type { BodyReply } from './bodyThread';
import { PaperIndex } from './index';

if (!parentPort) throw new Error('body-worker.js must run in a worker thread');
const port = parentPort;
const dictionary = new PaperIndex();

port.on('message', ({ nums, texts }: { nums: Int32Array; texts: string[] }) => {
	let reply: BodyReply;
	try {
		reply = { counts: dictionary.countBodies(nums, texts) };
	} catch (error) {
		reply = { error: error instanceof Error ? error.message : String(error) };
	}
	const transfer = 'counts' in reply ? [reply.counts.nums.buffer, reply.counts.lengths.buffer, reply.counts.ends.buffer, reply.counts.pairs.buffer] : [];
	port.postMessage(reply, transfer as ArrayBuffer[]);
});
