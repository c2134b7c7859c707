import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { fakeVscode, fillL10n, withFakeVscode, type FakeTreeView, type L10nMessage } from './fake-vscode';
import { FakeClock } from './fake-clock';
import { fakeWorkspace, fixtureFile } from './fake-workspace';
import { ReadState } from '../../src/core/readState';
import type { DigestTreeProvider } from '../../src/features/tree/provider';
import { RecentSet } from '../../src/core/recentSet';

/** the interests' lists, none set (a fresh one each time: a test may set one) */
const noInterests = (): Record<'keywords' | 'authors' | 'categories' | 'exclude', string[]> => ({ keywords: [], authors: [], categories: [], exclude: [] });

/** The reading state a test's Papers view counts with: every paper new and no match, unless `over` says otherwise. */
function fakeReading(over: Partial<Record<'statusOn' | 'match' | 'firstListed' | 'viewMode', (...args: never[]) => unknown>> = {}) {
	return { onDidChange: new fakeVscode.EventEmitter<unknown>().event, viewMode: () => 'all', statusOn: () => 'new', match: () => undefined, firstListed: () => undefined, interests: { provisional: false, spec: noInterests() }, ...over };
}

/** the provider over a fake workspace */
function treeOver(clock: FakeClock, provider: typeof import('../../src/features/tree/provider')) {
	const workspace = fakeWorkspace('reading');
	const tree = new provider.DigestTreeProvider(workspace.ws as never, undefined, clock);
	const fired: ('root' | number)[] = [];
	tree.onDidChangeTreeData((e) => fired.push(e === undefined ? 'root' : Array.isArray(e) ? e.length : 1));
	/** a scan's update: a new day, then the workbench reads the root back (as it does after a root refresh) */
	const addDay = (day: string, read = true) => {
		workspace.put(fixtureFile(day));
		if (read) tree.getChildren();
	};
	return {
		tree,
		fired,
		addDay,
		/** a scan: `days` new days (2026-01-01 on), one every 400 ms, each read back at once */
		scan(days: number) {
			for (let d = 1; d <= days; d++) {
				addDay(`2026-01-${String(d).padStart(2, '0')}`);
				clock.tick(400);
			}
		},
	};
}

describe('the Papers view heals its days after root refreshes', () => {
	let provider: typeof import('../../src/features/tree/provider');
	withFakeVscode(() => (provider = require('../../src/features/tree/provider')));

	it('once the refreshes pause, not after each', () => {
		const clock = new FakeClock();
		const { tree, fired, scan } = treeOver(clock, provider);
		scan(4);
		assert.deepStrictEqual(fired, ['root', 'root', 'root', 'root'], 'no heal while the refreshes keep coming');
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired, ['root', 'root', 'root', 'root', 4], 'then every day, once');
		clock.tick(10_000);
		assert.strictEqual(fired.length, 5, 'and nothing more');
		tree.dispose();
	});

	it('no later than the longest wait while the refreshes go on', () => {
		const clock = new FakeClock();
		const { tree, fired, scan } = treeOver(clock, provider);
		scan(9);
		// reads at 0, 400, … 3,200: the first heal falls due 2,000 ms after the first read
		const heals = fired.filter((f) => f !== 'root');
		assert.strictEqual(heals.length, 1, `fired: ${fired.join(' ')}`);
		assert.strictEqual(fired.indexOf(heals[0]), 5, 'after the sixth root refresh (2,000 ms), before the seventh');
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired.slice(-1), [9], 'and once the refreshes stop, every day again');
		tree.dispose();
	});

	it('no heal while a root refresh is not yet read back: its read heals', () => {
		const clock = new FakeClock();
		const { tree, fired, addDay } = treeOver(clock, provider);
		addDay('2026-01-01');
		clock.tick(100);
		// the next refresh comes before the heal and is not read when the heal falls due
		addDay('2026-01-02', false);
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired, ['root', 'root'], 'the days\' handles are forgotten again: no heal yet');
		tree.getChildren();
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired, ['root', 'root', 2]);
		tree.dispose();
	});

	it('heals only after the root was read back, and a disposed view heals nothing', () => {
		const clock = new FakeClock();
		const { tree, fired, addDay } = treeOver(clock, provider);
		addDay('2026-01-01', false);
		clock.tick(10_000);
		assert.deepStrictEqual(fired, ['root'], 'a root refresh not yet read needs no heal');
		tree.getChildren();
		tree.getChildren();
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired, ['root', 1], 'one heal for one refresh, however often the root is read');
		addDay('2026-01-02');
		tree.dispose();
		clock.tick(10_000);
		assert.deepStrictEqual(fired, ['root', 1, 'root']);
		assert.strictEqual(clock.pending(), 0);
	});
});

/** each refresh the provider fires, in order: 'root', or the ids of the nodes it names */
function redraws(tree: DigestTreeProvider): (string | string[])[] {
	const fired: (string | string[])[] = [];
	tree.onDidChangeTreeData((e) => fired.push(e === undefined ? 'root' : (Array.isArray(e) ? e : [e]).map((n) => n.id)));
	return fired;
}

describe('the Papers view redraws what a reading change touched', () => {
	let provider: typeof import('../../src/features/tree/provider');
	withFakeVscode(() => (provider = require('../../src/features/tree/provider')));

	/** the provider with a reading whose changes the test fires */
	function withReading(clock: FakeClock) {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-01', ['2601.00001', '2601.00002']));
		workspace.put(fixtureFile('2026-01-02', ['2601.00002', '2601.00003']));
		workspace.put(fixtureFile('2026-01-03', ['2601.00004', '2601.00005v2']));
		const changes = new fakeVscode.EventEmitter<{ ids?: readonly string[]; seenOn?: string }>();
		const reading = { onDidChange: changes.event, viewMode: () => 'all', statusOn: () => 'new', match: () => undefined, firstListed: () => undefined, interests: { provisional: false, spec: noInterests() } };
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, clock);
		const fired = redraws(tree);
		return { tree, fired, change: (ids?: string[], seenOn?: string) => changes.fire({ ids, seenOn }) };
	}

	it("a paper's marks redraw only the days that list it, once per burst and no later than its first change's wait", () => {
		const clock = new FakeClock();
		const { tree, fired, change } = withReading(clock);
		change(['2601.00002']);
		clock.tick(provider.READING_REFRESH_MS - 10);
		change(['2601.00004']);
		assert.deepStrictEqual(fired, [], 'a burst waits');
		clock.tick(10);
		assert.deepStrictEqual(fired, [['day:2026-01-03', 'day:2026-01-02', 'day:2026-01-01']], 'one redraw of the days listing either paper, newest first');
		change(['2601.00003']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired.slice(1), [['day:2026-01-02']]);
		change(['2609.99999']);
		clock.tick(10_000);
		assert.strictEqual(fired.length, 2, 'a paper no day lists redraws nothing, and no heal follows a day not read back');
		// read state keys a paper without its version: a mark on 2601.00005 is one on 2601.00005v2
		change(['2601.00005']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired.slice(2), [['day:2026-01-03']]);
		tree.dispose();
	});

	it('papers seen on a day redraw the other days listing them, not that day, unless another mark of theirs comes in the same burst', () => {
		const clock = new FakeClock();
		const { tree, fired, change } = withReading(clock);
		change(['2601.00001', '2601.00002'], '2026-01-01');
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired, [['day:2026-01-02']], 'the day expanded (2026-01-01) looks the same');
		change(['2601.00003'], '2026-01-02');
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired.slice(1), [], 'a paper listed only on the day it was seen on: nothing to redraw');
		change(['2601.00002'], '2026-01-02');
		change(['2601.00002']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired.slice(1), [['day:2026-01-02', 'day:2026-01-01']], 'seen, then read in the same burst: every day listing it');
		change(['2601.00003'], '2026-01-02');
		change(['2601.00002v1']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired.slice(2), [['day:2026-01-02', 'day:2026-01-01']], "another paper of that day read in the same burst: that day too");
		tree.dispose();
	});

	for (const mode of ['all', 'matchesFirst', 'onlyMatches', 'forYou'] as const) {
		it(`over a real read state (${mode}): what a day's papers seen on it redraw is what looks different`, () => {
			const clock = new FakeClock();
			const workspace = fakeWorkspace('idle');
			workspace.put(fixtureFile('2026-01-01', ['2601.00001', '2601.00002']));
			workspace.put(fixtureFile('2026-01-02', ['2601.00002v2', '2601.00003']));
			const state = new ReadState();
			state.markRead(['2601.00003']);
			const changes = new fakeVscode.EventEmitter<{ ids?: readonly string[]; seenOn?: string }>();
			const match = { words: ['depth'], excluded: false, score: 1 };
			const reading = {
				onDidChange: changes.event,
				viewMode: () => mode,
				statusOn: (id: string, day: string | undefined) => state.statusOn(id, day),
				match: (id: string) => (id.startsWith('2601.00002') ? match : undefined),
				firstListed: () => undefined,
				interests: { provisional: false, spec: noInterests() },
			};
			const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, clock);
			const fired = redraws(tree);
			/** every row as drawn (description, icon, decoration), by node id, and each day's counts */
			const drawn = () => {
				const rows = new Map<string, string>();
				const walk = (node?: Parameters<typeof tree.getChildren>[0]) => {
					for (const child of tree.getChildren(node)) {
						const item = tree.getTreeItem(child);
						rows.set(child.id, JSON.stringify([item.label, item.description, item.iconPath, item.resourceUri?.toString(), item.accessibilityInformation]));
						if (child.kind !== 'paper') walk(child);
					}
				};
				walk();
				for (const day of tree.model.roots()) rows.set(`counts of ${day.id}`, JSON.stringify(tree.counts(day)));
				return rows;
			};
			const before = drawn();
			const day = tree.model.roots().find((d) => d.day === '2026-01-02');
			assert.ok(day);
			const ids = state.markSeen(day.categories.flatMap((c) => c.paperIds()), day.day);
			assert.deepStrictEqual(ids, ['2601.00002v2'], 'the one new paper of the day');
			changes.fire({ ids, seenOn: day.day });
			clock.tick(provider.READING_REFRESH_MS);
			const after = drawn();
			const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k));
			assert.ok(!changed.some((k) => k.includes('2026-01-02')), `nothing of the day seen changed: ${changed.join(', ')}`);
			assert.ok(changed.some((k) => k.includes('2026-01-01')), 'the other day listing the paper changed');
			assert.deepStrictEqual(fired, [['day:2026-01-01']], 'and it alone is redrawn');
			tree.dispose();
		});
	}

	it("a redrawn day read back has its categories redrawn once the refreshes pause; a collapsed one's are not", () => {
		const clock = new FakeClock();
		const { tree, fired, change } = withReading(clock);
		const days = tree.getChildren();
		change(['2601.00002']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired, [['day:2026-01-02', 'day:2026-01-01']]);
		// the workbench reads back the one expanded day, twice (its refresh, a reveal)
		const expanded = days.find((d) => d.id === 'day:2026-01-02') as never;
		tree.getChildren(expanded);
		tree.getChildren(expanded);
		clock.tick(provider.HEAL_QUIET_MS - 1);
		assert.strictEqual(fired.length, 1, 'the heal waits for the refreshes to pause');
		clock.tick(1);
		const categories = tree.getChildren(expanded).map((c) => c.id);
		assert.deepStrictEqual(fired.slice(1), [categories], 'the categories of the day read back, once');
		clock.tick(10_000);
		assert.strictEqual(fired.length, 2, 'nothing for the collapsed day');
		tree.dispose();
	});

	it('a hold (a card taking the keys from the view) puts off its read marks and heals until it is released, and a moment after', () => {
		const clock = new FakeClock();
		const { tree, fired, change } = withReading(clock);
		const days = tree.getChildren();
		change(['2601.00002']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired, [['day:2026-01-02', 'day:2026-01-01']], 'a mark before the hold');
		tree.getChildren(days.find((d) => d.id === 'day:2026-01-02') as never);
		// Enter: the click's heal (due HEAL_QUIET_MS after the read) and the card's own mark wait
		const release = tree.holdRefreshes(2_000);
		change(['2601.00003']);
		clock.tick(provider.HEAL_QUIET_MS + provider.READING_REFRESH_MS);
		assert.strictEqual(fired.length, 1, 'nothing while held');
		// the card has the keys: the hold ends shortly
		release(300);
		clock.tick(299);
		assert.strictEqual(fired.length, 1, 'nothing before the new end');
		clock.tick(1);
		// the mark redraws the day again, whose categories wait for that redraw's read (heals are not stacked)
		assert.deepStrictEqual(fired.slice(1), [['day:2026-01-02']], "then the card's mark");
		clock.tick(10_000);
		assert.strictEqual(fired.length, 2, 'and nothing more until its day is read back');
		const categories = tree.getChildren(tree.getChildren().find((d) => d.id === 'day:2026-01-02') as never).map((c) => c.id);
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired.slice(2), [categories], 'its read heals its categories');
		// a hold never released ends by itself
		tree.holdRefreshes(1_000);
		change(['2601.00002']);
		clock.tick(999);
		assert.strictEqual(fired.length, 3, 'held');
		clock.tick(1);
		assert.strictEqual(fired.length, 4, 'at the hold\'s longest');
		tree.dispose();
	});

	it("a changed file redraws its day, which heals its categories once read back; a day redrawn again before the heal waits for its next read", () => {
		const clock = new FakeClock();
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-01', ['2601.00001']));
		workspace.put(fixtureFile('2026-01-02', ['2601.00002']));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, undefined, clock);
		const fired = redraws(tree);
		const day = () => tree.getChildren().find((d) => d.id === 'day:2026-01-02') as never;
		workspace.put(fixtureFile('2026-01-02', ['2601.00002', '2601.00003']), 'changed');
		assert.deepStrictEqual(fired, [['day:2026-01-02']], 'the same days: no root refresh');
		tree.getChildren(day());
		clock.tick(provider.HEAL_QUIET_MS - 100);
		workspace.put(fixtureFile('2026-01-02', ['2601.00002']), 'changed');
		clock.tick(10_000);
		assert.deepStrictEqual(fired, [['day:2026-01-02'], ['day:2026-01-02']], 'refreshed again, not read back: no heal');
		const categories = tree.getChildren(day()).map((c) => c.id);
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired.slice(2), [categories], 'its read heals it');
		tree.dispose();
	});

	it('matches or the view mode redraw the root, whatever paper marks came in the same burst; the root drops a pending heal of categories', () => {
		const clock = new FakeClock();
		const { tree, fired, change } = withReading(clock);
		const day = tree.getChildren().find((d) => d.id === 'day:2026-01-01') as never;
		change(['2601.00001']);
		clock.tick(provider.READING_REFRESH_MS);
		tree.getChildren(day);
		change(['2601.00001']);
		change();
		change(['2601.00003']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired, [['day:2026-01-01'], 'root']);
		clock.tick(10_000);
		assert.strictEqual(fired.length, 2, "the day's categories go with the root's refresh: its heal redraws the days, which heal their own");
		tree.getChildren();
		clock.tick(provider.HEAL_QUIET_MS);
		assert.deepStrictEqual(fired.slice(2), [['day:2026-01-03', 'day:2026-01-02', 'day:2026-01-01']], 'the root heal');
		tree.getChildren(day);
		tree.dispose();
		assert.strictEqual(clock.pending(), 0, 'the heal of its categories waiting when disposed is dropped');
	});
});

describe('the Papers view says what changed, once', () => {
	let tree: typeof import('../../src/features/tree');
	withFakeVscode(() => (tree = require('../../src/features/tree')));

	it('sets its description and message only when they change, however often the tree does', async () => {
		const w = fakeWorkspace('reading');
		const context = { workspaceState: { get: () => undefined, update: async () => undefined } };
		const registration = tree.registerTree(context as never, w.ws as never);
		const view = fakeVscode.window.treeViews[fakeVscode.window.treeViews.length - 1] as FakeTreeView;
		assert.deepStrictEqual(view.sets, [{ message: 'Loading digests…' }], 'the description is left as it is (none): no filter');
		w.progress('reading', 0, 20);
		for (let d = 1; d <= 20; d++) {
			w.put(fixtureFile(`2026-01-${String(d).padStart(2, '0')}`));
			// a scan's days arrive several to a count
			if (d % 5 === 0) w.progress('reading', d, 20);
		}
		assert.deepStrictEqual(
			view.sets.map((s) => s.message),
			['Loading digests…', 'Loading digests… 0/20', 'Loading digests… 5/20', 'Loading digests… 10/20', 'Loading digests… 15/20', 'Loading digests… 20/20'],
			'one message per count, none per day',
		);
		w.progress('idle', 20, 20);
		w.scanned();
		await w.ws.ready;
		await new Promise((resolve) => setImmediate(resolve));
		assert.deepStrictEqual(view.sets.slice(-1), [{ message: undefined }], 'the message goes once loaded');
		registration.dispose();
	});
});

describe("the Papers view's selection, for the commands its keys run", () => {
	let tree: typeof import('../../src/features/tree');
	let actions: typeof import('../../src/features/paperActions');
	withFakeVscode(() => {
		tree = require('../../src/features/tree');
		actions = require('../../src/features/paperActions');
	});

	it('is the rows last reported selected while a refresh leaves them out of view.selection, and empty once the reader empties it', () => {
		const w = fakeWorkspace('idle');
		w.put(fixtureFile('2026-01-01', ['2601.00001', '2601.00002']));
		const context = { workspaceState: { get: () => undefined, update: async () => undefined } };
		const registration = tree.registerTree(context as never, w.ws as never);
		const view = fakeVscode.window.treeViews[fakeVscode.window.treeViews.length - 1] as FakeTreeView;
		const run = (id: string) => fakeVscode.commands.registered.get(id)!();
		const [day] = registration.provider.getChildren();
		const [category] = registration.provider.getChildren(day);
		const [, second] = registration.provider.getChildren(category);
		assert.ok(second && second.kind === 'paper');
		const ref = { uri: second.key, id: '2601.00002', index: 1 };
		view.select([second]);
		assert.deepStrictEqual(run(actions.PAPERS_WALK_START_COMMAND), ref);
		// the extension host forgets the category's papers while it reads them anew: the handle stays selected
		view.selection = [];
		assert.deepStrictEqual(run(actions.PAPERS_WALK_START_COMMAND), ref, 'Next Unread goes on after the selected paper, not after the card');
		assert.deepStrictEqual(run(actions.PAPERS_SELECTION_COMMAND), [ref]);
		view.select([]);
		assert.strictEqual(run(actions.PAPERS_WALK_START_COMMAND), undefined, 'nothing selected');
		assert.deepStrictEqual(run(actions.PAPERS_SELECTION_COMMAND), []);
		registration.dispose();
	});
});

describe('the Papers view: unread counts, open categories, the activity-bar badge', () => {
	let provider: typeof import('../../src/features/tree/provider');
	let treeView: typeof import('../../src/features/reading/treeView');
	withFakeVscode(() => {
		provider = require('../../src/features/tree/provider');
		treeView = require('../../src/features/reading/treeView');
	});

	it('an untouched day shows its count alone; once one of its papers is read, every category of it says how many are unread, in place of its count', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02'));
		workspace.put(fixtureFile('2026-01-01', ['2512.00001', '2512.00002']));
		const status: Record<string, 'new' | 'seen' | 'read'> = { '2601.00001': 'read' };
		const reading = fakeReading({ statusOn: (id: string) => status[id] ?? 'new' });
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
		const [touched, untouched] = tree.getChildren();
		const described = (node: Parameters<typeof tree.getTreeItem>[0]) => String(tree.getTreeItem(node).description);
		assert.deepStrictEqual(tree.getChildren(touched).map(described), ['1 unread', '1 unread']);
		assert.strictEqual(described(touched), '2 unread', 'what is left to read stands for the count (the tooltip has both)');
		assert.strictEqual(described(untouched), '2');
		assert.deepStrictEqual(tree.getChildren(untouched).map(described), ['2']);
		tree.dispose();
	});

	it('"Only matches" counts the matches it shows: a day whose one match is read is all read there, with its other papers unread', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02', ['2601.00001', '2601.00002']));
		const match = { words: ['depth'], excluded: false, score: 1 };
		let mode = 'all';
		const reading = fakeReading({ statusOn: (id: string) => (id === '2601.00001' ? 'read' : 'new'), match: (id: string) => (id === '2601.00001' ? match : undefined), viewMode: () => mode });
		const described = () => {
			const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
			const text = String(tree.getTreeItem(tree.getChildren()[0]).description);
			tree.dispose();
			return text;
		};
		assert.strictEqual(described(), '1 unread · ✦1', 'every paper listed: the unmatched one is unread');
		mode = 'onlyMatches';
		assert.strictEqual(described(), 'all read · ✦1', 'only the match listed, and it is read');
	});

	it('a category row offers Follow Category, or Unfollow Category when the interests name it (`cs.CV.*` too) or follow it through a prefix (`cs`, its tooltip says so), and "(no category)" neither', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02'));
		const reading = fakeReading();
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
		const [day] = tree.getChildren();
		const categories = tree.getChildren(day);
		const contexts = () => Object.fromEntries(categories.map((c) => [(c as { name: string }).name, tree.getTreeItem(c).contextValue]));
		assert.deepStrictEqual(contexts(), { 'cs.CV': 'category', '(no category)': 'category unnamed' });
		reading.interests.spec.categories = ['cs.cv.*'];
		assert.deepStrictEqual(contexts(), { 'cs.CV': 'category followed', '(no category)': 'category unnamed' });
		const tooltip = () => String(tree.getTreeItem(categories.find((c) => (c as { name: string }).name === 'cs.CV')!).tooltip);
		assert.match(tooltip(), /\nfollowed$/);
		reading.interests.spec.categories = ['cs'];
		// followed through a prefix: Follow would change nothing, Unfollow says through what
		assert.strictEqual(contexts()['cs.CV'], 'category followedThrough');
		assert.match(tooltip(), /\nfollowed through “cs”$/);
		reading.interests.spec.categories = ['physics'];
		assert.strictEqual(contexts()['cs.CV'], 'category');
		assert.doesNotMatch(tooltip(), /followed/);
		tree.dispose();
	});

	it('a day listing papers seen on earlier days says how many of its papers are new, on its row and its categories\' instead of the count and unread count (1 new); its tooltip and spoken label say new, already seen and read', async () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02'));
		workspace.put(fixtureFile('2026-01-01', ['2512.00001', '2512.00002']));
		// 2601.00002 was seen on an earlier day, 2601.00001 read; the untitled paper is new
		const status: Record<string, 'new' | 'seen' | 'read'> = { '2601.00001': 'read', '2601.00002': 'seen' };
		const reading = fakeReading({ statusOn: (id: string) => status[id] ?? 'new', firstListed: (id: string) => (id === '2601.00002' ? '2026-01-01' : undefined) });
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
		const described = (node: Parameters<typeof tree.getTreeItem>[0]) => String(tree.getTreeItem(node).description);
		const spoken = (node: Parameters<typeof tree.getTreeItem>[0]) => (tree.getTreeItem(node).accessibilityInformation as { label: string }).label;
		const [repeats, brandNew] = tree.getChildren();
		assert.strictEqual(described(repeats), '1 new');
		// each category of the day says it; one with nothing new left, what is unread there (never "0 new")
		assert.deepStrictEqual(tree.getChildren(repeats).map(described), ['1 unread', '1 new']);
		const label = repeats.kind === 'day' ? repeats.label : '';
		assert.strictEqual(spoken(repeats), `${label}, 3 papers, 1 new, 1 already seen, 1 read`);
		const tooltip = String((await tree.resolveTreeItem(tree.getTreeItem(repeats), repeats, { isCancellationRequested: false } as never)).tooltip);
		assert.strictEqual(tooltip.split('\n')[0], `${label} · 3 papers · 1 new · 1 already seen · 1 read`);
		assert.strictEqual(described(brandNew), '2', 'a day of new papers only shows its count alone');
		assert.deepStrictEqual(tree.getChildren(brandNew).map(described), ['2']);
		// its new paper seen on the day itself (the reader looked the day through), none of the two left read:
		// nothing new, what is unread (a tester's day of 136 papers, one a repeat, said "0 new" with 114 unread)
		status['title:untitled work'] = 'seen';
		tree.reload();
		assert.strictEqual(described(tree.getChildren()[0]), '2 unread');
		delete status['title:untitled work'];
		tree.reload();
		// the older day's papers seen on that day itself, none read: no repeats there, its count alone as
		// before (not "0 new": the day the reader looked through yesterday keeps its unread count)
		status['2512.00001'] = 'seen';
		status['2512.00002'] = 'seen';
		tree.reload();
		const [, seenThere] = tree.getChildren();
		assert.strictEqual(described(seenThere), '2');
		status['2512.00001'] = 'read';
		tree.reload();
		assert.strictEqual(described(tree.getChildren()[1]), '1 unread');
		// once every paper is read, "all read" as before
		status['2512.00001'] = 'read';
		status['2512.00002'] = 'read';
		tree.reload();
		assert.strictEqual(described(tree.getChildren()[1]), 'all read');
		tree.dispose();
	});

	it('a day or category expanded, then gone from the view and back (a mode or filter), opens expanded; one collapsed, collapsed', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02'));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock());
		const state = (node: Parameters<typeof tree.getTreeItem>[0]) => tree.getTreeItem(node).collapsibleState;
		const [day] = tree.getChildren();
		assert.strictEqual(state(day), fakeVscode.TreeItemCollapsibleState.Collapsed);
		const [first, second] = tree.getChildren(day);
		assert.strictEqual(state(first), fakeVscode.TreeItemCollapsibleState.Collapsed);
		tree.rowExpanded(first, true);
		tree.rowExpanded(second, true);
		tree.rowExpanded(second, false);
		tree.rowExpanded(day, true);
		// the rows made again, as after the For you mode (new nodes, the same ids)
		tree.reload();
		const [day2] = tree.getChildren();
		const [first2, second2] = tree.getChildren(day2);
		assert.notStrictEqual(first2, first);
		assert.strictEqual(state(first2), fakeVscode.TreeItemCollapsibleState.Expanded);
		assert.strictEqual(state(second2), fakeVscode.TreeItemCollapsibleState.Collapsed);
		assert.strictEqual(state(day2), fakeVscode.TreeItemCollapsibleState.Expanded);
		tree.dispose();
	});

	it('a day or category whose rows the workbench read is stored as expanded, its expand event lost or not; under a filter, which opens every row, not', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02'));
		workspace.put(fixtureFile('2026-01-03'));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock());
		let changes = 0;
		tree.onDidChangeExpanded(() => changes++);
		const [newest, older] = tree.getChildren();
		const [category] = tree.getChildren(older);
		tree.getChildren(category);
		assert.deepStrictEqual(tree.expanded.toJSON(), [older.id, category.id]);
		assert.strictEqual(changes, 2);
		tree.getChildren(older);
		assert.strictEqual(changes, 2, 'read again (a refresh): nothing new to store');
		tree.setCategoryFilter(new Set([(category as { name: string }).name]));
		tree.getChildren(tree.getChildren()[0]);
		assert.deepStrictEqual(tree.expanded.toJSON(), [older.id, category.id], `not ${newest.id}, opened by the filter`);
		tree.dispose();
	});

	it('after a reload (a view made anew from the stored ids) the days and categories the reader left expanded open expanded, the rest collapsed', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02'));
		workspace.put(fixtureFile('2026-01-03'));
		const before = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock());
		const [newest, older] = before.getChildren();
		const [, category] = before.getChildren(older);
		before.rowExpanded(older, true);
		assert.strictEqual(before.rowExpanded(category, true), true, 'a category expanded is stored');
		before.rowExpanded(newest, true);
		assert.strictEqual(before.rowExpanded(newest, false), true, 'a day collapsed is dropped');
		assert.strictEqual(before.rowExpanded(before.getChildren(category)[0], true), false, 'a paper row is no row to expand');
		// what the view writes to the workspace state, read back as the next window reads it (JSON)
		const stored: unknown = JSON.parse(JSON.stringify(before.expanded.toJSON()));
		before.dispose();
		const after = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock(), new RecentSet(stored, provider.MAX_EXPANDED_ROWS));
		const state = (node: Parameters<typeof after.getTreeItem>[0]) => after.getTreeItem(node).collapsibleState;
		const [newest2, older2] = after.getChildren();
		assert.strictEqual(state(older2), fakeVscode.TreeItemCollapsibleState.Expanded);
		assert.strictEqual(state(newest2), fakeVscode.TreeItemCollapsibleState.Collapsed);
		const categories = after.getChildren(older2);
		assert.deepStrictEqual(categories.map(state), categories.map((_, i) => (i === 1 ? fakeVscode.TreeItemCollapsibleState.Expanded : fakeVscode.TreeItemCollapsibleState.Collapsed)));
		after.dispose();
	});

	it('counts the newest day\'s new matches, also a newest day that arrives while a filter hides it', async () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-01', ['2512.00001', '2512.00002']));
		const matches = new Set(['2512.00001', '2601.00009', '2601.00008']);
		const reading = fakeReading({ match: (id: string) => (matches.has(id) ? { words: ['x'], excluded: false, score: 1 } : undefined) });
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
		const view = fakeVscode.window.createTreeView('papers');
		const badgeSet = () => new Promise<void>((resolve) => setTimeout(resolve, 150));
		const connection = treeView.connectTreeReading(view as never, tree, reading as never, workspace.ws.onDidChange);
		await badgeSet();
		assert.deepStrictEqual(view.badge, { value: 1, tooltip: '1 new match on 2026-01-01' });
		// a filter that shows only 2026-01-01's papers, then a newer day with two matches
		tree.setFilter('older', new Set(['2512.00001', '2512.00002']));
		await badgeSet();
		assert.deepStrictEqual(view.badge, { value: 1, tooltip: '1 new match on 2026-01-01' }, 'the filter changes nothing');
		workspace.put(fixtureFile('2026-01-02', ['2601.00009', '2601.00008']));
		await badgeSet();
		assert.deepStrictEqual(view.badge, { value: 2, tooltip: '2 new matches on 2026-01-02' });
		// matched without the abstracts a warm start reads back meanwhile: the count is provisional
		reading.interests.provisional = true;
		workspace.put(fixtureFile('2026-01-02', ['2601.00009', '2601.00008']));
		await badgeSet();
		assert.deepStrictEqual(view.badge, { value: 2, tooltip: '2 new matches on 2026-01-02 (counting matches…)' });
		Object.assign(reading.interests, { provisional: false, unreadable: 1 });
		workspace.put(fixtureFile('2026-01-02', ['2601.00009', '2601.00008']));
		await badgeSet();
		assert.deepStrictEqual(view.badge, { value: 2, tooltip: '2 new matches on 2026-01-02 (could not read 1 digest: its papers matched on title, TL;DR and authors only)' });
		connection.dispose();
		tree.dispose();
	});
});

describe('the Papers view says in words what its icons and colours show', () => {
	let provider: typeof import('../../src/features/tree/provider');
	withFakeVscode(() => (provider = require('../../src/features/tree/provider')));

	it("a screen reader hears a paper's new, seen or read state, its match and exclusion, and a category's unread and match counts", () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02', ['2601.00001', '2601.00002']));
		const status: Record<string, 'new' | 'seen' | 'read'> = { '2601.00001': 'seen', '2601.00002': 'read' };
		let excludedBy: string | undefined;
		const reading = fakeReading({
			statusOn: (id: string) => status[id],
			match: (id: string) => (id === '2601.00002' ? { words: ['depth'], excluded: false, score: 1 } : { words: [], excluded: true, score: 0, ...(excludedBy ? { excludedBy } : {}) }),
			firstListed: (id: string) => (id === '2601.00002' ? '2026-01-01' : undefined),
		});
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
		const [day] = tree.getChildren();
		const [category] = tree.getChildren(day);
		const [excluded, matched] = tree.getChildren(category);
		const spoken = (node: Parameters<typeof tree.getTreeItem>[0]) => (tree.getTreeItem(node).accessibilityInformation as { label: string } | undefined)?.label;
		const item = tree.getTreeItem(matched);
		assert.strictEqual(item.description, '✦ depth · Grace Hopper · 2601.00002 · first listed 2026-01-01', 'the row itself is unchanged');
		assert.strictEqual(spoken(matched), 'Sparse Attention, ✦ Matches your interests: depth, Grace Hopper · 2601.00002, first listed 2026-01-01, Read');
		assert.strictEqual(spoken(excluded), 'Diffusion Models for Privacy, Ada Lovelace et al. · 2601.00001, Seen, not read, Excluded by your interests');
		status['2601.00001'] = 'new';
		assert.strictEqual(spoken(excluded), 'Diffusion Models for Privacy, Ada Lovelace et al. · 2601.00001, New, Excluded by your interests');
		// a match that names its exclude keyword: the view says which
		excludedBy = 'privacy';
		assert.strictEqual(spoken(excluded), 'Diffusion Models for Privacy, Ada Lovelace et al. · 2601.00001, New, Excluded by your interests: privacy');
		// the category's tooltip is a string: without a label of its own the workbench reads that, which has no unread or match count
		tree.reload();
		const [day2] = tree.getChildren();
		const [category2] = tree.getChildren(day2);
		assert.strictEqual(tree.getTreeItem(category2).description, '1 unread · ✦1', 'the description stays short');
		assert.strictEqual(spoken(category2), `${String(tree.getTreeItem(category2).label)}, 2 papers, 1 match, 1 unread`);
		assert.strictEqual(spoken(day2), `${day2.kind === 'day' ? day2.label : ''}, 2 papers, 1 match, 1 unread`);
		// a paper seen on an earlier day: the spoken label says where each paper stands
		status['2601.00001'] = 'seen';
		(reading as unknown as { firstListed: (id: string) => string | undefined }).firstListed = () => '2026-01-01';
		tree.reload();
		const [day3] = tree.getChildren();
		assert.strictEqual(spoken(day3), `${day3.kind === 'day' ? day3.label : ''}, 2 papers, 1 match, 0 new, 1 already seen, 1 read`);
		tree.dispose();
	});

	const zhBundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
	const zhT = (text: L10nMessage, ...args: unknown[]) => fillL10n(text, args, zhBundle);
	/** Runs `run` with vscode.l10n answering from the Chinese bundle, as the editor in Chinese does. */
	async function inChinese(run: () => void | Promise<void>): Promise<void> {
		const english = fakeVscode.l10n;
		fakeVscode.l10n = { t: zhT };
		try {
			await run();
		} finally {
			fakeVscode.l10n = english;
		}
	}

	it('in Chinese, a day row says its matches and unread papers in short words (未读 2·✦1); its tooltip and spoken label in full', () =>
		inChinese(async () => {
			const workspace = fakeWorkspace('idle');
			workspace.put(fixtureFile('2026-01-02', ['2601.00001', '2601.00002', '2601.00003']));
			const reading = fakeReading({
				statusOn: (id: string) => (id === '2601.00001' ? 'read' : 'new'),
				match: (id: string) => (id === '2601.00002' ? { words: ['depth'], excluded: false, score: 1 } : undefined),
				firstListed: () => undefined,
			});
			const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
			const [day] = tree.getChildren();
			const item = tree.getTreeItem(day);
			assert.strictEqual(item.description, '未读 2·✦1', 'the row: the unread count, then the matches, in short words');
			assert.strictEqual((item.accessibilityInformation as { label: string }).label, `${String(item.label)}，3 篇论文，1 篇匹配，2 篇未读`);
			const tooltip = String((await tree.resolveTreeItem(item, day, { isCancellationRequested: false } as never)).tooltip);
			assert.strictEqual(tooltip.split('\n')[0], `${String(item.label)} · 3 篇论文 · 1 篇匹配 · 2 篇未读`);
			tree.dispose();
		}));

	it('in Chinese, a day listing papers seen before says its new ones in short (新 1·✦1), in full in its spoken label', () =>
		inChinese(() => {
			const workspace = fakeWorkspace('idle');
			workspace.put(fixtureFile('2026-01-02', ['2601.00001', '2601.00002', '2601.00003']));
			const status: Record<string, 'seen' | 'read'> = { '2601.00001': 'read', '2601.00002': 'seen' };
			const reading = fakeReading({
				statusOn: (id: string) => status[id] ?? 'new',
				match: (id: string) => (id === '2601.00002' ? { words: ['depth'], excluded: false, score: 1 } : undefined),
				firstListed: (id: string) => (id === '2601.00002' ? '2026-01-01' : undefined),
			});
			const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
			const [day] = tree.getChildren();
			const item = tree.getTreeItem(day);
			assert.strictEqual(item.description, '新 1·✦1');
			assert.strictEqual((item.accessibilityInformation as { label: string }).label, `${String(item.label)}，3 篇论文，1 篇匹配，1 篇新论文，1 篇已看过，1 篇已读`);
			tree.dispose();
		}));

	it('in Chinese, joins the matched words with 、 and the spoken fields with ，, not an English comma', () =>
		inChinese(() => {
			const workspace = fakeWorkspace('idle');
			workspace.put(fixtureFile('2026-01-02', ['2601.00001', '2601.00002']));
			const reading = fakeReading({
				statusOn: () => 'read',
				match: (id: string) => (id === '2601.00002' ? { words: ['depth', 'world model'], excluded: false, score: 1 } : undefined),
				firstListed: () => undefined,
			});
			const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
			const [day] = tree.getChildren();
			const [category] = tree.getChildren(day);
			const [, matched] = tree.getChildren(category);
			const item = tree.getTreeItem(matched);
			assert.strictEqual(item.description, '✦ depth、world model · Grace Hopper · 2601.00002');
			const spoken = (node: Parameters<typeof tree.getTreeItem>[0]) => (tree.getTreeItem(node).accessibilityInformation as { label: string }).label;
			// a spoken label's fields are paused between with ，; its lists of like items (matched words) take 、
			assert.strictEqual(spoken(matched), ['Sparse Attention', zhT('✦ Matches your interests: {0}', 'depth、world model'), 'Grace Hopper · 2601.00002', zhT('Read')].join('，'));
			assert.ok(spoken(category).startsWith(`${String(tree.getTreeItem(category).label)}，${zhT('{0} papers', 2)}，`), spoken(category));
			assert.ok(!/, |、\d/.test(spoken(category) + spoken(day)), spoken(day));
			tree.dispose();
		}));

	it("a paper row's context value carries its read state, which the menus offer Mark as Read or Mark as Unread by", () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-02', ['2601.00001', '2601.00002', '2601.00003']));
		const status: Record<string, 'new' | 'seen' | 'read'> = { '2601.00001': 'new', '2601.00002': 'seen', '2601.00003': 'read' };
		const reading = fakeReading({ statusOn: (id: string) => status[id] });
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
		const [day] = tree.getChildren();
		const papers = tree.getChildren(day).flatMap((c) => tree.getChildren(c));
		assert.deepStrictEqual(papers.map((p) => tree.getTreeItem(p).contextValue), ['paper new', 'paper seen', 'paper read']);
		const plain = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock());
		const [plainDay] = plain.getChildren();
		assert.strictEqual(plain.getTreeItem(plain.getChildren(plain.getChildren(plainDay)[0])[0]).contextValue, 'paper', 'without reading marks');
		tree.dispose();
		plain.dispose();
	});

	it('a day with a file the parser found broken shows a warning icon, says so, and its tooltip names the file', async () => {
		const workspace = fakeWorkspace('idle');
		const broken = fixtureFile('2026-01-02', ['2601.00001']);
		workspace.put({ ...broken, digest: { ...broken.digest, errors: 2 } });
		workspace.put(fixtureFile('2026-01-01', ['2601.00002']));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, fakeReading() as never, new FakeClock());
		const [newer, older] = tree.getChildren();
		const item = tree.getTreeItem(newer);
		assert.strictEqual((item.iconPath as { id: string }).id, 'warning');
		assert.match((item.accessibilityInformation as { label: string }).label, /a file has errors$/);
		assert.strictEqual((tree.getTreeItem(older).iconPath as { id: string }).id, 'calendar');
		const resolved = await tree.resolveTreeItem(item, newer, { isCancellationRequested: false } as never);
		assert.match(String(resolved.tooltip), /⚠ .*2026-01-02\.md: 2 errors/);
		tree.dispose();
	});

	it('a day with a file cut short or with a merge conflict (warnings, no errors) shows the warning too; its tooltip says what is wrong', async () => {
		const workspace = fakeWorkspace('idle');
		const cut = fixtureFile('2026-01-03', ['2601.00005']);
		workspace.put({ ...cut, digest: { ...cut.digest, damage: ['truncated'] } });
		const conflict = fixtureFile('2026-01-02', ['2601.00001']);
		workspace.put({ ...conflict, digest: { ...conflict.digest, damage: ['merge-conflict'], errors: 1 } });
		workspace.put(fixtureFile('2026-01-01', ['2601.00002']));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, fakeReading() as never, new FakeClock());
		const [cutDay, conflictDay, sound] = tree.getChildren();
		const tooltip = async (node: typeof cutDay) => String((await tree.resolveTreeItem(tree.getTreeItem(node), node, { isCancellationRequested: false } as never)).tooltip);
		for (const day of [cutDay, conflictDay]) {
			const item = tree.getTreeItem(day);
			assert.strictEqual((item.iconPath as { id: string }).id, 'warning');
			assert.match((item.accessibilityInformation as { label: string }).label, /a file is cut short or has a merge conflict$/);
		}
		assert.match(await tooltip(cutDay), /⚠ .*2026-01-03\.md: cut short: open it to see where in the Problems view/);
		assert.match(await tooltip(conflictDay), /⚠ .*2026-01-02\.md: an unresolved merge conflict, 1 error: open it/);
		assert.strictEqual((tree.getTreeItem(sound).iconPath as { id: string }).id, 'calendar');
		assert.doesNotMatch(await tooltip(sound), /⚠/);
		tree.dispose();
	});

	it('with arxivDigest.diagnostics.enabled off for a file, its day shows no warning, as the Problems view shows none of its errors', async () => {
		const workspace = fakeWorkspace('idle');
		const broken = fixtureFile('2026-01-02', ['2601.00001']);
		workspace.put({ ...broken, digest: { ...broken.digest, errors: 2 } });
		const getConfiguration = fakeVscode.workspace.getConfiguration;
		const asked: string[] = [];
		fakeVscode.workspace.getConfiguration = ((section: string, scope?: { toString(): string }) => ({
			get: <T>(name: string, fallback: T) => {
				asked.push(`${section}.${name} ${String(scope)}`);
				return (section === 'arxivDigest' && name === 'diagnostics.enabled' ? false : fallback) as T;
			},
		})) as never;
		try {
			const tree = new provider.DigestTreeProvider(workspace.ws as never, fakeReading() as never, new FakeClock());
			const [day] = tree.getChildren();
			const item = tree.getTreeItem(day);
			assert.strictEqual((item.iconPath as { id: string }).id, 'calendar');
			assert.doesNotMatch((item.accessibilityInformation as { label: string }).label, /a file has errors/);
			const resolved = await tree.resolveTreeItem(item, day, { isCancellationRequested: false } as never);
			assert.doesNotMatch(String(resolved.tooltip), /⚠|errors/);
			assert.ok(asked.some((a) => a.startsWith('arxivDigest.diagnostics.enabled ') && a.includes('2026-01-02')), `read for the file: ${asked.join(', ')}`);
			tree.dispose();
		} finally {
			fakeVscode.workspace.getConfiguration = getConfiguration;
		}
	});

	it("a day's tooltip says the matches are still being counted while they are provisional", async () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-01', ['2601.00001', '2601.00002']));
		const reading = fakeReading({ match: (id: string) => (id === '2601.00002' ? { words: ['x'], excluded: false, score: 1 } : undefined) });
		const tree = new provider.DigestTreeProvider(workspace.ws as never, reading as never, new FakeClock());
		const [day] = tree.getChildren();
		const tooltip = async () => String((await tree.resolveTreeItem(tree.getTreeItem(day), day, { isCancellationRequested: false } as never)).tooltip).split('\n')[0];
		assert.strictEqual(await tooltip(), '2026-01-01 · Thu · 2 papers · 1 match');
		reading.interests.provisional = true;
		assert.strictEqual(await tooltip(), '2026-01-01 · Thu · 2 papers · 1 match · counting matches…');
		// the fill is done, two digests it could not read back: a final count, and why it may miss matches
		Object.assign(reading.interests, { provisional: false, unreadable: 2 });
		assert.strictEqual(await tooltip(), '2026-01-01 · Thu · 2 papers · 1 match · could not read 2 digests: their papers matched on title, TL;DR and authors only');
		tree.dispose();
	});

	it("a day listing a paper twice says in its tooltip how many entries and how many papers it has, as Statistics counts papers once", async () => {
		const workspace = fakeWorkspace('idle');
		const repeats = fixtureFile('2026-01-02', ['2601.00001', '2601.00002', '2601.00001']);
		workspace.put(repeats);
		workspace.put({ ...fixtureFile('2026-01-02', ['2601.00002']), uri: { toString: () => 'file:///digests/2026-01-02-evening.md' } });
		workspace.put(fixtureFile('2026-01-01', ['2601.00004', '2601.00005']));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, fakeReading() as never, new FakeClock());
		const [repeated, plain] = tree.getChildren();
		const tooltip = async (node: typeof repeated) => String((await tree.resolveTreeItem(tree.getTreeItem(node), node, { isCancellationRequested: false } as never)).tooltip);
		assert.match(String(tree.getTreeItem(repeated).description), /^4\b/, 'the row counts entries, as before');
		assert.match(await tooltip(repeated), /^2026-01-02 · \w+ · 4 entries, 2 papers \(2 listed twice\)\n/);
		assert.match(await tooltip(plain), /^2026-01-01 · \w+ · 2 papers\n/);
		tree.dispose();
	});

	it('a starred paper shows ★, says "Starred", offers Unstar by its context value, and a star changed redraws only the days listing it', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-01-01', ['2601.00001', '2601.00002']));
		workspace.put(fixtureFile('2026-01-02', ['2601.00002', '2601.00003']));
		const status: Record<string, 'new' | 'seen' | 'read'> = { '2601.00001': 'new', '2601.00002': 'read', '2601.00003': 'seen' };
		const starred = new Set(['2601.00002']);
		const clock = new FakeClock();
		const tree = new provider.DigestTreeProvider(workspace.ws as never, fakeReading({ statusOn: (id: string) => status[id] }) as never, clock);
		tree.library = { isStarred: (id) => starred.has(id), tooltip: () => undefined, tagCounts: () => [] };
		const fired = redraws(tree);
		const rows = (dayIndex: number) => {
			const day = tree.getChildren()[dayIndex];
			return tree.getChildren(day).flatMap((c) => tree.getChildren(c)).map((p) => tree.getTreeItem(p));
		};
		const older = rows(1);
		assert.deepStrictEqual(older.map((i) => i.contextValue), ['paper new', 'paper read starred']);
		assert.match(String(older[1].description), /^★ /);
		assert.doesNotMatch(String(older[0].description), /★/);
		assert.match((older[1].accessibilityInformation as { label: string }).label, /, Read, Starred$/);
		starred.add('2601.00003');
		tree.starsChanged(['2601.00003']);
		clock.tick(provider.READING_REFRESH_MS);
		assert.deepStrictEqual(fired, [['day:2026-01-02']], 'the one day listing it');
		assert.deepStrictEqual(rows(0).map((i) => i.contextValue), ['paper read starred', 'paper seen starred']);
		tree.dispose();
	});
});
