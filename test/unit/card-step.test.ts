import * as assert from 'node:assert';
import { DigestTreeModel } from '../../src/core/tree';
import { adjacentDigest, adjacentNames, newestFirst, stepIndex } from '../../src/features/cards/step';
import type { DigestFile } from '../../src/features/workspace/types';

function file(uri: string, day: string | undefined, ids: string[]): DigestFile {
	const digest = { path: uri, day, label: day ?? uri.replace(/^.*\/|\.md$/g, ''), categories: [], papers: ids.map((id) => ({ id, isArxiv: true, title: id, authors: [], section: 'cs.AI', range: { start: 0, end: 0 }, headingLine: 0 })) };
	return { uri: { toString: () => uri, path: uri.replace(/^file:\/\//, '') }, digest } as unknown as DigestFile;
}

describe('card Previous / Next: stepIndex', () => {
	const papers = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

	it('moves from the paper, found at its index or by id', () => {
		assert.strictEqual(stepIndex(papers, { id: 'b', index: 1 }, 1), 2);
		assert.strictEqual(stepIndex(papers, { id: 'b', index: 3 }, -1), 0, 'a stale index: found by id');
		assert.strictEqual(stepIndex(papers, { id: 'd' }, 1), undefined, 'past the last paper');
		assert.strictEqual(stepIndex(papers, { id: 'a' }, -1), undefined, 'before the first');
	});

	it('a paper an edit removed: Next shows the paper now in its place, Previous the one before', () => {
		// 'x' was at index 2, between b and c
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 2 }, 1), 2);
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 2 }, -1), 1);
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 4 }, 1), undefined, 'it was the last: no next');
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 4 }, -1), 3);
		assert.strictEqual(stepIndex(papers, { id: 'x', index: 9 }, -1), undefined, 'a place the file no longer has');
		assert.strictEqual(stepIndex(papers, { id: 'x' }, 1), undefined, 'no place known');
	});
});

describe('card Previous / Next past the ends of a digest: adjacentDigest', () => {
	// in any order; the Papers view lists them newest first, undated ones last
	const files = [
		file('file:///05.md', '2026-02-05', ['e1']),
		file('file:///notes.md', undefined, ['n1']),
		file('file:///07.md', '2026-02-07', ['g1', 'g2']),
		file('file:///06.md', '2026-02-06', []),
		file('file:///04.md', '2026-02-04', ['d1']),
	];
	const uriOf = (f: DigestFile | undefined) => f?.uri.toString();

	it('Next goes on to the older day below it, Previous to the newer one above, skipping a day without papers', () => {
		assert.strictEqual(uriOf(adjacentDigest(files, 'file:///07.md', 1)), 'file:///05.md');
		assert.strictEqual(uriOf(adjacentDigest(files, 'file:///05.md', -1)), 'file:///07.md');
		assert.strictEqual(uriOf(adjacentDigest(files, 'file:///05.md', 1)), 'file:///04.md');
		assert.strictEqual(uriOf(adjacentDigest(files, 'file:///04.md', 1)), 'file:///notes.md', 'then the undated files');
	});

	it('walks the files as the Papers view lists them: undated ones by label, `notes9` before `notes10`', () => {
		const undated = [file('file:///notes10.md', undefined, ['t1']), file('file:///notes9.md', undefined, ['n1']), file('file:///01.md', '2026-02-01', ['a1'])];
		const labels = (fs: readonly DigestFile[]) => fs.map((f) => f.uri.toString());
		assert.deepStrictEqual(labels(newestFirst(undated)), ['file:///01.md', 'file:///notes9.md', 'file:///notes10.md']);
		assert.strictEqual(uriOf(adjacentDigest(undated, 'file:///notes9.md', 1)), 'file:///notes10.md');
		const model = new DigestTreeModel(undated.map((f) => ({ key: f.uri.toString(), digest: f.digest })));
		assert.deepStrictEqual(model.roots().map((d) => d.keys[0]), labels(newestFirst(undated)), 'the tree\'s own order');
	});

	it('ends at the newest and the last file, and knows no file it was not given', () => {
		assert.strictEqual(adjacentDigest(files, 'file:///07.md', -1), undefined);
		assert.strictEqual(adjacentDigest(files, 'file:///notes.md', 1), undefined);
		assert.strictEqual(adjacentDigest(files, 'file:///gone.md', 1), undefined);
	});
});

describe('card Previous / Next: the names of the digests they go on to', () => {
	it('a day by its label, another file of the same day by its name', () => {
		const files = [
			file('file:///d/2026-01-07.md', '2026-01-07', ['a']),
			file('file:///d/2026-01-06.md', '2026-01-06', ['b']),
			file('file:///d/2026-01-06_cs.md', '2026-01-06', ['c']),
			file('file:///d/2026-01-05.md', '2026-01-05', ['d']),
		];
		const [newest, first, second, oldest] = files;
		assert.deepStrictEqual(adjacentNames(files, first), { previousDigest: '2026-01-07', nextDigest: '2026-01-06_cs.md' });
		assert.deepStrictEqual(adjacentNames(files, second), { previousDigest: '2026-01-06.md', nextDigest: '2026-01-05' });
		assert.deepStrictEqual(adjacentNames(files, newest), { previousDigest: undefined, nextDigest: '2026-01-06' });
		assert.deepStrictEqual(adjacentNames(files, oldest), { previousDigest: '2026-01-06', nextDigest: undefined }, 'another day: its label');
		// the same day in another fork's clone (a multi-root workspace): as much of its path as tells them apart
		const forkA = file('file:///ws/forkA/data/2026-01-06.md', '2026-01-06', ['b']);
		const forkB = file('file:///ws/forkB/data/2026-01-06.md', '2026-01-06', ['b']);
		assert.deepStrictEqual(adjacentNames([forkA, forkB], forkA), { previousDigest: undefined, nextDigest: 'forkB/data/2026-01-06.md' });
	});
});
