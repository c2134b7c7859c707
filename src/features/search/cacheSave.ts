/**
 * When the search index saves its cache after the workspace changed: SAVE_DELAY_MS after the last
 * change, and only once every file handed to the index is indexed (vscode-free: the timing alone).
 */
import { realClock, type Clock } from '../../core/clock';

/**
 * It was a minute: a window closed sooner lost the day a `git pull` brought, and the next start
 * showed yesterday as the newest day for ~7 s, then indexed it again. A save runs in the index's
 * worker, in slices between queries (typing is not slowed), and takes 1–5 s for a 38 MB cache (167
 * days, `bench --search` saveAfterChangeMs: 5.4 s on two busy cores); a change while it runs
 * abandons it, and the next change's save writes the cache.
 */
export const SAVE_DELAY_MS = 5_000;

/** What the saver needs of the index (SearchService). */
export interface SavingIndex {
	readonly pendingUpdates: number;
	onPendingUpdates(listener: (pending: number) => void): { dispose(): void };
	save(): Promise<unknown>;
}

export class CacheSaver {
	private timer: unknown;
	/** a save waiting for the files being indexed */
	private waits: { dispose(): void } | undefined;
	private disposed = false;

	constructor(
		private readonly index: () => Promise<SavingIndex | undefined>,
		private readonly delayMs = SAVE_DELAY_MS,
		private readonly clock: Clock = realClock,
	) {}

	/** The workspace changed: a save is due delayMs after the last change, once the index has every file. */
	changed(): void {
		if (this.disposed) return;
		this.cancel();
		this.timer = this.clock.setTimeout(() => void this.saveWhenIndexed().catch(() => undefined), this.delayMs);
	}

	/** saves now, or delayMs after the files still being indexed are (a save meanwhile is abandoned as the index changes under it) */
	private async saveWhenIndexed(): Promise<void> {
		this.timer = undefined;
		const index = await this.index();
		if (!index || this.disposed || this.timer !== undefined) return;
		if (index.pendingUpdates === 0) {
			await index.save();
			return;
		}
		const waits = index.onPendingUpdates((pending) => {
			if (pending > 0) return;
			waits.dispose();
			if (this.waits === waits) this.changed();
		});
		this.waits = waits;
	}

	private cancel(): void {
		if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
		this.timer = undefined;
		this.waits?.dispose();
		this.waits = undefined;
	}

	dispose(): void {
		this.disposed = true;
		this.cancel();
	}
}
