/**
 * Pure HTML for paper cards: the card body (renderCardHtml) and the webview document around it
 * (buildCardDocument). vscode-free; every piece of digest text goes through markdown-it with
 * `html: false` or through escapeHtml.
 */
import type MarkdownIt from 'markdown-it';
import type { Paper, SummaryField } from '../model';
import { escapeHtml } from '../html';
import { cardMarkdown, highlightPattern, type CardRenderEnv } from './markdown';
import { paperLinks } from './links';
import { CARD_ANNOUNCER_ID, NOTE_INPUT_ID, NOTE_STATUS_ID } from './protocol';
import { MAX_NOTE_LENGTH } from '../library/model';
import { webviewHead } from '../webviewCsp';
import type { InterestMatch } from '../interests';

export interface CardAppearance {
	/** the digest's label (its day, else the file stem) */
	label: string;
	/** true for the digest the card shows the paper from */
	current: boolean;
}

export interface CardInput {
	paper: Paper;
	/** label of the digest the paper is shown from */
	fileLabel: string;
	/** every digest that lists the paper, newest first; defaults to just fileLabel */
	appearances?: readonly CardAppearance[];
	/** index of the paper in its digest and the digest's paper count, for Previous / Next */
	index: number;
	total: number;
	/**
	 * the labels of the digests Previous (the newer day's last paper) and Next (the older day's first)
	 * go to from the first and the last paper of this one; none: those buttons end there
	 */
	previousDigest?: string;
	nextDigest?: string;
	/** words a search matched, marked wherever the card shows them in text */
	highlight?: readonly string[];
	/** the reader's star, collections, tags and note; no library controls without it */
	library?: CardLibraryState;
	/** the reader's interest keywords as global patterns (core/interests' highlightFor), marked apart from search hits */
	interests?: readonly RegExp[];
	/** what of the reader's interests the paper matches, or the excluded keyword that dims it (the Papers view's match) */
	interestMatch?: InterestMatch;
	/**
	 * the sentence saying the paper is shown as the library kept it, no digest of the workspace listing
	 * it now: the card then has no place in a digest and no Reveal Source
	 */
	gone?: string;
}

export interface CardLibraryState {
	starred: boolean;
	collections: readonly string[];
	tags: readonly string[];
	/** Markdown; '' when there is none */
	note: string;
}


/**
 * Every word the card shows that is not digest text. The extension passes them in the reader's
 * display language (features/cards builds them with vscode.l10n.t); core, tests and the CLI use
 * CARD_STRINGS_EN. Every text is escaped where it goes into the HTML, translations too.
 */
export interface CardStrings {
	motivation: string;
	method: string;
	result: string;
	conclusion: string;
	abstract: string;
	abstractTranslated: string;
	abstractTranslation: string;
	/** the heading of digest text the parser could not place under a field (see Parser.keepAsNote) */
	otherText: string;
	tldr: string;
	empty: string;
	authorsUnknown: string;
	authors: string;
	searchAuthor: (name: string) => string;
	/** the control that shows the authors a long list leaves out: `… and 3,290 more` (the count formatted for the reader) */
	moreAuthors: (hidden: number) => string;
	/** its tooltip: `Show all 3,310 authors` */
	showAllAuthors: (total: number) => string;
	mainCategory: string;
	listedUnder: string;
	category: string;
	listedIn: string;
	shownFrom: string;
	inThisDigest: string;
	position: (n: number, total: number) => string;
	/** the position with the digest it counts in (`3 of 309 in 2026-06-05`), for a paper more than one digest lists */
	positionIn: (n: number, total: number, digest: string) => string;
	numbered: (n: number) => string;
	abstractPage: string;
	openLink: string;
	copyLink: string;
	copyTitle: string;
	copyBibtex: string;
	open: string;
	copy: string;
	navigation: string;
	previous: string;
	previousTitle: string;
	next: string;
	nextTitle: string;
	previousDigestTitle: (digest: string) => string;
	nextDigestTitle: (digest: string) => string;
	random: string;
	randomTitle: string;
	revealSource: string;
	revealSourceTitle: (file: string) => string;
	starred: string;
	star: string;
	unstarTitle: string;
	starTitle: string;
	collections: string;
	tags: string;
	none: string;
	addToCollection: string;
	addToCollectionTitle: string;
	editTags: string;
	editTagsTitle: string;
	noteLabel: string;
	notePlaceholder: string;
	saveNote: string;
	saveNoteTitle: string;
	/** the note box's state beside Save Note (see NoteStatus): typed and not stored yet, stored, or why autosave left it */
	noteUnsaved: string;
	noteSaved: string;
	noteEmpty: string;
	noteConflict: string;
	noteTooLong: (max: number) => string;
	yourLibrary: string;
	yourNote: string;
	/**
	 * the line under the meta block that says why a paper is (or is not) a match, `list` its words by
	 * kind: `Matches your interests: keyword tracking, author Zhiguo Ding`; when an excluded keyword
	 * appears, `Excluded by your interests: keyword survey`, then what it would match otherwise
	 */
	interestsMatch: (list: string) => string;
	interestsExcluded: (term: string) => string;
	interestsOtherwise: (list: string) => string;
	/** what each matched word is */
	interestKeyword: string;
	interestAuthor: string;
	interestCategory: string;
	/** between the words of the line (`, `; `、` in Chinese) */
	interestSeparator: string;
	/** the webview document: its language (`en`, `zh-cn`), title and the text before the first card */
	lang: string;
	documentTitle: string;
	loading: string;
}

export const CARD_STRINGS_EN: CardStrings = {
	motivation: 'Motivation',
	method: 'Method',
	result: 'Result',
	conclusion: 'Conclusion',
	abstract: 'Abstract',
	abstractTranslated: 'Abstract (translation)',
	abstractTranslation: 'Abstract translation',
	otherText: 'Other text in the digest',
	tldr: 'TL;DR',
	empty: 'The digest has no summary or abstract for this paper.',
	authorsUnknown: 'Authors not listed',
	authors: 'Authors',
	searchAuthor: (name) => `Search papers by ${name}`,
	moreAuthors: (hidden) => `… and ${hidden.toLocaleString('en')} more`,
	showAllAuthors: (total) => `Show all ${total.toLocaleString('en')} authors`,
	mainCategory: 'Main category',
	listedUnder: 'Listed under',
	category: 'Category',
	listedIn: 'Listed in',
	shownFrom: 'shown from this digest',
	inThisDigest: 'In this digest',
	position: (n, total) => `${n} of ${total}`,
	positionIn: (n, total, digest) => `${n} of ${total} in ${digest}`,
	numbered: (n) => ` (numbered [${n}])`,
	abstractPage: 'Abstract page',
	openLink: 'Open link',
	copyLink: 'Copy Link',
	copyTitle: 'Copy Title',
	copyBibtex: 'Copy BibTeX',
	open: 'Open',
	copy: 'Copy',
	navigation: 'Paper navigation',
	previous: 'Previous',
	previousTitle: 'Previous paper in this digest (←)',
	next: 'Next',
	nextTitle: 'Next paper in this digest (→)',
	previousDigestTitle: (digest) => `The last paper of ${digest} (←)`,
	nextDigestTitle: (digest) => `The first paper of ${digest} (→)`,
	random: 'Random',
	randomTitle: 'A random paper from the workspace',
	revealSource: 'Reveal in Source',
	revealSourceTitle: (file) => `Open ${file} at this paper`,
	starred: 'Starred',
	star: 'Star',
	unstarTitle: 'Remove from Starred (S)',
	starTitle: 'Add to Starred (S)',
	collections: 'Collections',
	tags: 'Tags',
	none: 'none',
	addToCollection: 'Add to Collection…',
	addToCollectionTitle: 'Add this paper to a collection',
	editTags: 'Edit Tags…',
	editTagsTitle: 'Tags, searchable with tag:name',
	noteLabel: 'Your note (Markdown)',
	notePlaceholder: 'Your note on this paper (Markdown; searchable; saved as you type)',
	saveNote: 'Save Note',
	saveNoteTitle: 'Save the note now (Ctrl+Enter); with the box empty, delete it',
	noteUnsaved: 'Not saved yet',
	noteSaved: 'Saved',
	noteEmpty: 'The box is empty: the note is kept until you press Save Note, which deletes it.',
	noteConflict: 'Not saved: this note was changed elsewhere meanwhile. Save Note replaces it with yours.',
	noteTooLong: (max) => `Not saved: a note has at most ${max.toLocaleString('en')} characters.`,
	yourLibrary: 'Your library',
	yourNote: 'Your note',
	interestsMatch: (list) => `Matches your interests: ${list}`,
	interestsExcluded: (term) => `Excluded by your interests: ${term}`,
	interestsOtherwise: (list) => `It would match otherwise: ${list}`,
	interestKeyword: 'keyword',
	interestAuthor: 'author',
	interestCategory: 'category',
	interestSeparator: ', ',
	lang: 'en',
	documentTitle: 'arXiv Digest paper card',
	loading: 'Loading paper…',
};

export interface CardRenderOptions {
	/** defaults to the shared card instance (html: false, KaTeX) */
	markdown?: MarkdownIt;
	/** the card's words in the reader's language; English by default */
	strings?: CardStrings;
	/** whether Random can go anywhere (more than one paper in the workspace) */
	canRandom?: boolean;
	/** author buttons run a search when the search feature is there; otherwise they are plain text */
	canSearchAuthors?: boolean;
}

/**
 * An extra field that tells a reader nothing about this paper: `Source: arxiv` (StringsLi writes it
 * on every paper of an arXiv digest, and a tester asked what it was for).
 */
function saysNothing(extra: { readonly label: string; readonly value: string }): boolean {
	return extra.label === 'Source' && /^\s*arxiv\s*$/i.test(extra.value);
}

/** Section order of the card: the TL;DR callout comes first, then these, then the extra fields in file order. */
export const CARD_SECTIONS: readonly Exclude<SummaryField, 'tldr'>[] = ['motivation', 'method', 'result', 'conclusion', 'abstract'];

export { escapeHtml };

function button(action: string, label: string, attrs: Record<string, string | undefined> = {}, disabled = false): string {
	const extra = Object.entries(attrs)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
		.join('');
	return `<button type="button" class="action" data-action="${action}"${extra}${disabled ? ' disabled' : ''}>${label}</button>`;
}

function section(className: string, heading: string, bodyHtml: string, lang = '', headingLang = ''): string {
	return `<section class="field ${className}"><h2${headingLang}>${heading}</h2><div class="field-body"${lang}>${bodyHtml}</div></section>`;
}

const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The language a piece of digest text is written in, by its script: `zh`, `ja` (kana), `ko` (Hangul),
 * `en` (Latin: arXiv's titles and abstracts), or undefined (no letters). A CJK character counts as
 * much as four Latin letters, so a Chinese summary full of English terms (`基于LoRA的FLUX.1 Kontext`)
 * stays Chinese and an English abstract quoting one Chinese word stays English.
 */
export function textLanguage(text: string): 'zh' | 'ja' | 'ko' | 'en' | undefined {
	const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
	const han = count(HAN);
	const kana = count(KANA);
	const hangul = count(HANGUL);
	const latin = count(LATIN);
	const cjk = han + kana + hangul;
	if (cjk > 0 && cjk * 4 >= latin) return hangul * 2 >= han + kana ? 'ko' : kana > 0 ? 'ja' : 'zh';
	return latin > 0 ? 'en' : undefined;
}

/**
 * ` lang="…"` for digest text in another language than the card's (the summaries are mostly
 * Chinese, the card's words in the display language): a screen reader then reads each in its own
 * voice instead of spelling Chinese with an English one. '' when they agree or it cannot tell.
 */
export function langAttribute(text: string, documentLang: string): string {
	const lang = textLanguage(text);
	return lang && lang !== documentLang.toLowerCase().split('-')[0] ? ` lang="${lang}"` : '';
}

function hasText(value: string | undefined): value is string {
	return value !== undefined && value.trim().length > 0;
}

/**
 * A list longer than this shows its first AUTHORS_SHOWN names and a control for the rest: a
 * collaboration's paper (Gemini 2.5: 3,310 authors) otherwise put the TL;DR and the abstract 11,000
 * pixels down. Up to this many, every name: "… and 2 more" would save nothing.
 */
export const AUTHORS_COLLAPSED_OVER = 30;
export const AUTHORS_SHOWN = 20;
/** id of the card's author list, which the "… and N more" control expands in place (the card script) */
export const AUTHORS_LIST_ID = 'card-authors';

/** `followed`: the names (as the paper writes them) of authors the reader follows, marked as interests are */
function renderAuthors(authors: readonly string[], canSearch: boolean, t: CardStrings, followed: readonly string[] = []): string {
	const names = authors.map((a) => a.trim()).filter((a) => a.length > 0);
	if (names.length === 0) return `<p class="authors authors-unknown">${escapeHtml(t.authorsUnknown)}</p>`;
	const shown = names.length > AUTHORS_COLLAPSED_OVER ? AUTHORS_SHOWN : names.length;
	const marked = new Set(followed.map((name) => name.trim()));
	// buttons: one Tab stop, the arrows go from name to name (the card script moves the tabindex 0)
	const item = canSearch ? ' role="none"' : '';
	const items = names.map((name, i) => {
		const label = marked.has(name) ? `<mark class="interest">${escapeHtml(name)}</mark>` : escapeHtml(name);
		const inner = canSearch
			? button('searchAuthor', label, { 'data-author': name, title: t.searchAuthor(name), tabindex: i === 0 ? '0' : '-1' })
			: `<span class="author-name">${label}</span>`;
		// the rest are in the list already, hidden: the card script shows them without asking the extension
		return i < shown ? `<li${item}>${inner}</li>` : `<li class="author-more"${item} hidden>${inner}</li>`;
	});
	if (shown < names.length) {
		// a Tab stop of its own: it is no name, and a reader tabbing by would not find it behind the arrows
		items.push(
			`<li class="authors-more"${item}>${button('showAllAuthors', escapeHtml(t.moreAuthors(names.length - shown)), { title: t.showAllAuthors(names.length), 'aria-controls': AUTHORS_LIST_ID })}</li>`,
		);
	}
	const id = shown < names.length ? ` id="${AUTHORS_LIST_ID}"` : '';
	const role = canSearch ? ' role="toolbar"' : '';
	return `<ul class="authors"${id}${role} aria-label="${escapeHtml(t.authors)}">${items.join('')}</ul>`;
}

function renderMeta(input: CardInput, t: CardStrings): string {
	const { paper } = input;
	const rows: [string, string][] = [];
	const category = paper.category?.trim();
	// a fork's own category names are often Chinese (数值计算与科学计算): read in their own voice
	const badge = (text: string) => `<span class="badge"${langAttribute(text, t.lang)}>${escapeHtml(text)}</span>`;
	if (category) rows.push([t.mainCategory, badge(category)]);
	if (paper.section.trim() && paper.section.trim() !== category) rows.push([category ? t.listedUnder : t.category, badge(paper.section.trim())]);
	const appearances = input.appearances && input.appearances.length > 0 ? input.appearances : [{ label: input.fileLabel, current: true }];
	const days = appearances.map((a) => (a.current ? `<strong class="day current" title="${escapeHtml(t.shownFrom)}">${escapeHtml(a.label)}</strong>` : `<span class="day">${escapeHtml(a.label)}</span>`));
	rows.push([t.listedIn, days.join('<span class="sep" aria-hidden="true"> · </span>')]);
	if (paper.isArxiv) rows.push(['arXiv', `<code>${escapeHtml(paper.id + (paper.version ?? ''))}</code>`]);
	// the heading number only adds something when the digest numbers per category or out of order
	const numbered = paper.number !== undefined && paper.number !== input.index + 1 ? escapeHtml(t.numbered(paper.number)) : '';
	// listed on several days, the position is in the one shown from: say which
	const position = appearances.length > 1 ? t.positionIn(input.index + 1, input.total, input.fileLabel) : t.position(input.index + 1, input.total);
	if (input.gone === undefined) rows.push([t.inThisDigest, `${escapeHtml(position)}${numbered}`]);
	return `<dl class="meta">${rows.map(([term, value]) => `<div class="meta-row"><dt>${escapeHtml(term)}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

/** where a translated sentence takes HTML: a character neither text nor escapeHtml produces */
const SLOT = '\u0000';

/**
 * Why the paper is a match, by kind (`keyword tracking, author Zhiguo Ding, category cs.GR`), or the
 * excluded keyword that keeps it from being one; '' when the reader's interests say nothing of it.
 */
function renderInterestMatch(match: InterestMatch | undefined, t: CardStrings): string {
	if (!match) return '';
	const authors = new Set(match.authors);
	const item = (kind: string, word: string) => `<span class="interest-kind">${escapeHtml(kind)}</span> <mark class="interest">${escapeHtml(word)}</mark>`;
	const words = match.words.map((word) => item(authors.has(word) ? t.interestAuthor : word === match.category ? t.interestCategory : t.interestKeyword, word));
	// the sentence is the reader's language's, escaped; the list goes in where its placeholder came out
	const line = (className: string, sign: string, sentence: (slot: string) => string, itemsHtml: string) =>
		`<p class="interest-match ${className}"><span aria-hidden="true">${sign}</span> ${escapeHtml(sentence(SLOT)).replace(SLOT, () => itemsHtml)}</p>`;
	const list = words.join(escapeHtml(t.interestSeparator));
	if (!match.excluded) return words.length > 0 ? line('interest-matched', '✦', t.interestsMatch, list) : '';
	const excluded = line('interest-excluded', '⊘', t.interestsExcluded, match.excludedBy === undefined ? '' : item(t.interestKeyword, match.excludedBy));
	return words.length > 0 ? excluded + line('interest-otherwise', '✦', t.interestsOtherwise, list) : excluded;
}

function renderLinks(paper: Paper, t: CardStrings): string {
	const links = paperLinks(paper);
	const items: string[] = [];
	// the primary link (an abstract page, else the digest's own link) opens with `o` too (CARD_KEYS)
	if (links.abs) items.push(button('openExternal', escapeHtml(t.abstractPage), { 'data-kind': 'abs', title: `${links.abs} (O)`, 'aria-keyshortcuts': 'O' }));
	if (links.pdf) items.push(button('openExternal', 'PDF', { 'data-kind': 'pdf', title: links.pdf }));
	if (links.html) items.push(button('openExternal', 'HTML', { 'data-kind': 'html', title: links.html }));
	if (links.original) items.push(button('openExternal', escapeHtml(t.openLink), { 'data-kind': 'original', title: `${links.original} (O)`, 'aria-keyshortcuts': 'O' }));
	const copies = [
		links.abs || links.original ? button('copy', escapeHtml(t.copyLink), { 'data-what': 'link' }) : '',
		button('copy', escapeHtml(t.copyTitle), { 'data-what': 'title' }),
		button('copy', escapeHtml(t.copyBibtex), { 'data-what': 'bibtex' }),
	].join('');
	const linkGroup = items.length > 0 ? `<div class="group" role="group" aria-label="${escapeHtml(t.open)}">${items.join('')}</div>` : '';
	return `<div class="links">${linkGroup}<div class="group" role="group" aria-label="${escapeHtml(t.copy)}">${copies}</div></div>`;
}

function renderToolbar(input: CardInput, options: CardRenderOptions, t: CardStrings): string {
	// at either end of the digest, Previous and Next go on to the next day's digest when there is one
	const atFirst = input.index <= 0;
	const atLast = input.index >= input.total - 1;
	const previousTitle = atFirst && input.previousDigest ? t.previousDigestTitle(input.previousDigest) : t.previousTitle;
	const nextTitle = atLast && input.nextDigest ? t.nextDigestTitle(input.nextDigest) : t.nextTitle;
	return (
		`<nav class="toolbar" aria-label="${escapeHtml(t.navigation)}">` +
		button('previous', `<span aria-hidden="true">←</span> ${escapeHtml(t.previous)}`, { title: previousTitle, 'aria-keyshortcuts': 'ArrowLeft' }, atFirst && !input.previousDigest) +
		button('next', `${escapeHtml(t.next)} <span aria-hidden="true">→</span>`, { title: nextTitle, 'aria-keyshortcuts': 'ArrowRight' }, atLast && !input.nextDigest) +
		button('random', escapeHtml(t.random), { title: t.randomTitle }, options.canRandom === false) +
		(input.gone === undefined ? button('revealSource', escapeHtml(t.revealSource), { title: t.revealSourceTitle(input.fileLabel) }) : '') +
		(input.library
			? button('toggleStar', input.library.starred ? `<span aria-hidden="true">★</span> ${escapeHtml(t.starred)}` : `<span aria-hidden="true">☆</span> ${escapeHtml(t.star)}`, {
					title: input.library.starred ? t.unstarTitle : t.starTitle,
					'aria-keyshortcuts': 'S',
					// the label says the state (Star / Starred) and the title what a press does: aria-pressed as
					// well made a screen reader say "Starred, toggle button, pressed"
					'data-starred': String(input.library.starred),
				})
			: '') +
		`</nav>`
	);
}

/** Collections and tags as chips with their edit buttons, then the note (rendered) and its editor. */
function renderLibrary(state: CardLibraryState, md: { render(src: string): string }, t: CardStrings): string {
	const chips = (items: readonly string[], prefix: string) => items.map((i) => `<span class="badge"${langAttribute(i, t.lang)}>${escapeHtml(prefix + i)}</span>`).join(' ');
	const shelf =
		`<div class="library-row"><span class="library-label">${escapeHtml(t.collections)}</span> ${chips(state.collections, '') || `<span class="muted">${escapeHtml(t.none)}</span>`} ` +
		button('editCollections', escapeHtml(t.addToCollection), { title: t.addToCollectionTitle }) +
		`</div><div class="library-row"><span class="library-label">${escapeHtml(t.tags)}</span> ${chips(state.tags, '#') || `<span class="muted">${escapeHtml(t.none)}</span>`} ` +
		button('editTags', escapeHtml(t.editTags), { title: t.editTagsTitle }) +
		'</div>';
	// the reader's own words, often Chinese in an English card
	const shown = state.note.trim() ? `<div class="note-body"${langAttribute(state.note, t.lang)}>${md.render(state.note)}</div>` : '';
	const editor =
		`<textarea id="${NOTE_INPUT_ID}" rows="${state.note.trim() ? 6 : 3}" aria-label="${escapeHtml(t.noteLabel)}" aria-describedby="${NOTE_STATUS_ID}" placeholder="${escapeHtml(t.notePlaceholder)}">${escapeHtml(state.note)}</textarea>` +
		`<div class="note-actions">${button('saveNote', escapeHtml(t.saveNote), { title: t.saveNoteTitle })}` +
		// the card script writes the box's state here (data-note-status) in the words given with it: the
		// box's description, not a live region (it changes as the reader types); the script says aloud
		// what Save Note did and a note not kept
		`<span id="${NOTE_STATUS_ID}" class="note-status" data-unsaved="${escapeHtml(t.noteUnsaved)}" data-saved="${escapeHtml(t.noteSaved)}" data-empty="${escapeHtml(t.noteEmpty)}" data-conflict="${escapeHtml(t.noteConflict)}" data-too-long="${escapeHtml(t.noteTooLong(MAX_NOTE_LENGTH))}"></span></div>`;
	return `<section class="field library" aria-label="${escapeHtml(t.yourLibrary)}">${shelf}<h2>${escapeHtml(t.yourNote)}</h2><div class="field-body">${shown}${editor}</div></section>`;
}

/** The card body for one paper. Pure: the same input always gives the same HTML. */
export function renderCardHtml(input: CardInput, options: CardRenderOptions = {}): string {
	const markdown = options.markdown ?? cardMarkdown();
	const t = options.strings ?? CARD_STRINGS_EN;
	const env: CardRenderEnv = { highlight: highlightPattern(input.highlight), interests: input.interests };
	const md = { render: (src: string) => markdown.render(src, env), renderInline: (src: string) => markdown.renderInline(src, env) };
	const { paper } = input;
	const parts: string[] = [];
	parts.push(`<article class="card" data-paper-id="${escapeHtml(paper.id)}">`);
	parts.push(renderToolbar(input, options, t));
	parts.push('<header class="card-header">');
	const title = hasText(paper.title) ? md.renderInline(paper.title.trim()) : escapeHtml(paper.id);
	const lang = (text: string) => langAttribute(text, t.lang);
	parts.push(`<h1 class="title"${hasText(paper.title) ? lang(paper.title) : ''}>${title}</h1>`);
	if (hasText(paper.translatedTitle)) parts.push(`<p class="translated-title"${lang(paper.translatedTitle)}>${md.renderInline(paper.translatedTitle.trim())}</p>`);
	parts.push(renderAuthors(paper.authors, options.canSearchAuthors !== false, t, input.interestMatch?.authors));
	if (input.gone !== undefined) parts.push(`<p class="gone" role="note"><span aria-hidden="true">⌂</span> ${escapeHtml(input.gone)}</p>`);
	parts.push(renderMeta(input, t));
	const why = renderInterestMatch(input.interestMatch, t);
	if (why) parts.push(why);
	parts.push(renderLinks(paper, t));
	parts.push('</header>');
	if (input.library) parts.push(renderLibrary(input.library, md, t));
	if (hasText(paper.tldr)) {
		parts.push(`<aside class="tldr" aria-label="${escapeHtml(t.tldr)}"><h2>${escapeHtml(t.tldr)}</h2><div class="field-body"${lang(paper.tldr)}>${md.render(paper.tldr.trim())}</div></aside>`);
	}
	for (const field of CARD_SECTIONS) {
		const value = paper[field];
		// a template that writes only a translated abstract: say so, the original is not there
		const shown = escapeHtml(field === 'abstract' && paper.abstractTranslated ? t.abstractTranslated : t[field]);
		if (hasText(value)) parts.push(section(`field-${field}`, shown, md.render(value.trim()), lang(value)));
	}
	if (hasText(paper.abstractTranslation)) {
		parts.push(section('field-abstractTranslation', escapeHtml(t.abstractTranslation), md.render(paper.abstractTranslation.trim()), lang(paper.abstractTranslation)));
	}
	for (const extra of paper.extra) {
		if (!hasText(extra.value) || saysNothing(extra)) continue;
		const label = extra.label.trim() || t.otherText;
		// a fork's own heading (与AI讨论) is how a screen reader moves through the card: in its own voice too
		parts.push(section('field-extra', escapeHtml(label), md.render(extra.value.trim()), lang(extra.value), lang(label)));
	}
	const empty = !CARD_SECTIONS.some((field) => hasText(paper[field])) && !hasText(paper.tldr) && !hasText(paper.abstractTranslation);
	if (empty && !paper.extra.some((e) => hasText(e.value))) {
		parts.push(`<p class="empty">${escapeHtml(t.empty)}</p>`);
	}
	parts.push('</article>');
	return parts.join('\n');
}

/** The message shown in place of a card whose paper is gone; plain text, escaped. */
export function renderMissingHtml(message: string): string {
	return `<div class="missing" role="status"><p>${escapeHtml(message)}</p></div>`;
}

export interface CardDocumentOptions {
	/** `webview.cspSource` */
	cspSource: string;
	/** fresh for every document: only the card script may run */
	nonce: string;
	/** `asWebviewUri` of dist/webview/card.js */
	scriptUri: string;
	/** `asWebviewUri` of media/katex/katex.min.css and media/card.css, in that order */
	styleUris: readonly string[];
	/** initial body; the script asks for the current card with `ready` anyway */
	body?: string;
	/** the document's language, title and loading text; English by default */
	strings?: Pick<CardStrings, 'lang' | 'documentTitle' | 'loading'>;
}

/** The whole webview document: strict CSP, styles and fonts only from the extension, one nonce'd script. */
export function buildCardDocument(options: CardDocumentOptions): string {
	const { cspSource, nonce } = options;
	const t = options.strings ?? CARD_STRINGS_EN;
	// No 'unsafe-inline' for styles: KaTeX's inline styles travel as data attributes and are applied
	// through the CSSOM by the nonce'd script (see KATEX_STYLE_ATTRIBUTE).
	return `${webviewHead({ lang: t.lang, cspSource, nonce, styleUris: options.styleUris, title: t.documentTitle })}
<body>
<main id="card" tabindex="-1">${options.body ?? `<p class="loading" role="status">${escapeHtml(t.loading)}</p>`}</main>
<div id="${CARD_ANNOUNCER_ID}" class="visually-hidden" role="status"></div>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
