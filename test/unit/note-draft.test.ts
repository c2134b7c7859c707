import * as assert from 'node:assert';
import { autosaveOutcome, NoteDrafts, noteChangedElsewhere, storedNoteForm } from '../../src/core/card/noteDraft';
import { MAX_NOTE_LENGTH } from '../../src/core/library/model';

describe('note drafts (card autosave)', () => {
	it('saves a typed note over the note it began from', () => {
		assert.strictEqual(autosaveOutcome(undefined, { text: 'first thoughts', base: '' }), 'save');
		assert.strictEqual(autosaveOutcome('old', { text: 'old and new', base: 'old' }), 'save');
		// setNote drops trailing space: the base is compared as stored
		assert.strictEqual(autosaveOutcome('old', { text: 'newer', base: 'old  \n' }), 'save');
	});

	it('writes nothing when the box holds the stored note', () => {
		assert.strictEqual(autosaveOutcome('same', { text: 'same\n', base: 'same' }), 'unchanged');
		// an empty box of a paper without a note never makes a note
		assert.strictEqual(autosaveOutcome(undefined, { text: '  \n', base: '' }), 'unchanged');
	});

	it('never deletes: a cleared box keeps the note until Save Note', () => {
		assert.strictEqual(autosaveOutcome('keep me', { text: '', base: 'keep me' }), 'empty');
		assert.strictEqual(autosaveOutcome('keep me', { text: ' \n\t', base: 'keep me' }), 'empty');
	});

	it('never writes over a note changed elsewhere since the draft began', () => {
		assert.strictEqual(autosaveOutcome('from another card', { text: 'mine', base: '' }), 'conflict');
		assert.strictEqual(autosaveOutcome('imported', { text: 'mine', base: 'old' }), 'conflict');
		assert.strictEqual(autosaveOutcome(undefined, { text: 'mine', base: 'deleted elsewhere' }), 'conflict');
		// the same text reached both ways is no conflict
		assert.strictEqual(autosaveOutcome('mine', { text: 'mine', base: 'old' }), 'unchanged');
		assert.strictEqual(noteChangedElsewhere('imported', { text: 'mine', base: 'old' }), true);
		assert.strictEqual(noteChangedElsewhere('old', { text: 'mine', base: 'old' }), false);
	});

	it('refuses a note over the library limit', () => {
		assert.strictEqual(autosaveOutcome(undefined, { text: 'x'.repeat(MAX_NOTE_LENGTH + 1), base: '' }), 'tooLong');
	});

	it('stores the text as setNote does', () => {
		assert.strictEqual(storedNoteForm('a \n'), 'a');
		assert.strictEqual(storedNoteForm(' \n'), '');
	});

	it("takes the drafts typed while its own save was on the way as built on that save, not as a conflict", () => {
		const drafts = new NoteDrafts();
		drafts.typed({ id: 'p', text: 'one', base: '' });
		const first = drafts.take()!;
		assert.deepStrictEqual(first, { id: 'p', text: 'one', base: '', sessionBase: '' });
		assert.strictEqual(drafts.current, undefined);
		// typed on before the webview heard "saved": the same session base
		drafts.typed({ id: 'p', text: 'one two', base: '' });
		drafts.stored(first);
		const second = drafts.take()!;
		assert.strictEqual(second.base, 'one');
		assert.strictEqual(autosaveOutcome('one', second), 'save');
		// another card saved meanwhile: still a conflict
		assert.strictEqual(autosaveOutcome('theirs', second), 'conflict');
		// another paper's draft with the same base is not moved
		assert.strictEqual(drafts.rebased({ id: 'q', text: 'x', base: '' }).base, '');
	});

	it('keeps a draft it could not store pending, unless the reader typed on; Save Note voids it', () => {
		const drafts = new NoteDrafts();
		drafts.typed({ id: 'p', text: 'a', base: 'b' });
		const taken = drafts.take()!;
		drafts.keep(taken);
		assert.deepStrictEqual(drafts.current, { id: 'p', text: 'a', base: 'b' });
		drafts.take();
		drafts.typed({ id: 'p', text: 'ab', base: 'b' });
		drafts.keep(taken);
		assert.strictEqual(drafts.current?.text, 'ab');
		drafts.settled('q');
		assert.ok(drafts.current);
		drafts.settled('p');
		assert.strictEqual(drafts.current, undefined);
	});
});
