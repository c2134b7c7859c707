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

export function exportBibtex(input: ExportInput): string {
	const used = new Set<string>();
	return input.items
		.map(({ paper, day }) => {
			const entry = toBibtex(paper, { day });
			return entry.replace(/^@misc\{([^,]*),/, (_, key: string) => `@misc{${uniqueKey(key, used)},`);
		})
		.join('\n');
}
