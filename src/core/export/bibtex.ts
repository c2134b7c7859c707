/** Many papers as one `.bib` file: the card's BibTeX entries with citation keys made unique. */
import { toBibtex } from '../card/bibtex';
import type { ExportInput } from './types';

/** `bao2026sider`, `bao2026siderb`, `bao2026siderc`, … as BibTeX tools expect for clashing keys. */
function uniqueKey(key: string, used: Set<string>): string {
	let candidate = key;
	for (let n = 1; used.has(candidate.toLowerCase()); n++) candidate = key + (n < 26 ? String.fromCharCode(97 + n) : String(n));
	used.add(candidate.toLowerCase());
	return candidate;
}

/** an entry's citation key, as toBibtex wrote it */
const ENTRY_KEY = /^@misc\{([^,]*),/;

/**
 * The entries' keys made unique. Papers whose keys clash (the same first author, year and title word)
 * each take their arXiv id's digits (`bao2026sider260204994`): a letter handed out in export order
 * (`bao2026siderb`) went to the other paper when an export of the two listed them the other way round,
 * and a citation silently pointed elsewhere. A clashing key is never the plain one, so a document citing
 * the plain key (the card's Copy BibTeX, an export without the other paper) fails loudly on an export
 * with both instead. Papers without an arXiv id take `b`, `c`, … in id order.
 */
export function exportBibtex(input: ExportInput): string {
	const entries = input.items.map(({ paper, day }) => {
		const entry = toBibtex(paper, { day });
		return { paper, entry, key: ENTRY_KEY.exec(entry)?.[1] ?? '' };
	});
	const clashes = new Map<string, number>();
	for (const { key } of entries) clashes.set(key.toLowerCase(), (clashes.get(key.toLowerCase()) ?? 0) + 1);
	const keys = new Map<(typeof entries)[number], string>();
	const used = new Set<string>();
	// arXiv papers first, then the others in id order, so the letters do not follow the export's order
	const order = [...entries].sort((a, b) => Number(b.paper.isArxiv) - Number(a.paper.isArxiv) || (a.paper.id < b.paper.id ? -1 : a.paper.id > b.paper.id ? 1 : 0));
	for (const item of order) {
		const clashing = (clashes.get(item.key.toLowerCase()) ?? 0) > 1;
		keys.set(item, uniqueKey(clashing && item.paper.isArxiv ? item.key + item.paper.id.replace(/[^A-Za-z0-9]/g, '') : item.key, used));
	}
	return entries.map((item) => item.entry.replace(ENTRY_KEY, `@misc{${keys.get(item)},`)).join('\n');
}
