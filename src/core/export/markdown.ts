/** A Markdown reading list: title and link, authors, category and days, TL;DR, tags and the reader's note. */
import { primaryLink } from '../card/links';
import { mathSpans } from '../mathSpans';
import type { ExportInput, MarkdownExportStrings } from './types';

const ENGLISH: MarkdownExportStrings = {
	header: (papers, day) => `${papers} paper${papers === 1 ? '' : 's'} · exported ${day} from arXiv Digest`,
	tags: 'Tags:',
	note: 'Note:',
};

/**
 * Text that must stay text in Markdown (a title with `[`, `*` or `<`; a Chinese TL;DR's ranges
 * `从~10降至~2`, which GitHub strikes through); its `$…$` math stays as written, for a renderer with
 * math (`$\\mathrm{H}_2$` escaped read `mathrmH_2`).
 */
function inline(text: string): string {
	return mathSpans(text.replace(/\s+/g, ' ').trim())
		.map((part) => (part.math ? part.text : part.text.replace(/([\\`*_[\]<>#|~])/g, '\\$1')))
		.join('');
}

/**
 * Can `text` (as inline() wrote it) be a link's text? Its math is written as it is, and a bracket in
 * it that is not balanced (a half-open interval, `$[0,1)$`), or a `](`, would end the link's text there.
 */
function linkableText(text: string): boolean {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\') i++;
		else if (c === '[') depth++;
		else if (c === ']') {
			if (--depth < 0 || text[i + 1] === '(') return false;
		}
	}
	return depth === 0;
}

function quote(text: string): string {
	return text
		.trim()
		.split(/\r?\n/)
		.map((line) => (line.trim() ? `> ${line}` : '>'))
		.join('\n');
}

export function exportMarkdown(input: ExportInput): string {
	const strings = input.strings ?? ENGLISH;
	const out = [`# ${inline(input.title)}`, '', strings.header(input.items.length, input.exported.slice(0, 10)), ''];
	input.items.forEach(({ paper, days, note, tags }, i) => {
		const title = inline(paper.title || paper.id);
		const link = primaryLink(paper);
		// `<…>`: a link with a parenthesis or space (a non-arXiv URL) would end at the first `)`
		const target = link && /[()\s<>]/.test(link) ? `<${link.replace(/[<>\s]/g, encodeURIComponent)}>` : link;
		// a title that cannot be the link's text is written as text, and the id below is the link
		const titleLinked = target !== undefined && target !== '' && linkableText(title);
		out.push(`## ${i + 1}. ${titleLinked ? `[${title}](${target})` : title}`, '');
		const id = inline(paper.isArxiv ? `arXiv:${paper.id}` : paper.id);
		const meta = [target && !titleLinked ? `[${id}](${target})` : id, ...[paper.category || paper.section, days.join(', ')].filter((s) => s && s.trim()).map(inline)];
		if (paper.authors.length) out.push(`${inline(paper.authors.join(', '))}  `);
		out.push(meta.join(' · '), '');
		if (paper.tldr?.trim()) out.push(`**TL;DR:** ${inline(paper.tldr)}`, '');
		if (tags?.length) out.push(`${strings.tags} ${tags.map((t) => `\`${t}\``).join(' ')}`, '');
		// the note is the reader's own Markdown: quoted as written, not escaped
		if (note?.trim()) out.push(`**${strings.note}**`, '', quote(note), '');
	});
	return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
