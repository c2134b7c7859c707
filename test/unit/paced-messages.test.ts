import * as assert from 'node:assert';
import { pacedTasks } from '../../src/core/search/client';
import { decodeFileUpdates, encodeFileUpdates } from '../../src/core/search/protocol';
import { parseDigest } from '../../src/core/parser';
import { summarizeDigest } from '../../src/core/summary';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a worker\'s messages on the receiving thread', () => {
	it('runs a burst in order, giving the thread back once a run has taken its slice', async () => {
		let clock = 0;
		const run = pacedTasks(8, () => clock);
		const seen: number[] = [];
		// each task "takes" 3 ms: the third ends a slice of 8 ms
		for (let i = 0; i < 7; i++) run(() => ((clock += 3), seen.push(i)));
		assert.deepStrictEqual(seen, [0, 1, 2], 'three tasks in the first turn, the rest wait');
		run(() => seen.push(99));
		assert.deepStrictEqual(seen, [0, 1, 2], 'a task that comes meanwhile waits its turn too');
		await macrotask();
		assert.deepStrictEqual(seen, [0, 1, 2, 3, 4, 5]);
		await macrotask();
		assert.deepStrictEqual(seen, [0, 1, 2, 3, 4, 5, 6, 99], 'every task, in the order given');
		run(() => seen.push(100));
		assert.strictEqual(seen[seen.length - 1], 100, 'with nothing queued a task runs at once');
	});

	it("counts in its slice the caller's own work earlier in the turn", async () => {
		let clock = 100;
		const run = pacedTasks(8, () => clock);
		const seen: number[] = [];
		// the caller's turn began 5 ms ago: one 3 ms task fills the slice
		for (let i = 0; i < 4; i++) run(() => ((clock += 3), seen.push(i)), 95);
		assert.deepStrictEqual(seen, [0]);
		await macrotask();
		assert.deepStrictEqual(seen, [0, 1, 2, 3], 'the next turn counts from its own start');
	});

	it('file summaries cross as one buffer and come back equal', () => {
		const summary = summarizeDigest(parseDigest(readFileSync(join(__dirname, '../../test/fixtures/search/2026-02-06.md'), 'utf8'), '/ws/2026-02-06.md'));
		const updates = [{ path: '/ws/2026-02-06.md', summary }, { path: '/ws/README.md' }];
		const wire = encodeFileUpdates(updates);
		assert.ok(wire instanceof Uint8Array);
		// as a worker's message carries it (structured clone: a copy of the bytes)
		assert.deepStrictEqual(decodeFileUpdates(structuredClone(wire)), updates);
	});
});
