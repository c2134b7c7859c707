/**
 * The hover's text, apart from `vscode` so the unit tests can run it: digest text escaped to show
 * as written, and the reader's note as the Markdown it is.
 */
import { plainMath } from '../../core/plainMath';
import { escapeMarkdown } from '../../core/tree';

/** Digest text (a title, names, a TL;DR) shown literally in Markdown (the Papers view's tooltips' escape), on one line. */
export function escapeMd(text: string): string {
	return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/**
 * The reader's note as Markdown for the hover, its first `max` characters at most: cut at a line or
 * word end, an unclosed code fence closed (it would swallow the rest), `…` where it was cut.
 */
export function noteMarkdown(note: string, max: number): string {
	const text = noteMath(note.replace(/\r\n?/g, '\n').trim());
	if (text.length <= max) return text;
	let cut = text.slice(0, max);
	const end = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf(' '));
	if (end > max / 2) cut = cut.slice(0, end);
	cut = cut.trimEnd();
	// a fence the cut left open: closed after the `…`, with the marker it was opened with
	let open: string | undefined;
	for (const line of cut.split('\n')) {
		const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence && (open === undefined || fence[0] === open[0])) open = open === undefined ? fence : undefined;
	}
	return open === undefined ? `${cut} …` : `${cut}\n…\n${open}`;
}

/**
 * A note's TeX math as text (`$\\mu$m` → `μm`), as the Papers view writes titles: a hover renders
 * no math, and the card (which does) shows the note itself. Code blocks and code spans are left as written.
 */
function noteMath(text: string): string {
	if (!text.includes('$')) return text;
	let fence: string | undefined;
	return text
		.split('\n')
		.map((line) => {
			const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
			if (marker && (fence === undefined || marker[0] === fence[0])) {
				fence = fence === undefined ? marker : undefined;
				return line;
			}
			if (fence !== undefined) return line;
			return line
				.split(/(`[^`]*`)/)
				.map((part, i) => (i % 2 === 1 ? part : plainMath(part)))
				.join('');
		})
		.join('\n');
}
