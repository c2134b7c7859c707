/**
 * Content detection: is a Markdown file a daily arXiv digest? Used to switch `.md` files to the
 * digest language and to filter the workspace scan, so it reads only the head of a file and must
 * never claim an ordinary README, changelog or blog post.
 */
import { matchesGlob } from './glob';
import { parseLabelLine, type LabelKey } from './labels';

/** how much of a file detection reads: digests show their signature in the first screenful */
export const DETECT_MAX_CHARS = 8 * 1024;
export const DETECT_MAX_LINES = 60;
/** the bytes a ranged read takes to hold DETECT_MAX_CHARS characters, whatever their UTF-8 length */
export const DETECT_HEAD_BYTES = DETECT_MAX_CHARS * 4;
/** a paper heading counts only when a digest field follows within this many lines */
const FIELD_WINDOW = 8;

const TOC_ANCHOR = /^<(?:div|a)\s+(?:id|name)\s*=\s*['"]?toc['"]?\s*>\s*<\/(?:div|a)>\s*$/i;
const TOC_ENTRY = /^\s*[-*+]\s+\[[^\]]+\]\(#[^)\s]*\)\s*\[\s*Total\s*[:：]\s*\d+\s*\]\s*$/i;
const PAPER_HEADING = /^\s{0,3}#{1,6}\s+(?:<a\s[^>]*>\s*<\/a>\s*)?(?:\[\d+\]\s*)?\[.+\]\(\s*(?:https?:\/\/|www\.)[^\s)]+(?:\([^\s)]*\)[^\s)]*)*\s*\)\s*$/i;
const HEADING = /^\s{0,3}#{1,6}\s/;
/** a table-of-contents line that links to a paper's anchor named by its arXiv id: `- [Title](#2605.15712v1)` */
const PAPER_TOC_ENTRY = /^\s*[-*+]\s+\[.+\]\(#(?:arxiv-?)?\d{4}\.\d{4,5}(?:v\d+)?\)\s*$/i;
/** so many of those lines make a digest: one could be a note's link, three are a list of papers */
const PAPER_TOC_MIN = 3;
/** `*A,B*` or `*A, B* | **Main category: cs.CR**`: at least two names, no CJK (that is a translated title) */
const AUTHORS_LINE = /^\s*\*(?![\s*])[^*\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+?[,，][^*\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+\*(?:\s*\|.*)?\s*$/u;
const CATEGORY_VALUE = /^(?:[a-z]+(?:-[a-z]+)?\.[A-Za-z]{2,}|[a-z]+-[a-z]+)\b/;
/** a single-name italic line, no CJK */
const BYLINE = /^\*(?![\s*])[^*\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+(?<!\s)\*\s*$/u;
/** `*Alice* | **Main category: cs.CR**`: the category rides on the authors line */
const INLINE_CATEGORY = /\|\s*\*\*\s*(?:Main|Primary)\s+category\s*[:：]\s*[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]{2,})?\s*\*\*\s*$/i;

/** the LLM summary fields; a bare `Summary:` is left out because ordinary notes use it too */
const SUMMARY_KEYS: ReadonlySet<LabelKey> = new Set(['tldr', 'motivation', 'method', 'result', 'conclusion', 'abstract']);

function isDigestField(line: string): boolean {
	if (AUTHORS_LINE.test(line) || INLINE_CATEGORY.test(line)) return true;
	const label = parseLabelLine(line.trimStart());
	if (!label?.key) return false;
	if (label.key === 'category') return CATEGORY_VALUE.test(label.value);
	return SUMMARY_KEYS.has(label.key) && label.label.trim().toLowerCase() !== 'summary';
}

/** the first lines of `text`, at most DETECT_MAX_CHARS of it, without BOM or CR */
function headLines(text: string): string[] {
	const head = text.slice(0, DETECT_MAX_CHARS).replace(/^\uFEFF/, '');
	return head.split(/\r?\n/, DETECT_MAX_LINES);
}

/**
 * True when the head of `text` carries a digest signature: the `<div id=toc>` anchor, a table of
 * contents with `[Total: N]` entries, or a `### [N] [Title](url)` heading followed within a few lines
 * by a summary field, a `Main category` or an authors line.
 */
export function looksLikeDigest(text: string): boolean {
	const lines = headLines(text);
	let headingsWithByline = 0;
	let paperTocEntries = 0;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (TOC_ANCHOR.test(line) || TOC_ENTRY.test(line)) return true;
		if (PAPER_TOC_ENTRY.test(line) && ++paperTocEntries >= PAPER_TOC_MIN) return true;
		if (!PAPER_HEADING.test(line)) continue;
		for (let j = i + 1; j < Math.min(lines.length, i + 1 + FIELD_WINDOW); j++) {
			if (HEADING.test(lines[j])) break;
			if (isDigestField(lines[j])) return true;
		}
		// `*A*` right under the heading could be one author or an italic remark: only a repeated
		// pattern of them says digest
		if (BYLINE.test(lines[i + 1] ?? '') && ++headingsWithByline >= 2) return true;
	}
	return false;
}

export interface DigestSource {
	/** the path inside its workspace folder, `/`-separated */
	relativePath: string;
	/** the start of the text (only read when detection by content is needed) */
	head(): string;
	/** `arxivDigest.files`: files that are digests whatever they hold */
	globs: readonly string[];
	/** `arxivDigest.detect`: recognise digests by their content */
	detect: boolean;
	/** compare paths case-insensitively (Windows, macOS) */
	nocase?: boolean;
}

/**
 * `arxivDigest.files` and `arxivDigest.detect` at the defaults the manifest declares (a unit test
 * holds the two equal): what decides where there are no settings, as on the command line.
 */
export const DEFAULT_DETECTION: Readonly<Pick<DigestSource, 'globs' | 'detect'>> = { globs: [], detect: true };

/**
 * The names the language contribution opens in the digest language from the start (package.json's
 * `filenamePatterns`, held equal by a unit test): a day named as the forks name theirs. Matched by
 * VS Code on the whole path, case-insensitively; such a file that is not a digest goes back to Markdown.
 */
export const DIGEST_FILE_NAMES = '**/data/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].md';

/**
 * Does the file at `path` (a URI's, leading `/` or not) match any of `patterns` as VS Code matches a
 * language's `filenamePatterns` and the user's `files.associations`: in any case, a pattern with a `/`
 * on the whole path, any other on the file's name (matchesGlob's rule)?
 */
export function matchesFilePatterns(path: string, patterns: readonly string[]): boolean {
	return matchesGlob(path.replace(/^\/+/, ''), patterns.map((pattern) => pattern.replace(/^\/+/, '')), { nocase: true });
}

/** Named as DIGEST_FILE_NAMES names a day. */
export function namedAsDigestDay(path: string): boolean {
	return matchesFilePatterns(path, [DIGEST_FILE_NAMES]);
}

/**
 * The digest language's `firstLine` in the manifest (held equal by a unit test): the editor opens a
 * file that starts so in the digest language, whatever our settings say.
 */
export const DIGEST_FIRST_LINE = '^(\\ufeff)?<div id=[\'"]?toc[\'"]?></div>\\s*$';
const FIRST_LINE = new RegExp(DIGEST_FIRST_LINE);

/** Does `text` start as the manifest's firstLine says a digest does? */
export function startsAsDigest(text: string): boolean {
	const end = text.indexOf('\n');
	return FIRST_LINE.test(end < 0 ? text : text.slice(0, end).replace(/\r$/, ''));
}

/**
 * The one rule for "is this file a digest": named by a glob, starting as the manifest's firstLine
 * says (README: such files are digests, detection on or off), or, when detection is on, by its head.
 */
export function isDigestSource(source: DigestSource): boolean {
	if (source.globs.length > 0 && matchesGlob(source.relativePath, source.globs, { nocase: source.nocase })) return true;
	const head = source.head();
	return startsAsDigest(head) || (source.detect && looksLikeDigest(head));
}
