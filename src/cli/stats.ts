import { COVERAGE_FIELDS, fieldCoverage, type FieldCoverage } from '../core/parse/coverage';
import { parseDigest } from '../core/parser';
import { computeStats, DigestStats } from '../core/stats';
import { parseArgs, UsageError } from './args';
import { loadDigestFiles } from './files';
import { CliIO, errorMessage, EXIT_OK, EXIT_IO_ERROR } from './io';

export const STATS_HELP = `Usage: arxiv-digest stats DIR [--fields [--per-file]] [--json]

Find the digest files under DIR (*.md, *.markdown, *.txt; node_modules and
dot-folders are skipped, symbolic links followed; files whose first lines carry
no digest signature, such as a README, are left out as the extension leaves
them out), parse them and print days, files, categories, entries, unique papers
and entries per section (a paper listed on two days counts twice; sections as
each fork names them).

Options:
  --fields    print field coverage instead: per template (the fields most
              papers of a file carry), how many papers have each field and
              each extra label; a field at 0 % is one the parser missed
  --per-file  with --fields: one group per file instead of per template
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
		lines.push('entries per section:');
		const width = Math.max(...categories.map(([name]) => name.length));
		for (const [name, count] of categories) lines.push(`  ${name.padEnd(width)}  ${count}`);
	}
	return lines.join('\n') + '\n';
}

function percent(part: number, whole: number): string {
	return whole === 0 ? '' : `${Math.round((part * 100) / whole)}%`;
}

/** one block per group: the fields with their counts, then the extra labels */
export function formatCoverage(groups: readonly FieldCoverage[]): string {
	const lines: string[] = [];
	for (const g of groups) {
		lines.push(`${g.group}  (${g.files} ${g.files === 1 ? 'file' : 'files'}, ${g.papers} papers, ${g.problems} warnings/errors)`);
		for (const f of COVERAGE_FIELDS) lines.push(`  ${f.padEnd(20)}${String(g.fields[f]).padStart(7)}  ${percent(g.fields[f], g.papers).padStart(4)}`);
		const extras = sortedCategories(g.extras);
		if (extras.length > 0) lines.push(`  extra: ${extras.map(([label, n]) => `${label} ${n}`).join(', ')}`);
		lines.push('');
	}
	return lines.join('\n');
}

/** by count, largest first; ties by name so output is stable */
export function sortedCategories(perCategory: Record<string, number>): [string, number][] {
	return Object.entries(perCategory).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function runStats(argv: readonly string[], io: CliIO): number {
	const args = parseArgs(argv, { flags: ['json', 'help', 'fields', 'per-file'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(STATS_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 1) throw new UsageError('stats needs exactly one DIR');
	if (args.flags.has('per-file') && !args.flags.has('fields')) throw new UsageError("option '--per-file' goes with '--fields'");
	const dir = args.positionals[0];
	let corpus;
	try {
		corpus = loadDigestFiles(dir);
	} catch (error) {
		io.stderr(`arxiv-digest: cannot read directory ${dir}: ${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
	for (const { path, reason } of corpus.unreadable) io.stderr(`arxiv-digest: cannot read ${path}: ${reason}\n`);
	const digests = corpus.files.map((file) => parseDigest(file.text, file.path));
	const stats: WorkspaceStats = { ...computeStats(digests), skipped: corpus.skipped.length };
	if (args.flags.has('fields')) {
		const groups = fieldCoverage(digests, args.flags.has('per-file') ? 'file' : 'template');
		io.stdout(args.flags.has('json') ? JSON.stringify(groups, null, '\t') + '\n' : formatCoverage(groups));
	} else if (args.flags.has('json')) {
		const perCategory = Object.fromEntries(sortedCategories(stats.perCategory));
		io.stdout(JSON.stringify({ ...stats, perCategory }, null, '\t') + '\n');
	} else {
		io.stdout(formatStats(stats));
	}
	return corpus.unreadable.length > 0 ? EXIT_IO_ERROR : EXIT_OK;
}
