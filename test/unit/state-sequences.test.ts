/**
 * Sequences of windows (and versions of the extension) writing the shared library and read marks in
 * turn: nothing lost, nothing removed coming back. A window here is a store over one in-memory globalState.
 */
import * as assert from 'node:assert';
import { isStarred, setNote, setTags, toggleStar, type Library } from '../../src/core/library/model';
import { fakeVscode, withFakeVscode } from './fake-vscode';

/** shared globalState of one machine (every window sees a write at once; saves complete at once) */
function sharedMemento() {
	const values = new Map<string, unknown>();
	return {
		values,
		keys: () => [...values.keys()],
		get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
		update: async (key: string, value: unknown) => {
			values.set(key, value);
		},
	};
}

describe('library: windows and versions taking turns', () => {
	let LibraryStore: typeof import('../../src/features/library/store').LibraryStore;
	withFakeVscode(() => (LibraryStore = require('../../src/features/library/store').LibraryStore));

	it('a window left open while 16 other windows (sessions) took turns writing: an unstar made by them is not undone', async () => {
		const m = sharedMemento();
		const idle = new LibraryStore(m as never);
		await idle.update((l) => toggleStar(toggleStar(l, '2602.00001').library, '2602.00002').library);
		// 16 later window sessions, one after another (each reads what is stored, changes one thing)
		for (let i = 0; i < 16; i++) {
			const w = new LibraryStore(m as never);
			if (i === 3) await w.update((l) => toggleStar(l, '2602.00001').library); // unstar
			else if (i === 5) await w.update((l) => setNote(l, '2602.00002', 'first'));
			else if (i === 9) await w.update((l) => setNote(l, '2602.00002', 'second'));
			else await w.update((l) => setTags(l, `2602.1${String(i).padStart(4, '0')}`, ['t']));
			w.dispose();
		}
		assert.ok(!isStarred(new LibraryStore(m as never).library, '2602.00001'), 'stored unstarred before the idle window is focused');
		// the idle window is focused
		idle.reload();
		const after = new LibraryStore(m as never).library;
		assert.ok(!isStarred(idle.library, '2602.00001'), 'idle window: unstar undone');
		assert.ok(!isStarred(after, '2602.00001'), 'stored: unstar undone');
		assert.strictEqual(after.notes['2602.00002'], 'second', 'note edited elsewhere');
	});

	it('a window of the previous version (stamped, no builtOn) unstars: the new window does not star it again', async () => {
		const m = sharedMemento();
		// what the previous version stored (it stamps its writes, without builtOn)
		const previous = (lib: import('../../src/core/library/model').Library, n: number) => ({ ...require('../../src/core/library/serial').serializeLibrary(lib), stamp: `old:${n}` });
		const { emptyLibrary } = require('../../src/core/library/model');
		m.values.set('arxivDigest.library', previous(emptyLibrary(), 1));
		const updated = new LibraryStore(m as never);
		await updated.update((l) => toggleStar(l, '2602.00001').library);
		// the old window (not reloaded after the update) reads it whole and unstars it
		const { parseLibrary } = require('../../src/core/library/serial');
		const oldView = parseLibrary(m.values.get('arxivDigest.library')).value;
		m.values.set('arxivDigest.library', previous(toggleStar(oldView, '2602.00001').library, 2));
		updated.reload();
		assert.ok(!isStarred(updated.library, '2602.00001'), 'unstarred in the old window');
	});

	it('an echo of "no library yet" after this window READ another window\'s star does not empty the library', async () => {
		const m = sharedMemento();
		const a = new LibraryStore(m as never);
		const b = new LibraryStore(m as never);
		await b.update((l) => toggleStar(l, '2602.00001').library);
		a.reload(); // focus
		// the echo of an earlier write of another key, carrying no library
		m.values.delete('arxivDigest.library');
		a.reload();
		await a.update((l) => toggleStar(l, '2602.00002').library);
		assert.ok(isStarred(a.library, '2602.00001'), 'the other window\'s star survives in this one');
		assert.ok(isStarred(new LibraryStore(m as never).library, '2602.00001'), 'and stored');
	});
});

describe('read marks: windows and versions taking turns', () => {
	let readStore: typeof import('../../src/features/reading/readStore');
	withFakeVscode(() => (readStore = require('../../src/features/reading/readStore')));

	it('a Replace import in one window, of a state without a paper the other window just marked read, is not undone by that window', async () => {
		const m = sharedMemento();
		const a = new readStore.ReadStore(m as never);
		const b = new readStore.ReadStore(m as never);
		a.markRead(['2602.00001']);
		await a.flush();
		b.reload();
		// B marks a paper read; its save lands after A last reloaded (A was focused)
		b.markRead(['2602.00002']);
		await b.flush();
		// A: Import Reading State, Replace, with a file holding only 2602.00003
		a.restore({ ...new (require('../../src/core/readState').ReadState)().serialize() });
		a.markRead(['2602.00003']);
		await a.flush();
		b.reload(); // B focused
		await b.flush();
		const stored = new readStore.ReadStore(m as never).readIds().sort();
		assert.deepStrictEqual(b.readIds().sort(), ['2602.00003'], 'B follows the Replace');
		assert.deepStrictEqual(stored, ['2602.00003'], 'stored as replaced');
	});

	it('read marks: a window left open while 16 other window sessions took turns: their unread marks are not undone', async () => {
		const m = sharedMemento();
		const idle = new readStore.ReadStore(m as never);
		idle.markRead(['2602.00001', '2602.00002']);
		await idle.flush();
		for (let i = 0; i < 16; i++) {
			const w = new readStore.ReadStore(m as never);
			if (i === 2) w.markUnread(['2602.00001']);
			else w.markRead([`2602.1${String(i).padStart(4, '0')}`]);
			await w.flush();
			w.dispose();
		}
		idle.reload();
		await idle.flush();
		assert.ok(!idle.isRead('2602.00001'), 'idle window: unread mark undone');
		assert.ok(!new readStore.ReadStore(m as never).isRead('2602.00001'), 'stored: unread mark undone');
	});

	it('one window after an upgrade from an unstamped version: an echo of the unstamped value does not bring back an unread paper', async () => {
		const { ReadState } = require('../../src/core/readState');
		const s = new ReadState();
		s.markRead(['2602.00001']);
		const m = sharedMemento();
		const unstamped = s.serialize();
		m.values.set('arxivDigest.readState', unstamped);
		const w = new readStore.ReadStore(m as never);
		w.markUnread(['2602.00001']);
		await w.flush();
		m.values.set('arxivDigest.readState', unstamped); // echo
		w.reload();
		await w.flush();
		assert.ok(!w.isRead('2602.00001'));
	});
});

describe('many windows over time (writers named in builtOn)', () => {
	let LibraryStore: typeof import('../../src/features/library/store').LibraryStore;
	let readStore: typeof import('../../src/features/reading/readStore');
	withFakeVscode(() => {
		LibraryStore = require('../../src/features/library/store').LibraryStore;
		readStore = require('../../src/features/reading/readStore');
	});

	it('library: window B adds a note, tag and collection; a newly opened window C removes them; B focused: they stay removed', async () => {
		const m = sharedMemento();
		// earlier sessions (window reloads over the past days), each changing something
		for (let i = 0; i < 16; i++) {
			const w = new LibraryStore(m as never);
			await w.update((l) => setTags(l, `2602.1${String(i).padStart(4, '0')}`, ['t']));
			w.dispose();
		}
		const b = new LibraryStore(m as never);
		await b.update((l) => setNote(setTags(l, '2602.00002', ['later']), '2602.00002', 'draft'));
		const c = new LibraryStore(m as never); // a new window
		await c.update((l) => setNote(setTags(l, '2602.00002', []), '2602.00002', ''));
		assert.strictEqual(new LibraryStore(m as never).library.notes['2602.00002'], undefined, 'stored without the note');
		b.reload(); // the reader goes back to B
		const stored = new LibraryStore(m as never).library;
		assert.strictEqual(b.library.notes['2602.00002'], undefined, 'B: deleted note back');
		assert.strictEqual(stored.notes['2602.00002'], undefined, 'stored: deleted note back');
		assert.deepStrictEqual(stored.tags['2602.00002'], undefined, 'stored: removed tag back');
	});

	it('read marks: B reads a paper, a newly opened window C marks it unread, B focused: it stays unread', async () => {
		const m = sharedMemento();
		for (let i = 0; i < 16; i++) {
			const w = new readStore.ReadStore(m as never);
			w.markRead([`2602.1${String(i).padStart(4, '0')}`]);
			await w.flush();
			w.dispose();
		}
		const b = new readStore.ReadStore(m as never);
		b.markRead(['2602.00001']);
		await b.flush();
		const c = new readStore.ReadStore(m as never);
		c.markUnread(['2602.00001']);
		await c.flush();
		b.reload();
		await b.flush();
		assert.ok(!b.isRead('2602.00001'), 'B: unread mark undone');
		assert.ok(!new readStore.ReadStore(m as never).isRead('2602.00001'), 'stored: unread mark undone');
	});

	it('builtOn of a new window after 16 writers names the value it read', async () => {
		const m = sharedMemento();
		for (let i = 0; i < 17; i++) {
			const w = new readStore.ReadStore(m as never);
			w.markRead([`2602.1${String(i).padStart(4, '0')}`]);
			await w.flush();
			w.dispose();
		}
		const before = m.values.get('arxivDigest.readState') as { stamp: string };
		const c = new readStore.ReadStore(m as never);
		c.markRead(['2602.00001']);
		await c.flush();
		const after = m.values.get('arxivDigest.readState') as { builtOn: Record<string, number> };
		const [writer, n] = before.stamp.split(':');
		assert.strictEqual(after.builtOn[writer], Number(n), `builtOn ${JSON.stringify(after.builtOn)} lacks ${before.stamp}`);
	});
});

const READ = 'arxivDigest.readState';
const LIB = 'arxivDigest.library';

describe('read marks: two machines, Start Fresh, echoes of values saved over', () => {
	let readStore: typeof import('../../src/features/reading/readStore');
	let ReadState: typeof import('../../src/core/readState').ReadState;
	withFakeVscode(() => {
		readStore = require('../../src/features/reading/readStore');
		ReadState = require('../../src/core/readState').ReadState;
	});

	it('the echo of another window\'s value this window read and then saved over is put back (a paper marked unread stays unread)', async () => {
		const m = sharedMemento();
		const a = new readStore.ReadStore(m as never);
		const b = new readStore.ReadStore(m as never);
		b.markRead(['2602.00001']);
		await b.flush();
		const fromB = m.values.get(READ);
		a.reload(); // A focused: reads B's marks
		a.markUnread(['2602.00001']);
		a.markRead(['2602.00002']);
		await a.flush();
		// the echo of B's write (the editor hands back the extension's whole state as B wrote it)
		m.values.set(READ, fromB);
		a.reload();
		a.dispose(); // A closed: nothing pending
		const stored = new readStore.ReadStore(m as never);
		assert.deepStrictEqual(
			{ unread1: !stored.isRead('2602.00001'), read2: stored.isRead('2602.00002') },
			{ unread1: true, read2: true },
			'stored after the echo: A\'s unread mark and read mark are gone (the echo of B\'s value was kept, not put back)',
		);
	});

	/** a desktop, and a laptop Settings Sync gave the desktop's read marks (`read`) */
	async function desktopAndLaptop(read: string[]) {
		const desk = sharedMemento();
		const laptop = sharedMemento();
		const d = new readStore.ReadStore(desk as never);
		d.markRead(read);
		await d.flush();
		laptop.values.set(READ, structuredClone(desk.values.get(READ)));
		const l = new readStore.ReadStore(laptop as never);
		return {
			desk,
			d,
			l,
			/** 8 cards read on the desktop, one save each */
			async eightCards() {
				for (let i = 0; i < 8; i++) {
					d.markRead([`2602.1${String(i).padStart(4, '0')}`]);
					await d.flush();
				}
			},
			/** Settings Sync: the laptop's value (its side kept whole) arrives on the desktop */
			async laptopArrives() {
				desk.values.set(READ, structuredClone(laptop.values.get(READ)));
				d.reload();
				await d.flush();
			},
		};
	}

	it('two machines: a paper marked unread here, then 8 cards opened, and the laptop\'s value (built before) arrives: stays unread', async () => {
		const machines = await desktopAndLaptop(['2602.00001', '2602.00002']);
		const { desk, d, l } = machines;
		d.markUnread(['2602.00001']);
		await d.flush();
		await machines.eightCards();
		// on the laptop (offline): one card read
		l.markRead(['2602.09999']);
		await l.flush();
		await machines.laptopArrives();
		assert.ok(d.isRead('2602.09999'), 'the laptop\'s mark is taken');
		assert.ok(d.isRead('2602.10007'), 'the desktop\'s marks are kept');
		assert.ok(!d.isRead('2602.00001'), 'desktop: the paper marked unread is read again');
		assert.ok(!new readStore.ReadStore(desk as never).isRead('2602.00001'), 'stored: the paper marked unread is read again');
	});

	it('same with a Replace import on the desktop: the replaced marks do not come back', async () => {
		const machines = await desktopAndLaptop(['2602.00001', '2602.00002']);
		const { desk, d, l } = machines;
		d.restore(new ReadState().serialize()); // Import Reading State, Replace, with an empty state
		await d.flush();
		await machines.eightCards();
		l.markRead(['2602.09999']);
		await l.flush();
		await machines.laptopArrives();
		assert.deepStrictEqual(
			new readStore.ReadStore(desk as never).readIds().filter((id) => id < '2602.1').sort(),
			['2602.09999'],
			'stored: the marks the Replace removed came back',
		);
	});

	it('Back Up and Start Fresh chosen in a second window after the first did it keeps the first window\'s marks', async () => {
		const m = sharedMemento();
		m.values.set(READ, { format: 9, marks: 'newer version' });
		const choices: ((v: unknown) => void)[] = [];
		const original = fakeVscode.window.showErrorMessage;
		fakeVscode.window.showErrorMessage = (() => new Promise((resolve) => choices.push(resolve))) as never;
		try {
			const a = new readStore.ReadStore(m as never);
			const b = new readStore.ReadStore(m as never);
			assert.strictEqual(choices.length, 2);
			choices[0]('Back Up and Start Fresh');
			await new Promise((r) => setTimeout(r, 10));
			a.markRead(['2602.00001', '2602.00002']);
			await a.flush();
			b.markRead(['2602.00003']);
			choices[1]('Back Up and Start Fresh');
			await new Promise((r) => setTimeout(r, 10));
			await b.flush();
			const stored = new readStore.ReadStore(m as never).readIds().sort();
			assert.deepStrictEqual(stored, ['2602.00001', '2602.00002', '2602.00003'], 'window A\'s marks, made after its Start Fresh, were saved over');
			a.dispose();
			b.dispose();
		} finally {
			fakeVscode.window.showErrorMessage = original;
		}
	});
	it('read marks: a window left open while 70 other window sessions wrote: their unread mark is not undone', async () => {
		const m = sharedMemento();
		const idle = new readStore.ReadStore(m as never);
		idle.markRead(['2602.00001']);
		await idle.flush();
		for (let i = 0; i < 70; i++) {
			const w = new readStore.ReadStore(m as never);
			if (i === 10) w.markUnread(['2602.00001']);
			else w.markRead([`2602.1${String(i).padStart(4, '0')}`]);
			await w.flush();
			w.dispose();
		}
		idle.reload();
		await idle.flush();
		assert.ok(!new readStore.ReadStore(m as never).isRead('2602.00001'), 'stored: the unread mark is undone');
	});
});

describe('library: two machines, Start an Empty Library, long-lived windows', () => {
	let LibraryStore: typeof import('../../src/features/library/store').LibraryStore;
	let showLibraryProblem: typeof import('../../src/features/library/store').showLibraryProblem;
	withFakeVscode(() => {
		({ LibraryStore, showLibraryProblem } = require('../../src/features/library/store'));
	});

	it('two machines: 32 edits on the desktop while the laptop was offline; the laptop\'s value arrives: no unstar undone, no note doubled', async () => {
		const desk = sharedMemento();
		const laptop = sharedMemento();
		const d = new LibraryStore(desk as never);
		await d.update((l) => setNote(toggleStar(toggleStar(l, '2602.00001').library, '2602.00002').library, '2602.00003', 'old text'));
		laptop.values.set(LIB, structuredClone(desk.values.get(LIB)));
		const l = new LibraryStore(laptop as never);
		await d.update((lib) => toggleStar(lib, '2602.00001').library); // unstar
		await d.update((lib) => setNote(lib, '2602.00003', 'new text'));
		for (let i = 0; i < 30; i++) await d.update((lib) => setTags(lib, `2602.1${String(i).padStart(4, '0')}`, ['t']));
		await l.update((lib) => setTags(lib, '2602.09999', ['laptop']));
		desk.values.set(LIB, structuredClone(laptop.values.get(LIB)));
		d.reload();
		const stored: Library = new LibraryStore(desk as never).library;
		assert.deepStrictEqual(stored.tags['2602.09999'], ['laptop'], 'the laptop\'s tag');
		assert.deepStrictEqual(
			{ starred1: isStarred(stored, '2602.00001'), note3: stored.notes['2602.00003'] },
			{ starred1: false, note3: 'new text' },
			'stored: the unstar made on the desktop is undone and the note edited there has the old text appended',
		);
	});

	it('"Start an Empty Library" answered in a second window after the first did it keeps the stars made since', async () => {
		const m = sharedMemento();
		m.values.set(LIB, { format: 'arxiv-digest/library', v: 99, papers: 'newer' });
		const a = new LibraryStore(m as never);
		const b = new LibraryStore(m as never);
		const originalError = fakeVscode.window.showErrorMessage;
		const originalWarning = fakeVscode.window.showWarningMessage;
		const answers: ((v: unknown) => void)[] = [];
		fakeVscode.window.showErrorMessage = (() => new Promise((resolve) => answers.push(resolve))) as never;
		fakeVscode.window.showWarningMessage = (async () => 'Replace with an Empty Library') as never;
		try {
			const inA = showLibraryProblem(a);
			const inB = showLibraryProblem(b);
			answers[0]('Start an Empty Library…');
			await inA;
			await a.update((lib) => toggleStar(lib, '2602.00001').library);
			b.reload(); // B focused: it reads the library A started
			answers[1]('Start an Empty Library…');
			await inB;
			assert.ok(isStarred(new LibraryStore(m as never).library, '2602.00001'), 'the star made in A after its Start Empty is gone');
		} finally {
			fakeVscode.window.showErrorMessage = originalError;
			fakeVscode.window.showWarningMessage = originalWarning;
		}
	});
	it('a window left open while 70 other window sessions wrote: their unstar and note edit are not undone', async () => {
		const m = sharedMemento();
		const idle = new LibraryStore(m as never);
		await idle.update((l) => setNote(toggleStar(l, '2602.00001').library, '2602.00002', 'first'));
		for (let i = 0; i < 70; i++) {
			const w = new LibraryStore(m as never);
			if (i === 10) await w.update((l) => toggleStar(l, '2602.00001').library);
			else if (i === 20) await w.update((l) => setNote(l, '2602.00002', 'second'));
			else await w.update((l) => setTags(l, `2602.1${String(i).padStart(4, '0')}`, ['t']));
			w.dispose();
		}
		idle.reload(); // the long-lived window is focused
		const stored = new LibraryStore(m as never).library;
		assert.deepStrictEqual(
			{ starred1: isStarred(stored, '2602.00001'), note2: stored.notes['2602.00002'] },
			{ starred1: false, note2: 'second' },
			'stored after the idle window was focused',
		);
	});
});

