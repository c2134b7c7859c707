/**
 * Does a paper's category (`cs.CV`, a fork's `Computer Vision (cs.CV)`) fall under `wanted`, in lower
 * case: `cs.cv`, or an archive for all of its categories (`cs` for every `cs.*`)? The interests'
 * categories and search's `cat:` read it alike. vscode-free.
 */
export function categoryMatches(wanted: string, category: string): boolean {
	const c = category.toLowerCase();
	return c === wanted || c.startsWith(wanted + '.') || c.includes(`(${wanted})`) || c.includes(`(${wanted}.`);
}
