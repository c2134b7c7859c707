/**
 * The digest parser: one pass over the lines of a daily arXiv digest, in any of the shapes the
 * daily-arXiv-ai-enhanced forks write (see FORMAT.md). Generic rules only — label normalisation,
 * heading levels, link shapes — never per-fork code. It never throws and never drops text
 * silently: what it cannot place is kept in `extra` or reported as a diagnostic.
 */
import { compactDayFromPath, dashedDayFromPath, dayFromPath, dayFromText, fileStem } from './day';
import { isCommonExtraLabel, labelKey, readLabelLine, type LabelKey, type LabelLine } from './labels';
import { cappedPaperId, emptyPaper, type DiagnosticCode, type ExtraField, type Digest, type DigestDiagnostic, type LineRange, type Paper, type Severity } from './model';
import { FieldBuilder } from './parse/fields';
import { namesScore } from './parse/names';
import { forEachLine, wholeText, type LineSource } from './parse/lines';
import { identityFromLink, normaliseTitle } from './parse/links';
import { PostPass, type RawCategory, type TocEntry } from './parse/postpass';
import { attributeId, conflictMarkerKind, endsSentence, hasCjk, isCjkCode, isListItem, isSeparator, leadingTags, linksOnly, matchingClose, stripEmphasis, stripEmphasisPairs, stripTags, wrapSeparator } from './parse/text';

/** a link to arXiv's site (`https://arxiv.org/abs/…`, `export.arxiv.org`): it should hold an arXiv id */
const ARXIV_HOST_LINK = /^[a-z][a-z0-9+.-]*:\/\/(?:[a-z0-9-]+\.)*arxiv\.org(?:[:/?#]|$)/i;

/** a Markdown renderer's table-of-contents marker (markdown-it-toc, Typora, GitLab): `[[toc]]`, `[TOC]`, `[[_TOC_]]` */
const TOC_MARKER = /^\[\[?_?toc_?\]\]?$/i;

/** headings longer than this are not given the bracket/tag treatment: they are garbage, and must stay cheap */
const MAX_HEADING_PARSE = 2000;
/**
 * a code fence's opening line: three or more backticks or tildes, an info string without that
 * character (CommonMark allows tildes after tildes: a prose line `~~~ 注意 ~~~` took the fields below it)
 */
const FENCE_OPEN = /^(`{3,}(?=[^`]*$)|~{3,}(?=[^~]*$))/;
/** the `#`s of a heading line (`## cs.CV` → 2), 0 for any other line */
function headingLevel(t: string): number {
	let level = 0;
	while (level < t.length && t.charCodeAt(level) === 35) level++;
	return level > 0 && level <= 6 && (t.charCodeAt(level) === 32 || t.charCodeAt(level) === 9) ? level : 0;
}

/**
 * Does the trimmed line `t` start a paper whatever came before: a heading (any level, any number) or a
 * list item with a paper's link (arXiv, bioRxiv, a DOI), as no line of a summary's code does?
 */
function startsPaper(t: string): boolean {
	if (t.charCodeAt(0) !== 35 /* # */) return listItemPaper(t) !== undefined;
	const level = headingLevel(t);
	return level > 0 && isPaperText(t.slice(level).trim());
}

/** A heading's text or list item's that names a paper: `[Title](link)` with a paper's link first. */
function isPaperText(text: string): boolean {
	return text.charCodeAt(0) === 91 /* [ */ && hasPaperLink(text) && isPaperUrl(parsePaperHeading(text).link);
}

/** The paper text of a list item that is a paper (`- **[Title](https://arxiv.org/abs/…)**`, `t` trimmed), else undefined. */
function listItemPaper(t: string): string | undefined {
	const c = t.charCodeAt(0);
	if ((c !== 45 && c !== 42 && c !== 43) || t.charCodeAt(1) !== 32) return undefined;
	const item = t.slice(2).trimStart().replace(/^[*_]{1,3}/, '');
	return isPaperText(item) ? item : undefined;
}

/** a heading that names a section, not a code comment: a category id (`cs.CL`, `astro-ph.GA`) or a link back (`[[Back]](#toc)`) */
const SECTION_HEADING_SIGN = /\b[a-z]+(?:-[a-z]+)?\.[A-Z]{2}\b|\]\(#/;
/** a closing fence: the opening's character, as many or more, nothing after */
const FENCE_CLOSE = /^(`{3,}|~{3,})$/;
/** text in italics, `*…*` or `_…_`, not in bold */
const SINGLE_EMPHASIS = /^([*_])(?![*_]).*[^*_]\1$/;
/** an author list in `*...*` whose closing `*` is missing ends after this many lines */
const MAX_AUTHOR_LINES = 8;
/** the level of a paper written as a list item: below every heading, so no heading is a section of it */
const LIST_PAPER_LEVEL = 7;

interface Anchor {
	id: string;
	line: number;
}

interface PendingLine {
	text: string;
	line: number;
}

interface OpenPaper {
	paper: Paper;
	/** the heading level of the paper (1–6), 7 for a paper written as a list item */
	level: number;
	/** a heading with no link, number or `[`: a paper only if fields follow */
	tentative: boolean;
	header: boolean;
	pendingPlain: PendingLine[];
	/** authors in `*...*` that wrap over several lines */
	authorsOpen?: { parts: string[]; start: number; last: number };
	detailsStart?: number;
	detailsOpen: boolean;
	/** the line of the unlabelled paragraph after `Main category:`, a note until the paper ends (see endCategory) */
	unlabelledTldr?: number;
}

const TOC_HEADINGS = new Set(['table of contents', 'contents', 'toc', 'index', 'categories', '目录', '目錄', '目次', '목차']);

/** a count at the end of a heading: `cs.CV (12)`, `cs.CV [Total: 12]`, `cs.CV (12 papers)` */
function splitHeadingTotal(name: string): { name: string; total?: number } {
	const last = name.charCodeAt(name.length - 1);
	const open = last === 41 ? name.lastIndexOf('(') : last === 93 ? name.lastIndexOf('[') : -1;
	if (open <= 0 || name.length - open > 24) return { name };
	const m = /\d+/.exec(name.slice(open));
	if (!m) return { name };
	return { name: name.slice(0, open).trim(), total: Number(m[0]) };
}

/** removes markdown links to in-page anchors (`[[Back]](#toc)`) from a heading */
function stripAnchorLinks(text: string): string {
	let out = text;
	for (let guard = 0; guard < 8; guard++) {
		const at = out.indexOf('](#');
		if (at < 0) break;
		let depth = 0;
		let open = -1;
		for (let j = at; j >= 0; j--) {
			const c = out[j];
			if (c === ']') depth++;
			else if (c === '[') {
				depth--;
				if (depth === 0) {
					open = j;
					break;
				}
			}
		}
		const close = out.indexOf(')', at + 3);
		if (open < 0 || close < 0) break;
		out = out.slice(0, open) + out.slice(close + 1);
	}
	return out;
}

/**
 * `[Title](https://…)`, `[12] [Title](…)`, `12. [Title](…)`: a heading that links out names a paper
 * at any level (`## <a id=…></a>[Title](…)` forks write papers as level-2 headings). Links to in-page
 * anchors (`[cs.CV](#cs.CV)`) do not count.
 */
function hasPaperLink(text: string): boolean {
	const at = text.indexOf('](');
	if (at < 0 || at > MAX_HEADING_PARSE) return false;
	const c = text.charCodeAt(at + 2);
	if (c === 35 /* # */ || c === 41 /* ) */) return false;
	let k = 0;
	// only a number or emphasis may come before the link's `[`
	while (k < text.length && k < 12 && text.charCodeAt(k) !== 91) k++;
	return k < text.length && /^(?:\[?\d{1,6}[\].)]?\s*)?[*_]{0,3}$/.test(text.slice(0, k));
}

/** a link to a paper (arXiv, a DOI, a preprint server's content page), not to a project or home page */
function isPaperUrl(link: string | undefined): boolean {
	if (link === undefined) return false;
	return identityFromLink(link).isArxiv || /doi\.org\/|\/(?:abs|pdf|content|paper|article)s?\//i.test(link);
}

interface PaperHeading {
	number?: number;
	title: string;
	link?: string;
	trailing?: string;
}

/** `[12] [Title](link)`, `12. [Title](link)`, `[Title](link)`, `[12] Title` */
function parsePaperHeading(text: string): PaperHeading {
	let s = text;
	let num: number | undefined;
	// `[12] ` or `12. ` / `12) `, read by hand: this runs once per paper
	const bracket = s.charCodeAt(0) === 91 ? 1 : 0;
	let j = bracket;
	while (j < s.length && j - bracket < 7 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
	if (j > bracket) {
		const close = s.charCodeAt(j);
		const ok = bracket ? close === 93 : (close === 46 || close === 41) && (s.charCodeAt(j + 1) === 32 || s.charCodeAt(j + 1) === 9);
		if (ok) {
			num = Number(s.slice(bracket, j));
			let k = j + 1;
			while (k < s.length && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
			s = s.slice(k);
		}
	}
	if (s.length > MAX_HEADING_PARSE) return { number: num, title: s.trim() };
	if (s.startsWith('[')) {
		let close = matchingClose(s, 0, '[', ']');
		if (close < 0 || s[close + 1] !== '(') {
			// an unbalanced `]` in the title: fall back to the last `](` of a line ending in `)`
			const t = s.trimEnd();
			const at = t.endsWith(')') ? t.lastIndexOf('](') : -1;
			close = at > 0 ? at : -1;
		}
		if (close > 0 && s[close + 1] === '(') {
			let end = matchingClose(s, close + 1, '(', ')');
			if (end < 0) end = s.length;
			const target = s.slice(close + 2, end).trim();
			const link = /[\s<>]/.test(target) ? target.split(/\s+/, 1)[0].replace(/^<|>$/g, '') : target;
			const trailing = s.slice(end + 1).trim();
			return { number: num, title: stripEmphasisPairs(s.slice(1, close)), link: link || undefined, trailing: trailing || undefined };
		}
	}
	let title = s.trim();
	let link: string | undefined;
	const http = title.search(/https?:\/\//);
	if (http >= 0 && title.indexOf(' ', http) < 0) {
		link = trimEndChars(title.slice(http), ')>');
		title = trimEndChars(title.slice(0, http), ' \t(<|:–-');
	}
	return { number: num, title: stripEmphasisPairs(title), link };
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 11 || code === 12;
}

/** `t` starts with the lower-case ASCII `prefix`, ignoring case, without allocating */
function startsWithCI(t: string, prefix: string): boolean {
	if (t.length < prefix.length) return false;
	for (let k = 0; k < prefix.length; k++) {
		let c = t.charCodeAt(k);
		if (c >= 65 && c <= 90) c += 32;
		if (c !== prefix.charCodeAt(k)) return false;
	}
	return true;
}

/** merges two lists already in line order */
function mergeByLine(a: ExtraField[], b: ExtraField[]): ExtraField[] {
	const out: ExtraField[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (j >= b.length || (i < a.length && a[i].range.start <= b[j].range.start)) out.push(a[i++]);
		else out.push(b[j++]);
	}
	return out;
}

/** `text` without any trailing characters from `chars`; a loop, as `/[...]+$/` is quadratic on long runs */
function trimEndChars(text: string, chars: string): string {
	let end = text.length;
	while (end > 0 && chars.includes(text[end - 1])) end--;
	return text.slice(0, end);
}

/**
 * Does a label read as a field's name rather than the start of a sentence: at most three words
 * (`Key Figures`, `Conclusion Translation`, `Journal ref`), and no more than six CJK characters
 * (`免费全文`, `主要发现包括`; 我们考虑了两种设置 is a clause)?
 */
function nameLike(label: string): boolean {
	if (label.split(/\s+/).filter((w) => w !== '').length > 3) return false;
	let cjk = 0;
	for (const ch of label) if (isCjkCode(ch.charCodeAt(0))) cjk++;
	return cjk <= 6;
}

/** the paper has a TL;DR, motivation, method, result, conclusion or abstract already */
function hasSummaryField(paper: Paper): boolean {
	const r = paper.fieldRanges;
	return r.tldr !== undefined || r.motivation !== undefined || r.method !== undefined || r.result !== undefined || r.conclusion !== undefined || r.abstract !== undefined;
}

/** a plain line under the heading is an author list unless it reads like a sentence */
function looksLikeAuthors(text: string): boolean {
	if (text.length > 4000) return false;
	if (text.endsWith('et al.') || text.endsWith('et al')) return true;
	return !endsSentence(text);
}

function startsUpperOrCaseless(label: string): boolean {
	const c = label[0];
	return c.toUpperCase() === c;
}

class DigestParser {
	private readonly text: LineSource;
	private lineCount = 0;
	/** the last line that held more than whitespace */
	private lastTextLine = -1;
	private readonly diagnostics: DigestDiagnostic[] = [];
	private readonly papers: Paper[] = [];
	private readonly rawCats: RawCategory[] = [];
	private readonly tocEntries: TocEntry[] = [];
	private tocStart?: number;
	private tocEnd?: number;
	private tocHeadingLine?: number;
	private current?: RawCategory;
	private open?: OpenPaper;
	private pendingAnchor?: Anchor;
	/** a code fence open in the open paper's text, and the lines read since, held until it closes (see openFence) */
	private fence: { char: number; length: number; line: number; held: { i: number; raw: string }[] } | undefined;
	private firstHeadingSeen = false;
	private headingDay?: string;
	private reportDay?: string;
	private prevBlank = true;
	private prevText = '';
	private readonly unplacedSeen = new Set<string>();
	/** the `<<<<<<<` line of a merge conflict not yet closed by its `>>>>>>>` */
	private conflictStart?: number;
	private readonly idFirstLine = new Map<string, number>();
	/** where title and TOC headings start, in file order: they end the category above them */
	private readonly sectionBreaks: number[] = [];
	private readonly paperAnchors = new Set<string>();
	private readonly fields = new FieldBuilder((range, severity, code, message) => this.diag(range, severity, code, message));

	/** what the day and label a file's name gives are read from (ParseOptions.name) */
	private readonly name: string;

	constructor(text: LineSource, private readonly path: string, options: ParseOptions = {}) {
		this.name = options.name ?? path;
		if (options.clean) {
			this.text = withoutBom(text);
			return;
		}
		// the signs of a binary file are looked for in the whole text (not known clean: rare)
		const whole = wholeText(withoutBom(text));
		this.text = whole;
		this.checkBinary(whole);
	}

	parse(): Digest {
		this.lineCount = forEachLine(this.text, (i, raw) => this.line(i, raw));
		// fences open at the end of the file (a line read again may open another)
		while (this.fence) {
			this.unclosedFence();
			this.readAgain();
		}
		return this.finish();
	}

	/** one reused LabelLine: label lines are read on almost every line and used at once */
	private readonly labelScratch: LabelLine = { label: '', value: '', emphasized: false, quoted: false, bullet: false };

	private readLabel(line: string): LabelLine | undefined {
		return readLabelLine(line, this.labelScratch) ? this.labelScratch : undefined;
	}

	private diag(range: LineRange, severity: Severity, code: DiagnosticCode, message: string): void {
		this.diagnostics.push({ range, severity, code, message });
	}

	private checkBinary(text: string): void {
		// lastIndexOf is several times faster than indexOf for this on two-byte strings
		const nul = text.lastIndexOf('\0') >= 0 ? text.indexOf('\0') : -1;
		let replacements = 0;
		let first = -1;
		for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) {
			if (first < 0) first = at;
			replacements++;
		}
		const manyReplacements = replacements > 8 && replacements * 200 > text.length;
		if (nul < 0 && !manyReplacements) return;
		const offset = nul >= 0 ? nul : first;
		let line = 0;
		for (let k = 0; k < offset; k++) {
			const c = text.charCodeAt(k);
			if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
		}
		const why = nul >= 0 ? 'NUL bytes' : `${replacements} undecodable characters`;
		this.diag({ start: line, end: line }, 'error', 'binary-content', `This file looks binary or is not UTF-8 (${why}); only what could be read was parsed.`);
	}

	/** lines to read again, in file order, before the next (see unclosedFence) */
	private reread: { i: number; raw: string }[] = [];

	private line(i: number, raw: string): void {
		this.lineOnce(i, raw);
		this.readAgain();
	}

	/** the lines unclosedFence gave back: a loop, not a recursion (a file of many fences left open would exhaust the stack) */
	private readAgain(): void {
		while (this.reread.length > 0) {
			const next = this.reread.shift()!;
			this.lineOnce(next.i, next.raw);
		}
	}

	private lineOnce(i: number, raw: string): void {
		if (this.conflictMarker(i, raw)) return;
		if (this.fence) {
			this.fenceLine(i, raw);
			return;
		}
		const n = raw.length;
		let s = 0;
		while (s < n && isSpace(raw.charCodeAt(s))) s++;
		if (s === n) {
			this.blank();
			return;
		}
		let e = n;
		while (e > s && isSpace(raw.charCodeAt(e - 1))) e--;
		// most lines have nothing to trim: avoid copying them
		const t = s === 0 && e === n ? raw : raw.slice(s, e);
		const anchor = this.pendingAnchor;
		this.pendingAnchor = undefined;
		this.handle(i, raw, t, anchor);
		this.lastTextLine = i;
		this.prevBlank = false;
		this.prevText = t;
	}

	/**
	 * A line of Git's conflict markers (`<<<<<<< HEAD`, `|||||||`, `=======`, `>>>>>>> branch`) is no
	 * text of the digest: it is read as a blank line, which keeps the two sides apart, and each block is
	 * reported once. `=======` and the rest count only inside a block, as `=======` alone underlines a heading.
	 */
	private conflictMarker(i: number, raw: string): boolean {
		const marker = conflictMarkerKind(raw);
		if (!marker) return false;
		if (marker === '<') this.conflictStart ??= i;
		else if (this.conflictStart === undefined) return false;
		else if (marker === '>') this.reportConflict(i);
		this.blank();
		return true;
	}

	private reportConflict(end: number): void {
		const start = this.conflictStart!;
		this.conflictStart = undefined;
		this.diag(
			{ start, end },
			'warning',
			'merge-conflict',
			`Unresolved merge conflict (lines ${start + 1}–${end + 1}): resolve it in Git; the papers in it may be listed twice.`,
		);
	}

	private blank(): void {
		this.prevBlank = true;
		const p = this.open;
		if (!p) return;
		// an author list does not run over a blank line
		if (p.authorsOpen) this.finishAuthors(p);
		this.fields.blank();
	}

	private handle(i: number, raw: string, t: string, anchor: Anchor | undefined): void {
		const c = t.charCodeAt(0);
		if ((c === 96 /* ` */ || c === 126 /* ~ */) && this.openFence(i, raw, t)) return;
		if (c === 35 /* # */ && raw.charCodeAt(0) === 35 && this.heading(i, t, anchor)) return;
		if (c === 60 /* < */ && this.html(i, raw, t)) return;
		if (isSeparator(t)) {
			this.fields.close();
			if (this.open) this.leaveHeader();
			return;
		}
		const tocPossible = this.open ? this.papers.length === 1 && this.isBare(this.open) : this.papers.length === 0;
		if (tocPossible && this.tocEntry(i, t, anchor)) return;
		if (c === 91 /* [ */) {
			// `[[toc]]`, `[TOC]`: a renderer's table-of-contents marker, layout and no content
			if (TOC_MARKER.test(t)) return;
			const targets = linksOnly(t);
			if (targets && targets.every((x) => x.startsWith('#'))) {
				// navigation (`[[Back]](#toc)`, `[Top](#top)`): part of the layout, not content
				this.fields.close();
				return;
			}
		}
		if ((c === 45 || c === 42 || c === 43) && raw.charCodeAt(0) === c && t.charCodeAt(1) === 32 && this.listPaper(i, t, anchor)) return;
		if (this.open) this.paperLine(i, raw, t);
		else this.outsideLine(i, raw, t);
	}

	/**
	 * A fenced code block (```` ``` ````, `~~~`) in a field of the open paper, as an LLM summary of a
	 * code paper writes one: its lines are the field's text, never headings, labels or layout (`# compute
	 * the loss` made a category of its own, and every later paper of the day moved under it). Its lines
	 * are held until the fence closes (fenceLine): a fence left open (a summary cut inside its code) is
	 * known only later, and ends, with a note, where the digest plainly went on (see endsOpenFence).
	 */
	private openFence(i: number, raw: string, t: string): boolean {
		if (!this.open || !this.fields.current || raw.length - raw.trimStart().length > 3) return false;
		const m = FENCE_OPEN.exec(t);
		if (!m) return false;
		this.fence = { char: t.charCodeAt(0), length: m[1].length, line: i, held: [] };
		this.fields.appendVerbatim(raw, i);
		return true;
	}

	/** A line read while a fence is open: its closing line gives the field every line held; a paper's start shows it was left open. */
	private fenceLine(i: number, raw: string): void {
		const fence = this.fence!;
		const t = raw.trim();
		const close = FENCE_CLOSE.exec(t);
		if (close && t.charCodeAt(0) === fence.char && close[1].length >= fence.length) {
			this.fence = undefined;
			for (const held of fence.held) this.verbatim(held.i, held.raw);
			this.fields.appendVerbatim(raw, i);
			this.lastTextLine = i;
			this.prevBlank = false;
			this.prevText = t;
			return;
		}
		if (startsPaper(t)) {
			this.unclosedFence({ i, raw });
			return;
		}
		fence.held.push({ i, raw });
	}

	/** a line of a fenced block, as written: a blank one breaks the paragraph, as it shows */
	private verbatim(i: number, raw: string): void {
		if (raw.trim() === '') this.fields.blank();
		else this.fields.appendVerbatim(raw, i);
	}

	/**
	 * The open fence, never closed: its lines up to the first that goes on with the digest (a paper's
	 * heading or list item, a section's heading naming a category or linking back, the paper's
	 * `</details>`) are the field's text, with a note; that line, the rest and `next` (the line that
	 * showed it) are read again as usual, before any line after them.
	 */
	private unclosedFence(next?: { i: number; raw: string }): void {
		const fence = this.fence;
		if (!fence) return;
		this.fence = undefined;
		const { held } = fence;
		let k = 0;
		for (; k < held.length && !this.endsOpenFence(held[k].raw.trim()); k++) this.verbatim(held[k].i, held[k].raw);
		this.diag({ start: fence.line, end: k > 0 ? held[k - 1].i : fence.line }, 'info', 'unclosed-fence', 'This code block is never closed: it ends with its paper.');
		const again = held.slice(k);
		if (next) again.push(next);
		this.reread = again.length > 0 ? again.concat(this.reread) : this.reread;
	}

	/** Does `t` go on with the digest (see unclosedFence)? */
	private endsOpenFence(t: string): boolean {
		if (startsPaper(t)) return true;
		if (t.charCodeAt(0) === 60 /* < */) return this.open?.detailsOpen === true && /^<\/details>/i.test(t);
		const level = headingLevel(t);
		return level > 0 && SECTION_HEADING_SIGN.test(t.slice(level));
	}

	// ---- headings ----

	private heading(i: number, t: string, anchor: Anchor | undefined): boolean {
		let level = 0;
		while (level < t.length && t.charCodeAt(level) === 35) level++;
		if (level > 6 || (level < t.length && t.charCodeAt(level) !== 32 && t.charCodeAt(level) !== 9)) return false;
		let text = t.slice(level).trim();
		if (text.charCodeAt(text.length - 1) === 35) text = text.replace(/\s#+$/, '').trim();
		if (!this.firstHeadingSeen) {
			this.firstHeadingSeen = true;
			this.headingDay = dayFromText(text.slice(0, 200));
		}
		// a bare `###` (a file cut right after it) names no paper: keep it as text
		if (level >= 3 && text.length === 0) return false;
		const lead = text.charCodeAt(0) === 60 /* < */ ? leadingTags(text) : undefined;
		const body = lead ? lead.rest : text;
		const linked = hasPaperLink(body) && (level >= 3 || isPaperUrl(parsePaperHeading(body).link));
		const open = this.open;
		if (open && level > open.level && !linked) {
			// `### Background`, `#### TL;DR`: a section of the open paper, never a new one
			this.sectionHeading(i, text);
			return true;
		}
		if (linked || (level >= 3 && (level === 3 || /^\d+[.)]\s/.test(text)))) {
			this.startPaper(i, body, level, lead?.id ?? anchor?.id, anchor);
			return true;
		}
		if (level >= 3) return false;
		const boundary = anchor ? anchor.line : i;
		const short = text.length > MAX_HEADING_PARSE ? text.slice(0, MAX_HEADING_PARSE) : text;
		const tags = stripTags(stripAnchorLinks(short));
		const plain = stripEmphasis(tags.text.trim());
		if (TOC_HEADINGS.has(plain.toLowerCase())) {
			this.closePaper(boundary - 1);
			if (this.tocStart === undefined) {
				this.tocHeadingLine = i;
				this.tocStart = boundary;
				this.tocEnd = i;
			}
			this.current = undefined;
			this.sectionBreaks.push(boundary);
			return true;
		}
		this.closePaper(boundary - 1);
		if (dayFromText(plain) !== undefined) {
			// `# 2025-09-18`, `## Report for 2025-09-18`: a document title, never a category
			this.current = undefined;
			this.sectionBreaks.push(boundary);
			return true;
		}
		const split = splitHeadingTotal(plain);
		const cat: RawCategory = {
			name: split.name || plain || text,
			anchor: tags.id ?? anchor?.id,
			level,
			headingLine: i,
			boundary,
			papers: [],
			headingTotal: split.total,
			implicit: false,
		};
		this.rawCats.push(cat);
		this.current = cat;
		return true;
	}

	/**
	 * `- **[Title](https://arxiv.org/abs/…)** \`arXiv:…\``: a paper written as a list item, at column 0,
	 * outside any heading paper (whose own link lists must stay notes). Its fields are the indented lines below.
	 */
	private listPaper(i: number, t: string, anchor: Anchor | undefined): boolean {
		if (this.open && this.open.level !== LIST_PAPER_LEVEL) return false;
		const item = listItemPaper(t);
		if (item === undefined) return false;
		this.startPaper(i, item, LIST_PAPER_LEVEL, undefined, anchor);
		return true;
	}

	/** a heading inside a paper: a field when its words are a known label, else an extra section */
	private sectionHeading(i: number, text: string): void {
		const label = stripEmphasis(stripTags(text).text.replace(/[:：]\s*$/, '').trim());
		const key = labelKey(label);
		this.fields.close();
		this.leaveHeader();
		this.fields.open(this.open!.paper, key, label, '', i, false, key === undefined, true);
	}

	private startPaper(i: number, text: string, level: number, id: string | undefined, anchor: Anchor | undefined): void {
		this.closePaper((anchor ? anchor.line : i) - 1);
		const h = parsePaperHeading(text);
		const paper = emptyPaper(i);
		if (h.number !== undefined) paper.number = h.number;
		paper.title = h.title;
		if (h.link !== undefined) paper.link = h.link;
		paper.fieldRanges.title = { start: i, end: i };
		// `[[back]](#toc-1)` after the title is navigation; anything else there is kept as a note
		let trailing = h.trailing && h.trailing.indexOf('](#') >= 0 ? stripAnchorLinks(h.trailing).trim() : h.trailing;
		// the closing `**` of a bold list-item link
		if (trailing && level === LIST_PAPER_LEVEL) trailing = stripEmphasis(trailing);
		if (trailing) paper.extra.push({ label: '', value: trailing, range: { start: i, end: i } });
		if (id !== undefined) this.paperAnchors.add(id);
		const index = this.papers.length;
		this.papers.push(paper);
		if (this.current) this.current.papers.push(index);
		const tentative = h.link === undefined && h.number === undefined && text.charCodeAt(0) !== 91;
		this.open = { paper, level, tentative, header: true, pendingPlain: [], detailsOpen: false };
	}

	/**
	 * A tentative paper heading with nothing under it (`### 今日没有找到新论文。`, `### 目录` above a
	 * list, a grouping heading): not a paper after all.
	 */
	private isBare(p: OpenPaper): boolean {
		const paper = p.paper;
		return (
			p.tentative &&
			paper.extra.length === 0 &&
			paper.authors.length === 0 &&
			p.pendingPlain.length === 0 &&
			p.authorsOpen === undefined &&
			!p.detailsOpen &&
			paper.detailsRange === undefined &&
			this.fields.current === undefined &&
			Object.keys(paper.fieldRanges).length === 1
		);
	}

	/** takes back the open paper, the last one pushed; its heading becomes layout */
	private dropOpenPaper(): OpenPaper {
		const p = this.open!;
		this.open = undefined;
		this.papers.pop();
		const cat = this.current;
		if (cat && cat.papers[cat.papers.length - 1] === this.papers.length) cat.papers.pop();
		return p;
	}

	// ---- html-looking structure ----

	private html(i: number, raw: string, t: string): boolean {
		const p = this.open;
		if (t.startsWith('<!--')) return t.endsWith('-->');
		if (startsWithCI(t, '<div') || startsWithCI(t, '<a ') || startsWithCI(t, '<span')) {
			const gt = t.indexOf('>');
			const id = gt > 0 ? attributeId(t.slice(1, gt)) : undefined;
			const rest = stripTags(t.length > MAX_HEADING_PARSE ? t.slice(0, MAX_HEADING_PARSE) : t).text.trim();
			if (id !== undefined && rest.length === 0) {
				this.fields.close();
				this.pendingAnchor = { id, line: i };
				return true;
			}
			return false;
		}
		if (startsWithCI(t, '<details') && (t.length === 8 || t[8] === '>' || t[8] === ' ')) {
			if (!p) return false;
			this.fields.close();
			this.leaveHeader();
			if (!p.detailsOpen) {
				p.detailsOpen = true;
				p.detailsStart = i;
			}
			const gt = t.indexOf('>');
			const rest = t.slice(gt + 1).trim();
			if (rest.length > 0) this.summaryOrContent(i, raw, rest);
			return true;
		}
		if (startsWithCI(t, '<summary')) {
			if (!p) return false;
			this.summaryOrContent(i, raw, t);
			return true;
		}
		if (startsWithCI(t, '</details>')) {
			if (!p) return true;
			this.closeDetails(i);
			if (t.length > 10) {
				const rest = t.slice(10).trim();
				if (rest.length > 0) this.paperLine(i, rest, rest);
			}
			return true;
		}
		if (startsWithCI(t, '<br') && t.endsWith('>') && t.length < 8) return true;
		return false;
	}

	/** `<summary>Details</summary>` is layout; `<summary>Abstract</summary>` opens that field */
	private summaryOrContent(i: number, raw: string, t: string): void {
		if (!startsWithCI(t, '<summary')) {
			this.paperLine(i, raw, t);
			return;
		}
		this.fields.close();
		this.leaveHeader();
		let close = t.indexOf('</summary>');
		if (close < 0 && t.length < MAX_HEADING_PARSE) close = t.toLowerCase().indexOf('</summary>');
		const inner = close === 17 && startsWithCI(t, '<summary>details') ? 'Details' : stripTags(close >= 0 ? t.slice(0, close) : t).text.trim();
		const after = close >= 0 && t.length > close + 10 ? t.slice(close + 10).trim() : '';
		const key = labelKey(stripEmphasis(inner.replace(/[:：]\s*$/, '')));
		if (key && key !== 'date') {
			this.fields.open(this.open!.paper, key, inner, after, i, false, false);
			return;
		}
		if (after.length > 0) this.paperLine(i, after, after);
	}

	private closeDetails(i: number): void {
		const p = this.open!;
		this.fields.close();
		this.leaveHeader();
		if (p.detailsOpen) {
			p.paper.detailsRange = { start: p.detailsStart!, end: i };
			p.detailsOpen = false;
		}
	}

	// ---- table of contents ----

	private tocEntry(i: number, t: string, anchor: Anchor | undefined): boolean {
		const m = /^(?:[-*+]|\d{1,3}[.)])\s+\[/.exec(t);
		if (!m) return false;
		const textStart = m[0].length;
		const mid = t.indexOf('](#', textStart);
		if (mid < 0 || mid - textStart > 200) return false;
		const close = t.indexOf(')', mid + 3);
		if (close < 0) return false;
		const written = stripEmphasis(t.slice(textStart, mid).trim());
		const target = t.slice(mid + 3, close).trim();
		const rest = t.slice(close + 1, close + 80);
		const num = /\d+/.exec(rest);
		// `[Computer Vision (11)](#cs-cv)`: with no count after the link, one inside its text is the total, not part of the name
		const { name, total } = num ? { name: written, total: Number(num[0]) } : splitHeadingTotal(written);
		if (this.open) {
			// `### 目录` above the list: a heading the parser took for a paper heads the contents
			const bare = this.dropOpenPaper().paper;
			if (this.tocStart === undefined) {
				this.tocHeadingLine = bare.headingLine;
				this.tocStart = bare.headingLine;
				this.sectionBreaks.push(bare.headingLine);
			}
		}
		const cur = this.current;
		if (this.tocStart !== undefined && cur && !cur.implicit && cur.papers.length === 0 && this.prevText.startsWith('#')) {
			// a heading right above a list inside the contents groups its entries: it is no category
			cur.title = true;
		}
		if (this.tocStart === undefined) {
			if (cur && !cur.implicit && cur.papers.length === 0 && this.rawCats[this.rawCats.length - 1] === cur && this.prevText.startsWith('#')) {
				// a heading right above the list is the TOC heading, whatever its wording
				this.rawCats.pop();
				this.tocHeadingLine = cur.headingLine;
				this.tocStart = cur.boundary;
				this.current = undefined;
			} else {
				this.tocStart = anchor ? anchor.line : i;
			}
		}
		this.tocEnd = i;
		this.tocEntries.push({ name, anchor: target || undefined, total, line: i });
		return true;
	}

	// ---- lines outside any paper ----

	private outsideLine(i: number, raw: string, t: string): void {
		const lab = this.readLabel(raw);
		if (lab && lab.key === 'date') {
			const day = dayFromText(lab.value.slice(0, 200));
			if (day) {
				this.reportDay ??= day;
				return;
			}
		}
		this.unplaced(i, t, undefined);
	}

	private unplaced(i: number, t: string, paper: Paper | undefined): void {
		if (paper) this.keepAsNote(i, t, paper);
		this.reportUnplaced(i, t, paper !== undefined);
	}

	/**
	 * A line of links under a paper, alone or with labelled segments (`[**[PDF]**](…) | **Categories:** cs.CV, cs.LG`):
	 * the links are a note (see keepAsNote), each labelled segment a field. False when the line is anything else.
	 */
	private linkLine(i: number, t: string, paper: Paper): boolean {
		let links = linksOnly(t) ? t : undefined;
		const labels: { key: LabelKey | undefined; label: string; value: string }[] = [];
		if (!links) {
			if (t.indexOf(' | ') < 0 || t.length > 2000) return false;
			const segments = t.split(' | ').map((seg) => seg.trim());
			const linkSegments = segments.filter((seg) => linksOnly(seg));
			if (linkSegments.length === 0) return false;
			for (const seg of segments) {
				if (linkSegments.includes(seg)) continue;
				// readLabel fills one shared object: copy what it read
				const lab = this.readLabel(seg);
				if (!lab) return false;
				labels.push({ key: lab.key, label: lab.label, value: lab.value });
			}
			links = linkSegments.join(' | ');
		}
		this.fields.close();
		this.leaveHeader();
		this.keepAsNote(i, links, paper);
		for (const lab of labels) {
			this.fields.open(paper, lab.key, lab.label, lab.value, i, false, lab.key === undefined);
			this.fields.close();
		}
		return true;
	}

	/**
	 * Keeps line `i` as a note of the paper (an extra field without label): text the parser could not
	 * place (see unplaced), or a line of its links (see linkLine), which is placed and not reported.
	 */
	private keepAsNote(i: number, t: string, paper: Paper): void {
		paper.extra.push({ label: '', value: t, range: { start: i, end: i } });
	}

	private reportUnplaced(i: number, t: string, kept: boolean): void {
		// repeated boilerplate (a footer under every paper) is reported once
		const key = t.length > 200 ? t.slice(0, 200) : t;
		if (this.unplacedSeen.has(key)) return;
		this.unplacedSeen.add(key);
		const where = kept ? 'kept as a note of the paper' : 'outside any paper';
		this.diag({ start: i, end: i }, 'info', 'unplaced-text', `Text the parser could not place (${where}).`);
	}

	// ---- lines inside a paper ----

	private paperLine(i: number, raw: string, t: string): void {
		const p = this.open!;
		// a list-item paper's fields are indented under it
		const source = p.level === LIST_PAPER_LEVEL ? t : raw;
		let lab = this.readLabel(source);
		if (lab && !this.acceptLabel(lab, p)) lab = undefined;
		if (p.header) {
			if (this.headerLine(i, t, lab !== undefined)) return;
			// headerLine may have read other labels into the shared scratch object
			lab = this.readLabel(source);
			if (lab && !this.acceptLabel(lab, p)) lab = undefined;
		}
		if (lab) {
			const { key, label, value, quoted } = lab;
			this.fields.close();
			this.leaveHeader();
			// a summary's text is prose, where ` | ` and a colon are its own (and long: not scanned)
			if ((key === undefined || key === 'category') && value.indexOf(' | ') > 0 && this.labelledSegments(i, key, label, value, quoted)) return;
			this.fields.open(this.open!.paper, key, label, value, i, quoted, key === undefined);
			return;
		}
		if (t.charCodeAt(0) === 42 /* * */ && t.length < 60) {
			const key = labelKey(stripEmphasis(t.replace(/[:：]\s*\**$/, '')).replace(/[:：]$/, ''));
			if (key && key !== 'date') {
				this.fields.close();
				this.leaveHeader();
				this.fields.open(this.open!.paper, key, stripEmphasis(t).replace(/[:：]$/, ''), '', i, false, false);
				return;
			}
		}
		let f = this.fields.current;
		if (f && f.target === 'translatedTitle' && (f.paragraphBreak || this.authorsBelowTitle(t, p))) {
			if (this.endTranslatedTitle(p)) {
				this.headerLine(i, t, false);
				return;
			}
			if (t.charCodeAt(0) === 62 /* > */ && this.quotedTldr(i, t, p)) return;
			f = undefined;
		} else if (f && f.paragraphBreak && f.target === 'category') {
			if (this.endCategory(i, t, p)) return;
			f = undefined;
		}
		if ((!f || f.paragraphBreak) && t.charCodeAt(0) === 91 /* [ */ && this.linkLine(i, t, p.paper)) return;
		if (f) {
			this.fields.append(raw, i);
			return;
		}
		this.leaveHeader();
		this.unplaced(i, t, p.paper);
	}

	private acceptLabel(lab: LabelLine, p: OpenPaper): boolean {
		const f = this.fields.current;
		if (lab.key !== undefined) return !(f && this.structuredAbstractPart(lab, f.target, p.paper));
		// `抽象：` is a machine translation's "Abstract:" inside a translated abstract (`摘要翻译: 标题：…`,
		// a blank line, `抽象：…`): the rest of that field, not a field of its own
		if (f && lab.label === '抽象') return false;
		// `### Summary` then `The main findings:`: the first line under a field heading is its text, and
		// so is a plain `Words:` line that ends there (`主要发现包括：` above a list), unless it is a label
		// forks commonly write (`Keywords:`)
		if (f && f.heading && (f.count === 0 || (!lab.emphasized && lab.value === '' && !isCommonExtraLabel(lab.label)))) return false;
		if (this.translatedTitleSlot(p) && !isCommonExtraLabel(lab.label) && (hasCjk(lab.label) || hasCjk(lab.value)) && !hasCjk(p.paper.title)) {
			// `Marionette：预测世界状态…` right under a Latin title is its translation, colon and all
			return false;
		}
		if (lab.bullet) return false;
		if (lab.emphasized) return true;
		if (!startsUpperOrCaseless(lab.label)) return false;
		if (this.prevBlank || !f) return true;
		// a plain `Words: text` right under a line of the value, no blank line between, opens a field after
		// a short line (`Main category: cs.CV` then `Mood: calm`) or one that ends a sentence (an abstract
		// on one line, then `Affiliations: MIT`), when it reads as a name: hard-wrapped abstracts hold the
		// start of a sentence before a colon ("This exposes an important paradox: the realism…", "Our code
		// is available at: https://…", 我们考虑了两种设置：…), which continues the value
		if (!isCommonExtraLabel(lab.label) && !nameLike(lab.label)) return false;
		return this.prevText.length <= 60 || endsSentence(this.prevText);
	}

	/**
	 * `**摘要翻译:** 目的：…` then `方法：…`, `结果：…` on the next lines: in an abstract, a plain
	 * section name of a structured abstract right under a line of it, no blank line between, is the
	 * abstract's own text when the paper has that field already (its AI summary's): opened again, it
	 * would only be an extra field, and the abstract would keep its first part.
	 */
	private structuredAbstractPart(lab: LabelLine, current: string, paper: Paper): boolean {
		if (lab.emphasized || this.prevBlank || (current !== 'abstract' && current !== 'abstractTranslation')) return false;
		const key = lab.key;
		return (key === 'motivation' || key === 'method' || key === 'result' || key === 'conclusion') && paper.fieldRanges[key] !== undefined;
	}

	/**
	 * A labelled translated title (`**中文标题：…**`) is one paragraph: at the next, not labelled, or at an
	 * authors line right below it (authorsBelowTitle), it ends. Above the authors (a blank line, then
	 * `*A,B,C*`, or that line itself), what follows is the header again (true);
	 * after them, the paragraph is no part of the title and reads as if no field were open.
	 */
	private endTranslatedTitle(p: OpenPaper): boolean {
		this.fields.close();
		if (p.paper.fieldRanges.authors !== undefined || p.authorsOpen !== undefined) return false;
		p.header = true;
		return true;
	}

	/**
	 * A category is one paragraph too: the one after it, not labelled, is no part of it. Where the paper
	 * has no summary field yet, it may be the TL;DR: lix8886's template writes `Main category: {cate}`, a
	 * blank line, then the TL;DR with no label, where upstream writes `TL;DR: {tldr}`. It is read as a note
	 * (true), and the paper's end decides (placeUnlabelledTldr): a labelled TL;DR may follow (a rating
	 * `⭐⭐⭐⭐ 推荐阅读` there, then `TL;DR: …`). Links, or a paper with a summary field already, read as
	 * if no field were open (false: a note).
	 */
	private endCategory(i: number, t: string, p: OpenPaper): boolean {
		this.fields.close();
		if (hasSummaryField(p.paper)) return false;
		if (t.charCodeAt(0) === 91 /* [ */ && linksOnly(t)) return false;
		this.unlabelledTldrNote(i, t, false, p);
		return true;
	}

	/**
	 * The paper has ended: the unlabelled paragraph after its category (see endCategory) is its TL;DR when
	 * no labelled one came and it is prose (words, not only links or stars); else it stays the note it
	 * was read as, reported as text the parser could not place.
	 */
	private placeUnlabelledTldr(p: OpenPaper): void {
		const paper = p.paper;
		const at = paper.extra.findIndex((e) => e.label === '' && e.range.start === p.unlabelledTldr);
		if (at < 0) return;
		const note = paper.extra[at];
		if (paper.fieldRanges.tldr === undefined && /\p{L}/u.test(note.value) && !linksOnly(note.value)) {
			paper.extra.splice(at, 1);
			paper.tldr = note.value;
			paper.fieldRanges.tldr = note.range;
			return;
		}
		this.reportUnplaced(note.range.start, note.value, true);
	}

	/**
	 * `**中文标题**：…` and right below it, no blank line between, `*Alice Zhang, Bob Li*`: a whole line in
	 * italics that reads as a list of names (namesScore 2) is the authors, not the title's wrapped line,
	 * where the paper has none yet; one name there is read as the title's (an English title in italics,
	 * `*Towards Robust Embodied Agents*`, reads as one).
	 */
	private authorsBelowTitle(t: string, p: OpenPaper): boolean {
		return p.paper.fieldRanges.authors === undefined && SINGLE_EMPHASIS.test(t) && namesScore(t) > 1;
	}

	/**
	 * `*A, B*`, `**中文标题**：…`, a blank line, then `> 本文提出…`: an unlabelled quote after the translated
	 * title under the authors is the TL;DR, as it is right under the authors (see headerLine), where the
	 * paper has no summary field yet (true); else it reads as if no field were open (false).
	 */
	private quotedTldr(i: number, t: string, p: OpenPaper): boolean {
		if (hasSummaryField(p.paper)) return false;
		const inner = stripEmphasis(t.replace(/^(?:>\s*)+/, ''));
		if (inner.length === 0) return false;
		this.unlabelledTldrNote(i, inner, true, p);
		return true;
	}

	/**
	 * A paragraph or quote that may be the paper's TL;DR, unlabelled: read as a note, and the paper's end
	 * decides (placeUnlabelledTldr): a labelled TL;DR may still follow (a rating `> ⭐⭐⭐⭐ 推荐阅读`, a
	 * link bar, above `TL;DR: …`).
	 */
	private unlabelledTldrNote(i: number, value: string, quoted: boolean, p: OpenPaper): void {
		this.fields.open(p.paper, undefined, '', value, i, quoted, false);
		p.unlabelledTldr = i;
	}

	/** nothing read under the paper heading yet: the next line may be the translated title */
	private translatedTitleSlot(p: OpenPaper): boolean {
		const paper = p.paper;
		return p.header && p.pendingPlain.length === 0 && p.authorsOpen === undefined && paper.translatedTitle === undefined && paper.fieldRanges.authors === undefined && this.fields.current === undefined;
	}

	/** lines between the paper heading and its first labelled field: translated title, authors */
	private headerLine(i: number, t: string, isLabel: boolean): boolean {
		const p = this.open!;
		const paper = p.paper;
		if (p.authorsOpen) {
			if (isLabel || p.authorsOpen.parts.length >= MAX_AUTHOR_LINES) {
				this.finishAuthors(p);
			} else {
				p.authorsOpen.parts.push(t);
				p.authorsOpen.last = i;
				if (t.endsWith('*') || t.endsWith('_')) this.finishAuthors(p);
				return true;
			}
		}
		if (t.indexOf(' | ') > 0 && t.length < 4000) {
			const segs = t.split(' | ');
			if (segs.some((s) => this.readLabel(s.trim())?.key !== undefined || /^[*_].*[*_]$/.test(s.trim()))) {
				const authors = this.authorsSegment(segs);
				segs.forEach((seg, k) => this.headerSegment(i, seg.trim(), k === authors));
				return true;
			}
		}
		if (isLabel) return false;
		if (t.charCodeAt(0) === 62 /* > */) {
			const inner = stripEmphasis(t.replace(/^(?:>\s*)+/, ''));
			if (inner.length === 0) return true;
			if (paper.translatedTitle === undefined && paper.fieldRanges.authors === undefined) {
				paper.translatedTitle = inner;
				paper.fieldRanges.translatedTitle = { start: i, end: i };
			} else if (paper.fieldRanges.translatedTitle?.end === i - 1) {
				paper.translatedTitle += wrapSeparator(paper.translatedTitle!, inner) + inner;
				paper.fieldRanges.translatedTitle!.end = i;
			} else if (paper.fieldRanges.tldr === undefined) {
				// an unlabelled quote under the authors is the one-line summary, unless a labelled one follows
				this.leaveHeader();
				this.unlabelledTldrNote(i, inner, true, p);
			} else {
				this.unplaced(i, t, paper);
			}
			return true;
		}
		const c = t.charCodeAt(0);
		if ((c === 42 || c === 95) && !isListItem(t) && paper.fieldRanges.authors === undefined) {
			p.authorsOpen = { parts: [t], start: i, last: i };
			const ch = t[t.length - 1];
			if (t.length > 1 && (ch === '*' || ch === '_')) this.finishAuthors(p);
			return true;
		}
		if (c === 91 && linksOnly(t)) {
			this.keepAsNote(i, t, paper);
			return true;
		}
		p.pendingPlain.push({ text: t, line: i });
		return true;
	}

	/**
	 * `AB Test: False | Industrial: True | Affiliation: industry`, `Score: 4/5 | Tags: …`: a label line
	 * whose value goes on with `Label: value` segments after ` | ` is one field per segment, as in the
	 * header (`Main category: cs.CV | Domain: …`); the caller asks only for a category's or an extra
	 * label's line (`TL;DR: A | B: c` is its text). False, and nothing done, unless every segment after
	 * the first reads as a label with a name. The last field stays open for the lines that wrap it.
	 */
	private labelledSegments(i: number, key: LabelKey | undefined, label: string, value: string, quoted: boolean): boolean {
		if (value.length > 2000) return false;
		const segs = value.split(' | ');
		const rest: { key: LabelKey | undefined; label: string; value: string }[] = [];
		for (let k = 1; k < segs.length; k++) {
			// readLabel fills one shared object: copy what it read
			const lab = this.readLabel(segs[k].trim());
			if (!lab || lab.bullet || !nameLike(lab.label) || !startsUpperOrCaseless(lab.label)) return false;
			rest.push({ key: lab.key, label: lab.label, value: lab.value });
		}
		const paper = this.open!.paper;
		this.fields.open(paper, key, label, segs[0].trim(), i, quoted, key === undefined);
		for (const seg of rest) {
			this.fields.close();
			this.fields.open(paper, seg.key, seg.label, seg.value, i, quoted, seg.key === undefined);
		}
		return true;
	}

	/**
	 * Which segment of a ` | ` header line is the authors: of those in emphasis that are no field's label,
	 * the only one, else the one that reads most as names (`**Alice Zhang, Bob Li** | *cs.RO*`, `**高价值** |
	 * *Kwak, Lee, …*`), the one in italics where that leaves a tie, then the first. -1 for none.
	 */
	private authorsSegment(segs: string[]): number {
		let best = -1;
		let bestScore = 0;
		for (let k = 0; k < segs.length; k++) {
			const seg = segs[k].trim();
			if (!/^[*_]/.test(seg) || this.readLabel(seg)?.key !== undefined) continue;
			// a tie goes to the italic segment: half a point
			const score = namesScore(seg) + (SINGLE_EMPHASIS.test(seg) ? 0.5 : 0);
			if (best < 0 || score > bestScore) {
				best = k;
				bestScore = score;
			}
		}
		return best;
	}

	private headerSegment(i: number, seg: string, authors: boolean): void {
		const p = this.open!;
		if (seg.length === 0) return;
		const lab = this.readLabel(seg);
		if (lab && lab.key !== undefined) {
			this.fields.open(this.open!.paper, lab.key, lab.label, lab.value, i, false, false);
			this.fields.close();
			return;
		}
		if (authors && p.paper.fieldRanges.authors === undefined) {
			p.authorsOpen = { parts: [seg], start: i, last: i };
			this.finishAuthors(p);
			return;
		}
		if (lab) {
			this.fields.open(this.open!.paper, undefined, lab.label, lab.value, i, false, true);
			this.fields.close();
			return;
		}
		p.pendingPlain.push({ text: seg, line: i });
	}

	private finishAuthors(p: OpenPaper): void {
		const open = p.authorsOpen!;
		p.authorsOpen = undefined;
		let joined = open.parts[0];
		if (open.parts.length > 1) {
			const pieces: string[] = [joined];
			for (let k = 1; k < open.parts.length; k++) pieces.push(wrapSeparator(open.parts[k - 1], open.parts[k]), open.parts[k]);
			joined = pieces.join('');
		}
		this.fields.setAuthors(p.paper, stripEmphasis(joined), { start: open.start, end: open.last });
	}


	/** the header ends at the first field: decide what its plain lines were */
	private leaveHeader(): void {
		const p = this.open;
		if (!p || !p.header) return;
		p.header = false;
		if (p.authorsOpen) this.finishAuthors(p);
		const paper = p.paper;
		const pending = p.pendingPlain;
		if (pending.length === 0) return;
		p.pendingPlain = [];
		const used = new Set<number>();
		const authorsRange = paper.fieldRanges.authors;
		if (!authorsRange) {
			if (pending.length >= 2) {
				const last = pending[pending.length - 1];
				if (looksLikeAuthors(last.text)) {
					this.fields.setAuthors(paper, last.text, { start: last.line, end: last.line });
					used.add(pending.length - 1);
				}
				if (paper.translatedTitle === undefined) {
					this.setTranslatedTitle(paper, pending[0]);
					used.add(0);
				}
			} else {
				const only = pending[0];
				const looksTranslated = hasCjk(only.text) && !/[,，、]/.test(only.text);
				if (looksTranslated && paper.translatedTitle === undefined) {
					this.setTranslatedTitle(paper, only);
					used.add(0);
				} else if (looksLikeAuthors(only.text)) {
					this.fields.setAuthors(paper, only.text, { start: only.line, end: only.line });
					used.add(0);
				}
			}
		} else if (paper.translatedTitle === undefined && pending[0].line < authorsRange.start) {
			this.setTranslatedTitle(paper, pending[0]);
			used.add(0);
		}
		const notes: ExtraField[] = [];
		pending.forEach((pl, k) => {
			if (used.has(k)) return;
			notes.push({ label: '', value: pl.text, range: { start: pl.line, end: pl.line } });
			this.reportUnplaced(pl.line, pl.text, true);
		});
		if (notes.length > 0) paper.extra = mergeByLine(paper.extra, notes);
	}

	private setTranslatedTitle(paper: Paper, pl: PendingLine): void {
		paper.translatedTitle = stripEmphasis(pl.text);
		paper.fieldRanges.translatedTitle = { start: pl.line, end: pl.line };
	}

	// ---- fields ----




	private closePaper(end: number): void {
		const p = this.open;
		if (!p) return;
		this.fields.close();
		if (this.isBare(p)) {
			this.dropOpenPaper();
			return;
		}
		this.leaveHeader();
		if (p.authorsOpen) this.finishAuthors(p);
		this.open = undefined;
		if (p.unlabelledTldr !== undefined) this.placeUnlabelledTldr(p);
		const paper = p.paper;
		if (paper.fieldRanges.abstract === undefined && paper.abstractTranslation !== undefined) {
			// the template carries only a translated abstract: it is the abstract, marked as a translation
			paper.abstract = paper.abstractTranslation;
			paper.abstractTranslated = true;
			paper.fieldRanges.abstract = paper.fieldRanges.abstractTranslation;
			delete paper.abstractTranslation;
			delete paper.fieldRanges.abstractTranslation;
		} else if (paper.abstract.length > 0 && hasCjk(paper.abstract) && !hasCjk(paper.title)) {
			// `摘要：` holding Chinese text under an English title: a translation, by its script
			paper.abstractTranslated = true;
		}
		paper.range = { start: paper.headingLine, end: Math.max(paper.headingLine, end) };
		if (p.detailsOpen) {
			const last = Math.max(p.detailsStart!, Math.min(end, this.lastTextLine));
			paper.detailsRange = { start: p.detailsStart!, end: last };
			this.diag({ start: p.detailsStart!, end: last }, 'error', 'unterminated-details', '<details> is never closed with </details>.');
		}
		if (paper.link) {
			const ident = identityFromLink(paper.link);
			paper.id = cappedPaperId(ident.id);
			paper.version = ident.version;
			paper.isArxiv = ident.isArxiv;
			if (!ident.isArxiv && ARXIV_HOST_LINK.test(paper.link)) {
				this.diag({ start: paper.headingLine, end: paper.headingLine }, 'warning', 'bad-arxiv-link', `The link ${paper.link} holds no arXiv id: the paper's id is the whole link.`);
			}
		} else {
			const norm = normaliseTitle(paper.title);
			paper.id = cappedPaperId('title:' + (norm || `untitled-${paper.number ?? paper.headingLine + 1}`));
			this.diag({ start: paper.headingLine, end: paper.headingLine }, 'warning', 'missing-link', 'This paper has no link: its id is derived from the title.');
		}
		if (paper.title.trim() === '') this.diag({ start: paper.headingLine, end: paper.headingLine }, 'warning', 'missing-title', 'This paper has no title: it is shown by its id.');
		const firstLine = this.idFirstLine.get(paper.id);
		if (firstLine === undefined) this.idFirstLine.set(paper.id, paper.headingLine);
		else {
			this.diag(
				{ start: paper.headingLine, end: paper.headingLine },
				'warning',
				'duplicate-id',
				`Paper ${paper.id} is listed again in this file (first on line ${firstLine + 1}).`,
			);
		}
	}

	// ---- end of file ----

	private finish(): Digest {
		const lineCount = this.lineCount;
		const loop = {
			papers: this.papers,
			rawCats: this.rawCats,
			tocEntries: this.tocEntries,
			tocStart: this.tocStart,
			tocHeadingLine: this.tocHeadingLine,
			sectionBreaks: this.sectionBreaks,
			paperAnchors: this.paperAnchors,
		};
		const post = new PostPass(loop, (range, severity, code, message) => this.diag(range, severity, code, message));
		if (this.conflictStart !== undefined) this.reportConflict(Math.max(this.conflictStart, lineCount - 1));
		const detailsOpenAtEof = this.open?.detailsOpen === true;
		this.closePaper(lineCount - 1);
		if (detailsOpenAtEof) {
			const last = this.papers[this.papers.length - 1];
			this.diag({ start: last.headingLine, end: lineCount - 1 }, 'warning', 'truncated', 'The file seems truncated: the last paper ends inside <details>.');
		} else {
			post.checkTruncatedLastPaper();
		}
		const categories = post.categories(lineCount);
		this.fields.finish();
		if (this.papers.length === 0) {
			this.diag({ start: 0, end: Math.max(0, lineCount - 1) }, 'info', 'no-papers', 'No papers in this digest.');
		}
		this.diagnostics.sort((a, b) => a.range.start - b.range.start);
		const day = dashedDayFromPath(this.name) ?? this.headingDay ?? this.reportDay ?? compactDayFromPath(this.name);
		return {
			path: this.path,
			day,
			label: day ?? fileStem(this.name),
			categories,
			papers: this.papers,
			diagnostics: this.diagnostics,
			tocRange: this.tocStart !== undefined ? { start: this.tocStart, end: this.tocEnd ?? this.tocStart } : undefined,
			lineCount,
		};
	}
}

/** `text` without the byte order mark it may start with */
function withoutBom(text: LineSource): LineSource {
	if (typeof text === 'string') return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return text.length > 0 && text[0].charCodeAt(0) === 0xfeff ? [text[0].slice(1), ...text.slice(1)] : text;
}

function failedDigest(text: LineSource, path: string, name: unknown, err: unknown): Digest {
	let lineCount = 1;
	try {
		lineCount = forEachLine(text, () => undefined);
	} catch {
		lineCount = 1;
	}
	const stem = fileStem(typeof name === 'string' ? name : '');
	const day = typeof name === 'string' ? dayFromPath(name) : undefined;
	const message = err instanceof Error ? err.message : String(err);
	return {
		path,
		day,
		label: day ?? stem,
		categories: [],
		papers: [],
		diagnostics: [{ range: { start: 0, end: 0 }, severity: 'error', code: 'unplaced-text', message: `The digest could not be parsed: ${message}` }],
		lineCount,
	};
}

export interface ParseOptions {
	/**
	 * The text was decoded from bytes known to be valid UTF-8 with neither NUL nor U+FFFD in them
	 * (nodeIO.ts, decodeChecked): the parser need not look for the signs of a binary or mis-encoded file,
	 * two scans of the whole text that took ~8% of a cold build's first pass.
	 */
	clean?: boolean;
	/**
	 * The file's path as its file system writes it, where `path` is a key that does not (the web
	 * build's keys are URI strings, percent-encoded: `arXiv%20Daily%202026-02-06.md`): the day and the
	 * label a file's name gives are read from it. `path` itself is what the digest is known by.
	 */
	name?: string;
}

/**
 * Parses one digest file: its text whole, or in pieces that end with a line feed (see LineSource).
 * Never throws: problems come back as diagnostics.
 */
export function parseDigest(text: LineSource, path: string, options?: ParseOptions): Digest {
	const source = typeof text === 'string' || Array.isArray(text) ? text : String(text ?? '');
	try {
		return new DigestParser(source, path, options).parse();
	} catch (err) {
		return failedDigest(source, path, options?.name ?? path, err);
	}
}
