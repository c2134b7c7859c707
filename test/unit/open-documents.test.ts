import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeVscode, withFakeVscode } from './fake-vscode';

const SEED = readFileSync(join('test/fixtures/seeds', '000_e68cbdc0f6d19b20.txt'), 'utf8');

/** An open document as the extension host hands it out: one object per open, its language changeable. */
function openDocument(path: string, text: string, languageId = 'markdown') {
	const lines = text.split('\n');
	return {
		uri: { scheme: 'file', path, fsPath: path, toString: () => `file://${path}` },
		version: 1,
		isClosed: false,
		isDirty: false,
		languageId,
		lineCount: lines.length,
		getText: () => text,
		lineAt: (n: number) => ({ text: lines[n] }),
		offsetAt: () => text.length,
	};
}

describe('open digest documents: parsed once per version, a change of language included', () => {
	let documents: typeof import('../../src/features/workspace/documents');
	const closing = new fakeVscode.EventEmitter<unknown>();
	const fake = fakeVscode as unknown as Record<string, unknown> & { workspace: Record<string, unknown> };
	withFakeVscode(() => {
		fake.workspace.onDidCloseTextDocument = closing.event;
		fake.Position = class {
			constructor(
				readonly line: number,
				readonly character: number,
			) {}
		};
		documents = require('../../src/features/workspace/documents');
	});

	/** what VS Code's extension host does on a language change: the same object "closed", its language set, "opened" */
	function changeLanguage(document: ReturnType<typeof openDocument>, languageId: string) {
		closing.fire(document);
		document.languageId = languageId;
	}

	function close(document: ReturnType<typeof openDocument>) {
		document.isClosed = true;
		closing.fire(document);
	}

	it('a digest opened as Markdown and switched to the digest language keeps the view and digest parsed before the switch', async () => {
		const open = new documents.OpenDocuments(async () => undefined);
		const document = openDocument('/d/data/2026-02-06.md', SEED);
		const doc = document as never;
		const view = await open.view(doc);
		const digest = open.parse(doc);
		assert.ok(view && view.papers.length > 0, 'the seed has papers');
		changeLanguage(document, 'arxiv-digest');
		assert.strictEqual(await open.view(doc), view, 'the same view, not parsed again');
		assert.strictEqual(open.parse(doc), digest, 'the same digest, not parsed again');
		open.dispose();
	});

	it('a real close drops them: the file opened again (a new document, version 1 again) is parsed from its new text', async () => {
		const open = new documents.OpenDocuments(async () => undefined);
		const path = '/d/data/2026-02-06.md';
		const first = openDocument(path, SEED, 'arxiv-digest');
		const before = await open.view(first as never);
		close(first);
		// changed on disk while closed: one paper fewer
		const shorter = SEED.slice(0, SEED.lastIndexOf('\n### ['));
		const again = openDocument(path, shorter, 'arxiv-digest');
		const after = await open.view(again as never);
		assert.ok(before && after);
		assert.notStrictEqual(after, before);
		assert.strictEqual(after.papers.length, before.papers.length - 2, 'one paper fewer (two numbers per paper)');
		assert.strictEqual(open.parse(again as never).papers.length, before.papers.length / 2 - 1);
		open.dispose();
	});

	it('another document object of the same file and version (its close missed) is not taken for the cached one', async () => {
		const open = new documents.OpenDocuments(async () => undefined);
		const path = '/d/data/2026-02-06.md';
		const before = await open.view(openDocument(path, SEED, 'arxiv-digest') as never);
		const shorter = SEED.slice(0, SEED.lastIndexOf('\n### ['));
		const after = await open.view(openDocument(path, shorter, 'arxiv-digest') as never);
		assert.ok(before && after);
		assert.strictEqual(after.papers.length, before.papers.length - 2);
		open.dispose();
	});
});
