/** One entry point for the exporters; each format lives in its own file. */
import { exportBibtex } from './bibtex';
import { exportCsv } from './csv';
import { exportJson } from './json';
import { exportMarkdown } from './markdown';
import type { ExportFormat, ExportInput } from './types';

export { EXPORT_EXTENSIONS, type ExportFormat, type ExportInput, type ExportItem, type MarkdownExportStrings } from './types';

export function exportPapers(format: ExportFormat, input: ExportInput): string {
	switch (format) {
		case 'bibtex':
			return exportBibtex(input);
		case 'markdown':
			return exportMarkdown(input);
		case 'csv':
			return exportCsv(input);
		case 'json':
			return exportJson(input);
	}
}
