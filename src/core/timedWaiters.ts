/**
 * Callers waiting for a signal, each at most its own time limit: `wait(ms)` resolves at the next
 * release of the waits it belongs to (true), or `ms` later (false), whichever comes first; a wait
 * that timed out leaves the list. The Papers view's commands wait so for the workbench's next read of its rows, an
 * Open Card that asked for the keys for the card to have them.
 */
import { realClock, type Clock } from './clock';

export class TimedWaiters {
	private readonly waiting = new Set<(released: boolean) => void>();

	constructor(private readonly clock: Clock = realClock) {}

	/** how many wait now */
	get size(): number {
		return this.waiting.size;
	}

	wait(ms: number): Promise<boolean> {
		return new Promise((resolve) => {
			const done = (released: boolean) => {
				this.clock.clearTimeout(timer);
				this.waiting.delete(done);
				resolve(released);
			};
			const timer = this.clock.setTimeout(() => done(false), ms);
			this.waiting.add(done);
		});
	}

	/** Releases every wait now. */
	release(): void {
		this.take()();
	}

	/**
	 * Takes the waits of now off the list and answers what releases them: for a signal to tell later
	 * (a turn on), while a wait begun in between waits for the next one.
	 */
	take(): () => void {
		const taken = [...this.waiting];
		this.waiting.clear();
		return () => taken.forEach((done) => done(true));
	}
}
