/** Which files are worth reading to find out whether they are digests. */

/**
 * Digest files are named by their day (`2026-02-06.md`, `2025-06-09_topic.md`, `20260206.md`) or
 * kept in the folders the generators write (`data/`, `contents/`, `to_md/`): only such Markdown
 * files are read to detect digests, so a repository of ordinary documents costs nothing. Files
 * named otherwise are digests when an `arxivDigest.files` glob names them.
 */
const DATED_NAME = /(?:^|[^0-9])(?:19|20)\d{2}[-_.]?(?:0[1-9]|1[0-2])[-_.]?(?:0[1-9]|[12]\d|3[01])(?:[^0-9]|$)/;
const DIGEST_FOLDER = /(?:^|\/)(?:data|contents|to_md|digests?)\//i;

export function mayBeDigestPath(relativePath: string): boolean {
	const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
	return DATED_NAME.test(name) || DIGEST_FOLDER.test(relativePath);
}

/** Is this folder (a relative path) one the generators write digests to (`data`, `contents`, `to_md`, `digests`)? */
export function isDigestFolder(relativePath: string): boolean {
	return DIGEST_FOLDER.test(`${relativePath}/`);
}
