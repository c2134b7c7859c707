/**
 * Debouncing by key: the last call for a key within `delayMs` wins. File events are debounced per
 * URI (a save, a git checkout or a rename each end in one read), typing per input box, the Papers
 * view's heal after root refreshes (with a longest wait, so a stream of calls cannot put it off).
 */
import { realClock, type Clock } from './clock';

export interface ScheduleOptions {
	/** run no later than this long after this call, however often it is called again (the earliest such time of the calls since the last run holds) */
	maxWaitMs?: number;
	onError?: (err: unknown) => void;
}

export class KeyedDebouncer<K = string> {
	private readonly timers = new Map<K, { timer: unknown; deadline: number }>();
	/** runs started and not yet settled */
	private runs = 0;
	private disposed = false;

	constructor(private readonly clock: Clock = realClock) {}

	/**
	 * Runs `run` once `delayMs` passed without another call for `key`, or earlier where a call's
	 * `maxWaitMs` since it has passed; errors go to `onError`.
	 */
	schedule(key: K, delayMs: number, run: () => unknown | Promise<unknown>, { maxWaitMs = Infinity, onError = () => undefined }: ScheduleOptions = {}): void {
		if (this.disposed) return;
		const now = this.clock.now();
		const before = this.timers.get(key);
		const deadline = Math.min(before ? before.deadline : Infinity, now + maxWaitMs);
		if (before) this.clock.clearTimeout(before.timer);
		const timer = this.clock.setTimeout(() => {
			this.timers.delete(key);
			this.runs++;
			const settled = () => void this.runs--;
			try {
				Promise.resolve(run()).catch(onError).finally(settled);
			} catch (err) {
				settled();
				onError(err);
			}
		}, Math.max(0, Math.min(delayMs, deadline - now)));
		this.timers.set(key, { timer, deadline });
	}

	cancel(key: K): void {
		const pending = this.timers.get(key);
		if (pending !== undefined) {
			this.clock.clearTimeout(pending.timer);
			this.timers.delete(key);
		}
	}

	/** calls waiting for their delay */
	get pending(): number {
		return this.timers.size;
	}

	/** runs started whose promise has not settled yet */
	get running(): number {
		return this.runs;
	}

	dispose(): void {
		this.disposed = true;
		for (const { timer } of this.timers.values()) this.clock.clearTimeout(timer);
		this.timers.clear();
	}
}
