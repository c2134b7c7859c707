import * as assert from 'node:assert';
import { isDigestFolder, mayBeDigestPath } from '../../src/core/candidates';

describe('candidate digest paths', () => {
	it('takes files named by their day, and files in the folders digest generators write', () => {
		for (const path of [
			'data/2026-02-06.md',
			'2025-06-09_trajectory_and_large_models.md',
			'archive/20260206.md',
			'notes/2026_02_06.md',
			'data/latest.md',
			'to_md/today.md',
			'contents/cs/summary.md',
		]) {
			assert.ok(mayBeDigestPath(path), path);
		}
	});

	it('leaves ordinary documents alone', () => {
		for (const path of ['README.md', 'docs/guide.md', 'CHANGELOG.md', 'notes/reading-list.md', 'src/v12345678.md', 'metadata/x.md', 'blog/1999-13-40.md']) {
			assert.ok(!mayBeDigestPath(path), path);
		}
	});

	it('names the folders a first look lists', () => {
		for (const path of ['data', 'contents', 'to_md', 'digests', 'Data', 'archive/data']) assert.ok(isDigestFolder(path), path);
		for (const path of ['docs', 'metadata', 'data-raw', 'src', '.git']) assert.ok(!isDigestFolder(path), path);
	});
});
