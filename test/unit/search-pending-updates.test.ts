/**
 * The search box while new or changed digests are handed to the index and not indexed yet (a `git
 * pull` brought new days: the tree shows them before search has them): its title says so, a query
 * that finds nothing says "not yet" rather than "check the spelling", and the query is asked again
 * once they are indexed.
 */
import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { idleSearchService } from './fake-search';
import { until } from './until';

/** A corpus service whose index holds `indexed` titles; `update` indexes a title when its call is answered. */
function fakeBackend() {
	const indexed = new Set<string>(['old paper about zebras']);
	const pendingListeners = new Set<(n: number) => void>();
	const updating = new Map<string, () => void>();
	const searches: string[] = [];
	const service = {
		...idleSearchService,
		get pendingUpdates() {
			return updating.size;
		},
		onPendingUpdates(listener: (n: number) => void) {
			pendingListeners.add(listener);
			return { dispose: () => pendingListeners.delete(listener) };
		},
		async search(read: string | { asRead: string }) {
			const query = typeof read === 'string' ? read : read.asRead;
			searches.push(query);
			const hits = [...indexed].filter((title) => title.includes(query.trim())).map((title) => ({ id: title, title, authors: [], category: '', tldr: '', matched: [], score: 1, occurrences: [{ day: '2026-03-02', file: 0 }] }));
			return { ok: true, result: { hits, total: hits.length, approximate: false } };
		},
	};
	const fire = () => pendingListeners.forEach((l) => l(updating.size));
	return {
		backend: { service, uriOf: () => fakeVscode.Uri.parse('file:///w/2026-03-02.md') },
		searches,
		/** a file handed to the index (its summary already in the tree) */
		startUpdate(title: string) {
			updating.set(title, () => indexed.add(title));
			fire();
		},
		/** the index answered the file's update: its papers are searchable */
		finishUpdate(title: string) {
			updating.get(title)?.();
			updating.delete(title);
			fire();
		},
	};
}

describe('search box while new or changed digests are being indexed', () => {
	let search: typeof import('../../src/features/search/index');
	withFakeVscode(() => (search = require('../../src/features/search/index')));

	it('says how many are being indexed, "not yet" for no match, and asks again once they are indexed', async () => {
		const fake = fakeBackend();
		const workspace = { backend: async () => fake.backend, onDidChange: () => ({ dispose() {} }) };
		const registration = search.registerSearch({} as never, workspace as never);
		await fakeVscode.commands.registered.get(search.SEARCH_COMMAND)!('quokka');
		const pick = fakeVscode.window.quickPicks.at(-1)!;
		await until('the first answer', () => pick.items.length > 0);
		assert.match(pick.items[0].label, /^\$\(info\) No paper matches\. Check the spelling/, 'nothing pending: the usual advice');
		assert.ok(!/indexing/.test(pick.title ?? ''), pick.title);

		fake.startUpdate('quokka census by drone');
		fake.startUpdate('wombat burrows');
		assert.match(pick.title ?? '', /indexing 2 new or changed digests…/);
		// the reader types while they are indexed
		pick.type('quokka ');
		await until('the answer to the typed query', () => fake.searches.includes('quokka '));
		await until('the "not yet" row', () => /No match yet: new or changed digests are still being indexed/.test(pick.items[0]?.label ?? ''));
		assert.match(pick.items[0].label, /^\$\(loading~spin\)/);

		fake.finishUpdate('wombat burrows');
		assert.match(pick.title ?? '', /indexing 1 new or changed digest…/);
		const asked = fake.searches.length;
		fake.finishUpdate('quokka census by drone');
		assert.ok(!/indexing/.test(pick.title ?? ''), `the title no longer says indexing: ${pick.title}`);
		await until('the query asked again once the last one is indexed', () => fake.searches.length > asked);
		await until('the new paper in the box', () => pick.items[0]?.label === 'quokka census by drone');
		assert.match(pick.title ?? '', /1 result/);
		pick.hide();
		registration.dispose();
	});

	it('a box opened while files are pending says so in its title from the first answer', async () => {
		const fake = fakeBackend();
		fake.startUpdate('quokka census by drone');
		const workspace = { backend: async () => fake.backend, onDidChange: () => ({ dispose() {} }) };
		const registration = search.registerSearch({} as never, workspace as never);
		await fakeVscode.commands.registered.get(search.SEARCH_COMMAND)!('quokka');
		const pick = fakeVscode.window.quickPicks.at(-1)!;
		await until('the first answer', () => pick.items.length > 0);
		assert.match(pick.title ?? '', /indexing 1 new or changed digest…/);
		assert.match(pick.items[0].label, /No match yet: new or changed digests are still being indexed/);
		assert.deepStrictEqual(registration.api.shownBox()?.value, 'quokka');
		fake.finishUpdate('quokka census by drone');
		await until('the new paper in the box', () => pick.items[0]?.label === 'quokka census by drone');
		pick.hide();
		assert.strictEqual(registration.api.shownBox(), undefined, 'no box once it is closed');
		registration.dispose();
	});
});
