// A warm start (issue 10): the second session of a folder shows the first session's digests from
// the shards' caches, read on the extension host before the shards answer (scanStats.knownShown),
// then corrects what changed while the editor was closed: a digest deleted, one edited.
// ARXIV_DIGEST_WARM (set by run-e2e.mjs) says which session this is and what the harness changed.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { extensionApi, hitsOf, paperIdOf, waitFor, workspaceRoot } = require('../suite/helpers');

const WARM = JSON.parse(process.env.ARXIV_DIGEST_WARM || '{}');

/** the folder's digests on disk, by file name */
function digestsOnDisk() {
	return fs.readdirSync(path.join(workspaceRoot().fsPath, 'data')).filter((name) => name.endsWith('.md')).sort();
}

/** the digests the workspace holds, by file name */
function digestsShown(api) {
	return api.workspace.files().map((f) => path.basename(f.uri.fsPath)).sort();
}

describe(`a warm start: the ${WARM.session} session`, function () {
	this.timeout(120_000);

	it('has its session and what the harness changed', () => {
		assert.ok(WARM.session === 'first' || WARM.session === 'second', `ARXIV_DIGEST_WARM: ${process.env.ARXIV_DIGEST_WARM}`);
	});

	if (WARM.session === 'first') {
		it('reads every digest (no cache yet) and writes the caches the next session starts from', async () => {
			const api = await extensionApi();
			await api.search.api.whenIndexed();
			const backend = await api.workspace.backend();
			assert.ok(backend && backend.cacheDir, 'the index shards run in worker threads with a cache folder');
			await backend.service.whenSettled();
			assert.deepStrictEqual(digestsShown(api), digestsOnDisk());
			assert.strictEqual(api.workspace.scanStats.knownShown, 0, 'a first start has no cache to show');
			assert.strictEqual(api.workspace.scanStats.fromShards, WARM.lastSessionDigests, 'the shards sent each digest once');
			const names = fs.readdirSync(backend.cacheDir).filter((name) => name.endsWith('.bin'));
			assert.strictEqual(names.length, 2 * backend.service.shardCount, `a cache pair per shard: ${names.join(', ')}`);
			assert.strictEqual(hitsOf(await api.search.api.search(WARM.deletedId, 5)).map(paperIdOf)[0], WARM.deletedId, 'the digest the harness deletes next is indexed');
		});
	}

	if (WARM.session === 'second') {
		it("shows the last session's digests from the caches, then the folder as it is now", async () => {
			const api = await extensionApi();
			// every digest of the last session, the deleted one too, came from the caches before the shards' open
			assert.strictEqual(api.workspace.scanStats.knownShown, WARM.lastSessionDigests);
			assert.ok(api.workspace.scanStats.shards, 'the shards run');
			// and the shards sent only what changed: the edited digest, and the deleted one taken back
			assert.strictEqual(api.workspace.scanStats.fromShards, 2);
			// ready (the first scan over): the workspace is the disk's, not the caches' (no waiting here)
			assert.deepStrictEqual(digestsShown(api), digestsOnDisk());
			assert.ok(!digestsShown(api).includes(WARM.deleted), 'the deleted digest is gone');
			await api.search.api.whenIndexed();
			const edited = api.workspace.files().find((f) => path.basename(f.uri.fsPath) === WARM.edited);
			assert.ok(edited.digest.papers.some((p) => p.title.includes(WARM.newWord)), 'the edited digest as it is now');
			assert.deepStrictEqual(hitsOf(await api.search.api.search(WARM.newWord, 5)).map(paperIdOf), [WARM.editedId]);
			assert.deepStrictEqual(hitsOf(await api.search.api.search(WARM.deletedId, 5)).map(paperIdOf), [], "the deleted digest's paper is no longer found");
			const backend = await api.workspace.backend();
			assert.ok((await backend.service.stats()).every((s) => s.fromCache), 'every shard loaded its index from the cache');
			assert.strictEqual(api.tree.provider.model.roots().length, digestsOnDisk().length, 'a day per digest in the Papers view');
		});

		// The tester's report: after a warm start in a loaded browser, a word only an abstract has was
		// "similar spellings" or "No paper matches" for minutes, ✦ counts were short, and the status bar
		// said nothing, while the index read the abstracts' text back from the files. Here every shard
		// restarts from its cache (a warm start again) with that reading held, so the gap stays open.
		it('while a warm start still loads the abstracts, search, the status bar and the ✦ counts say so', async () => {
			const api = await extensionApi();
			const backend = await api.workspace.backend();
			const service = backend.service;
			const config = vscode.workspace.getConfiguration();
			// the abstract's word, and a word of a title of its day (a count the short fields already give)
			await config.update('arxivDigest.interests.keywords', [WARM.abstractWord, WARM.abstractDayTitleWord], vscode.ConfigurationTarget.Global);
			const day = () => api.tree.provider.getChildren().find((d) => d.day === WARM.abstractDay);
			const description = () => String(api.tree.provider.getTreeItem(day()).description);
			await waitFor('the paper to match the keyword its abstract has', () => api.reading.interests.isMatch(WARM.abstractId) && !api.reading.interests.provisional);
			const final = description();
			assert.match(final, /✦\d+$/, 'the final count, before the restart');
			await service.holdFill(true);
			try {
				for (let i = 0; i < service.shardCount; i++) assert.ok(service.killShard(i), `shard ${i} runs in a worker`);
				await waitFor('the restarted shards to load the abstracts back', () => service.loadingLongFields, 30_000);
				void vscode.commands.executeCommand('arxivDigest.searchPapers', WARM.abstractWord);
				const answered = () => {
					const box = api.search.api.shownBox();
					return box && box.value === WARM.abstractWord && !box.busy && / result/.test(box.title) ? box : undefined;
				};
				const box = await waitFor('the box to answer', answered);
				assert.ok(!/similar spellings/.test(box.title), `no typo claimed for a word an abstract has: ${box.title}`);
				assert.match(box.title, /loading abstracts and summaries/, box.title);
				// a search answered without them: the status bar says so at once (else only once the load takes longer than plain Node's few seconds)
				const status = api.scanStatus.api;
				await waitFor('the status bar to say so', () => /loading abstracts and summaries/.test(status.shown()?.text ?? ''), 10_000);
				await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
				void vscode.commands.executeCommand('arxivDigest.searchPapers', 'zqxwarmnothing');
				await waitFor('the box to say the index is loading, not to check the spelling', () => /No match yet: the index is still loading/.test(api.search.api.shownBox()?.labels[0] ?? ''));
				await waitFor('the ✦ count marked as still counting', () => api.reading.interests.provisional && /✦\d+…$/.test(description()));
			} finally {
				await service.holdFill(false);
				await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
			}
			await waitFor('the abstracts back', () => !service.loadingLongFields, 30_000);
			await waitFor('the final count again', () => !api.reading.interests.provisional && description() === final);
			const reply = await service.search(WARM.abstractWord, 5);
			assert.ok(reply.ok && !reply.result.loading, 'the answer is final');
			assert.deepStrictEqual(reply.result.hits.map((h) => h.id), [WARM.abstractId]);
			assert.ok(reply.result.hits[0].matched.some((w) => w.toLowerCase() === WARM.abstractWord), `matched in the abstract once it is back: ${reply.result.hits[0].matched}`);
			await config.update('arxivDigest.interests.keywords', undefined, vscode.ConfigurationTarget.Global);
		});
	}
});
