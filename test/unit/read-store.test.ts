import * as assert from 'node:assert';
import { withFakeVscode } from './fake-vscode';

/** a memento in memory, counting its writes */
function memento(initial?: unknown) {
	const values = new Map<string, unknown>(initial === undefined ? [] : [['arxivDigest.readState', initial]]);
	let writes = 0;
	return {
		get: <T>(key: string) => values.get(key) as T | undefined,
		update: async (key: string, value: unknown) => {
			writes++;
			values.set(key, value);
		},
		keys: () => [...values.keys()],
		get writes() {
			return writes;
		},
	};
}

describe('the read store', () => {
	let readStore: typeof import('../../src/features/reading/readStore');
	withFakeVscode(() => (readStore = require('../../src/features/reading/readStore')));

	it('names only the papers whose marks changed, and neither fires nor saves when none did', async () => {
		const m = memento();
		const store = new readStore.ReadStore(m as never);
		const fired: (import('../../src/features/reading/readStore').MarksChange | undefined)[] = [];
		store.onDidChange((ids) => fired.push(ids));
		store.markSeen(['2602.00001', '2602.00002'], '2026-02-05');
		store.markRead(['2602.00002', '2602.00003']);
		await store.flush();
		assert.strictEqual(m.writes, 1, 'one write for the burst');
		fired.length = 0;
		store.markSeen(['2602.00001', '2602.00002v2', '2602.00003'], '2026-02-06');
		store.markRead(['2602.00003']);
		store.markUnread(['2602.00001', '2602.00009']);
		await store.flush();
		assert.deepStrictEqual(fired, [], 'nothing changed: no event');
		assert.strictEqual(m.writes, 1, 'nothing changed: no write');
		store.markSeen(['2602.00001', '2602.00004'], '2026-02-06');
		store.markUnread(['2602.00002v1', '2602.00003']);
		store.markRead(['2602.00004']);
		store.markSeen(['2602.00005']);
		assert.deepStrictEqual(fired, [{ ids: ['2602.00004'], seenOn: '2026-02-06' }, { ids: ['2602.00002v1', '2602.00003'] }, { ids: ['2602.00004'] }, { ids: ['2602.00005'] }]);
		store.dispose();
	});

	it('a mark made after the store was disposed (the extension deactivating) is written at once, not left to a timer', async () => {
		const m = memento();
		const store = new readStore.ReadStore(m as never);
		store.markRead(['2602.00001']);
		store.dispose();
		// the last write of the pending mark
		await new Promise((resolve) => setImmediate(resolve));
		assert.strictEqual(m.writes, 1);
		// a card still waiting for the keys marks its paper as it is disposed after the store
		store.markRead(['2602.00002']);
		await new Promise((resolve) => setImmediate(resolve));
		assert.strictEqual(m.writes, 2, 'written without waiting for the save delay');
		const next = new readStore.ReadStore(m as never);
		assert.ok(next.isRead('2602.00001') && next.isRead('2602.00002'), 'the next session reads both marks');
		next.dispose();
	});

	it('an undo of a mark as read puts back the marks it changed, stored and in other windows', async () => {
		const m = memento();
		const store = new readStore.ReadStore(m as never);
		store.markRead(['2602.00001']);
		store.markSeen(['2602.00002']);
		await store.flush();
		const other = new readStore.ReadStore(m as never);
		const before = store.markRead(['2602.00001', '2602.00002', '2602.00003']);
		assert.deepStrictEqual([...before], [['2602.00002', 'seen'], ['2602.00003', 'new']], 'the papers it changed, with their marks before');
		await store.flush();
		other.reload();
		assert.ok(other.isRead('2602.00003'), 'another window took the mark in');
		const fired: (import('../../src/features/reading/readStore').MarksChange | undefined)[] = [];
		store.onDidChange((ids) => fired.push(ids));
		store.undoMarkRead(before);
		assert.deepStrictEqual(fired, [{ ids: ['2602.00002', '2602.00003'] }]);
		await store.flush();
		const stored = new readStore.ReadStore(m as never);
		assert.deepStrictEqual(['2602.00001', '2602.00002', '2602.00003'].map((id) => stored.statusOn(id, undefined)), ['read', 'seen', 'new']);
		other.reload();
		assert.deepStrictEqual(['2602.00001', '2602.00002', '2602.00003'].map((id) => other.statusOn(id, undefined)), ['read', 'seen', 'new'], 'another window takes the undo in');
		for (const s of [store, other, stored]) s.dispose();
	});

	it('an import names no paper: every paper may have changed', () => {
		const store = new readStore.ReadStore(memento() as never);
		const other = new readStore.ReadStore(memento() as never);
		other.markRead(['2602.00001']);
		const fired: (import('../../src/features/reading/readStore').MarksChange | undefined)[] = [];
		store.onDidChange((ids) => fired.push(ids));
		store.restore(other.snapshot());
		assert.deepStrictEqual(fired, [undefined]);
		assert.ok(store.isRead('2602.00001'));
		store.dispose();
		other.dispose();
	});

	it('a merged import takes in the file\'s seen marks too, and names the papers it changed', () => {
		const store = new readStore.ReadStore(memento() as never);
		store.markRead(['2602.00001']);
		const other = new readStore.ReadStore(memento() as never);
		other.markRead(['2602.00001', '2602.00002']);
		other.markSeen(['2602.00003'], '2026-02-05');
		const parsed = (require('../../src/core/readState') as typeof import('../../src/core/readState')).ReadState.parse(other.snapshot());
		assert.ok(parsed.ok);
		const fired: (import('../../src/features/reading/readStore').MarksChange | undefined)[] = [];
		store.onDidChange((change) => fired.push(change));
		assert.strictEqual(store.merge(parsed.state).length, 2);
		assert.deepStrictEqual(fired.map((change) => change?.ids.slice().sort()), [['2602.00002', '2602.00003']]);
		assert.ok(store.isRead('2602.00002'));
		assert.strictEqual(store.statusOn('2602.00003', undefined), 'seen', 'a seen mark of the file is kept, not dropped');
		store.dispose();
		other.dispose();
	});

	it('two windows marking papers keep each other\'s marks: a save takes in what another window (or Settings Sync) stored', async () => {
		const m = memento();
		const first = new readStore.ReadStore(m as never);
		const second = new readStore.ReadStore(m as never);
		first.markRead(['2602.00001']);
		await first.flush();
		second.markRead(['2602.00002']);
		second.markSeen(['2602.00003'], '2026-02-05');
		await second.flush();
		const after = new readStore.ReadStore(m as never);
		assert.deepStrictEqual(after.readIds().sort(), ['2602.00001', '2602.00002'], 'the first window\'s mark is kept');
		assert.strictEqual(after.statusOn('2602.00003', undefined), 'seen');
		// and the first window shows the second one's marks once it reads globalState again
		const fired: (import('../../src/features/reading/readStore').MarksChange | undefined)[] = [];
		first.onDidChange((change) => fired.push(change));
		first.reload();
		assert.deepStrictEqual(fired.map((change) => change?.ids.slice().sort()), [['2602.00002', '2602.00003']]);
		assert.ok(first.isRead('2602.00002'));
		first.reload();
		assert.strictEqual(fired.length, 1, 'nothing new stored: no event');
		for (const s of [first, second, after]) s.dispose();
	});

	it('a paper marked unread here stays unread though the stored state, written before, has it read', async () => {
		const m = memento();
		const first = new readStore.ReadStore(m as never);
		const second = new readStore.ReadStore(m as never);
		first.markRead(['2602.00001']);
		await first.flush();
		second.reload();
		second.markUnread(['2602.00001']);
		await second.flush();
		assert.strictEqual(new readStore.ReadStore(m as never).statusOn('2602.00001', undefined), 'seen');
		first.dispose();
		second.dispose();
	});

	it('an unread mark or a Replace import of another window is not undone by this window\'s next save', async () => {
		const m = memento();
		const first = new readStore.ReadStore(m as never);
		first.markRead(['2602.00001', '2602.00002']);
		await first.flush();
		const second = new readStore.ReadStore(m as never);
		second.markUnread(['2602.00001']);
		await second.flush();
		// the first window still holds 2602.00001 read; its save took the further mark and stored it again
		first.markRead(['2602.00003']);
		await first.flush();
		assert.strictEqual(new readStore.ReadStore(m as never).statusOn('2602.00001', undefined), 'seen', 'the unread mark stays');
		assert.strictEqual(first.statusOn('2602.00001', undefined), 'seen', 'and the first window shows it');
		second.reload();
		assert.strictEqual(second.statusOn('2602.00001', undefined), 'seen');
		assert.ok(second.isRead('2602.00003'), 'the first window\'s own mark reaches the second');

		const file = new readStore.ReadStore(memento() as never);
		file.markRead(['2602.00009']);
		second.restore(file.snapshot());
		await second.flush();
		first.markRead(['2602.00004']);
		await first.flush();
		assert.deepStrictEqual(new readStore.ReadStore(m as never).readIds().sort(), ['2602.00004', '2602.00009'], 'the Replace import holds, with the mark made since');
		for (const s of [first, second, file]) s.dispose();
	});

	it('the echo of an earlier save does not bring back a mark unread since', async () => {
		const m = memento();
		const store = new readStore.ReadStore(m as never);
		store.markRead(['2602.00001']);
		await store.flush();
		const earlier = structuredClone(m.get('arxivDigest.readState'));
		store.markUnread(['2602.00001']);
		store.markRead(['2602.00002']);
		await store.flush();
		const later = m.get('arxivDigest.readState');
		// the editor hands the window its earlier write back, as a copy
		await m.update('arxivDigest.readState', earlier);
		store.reload();
		assert.strictEqual(store.statusOn('2602.00001', undefined), 'seen');
		assert.ok(store.isRead('2602.00002'));
		assert.deepStrictEqual(m.get('arxivDigest.readState'), later, 'the newer value is put back');
		// and the newer value come back as a copy is no change either
		await m.update('arxivDigest.readState', structuredClone(later));
		const fired: unknown[] = [];
		store.onDidChange((change) => fired.push(change));
		store.reload();
		assert.deepStrictEqual(fired, []);
		store.dispose();
	});

	it('a stored state another version wrote meanwhile is not saved over: marks stay for the session', async () => {
		const m = memento();
		const store = new readStore.ReadStore(m as never);
		await m.update('arxivDigest.readState', { format: 2, marks: 'from a newer version' });
		store.markRead(['2602.00001']);
		await store.flush();
		assert.deepStrictEqual(m.get('arxivDigest.readState'), { format: 2, marks: 'from a newer version' });
		assert.ok(store.isRead('2602.00001'));
		assert.ok(store.isBroken);
		assert.deepStrictEqual(store.snapshot(), { format: 2, marks: 'from a newer version' }, 'Export Reading State keeps the stored marks, not the session\'s few');
		store.dispose();
	});

	it('marks made on two machines between two runs of Settings Sync (it keeps one side\'s value whole) are all kept', async () => {
		const here = memento();
		const there = memento();
		const mine = new readStore.ReadStore(here as never);
		const theirs = new readStore.ReadStore(there as never);
		mine.markRead(['2602.04994']);
		await mine.flush();
		theirs.markRead(['2602.05049']);
		await theirs.flush();
		// the other machine synced first: this one's value is replaced by its
		await here.update('arxivDigest.readState', there.get('arxivDigest.readState'));
		mine.markRead(['2602.09999']);
		await mine.flush();
		assert.deepStrictEqual(new readStore.ReadStore(here as never).readIds().sort(), ['2602.04994', '2602.05049', '2602.09999']);
		// taken in without a change of its own, the marks made here are saved again
		await here.update('arxivDigest.readState', there.get('arxivDigest.readState'));
		mine.reload();
		await mine.flush();
		assert.deepStrictEqual(new readStore.ReadStore(here as never).readIds().sort(), ['2602.04994', '2602.05049', '2602.09999']);
		// while a value built on this store's save still tells an unread mark made there
		const third = new readStore.ReadStore(here as never);
		third.markUnread(['2602.04994']);
		await third.flush();
		mine.reload();
		assert.ok(!mine.isRead('2602.04994'), 'marked unread in the other window');
		for (const s of [mine, theirs, third]) s.dispose();
	});
});
