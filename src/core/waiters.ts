/**
 * Callers waiting for a moment another part of the code signals, each for at most a given time: the
 * Papers view's next read of its rows, a card having the keys it was opened to take.
 */
export class TimedWaiters {
	private waiting: (() => void)[] = [];

	/** how many wait */
	get size(): number {
		return this.waiting.length;
	}

	/** Resolves at the next release of the waits made so far, or after `ms`. */
	wait(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const done = () => {
				clearTimeout(timer);
				this.waiting = this.waiting.filter((w) => w !== done);
				resolve();
			};
			const timer = setTimeout(done, ms);
			this.waiting.push(done);
		});
	}

	/** The waits made so far, taken out: calling the function returned resolves them (later waits are not). */
	take(): () => void {
		const taken = this.waiting;
		this.waiting = [];
		return () => taken.forEach((done) => done());
	}

	/** Resolves every wait made so far now. */
	release(): void {
		this.take()();
	}
}
