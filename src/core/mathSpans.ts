/**
 * Inline `$…$` math in a paper's text (titles like `$\mathcal{O}(n)$ Attention`, `$\mathrm{H}_2$`), for
 * the writers that must leave it as written (BibTeX, Markdown). A span opens with `$` before a non-space
 * and closes with `$` after one, not before a digit, as Pandoc and KaTeX's auto-render read it: `$5 and
 * $10` is money, not math.
 */
const MATH = /\$(?=[^\s$])[^$]*?[^\s$\\]\$(?!\d)|\$[^\s$]\$(?!\d)/g;

/** The text in pieces, in order: math spans (`$` included) and the text between them. */
export function mathSpans(text: string): { text: string; math: boolean }[] {
	const out: { text: string; math: boolean }[] = [];
	let last = 0;
	for (const m of text.matchAll(MATH)) {
		const at = m.index ?? 0;
		if (at > last) out.push({ text: text.slice(last, at), math: false });
		out.push({ text: m[0], math: true });
		last = at + m[0].length;
	}
	if (last < text.length) out.push({ text: text.slice(last), math: false });
	return out;
}
