/**
 * Inline `$…$` math in a paper's text (titles like `$\mathcal{O}(n)$ Attention`, `$\mathrm{H}_2$`,
 * `354$\times$ faster`, `$+$1.6% PSNR`), one reading for every writer: the card's renderer, BibTeX and
 * the Markdown export. A span opens with `$` before a non-space and closes with a `$` after one, as
 * Pandoc reads it; unlike Pandoc a closing `$` may come before a digit, unless the math starts with
 * one: `$5 and $10` and `$5-$10` are money, not math. `\$` is a dollar sign, inside math or out. A span
 * spaced inside both its dollars is math when it is plainly TeX (`$ O(n) $`, `$ 1.11\times $`; `$ 5 to $` is not: see spacedMath).
 */

/** The end (after the closing `$`) of the math span that opens at `at`, or undefined when none opens there. */
export function mathSpanEnd(text: string, at: number): number | undefined {
	if (text[at] !== '$' || text[at - 1] === '\\') return undefined;
	const first = text[at + 1];
	if (first === undefined || first === '$') return undefined;
	let close = text.indexOf('$', at + 1);
	while (close !== -1 && text[close - 1] === '\\') close = text.indexOf('$', close + 1);
	if (close === -1) return undefined;
	if (/\s/.test(first) || /\s/.test(text[close - 1])) return spacedMath(text.slice(at + 1, close), first, text[close - 1]) ? close + 1 : undefined;
	if (/\d/.test(first) && /\d/.test(text[close + 1] ?? '')) return undefined;
	return close + 1;
}

/**
 * Is `$ content $`, spaced inside its dollars, math? As arXiv's abstracts write it (`complexity $ O(n) $`,
 * `a $ 1.11\times $ improvement`, `$ [\![ n, k ]\!] $`, 14 papers of the 167 real days) when both sides are
 * spaced, on one line, and the content is plainly TeX (SPACED_TEX) with no word of prose in it. Money stays
 * text (`costs $ 5 to $ 10`), and so do the words between two spans (`$x$ and $y$`) when a dollar before
 * them opened nothing.
 */
function spacedMath(content: string, first: string, last: string): boolean {
	return first === ' ' && last === ' ' && !content.includes('\n') && SPACED_TEX.test(content) && !PROSE_WORD.test(content);
}
/** a command, a subscript or superscript, or a function of one letter (`O(n)`, `f(x)`) */
const SPACED_TEX = /\\|[_^]|(?<![A-Za-z])[A-Za-z]\(/;
/** a word of prose, not a command's name nor an argument (`$\alpha $ where x_1 is $ 3`: the dollars of two spans, one broken) */
const PROSE_WORD = /(?<![\\A-Za-z{])[A-Za-z]{4,}/;

/** The text in pieces, in order: math spans (`$` included) and the text between them. */
export function mathSpans(text: string): { text: string; math: boolean }[] {
	const out: { text: string; math: boolean }[] = [];
	let last = 0;
	for (let at = text.indexOf('$'); at !== -1; at = text.indexOf('$', at)) {
		const end = mathSpanEnd(text, at);
		if (end === undefined) {
			at++;
			continue;
		}
		if (at > last) out.push({ text: text.slice(last, at), math: false });
		out.push({ text: text.slice(at, end), math: true });
		last = at = end;
	}
	if (last < text.length) out.push({ text: text.slice(last), math: false });
	return out;
}
