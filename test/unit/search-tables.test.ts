import * as assert from 'node:assert/strict';
import { CodeTable } from '../../src/core/search/codeTable';
import { MISSING, SpanTable } from '../../src/core/search/spanTable';

describe('search lookup tables', () => {
	it('CodeTable maps 32-bit codes (beyond the small-integer range) to ids through growth', () => {
		const table = new CodeTable(4);
		const codes: number[] = [];
		for (let i = 0; i < 5000; i++) codes.push(0x4e00 * 65536 + 0x4e00 + i * 7919, 0x9fff * 65536 + i, 0x4e00 + i);
		codes.forEach((code, id) => table.add(code, id));
		assert.equal(table.size, codes.length);
		codes.forEach((code, id) => assert.equal(table.get(code), id));
		assert.equal(table.get(0x3042 * 65536 + 1), -1);
	});

	it('SpanTable finds a span by its characters wherever it sits, case-sensitively', () => {
		const table = new SpanTable(4);
		const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
		words.forEach((w, i) => table.add(`  ${w}.`, 2, 2 + w.length, i));
		words.forEach((w, i) => assert.equal(table.get(`x ${w} y`, 2, 2 + w.length), i));
		assert.equal(table.get('Word1', 0, 5), MISSING);
		assert.equal(table.get('word1', 0, 4), MISSING);
		table.add('stop', 0, 4, -1);
		assert.equal(table.get('a stop', 2, 6), -1);
	});
});
