import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { CANDIDATE_GLOBS, isDigestFolder, mayBeDigestPath } from '../../src/core/candidates';
import { matchesGlob } from '../../src/core/glob';

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

	it('lists, with its globs, every Markdown path it takes', () => {
		const segment = fc.oneof(fc.constantFrom('data', 'Data', 'DATA', 'contents', 'to_md', 'digest', 'Digests', 'docs', 'notes', '2026', '_posts'), fc.stringMatching(/^[a-z0-9_.-]{1,8}$/).filter((s) => s !== '.' && s !== '..'));
		const name = fc.oneof(fc.constantFrom('2026-02-06', '20260206', '2025_06_09_topic', 'x-2019.12.31', 'README', 'latest', '1999-13-40'), fc.stringMatching(/^[a-z0-9_.-]{1,12}$/));
		fc.assert(
			fc.property(fc.array(segment, { maxLength: 3 }), name, (folders, base) => {
				const path = [...folders, `${base}.md`].join('/');
				if (mayBeDigestPath(path)) assert.ok(matchesGlob(path, CANDIDATE_GLOBS), path);
			}),
			{ numRuns: 2000 },
		);
		assert.ok(!matchesGlob('docs/guide/getting-started.md', CANDIDATE_GLOBS), 'an ordinary document is not listed');
	});
});
