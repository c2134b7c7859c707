/**
 * The messages between a paper card webview and the extension. Shared by both sides; the extension
 * trusts nothing it receives and runs every message through parseWebviewMessage first.
 */
import type { LinkKind } from './links';
import type { NoteDraft } from './noteDraft';

export const CARD_VIEW_TYPE = 'arxivDigest.card';

/**
 * Attribute KaTeX's inline `style` values are moved to. The card CSP has no `'unsafe-inline'` for
 * styles, so a `style` attribute would be dropped and sub/superscripts and fractions would collapse;
 * the nonce'd webview script copies this attribute into `element.style` through the CSSOM, which the
 * CSP allows. markdown-it runs with `html: false`, so digest text can never produce this attribute.
 */
export const KATEX_STYLE_ATTRIBUTE = 'data-katex-style';

/** id of the card's note editor; the card script reads it when Save Note is pressed */
export const NOTE_INPUT_ID = 'note-input';
/** id of the note box's state beside Save Note (its `data-note-status` is a NoteStatus or `unsaved`) */
export const NOTE_STATUS_ID = 'note-status';

/**
 * id of the card document's live region: when the reader pages with the card focused (Next, ←, a
 * similar paper), focus stays on the button and the card script says the new paper's title here.
 */
export const CARD_ANNOUNCER_ID = 'card-announcer';

/**
 * The card's single keys and the button each presses (a CSS selector; the first such button): no
 * Ctrl, Alt, Meta or Shift, and never while the focus is in the note box or another text field.
 * `o` opens the paper's primary link, as Open on arXiv does: its abstract page, else the digest's link.
 */
export const CARD_KEYS: Readonly<Record<string, string>> = {
	ArrowLeft: 'button[data-action="previous"]',
	ArrowRight: 'button[data-action="next"]',
	s: 'button[data-action="toggleStar"]',
	o: 'button[data-action="openExternal"][data-kind="abs"], button[data-action="openExternal"][data-kind="original"]',
};

/**
 * The selector (CARD_KEYS) of the button a key pressed in a card presses, or undefined: a modifier is
 * held, the reader is typing (`typing`: the focus is in a text field), or the key is none of the card's.
 * A letter counts in either case (Caps Lock on).
 */
export function cardKeySelector(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, typing: boolean): string | undefined {
	if (typing || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
	const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
	// a plain lookup would find `toString` and `constructor` on the prototype
	return Object.prototype.hasOwnProperty.call(CARD_KEYS, key) ? CARD_KEYS[key] : undefined;
}

/** What the webview persists with `setState` and the panel serializer gets back after a reload. */
export interface CardState {
	/** `Uri.toString()` of the digest the card shows the paper from */
	uri: string;
	/** Paper.id */
	id: string;
	scrollY: number;
	/** the note being typed for this paper and not known to be stored (kept by the webview across hide/show and reloads) */
	draft?: NoteDraft;
}

/** How the card's note box stands: its text stored, or why autosave left the stored note as it is. */
export type NoteStatus = 'saved' | 'empty' | 'conflict' | 'tooLong';

export type CopyTarget = 'link' | 'title' | 'bibtex';

export type WebviewMessage =
	| { type: 'ready' }
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'random' }
	| { type: 'revealSource' }
	/** Escape: the keyboard focus leaves the card for where the reader reads from (see CardManager.leave) */
	| { type: 'leave' }
	/** the card's page has the keyboard focus (it got it, or had it as it showed a paper): see ReadOnFocus */
	| { type: 'focused' }
	/**
	 * the keys went into a text box of the card (its note) or out of it: the workbench's keys of the card
	 * (Ctrl+Alt+N…) wait meanwhile, as the card's own do, for AltGr types with Ctrl+Alt on Windows
	 */
	| { type: 'typing'; on: boolean }
	| { type: 'openExternal'; kind: LinkKind }
	/** a link inside the digest text (abstracts may contain URLs) */
	| { type: 'openLink'; href: string }
	| { type: 'copy'; what: CopyTarget }
	| { type: 'searchAuthor'; name: string }
	| { type: 'scroll'; y: number }
	/** the reader's library: star, collections, tags, note (validated here, applied by the library feature) */
	| { type: 'toggleStar' }
	| { type: 'editCollections' }
	| { type: 'editTags' }
	/** Save Note: `id` and `base` (see NoteDraft) when the webview sends them */
	| { type: 'saveNote'; text: string; id?: string; base?: string }
	/** the note box's text as typed: the extension stores it when the typing pauses or the card moves on */
	| { type: 'noteDraft'; id: string; text: string; base: string }
	/** a paper of the "Similar papers" section was picked */
	| { type: 'openSimilar'; id: string };

export type LibraryMessage = Extract<WebviewMessage, { type: 'toggleStar' | 'editCollections' | 'editTags' | 'saveNote' }>;

export type ExtensionMessage =
	/**
	 * `html` is the card body from renderCardHtml; `state.scrollY` is where the webview should scroll to;
	 * `active`: the card was the active editor as the extension sent it (only then may a re-render put
	 * the keys back on the control they were on)
	 */
	| { type: 'update'; html: string; state: CardState; active?: boolean }
	| { type: 'missing'; message: string; state?: CardState }
	/** the "Similar papers" section of paper `id` (core/card/similar); the webview drops it when it shows another paper */
	| { type: 'similar'; id: string; html: string }
	/** where the note box's `text` for paper `id` stands after the extension tried to store it */
	| { type: 'noteStatus'; id: string; status: NoteStatus; text: string }
	/** Edit Note: the cursor goes into the note box of the paper shown */
	| { type: 'focusNote' }
	/** what a press did (`Copied title of …`), for a screen reader: the card's announcer says it */
	| { type: 'announce'; text: string };

const LINK_KINDS: readonly string[] = ['abs', 'pdf', 'html', 'original'] satisfies LinkKind[];
const COPY_TARGETS: readonly string[] = ['link', 'title', 'bibtex'] satisfies CopyTarget[];
const MAX_TEXT = 2048;
/** the library's own limit (core/library/model MAX_NOTE_LENGTH); longer notes are refused there with a message */
const MAX_NOTE_MESSAGE = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortString(value: unknown): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function noteText(value: unknown): value is string {
	return typeof value === 'string' && value.length <= MAX_NOTE_MESSAGE;
}

/** Returns the message when it is well-formed, else undefined: unknown or malformed messages are ignored. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
	if (!isRecord(value) || typeof value.type !== 'string') return undefined;
	switch (value.type) {
		case 'toggleStar':
		case 'editCollections':
		case 'editTags':
			return { type: value.type };
		case 'saveNote': {
			if (!noteText(value.text)) return undefined;
			const mine = shortString(value.id) && noteText(value.base);
			return mine ? { type: 'saveNote', text: value.text, id: value.id as string, base: value.base as string } : { type: 'saveNote', text: value.text };
		}
		case 'noteDraft':
			return shortString(value.id) && noteText(value.text) && noteText(value.base) ? { type: 'noteDraft', id: value.id, text: value.text, base: value.base } : undefined;
		case 'ready':
		case 'next':
		case 'previous':
		case 'random':
		case 'revealSource':
		case 'leave':
		case 'focused':
			return { type: value.type };
		case 'typing':
			return typeof value.on === 'boolean' ? { type: 'typing', on: value.on } : undefined;
		case 'openExternal':
			return typeof value.kind === 'string' && LINK_KINDS.includes(value.kind) ? { type: 'openExternal', kind: value.kind as LinkKind } : undefined;
		case 'openLink':
			return shortString(value.href) && /^(?:https?:\/\/|mailto:)/i.test(value.href) ? { type: 'openLink', href: value.href } : undefined;
		case 'copy':
			return typeof value.what === 'string' && COPY_TARGETS.includes(value.what) ? { type: 'copy', what: value.what as CopyTarget } : undefined;
		case 'searchAuthor': {
			const name = typeof value.name === 'string' ? value.name.trim() : '';
			return shortString(name) ? { type: 'searchAuthor', name } : undefined;
		}
		case 'openSimilar':
			return shortString(value.id) ? { type: 'openSimilar', id: value.id } : undefined;
		case 'scroll':
			return typeof value.y === 'number' && Number.isFinite(value.y) && value.y >= 0 ? { type: 'scroll', y: Math.round(value.y) } : undefined;
		default:
			return undefined;
	}
}

/** Validates state handed back by VS Code (serializer) or stored by an older version of the card. */
export function parseCardState(value: unknown): CardState | undefined {
	if (!isRecord(value) || !shortString(value.id)) return undefined;
	// a card opened by id alone has no file yet; it is located anywhere in the workspace again
	const uri = shortString(value.uri) ? value.uri : '';
	const scrollY = typeof value.scrollY === 'number' && Number.isFinite(value.scrollY) && value.scrollY >= 0 ? value.scrollY : 0;
	const draft = parseNoteDraft(value.draft);
	return draft && draft.id === value.id ? { uri, id: value.id, scrollY, draft } : { uri, id: value.id, scrollY };
}

/** A note draft kept in the webview's state, or undefined when it is not one. */
export function parseNoteDraft(value: unknown): NoteDraft | undefined {
	if (!isRecord(value) || !shortString(value.id) || !noteText(value.text) || !noteText(value.base)) return undefined;
	return { id: value.id, text: value.text, base: value.base };
}
