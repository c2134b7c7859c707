import * as assert from 'node:assert';
import { emptyLibrary, isStarred, setNote, setTags, toggleStar } from '../../src/core/library/model';
import { serializeLibrary } from '../../src/core/library/serial';
import { withFakeVscode } from './fake-vscode';

/**
 * A globalState that, like VS Code's, holds a new value at once and saves it later: here each save
 * completes only when the test says, in any order.
 */
function deferredMemento() {
	const values = new Map<string, unknown>();
	const saves: (() => void)[] = [];
	return {
		values,
		memento: {
			keys: () => [...values.keys()],
			get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
			update: (key: string, value: unknown) => {
				values.set(key, value);
				return new Promise<void>((resolve) => saves.push(resolve));
			},
		},
		saves,
	};
}

describe('library store (globalState)', () => {
	let LibraryStore: typeof import('../../src/features/library/store').LibraryStore;
	withFakeVscode(() => (LibraryStore = require('../../src/features/library/store').LibraryStore));

	it('a change made while an earlier one is still being saved keeps both, whichever save completes last', async () => {
		const { memento, saves } = deferredMemento();
		const store = new LibraryStore(memento as never);
		const star = store.update((library) => toggleStar(library, '2602.04994').library);
		const note = store.update((library) => setNote(library, '2602.04994', 'compare with the baselines'));
		assert.strictEqual(saves.length, 2);
		saves[1]();
		await note;
		saves[0]();
		await star;
		assert.ok(isStarred(store.library, '2602.04994'), 'the star');
		assert.strictEqual(store.library.notes['2602.04994'], 'compare with the baselines', 'the note');
		// and what globalState holds reads back the same
		const again = new LibraryStore(memento as never);
		assert.ok(isStarred(again.library, '2602.04994'));
		assert.strictEqual(again.library.notes['2602.04994'], 'compare with the baselines');
	});

	it('an echo of its own earlier write (globalState replaced by an older snapshot) neither loses nor stores the older library', async () => {
		const { memento, saves, values } = deferredMemento();
		const store = new LibraryStore(memento as never);
		const star = store.update((library) => toggleStar(library, '2602.04994').library);
		const older = values.get('arxivDigest.library');
		const note = store.update((library) => setNote(library, '2602.04994', 'compare with the baselines'));
		saves.splice(0).forEach((save) => save());
		await Promise.all([star, note]);
		// the storage-change echo of the first write arrives last
		values.set('arxivDigest.library', older);
		const tags = store.update((library) => setTags(library, '2602.04994', ['privacy']));
		saves.splice(0).forEach((save) => save());
		await tags;
		for (const library of [store.library, new LibraryStore(memento as never).library]) {
			assert.ok(isStarred(library, '2602.04994'));
			assert.strictEqual(library.notes['2602.04994'], 'compare with the baselines');
			assert.deepStrictEqual(library.tags['2602.04994'], ['privacy']);
		}
	});

	it('an echo of the state it started from (another key\'s earlier write, carrying no library yet) loses no star', async () => {
		const { memento, saves, values } = deferredMemento();
		const store = new LibraryStore(memento as never);
		const star = store.update((library) => toggleStar(library, '2602.05049').library);
		saves.splice(0).forEach((save) => save());
		await star;
		// the reading state's save, made before the star, comes back with the extension's whole state: no library
		values.delete('arxivDigest.library');
		const note = store.update((library) => setNote(library, '2602.05049', 'Compare with the SIDeR baseline'));
		saves.splice(0).forEach((save) => save());
		await note;
		for (const library of [store.library, new LibraryStore(memento as never).library]) {
			assert.ok(isStarred(library, '2602.05049'), 'the star');
			assert.strictEqual(library.notes['2602.05049'], 'Compare with the SIDeR baseline');
		}
	});

	it('an echo of a library another window wrote, after this store wrote over it, loses nothing', async () => {
		const { memento, saves, values } = deferredMemento();
		const store = new LibraryStore(memento as never);
		// another window's star, read by this one
		const other = new LibraryStore(memento as never);
		const theirs = other.update((library) => toggleStar(library, '2602.04994').library);
		saves.splice(0).forEach((save) => save());
		await theirs;
		const older = values.get('arxivDigest.library');
		const tags = store.update((library) => setTags(library, '2602.04994', ['privacy']));
		saves.splice(0).forEach((save) => save());
		await tags;
		values.set('arxivDigest.library', older);
		const note = store.update((library) => setNote(library, '2602.04994', 'a note'));
		saves.splice(0).forEach((save) => save());
		await note;
		assert.ok(isStarred(store.library, '2602.04994'));
		assert.deepStrictEqual(store.library.tags['2602.04994'], ['privacy']);
		assert.strictEqual(store.library.notes['2602.04994'], 'a note');
	});

	it('a merged import keeps what another window stored meanwhile, and never saves over an unreadable library', async () => {
		const { memento, saves, values } = deferredMemento();
		const store = new LibraryStore(memento as never);
		const other = new LibraryStore(memento as never);
		const star = other.update((library) => toggleStar(library, '2602.04994').library);
		saves.splice(0).forEach((save) => save());
		await star;
		const incoming = setNote(emptyLibrary(), '2602.05049', 'from the file');
		const merging = store.merge(incoming);
		saves.splice(0).forEach((save) => save());
		const merged = await merging;
		assert.ok(merged && isStarred(merged.library, '2602.04994'), 'the other window\'s star');
		assert.ok(isStarred(new LibraryStore(memento as never).library, '2602.04994'));
		assert.strictEqual(store.library.notes['2602.05049'], 'from the file');

		const newer = { format: 'arxiv-digest/library', v: 2, papers: 'written by a newer version' };
		values.set('arxivDigest.library', newer);
		assert.strictEqual(await store.merge(incoming), undefined);
		assert.deepStrictEqual(values.get('arxivDigest.library'), newer, 'left as it is');
	});

	it('another window\'s change back to a library this store held before is taken, not undone as an echo', async () => {
		const { memento, saves, values } = deferredMemento();
		values.set('arxivDigest.library', serializeLibrary(emptyLibrary()));
		const first = new LibraryStore(memento as never);
		const second = new LibraryStore(memento as never);
		const star = first.update((library) => toggleStar(library, '2602.04994').library);
		saves.splice(0).forEach((save) => save());
		await star;
		// the reader unstars it in the second window: the library is as it was before the star
		const unstar = second.update((library) => toggleStar(library, '2602.04994').library);
		saves.splice(0).forEach((save) => save());
		await unstar;
		first.reload();
		saves.splice(0).forEach((save) => save());
		assert.ok(!isStarred(first.library, '2602.04994'), 'the first window sees the unstar');
		const stored = new LibraryStore(memento as never);
		assert.ok(!isStarred(stored.library, '2602.04994'), 'and does not store its star again');
		// an echo of the first window's star (stamped by it) is still an echo
		const older = values.get('arxivDigest.library');
		const tags = first.update((library) => setTags(library, '2602.05049', ['privacy']));
		saves.splice(0).forEach((save) => save());
		await tags;
		values.set('arxivDigest.library', older);
		first.reload();
		assert.deepStrictEqual(first.library.tags['2602.05049'], ['privacy']);
	});

	describe('two machines between two runs of Settings Sync (which keeps one side\'s value whole)', () => {
		/** a library written by a store, as Settings Sync carries it to another machine */
		async function machineWith(value?: unknown) {
			const m = deferredMemento();
			if (value !== undefined) m.values.set('arxivDigest.library', structuredClone(value));
			return { ...m, store: new LibraryStore(m.memento as never) };
		}
		const settle = (m: { saves: (() => void)[] }) => m.saves.splice(0).forEach((save) => save());

		it('a star made on one machine and a note on the other are both kept, on both machines', async () => {
			const first = await machineWith();
			const start = first.store.update((library) => toggleStar(library, '2602.00001').library);
			settle(first);
			await start;
			const second = await machineWith(first.values.get('arxivDigest.library'));
			// apart: a star here, a note there
			const star = first.store.update((library) => toggleStar(library, '2602.04994').library);
			const note = second.store.update((library) => setNote(library, '2602.05049', 'read the proofs'));
			settle(first);
			settle(second);
			await Promise.all([star, note]);
			// the second machine synced first: the first machine's value is replaced by the second's
			first.values.set('arxivDigest.library', structuredClone(second.values.get('arxivDigest.library')));
			first.store.reload();
			settle(first);
			assert.ok(isStarred(first.store.library, '2602.04994'), 'the star made here');
			assert.strictEqual(first.store.library.notes['2602.05049'], 'read the proofs', 'the note made there');
			assert.ok(isStarred(new LibraryStore(first.memento as never).library, '2602.04994'), 'stored merged');
			// and the merged value, carried back, is taken as it is there
			second.values.set('arxivDigest.library', structuredClone(first.values.get('arxivDigest.library')));
			second.store.reload();
			settle(second);
			assert.ok(isStarred(second.store.library, '2602.04994') && isStarred(second.store.library, '2602.00001'));
			assert.strictEqual(second.store.library.notes['2602.05049'], 'read the proofs');
		});

		it('an unstar on one machine stays unstarred, merged from the library both started from', async () => {
			const first = await machineWith();
			const start = first.store.update((library) => toggleStar(toggleStar(library, '2602.00001').library, '2602.00002').library);
			settle(first);
			await start;
			const second = await machineWith(first.values.get('arxivDigest.library'));
			const unstar = first.store.update((library) => toggleStar(library, '2602.00001').library);
			const tag = second.store.update((library) => setTags(library, '2602.00002', ['later']));
			settle(first);
			settle(second);
			await Promise.all([unstar, tag]);
			first.values.set('arxivDigest.library', structuredClone(second.values.get('arxivDigest.library')));
			first.store.reload();
			settle(first);
			assert.ok(!isStarred(first.store.library, '2602.00001'), 'the unstar made here');
			assert.ok(isStarred(first.store.library, '2602.00002'));
			assert.deepStrictEqual(first.store.library.tags['2602.00002'], ['later']);
		});
	});
});
