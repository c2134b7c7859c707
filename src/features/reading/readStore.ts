/**
 * The reader's new / seen / read state in globalState (never in digest files), synced with Settings
 * Sync. A stored value this version cannot read is never overwritten silently: marks made
 * meanwhile live for the session only, until the reader chooses to back it up and start fresh.
 */
import * as vscode from 'vscode';
import { ReadState, type ReadStatus } from '../../core/readState';
import { getLog } from '../log';

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
	private readonly emitter = new vscode.EventEmitter<MarksChange | undefined>();
	/** fires after marks changed, with the papers whose marks did (undefined: any paper's, after an import) */
	readonly onDidChange = this.emitter.event;

	constructor(private readonly memento: vscode.Memento) {
		const parsed = ReadState.parse(memento.get<unknown>(READ_STATE_KEY));
		if (parsed.ok) this.state = parsed.state;
		else {
			this.state = new ReadState();
			this.broken = parsed.error;
			getLog().error(`Reading state: the stored value is unreadable (${parsed.error}); it is kept as it is.`);
			void this.offerReset(parsed.error);
		}
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

	markSeen(ids: Iterable<string>, day?: string): void {
		const changed = this.state.markSeen(ids, day);
		this.changed(day === undefined ? { ids: changed } : { ids: changed, seenOn: day });
	}

	markRead(ids: Iterable<string>): void {
		this.changed({ ids: this.state.markRead(ids) });
	}

	markUnread(ids: Iterable<string>): void {
		this.changed({ ids: this.state.markUnread(ids) });
	}

	/** The stored form, for Export Reading State. */
	snapshot(): unknown {
		return this.state.serialize();
	}

	/** Replaces the state with an exported one; throws with the reason when it is not a read state. */
	restore(data: unknown): void {
		const parsed = ReadState.parse(data);
		if (!parsed.ok) throw new Error(vscode.l10n.t('This is not a reading state: {0}', parsed.error));
		this.state = parsed.state;
		// an explicit import replaces an unreadable stored value
		this.broken = undefined;
		this.changed(undefined);
	}

	/** Fires for the papers whose marks changed (none: nothing to fire or save) and saves soon. */
	private changed(change: MarksChange | undefined): void {
		if (change?.ids.length === 0) return;
		this.emitter.fire(change);
		if (this.broken !== undefined) return;
		if (this.saveTimer) clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
	}

	private async save(): Promise<void> {
		this.saveTimer = undefined;
		if (this.broken !== undefined) return;
		await this.memento.update(READ_STATE_KEY, this.state.serialize());
	}

	private async offerReset(error: string): Promise<void> {
		const reset = vscode.l10n.t('Back Up and Start Fresh');
		const choice = await vscode.window.showErrorMessage(
			vscode.l10n.t(
				'arXiv Digest cannot read the stored reading state ({0}). It was left untouched; read marks made now last for this session only.',
				error,
			),
			reset,
		);
		if (choice !== reset || this.broken === undefined) return;
		const backupKey = `${READ_STATE_KEY}.unreadable.${Date.now()}`;
		await this.memento.update(backupKey, this.memento.get<unknown>(READ_STATE_KEY));
		this.broken = undefined;
		await this.save();
		void vscode.window.showInformationMessage(vscode.l10n.t('The unreadable reading state was kept under {0}; marks are saved again.', backupKey));
	}

	/** Writes pending marks now (deactivation, tests). */
	async flush(): Promise<void> {
		if (!this.saveTimer) return;
		clearTimeout(this.saveTimer);
		await this.save();
	}

	dispose(): void {
		void this.flush();
		this.emitter.dispose();
	}
}
