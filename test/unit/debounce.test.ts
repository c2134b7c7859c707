import * as assert from 'node:assert';
import { KeyedDebouncer } from '../../src/core/debounce';
import { FakeClock } from './fake-clock';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('keyed debouncer', () => {
	it('runs the last call per key once its delay passed, keys independent', async () => {
		const d = new KeyedDebouncer();
		const ran: string[] = [];
		d.schedule('a', 20, () => ran.push('a1'));
		d.schedule('b', 20, () => ran.push('b1'));
		d.schedule('a', 20, () => ran.push('a2'));
		assert.strictEqual(d.pending, 2);
		await wait(60);
		assert.deepStrictEqual(ran.sort(), ['a2', 'b1']);
		assert.strictEqual(d.pending, 0);
	});

	it('counts a run as running until its promise settles, also when it fails', async () => {
		const d = new KeyedDebouncer();
		let finish!: () => void;
		d.schedule('slow', 5, () => new Promise<void>((resolve) => (finish = resolve)));
		d.schedule('fails', 5, async () => {
			throw new Error('no');
		});
		d.schedule('throws', 5, () => {
			throw new Error('no');
		});
		assert.deepStrictEqual([d.pending, d.running], [3, 0]);
		while (d.pending > 0) await wait(5);
		await wait(0);
		assert.strictEqual(d.running, 1, 'the slow run is still running; the failed ones settled');
		finish();
		await wait(0);
		assert.strictEqual(d.running, 0);
	});

	it('cancels, reports errors of sync and async runs, and runs nothing after dispose', async () => {
		const d = new KeyedDebouncer();
		const errors: string[] = [];
		const ran: string[] = [];
		d.schedule('x', 10, () => ran.push('x'));
		d.cancel('x');
		d.schedule('sync', 10, () => {
			throw new Error('sync');
		}, { onError: (e) => errors.push((e as Error).message) });
		d.schedule('async', 10, async () => {
			throw new Error('async');
		}, { onError: (e) => errors.push((e as Error).message) });
		await wait(40);
		assert.strictEqual(ran.length, 0, 'a cancelled run never runs');
		assert.deepStrictEqual(errors.sort(), ['async', 'sync']);
		d.schedule('late', 10, () => ran.push('late'));
		d.dispose();
		d.schedule('after', 10, () => ran.push('after'));
		await wait(30);
		assert.strictEqual(ran.length, 0, 'nothing runs after dispose');
	});

	it('runs at the longest wait after the first call of a stream, then waits anew', () => {
		const clock = new FakeClock();
		const d = new KeyedDebouncer<string>(clock);
		const ran: number[] = [];
		// a call every 400 ms, each restarting a 500 ms delay: without a longest wait it never runs
		for (let t = 0; t < 3_000; t += 400) {
			d.schedule('heal', 500, () => ran.push(clock.now()), { maxWaitMs: 2_000 });
			clock.tick(400);
		}
		clock.tick(1_000);
		// 2,000 ms after the first call (0); then the calls from 2,000 on are a new stream, run 500 ms after its last (2,800)
		assert.deepStrictEqual(ran, [2_000, 3_300]);
		// without a longest wait: only once the calls stop
		const plain = new KeyedDebouncer<string>(clock);
		const start = clock.now();
		const plainRan: number[] = [];
		for (let i = 0; i < 8; i++) {
			plain.schedule('k', 500, () => plainRan.push(clock.now() - start));
			clock.tick(400);
		}
		clock.tick(1_000);
		assert.deepStrictEqual(plainRan, [3_300]);
	});

	it('a longest wait shorter than the delay runs the call at the longest wait; a later call\'s shorter one counts; dispose clears the clock', () => {
		const clock = new FakeClock();
		const d = new KeyedDebouncer<string>(clock);
		const ran: number[] = [];
		d.schedule('k', 100, () => ran.push(clock.now()), { maxWaitMs: 50 });
		clock.tick(50);
		assert.deepStrictEqual(ran, [50]);
		// a stream with a long wait, then a call with a short one: the short one holds (at 50 + 10 + 30)
		d.schedule('k', 100, () => ran.push(clock.now()), { maxWaitMs: 1_000 });
		clock.tick(10);
		d.schedule('k', 100, () => ran.push(clock.now()), { maxWaitMs: 30 });
		clock.tick(100);
		assert.deepStrictEqual(ran, [50, 90]);
		d.schedule('k', 100, () => ran.push(clock.now()), { maxWaitMs: 1_000 });
		d.dispose();
		clock.tick(2_000);
		assert.deepStrictEqual(ran, [50, 90], 'a disposed debouncer runs nothing');
		assert.strictEqual(d.pending, 0);
	});
});
