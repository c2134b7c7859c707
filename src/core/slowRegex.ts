/**
 * Whether a regular expression of the reader's (an interest `/regex/`) nests a repeat inside a repeat,
 * `(\w+\s?)+@`: such a pattern backtracks exponentially where it fails (4.9 s on a 36-character
 * title, never ending on an abstract), and a regex cannot be stopped once it runs, on the extension
 * host or in the index. `ret` parses the pattern (the parser behind safe-regex); an optional part
 * (`?`, `{0,1}`) is no repeat: `(pre-?)?train` and `LLaMA-?\d+(\.\d+)?` are fine. Not caught: overlapping
 * alternatives under one repeat (`(\d|\d)+$`) and runs of `.*` (polynomial); interests in a workspace's
 * settings are ignored in Restricted Mode (package.json restrictedConfigurations).
 */
import ret, { types } from 'ret';

type Node = ReturnType<typeof ret> | { type: number; stack?: Node[]; options?: Node[][]; value?: unknown; max?: number | null };

/** does `node` hold a repeat (a `+`, `*` or `{m,n}` with n > 1) inside another, given `inRepeat` around it */
function nests(node: Node, inRepeat: boolean): boolean {
	const n = node as { type: number; stack?: Node[]; options?: Node[][]; value?: unknown; max?: number | null };
	if (n.type === types.REPETITION) {
		const repeats = n.max === null || n.max === undefined || n.max > 1;
		if (repeats && inRepeat) return true;
		return nests(n.value as Node, inRepeat || repeats);
	}
	for (const child of n.stack ?? []) if (nests(child, inRepeat)) return true;
	for (const option of n.options ?? []) for (const child of option) if (nests(child, inRepeat)) return true;
	return false;
}

/**
 * Whether `source` nests a repeat inside a repeat. Lookbehinds and named groups are read as plain
 * groups (the parser knows neither); a pattern it cannot read otherwise is taken as it is.
 */
export function nestsRepeats(source: string): boolean {
	let tree: Node;
	try {
		tree = ret(source.replace(/\(\?<(?:[=!]|[^>]*>)/g, '(?:'));
	} catch {
		return false;
	}
	return nests(tree, false);
}
