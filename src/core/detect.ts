/**
 * Content detection: is a Markdown file a daily arXiv digest? Used to switch `.md` files to the
 * digest language and to filter the workspace scan, so it reads only the head of a file and must
 * never claim an ordinary README, changelog or blog post.
 */
import { parseLabelLine, type LabelKey } from './labels';

/** how much of a file detection reads: digests show their signature in the first screenful */
export const DETECT_MAX_CHARS = 8 * 1024;
export const DETECT_MAX_LINES = 60;
/** a paper heading counts only when a digest field follows within this many lines */
const FIELD_WINDOW = 8;

const TOC_ANCHOR = /^<(?:div|a)\s+(?:id|name)\s*=\s*['"]?toc['"]?\s*>\s*<\/(?:div|a)>\s*$/i;
const TOC_ENTRY = /^\s*[-*+]\s+\[[^\]]+\]\(#[^)\s]*\)\s*\[\s*Total\s*[:：]\s*\d+\s*\]\s*$/i;
const PAPER_HEADING = /^\s{0,3}#{1,6}\s+(?:\[\d+\]\s*)?\[.+\]\(\s*(?:https?:\/\/|www\.)[^\s)]+(?:\([^\s)]*\)[^\s)]*)*\s*\)\s*$/i;
const HEADING = /^\s{0,3}#{1,6}\s/;
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
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (TOC_ANCHOR.test(line) || TOC_ENTRY.test(line)) return true;
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

export interface GlobOptions {
	/** compare case-insensitively, as file systems on Windows and macOS do */
	nocase?: boolean;
}

const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 256;

function escapeRegExp(c: string): string {
	return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** index of the `}` closing the `{` at `open`, or -1 when the brace is a literal character */
function closingBrace(glob: string, open: number): number {
	let depth = 0;
	for (let i = open; i < glob.length; i++) {
		const c = glob[i];
		if (c === '\\') i++;
		else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return i;
	}
	return -1;
}

/**
 * Glob → regular expression source. `**` as a whole segment spans directories (`**\/` also zero
 * of them), `*` and `?` stay within one segment, `{a,b}` nests, `[abc]`/`[!abc]` are classes,
 * a backslash escapes the next character.
 */
function globSource(glob: string): string {
	let pos = 0;
	const isSegmentStart = (i: number) => i === 0 || glob[i - 1] === '/' || glob[i - 1] === '{' || glob[i - 1] === ',';
	const isSegmentEnd = (i: number) => i >= glob.length || glob[i] === '/' || glob[i] === '}' || glob[i] === ',';

	function sequence(braceEnd: number): string {
		let out = '';
		while (pos < glob.length) {
			const c = glob[pos];
			if (braceEnd >= 0 && (pos === braceEnd || c === ',')) break;
			if (c === '*') {
				const start = pos;
				while (glob[pos] === '*') pos++;
				if (pos - start >= 2 && isSegmentStart(start) && isSegmentEnd(pos)) {
					if (glob[pos] === '/') {
						pos++;
						out += '(?:[^/]*/)*';
					} else {
						out += '.*';
					}
				} else {
					out += '[^/]*';
				}
			} else if (c === '?') {
				out += '[^/]';
				pos++;
			} else if (c === '[') {
				const end = glob.indexOf(']', pos + 2);
				if (end < 0) {
					out += '\\[';
					pos++;
				} else {
					let body = glob.slice(pos + 1, end);
					const negated = body[0] === '!' || body[0] === '^';
					if (negated) body = body.slice(1);
					out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
					pos = end + 1;
				}
			} else if (c === '{') {
				const end = closingBrace(glob, pos);
				if (end < 0) {
					out += '\\{';
					pos++;
					continue;
				}
				pos++;
				const alternatives = [sequence(end)];
				while (glob[pos] === ',') {
					pos++;
					alternatives.push(sequence(end));
				}
				pos = end + 1;
				out += `(?:${alternatives.join('|')})`;
			} else if (c === '\\' && pos + 1 < glob.length) {
				out += escapeRegExp(glob[pos + 1]);
				pos += 2;
			} else {
				out += escapeRegExp(c);
				pos++;
			}
		}
		return out;
	}
	return sequence(-1);
}

/** the compiled form of one glob (cached; the settings hold a handful of globs) */
export function globToRegExp(glob: string, options: GlobOptions = {}): RegExp {
	const key = `${options.nocase ? 'i' : 's'}${glob}`;
	let re = compiled.get(key);
	if (!re) {
		re = new RegExp(`^${globSource(glob.replace(/^\.\//, ''))}$`, options.nocase ? 'i' : '');
		if (compiled.size >= MAX_COMPILED) compiled.clear();
		compiled.set(key, re);
	}
	return re;
}

/**
 * Does `path` match any of `globs`? Paths use `/` or `\`; a glob without a `/` is matched against
 * the file name alone (as `files.associations` does), any other glob against the whole path.
 */
export function matchesGlob(path: string, globs: readonly string[], options: GlobOptions = {}): boolean {
	const normalised = path.replace(/\\/g, '/').replace(/^\.\//, '');
	const name = normalised.slice(normalised.lastIndexOf('/') + 1);
	for (const glob of globs) {
		const g = glob.trim();
		if (!g) continue;
		const subject = g.includes('/') ? normalised : name;
		if (globToRegExp(g, options).test(subject)) return true;
	}
	return false;
}
