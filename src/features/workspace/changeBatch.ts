/**
 * The workspace's change and progress events, batched: files added, changed and removed gather
 * here (an add then a change is still one add) and go out a chunk at a time, with the scan's
 * progress riding along in the same tick as the files it counts.
 */
import * as vscode from 'vscode';
import { uriKey } from '../vsc-utils';
import type { DigestWorkspaceChange, ScanProgress } from './types';

const CHANGE_FLUSH_MS = 50;
/**
 * While a scan runs, changes and progress go out together at most this often. A tree view's
 * extension-host side debounces its updates (message and data) by 200 ms and restarts that wait
 * on every update: events closer together than that kept the Papers view at "Loading digests…
 * 0/n" with no days until the scan of a large workspace ended.
 */
const SCAN_FLUSH_MS = 400;
/** the first summaries of a scan arrive in a burst of messages: gather them this long, then show them */
const FIRST_FLUSH_MS = 30;
/**
 * Files per change event at first. The listeners (the Papers view's model above all) took ~1 ms for a
 * dozen on the 167-day folder, so a chunk grows while they take under CHUNK_MS / 2 and shrinks past
 * CHUNK_MS; a turn of the thread fires events until it has taken CHUNK_MS, and the rest follow in the
 * next turns.
 */
const CHANGE_CHUNK = 12;
const MAX_CHANGE_CHUNK = 192;
const CHUNK_MS = 8;

export class ChangeBatcher implements vscode.Disposable {
	private readonly changeEmitter = new vscode.EventEmitter<readonly DigestWorkspaceChange[]>();
	readonly onDidChange = this.changeEmitter.event;
	private readonly progressEmitter = new vscode.EventEmitter<ScanProgress>();
	readonly onDidChangeProgress = this.progressEmitter.event;

	private readonly pendingChanges = new Map<string, DigestWorkspaceChange>();
	/** files in the next change event (see CHANGE_CHUNK) */
	private changeChunk = CHANGE_CHUNK;
	private flushTimer: ReturnType<typeof setTimeout> | undefined;
	private currentProgress: ScanProgress = { done: 0, total: 0, scanning: false };
	private progressPending = false;
	private flushedThisScan = false;
	private disposed = false;

	/** `afterIdleFlush` runs after each turn of change events that went out while no scan runs; `now` times the listeners (the budget of a turn). */
	constructor(
		private readonly afterIdleFlush: () => void,
		private readonly now: () => number = Date.now,
	) {}

	get progress(): ScanProgress {
		return this.currentProgress;
	}

	/** A scan begins: its first files go out after FIRST_FLUSH_MS, not SCAN_FLUSH_MS. */
	scanStarted(): void {
		this.flushedThisScan = false;
	}

	queueChange(uri: vscode.Uri, kind: DigestWorkspaceChange['kind']): void {
		const key = uriKey(uri);
		const before = this.pendingChanges.get(key);
		// the listener has not seen the add yet, so a later change is still an add
		const merged = before?.kind === 'added' && kind === 'changed' ? 'added' : before?.kind === 'removed' && kind === 'added' ? 'changed' : kind;
		this.pendingChanges.set(key, { uri, kind: merged });
		this.scheduleFlush();
	}

	scheduleFlush(): void {
		if (this.flushTimer || this.disposed) {
			return;
		}
		// the first files of a scan go out at once; later ones at most every SCAN_FLUSH_MS
		const delay = !this.currentProgress.scanning ? CHANGE_FLUSH_MS : this.flushedThisScan ? SCAN_FLUSH_MS : FIRST_FLUSH_MS;
		this.flushTimer = setTimeout(() => this.flushChanges(), delay);
	}

	flushChanges(): void {
		if (this.flushTimer) {
			clearTimeout(this.flushTimer);
			this.flushTimer = undefined;
		}
		if (this.progressPending && !this.disposed) {
			this.emitProgress();
		}
		if (this.pendingChanges.size === 0 || this.disposed) {
			return;
		}
		// a few files per event: each listener's work (the tree rebuilding their days) stays short; as
		// many events as fit in CHUNK_MS of this turn, and the thread is free until the next: a turn
		// waited 5–160 ms for a thread the editor's start keeps busy, and a warm start's 167 summaries
		// took 5–8 turns of one event each
		const turn = this.now();
		let took = 0;
		do {
			took = this.fireChunk();
			// another event only where it, taking what this one took, still ends within the budget
		} while (this.pendingChanges.size > 0 && !this.disposed && this.now() - turn + took < CHUNK_MS);
		if (this.pendingChanges.size === 0 && this.flushTimer) {
			// every change went out: the next ones wait their flush delay (SCAN_FLUSH_MS in a scan), not this 0 ms
			clearTimeout(this.flushTimer);
			this.flushTimer = undefined;
		}
		// what a listener set meanwhile (its timer just cleared)
		if (this.progressPending && !this.disposed) {
			this.emitProgress();
		}
		this.flushedThisScan = true;
		if (!this.currentProgress.scanning) {
			this.afterIdleFlush();
		}
	}

	/** One change event of `changeChunk` files at most (the rest go out at the next turn unless this one has time left); returns how long its listeners took. */
	private fireChunk(): number {
		const batch: DigestWorkspaceChange[] = [];
		for (const [key, change] of this.pendingChanges) {
			if (batch.length >= this.changeChunk) break;
			batch.push(change);
			this.pendingChanges.delete(key);
		}
		// before the listeners run: a change they queue goes with the rest, not after a flush delay
		if (this.pendingChanges.size > 0 && !this.flushTimer) {
			this.flushTimer = setTimeout(() => this.flushChanges(), 0);
		}
		const started = this.now();
		this.changeEmitter.fire(batch);
		const took = this.now() - started;
		if (batch.length >= this.changeChunk) {
			this.changeChunk = took < CHUNK_MS / 2 ? Math.min(MAX_CHANGE_CHUNK, this.changeChunk * 2) : took > CHUNK_MS ? Math.max(CHANGE_CHUNK, this.changeChunk >> 1) : this.changeChunk;
		}
		return took;
	}

	setProgress(progress: ScanProgress, always: boolean): void {
		this.currentProgress = progress;
		if (always) {
			this.emitProgress();
		} else {
			// sent by the next flush, in the same tick as the files it counts
			this.progressPending = true;
			this.scheduleFlush();
		}
	}

	private emitProgress(): void {
		this.progressPending = false;
		this.progressEmitter.fire(this.currentProgress);
	}

	dispose(): void {
		this.disposed = true;
		if (this.flushTimer) {
			clearTimeout(this.flushTimer);
		}
		this.changeEmitter.dispose();
		this.progressEmitter.dispose();
	}
}
