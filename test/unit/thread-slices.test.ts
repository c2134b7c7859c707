import * as assert from 'node:assert';
import { threadSlices } from '../../src/core/steps';

describe('threadSlices (work in slices of a shared thread)', () => {
	it('keeps the thread until the slice is spent, gives it back once, and starts the next slice when the thread is back', async () => {
		let clock = 1000;
		let giveBacks = 0;
		// the thread comes back 50 ms later: that wait is not work of the next slice
		const pause = threadSlices(10, async () => {
			giveBacks++;
			clock += 50;
		}, () => clock);
		/** whether pause() gave the thread back */
		const gaveBack = async () => {
			const before = giveBacks;
			const wait = pause();
			assert.strictEqual(wait === undefined, giveBacks === before, 'a promise exactly when the thread is given back');
			await wait;
			return giveBacks > before;
		};
		assert.strictEqual(await gaveBack(), false, 'no time spent yet');
		clock += 9;
		assert.strictEqual(await gaveBack(), false, '9 ms of a 10 ms slice');
		clock += 1;
		assert.strictEqual(await gaveBack(), true, 'the slice is spent');
		assert.strictEqual(await gaveBack(), false, 'a new slice starts after the give-back');
		clock += 9;
		assert.strictEqual(await gaveBack(), false, 'the 50 ms wait for the thread did not count');
		clock += 26;
		assert.strictEqual(await gaveBack(), true, 'one give-back for a run longer than the slice');
		assert.strictEqual(giveBacks, 2);
	});

	it('gives the thread back through the given macrotask', async () => {
		let ran = false;
		let clock = 0;
		const pause = threadSlices(5, () => new Promise((resolve) => setImmediate(resolve)), () => clock);
		clock = 5;
		setImmediate(() => (ran = true));
		await pause();
		assert.ok(ran, 'a macrotask queued before ran first');
	});
});
