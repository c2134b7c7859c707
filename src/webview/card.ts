/**
 * Browser script of the paper card webview (built to dist/webview/card.js as an IIFE).
 * It renders what the extension sends, turns clicks and ←/→ into typed messages, applies KaTeX's
 * styles through the CSSOM (the CSP forbids style attributes) and remembers the scroll position.
 */
import { CARD_ANNOUNCER_ID, cardKeySelector, KATEX_STYLE_ATTRIBUTE, NOTE_INPUT_ID, NOTE_STATUS_ID, parseNoteDraft, type CardState, type ExtensionMessage, type NoteStatus, type WebviewMessage } from '../core/card/protocol';
import { storedNoteForm, type NoteDraft } from '../core/card/noteDraft';
import { rovingTarget, tabWrapTarget } from '../core/card/keyboard';

interface VsCodeApi {
	postMessage(message: WebviewMessage): void;
	getState(): unknown;
	setState(state: CardState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('card') as HTMLElement;
let state: CardState | undefined = readState(vscode.getState());
/**
 * The note box's text while it differs from the stored note as far as the card knows (one editing
 * session: its base stays the note the reader began from). The extension stores it; the webview keeps
 * it in its state, so a card hidden or reloaded before it was stored shows it again.
 */
let draft: NoteDraft | undefined = parseNoteDraft((vscode.getState() as { draft?: unknown } | undefined)?.draft);
/** the stored note of the paper shown, as the card last knew it: the base of the next session */
let knownNote = '';
/** the note box's state beside Save Note, for the paper shown */
let noteStatus: { id: string; status: NoteStatus | 'unsaved' } | undefined;
/** the last "Similar papers" section and its paper: kept across re-renders of the same paper (a star, an edit) */
let similar: { id: string; html: string } | undefined;
/** the paper whose long author list the reader expanded: it stays expanded when the card re-renders (a star, an edit) */
let authorsExpandedFor: string | undefined;

/** Persists the card's state, with the note draft of the paper shown. */
function saveState(): void {
	if (state) vscode.setState(draft && draft.id === state.id ? { ...state, draft } : state);
}

function noteInput(): HTMLTextAreaElement | undefined {
	const input = document.getElementById(NOTE_INPUT_ID);
	return input instanceof HTMLTextAreaElement ? input : undefined;
}

/** Writes the note box's state in the words the renderer gave the element (`data-saved`, …). */
function showNoteStatus(): void {
	const element = document.getElementById(NOTE_STATUS_ID);
	if (!element) return;
	const status = noteStatus && noteStatus.id === state?.id ? noteStatus.status : undefined;
	// "Saved" under an empty box would be read as "the empty note is saved"
	const shown = status === 'saved' && !noteInput()?.value.trim() ? undefined : status;
	const text = shown ? (element.dataset[shown === 'tooLong' ? 'tooLong' : shown] ?? '') : '';
	if (element.textContent !== text) element.textContent = text;
	// observable state (tests wait for it, a theme could style it)
	if (shown) element.dataset.noteStatus = shown;
	else delete element.dataset.noteStatus;
}

function setNoteStatus(status: NoteStatus | 'unsaved' | undefined): void {
	noteStatus = status && state ? { id: state.id, status } : undefined;
	showNoteStatus();
}

/** The reader typed in the note box: the text goes to the extension at once (it decides when to store it). */
function noteTyped(input: HTMLTextAreaElement): void {
	if (!state) return;
	const base = draft?.id === state.id ? draft.base : knownNote;
	draft = { id: state.id, text: input.value, base };
	saveState();
	post({ type: 'noteDraft', ...draft });
	setNoteStatus('unsaved');
}

/**
 * After a card body for paper `id` was put in: the reader's box of the card before (same paper) or
 * the draft kept in the state (after a hide or reload) stays in place of the stored note, until the
 * stored note is what the box holds. `previous`: the box before, with its caret and undo history.
 */
function restoreNote(previous: HTMLTextAreaElement | undefined, samePaper: boolean, noteFocused: boolean): void {
	const fresh = noteInput();
	if (!fresh || !state) return;
	if (!samePaper) noteStatus = undefined;
	if (draft && draft.id !== state.id) draft = undefined;
	const stored = fresh.defaultValue;
	if (draft && storedNoteForm(draft.text) === storedNoteForm(stored)) {
		draft = undefined;
		setNoteStatus('saved');
	}
	if (!draft) knownNote = stored;
	let input = fresh;
	if (previous && samePaper && (draft !== undefined || (noteFocused && previous.value === stored))) {
		fresh.replaceWith(previous);
		input = previous;
	} else if (draft) {
		// kept in the state when the card was hidden or reloaded: the extension hears of it again
		fresh.value = draft.text;
		post({ type: 'noteDraft', ...draft });
		noteStatus = { id: state.id, status: 'unsaved' };
	}
	showNoteStatus();
	if (noteFocused && samePaper && document.hasFocus()) input.focus({ preventScroll: true });
}

function noteStatusArrived(id: string, status: NoteStatus, text: string): void {
	if (!state || id !== state.id) return;
	const input = noteInput();
	if (status === 'saved') {
		knownNote = storedNoteForm(text);
		// the session ends when the box holds what is stored; typed on meanwhile, it goes on
		if (draft && draft.text === text) draft = undefined;
		saveState();
	}
	if (input && input.value === text) {
		setNoteStatus(status);
		// The box's state line is not a live region: "Not saved yet" at each first key and "Saved" a second
		// after each pause talked over the typing. Said aloud: what Save Note (Ctrl+Enter) did, and a note not kept.
		const asked = saveAsked === id;
		if (asked) saveAsked = undefined;
		if (asked || status === 'conflict' || status === 'tooLong') announce(document.getElementById(NOTE_STATUS_ID)?.textContent ?? '');
	}
}

/** the paper whose Save Note was pressed, until the extension says how it went */
let saveAsked: string | undefined;

/** Says `text` through the card's announcer (a live region): what a press did, with the focus staying on it. */
function announce(text: string): void {
	const announcer = document.getElementById(CARD_ANNOUNCER_ID);
	if (!announcer || !text) return;
	// the same words again (a second copy) change the region too, or a screen reader says nothing
	announcer.textContent = announcer.textContent === text ? `${text}\u00a0` : text;
}

const NOTE_STATUSES: readonly unknown[] = ['saved', 'empty', 'conflict', 'tooLong'] satisfies NoteStatus[];

function readState(value: unknown): CardState | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const v = value as Partial<CardState>;
	return typeof v.uri === 'string' && typeof v.id === 'string' ? { uri: v.uri, id: v.id, scrollY: typeof v.scrollY === 'number' ? v.scrollY : 0 } : undefined;
}

function post(message: WebviewMessage): void {
	vscode.postMessage(message);
}

function applyKatexStyles(container: HTMLElement): void {
	container.querySelectorAll<HTMLElement>(`[${KATEX_STYLE_ATTRIBUTE}]`).forEach((element) => {
		element.style.cssText = element.getAttribute(KATEX_STYLE_ATTRIBUTE) ?? '';
	});
}

/** Puts in a card body; `samePaper`: it shows the paper shown before (a star, a note stored, an edit of the digest). */
function show(html: string, samePaper: boolean, active: boolean): { previousNote?: HTMLTextAreaElement; noteFocused: boolean; noteTop?: number } {
	const previousNote = noteInput();
	const noteFocused = previousNote !== undefined && document.activeElement === previousNote;
	const focused = root.contains(document.activeElement) ? (document.activeElement as HTMLElement) : undefined;
	const hadFocus = focused?.dataset.action;
	const author = focused?.dataset.author;
	// The HTML comes from the extension's renderer (markdown-it with html: false, everything escaped).
	root.innerHTML = html;
	applyKatexStyles(root);
	// the reader typing a note stays in the box (restoreNote), where it was on screen
	if (noteFocused && samePaper) return { previousNote, noteFocused, noteTop: previousNote.getBoundingClientRect().top };
	// keep keyboard users on the button they pressed (Next stays focused while paging through a day)
	// only when the card has focus: a re-render after an edit in the digest must not pull focus from the editor.
	// Only when the new body took the focused control away: the card itself (or the page) keeps its focus
	// through a re-render, and focusing it again at the moment the reader left for an editor could pull the
	// focus back (the flaky "Mark Day as Read from the palette" integration test: the digest shown with the
	// focus, then the card's group active again; a re-render of the card's marks in between). The page's
	// hasFocus can still say yes while the workbench has moved the keys to an editor: the extension says
	// whether the card was the active editor as it sent the new body, and only then does the card take them
	if (focused !== undefined && !focused.isConnected && active && document.hasFocus()) {
		const again = hadFocus ? root.querySelector<HTMLElement>(`[data-action="${hadFocus}"]:not([disabled])`) : null;
		// an author's button: the same name again (the first author is only where the group starts)
		const sameAuthor = author === undefined ? undefined : authorButtons().find((b) => b.dataset.author === author);
		(sameAuthor ?? again ?? root).focus({ preventScroll: true });
	}
	return { previousNote, noteFocused: false };
}

/**
 * Says the new paper's title and position when the reader paged from inside the card: focus stays on
 * the button pressed, so a screen reader would otherwise say nothing of what changed. Not when the
 * card was opened or moved from elsewhere (the tree, the editor): the reader is there.
 */
function announcePaper(): void {
	const announcer = document.getElementById(CARD_ANNOUNCER_ID);
	if (!announcer) return;
	const title = document.hasFocus() ? root.querySelector('h1')?.textContent?.trim() : undefined;
	const position = root.querySelector('.meta-row:last-child dd')?.textContent?.trim();
	// emptied otherwise: no stale title left for a screen reader to come across
	announcer.textContent = title ? (position ? `${title}, ${position}` : title) : '';
}

/** Puts the similar papers of the shown paper after the card body (an answer for another paper is stale: dropped). */
function showSimilar(): void {
	root.querySelector('[data-similar-slot]')?.remove();
	if (!similar || !state || similar.id !== state.id || root.querySelector('.missing')) return;
	const slot = document.createElement('div');
	slot.dataset.similarSlot = '';
	// HTML from the extension's renderer (core/card/similar: every text escaped)
	slot.innerHTML = similar.html;
	root.append(slot);
	document.body.dataset.similarFor = similar.id;
}

/**
 * Shows the authors a long list hid (core/card/render: the first few, then "… and N more") in place.
 * `focus`: the reader pressed the control, which goes away: focus moves to the first name it showed.
 */
function expandAuthors(focus: boolean): void {
	const more = root.querySelector<HTMLElement>('[data-action="showAllAuthors"]');
	const list = more?.closest('ul');
	if (!more || !list) return;
	const hidden = Array.from(list.querySelectorAll<HTMLElement>('li[hidden]'));
	for (const item of hidden) item.hidden = false;
	more.closest('li')?.remove();
	if (!focus) return;
	const target = hidden[0]?.querySelector<HTMLElement>('button') ?? hidden[0]?.querySelector<HTMLElement>('.author-name') ?? list;
	// plain names (no search feature) and the list are not focusable by themselves
	if (!(target instanceof HTMLButtonElement)) target.tabIndex = -1;
	target.focus({ preventScroll: true });
}

const AUTHOR_BUTTONS = 'ul.authors button[data-action="searchAuthor"]';

/** The author buttons shown (a long list's hidden ones are not), in order: one roving group. */
function authorButtons(): HTMLButtonElement[] {
	return Array.from(root.querySelectorAll<HTMLButtonElement>(AUTHOR_BUTTONS)).filter((b) => !b.closest('li[hidden]'));
}

/** The author button that has the focus is the group's Tab stop: Tab comes back to it, Shift+Tab too. */
function rove(to: HTMLButtonElement): void {
	root.querySelectorAll<HTMLButtonElement>(AUTHOR_BUTTONS).forEach((b) => (b.tabIndex = b === to ? 0 : -1));
}

/** What Tab reaches in the card, in order: enabled controls and the roving groups' current stops, on screen. */
function tabStops(): HTMLElement[] {
	return Array.from(root.querySelectorAll<HTMLElement>('button, textarea, a[href], [tabindex]')).filter(
		(element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0,
	);
}

function showMissing(message: string): void {
	const box = document.createElement('div');
	box.className = 'missing';
	box.setAttribute('role', 'status');
	const text = document.createElement('p');
	text.textContent = message;
	box.append(text);
	root.replaceChildren(box);
}

/** Edit Note asked for the note box while the page had no focus: the box takes the focus when the page gets it */
let noteFocusWanted = false;

function focusNoteInput(): void {
	const input = noteInput();
	if (!input) return;
	input.focus();
	input.setSelectionRange(input.value.length, input.value.length);
}

/** Tells the extension the page has the keys, if it has (ReadOnFocus: a card opened with them marks its paper read then). */
function sayFocused(): void {
	if (document.hasFocus()) post({ type: 'focused' });
}

window.addEventListener('focus', () => {
	sayFocused();
	if (!noteFocusWanted) return;
	noteFocusWanted = false;
	focusNoteInput();
});

/** Does the reader type into `target` (the note box, a text field)? The card's keys then leave the keys to it. */
function isTextBox(target: EventTarget | null): boolean {
	return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

/** what the extension was told last: the keys in a text box of the card (see `typing` in core/card/protocol.ts) */
let typingSaid = false;

function sayTyping(on: boolean): void {
	if (on === typingSaid) return;
	typingSaid = on;
	post({ type: 'typing', on });
}

// the keys into a text box; out of one, to another control (`relatedTarget`) or out of the page (none)
document.addEventListener('focusin', (event) => sayTyping(isTextBox(event.target)));
document.addEventListener('focusout', (event) => sayTyping(isTextBox(event.relatedTarget)));

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
	const message = event.data;
	if (typeof message !== 'object' || message === null) return;
	if (message.type === 'update' && typeof message.html === 'string') {
		const before = state?.id;
		const next = readState(message.state);
		const samePaper = next !== undefined && next.id === before;
		const shown = show(message.html, samePaper, message.active === true);
		state = next;
		restoreNote(shown.previousNote, samePaper, shown.noteFocused);
		if (state && state.id !== before) announcePaper();
		if (state && state.id === authorsExpandedFor) expandAuthors(false);
		showSimilar();
		// the page had the keys already (a paper opened from inside the card): no focus event comes
		sayFocused();
		// a note box taken away with the keys in it tells no focusout
		sayTyping(document.hasFocus() && isTextBox(document.activeElement));
		if (state) {
			saveState();
			window.scrollTo(0, state.scrollY);
			// the note shown above the box grows as it is stored: the box stays where the reader types
			const input = noteInput();
			if (shown.noteTop !== undefined && input) window.scrollBy(0, input.getBoundingClientRect().top - shown.noteTop);
		}
	} else if (message.type === 'noteStatus' && typeof message.id === 'string' && typeof message.text === 'string' && NOTE_STATUSES.includes(message.status)) {
		noteStatusArrived(message.id, message.status, message.text);
	} else if (message.type === 'focusNote') {
		// the workbench focuses the webview as it reveals it, which may come after this message and put
		// the focus on the page: the note box takes it again then (see the window's focus listener)
		noteFocusWanted = !document.hasFocus();
		focusNoteInput();
	} else if (message.type === 'similar' && typeof message.id === 'string' && typeof message.html === 'string') {
		similar = { id: message.id, html: message.html };
		showSimilar();
	} else if (message.type === 'announce' && typeof message.text === 'string') {
		announce(message.text);
	} else if (message.type === 'missing' && typeof message.message === 'string') {
		showMissing(message.message);
		sayTyping(false);
		state = readState(message.state) ?? state;
		if (state) vscode.setState({ ...state, scrollY: 0, ...(draft && draft.id === state.id ? { draft } : {}) });
	}
});

root.addEventListener('click', (event) => {
	const target = event.target instanceof Element ? event.target : null;
	const link = target?.closest('a');
	if (link) {
		// links never navigate the webview; the extension opens http(s) links in the browser.
		// The workbench's webview host listens for clicks on the window too and would open the
		// link a second time (its own `did-click-link`): the event stops here.
		event.preventDefault();
		event.stopPropagation();
		const href = link.getAttribute('href');
		if (href) post({ type: 'openLink', href });
		return;
	}
	const control = target?.closest<HTMLButtonElement>('button[data-action]');
	if (control) press(control);
});

/** What a card button does, pressed by a click or by its key (CARD_KEYS). */
function press(control: HTMLButtonElement): void {
	if (control.disabled) return;
	const data = control.dataset;
	switch (data.action) {
		case 'next':
		case 'previous':
		case 'random':
		case 'revealSource':
			post({ type: data.action });
			break;
		case 'openExternal':
			if (data.kind === 'abs' || data.kind === 'pdf' || data.kind === 'html' || data.kind === 'original') post({ type: 'openExternal', kind: data.kind });
			break;
		case 'copy':
			if (data.what === 'link' || data.what === 'title' || data.what === 'bibtex') post({ type: 'copy', what: data.what });
			break;
		case 'searchAuthor':
			if (data.author) post({ type: 'searchAuthor', name: data.author });
			break;
		case 'toggleStar':
		case 'editCollections':
		case 'editTags':
			post({ type: data.action });
			break;
		case 'saveNote':
			saveNote();
			break;
		case 'openSimilar':
			if (data.id) post({ type: 'openSimilar', id: data.id });
			break;
		case 'showAllAuthors':
			authorsExpandedFor = state?.id;
			expandAuthors(true);
			break;
	}
}

/** Save Note: the box's text goes to the extension, which keeps it in the library (never in the digest); empty, it deletes the note. */
function saveNote(): void {
	const input = noteInput();
	if (!input || !state) return;
	saveAsked = state.id;
	post({ type: 'saveNote', id: state.id, text: input.value, base: draft?.id === state.id ? draft.base : knownNote });
}

root.addEventListener('input', (event) => {
	if (event.target instanceof HTMLTextAreaElement && event.target.id === NOTE_INPUT_ID) noteTyped(event.target);
});

root.addEventListener('keydown', (event) => {
	if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && event.target instanceof HTMLTextAreaElement && event.target.id === NOTE_INPUT_ID) {
		event.preventDefault();
		saveNote();
		return;
	}
	const target = event.target instanceof HTMLElement ? event.target : undefined;
	if (target?.matches(AUTHOR_BUTTONS)) {
		const authors = authorButtons();
		const to = rovingTarget(event, authors.indexOf(target as HTMLButtonElement), authors.length);
		if (to !== undefined) {
			// the card's ←/→ (Previous, Next) wait for the focus to leave the authors (defaultPrevented)
			event.preventDefault();
			authors[to].focus();
			return;
		}
	}
	if (event.key === 'Tab' && target) {
		const stops = tabStops();
		const to = tabWrapTarget(event, stops.indexOf(target), stops.length);
		if (to !== undefined) {
			event.preventDefault();
			stops[to].focus();
		}
	}
});

root.addEventListener('focusin', (event) => {
	if (event.target instanceof HTMLButtonElement && event.target.matches(AUTHOR_BUTTONS)) rove(event.target);
});

/** Is `target` a box of the card whose content is wider than it, that the arrows scroll sideways? */
function scrollsSideways(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement) || target === root || !root.contains(target) || target.scrollWidth <= target.clientWidth) return false;
	const overflow = getComputedStyle(target).overflowX;
	return overflow === 'auto' || overflow === 'scroll';
}

window.addEventListener('keydown', (event) => {
	const target = event.target;
	if (event.defaultPrevented) return;
	const typing = isTextBox(target);
	if (event.key === 'Escape' && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
		event.preventDefault();
		// out of the note box first, onto its Save Note (the text stays, as a draft); from the card, back to the Papers view or the digest
		const save = typing ? root.querySelector<HTMLButtonElement>('button[data-action="saveNote"]') : null;
		if (save) save.focus();
		else post({ type: 'leave' });
		return;
	}
	// ←/→ on a wide equation or code block (Tab reaches a box that scrolls) scroll it, not to another paper
	if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && scrollsSideways(target)) return;
	const selector = cardKeySelector(event, typing);
	const control = selector === undefined ? null : root.querySelector<HTMLButtonElement>(selector);
	if (!control || control.disabled) return;
	event.preventDefault();
	press(control);
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
	'scroll',
	() => {
		if (scrollTimer !== undefined) clearTimeout(scrollTimer);
		scrollTimer = setTimeout(() => {
			scrollTimer = undefined;
			if (!state) return;
			state = { ...state, scrollY: Math.round(window.scrollY) };
			saveState();
			// observable state (tests wait for it instead of sleeping past the debounce)
			document.body.dataset.savedScrollY = String(state.scrollY);
			post({ type: 'scroll', y: state.scrollY });
		}, 200);
	},
	{ passive: true },
);

applyKatexStyles(root);
post({ type: 'ready' });
// the workbench may have focused the page before this script listened
sayFocused();
