/**
 * The full garbage collections an index worker asks for (after an open, and now and then while it
 * reads the long fields back in the background) run once it has had no request for a moment, so that
 * a query does not wait behind one: on 167 real days each takes 30–40 ms of an idle machine's core,
 * several times that while the editor starts. At the latest `maxWaitMs` after they were asked for,
 * however busy the worker is. vscode-free; the timers are injected for tests.
 */
export interface IdleCollectorOptions {
	/** how long the worker must have been without a request */
	idleMs: number;
	/** the longest a collection waits for that */
	maxWaitMs: number;
	/** between two collections asked for together (the second gives the freed pages back, see worker.ts) */
	gapMs: number;
	now?: () => number;
	setTimer?: (run: () => void, ms: number) => unknown;
	clearTimer?: (timer: unknown) => void;
	/**
	 * Runs `run` once the messages that arrived meanwhile were handled (Node: setImmediate, after the
	 * event loop's poll phase; a timer's callback runs before it, so a query that came in during a
	 * long step would wait behind the collection); returns what `cancel` takes.
	 */
	afterPending?: (run: () => void) => unknown;
	cancel?: (pending: unknown) => void;
}

export class IdleCollector {
	/** collections asked for and not run yet */
	private wanted = 0;
	/** when the next one was asked for (its deadline counts from then) */
	private askedAt = 0;
	private timer: unknown;
	/** a collection due, waiting for the messages that came first (see afterPending) */
	private due: unknown;
	/** whenDone's callers */
	private readonly waiters: (() => void)[] = [];
	private readonly now: () => number;
	private readonly setTimer: (run: () => void, ms: number) => unknown;
	private readonly clearTimer: (timer: unknown) => void;
	private readonly afterPending: (run: () => void) => unknown;
	private readonly cancel: (pending: unknown) => void;

	constructor(
		private readonly collect: () => void,
		private readonly options: IdleCollectorOptions,
	) {
		this.now = options.now ?? (() => performance.now());
		this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
		this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
		this.afterPending = options.afterPending ?? ((run) => setImmediate(run));
		this.cancel = options.cancel ?? ((pending) => clearImmediate(pending as ReturnType<typeof setImmediate>));
	}

	/** Asks for `times` collections, `gapMs` apart (what is already asked for counts towards them). */
	request(times = 1): void {
		if (this.wanted === 0) this.askedAt = this.now();
		this.wanted = Math.max(this.wanted, times);
		this.arm(this.options.idleMs);
	}

	/** A request came in: a collection waits until the worker is idle again (or its deadline). */
	busy(): void {
		if (this.wanted > 0) this.arm(this.options.idleMs);
	}

	/** collections asked for and not run yet */
	get pending(): number {
		return this.wanted;
	}

	/** Resolves once no collection is asked for any more (at once when none is). */
	whenDone(): Promise<void> {
		if (this.wanted === 0) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	dispose(): void {
		this.stop();
		this.wanted = 0;
		this.settle();
	}

	private settle(): void {
		for (const resolve of this.waiters.splice(0)) resolve();
	}

	private stop(): void {
		if (this.timer !== undefined) this.clearTimer(this.timer);
		if (this.due !== undefined) this.cancel(this.due);
		this.timer = undefined;
		this.due = undefined;
	}

	private arm(delayMs: number): void {
		this.stop();
		const left = this.askedAt + this.options.maxWaitMs - this.now();
		this.timer = this.setTimer(
			() => {
				this.timer = undefined;
				this.due = this.afterPending(() => this.run());
			},
			Math.max(0, Math.min(delayMs, left)),
		);
	}

	private run(): void {
		this.due = undefined;
		this.wanted--;
		this.collect();
		if (this.wanted === 0) return this.settle();
		this.askedAt = this.now();
		this.arm(this.options.gapMs);
	}
}
