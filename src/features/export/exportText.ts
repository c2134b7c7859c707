/**
 * What an export says of the papers it exports, one whole sentence per kind: the word order is the
 * translation's, the name (a collection's, a query, a filter's words) is one quoted value. Put
 * together from fragments, the Chinese read `将 搜索 diffusion model 的 388 篇论文导出为…`.
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The type
 * import tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import type { L10n } from '../diagnosticText';
import type { MarkdownExportStrings } from '../../core/export';

/** `vscode.l10n`, or a stand-in with its `t` (the tests) */
type Translator = L10n | typeof l10n;

/**
 * What is exported: a collection (by its shown name), several (`names`: their shown names as a list,
 * each quoted), a day, the last search's query or the Papers view's filter words.
 */
export type ExportSubject =
	| { kind: 'collection'; name: string }
	| { kind: 'collections'; names: string }
	| { kind: 'day'; day: string }
	| { kind: 'search'; query: string }
	| { kind: 'filtered'; words: string };

/** The format picker's title; `papers` is the count as papersCount writes it (`388 papers`). */
export function exportPickTitle(subject: ExportSubject, papers: string, l10n: Translator): string {
	switch (subject.kind) {
		case 'collection':
			return l10n.t('Export {0} of the collection “{1}” as…', papers, subject.name);
		case 'collections':
			return l10n.t('Export {0} of the collections {1} as…', papers, subject.names);
		case 'day':
			return l10n.t('Export {0} listed on {1} as…', papers, subject.day);
		case 'search':
			return l10n.t('Export {0} found by the search “{1}” as…', papers, subject.query);
		case 'filtered':
			return l10n.t('Export {0} filtered by “{1}” as…', papers, subject.words);
	}
}

/** The save dialog's title. */
export function exportSaveTitle(subject: ExportSubject, l10n: Translator): string {
	switch (subject.kind) {
		case 'collection':
			return l10n.t('Export the collection “{0}”', subject.name);
		case 'collections':
			return l10n.t('Export the collections {0}', subject.names);
		case 'day':
			return l10n.t('Export the papers of {0}', subject.day);
		case 'search':
			return l10n.t('Export the papers found by the search “{0}”', subject.query);
		case 'filtered':
			return l10n.t('Export the papers filtered by “{0}”', subject.words);
	}
}

/** Said when none of the subject's papers is in the workspace's digests. */
export function nothingToExport(subject: ExportSubject, l10n: Translator): string {
	switch (subject.kind) {
		case 'collection':
			return l10n.t('Nothing to export: the collection “{0}” has no papers in the digests of this workspace.', subject.name);
		case 'collections':
			return l10n.t('Nothing to export: the collections {0} have no papers in the digests of this workspace.', subject.names);
		case 'day':
			return l10n.t('Nothing to export: {0} has no papers in the digests of this workspace.', subject.day);
		case 'search':
			return l10n.t('Nothing to export: the search “{0}” found no papers in the digests of this workspace.', subject.query);
		case 'filtered':
			return l10n.t('Nothing to export: the filter “{0}” shows no papers.', subject.words);
	}
}

/** The exported document's title (a Markdown list's heading, a JSON file's `title`), also its default file name. */
export function exportHeading(subject: ExportSubject, l10n: Translator): string {
	switch (subject.kind) {
		case 'collection':
			return subject.name;
		case 'collections':
			return subject.names;
		case 'day':
			return subject.day;
		case 'search':
			return l10n.t('Search “{0}”', subject.query);
		case 'filtered':
			return l10n.t('Filtered by “{0}”', subject.words);
	}
}

/** A Markdown reading list's own words in the reader's language. */
export function markdownExportStrings(l10n: Translator): MarkdownExportStrings {
	return {
		header: (papers, day) => (papers === 1 ? l10n.t('1 paper · exported {0} from arXiv Digest', day) : l10n.t('{0} papers · exported {1} from arXiv Digest', papers, day)),
		tags: l10n.t('Tags:'),
		note: l10n.t('Note:'),
	};
}
