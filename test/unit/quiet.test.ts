import * as assert from 'node:assert';
import { QuietWait } from '../../src/core/quiet';
import { FakeClock } from './fake-clock';

/** a promise's state after the microtasks queued so far */
async function settled(promise: Promise<void>): Promise<boolean> {
	let done = false;
	void promise.then(() => (done = true));
	await new Promise((resolve) => setImmediate(resolve));
	return done;
}

describe('waiting for changes to pause (QuietWait)', () => {
	it('resolves once no change came for its quiet time, however many came before', async () => {
		const clock = new FakeClock();
		const quiet = new QuietWait(300, clock);
		quiet.changed();
		const waited = quiet.quiet();
		clock.tick(250);
		quiet.changed();
		clock.tick(250);
		assert.strictEqual(await settled(waited), false, '250 ms after the last change');
		clock.tick(50);
		assert.strictEqual(await settled(waited), true, '300 ms after it');
	});

	it('with no change pending, on the next turn of a timer, never at once', async () => {
		const clock = new FakeClock();
		const quiet = new QuietWait(300, clock);
		const waited = quiet.quiet();
		assert.strictEqual(await settled(waited), false, 'not before a timer ran');
		clock.tick(0);
		assert.strictEqual(await settled(waited), true);
	});

	it('lets its waiters go when disposed, and waits for nothing after', async () => {
		const clock = new FakeClock();
		const quiet = new QuietWait(300, clock);
		quiet.changed();
		const waited = quiet.quiet();
		quiet.dispose();
		assert.strictEqual(await settled(waited), true);
		assert.strictEqual(await settled(quiet.quiet()), true);
		assert.strictEqual(clock.pending(), 0, 'no timer left');
	});
});
