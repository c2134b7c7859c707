import * as assert from 'node:assert';
import { installFakeVscode } from './fake-vscode';

type Batcher = import('../../src/features/workspace/changeBatch').ChangeBatcher;
type Change = import('../../src/features/workspace/types').DigestWorkspaceChange;

/** a file URI as the batcher keys it */
const uri = (name: string) => ({ toString: () => `file:///ws/${name}.md` }) as never;
const nameOf = (change: Change) => String(change.uri).replace(/^file:\/\/\/ws\/|\.md$/g, '');
/** resolves once `done()` holds, looking after each turn of the event loop (state, not time) */
async function until(done: () => boolean): Promise<void> {
	while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
}
/** a listener's work of `ms` on this thread */
function busy(ms: number): void {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		// spinning
	}
}

describe('workspace change batching (the Papers view and every listener)', () => {
	let ChangeBatcher: typeof import('../../src/features/workspace/changeBatch').ChangeBatcher;
	let restore: () => void;
	before(() => {
		restore = installFakeVscode();
		ChangeBatcher = require('../../src/features/workspace/changeBatch').ChangeBatcher;
	});
	after(() => restore());

	function batcher(listenerMs: number) {
		const turns: string[][][] = [];
		let turn: string[][] | undefined;
		const b: Batcher = new ChangeBatcher(() => undefined);
		b.onDidChange((changes) => {
			if (!turn) {
				turn = [];
				turns.push(turn);
				// the events of one turn (one macrotask) share a list: microtasks run once it ends
				queueMicrotask(() => (turn = undefined));
			}
			turn.push(changes.map(nameOf));
			busy(listenerMs);
		});
		return { b, turns, delivered: () => turns.flat(2) };
	}

	it('fires as many events as fit in a turn, then gives the thread back; every change once, in order', async () => {
		const { b, turns, delivered } = batcher(3);
		for (let i = 0; i < 100; i++) b.queueChange(uri(`day${i}`), 'added');
		b.flushChanges();
		assert.ok(turns[0].length > 1, `several events in the first turn (${turns[0].length})`);
		assert.ok(delivered().length < 100, 'not all of them: each listener call took 3 ms');
		await until(() => delivered().length === 100);
		assert.deepStrictEqual(delivered(), Array.from({ length: 100 }, (_, i) => `day${i}`));
		assert.ok(turns.length > 1 && turns.length < 100 / 12, `${turns.length} turns`);
		b.dispose();
	});

	it('leaves no timer behind: in a scan, the next change waits its flush delay', async () => {
		const { b, delivered } = batcher(0);
		b.setProgress({ done: 0, total: 30, scanning: true }, true);
		b.scanStarted();
		for (let i = 0; i < 30; i++) b.queueChange(uri(`day${i}`), 'added');
		b.flushChanges();
		assert.strictEqual(delivered().length, 30, 'a quick listener takes them all in one turn');
		const queued = Date.now();
		b.queueChange(uri('late'), 'added');
		await until(() => delivered().length === 31);
		// SCAN_FLUSH_MS (400 ms): a tree view restarts its 200 ms debounce on every update
		assert.ok(Date.now() - queued >= 390, `went out after ${Date.now() - queued} ms`);
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
		await until(() => delivered().includes('fromListener') && delivered().length >= 61);
		assert.strictEqual(delivered().filter((n) => n === 'fromListener').length, 1);
		assert.strictEqual(delivered().length, 61);
		b.dispose();
	});
});
