/** Which files are worth reading to find out whether they are digests. */

/**
 * Digest files are named by their day (`2026-02-06.md`, `2025-06-09_topic.md`, `20260206.md`) or
 * kept in the folders the generators write (`data/`, `contents/`, `to_md/`, `digest/`, `digests/`): only such Markdown
 * files are read to detect digests, so a repository of ordinary documents costs nothing. Files
 * named otherwise are digests when an `arxivDigest.files` glob names them.
 */
const DATED_NAME = /(?:^|[^0-9])(?:19|20)\d{2}[-_.]?(?:0[1-9]|1[0-2])[-_.]?(?:0[1-9]|[12]\d|3[01])(?:[^0-9]|$)/;
/** the folders digest generators write to (any case) */
const DIGEST_FOLDERS = ['data', 'contents', 'to_md', 'digest', 'digests'];
const DIGEST_FOLDER = new RegExp(`(?:^|/)(?:${DIGEST_FOLDERS.join('|')})/`, 'i');

/**
 * One glob whose matches hold every Markdown file mayBeDigestPath takes (and a few it does not): a
 * name with a year of 19xx or 20xx in it, or a file below a digest folder (any case). Listing these
 * instead of every `*.md` spares the editor the paths of a large repository's ordinary documents;
 * one glob (alternatives in one brace group, none nested: globs do not nest braces) is one file
 * search, which the editor runs by starting a ripgrep process from the extension host's thread.
 */
export const CANDIDATE_GLOB = `{${[
	'**/*19[0-9][0-9]*.md',
	'**/*20[0-9][0-9]*.md',
	...DIGEST_FOLDERS.map((name) => `**/${[...name].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join('')}/**/*.md`),
].join(',')}}`;

export function mayBeDigestPath(relativePath: string): boolean {
	const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
	return DATED_NAME.test(name) || DIGEST_FOLDER.test(relativePath);
}

/** Is this folder (a relative path) one the generators write digests to (`data`, `contents`, `to_md`, `digest`, `digests`)? */
export function isDigestFolder(relativePath: string): boolean {
	return DIGEST_FOLDER.test(`${relativePath}/`);
}

/** Files larger than this are not read unless a glob names them: a 32 MB Markdown file is no daily digest. */
export const MAX_CANDIDATE_BYTES = 32 * 1024 * 1024;
/**
 * Where the file system has no ranged read (the editor's workspace.fs: the browser, virtual and
 * remote folders), the largest candidate read whole to look at its head. The largest real digests
 * are 1.6 MB (the 167-day folder's biggest day, 532 papers) and 1.75 MB (the 23 forks' files): a file
 * five times that is not read whole on every start to find it is a generated table or a dump. One
 * that `arxivDigest.files` names is a digest without its head read.
 */
export const MAX_WHOLE_HEAD_READ_BYTES = 8 * 1024 * 1024;
/** the smallest file that can carry a digest's signature (`<div id=toc></div>`) */
export const MIN_DIGEST_BYTES = 16;

/** Is a file of `size` bytes worth reading to detect a digest by its content? */
export function mayBeDigestSize(size: number): boolean {
	return size >= MIN_DIGEST_BYTES && size <= MAX_CANDIDATE_BYTES;
}

/** A candidate's head as a ranged read gave it: the file's size and its first bytes, decoded. */
export interface CandidateHead {
	readonly size: number;
	readonly head: string;
}

export interface FindDigestOptions {
	/** heads read at a time */
	readonly concurrency?: number;
	/** stop reading (a newer scan, a disposed workspace): resolves undefined */
	readonly cancelled?: () => boolean;
}

/**
 * The first candidate (in order, reading `concurrency` heads at a time) that is a digest: named by
 * an `arxivDigest.files` glob (`always`), or of a plausible size with a head that `isDigest`
 * accepts. Stops reading at the first one found; undefined when none is. `readHead` gives
 * undefined for a file it cannot read (gone, a folder, no access): that one is no digest.
 */
export async function findDigest<T extends { readonly always: boolean }>(
	candidates: readonly T[],
	readHead: (candidate: T) => Promise<CandidateHead | undefined>,
	isDigest: (head: string) => boolean,
	options: FindDigestOptions = {},
): Promise<T | undefined> {
	const always = candidates.find((c) => c.always);
	if (always) return always;
	const concurrency = Math.max(1, options.concurrency ?? 8);
	let next = 0;
	let found: { at: number; candidate: T } | undefined;
	const done = () => options.cancelled?.() === true;
	const lane = async () => {
		while (next < candidates.length && !done()) {
			const at = next++;
			// a digest earlier in the order already decides; later heads need not be read
			if (found && found.at < at) return;
			const candidate = candidates[at];
			const read = await readHead(candidate);
			if (read && mayBeDigestSize(read.size) && isDigest(read.head) && (!found || at < found.at)) found = { at, candidate };
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, candidates.length) }, lane));
	return done() ? undefined : found?.candidate;
}
