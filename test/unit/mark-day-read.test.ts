import * as assert from 'node:assert';
import { withFakeVscode } from './fake-vscode';
import { fixtureFile, type FakeFile } from './fake-workspace';
import { summarizeDigest } from '../../src/core/summary';
import { DigestTreeModel, type DayNode } from '../../src/core/tree';
import { smallDigest } from '../fixtures/small-digest';

/** a digest of the small fixture's first papers, under `ids`, in a file that names no day */
function undatedFile(name: string, ids: readonly string[]): FakeFile {
	const digest = smallDigest();
	const uri = `file:///digests/${name}.md`;
	const papers = ids.map((id, i) => ({ ...digest.papers[i], id }));
	return { uri: { toString: () => uri }, digest: summarizeDigest({ ...digest, day: undefined, label: name, papers, categories: [] }) };
}

describe('Mark Day as Read: which files', () => {
	let reading: typeof import('../../src/features/reading');
	withFakeVscode(() => (reading = require('../../src/features/reading')));

	const files = [fixtureFile('2026-02-06', ['n1', 'n2']), fixtureFile('2026-02-05', ['o1']), undatedFile('notes', ['u1', 'u2'])];
	const model = new DigestTreeModel(files.map((f) => ({ key: f.uri.toString(), digest: f.digest })));
	const ids = (arg: unknown) => reading.filesOfDay(files, arg).flatMap((f) => f.digest.papers.map((p) => p.id));
	const dayNode = (label: string) => model.roots().find((d) => d.label.startsWith(label)) as DayNode;

	it("a day node's own files: the undated file's node marks that file, not the newest day", () => {
		assert.deepStrictEqual(ids(dayNode('notes')), ['u1', 'u2']);
		assert.deepStrictEqual(ids(dayNode('notes').categories[0]), ['u1', 'u2'], 'its category too');
		assert.deepStrictEqual(ids(dayNode('2026-02-05')), ['o1']);
	});

	it('a day string names that day; nothing (the palette) or another view\'s node the newest day', () => {
		assert.deepStrictEqual(ids('2026-02-05'), ['o1']);
		assert.deepStrictEqual(ids(undefined), ['n1', 'n2']);
		assert.deepStrictEqual(ids({ node: 'collection', name: 'x' }), ['n1', 'n2']);
		assert.deepStrictEqual(reading.filesOfDay([files[2]], undefined), [], 'no dated file: nothing');
	});

	it('marks what the Papers view shows of the day: a filtered view its matches only', () => {
		assert.deepStrictEqual(reading.idsOfDay(files, dayNode('2026-02-06')), ['n1', 'n2'], 'unfiltered: every paper');
		const filtered = new DigestTreeModel(files.map((f) => ({ key: f.uri.toString(), digest: f.digest })), { ids: new Set(['n2', 'u1']) });
		const shown = (label: string) => filtered.roots().find((d) => d.label.startsWith(label)) as DayNode;
		assert.deepStrictEqual(reading.idsOfDay(files, shown('2026-02-06')), ['n2']);
		assert.deepStrictEqual(reading.idsOfDay(files, shown('notes').categories[0]), ['u1'], "a category node: its day's shown papers");
		assert.deepStrictEqual(reading.idsOfDay(files, '2026-02-06'), ['n1', 'n2'], 'a day string: the files, whatever a view shows');
		assert.deepStrictEqual(reading.idsOfDay(files, undefined), ['n1', 'n2']);
	});
});
