/**
 * Which day a digest file covers. Digest repositories name files `data/YYYY-MM-DD.md`, but forks add
 * suffixes (`2025-06-19_topic.md`), put the date only in the first heading (`# 2025-09-18`) or in a
 * `**Report Date:** 2025-06-08` line, or use names that carry no date at all.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** true when year/month/day name a day that exists (leap years included) */
export function isRealDate(year: number, month: number, day: number): boolean {
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
	if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const max = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
	return day <= max;
}

/** true for a `YYYY-MM-DD` string naming a real day */
export function isValidDay(text: string): boolean {
	return text.length === 10 && dayFromText(text) === text;
}

/**
 * The first real `YYYY-MM-DD` date in `text` that is not glued to other digits, else undefined.
 * A plain scan rather than a regex so that long lines cost one pass.
 */
export function dayFromText(text: string): string | undefined {
	const n = text.length;
	for (let i = text.indexOf('-'); i >= 4 && i < n; i = text.indexOf('-', i + 1)) {
		const s = i - 4;
		if (s + 10 > n) return undefined;
		if (!isDigit(text.charCodeAt(s)) || !isDigit(text.charCodeAt(s + 1)) || !isDigit(text.charCodeAt(s + 2)) || !isDigit(text.charCodeAt(s + 3))) continue;
		if (s > 0 && isDigit(text.charCodeAt(s - 1))) continue;
		if (!isDigit(text.charCodeAt(s + 5)) || !isDigit(text.charCodeAt(s + 6)) || text.charCodeAt(s + 7) !== 45) continue;
		if (!isDigit(text.charCodeAt(s + 8)) || !isDigit(text.charCodeAt(s + 9))) continue;
		if (s + 10 < n && isDigit(text.charCodeAt(s + 10))) continue;
		const year = Number(text.slice(s, s + 4));
		const month = Number(text.slice(s + 5, s + 7));
		const day = Number(text.slice(s + 8, s + 10));
		if (isRealDate(year, month, day)) return text.slice(s, s + 10);
	}
	return undefined;
}

/** the last path segment, for both `/` and `\` separators */
export function baseName(path: string): string {
	const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
	return cut >= 0 ? path.slice(cut + 1) : path;
}

/** the file name without its last extension: `000_e68cbdc0f6d19b20.txt` → `000_e68cbdc0f6d19b20` */
export function fileStem(path: string): string {
	const base = baseName(path);
	const dot = base.lastIndexOf('.');
	return dot > 0 ? base.slice(0, dot) : base;
}

/** a date written without dashes in a file name: `20260206`, `2026_02_06`, `2026.02.06` (one separator throughout) */
const COMPACT_DATE = /(?:^|[^0-9])((?:19|20)\d{2})([_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9])/;

/**
 * The day in a file name such as `2026-02-06.md` or `2025-06-19_topic.md`, or written as the
 * workspace scan takes for a date (core/candidates.ts): `20260206.md`, `2026_02_06.md`, `2026.02.06.md`.
 */
export function dayFromPath(path: string): string | undefined {
	return dashedDayFromPath(path) ?? compactDayFromPath(path);
}

/** The day in a file name written with dashes (`2026-02-06.md`, `2025-06-19_topic.md`). */
export function dashedDayFromPath(path: string): string | undefined {
	return dayFromText(baseName(path));
}

/**
 * The day in a file name written without dashes (`20260206.md`, `2026_02_06.md`, `2026.02.06.md`): a
 * weaker claim than a dated heading (a name's digits may be a run's number), which the parser reads first.
 */
export function compactDayFromPath(path: string): string | undefined {
	const m = COMPACT_DATE.exec(baseName(path));
	return m && isRealDate(Number(m[1]), Number(m[3]), Number(m[4])) ? `${m[1]}-${m[3]}-${m[4]}` : undefined;
}

/** Files by day, newest first (then by path, descending): the order a shard reads and indexes them in, and the Papers view fills in. */
export function newestDayFirst(dayOf: (path: string) => string): (a: { path: string }, b: { path: string }) => number {
	return (a, b) => {
		const [da, db] = [dayOf(a.path), dayOf(b.path)];
		return da === db ? (a.path < b.path ? 1 : a.path > b.path ? -1 : 0) : da < db ? 1 : -1;
	};
}
