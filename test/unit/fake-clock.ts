/**
 * A clock that moves only when a test says so, behind the two timer seams the features take: the
 * scan status item's `after` / `every` and the debouncer's `now` / `setTimeout` / `clearTimeout`.
 * Timers run in the order they fall due, each at its own time.
 */
import type { DebounceClock } from '../../src/core/debounce';
import type { ScanStatusTimers } from '../../src/features/scanStatus';

interface Timer {
	at: number;
	every?: number;
	run: () => void;
}

export class FakeClock implements DebounceClock, ScanStatusTimers {
	private time = 0;
	private timers: Timer[] = [];

	now(): number {
		return this.time;
	}

	setTimeout(run: () => void, ms: number): unknown {
		return this.add(ms, run);
	}

	clearTimeout(timer: unknown): void {
		this.timers = this.timers.filter((t) => t !== timer);
	}

	after(ms: number, run: () => void): { dispose(): void } {
		const timer = this.add(ms, run);
		return { dispose: () => this.clearTimeout(timer) };
	}

	every(ms: number, run: () => void): { dispose(): void } {
		const timer = this.add(ms, run, ms);
		return { dispose: () => this.clearTimeout(timer) };
	}

	/** moves the clock by `ms`, running each timer that falls due, in order */
	tick(ms: number): void {
		const end = this.time + ms;
		for (;;) {
			const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
			if (!next) break;
			this.time = next.at;
			if (next.every) next.at += next.every;
			else this.clearTimeout(next);
			next.run();
		}
		this.time = end;
	}

	/** timers not yet run (a repeating one counts until disposed) */
	pending(): number {
		return this.timers.length;
	}

	private add(ms: number, run: () => void, every?: number): Timer {
		const timer = { at: this.time + ms, every, run };
		this.timers.push(timer);
		return timer;
	}
}
