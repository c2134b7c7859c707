/**
 * Glob matching for the `arxivDigest.files`, `.workspace.include` and `.workspace.exclude` settings,
 * with picomatch (the matcher behind micromatch, chokidar and fast-glob) in its POSIX build (no
 * node:path, so it runs in a browser too). A glob without a `/` is matched against the file name
 * alone, as `files.associations` does; any other glob against the whole relative path. Brace groups
 * are expanded first (braces, the expander micromatch uses): in a group, picomatch reads a leading
 * globstar and slash as one folder at least, so two folders excluded by one string (the exclude
 * setting is one) missed a top-level `old/` (see test/unit/candidates.test.ts, matchesGlob).
 */
import braces from 'braces';
import picomatch from 'picomatch/posix';

export interface GlobOptions {
	/** compare case-insensitively, as file systems on Windows and macOS do */
	nocase?: boolean;
	/**
	 * match every glob against the whole relative path, as the editor's `files.exclude` and
	 * `search.exclude` do (`build` is then the top-level folder only, not any file named so)
	 */
	wholePath?: boolean;
}

type Matcher = (path: string) => boolean;

const compiled = new Map<string, Matcher>();
/** the settings hold a handful of globs; the cap only guards against a runaway caller */
const MAX_COMPILED = 256;

function matcher(glob: string, options: GlobOptions): Matcher {
	const key = `${options.nocase ? 'i' : 's'}${options.wholePath ? 'w' : 'n'}${glob}`;
	let match = compiled.get(key);
	if (!match) {
		// VS Code's globs negate a range with `[!…]`, picomatch with `[^…]`
		const source = glob.replace(/^\.\//, '').replace(/\[!/g, '[^');
		// `!{a,b}/**` is "in neither": the expansion's parts are matched, then negated together
		const negated = source.startsWith('!') && !source.startsWith('!(');
		// no extglobs (`*(a|b)`, `+(…)`): VS Code's globs have none, and `*(*a)x` backtracks for seconds on one
		// path of a folder's walk (a workspace's settings can set it; a security review's)
		const each = expandedGlob(negated ? source.slice(1) : source).map((one): Matcher => (tooManyStars(one) ? () => false : picomatch(one, { dot: true, noextglob: true, nocase: options.nocase === true, basename: !options.wholePath && !glob.includes('/') })));
		const any: Matcher = each.length === 1 ? each[0] : (path) => each.some((m) => m(path));
		match = negated ? (path) => !any(path) : any;
		if (compiled.size >= MAX_COMPILED) compiled.clear();
		compiled.set(key, match);
	}
	return match;
}

/** the most globs one glob's braces expand to; past it the glob is matched as written */
const MAX_EXPANDED = 64;

/**
 * `glob` with its brace groups expanded (`a/{b,c}` → `a/b`, `a/c`); as written past MAX_EXPANDED globs,
 * which is told before expanding (twenty groups of two made a million strings and seconds), and when
 * negated (`!{a,b}`: its parts are no alternatives)
 */
export function expandedGlob(glob: string): string[] {
	if (!glob.includes('{') || glob.startsWith('!') || expansions(glob) > MAX_EXPANDED) return [glob];
	try {
		const all = braces(glob, { expand: true, rangeLimit: MAX_EXPANDED });
		return all.length > 0 && all.length <= MAX_EXPANDED ? all : [glob];
	} catch {
		// a range past rangeLimit (`{1..100000}`)
		return [glob];
	}
}

/**
 * At least as many globs as `glob`'s braces expand to: the product of each group's alternatives (a
 * range `{1..9}` its length), nested groups counted as if side by side.
 */
function expansions(glob: string): number {
	let count = 1;
	const open: { start: number; alternatives: number }[] = [];
	for (let i = 0; i < glob.length && count <= MAX_EXPANDED; i++) {
		const c = glob[i];
		if (c === '\\') i++;
		else if (c === '{') open.push({ start: i + 1, alternatives: 1 });
		else if (c === ',' && open.length > 0) open[open.length - 1].alternatives++;
		else if (c === '}' && open.length > 0) {
			const group = open.pop() as { start: number; alternatives: number };
			const range = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.-?\d+)?$/.exec(glob.slice(group.start, i));
			const size = range ? Math.abs(rangeEnd(range[2]) - rangeEnd(range[1])) + 1 : group.alternatives;
			count *= size;
		}
	}
	return count;
}

function rangeEnd(end: string): number {
	return /^-?\d+$/.test(end) ? Number(end) : end.charCodeAt(0);
}

/**
 * The most single `*` one glob may hold: each is a lazy run that backtracks against the others, so a
 * path takes time to the power of their number where the glob fails (`**` + `*a` × 7 + `*b.md`: 0.8 s on
 * one 48-character path; × 4, 6 ms). A glob with more matches no file, and the scan says so.
 */
export const MAX_GLOB_STARS = 5;
/** The most `**` segments one glob may hold, for the same reason (8 took 4.2 s on a path 40 folders deep; 4, 5 ms). */
export const MAX_GLOBSTARS = 4;

/**
 * Does `glob` (one brace expansion) hold more than MAX_GLOB_STARS single `*`, or more than MAX_GLOBSTARS
 * `**` segments? A run of stars inside a segment (`x**b`) is one `*` to picomatch.
 */
export function tooManyStars(glob: string): boolean {
	const segments = glob.split('/');
	const globstars = segments.filter((segment) => segment === '**').length;
	const stars = segments.filter((segment) => segment !== '**').reduce((n, segment) => n + (segment.match(/\*+/g)?.length ?? 0), 0);
	return stars > MAX_GLOB_STARS || globstars > MAX_GLOBSTARS;
}

/**
 * A brace or bracket of `glob` without its pair (`*.{md,markdown`, `*.md}`, `data/[0-9*.md`), which the
 * glob then matches no file with (picomatch reads an unclosed group as a pattern that matches nothing,
 * a lone `}` or `[` as the character): that character, else undefined. After a backslash it is the character.
 */
export function unpairedBracket(glob: string): '{' | '}' | '[' | undefined {
	let depth = 0;
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i];
		if (c === '\\') i++;
		// a range (`[0-9]`, `[{]`: the brace is the character; a `]` first is in the range), closed within
		// its path segment: a range never takes a `/`
		else if (c === '[') {
			const end = glob.indexOf(']', i + 2);
			const slash = glob.indexOf('/', i + 1);
			if (end < 0 || (slash >= 0 && slash < end)) return '[';
			i = end;
		}
		else if (c === '{') depth++;
		else if (c === '}' && --depth < 0) return '}';
	}
	return depth > 0 ? '{' : undefined;
}

/** Does `path` (with `/` or `\\` separators) match any of `globs`? */
export function matchesGlob(path: string, globs: readonly string[], options: GlobOptions = {}): boolean {
	const normalised = path.replace(/\\/g, '/').replace(/^\.\//, '');
	return globs.some((glob) => glob.trim() !== '' && matcher(glob.trim(), options)(normalised));
}
