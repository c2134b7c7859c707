import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fakeVscode, withFakeVscode } from './fake-vscode';

/** Where an export's save dialog proposes its file: the last export's folder, else Downloads or home; never the digest folder. */
describe("an export's save dialog (exportSaveUri)", () => {
	let saveFolder: typeof import('../../src/features/export/saveFolder');
	withFakeVscode(() => (saveFolder = require('../../src/features/export/saveFolder')));

	type FakeUri = { scheme: string; path: string; toString(): string };
	const file = (path: string): FakeUri => ({ scheme: 'file', path, toString: () => `file://${path}` });
	let home: string;
	let saved: { home: string | undefined; Uri: unknown; workspace: unknown };
	const state = new Map<string, unknown>();
	const memento = { get: (key: string) => state.get(key), update: async (key: string, value: unknown) => void state.set(key, value) };

	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'export-home-'));
		state.clear();
		const fake = fakeVscode as unknown as Record<string, unknown>;
		saved = { home: process.env.HOME, Uri: fake.Uri, workspace: fake.workspace };
		process.env.HOME = home;
		fake.Uri = { file, joinPath: (uri: FakeUri, ...parts: string[]) => file(posix.join(uri.path, ...parts)), parse: (text: string) => file(text.replace(/^file:\/\//, '')) };
		fake.workspace = {
			...(saved.workspace as object),
			workspaceFolders: [{ uri: file(join(home, 'digests')) }],
			fs: {
				stat: async (uri: FakeUri) => ({ type: statSync(uri.path).isDirectory() ? 2 : 1 }),
			},
		};
	});
	afterEach(() => {
		const fake = fakeVscode as unknown as Record<string, unknown>;
		process.env.HOME = saved.home;
		Object.assign(fake, { Uri: saved.Uri, workspace: saved.workspace });
		rmSync(home, { recursive: true, force: true });
	});
	const proposed = async (name: string) => (await saveFolder.exportSaveUri(memento as never, name))?.path;

	it('proposes Downloads, else the home folder, never the digest folder', async () => {
		assert.strictEqual(await proposed('Starred.bib'), join(home, 'Starred.bib'), 'no Downloads folder: home');
		mkdirSync(join(home, 'Downloads'));
		assert.strictEqual(await proposed('Starred.bib'), join(home, 'Downloads', 'Starred.bib'));
	});

	it("proposes the folder of the reader's last export while it is there", async () => {
		mkdirSync(join(home, 'Downloads'));
		mkdirSync(join(home, 'papers'));
		await saveFolder.rememberExportFolder(memento as never, file(join(home, 'papers', 'Starred.bib')) as never);
		assert.strictEqual(await proposed('2026-06-05.md'), join(home, 'papers', '2026-06-05.md'));
		rmSync(join(home, 'papers'), { recursive: true });
		assert.strictEqual(await proposed('2026-06-05.md'), join(home, 'Downloads', '2026-06-05.md'), 'the folder is gone: Downloads');
	});
});
