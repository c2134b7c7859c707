/**
 * The parse report as Markdown: what the editor's "Show Parse Report" opens, for a user to see at
 * once which fields of their fork's template were not understood and to paste into a bug report.
 * English on purpose, like the CLI's report: it is read by the people who fix the parser.
 */
import { COVERAGE_FIELDS, type FieldCoverage } from './coverage';

function percent(part: number, whole: number): string {
	return whole === 0 ? '–' : `${Math.round((part * 100) / whole)} %`;
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export interface ParseReportInput {
	byTemplate: readonly FieldCoverage[];
	byFile: readonly FieldCoverage[];
	/** how a file's path is shown (relative to the workspace) */
	displayPath?: (path: string) => string;
	/** the extension's version, for bug reports */
	version?: string;
}

export function parseReportMarkdown(input: ParseReportInput): string {
	const show = input.displayPath ?? ((p: string) => p);
	const files = input.byTemplate.reduce((n, g) => n + g.files, 0);
	const papers = input.byTemplate.reduce((n, g) => n + g.papers, 0);
	const lines = [
		'# arXiv Digest: parse report',
		'',
		`${files} digest ${files === 1 ? 'file' : 'files'}, ${papers} paper entries${input.version ? ` · arXiv Digest ${input.version}` : ''}.`,
		'A field at 0 % that your digests do carry was not understood: paste this report into a bug report.',
		'',
		'## By template',
		'',
		'Files are grouped by the fields at least half of their papers carry.',
	];
	for (const g of input.byTemplate) {
		lines.push('', `### ${cell(g.group)}`, '', `${g.files} ${g.files === 1 ? 'file' : 'files'}, ${g.papers} papers, ${g.problems} warnings/errors`, '');
		lines.push('| field | papers | share |', '|---|---:|---:|');
		for (const f of COVERAGE_FIELDS) lines.push(`| ${f} | ${g.fields[f]} | ${percent(g.fields[f], g.papers)} |`);
		const extras = Object.entries(g.extras).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
		if (extras.length > 0) lines.push('', `Other labels: ${extras.map(([label, n]) => `${cell(label)} (${n})`).join(', ')}`);
	}
	lines.push('', '## By file', '', '| file | papers | authors | TL;DR | abstract | warnings/errors |', '|---|---:|---:|---:|---:|---:|');
	const byPath = [...input.byFile].sort((a, b) => (a.group < b.group ? 1 : a.group > b.group ? -1 : 0));
	for (const g of byPath) {
		lines.push(`| ${cell(show(g.group))} | ${g.papers} | ${percent(g.fields.authors, g.papers)} | ${percent(g.fields.tldr, g.papers)} | ${percent(g.fields.abstract, g.papers)} | ${g.problems} |`);
	}
	return lines.join('\n') + '\n';
}
