/**
 * A multi-root workspace of two forks' clones that list the same day, many of the same papers in both
 * (`forkA/data/2026-02-06.md`, `forkB/data/2026-02-06.md`).
 */
import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { FakeClock } from './fake-clock';
import { fakeWorkspace, fixtureFile, type FakeFile } from './fake-workspace';
import { DigestTreeModel } from '../../src/core/tree';

const IDS = ['2602.00001', '2602.00002', '2602.00003'];

/** the small fixture's papers as `<folder>/data/<day>.md` lists them */
function inFolder(folder: string, day: string, ids = IDS): FakeFile {
	const file = fixtureFile(day, ids);
	const uri = `file:///ws/${folder}/data/${day}.md`;
	return { ...file, uri: { toString: () => uri } };
}

describe('multi-root: the same day in two folders', () => {
	let provider: typeof import('../../src/features/tree/provider');
	const saved = { workspace: fakeVscode.workspace, Uri: fakeVscode.Uri };
	withFakeVscode(() => (provider = require('../../src/features/tree/provider')));
	before(() => {
		const folders = ['forkA', 'forkB'].map((name, index) => ({ name, index, uri: { path: `/ws/${name}` } }));
		Object.assign(fakeVscode, {
			Uri: { ...saved.Uri, parse: (text: string) => ({ scheme: 'file', path: text.replace(/^file:\/\//, ''), toString: () => text }) },
			workspace: { ...saved.workspace, workspaceFolders: folders, getWorkspaceFolder: (uri: { path: string }) => folders.find((f) => uri.path.startsWith(`${f.uri.path}/`)) },
		});
	});
	after(() => Object.assign(fakeVscode, saved));

	it('the newest day counts each paper once for the badge', () => {
		const files = [inFolder('forkA', '2026-02-06'), inFolder('forkB', '2026-02-06')];
		const model = new DigestTreeModel(files.map((f) => ({ key: f.uri.toString(), digest: f.digest })));
		assert.deepStrictEqual(model.newestDay(), { day: '2026-02-06', ids: IDS });
	});

	it("a paper's rows say which folder each is from", () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(inFolder('forkA', '2026-02-06'));
		workspace.put(inFolder('forkB', '2026-02-06'));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock());
		try {
			const [day] = tree.getChildren() as never[];
			const rows = (tree.getChildren(day) as never[]).flatMap((category) => (tree.getChildren(category) as never[]).map((paper) => String((tree.getTreeItem(paper) as { description?: unknown }).description)));
			assert.strictEqual(rows.length, 6);
			assert.strictEqual(new Set(rows).size, 6, rows.join('\n'));
			assert.ok(rows.every((row) => / · fork[AB]$/.test(row)), rows.join('\n'));
			// a day of one folder's files says nothing of folders
			const single = fakeWorkspace('idle');
			single.put(inFolder('forkA', '2026-02-07'));
			const other = new provider.DigestTreeProvider(single.ws as never, undefined, new FakeClock());
			const [only] = other.getChildren() as never[];
			const [category] = other.getChildren(only) as never[];
			const [paper] = other.getChildren(category) as never[];
			assert.doesNotMatch(String((other.getTreeItem(paper) as { description?: unknown }).description), /fork/);
			other.dispose();
		} finally {
			tree.dispose();
		}
	});
});
