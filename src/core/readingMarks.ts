/**
 * What the Papers view shows of the reader's state and interests: counts per day and category, the
 * mark of one paper, and the order of a category's papers in each view mode. Pure: the lookups are
 * passed in, so the same code runs in the editor, the unit tests and the bench.
 */
import type { InterestMatch } from './interests';
import { isMatch } from './interests';
import { baseId, type ReadStatus } from './readState';

/** `forYou`: a day's papers in one list, ordered by the "For you" ranking (core/recs/forYou) */
export type ViewMode = 'all' | 'matchesFirst' | 'onlyMatches' | 'forYou';
export const VIEW_MODES: readonly ViewMode[] = ['all', 'matchesFirst', 'onlyMatches', 'forYou'];

export function parseViewMode(value: unknown): ViewMode {
	return VIEW_MODES.includes(value as ViewMode) ? (value as ViewMode) : 'all';
}

export interface ReadingLookup {
	statusOn(id: string, day: string | undefined): ReadStatus;
	match(id: string): InterestMatch | undefined;
	/** the first day the paper is listed on, over every file */
	firstListed(id: string): string | undefined;
}

export interface ReadingCounts {
	papers: number;
	unread: number;
	/** unread and never shown before this session's view of its day */
	fresh: number;
	matches: number;
	/** matches that are new */
	freshMatches: number;
	/** repeats the reader saw before: listed on an earlier day too, seen and not read */
	repeatsSeen: number;
}

export function emptyCounts(): ReadingCounts {
	return { papers: 0, unread: 0, fresh: 0, matches: 0, freshMatches: 0, repeatsSeen: 0 };
}

/** Adds the papers (ids) listed on `day` to `counts`. */
export function addCounts(counts: ReadingCounts, ids: Iterable<string>, day: string | undefined, lookup: ReadingLookup): ReadingCounts {
	for (const id of ids) {
		const status = lookup.statusOn(id, day);
		const match = isMatch(lookup.match(id));
		counts.papers++;
		if (status !== 'read') counts.unread++;
		if (status === 'new') counts.fresh++;
		if (match) counts.matches++;
		if (match && status === 'new') counts.freshMatches++;
		if (status === 'seen' && day !== undefined) {
			const first = lookup.firstListed(baseId(id));
			if (first !== undefined && first < day) counts.repeatsSeen++;
		}
	}
	return counts;
}

export interface PaperMark {
	status: ReadStatus;
	match?: InterestMatch;
	/** set when the paper was first listed on an earlier day than this one */
	firstListed?: string;
}

export function paperMark(id: string, day: string | undefined, lookup: ReadingLookup): PaperMark {
	const mark: PaperMark = { status: lookup.statusOn(id, day) };
	const match = lookup.match(id);
	if (match) mark.match = match;
	const first = lookup.firstListed(baseId(id));
	if (first !== undefined && day !== undefined && first < day) mark.firstListed = first;
	return mark;
}

/** A category's papers in the view mode's order: matches first (stable), or only the matches. */
export function orderForMode<T>(items: readonly T[], mode: ViewMode, idOf: (item: T) => string, lookup: Pick<ReadingLookup, 'match'>): T[] {
	// "For you" orders a whole day by its scores (features/tree), not a category by matches
	if (mode === 'all' || mode === 'forYou') return [...items];
	const matching = items.filter((item) => isMatch(lookup.match(idOf(item))));
	if (mode === 'onlyMatches') return matching;
	const set = new Set(matching);
	return [...matching, ...items.filter((item) => !set.has(item))];
}
