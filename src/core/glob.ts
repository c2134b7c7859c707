/**
 * Glob matching for the `arxivDigest.files`, `.workspace.include` and `.workspace.exclude` settings,
 * with picomatch (the matcher behind micromatch, chokidar and fast-glob) in its POSIX build (no
 * node:path, so it runs in a browser too). A glob without a `/` is matched against the file name
 * alone, as `files.associations` does; any other glob against the whole relative path.
 */
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
		match = picomatch(source, { dot: true, nocase: options.nocase === true, basename: !options.wholePath && !glob.includes('/') });
		if (compiled.size >= MAX_COMPILED) compiled.clear();
		compiled.set(key, match);
	}
	return match;
}

/** Does `path` (with `/` or `\\` separators) match any of `globs`? */
export function matchesGlob(path: string, globs: readonly string[], options: GlobOptions = {}): boolean {
	const normalised = path.replace(/\\/g, '/').replace(/^\.\//, '');
	return globs.some((glob) => glob.trim() !== '' && matcher(glob.trim(), options)(normalised));
}
