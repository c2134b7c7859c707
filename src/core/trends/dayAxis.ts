/**
 * The Statistics view's time axis: listing days placed by the calendar, so a month without digests
 * shows as a gap rather than as the next bar (a date adapter for Chart.js's time scale would be a
 * dependency for three functions). Days are `YYYY-MM-DD`, numbered from 1970-01-01 in UTC.
 */

const MS_PER_DAY = 86_400_000;

/** A day's number: days since 1970-01-01. */
export function dayNumber(day: string): number {
	return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

/** The day of a number (rounded to the nearest day). */
export function dayOfNumber(n: number): string {
	return new Date(Math.round(n) * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Where the axis labels go between two day numbers: every day over two weeks at most, every Monday
 * over three months at most, else the first of each month (of each third month past two years).
 */
export function dayTicks(first: number, last: number): number[] {
	const span = last - first;
	const ticks: number[] = [];
	if (span <= 14) {
		for (let n = first; n <= last; n++) ticks.push(n);
		return ticks;
	}
	if (span <= 92) {
		// 1970-01-01 was a Thursday: day 4 was a Monday
		for (let n = first + ((4 - first) % 7 + 7) % 7; n <= last; n += 7) ticks.push(n);
		return ticks;
	}
	const step = span > 730 ? 3 : 1;
	const start = new Date(first * MS_PER_DAY);
	let year = start.getUTCFullYear();
	let month = start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1);
	month = Math.ceil(month / step) * step;
	for (;;) {
		const n = Date.UTC(year, month, 1) / MS_PER_DAY;
		if (n > last) return ticks;
		ticks.push(n);
		month += step;
		if (month >= 12) {
			year += Math.floor(month / 12);
			month %= 12;
		}
	}
}
