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

	it('a day string names that day; nothing (the palette) or another view\'s node no day at all, not the newest', () => {
		assert.deepStrictEqual(ids('2026-02-05'), ['o1']);
		assert.deepStrictEqual(ids(undefined), []);
		assert.deepStrictEqual(ids({ node: 'collection', name: 'x' }), []);
		assert.deepStrictEqual(ids('2026-02-07'), [], 'a day no file is of');
	});

	it("a file's day: every file of that day, or the file alone when it names none", () => {
		const twin = fixtureFile('2026-02-06', ['n3']);
		twin.uri = { toString: () => 'file:///digests/other/2026-02-06.md' };
		const all = [...files, twin];
		const day = reading.dayOfFile(all, files[0].uri.toString());
		assert.deepStrictEqual(day && { label: day.label, files: day.files.map((f) => f.uri.toString()) }, { label: '2026-02-06', files: [files[0].uri.toString(), twin.uri.toString()] });
		assert.deepStrictEqual(reading.dayOfFile(all, files[2].uri.toString())?.files, [files[2]]);
		assert.strictEqual(reading.dayOfFile(all, 'file:///elsewhere/2026-02-06.md'), undefined);
	});

	it('the days to pick from: newest first, one entry per day, then the files without a day', () => {
		const twin = fixtureFile('2026-02-05', ['o2']);
		const choices = reading.dayChoices([files[1], files[2], files[0], twin]);
		assert.deepStrictEqual(choices.map((c) => [c.label, c.files.length]), [['2026-02-06', 1], ['2026-02-05', 2], ['notes', 1]]);
	});

	it('marks what the Papers view shows of the day: a filtered view its matches only', () => {
		assert.deepStrictEqual(reading.idsOfDay(files, dayNode('2026-02-06')), ['n1', 'n2'], 'unfiltered: every paper');
		const filtered = new DigestTreeModel(files.map((f) => ({ key: f.uri.toString(), digest: f.digest })), { ids: new Set(['n2', 'u1']) });
		const shown = (label: string) => filtered.roots().find((d) => d.label.startsWith(label)) as DayNode;
		assert.deepStrictEqual(reading.idsOfDay(files, shown('2026-02-06')), ['n2']);
		assert.deepStrictEqual(reading.idsOfDay(files, shown('notes').categories[0]), ['u1'], "a category node: its day's shown papers");
		assert.deepStrictEqual(reading.idsOfDay(files, '2026-02-06'), ['n1', 'n2'], 'a day string: the files, whatever a view shows');
		assert.deepStrictEqual(reading.idsOfDay(files, undefined), []);
	});
});
