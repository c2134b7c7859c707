import * as assert from 'node:assert';
import { CacheSaver, type SavingIndex } from '../../src/features/search/cacheSave';
import { FakeClock } from './fake-clock';

/** an index with `pending` files being indexed, counting its saves */
function fakeIndex() {
	const listeners = new Set<(n: number) => void>();
	const index = {
		pendingUpdates: 0,
		saves: [] as number[],
		onPendingUpdates(listener: (n: number) => void) {
			listeners.add(listener);
			return { dispose: () => listeners.delete(listener) };
		},
		async save() {
			index.saves.push(index.pendingUpdates);
		},
		setPending(n: number) {
			index.pendingUpdates = n;
			listeners.forEach((l) => l(n));
		},
		get listening() {
			return listeners.size;
		},
	};
	return index;
}

/** lets the saver's awaits (the index asked for, the save) run */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('search index cache: when it is saved after changes', () => {
	it('saves once, delayMs after the last of a run of changes', async () => {
		const clock = new FakeClock();
		const index = fakeIndex();
		const saver = new CacheSaver(async () => index as SavingIndex, 5000, clock);
		saver.changed();
		clock.tick(3000);
		saver.changed();
		clock.tick(4000);
		await settle();
		assert.deepStrictEqual(index.saves, [], 'the second change puts it off');
		clock.tick(1000);
		await settle();
		assert.deepStrictEqual(index.saves, [0]);
		clock.tick(60_000);
		await settle();
		assert.strictEqual(index.saves.length, 1, 'once');
		saver.dispose();
	});

	it('waits for the files being indexed, then saves delayMs after the last is', async () => {
		const clock = new FakeClock();
		const index = fakeIndex();
		const saver = new CacheSaver(async () => index as SavingIndex, 5000, clock);
		index.setPending(3);
		saver.changed();
		clock.tick(5000);
		await settle();
		assert.deepStrictEqual(index.saves, [], 'not while files are being indexed: the save would be abandoned');
		index.setPending(1);
		clock.tick(10_000);
		await settle();
		assert.deepStrictEqual(index.saves, []);
		index.setPending(0);
		clock.tick(4999);
		await settle();
		assert.deepStrictEqual(index.saves, []);
		clock.tick(1);
		await settle();
		assert.deepStrictEqual(index.saves, [0], 'saved with every file indexed');
		assert.strictEqual(index.listening, 0, 'no listener left');
		saver.dispose();
	});

	it('saves nothing once disposed, nor without an index', async () => {
		const clock = new FakeClock();
		const index = fakeIndex();
		const saver = new CacheSaver(async () => index as SavingIndex, 5000, clock);
		index.setPending(1);
		saver.changed();
		clock.tick(5000);
		await settle();
		assert.strictEqual(index.listening, 1);
		saver.dispose();
		assert.strictEqual(index.listening, 0);
		index.setPending(0);
		clock.tick(10_000);
		await settle();
		assert.deepStrictEqual(index.saves, []);
		const none = new CacheSaver(async () => undefined, 5000, clock);
		none.changed();
		clock.tick(5000);
		await settle();
		none.dispose();
		assert.deepStrictEqual(index.saves, []);
	});
});
