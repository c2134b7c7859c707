/** Counts over a set of parsed digests, for the CLI's `stats` and the tree's tooltips. */
import type { Digest } from './model';
import { paperIdsOf } from './summary';

export interface DigestStats {
	/** distinct days; a file without a known day counts as its own day (by its label) */
	days: number;
	files: number;
	/** distinct category (section) names */
	categories: number;
	/** paper entries, counting a paper again each time it is listed */
	entries: number;
	/** distinct paper ids */
	uniquePapers: number;
	/** entries per category (section) name */
	perCategory: Record<string, number>;
}

export function computeStats(digests: Digest[]): DigestStats {
	const days = new Set<string>();
	const ids = new Set<string>();
	const perCategory: Record<string, number> = Object.create(null);
	let entries = 0;
	for (const digest of digests) {
		days.add(digest.day ?? `label:${digest.label}`);
		const paperIds = paperIdsOf(digest);
		entries += paperIds.length;
		for (const id of paperIds) ids.add(id);
		for (const category of digest.categories) {
			perCategory[category.name] = (perCategory[category.name] ?? 0) + category.papers.length;
		}
	}
	return {
		days: days.size,
		files: digests.length,
		categories: Object.keys(perCategory).length,
		entries,
		uniquePapers: ids.size,
		perCategory: { ...perCategory },
	};
}
