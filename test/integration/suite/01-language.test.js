'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, digestText, extensionApi, fixtureUri, openDocument, openFixture, readText, remove, scratchFolder, waitFor, writeFile } = require('./helpers');

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

	/**
	 * Copies of files of their own in a scratch folder, never opened before in this window (the fixture's
	 * digests are named data/YYYY-MM-DD.md, which the manifest opens as digests by name): `files` maps a
	 * path in the folder to its text; `test(uriOf)` runs with them, then they are closed and removed.
	 */
	const withFiles = async (name, files, test) => {
		const folder = await scratchFolder(name);
		const uriOf = (path) => vscode.Uri.joinPath(folder, ...path.split('/'));
		try {
			for (const [path, text] of Object.entries(files)) await writeFile(uriOf(path), text);
			await test(uriOf);
		} finally {
			await closeAllEditors();
			await remove(folder);
		}
	};
	const languageOf = (uri) => openDocument(uri)?.languageId;
	const opened = async (uri, language) => {
		await vscode.workspace.openTextDocument(uri);
		await waitFor(`${uri.path.split('/').pop()} in ${language}`, () => languageOf(uri) === language);
	};
	const DAILY_NOTE = '# 6 January\n\n- [ ] read the week\'s papers\n';

	it('switches a digest saved as .md under another name to the arxiv-digest language by its content', async () => {
		await withFiles('by-content', { 'digests/2025-06-09_trajectory_and_large_models.md': await readText(fixtureUri(FIXTURE.files.big)) }, async (uriOf) => {
			const uri = uriOf('digests/2025-06-09_trajectory_and_large_models.md');
			assert.strictEqual((await vscode.workspace.openTextDocument(uri)).languageId, 'markdown', 'a name the manifest does not know opens as Markdown');
			await opened(uri, 'arxiv-digest');
		});
	});

	it('detects the variant digest too (CRLF, bold labels, no <div id=toc>)', async () => {
		await withFiles('variant', { 'digests/variant.md': await readText(fixtureUri(FIXTURE.files.variant)) }, async (uriOf) => {
			await opened(uriOf('digests/variant.md'), 'arxiv-digest');
		});
	});

	it('opens a digest named as the forks name theirs (data/YYYY-MM-DD.md) in the arxiv-digest language at once, and keeps it there', async () => {
		await withFiles('by-name', { 'data/2026-01-05.md': await readText(fixtureUri(FIXTURE.files.second)), 'data/2026-01-06.md': DAILY_NOTE }, async (uriOf) => {
			const digest = await vscode.workspace.openTextDocument(uriOf('data/2026-01-05.md'));
			assert.strictEqual(digest.languageId, 'arxiv-digest', 'opened in the digest language, not switched from Markdown');
			// a note of the same kind of name opened after it goes back to Markdown; the switches are made in
			// order, so by then the digest has had its turn too
			await opened(uriOf('data/2026-01-06.md'), 'markdown');
			assert.strictEqual(languageOf(uriOf('data/2026-01-05.md')), 'arxiv-digest', 'the digest stays in the digest language');
		});
	});

	it('puts a Markdown file named like a digest\'s day that is not a digest back to Markdown', async () => {
		await withFiles('daily-note', { 'data/2026-01-06.md': DAILY_NOTE }, async (uriOf) => {
			const uri = uriOf('data/2026-01-06.md');
			assert.strictEqual((await vscode.workspace.openTextDocument(uri)).languageId, 'arxiv-digest', 'its name opens it as a digest');
			await waitFor('the daily note in Markdown', () => languageOf(uri) === 'markdown');
			assert.ok(!openDocument(uri).isDirty, 'nothing written to it');
		});
	});

	/** `section.key` set in the user's settings for `test`, then put back */
	const withSetting = async (section, key, value, test) => {
		const config = vscode.workspace.getConfiguration(section);
		const before = config.inspect(key)?.globalValue;
		await config.update(key, value, vscode.ConfigurationTarget.Global);
		try {
			await test();
		} finally {
			await vscode.workspace.getConfiguration(section).update(key, before, vscode.ConfigurationTarget.Global);
		}
	};

	it("keeps a note in the digest language when the user's files.associations give it that language (it is theirs, not switched back to Markdown)", async () => {
		await withFiles('associated', { 'data/2026-01-06.md': DAILY_NOTE, 'data/2026-01-07.md': DAILY_NOTE }, async (uriOf) => {
			await withSetting('files', 'associations', { '**/data/2026-01-06.md': 'arxiv-digest' }, async () => {
				assert.strictEqual((await vscode.workspace.openTextDocument(uriOf('data/2026-01-06.md'))).languageId, 'arxiv-digest');
				// its unassociated twin opened after it goes back to Markdown; the switches are made in order,
				// so by then the associated one has had its turn too
				await opened(uriOf('data/2026-01-07.md'), 'markdown');
				assert.strictEqual(languageOf(uriOf('data/2026-01-06.md')), 'arxiv-digest', 'still in the language the association gives');
			});
		});
	});

	it('with arxivDigest.detect off, keeps a day whose first line is <div id=toc></div> a digest (it went back to Markdown), and a note of the same kind of name Markdown', async () => {
		const api = await extensionApi();
		const days = async () => (await api.tree.provider.getChildren()).map((d) => d.day);
		await withFiles('detect-off', { 'data/2026-01-05.md': await readText(fixtureUri(FIXTURE.files.second)), 'data/2026-01-06.md': DAILY_NOTE }, async (uriOf) => {
			try {
				await withSetting('arxivDigest', 'detect', false, async () => {
					// the Papers view covers only arxivDigest.files then (none here), as the setting says
					await waitFor('the days out of the Papers view', async () => (await days()).length === 0);
					const digest = await vscode.workspace.openTextDocument(uriOf('data/2026-01-05.md'));
					assert.strictEqual(digest.languageId, 'arxiv-digest');
					await opened(uriOf('data/2026-01-06.md'), 'markdown');
					assert.strictEqual(languageOf(uriOf('data/2026-01-05.md')), 'arxiv-digest', 'the digest stays in the digest language');
				});
			} finally {
				// the workspace scanned again before the next test looks at it
				await waitFor('the fixture days back', async () => {
					const shown = await days();
					return FIXTURE.days.every((day) => shown.includes(day));
				});
			}
		});
	});

	it('leaves a plain README.md as Markdown', async () => {
		const api = await extensionApi();
		const readme = await openFixture(FIXTURE.files.readme);
		assert.strictEqual(api.workspace.isDigestDocument(readme), false, 'isDigestDocument(README.md) should be false');
		// detection runs when a document opens: a digest of another name opened after it is switched by
		// its content, and the switches are made in order, so by then the README has had its turn
		await withFiles('after-readme', { 'digests/after.md': await readText(fixtureUri(FIXTURE.files.second)) }, async (uriOf) => {
			await opened(uriOf('digests/after.md'), 'arxiv-digest');
			assert.strictEqual(languageOf(fixtureUri(FIXTURE.files.readme)), 'markdown');
		});
	});

	it("opens the workspace's own digests in the arxiv-digest language", async () => {
		// shown in editors, as a reader opens them: the suites after this one find their days as these opens leave them
		for (const file of [FIXTURE.files.big, FIXTURE.files.variant, FIXTURE.files.second]) {
			assert.strictEqual((await openFixture(file, 'arxiv-digest')).languageId, 'arxiv-digest', file);
		}
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
			// a digest of its own: shown, its papers are marked seen (with no day: the name has none), and the
			// fixture's papers seen so would not be new for the reading suite (is:new failed when the
			// decorations ran before the editor closed)
			await writeFile(uri, digestText('2026-03-09', [['2603.09001', 'A Restored Digest of Its Own', 'Restored from a backup.']]));
			// the editor reads the file again as it does when it sees the change (Revert File on an editor
			// with nothing typed): a file outside the workspace written right after it opened can change
			// before the editor watches it, and its event never comes (a clean-clone CI timed out so once)
			await vscode.commands.executeCommand('workbench.action.files.revert');
			const current = () => openDocument(uri);
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
