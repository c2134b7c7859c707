/**
 * Inline `$…$` math in a paper's text (titles like `$\mathcal{O}(n)$ Attention`, `$\mathrm{H}_2$`,
 * `354$\times$ faster`, `$+$1.6% PSNR`), one reading for every writer: the card's renderer, BibTeX and
 * the Markdown export. A span opens with `$` before a non-space and closes with a `$` after one, as
 * Pandoc reads it; unlike Pandoc a closing `$` may come before a digit, unless the math starts with
 * one: `$5 and $10` and `$5-$10` are money, not math. `\$` is a dollar sign, inside math or out.
 */

/** The end (after the closing `$`) of the math span that opens at `at`, or undefined when none opens there. */
export function mathSpanEnd(text: string, at: number): number | undefined {
	if (text[at] !== '$' || text[at - 1] === '\\') return undefined;
	const first = text[at + 1];
	if (first === undefined || first === '$' || /\s/.test(first)) return undefined;
	let close = text.indexOf('$', at + 1);
	while (close !== -1 && text[close - 1] === '\\') close = text.indexOf('$', close + 1);
	if (close === -1 || /\s/.test(text[close - 1])) return undefined;
	if (/\d/.test(first) && /\d/.test(text[close + 1] ?? '')) return undefined;
	return close + 1;
}

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
