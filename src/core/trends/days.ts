/**
 * The trends the host computes from the file summaries it already holds (no worker): papers per
 * day stacked by category, the reader's interest matches per day and day ranges.
 */
import { isValidDay } from '../day';
import { addCounts, emptyCounts, type ReadingLookup } from '../readingMarks';
import type { DayRange } from './shard';

/** what a day count needs of a file summary (DigestSummary satisfies it) */
export interface DayFile {
	readonly day?: string;
	readonly papers: readonly { readonly id: string; readonly category?: string; readonly section: string }[];
}

export interface CategorySeries {
	/** a category, or undefined for "the other categories" */
	name: string | undefined;
	/** papers per day, aligned with PapersPerDay.days */
	counts: number[];
}

export interface PapersPerDay {
	/** listing days, oldest first */
	days: string[];
	/** distinct papers per day */
	totals: number[];
	/** the largest categories over all days, largest first, then the others summed */
	categories: CategorySeries[];
}

/** categories drawn apart in the stacked chart; more would be colours nobody tells apart */
export const STACKED_CATEGORIES = 8;

/** the category a paper counts under: its stated main category, else the section it is listed in (as the index and `cat:` do) */
export function categoryOf(paper: DayFile['papers'][number]): string {
	return paper.category ?? paper.section;
}

/**
 * Distinct papers per listing day and category. A file without a day is left out; two files of
 * one day count a paper once; a paper listed on two days counts on each.
 */
export function papersPerDay(files: readonly DayFile[], maxCategories = STACKED_CATEGORIES): PapersPerDay {
	const perDay = new Map<string, Map<string, string>>();
	for (const file of files) {
		if (!file.day) continue;
		const papers = perDay.get(file.day) ?? new Map<string, string>();
		for (const paper of file.papers) if (!papers.has(paper.id)) papers.set(paper.id, categoryOf(paper));
		perDay.set(file.day, papers);
	}
	const days = [...perDay.keys()].sort();
	const totals = days.map((d) => (perDay.get(d) as Map<string, string>).size);
	const overall = new Map<string, number>();
	for (const papers of perDay.values()) for (const category of papers.values()) overall.set(category, (overall.get(category) ?? 0) + 1);
	const ranked = [...overall].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
	// "other" only when it would hold two categories or more; one more series is clearer than "other"
	const shown = ranked.length <= maxCategories + 1 ? ranked : ranked.slice(0, maxCategories);
	const index = new Map(shown.map((name, i) => [name, i]));
	const categories: CategorySeries[] = shown.map((name) => ({ name, counts: days.map(() => 0) }));
	const other: CategorySeries = { name: undefined, counts: days.map(() => 0) };
	days.forEach((day, d) => {
		for (const category of (perDay.get(day) as Map<string, string>).values()) {
			const i = index.get(category);
			(i === undefined ? other : categories[i]).counts[d]++;
		}
	});
	if (shown.length < ranked.length) categories.push(other);
	return { days, totals, categories };
}

/** The distinct paper ids listed on each day. */
export function idsPerDay(files: readonly DayFile[]): Map<string, Set<string>> {
	const perDay = new Map<string, Set<string>>();
	for (const file of files) {
		if (!file.day) continue;
		const ids = perDay.get(file.day) ?? new Set<string>();
		for (const paper of file.papers) ids.add(paper.id);
		perDay.set(file.day, ids);
	}
	return perDay;
}

/** The reader's interest matches (and the unread ones among them) listed on each of `days`. */
export function interestsPerDay(files: readonly DayFile[], days: readonly string[], lookup: ReadingLookup): { matches: number[]; unread: number[] } {
	const perDay = idsPerDay(files);
	const matches: number[] = [];
	const unread: number[] = [];
	for (const day of days) {
		const ids = [...(perDay.get(day) ?? [])];
		matches.push(addCounts(emptyCounts(), ids, day, lookup).matches);
		const unreadOnly: ReadingLookup = {
			statusOn: (id, on) => lookup.statusOn(id, on),
			match: (id) => (lookup.statusOn(id, day) === 'read' ? undefined : lookup.match(id)),
			firstListed: (id) => lookup.firstListed(id),
		};
		unread.push(addCounts(emptyCounts(), ids, day, unreadOnly).matches);
	}
	return { matches, unread };
}

export type RangePreset = 'last7' | 'last30' | 'all';

function shiftDay(day: string, delta: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + delta);
	return date.toISOString().slice(0, 10);
}

/**
 * The last 7 or 30 calendar days up to the newest listing day not after `today` (the digests may be
 * older than today; a stray file dated in the future does not move the range there), or to the newest
 * listing day when every day is after `today`; or every day. `days` oldest first. A range that would
 * start before the first day starts at it: the label says what the range holds (a 12-day folder's
 * "last 30 days" read 2026-05-17 – 06-15 though its first day was 06-04).
 */
export function presetRange(preset: RangePreset, days: readonly string[], today: string): DayRange {
	if (preset === 'all' || days.length === 0) return {};
	const past = days.filter((day) => day <= today);
	const newest = past[past.length - 1] ?? days[days.length - 1];
	const from = shiftDay(newest, preset === 'last7' ? -6 : -29);
	return { from: from < days[0] ? days[0] : from, to: newest };
}

export type RangeError = { ok: false; reason: 'date'; value: string; error: string } | { ok: false; reason: 'order'; from: string; to: string; error: string };

/** A range typed by the reader: either end may be empty (open); a bad date or a reversed range is an error to show. */
export function parseRange(from: string, to: string): { ok: true; range: DayRange } | RangeError {
	const range: DayRange = {};
	for (const [name, value] of [['from', from.trim()], ['to', to.trim()]] as const) {
		if (value === '') continue;
		if (!isValidDay(value)) return { ok: false, reason: 'date', value, error: `"${value}" is not a date: use YYYY-MM-DD` };
		range[name] = value;
	}
	if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
		return { ok: false, reason: 'order', from: range.from, to: range.to, error: `${range.from} is after ${range.to}` };
	}
	return { ok: true, range };
}

/** The listing days of `days` (oldest first) inside `range`. */
export function listingDaysIn(range: DayRange, days: readonly string[]): string[] {
	return days.filter((day) => (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to));
}

/** The period rising terms compare a range with, or why there is none. */
export type PreviousPeriod = { ok: true; from: string; to: string } | { ok: false; reason: 'no-days' | 'first' };

/**
 * The period rising terms compare `range` with: as many listing days as the range holds, just
 * before it (a Monday's range compares with the Friday before, not with an empty Sunday). None
 * when the range holds no listing day (`no-days`) or no listing day comes before it (`first`: the
 * range starts at the first day, or is open there).
 */
export function previousRange(range: DayRange, days: readonly string[]): PreviousPeriod {
	const inside = listingDaysIn(range, days);
	if (inside.length === 0) return { ok: false, reason: 'no-days' };
	const earlier = days.filter((day) => day < inside[0]);
	if (earlier.length === 0) return { ok: false, reason: 'first' };
	const span = earlier.slice(-inside.length);
	return { ok: true, from: span[0], to: span[span.length - 1] };
}

/**
 * What rising terms compare: the range with the period before it (previousRange), or, when no listing
 * day comes before the range (it starts at the first digest: every day, or Statistics' last 30 days
 * over a younger folder), the range's later half with its earlier half (`within`: `range` is then that
 * later half, `previous` the earlier). A range of one listing day has no halves: `first`, as before.
 */
export type RisingPeriods =
	| { ok: true; range: DayRange; previous: { from: string; to: string }; within: boolean }
	| { ok: false; reason: 'no-days' | 'first' };

export function risingPeriods(range: DayRange, days: readonly string[]): RisingPeriods {
	const period = previousRange(range, days);
	if (period.ok) return { ok: true, range, previous: { from: period.from, to: period.to }, within: false };
	if (period.reason === 'no-days') return period;
	const inside = listingDaysIn(range, days);
	if (inside.length < 2) return period;
	// the later half gets the odd day: the newer days are the ones the reader asks about
	const earlier = inside.slice(0, Math.floor(inside.length / 2));
	const later = inside.slice(earlier.length);
	return { ok: true, range: { from: later[0], to: later[later.length - 1] }, previous: { from: earlier[0], to: earlier[earlier.length - 1] }, within: true };
}

