import * as assert from 'node:assert';
import { TimedWaiters } from '../../src/core/timedWaiters';
import { FakeClock } from './fake-clock';

/** lets the promises resolved so far run their callbacks */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('timed waiters', () => {
	it('a release ends every wait at once; a wait begun after it waits for the next', async () => {
		const clock = new FakeClock();
		const waiters = new TimedWaiters(clock);
		const ended: string[] = [];
		const a = waiters.wait(1_000);
		void a.then(() => ended.push('a'));
		void waiters.wait(50).then(() => ended.push('b'));
		assert.strictEqual(waiters.size, 2);
		waiters.release();
		assert.strictEqual(await a, true, 'a released wait says so');
		void waiters.wait(1_000).then(() => ended.push('c'));
		await settle();
		assert.deepStrictEqual(ended, ['a', 'b']);
		assert.strictEqual(waiters.size, 1);
		clock.tick(60);
		await settle();
		assert.deepStrictEqual(ended, ['a', 'b'], 'a released wait leaves no timer behind, and c waits on');
	});

	it('a wait ends at its own limit, leaving the list, the others waiting on', async () => {
		const clock = new FakeClock();
		const waiters = new TimedWaiters(clock);
		const ended: string[] = [];
		const short = waiters.wait(100);
		void short.then(() => ended.push('short'));
		void waiters.wait(1_000).then(() => ended.push('long'));
		clock.tick(99);
		await settle();
		assert.deepStrictEqual(ended, []);
		clock.tick(1);
		await settle();
		assert.deepStrictEqual(ended, ['short']);
		assert.strictEqual(await short, false, 'a wait that timed out says so');
		assert.strictEqual(waiters.size, 1);
		waiters.release();
		await settle();
		assert.deepStrictEqual(ended, ['short', 'long']);
	});

	it('take() answers the release of the waits of then only: one begun after it waits for the next signal', async () => {
		const clock = new FakeClock();
		const waiters = new TimedWaiters(clock);
		const ended: string[] = [];
		void waiters.wait(1_000).then(() => ended.push('before'));
		const release = waiters.take();
		void waiters.wait(1_000).then(() => ended.push('after'));
		assert.strictEqual(waiters.size, 1);
		release();
		await settle();
		assert.deepStrictEqual(ended, ['before']);
		release();
		await settle();
		assert.deepStrictEqual(ended, ['before'], 'a release called twice ends nothing more');
		clock.tick(1_000);
		await settle();
		assert.deepStrictEqual(ended, ['before', 'after']);
	});
});
