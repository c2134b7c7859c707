/**
 * The parse report's words in the reader's language (core/parse/coverageReport writes English for
 * the CLI).
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The type
 * import tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import type { ParseReportStrings } from '../../core/parse/coverageReport';
import type { L10n } from '../diagnosticText';

/** `vscode.l10n`, or a stand-in with its `t` (the tests) */
type Translator = L10n | typeof l10n;

export function parseReportStrings(l10n: Translator): ParseReportStrings {
	const digestFiles = (n: number) => (n === 1 ? l10n.t('1 digest file') : l10n.t('{0} digest files', n));
	const files = (n: number) => (n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n));
	return {
		title: l10n.t('arXiv Digest: parse report'),
		summary: (n, papers, version) =>
			version ? l10n.t('{0}, {1} paper entries · arXiv Digest {2}.', digestFiles(n), papers, version) : l10n.t('{0}, {1} paper entries.', digestFiles(n), papers),
		advice: l10n.t('A field at 0 % that your digests do carry was not understood: paste this report into a bug report.'),
		byTemplate: l10n.t('By template'),
		grouping: l10n.t('Files are grouped by the fields at least half of their papers carry.'),
		group: (n, papers, problems) => l10n.t('{0}, {1} papers, {2} warnings/errors', files(n), papers, problems),
		otherLabels: (labels) => l10n.t('Other labels: {0}', labels),
		byFile: l10n.t('By file'),
		field: l10n.t('field'),
		papers: l10n.t('papers'),
		share: l10n.t('share'),
		file: l10n.t('file'),
		authors: l10n.t('authors'),
		tldr: l10n.t('TL;DR'),
		abstract: l10n.t('abstract'),
		problems: l10n.t('warnings/errors'),
	};
}
