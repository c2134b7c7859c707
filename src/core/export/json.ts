/** JSON: every field a script would want, with a format marker and version. */
import { paperLinks } from '../card/links';
import type { ExportInput } from './types';

export const PAPERS_FORMAT = 'arxiv-digest/papers';

export function exportJson(input: ExportInput): string {
	const papers = input.items.map(({ paper, days, note, tags, collections }) => {
		const links = paperLinks(paper);
		return {
			id: paper.id,
			...(paper.version ? { version: paper.version } : {}),
			title: paper.title,
			...(paper.translatedTitle ? { translatedTitle: paper.translatedTitle } : {}),
			authors: paper.authors,
			category: paper.category ?? paper.section,
			days,
			link: links.abs ?? links.original ?? null,
			pdf: links.pdf ?? null,
			tldr: paper.tldr || null,
			motivation: paper.motivation || null,
			method: paper.method || null,
			result: paper.result || null,
			conclusion: paper.conclusion || null,
			abstract: paper.abstract || null,
			...(paper.abstractTranslation ? { abstractTranslation: paper.abstractTranslation } : {}),
			...(paper.extra.length ? { extra: paper.extra.map((e) => ({ label: e.label, value: e.value })) } : {}),
			tags: tags ?? [],
			collections: collections ?? [],
			note: note ?? null,
		};
	});
	return `${JSON.stringify({ format: PAPERS_FORMAT, version: 1, title: input.title, exported: input.exported, papers }, null, 2)}\n`;
}
