import * as assert from 'node:assert';
import { KeyedDebouncer } from '../../src/core/debounce';

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
		}, (e) => errors.push((e as Error).message));
		d.schedule('async', 10, async () => {
			throw new Error('async');
		}, (e) => errors.push((e as Error).message));
		await wait(40);
		assert.strictEqual(ran.length, 0, 'a cancelled run never runs');
		assert.deepStrictEqual(errors.sort(), ['async', 'sync']);
		d.schedule('late', 10, () => ran.push('late'));
		d.dispose();
		d.schedule('after', 10, () => ran.push('after'));
		await wait(30);
		assert.strictEqual(ran.length, 0, 'nothing runs after dispose');
	});
});
