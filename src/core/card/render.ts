/**
 * Pure HTML for paper cards: the card body (renderCardHtml) and the webview document around it
 * (buildCardDocument). vscode-free; every piece of digest text goes through markdown-it with
 * `html: false` or through escapeHtml.
 */
import type MarkdownIt from 'markdown-it';
import type { Paper, SummaryField } from '../model';
import { cardMarkdown, escapeHtml, highlightPattern, type CardRenderEnv } from './markdown';
import { paperLinks } from './links';
import { NOTE_INPUT_ID } from './protocol';

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
	/** words a search matched, marked wherever the card shows them in text */
	highlight?: readonly string[];
	/** the reader's star, collections, tags and note; no library controls without it */
	library?: CardLibraryState;
	/** the reader's interest keywords as one global pattern (see core/interests), marked apart from search hits */
	interests?: RegExp;
}

export interface CardLibraryState {
	starred: boolean;
	collections: readonly string[];
	tags: readonly string[];
	/** Markdown; '' when there is none */
	note: string;
}


export interface CardRenderOptions {
	/** defaults to the shared card instance (html: false, KaTeX) */
	markdown?: MarkdownIt;
	/** whether Random can go anywhere (more than one paper in the workspace) */
	canRandom?: boolean;
	/** author buttons run a search when the search feature is there; otherwise they are plain text */
	canSearchAuthors?: boolean;
}

/** Section order of the card: the TL;DR callout comes first, then these, then the extra fields in file order. */
export const CARD_SECTIONS: readonly { field: Exclude<SummaryField, 'tldr'>; label: string }[] = [
	{ field: 'motivation', label: 'Motivation' },
	{ field: 'method', label: 'Method' },
	{ field: 'result', label: 'Result' },
	{ field: 'conclusion', label: 'Conclusion' },
	{ field: 'abstract', label: 'Abstract' },
];

export { escapeHtml };

function button(action: string, label: string, attrs: Record<string, string | undefined> = {}, disabled = false): string {
	const extra = Object.entries(attrs)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
		.join('');
	return `<button type="button" class="action" data-action="${action}"${extra}${disabled ? ' disabled' : ''}>${label}</button>`;
}

function section(className: string, heading: string, bodyHtml: string): string {
	return `<section class="field ${className}"><h2>${heading}</h2><div class="field-body">${bodyHtml}</div></section>`;
}

function hasText(value: string | undefined): value is string {
	return value !== undefined && value.trim().length > 0;
}

function renderAuthors(authors: readonly string[], canSearch: boolean): string {
	const names = authors.map((a) => a.trim()).filter((a) => a.length > 0);
	if (names.length === 0) return '<p class="authors authors-unknown">Authors not listed</p>';
	const items = names.map((name) => {
		const inner = canSearch
			? button('searchAuthor', escapeHtml(name), { 'data-author': name, title: `Search papers by ${name}` })
			: `<span class="author-name">${escapeHtml(name)}</span>`;
		return `<li>${inner}</li>`;
	});
	return `<ul class="authors" aria-label="Authors">${items.join('')}</ul>`;
}

function renderMeta(input: CardInput): string {
	const { paper } = input;
	const rows: [string, string][] = [];
	const category = paper.category?.trim();
	if (category) rows.push(['Main category', `<span class="badge">${escapeHtml(category)}</span>`]);
	if (paper.section.trim() && paper.section.trim() !== category) rows.push([category ? 'Listed under' : 'Category', `<span class="badge">${escapeHtml(paper.section.trim())}</span>`]);
	const appearances = input.appearances && input.appearances.length > 0 ? input.appearances : [{ label: input.fileLabel, current: true }];
	const days = appearances.map((a) => (a.current ? `<strong class="day current" title="shown from this digest">${escapeHtml(a.label)}</strong>` : `<span class="day">${escapeHtml(a.label)}</span>`));
	rows.push(['Listed in', days.join('<span class="sep" aria-hidden="true"> · </span>')]);
	if (paper.isArxiv) rows.push(['arXiv', `<code>${escapeHtml(paper.id + (paper.version ?? ''))}</code>`]);
	// the heading number only adds something when the digest numbers per category or out of order
	const numbered = paper.number !== undefined && paper.number !== input.index + 1 ? ` (numbered [${paper.number}])` : '';
	rows.push(['In this digest', `${input.index + 1} of ${input.total}${numbered}`]);
	return `<dl class="meta">${rows.map(([term, value]) => `<div class="meta-row"><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

function renderLinks(paper: Paper): string {
	const links = paperLinks(paper);
	const items: string[] = [];
	if (links.abs) items.push(button('openExternal', 'Abstract page', { 'data-kind': 'abs', title: links.abs }));
	if (links.pdf) items.push(button('openExternal', 'PDF', { 'data-kind': 'pdf', title: links.pdf }));
	if (links.html) items.push(button('openExternal', 'HTML', { 'data-kind': 'html', title: links.html }));
	if (links.original) items.push(button('openExternal', 'Open link', { 'data-kind': 'original', title: links.original }));
	const copies = [
		links.abs || links.original ? button('copy', 'Copy Link', { 'data-what': 'link' }) : '',
		button('copy', 'Copy Title', { 'data-what': 'title' }),
		button('copy', 'Copy BibTeX', { 'data-what': 'bibtex' }),
	].join('');
	const linkGroup = items.length > 0 ? `<div class="group" role="group" aria-label="Open">${items.join('')}</div>` : '';
	return `<div class="links">${linkGroup}<div class="group" role="group" aria-label="Copy">${copies}</div></div>`;
}

function renderToolbar(input: CardInput, options: CardRenderOptions): string {
	const atFirst = input.index <= 0;
	const atLast = input.index >= input.total - 1;
	return (
		`<nav class="toolbar" aria-label="Paper navigation">` +
		button('previous', '<span aria-hidden="true">←</span> Previous', { title: 'Previous paper in this digest (←)', 'aria-keyshortcuts': 'ArrowLeft' }, atFirst) +
		button('next', 'Next <span aria-hidden="true">→</span>', { title: 'Next paper in this digest (→)', 'aria-keyshortcuts': 'ArrowRight' }, atLast) +
		button('random', 'Random', { title: 'A random paper from the workspace' }, options.canRandom === false) +
		button('revealSource', 'Reveal in Source', { title: `Open ${input.fileLabel} at this paper` }) +
		(input.library
			? button('toggleStar', input.library.starred ? '<span aria-hidden="true">★</span> Starred' : '<span aria-hidden="true">☆</span> Star', {
					title: input.library.starred ? 'Remove from Starred' : 'Add to Starred',
					'aria-pressed': String(input.library.starred),
				})
			: '') +
		`</nav>`
	);
}

/** Collections and tags as chips with their edit buttons, then the note (rendered) and its editor. */
function renderLibrary(state: CardLibraryState, md: { render(src: string): string }): string {
	const chips = (items: readonly string[], prefix: string) => items.map((i) => `<span class="badge">${escapeHtml(prefix + i)}</span>`).join(' ');
	const shelf =
		`<div class="library-row"><span class="library-label">Collections</span> ${chips(state.collections, '') || '<span class="muted">none</span>'} ` +
		button('editCollections', 'Add to Collection…', { title: 'Add this paper to a collection' }) +
		`</div><div class="library-row"><span class="library-label">Tags</span> ${chips(state.tags, '#') || '<span class="muted">none</span>'} ` +
		button('editTags', 'Edit Tags…', { title: 'Tags, searchable with tag:name' }) +
		'</div>';
	const shown = state.note.trim() ? `<div class="note-body">${md.render(state.note)}</div>` : '';
	const editor =
		`<textarea id="${NOTE_INPUT_ID}" rows="${state.note.trim() ? 6 : 3}" aria-label="Your note (Markdown)" placeholder="Your note on this paper (Markdown; searchable; Ctrl+Enter saves)">${escapeHtml(state.note)}</textarea>` +
		`<div class="note-actions">${button('saveNote', 'Save Note', { title: 'Save the note (Ctrl+Enter)' })}</div>`;
	return `<section class="field library" aria-label="Your library">${shelf}<h2>Your note</h2><div class="field-body">${shown}${editor}</div></section>`;
}

/** The card body for one paper. Pure: the same input always gives the same HTML. */
export function renderCardHtml(input: CardInput, options: CardRenderOptions = {}): string {
	const markdown = options.markdown ?? cardMarkdown();
	const env: CardRenderEnv = { highlight: highlightPattern(input.highlight), interests: input.interests };
	const md = { render: (src: string) => markdown.render(src, env), renderInline: (src: string) => markdown.renderInline(src, env) };
	const { paper } = input;
	const parts: string[] = [];
	parts.push(`<article class="card" data-paper-id="${escapeHtml(paper.id)}">`);
	parts.push(renderToolbar(input, options));
	parts.push('<header class="card-header">');
	const title = hasText(paper.title) ? md.renderInline(paper.title.trim()) : escapeHtml(paper.id);
	parts.push(`<h1 class="title">${title}</h1>`);
	if (hasText(paper.translatedTitle)) parts.push(`<p class="translated-title">${md.renderInline(paper.translatedTitle.trim())}</p>`);
	parts.push(renderAuthors(paper.authors, options.canSearchAuthors !== false));
	parts.push(renderMeta(input));
	parts.push(renderLinks(paper));
	parts.push('</header>');
	if (input.library) parts.push(renderLibrary(input.library, md));
	if (hasText(paper.tldr)) {
		parts.push(`<aside class="tldr" aria-label="TL;DR"><h2>TL;DR</h2><div class="field-body">${md.render(paper.tldr.trim())}</div></aside>`);
	}
	for (const { field, label } of CARD_SECTIONS) {
		const value = paper[field];
		// a template that writes only a translated abstract: say so, the original is not there
		const shown = field === 'abstract' && paper.abstractTranslated ? 'Abstract (translation)' : label;
		if (hasText(value)) parts.push(section(`field-${field}`, shown, md.render(value.trim())));
	}
	if (hasText(paper.abstractTranslation)) {
		parts.push(section('field-abstractTranslation', 'Abstract translation', md.render(paper.abstractTranslation.trim())));
	}
	for (const extra of paper.extra) {
		if (!hasText(extra.value)) continue;
		const label = extra.label.trim() || 'Notes';
		parts.push(section('field-extra', escapeHtml(label), md.render(extra.value.trim())));
	}
	const empty = !CARD_SECTIONS.some(({ field }) => hasText(paper[field])) && !hasText(paper.tldr) && !hasText(paper.abstractTranslation);
	if (empty && !paper.extra.some((e) => hasText(e.value))) {
		parts.push('<p class="empty">The digest has no summary or abstract for this paper.</p>');
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
}

/** The whole webview document: strict CSP, styles and fonts only from the extension, one nonce'd script. */
export function buildCardDocument(options: CardDocumentOptions): string {
	const { cspSource, nonce } = options;
	if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('card nonce must be at least 16 base64 characters');
	// No 'unsafe-inline' for styles: KaTeX's inline styles travel as data attributes and are applied
	// through the CSSOM by the nonce'd script (see KATEX_STYLE_ATTRIBUTE).
	const csp = [
		"default-src 'none'",
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`img-src ${cspSource} data:`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
	const styles = options.styleUris.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>arXiv Digest paper card</title>
</head>
<body>
<main id="card" tabindex="-1">${options.body ?? '<p class="loading" role="status">Loading paper…</p>'}</main>
<script nonce="${escapeHtml(nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
