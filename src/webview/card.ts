/**
 * Browser script of the paper card webview (built to dist/webview/card.js as an IIFE).
 * It renders what the extension sends, turns clicks and ←/→ into typed messages, applies KaTeX's
 * styles through the CSSOM (the CSP forbids style attributes) and remembers the scroll position.
 */
import { CARD_ANNOUNCER_ID, KATEX_STYLE_ATTRIBUTE, NOTE_INPUT_ID, type CardState, type ExtensionMessage, type WebviewMessage } from '../core/card/protocol';

interface VsCodeApi {
	postMessage(message: WebviewMessage): void;
	getState(): unknown;
	setState(state: CardState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('card') as HTMLElement;
let state: CardState | undefined = readState(vscode.getState());
/** the last "Similar papers" section and its paper: kept across re-renders of the same paper (a star, an edit) */
let similar: { id: string; html: string } | undefined;
/** the paper whose long author list the reader expanded: it stays expanded when the card re-renders (a star, an edit) */
let authorsExpandedFor: string | undefined;

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

function show(html: string): void {
	const hadFocus = root.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.action : undefined;
	// The HTML comes from the extension's renderer (markdown-it with html: false, everything escaped).
	root.innerHTML = html;
	applyKatexStyles(root);
	// keep keyboard users on the button they pressed (Next stays focused while paging through a day)
	// only when the card has focus: a re-render after an edit in the digest must not pull focus from the editor
	if (!document.hasFocus()) return;
	const again = hadFocus ? root.querySelector<HTMLElement>(`[data-action="${hadFocus}"]:not([disabled])`) : null;
	(again ?? root).focus({ preventScroll: true });
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

function showMissing(message: string): void {
	const box = document.createElement('div');
	box.className = 'missing';
	box.setAttribute('role', 'status');
	const text = document.createElement('p');
	text.textContent = message;
	box.append(text);
	root.replaceChildren(box);
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
	const message = event.data;
	if (typeof message !== 'object' || message === null) return;
	if (message.type === 'update' && typeof message.html === 'string') {
		const before = state?.id;
		show(message.html);
		state = readState(message.state);
		if (state && state.id !== before) announcePaper();
		if (state && state.id === authorsExpandedFor) expandAuthors(false);
		showSimilar();
		if (state) {
			vscode.setState(state);
			window.scrollTo(0, state.scrollY);
		}
	} else if (message.type === 'similar' && typeof message.id === 'string' && typeof message.html === 'string') {
		similar = { id: message.id, html: message.html };
		showSimilar();
	} else if (message.type === 'missing' && typeof message.message === 'string') {
		showMissing(message.message);
		state = readState(message.state) ?? state;
		if (state) vscode.setState({ ...state, scrollY: 0 });
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
	if (!control || control.disabled) return;
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
});

/** The note editor's text goes to the extension, which keeps it in the library (never in the digest). */
function saveNote(): void {
	const input = document.getElementById(NOTE_INPUT_ID);
	if (input instanceof HTMLTextAreaElement) post({ type: 'saveNote', text: input.value });
}

root.addEventListener('keydown', (event) => {
	if ((event.ctrlKey || event.metaKey) && event.key === 'Enter' && event.target instanceof HTMLTextAreaElement && event.target.id === NOTE_INPUT_ID) {
		event.preventDefault();
		saveNote();
	}
});

window.addEventListener('keydown', (event) => {
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
	const target = event.target;
	if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable)) return;
	const action = event.key === 'ArrowLeft' ? 'previous' : event.key === 'ArrowRight' ? 'next' : undefined;
	if (!action) return;
	const control = root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
	if (!control || control.disabled) return;
	event.preventDefault();
	post({ type: action });
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
			vscode.setState(state);
			// observable state (tests wait for it instead of sleeping past the debounce)
			document.body.dataset.savedScrollY = String(state.scrollY);
			post({ type: 'scroll', y: state.scrollY });
		}, 200);
	},
	{ passive: true },
);

applyKatexStyles(root);
post({ type: 'ready' });
