// A warm start (issue 10): the second session of a folder shows the first session's digests from
// the shards' caches, read on the extension host before the shards answer (scanStats.knownShown),
// then corrects what changed while the editor was closed: a digest deleted, one edited.
// ARXIV_DIGEST_WARM (set by run-e2e.mjs) says which session this is and what the harness changed.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { extensionApi, hitsOf, paperIdOf, workspaceRoot } = require('../suite/helpers');

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
	}
});
