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
});
