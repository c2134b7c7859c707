/**
 * CSV (RFC 4180): one row per paper, CRLF line ends, a UTF-8 byte order mark so spreadsheet programs
 * read Chinese titles and notes as UTF-8.
 */
import { primaryLink } from '../card/links';
import type { ExportInput } from './types';

const COLUMNS = ['id', 'title', 'authors', 'category', 'days', 'link', 'tldr', 'tags', 'collections', 'note'] as const;

/**
 * Quotes a cell when it holds a separator, quote or line break; a cell a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@` first, after any spaces, full-width forms too: importers that trim
 * cells or fold widths run those) gets a leading apostrophe, the usual CSV-injection guard.
 */
export function csvCell(value: string): string {
	const safe = /^[\t\r]|^ *[=+\-@＝＋－＠]/.test(value) ? `'${value}` : value;
	return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** the most characters a spreadsheet cell holds (Excel's limit): a longer one is cut or spills into the next row */
export const MAX_CSV_CELL = 32_767;

/**
 * The authors, `; `-separated; a list longer than a cell holds (a collaboration paper of 3,303
 * authors) keeps the first that fit and says how many there are (the JSON export has them all).
 */
function authorsCell(authors: readonly string[]): string {
	const all = authors.join('; ');
	if (all.length <= MAX_CSV_CELL) return all;
	const tail = `; … (${authors.length} authors)`;
	let kept = '';
	for (const author of authors) {
		const next = kept === '' ? author : `${kept}; ${author}`;
		if (next.length + tail.length > MAX_CSV_CELL) break;
		kept = next;
	}
	return kept + tail;
}

export function exportCsv(input: ExportInput): string {
	const rows: string[][] = [[...COLUMNS]];
	for (const { paper, days, note, tags, collections } of input.items) {
		rows.push([
			paper.id,
			paper.title.replace(/\s+/g, ' ').trim(),
			authorsCell(paper.authors),
			paper.category || paper.section,
			days.join(' '),
			primaryLink(paper) ?? '',
			(paper.tldr ?? '').replace(/\s+/g, ' ').trim(),
			(tags ?? []).join(' '),
			(collections ?? []).join('; '),
			note ?? '',
		]);
	}
	return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
