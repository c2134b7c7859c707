/**
 * Does a paper's category (`cs.CV`, a fork's `Computer Vision (cs.CV)`) fall under `wanted`, in lower
 * case: `cs.cv`, an archive for all of its categories (`cs` for every `cs.*`), or a subject as arXiv
 * abbreviates it without its archive (`cv` for `cs.CV`; `gt` for `cs.GT` and `math.GT`)? The interests'
 * categories and search's `cat:` read it alike. vscode-free.
 */
export function categoryMatches(wanted: string, category: string): boolean {
	const c = category.toLowerCase();
	if (c === wanted || c.startsWith(wanted + '.') || c.includes(`(${wanted})`) || c.includes(`(${wanted}.`)) return true;
	return !wanted.includes('.') && (c.endsWith(`.${wanted}`) || c.includes(`.${wanted})`));
}
