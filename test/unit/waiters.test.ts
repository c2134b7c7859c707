import * as assert from 'node:assert';
import { TimedWaiters } from '../../src/core/waiters';

/** whether `promise` has settled by the end of the current turn's microtasks */
async function settled(promise: Promise<unknown>): Promise<boolean> {
	let done = false;
	void promise.then(() => (done = true));
	await new Promise((resolve) => setImmediate(resolve));
	return done;
}

describe('timed waiters', () => {
	it('release resolves the waits made so far, not later ones', async () => {
		const waiters = new TimedWaiters();
		const first = waiters.wait(60_000);
		const due = waiters.take();
		const later = waiters.wait(60_000);
		assert.strictEqual(waiters.size, 1, 'the taken wait is out of the list');
		due();
		assert.strictEqual(await settled(first), true);
		assert.strictEqual(await settled(later), false, 'a wait made after take is not resolved by it');
		waiters.release();
		assert.strictEqual(await settled(later), true);
		assert.strictEqual(waiters.size, 0);
	});

	it('a wait not released ends after its time and leaves the list', async () => {
		const waiters = new TimedWaiters();
		const waiting = waiters.wait(5);
		assert.strictEqual(waiters.size, 1);
		await waiting;
		assert.strictEqual(waiters.size, 0);
	});
});
