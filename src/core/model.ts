/**
 * The digest model: what the parser produces and every other part reads.
 * vscode-free: nothing under src/core may import 'vscode'.
 *
 * Lines are 0-based; a LineRange is inclusive on both ends.
 */

export interface LineRange {
	/** first line, 0-based */
	start: number;
	/** last line, 0-based, inclusive */
	end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type DiagnosticCode =
	| 'toc-total-mismatch'
	| 'toc-missing-category'
	| 'duplicate-id'
	| 'missing-link'
	| 'missing-title'
	| 'bad-arxiv-link'
	| 'unterminated-details'
	| 'unknown-label'
	| 'unplaced-text'
	| 'empty-field'
	| 'placeholder'
	| 'binary-content'
	| 'truncated'
	| 'no-papers'
	| 'merge-conflict'
	| 'unclosed-fence';

export interface DigestDiagnostic {
	range: LineRange;
	severity: Severity;
	code: DiagnosticCode;
	message: string;
}

/** The five LLM summary fields plus the abstract, under their canonical keys. */
export const SUMMARY_FIELDS = ['tldr', 'motivation', 'method', 'result', 'conclusion', 'abstract'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

/** Keys whose line range the parser records for each paper. */
export type FieldKey = SummaryField | 'title' | 'translatedTitle' | 'abstractTranslation' | 'authors' | 'category';

/** A labelled field the parser does not map to a known key (Keywords, Comment, Relevance Score, ...). */
export interface ExtraField {
	/** the label as written, without markup or colon, e.g. "Keywords" */
	label: string;
	value: string;
	range: LineRange;
}

/**
 * The longest paper id: a `title:` or `url:` id (a paper without an arXiv or DOI link) is cut to it.
 * The stores of the reader's state (library, read marks) take back every id up to this length.
 */
export const MAX_PAPER_ID_LENGTH = 1024;

/** `id` cut to MAX_PAPER_ID_LENGTH, never inside a surrogate pair */
export function cappedPaperId(id: string): string {
	if (id.length <= MAX_PAPER_ID_LENGTH) return id;
	const end = /[\uD800-\uDBFF]/.test(id[MAX_PAPER_ID_LENGTH - 1]) ? MAX_PAPER_ID_LENGTH - 1 : MAX_PAPER_ID_LENGTH;
	return id.slice(0, end);
}

/**
 * Whether a stored value can be a paper id the parser made: text up to MAX_PAPER_ID_LENGTH, spaces
 * inside (`title:` ids hold them), none at either end, and no line breaks or other control characters.
 */
export function isStoredPaperId(value: unknown): value is string {
	// no name of a plain object's own (`__proto__`, `constructor`, `toString`): no paper has one, and the stores
	// key plain objects by id (a hand-made reading-state file with one threw, or lost its note)
	return typeof value === 'string' && value.length > 0 && value.length <= MAX_PAPER_ID_LENGTH && value.trim() === value && !/[\u0000-\u001f\u007f]/.test(value) && !(value in Object.prototype);
}

export interface Paper {
	/** the number in the heading `### [12]`, if any */
	number?: number;
	/**
	 * Stable identifier: the arXiv id without version (`2602.04994`, `hep-th/9901001`)
	 * or, for non-arXiv links, something stable derived from the URL (`doi:10.1101/...`,
	 * `url:biorxiv.org/content/...`); without any link, `title:<normalised title>`.
	 */
	id: string;
	/** `v2` when the link carried a version */
	version?: string;
	/** true when `id` is a real arXiv identifier */
	isArxiv: boolean;
	title: string;
	/** the title in the summary's language: the line right under the heading, if the fork writes one */
	translatedTitle?: string;
	link?: string;
	authors: string[];
	/** the "Main category" the digest states, else undefined */
	category?: string;
	/** name of the category section (heading) the paper is listed under */
	section: string;
	tldr: string;
	motivation: string;
	method: string;
	result: string;
	conclusion: string;
	/** the abstract as published (English for arXiv); see `abstractTranslated` */
	abstract: string;
	/** the abstract translated into the summary's language, when the fork writes both */
	abstractTranslation?: string;
	/** true when the template carries only a translated abstract: `abstract` holds that translation */
	abstractTranslated?: boolean;
	/** other labelled fields and unplaced text, in file order */
	extra: ExtraField[];
	/** the whole entry: heading through its last line */
	range: LineRange;
	/** the `###` heading line */
	headingLine: number;
	/** where each known field was found */
	fieldRanges: Partial<Record<FieldKey, LineRange>>;
	/** the `<details>` block, when there is one */
	detailsRange?: LineRange;
}

export interface Category {
	/** e.g. `cs.CV` */
	name: string;
	/** the anchor id (`<div id='cs.CV'>`, `<a id=...>`), when present */
	anchor?: string;
	/** the total the table of contents claims, when present */
	claimedTotal?: number;
	/** the heading line */
	headingLine: number;
	/** the heading through the last line before the next category (or end of file) */
	range: LineRange;
	/** indices into Digest.papers, in file order */
	papers: number[];
}

export interface Digest {
	/** the path the text came from (as given to the parser) */
	path: string;
	/** `YYYY-MM-DD` when one is found in the file name, first heading or a Report Date line */
	day?: string;
	/** the day when known, else the file's stem */
	label: string;
	/** categories in file order */
	categories: Category[];
	/** papers in file order */
	papers: Paper[];
	diagnostics: DigestDiagnostic[];
	/** the table of contents, when present */
	tocRange?: LineRange;
	lineCount: number;
}

/** A paper with every field empty, its heading at `headingLine`. */
export function emptyPaper(headingLine: number): Paper {
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
