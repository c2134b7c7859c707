/**
 * The markdown-it instance that renders untrusted digest text (titles, summaries, abstracts) for cards.
 * vscode-free: used by the card renderer in the extension host and by unit tests in plain Node.
 */
import { mathSpanEnd } from '../mathSpans';
import MarkdownIt from 'markdown-it';
import markdownItKatex from '@vscode/markdown-it-katex';
import { KATEX_STYLE_ATTRIBUTE } from './protocol';
import { CJK_SCRIPT, escapeRegExp, LATIN_WORD_END, LATIN_WORD_START } from '../parse/text';
import { escapeHtml } from '../html';
import { unionMatches } from '../unionMatches';
import { scientificEmphasis } from './emphasis';
import { texTextMarkup } from './texText';
import { cardLinkify } from './linkify';

export { KATEX_STYLE_ATTRIBUTE };

/** Schemes a link in digest text may point to; everything else (javascript:, vbscript:, data:, file:, command:) renders as text. */
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Exported for tests: is this link target allowed to become an anchor? */
export function isSafeLink(url: string): boolean {
	// An allow-list, not markdown-it's deny-list: obfuscated schemes (`java\tscript:`) simply do not match.
	return SAFE_LINK.test(url);
}

const KATEX_OPTIONS = {
	// trust stays off: \href, \url, \includegraphics and \htmlData cannot produce links or attributes
	trust: false,
	throwOnError: false,
	// Chinese text inside $…$ is common in summaries; KaTeX would warn on the console for each glyph
	strict: 'ignore',
	// bounds for hostile input such as \rule{1e6em}{1e6em} or runaway macro expansion
	maxSize: 10,
	maxExpand: 200,
} as const;

function moveInlineStyles(html: string): string {
	// KaTeX escapes `"` in text and annotations, so ` style="` only ever starts one of its own attributes.
	return html.replace(/ style="/g, ` ${KATEX_STYLE_ATTRIBUTE}="`);
}

/** What the card passes to markdown-it's render: the words to mark in text (not in math, code or links' targets). */
export interface CardRenderEnv {
	highlight?: RegExp;
	/** the reader's interest keywords (global patterns, see core/interests' highlightFor), marked with class "interest" where no search hit is */
	interests?: readonly RegExp[];
	/** math spans typeset so far for this card, and their TeX's characters (see MAX_MATH_SPANS) */
	mathSpans?: number;
	mathChars?: number;
}

/**
 * The most math spans one card typesets; the rest show as their TeX. The real 167 days have at most 32 in
 * a line; a digest's abstract of `$x$ ` × 100,000 (400 KB) made 40 MB of HTML in 5.6 s on the extension host
 * (a security review's), a KaTeX span being ~400 characters of HTML.
 */
export const MAX_MATH_SPANS = 256;
/**
 * The most TeX characters one card typesets, spans past it shown as their TeX: a few long spans make as much
 * HTML as many short ones (200 spans of `x^{2}` × 400: 40 MB in 4.2 s). The most in one line of the real 167 days is
 * 1,221.
 */
export const MAX_MATH_CHARS = 8_000;

/**
 * Escaped `text` with every match of `pattern` (global) wrapped in `<mark class="hit">`, and in the
 * text between those, every match of the `interests` patterns (global) in `<mark class="interest">`.
 */
export function markMatches(text: string, pattern: RegExp | undefined, interests?: readonly RegExp[]): string {
	const rest = (part: string) => (interests && interests.length > 0 ? markWith(part, interests, 'interest', escapeHtml) : escapeHtml(part));
	return pattern ? markWith(text, [pattern], 'hit', rest) : rest(text);
}

function markWith(text: string, patterns: readonly RegExp[], className: string, between: (part: string) => string): string {
	let out = '';
	let last = 0;
	for (const m of unionMatches(text, patterns)) {
		out += between(text.slice(last, m.index)) + `<mark class="${className}">${escapeHtml(m.text)}</mark>`;
		last = m.index + m.text.length;
	}
	return out + between(text.slice(last));
}


/**
 * The singular and plural forms of a word's last word, as search takes them for one (`Policies` also
 * marks `Policy`, `model` also `models`): the search lists the forms it saw in the title and TL;DR, and
 * the abstract may write the other. Forms that are no word (`polici`) never match a whole word.
 */
export function numberForms(word: string): string[] {
	const m = /^(.*?)(\p{L}+)$/u.exec(word);
	if (!m || m[2].length < 3) return [word];
	const [, head, last] = m;
	const lower = last.toLowerCase();
	const forms = new Set([last]);
	if (lower.endsWith('ies')) forms.add(`${last.slice(0, -3)}y`);
	else if (lower.endsWith('es')) forms.add(last.slice(0, -2)).add(last.slice(0, -1));
	else if (lower.endsWith('s') && !lower.endsWith('ss')) forms.add(last.slice(0, -1));
	else if (lower.endsWith('y') && !/[aeiou]y$/.test(lower)) forms.add(`${last.slice(0, -1)}ies`);
	else if (/(s|x|z|ch|sh)$/.test(lower)) forms.add(`${last}es`);
	else forms.add(`${last}s`);
	return [...forms].map((f) => head + f);
}

/**
 * One pattern for the words a search matched, as the paper writes them and in their other number
 * (numberForms): whole words, case-insensitive; CJK runs anywhere (they are not separated by spaces).
 * Undefined when there is nothing to mark.
 */
export function highlightPattern(words: readonly string[] | undefined): RegExp | undefined {
	const unique = [...new Set((words ?? []).map((w) => w.trim()).filter((w) => w.length > 0 && w.length <= 100))].slice(0, 50);
	if (unique.length === 0) return undefined;
	const forms = [...new Set(unique.flatMap((w) => (CJK_SCRIPT.test(w) ? [w] : numberForms(w))))];
	// longest first, so "world model" wins over "world"
	forms.sort((a, b) => b.length - a.length);
	const alternatives = forms.map((w) => {
		const escaped = escapeRegExp(w);
		return CJK_SCRIPT.test(w) ? escaped : `${LATIN_WORD_START}${escaped}${LATIN_WORD_END}`;
	});
	return new RegExp(alternatives.join('|'), 'giu');
}

/**
 * ``text'' and ``text" → “text”, `text' → ‘text’ (the closing quote not inside a word: `a'b` stays code), and a
 * backtick typed for an apostrophe (`It`s`, `AI`s Impact`) → ’ (see backtickApostrophes).
 */
export function latexQuotes(text: string): string {
	if (!text.includes('`')) return text;
	const quoted = text
		.replace(/``([^`\n]+?)''/g, '“$1”')
		// closed by a straight quote (``as-built" detected planes, 31 papers of the 167 real days): its backticks made
		// a code span with the next one's
		.replace(/``([^`"\n]+?)"(?![\p{L}\p{N}])/gu, '“$1”')
		.replace(/`([^`'\n]+)'(?![\p{L}\p{N}])/gu, '‘$1’');
	return quoted.includes('`') ? backtickApostrophes(quoted) : quoted;
}

/**
 * A backtick between a Latin letter and a contraction's or possessive's ending (`It`s All About Speed: AI`s
 * Impact`, `don`t`) is an apostrophe, ’, unless it closes a code span opened after a space or punctuation
 * (`the `Agent`s tools`): one pair of such backticks made a code span of the words between them.
 */
function backtickApostrophes(text: string): string {
	let out = '';
	let last = 0;
	let open = false;
	for (const m of text.matchAll(/`+/g)) {
		if (m[0].length > 1) continue;
		const at = m.index;
		if (!APOSTROPHE_BEFORE.test(text.slice(Math.max(0, at - 1), at)) || !APOSTROPHE_AFTER.test(text.slice(at + 1, at + 4))) {
			open = !open;
			continue;
		}
		if (open) {
			open = false;
			continue;
		}
		out += `${text.slice(last, at)}’`;
		last = at + 1;
	}
	return out + text.slice(last);
}
/** what comes before an apostrophe typed as a backtick, and after it (`It`s`, `don`t`, `we`re`, `I`ll`, `I`m`) */
const APOSTROPHE_BEFORE = /^[A-Za-z]$/;
const APOSTROPHE_AFTER = /^(?:s|t|re|ve|ll|d|m)(?![\p{L}\p{N}_])/u;

/** a line that would open an ordered list item (`1)`, `2.`) */
const NUMBERED_LINE = /^ {0,3}\d{1,9}[.)](?=[ \t])/gm;

/**
 * A markdown-it instance for card text: no raw HTML but paired attribute-less inline tags (SAFE_TAG),
 * links only to http(s)/mailto, images as links to them, KaTeX math (`$…$`, `\(…\)`, `\[…\]`).
 */
export function createCardMarkdown(): MarkdownIt {
	const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
	md.validateLink = isSafeLink;
	// linkify should not turn bare words like "model.py" into links to http://model.py
	md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
	// links end before CJK text and a sentence's full stop; `github.com/owner/repo` is a link
	cardLinkify(md.linkify);
	// a lone `*` or `_` in scientific text (`256*256`, `A*算法`) is no emphasis; `**粗体（x）**构造` is
	scientificEmphasis(md);
	// `1) A；2) B` on one line is an enumeration in a sentence, not a list: markdown made its first item an
	// indented `1.` and left the rest inline (1,081 cards on 40 real days). A field with one numbered line
	// keeps it as text; two or more lines are a list
	md.core.ruler.after('normalize', 'inline_enumeration', (state) => {
		const numbered = state.src.match(NUMBERED_LINE);
		if (numbered && numbered.length === 1) state.src = state.src.replace(NUMBERED_LINE, (line) => line.replace(/[.)]/, '\\$&'));
	});
	// `- A<br>- B<br>- C` (a summary's points joined by `<br>`): each point after a `<br>` is on a line of
	// its own, so all of them are the list, not the first alone with the rest inline. Not in a table row
	// (`| 贡献 | A<br>- B |`: a new line ended the table there) nor in a code span
	md.core.ruler.before('inline_enumeration', 'br_list_lines', (state) => {
		if (/<br/i.test(state.src)) state.src = brListLines(state.src);
	});
	// LaTeX quotes in abstracts (``long beak'' and ``wings'', `mhm'): markdown read their backticks as code
	// spans, pairing one quote's opening with the next one's; they become the quotes they stand for
	md.core.ruler.before('inline', 'latex_quotes', (state) => {
		for (const token of state.tokens) if (token.type === 'inline') token.content = latexQuotes(token.content);
	});
	md.inline.ruler.before('text', 'safe_tag', safeTag);
	// `\textbf{\textsc{X}}`, `\href{url}{text}`, `\footnote{…}`, `Network~(SDT-Net)`, `Fr\'echet` outside math
	texTextMarkup(md);
	md.core.ruler.after('inline', 'safe_tag_pairs', (state) => {
		for (const token of state.tokens) if (token.type === 'inline' && token.children) unpairedTagsAsText(token.children);
	});
	markdownItKatex(md, KATEX_OPTIONS);
	md.inline.ruler.before('escape', 'math_latex_delimiters', latexDelimitedMath);
	// `$…$` as the exports read it (mathSpanEnd): the plugin's rule left `354$\times$`, `E$^2$OAL` and
	// `M$_\bullet$` as raw text (a `$` next to a letter or digit never opened or closed), and closed a
	// span at a `$` after a space, which swallowed sentences into math (`$+$1.6% PSNR, $+$9.6% SSIM`)
	md.inline.ruler.at('math_inline', (state, silent) => {
		if (state.src.charCodeAt(state.pos) !== 0x24) return false;
		const end = mathSpanEnd(state.src, state.pos);
		if (end === undefined) {
			if (!silent) state.pending += '$';
			state.pos += 1;
			return true;
		}
		if (!silent) {
			const token = state.push('math_inline', 'math', 0);
			token.markup = '$';
			token.content = state.src.slice(state.pos + 1, end - 1);
		}
		state.pos = end;
		return true;
	});
	for (const rule of ['math_inline', 'math_block', 'math_inline_block', 'math_inline_bare_block'] as const) {
		const original = md.renderer.rules[rule];
		if (!original) continue;
		// display math inside a paragraph (`\[ … \]`, `$$ … $$` in a sentence): the plugin's `<p>` inside the
		// paragraph's `<p>` split it, the text after fell out of it and an empty paragraph followed
		md.renderer.rules[rule] = (tokens, idx, options, env: CardRenderEnv | undefined, self) => {
			// the plugin's `$$ … $$` inside a sentence is a `math_block` token among the paragraph's inline
			// children, which have no source lines (`map`), where a block of its own has them
			const inline = rule === 'math_inline_block' || rule === 'math_inline_bare_block' || (rule === 'math_block' && tokens[idx].map === null);
			if (env) {
				env.mathSpans = (env.mathSpans ?? 0) + 1;
				env.mathChars = (env.mathChars ?? 0) + tokens[idx].content.length;
				if (env.mathSpans > MAX_MATH_SPANS || env.mathChars > MAX_MATH_CHARS) return mathAsText(tokens[idx], inline || rule === 'math_inline');
			}
			// `%` starts a comment in TeX: `$54.5%$` showed "54.5" and `$\textbf{19.72%}$` a parse error
			const chars = tokens[idx].content.length;
			tokens[idx].content = percentSigns(tokens[idx].content);
			const html = moveInlineStyles(original(tokens, idx, options, env, self));
			if (rule === 'math_inline' && chars <= NOWRAP_MATH_CHARS) return withTrailingPunctuation(html, tokens[idx + 1]);
			return inline ? html.replace(/^<p class="katex-block/, '<span class="katex-block').replace(/<\/p>\n?$/, '</span>') : html;
		};
	}
	// search hits are marked in plain text only: math, code spans and URLs stay as they are
	md.renderer.rules.text = (tokens, idx, _options, env: CardRenderEnv | undefined) => markMatches(tokens[idx].content, env?.highlight, env?.interests);
	// `![Figure 1](https://arxiv.org/html/…/x1.png)` (a fork lists each paper's key figures): the CSP loads no
	// remote image, so a figure is a link to it, named by its alt text, that opens in the browser
	md.renderer.rules.image = (tokens, idx, options, env, self) => {
		const token = tokens[idx];
		const src = token.attrGet('src') ?? '';
		const alt = self.renderInlineAsText(token.children ?? [], options, env).trim() || src.replace(/[?#].*$/, '').split('/').pop() || src;
		// a badge inside a link (`[![stars](https://img.shields.io/…)](https://github.com/…)`) is that link's
		// text: an anchor inside an anchor is no HTML, and a click opened the badge, not the repository
		if (insideLink(tokens, idx)) return escapeHtml(alt);
		return `<a href="${escapeHtml(src)}" class="external-link image-link" rel="noreferrer noopener" title="${escapeHtml(src)}">${escapeHtml(alt)}</a>`;
	};
	// Links never navigate the webview: the card script intercepts clicks and asks the extension to open them.
	const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
	md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
		const token = tokens[idx];
		token.attrSet('class', 'external-link');
		token.attrSet('rel', 'noreferrer noopener');
		return defaultLinkOpen(tokens, idx, options, env, self);
	};
	return md;
}

/**
 * TeX with each unescaped `%` escaped (`\%`): to TeX a `%` starts a comment that runs to the end of the line,
 * so `$54.5%$` showed "54.5" and `$\textbf{19.72%}$` a red error (8 papers of the 167 real days). No digest
 * writes a comment in its math; a `%` there is a percent sign (`\%` stays; after `\\`, a row break, it is one).
 */
export function percentSigns(tex: string): string {
	if (!tex.includes('%')) return tex;
	return tex.replace(/(\\*)%/g, (whole, slashes: string) => (slashes.length % 2 === 0 ? `${slashes}\\%` : whole));
}

/** A math span past the card's budget (MAX_MATH_SPANS): its TeX between its delimiters, as text. */
function mathAsText(token: { content: string; markup: string }, inline: boolean): string {
	const open = token.markup || (inline ? '$' : '$$');
	const close = open === '\\(' ? '\\)' : open === '\\[' ? '\\]' : open;
	const text = escapeHtml(`${open}${token.content}${close}`);
	return inline ? text : `<p>${text}</p>`;
}

/**
 * Inline math of at most this much TeX is kept on one line with the punctuation after it (see
 * withTrailingPunctuation): a longer formula keeps the breaks KaTeX allows inside it (after its
 * relations and operators), which a line kept whole would lose, running past the card's edge.
 */
const NOWRAP_MATH_CHARS = 40;

/** punctuation that belongs to the end of what comes before it (`over $\mathbb{F}_2$.`) */
const TRAILING_PUNCTUATION = /^[.,;:!?)\]}%'’”。，、；：！？）」』】]+/;

/**
 * Inline math with the punctuation right after it, which the text token `next` then starts with, kept on
 * one line: a browser may break after KaTeX's inline-block, and a tester saw a line of an abstract start
 * with the full stop of the math before it. The punctuation moves out of `next` (rendered after this).
 */
function withTrailingPunctuation(html: string, next: { type: string; content: string } | undefined): string {
	const punctuation = next?.type === 'text' ? TRAILING_PUNCTUATION.exec(next.content)?.[0] : undefined;
	if (!next || !punctuation) return html;
	next.content = next.content.slice(punctuation.length);
	return `<span class="math-nowrap">${html}${escapeHtml(punctuation)}</span>`;
}

/** Is tokens[idx] between a link_open and its link_close? */
function insideLink(tokens: readonly { type: string }[], idx: number): boolean {
	let depth = 0;
	for (let k = idx - 1; k >= 0; k--) {
		if (tokens[k].type === 'link_close') depth--;
		else if (tokens[k].type === 'link_open' && ++depth > 0) return true;
	}
	return false;
}

type InlineRule = Parameters<MarkdownIt['inline']['ruler']['before']>[2];
type StateInline = Parameters<InlineRule>[0];
type Token = ReturnType<StateInline['push']>;

/** a fence line of a code block (``` or ~~~) */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** `- A<br>- B` → each point on a line of its own; not in a table row, a code span or a fenced code block. */
function brListLines(src: string): string {
	let fence: string | undefined;
	return src
		.split('\n')
		.map((line) => {
			const opens = FENCE.exec(line)?.[1];
			if (opens && (fence === undefined || (opens[0] === fence[0] && opens.length >= fence.length))) {
				fence = fence === undefined ? opens : undefined;
				return line;
			}
			if (fence !== undefined || line.includes('|') || !/<br/i.test(line)) return line;
			return line.replace(BR_BEFORE_LIST_ITEM, (m, code?: string) => (code ? m : '\n'));
		})
		.join('\n');
}
/** a code span (kept as it is), or a `<br>` before a list item's marker */
const BR_BEFORE_LIST_ITEM = /(`+)[^`]*?\1|[ \t]*<br\s*\/?>[ \t]*(?=(?:[-*+]|\d{1,3}[.)])[ \t])/gi;

/**
 * Inline tags a digest may write that are safe to keep, without attributes: `<i>resolution</i>` and
 * `<b>` in abstracts, `<br>` between a summary's points, `<small>` captions. Raw HTML stays off;
 * every other tag (`<think>` tokens, `<div onclick=…>`) is text.
 */
const SAFE_TAG = /^<(\/?)(b|i|em|strong|small|sub|sup|br)\s*\/?>/i;

/** `<i>`, `</i>`, `<br>`…: a tag of SAFE_TAG as an html_inline token of its own normalised text. */
function safeTag(state: StateInline, silent: boolean): boolean {
	if (state.src.charCodeAt(state.pos) !== 0x3c) return false;
	const m = SAFE_TAG.exec(state.src.slice(state.pos, state.pos + 12));
	if (!m) return false;
	if (!silent) {
		const name = m[2].toLowerCase();
		const token = state.push('html_inline', '', 0);
		token.content = name === 'br' ? '<br>' : `<${m[1]}${name}>`;
		token.markup = m[0];
		token.meta = { safeTag: name, closing: m[1] === '/' };
	}
	state.pos += m[0].length;
	return true;
}

/**
 * Tags of safeTag left unclosed (`<b>` alone) or closed without an opening go back to the text they
 * were: an open formatting tag would carry on into the card's next paragraphs.
 */
function unpairedTagsAsText(children: Token[]): void {
	const open: Token[] = [];
	const unpaired = new Set<Token>();
	for (const token of children) {
		const meta = token.meta as { safeTag?: string; closing?: boolean } | null;
		if (token.type !== 'html_inline' || !meta?.safeTag || meta.safeTag === 'br') continue;
		if (!meta.closing) open.push(token);
		else if (open.length > 0 && (open[open.length - 1].meta as { safeTag: string }).safeTag === meta.safeTag) open.pop();
		else unpaired.add(token);
	}
	for (const token of open) unpaired.add(token);
	for (const token of unpaired) {
		token.type = 'text';
		token.content = token.markup;
	}
}

/**
 * `\( N \)` and `\[ … \]`, LaTeX's own delimiters (340 and 36 spans on the real days): markdown read
 * `\(` as an escaped parenthesis, and the card showed `( N )` with the TeX between as text.
 */
function latexDelimitedMath(state: StateInline, silent: boolean): boolean {
	if (state.src.charCodeAt(state.pos) !== 0x5c) return false;
	const open = state.src[state.pos + 1];
	if (open !== '(' && open !== '[') return false;
	const end = closerAfter(state.src, open === '(' ? '\\)' : '\\]', state.pos + 2);
	if (end < 0) return false;
	// another opening first (`\\(b) and \\(x\\)`): an escaped parenthesis. Not one right after a backslash: in
	// `\\begin{cases} x, \\\\[1.2ex] y \\end{cases}` that is a row break and its spacing (2604.21808)
	let next = state.src.indexOf('\\' + open, state.pos + 2);
	while (next >= 0 && next < end && state.src[next - 1] === '\\') next = state.src.indexOf('\\' + open, next + 2);
	if (next >= 0 && next < end) return false;
	const content = state.src.slice(state.pos + 2, end);
	// nothing between: escaped parentheses
	if (content.trim() === '') return false;
	if (!silent) {
		const token = state.push(open === '(' ? 'math_inline' : 'math_inline_block', 'math', 0);
		token.markup = '\\' + open;
		token.content = content;
	}
	state.pos = end + 2;
	return true;
}

/**
 * The last search for a closing `\)` or `\]`, reused while it still answers: each opening searched the
 * rest of the text again, so a field of many `\(` and no closer took seconds (20,000 in 60 KB: 1.2 s).
 */
let lastCloser = { src: '', closer: '', from: 0, end: -1 };

/** src.indexOf(closer, from), from the last search when it started at or before `from` and found nothing before it. */
function closerAfter(src: string, closer: string, from: number): number {
	const last = lastCloser;
	if (last.src === src && last.closer === closer && last.from <= from && (last.end < 0 || from <= last.end)) return last.end;
	const end = src.indexOf(closer, from);
	lastCloser = { src, closer, from, end };
	return end;
}

let shared: MarkdownIt | undefined;

/** One lazily created instance; creating markdown-it with KaTeX costs a few milliseconds. */
export function cardMarkdown(): MarkdownIt {
	shared ??= createCardMarkdown();
	return shared;
}
