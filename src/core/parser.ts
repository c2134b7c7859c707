/**
 * The digest parser: one pass over the lines of a daily arXiv digest, in any of the shapes the
 * daily-arXiv-ai-enhanced forks write (see FORMAT.md). Generic rules only — label normalisation,
 * heading levels, link shapes — never per-fork code. It never throws and never drops text
 * silently: what it cannot place is kept in `extra` or reported as a diagnostic.
 */
import { dayFromPath, dayFromText, fileStem } from './day';
import { isCommonExtraLabel, isEmptyValue, labelKey, readLabelLine, type LabelKey, type LabelLine } from './labels';
import type { Category, DiagnosticCode, ExtraField, Digest, DigestDiagnostic, LineRange, Paper, Severity, SummaryField } from './model';
import { extractUrl, identityFromLink, normaliseTitle } from './parse/links';
import { hasCjk, isListItem, isSeparator, linksOnly, matchingClose, stripEmphasis, stripTags, attributeId, wrapSeparator } from './parse/text';

/** headings longer than this are not given the bracket/tag treatment: they are garbage, and must stay cheap */
const MAX_HEADING_PARSE = 2000;
/** an author list in `*...*` whose closing `*` is missing ends after this many lines */
const MAX_AUTHOR_LINES = 8;

interface Anchor {
	id: string;
	line: number;
}

interface RawCategory {
	name: string;
	anchor?: string;
	level: number;
	headingLine: number;
	/** first line of the section: its anchor line when one precedes the heading */
	boundary: number;
	papers: number[];
	/** a count written in the heading itself (`## cs.CV (12)`) */
	headingTotal?: number;
	/** made up for papers that come before any category heading */
	implicit: boolean;
	/** a document title or grouping heading rather than a category */
	title?: boolean;
	/** the last line of its region, filled in at the end */
	end?: number;
}

interface TocEntry {
	name: string;
	anchor?: string;
	total?: number;
	line: number;
}

type FieldTarget = SummaryField | 'category' | 'authors' | 'translatedTitle' | 'link' | 'extra';

interface OpenField {
	target: FieldTarget;
	label: string;
	parts: string[];
	/** the last text appended, to pick the separator for the next hard-wrapped line */
	tail: string;
	start: number;
	last: number;
	quoted: boolean;
	paragraphBreak: boolean;
	/** indentation of the value's first list item, removed from all its items */
	listIndent?: number;
}

interface PendingLine {
	text: string;
	line: number;
}

interface OpenPaper {
	paper: Paper;
	header: boolean;
	pendingPlain: PendingLine[];
	/** authors in `*...*` that wrap over several lines */
	authorsOpen?: { parts: string[]; start: number; last: number };
	detailsStart?: number;
	detailsOpen: boolean;
	field?: OpenField;
}

function emptyPaper(headingLine: number): Paper {
	return {
		id: '',
		isArxiv: false,
		title: '',
		authors: [],
		section: '',
		tldr: '',
		motivation: '',
		method: '',
		result: '',
		conclusion: '',
		abstract: '',
		extra: [],
		range: { start: headingLine, end: headingLine },
		headingLine,
		fieldRanges: {},
	};
}

const SUMMARY_TARGETS = new Set<FieldTarget>(['tldr', 'motivation', 'method', 'result', 'conclusion', 'abstract']);

/** a switch rather than `paper[key] =`, which keeps the store monomorphic on the hot path */
function setSummary(paper: Paper, key: SummaryField, value: string): void {
	switch (key) {
		case 'tldr': paper.tldr = value; break;
		case 'motivation': paper.motivation = value; break;
		case 'method': paper.method = value; break;
		case 'result': paper.result = value; break;
		case 'conclusion': paper.conclusion = value; break;
		case 'abstract': paper.abstract = value; break;
	}
}

function isSummaryTarget(t: FieldTarget): t is SummaryField {
	return SUMMARY_TARGETS.has(t);
}

const TOC_HEADINGS = new Set(['table of contents', 'contents', 'toc', 'index', 'categories', '目录', '目錄', '目次', '목차']);

/**
 * Calls `visit` for each line, split the way editors split (`\n`, `\r\n` and a lone `\r`), without
 * building an array: lines die young, which keeps the garbage collector out of the way on large files.
 * Returns the line count.
 */
function forEachLine(text: string, visit: (index: number, line: string) => void): number {
	const n = text.length;
	const hasCr = text.lastIndexOf('\r') >= 0;
	let index = 0;
	let start = 0;
	// the next `\r` at or after `start`, remembered so a single far-away `\r` is not searched for on every line
	let cr = hasCr ? text.indexOf('\r') : -1;
	for (;;) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = n;
		let stop = end;
		if (hasCr) {
			if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
			while (cr >= 0 && cr < end - 1) {
				visit(index++, text.slice(start, cr));
				start = cr + 1;
				cr = text.indexOf('\r', start);
			}
			if (cr >= 0 && cr === end - 1) stop = cr;
			else if (end === n && cr === n - 1) stop = cr;
		}
		visit(index++, text.slice(start, stop));
		if (end >= n) {
			// a lone `\r` at the very end opens one more (empty) line, as `\n` does
			if (hasCr && stop === n - 1 && end === n) visit(index++, '');
			return index;
		}
		start = end + 1;
	}
}

function pushAuthor(out: string[], s: string): void {
	let name = s;
	let a = name.charCodeAt(0);
	let z = name.charCodeAt(name.length - 1);
	if (a === 32 || z === 32 || a === 9 || z === 9) {
		name = name.trim();
		a = name.charCodeAt(0);
		z = name.charCodeAt(name.length - 1);
	}
	if (a === 42 || a === 95 || z === 42 || z === 95) name = stripEmphasis(name);
	if (name.length > 0) out.push(name);
}

/** authors joined by `,` or `, ` (also `，`, `、`, `;`) */
function splitAuthors(value: string): string[] {
	const out: string[] = [];
	// the common case, a plain comma list, goes through the native split
	const onlyCommas = value.indexOf('，') < 0 && value.indexOf('、') < 0 && value.indexOf(';') < 0 && value.indexOf('；') < 0;
	if (onlyCommas) {
		for (const part of value.split(',')) pushAuthor(out, part);
		return out;
	}
	let start = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		// , ， 、 ; ；
		if (c === 44 || c === 0xff0c || c === 0x3001 || c === 59 || c === 0xff1b) {
			pushAuthor(out, value.slice(start, i));
			start = i + 1;
		}
	}
	pushAuthor(out, value.slice(start));
	return out;
}

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
			return { number: num, title: stripEmphasis(s.slice(1, close).trim()), link: link || undefined, trailing: trailing || undefined };
		}
	}
	let title = s.trim();
	let link: string | undefined;
	const http = title.search(/https?:\/\//);
	if (http >= 0 && title.indexOf(' ', http) < 0) {
		link = trimEndChars(title.slice(http), ')>');
		title = trimEndChars(title.slice(0, http), ' \t(<|:–-');
	}
	return { number: num, title: stripEmphasis(title), link };
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

/** a plain line under the heading is an author list unless it reads like a sentence */
function looksLikeAuthors(text: string): boolean {
	if (text.length > 4000) return false;
	if (text.endsWith('et al.') || text.endsWith('et al')) return true;
	return !endsSentence(text);
}

function endsSentence(line: string): boolean {
	const t = line.trimEnd();
	const c = t[t.length - 1];
	return c === '.' || c === '。' || c === '!' || c === '?' || c === '！' || c === '？' || c === ')' || c === '）';
}

function startsUpperOrCaseless(label: string): boolean {
	const c = label[0];
	return c.toUpperCase() === c;
}

class DigestParser {
	private readonly text: string;
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
	private firstHeadingSeen = false;
	private headingDay?: string;
	private reportDay?: string;
	private prevBlank = true;
	private prevText = '';
	private readonly unplacedSeen = new Set<string>();
	private readonly unknownSeen = new Set<string>();
	private readonly implicitCategories = new Set<Category>();
	private readonly idFirstLine = new Map<string, number>();
	/** where title and TOC headings start, in file order: they end the category above them */
	private readonly sectionBreaks: number[] = [];

	constructor(text: string, private readonly path: string) {
		this.text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
		this.checkBinary(text);
	}

	parse(): Digest {
		this.lineCount = forEachLine(this.text, (i, raw) => this.line(i, raw));
		return this.finish();
	}

	private readonly fieldScratch: OpenField = { target: 'extra', label: '', parts: [], tail: '', start: 0, last: 0, quoted: false, paragraphBreak: false };

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

	private line(i: number, raw: string): void {
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

	private blank(): void {
		this.prevBlank = true;
		const p = this.open;
		if (!p) return;
		// an author list does not run over a blank line
		if (p.authorsOpen) this.finishAuthors(p);
		const f = p.field;
		if (f) f.paragraphBreak = f.parts.length > 0;
	}

	private handle(i: number, raw: string, t: string, anchor: Anchor | undefined): void {
		const c = t.charCodeAt(0);
		if (c === 35 /* # */ && raw.charCodeAt(0) === 35 && this.heading(i, t, anchor)) return;
		if (c === 60 /* < */ && this.html(i, raw, t)) return;
		if (isSeparator(t)) {
			this.closeField();
			if (this.open) this.leaveHeader();
			return;
		}
		if (this.papers.length === 0 && !this.open && this.tocEntry(i, t, anchor)) return;
		if (c === 91 /* [ */) {
			const targets = linksOnly(t);
			if (targets && targets.every((x) => x.startsWith('#'))) {
				// navigation (`[[Back]](#toc)`, `[Top](#top)`): part of the layout, not content
				this.closeField();
				return;
			}
		}
		if (this.open) this.paperLine(i, raw, t);
		else this.outsideLine(i, raw, t);
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
		if (level >= 3) {
			// a bare `###` (a file cut right after it) names no paper: keep it as text
			if (text.length === 0) return false;
			const c0 = text.charCodeAt(0);
			if (level === 3 || c0 === 91 || /^\d+[.)]\s/.test(text)) {
				this.startPaper(i, text, anchor);
				return true;
			}
			const key = labelKey(stripEmphasis(text.replace(/[:：]\s*$/, '')));
			if (this.open && key) {
				this.closeField();
				this.leaveHeader();
				this.openField(key, text, '', i, false, false);
				return true;
			}
			return false;
		}
		if (/^\[\d+\]\s*\[/.test(text) && text.indexOf('](') > 0) {
			// `## [1] [Title](link)`: a paper heading one level up
			this.startPaper(i, text, anchor);
			return true;
		}
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

	private startPaper(i: number, text: string, anchor: Anchor | undefined): void {
		this.closePaper((anchor ? anchor.line : i) - 1);
		const h = parsePaperHeading(text);
		const paper = emptyPaper(i);
		if (h.number !== undefined) paper.number = h.number;
		paper.title = h.title;
		if (h.link !== undefined) paper.link = h.link;
		paper.fieldRanges.title = { start: i, end: i };
		if (h.trailing) paper.extra.push({ label: '', value: h.trailing, range: { start: i, end: i } });
		const index = this.papers.length;
		this.papers.push(paper);
		if (this.current) this.current.papers.push(index);
		this.open = { paper, header: true, pendingPlain: [], detailsOpen: false };
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
				this.closeField();
				this.pendingAnchor = { id, line: i };
				return true;
			}
			return false;
		}
		if (startsWithCI(t, '<details') && (t.length === 8 || t[8] === '>' || t[8] === ' ')) {
			if (!p) return false;
			this.closeField();
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
		this.closeField();
		this.leaveHeader();
		let close = t.indexOf('</summary>');
		if (close < 0 && t.length < MAX_HEADING_PARSE) close = t.toLowerCase().indexOf('</summary>');
		const inner = close === 17 && startsWithCI(t, '<summary>details') ? 'Details' : stripTags(close >= 0 ? t.slice(0, close) : t).text.trim();
		const after = close >= 0 && t.length > close + 10 ? t.slice(close + 10).trim() : '';
		const key = labelKey(stripEmphasis(inner.replace(/[:：]\s*$/, '')));
		if (key && key !== 'date') {
			this.openField(key, inner, after, i, false, false);
			return;
		}
		if (after.length > 0) this.paperLine(i, after, after);
	}

	private closeDetails(i: number): void {
		const p = this.open!;
		this.closeField();
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
		const name = stripEmphasis(t.slice(textStart, mid).trim());
		const target = t.slice(mid + 3, close).trim();
		const rest = t.slice(close + 1, close + 80);
		const num = /\d+/.exec(rest);
		if (this.tocStart === undefined) {
			const cur = this.current;
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
		this.tocEntries.push({ name, anchor: target || undefined, total: num ? Number(num[0]) : undefined, line: i });
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
		if (paper) paper.extra.push({ label: '', value: t, range: { start: i, end: i } });
		this.reportUnplaced(i, t, paper !== undefined);
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
		let lab = this.readLabel(raw);
		if (lab && !this.acceptLabel(lab, p)) lab = undefined;
		if (p.header) {
			if (this.headerLine(i, t, lab !== undefined)) return;
			// headerLine may have read other labels into the shared scratch object
			lab = this.readLabel(raw);
			if (lab && !this.acceptLabel(lab, p)) lab = undefined;
		}
		if (lab) {
			const { key, label, value, quoted } = lab;
			this.closeField();
			this.leaveHeader();
			this.openField(key, label, value, i, quoted, key === undefined);
			return;
		}
		if (t.charCodeAt(0) === 42 /* * */ && t.length < 60) {
			const key = labelKey(stripEmphasis(t.replace(/[:：]\s*\**$/, '')).replace(/[:：]$/, ''));
			if (key && key !== 'date') {
				this.closeField();
				this.leaveHeader();
				this.openField(key, stripEmphasis(t).replace(/[:：]$/, ''), '', i, false, false);
				return;
			}
		}
		const f = p.field;
		if (f) {
			if (f.paragraphBreak && t.charCodeAt(0) === 91 && linksOnly(t)) {
				this.closeField();
				this.unplaced(i, t, p.paper);
				return;
			}
			this.appendToField(f, raw, i);
			return;
		}
		this.leaveHeader();
		this.unplaced(i, t, p.paper);
	}

	private acceptLabel(lab: LabelLine, p: OpenPaper): boolean {
		if (lab.key !== undefined) return true;
		if (lab.bullet) return false;
		if (lab.emphasized) return true;
		if (!startsUpperOrCaseless(lab.label)) return false;
		// a plain `Word: text` inside a hard-wrapped value is more likely prose than a new field
		const f = p.field;
		return this.prevBlank || !f || this.prevText.length <= 60 || endsSentence(this.prevText);
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
				for (const seg of segs) this.headerSegment(i, seg.trim());
				return true;
			}
		}
		if (isLabel) return false;
		if (t.charCodeAt(0) === 62 /* > */) {
			const inner = stripEmphasis(t.replace(/^(?:>\s*)+/, ''));
			if (inner.length === 0) return true;
			if (paper.translatedTitle === undefined) {
				paper.translatedTitle = inner;
				paper.fieldRanges.translatedTitle = { start: i, end: i };
			} else if (paper.fieldRanges.translatedTitle?.end === i - 1) {
				paper.translatedTitle += wrapSeparator(paper.translatedTitle, inner) + inner;
				paper.fieldRanges.translatedTitle.end = i;
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
			this.unplaced(i, t, paper);
			return true;
		}
		p.pendingPlain.push({ text: t, line: i });
		return true;
	}

	private headerSegment(i: number, seg: string): void {
		const p = this.open!;
		if (seg.length === 0) return;
		const lab = this.readLabel(seg);
		if (lab && lab.key !== undefined) {
			this.openField(lab.key, lab.label, lab.value, i, false, false);
			this.closeField();
			return;
		}
		if (/^[*_]/.test(seg) && p.paper.fieldRanges.authors === undefined) {
			p.authorsOpen = { parts: [seg], start: i, last: i };
			this.finishAuthors(p);
			return;
		}
		if (lab) {
			this.openField(undefined, lab.label, lab.value, i, false, true);
			this.closeField();
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
		this.setAuthors(p.paper, stripEmphasis(joined), { start: open.start, end: open.last });
	}

	private setAuthors(paper: Paper, value: string, range: LineRange): void {
		paper.fieldRanges.authors = range;
		if (isEmptyValue(value)) {
			paper.authors = [];
			this.diag(range, 'hint', 'empty-field', 'Authors are empty.');
			return;
		}
		paper.authors = splitAuthors(value);
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
					this.setAuthors(paper, last.text, { start: last.line, end: last.line });
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
					this.setAuthors(paper, only.text, { start: only.line, end: only.line });
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

	private openField(key: LabelKey | undefined, label: string, value: string, i: number, quoted: boolean, unknown: boolean): void {
		const paper = this.open!.paper;
		let target: FieldTarget = 'extra';
		if (key !== undefined && key !== 'date') {
			const taken =
				key === 'link' ? paper.link !== undefined
				: key === 'authors' ? paper.fieldRanges.authors !== undefined
				: paper.fieldRanges[key] !== undefined;
			if (!taken) target = key;
		}
		if (unknown && !isCommonExtraLabel(label) && !this.unknownSeen.has(label)) {
			// reported once per label and file: a fork that adds "Mood:" to every paper needs one hint, not hundreds
			this.unknownSeen.add(label);
			this.diag({ start: i, end: i }, 'info', 'unknown-label', `Unknown label "${label}" (kept as an extra field).`);
		}
		// one field is open at a time, and closeField copies what it keeps: reuse the object
		const f = this.fieldScratch;
		f.target = target;
		f.label = label;
		f.parts.length = 0;
		if (value.length > 0) f.parts.push(value);
		f.tail = value;
		f.start = i;
		f.last = i;
		f.quoted = quoted;
		f.paragraphBreak = false;
		f.listIndent = undefined;
		this.open!.field = f;
	}

	private appendToField(f: OpenField, raw: string, i: number): void {
		let text = raw;
		if (f.quoted) text = text.replace(/^\s*(?:>\s?)+/, '');
		const list = isListItem(text);
		if (list) {
			let indent = 0;
			while (indent < text.length && (text.charCodeAt(indent) === 32 || text.charCodeAt(indent) === 9)) indent++;
			f.listIndent ??= indent;
			// nested items keep their depth relative to the first item
			text = text.slice(Math.min(indent, f.listIndent)).trimEnd();
		} else {
			text = text.trim();
		}
		if (text.length === 0) {
			f.paragraphBreak = f.parts.length > 0;
			return;
		}
		if (f.parts.length > 0) {
			const sep = f.paragraphBreak ? '\n\n' : list ? '\n' : wrapSeparator(f.tail, text);
			if (sep) f.parts.push(sep);
		}
		f.parts.push(text);
		f.tail = text;
		f.paragraphBreak = false;
		f.last = i;
	}

	private closeField(): void {
		const p = this.open;
		const f = p?.field;
		if (!p || !f) return;
		p.field = undefined;
		const paper = p.paper;
		const value = f.parts.length === 1 ? f.parts[0] : f.parts.join('');
		const range = { start: f.start, end: f.last };
		const target = f.target;
		if (isSummaryTarget(target)) {
			paper.fieldRanges[target] = range;
			const empty = isEmptyValue(value);
			if (empty) this.diag(range, 'hint', 'empty-field', `"${f.label}" is empty.`);
			setSummary(paper, target, empty ? '' : value);
			return;
		}
		switch (target) {
			case 'category': {
				paper.fieldRanges.category = range;
				const v = stripEmphasis(value.indexOf('`') >= 0 ? value.replace(/`/g, '') : value);
				if (isEmptyValue(v)) this.diag(range, 'hint', 'empty-field', `"${f.label}" is empty.`);
				else paper.category = v;
				return;
			}
			case 'authors':
				this.setAuthors(paper, stripEmphasis(value), range);
				return;
			case 'translatedTitle':
				paper.fieldRanges.translatedTitle = range;
				if (isEmptyValue(value)) this.diag(range, 'hint', 'empty-field', `"${f.label}" is empty.`);
				else paper.translatedTitle = stripEmphasis(value);
				return;
			case 'link': {
				const url = isEmptyValue(value) ? '' : extractUrl(value);
				if (url.length > 0) {
					paper.link = url;
					return;
				}
				break;
			}
		}
		paper.extra.push({ label: f.label, value, range });
		if (value.length === 0) this.diag(range, 'hint', 'empty-field', `"${f.label}" is empty.`);
	}

	private closePaper(end: number): void {
		const p = this.open;
		if (!p) return;
		this.closeField();
		this.leaveHeader();
		if (p.authorsOpen) this.finishAuthors(p);
		this.open = undefined;
		const paper = p.paper;
		paper.range = { start: paper.headingLine, end: Math.max(paper.headingLine, end) };
		if (p.detailsOpen) {
			const last = Math.max(p.detailsStart!, Math.min(end, this.lastTextLine));
			paper.detailsRange = { start: p.detailsStart!, end: last };
			this.diag({ start: p.detailsStart!, end: last }, 'error', 'unterminated-details', '<details> is never closed with </details>.');
		}
		if (paper.link) {
			const ident = identityFromLink(paper.link);
			paper.id = ident.id;
			paper.version = ident.version;
			paper.isArxiv = ident.isArxiv;
		} else {
			const norm = normaliseTitle(paper.title);
			paper.id = 'title:' + (norm || `untitled-${paper.number ?? paper.headingLine + 1}`);
			this.diag({ start: paper.headingLine, end: paper.headingLine }, 'warning', 'missing-link', 'This paper has no link: its id is derived from the title.');
		}
		const firstLine = this.idFirstLine.get(paper.id);
		if (firstLine === undefined) this.idFirstLine.set(paper.id, paper.headingLine);
		else {
			this.diag(
				{ start: paper.headingLine, end: paper.headingLine },
				'warning',
				'duplicate-id',
				`Paper ${paper.id} is listed twice in this file (first on line ${firstLine + 1}).`,
			);
		}
	}

	// ---- end of file ----

	private finish(): Digest {
		const lineCount = this.lineCount;
		const detailsOpenAtEof = this.open?.detailsOpen === true;
		this.closePaper(lineCount - 1);
		if (detailsOpenAtEof) {
			const last = this.papers[this.papers.length - 1];
			this.diag({ start: last.headingLine, end: lineCount - 1 }, 'warning', 'truncated', 'The file seems truncated: the last paper ends inside <details>.');
		} else {
			this.checkTruncatedLastPaper();
		}
		const categories = this.buildCategories(lineCount);
		this.matchToc(categories);
		if (this.papers.length === 0) {
			this.diag({ start: 0, end: Math.max(0, lineCount - 1) }, 'info', 'no-papers', 'No papers in this digest.');
		}
		this.diagnostics.sort((a, b) => a.range.start - b.range.start);
		const day = dayFromPath(this.path) ?? this.headingDay ?? this.reportDay;
		return {
			path: this.path,
			day,
			label: day ?? fileStem(this.path),
			categories,
			papers: this.papers,
			diagnostics: this.diagnostics,
			tocRange: this.tocStart !== undefined ? { start: this.tocStart, end: this.tocEnd ?? this.tocStart } : undefined,
			lineCount,
		};
	}

	/**
	 * A last paper that stops before a trailing summary field every other paper has: the file was
	 * cut off. A field missing in the middle (no Conclusion but an Abstract) is an omission, not a cut.
	 */
	private checkTruncatedLastPaper(): void {
		const papers = this.papers;
		if (papers.length < 3) return;
		const last = papers[papers.length - 1];
		for (const key of ['abstract', 'conclusion', 'result', 'method', 'motivation', 'tldr'] as const) {
			if (last.fieldRanges[key] !== undefined) return;
			let all = true;
			for (let k = 0; k < papers.length - 1 && all; k++) all = papers[k].fieldRanges[key] !== undefined;
			if (all) {
				this.diag(
					{ start: last.headingLine, end: last.range.end },
					'warning',
					'truncated',
					`The file seems truncated: the last paper has no ${key} while every other paper has one.`,
				);
				return;
			}
		}
	}

	private buildCategories(lineCount: number): Category[] {
		const firstPaperLine = this.papers.length > 0 ? this.papers[0].headingLine : Infinity;
		const raws = this.rawCats;
		const tocNames = new Set<string>();
		for (const e of this.tocEntries) {
			tocNames.add(e.name.toLowerCase());
			if (e.anchor) tocNames.add(e.anchor.toLowerCase());
		}
		const deepestWithPapers = raws.reduce((m, r) => (r.papers.length > 0 ? Math.max(m, r.level) : m), 0);
		for (const r of raws) {
			if (r.papers.length > 0) continue;
			const listed = tocNames.has(r.name.toLowerCase()) || (r.anchor !== undefined && tocNames.has(r.anchor.toLowerCase()));
			if (listed) continue;
			// `# Physics` above `## hep-th`: a grouping heading, anywhere in the file
			const grouping = r.level < deepestWithPapers;
			if (grouping) r.title = true;
			if (r.headingLine > firstPaperLine) continue;
			const beforeToc = this.tocHeadingLine !== undefined ? r.headingLine < this.tocHeadingLine : this.tocStart !== undefined && r.headingLine < this.tocStart;
			const dated = dayFromText(r.name) !== undefined;
			if (beforeToc || dated || this.papers.length === 0) r.title = true;
		}
		const kept = raws.filter((r) => !r.title);
		const implicit = new Map<string, RawCategory>();
		const assigned = new Set<number>();
		for (const r of kept) for (const idx of r.papers) assigned.add(idx);
		this.papers.forEach((paper, idx) => {
			if (assigned.has(idx)) return;
			const name = paper.category || 'Uncategorized';
			let cat = implicit.get(name);
			if (!cat) {
				cat = { name, level: 0, headingLine: paper.headingLine, boundary: paper.headingLine, papers: [], implicit: true };
				implicit.set(name, cat);
			}
			cat.papers.push(idx);
			cat.end = paper.range.end;
		});
		// categories and breaks are in file order: each category ends where the next category or
		// title heading begins
		const breaks = this.sectionBreaks.concat(raws.filter((r) => r.title).map((r) => r.boundary)).sort((x, y) => x - y);
		let b = 0;
		for (let k = 0; k < kept.length; k++) {
			const next = kept[k + 1];
			while (b < breaks.length && breaks[b] <= kept[k].headingLine) b++;
			const stop = Math.min(next ? next.boundary : lineCount, b < breaks.length ? breaks[b] : lineCount);
			kept[k].end = Math.max(kept[k].headingLine, stop - 1);
		}
		const all = kept.concat([...implicit.values()]).sort((a, b) => a.headingLine - b.headingLine);
		return all.map((r) => {
			for (const idx of r.papers) this.papers[idx].section = r.name;
			const cat: Category = {
				name: r.name,
				headingLine: r.headingLine,
				range: { start: r.headingLine, end: r.end ?? r.headingLine },
				papers: r.papers,
			};
			if (r.anchor !== undefined) cat.anchor = r.anchor;
			if (r.headingTotal !== undefined) cat.claimedTotal = r.headingTotal;
			if (r.implicit) this.implicitCategories.add(cat);
			return cat;
		});
	}

	private matchToc(categories: Category[]): void {
		const entries = this.tocEntries;
		const matched = new Set<Category>();
		type Queue = { cats: Category[]; next: number };
		const byAnchor = new Map<string, Queue>();
		const byName = new Map<string, Queue>();
		const add = (map: Map<string, Queue>, key: string, c: Category) => {
			const q = map.get(key);
			if (q) q.cats.push(c);
			else map.set(key, { cats: [c], next: 0 });
		};
		for (const c of categories) {
			if (c.anchor !== undefined) add(byAnchor, c.anchor.toLowerCase(), c);
			add(byName, c.name.toLowerCase(), c);
		}
		/** the first category under `key` not matched yet; matched ones are dropped as we go */
		const take = (map: Map<string, Queue>, key: string | undefined): Category | undefined => {
			const q = key === undefined ? undefined : map.get(key);
			if (!q) return undefined;
			while (q.next < q.cats.length && matched.has(q.cats[q.next])) q.next++;
			return q.cats[q.next];
		};
		for (const e of entries) {
			const anchor = e.anchor?.toLowerCase();
			const name = e.name.toLowerCase();
			const cat = take(byAnchor, anchor) ?? take(byName, name) ?? take(byName, anchor);
			if (!cat) {
				this.diag({ start: e.line, end: e.line }, 'warning', 'toc-missing-category', `The table of contents lists "${e.name}" but there is no such section.`);
				continue;
			}
			matched.add(cat);
			if (e.total !== undefined) {
				cat.claimedTotal = e.total;
				if (e.total !== cat.papers.length) {
					this.diag(
						{ start: e.line, end: e.line },
						'warning',
						'toc-total-mismatch',
						`The table of contents claims ${e.total} papers in ${cat.name}, the section has ${cat.papers.length}.`,
					);
				}
			}
		}
		for (const cat of categories) {
			if (matched.has(cat)) continue;
			if (entries.length > 0 && !this.implicitCategories.has(cat)) {
				this.diag(
					{ start: cat.headingLine, end: cat.headingLine },
					'warning',
					'toc-missing-category',
					`Section "${cat.name}" is not in the table of contents.`,
				);
			}
			if (entries.length === 0 && cat.claimedTotal !== undefined && cat.claimedTotal !== cat.papers.length) {
				this.diag(
					{ start: cat.headingLine, end: cat.headingLine },
					'warning',
					'toc-total-mismatch',
					`The heading claims ${cat.claimedTotal} papers, the section has ${cat.papers.length}.`,
				);
			}
		}
	}
}

function failedDigest(text: string, path: string, err: unknown): Digest {
	let lineCount = 1;
	try {
		lineCount = forEachLine(text, () => undefined);
	} catch {
		lineCount = 1;
	}
	const stem = fileStem(typeof path === 'string' ? path : '');
	const day = typeof path === 'string' ? dayFromPath(path) : undefined;
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

/** Parses one digest file. Never throws: problems come back as diagnostics. */
export function parseDigest(text: string, path: string): Digest {
	try {
		return new DigestParser(typeof text === 'string' ? text : String(text ?? ''), path).parse();
	} catch (err) {
		return failedDigest(typeof text === 'string' ? text : '', path, err);
	}
}
