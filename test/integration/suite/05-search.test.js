'use strict';
const assert = require('assert');
const { FIXTURE, extensionApi, hitsOf, paperIdOf } = require('./helpers');

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

	it('honours the limit and returns nothing for a word that is nowhere', async () => {
		const hits = hitsOf(await search.api.search('tracking', 2));
		assert.ok(hits.length > 0 && hits.length <= 2, `limit 2 gave ${hits.length}`);
		assert.strictEqual(hitsOf(await search.api.search('zzqxjv', 10)).length, 0);
	});
});
