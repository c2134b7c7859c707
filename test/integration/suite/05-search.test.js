'use strict';
const assert = require('assert');
const { FIXTURE, extensionApi, hitsOf, paperIdOf, waitFor } = require('./helpers');

describe('full-text search', () => {
	let search;
	before(async () => {
		search = (await extensionApi()).search;
		assert.ok(search && search.api && typeof search.api.search === 'function', 'exports.search.api.search is missing');
		await search.api.whenIndexed();
	});

	async function firstIds(query, n = 3) {
		return hitsOf(await search.api.search(query, 10)).slice(0, n).map(paperIdOf);
	}

	it('a Chinese query finds the paper whose summary says it', async () => {
		const { text, id } = FIXTURE.queries.chinese;
		const ids = await firstIds(text);
		assert.strictEqual(ids[0], id, `"${text}" → ${ids.join(', ')}`);
	});

	it('an English query finds the paper by its title and abstract', async () => {
		const { text, id } = FIXTURE.queries.english;
		const ids = await firstIds(text);
		assert.strictEqual(ids[0], id, `"${text}" → ${ids.join(', ')}`);
	});

	it('finds papers of the hand-written variant digest', async () => {
		const { text, id } = FIXTURE.queries.variant;
		const ids = await firstIds(text);
		assert.strictEqual(ids[0], id, `"${text}" → ${ids.join(', ')}`);
	});

	it('Search by Author from a Papers view row searches its author, also with other rows selected', async () => {
		const vscode = require('vscode');
		const tree = (await extensionApi()).tree.provider;
		const rows = [];
		for (const day of await tree.getChildren()) for (const category of await tree.getChildren(day)) rows.push(...(await tree.getChildren(category)));
		const row = rows.find((r) => r.paper.authors.length === 1);
		assert.ok(row, 'a paper with one author');
		const other = rows.find((r) => r !== row);
		// the row's own id is the row's (paper:<uri>#<id>#<index>), not the paper's
		void vscode.commands.executeCommand('arxivDigest.searchByAuthor', row, [row, other]);
		try {
			const box = await waitFor('the search box on the author', () => search.api.shownBox());
			assert.strictEqual(box.value.trim(), `author:"${row.paper.authors[0]}"`);
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		}
	});

	it('honours the limit and returns nothing for a word that is nowhere', async () => {
		const hits = hitsOf(await search.api.search('tracking', 2));
		assert.ok(hits.length > 0 && hits.length <= 2, `limit 2 gave ${hits.length}`);
		assert.strictEqual(hitsOf(await search.api.search('zzqxjv', 10)).length, 0);
	});
});

describe('index workers that die', () => {
	it('a killed worker is restarted and re-fed: search never hangs and answers in full again', async () => {
		const api = await extensionApi();
		const backend = await api.workspace.backend();
		const { text, id } = FIXTURE.queries.english;
		const killed = [];
		for (let i = 0; i < backend.service.shardCount; i++) if (backend.service.killShard(i)) killed.push(i);
		if (killed.length === 0) return; // in-process shards (no worker threads here): nothing can be killed
		// a query right after the crash is answered (from the new worker) or refused with a message
		const outcome = await Promise.race([
			api.search.api.search(text, 10).then(() => 'answered', (err) => `refused: ${err.message}`),
			new Promise((resolve) => setTimeout(() => resolve('hung'), 15_000)),
		]);
		assert.notStrictEqual(outcome, 'hung', 'a search during the restart must not hang');
		if (outcome.startsWith('refused')) assert.match(outcome, /restart|stopped/);
		await waitFor('search to find the paper again after the restart', async () => {
			const hits = hitsOf(await api.search.api.search(text, 10));
			return hits.length > 0 && paperIdOf(hits[0]) === id;
		}, 30_000);
		const files = api.workspace.files().length;
		assert.ok(files >= FIXTURE.days.length, `the tree still holds every digest (${files})`);
	});
});
