// A workspace without digests (test/harness/plain-workspace.mjs: ordinary Markdown documents,
// some named by a day like blog posts and journal pages): the extension reads the heads of the
// day-named notes on the extension host and starts no index worker; a digest added later (by
// another program, or opened in the editor where the file watcher does not look) brings it to life,
// and the workers end again once the last digest is gone.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { closeAllEditors, extensionApi, remove, waitFor, workspaceRoot, writeFile } = require('../suite/helpers');
const { childProcesses, isIndexProcess, workerThreads: countWorkerThreads } = require('../../harness/worker-threads');

/** the seed digests (test/fixtures/seeds): one day each */
const SEEDS = path.join(__dirname, '..', '..', 'fixtures', 'seeds');
const DIGEST = { text: fs.readFileSync(path.join(SEEDS, '000_e68cbdc0f6d19b20.txt'), 'utf8'), day: '2026-02-06' };
const SECOND = { text: fs.readFileSync(path.join(SEEDS, '002_9ca964b67d58151b.txt'), 'utf8'), day: '2026-02-24' };

/** worker threads of the extension host; the tests need Linux's /proc to count them */
function workerThreads() {
	const count = countWorkerThreads();
	assert.notStrictEqual(count, undefined, 'worker threads are counted from /proc/self/task (Linux)');
	return count;
}

/** child processes of the extension host running the index (a cold build runs in one) */
function indexProcesses() {
	const children = childProcesses();
	assert.notStrictEqual(children, undefined, 'child processes are listed from /proc (Linux)');
	return children.filter(isIndexProcess).length;
}

function rel(...segments) {
	return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

describe('a workspace without digests', function () {
	this.timeout(120_000);
	let api;

	before(async () => {
		// as a user would: an ordinary note opened activates the extension (it activates on Markdown)
		await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rel('README.md')));
		api = await extensionApi();
	});

	after(async () => {
		await closeAllEditors();
		await remove(rel('arxiv'));
		await remove(rel('Contents'));
		await remove(rel('to_md'));
		await remove(rel('private', `${SECOND.day}.md`));
	});

	async function days() {
		return (await api.tree.provider.getChildren()).map((d) => d.day);
	}

	it('reads the day-named notes and starts no index worker', async () => {
		const dayNamed = await vscode.workspace.findFiles('{blog,journal}/**/*.md');
		assert.ok(dayNamed.length >= 10, `the workspace has day-named notes (${dayNamed.length})`);
		assert.strictEqual(api.workspace.progress.scanning, false, 'the first scan ended');
		assert.strictEqual(api.workspace.files().length, 0, 'no file is a digest');
		// the listing (the editor's file search with core/candidates' CANDIDATE_GLOB: no digest is
		// remembered here) found exactly the day-named notes, not the digests in the folders the user's
		// excludes leave out (run-e2e.mjs, plainRun), and this thread read each one's head once
		const hidden = await vscode.workspace.findFiles('{attic,vendor,node_modules,docs/drafts}/**/*.md', null);
		assert.strictEqual(hidden.length, 4, `four digests in excluded folders (${hidden.map((u) => u.path).join(', ')})`);
		assert.deepStrictEqual(api.workspace.scanStats, { candidates: dayNamed.length, headsRead: dayNamed.length, shards: false, knownShown: 0, fromShards: 0 });
		assert.strictEqual(await api.workspace.backend(), undefined, 'no index shards');
		assert.strictEqual(workerThreads(), 0, 'no worker thread in the extension host');
		assert.strictEqual(indexProcesses(), 0, 'no index process');
		assert.deepStrictEqual(await days(), [], 'the Papers view is empty');
		assert.strictEqual(vscode.window.activeTextEditor.document.languageId, 'markdown', 'the note stays Markdown');
	});

	it('shows a digest another program adds in the Papers view, and indexes it', async () => {
		// an interest only the abstract of 2602.04994 holds: the shards start after the workspace was
		// ready, and the interests must be asked again once their index holds the abstracts
		const interests = vscode.workspace.getConfiguration();
		await interests.update('arxivDigest.interests.keywords', ['banking'], vscode.ConfigurationTarget.Global);
		try {
			// notes in folders digest generators write (any case), without a day in their names: candidates, no digests
			await writeFile(rel('Contents', 'sub', 'today.md'), '# Today\n\nNothing to report.\n');
			await writeFile(rel('to_md', 'latest.md'), '# Latest\n\n- a list\n');
			await writeFile(rel('arxiv', `${DIGEST.day}.md`), DIGEST.text);
			await waitFor(`day ${DIGEST.day} in the Papers view`, async () => (await days()).includes(DIGEST.day), 60_000);
			const backend = await api.workspace.backend();
			assert.ok(backend, 'the index shards started');
			assert.ok(workerThreads() + indexProcesses() >= 1, 'an index worker runs');
			await api.search.api.whenIndexed();
			const hits = await api.search.api.search('id:2602.04994', 5);
			assert.strictEqual(hits[0].id, '2602.04994');
			await waitFor('2602.04994 to match the interest in its abstract', () => api.reading.interests.isMatch('2602.04994'), 30_000);
		} finally {
			await interests.update('arxivDigest.interests.keywords', undefined, vscode.ConfigurationTarget.Global);
		}
		// a new listing (Refresh) in the real editor finds the folder notes with the day-named ones; with
		// the shards running it walks the folder by node:fs (scope.ts, lookIn), which leaves out the
		// excluded folders' digests as the file search does
		const dayNamed = await vscode.workspace.findFiles('{blog,journal,arxiv}/**/*.md');
		// the notes' file events came with the digest's, and started the shards' reading of them too: the
		// count below is the refresh's alone once those are answered (a slow run had one answered during it)
		await waitFor('the file events of the writes handled', () => api.workspace.fileEventsUnsettled === 0);
		await api.workspace.refresh();
		// the running shards' open sends the one digest's summary again, as a rescan's does
		assert.deepStrictEqual(api.workspace.scanStats, { candidates: dayNamed.length + 2, headsRead: 0, shards: true, knownShown: 0, fromShards: 1 });
		await vscode.commands.executeCommand('arxivDigest.papers.focus');
	});

	it('keeps a renamed digest: the old name going does not end the workers the new name needs', async () => {
		// a rename is a deletion and a creation, debounced per path and handled side by side: the last
		// digest is gone for a moment
		const from = rel('arxiv', `${DIGEST.day}.md`).fsPath;
		const to = rel('arxiv', `digest-${DIGEST.day}.md`).fsPath;
		fs.renameSync(from, to);
		await waitFor('the renamed digest in the workspace', () => api.workspace.files().some((f) => f.uri.fsPath === to) && !api.workspace.files().some((f) => f.uri.fsPath === from), 30_000);
		assert.ok(await api.workspace.backend(), 'the index shards run');
		assert.ok((await days()).includes(DIGEST.day), `day ${DIGEST.day} still in the Papers view`);
		await api.search.api.whenIndexed();
		await waitFor('the paper searchable under its new path', async () => (await api.search.api.search('id:2602.04994', 5))[0]?.id === '2602.04994', 30_000);
	});

	it('ends the index workers once the last digest is deleted', async () => {
		await remove(rel('arxiv'));
		await waitFor('the day to leave the Papers view', async () => (await days()).length === 0, 30_000);
		await waitFor('the index shards to stop', async () => (await api.workspace.backend()) === undefined, 30_000);
		await waitFor('no index worker left', () => workerThreads() + indexProcesses() === 0, 30_000);
	});

	it('takes a digest opened in the editor where the file watcher does not report it', async () => {
		// precondition: the files of `private/` (a folder already there) are in files.watcherExclude (the
		// harness's workspace settings), so no file event comes for them; a watched sentinel written
		// after the digest tells when its event would have come
		const seen = [];
		const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
		watcher.onDidCreate((uri) => seen.push(uri.path));
		try {
			const digest = rel('private', `${SECOND.day}.md`);
			await writeFile(digest, SECOND.text);
			await writeFile(rel('notes-sentinel.md'), '# A note\n');
			await waitFor('the sentinel file event', () => seen.some((p) => p.endsWith('/notes-sentinel.md')), 30_000);
			assert.ok(!seen.some((p) => p.includes('/private/')), `the watcher reported the excluded file (${seen.join(', ')})`);
			assert.strictEqual(await api.workspace.backend(), undefined, 'nothing started the index yet');

			await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(digest));
			await waitFor(`day ${SECOND.day} in the Papers view`, async () => (await days()).includes(SECOND.day), 60_000);
			assert.ok(await api.workspace.backend(), 'the index shards started');
		} finally {
			watcher.dispose();
			await remove(rel('notes-sentinel.md'));
		}
	});
});
