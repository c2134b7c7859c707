import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';

describe('an export ends with its file a click away (Open File; Reveal in Explorer View in the workspace; the reveal in the OS where there is one)', () => {
	let written: typeof import('../../src/features/export/written');
	withFakeVscode(() => (written = require('../../src/features/export/written')));

	const saved = { window: { ...fakeVscode.window }, commands: { ...fakeVscode.commands }, env: { ...fakeVscode.env } };
	let shown: { severity: string; message: string; buttons: unknown[] }[];
	let ran: unknown[][];
	let answer: (buttons: unknown[]) => unknown;
	const file = { scheme: 'file', path: '/home/reader/papers.bib', fsPath: '/home/reader/papers.bib', toString: () => 'file:///home/reader/papers.bib' };
	/** a file in the workspace's folder `digests` (see fakeVscode.workspace) */
	const inWorkspace = { scheme: 'file', path: '/home/reader/digests/exports/papers-2026-06-15.md', fsPath: '/home/reader/digests/exports/papers-2026-06-15.md', toString: () => 'file:///home/reader/digests/exports/papers-2026-06-15.md' };

	beforeEach(() => {
		shown = [];
		ran = [];
		answer = () => undefined;
		fakeVscode.window.showInformationMessage = async (message: unknown, ...buttons: unknown[]) => {
			shown.push({ severity: 'info', message: String(message), buttons });
			return answer(buttons);
		};
		fakeVscode.window.showWarningMessage = (async (message: unknown, ...buttons: unknown[]) => {
			shown.push({ severity: 'warning', message: String(message), buttons });
			return answer(buttons);
		}) as never;
		fakeVscode.commands.executeCommand = async (...args: unknown[]) => void ran.push(args);
		Object.assign(fakeVscode.env, { uiKind: fakeVscode.UIKind.Desktop, remoteName: undefined });
	});
	after(() => {
		Object.assign(fakeVscode.window, saved.window);
		Object.assign(fakeVscode.commands, saved.commands);
		Object.assign(fakeVscode.env, saved.env);
	});

	it('Open File opens the written file in an editor', async () => {
		answer = (buttons) => buttons[0];
		await written.showWrittenFile('Exported 3 papers to papers.bib', file as never);
		assert.strictEqual(shown.length, 1);
		assert.strictEqual(shown[0].message, 'Exported 3 papers to papers.bib');
		assert.strictEqual(shown[0].buttons[0], 'Open File');
		assert.deepStrictEqual(ran, [['vscode.open', file]]);
	});

	it("the reveal runs the workbench's revealFileInOS, named as the platform names it", async () => {
		answer = (buttons) => buttons[1];
		await written.showWrittenFile('Exported', file as never, 'warning');
		assert.strictEqual(shown[0].severity, 'warning', 'a warning stays a warning (papers left out)');
		assert.deepStrictEqual(ran, [['revealFileInOS', file]]);
		assert.strictEqual(written.revealLabel(file as never, 'darwin'), 'Reveal in Finder');
		assert.strictEqual(written.revealLabel(file as never, 'win32'), 'Reveal in File Explorer');
		assert.strictEqual(written.revealLabel(file as never, 'linux'), 'Open Containing Folder');
	});

	it('offers no reveal in a browser, in a remote window, for a file not on disk or in the web build; dismissed, it runs nothing', async () => {
		fakeVscode.env.uiKind = fakeVscode.UIKind.Web;
		assert.strictEqual(written.revealLabel(file as never, 'linux'), undefined, 'a browser');
		await written.showWrittenFile('Exported', file as never);
		assert.deepStrictEqual(shown[0].buttons, ['Open File']);
		assert.deepStrictEqual(ran, [], 'dismissed');
		fakeVscode.env.uiKind = fakeVscode.UIKind.Desktop;
		fakeVscode.env.remoteName = 'ssh-remote';
		assert.strictEqual(written.revealLabel(file as never, 'linux'), undefined, 'a remote window');
		fakeVscode.env.remoteName = undefined;
		assert.strictEqual(written.revealLabel({ ...file, scheme: 'vscode-vfs' } as never, 'linux'), undefined, 'a virtual file system');
		assert.strictEqual(written.revealLabel(file as never, undefined), undefined, 'the web build (no platform)');
	});

	it('names the file by its path: from the workspace folder, with the folder\'s name, or in full outside it', () => {
		assert.strictEqual(written.writtenFileName(inWorkspace as never), 'digests/exports/papers-2026-06-15.md');
		assert.strictEqual(written.writtenFileName(file as never), '/home/reader/papers.bib');
		const remote = { scheme: 'vscode-vfs', path: '/github/me/papers.bib', toString: (skipEncoding?: boolean) => (skipEncoding ? 'vscode-vfs://github/me/papers.bib' : 'vscode-vfs://github/me/papers.bib') };
		assert.strictEqual(written.writtenFileName(remote as never), 'vscode-vfs://github/me/papers.bib', 'no path of this machine: its URI');
	});

	it('offers Reveal in Explorer View for a file in the workspace, in a browser too, and runs revealInExplorer', async () => {
		fakeVscode.env.uiKind = fakeVscode.UIKind.Web;
		answer = (buttons) => buttons[1];
		await written.showWrittenFile('Exported 3 papers to digests/exports/papers-2026-06-15.md', inWorkspace as never);
		assert.deepStrictEqual(shown[0].buttons, ['Open File', 'Reveal in Explorer View']);
		assert.deepStrictEqual(ran, [['revealInExplorer', inWorkspace]]);
		assert.deepStrictEqual(written.lastWrittenMessage()?.buttons, ['Open File', 'Reveal in Explorer View']);
		fakeVscode.env.uiKind = fakeVscode.UIKind.Desktop;
		await written.showWrittenFile('Exported', file as never);
		assert.ok(!shown[1].buttons.includes('Reveal in Explorer View'), 'a file outside the workspace is not in the Explorer');
	});
});
