import type { Digest } from '../core/model';
import { parseDigest } from '../core/parser';
import { computeStats, DigestStats } from '../core/stats';
import { parseArgs, UsageError } from './args';
import { loadDigestFiles } from './files';
import { CliIO, errorMessage, EXIT_OK, EXIT_IO_ERROR } from './io';

export const STATS_HELP = `Usage: arxiv-digest stats DIR [--json]

Find the digest files under DIR (*.md, *.markdown, *.txt; node_modules and
dot-folders are skipped; files that do not look like digests are left out),
parse them and print days, files, categories, entries, unique papers and
papers per category.

Options:
  --json      print the figures as JSON
  -h, --help  show this help
`;

export interface WorkspaceStats extends DigestStats {
	/** candidate files that were left out because they are not digests */
	skipped: number;
}

export function formatStats(stats: WorkspaceStats): string {
	const rows: [string, number][] = [
		['days', stats.days],
		['files', stats.files],
		['categories', stats.categories],
		['entries', stats.entries],
		['unique papers', stats.uniquePapers],
		['skipped files', stats.skipped],
	];
	const lines = rows.map(([name, value]) => `${name.padEnd(16)}${value}`);
	const categories = sortedCategories(stats.perCategory);
	if (categories.length > 0) {
		lines.push('papers per category:');
		const width = Math.max(...categories.map(([name]) => name.length));
		for (const [name, count] of categories) lines.push(`  ${name.padEnd(width)}  ${count}`);
	}
	return lines.join('\n') + '\n';
}

/** by count, largest first; ties by name so output is stable */
export function sortedCategories(perCategory: Record<string, number>): [string, number][] {
	return Object.entries(perCategory).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function runStats(argv: readonly string[], io: CliIO): number {
	const args = parseArgs(argv, { flags: ['json', 'help'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(STATS_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 1) throw new UsageError('stats needs exactly one DIR');
	const dir = args.positionals[0];
	// Digests found by content are parsed once for the check and reused.
	const parsed = new Map<string, Digest>();
	let corpus;
	try {
		corpus = loadDigestFiles(dir, (text, path) => {
			const digest = parseDigest(text, path);
			parsed.set(path, digest);
			return digest.papers.length > 0;
		});
	} catch (error) {
		io.stderr(`arxiv-digest: cannot read directory ${dir}: ${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
	for (const { path, reason } of corpus.unreadable) io.stderr(`arxiv-digest: cannot read ${path}: ${reason}\n`);
	const digests = corpus.files.map((file) => parsed.get(file.path) ?? parseDigest(file.text, file.path));
	const stats: WorkspaceStats = { ...computeStats(digests), skipped: corpus.skipped.length };
	if (args.flags.has('json')) {
		const perCategory = Object.fromEntries(sortedCategories(stats.perCategory));
		io.stdout(JSON.stringify({ ...stats, perCategory }, null, '\t') + '\n');
	} else {
		io.stdout(formatStats(stats));
	}
	return corpus.unreadable.length > 0 ? EXIT_IO_ERROR : EXIT_OK;
}
