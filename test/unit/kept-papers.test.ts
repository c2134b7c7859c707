/**
 * What the library keeps of its papers' digest entries: a starred or noted paper whose digest went
 * away still has its title, authors, links, TL;DR and abstract (a long-term-use review: such a paper
 * showed its bare id, was left out of exports and opened a card without its note box).
 */
import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { until } from './until';
import { fakeWorkspace, fixtureFile, type FakeUri } from './fake-workspace';
import { smallDigest } from '../fixtures/small-digest';
import { KEPT_FORMAT, MAX_KEPT_AUTHORS, keptPaper, mergeKept, paperOfKept, parseKept, serializeKept, type KeptPaper } from '../../src/core/library/kept';
import { emptyLibrary, setNote, toggleStar, type Library } from '../../src/core/library/model';
import { renderCardHtml } from '../../src/core/card/render';

const full = smallDigest().papers;

describe('kept papers (core)', () => {
	it('keeps what a row, a card and BibTeX need, every day newest first, and reads back as a paper', () => {
		const paper = { ...full[0], id: '2601.00002', authors: Array.from({ length: 250 }, (_, i) => `Author ${i}`), abstract: 'x'.repeat(20_000) };
		const kept = keptPaper(paper, ['2026-01-02', '2026-03-01', '2026-01-02']);
		assert.deepStrictEqual(kept.days, ['2026-03-01', '2026-01-02']);
		assert.strictEqual(kept.authors.length, MAX_KEPT_AUTHORS);
		assert.strictEqual(kept.authorCount, 250);
		assert.ok(kept.abstract.length < 8_100, 'a runaway abstract is cut');
		const back = paperOfKept(kept);
		assert.strictEqual(back.title, paper.title);
		assert.strictEqual(back.tldr, paper.tldr);
		assert.strictEqual(back.motivation, '', 'the other summary fields are not kept');
		assert.deepStrictEqual(paperOfKept(keptPaper({ ...full[1], id: 'arXiv:2601.00003v2' }, ['d'])).id, '2601.00003', 'by library id');
	});

	it('reads its own file back, skips a record that is not one (a hand-edited file), and refuses another tool\'s or a newer format', () => {
		const kept = keptPaper({ ...full[0], id: '2601.00002' }, ['2026-01-02']);
		const stored = JSON.parse(JSON.stringify(serializeKept([kept, { ...kept, id: '__proto__' } as KeptPaper, { ...kept, id: '2601.00009', authors: 'A. Author' } as unknown as KeptPaper])));
		const read = parseKept(stored);
		assert.ok(read.ok);
		assert.deepStrictEqual([...read.papers.keys()], ['2601.00002']);
		assert.strictEqual(read.skipped, 2);
		assert.deepStrictEqual(read.papers.get('2601.00002'), kept);
		assert.deepStrictEqual(parseKept(undefined), { ok: true, papers: new Map(), skipped: 0 });
		assert.strictEqual(parseKept({ papers: [] }).ok, false);
		assert.strictEqual(parseKept({ format: KEPT_FORMAT, v: 99, papers: [] }).ok, false);
		assert.strictEqual(parseKept([kept]).ok, false);
	});

	it('merges another window\'s records with its own, their days together, less the papers it saw go', () => {
		const a = keptPaper({ ...full[0], id: '2601.00001' }, ['2026-01-01']);
		const b = keptPaper({ ...full[1], id: '2601.00002' }, ['2026-01-01']);
		const c = keptPaper({ ...full[2], id: '2601.00003' }, ['2026-01-01']);
		const mine = new Map([[a.id, { ...a, days: ['2026-01-05'] }]]);
		const merged = mergeKept(new Map([[a.id, a], [b.id, b], [c.id, c]]), mine, new Set([c.id]));
		assert.deepStrictEqual([...merged.keys()].sort(), [a.id, b.id]);
		assert.deepStrictEqual(merged.get(a.id)?.days, ['2026-01-05', '2026-01-01']);
	});

	it('a card of a kept paper says so, has no place in a digest nor Reveal Source, and keeps the note box', () => {
		const kept = keptPaper({ ...full[0], id: '2601.00002' }, ['2026-01-02']);
		const html = renderCardHtml({ paper: paperOfKept(kept), fileLabel: '2026-01-02', index: 0, total: 1, gone: 'No digest lists it any more.', library: { starred: true, collections: [], tags: [], note: 'my note' } });
		assert.match(html, /class="gone" role="note">.*No digest lists it any more\./);
		assert.ok(!html.includes('data-action="revealSource"') && !html.includes('revealSource'), 'no Reveal Source');
		assert.ok(!html.includes('In this digest'), 'no place in a digest');
		assert.match(html, /<textarea[^>]*note/i);
		assert.ok(html.includes(full[0].title.slice(0, 20)));
		const normal = renderCardHtml({ paper: paperOfKept(kept), fileLabel: '2026-01-02', index: 0, total: 1 });
		assert.ok(normal.includes('revealSource') && !normal.includes('class="gone"'));
	});
});

describe('kept papers (the library\'s record in global storage)', () => {
	let keptModule: typeof import('../../src/features/library/keptPapers');
	withFakeVscode(() => (keptModule = require('../../src/features/library/keptPapers')));
	const folder = { scheme: 'file', path: '/storage' };
	const file = 'file:/storage/kept-papers.json';

	type Location = { paper: { id: string }; index: number; file: { digest: { day?: string } } };
	const load = async (location: Location) => ({ paper: { ...full[location.index], id: location.paper.id }, index: location.index, day: location.file.digest.day });

	/** a window's library store: its value, `problem` while it cannot be read, and `set` to change it (each window has its own) */
	function storeOf(library: Library, problem?: unknown) {
		const changes = new fakeVscode.EventEmitter<Library>();
		return {
			library,
			problem,
			onDidChange: changes.event,
			set(next: Library) {
				this.library = next;
				changes.fire(next);
			},
		};
	}

	/** a window over `store`: its workspace (the index answering `backend`) and its KeptPapers */
	function windowOf(store: ReturnType<typeof storeOf>, loadPaper = load, backend?: unknown) {
		const workspace = fakeWorkspace();
		const ws = Object.assign(workspace.ws, { backend: async () => backend, loadPaper });
		return { ...workspace, store, kept: new keptModule.KeptPapers(folder as never, store as never, ws as never) };
	}

	/** what the file holds */
	const stored = (): { papers: KeptPaper[] } => JSON.parse(new TextDecoder().decode(fakeVscode.workspace.fs.files.get(file)));
	const storedIds = () => stored().papers.map((p) => p.id).sort();

	/** a window of `library` whose digests list `ids` on `day`: its records made and written, then closed */
	async function recordAndClose(library: Library, ids: string[], day: string): Promise<void> {
		const w = windowOf(storeOf(library));
		w.put(fixtureFile(day, ids));
		w.scanned();
		await w.kept.settled();
		w.kept.dispose();
	}

	/** a new window of `library` whose digests list none of its papers, once it read the records */
	async function startedWindow(library: Library): Promise<ReturnType<typeof windowOf>> {
		const w = windowOf(storeOf(library));
		w.scanned();
		await w.kept.settled();
		return w;
	}

	/** a window of its own library */
	function setup(library: Library, loadPaper = load) {
		const w = windowOf(storeOf(library), loadPaper);
		return { ...w, set: (next: Library) => w.store.set(next) };
	}

	beforeEach(() => fakeVscode.workspace.fs.files.clear());

	it('records a starred paper a digest lists, keeps it when the digest goes, and lets it go with the star', async () => {
		const starred = toggleStar(emptyLibrary(), '2601.00002').library;
		const s = setup(starred);
		const listing = fixtureFile('2026-01-02', ['2601.00001', '2601.00002']);
		s.put(listing);
		s.scanned();
		await s.kept.settled();
		assert.strictEqual(s.kept.get('2601.00002')?.title, full[1].title);
		assert.deepStrictEqual(s.kept.get('2601.00002')?.days, ['2026-01-02']);
		assert.strictEqual(s.kept.get('2601.00001'), undefined, 'a paper the library does not hold');
		assert.deepStrictEqual(stored().papers.map((p) => p.id), ['2601.00002']);
		s.remove(listing.uri as FakeUri);
		await s.kept.settled();
		assert.strictEqual(s.kept.get('2601.00002')?.title, full[1].title, 'kept when its digest went');
		const unstarred = toggleStar(starred, '2601.00002').library;
		s.set(unstarred);
		await s.kept.settled();
		assert.deepStrictEqual(stored().papers, [], 'no longer written');
		// still shown in this session: the card unstarred keeps its paper, and a star given back its record
		assert.strictEqual(s.kept.get('2601.00002')?.title, full[1].title);
		s.set(toggleStar(unstarred, '2601.00002').library);
		await s.kept.settled();
		assert.deepStrictEqual(stored().papers.map((p) => p.id), ['2601.00002']);
		s.kept.dispose();
		// a new window does not have it
		const next = await startedWindow(unstarred);
		assert.strictEqual(next.kept.get('2601.00002'), undefined);
		next.kept.dispose();
	});

	it('a noted paper too; a new window reads the records, and adds another window\'s records of its papers', async () => {
		const noted = setNote(emptyLibrary(), '2601.00003', 'read this again');
		await recordAndClose(noted, ['2601.00001', '2601.00002', '2601.00003'], '2026-01-04');
		// a second window on a workspace without that digest
		const second = await startedWindow(noted);
		assert.strictEqual(second.kept.get('2601.00003')?.title, full[2].title);
		second.kept.dispose();
	});

	it('never writes over a stored file that is not its own: it is set aside, and the records start again', async () => {
		fakeVscode.workspace.fs.files.set(file, new TextEncoder().encode('{"not": "ours"}'));
		const s = setup(toggleStar(emptyLibrary(), '2601.00001').library);
		s.put(fixtureFile('2026-01-02', ['2601.00001']));
		s.scanned();
		await s.kept.settled();
		const aside = [...fakeVscode.workspace.fs.files.keys()].find((key) => key.includes('kept-papers.json.unreadable-'));
		assert.ok(aside, [...fakeVscode.workspace.fs.files.keys()].join(', '));
		assert.strictEqual(new TextDecoder().decode(fakeVscode.workspace.fs.files.get(aside!)), '{"not": "ours"}');
		assert.deepStrictEqual(stored().papers.map((p) => p.id), ['2601.00001']);
		s.kept.dispose();
	});

	it('a read that fails (the index restarting) is said in the log and tried again at the next change', async () => {
		let fail = true;
		const s = setup(toggleStar(emptyLibrary(), '2601.00001').library, async (location) => {
			if (fail) throw new Error('the index worker stopped');
			return load(location);
		});
		s.put(fixtureFile('2026-01-02', ['2601.00001']));
		s.scanned();
		await s.kept.settled();
		assert.strictEqual(s.kept.get('2601.00001'), undefined);
		fail = false;
		s.put(fixtureFile('2026-01-03', ['2601.00009']));
		await s.kept.settled();
		assert.strictEqual(s.kept.get('2601.00001')?.title, full[0].title);
		assert.deepStrictEqual(s.kept.get('2601.00001')?.days, ['2026-01-02']);
		s.kept.dispose();
	});

	// a review of the first version's: each of these lost a record for good, or never made one
	it('two VS Code profiles share the default one\'s global storage, each its own library: a window of one keeps the other\'s records', async () => {
		await recordAndClose(toggleStar(emptyLibrary(), '2601.00001').library, ['2601.00001'], '2026-01-01');
		const b = setup(toggleStar(emptyLibrary(), '2601.00002').library);
		b.put(fixtureFile('2026-01-02', ['2601.00002']));
		b.scanned();
		await b.kept.settled();
		assert.deepStrictEqual(stored().papers.map((p) => p.id).sort(), ['2601.00001', '2601.00002']);
		b.kept.dispose();
	});

	it('a library that cannot be read for a while (a newer version\'s, through Settings Sync) lets no record go', async () => {
		const library = toggleStar(emptyLibrary(), '2601.00001').library;
		await recordAndClose(library, ['2601.00001'], '2026-01-01');
		const unreadable = windowOf(storeOf(emptyLibrary(), { problem: 'newer', reason: 'version 2' }));
		unreadable.scanned();
		unreadable.store.set(emptyLibrary());
		unreadable.put(fixtureFile('2026-01-09', ['2601.00009']));
		await unreadable.kept.settled();
		unreadable.kept.dispose();
		const again = await startedWindow(library);
		assert.strictEqual(again.kept.get('2601.00001')?.title, full[0].title);
		again.kept.dispose();
	});

	it('two windows: a paper starred in the one whose digests list it is shown by the other, whose digests do not', async () => {
		// one store for both: each window has its own, but this test is about the file, not about when a window reads its library
		const store = storeOf(emptyLibrary());
		const a = windowOf(store);
		const b = windowOf(store);
		a.put(fixtureFile('2026-01-01', ['2601.00001']));
		a.scanned();
		b.scanned();
		await Promise.all([a.kept.settled(), b.kept.settled()]);
		store.set(toggleStar(store.library, '2601.00001').library);
		await a.kept.settled();
		await b.kept.settled();
		// B looked before A wrote: a later change of B's looks again, once
		b.put(fixtureFile('2026-01-09', ['2601.00009']));
		await b.kept.settled();
		assert.strictEqual(b.kept.get('2601.00001')?.title, full[0].title);
		a.kept.dispose();
		b.kept.dispose();
	});

	it('a star, then its digest deleted at once: kept from the summary, and read in full once a digest lists it again', async () => {
		const { kept, store, ...workspace } = windowOf(storeOf(emptyLibrary()));
		const listing = fixtureFile('2026-01-01', ['2601.00001']);
		workspace.put(listing);
		workspace.scanned();
		await kept.settled();
		store.set(toggleStar(store.library, '2601.00001').library);
		workspace.remove(listing.uri as FakeUri);
		await kept.settled();
		assert.strictEqual(kept.get('2601.00001')?.title, full[0].title);
		assert.strictEqual(kept.get('2601.00001')?.partial, true);
		workspace.put(fixtureFile('2026-01-03', ['2601.00001']));
		await kept.settled();
		assert.strictEqual(kept.get('2601.00001')?.tldr, full[0].tldr);
		assert.strictEqual(kept.get('2601.00001')?.partial, undefined);
		kept.dispose();
	});

	// a second review's, of the fixes above
	describe('with other windows writing', () => {
		const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
		const fs = fakeVscode.workspace.fs as unknown as Record<string, unknown>;
		const original = { rename: fs.rename, writeFile: fs.writeFile };
		afterEach(() => Object.assign(fs, original));
		it('a window that has not seen its library let a paper go (not focused) does not write its record back', async () => {
			const both = toggleStar(toggleStar(emptyLibrary(), '2601.00001').library, '2601.00002').library;
			const storeA = storeOf(both);
			const storeB = storeOf(both);
			const a = windowOf(storeA);
			const b = windowOf(storeB);
			a.put(fixtureFile('2026-01-01', ['2601.00001', '2601.00002']));
			b.put(fixtureFile('2026-01-01', ['2601.00001', '2601.00002']));
			a.scanned();
			b.scanned();
			await Promise.all([a.kept.settled(), b.kept.settled()]);
			storeA.set(toggleStar(both, '2601.00001').library);
			await a.kept.settled();
			assert.deepStrictEqual(storedIds(), ['2601.00002']);
			// the next day arrives in B's folder, listing the other starred paper: B writes its new day
			b.put(fixtureFile('2026-01-02', ['2601.00002']));
			await b.kept.settled();
			a.kept.dispose();
			b.kept.dispose();
			assert.deepStrictEqual(storedIds(), ['2601.00002']);
		});

		it('VS Code\'s rename over the file deletes it first: a window reading in that gap writes nothing then, not its records alone', async () => {
			fs.rename = async (from: { toString(): string }, to: { toString(): string }) => {
				const files = fakeVscode.workspace.fs.files;
				files.delete(to.toString());
				await sleep(20);
				files.set(to.toString(), files.get(from.toString())!);
				files.delete(from.toString());
			};
			await recordAndClose(toggleStar(emptyLibrary(), '2601.00001').library, ['2601.00001'], '2026-01-01');
			await recordAndClose(toggleStar(emptyLibrary(), '2601.00002').library, ['2601.00002'], '2026-01-02');
			const one = windowOf(storeOf(toggleStar(emptyLibrary(), '2601.00001').library));
			const two = windowOf(storeOf(toggleStar(emptyLibrary(), '2601.00002').library));
			one.scanned();
			two.scanned();
			await Promise.all([one.kept.settled(), two.kept.settled()]);
			one.put(fixtureFile('2026-01-05', ['2601.00001']));
			const first = one.kept.settled();
			await sleep(5);
			two.put(fixtureFile('2026-01-05', ['2601.00002']));
			await Promise.all([first, two.kept.settled()]);
			// the window that read in the gap writes at its next change
			two.put(fixtureFile('2026-01-06', ['2601.00002']));
			await two.kept.settled();
			one.kept.dispose();
			two.kept.dispose();
			assert.deepStrictEqual(storedIds(), ['2601.00001', '2601.00002']);
		});

		it('a star or an unstar during a write is written by the next one', async () => {
			const store = storeOf(toggleStar(toggleStar(emptyLibrary(), '2601.00001').library, '2601.00003').library);
			const w = windowOf(store);
			const listing = fixtureFile('2026-01-01', ['2601.00001', '2601.00002', '2601.00003']);
			w.put(listing);
			w.scanned();
			await w.kept.settled();
			let once = true;
			fs.writeFile = async (uri: { toString(): string }, bytes: Uint8Array) => {
				if (once && uri.toString().endsWith('.tmp')) {
					once = false;
					// the reader stars one paper of the day, unstars another, and deletes the day's file
					store.set(toggleStar(toggleStar(store.library, '2601.00002').library, '2601.00003').library);
					w.remove(listing.uri as FakeUri);
				}
				fakeVscode.workspace.fs.files.set(uri.toString(), bytes);
			};
			w.put(fixtureFile('2026-01-02', ['2601.00001']));
			await w.kept.settled();
			assert.deepStrictEqual(storedIds(), ['2601.00001', '2601.00002']);
			w.kept.dispose();
		});

		it('a window closed while the index\'s first build runs writes the summaries it made', async () => {
			const building = { service: { whenIndexed: () => new Promise<void>(() => undefined) } };
			const { kept, store, ...workspace } = windowOf(storeOf(emptyLibrary()), load, building);
			workspace.put(fixtureFile('2026-01-01', ['2601.00001']));
			workspace.scanned();
			store.set(toggleStar(store.library, '2601.00001').library);
			kept.dispose();
			await until('the kept file written', () => fakeVscode.workspace.fs.files.has(file));
			assert.deepStrictEqual(storedIds(), ['2601.00001']);
		});

		it('a newer version\'s file (another profile\'s extension, a downgrade) is left as it is, and not written over', async () => {
			const library = toggleStar(emptyLibrary(), '2601.00001').library;
			await recordAndClose(library, ['2601.00001'], '2026-01-01');
			const stored = JSON.parse(new TextDecoder().decode(fakeVscode.workspace.fs.files.get(file)));
			const newer = JSON.stringify({ ...stored, v: 2 });
			fakeVscode.workspace.fs.files.set(file, new TextEncoder().encode(newer));
			const w = windowOf(storeOf(toggleStar(library, '2601.00002').library));
			w.put(fixtureFile('2026-01-02', ['2601.00002']));
			w.scanned();
			await w.kept.settled();
			w.kept.dispose();
			assert.deepStrictEqual([...fakeVscode.workspace.fs.files.keys()], [file]);
			assert.strictEqual(new TextDecoder().decode(fakeVscode.workspace.fs.files.get(file)), newer);
		});
	});
});
