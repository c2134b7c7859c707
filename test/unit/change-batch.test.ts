import * as assert from 'node:assert';
import { withFakeVscode } from './fake-vscode';

type Batcher = import('../../src/features/workspace/changeBatch').ChangeBatcher;
type Change = import('../../src/features/workspace/types').DigestWorkspaceChange;

/** a file URI as the batcher keys it */
const uri = (name: string) => ({ toString: () => `file:///ws/${name}.md` }) as never;
const nameOf = (change: Change) => String(change.uri).replace(/^file:\/\/\/ws\/|\.md$/g, '');
/** one turn of the event loop (a 0 ms timer's) */
const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));
/** resolves once `done()` holds, looking after each turn of the event loop (state, not time) */
async function until(done: () => boolean): Promise<void> {
	while (!done()) await macrotask();
}

describe('workspace change batching (the Papers view and every listener)', () => {
	let ChangeBatcher: typeof import('../../src/features/workspace/changeBatch').ChangeBatcher;
	withFakeVscode(() => (ChangeBatcher = require('../../src/features/workspace/changeBatch').ChangeBatcher));

	/** a batcher on a clock that only its listener moves: each file of an event "takes" `perFileMs` */
	function batcher(perFileMs: number) {
		let clock = 0;
		const turns: string[][][] = [];
		let turn: string[][] | undefined;
		const b: Batcher = new ChangeBatcher(() => undefined, () => clock);
		b.onDidChange((changes) => {
			if (!turn) {
				turn = [];
				turns.push(turn);
				// the events of one turn (one macrotask) share a list: microtasks run once it ends
				queueMicrotask(() => (turn = undefined));
			}
			turn.push(changes.map(nameOf));
			clock += changes.length * perFileMs;
		});
		return { b, turns, delivered: () => turns.flat(2) };
	}

	it('fires as many events as fit in a turn, then gives the thread back; every change once, in order', async () => {
		const { b, turns, delivered } = batcher(0.25);
		for (let i = 0; i < 100; i++) b.queueChange(uri(`day${i}`), 'added');
		b.flushChanges();
		// against an 8 ms turn: 12 files take 3 ms (the chunk doubles) and 24 more still fit (3 + 3 < 8),
		// which take 6 ms; from then on one event of 24 a turn (6 + 6 > 8)
		assert.deepStrictEqual(turns.map((t) => t.map((e) => e.length)), [[12, 24]]);
		await until(() => delivered().length === 100);
		assert.deepStrictEqual(turns.map((t) => t.map((e) => e.length)), [[12, 24], [24], [24], [16]]);
		assert.deepStrictEqual(delivered(), Array.from({ length: 100 }, (_, i) => `day${i}`));
		b.dispose();
	});

	it('leaves no timer behind: in a scan, the next change waits its flush delay, not the next turn', async () => {
		const { b, delivered } = batcher(0);
		b.setProgress({ done: 0, total: 30, scanning: true }, true);
		b.scanStarted();
		for (let i = 0; i < 30; i++) b.queueChange(uri(`day${i}`), 'added');
		b.flushChanges();
		assert.strictEqual(delivered().length, 30, 'a quick listener takes them all in one turn');
		b.queueChange(uri('late'), 'added');
		// a 0 ms timer left from the burst would send it now; SCAN_FLUSH_MS keeps it (a tree view restarts its 200 ms debounce on every update)
		await macrotask();
		await macrotask();
		assert.strictEqual(delivered().length, 30);
		await until(() => delivered().length === 31);
		assert.strictEqual(delivered()[30], 'late');
		b.dispose();
	});

	it('sends a change a listener queues while events go out once, with the rest', async () => {
		const { b, delivered } = batcher(1);
		let queuedByListener = false;
		b.onDidChange(() => {
			if (queuedByListener) return;
			queuedByListener = true;
			b.queueChange(uri('fromListener'), 'changed');
		});
		for (let i = 0; i < 60; i++) b.queueChange(uri(`day${i}`), 'added');
		b.flushChanges();
		await until(() => delivered().length === 61);
		assert.strictEqual(delivered().filter((n) => n === 'fromListener').length, 1);
		assert.strictEqual(delivered()[60], 'fromListener');
		b.dispose();
	});
});
