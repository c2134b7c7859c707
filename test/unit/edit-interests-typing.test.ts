/**
 * Edit Interests driven through the fake vscode (a first-hour review's harness): a settings store with
 * user and workspace scopes, and input boxes a test types into.
 */
import * as assert from 'node:assert';
import * as coreInterests from '../../src/core/interests';
import { FakeInputBox, fakeVscode, withFakeVscode, type FakeQuickPick } from './fake-vscode';

type Store = Record<string, unknown>;
const user: Store = {};
const workspaceSettings: Store = {};
const configListeners: ((e: { affectsConfiguration(key: string): boolean }) => void)[] = [];
const statusMessages: string[] = [];

const inputBoxes: FakeInputBox[] = [];
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
/** Waits, turn by turn of the event loop, until `state()` holds (at most 10 s: the error says what was waited for). */
async function until(state: () => boolean, what: string): Promise<void> {
	for (const started = Date.now(); !state(); await new Promise((resolve) => setImmediate(resolve))) {
		if (Date.now() - started > 10_000) assert.fail(`waited 10 s for ${what}`);
	}
}

describe('Edit Interests: typing an entry', () => {
	let edit: typeof import('../../src/features/reading/editInterests');
	let interests: typeof import('../../src/features/reading/interests');
	const saved = { ...fakeVscode.workspace };
	const savedWindow = { ...fakeVscode.window };
	const fake = fakeVscode as unknown as Record<string, unknown> & { workspace: Record<string, unknown>; window: Record<string, unknown> };
	withFakeVscode(() => {
		fake.ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
		fake.QuickPickItemKind = { Separator: -1, Default: 0 };
		fake.QuickInputButtons = { Back: { id: 'back' } };
		fake.workspace.isTrusted = true;
		fake.workspace.getConfiguration = (section: string) => ({
			get: (name: string) => {
				const key = `${section}.${name}`;
				return key in workspaceSettings ? workspaceSettings[key] : user[key];
			},
			inspect: (name: string) => ({ globalValue: user[`${section}.${name}`], workspaceValue: workspaceSettings[`${section}.${name}`] }),
			update: async (name: string, value: unknown, target: number) => {
				const key = `${section}.${name}`;
				const store = target === 2 ? workspaceSettings : user;
				if (value === undefined) delete store[key];
				else store[key] = value;
				for (const l of configListeners) l({ affectsConfiguration: (k: string) => key === k || key.startsWith(`${k}.`) });
			},
		});
		fake.workspace.onDidChangeConfiguration = (l: (e: { affectsConfiguration(key: string): boolean }) => void) => {
			configListeners.push(l);
			return { dispose: () => undefined };
		};
		fake.window.setStatusBarMessage = (text: string) => {
			statusMessages.push(text);
			return { dispose: () => undefined };
		};
		fake.window.createInputBox = () => {
			const box = new FakeInputBox();
			inputBoxes.push(box);
			return box;
		};
		edit = require('../../src/features/reading/editInterests');
		interests = require('../../src/features/reading/interests');
	});
	after(() => {
		Object.assign(fakeVscode.workspace, saved);
		Object.assign(fakeVscode.window, savedWindow);
	});
	beforeEach(() => {
		for (const k of Object.keys(user)) delete user[k];
		for (const k of Object.keys(workspaceSettings)) delete workspaceSettings[k];
		statusMessages.length = 0;
		inputBoxes.length = 0;
	});

	/** Edit Interests registered over a workspace without digests; the command's handler */
	function register() {
		const specChange = new fakeVscode.EventEmitter<void>();
		configListeners.push(() => specChange.fire());
		const workspace = { files: () => [] } as never;
		const editing = edit.registerInterestEditing(workspace, () => interests.readInterestSettings(), specChange.event as never);
		const command = fakeVscode.commands.registered.get('arxivDigest.editInterests')! as (arg?: unknown) => Promise<unknown>;
		return { editing, command };
	}
	const lastPick = () => (fakeVscode.window as unknown as { quickPicks: FakeQuickPick[] }).quickPicks.at(-1)!;
	const row = (pick: FakeQuickPick, label: RegExp) => pick.items.find((item) => label.test(item.label))!;

	/** Edit Interests opened, its Add Keyword step shown: the list and the step's box */
	async function addKeywordStep() {
		const { editing, command } = register();
		const done = command();
		await tick();
		const list = lastPick();
		list.activeItems = [row(list, /Add Keyword/)];
		(list as unknown as { accepted: { fire(): void } }).accepted.fire();
		await tick();
		const box = inputBoxes.at(-1)!;
		assert.ok(box?.visible, 'the Add Keyword step is shown');
		return { editing, done, list, box };
	}

	it('Add Keyword… says what is wrong with a regular expression with a typo under its box, and adds nothing on Enter', async () => {
		const { done, box } = await addKeywordStep();
		box.type('/diffusion (policy|planner/');
		await tick();
		assert.match(String(box.validationMessage), /diffusion \(policy\|planner/, 'said as it is typed');
		box.enter();
		await tick();
		assert.ok(box.visible, 'the box stays, with its text');
		assert.deepStrictEqual({ saved: user['arxivDigest.interests.keywords'], status: statusMessages }, { saved: undefined, status: [] });
		// text that marks nothing is said too; fixed, it is added
		box.type('*');
		assert.match(String(box.validationMessage), /would mark no paper/);
		box.type('/diffusion (policy|planner)/');
		assert.strictEqual(box.validationMessage, undefined);
		box.enter();
		await tick();
		assert.deepStrictEqual(user['arxivDigest.interests.keywords'], ['/diffusion (policy|planner)/']);
		lastPick().hide();
		await done;
	});

	it('Add Keyword… takes a list as its placeholder shows one: "diffusion, \"world model\"、扩散模型" is three keywords', async () => {
		const { done, box } = await addKeywordStep();
		box.type('diffusion, "world model"、扩散模型');
		box.enter();
		await tick();
		assert.deepStrictEqual(user['arxivDigest.interests.keywords'], ['diffusion', '"world model"', '扩散模型']);
		lastPick().hide();
		await done;
	});

	it('Enter in an empty Add Keyword box goes back to the list, not out of Edit Interests', async () => {
		const { editing, done, list, box } = await addKeywordStep();
		box.enter(); // nothing typed yet (or a stray Enter)
		await tick();
		let ended = false;
		void done.then(() => (ended = true));
		await tick();
		assert.deepStrictEqual({ ended, listShown: editing.shownInput() === (list as unknown) }, { ended: false, listShown: true });
		list.hide();
		await done;
	});

	it('after an add, Enter on the list adds another (its add row active), not removes the entry just added', async () => {
		const { done, list, box } = await addKeywordStep();
		box.type('diffusion');
		box.enter();
		await tick();
		assert.deepStrictEqual(user['arxivDigest.interests.keywords'], ['diffusion']);
		assert.match((list.activeItems[0] as { label: string }).label, /Add Keyword/);
		// the reader presses Enter again (a double press, or to "confirm"): the next keyword's step
		(list as unknown as { accepted: { fire(): void } }).accepted.fire();
		await tick();
		const next = inputBoxes.at(-1)!;
		assert.ok(next !== box && next.visible, 'the Add Keyword step again');
		assert.deepStrictEqual(user['arxivDigest.interests.keywords'], ['diffusion'], 'nothing removed');
		next.hide();
		await done;
	});

	it('text typed into the list\'s own box (where its placeholder is) can be added: a row stays, first, and adds it', async () => {
		const { command } = register();
		const done = command();
		await tick();
		const list = lastPick();
		list.type('diffusion, robot');
		await tick();
		const first = list.items[0] as { label: string; alwaysShow?: boolean };
		assert.match(first.label, /Add “diffusion, robot” as a keyword/);
		assert.ok(first.alwaysShow, 'not filtered away by the text');
		assert.strictEqual(list.activeItems[0], list.items[0]);
		(list as unknown as { accepted: { fire(): void } }).accepted.fire();
		await tick();
		assert.deepStrictEqual(user['arxivDigest.interests.keywords'], ['diffusion', 'robot']);
		assert.ok(!/Add “/.test(list.items[0].label), 'the box emptied, its row gone');
		list.hide();
		await done;
	});
});

describe('Edit Interests: each entry says how many papers of these digests it marks', () => {
	let edit: typeof import('../../src/features/reading/editInterests');
	let interests: typeof import('../../src/features/reading/interests');
	const user: Store = {};
	const configListeners: ((e: { affectsConfiguration(key: string): boolean }) => void)[] = [];
	const saved = { ...fakeVscode.workspace };
	const fake = fakeVscode as unknown as Record<string, unknown> & { workspace: Record<string, unknown> };
	withFakeVscode(() => {
		fake.ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
		fake.QuickPickItemKind = { Separator: -1, Default: 0 };
		fake.QuickInputButtons = { Back: { id: 'back' } };
		fake.workspace.getConfiguration = (section: string) => ({ get: (name: string) => user[`${section}.${name}`], inspect: (name: string) => ({ globalValue: user[`${section}.${name}`] }) });
		fake.workspace.onDidChangeConfiguration = (l: (e: { affectsConfiguration(key: string): boolean }) => void) => {
			configListeners.push(l);
			return { dispose: () => undefined };
		};
		edit = require('../../src/features/reading/editInterests');
		interests = require('../../src/features/reading/interests');
	});
	after(() => Object.assign(fakeVscode.workspace, saved));

	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const fs = require('node:fs') as typeof import('node:fs');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { parseDigest } = require('../../src/core/parser') as typeof import('../../src/core/parser');
	const DIR = 'test/fixtures/real/70asunflower__daily-arXiv-ai-enhanced';
	const digests = fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).map((f) => parseDigest(fs.readFileSync(`${DIR}/${f}`, 'utf8'), `${DIR}/${f}`));
	/** every listing's text, a day's papers listed again the next day (as digests do) */
	const listings = [...digests, digests[0]].flatMap((d) => d.papers.map((p) => ({ id: p.id, text: { title: p.title, translatedTitle: p.translatedTitle, tldr: p.tldr, body: [p.motivation, p.method, p.result, p.conclusion, p.abstract].join('\n'), authors: p.authors, category: p.category ?? '' } })));
	/** the matches of `spec` by paper id, made as the index shards and the search client make them */
	function matchesOf(spec: coreInterests.InterestSpec): Map<string, coreInterests.InterestMatch> {
		const compiled = coreInterests.compileInterests(spec);
		const out = new Map<string, coreInterests.InterestMatch>();
		for (const { id, text } of listings) {
			const m = coreInterests.matchInterests(compiled, text);
			const seen = out.get(id);
			if (m) out.set(id, seen ? coreInterests.mergeInterestMatches(seen, m) : m);
		}
		return out;
	}
	/** what a row should say: the distinct papers its entry alone marks, as the matcher marks them */
	function expected(kind: string, list: keyof coreInterests.InterestSpec, entry: string): string {
		const n = [...matchesOf(coreInterests.normalizeInterests({ [list]: [entry] })).values()].filter(coreInterests.isMatch).length;
		return `${kind} · ${n === 0 ? 'marks no paper in these digests' : n === 1 ? '1 paper' : `${n} papers`}`;
	}

	/** Edit Interests opened over `workspace` (its interests service made here): `use` gets the list; closed and everything disposed after */
	async function withEditInterestsList(workspace: unknown, use: (list: FakeQuickPick) => Promise<void>): Promise<void> {
		const service_ = new interests.InterestsService(workspace as never);
		const editing = edit.registerInterestEditing(workspace as never, () => service_.spec, service_.onDidChangeSpec, service_);
		const command = fakeVscode.commands.registered.get('arxivDigest.editInterests')! as (arg?: unknown) => Promise<unknown>;
		try {
			const done = command();
			await tick();
			const list = (fakeVscode.window as unknown as { quickPicks: FakeQuickPick[] }).quickPicks.at(-1)!;
			await use(list);
			list.hide();
			await done;
		} finally {
			editing.dispose();
			service_.dispose();
			for (const k of Object.keys(user)) delete user[k];
		}
	}

	it('shows the list at once ("counting papers…"), then each row\'s count of distinct papers, "marks no paper in these digests" for a name written family name first', async () => {
		const author = digests[0].papers[0].authors[0];
		const reversed = author.split(' ').reverse().join(' ');
		user['arxivDigest.interests.keywords'] = ['agent*', 'zzqxv'];
		user['arxivDigest.interests.authors'] = [author, reversed];
		user['arxivDigest.interests.categories'] = ['cs.CV'];
		/** the shards' answer is held back until the test lets it go: the list must not wait for it */
		let answer: () => void = () => undefined;
		const answered = new Promise<void>((resolve) => (answer = resolve));
		const asked: unknown[] = [];
		const service = {
			interests: async (spec: coreInterests.InterestSpec) => {
				asked.push(spec);
				await answered;
				return { matches: matchesOf(spec), errors: [], computed: listings.length, partial: false, unreadable: 0, ms: 1 };
			},
			headReady: Promise.resolve(),
			whenIndexed: () => Promise.resolve(),
			onFilled: () => ({ dispose: () => undefined }),
		};
		const workspace = { files: () => digests.map((digest) => ({ digest })), onDidChange: () => ({ dispose: () => undefined }), ready: Promise.resolve(), backend: async () => ({ service }) };
		await withEditInterestsList(workspace, async (list) => {
			const descriptions = () => list.items.filter((item) => (item as { remove?: string }).remove).map((item) => `${item.label.replace(/^\$\([a-z-]+\) /, '')}: ${(item as { description?: string }).description}`);
			assert.ok(asked.length > 0, 'the shards were asked');
			assert.deepStrictEqual(descriptions(), ['agent*: keyword · counting papers…', 'zzqxv: keyword · counting papers…', `${author}: author · counting papers…`, `${reversed}: author · counting papers…`, 'cs.CV: category · counting papers…'], 'shown before the counts are known');
			// the reader moves to a row; the counts come in and the row stays the active one
			list.activeItems = [list.items.find((item) => item.label.endsWith(' zzqxv'))!];
			answer();
			await tick();
			assert.deepStrictEqual(descriptions(), [
				`agent*: ${expected('keyword', 'keywords', 'agent*')}`,
				`zzqxv: ${expected('keyword', 'keywords', 'zzqxv')}`,
				`${author}: ${expected('author', 'authors', author)}`,
				`${reversed}: ${expected('author', 'authors', reversed)}`,
				`cs.CV: ${expected('category', 'categories', 'cs.CV')}`,
			]);
			assert.match(descriptions()[0], /keyword · \d+ papers/, 'a keyword that marks papers');
			assert.match(descriptions()[3], /marks no paper in these digests/, `${reversed}, family name first`);
			assert.ok(list.activeItems[0]?.label.endsWith(' zzqxv'), 'the active row kept');
		});
	});

	it('says no count for a workspace without digests (not "0")', async () => {
		user['arxivDigest.interests.keywords'] = ['diffusion'];
		const workspace = { files: () => [], onDidChange: () => ({ dispose: () => undefined }), ready: Promise.resolve(), backend: async () => undefined };
		await withEditInterestsList(workspace, async (list) => {
			const row = list.items.find((item) => (item as { remove?: string }).remove) as { description?: string };
			assert.strictEqual(row.description, 'keyword');
		});
	});

	it('says no count when the index could not match the interests (not "counting papers…" for ever)', async () => {
		user['arxivDigest.interests.keywords'] = ['diffusion'];
		const service = {
			interests: async () => {
				throw new Error('the index restarted');
			},
			headReady: Promise.resolve(),
			whenIndexed: () => Promise.resolve(),
			onFilled: () => ({ dispose: () => undefined }),
		};
		const workspace = { files: () => [{ digest: {} }], onDidChange: () => ({ dispose: () => undefined }), ready: Promise.resolve(), backend: async () => ({ service }) };
		const service_ = new interests.InterestsService(workspace as never);
		try {
			assert.strictEqual(service_.entryCounts(service_.spec), 'counting');
			await service_.refresh();
			assert.strictEqual(service_.entryCounts(service_.spec), undefined);
		} finally {
			service_.dispose();
			for (const k of Object.keys(user)) delete user[k];
		}
	});
});

describe('Follow Author… typed: the names of these digests listed as the name is typed', () => {
	let edit: typeof import('../../src/features/reading/editInterests');
	const user: Store = {};
	const saved = { ...fakeVscode.workspace };
	const fake = fakeVscode as unknown as Record<string, unknown> & { workspace: Record<string, unknown> };
	withFakeVscode(() => {
		fake.ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
		fake.QuickInputButtons = { Back: { id: 'back' } };
		fake.workspace.getConfiguration = (section: string) => ({
			get: (name: string) => user[`${section}.${name}`],
			inspect: (name: string) => ({ globalValue: user[`${section}.${name}`] }),
			update: async (name: string, value: unknown) => void (user[`${section}.${name}`] = value),
		});
		edit = require('../../src/features/reading/editInterests');
	});
	after(() => Object.assign(fakeVscode.workspace, saved));

	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const fs = require('node:fs') as typeof import('node:fs');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { parseDigest } = require('../../src/core/parser') as typeof import('../../src/core/parser');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { PaperIndex } = require('../../src/core/search/index') as typeof import('../../src/core/search/index');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { authorsLike, mergeAuthorsLike } = require('../../src/core/search/authorsLike') as typeof import('../../src/core/search/authorsLike');
	const DIR = 'test/fixtures/real/70asunflower__daily-arXiv-ai-enhanced';
	const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).map((f) => `${DIR}/${f}`);
	const digests = files.map((f) => parseDigest(fs.readFileSync(f, 'utf8'), f));
	/** two shards, as the editor has them, the first file in both (its papers in files of two shards) */
	const shards = [new PaperIndex(), new PaperIndex()];
	digests.forEach((d, i) => shards[i % 2].addFile(d.path, d));
	shards[1].addFile(`${DIR}/copy.md`, digests[0]);
	const asked: string[] = [];
	const service = {
		authorsLike: async (typed: string, limit: number) => (asked.push(typed), mergeAuthorsLike(shards.map((index) => authorsLike(index, typed, limit * 2)), limit)),
	};
	const workspace = { files: () => digests, backend: async () => ({ service }) };

	it('lists the names the typed words start, in any order, with their distinct papers, the most first; Enter on one follows it as written', async () => {
		// the most listed name of two words: typed family name first, its given name cut short
		const counts = new Map<string, Set<string>>();
		for (const d of digests) for (const p of d.papers) for (const a of p.authors) counts.set(a, (counts.get(a) ?? new Set()).add(p.id));
		const [name, ids] = [...counts].filter(([a]) => /^\p{L}{4,} \p{L}{2,}$/u.test(a)).sort((a, b) => b[1].size - a[1].size)[0];
		const [given, family] = name.split(' ');
		const typed = `${family} ${given.slice(0, 3)}`;
		edit.registerInterestEditing(workspace as never, () => ({ keywords: [], authors: [], categories: [], exclude: [] }), (() => ({ dispose: () => undefined })) as never);
		const command = fakeVscode.commands.registered.get('arxivDigest.editInterests')! as (arg?: unknown) => Promise<unknown>;
		const done = command({ add: 'authors' });
		await tick();
		const pick = (fakeVscode.window as unknown as { quickPicks: FakeQuickPick[] }).quickPicks.at(-1)!;
		pick.type(typed);
		await until(() => asked.at(-1) === typed && !pick.busy, 'the names asked of the index for the typed text');
		const rows = pick.items as { label: string; description?: string; alwaysShow?: boolean }[];
		assert.strictEqual(rows[0].label, name, 'the name with the most papers first: Enter takes it as the digests write it');
		assert.match(`${rows.at(-1)!.label} ${rows.at(-1)!.description}`, new RegExp(`Follow the name as typed “${typed}”`), 'the typed text last, taken as it is');
		assert.ok(!rows.at(-1)!.label.includes(typed), 'the typed text not in the label, which the workbench would sort first');
		const row = rows.find((r) => r.label === name);
		assert.ok(row, `${name} listed for ${typed}`);
		assert.strictEqual(row.description, ids.size === 1 ? '1 paper' : `${ids.size} papers`, 'distinct papers, the file in two shards once');
		assert.ok(rows.every((r) => r.alwaysShow), 'not hidden by the pick\'s own filter (it would hide the name for a family name typed first)');
		const listed = rows.slice(0, -1).map((r) => Number(/^(\d+)/.exec(r.description ?? '')?.[1]));
		assert.deepStrictEqual(listed, [...listed].sort((a, b) => b - a), 'the most papers first');
		assert.ok(rows.length <= 51);
		pick.activeItems = [row];
		(pick as unknown as { accepted: { fire(): void } }).accepted.fire();
		await done;
		assert.deepStrictEqual(user['arxivDigest.interests.authors'], [name]);
	});

	it('takes the text as typed, and lists nothing for one letter', async () => {
		for (const k of Object.keys(user)) delete user[k];
		asked.length = 0;
		edit.registerInterestEditing(workspace as never, () => ({ keywords: [], authors: [], categories: [], exclude: [] }), (() => ({ dispose: () => undefined })) as never);
		const command = fakeVscode.commands.registered.get('arxivDigest.editInterests')! as (arg?: unknown) => Promise<unknown>;
		const done = command({ add: 'authors' });
		await tick();
		const pick = (fakeVscode.window as unknown as { quickPicks: FakeQuickPick[] }).quickPicks.at(-1)!;
		pick.type('z');
		assert.deepStrictEqual(pick.items.length, 1, 'the typed row alone');
		assert.strictEqual(pick.busy, false, 'one letter asks nothing');
		pick.type('Zqx Vwy');
		await until(() => asked.at(-1) === 'Zqx Vwy' && !pick.busy, 'the names asked for "Zqx Vwy"');
		assert.deepStrictEqual(asked, ['Zqx Vwy'], 'one letter is not asked');
		assert.deepStrictEqual(pick.items.length, 1, 'no name: the typed row alone');
		pick.activeItems = [pick.items[0]];
		(pick as unknown as { accepted: { fire(): void } }).accepted.fire();
		await done;
		assert.deepStrictEqual(user['arxivDigest.interests.authors'], ['Zqx Vwy']);
	});
});

describe('splitTermList: a keyword box\'s text as the terms it lists', () => {
	it('splits at commas, Chinese commas and semicolons outside quotes and /regex/', () => {
		assert.deepStrictEqual(coreInterests.splitTermList('diffusion, "world model"、扩散模型；robot'), ['diffusion', '"world model"', '扩散模型', 'robot']);
		assert.deepStrictEqual(coreInterests.splitTermList('"a, b", /x{1,3}y/, /a\\/,b/'), ['"a, b"', '/x{1,3}y/', '/a\\/,b/']);
		assert.deepStrictEqual(coreInterests.splitTermList('  diffusion  '), ['diffusion']);
		assert.deepStrictEqual(coreInterests.splitTermList(' , ;'), []);
		assert.deepStrictEqual(coreInterests.splitTermList('path/to, x'), ['path/to', 'x'], 'a slash inside a word is no regex');
	});
});

describe('interestTermKey: two entries the matcher reads alike are one', () => {
	it('a phrase in quotes or not, with accents or not, in any case; a regex as written', () => {
		const key = coreInterests.interestTermKey;
		assert.strictEqual(key('keywords', '"World Model"'), key('keywords', 'world model'));
		assert.strictEqual(key('authors', 'Schrödinger'), key('authors', 'schrodinger'));
		assert.notStrictEqual(key('keywords', '/World/'), key('keywords', '/world/i'));
		assert.notStrictEqual(key('keywords', '/a"b"/'), key('keywords', 'a"b"'));
		assert.strictEqual(key('categories', 'cs.CV.*'), key('categories', 'cs.cv'));
	});
});

describe('interestTermKey: two entries are one exactly when they mark the same papers', () => {
	const texts = ['A world model for robots', 'World-Models at scale', 'the world/model gap', 'a “world model” quoted', 'worlds modelled', 'Schrödinger bridges', 'Schrodinger bridge matching', 'LLMs reason', 'an LLM plans', 'CPUs and GPUs', '扩散模型的世界模型'];
	const names = ['Jean-Pierre Dupont', 'Jean Pierre Dupont', 'J. Dupont', 'J Dupont', 'Jean Dupont', 'Pierre Dupont', 'José Núñez', 'Jose Nunez', 'Kaiming He', 'He Kaiming'];
	const papers: coreInterests.InterestText[] = [
		...texts.map((title) => ({ title, tldr: '', body: '', authors: [], category: 'cs.LG' })),
		...names.map((name) => ({ title: 'x', tldr: '', body: '', authors: [name], category: 'cs.LG' })),
	];
	/** the papers an entry alone marks, as the matcher reads it */
	const marked = (list: 'keywords' | 'authors' | 'exclude', entry: string) => {
		const compiled = coreInterests.compileInterests(coreInterests.normalizeInterests({ [list]: [entry] }));
		return papers.map((p) => (coreInterests.matchInterests(compiled, p) ? 1 : 0)).join('');
	};
	const entries = {
		keywords: ['world model', '"World Model"', 'world-model', 'World  Model', '“world model”', 'world models', 'world', 'Schrödinger', 'schrodinger', 'LLM', 'llms', 'LLMs', 'CPU', '世界模型', '/world model/', '/World Model/', '/world model/i'],
		authors: ['Jean-Pierre Dupont', 'Jean Pierre Dupont', 'jean pierre dupont', 'J. Dupont', 'J Dupont', 'Dupont', 'José Núñez', 'Jose Nunez', 'Kaiming He', 'He Kaiming', '"Kaiming He"', '/Dupont/'],
		exclude: ['world model', 'world-model', '“world model”', 'Schrödinger', 'schrodinger'],
	} as const;

	for (const [list, values] of Object.entries(entries) as [keyof typeof entries, readonly string[]][]) {
		it(`${list}: two entries with one key mark the same papers (none is refused as a duplicate of another)`, () => {
			const wrong: string[] = [];
			for (const a of values) {
				for (const b of values) {
					if (a < b && coreInterests.interestTermKey(list, a) === coreInterests.interestTermKey(list, b) && marked(list, a) !== marked(list, b)) wrong.push(`${a} | ${b}`);
				}
			}
			assert.deepStrictEqual(wrong, []);
		});
	}

	it('entries the matcher reads alike are one: a hyphen or spaces between words, case, quotes, accents, a name\'s dots', () => {
		const alike: [keyof typeof entries, string, string][] = [
			['keywords', 'world model', 'world-model'],
			['keywords', '"World Model"', 'World  Model'],
			['keywords', 'Schrödinger', 'schrodinger'],
			['keywords', 'LLMs', 'llms'],
			['exclude', 'world model', 'world-model'],
			['authors', 'Jean-Pierre Dupont', 'Jean Pierre Dupont'],
			['authors', 'J. Dupont', 'J Dupont'],
			['authors', 'José Núñez', 'Jose Nunez'],
			['authors', '"Kaiming He"', 'Kaiming He'],
		];
		for (const [list, a, b] of alike) {
			assert.strictEqual(marked(list, a), marked(list, b), `${a} | ${b} mark the same papers`);
			assert.strictEqual(coreInterests.interestTermKey(list, a), coreInterests.interestTermKey(list, b), `${a} | ${b} are one entry`);
		}
	});

	it('the matcher reads “world model” (curly quotes, as a Chinese keyboard types them) as the phrase, as Search Papers does: one entry with "world model"', () => {
		assert.strictEqual(marked('keywords', '“world model”'), marked('keywords', '"world model"'));
		assert.ok(marked('keywords', '“world model”').split('').filter((c) => c === '1').length >= 3, marked('keywords', '“world model”'));
		assert.strictEqual(coreInterests.interestTermKey('keywords', '“world model”'), coreInterests.interestTermKey('keywords', 'world model'));
	});
});

describe('Add Selection to Interests on a name of an entry\'s authors', () => {
	let actions: typeof import('../../src/features/paperActions');
	withFakeVscode(() => (actions = require('../../src/features/paperActions')));

	it('is that author (followed), as the authors line writes it; other text is a keyword', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { parseDigest } = require('../../src/core/parser') as typeof import('../../src/core/parser');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const text = (require('node:fs') as typeof import('node:fs')).readFileSync('test/fixtures/seeds/000_e68cbdc0f6d19b20.txt', 'utf8');
		const digest = parseDigest(text, '/ws/2026-02-05.md');
		const workspace = { isDigestDocument: () => true, parseDocument: () => digest };
		const line = text.split('\n').findIndex((l) => l.startsWith('*Yiye Chen,'));
		const editor = { document: {}, selection: { active: { line } } };
		assert.strictEqual(actions.authorAtSelection(workspace as never, editor as never, 'yiye chen'), 'Yiye Chen');
		assert.strictEqual(actions.authorAtSelection(workspace as never, editor as never, 'Benjamin E. Lundell'), 'Benjamin E. Lundell');
		assert.strictEqual(actions.authorAtSelection(workspace as never, editor as never, 'Track-Following'), undefined);
		assert.strictEqual(actions.authorAtSelection({ ...workspace, isDigestDocument: () => false } as never, editor as never, 'Yiye Chen'), undefined, 'not a digest');
	});
});

describe('Follow Author… typed: a name no paper of these digests lists is said', () => {
	let edit: typeof import('../../src/features/reading/editInterests');
	withFakeVscode(() => (edit = require('../../src/features/reading/editInterests')));

	it('asks the search for the author as Search by Author writes it, and says so when it finds none', async () => {
		const asked: unknown[] = [];
		const said: string[] = [];
		const fake = fakeVscode as unknown as { commands: { executeCommand: unknown }; window: { showInformationMessage: unknown } };
		const execute = fake.commands.executeCommand;
		const info = fake.window.showInformationMessage;
		fake.commands.executeCommand = async (_command: string, query: string) => (asked.push(query), { ids: query === 'author:"Kaiming He"' ? ['2601.00001'] : [] });
		fake.window.showInformationMessage = async (text: string) => void said.push(text);
		try {
			const workspace = { files: () => [{}] } as never;
			await edit.sayIfNoPaperBy(workspace, 'Kaiming He');
			assert.deepStrictEqual(said, [], 'a name the papers list: nothing said');
			await edit.sayIfNoPaperBy(workspace, ' He Kaiming ');
			assert.deepStrictEqual(asked, ['author:"Kaiming He"', 'author:"He Kaiming"']);
			assert.match(said[0] ?? '', /No paper in these digests lists “He Kaiming” as an author yet/);
			await edit.sayIfNoPaperBy({ files: () => [] } as never, 'He Kaiming');
			assert.strictEqual(asked.length, 2, 'a workspace without digests is not asked');
		} finally {
			fake.commands.executeCommand = execute;
			fake.window.showInformationMessage = info;
		}
	});
});

describe('Follow Author… typed: one row per author as the matcher reads names', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const fs = require('node:fs') as typeof import('node:fs');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { parseDigest } = require('../../src/core/parser') as typeof import('../../src/core/parser');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { PaperIndex } = require('../../src/core/search/index') as typeof import('../../src/core/search/index');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { authorsLike, mergeAuthorsLike } = require('../../src/core/search/authorsLike') as typeof import('../../src/core/search/authorsLike');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { wantedName } = require('../../src/core/authorNames') as typeof import('../../src/core/authorNames');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { filesUnder } = require('./files-under') as typeof import('./files-under');

	it('a name the real digests write several ways (jian Yang, Jian Yang; Anh-Duy Le, Anh Duy Le) is one row with the papers following it marks, in two shards as in one', function () {
		this.timeout(60_000);
		const shards = [new PaperIndex(), new PaperIndex()];
		const papers = new Map<string, { id: string; title: string; tldr?: string; authors: string[]; category?: string }>();
		filesUnder('test/fixtures/real').forEach((path, i) => {
			const digest = parseDigest(fs.readFileSync(path, 'utf8'), path);
			shards[i % 2].addFile(path, digest);
			for (const p of digest.papers) papers.set(p.id, p);
		});
		const spellings = new Map<string, Set<string>>();
		for (const p of papers.values()) for (const a of p.authors) spellings.set(wantedName(a), (spellings.get(wantedName(a)) ?? new Set()).add(a.trim()));
		const several = [...spellings.values()].filter((s) => s.size > 1);
		assert.ok(several.length >= 5, `${several.length} names written several ways`);
		for (const written of several.slice(0, 6)) {
			const name = [...written][0];
			const marked = [...papers.values()].filter((p) => coreInterests.isMatch(coreInterests.matchInterests(coreInterests.compileInterests(coreInterests.normalizeInterests({ authors: [name] })), { title: p.title, tldr: p.tldr ?? '', body: '', authors: p.authors, category: p.category ?? '' }))).length;
			const rows = mergeAuthorsLike(shards.map((index) => authorsLike(index, name, 200)), 100).filter(([n]) => wantedName(n) === wantedName(name));
			assert.strictEqual(rows.length, 1, `${[...written].join(' / ')}: ${JSON.stringify(rows)}`);
			assert.strictEqual(rows[0][1], marked, `${name}: the row's papers are those following it marks`);
			assert.ok(written.has(rows[0][0]), `${rows[0][0]} is a spelling the papers write`);
		}
	});
});
