/** Small text helpers for the digest parser, all linear and regex-light so long lines stay cheap. */

/** Han, kana, Hangul and full-width forms: scripts written without spaces between words */
export function isCjkCode(code: number): boolean {
	return (
		(code >= 0x2e80 && code <= 0x9fff) ||
		(code >= 0xac00 && code <= 0xd7af) ||
		(code >= 0xf900 && code <= 0xfaff) ||
		(code >= 0xfe30 && code <= 0xfe4f) ||
		(code >= 0xff00 && code <= 0xffef) ||
		(code >= 0x1100 && code <= 0x11ff)
	);
}

/** true when `text` holds CJK characters in its first 64 code units (enough to tell a translated title) */
export function hasCjk(text: string): boolean {
	const n = Math.min(text.length, 64);
	for (let i = 0; i < n; i++) if (isCjkCode(text.charCodeAt(i))) return true;
	return false;
}

/** what goes between two hard-wrapped lines of one value: nothing between CJK characters, else a space */
export function wrapSeparator(before: string, after: string): string {
	if (before.length === 0 || after.length === 0) return '';
	return isCjkCode(before.charCodeAt(before.length - 1)) && isCjkCode(after.charCodeAt(0)) ? '' : ' ';
}

function isEmphasisCode(code: number): boolean {
	return code === 42 || code === 95;
}

/** removes up to three emphasis markers (`*`, `_`) from both ends */
export function stripEmphasis(text: string): string {
	let s = 0;
	let e = text.length;
	while (s < e && s < 3 && isEmphasisCode(text.charCodeAt(s))) s++;
	let k = 0;
	while (e > s && k < 3 && isEmphasisCode(text.charCodeAt(e - 1))) {
		e--;
		k++;
	}
	if (s === 0 && e === text.length) {
		const first = text.charCodeAt(0);
		const last = text.charCodeAt(e - 1);
		return first === 32 || first === 9 || last === 32 || last === 9 ? text.trim() : text;
	}
	return text.slice(s, e).trim();
}

/**
 * removes emphasis markers that wrap the whole text (`**Title**`, `*Title*`, up to three pairs), keeping a
 * lone one that belongs to it: `LaCAM*`, `*-PLUIE`, `T*` are titles as written
 */
export function stripEmphasisPairs(text: string): string {
	let s = text.trim();
	for (let k = 0; k < 3 && s.length > 2; k++) {
		const c = s.charCodeAt(0);
		if (!isEmphasisCode(c) || s.charCodeAt(s.length - 1) !== c) break;
		s = s.slice(1, -1);
	}
	return s === text ? text : s.trim();
}

/** Does the line end a sentence (or a parenthesis)? */
export function endsSentence(line: string): boolean {
	const t = line.trimEnd();
	const c = t[t.length - 1];
	return c === '.' || c === '。' || c === '!' || c === '?' || c === '！' || c === '？' || c === ')' || c === '）';
}

/**
 * Is `text`, which starts like a list item, the rest of a hard-wrapped line of prose rather than an
 * item: `…where reliability is critical` then `- scenes with smoke…`, `…in the halo of NGC` then
 * `5746. In addition…`. The line before is a long one (a wrapped abstract's) that ends inside a
 * sentence, on a letter, a digit or a comma, and is not an item itself.
 */
export function continuesWrappedLine(before: string, text: string): boolean {
	if (before.length < 50 || isListItem(before) || !isListItem(text)) return false;
	return /[A-Za-z0-9,]$/.test(before);
}

/** `- item`, `* item`, `+ item`, `1. item`, `2) item` (after leading spaces) */
export function isListItem(text: string): boolean {
	let i = 0;
	while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
	const c = text.charCodeAt(i);
	if ((c === 45 || c === 42 || c === 43) && text.charCodeAt(i + 1) === 32) return true;
	let j = i;
	while (j < text.length && j - i < 4 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
	return j > i && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 41) && text.charCodeAt(j + 1) === 32;
}

/**
 * Which of Git's conflict markers the line is, by its first character: `<<<<<<< HEAD` opens a block,
 * `|||||||` (diff3's base) and `=======` part it, `>>>>>>> branch` closes it. Markers are seven
 * characters at the start of the line; `=======` stands alone, the others may name a side after a space.
 */
export function conflictMarkerKind(raw: string): '<' | '|' | '=' | '>' | undefined {
	const c = raw.charCodeAt(0);
	if (c !== 60 && c !== 61 && c !== 62 && c !== 124) return undefined;
	if (raw.length < 7) return undefined;
	for (let k = 1; k < 7; k++) if (raw.charCodeAt(k) !== c) return undefined;
	const rest = raw.slice(7);
	if (rest !== '' && !/^\s/.test(rest)) return undefined;
	if (c === 61 && rest.trim() !== '') return undefined;
	return raw[0] as '<' | '|' | '=' | '>';
}

/** `---`, `***`, `___` (three or more, spaces allowed): a thematic break */
export function isSeparator(trimmed: string): boolean {
	if (trimmed.length < 3 || trimmed.length > 80) return false;
	const c = trimmed.charCodeAt(0);
	if (c !== 45 && c !== 42 && c !== 95) return false;
	let count = 0;
	for (let i = 0; i < trimmed.length; i++) {
		const d = trimmed.charCodeAt(i);
		if (d === c) count++;
		else if (d !== 32) return false;
	}
	return count >= 3;
}

/**
 * Finds the markdown links `[text](target)` in a line. Returns undefined when the line holds
 * anything besides links and light separators (`|`, `·`, `•`, `/`, `-`, spaces), so callers
 * can recognise navigation and link-only lines.
 */
export function linksOnly(trimmed: string): string[] | undefined {
	if (trimmed.length > 2000 || trimmed.charCodeAt(0) !== 91 /* [ */) return undefined;
	const targets: string[] = [];
	let i = 0;
	const n = trimmed.length;
	while (i < n) {
		const c = trimmed[i];
		if (c === ' ' || c === '|' || c === '·' || c === '•' || c === '/' || c === '-' || c === '–' || c === '\t') {
			i++;
			continue;
		}
		if (c !== '[') return undefined;
		const j = matchingClose(trimmed, i, '[', ']');
		if (j < 0 || trimmed[j + 1] !== '(') return undefined;
		const close = trimmed.indexOf(')', j + 2);
		if (close < 0) return undefined;
		targets.push(trimmed.slice(j + 2, close).trim());
		i = close + 1;
	}
	return targets.length > 0 ? targets : undefined;
}

/**
 * Removes HTML tags from a short text, collecting the first `id=`/`name=` attribute. Used for category
 * headings like `## <a id="cs.CV"></a>cs.CV` and `<summary>Details</summary>`.
 */
export function stripTags(text: string): { text: string; id?: string } {
	let out = '';
	let id: string | undefined;
	let i = 0;
	const n = text.length;
	while (i < n) {
		const lt = text.indexOf('<', i);
		if (lt < 0) {
			out += text.slice(i);
			break;
		}
		const gt = text.indexOf('>', lt + 1);
		const next = text.charCodeAt(lt + 1);
		const looksLikeTag = gt > lt && ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47 || next === 33);
		if (!looksLikeTag) {
			out += text.slice(i, lt + 1);
			i = lt + 1;
			continue;
		}
		out += text.slice(i, lt);
		if (id === undefined) id = attributeId(text.slice(lt + 1, gt));
		i = gt + 1;
	}
	return { text: out, id };
}

/** `<a id="x"></a>Title`: the tags at the start of a heading removed, and the first id they carry */
export function leadingTags(text: string): { rest: string; id?: string } {
	let rest = text;
	let id: string | undefined;
	while (rest.charCodeAt(0) === 60 /* < */) {
		const gt = rest.indexOf('>');
		if (gt < 0 || gt > 200) break;
		id ??= attributeId(rest.slice(1, gt));
		rest = rest.slice(gt + 1).trimStart();
	}
	return { rest, id };
}

/** the value of `id=` or `name=` inside a tag body */
export function attributeId(tagBody: string): string | undefined {
	const m = /(?:^|\s)(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i.exec(tagBody);
	if (!m) return undefined;
	return (m[1] ?? m[2] ?? m[3] ?? '').trim();
}

/** Index of the `close` that balances the `open` at `from` (nesting counted), or -1 when none does. */
export function matchingClose(s: string, from: number, open: string, close: string): number {
	let depth = 0;
	for (let j = from; j < s.length; j++) {
		const c = s[j];
		if (c === open) depth++;
		else if (c === close && --depth === 0) return j;
	}
	return -1;
}

const CJK_SCRIPTS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';

/** A character of a CJK script (Han, kana, Hangul): such words are matched anywhere, not as whole words. */
export const CJK_SCRIPT = new RegExp(`[${CJK_SCRIPTS}]`, 'u');

/**
 * Regex sources (for the `u` flag) of a character of a Latin word and of the word's bounds: a letter
 * or digit, and none next to the word, except a CJK one: Chinese writes English terms between its
 * characters without spaces (`基于LLM的方法`).
 */
export const LATIN_WORD_CHAR = `(?:(?![${CJK_SCRIPTS}])[\\p{L}\\p{N}])`;
export const LATIN_WORD_START = `(?<!${LATIN_WORD_CHAR})`;
export const LATIN_WORD_END = `(?!${LATIN_WORD_CHAR})`;

/** The same, or CJK or full-width punctuation (`。`, `，`, `：`). */
export const CJK_OR_FULL_WIDTH = new RegExp(`[${CJK_SCRIPTS}\\u3000-\\u303f\\uff00-\\uffef]`, 'u');

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A copy of `s` that does not keep its parent alive: V8 makes a slice of 13 or more characters
 * (and a string JSON.parse reads) a view of the whole source text, so a field kept from a parsed
 * file would pin that file's text in memory.
 */
export function ownCopy(s: string): string {
	return s.length < 13 ? s : (' ' + s).slice(1);
}
