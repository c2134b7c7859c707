/**
 * Where `uri` is after a rename of `from` to `to` (URIs as strings): `to` for the file itself, the same
 * place under `to` for a file in a folder renamed; undefined when the rename did not move it.
 */
export function movedUri(uri: string, from: string, to: string): string | undefined {
	if (uri === from) return to;
	const folder = from.replace(/\/$/, '');
	return uri.startsWith(`${folder}/`) ? to.replace(/\/$/, '') + uri.slice(folder.length) : undefined;
}
