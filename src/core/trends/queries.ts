/** The search queries a click in the Statistics view opens (the query language of src/core/search/query.ts). */
import { filterValueText } from '../search/query';
import type { DayRange } from './shard';

/**
 * The search a click opens: one day, optionally one category of it (undefined category: the whole
 * day), or its papers of none of the categories `except` (the chart's "Other categories").
 */
export function dayQuery(day: string, category?: string | { except: readonly string[] }): string {
	if (category === undefined) return `day:${day}`;
	if (typeof category === 'string') return `cat:${filterValueText(category)} day:${day}`;
	return [`day:${day}`, ...category.except.map((name) => `-cat:${filterValueText(name)}`)].join(' ');
}

/**
 * The search for a term or author of a range: `author:` for an author, the term itself else, with the
 * range's ends. A word is quoted, so the search finds the papers the chart counted, not also those
 * with words that start with it or are spelled close to it (`robust`: robustness; `text`: texture);
 * a hyphenated word is not, as a quoted one is searched as a phrase of its parts.
 */
export function rangeQuery(range: DayRange, text: string, kind: 'term' | 'author'): string {
	const parts = [kind === 'author' ? `author:${filterValueText(text)}` : /^[^\s"-]+$/.test(text) ? `"${text}"` : text];
	if (range.from) parts.push(`after:${range.from}`);
	if (range.to) parts.push(`before:${range.to}`);
	return parts.join(' ');
}
