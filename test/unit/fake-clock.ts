/**
 * A clock that moves only when a test says so, behind the features' timer seam (src/core/clock.ts):
 * timers run in the order they fall due, each at its own time.
 */
import type { Clock } from '../../src/core/clock';

interface Timer {
	at: number;
	run: () => void;
}

export class FakeClock implements Clock {
	private time = 0;
	private timers: Timer[] = [];

	now(): number {
		return this.time;
	}

	setTimeout(run: () => void, ms: number): unknown {
		const timer = { at: this.time + ms, run };
		this.timers.push(timer);
		return timer;
	}

	clearTimeout(timer: unknown): void {
		this.timers = this.timers.filter((t) => t !== timer);
	}

	/** moves the clock by `ms`, running each timer that falls due, in order */
	tick(ms: number): void {
		const end = this.time + ms;
		for (;;) {
			const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
			if (!next) break;
			this.time = next.at;
			this.clearTimeout(next);
			next.run();
		}
		this.time = end;
	}

	/** timers not yet run */
	pending(): number {
		return this.timers.length;
	}
}
