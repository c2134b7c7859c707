/**
 * TeX's text markup that abstracts write outside math (arXiv keeps the author's TeX), as what it means on a
 * card: `\textbf{…}`, `\emph{…}`, `{\em …}` and the other font commands, nested (`\textbf{\textsc{X}}`), as
 * their elements; `\href{url}{text}`, `\url{…}` as links (through the card's link rules: http(s) and mailto
 * only); `\footnote{…}` as its text in parentheses; `\cite{key}` as `[key]`; ties (`Network~(SDT-Net)`) as
 * spaces; accents (`Fr\'echet`, `Schr\"odinger`) as their letters. Math and code spans are read before this
 * (a `$…$` inside a command is math); an unknown command (`\method{}`, `\foo{x}`) stays as written.
 * vscode-free.
 */
import type MarkdownIt from 'markdown-it';
import { CJK_SCRIPT } from '../parse/text';

type InlineRule = Parameters<MarkdownIt['inline']['ruler']['before']>[2];
type StateInline = Parameters<InlineRule>[0];

/** the element each text command shows as ('' for none: its argument as plain text) */
const ELEMENTS: Record<string, { tag: string; className?: string }> = {
	textbf: { tag: 'strong' }, bf: { tag: 'strong' }, bm: { tag: 'strong' }, boldsymbol: { tag: 'strong' },
	emph: { tag: 'em' }, textit: { tag: 'em' }, textsl: { tag: 'em' }, em: { tag: 'em' }, it: { tag: 'em' }, sl: { tag: 'em' },
	texttt: { tag: 'code' }, tt: { tag: 'code' },
	textsc: { tag: 'span', className: 'smallcaps' }, sc: { tag: 'span', className: 'smallcaps' },
	underline: { tag: 'u' }, uline: { tag: 'u' },
	textsuperscript: { tag: 'sup' }, textsubscript: { tag: 'sub' },
	textrm: { tag: '' }, textsf: { tag: '' }, textup: { tag: '' }, textnormal: { tag: '' }, textmd: { tag: '' }, text: { tag: '' }, mbox: { tag: '' }, hbox: { tag: '' },
};

/** the switches written inside a group: `{\em detection}`, `{\bf x}` */
const SWITCHES = new Set(['em', 'it', 'bf', 'sl', 'sc', 'tt']);

/** citations and references, shown as their keys in brackets */
const CITES = new Set(['cite', 'citep', 'citet', 'citealp', 'citealt', 'citeauthor', 'citeyear', 'autocite', 'parencite', 'textcite', 'ref', 'eqref', 'autoref', 'cref', 'Cref']);

/** the abbreviations papers define as commands (`\eg`, `\ie`, `\etal`) */
const WORDS: Record<string, string> = { eg: 'e.g.', ie: 'i.e.', etal: 'et al.', vs: 'vs.', etc: 'etc.', wrt: 'w.r.t.', aka: 'a.k.a.', cf: 'cf.' };

/** TeX's accents on a letter, as the combining marks Unicode composes with it */
const ACCENTS: Record<string, string> = { "'": '\u0301', '`': '\u0300', '"': '\u0308', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307', u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a' };
const VOWELS = 'aeiouyAEIOUY';
const ACCENT_LETTERS: Record<string, string> = { "'": `${VOWELS}cCnNzZ`, '`': VOWELS, '"': VOWELS, '^': `${VOWELS}cCgGhHjJsSwW`, '~': 'aAoOnNiIuU', '=': VOWELS, '.': 'zZeEcCgGI' };
/** an accent (`\'e`, `\"{o}`, `\v{c}`); a letter accent (`\v`) needs its braces */
const ACCENT = /^\\(?:(['`"^~=.])\{?([A-Za-z])\}?|([uvHckr])\{([A-Za-z])\})/;

/** the longest argument a command may have: its closing brace is searched no further (bounded work on hostile text) */
const MAX_ARGUMENT = 2_000;

/** The end (index of the `}`) of the group that opens at `open` (a `{`), or -1: nested groups and `\{` `\}` counted. */
function groupEnd(src: string, open: number, max: number): number {
	let depth = 0;
	const limit = Math.min(max, open + MAX_ARGUMENT);
	for (let k = open; k < limit; k++) {
		const c = src.charCodeAt(k);
		if (c === 0x5c) k++;
		else if (c === 0x7b) depth++;
		else if (c === 0x7d && --depth === 0) return k;
	}
	return -1;
}

/** Tokens for src[from, to) parsed as inline markdown, between `open` and `close` tokens pushed by the caller. */
function inner(state: StateInline, from: number, to: number): void {
	const { pos, posMax } = state;
	state.pos = from;
	state.posMax = to;
	state.md.inline.tokenize(state);
	state.pos = pos;
	state.posMax = posMax;
}

function openElement(state: StateInline, element: { tag: string; className?: string }): void {
	if (!element.tag) return;
	const token = state.push('tex_text_open', element.tag, 1);
	if (element.className) token.attrSet('class', element.className);
}
function closeElement(state: StateInline, element: { tag: string }): void {
	if (element.tag) state.push('tex_text_close', element.tag, -1);
}

/**
 * Whether the escaped quote mark `mark` at a word's start is closed by the same mark escaped right after
 * a word within the sentence (`\"Agent\"的框架`): a quotation, not an accent on its first letter.
 */
function closesQuote(src: string, from: number, mark: string, end: number): boolean {
	return (mark === '"' ? CLOSING_DOUBLE : CLOSING_SINGLE).test(src.slice(from, Math.min(end, from + 120)));
}

/** the escaped quote mark closing a quoted word or phrase: after a letter, digit or punctuation, before no letter (see closesQuote) */
const CLOSING_DOUBLE = /[\p{L}\p{N}.,!?)]\\"(?![A-Za-z])/u;
const CLOSING_SINGLE = /[\p{L}\p{N}.,!?)]\\'(?![A-Za-z])/u;

/** A link to `url` (if the card's link rules allow it) around src[from, to), or that text alone (inside another link: no link in a link). */
function link(state: StateInline, url: string, from: number, to: number): void {
	const href = state.md.normalizeLink(url.trim());
	const levels = state as unknown as { linkLevel: number };
	const safe = levels.linkLevel === 0 && state.md.validateLink(href);
	if (safe) {
		const token = state.push('link_open', 'a', 1);
		token.attrs = [['href', href]];
		token.markup = 'tex';
	}
	// as markdown-it's link rule does: no link is found inside this one (linkLevel is missing from its types)
	levels.linkLevel++;
	inner(state, from, to);
	levels.linkLevel--;
	if (safe) state.push('link_close', 'a', -1);
}

/** the inline rule at a `\` or a `{` */
function texText(state: StateInline, silent: boolean): boolean {
	const src = state.src;
	const at = state.pos;
	const first = src.charCodeAt(at);
	if (first === 0x7b) {
		// `{\em detection}`
		const m = /^\{\\([a-z]{2})(?![A-Za-z])\s*/.exec(src.slice(at, at + 6));
		if (!m || !SWITCHES.has(m[1])) return false;
		const end = groupEnd(src, at, state.posMax);
		if (end < 0) return false;
		if (!silent) {
			openElement(state, ELEMENTS[m[1]]);
			inner(state, at + m[0].length, end);
			closeElement(state, ELEMENTS[m[1]]);
		}
		state.pos = end + 1;
		return true;
	}
	if (first !== 0x5c) return false;
	const accent = ACCENT.exec(src.slice(at, at + 6));
	if (accent) {
		const letter = accent[2] ?? accent[4];
		// the letters each accent goes on in names and words (`don\'t`, `it\'s` are escaped quotes)
		if (accent[1] !== undefined && !ACCENT_LETTERS[accent[1]].includes(letter)) return false;
		const after = src[at + accent[0].length] ?? '';
		const inWord = /[A-Za-z]/.test(src[at - 1] ?? '');
		// in a word (`Fr\'echet`, `\'Etienne`), not an escaped quote before a word (`\"I am\"`)
		if (!inWord && !/[A-Za-z]/.test(after) && accent[1] !== undefined) return false;
		// a word's start, quoted: `\"Agent\"`, `\'Yes\' or \'No\'` (the same mark escaped again after a word)
		if (!inWord && (accent[1] === '"' || accent[1] === "'") && closesQuote(src, at + 2, accent[1], state.posMax)) return false;
		if (!silent) state.pending += (letter + ACCENTS[accent[1] ?? accent[3]]).normalize('NFC');
		state.pos = at + accent[0].length;
		return true;
	}
	const command = /^\\([A-Za-z]+)\*?/.exec(src.slice(at, at + 40));
	if (!command) return false;
	const name = command[1];
	let pos = at + command[0].length;
	if (WORDS[name] !== undefined) {
		// `\eg`, `\eg{}`: the word; the space after it stays
		if (/[A-Za-z]/.test(src[pos] ?? '')) return false;
		if (src.startsWith('{}', pos)) pos += 2;
		if (!silent) state.pending += WORDS[name];
		state.pos = pos;
		return true;
	}
	const known = ELEMENTS[name] !== undefined || CITES.has(name) || ['href', 'hyperlink', 'url', 'footnote', 'textcolor'].includes(name);
	if (!known || SWITCHES.has(name)) return false;
	// `\cite[p.~3]{key}`: the optional argument is dropped
	if (src[pos] === '[' && CITES.has(name)) {
		const close = src.indexOf(']', pos);
		if (close < 0 || close - pos > 100) return false;
		pos = close + 1;
	}
	if (src[pos] !== '{') return false;
	const end = groupEnd(src, pos, state.posMax);
	if (end < 0) return false;
	const arg = { from: pos + 1, to: end };
	let second: { from: number; to: number } | undefined;
	if (name === 'href' || name === 'hyperlink' || name === 'textcolor') {
		if (src[end + 1] !== '{') return false;
		const end2 = groupEnd(src, end + 1, state.posMax);
		if (end2 < 0) return false;
		second = { from: end + 2, to: end2 };
	}
	if (!silent) {
		if (name === 'href' || name === 'hyperlink') link(state, src.slice(arg.from, arg.to).replace(/\\([#%&_~])/g, '$1'), second!.from, second!.to);
		else if (name === 'url') link(state, src.slice(arg.from, arg.to).replace(/\\([#%&_~])/g, '$1'), arg.from, arg.to);
		else if (name === 'textcolor') inner(state, second!.from, second!.to);
		else if (CITES.has(name)) state.pending += `[${src.slice(arg.from, arg.to).split(',').map((key) => key.trim()).join(', ')}]`;
		else if (name === 'footnote') {
			// a footnote's text in parentheses, after a space (`foundation~\footnote{Our code …}`)
			if (state.pending && !/\s$/.test(state.pending)) state.pending += ' ';
			else if (!state.pending && state.tokens.length > 0) state.pending += ' ';
			state.pending += '(';
			inner(state, arg.from, arg.to);
			state.pending += ')';
		} else {
			openElement(state, ELEMENTS[name]);
			inner(state, arg.from, arg.to);
			closeElement(state, ELEMENTS[name]);
		}
	}
	state.pos = (second ? second.to : arg.to) + 1;
	return true;
}

/** words a number follows with a tie (`Fig.~3`, `Table~1`, `Stable Diffusion~1.5`): capitalised, or abbreviated with a full stop */
const NAMES_A_NUMBER = /^(?:[A-Z][A-Za-z]+|[A-Za-z]+\.)$/;

/**
 * A TeX tie: `~` between a word and what it binds to (`Network~(SDT-Net)`, `Fig.~3`, `et~al.`, `in~\cite`).
 * Elsewhere a tilde is "about", a range or "distributed as" and stays: after a letter alone or a
 * symbol's subscript (`z~2`, `B_m~Bin(m,1/2)`), a number (`8B~70B`, `+8.5~+12.1`, `1~2周`), a lower-case
 * word before a number (`cos~0`, `r~0.62`), a number in a Chinese summary (`MSE~1.17`), a space (`~30%`), a URL.
 */
function texTie(state: StateInline, silent: boolean): boolean {
	const src = state.src;
	const at = state.pos;
	if (src.charCodeAt(at) !== 0x7e || src[at + 1] === '~' || src[at - 1] === '~') return false;
	const before = src[at - 1] ?? '';
	const after = src[at + 1] ?? '';
	// the word before: letters and full stops, and what stands before it
	const word = /[A-Za-z.]*$/.exec(src.slice(Math.max(0, at - 40), at))?.[0] ?? '';
	const lead = src[at - word.length - 1] ?? '';
	const wordBefore = /[A-Za-z]{2}/.test(word) && !/[\p{L}\p{N}_^\\]/u.test(lead);
	let tie: boolean;
	if (after === '\\') tie = true;
	else if (/\d/.test(after)) tie = wordBefore && NAMES_A_NUMBER.test(word) && !CJK_SCRIPT.test(src);
	else if (/[A-Za-z(\[]/.test(after)) tie = wordBefore || /[)\]}]/.test(before);
	else tie = false;
	if (!tie) return false;
	// not in a URL (`https://host/~user`)
	const token = src.slice(Math.max(0, src.lastIndexOf(' ', at) + 1), at);
	if (/:\/\/|www\./i.test(token)) return false;
	if (!silent) state.pending += ' ';
	state.pos = at + 1;
	return true;
}

/** md's inline parser with TeX's text markup outside math (see the module's comment). */
export function texTextMarkup(md: MarkdownIt): void {
	md.inline.ruler.before('escape', 'tex_text', texText);
	md.inline.ruler.before('strikethrough', 'tex_tie', texTie);
}
