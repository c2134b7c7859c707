/**
 * The note a reader types in a card, stored by itself (autosave) when the typing pauses and when the
 * card moves on, is hidden or closes. vscode-free: the card (src/features/cards) keeps one NoteDrafts
 * per panel and the library (src/features/library) stores what autosaveOutcome allows.
 *
 * Autosave only ever writes a non-empty text over the note the draft was begun from: clearing the box
 * deletes a note only with Save Note, and a note changed elsewhere meanwhile (another card, an import,
 * another window) is never written over without the reader's word.
 */
import { MAX_NOTE_LENGTH } from '../library/model';

export interface NoteDraft {
	/** the paper's id, as the card shows it */
	readonly id: string;
	/** the box's text */
	readonly text: string;
	/** the stored note the reader began editing from ('' for none): the webview keeps it for the whole editing session */
	readonly base: string;
}

/** A draft taken to be stored, with its base moved past this card's own saves of the same session. */
export interface TakenDraft extends NoteDraft {
	/** the base the webview sent (see NoteDrafts.stored) */
	readonly sessionBase: string;
}

/** What storing a draft by itself does: `save` writes it; the others leave the stored note as it is. */
export type AutosaveOutcome = 'save' | 'unchanged' | 'empty' | 'conflict' | 'tooLong';

/** The text setNote stores for `text` ('' when it holds no note). */
export function storedNoteForm(text: string): string {
	return text.trim() ? text.replace(/\s+$/, '') : '';
}

/** true when the stored note is no longer the one the draft began from, and the draft differs from it too */
export function noteChangedElsewhere(stored: string | undefined, draft: Pick<NoteDraft, 'text' | 'base'>): boolean {
	const now = storedNoteForm(stored ?? '');
	return storedNoteForm(draft.base) !== now && storedNoteForm(draft.text) !== now;
}

export function autosaveOutcome(stored: string | undefined, draft: Pick<NoteDraft, 'text' | 'base'>): AutosaveOutcome {
	const text = storedNoteForm(draft.text);
	if (text === storedNoteForm(stored ?? '')) return 'unchanged';
	// clearing the box is not deleting the note: that takes Save Note
	if (!text) return 'empty';
	if (noteChangedElsewhere(stored, draft)) return 'conflict';
	if (draft.text.length > MAX_NOTE_LENGTH) return 'tooLong';
	return 'save';
}

/**
 * One card's draft waiting to be stored, and the last one it stored. The webview sends the base of
 * its editing session with every draft until it hears the text was stored; drafts typed meanwhile
 * still name that base, so they are taken as built on this card's own last save of the session (not
 * as a conflict with it).
 */
export class NoteDrafts {
	private pending: NoteDraft | undefined;
	private saved: { id: string; sessionBase: string; text: string } | undefined;

	get current(): NoteDraft | undefined {
		return this.pending;
	}

	typed(draft: NoteDraft): void {
		this.pending = draft;
	}

	/** The pending draft, now no longer pending (see keep). */
	take(): TakenDraft | undefined {
		const draft = this.pending;
		this.pending = undefined;
		return draft && this.rebased(draft);
	}

	/** `draft` with its base moved past this card's own last save of its session. */
	rebased(draft: NoteDraft): TakenDraft {
		const saved = this.saved;
		const own = saved !== undefined && saved.id === draft.id && saved.sessionBase === draft.base;
		return { ...draft, base: own ? saved.text : draft.base, sessionBase: draft.base };
	}

	/** A taken draft that was not stored is pending again, unless the reader typed on since. */
	keep(draft: TakenDraft): void {
		this.pending ??= { id: draft.id, text: draft.text, base: draft.sessionBase };
	}

	/** `draft` is the stored note now. */
	stored(draft: Pick<TakenDraft, 'id' | 'text' | 'sessionBase'>): void {
		this.saved = { id: draft.id, sessionBase: draft.sessionBase, text: storedNoteForm(draft.text) };
	}

	/** The reader saved or deleted the note of `id` with Save Note: a draft of it waiting is void. */
	settled(id: string): void {
		if (this.pending?.id === id) this.pending = undefined;
	}
}
