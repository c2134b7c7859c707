import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { summarizeDigest, type DigestSummary } from '../../src/core/summary';
import { emptyLibrary, toggleStar, type Library } from '../../src/core/library/model';
import { smallDigest } from '../fixtures/small-digest';

type Uri = { toString(): string };

describe('the Collections view refreshes for the files of its papers only', () => {
	let collections: typeof import('../../src/features/library/collectionsView');
	withFakeVscode(() => (collections = require('../../src/features/library/collectionsView')));

	function setup(library: Library) {
		const files = new Map<string, { uri: Uri; digest: DigestSummary }>();
		const changes = new fakeVscode.EventEmitter<readonly { uri: Uri; kind: string }[]>();
		const libraryChanges = new fakeVscode.EventEmitter<void>();
		const store = { library, onDidChange: libraryChanges.event };
		const workspace = { get: (uri: Uri) => files.get(uri.toString()), onDidChange: changes.event };
		const view = new collections.CollectionsProvider(store as never, workspace as never);
		let refreshes = 0;
		view.onDidChangeTreeData(() => refreshes++);
		/** a file of the small fixture's papers under these ids, named `name` */
		const file = (name: string, ids: string[]) => {
			const digest = smallDigest();
			const uri = { toString: () => `file:///d/${name}.md` };
			const papers = ids.map((id, i) => ({ ...digest.papers[i], id }));
			files.set(uri.toString(), { uri, digest: summarizeDigest({ ...digest, papers, categories: [] }) });
			return uri;
		};
		return {
			view,
			store,
			file,
			refreshes: () => refreshes,
			change: (uri: Uri, kind = 'added') => changes.fire([{ uri, kind }]),
			libraryChanged: () => libraryChanges.fire(),
		};
	}

	it('an empty library: no refresh for any file', () => {
		const s = setup(emptyLibrary());
		s.change({ toString: () => 'file:///d/none.md' });
		for (let i = 0; i < 20; i++) s.change({ toString: () => `file:///d/${i}.md` }, i % 3 === 0 ? 'removed' : 'added');
		assert.strictEqual(s.refreshes(), 0);
		s.view.dispose();
	});

	it('a starred paper: a refresh for a file that lists it (any version), or a removed file; none for the others', () => {
		const starred = toggleStar(emptyLibrary(), 'arXiv:2601.00002v3').library;
		const s = setup(starred);
		s.change(s.file('other', ['2601.00001', '2601.00003']));
		s.change(s.file('other', ['2601.00001']), 'changed');
		assert.strictEqual(s.refreshes(), 0, 'files without the starred paper');
		s.change(s.file('listing', ['2601.00001', '2601.00002v2']));
		assert.strictEqual(s.refreshes(), 1, 'a file listing v2 of the starred paper');
		s.change(s.file('plain', ['2601.00002']), 'changed');
		assert.strictEqual(s.refreshes(), 2, 'a file listing it without version');
		s.change({ toString: () => 'file:///d/gone.md' }, 'removed');
		assert.strictEqual(s.refreshes(), 3, 'a removed file may have listed it');
		// the library changes (the star taken back): always a refresh, and then no file counts
		s.store.library = toggleStar(starred, '2601.00002').library;
		s.libraryChanged();
		assert.strictEqual(s.refreshes(), 4);
		s.change(s.file('again', ['2601.00002']));
		assert.strictEqual(s.refreshes(), 4, 'nothing collected any more');
		s.view.dispose();
	});
});
