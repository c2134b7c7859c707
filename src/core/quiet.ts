/**
 * Waits for a stream of changes to pause: `changed()` at each change; `quiet()` resolves once no
 * change came for `quietMs`. The Papers view's follow waits so for its rows to settle before a reveal
 * (see registerTree).
 */
import { KeyedDebouncer } from './debounce';
import { realClock, type Clock } from './clock';

export class QuietWait {
	private readonly debouncer: KeyedDebouncer<'quiet'>;
	private waiters: (() => void)[] = [];
	private disposed = false;

	constructor(
		private readonly quietMs: number,
		private readonly clock: Clock = realClock,
	) {
		this.debouncer = new KeyedDebouncer(clock);
	}

	changed(): void {
		this.debouncer.schedule('quiet', this.quietMs, () => this.release());
	}

	/**
	 * Resolves once no change came for `quietMs`, always on a later turn of the event loop (a timer's),
	 * never at once: what was already received by then (a message of the workbench) is handled first.
	 */
	quiet(): Promise<void> {
		return new Promise((resolve) => {
			if (this.disposed) resolve();
			else if (this.debouncer.pending > 0) this.waiters.push(resolve);
			else this.clock.setTimeout(resolve, 0);
		});
	}

	private release(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Whoever waits is let go (and finds its owner disposed). */
	dispose(): void {
		this.disposed = true;
		this.debouncer.dispose();
		this.release();
	}
}
