import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { fakeWorkspace, fixtureFile } from './fake-workspace';
import { emptyLibrary, setNote, toggleStar, type Library } from '../../src/core/library/model';
import { keptPaper } from '../../src/core/library/kept';
import type { KeptLookup } from '../../src/features/library/keptPapers';
import { smallDigest } from '../fixtures/small-digest';

describe('the Collections view refreshes for the files of its papers only', () => {
	let collections: typeof import('../../src/features/library/collectionsView');
	withFakeVscode(() => (collections = require('../../src/features/library/collectionsView')));

	function setup(library: Library, kept?: KeptLookup) {
		const workspace = fakeWorkspace();
		const libraryChanges = new fakeVscode.EventEmitter<void>();
		const store = { library, onDidChange: libraryChanges.event };
		const view = new collections.CollectionsProvider(store as never, workspace.ws as never, kept);
		let refreshes = 0;
		view.onDidChangeTreeData(() => refreshes++);
		return { ...workspace, view, store, refreshes: () => refreshes, libraryChanged: () => libraryChanges.fire() };
	}

	it('an empty library: no refresh for any file', () => {
		const s = setup(emptyLibrary());
		for (let i = 0; i < 20; i++) {
			const file = fixtureFile(`2026-01-${String(i + 1).padStart(2, '0')}`);
			s.put(file);
			if (i % 3 === 0) s.remove(file.uri);
		}
		assert.strictEqual(s.refreshes(), 0);
		s.view.dispose();
	});

	it('a starred paper: a refresh for a file that lists it (any version), lists it no more, or goes; none for the others', () => {
		const starred = toggleStar(emptyLibrary(), 'arXiv:2601.00002v3').library;
		const s = setup(starred);
		s.put(fixtureFile('other', ['2601.00001', '2601.00003']));
		s.put(fixtureFile('other', ['2601.00001']), 'changed');
		s.remove(fixtureFile('other').uri);
		assert.strictEqual(s.refreshes(), 0, 'a file that never listed the starred paper');
		s.put(fixtureFile('listing', ['2601.00001', '2601.00002v2']));
		assert.strictEqual(s.refreshes(), 1, 'a file listing v2 of the starred paper');
		s.put(fixtureFile('listing', ['2601.00001']), 'changed');
		assert.strictEqual(s.refreshes(), 2, 'the same file without it: the row loses that listing');
		s.put(fixtureFile('listing', ['2601.00001', '2601.00004']), 'changed');
		assert.strictEqual(s.refreshes(), 2, 'and changed again, still without it');
		s.put(fixtureFile('plain', ['2601.00002']));
		s.remove(fixtureFile('plain').uri);
		assert.strictEqual(s.refreshes(), 4, 'a file listing it without version, then its removal');
		// the library changes (the star taken back): always a refresh, and then no file counts
		s.store.library = toggleStar(starred, '2601.00002').library;
		s.libraryChanged();
		assert.strictEqual(s.refreshes(), 5);
		s.put(fixtureFile('again', ['2601.00002']));
		assert.strictEqual(s.refreshes(), 5, 'nothing collected any more');
		s.view.dispose();
	});

	it('a paper starred while its files are in the workspace: their later changes count', () => {
		const s = setup(emptyLibrary());
		s.put(fixtureFile('listing', ['2601.00002']));
		assert.strictEqual(s.refreshes(), 0);
		s.store.library = toggleStar(s.store.library, '2601.00002').library;
		s.libraryChanged();
		assert.strictEqual(s.refreshes(), 1);
		s.put(fixtureFile('listing', ['2601.00001']), 'changed');
		assert.strictEqual(s.refreshes(), 2, 'the file listed it when it was starred');
		s.view.dispose();
	});

	it('a paper no digest lists any more shows as the library kept it: title, first author, day', () => {
		const paper = { ...smallDigest().papers[1], id: '2601.00002' };
		const records = new Map([['2601.00002', keptPaper(paper, ['2026-01-02', '2026-01-09'])]]);
		const keptChanges = new fakeVscode.EventEmitter<void>();
		const s = setup(setNote(toggleStar(emptyLibrary(), '2601.00002').library, '2601.00002', 'Reread §3'), { get: (id) => records.get(id), onDidChange: keptChanges.event });
		const row = s.view.getTreeItem(s.view.getChildren(s.view.getChildren()[0])[0]);
		assert.strictEqual(row.label, paper.title);
		assert.strictEqual(row.description, `${paper.authors[0]} · 2026-01-09 · not in this workspace`);
		assert.strictEqual((row.iconPath as { id: string }).id, 'archive');
		assert.match(String((row.tooltip as { value: string }).value), /2026-01-09, 2026-01-02[^]*As your library kept it[^]*Reread §3/);
		const before = s.refreshes();
		keptChanges.fire();
		assert.strictEqual(s.refreshes(), before + 1, 'records read or made: the rows again');
		// listed again: the digest's own row
		s.put(fixtureFile('2026-01-10', ['2601.00001', '2601.00002']));
		const listed = s.view.getTreeItem(s.view.getChildren(s.view.getChildren()[0])[0]);
		assert.strictEqual((listed.iconPath as { id: string }).id, 'file-text');
		assert.match(String(listed.description), /2026-01-10$/);
		s.view.dispose();
	});

	it('lists every paper with a note under Notes, newest first, in a collection or not, in the workspace or not', () => {
		let library = setNote(emptyLibrary(), '2601.00001', 'First idea\nmore');
		library = setNote(library, '2601.00009', 'x'.repeat(80));
		library = toggleStar(library, '2601.00001').library;
		const s = setup(library);
		s.put(fixtureFile('listing', ['2601.00001']));
		const root = s.view.getChildren();
		assert.deepStrictEqual(root.map((n) => n.node), ['collection', 'notes']);
		const notes = s.view.getChildren(root[1]);
		assert.deepStrictEqual(notes, [
			{ node: 'notedPaper', id: '2601.00009', ref: { id: '2601.00009' } },
			{ node: 'notedPaper', id: '2601.00001', ref: { id: '2601.00001' } },
		]);
		const gone = s.view.getTreeItem(notes[0]);
		assert.strictEqual(gone.contextValue, 'notedPaper');
		assert.strictEqual(gone.description, `${'x'.repeat(59)}… · not in this workspace`);
		assert.match(String(s.view.getTreeItem(notes[1]).description), /^First idea · /);
		// shortened by characters: an emoji at the cut is kept whole, not half a surrogate pair
		const emoji = setup(setNote(emptyLibrary(), '2601.00002', `${'x'.repeat(58)}😀 and more text`));
		const row = emoji.view.getTreeItem(emoji.view.getChildren(emoji.view.getChildren()[1])[0]);
		assert.strictEqual(row.description, `${'x'.repeat(58)}😀… · not in this workspace`);
		emoji.view.dispose();
		assert.strictEqual(s.view.getTreeItem(root[1]).description, '2');
		// its tooltip is a sentence of its own: a screen reader hears the row's name and count, not that sentence
		assert.deepStrictEqual(s.view.getTreeItem(root[1]).accessibilityInformation, { label: 'Your notes, 2 notes' });
		// a noted paper's file counts for refreshes, as a collected one's does
		const before = s.refreshes();
		s.put(fixtureFile('other', ['2601.00009']));
		assert.strictEqual(s.refreshes(), before + 1);
		s.view.dispose();
	});

	it('a note alone (nothing starred) shows the view, not its welcome text', () => {
		const s = setup(setNote(emptyLibrary(), '2601.00001', 'n'));
		assert.deepStrictEqual(s.view.getChildren().map((n) => n.node), ['collection', 'notes']);
		assert.deepStrictEqual(setup(emptyLibrary()).view.getChildren(), []);
		s.view.dispose();
	});
});

describe('the Collections view context menu', () => {
	/** the commands of the manifest's menu for a Collections row of `contextValue` (the `when` clauses this view uses) */
	function menuOf(contextValue: string): string[] {
		const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string }[]> } };
		return manifest.contributes.menus['view/item/context']
			.filter((item) => {
				const when = item.when ?? '';
				if (!when.includes('view == arxivDigest.collections')) return false;
				const exact = /viewItem == (\S+)/.exec(when)?.[1];
				const pattern = /viewItem =~ \/(.+)\/$/.exec(when)?.[1];
				return exact !== undefined ? exact === contextValue : pattern !== undefined && new RegExp(pattern).test(contextValue);
			})
			.map((item) => item.command);
	}

	it('offers Edit Note on a paper under a collection and under "Your notes"', () => {
		for (const contextValue of ['collectionPaper', 'notedPaper']) {
			const commands = menuOf(contextValue);
			assert.ok(commands.includes('arxivDigest.editNote'), `${contextValue}: ${commands.join(', ')}`);
			assert.ok(commands.includes('arxivDigest.openCard'), contextValue);
		}
		assert.ok(!menuOf('notedPaper').includes('arxivDigest.removeFromCollection'), 'a noted paper is in no collection there');
	});
});
