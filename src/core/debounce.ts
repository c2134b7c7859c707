/**
 * Debouncing by key: the last call for a key within `delayMs` wins. File events are debounced per
 * URI (a save, a git checkout or a rename each end in one read), typing per input box.
 */
export class KeyedDebouncer<K = string> {
	private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
	/** runs started and not yet settled */
	private runs = 0;
	private disposed = false;

	/** Runs `run` once `delayMs` passed without another call for `key`; errors go to `onError`. */
	schedule(key: K, delayMs: number, run: () => unknown | Promise<unknown>, onError: (err: unknown) => void = () => undefined): void {
		if (this.disposed) return;
		this.cancel(key);
		this.timers.set(
			key,
			setTimeout(() => {
				this.timers.delete(key);
				this.runs++;
				const settled = () => void this.runs--;
				try {
					Promise.resolve(run()).catch(onError).finally(settled);
				} catch (err) {
					settled();
					onError(err);
				}
			}, delayMs),
		);
	}

	cancel(key: K): void {
		const timer = this.timers.get(key);
		if (timer !== undefined) {
			clearTimeout(timer);
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
		for (const timer of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
	}
}
