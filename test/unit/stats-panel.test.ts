/** The Statistics tab restored after a window reload: its title in the reader's language of now. */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { fakeVscode, withFakeVscode } from './fake-vscode';

const noEvent = () => ({ dispose() {} });
const context = { extensionUri: { path: '/ext', toString: () => '/ext' } };

/** The fake editor's language set to Chinese, with its bundle; the bundle returned. */
function inChinese(): Record<string, string> {
	const zh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
	Object.assign(fakeVscode, {
		l10n: { t: (text: string, ...args: unknown[]) => (zh[text] ?? text).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) },
		env: { language: 'zh-cn' },
	});
	return zh;
}

describe('the Statistics view restored after a reload', () => {
	let stats: typeof import('../../src/features/stats');
	let serializer: { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> } | undefined;
	const saved = { l10n: fakeVscode.l10n, env: fakeVscode.env };
	withFakeVscode(() => {
		Object.assign(fakeVscode.window, {
			registerWebviewPanelSerializer: (_type: string, registered: typeof serializer) => {
				serializer = registered;
				return { dispose() {} };
			},
		});
		Object.assign(fakeVscode.Uri, { joinPath: (base: { path: string }, ...segments: string[]) => ({ path: [base.path, ...segments].join('/'), toString: () => [base.path, ...segments].join('/') }) });
		stats = require('../../src/features/stats');
	});
	after(() => Object.assign(fakeVscode, saved));

	it('takes the localised title, not the one it was saved with', async () => {
		const zh = inChinese();
		const workspace = { onDidChange: noEvent };
		const reading = { onDidChange: noEvent };
		const disposable = stats.registerStatistics(context as never, workspace as never, reading as never);
		try {
			const panel = {
				title: 'arXiv Digest Statistics',
				webview: { options: {}, html: '', cspSource: 'vscode-webview:', asWebviewUri: (u: unknown) => u, onDidReceiveMessage: noEvent, postMessage: async () => true },
				onDidDispose: noEvent,
				reveal() {},
				dispose() {},
			};
			assert.ok(serializer, 'a serializer is registered');
			await serializer.deserializeWebviewPanel(panel, undefined);
			assert.strictEqual(panel.title, zh['arXiv Digest Statistics']);
			assert.ok(panel.webview.html.includes('arXiv Digest 统计'), 'the document\'s title too');
		} finally {
			disposable.dispose();
		}
	});

	it('gives the webview, in the reader\'s language, what the range\'s parts say while they are counted', async () => {
		const zh = inChinese();
		// a workspace still scanning: the view's figures wait, its words do not
		const workspace = { onDidChange: noEvent, ready: new Promise(() => undefined) };
		const reading = { onDidChange: noEvent };
		const disposable = stats.registerStatistics(context as never, workspace as never, reading as never);
		try {
			const posted: { type: string; strings?: Record<string, string> }[] = [];
			let receive: ((message: unknown) => void) | undefined;
			const panel = {
				title: '',
				webview: {
					options: {},
					html: '',
					cspSource: 'vscode-webview:',
					asWebviewUri: (u: unknown) => u,
					onDidReceiveMessage: (listener: (message: unknown) => void) => ((receive = listener), { dispose() {} }),
					postMessage: async (message: (typeof posted)[number]) => (posted.push(message), true),
				},
				onDidDispose: noEvent,
				reveal() {},
				dispose() {},
			};
			await serializer!.deserializeWebviewPanel(panel, undefined);
			receive!({ type: 'ready', state: {} });
			const words = posted.find((m) => m.type === 'strings')?.strings;
			assert.ok(words, `the words are posted: ${JSON.stringify(posted)}`);
			assert.deepStrictEqual([words.countingTerms, words.countingAuthors, words.countingRising], [
				zh["Counting the range's terms…"],
				zh["Counting the range's authors…"],
				zh['Comparing the range with the days before it…'],
			]);
			assert.ok(words.countingTerms.startsWith('正在'), words.countingTerms);
		} finally {
			disposable.dispose();
		}
	});
});
