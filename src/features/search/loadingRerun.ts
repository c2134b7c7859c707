/**
 * When the search box asks its query again while the index fills, its results growing as files are
 * read: at most every `everyMs` while progress comes, and at once when the loading ends (vscode-free:
 * the timing alone, the box decides whether there is a query to ask).
 */
import { realClock, type Clock } from '../../core/clock';
import { KeyedDebouncer } from '../../core/debounce';

/** how often a query is asked again while the index fills */
export const LOADING_RERUN_MS = 1000;

export class LoadingRerun {
	private readonly timers: KeyedDebouncer<'rerun'>;

	constructor(
		private readonly run: () => void,
		private readonly everyMs = LOADING_RERUN_MS,
		clock: Clock = realClock,
	) {
		this.timers = new KeyedDebouncer(clock);
	}

	/** The index reported progress: `loading` while it fills, false once everything is searchable. */
	progress(loading: boolean): void {
		if (loading) {
			// a stream of progress cannot put it off: due everyMs after the first since the last run
			this.timers.schedule('rerun', this.everyMs, this.run, { maxWaitMs: this.everyMs });
			return;
		}
		this.timers.cancel('rerun');
		this.run();
	}

	dispose(): void {
		this.timers.dispose();
	}
}
