/**
 * The matches of several global patterns in one text, as if they were one pattern: used where one
 * pattern cannot say it all (interest regexes written without the `i` flag are case-sensitive, the
 * other keywords are not, and a JavaScript pattern has one set of flags).
 */

export interface TextMatch {
	readonly index: number;
	readonly text: string;
}

/**
 * The matches of `patterns` (each global) in `text`, left to right and never overlapping: the one that
 * starts first wins, the longer where two start at one place; empty matches are skipped. At most `limit`.
 */
export function unionMatches(text: string, patterns: readonly RegExp[], limit = Number.POSITIVE_INFINITY): TextMatch[] {
	const next = patterns.map((pattern) => nextMatch(pattern, text, 0));
	const out: TextMatch[] = [];
	let from = 0;
	while (out.length < limit) {
		let best = -1;
		for (let i = 0; i < patterns.length; i++) {
			let m = next[i];
			if (m && m.index < from) m = next[i] = nextMatch(patterns[i], text, from);
			if (!m) continue;
			const b = best < 0 ? undefined : next[best];
			if (!b || m.index < b.index || (m.index === b.index && m[0].length > b[0].length)) best = i;
		}
		if (best < 0) break;
		const m = next[best] as RegExpExecArray;
		out.push({ index: m.index, text: m[0] });
		from = m.index + m[0].length;
		next[best] = nextMatch(patterns[best], text, from);
	}
	return out;
}

/** the first non-empty match of `pattern` at or after `from` */
function nextMatch(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
	pattern.lastIndex = from;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		if (m[0] !== '') return m;
		// past the whole character: inside an emoji's pair, a `u` pattern finds the same empty match again, forever
		pattern.lastIndex = m.index + (pattern.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1);
	}
	return null;
}
