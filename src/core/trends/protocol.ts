/**
 * The messages between the Statistics webview (src/webview/stats.ts) and the extension
 * (src/features/stats). The extension trusts nothing it receives: parseStatsMessage first.
 */
import type { RangePreset } from './days';

export const STATS_VIEW_TYPE = 'arxivDigest.statistics';

/** the range the reader picked: a preset, or typed ends (either may be empty) */
export type RangeChoice = { preset: RangePreset } | { from: string; to: string };

/** What the webview keeps with setState (hide/show, reload through the panel serializer). */
export interface StatsState {
	range: RangeChoice;
	/** the term or query of the per-day chart ('' for none) */
	term: string;
	/** tables shown under the charts (they are always there for screen readers) */
	tables: boolean;
	/** the term per day as a share of each day's papers (days of 13 and of 532 papers compare), not a count */
	share: boolean;
}

export const DEFAULT_STATS_STATE: StatsState = { range: { preset: 'last30' }, term: '', tables: false, share: false };

/** The words of the view, translated by the extension. */
export interface StatsStrings {
	lang: string;
	papersPerDay: string;
	topTerms: string;
	/** under the top terms and authors: what the top terms and the rising terms count (core/trends/prose) */
	termsFrom: string;
	topAuthors: string;
	termPerDay: string;
	interestsPerDay: string;
	range: string;
	last7: string;
	last30: string;
	allDays: string;
	custom: string;
	from: string;
	to: string;
	apply: string;
	termPlaceholder: string;
	show: string;
	showTables: string;
	day: string;
	category: string;
	other: string;
	/** the papers-per-day table's total column: each paper once a day */
	distinctPapers: string;
	/** under Papers per day: it counts each paper once, where the Papers view counts a day's entries */
	countsOnce: string;
	papers: string;
	term: string;
	author: string;
	matches: string;
	unreadMatches: string;
	noInterests: string;
	noDays: string;
	indexing: string;
	/** the top terms', top authors' and rising terms' status while the range's figures are counted */
	countingTerms: string;
	countingAuthors: string;
	countingRising: string;
	clickHint: string;
	/** the range (`{0}`, its days or All days): `{1}` papers in it; the separator is the translation's (a Chinese colon in Chinese) */
	rangePapers: string;
	/**
	 * rangePapers for a range of some of the days, with `{2}` of the folder's `{3}` listing days in it: a
	 * tester's folder of June days and one stray September file read "Last 30 days: 14 papers" and no more
	 */
	rangePapersDays: string;
	/** `{0}` papers match `{1}` */
	termTotal: string;
	/** a title and what it is of (`{0}: {1}`), with the translation's colon */
	titleOf: string;
	/** a title and its range (`{0} ({1})`), with the translation's brackets */
	titleWithRange: string;
	/** the toggle of StatsState.share */
	termShare: string;
	shareOfDay: string;
	risingTerms: string;
	/** `{0}` – `{1}`: the period before, `{2}` its papers */
	risingAgainst: string;
	/** the same, when no term rose */
	noRising: string;
	/** the range starts at the first day and has one listing day: nothing to compare */
	noPrevious: string;
	/**
	 * before risingAgainst or noRising when the range starts at the first day: its later half `{0}` – `{1}`
	 * is compared with its earlier half (core/trends/days risingPeriods)
	 */
	risingWithin: string;
	/** the range holds no listing day */
	noDaysInRange: string;
	shareInRange: string;
	shareBefore: string;
	papersBefore: string;
	change: string;
	/** the change of a term in no paper before */
	newTerm: string;
}

export interface OverviewData {
	days: string[];
	totals: number[];
	/** name undefined: the other categories */
	categories: { name?: string; counts: number[] }[];
	interests?: { matches: number[]; unread: number[] };
}

export type StatsExtensionMessage =
	| { type: 'strings'; strings: StatsStrings }
	| { type: 'overview'; data: OverviewData }
	/** top terms and authors of the range (from, to: its resolved ends) */
	| { type: 'top'; from?: string; to?: string; papers: number; terms: [string, number][]; authors: [string, number][] }
	| { type: 'term'; query: string; days: string[]; counts: number[] }
	/**
	 * the rising terms of the range (from, to) against the period before: [term, papers in the range,
	 * papers before], surest first; without a period before, why (`invalid`: the range is not one,
	 * its status says why). `within`: the range started at the first day, so (from, to) is its later
	 * half and `previous` its earlier one
	 */
	| { type: 'rising'; from?: string; to?: string; previous: { from: string; to: string }; within?: boolean; papers: number; previousPapers: number; terms: [string, number, number][] }
	| { type: 'rising'; from?: string; to?: string; none: 'no-days' | 'first' | 'invalid' }
	/** `input`: what the reader typed was not taken (dates, a term's query): the page marks the box wrong */
	| { type: 'error'; part: StatsPart; message: string; input?: true }
	/** a part waits (for the index) */
	| { type: 'status'; part: StatsPart; message: string };

/** the parts of the view the shards compute */
export type StatsPart = 'top' | 'rising' | 'term';

export type StatsWebviewMessage =
	| { type: 'ready'; state: StatsState }
	| { type: 'range'; range: RangeChoice }
	| { type: 'term'; query: string }
	/** open Search Papers with this query (a click on a bar or a term) */
	| { type: 'search'; query: string };

const MAX_TEXT = 500;

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.length <= MAX_TEXT ? value : undefined;
}

export function parseRangeChoice(value: unknown): RangeChoice | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const v = value as Record<string, unknown>;
	if (v.preset === 'last7' || v.preset === 'last30' || v.preset === 'all') return { preset: v.preset };
	const from = text(v.from);
	const to = text(v.to);
	return from !== undefined && to !== undefined ? { from, to } : undefined;
}

export function parseStatsState(value: unknown): StatsState {
	if (typeof value !== 'object' || value === null) return DEFAULT_STATS_STATE;
	const v = value as Record<string, unknown>;
	return {
		range: parseRangeChoice(v.range) ?? DEFAULT_STATS_STATE.range,
		term: text(v.term) ?? '',
		tables: v.tables === true,
		share: v.share === true,
	};
}

export function parseStatsMessage(value: unknown): StatsWebviewMessage | undefined {
	if (typeof value !== 'object' || value === null) return undefined;
	const v = value as Record<string, unknown>;
	switch (v.type) {
		case 'ready':
			return { type: 'ready', state: parseStatsState(v.state) };
		case 'range': {
			const range = parseRangeChoice(v.range);
			return range ? { type: 'range', range } : undefined;
		}
		case 'term': {
			const query = text(v.query);
			return query !== undefined ? { type: 'term', query } : undefined;
		}
		case 'search': {
			const query = text(v.query);
			return query !== undefined && query.trim() !== '' ? { type: 'search', query } : undefined;
		}
		default:
			return undefined;
	}
}
