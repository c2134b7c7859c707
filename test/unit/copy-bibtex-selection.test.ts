import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { fixtureFile } from './fake-workspace';
import { keptPaper } from '../../src/core/library/kept';
import { smallDigest } from '../fixtures/small-digest';

/** Copy as BibTeX for several selected papers, some (or all) no longer listed in a digest. */
describe('Copy as BibTeX of a selection', () => {
	let exportFeature: typeof import('../../src/features/export');
	withFakeVscode(() => (exportFeature = require('../../src/features/export')));

	const file = fixtureFile('2026-02-06', ['2602.00001', '2602.00002']);
	const workspace = {
		files: () => [file],
		findPaper: (id: string) => file.digest.papers.flatMap((paper, index) => (paper.id === id ? [{ file, paper, index }] : [])),
		resolve: (ref: { id: string }) => workspace.findPaper(ref.id)[0],
		get: () => undefined,
		backend: async () => undefined,
		loadPaper: async (location: { paper: unknown }) => ({ paper: location.paper, day: '2026-02-06' }),
	};
	// a paper no digest lists any more, as the library kept it
	const kept = keptPaper({ ...smallDigest().papers[0], id: '2401.77777', isArxiv: true, link: 'https://arxiv.org/abs/2401.77777', title: 'A Kept Paper on Robots' }, ['2024-01-20']);
	const starred = ['2602.00001', '2401.77777', '2401.99999', '2602.00002'];
	const sources = {
		note: (id: string) => (id === '2401.77777' ? 'my note' : undefined),
		tags: () => [],
		collections: () => [],
		kept: (id: string) => (id === kept.id ? kept : undefined),
		collectionIds: (name: string) => (name === 'Starred' ? starred : name === 'Gone' ? ['2401.77777'] : undefined),
		collectionNames: () => ['Starred', 'Gone'],
		lastQuery: () => undefined,
		queryIds: async () => ({ ids: [] }),
		filtered: () => undefined,
	};

	/** runs the command over `selection` (Collections view nodes); what the reader is told and what the clipboard holds */
	async function copy(selection: { node: string; collection: string; id: string; ref: { id: string } }[]) {
		return run('arxivDigest.copyBibtexSelection', selection[0], selection);
	}

	async function run(command: string, ...args: unknown[]) {
		const fake = fakeVscode as unknown as Record<string, Record<string, unknown>>;
		const saved = { commands: fake.commands, window: fake.window, env: fake.env, workspace: fake.workspace };
		const handlers = new Map<string, (...args: unknown[]) => Promise<void>>();
		const told: string[] = [];
		let clipboard: string | undefined;
		fake.commands = { ...saved.commands, registerCommand: (id: string, run: (...args: unknown[]) => Promise<void>) => (handlers.set(id, run), { dispose() {} }) };
		fake.window = {
			...saved.window,
			showWarningMessage: async (m: string) => void told.push(`warning: ${m}`),
			showInformationMessage: async (m: string) => void told.push(`info: ${m}`),
			setStatusBarMessage: (m: string) => void told.push(`status: ${m}`),
			withProgress: (_options: unknown, task: () => Promise<unknown>) => task(),
			showQuickPick: async (_items: unknown, options: { title: string }) => void told.push(`pick: ${options.title}`),
		};
		fake.env = { ...saved.env, clipboard: { writeText: async (t: string) => void (clipboard = t) } };
		fake.workspace = { ...saved.workspace, textDocuments: [] };
		try {
			exportFeature.registerExport(workspace as never, sources, { get: () => undefined, update: async () => undefined } as never);
			await handlers.get(command)?.(...args);
		} finally {
			Object.assign(fake, saved);
		}
		return { told, clipboard };
	}
	const node = (id: string) => ({ node: 'collectionPaper', collection: 'starred', id, ref: { id } });

	it('copies the papers listed and names the ones left out', async () => {
		const { told, clipboard } = await copy([node('2602.00001'), node('2401.99999'), node('2602.00002')]);
		assert.strictEqual(clipboard?.match(/^@/gm)?.length, 2, clipboard);
		assert.deepStrictEqual(told, ["warning: Copied BibTeX of 2 papers; 1 not in this workspace's digests were left out: 2401.99999"]);
	});

	it('says so when none of them is listed, instead of doing nothing', async () => {
		const { told, clipboard } = await copy([node('2401.99998'), node('2401.99999')]);
		assert.strictEqual(clipboard, undefined);
		assert.deepStrictEqual(told, ["warning: No BibTeX copied: 2 not in this workspace's digests: 2401.99998, 2401.99999"]);
	});

	it('all listed: the status bar says how many', async () => {
		const { told } = await copy([node('2602.00001'), node('2602.00002')]);
		assert.deepStrictEqual(told, ['status: $(check) Copied BibTeX of 2 papers']);
	});

	it('a paper no digest lists any more is copied as the library kept it', async () => {
		const { told, clipboard } = await copy([node('2602.00001'), node('2401.77777'), node('2401.99999')]);
		assert.strictEqual(clipboard?.match(/^@/gm)?.length, 2, clipboard);
		assert.match(clipboard ?? '', /title +=.*A Kept Paper on Robots/);
		assert.match(clipboard ?? '', /eprint +=\s*\{2401\.77777\}/);
		assert.deepStrictEqual(told, ["warning: Copied BibTeX of 2 papers; 1 not in this workspace's digests were left out: 2401.99999"]);
	});

	it('Export Collection takes a kept paper, in the collection\'s order, with its note', async () => {
		const uri = { scheme: 'file', path: '/out/starred.md', toString: () => 'file:/out/starred.md' };
		fakeVscode.workspace.fs.files.clear();
		const { told } = await run('arxivDigest.exportCollection', 'Starred', { format: 'markdown', uri });
		const text = new TextDecoder().decode(fakeVscode.workspace.fs.files.get('file:/out/starred.md'));
		const order = ['2602.00001', '2401.77777', '2602.00002'].map((id) => text.indexOf(id));
		assert.ok(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])), `${order.join(', ')}\n${text}`);
		assert.ok(text.includes('A Kept Paper on Robots') && text.includes('my note'));
		assert.ok(!text.includes('2401.99999'));
		assert.strictEqual(told.length, 1);
		assert.match(told[0], /^warning: Exported 3 papers to .*; 1 not in this workspace's digests were left out: 2401\.99999/);
	});

	it('a collection of kept papers only: the format pick counts them (it said "Export 0 papers")', async () => {
		const { told } = await run('arxivDigest.exportCollection', 'Gone');
		assert.deepStrictEqual(told, ['pick: Export 1 paper of the collection “Gone” as…']);
	});
});
