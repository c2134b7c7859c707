import * as assert from 'node:assert';
import { scanPhase } from '../../src/core/scanStatus';

describe('scan status (the Papers view message and the status bar)', () => {
	it('counts the files read while a scan reads them', () => {
		assert.strictEqual(scanPhase({ done: 0, total: 167, scanning: true }, 0), 'reading', 'a cold start before its first file: 0/167');
		assert.strictEqual(scanPhase({ done: 12, total: 167, scanning: true }, 12), 'reading');
		assert.strictEqual(scanPhase({ done: 166, total: 167, scanning: true }, 167), 'reading', 'a warm start reading the one file changed since');
		assert.strictEqual(scanPhase({ done: 0, total: 0, scanning: true }, 0), 'reading', 'listing, nothing shown yet');
	});

	it('says the folder is being checked, not "0/167", while digests shown from the caches or read ahead wait for the comparison', () => {
		assert.strictEqual(scanPhase({ done: 0, total: 167, scanning: true }, 167), 'checking');
		assert.strictEqual(scanPhase({ done: 0, total: 0, scanning: true }, 40), 'checking', 'before the listing ends');
	});

	it('is idle once no scan runs', () => {
		assert.strictEqual(scanPhase({ done: 167, total: 167, scanning: false }, 167), 'idle');
		assert.strictEqual(scanPhase({ done: 0, total: 0, scanning: false }, 0), 'idle');
	});
});
