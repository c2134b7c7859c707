import * as assert from 'node:assert';
import { mergeConcurrent, NOTE_MERGE_SEPARATOR } from '../../src/core/library/concurrent';
import { createCollection, addToCollection, deleteCollection, emptyLibrary, isStarred, MAX_NOTE_LENGTH, removeFromCollection, renameCollection, setNote, setTags, toggleStar, type Library } from '../../src/core/library/model';

const star = (library: Library, id: string) => toggleStar(library, id).library;

describe('libraries changed apart (two windows, two machines between syncs)', () => {
	const base = setTags(setNote(addToCollection(createCollection(star(emptyLibrary(), '2602.00001'), 'Reading'), 'Reading', ['2602.00010']), '2602.00001', 'base note'), '2602.00001', ['rl']);

	it('keeps both sides\' changes: a star here, a note there', () => {
		const ours = star(base, '2602.00002');
		const theirs = setNote(base, '2602.00003', 'their note');
		const { library, bothNotes } = mergeConcurrent(base, ours, theirs);
		assert.ok(isStarred(library, '2602.00001') && isStarred(library, '2602.00002'));
		assert.strictEqual(library.notes['2602.00003'], 'their note');
		assert.strictEqual(library.notes['2602.00001'], 'base note');
		assert.deepStrictEqual(bothNotes, []);
	});

	it('with the library both started from, what one side removed and the other left stays removed', () => {
		const ours = star(base, '2602.00001'); // unstarred here
		const theirs = setNote(deleteCollection(base, 'Reading'), '2602.00001', '');
		const { library } = mergeConcurrent(base, ours, theirs);
		assert.ok(!isStarred(library, '2602.00001'));
		assert.deepStrictEqual(library.collections.map((c) => c.name), ['Starred']);
		assert.strictEqual(library.notes['2602.00001'], undefined, 'their removal of the note');
		assert.deepStrictEqual(library.tags['2602.00001'], ['rl']);
	});

	it('without it, nothing is removed: a change is never lost', () => {
		const ours = star(base, '2602.00001');
		const theirs = star(base, '2602.00004');
		const { library } = mergeConcurrent(undefined, ours, theirs);
		assert.ok(isStarred(library, '2602.00001'), 'starred on their side: kept');
		assert.ok(isStarred(library, '2602.00004'));
	});

	it('a note both sides changed keeps both texts, ours first, and names the paper', () => {
		const ours = setNote(base, '2602.00001', 'ours');
		const theirs = setNote(base, '2602.00001', 'theirs');
		const { library, bothNotes } = mergeConcurrent(base, ours, theirs);
		assert.strictEqual(library.notes['2602.00001'], `ours${NOTE_MERGE_SEPARATOR}theirs`);
		assert.deepStrictEqual(bothNotes, ['2602.00001']);
		// one side removed it, the other changed it: the changed text stays
		assert.strictEqual(mergeConcurrent(base, setNote(base, '2602.00001', ''), theirs).library.notes['2602.00001'], 'theirs');
		// too long together: ours, named
		const long = 'x'.repeat(MAX_NOTE_LENGTH - 5);
		const tooLong = mergeConcurrent(base, setNote(base, '2602.00001', long), theirs);
		assert.strictEqual(tooLong.library.notes['2602.00001'], long);
		assert.deepStrictEqual(tooLong.bothNotes, ['2602.00001']);
	});

	it('merges a collection\'s papers and tags member by member; a renamed collection is not doubled', () => {
		const ours = renameCollection(addToCollection(base, 'Reading', ['2602.00011']), 'Reading', 'To read');
		const theirs = setTags(addToCollection(base, 'Starred', ['2602.00005']), '2602.00001', ['rl', 'robots']);
		const { library } = mergeConcurrent(base, ours, theirs);
		assert.deepStrictEqual(library.tags['2602.00001'], ['rl', 'robots']);
		assert.deepStrictEqual(library.collections.map((c) => [c.name, c.ids]), [['Starred', ['2602.00001', '2602.00005']], ['To read', ['2602.00010', '2602.00011']]]);
		const removedThere = mergeConcurrent(base, addToCollection(base, 'Reading', ['2602.00011']), removeFromCollection(base, 'Reading', ['2602.00010'])).library;
		assert.deepStrictEqual(removedThere.collections.find((c) => c.name === 'Reading')?.ids, ['2602.00011']);
		// a collection removed on one side and changed on the other stays, as that side has it
		const changed = addToCollection(base, 'Reading', ['2602.00012']);
		assert.deepStrictEqual(mergeConcurrent(base, deleteCollection(base, 'Reading'), changed).library.collections.find((c) => c.name === 'Reading')?.ids, ['2602.00010', '2602.00012']);
	});
});
