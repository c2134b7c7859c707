/**
 * Paper cards: a webview panel that previews one paper, with Previous / Next / Random navigation,
 * links, copy actions and restore after a window reload. The HTML comes from src/core/card.
 */
import * as vscode from 'vscode';
import { SEARCH_BY_AUTHOR_COMMAND } from '../search';
import { toBibtex } from '../../core/card/bibtex';
import { paperLinks, parseArxivIdInput, primaryLink } from '../../core/card/links';
import { CARD_VIEW_TYPE, parseCardState, parseWebviewMessage, type CardState, type ExtensionMessage, type LibraryMessage, type NoteStatus, type WebviewMessage } from '../../core/card/protocol';
import { TimedWaiters } from '../../core/timedWaiters';
import { NoteDrafts, storedNoteForm, type TakenDraft } from '../../core/card/noteDraft';
import { ReadOnFocus } from '../../core/card/readOnFocus';
import type * as CardRender from '../../core/card/render';
import type * as CardSimilar from '../../core/card/similar';
import type { SimilarItem } from '../../core/card/similar';
import type { CardAppearance, CardLibraryState } from '../../core/card/render';
import { highlightFor } from '../../core/interests';
import { movedUri } from '../../core/movedUri';
import { plainMath } from '../../core/plainMath';
import { paperCountOf, type PaperSummary } from '../../core/summary';
import { paperOfKept, type KeptPaper } from '../../core/library/kept';
import type { Paper } from '../../core/model';
import { listText } from '../counts';
import type { DigestFile, IDigestWorkspace, LoadedPaper, PaperLocation } from '../workspace/types';
import type { Reading } from '../reading';
import { adjacentDigest, adjacentNames, paperIndexOf, stepIndex } from './step';
import { nextUnreadRef, type NextPaperKind } from './nextUnread';
import { randomPaperRef } from './randomPaper';
import { toLinePosition } from '../vsc-utils';
import { getLog } from '../log';
import { loadCardRender, nonce } from '../host';
import { arxivMentionAtCursor, CARD_KEYS_BACK_COMMAND, CURRENT_CARD_COMMAND, EDIT_NOTE_IN_CARD_COMMAND, FOCUS_SHOWN_PAPERS_VIEW_COMMAND, REVEAL_STEPPED_PAPER_COMMAND, currentPaper, isPapersSelectionArgument, nextMoment, selectedPaper, selectedWalkStart, steppedPaperOf } from '../paperActions';
import { cardRefFromArgument, cardTakesFocus, type CardRef } from './args';
import { quickInputShown, showInputBox } from '../quickInput';

/** markdown-it and KaTeX make up most of the code: loaded when the first card renders, not at activation (see loadCardRender). */
let cardRender: typeof CardRender | undefined;
/** where the card renderer's compiled code is kept: the extension's global storage (set by registerCards) */
let renderStorage: vscode.Uri | undefined;
function render(): typeof CardRender {
	return (cardRender ??= loadCardRender(renderStorage));
}
let cardSimilar: typeof CardSimilar | undefined;
function similarRender(): typeof CardSimilar {
	return (cardSimilar ??= require('../../core/card/similar') as typeof CardSimilar);
}

import { cardStrings, similarStrings } from './strings';
import { readSetting, SETTINGS } from '../settings';
import { confirmDone, showInformationMessage, showWarningMessage } from '../messages';

export { cardRefFromArgument, type CardRef } from './args';

export interface CardsTestApi {
	/** the paper of the active (else most recently active) card */
	current(): { id: string; uri: string; title: string } | undefined;
	panelCount(): number;
	/** the card body last sent to the active card's webview, or its "missing" message */
	renderedHtml(): string | undefined;
	/** handles a message as if the active card's webview had posted it (real-editor tests cannot click in webviews) */
	receive(message: unknown): Promise<void>;
	/** the "Similar papers" section last sent to the active card, and the paper it is for */
	similarShown(): { id: string; html: string } | undefined;
}

/** Similar papers for the card's section (src/features/recs implements it, in the index worker). */
export interface CardSimilarSource {
	/** the papers most like `id`, or why there are none; an answer after `token` was cancelled is not used */
	similar(id: string, token: vscode.CancellationToken): Promise<readonly SimilarItem[] | { message: string }>;
}

/** The reader's library as the card sees it (src/features/library implements it). */
export interface CardLibrary {
	readonly onDidChange: vscode.Event<unknown>;
	stateOf(id: string): CardLibraryState;
	handle(message: LibraryMessage, id: string): Promise<void>;
	/**
	 * Stores a note draft unless autosave must not (see core/card/noteDraft); undefined when the library
	 * cannot be written. `leaving`: the card no longer shows the paper, so a draft not stored is offered
	 * to the reader (saved over the other note, or copied).
	 */
	autosaveNote(draft: TakenDraft, leaving: boolean): Promise<NoteStatus | undefined>;
	/** what the library kept of a paper no digest lists any more (see core/library/kept) */
	kept?(id: string): KeptPaper | undefined;
	readonly onDidChangeKept?: vscode.Event<void>;
}

const LIBRARY_MESSAGES: readonly string[] = ['toggleStar', 'editCollections', 'editTags'] satisfies LibraryMessage['type'][];

const TITLE_LENGTH = 40;
/** the days a kept paper's card names (it says how many more) */
const KEPT_DAYS_SHOWN = 3;
const EDIT_DEBOUNCE_MS = 300;
/** how long `arxivDigest.openCard` asked to take the keys waits for the card to have them (see CardPanel.untilKeys) */
const KEYS_WAIT_MS = 2_000;
/** how long a card opened to take the keys has to say it has them before it is asked once more (see askKeysAgain); they come in ~50–150 ms */
const FOCUS_AGAIN_MS = 600;
/** a note typed in a card is stored this long after the typing pauses (and at once when the card moves on) */
const NOTE_AUTOSAVE_MS = 1000;
/** the papers a card showed last, whose note drafts it takes (a draft typed just before the card moved on) */
const RECENT_PAPERS = 8;
/**
 * a context key: a card's note box (a text box) has the keys; the card's keybindings (Ctrl+Alt+N…) wait
 * meanwhile, as its own keys do: AltGr types with Ctrl+Alt on Windows (Ctrl+Alt+E is "€" on a German layout)
 */
const CONTEXT_CARD_TYPING = 'arxivDigest.cardTyping';

type ReuseMode = 'reuse' | 'new';

function reuseMode(): ReuseMode {
	return readSetting<ReuseMode>(SETTINGS.cardReuse) === 'new' ? 'new' : 'reuse';
}

function panelTitle(title: string): string {
	const flat = plainMath(title.replace(/\s+/g, ' ').trim()) || vscode.l10n.t('Paper');
	return flat.length > TITLE_LENGTH ? `${flat.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : flat;
}

function fileName(uri: string): string {
	try {
		const parsed = vscode.Uri.parse(uri, true);
		return parsed.path.replace(/\/+$/, '').split('/').pop() || uri;
	} catch {
		return uri;
	}
}

/** Where a card's paper is now, or why it is not there. */
type Located = { location: PaperLocation } | { missing: string };

class CardPanel implements vscode.Disposable {
	private ref: CardRef | undefined;
	private dayShown: string | undefined;
	private scrollY = 0;
	private renderGeneration = 0;
	/** the last render asked for (see shown) */
	private rendering: Promise<void> = Promise.resolve();
	private ready = false;
	private disposed = false;
	private lastBody: string | undefined;
	/** the reader's library state of the paper last rendered (JSON), so a library change re-renders only the cards it touched */
	private libraryShown: string | undefined;
	/** what the last render showed: the paper from its digest, as the library kept it, or why neither */
	private shownAs: 'digest' | 'kept' | 'missing' | undefined;
	private editTimer: ReturnType<typeof setTimeout> | undefined;
	/** the request for the similar papers of the paper shown; cancelled when another paper is shown */
	private similarRequest: vscode.CancellationTokenSource | undefined;
	private similarSent: { id: string; html: string } | undefined;
	private readonly notes = new NoteDrafts();
	private noteTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly recentIds: string[] = [];
	/** Edit Note: the note box of this paper takes the cursor once it is shown */
	private focusNoteOf: string | undefined;
	/** opening a card is reading its paper: marked at once, or once a card opened with the keys has them (see ReadOnFocus) */
	private readonly reads: ReadOnFocus;
	/** waiting for the card to have the keys it was opened to take (see untilKeys) */
	private readonly keysWaiters = new TimedWaiters();
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(
		readonly panel: vscode.WebviewPanel,
		private readonly owner: CardManager,
	) {
		this.reads = new ReadOnFocus((id) => owner.reading?.markRead(id));
		const webview = panel.webview;
		webview.options = owner.webviewOptions();
		const asUri = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(owner.extensionUri, ...segments)).toString();
		webview.html = render().buildCardDocument({
			cspSource: webview.cspSource,
			nonce: nonce(),
			scriptUri: asUri('dist', 'webview', 'card.js'),
			styleUris: [asUri('media', 'katex', 'katex.min.css'), asUri('media', 'card.css')],
			strings: cardStrings(),
		});
		this.subscriptions.push(
			webview.onDidReceiveMessage((raw: unknown) => {
				const message = parseWebviewMessage(raw);
				if (message) void this.handle(message);
			}),
			panel.onDidChangeViewState((e) => {
				if (e.webviewPanel.active) owner.activated(this);
				// another editor in front, or the card hidden: it will not get the keys it was opened with
				else this.keysSettled();
				// a hidden webview is torn down (no retainContextWhenHidden); it says `ready` again when shown
				if (!e.webviewPanel.visible) {
					this.ready = false;
					owner.typing(this, false);
					// kept pending when it cannot be stored: the webview's state has it and sends it again when shown
					void this.storeNote(false);
				}
			}),
			panel.onDidDispose(() => this.dispose()),
		);
	}

	get currentRef(): CardRef | undefined {
		return this.ref;
	}

	get isDisposed(): boolean {
		return this.disposed;
	}

	get body(): string | undefined {
		return this.lastBody;
	}

	get similarShown(): { id: string; html: string } | undefined {
		return this.similarSent;
	}

	/**
	 * Resolves once the card has the keys it was opened to take, or will not get them (it moved on, hid
	 * or closed): true; at once when it waits for none. False when `limitMs` passed first.
	 */
	untilKeys(limitMs: number): Promise<boolean> {
		if (!this.reads.waiting || this.disposed) return Promise.resolve(true);
		return this.keysWaiters.wait(limitMs);
	}

	/** The card has the keys, or will not get them: its paper is marked read, and whoever waits is told. */
	private keysSettled(): void {
		if (this.focusAgain) clearTimeout(this.focusAgain);
		this.focusAgain = undefined;
		this.reads.settled();
		this.keysWaiters.release();
	}

	/** set while a card opened to take the keys has not said it has them (see askKeysAgain) */
	private focusAgain: ReturnType<typeof setTimeout> | undefined;

	/**
	 * VS Code's webview page passes a focus request on to the card only when its own focused element is
	 * not the card's frame already; left on that frame from an earlier visit, it drops the request, and
	 * the keys stay on the webview's page while the workbench shows the card active (a UI test's Enter
	 * on a paper row, now and then: "on IFRAME.webview; in the webview's page on BODY"). Asked once more
	 * when the card has not said it has the keys a moment later, the page, on its body now, moves them
	 * in; a card that has them is asked nothing (`focused` settles it first). The same after a pick the
	 * card opened closes (the UI test of Edit Tags from the card failed so once), and one a command run
	 * about the card opened (Follow Author from its `…` menu, see keysBackToCard).
	 */
	askKeysAgain(): void {
		if (this.focusAgain) clearTimeout(this.focusAgain);
		this.focusAgain = setTimeout(() => {
			this.focusAgain = undefined;
			// a quick input shown meanwhile keeps the keys
			if (this.disposed || !this.panel.active || !this.panel.visible || quickInputShown()) return;
			getLog().debug(`Card: no keys ${FOCUS_AGAIN_MS} ms after it was opened to take them; asked once more`);
			this.panel.reveal(this.panel.viewColumn, false);
		}, FOCUS_AGAIN_MS);
	}

	/**
	 * The card is opened to take the keyboard focus (`takesFocus`): its paper is marked read once it has
	 * it (see ReadOnFocus). Opened leaving the keys where they are (a click): at once, and a paper still
	 * waiting for keys that never came is marked now, not one paper behind until the card is focused.
	 */
	opened(takesFocus: boolean): void {
		if (takesFocus) {
			this.reads.expectFocus();
			this.askKeysAgain();
		} else this.keysSettled();
	}

	/** Shows a paper; the scroll position is kept only when it is the same paper again. */
	show(ref: CardRef, scrollY?: number): void {
		const same = this.ref && this.ref.id === ref.id && this.ref.uri === ref.uri;
		// Next, Previous, Random, a similar paper, the tree, search: the note typed for the paper before is stored now
		if (this.notes.current && this.notes.current.id !== ref.id) void this.storeNote(true);
		this.ref = ref;
		this.owner.moved();
		this.recentIds.unshift(ref.id);
		this.recentIds.splice(RECENT_PAPERS);
		this.scrollY = scrollY ?? (same ? this.scrollY : 0);
		this.render();
	}

	showMessage(message: string): void {
		this.ref = undefined;
		this.lastBody = message;
		this.panel.title = vscode.l10n.t('Paper card');
		this.post({ type: 'missing', message });
	}

	/** The digest changed: re-render in place. */
	refresh(): void {
		if (this.ref) this.render();
	}

	/** The library changed: re-render when this paper's star, collections, tags or note did. */
	libraryChanged(): void {
		const id = this.ref?.id;
		if (id === undefined || this.libraryShown === undefined) return;
		if (JSON.stringify(this.owner.library?.stateOf(id)) !== this.libraryShown) this.render();
	}

	/** Live edits of the open digest re-render the card after the typing settles. */
	documentEdited(): void {
		if (this.editTimer) clearTimeout(this.editTimer);
		this.editTimer = setTimeout(() => {
			this.editTimer = undefined;
			if (!this.disposed) this.refresh();
		}, EDIT_DEBOUNCE_MS);
	}

	showsUri(uri: string): boolean {
		return this.ref?.uri === uri;
	}

	/** The day of the digest the card last showed its paper from. */
	get shownDay(): string | undefined {
		return this.dayShown;
	}

	/**
	 * A digest moved from `from` to `to` (a file renamed, or the folder holding it): the card showing a
	 * paper of it follows. Returns where its file is now, or undefined when the move was not its file's.
	 */
	fileMoved(from: string, to: string): string | undefined {
		const uri = this.ref?.uri;
		const moved = this.ref && uri !== undefined ? movedUri(uri, from, to) : undefined;
		if (this.ref && moved !== undefined) this.ref = { ...this.ref, uri: moved };
		return moved;
	}

	private render(): void {
		this.rendering = this.renderNow();
	}

	/** Resolves once the paper last asked for is shown, or could not be (a render asked meanwhile is waited for too). */
	async shown(): Promise<void> {
		for (let rendering = this.rendering; ; rendering = this.rendering) {
			await rendering.catch(() => undefined);
			if (rendering === this.rendering) return;
		}
	}

	/** Locates the paper, asks for its full text (the index reads it back from the file) and shows it. */
	private async renderNow(): Promise<void> {
		if (!this.ref || this.disposed) return;
		const generation = ++this.renderGeneration;
		const found = this.owner.locate(this.ref);
		const state: CardState = { uri: this.ref.uri ?? '', id: this.ref.id, scrollY: this.scrollY };
		const missing = (message: string) => {
			this.shownAs = 'missing';
			this.lastBody = message;
			this.panel.title = vscode.l10n.t('Paper not found');
			this.post({ type: 'missing', message, state });
		};
		if ('missing' in found) {
			const kept = this.owner.keptToShow(this.ref.id);
			if (kept) this.renderKept(kept, state);
			else missing(found.missing);
			return;
		}
		const { location } = found;
		const loaded = await this.owner.load(location);
		// a newer render (Next pressed twice, an edit) wins
		if (generation !== this.renderGeneration || this.disposed) return;
		if (!loaded) {
			missing(vscode.l10n.t('This paper ({0}) can no longer be read from {1}.', location.paper.id, fileName(location.file.uri.toString())));
			return;
		}
		// remember where the paper is now, so Next/Previous work from the right index after edits
		this.shownAs = 'digest';
		this.dayShown = location.file.digest.day;
		const highlight = this.ref.highlight;
		this.ref = { uri: location.file.uri.toString(), id: location.paper.id, index: loaded.index, ...(highlight ? { highlight } : {}) };
		state.uri = this.ref.uri ?? '';
		this.panel.title = panelTitle(loaded.paper.title || loaded.paper.id);
		const library = this.owner.library?.stateOf(loaded.paper.id);
		this.libraryShown = JSON.stringify(library);
		const interestHighlight = this.owner.reading?.interests.highlightPattern();
		this.lastBody = render().renderCardHtml(
			{
				paper: loaded.paper,
				fileLabel: location.file.digest.label,
				appearances: this.owner.appearances(location),
				index: loaded.index,
				total: location.file.digest.papers.length,
				...this.owner.adjacentLabels(location.file),
				highlight,
				library,
				// a card is a few kilobytes: the slower patterns that also mark keywords written with accents
				interests: interestHighlight && highlightFor(interestHighlight),
				interestMatch: this.owner.reading?.match(loaded.paper.id),
			},
			{ canRandom: this.owner.paperCount() > 1, strings: cardStrings() },
		);
		this.reads.shown(location.paper.id);
		this.post({ type: 'update', html: this.lastBody, state, active: this.panel.active });
		if (this.ready && this.focusNoteOf === this.ref.id) {
			this.focusNoteOf = undefined;
			this.post({ type: 'focusNote' });
		}
		void this.sendSimilar(location.paper.id);
	}

	/**
	 * A paper no digest of the workspace lists, as the library kept it: its title, authors, links, TL;DR
	 * and abstract, the reader's star, collections, tags and note box; no place in a digest (Previous and
	 * Next have none to go to), not marked read (no day lists it), no similar papers (the index has it not).
	 */
	private renderKept(kept: KeptPaper, state: CardState): void {
		const highlight = this.ref?.highlight;
		this.shownAs = 'kept';
		this.dayShown = kept.days[0];
		// the file it was shown from is gone: the paper is found by id again if a digest lists it later
		this.ref = { id: kept.id, ...(highlight ? { highlight } : {}) };
		state.uri = '';
		const paper = paperOfKept(kept);
		this.panel.title = panelTitle(paper.title || paper.id);
		const library = this.owner.library?.stateOf(kept.id);
		this.libraryShown = JSON.stringify(library);
		const interestHighlight = this.owner.reading?.interests.highlightPattern();
		const days = kept.days.length > 0 ? listText(kept.days, vscode.l10n, 'list', KEPT_DAYS_SHOWN) : '';
		this.lastBody = render().renderCardHtml(
			{
				paper,
				fileLabel: days,
				index: 0,
				total: 1,
				highlight,
				library,
				interests: interestHighlight && highlightFor(interestHighlight),
				gone: vscode.l10n.t('No digest in this workspace lists this paper any more. This is what your library kept of it: title, authors, links, TL;DR and abstract.'),
			},
			{ canRandom: this.owner.paperCount() > 1, strings: cardStrings() },
		);
		this.similarSent = undefined;
		this.post({ type: 'update', html: this.lastBody, state, active: this.panel.active });
		if (this.ready && this.focusNoteOf === kept.id) {
			this.focusNoteOf = undefined;
			this.post({ type: 'focusNote' });
		}
	}

	/** The library's kept papers changed: a card that could not show its paper, or showed it as kept, shows it again. */
	keptChanged(): void {
		if (this.ref && (this.shownAs === 'missing' || this.shownAs === 'kept')) this.render();
	}

	/** A digest came: a card showing its paper as kept shows it from the digest if it lists it. */
	digestsAdded(): void {
		if (this.ref && this.shownAs === 'kept') this.render();
	}

	get showsKept(): boolean {
		return this.shownAs === 'kept';
	}

	/** Edit Note: shows the paper (when it is not shown) and puts the cursor in its note box. */
	editNote(ref: CardRef): void {
		this.focusNoteOf = ref.id;
		if (this.ref?.id === ref.id && this.ref.uri === ref.uri) this.render();
		else this.show(ref);
	}

	/** A note draft from the webview: stored once the typing pauses (or the card moves on, hides or closes). */
	private noteTyped(draft: { id: string; text: string; base: string }): void {
		if (!this.recentIds.includes(draft.id)) return;
		// a draft of the paper before, typed as the card moved on: stored at once
		if (this.notes.current && this.notes.current.id !== draft.id) void this.storeNote(true);
		this.notes.typed(draft);
		if (this.noteTimer) clearTimeout(this.noteTimer);
		const leaving = draft.id !== this.ref?.id;
		this.noteTimer = setTimeout(() => void this.storeNote(leaving), leaving ? 0 : NOTE_AUTOSAVE_MS);
	}

	/** Stores the pending note draft; `leaving`: the card no longer shows it (see CardLibrary.autosaveNote). */
	private async storeNote(leaving: boolean): Promise<void> {
		if (this.noteTimer) clearTimeout(this.noteTimer);
		this.noteTimer = undefined;
		const draft = this.notes.take();
		const library = this.owner.library;
		if (!draft || !library) return;
		const status = await library.autosaveNote(draft, leaving);
		if (status === 'saved') this.notes.stored(draft);
		// not stored while the card still shows it: tried again with the next draft or when the card moves on
		else if (!leaving) this.notes.keep(draft);
		if (status) this.postNoteStatus(draft.id, status, draft.text);
	}

	private postNoteStatus(id: string, status: NoteStatus, text: string): void {
		if (this.ref?.id === id) this.post({ type: 'noteStatus', id, status, text });
	}

	/** Save Note: the reader's word, so a note changed elsewhere may be replaced (the library asks), and an empty box deletes. */
	private async saveNote(message: Extract<WebviewMessage, { type: 'saveNote' }>, library: CardLibrary): Promise<void> {
		const id = message.id ?? this.ref?.id;
		if (!id || (message.id !== undefined && !this.recentIds.includes(message.id))) return;
		this.notes.settled(id);
		const mine = message.base === undefined ? undefined : this.notes.rebased({ id, text: message.text, base: message.base });
		await library.handle({ type: 'saveNote', text: message.text, ...(mine ? { base: mine.base } : {}) }, id);
		if (library.stateOf(id).note !== storedNoteForm(message.text)) return;
		if (mine) this.notes.stored(mine);
		this.postNoteStatus(id, 'saved', message.text);
	}

	/**
	 * After the card painted: the similar papers, asked of the index worker. The same paper again
	 * (a star, an edit) keeps its list on screen while it is asked again; another paper cancels the
	 * request for the previous one, whose answer is then dropped.
	 */
	private async sendSimilar(id: string): Promise<void> {
		const source = this.owner.similar;
		if (!source) return;
		this.similarRequest?.cancel();
		this.similarRequest?.dispose();
		const request = (this.similarRequest = new vscode.CancellationTokenSource());
		const sections = similarRender();
		const send = (html: string) => {
			this.similarSent = { id, html };
			this.post({ type: 'similar', id, html });
		};
		if (this.similarSent?.id === id) this.post({ type: 'similar', ...this.similarSent });
		else send(sections.renderSimilarHtml({ kind: 'loading' }, similarStrings()));
		let answer: readonly SimilarItem[] | { message: string };
		try {
			answer = await source.similar(id, request.token);
		} catch (err) {
			answer = { message: vscode.l10n.t('Similar papers could not be found: {0}', err instanceof Error ? err.message : String(err)) };
		}
		if (request.token.isCancellationRequested || this.disposed || this.ref?.id !== id) return;
		const html = sections.renderSimilarHtml('message' in answer ? { kind: 'unavailable', message: answer.message } : { kind: 'ready', items: answer }, similarStrings());
		if (html !== this.similarSent?.html || this.similarSent.id !== id) send(html);
	}

	private post(message: ExtensionMessage): void {
		// Before `ready` (or while hidden) the webview is not listening; it asks again with `ready`.
		if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
	}

	async handle(message: WebviewMessage): Promise<void> {
		switch (message.type) {
			case 'ready':
				this.ready = true;
				// a page loaded anew (shown again, reloaded) has no text box with the keys
				this.owner.typing(this, false);
				if (this.ref) this.render();
				else if (this.lastBody !== undefined) this.post({ type: 'missing', message: this.lastBody });
				return;
			case 'scroll':
				this.scrollY = message.y;
				return;
			case 'focused':
				this.keysSettled();
				return;
			case 'typing':
				this.owner.typing(this, message.on);
				return;
			case 'next':
			case 'previous':
				this.step(message.type === 'next' ? 1 : -1);
				return;
			case 'random':
				await this.owner.showRandom(this);
				return;
			case 'openSimilar':
				await this.owner.openSimilar(this, message.id);
				return;
			case 'leave':
				await leaveCard(this.ref);
				return;
			case 'noteDraft':
				this.noteTyped(message);
				return;
			case 'saveNote':
				if (this.owner.library) await this.saveNote(message, this.owner.library);
				return;
			default:
				break;
		}
		if (LIBRARY_MESSAGES.includes(message.type)) {
			if (this.ref && this.owner.library) await this.owner.library.handle(message as LibraryMessage, this.ref.id);
			// a pick the card opened (Add to Collection, Edit Tags) closed: the workbench gives the keys back to
			// the webview, whose page may keep them (see askKeysAgain)
			if (message.type !== 'toggleStar') this.askKeysAgain();
			return;
		}
		const found = this.ref ? this.owner.locate(this.ref) : undefined;
		const kept = found && 'location' in found ? undefined : this.ref && this.shownAs === 'kept' ? this.owner.keptToShow(this.ref.id) : undefined;
		const shown: ShownPaper | undefined = found && 'location' in found ? { paper: found.location.paper, location: found.location } : kept && { paper: paperOfKept(kept), kept };
		if (!shown) return;
		// focus stays on the button pressed: the card says what it did aloud (a status bar message is not spoken)
		const said = await this.owner.act(message, shown, this.panel.viewColumn);
		if (said) this.post({ type: 'announce', text: said });
	}

	step(delta: number): void {
		const next = this.ref && this.owner.neighbour(this.ref, delta);
		if (!next) return;
		this.show(next);
		revealInPapersView(next);
	}

	dispose(): void {
		if (this.disposed) return;
		// the tab closed (or the window): the note typed is stored, or offered
		void this.storeNote(true);
		this.keysSettled();
		this.disposed = true;
		if (this.editTimer) clearTimeout(this.editTimer);
		this.similarRequest?.cancel();
		this.similarRequest?.dispose();
		for (const s of this.subscriptions) s.dispose();
		this.owner.removed(this);
		this.panel.dispose();
	}
}

class CardManager implements vscode.Disposable {
	private readonly panels = new Set<CardPanel>();
	private lastActive: CardPanel | undefined;
	private lastMove = 0;
	/** the card whose note box has the keys, if one's has (CONTEXT_CARD_TYPING) */
	private typingCard: CardPanel | undefined;
	/** digests deleted since activation (and not re-created): their cards say so */
	private readonly deleted = new Set<string>();
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(
		private readonly context: vscode.ExtensionContext,
		private readonly workspace: IDigestWorkspace,
		readonly library?: CardLibrary,
		readonly reading?: Reading,
		readonly similar?: CardSimilarSource,
	) {
		// a context key outlives an extension host that restarted while a note box had the keys
		void vscode.commands.executeCommand('setContext', CONTEXT_CARD_TYPING, false);
		// a star or note changed (here, in the tree, in another window): every card shows it
		if (library) this.subscriptions.push(library.onDidChange(() => this.panels.forEach((card) => card.libraryChanged())));
		if (library?.onDidChangeKept) this.subscriptions.push(library.onDidChangeKept(() => this.panels.forEach((card) => card.keptChanged())));
		if (reading) this.subscriptions.push(reading.interests.onDidChange(() => this.panels.forEach((card) => card.refresh())));
		this.subscriptions.push(
			workspace.onDidChange((changes) => {
				for (const c of changes) {
					if (c.kind === 'removed') this.deleted.add(c.uri.toString());
					else this.deleted.delete(c.uri.toString());
				}
				const uris = new Set(changes.map((c) => c.uri.toString()));
				const added = new Set(changes.filter((c) => c.kind === 'added').map((c) => c.uri.toString()));
				for (const card of this.panels) {
					const uri = card.currentRef?.uri;
					if (added.size > 0 && card.showsKept) card.digestsAdded();
					if (!uri) continue;
					const movedTo = this.movedFile(uri, card, added, uris.has(uri));
					if (movedTo) card.fileMoved(uri, movedTo);
					if (movedTo || uris.has(uri)) card.refresh();
				}
				for (const c of changes) if (c.kind === 'removed') void this.unlessStillThere(c.uri);
			}),
			// renamed in the editor (the Explorer, a refactoring): every card of a file renamed, or in a folder
			// renamed, follows; it shows the paper from there once the workspace has the file there (its change comes)
			vscode.workspace.onDidRenameFiles((e) => {
				for (const { oldUri, newUri } of e.files) {
					for (const card of this.panels) {
						const now = card.fileMoved(oldUri.toString(), newUri.toString());
						if (now !== undefined && this.fileFor(now)) card.refresh();
					}
				}
			}),
			vscode.workspace.onDidChangeTextDocument((e) => {
				if (e.contentChanges.length === 0) return;
				const uri = e.document.uri.toString();
				for (const card of this.panels) if (card.showsUri(uri)) card.documentEdited();
			}),
		);
	}

	get extensionUri(): vscode.Uri {
		return this.context.extensionUri;
	}

	webviewOptions(): vscode.WebviewOptions {
		return {
			enableScripts: true,
			enableCommandUris: false,
			localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
		};
	}

	activated(card: CardPanel): void {
		this.lastActive = card;
		this.moved();
	}

	/** A card showed a paper or became active: the moment a walk from the palette starts at the card from (see nextMoment). */
	moved(): void {
		this.lastMove = nextMoment();
	}

	get movedAt(): number {
		return this.lastMove;
	}

	/** `card`'s note box got the keys (`on`) or lost them: the context key says whether a card's has them */
	typing(card: CardPanel, on: boolean): void {
		const before = this.typingCard !== undefined;
		if (on) this.typingCard = card;
		else if (this.typingCard === card) this.typingCard = undefined;
		if ((this.typingCard !== undefined) !== before) void vscode.commands.executeCommand('setContext', CONTEXT_CARD_TYPING, !before);
	}

	removed(card: CardPanel): void {
		this.typing(card, false);
		this.panels.delete(card);
		if (this.lastActive === card) this.lastActive = [...this.panels].pop();
	}

	activeCard(): CardPanel | undefined {
		for (const card of this.panels) if (card.panel.active) return card;
		return this.lastActive;
	}

	/**
	 * The card that is the active tab of the active editor group, if one is: by the tab groups, which
	 * change with the active editor (a panel's `active` flag comes with its own later event, and a
	 * command run right after the reader clicked an editor read the card there as still in front).
	 */
	cardInFront(): CardPanel | undefined {
		const group = vscode.window.tabGroups.activeTabGroup;
		const input = group.activeTab?.input;
		if (!(input instanceof vscode.TabInputWebview) || !input.viewType.endsWith(CARD_VIEW_TYPE)) return undefined;
		for (const card of this.panels) if (card.panel.visible && card.panel.viewColumn === group.viewColumn) return card;
		return undefined;
	}

	panelCount(): number {
		return this.panels.size;
	}

	adopt(panel: vscode.WebviewPanel): CardPanel {
		const card = new CardPanel(panel, this);
		this.panels.add(card);
		this.lastActive = card;
		return card;
	}

	/**
	 * Opens a card (reusing the panel unless the setting says otherwise) and shows the paper;
	 * `editNote`: with the keyboard focus in its note box (Edit Note).
	 */
	open(ref: CardRef, preserveFocus: boolean, editNote = false): CardPanel {
		const showIn = (card: CardPanel) => {
			card.opened(!preserveFocus);
			if (editNote) card.editNote(ref);
			else card.show(ref);
		};
		const reusable = reuseMode() === 'reuse' ? this.activeCard() : undefined;
		if (reusable) {
			showIn(reusable);
			reusable.panel.reveal(reusable.panel.viewColumn, preserveFocus);
			return reusable;
		}
		const panel = vscode.window.createWebviewPanel(CARD_VIEW_TYPE, vscode.l10n.t('Paper card'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus }, {
			...this.webviewOptions(),
			enableFindWidget: true,
			retainContextWhenHidden: false,
		});
		const card = this.adopt(panel);
		showIn(card);
		return card;
	}

	/**
	 * Where the digest `uri` of `card` went when it was moved outside the editor (a terminal, git): its
	 * file deleted, and another digest of the day the card showed holding its paper. One added in this
	 * batch (`added`), the one of the same name first (a folder moved); at the removal itself
	 * (`removedNow`), any such digest, as the watcher may tell the new name first.
	 */
	private movedFile(uri: string, card: CardPanel, added: ReadonlySet<string>, removedNow: boolean): string | undefined {
		const ref = card.currentRef;
		if (!ref || !this.deleted.has(uri)) return undefined;
		const others = this.workspace
			.findPaper(ref.id)
			.map((l) => l.file)
			.filter((file) => file.digest.day === card.shownDay && file.uri.toString() !== uri)
			.map((file) => file.uri.toString());
		const fresh = others.filter((other) => added.has(other));
		return fresh.find((other) => fileName(other) === fileName(uri)) ?? fresh[0] ?? (removedNow ? others[0] : undefined);
	}

	/**
	 * A digest the workspace let go is taken for deleted at once (its cards say so, a card follows it to
	 * where it moved); one still on disk left the digests another way (its folder removed from the
	 * workspace, an exclude setting, `arxivDigest.files`), and its cards say that instead.
	 */
	private async unlessStillThere(uri: vscode.Uri): Promise<void> {
		try {
			await vscode.workspace.fs.stat(uri);
		} catch {
			return;
		}
		const key = uri.toString();
		if (!this.deleted.delete(key)) return;
		for (const card of this.panels) if (card.currentRef?.uri === key) card.refresh();
	}

	/** A file open in an editor is read from its live text; others from the workspace index. */
	private fileFor(uri: string): DigestFile | undefined {
		const doc = vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri);
		// an editor keeps a deleted file's text; only unsaved edits keep the card on it
		if (this.deleted.has(uri) && !doc?.isDirty) return undefined;
		if (doc && this.workspace.isDigestDocument(doc)) return { uri: doc.uri, digest: this.workspace.parseDocument(doc) };
		try {
			return this.workspace.get(vscode.Uri.parse(uri, true));
		} catch {
			return undefined;
		}
	}

	locate(ref: CardRef): Located {
		if (!ref.uri) {
			const location = this.workspace.resolve({ id: ref.id });
			return location ? { location } : { missing: vscode.l10n.t('arXiv:{0} is not in any digest in this workspace.', ref.id) };
		}
		const file = this.fileFor(ref.uri);
		if (!file && this.deleted.has(ref.uri)) {
			return { missing: vscode.l10n.t('{0} was deleted, so this paper ({1}) can no longer be shown.', fileName(ref.uri), ref.id) };
		}
		if (!file) return { missing: vscode.l10n.t('{0} is no longer a digest in this workspace, so this paper ({1}) cannot be shown.', fileName(ref.uri), ref.id) };
		const papers = file.digest.papers;
		const index = paperIndexOf(papers, ref);
		if (index < 0) return { missing: vscode.l10n.t('This paper ({0}) is no longer in {1}.', ref.id, fileName(ref.uri)) };
		return { location: { file, paper: papers[index], index } };
	}

	/**
	 * The paper `delta` places from `ref` in its file (see stepIndex), also when `ref`'s paper left the
	 * file; one step past either end of the file, the first paper of the older day's digest (Next) or the
	 * last of the newer day's (Previous), as the Papers view lists them.
	 */
	neighbour(ref: CardRef, delta: number): CardRef | undefined {
		const found = this.locate(ref);
		const file = 'location' in found ? found.location.file : ref.uri === undefined ? undefined : this.fileFor(ref.uri);
		if (!file) return undefined;
		const from = 'location' in found ? { id: ref.id, index: found.location.index } : ref;
		const index = stepIndex(file.digest.papers, from, delta);
		if (index !== undefined) return { uri: file.uri.toString(), id: file.digest.papers[index].id, index };
		if (delta !== 1 && delta !== -1) return undefined;
		const other = adjacentDigest(this.workspace.files(), file.uri.toString(), delta);
		if (!other) return undefined;
		const at = delta === 1 ? 0 : other.digest.papers.length - 1;
		return { uri: other.uri.toString(), id: other.digest.papers[at].id, index: at };
	}

	/**
	 * What the library kept of a paper no digest lists: a card shows it so. A paper another digest lists
	 * is not shown so when the file the card showed it from went (the card says so, and follows a rename).
	 */
	keptToShow(id: string): KeptPaper | undefined {
		return this.workspace.findPaper(id).length === 0 ? this.library?.kept?.(id) : undefined;
	}

	/** The names of the digests Previous and Next go on to from the ends of `file` (see neighbour). */
	adjacentLabels(file: DigestFile): { previousDigest?: string; nextDigest?: string } {
		return adjacentNames(this.workspace.files(), file);
	}

	appearances(location: PaperLocation): CardAppearance[] {
		const current = location.file.uri.toString();
		const list = this.workspace.findPaper(location.paper.id).map((l) => ({ label: l.file.digest.label, current: l.file.uri.toString() === current }));
		const seen = new Set<string>();
		const unique = list.filter((a) => {
			const key = `${a.label}\u0000${a.current}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
		if (!unique.some((a) => a.current)) unique.unshift({ label: location.file.digest.label, current: true });
		return unique;
	}

	paperCount(): number {
		let total = 0;
		for (const file of this.workspace.files()) total += paperCountOf(file.digest);
		return total;
	}

	/** A random paper anywhere in the workspace, never the one the card already shows (when there is a choice). */
	randomRef(exclude?: CardRef): CardRef | undefined {
		return randomPaperRef(this.workspace.files(), exclude);
	}

	/** After the first scan: until then Random would draw from the files read so far. */
	async showRandom(card: CardPanel | undefined): Promise<void> {
		await this.workspace.ready;
		const ref = this.randomRef(card?.currentRef);
		if (!ref) {
			void showInformationMessage(vscode.l10n.t('There are no papers in the digests of this workspace.'));
			return;
		}
		if (card) card.show(ref);
		else this.open(ref, false);
	}

	/** A paper of the card's "Similar papers": its newest listing, in the same card. */
	async openSimilar(card: CardPanel, id: string): Promise<void> {
		await this.workspace.ready;
		const location = this.workspace.findPaper(id)[0];
		if (!location) {
			void showInformationMessage(vscode.l10n.t('arXiv:{0} is not in any digest in this workspace.', id));
			return;
		}
		card.show({ uri: location.file.uri.toString(), id: location.paper.id, index: location.index });
	}

	/** Every field of a located paper. */
	load(location: PaperLocation): Promise<LoadedPaper | undefined> {
		return this.workspace.loadPaper(location);
	}

	/**
	 * A card's button on its paper: from its digest (`location`), or as the library kept it (`kept`: no
	 * source to reveal). Resolves with what the card should say it did (a copy), if anything.
	 */
	async act(message: WebviewMessage, shown: ShownPaper, cardColumn: vscode.ViewColumn | undefined): Promise<string | undefined> {
		const { paper } = shown;
		switch (message.type) {
			case 'revealSource':
				if ('location' in shown) await revealSource(shown.location, cardColumn);
				return;
			case 'openExternal': {
				const url = paperLinks(paper)[message.kind];
				if (url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
				return;
			}
			case 'openLink':
				await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
				return;
			case 'copy':
				return copyFromPaper(message.what, shown, this.workspace, true);
			case 'searchAuthor':
				await vscode.commands.executeCommand(SEARCH_BY_AUTHOR_COMMAND, message.name);
				return;
			default:
				return;
		}
	}

	dispose(): void {
		for (const card of [...this.panels]) card.dispose();
		for (const s of this.subscriptions) s.dispose();
	}
}

/**
 * Escape in a card: the keyboard focus goes back to where the reader walks the papers, as Escape
 * leaves a dialog (Tab goes round inside the card): the Papers view when it is shown, on the card's
 * paper, else the card's digest where an editor shows it. Neither: it stays.
 */
async function leaveCard(ref: CardRef | undefined): Promise<void> {
	// a pick of ours over the card, with the keyboard in the card (microsoft/vscode#93950): Escape is the pick's
	if (quickInputShown()) {
		await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
		return;
	}
	const paper = ref && steppedPaperOf(ref);
	if (await vscode.commands.executeCommand<boolean>(FOCUS_SHOWN_PAPERS_VIEW_COMMAND, paper)) return;
	const editor = paper && vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === paper.uri);
	if (editor) await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
}

async function revealSource(location: PaperLocation, cardColumn: vscode.ViewColumn | undefined): Promise<void> {
	const uri = location.file.uri;
	const line = location.paper.headingLine;
	const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
	const position = toLinePosition(line).start;
	// never cover the card with its own source: open beside it when it sits in the first group
	const column = visible?.viewColumn ?? (cardColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
	const editor = await vscode.window.showTextDocument(uri, {
		viewColumn: column,
		selection: new vscode.Range(position, position),
		preserveFocus: false,
	});
	editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
}

/** A paper a card shows: from its digest, or as the library kept it (no digest lists it now). */
type ShownPaper = { paper: PaperSummary; location: PaperLocation } | { paper: Paper; kept: KeptPaper };

/** The paper with every author (a summary keeps a few) and the day it is shown from, for BibTeX. */
async function fullPaper(shown: ShownPaper, workspace: IDigestWorkspace): Promise<{ paper: Paper; day?: string } | undefined> {
	if ('kept' in shown) return { paper: shown.paper, day: shown.kept.days[0] };
	const loaded = await workspace.loadPaper(shown.location);
	return loaded && { paper: loaded.paper, day: loaded.day ?? shown.location.file.digest.day };
}

/** Copies; resolves with what it said was copied (undefined: nothing was). `inCard`: the card says it aloud (its announcer). */
async function copyFromPaper(what: 'link' | 'title' | 'bibtex', shown: ShownPaper, workspace: IDigestWorkspace, inCard = false): Promise<string | undefined> {
	const { paper } = shown;
	let text: string | undefined;
	if (what === 'bibtex') {
		const loaded = await fullPaper(shown, workspace);
		if (!loaded) {
			void showWarningMessage(vscode.l10n.t('This paper ({0}) can no longer be read from its digest.', paper.id));
			return;
		}
		text = toBibtex(loaded.paper, { day: loaded.day });
	} else text = what === 'link' ? primaryLink(paper) : paper.title;
	if (!text) {
		void showInformationMessage(vscode.l10n.t('This paper has no link to copy.'));
		return;
	}
	await vscode.env.clipboard.writeText(text);
	const of = panelTitle(paper.title || paper.id);
	const copied = what === 'link' ? vscode.l10n.t('Copied link of {0}', of) : what === 'title' ? vscode.l10n.t('Copied title of {0}', of) : vscode.l10n.t('Copied BibTeX of {0}', of);
	confirmDone(`$(check) ${copied}`, 3000, inCard);
	return copied;
}

/**
 * The Papers view selects the row of the paper a card stepped to, when it is shown (see
 * REVEAL_STEPPED_PAPER_COMMAND); `keysInView`: the step was a key pressed in the view (SteppedPaper).
 */
function revealInPapersView(ref: CardRef, keysInView = false): void {
	const paper = steppedPaperOf(ref);
	if (paper) void vscode.commands.executeCommand(REVEAL_STEPPED_PAPER_COMMAND, keysInView ? { ...paper, keysInView } : paper);
}

export function registerCards(
	context: vscode.ExtensionContext,
	workspace: IDigestWorkspace,
	library?: CardLibrary,
	reading?: Reading,
	similar?: CardSimilarSource,
): vscode.Disposable & { readonly api: CardsTestApi } {
	renderStorage = context.globalStorageUri;
	const manager = new CardManager(context, workspace, library, reading, similar);

	/**
	 * Next Unread (Match, New): the next such paper after the card's, in this digest, then in older
	 * days; from the Papers view's keys (isPapersSelectionArgument), or after the reader selected a
	 * row there since the card last moved, from that row (after a paper, at a day's first paper). Each
	 * press goes on from the paper the one before showed, once it is shown (and so read): a press
	 * while a card still loaded went on from the paper asked for, which the next one then replaced
	 * before it showed, and that paper was skipped, left unread.
	 */
	let stepping: Promise<void> = Promise.resolve();
	const nextUnread = (kind: NextPaperKind, arg: unknown): Promise<void> => {
		const step = stepping.then(() => nextUnreadStep(kind, arg));
		stepping = step.catch(() => undefined);
		return step;
	};
	const nextUnreadStep = async (kind: NextPaperKind, arg: unknown): Promise<void> => {
		if (!reading) return;
		const { keywords, authors, categories } = reading.interests.spec;
		// excluded words alone make no match either
		if (kind === 'match' && keywords.length + authors.length + categories.length === 0) {
			// "No unread matches left" said nothing of why (a tester's): there is nothing to match yet
			const edit = vscode.l10n.t('Edit Interests…');
			// not waited for: the next press must not wait for the message to close
			void showInformationMessage(vscode.l10n.t('No interests set, so no paper matches: add keywords, authors or categories to follow.'), edit).then((choice) => {
				if (choice === edit) void vscode.commands.executeCommand('arxivDigest.editInterests');
			});
			return;
		}
		await workspace.ready;
		const card = manager.activeCard();
		// from where the reader was last: the Papers view's selection when its key passed it, or the
		// reader chose it there after the card last moved (from the palette too), else the card's paper
		const from = (await selectedWalkStart(isPapersSelectionArgument(arg) ? undefined : (card ? manager.movedAt : 0))) ?? card?.currentRef;
		const ref = nextUnreadRef(workspace.files(), from, reading, kind);
		if (!ref) {
			const none = kind === 'match' ? vscode.l10n.t('No unread matches left.') : kind === 'new' ? vscode.l10n.t('No new papers left.') : vscode.l10n.t('No unread papers left.');
			void showInformationMessage(none);
			return;
		}
		if (card) card.show(ref);
		// pressed in the Papers view with a card open: the keys stay in the view, on the paper shown (a new
		// card takes them itself)
		revealInPapersView(ref, card !== undefined && isPapersSelectionArgument(arg));
		await (card ?? manager.open(ref, false)).shown();
	};

	const openFromArgument = async (arg: unknown, editNote = false): Promise<void> => {
		// Ctrl+Alt+O in the Papers view: its selected row, not the paper of the card or editor in front
		const ref = cardRefFromArgument(arg) ?? (isPapersSelectionArgument(arg) ? await selectedPaper() : await currentPaper(workspace));
		if (!ref) return;
		// before the first scan only open editors are known; a tree or search ref may need the index
		if ('missing' in manager.locate(ref)) await workspace.ready;
		// Edit Note takes the keyboard focus to the card, where the reader types; so does Enter in the Papers view
		const card = manager.open(ref, !editNote && !cardTakesFocus(arg), editNote);
		// asked to take the keys (Enter in the Papers view, a search result): done once the card has them
		// (the Papers view holds its own redraws until then)
		if (cardTakesFocus(arg) && !(await card.untilKeys(KEYS_WAIT_MS))) {
			// the workbench focused the card's frame but not its page (seen once, in a UI test under load)
			getLog().debug(`Card: opened to take the keys, it did not have them ${KEYS_WAIT_MS} ms later`);
		}
	};

	const openById = async (): Promise<void> => {
		// an arXiv id under the cursor of the active editor (notes, LaTeX, code) is offered, selected
		const editor = vscode.window.activeTextEditor;
		const mention = editor && arxivMentionAtCursor(editor);
		const input = await showInputBox({
			value: mention?.id,
			title: vscode.l10n.t('Open Paper Card'),
			prompt: vscode.l10n.t('arXiv id or link of a paper listed in the digests of this workspace'),
			placeHolder: vscode.l10n.t('e.g. 2602.04994, arXiv:2602.04994v2, hep-th/9901001 or https://arxiv.org/abs/2602.04994'),
			ignoreFocusOut: true,
			validateInput: (value) => (value.trim() === '' || parseArxivIdInput(value) ? undefined : vscode.l10n.t('Not an arXiv id: expected something like 2602.04994 or an arxiv.org link')),
		});
		const id = input === undefined ? undefined : parseArxivIdInput(input);
		if (!id) return;
		await workspace.ready;
		const location = workspace.findPaper(id)[0];
		if (location) {
			manager.open({ uri: location.file.uri.toString(), id: location.paper.id, index: location.index }, false);
			return;
		}
		const choice = await showInformationMessage(vscode.l10n.t('arXiv:{0} is not listed in any digest in this workspace.', id), vscode.l10n.t('Open on arXiv'));
		if (choice) await vscode.env.openExternal(vscode.Uri.parse(`https://arxiv.org/abs/${id}`, true));
	};

	const copyBibtex = async (arg: unknown, all?: unknown): Promise<void> => {
		// several papers selected in the tree: one .bib text for all of them (the export feature's)
		if (Array.isArray(all) && all.length > 1) {
			await vscode.commands.executeCommand('arxivDigest.copyBibtexSelection', arg, all);
			return;
		}
		const ref = cardRefFromArgument(arg) ?? (await currentPaper(workspace));
		if (!ref) return;
		const found = manager.locate(ref);
		const kept = 'missing' in found ? library?.kept?.(ref.id) : undefined;
		if ('location' in found) await copyFromPaper('bibtex', { paper: found.location.paper, location: found.location }, workspace);
		else if (kept) await copyFromPaper('bibtex', { paper: paperOfKept(kept), kept }, workspace);
		else void showWarningMessage(found.missing);
	};

	const serializer: vscode.WebviewPanelSerializer = {
		async deserializeWebviewPanel(panel: vscode.WebviewPanel, rawState: unknown): Promise<void> {
			const card = manager.adopt(panel);
			await workspace.ready;
			// a CodeLens, the tree or search may have shown a paper in this card while the scan ran:
			// the newer paper stays (restoring over it made the first "Open card" click look lost)
			if (card.currentRef || card.isDisposed) return;
			const state = parseCardState(rawState);
			if (!state) {
				card.showMessage(vscode.l10n.t('This paper card could not be restored: it did not record which paper it showed. Open the card again from a digest.'));
				return;
			}
			card.show({ uri: state.uri || undefined, id: state.id }, state.scrollY);
		},
	};

	const disposables: vscode.Disposable[] = [
		vscode.commands.registerCommand('arxivDigest.openCard', (arg: unknown) => openFromArgument(arg)),
		vscode.commands.registerCommand(EDIT_NOTE_IN_CARD_COMMAND, (arg: unknown) => openFromArgument(arg, true)),
		vscode.commands.registerCommand('arxivDigest.openCardById', openById),
		vscode.commands.registerCommand('arxivDigest.card.next', () => manager.activeCard()?.step(1)),
		vscode.commands.registerCommand('arxivDigest.card.previous', () => manager.activeCard()?.step(-1)),
		vscode.commands.registerCommand('arxivDigest.card.random', () => manager.showRandom(manager.activeCard())),
		vscode.commands.registerCommand('arxivDigest.copyBibtex', copyBibtex),
		vscode.commands.registerCommand('arxivDigest.nextUnread', (arg?: unknown) => nextUnread('unread', arg)),
		vscode.commands.registerCommand('arxivDigest.nextUnreadMatch', (arg?: unknown) => nextUnread('match', arg)),
		vscode.commands.registerCommand('arxivDigest.nextNew', (arg?: unknown) => nextUnread('new', arg)),
		// the paper of the focused card, for commands run from a card's title menu
		vscode.commands.registerCommand(CURRENT_CARD_COMMAND, () => manager.cardInFront()?.currentRef),
		vscode.commands.registerCommand(CARD_KEYS_BACK_COMMAND, () => manager.activeCard()?.askKeysAgain()),
		vscode.window.registerWebviewPanelSerializer(CARD_VIEW_TYPE, serializer),
		manager,
	];

	const api: CardsTestApi = {
		current() {
			const ref = manager.activeCard()?.currentRef;
			if (!ref) return undefined;
			const found = manager.locate(ref);
			if (!('location' in found)) return undefined;
			return { id: found.location.paper.id, uri: found.location.file.uri.toString(), title: found.location.paper.title };
		},
		panelCount: () => manager.panelCount(),
		renderedHtml: () => manager.activeCard()?.body,
		similarShown: () => manager.activeCard()?.similarShown,
		async receive(message: unknown) {
			const parsed = parseWebviewMessage(message);
			const card = manager.activeCard();
			if (parsed && card) await card.handle(parsed);
		},
	};

	return {
		api,
		dispose() {
			for (const d of disposables) d.dispose();
		},
	};
}
