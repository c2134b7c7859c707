/**
 * Debouncing by key: the last call for a key within `delayMs` wins. File events are debounced per
 * URI (a save, a git checkout or a rename each end in one read), typing per input box.
 */
export class KeyedDebouncer<K = string> {
	private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
	private disposed = false;

	/** Runs `run` once `delayMs` passed without another call for `key`; errors go to `onError`. */
	schedule(key: K, delayMs: number, run: () => unknown | Promise<unknown>, onError: (err: unknown) => void = () => undefined): void {
		if (this.disposed) return;
		this.cancel(key);
		this.timers.set(
			key,
			setTimeout(() => {
				this.timers.delete(key);
				try {
					Promise.resolve(run()).catch(onError);
				} catch (err) {
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

	get pending(): number {
		return this.timers.size;
	}

	dispose(): void {
		this.disposed = true;
		for (const timer of this.timers.values()) clearTimeout(timer);
		this.timers.clear();
	}
}
