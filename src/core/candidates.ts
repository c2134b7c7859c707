/** Which files are worth reading to find out whether they are digests. */

/**
 * Digest files are named by their day (`2026-02-06.md`, `2025-06-09_topic.md`, `20260206.md`) or
 * kept in the folders the generators write (`data/`, `contents/`, `to_md/`): only such Markdown
 * files are read to detect digests, so a repository of ordinary documents costs nothing. Files
 * named otherwise are digests when an `arxivDigest.files` glob names them.
 */
const DATED_NAME = /(?:^|[^0-9])(?:19|20)\d{2}[-_.]?(?:0[1-9]|1[0-2])[-_.]?(?:0[1-9]|[12]\d|3[01])(?:[^0-9]|$)/;
/** the folders digest generators write to (any case) */
const DIGEST_FOLDERS = ['data', 'contents', 'to_md', 'digest', 'digests'];
const DIGEST_FOLDER = new RegExp(`(?:^|/)(?:${DIGEST_FOLDERS.join('|')})/`, 'i');

/**
 * Globs whose matches hold every Markdown file mayBeDigestPath takes (and a few it does not): a
 * name with a year of 19xx or 20xx in it, or a file below a digest folder. Listing these instead of
 * every `*.md` spares the editor the paths of a large repository's ordinary documents.
 */
export const CANDIDATE_GLOBS: readonly string[] = [
	'**/*{19,20}[0-9][0-9]*.md',
	`**/{${DIGEST_FOLDERS.map((name) => [...name].map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c)).join('')).join(',')}}/**/*.md`,
];

export function mayBeDigestPath(relativePath: string): boolean {
	const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
	return DATED_NAME.test(name) || DIGEST_FOLDER.test(relativePath);
}

/** Is this folder (a relative path) one the generators write digests to (`data`, `contents`, `to_md`, `digests`)? */
export function isDigestFolder(relativePath: string): boolean {
	return DIGEST_FOLDER.test(`${relativePath}/`);
}
