import { readFileSync } from 'node:fs';
import type { Digest, DigestDiagnostic } from '../core/model';
import { parseDigest } from '../core/parser';
import { parseArgs, UsageError } from './args';
import { CliIO, errorMessage, EXIT_OK, EXIT_IO_ERROR } from './io';

export const PARSE_HELP = `Usage: arxiv-digest parse FILE... [--json]

Parse digest files and print what the parser found: the day, the categories
with their paper counts and every paper's number, id and title.
Diagnostics go to stderr as  path:line: severity: message [code].

Options:
  --json      print the parsed model as JSON (one digest, or an array for several files)
  -h, --help  show this help

Exit status: 0 when every file was read (even with diagnostics),
1 when a file could not be read, 2 on bad usage.
`;

const TITLE_WIDTH = 88;

export function formatDiagnostic(path: string, diagnostic: DigestDiagnostic): string {
	return `${path}:${diagnostic.range.start + 1}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.code}]`;
}

function truncate(text: string, width: number): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length <= width ? oneLine : oneLine.slice(0, width - 1) + '…';
}

export function formatDigestSummary(digest: Digest): string {
	const lines: string[] = [];
	const day = digest.day && digest.day !== digest.label ? ` (day ${digest.day})` : '';
	lines.push(`${digest.path}: ${digest.label}${day}`);
	lines.push(`  ${digest.papers.length} papers in ${digest.categories.length} categories, ${digest.lineCount} lines, ${digest.diagnostics.length} diagnostics`);
	const listed = new Set<number>();
	const paperLine = (index: number) => {
		const paper = digest.papers[index];
		const number = paper.number === undefined ? '   -' : `[${paper.number}]`.padStart(6);
		return `    ${number} ${paper.id.padEnd(12)} ${truncate(paper.title, TITLE_WIDTH)}`;
	};
	for (const category of digest.categories) {
		const claimed = category.claimedTotal !== undefined && category.claimedTotal !== category.papers.length
			? `, table of contents says ${category.claimedTotal}` : '';
		lines.push(`  ${category.name} (${category.papers.length}${claimed})`);
		for (const index of category.papers) {
			listed.add(index);
			lines.push(paperLine(index));
		}
	}
	const outside = digest.papers.map((_, i) => i).filter((i) => !listed.has(i));
	if (outside.length > 0) {
		lines.push(`  (outside any category) (${outside.length})`);
		for (const index of outside) lines.push(paperLine(index));
	}
	return lines.join('\n') + '\n';
}

export function runParse(argv: readonly string[], io: CliIO): number {
	const args = parseArgs(argv, { flags: ['json', 'help'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(PARSE_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length === 0) throw new UsageError('parse needs at least one FILE');
	let exitCode = EXIT_OK;
	const digests: Digest[] = [];
	for (const path of args.positionals) {
		let text: string;
		try {
			text = readFileSync(path, 'utf8');
		} catch (error) {
			io.stderr(`arxiv-digest: cannot read ${path}: ${errorMessage(error)}\n`);
			exitCode = EXIT_IO_ERROR;
			continue;
		}
		const digest = parseDigest(text, path);
		for (const diagnostic of digest.diagnostics) io.stderr(formatDiagnostic(path, diagnostic) + '\n');
		if (args.flags.has('json')) digests.push(digest);
		else io.stdout(formatDigestSummary(digest));
	}
	if (args.flags.has('json') && digests.length > 0) {
		const single = args.positionals.length === 1;
		io.stdout(JSON.stringify(single ? digests[0] : digests, null, '\t') + '\n');
	}
	return exitCode;
}
