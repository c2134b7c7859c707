/**
 * Open Sample Digests: the bundled samples' folder in a new window where the workbench can open it
 * (the desktop, a remote); where the extension is served over https (vscode.dev, github.dev), whose
 * file system reads files but neither lists nor opens a folder, each sample as a digest editor.
 */
import * as assert from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fakeVscode, withFakeVscode } from './fake-vscode';

type FakeUri = { scheme: string; authority: string; path: string; toString(): string };
const uri = (scheme: string, authority: string, path: string): FakeUri => ({ scheme, authority, path, toString: () => `${scheme}://${authority}${path}` });

describe('Open Sample Digests', () => {
	let actions: typeof import('../../src/features/paperActions');
	withFakeVscode(() => {
		actions = require('../../src/features/paperActions');
	});

	/** what the command asked of the workbench, run from an extension at `extensionUri` */
	async function openSamplesFrom(extensionUri: FakeUri, globalStorageUri?: FakeUri) {
		const fake = fakeVscode;
		const workbench = { commands: [] as unknown[][], opened: [] as string[], languages: [] as [string, string][], shown: [] as [string, { preview?: boolean; preserveFocus?: boolean }][], messages: [] as string[] };
		const saved = {
			executeCommand: fake.commands.executeCommand,
			joinPath: fake.Uri.joinPath,
			openTextDocument: (fake.workspace as Record<string, unknown>).openTextDocument,
			showTextDocument: (fake.window as Record<string, unknown>).showTextDocument,
			showInformationMessage: fake.window.showInformationMessage,
			setTextDocumentLanguage: fake.languages.setTextDocumentLanguage,
		};
		fake.commands.executeCommand = async (...args: unknown[]) => void workbench.commands.push(args);
		(fake.Uri as { joinPath: unknown }).joinPath = (base: FakeUri, ...segments: string[]) => uri(base.scheme, base.authority, [base.path, ...segments].join('/'));
		Object.assign(fake.workspace, {
			openTextDocument: async (at: FakeUri) => (workbench.opened.push(at.toString()), { uri: at, languageId: 'markdown' }),
		});
		(fake.languages as Record<string, unknown>).setTextDocumentLanguage = async (document: { uri: FakeUri }, languageId: string) => (
			workbench.languages.push([document.uri.toString(), languageId]), { ...document, languageId }
		);
		Object.assign(fake.window, {
			showTextDocument: async (document: { uri: FakeUri; languageId: string }, options: { preview?: boolean; preserveFocus?: boolean }) => {
				assert.strictEqual(document.languageId, 'arxiv-digest', 'shown as a digest');
				workbench.shown.push([document.uri.toString(), options]);
			},
			showInformationMessage: async (message: string) => void workbench.messages.push(message),
		});
		try {
			actions.registerPaperActions({ extensionUri, globalStorageUri, subscriptions: [] } as never, {} as never);
			await fakeVscode.commands.registered.get(actions.OPEN_SAMPLES_COMMAND)!();
			return workbench;
		} finally {
			fake.commands.executeCommand = saved.executeCommand;
			(fake.Uri as { joinPath: unknown }).joinPath = saved.joinPath;
			Object.assign(fake.workspace, { openTextDocument: saved.openTextDocument });
			Object.assign(fake.window, { showTextDocument: saved.showTextDocument, showInformationMessage: saved.showInformationMessage });
			fake.languages.setTextDocumentLanguage = saved.setTextDocumentLanguage;
		}
	}

	const marketplace = uri('https', 'arxiv-digest.vscode-unpkg.net', '/publisher/arxiv-digest/1.0.0/extension');

	it('on vscode.dev does not ask the workbench to open an https: folder, which its file system cannot list', async () => {
		const { commands } = await openSamplesFrom(marketplace);
		const folders = commands.filter(([command]) => command === 'vscode.openFolder').map(([, folder]) => String(folder));
		assert.deepStrictEqual(folders, [], `vscode.openFolder ${folders.join(', ')}`);
	});

	it('on vscode.dev opens each sample as a digest editor, the newest active, and says why the Papers view does not list them', async () => {
		const workbench = await openSamplesFrom(marketplace);
		const samples = actions.SAMPLE_DIGESTS.map((name) => `${marketplace.toString()}/media/samples/${name}`);
		assert.deepStrictEqual(workbench.opened, samples);
		assert.deepStrictEqual(workbench.languages, samples.map((s) => [s, 'arxiv-digest']));
		assert.deepStrictEqual(
			workbench.shown.map(([shown, options]) => [shown, options.preview, options.preserveFocus]),
			samples.map((s, i) => [s, false, i < samples.length - 1]),
		);
		assert.strictEqual(workbench.messages.length, 1);
		assert.match(workbench.messages[0], /Papers view does not list them/);
	});

	/** a desktop's file system for `run`: the files by URI text, and the copies asked of it */
	async function desktopFs(files: Map<string, string>, run: () => Promise<void>): Promise<string[]> {
		const fs = fakeVscode.workspace.fs as unknown as Record<string, unknown>;
		const saved = { stat: fs.stat, copy: fs.copy, createDirectory: fs.createDirectory };
		const copies: string[] = [];
		fs.stat = async (at: FakeUri) => {
			if (!files.has(at.toString())) throw new Error(`no file ${at.toString()}`);
			return { type: fakeVscode.FileType.File, size: 1, mtime: 1, ctime: 1 };
		};
		fs.copy = async (from: FakeUri, to: FakeUri, options: { overwrite?: boolean }) => {
			assert.strictEqual(options.overwrite, false, 'never overwrites');
			if (!files.has(from.toString())) throw new Error(`no file ${from.toString()}`);
			if (files.has(to.toString())) throw new Error(`exists ${to.toString()}`);
			files.set(to.toString(), files.get(from.toString())!);
			copies.push(to.toString());
		};
		fs.createDirectory = async () => undefined;
		try {
			await run();
			return copies;
		} finally {
			Object.assign(fs, saved);
		}
	}

	it('on the desktop opens a copy of the samples\' folder in the global storage in a new window (not the install directory, named by the version), copied once, never overwritten', async () => {
		const desktop = uri('file', '', '/home/u/.vscode/extensions/arxiv-digest-0.2.0');
		const storage = uri('file', '', '/home/u/.config/Code/User/globalStorage/arxiv-digest');
		const files = new Map(['2026-02-06.md', '2026-02-24.md', '.vscode/settings.json'].map((name) => [`${desktop.toString()}/media/samples/${name}`, `bundled ${name}`]));
		const copy = `${storage.toString()}/sample-digests`;
		let workbench: Awaited<ReturnType<typeof openSamplesFrom>> | undefined;
		const copies = await desktopFs(files, async () => {
			workbench = await openSamplesFrom(desktop, storage);
		});
		assert.deepStrictEqual(copies.sort(), [`${copy}/.vscode/settings.json`, `${copy}/2026-02-06.md`, `${copy}/2026-02-24.md`]);
		assert.deepStrictEqual(
			workbench!.commands.map(([command, folder, options]) => [command, String(folder), options]),
			[['vscode.openFolder', copy, { forceNewWindow: true }]],
		);
		assert.deepStrictEqual(workbench!.opened, []);
		// the reader's edits of the copy stay; a file deleted there comes back
		files.set(`${copy}/2026-02-06.md`, 'edited');
		files.delete(`${copy}/2026-02-24.md`);
		const again = await desktopFs(files, async () => {
			workbench = await openSamplesFrom(desktop, storage);
		});
		assert.deepStrictEqual(again, [`${copy}/2026-02-24.md`]);
		assert.strictEqual(files.get(`${copy}/2026-02-06.md`), 'edited');
		assert.strictEqual(String(workbench!.commands[0][1]), copy);
	});

	it('on the desktop opens the bundled folder when the copy cannot be made, and in a remote window', async () => {
		const desktop = uri('file', '', '/home/u/.vscode/extensions/arxiv-digest-0.2.0');
		const storage = uri('file', '', '/home/u/.config/Code/User/globalStorage/arxiv-digest');
		const bundled = `${desktop.toString()}/media/samples`;
		let workbench: Awaited<ReturnType<typeof openSamplesFrom>> | undefined;
		// no bundled files to copy from: the copy fails
		await desktopFs(new Map(), async () => {
			workbench = await openSamplesFrom(desktop, storage);
		});
		assert.deepStrictEqual(workbench!.commands.map(([command, folder]) => [command, String(folder)]), [['vscode.openFolder', bundled]]);
		const remote = uri('vscode-remote', 'ssh-remote+box', '/home/u/.vscode-server/extensions/arxiv-digest-0.2.0');
		fakeVscode.env.remoteName = 'ssh-remote';
		try {
			const copies = await desktopFs(new Map(), async () => {
				workbench = await openSamplesFrom(remote, storage);
			});
			assert.deepStrictEqual(copies, []);
			assert.deepStrictEqual(workbench!.commands.map(([command, folder]) => [command, String(folder)]), [['vscode.openFolder', `${remote.toString()}/media/samples`]]);
		} finally {
			fakeVscode.env.remoteName = undefined;
		}
	});

	it('names every bundled sample digest (an https folder cannot be listed)', () => {
		const bundled = readdirSync(join(__dirname, '../../media/samples')).filter((name) => name.endsWith('.md'));
		assert.deepStrictEqual([...actions.SAMPLE_DIGESTS].sort(), bundled.sort());
	});
});
