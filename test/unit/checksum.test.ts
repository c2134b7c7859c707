import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { fnv1a, fnv1a4, fnv1a4Bytes, fnv1a4Steps } from '../../src/core/checksum';

describe('checksums', () => {
	for (const [name, sum] of [
		['fnv1a', fnv1a],
		['fnv1a4', fnv1a4],
	] as const) {
		it(`${name} gives the same value whatever the bytes' alignment, and another for any one bit flipped`, () => {
			fc.assert(
				fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: 0, max: 3 }), fc.nat(), (bytes, shift, at) => {
					const expected = sum(bytes);
					// the same bytes `shift` bytes into a larger buffer, and summed from an offset
					const shifted = new Uint8Array(bytes.length + 4);
					shifted.set(bytes, shift);
					assert.equal(sum(shifted.subarray(shift, shift + bytes.length)), expected);
					const headed = new Uint8Array(shift + bytes.length);
					headed.set(bytes, shift);
					assert.equal(sum(headed, shift), expected);
					if (bytes.length === 0) return;
					const flipped = bytes.slice();
					flipped[at % bytes.length] ^= 1 << at % 8;
					assert.notEqual(sum(flipped), expected);
				}),
			);
		});
	}

	it('fnv1a4Bytes gives the same value at any offset of a buffer, another for any one bit flipped, and never 0', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 80 }), fc.integer({ min: 0, max: 7 }), fc.nat(), (bytes, shift, at) => {
				const expected = fnv1a4Bytes(bytes);
				assert.notEqual(expected, 0);
				const shifted = new Uint8Array(bytes.length + 8);
				shifted.set(bytes, shift);
				assert.equal(fnv1a4Bytes(shifted.subarray(shift, shift + bytes.length)), expected);
				if (bytes.length === 0) return;
				const flipped = bytes.slice();
				flipped[at % bytes.length] ^= 1 << at % 8;
				assert.notEqual(fnv1a4Bytes(flipped), expected);
			}),
		);
	});

	it('fnv1a4 in steps gives the value of one call, pausing after each step', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 64 }), (bytes, stepBytes) => {
				const steps = fnv1a4Steps(bytes, 0, stepBytes);
				let pauses = 0;
				let step = steps.next();
				for (; !step.done; step = steps.next()) pauses++;
				assert.equal(step.value, fnv1a4(bytes));
				// whole lane rounds (16 bytes) per step, at least one
				const rounds = Math.floor(bytes.length / 16);
				assert.equal(pauses, Math.max(0, Math.ceil(rounds / Math.max(1, Math.floor(stepBytes / 16))) - 1));
			}),
		);
	});

	it('fnv1a4 is not fnv1a (a cache summed with one is not taken for the other)', () => {
		const bytes = new TextEncoder().encode('the same bytes, long enough for all four lanes and a tail');
		assert.notEqual(fnv1a4(bytes), fnv1a(bytes));
	});

	it('keeps the values the caches on users\' disks were written with', () => {
		const bytes = new TextEncoder().encode('the same bytes, long enough for all four lanes and a tail');
		assert.equal(fnv1a(bytes), 3783225818);
		assert.equal(fnv1a4(bytes), 3472701814);
		// the documents' hashes in the index cache (format 7)
		assert.equal(fnv1a4Bytes(bytes), 3167951884);
	});
});
