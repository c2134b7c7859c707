'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, extensionApi, fixtureUri, openFixture, readText, remove, scratchFolder, waitFor, writeFile } = require('./helpers');

describe('activation and language', () => {
	after(closeAllEditors);

	it('activates and exports the workspace, tree, cards and search APIs', async () => {
		const api = await extensionApi();
		for (const key of ['workspace', 'tree', 'cards', 'search']) {
			assert.ok(api[key], `exports.${key} is missing (got ${Object.keys(api).join(', ') || 'nothing'})`);
		}
	});

	it('finds exactly the three digests of the workspace, not the plain Markdown', async () => {
		const api = await extensionApi();
		const names = api.workspace.files().map((f) => f.uri.path.split('/').pop()).sort();
		assert.deepStrictEqual(names, ['2026-02-06.md', '2026-02-09.md', '2026-02-24.md']);
	});

	it('switches a digest saved as .md to the arxiv-digest language by its content', async () => {
		const doc = await openFixture(FIXTURE.files.big, 'arxiv-digest');
		assert.strictEqual(doc.languageId, 'arxiv-digest');
	});

	it('opens a digest named as the forks name theirs (data/YYYY-MM-DD.md) in the arxiv-digest language at once, one of another name by its content', async () => {
		// files of their own, never opened before in this window: the language of a fresh open is the manifest's choice
		const folder = await scratchFolder('named');
		const byName = vscode.Uri.joinPath(folder, 'data', '2026-01-05.md');
		const byContent = vscode.Uri.joinPath(folder, 'digests', '2025-06-09_trajectory_and_large_models.md');
		try {
			const text = await readText(fixtureUri(FIXTURE.files.second));
			await writeFile(byName, text);
			await writeFile(byContent, text);
			const named = await vscode.workspace.openTextDocument(byName);
			assert.strictEqual(named.languageId, 'arxiv-digest', 'opened in the digest language, not switched from Markdown');
			const other = await vscode.workspace.openTextDocument(byContent);
			await waitFor('the digest of another name in the arXiv Digest language', () => other.languageId === 'arxiv-digest' || vscode.workspace.textDocuments.some((d) => d.uri.toString() === byContent.toString() && d.languageId === 'arxiv-digest'));
		} finally {
			await closeAllEditors();
			await remove(folder);
		}
	});

	it('puts a Markdown file named like a digest\'s day that is not a digest back to Markdown', async () => {
		const folder = await scratchFolder('daily-note');
		const uri = vscode.Uri.joinPath(folder, 'data', '2026-01-06.md');
		try {
			await writeFile(uri, '# 6 January\n\n- [ ] read the week\'s papers\n');
			await vscode.workspace.openTextDocument(uri);
			const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
			await waitFor('the daily note in Markdown', () => current()?.languageId === 'markdown');
			assert.ok(!current().isDirty, 'nothing written to it');
		} finally {
			await closeAllEditors();
			await remove(folder);
		}
	});

	it('detects the variant digest too (CRLF, bold labels, no <div id=toc>)', async () => {
		const doc = await openFixture(FIXTURE.files.variant, 'arxiv-digest');
		assert.strictEqual(doc.languageId, 'arxiv-digest');
	});

	it('leaves a plain README.md as Markdown', async () => {
		const api = await extensionApi();
		// open a digest first: once it has been switched, detection has demonstrably run in this host
		await openFixture(FIXTURE.files.second, 'arxiv-digest');
		const readme = await openFixture(FIXTURE.files.readme);
		assert.strictEqual(api.workspace.isDigestDocument(readme), false, 'isDigestDocument(README.md) should be false');
		// detection runs when a document opens; showing another file afterwards gives it that turn
		await openFixture(FIXTURE.files.notes);
		const current = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fixtureUri(FIXTURE.files.readme).toString());
		assert.strictEqual(current.languageId, 'markdown');
	});

	it('switches an open Markdown file once its file on disk becomes a digest (a pull, a restore)', async () => {
		// a file of its own outside the workspace, changed on disk only: an editor left dirty would ask
		// to be saved when the next test closes every editor, a dialog nothing answers
		const folder = await scratchFolder('restored');
		const uri = vscode.Uri.joinPath(folder, 'notes.md');
		try {
			await writeFile(uri, '# Notes\n\nnothing here yet\n');
			const doc = await vscode.workspace.openTextDocument(uri);
			await vscode.window.showTextDocument(doc);
			assert.strictEqual(doc.languageId, 'markdown');
			await writeFile(uri, await readText(fixtureUri(FIXTURE.files.second)));
			const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
			await waitFor('the restored digest in the arXiv Digest language', () => current()?.languageId === 'arxiv-digest');
			assert.ok(!current().isDirty, 'nothing typed: the editor holds the file as it is');
		} finally {
			await closeAllEditors();
			await remove(folder);
		}
	});

	it('parses the open digest with its papers and day', async () => {
		const api = await extensionApi();
		const file = await waitFor('the big digest in the workspace', () => api.workspace.get(fixtureUri(FIXTURE.files.big)));
		assert.strictEqual(file.digest.papers.length, FIXTURE.big.papers);
		assert.strictEqual(file.digest.day, '2026-02-06');
		assert.deepStrictEqual(file.digest.categories.map((c) => c.name), FIXTURE.big.categories.map(([name]) => name));
	});
});

describe('Show Parse Report', () => {
	it('opens a Markdown report that counts every digest of the workspace', async () => {
		const api = await extensionApi();
		await vscode.commands.executeCommand('arxivDigest.showParseReport');
		const doc = await waitFor('the report document', () => {
			const editor = vscode.window.activeTextEditor;
			return editor && editor.document.isUntitled && editor.document.getText().startsWith('# arXiv Digest: parse report') ? editor.document : undefined;
		});
		const files = api.workspace.files().length;
		const papers = api.workspace.files().reduce((n, f) => n + f.digest.papers.length, 0);
		assert.ok(doc.getText().includes(`${files} digest files, ${papers} paper entries`), doc.getText().slice(0, 300));
		assert.ok(doc.getText().includes(FIXTURE.files.big), 'the big digest has a row');
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});
});
