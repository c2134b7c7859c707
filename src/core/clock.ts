/** The timers a feature runs on: the real ones by default, a test's own clock (test/unit/fake-clock.ts). */
export interface Clock {
	now(): number;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(timer: unknown): void;
}

export const realClock: Clock = {
	now: () => Date.now(),
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

/** how far the time zone furthest ahead of UTC is (Kiribati's Line Islands, UTC+14) */
const FURTHEST_ZONE_MS = 14 * 60 * 60 * 1000;

/**
 * The newest calendar day (`YYYY-MM-DD`) that has begun somewhere on Earth. A digest is dated in the
 * time zone of whoever generated it (often UTC+8), which may be a day ahead of the reader's own; a
 * day after this one is in the future wherever the digest was written.
 */
export function latestDayBegun(clock: Pick<Clock, 'now'> = realClock): string {
	return new Date(clock.now() + FURTHEST_ZONE_MS).toISOString().slice(0, 10);
}

/** The reader's own calendar day (`YYYY-MM-DD`, local time): for what is named after today, such as a file they save. */
export function localDay(clock: Pick<Clock, 'now'> = realClock): string {
	const at = new Date(clock.now());
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
