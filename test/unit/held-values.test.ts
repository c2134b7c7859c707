import * as assert from 'node:assert';
import { HeldValues } from '../../src/core/heldValues';

describe('HeldValues', () => {
	it('keeps the first, the latest, and older ones spread over the session', () => {
		const held = new HeldValues<number>(4, 3);
		for (let i = 0; i < 100; i++) held.add(i);
		const kept = held.values();
		assert.strictEqual(kept.length, 1 + 4 + 3);
		assert.strictEqual(kept[0], 0, 'the first');
		assert.deepStrictEqual(kept.slice(-4), [96, 97, 98, 99], 'the latest');
		const older = kept.slice(1, -4);
		assert.ok(older.every((v, i) => i === 0 || v > older[i - 1]) && older[0] < 50, `spread: ${older.join(', ')}`);
	});

	it('finds the newest value a test accepts', () => {
		const held = new HeldValues<number>(2, 1);
		for (let i = 0; i < 10; i++) held.add(i);
		assert.strictEqual(held.newest((v) => v % 2 === 0), 8);
		assert.strictEqual(held.newest((v) => v === 0), 0);
		assert.strictEqual(held.newest((v) => v > 100), undefined);
	});

	it('holds at most its budget of bytes: the first and the latest always, the older ones go first', () => {
		const size = (v: string) => v.length * 2;
		const held = new HeldValues<string>(4, 3, { size, maxBytes: 10_000 });
		const value = (i: number) => `${i}`.padEnd(1_000, '笔');
		for (let i = 0; i < 100; i++) held.add(value(i));
		const kept = held.values();
		assert.ok(kept.reduce((n, v) => n + size(v), 0) <= 10_000, `${kept.length} values held`);
		assert.strictEqual(kept.length, 5);
		assert.strictEqual(kept[0], value(0), 'the first');
		assert.deepStrictEqual(kept.slice(1), [96, 97, 98, 99].map(value), 'then the latest');
		// one value over the budget alone: still the first and the latest
		const big = new HeldValues<string>(4, 3, { size, maxBytes: 100 });
		for (let i = 0; i < 10; i++) big.add(value(i));
		assert.deepStrictEqual(big.values(), [value(0), value(9)]);
		// under the budget: as without one
		const small = new HeldValues<string>(4, 3, { size, maxBytes: 1e9 });
		for (let i = 0; i < 100; i++) small.add(value(i));
		assert.strictEqual(small.values().length, 1 + 4 + 3);
	});
});
