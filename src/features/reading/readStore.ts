/**
 * The reader's new / seen / read state in globalState (never in digest files), synced with Settings
 * Sync. A stored value this version cannot read is never overwritten silently: marks made
 * meanwhile live for the session only, until the reader chooses to back it up and start fresh.
 *
 * Every window holds the marks in memory and globalState is shared: a save first takes in what
 * another window or Settings Sync stored meanwhile (ReadState.absorb, against the value this store
 * last read or wrote), so one window's save never drops another's marks nor undoes its unread marks
 * or Replace import. Each save is stamped (WriteStamps): the echo of an earlier write is no change.
 */
import * as vscode from 'vscode';
import { HeldValues } from '../../core/heldValues';
import { ReadState, type ReadStatus } from '../../core/readState';
import { includesWrite, isUnstampedEcho, namesWhatItBuildsOn, stampText, WriteStamps } from '../../core/writeStamps';
import { getLog } from '../log';
import { showErrorMessage, showInformationMessage } from '../messages';

/** globalState key of the read state (listed for Settings Sync) */
export const READ_STATE_KEY = 'arxivDigest.readState';
/** writes are batched: opening cards in a row costs one write */
const SAVE_DELAY_MS = 500;

/**
 * Papers whose marks changed. `seenOn`: they went from new to seen on that day, where they still
 * count as new this session (ReadState.statusOn): only the other days listing them look different.
 */
export interface MarksChange {
	readonly ids: readonly string[];
	readonly seenOn?: string;
}

export class ReadStore implements vscode.Disposable {
	private state: ReadState;
	/** why the stored value could not be read; while set nothing is written */
	private broken: string | undefined;
	private saveTimer: ReturnType<typeof setTimeout> | undefined;
	/** disposed (the extension deactivating): a mark made now is written at once, no timer would outlive the host */
	private disposed = false;
	/** the stored value this store last read or wrote: another one was written by someone else */
	private lastStored: unknown;
	private readonly stamps = new WriteStamps();
	/**
	 * the values this store read or wrote (HeldValues; a read state of 25,000 ids is ~50 KB), with their
	 * stamps (an unstamped one with its JSON): the bases of merges, and echoes told
	 */
	private readonly known = new HeldValues<{ value: unknown; stamp?: string; json?: string }>(24, 16);
	/** papers marked unread since the last save: their mark here wins over a stored read mark */
	private unreadSinceSave = new Set<string>();
	private readonly emitter = new vscode.EventEmitter<MarksChange | undefined>();
	/** fires after marks changed, with the papers whose marks did (undefined: any paper's, after an import) */
	readonly onDidChange = this.emitter.event;

	constructor(private readonly memento: vscode.Memento) {
		this.lastStored = memento.get<unknown>(READ_STATE_KEY);
		const parsed = ReadState.parse(this.lastStored);
		if (parsed.ok) {
			this.state = parsed.state;
			this.held(this.lastStored);
		} else {
			this.state = new ReadState();
			this.unreadable(parsed.error);
		}
	}

	private unreadable(error: string): void {
		this.broken = error;
		getLog().error(`Reading state: the stored value is unreadable (${error}); it is kept as it is.`);
		void this.offerReset(error);
	}

	/** Takes in marks another window or Settings Sync stored; fires for the papers whose marks changed. */
	reload(): void {
		if (this.broken !== undefined) return;
		const stored = this.memento.get<unknown>(READ_STATE_KEY);
		if (stored === this.lastStored) return;
		const age = this.stamps.age(stored);
		// the echo of an earlier write (stamped: older than one seen; unstamped, once this store held a
		// stamped value: one it held before): taking it in would bring back what was unread since; the
		// newer value goes back, before the next save of any key stores the older one
		const echo =
			age === 'older' ||
			// a write this store read or made, and then moved on from (another's value it saved over)
			(age === 'seen' && stampText(stored) !== stampText(this.lastStored)) ||
			(age === 'unstamped' && isUnstampedEcho(this.known.values(), JSON.stringify(stored) ?? ''));
		if (echo && this.lastStored !== undefined) {
			void this.memento.update(READ_STATE_KEY, this.lastStored).then(undefined, () => undefined);
			return;
		}
		const before = age === 'seen' ? undefined : ReadState.parse(this.lastStored);
		this.lastStored = stored;
		// the value this store last read or wrote, come back as another copy
		if (!before) return;
		const parsed = ReadState.parse(stored);
		if (!parsed.ok) {
			this.unreadable(parsed.error);
			return;
		}
		// A value built on this store's last save: a mark it lacks was removed there (marked unread). One
		// built without it (another machine, before Settings Sync met; it keeps one side's value whole)
		// lacks this store's newest marks only because it never saw them: a mark is taken as removed only
		// against the newest value both sides held, and the marks merged are saved again. A value of a
		// version before builtOn is taken as that version took it.
		const ours = !namesWhatItBuildsOn(stored) || this.stamps.includesMine(stored);
		const base = ours ? (before.ok ? before.state : undefined) : this.commonBase(stored);
		this.held(stored);
		const ids = this.state.absorb(parsed.state, this.unreadSinceSave, base);
		if (ids.length > 0) this.emitter.fire({ ids });
		if (!ours) this.scheduleSave();
	}

	/** Notes a stored value this store read or wrote (see known). */
	private held(value: unknown): void {
		this.stamps.saw(value);
		const stamp = stampText(value);
		this.known.add(stamp === undefined ? { value, json: JSON.stringify(value) ?? '' } : { value, stamp });
	}

	/** The read state of the newest value this store held that `stored` builds on too, if any. */
	private commonBase(stored: unknown): ReadState | undefined {
		const base = this.known.newest(({ stamp }) => stamp !== undefined && includesWrite(stored, stamp));
		const parsed = base && ReadState.parse(base.value);
		return parsed?.ok ? parsed.state : undefined;
	}

	get isBroken(): boolean {
		return this.broken !== undefined;
	}

	statusOn(id: string, day: string | undefined): ReadStatus {
		return this.state.statusOn(id, day);
	}

	isRead(id: string): boolean {
		return this.state.isRead(id);
	}

	readIds(): string[] {
		return this.state.readIds();
	}

	/** the papers seen and not read as their newest listing shows them (ReadState.seenIds) */
	seenIds(newestListed: (id: string) => string | undefined): string[] {
		return this.state.seenIds(newestListed);
	}

	markSeen(ids: Iterable<string>, day?: string): void {
		const changed = this.state.markSeen(ids, day);
		this.changed(day === undefined ? { ids: changed } : { ids: changed, seenOn: day });
	}

	/** Marks papers read; returns the status each one it changed had before, for undoMarkRead. */
	markRead(ids: Iterable<string>): ReadonlyMap<string, ReadStatus> {
		const list = [...ids];
		const before = this.state.statusesOf(list);
		const changed = this.state.markRead(list);
		this.changed({ ids: changed });
		return new Map(changed.map((id) => [id, before.get(id) as ReadStatus]));
	}

	/** Undoes a markRead (its answer): each paper still read gets back the status it had before. */
	undoMarkRead(before: ReadonlyMap<string, ReadStatus>): void {
		const changed = this.state.unmarkRead(before);
		// as an unread mark: another window's stored read mark of these papers does not bring it back
		for (const id of changed) this.unreadSinceSave.add(id);
		this.changed({ ids: changed });
	}

	markUnread(ids: Iterable<string>): void {
		const changed = this.state.markUnread(ids);
		for (const id of changed) this.unreadSinceSave.add(id);
		this.changed({ ids: changed });
	}

	/**
	 * The stored form, for Export Reading State: an unreadable stored value (damaged, or a newer
	 * version's) as it is, as that is the reader's copy of their marks, not this session's few.
	 */
	snapshot(): unknown {
		return this.broken !== undefined ? this.memento.get<unknown>(READ_STATE_KEY) : this.state.serialize();
	}

	/**
	 * Takes in an exported state's marks (Import Reading State, Merge): each paper keeps the further
	 * of its two marks, seen ones too. Returns the ids whose marks changed.
	 */
	merge(state: ReadState): string[] {
		const changed = this.state.absorb(state);
		this.changed({ ids: changed });
		return changed;
	}

	/** Replaces the state with an exported one; throws with the reason when it is not a read state. */
	restore(data: unknown): void {
		const parsed = ReadState.parse(data);
		if (!parsed.ok) throw new Error(vscode.l10n.t('This is not a reading state: {0}', parsed.error));
		this.state = parsed.state;
		// an explicit import replaces an unreadable stored value, and what other windows stored
		this.broken = undefined;
		this.lastStored = this.memento.get<unknown>(READ_STATE_KEY);
		// what it replaces is seen: its save builds on it, and other windows take the Replace as it is
		this.held(this.lastStored);
		this.unreadSinceSave.clear();
		this.changed(undefined);
	}

	/** Fires for the papers whose marks changed (none: nothing to fire or save) and saves soon. */
	private changed(change: MarksChange | undefined): void {
		if (change?.ids.length === 0) return;
		this.emitter.fire(change);
		this.scheduleSave();
	}

	private scheduleSave(): void {
		if (this.broken !== undefined) return;
		if (this.saveTimer) clearTimeout(this.saveTimer);
		if (this.disposed) void this.save();
		else this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
	}

	private async save(): Promise<void> {
		this.saveTimer = undefined;
		this.reload();
		if (this.broken !== undefined) return;
		const stored = { ...this.state.serialize(), stamp: this.stamps.next(), builtOn: this.stamps.builtOn() };
		this.lastStored = stored;
		this.held(stored);
		this.unreadSinceSave.clear();
		await this.memento.update(READ_STATE_KEY, stored);
	}

	private async offerReset(error: string): Promise<void> {
		const reset = vscode.l10n.t('Back Up and Start Fresh');
		const choice = await showErrorMessage(
			vscode.l10n.t(
				'arXiv Digest cannot read the stored reading state ({0}). It was left untouched; read marks made now last for this session only.',
				error,
			),
			reset,
		);
		if (choice !== reset || this.broken === undefined) return;
		const unreadable = this.memento.get<unknown>(READ_STATE_KEY);
		// another window started afresh meanwhile (the message showed in each): its marks, and this session's, are kept
		const now = ReadState.parse(unreadable);
		if (now.ok) {
			this.broken = undefined;
			this.lastStored = unreadable;
			this.held(unreadable);
			this.state.absorb(now.state, this.unreadSinceSave, undefined);
			this.emitter.fire(undefined);
			this.scheduleSave();
			return;
		}
		const backupKey = `${READ_STATE_KEY}.unreadable.${Date.now()}`;
		await this.memento.update(backupKey, unreadable);
		this.broken = undefined;
		// saved over now, on the reader's word (save takes in only a value stored after this one)
		this.lastStored = unreadable;
		this.stamps.saw(unreadable);
		await this.save();
		void showInformationMessage(vscode.l10n.t('The unreadable reading state was kept under {0}; marks are saved again.', backupKey));
	}

	/** Writes pending marks now (deactivation, tests). */
	async flush(): Promise<void> {
		if (!this.saveTimer) return;
		clearTimeout(this.saveTimer);
		await this.save();
	}

	dispose(): void {
		this.disposed = true;
		void this.flush();
		this.emitter.dispose();
	}
}
