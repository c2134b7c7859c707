import * as assert from 'node:assert';
import { movedUri } from '../../src/core/movedUri';

describe('movedUri', () => {
	it('follows a file renamed, and a file in a folder renamed', () => {
		assert.strictEqual(movedUri('file:///w/data/a.md', 'file:///w/data/a.md', 'file:///w/data/b.md'), 'file:///w/data/b.md');
		assert.strictEqual(movedUri('file:///w/data/2026/a.md', 'file:///w/data', 'file:///w/old'), 'file:///w/old/2026/a.md');
		assert.strictEqual(movedUri('file:///w/data/a.md', 'file:///w/data/', 'file:///w/old/'), 'file:///w/old/a.md');
	});

	it('leaves a file the rename did not move', () => {
		assert.strictEqual(movedUri('file:///w/data2/a.md', 'file:///w/data', 'file:///w/old'), undefined);
		assert.strictEqual(movedUri('file:///w/data/a.md', 'file:///w/data/b.md', 'file:///w/data/c.md'), undefined);
	});
});
