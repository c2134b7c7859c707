/**
 * The field builder: collects the lines of one labelled field (`TL;DR: …`, `#### Abstract` and the
 * text under it, a hard-wrapped value) and, when the field ends, stores its value in the paper under
 * its canonical key — or as an ordered `extra` field with its label normalised.
 */
import { extraLabelName, isCommonExtraLabel, isPlaceholder, type LabelKey } from '../labels';
import type { LineRange, Paper, SummaryField } from '../model';
import { extractUrl } from './links';
import type { DiagSink } from './postpass';
import { continuesWrappedLine, isListItem, linksOnly, stripEmphasis, wrapSeparator } from './text';

type FieldTarget = SummaryField | 'category' | 'authors' | 'translatedTitle' | 'abstractTranslation' | 'link' | 'extra';

export interface OpenField {
	target: FieldTarget;
	label: string;
	/**
	 * the value's pieces in `parts[0 … count)`: the array is reused by every field, and emptying it
	 * (`length = 0`) released its store, so each field grew a new one (35 MB of the 164 MB a parse
	 * of the 167-day folder allocated)
	 */
	parts: string[];
	count: number;
	/** the last text appended, to pick the separator for the next hard-wrapped line */
	tail: string;
	start: number;
	last: number;
	quoted: boolean;
	paragraphBreak: boolean;
	/** indentation of the value's first list item, removed from all its items */
	listIndent?: number;
	/** opened by a heading (`### Summary`): the text below is its value, whatever it looks like */
	heading: boolean;
	/** the last line appended was a code block's (appendVerbatim): the next starts a line of its own */
	lineBreak: boolean;
}

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
	return t === 'tldr' || t === 'motivation' || t === 'method' || t === 'result' || t === 'conclusion' || t === 'abstract';
}

/** a field an LLM writes (a summary field, a translation), not arXiv's abstract or category */
function isGeneratedTarget(t: FieldTarget): boolean {
	return t === 'tldr' || t === 'motivation' || t === 'method' || t === 'result' || t === 'conclusion' || t === 'translatedTitle' || t === 'abstractTranslation';
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
	// the last of a list written as a sentence: `…, Weibing Sun, and Huchuan Lu`
	if ((a === 97 || a === 65 || a === 38) && /^(?:and|&)\s+\S/i.test(name)) name = name.replace(/^(?:and|&)\s+/i, '');
	// `Xiaomi LLM-Core Team,:,Dong Zhang`: a token of punctuation alone is no author
	if (name.length > 3 || (name.length > 0 && /[\p{L}\p{N}]/u.test(name))) out.push(name);
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

/** `cs.CV`, `` `q-bio.QM`, `cs.AI` ``: the first category of a list is the main one */
function mainCategory(value: string): string {
	const v = value.indexOf('`') >= 0 ? value.replace(/`/g, '') : value;
	const comma = v.search(/[,，、]/);
	return stripEmphasis(comma > 0 ? v.slice(0, comma) : v);
}

/** fewer fields of one label than this say nothing about the fork's habit: each empty one is reported */
const MIN_FIELDS_FOR_HABIT = 3;

export class FieldBuilder {
	/** the field being read, if any; one at a time, reused: `close` copies what it keeps */
	current?: OpenField;
	private paper?: Paper;
	private readonly scratch: OpenField = { target: 'extra', label: '', parts: [], count: 0, tail: '', start: 0, last: 0, quoted: false, paragraphBreak: false, heading: false, lineBreak: false };
	private readonly unknownSeen = new Set<string>();
	/** per label: how many fields of that label were read, and the empty ones among them (reported in `finish`) */
	private readonly labelCounts = new Map<string, { seen: number; empty: LineRange[] }>();
	/**
	 * a field heading closed with no text of its own (`#### 📘 Detailed Summary` above `**Motivation:** …`):
	 * a heading that groups the fields below it when the next field of its paper is a known label's, not
	 * a heading's; else an empty field (see open)
	 */
	private emptyHeading?: { paper: Paper; label: string; range: LineRange };

	constructor(private readonly diag: DiagSink) {}

	/** starts a field of `paper`; a key the paper already has makes the field an extra one */
	open(paper: Paper, key: LabelKey | undefined, label: string, value: string, i: number, quoted: boolean, unknown: boolean, heading = false): void {
		const group = this.emptyHeading;
		if (group) {
			this.emptyHeading = undefined;
			if (group.paper !== paper || key === undefined || heading) this.missing('', group.label, group.range);
		}
		let target: FieldTarget = 'extra';
		if (key !== undefined && key !== 'date') {
			const taken = key === 'link' ? paper.link !== undefined : paper.fieldRanges[key] !== undefined;
			if (!taken) target = key;
		}
		// reported once per label and file: a fork that adds "Mood:" to every paper needs one hint, not
		// hundreds; numbered labels are one (`Figure 1`…`Figure 8`, `图1`…`图7`: one paper's key figures)
		const seenAs = label.replace(/\d+/g, '#');
		if (unknown && !isCommonExtraLabel(label) && !this.unknownSeen.has(seenAs)) {
			this.unknownSeen.add(seenAs);
			this.diag({ start: i, end: i }, 'info', 'unknown-label', `Unknown label "${label}" (kept as an extra field).`);
		}
		const f = this.scratch;
		f.target = target;
		f.label = label;
		f.count = 0;
		if (value.length > 0) f.parts[f.count++] = value;
		f.tail = value;
		f.start = i;
		f.last = i;
		f.quoted = quoted;
		f.paragraphBreak = false;
		f.listIndent = undefined;
		f.heading = heading;
		f.lineBreak = false;
		this.current = f;
		this.paper = paper;
	}

	/** a blank line: the next text starts a new paragraph of the value */
	blank(): void {
		const f = this.current;
		if (f) f.paragraphBreak = f.count > 0;
	}

	append(raw: string, i: number): void {
		const f = this.current!;
		let text = raw;
		if (f.quoted || text.charCodeAt(0) === 62 /* > */) text = text.replace(/^\s*(?:>\s?)+/, '');
		// once a list has started in the value, an item's wrapped lines end in text too: only before one
		const list = isListItem(text) && !(f.count > 0 && !f.paragraphBreak && f.listIndent === undefined && continuesWrappedLine(f.tail, text));
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
			f.paragraphBreak = f.count > 0;
			return;
		}
		if (f.count > 0) {
			const sep = f.paragraphBreak ? '\n\n' : list || f.lineBreak ? '\n' : wrapSeparator(f.tail, text);
			if (sep) f.parts[f.count++] = sep;
		}
		f.parts[f.count++] = text;
		f.tail = text;
		f.paragraphBreak = false;
		f.lineBreak = false;
		f.last = i;
	}

	/** a line of a fenced code block (its fences too): as written, indentation and all, on a line of its own */
	appendVerbatim(raw: string, i: number): void {
		const f = this.current!;
		const text = (f.quoted || raw.trimStart().charCodeAt(0) === 62 /* > */ ? raw.replace(/^\s*(?:>\s?)+/, '') : raw).trimEnd();
		if (f.count > 0) f.parts[f.count++] = f.paragraphBreak ? '\n\n' : '\n';
		f.parts[f.count++] = text;
		f.tail = text;
		f.paragraphBreak = false;
		f.lineBreak = true;
		f.last = i;
	}

	close(): void {
		const f = this.current;
		const paper = this.paper;
		if (!f || !paper) return;
		this.current = undefined;
		this.paper = undefined;
		const value = f.count === 1 ? f.parts[0] : f.count === 0 ? '' : f.parts.slice(0, f.count).join('');
		const range = { start: f.start, end: f.last };
		const target = f.target;
		if (target === 'extra') {
			if (f.heading && value.length === 0 && f.label.length > 0) {
				this.flushEmptyHeading();
				this.emptyHeading = { paper, label: f.label, range };
				paper.extra.push({ label: extraLabelName(f.label) ?? f.label, value, range });
				return;
			}
			this.extra(paper, f.label, value, range);
			return;
		}
		if (target === 'link') {
			const url = this.missing(value, f.label, range) ? '' : extractUrl(value);
			if (url.length > 0) paper.link = url;
			else paper.extra.push({ label: f.label, value, range });
			return;
		}
		if (target === 'authors') {
			this.setAuthors(paper, stripEmphasis(value), range);
			return;
		}
		if (value.charCodeAt(0) === 91 /* [ */ && (isSummaryTarget(target) || target === 'abstractTranslation') && linksOnly(value)) {
			// `**Abstract**: [arXiv](https://arxiv.org/abs/…)`: a link to the text, not the text, which may
			// follow (`<summary>Abstract</summary>`): the link is kept under its label, the field left free
			paper.extra.push({ label: f.label, value, range });
			return;
		}
		paper.fieldRanges[target] = range;
		if (this.missing(value, f.label, range, isGeneratedTarget(target))) {
			if (isSummaryTarget(target)) setSummary(paper, target, '');
			return;
		}
		if (isSummaryTarget(target)) setSummary(paper, target, value);
		else if (target === 'category') paper.category = mainCategory(value);
		else if (target === 'translatedTitle') paper.translatedTitle = stripEmphasis(value);
		else paper.abstractTranslation = value;
	}

	/**
	 * Reports the empty fields once the whole file is read. A label left empty in half or more of the
	 * fields that carry it (at least 3) is the fork's habit — `DOI:` and `期刊:` on every preprint,
	 * `**Comment:**` where arXiv has none, `Limitations:` the model seldom fills — so a hint on each would
	 * be hundreds of dots that tell the reader nothing; an empty field where the file usually has text
	 * (a `结论:` the model skipped) is reported.
	 */
	finish(): void {
		this.flushEmptyHeading();
		for (const [label, { seen, empty }] of this.labelCounts) {
			if (empty.length === 0 || (seen >= MIN_FIELDS_FOR_HABIT && 2 * empty.length >= seen)) continue;
			for (const range of empty) this.diag(range, 'hint', 'empty-field', `"${label}" is empty.`);
		}
		this.labelCounts.clear();
	}

	/** the empty field heading no field followed: an empty field */
	private flushEmptyHeading(): void {
		const group = this.emptyHeading;
		if (!group) return;
		this.emptyHeading = undefined;
		this.missing('', group.label, group.range);
	}

	setAuthors(paper: Paper, value: string, range: LineRange): void {
		paper.fieldRanges.authors = range;
		paper.authors = this.missing(value, 'Authors', range) ? [] : splitAuthors(value);
	}

	/** an extra field under its normalised label; unlabelled notes keep an empty label */
	private extra(paper: Paper, label: string, value: string, range: LineRange): void {
		const missing = this.missing(value, label, range);
		paper.extra.push({ label: label.length > 0 ? extraLabelName(label) ?? label : label, value: missing ? '' : value, range });
	}

	/**
	 * True for an empty value or a placeholder (`N/A`, `Error`, `Summary generation failed`), which is
	 * stored as empty so searches do not find it; says so in a diagnostic. `summary`: the field is one an
	 * LLM writes, whose fallbacks (`Motivation analysis unavailable`) are placeholders too (isPlaceholder).
	 */
	private missing(value: string, label: string, range: LineRange, summary = false): boolean {
		let counts = this.labelCounts.get(label);
		if (!counts) this.labelCounts.set(label, (counts = { seen: 0, empty: [] }));
		counts.seen++;
		if (value.length === 0) {
			counts.empty.push(range);
			return true;
		}
		if (!isPlaceholder(value, summary)) return false;
		this.diag(range, 'info', 'placeholder', `"${label}" holds the placeholder "${value.trim()}": left empty.`);
		return true;
	}
}
