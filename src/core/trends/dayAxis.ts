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

/** the narrowest a bar is drawn, in pixels, where its days are many to a pixel */
export const MIN_BAR_PX = 3;
/** the widest a bar is made for being one of few on a long axis */
export const MAX_SPARSE_BAR_PX = 6;
/** the share of the room between the closest two bars that Chart.js gives a bar (categoryPercentage × barPercentage) */
const BAR_FILL = 0.72;

/**
 * How wide the bars of `days` (ascending day numbers, each a bar at its date) are drawn over a plot of
 * `plotPx` pixels, or undefined where Chart.js's own width will do: it gives each bar most of the room
 * between the closest two, so 22 days over 17 months, two of them neighbours, had bars a pixel wide. A
 * bar is then as wide as a quarter of its share of the plot (the width were the bars evenly spread),
 * from MIN_BAR_PX to MAX_SPARSE_BAR_PX, and never wider than that share would allow: bars stay on
 * their dates, and neighbouring days may then overlap. Days apart get bars a day wide (at least that).
 */
export function dayBarWidth(days: readonly number[], plotPx: number): number | undefined {
	if (days.length < 2 || plotPx <= 0) return undefined;
	// the axis runs half a day beyond the first and last days
	const dayPx = plotPx / (days[days.length - 1] - days[0] + 1);
	let closest = Infinity;
	for (let i = 1; i < days.length; i++) closest = Math.min(closest, days[i] - days[i - 1]);
	const share = plotPx / days.length;
	const least = Math.min(Math.max(share / 4, MIN_BAR_PX), MAX_SPARSE_BAR_PX, share * BAR_FILL);
	// Chart.js's width: most of the room between the closest two bars
	const own = BAR_FILL * closest * dayPx;
	if (own < least) return least;
	// days apart (weekly digests, a few days weeks apart): a bar as wide as its own day, not as the
	// gap, which covered the neighbouring dates and reached past the axis's half day at each end
	if (closest > 1) return Math.max(BAR_FILL * dayPx, least);
	return undefined;
}
