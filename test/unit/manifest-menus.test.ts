import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface MenuEntry {
	readonly command?: string;
	readonly when?: string;
	readonly group?: string;
}

interface Keybinding {
	readonly command: string;
	readonly key: string;
	readonly when?: string;
	readonly args?: unknown;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]>; keybindings: Keybinding[] } };

/**
 * Evaluates the few when-clause forms the item menus and keybindings use (`key == value`,
 * `key =~ /regex/`, a context key alone or negated with `!`, set when the context has it as 'true';
 * joined by `&&`, those by `||`); any other form fails the test, so a rule this cannot read is looked
 * at rather than passed.
 */
function holds(when: string, context: Record<string, string>): boolean {
	return when.split('||').some((either) => either.split('&&').every((raw) => {
		const term = raw.trim();
		const equal = /^([\w.]+) == ([\w.-]+)$/.exec(term);
		if (equal) return context[equal[1]] === equal[2];
		const match = /^([\w.]+) =~ \/(.*)\/$/.exec(term);
		if (match) return new RegExp(match[2]).test(context[match[1]] ?? '');
		const flag = /^(!?)([\w.]+)$/.exec(term);
		if (flag) return (context[flag[2]] === 'true') !== (flag[1] === '!');
		throw new Error(`a when clause this test cannot read: ${term}`);
	}));
}

/** The commands a row's context menu (inline buttons included) offers. */
function rowCommands(view: string, viewItem: string, group?: (g: string) => boolean): string[] {
	return manifest.contributes.menus['view/item/context']
		.filter((m) => m.command && m.when && holds(m.when, { view, viewItem }) && (!group || group(m.group ?? '')))
		.map((m) => m.command as string);
}

describe('the manifest: item menus match the rows they are for', () => {
	const collections = 'arxivDigest.collections';

	it('Export Collection is on collection rows (Starred too), never on a paper row inside one', () => {
		for (const row of ['collection', 'collection starred']) {
			assert.ok(rowCommands(collections, row, (g) => g.startsWith('inline')).includes('arxivDigest.exportCollection'), `${row}: inline`);
			assert.ok(rowCommands(collections, row).includes('arxivDigest.exportCollection'), `${row}: menu`);
		}
		for (const row of ['collectionPaper', 'notedPaper', 'notes']) assert.ok(!rowCommands(collections, row).includes('arxivDigest.exportCollection'), row);
	});

	it('Rename and Delete are on collections of the reader\'s own, not on Starred nor on papers', () => {
		assert.deepStrictEqual(rowCommands(collections, 'collection').filter((c) => /(rename|delete)Collection/.test(c)).sort(), ['arxivDigest.deleteCollection', 'arxivDigest.renameCollection']);
		for (const row of ['collection starred', 'collectionPaper', 'notedPaper']) assert.deepStrictEqual(rowCommands(collections, row).filter((c) => /(rename|delete)Collection/.test(c)), [], row);
	});

	it('paper commands of the Collections view are on its paper rows only', () => {
		assert.ok(rowCommands(collections, 'collectionPaper').includes('arxivDigest.removeFromCollection'));
		assert.ok(!rowCommands(collections, 'notedPaper').includes('arxivDigest.removeFromCollection'), 'a noted paper is in no collection there');
		for (const row of ['collection', 'collection starred', 'notes']) assert.ok(!rowCommands(collections, row).includes('arxivDigest.openCard'), row);
	});

	const papers = 'arxivDigest.papers';

	it('Mark as Read is on a paper not read, Mark as Unread on a read one; the other paper commands on every paper row', () => {
		const reading = (row: string) => rowCommands(papers, row).filter((c) => /arxivDigest\.mark(Read|Unread)$/.test(c));
		assert.deepStrictEqual(reading('paper new'), ['arxivDigest.markRead']);
		assert.deepStrictEqual(reading('paper seen'), ['arxivDigest.markRead']);
		assert.deepStrictEqual(reading('paper read'), ['arxivDigest.markUnread']);
		const common = rowCommands(papers, 'paper').filter((c) => !/arxivDigest\.mark(Read|Unread)$/.test(c));
		assert.ok(common.includes('arxivDigest.openCard') && common.includes('arxivDigest.star') && common.includes('arxivDigest.followAuthor'), common.join(', '));
		for (const row of ['paper new', 'paper seen', 'paper read']) assert.deepStrictEqual(rowCommands(papers, row).filter((c) => !/arxivDigest\.mark(Read|Unread)$/.test(c)), common, row);
		for (const row of ['day', 'category']) assert.deepStrictEqual(rowCommands(papers, row).filter((c) => common.includes(c)), [], row);
	});

	it('a category row offers Follow Category, a followed one Unfollow Category, "(no category)" neither; no other row either', () => {
		const follow = (row: string) => rowCommands(papers, row).filter((c) => /ollowCategory$/.test(c));
		assert.deepStrictEqual(follow('category'), ['arxivDigest.followCategory']);
		assert.deepStrictEqual(follow('category followed'), ['arxivDigest.unfollowCategory']);
		assert.deepStrictEqual(follow('category followedThrough'), ['arxivDigest.unfollowCategory'], 'followed through a prefix: Unfollow says through what');
		for (const row of ['category unnamed', 'day', 'paper', 'paper new starred']) assert.deepStrictEqual(follow(row), [], row);
	});

	it('a starred paper row offers Unstar where another offers Star, in its menu and inline, and keeps its reading commands', () => {
		const stars = (row: string, group?: (g: string) => boolean) => rowCommands(papers, row, group).filter((c) => /arxivDigest\.(un)?star$|toggleStar$/.test(c));
		const inline = (g: string) => g.startsWith('inline');
		const menu = (g: string) => !g.startsWith('inline');
		for (const status of ['', ' new', ' seen', ' read']) {
			assert.deepStrictEqual(stars(`paper${status}`, inline), ['arxivDigest.star'], `paper${status}: inline`);
			assert.deepStrictEqual(stars(`paper${status}`, menu), ['arxivDigest.star'], `paper${status}: menu`);
			assert.deepStrictEqual(stars(`paper${status} starred`, inline), ['arxivDigest.unstar'], `paper${status} starred: inline`);
			assert.deepStrictEqual(stars(`paper${status} starred`, menu), ['arxivDigest.unstar'], `paper${status} starred: menu`);
		}
		assert.deepStrictEqual(rowCommands(papers, 'paper read starred').filter((c) => /mark(Read|Unread)$/.test(c)), ['arxivDigest.markUnread']);
		assert.deepStrictEqual(rowCommands(papers, 'paper new starred').filter((c) => /mark(Read|Unread)$/.test(c)), ['arxivDigest.markRead']);
		const others = (row: string) => rowCommands(papers, row).filter((c) => !/arxivDigest\.((un)?star|mark(Read|Unread))$/.test(c));
		assert.deepStrictEqual(others('paper seen starred'), others('paper seen'));
	});
});

describe('the manifest: keybindings hold where their commands find a paper', () => {
	const card = { activeWebviewPanelId: 'arxivDigest.card' };
	const papersView = { focusedView: 'arxivDigest.papers' };
	const digestEditor = { editorLangId: 'arxiv-digest' };
	const elsewhere = { editorLangId: 'python', focusedView: 'workbench.explorer.fileView' };
	/** the bindings of `key` whose when clause holds in `context` */
	const bound = (key: string, context: Record<string, string>) => manifest.contributes.keybindings.filter((k) => k.key === key && (!k.when || holds(k.when, context)));

	it('Next Unread (Ctrl+Alt+N), Next Unread Match (Ctrl+Alt+M) and Next New (Ctrl+Alt+E) in a card and in the Papers view', () => {
		for (const [key, command] of [['ctrl+alt+n', 'arxivDigest.nextUnread'], ['ctrl+alt+m', 'arxivDigest.nextUnreadMatch'], ['ctrl+alt+e', 'arxivDigest.nextNew']]) {
			// in a card after its paper; in the Papers view after its selected row (the binding says so)
			assert.deepStrictEqual(bound(key, card).map((k) => [k.command, k.args]), [[command, undefined]], `${key} in a card`);
			assert.deepStrictEqual(bound(key, papersView).map((k) => [k.command, k.args]), [[command, { selectedIn: 'arxivDigest.papers' }]], `${key} in the Papers view`);
			assert.deepStrictEqual(bound(key, elsewhere), [], `${key} elsewhere`);
		}
	});

	it('every key is bound to one command wherever it holds, and on the Mac with Cmd for Ctrl', () => {
		const keys = manifest.contributes.keybindings as { command: string; key: string; mac?: string; when?: string }[];
		for (const k of keys) assert.strictEqual(k.mac, k.key.replace(/^ctrl\+/, 'cmd+'), `${k.command} ${k.key}`);
		for (const context of [card, papersView, digestEditor, elsewhere]) {
			const keysHere = keys.filter((k) => !k.when || holds(k.when, context)).map((k) => k.key);
			assert.deepStrictEqual(keysHere, [...new Set(keysHere)], `one binding per key in ${JSON.stringify(context)}`);
		}
	});

	it('the Ctrl+Alt keys wait while the reader types: in a card\'s note box, the Papers view\'s find box and, on Windows (AltGr is Ctrl+Alt there), any text box but a digest editor', () => {
		const keys = ['ctrl+alt+n', 'ctrl+alt+m', 'ctrl+alt+e', 'ctrl+alt+o', 'ctrl+alt+p'];
		const commandsFor = (context: Record<string, string>) => keys.flatMap((key) => bound(key, context).map((k) => k.command));
		assert.deepStrictEqual(commandsFor({ ...card, 'arxivDigest.cardTyping': 'true' }), ['arxivDigest.searchPapers'], 'in the note box: Search Papers alone, not on Windows');
		assert.deepStrictEqual(commandsFor({ ...card, 'arxivDigest.cardTyping': 'true', isWindows: 'true' }), [], 'in the note box, on Windows');
		assert.deepStrictEqual(commandsFor({ ...papersView, inputFocus: 'true' }), ['arxivDigest.searchPapers'], 'in the find box: Search Papers alone, not on Windows');
		assert.deepStrictEqual(commandsFor({ ...papersView, inputFocus: 'true', isWindows: 'true' }), [], 'in the find box, on Windows');
		const typingInPython = { editorLangId: 'python', inputFocus: 'true', editorTextFocus: 'true' };
		assert.deepStrictEqual(bound('ctrl+alt+p', typingInPython).map((k) => k.command), ['arxivDigest.searchPapers'], 'Search Papers from any editor on Linux and the Mac');
		assert.deepStrictEqual(bound('ctrl+alt+p', { ...typingInPython, isWindows: 'true' }), [], 'not while typing on Windows (AltGr+P is "ö" on US International)');
		assert.deepStrictEqual(bound('ctrl+alt+p', { ...digestEditor, inputFocus: 'true', isWindows: 'true' }).map((k) => k.command), ['arxivDigest.searchPapers'], 'in a digest editor on Windows too');
		assert.deepStrictEqual(bound('ctrl+alt+p', { ...card, isWindows: 'true' }).map((k) => k.command), ['arxivDigest.searchPapers'], 'from a card on Windows');
		// the editor's Find and Replace keep the Mac's Cmd+Alt+P (Toggle Preserve Case)
		assert.deepStrictEqual(bound('ctrl+alt+p', { ...typingInPython, replaceInputFocussed: 'true' }), []);
		// the Search view's Toggle Preserve Case is Alt+P, on the Mac Cmd+Alt+P (a review of this change's)
		assert.deepStrictEqual(bound('ctrl+alt+p', { searchViewletFocus: 'true', inputFocus: 'true' }), []);
		assert.deepStrictEqual(bound('ctrl+alt+p', { ...digestEditor, inputFocus: 'true', findInputFocussed: 'true', isWindows: 'true' }), []);
	});

	it('Open Paper Card (Ctrl+Alt+O) in a digest editor, and in the Papers view on its selected row', () => {
		assert.deepStrictEqual(bound('ctrl+alt+o', digestEditor).map((k) => [k.command, k.args]), [['arxivDigest.openCard', undefined]], 'the paper under the cursor');
		// a key gives the command no row: the binding says it is about the view's selection (isPapersSelectionArgument)
		assert.deepStrictEqual(bound('ctrl+alt+o', papersView).map((k) => [k.command, k.args]), [['arxivDigest.openCard', { selectedIn: 'arxivDigest.papers' }]]);
		assert.deepStrictEqual(bound('ctrl+alt+o', elsewhere), []);
	});

	it('Enter on a paper row of the Papers view takes the focus into what it opens; a day\'s or category\'s Enter, and Enter in the view\'s find box, stay the workbench\'s', () => {
		const enter = (context: Record<string, string>) => bound('enter', context).map((k) => k.command);
		// the keys in the Papers view's tree: the workbench sets a key named after the view's id in the
		// tree's own context, read from the DOM element the keys are in (treeView.ts)
		const paperRow = { 'arxivDigest.papers': 'true', listFocus: 'true' };
		assert.deepStrictEqual(enter(paperRow), ['arxivDigest.internal.enterOnTreeRow']);
		// focusedView is set from the view's focus events and can still name the view the keys just left
		assert.deepStrictEqual(enter({ ...paperRow, focusedView: 'workbench.explorer.fileView' }), ['arxivDigest.internal.enterOnTreeRow'], 'focusedView not yet the Papers view');
		assert.deepStrictEqual(enter({ ...paperRow, focusedView: '' }), ['arxivDigest.internal.enterOnTreeRow'], 'focusedView not yet set');
		// a collapsed row expands, an expanded one collapses (list.select)
		assert.deepStrictEqual(enter({ ...paperRow, treeElementCanExpand: 'true' }), [], 'a collapsed day or category');
		assert.deepStrictEqual(enter({ ...paperRow, treeElementCanCollapse: 'true' }), [], 'an expanded day or category');
		assert.deepStrictEqual(enter({ ...paperRow, inputFocus: 'true' }), [], 'the find box over the rows');
		assert.deepStrictEqual(enter({ ...paperRow, treestickyScrollFocused: 'true' }), [], 'a day or category pinned at the top (sticky scroll)');
		assert.deepStrictEqual(enter(papersView), [], 'the view\'s message or welcome buttons');
		assert.deepStrictEqual(enter({ ...elsewhere, listFocus: 'true' }), [], 'another view\'s list');
		assert.deepStrictEqual(enter({ ...papersView, listFocus: 'true' }), [], 'another view\'s list while focusedView still names the Papers view');
	});

	it('Escape in the Papers view\'s tree keeps the reader\'s place; in its find box, its sticky rows and elsewhere it stays the workbench\'s', () => {
		const escape = (context: Record<string, string>) => bound('escape', context).map((k) => k.command);
		const row = { 'arxivDigest.papers': 'true', listFocus: 'true' };
		assert.deepStrictEqual(escape(row), ['arxivDigest.internal.escapeInTree']);
		assert.deepStrictEqual(escape({ ...row, treeElementCanCollapse: 'true' }), ['arxivDigest.internal.escapeInTree'], 'on a day or category too');
		assert.deepStrictEqual(escape({ ...row, treeFindOpen: 'true' }), [], 'the find box open: Escape closes it');
		assert.deepStrictEqual(escape({ ...row, inputFocus: 'true' }), [], 'typing in the find box');
		assert.deepStrictEqual(escape({ ...row, treestickyScrollFocused: 'true' }), []);
		assert.deepStrictEqual(escape({ ...elsewhere, listFocus: 'true' }), [], 'another view\'s list');
	});
});

describe('the manifest: the palette offers a command where it finds what it acts on', () => {
	const palette = (command: string) => manifest.contributes.menus.commandPalette.find((m) => m.command === `arxivDigest.${command}`);
	const offered = (command: string, context: Record<string, string>) => {
		const entry = palette(command);
		return entry === undefined || entry.when === undefined || holds(entry.when, context);
	};
	// the paper under the cursor, the card's paper, the active digest's day (Show Parse Report is the workspace's)
	const onAPaper = ['openSource', 'openOnArxiv', 'openPdf', 'copyLink', 'copyTitle', 'copyBibtex', 'toggleStar', 'addToCollection', 'editTags', 'editNote', 'markRead', 'markUnread', 'markDayRead'];

	it('the commands on a paper, with a digest open from outside the workspace (a folder without digests, a downloaded day)', () => {
		const loneDigest = { editorLangId: 'arxiv-digest', 'arxivDigest.workspaceScanned': 'true' };
		assert.deepStrictEqual(onAPaper.filter((c) => !offered(c, loneDigest)), []);
		assert.deepStrictEqual(onAPaper.filter((c) => !offered(c, { activeWebviewPanelId: 'arxivDigest.card' })), [], 'its card in front');
		assert.deepStrictEqual(onAPaper.filter((c) => !offered(c, { 'arxivDigest.hasDigests': 'true', editorLangId: 'python' })), [], 'a workspace of digests');
		assert.deepStrictEqual(onAPaper.filter((c) => offered(c, { editorLangId: 'python' })), [], 'none in a workspace without digests');
	});

	it('the selection\'s commands in the editor\'s context menu and the palette only where there are digests', () => {
		for (const command of ['searchSelection', 'addSelectionToInterests', 'excludeKeyword']) {
			const menu = manifest.contributes.menus['editor/context'].find((m) => m.command === `arxivDigest.${command}`);
			assert.ok(menu?.when, command);
			assert.ok(!holds(menu.when, { editorHasSelection: 'true', editorLangId: 'python' }), `${command}: not in a workspace without digests`);
			assert.ok(holds(menu.when, { editorHasSelection: 'true', editorLangId: 'python', 'arxivDigest.hasDigests': 'true' }), `${command}: in one with digests`);
			assert.ok(holds(menu.when, { editorHasSelection: 'true', editorLangId: 'arxiv-digest' }), `${command}: in a digest`);
			assert.ok(!holds(menu.when, { editorLangId: 'arxiv-digest' }), `${command}: with a selection only`);
		}
	});
});
