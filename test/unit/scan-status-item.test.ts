import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode, type FakeStatusBarItem } from './fake-vscode';
import { fakeWorkspace } from './fake-workspace';
import { FakeClock } from './fake-clock';
import type { SearchProgress } from '../../src/core/search/client';

describe('the scan status bar item', () => {
	let scanStatus: typeof import('../../src/features/scanStatus');
	withFakeVscode(() => (scanStatus = require('../../src/features/scanStatus')));

	const disposables: { dispose(): void }[] = [];
	afterEach(() => disposables.splice(0).forEach((d) => d.dispose()));

	function register() {
		const w = fakeWorkspace();
		const time = new FakeClock();
		const indexEvents = new fakeVscode.EventEmitter<SearchProgress>();
		const updateEvents = new fakeVscode.EventEmitter<number>();
		const longFieldEvents = new fakeVscode.EventEmitter<boolean>();
		const loadingAnswerEvents = new fakeVscode.EventEmitter<void>();
		const disposable = scanStatus.registerScanStatus(
			w.ws as never,
			'arxivDigest.papers',
			time,
			(listener) => indexEvents.event(listener) as never,
			(listener) => updateEvents.event(listener) as never,
			(listener) => longFieldEvents.event(listener) as never,
			(listener) => loadingAnswerEvents.event(listener) as never,
		);
		disposables.push(disposable);
		const item = fakeVscode.window.statusBarItems[fakeVscode.window.statusBarItems.length - 1] as FakeStatusBarItem;
		/** the search index reports its progress */
		const index = (phase: SearchProgress['phase'], done: number, total: number) => indexEvents.fire({ phase, done, total });
		/** the index has this many added or changed files not indexed yet */
		const updates = (pending: number) => updateEvents.fire(pending);
		/** the index still loads (true) or has loaded (false) the long fields' text a warm start reads back */
		const longFields = (loading: boolean) => longFieldEvents.fire(loading);
		/** the index answered a search while it still loads the long fields' text */
		const loadingAnswer = () => loadingAnswerEvents.fire();
		/** a warm start: the check of the folder, the index complete from its cache, the long fields' text still loading */
		const warmStartLoadingLongFields = () => {
			w.progress('checking', 0, 167);
			time.tick(150);
			w.progress('idle', 167, 167);
			index('full', 0, 0);
			longFields(true);
		};
		return { ...w, index, updates, longFields, loadingAnswer, warmStartLoadingLongFields, tick: (ms: number) => time.tick(ms), pending: () => time.pending(), item, disposable, api: disposable.api };
	}

	it('says what a cold scan reads, with a still icon, and goes once the scan ends', () => {
		const { item, progress, silently, tick } = register();
		assert.deepStrictEqual(item.command, { command: 'arxivDigest.papers.focus', title: 'Show the Papers View' });
		progress('reading', 0, 0);
		assert.strictEqual(item.visible, false, 'a scan shorter than the window progress waited shows nothing');
		tick(150);
		assert.strictEqual(item.visible, true);
		assert.strictEqual(item.text, '$(sync) arXiv Digest', 'before the listing: no count yet');
		progress('reading', 0, 167);
		silently(40, 167);
		tick(500);
		const text: string = item.text;
		assert.strictEqual(text, '$(sync) arXiv Digest: reading digests 40/167', 'the count read again while shown, events or not');
		assert.ok(!text.includes('~spin'), 'an animated icon is repainted for the whole scan');
		assert.deepStrictEqual(item.accessibilityInformation, { label: 'arXiv Digest: reading digests 40/167' });
		progress('idle', 167, 167);
		assert.strictEqual(item.visible, false);
	});

	it('shows nothing for a scan that ends within the wait', () => {
		const { item, progress, tick, pending } = register();
		progress('reading', 0, 3);
		tick(100);
		progress('idle', 3, 3);
		tick(1000);
		assert.strictEqual(item.shows, 0);
		assert.strictEqual(pending(), 0, 'no timer left');
	});

	it('changes phase at once, the count at most every 500 ms, and never sets the same text twice', () => {
		const { item, progress, silently, shown, tick } = register();
		progress('reading', 0, 167);
		tick(150);
		shown('checking');
		assert.strictEqual(item.text, '$(sync) arXiv Digest: checking for new and changed digests', 'a new phase at once');
		// another change, and a progress event with nothing new: no new text
		shown('checking');
		progress('checking', 0, 167);
		progress('reading', 1, 167);
		assert.strictEqual(item.text, '$(sync) arXiv Digest: reading digests 1/167');
		for (let done = 2; done < 12; done++) {
			silently(done, 167);
			progress('reading', done, 167);
			tick(50);
		}
		assert.deepStrictEqual(item.texts, [
			'$(sync) arXiv Digest: reading digests 0/167',
			'$(sync) arXiv Digest: checking for new and changed digests',
			'$(sync) arXiv Digest: reading digests 1/167',
			// ten counts in 500 ms of events: the refresh's one
			'$(sync) arXiv Digest: reading digests 11/167',
		]);
	});

	it('leaves no timer when disposed while shown, or after the scan ends', () => {
		const first = register();
		first.progress('reading', 0, 167);
		first.tick(1000);
		first.progress('idle', 167, 167);
		assert.strictEqual(first.pending(), 0);
		const second = register();
		second.progress('reading', 0, 167);
		second.tick(1000);
		assert.strictEqual(second.item.visible, true);
		second.disposable.dispose();
		assert.strictEqual(second.item.disposed, true);
		assert.strictEqual(second.pending(), 0);
		// and it no longer listens: a new scan starts no timer
		second.progress('reading', 0, 167);
		assert.strictEqual(second.pending(), 0);
	});

	it('after a first scan, says how the index fills, then for a while that every paper is searchable', () => {
		const { item, progress, index, tick, pending } = register();
		progress('reading', 0, 167);
		index('files', 10, 167);
		tick(150);
		assert.strictEqual(item.text, '$(sync) arXiv Digest: reading digests 0/167', 'the scan first');
		index('head', 100, 167);
		progress('idle', 167, 167);
		assert.strictEqual(item.text, '$(sync) arXiv Digest: indexing… 100/167 files', 'the index next, at once');
		index('body', 45, 100);
		tick(500);
		assert.strictEqual(item.text, '$(sync) arXiv Digest: indexing abstracts and summaries… 45%');
		index('full', 100, 100);
		assert.strictEqual(item.text, '$(check) arXiv Digest: every paper is searchable');
		assert.deepStrictEqual(item.accessibilityInformation, { label: 'arXiv Digest: every paper is searchable' });
		assert.strictEqual(item.visible, true);
		tick(scanStatus.INDEXED_SHOWN_MS);
		assert.strictEqual(item.visible, false);
		assert.strictEqual(pending(), 0, 'no timer left');
	});

	it('says nothing of an index that had nothing to fill (a warm start)', () => {
		const { item, progress, index, tick } = register();
		progress('checking', 0, 167);
		tick(150);
		progress('idle', 167, 167);
		index('full', 0, 0);
		tick(10_000);
		assert.deepStrictEqual(item.texts, ['$(sync) arXiv Digest: checking for new and changed digests']);
		assert.strictEqual(item.visible, false);
	});

	it('after a warm start, says that the abstracts and summaries are loading once that takes a while, until they are, then that every paper is searchable', () => {
		const { item, longFields, tick, pending, warmStartLoadingLongFields } = register();
		warmStartLoadingLongFields();
		tick(scanStatus.LONG_FIELDS_SHOW_AFTER_MS - 1);
		assert.strictEqual(item.visible, false, 'not while it takes as long as plain Node takes');
		tick(1);
		assert.strictEqual(item.text, '$(sync) arXiv Digest: loading abstracts and summaries…');
		assert.match(String(item.tooltip), /search may miss or not mark words that only they have, and ✦ counts may still change/);
		tick(60_000);
		assert.strictEqual(item.visible, true, 'shown for as long as they load');
		longFields(false);
		assert.strictEqual(item.text, '$(check) arXiv Digest: every paper is searchable');
		tick(scanStatus.INDEXED_SHOWN_MS);
		assert.strictEqual(item.visible, false);
		assert.strictEqual(pending(), 0, 'no timer left');
	});

	it('says nothing of abstracts and summaries loaded back as fast as plain Node does (a tester read ~5 s of it on every warm start as something wrong)', () => {
		const { item, longFields, tick, pending, warmStartLoadingLongFields } = register();
		warmStartLoadingLongFields();
		tick(5000);
		longFields(false);
		assert.strictEqual(item.visible, false, 'no "loading", nor "every paper is searchable" after it');
		assert.strictEqual(pending(), 0, 'no timer left');
	});

	it('says at once that the abstracts and summaries are loading when a search is answered without them', () => {
		const { item, index, longFields, loadingAnswer, tick } = register();
		index('full', 0, 0);
		longFields(true);
		tick(1000);
		assert.strictEqual(item.visible, false);
		loadingAnswer();
		tick(150);
		assert.strictEqual(item.text, '$(sync) arXiv Digest: loading abstracts and summaries…');
		longFields(false);
		assert.strictEqual(item.text, '$(check) arXiv Digest: every paper is searchable');
		tick(scanStatus.INDEXED_SHOWN_MS);
		assert.strictEqual(item.visible, false);
		// the next warm start (a worker restarted from its cache) waits again
		longFields(true);
		tick(150);
		assert.strictEqual(item.visible, false, 'an answer of the load before is no reason to show this one at once');
	});

	describe('while files added or changed wait for the index (a `git pull` brought new days)', () => {
		const scanTooltip = 'arXiv Digest is scanning the digests of this workspace. The Papers view and search fill in as it goes. Click to show the Papers view.';
		const updatesTooltip = 'New or changed digests are in the Papers view already; search finds their papers once they are indexed. Click to show the Papers view.';

		it('says how many once they have waited a moment, counts them down, and goes when the last is indexed', () => {
			const { item, updates, tick, pending, api } = register();
			updates(3);
			tick(scanStatus.UPDATES_SHOW_AFTER_MS - 1);
			assert.strictEqual(item.visible, false, 'not before a moment');
			assert.strictEqual(api.pendingUpdates(), 3, 'the item knows them meanwhile');
			tick(1);
			assert.strictEqual(item.visible, true);
			assert.strictEqual(item.text, '$(sync) arXiv Digest: indexing 3 new or changed digests…');
			assert.strictEqual(item.tooltip, updatesTooltip);
			assert.deepStrictEqual(item.accessibilityInformation, { label: 'arXiv Digest: indexing 3 new or changed digests…' });
			assert.deepStrictEqual(api.shown(), { text: '$(sync) arXiv Digest: indexing 3 new or changed digests…', tooltip: updatesTooltip });
			updates(1);
			tick(500);
			assert.strictEqual(item.text, '$(sync) arXiv Digest: indexing 1 new or changed digest…', 'the count read again while shown');
			updates(0);
			assert.strictEqual(item.visible, false, 'back at once');
			assert.strictEqual(api.shown(), undefined);
			assert.strictEqual(pending(), 0, 'no timer left');
		});

		it('shows nothing for a quick save: a file indexed within the moment', () => {
			const { item, updates, tick, pending } = register();
			for (let save = 0; save < 5; save++) {
				updates(1);
				tick(300);
				updates(0);
				tick(2000);
			}
			assert.strictEqual(item.shows, 0);
			assert.deepStrictEqual(item.texts, []);
			assert.strictEqual(pending(), 0);
		});

		it('a scan goes first, and its wait is not the updates\' longer one; updates left after it show at once', () => {
			const { item, updates, progress, tick } = register();
			updates(2);
			tick(100);
			progress('checking', 0, 167);
			tick(150);
			assert.strictEqual(item.text, '$(sync) arXiv Digest: checking for new and changed digests', 'the scan, after its own wait');
			assert.strictEqual(item.tooltip, scanTooltip);
			progress('idle', 167, 167);
			assert.strictEqual(item.text, '$(sync) arXiv Digest: indexing 2 new or changed digests…', 'shown already: the updates follow at once');
			assert.strictEqual(item.tooltip, updatesTooltip);
			updates(0);
			assert.strictEqual(item.visible, false);
		});

		it('at 0 ms (the real-editor tests), shows in the same turn, and tells each change', () => {
			const { item, updates, api } = register();
			const told: string[] = [];
			api.onDidChange(() => {
				const state = `${api.pendingUpdates()} ${api.shown()?.text ?? 'hidden'}`;
				if (told.at(-1) !== state) told.push(state);
			});
			api.showUpdatesAfter.ms = 0;
			updates(1);
			assert.strictEqual(item.text, '$(sync) arXiv Digest: indexing 1 new or changed digest…');
			updates(0);
			assert.deepStrictEqual(told, ['1 $(sync) arXiv Digest: indexing 1 new or changed digest…', '0 hidden']);
		});
	});
});
