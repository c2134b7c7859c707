import * as assert from 'node:assert';
import { threadSlices } from '../../src/core/steps';

describe('threadSlices', () => {
	/** whether `pause()` let a macrotask queued before it run first (it gave the thread back) */
	async function gaveBack(pause: () => Promise<void>): Promise<boolean> {
		let ran = false;
		setImmediate(() => (ran = true));
		await pause();
		const answer = ran;
		// the probe's own macrotask has run before the next check
		await new Promise((resolve) => setImmediate(resolve));
		return answer;
	}

	it('keeps the thread until the slice is spent, then gives it back once and starts a new slice', async () => {
		let clock = 1000;
		const pause = threadSlices(10, () => new Promise((resolve) => setImmediate(resolve)), () => clock);
		assert.strictEqual(await gaveBack(pause), false, 'no time spent yet');
		clock += 9;
		assert.strictEqual(await gaveBack(pause), false, '9 ms of a 10 ms slice');
		clock += 1;
		assert.strictEqual(await gaveBack(pause), true, 'the slice is spent');
		assert.strictEqual(await gaveBack(pause), false, 'a new slice starts after the give-back');
		clock += 25;
		assert.strictEqual(await gaveBack(pause), true, 'one give-back for a run longer than the slice');
		assert.strictEqual(await gaveBack(pause), false);
	});
});
