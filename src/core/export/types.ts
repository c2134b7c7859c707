/** What every exporter takes: full papers (read back through the shards) with the reader's own data. */
import type { Paper } from '../model';

export interface ExportItem {
	readonly paper: Paper;
	/** the day the paper is exported from (the year of a non-arXiv paper's BibTeX entry) */
	readonly day?: string;
	/** every day that lists the paper, newest first */
	readonly days: readonly string[];
	readonly note?: string;
	readonly tags?: readonly string[];
	readonly collections?: readonly string[];
}

/** The words a Markdown reading list writes around the papers, in the reader's language (English by default). */
export interface MarkdownExportStrings {
	/** `12 papers · exported 2026-06-15 from arXiv Digest` */
	header(papers: number, day: string): string;
	tags: string;
	note: string;
}

export interface ExportInput {
	/** what is exported: a collection's name, a day, a search query */
	readonly title: string;
	/** the Markdown list's own words (English when not given: the CLI, the tests) */
	readonly strings?: MarkdownExportStrings;
	readonly items: readonly ExportItem[];
	/** ISO time; part of JSON and Markdown output, fixed in tests */
	readonly exported: string;
}

export type ExportFormat = 'bibtex' | 'markdown' | 'csv' | 'json';

export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = { bibtex: 'bib', markdown: 'md', csv: 'csv', json: 'json' };
