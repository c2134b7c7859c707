/**
 * The parse report as Markdown: what the editor's "Show Parse Report" opens, for a user to see at
 * once which fields of their fork's template were not understood and to paste into a bug report.
 * Its words in the reader's language (the extension passes them, built with vscode.l10n.t; English
 * by default, as the CLI prints it); the field keys (`tldr`, `abstract`) and template groups stay as
 * the parser names them, for the people who fix it.
 */
import { COVERAGE_FIELDS, type FieldCoverage } from './coverage';

function percent(part: number, whole: number): string {
	return whole === 0 ? '–' : `${Math.round((part * 100) / whole)} %`;
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Every word of the report; numbers and names come as the functions' arguments. */
export interface ParseReportStrings {
	title: string;
	/** `30 digest files, 7835 paper entries · arXiv Digest 0.1.0.` (no version: without its part) */
	summary: (files: number, papers: number, version: string | undefined) => string;
	advice: string;
	byTemplate: string;
	grouping: string;
	/** `30 files, 7835 papers, 0 warnings/errors` */
	group: (files: number, papers: number, problems: number) => string;
	otherLabels: (labels: string) => string;
	byFile: string;
	/** column headings */
	field: string;
	papers: string;
	share: string;
	file: string;
	authors: string;
	tldr: string;
	abstract: string;
	problems: string;
}

export const PARSE_REPORT_STRINGS_EN: ParseReportStrings = {
	title: 'arXiv Digest: parse report',
	summary: (files, papers, version) => `${files} digest ${files === 1 ? 'file' : 'files'}, ${papers} paper entries${version ? ` · arXiv Digest ${version}` : ''}.`,
	advice: 'A field at 0 % that your digests do carry was not understood: paste this report into a bug report.',
	byTemplate: 'By template',
	grouping: 'Files are grouped by the fields at least half of their papers carry.',
	group: (files, papers, problems) => `${files} ${files === 1 ? 'file' : 'files'}, ${papers} papers, ${problems} warnings/errors`,
	otherLabels: (labels) => `Other labels: ${labels}`,
	byFile: 'By file',
	field: 'field',
	papers: 'papers',
	share: 'share',
	file: 'file',
	authors: 'authors',
	tldr: 'TL;DR',
	abstract: 'abstract',
	problems: 'warnings/errors',
};

/** a table's heading row */
function row(headings: readonly string[]): string {
	return `| ${headings.map(cell).join(' | ')} |`;
}

export interface ParseReportInput {
	byTemplate: readonly FieldCoverage[];
	byFile: readonly FieldCoverage[];
	/** how a file's path is shown (relative to the workspace) */
	displayPath?: (path: string) => string;
	/** the extension's version, for bug reports */
	version?: string;
	/** the report's words; English by default */
	strings?: ParseReportStrings;
}

export function parseReportMarkdown(input: ParseReportInput): string {
	const show = input.displayPath ?? ((p: string) => p);
	const t = input.strings ?? PARSE_REPORT_STRINGS_EN;
	const files = input.byTemplate.reduce((n, g) => n + g.files, 0);
	const papers = input.byTemplate.reduce((n, g) => n + g.papers, 0);
	const lines = [
		`# ${t.title}`,
		'',
		t.summary(files, papers, input.version || undefined),
		t.advice,
		'',
		`## ${t.byTemplate}`,
		'',
		t.grouping,
	];
	for (const g of input.byTemplate) {
		lines.push('', `### ${cell(g.group)}`, '', t.group(g.files, g.papers, g.problems), '');
		lines.push(row([t.field, t.papers, t.share]), '|---|---:|---:|');
		for (const f of COVERAGE_FIELDS) lines.push(`| ${f} | ${g.fields[f]} | ${percent(g.fields[f], g.papers)} |`);
		const extras = Object.entries(g.extras).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
		if (extras.length > 0) lines.push('', t.otherLabels(extras.map(([label, n]) => `${cell(label)} (${n})`).join(', ')));
	}
	lines.push('', `## ${t.byFile}`, '', row([t.file, t.papers, t.authors, t.tldr, t.abstract, t.problems]), '|---|---:|---:|---:|---:|---:|');
	const byPath = [...input.byFile].sort((a, b) => (a.group < b.group ? 1 : a.group > b.group ? -1 : 0));
	for (const g of byPath) {
		lines.push(`| ${cell(show(g.group))} | ${g.papers} | ${percent(g.fields.authors, g.papers)} | ${percent(g.fields.tldr, g.papers)} | ${percent(g.fields.abstract, g.papers)} | ${g.problems} |`);
	}
	return lines.join('\n') + '\n';
}
