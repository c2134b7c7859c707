/**
 * The reader's library in `context.globalState` (one VS Code profile, every window and workspace,
 * Restricted Mode included: nothing is written to the workspace or to digest files).
 *
 * Stored data that does not read back as ours (damaged, another tool's, or a newer format) is never
 * overwritten silently: the store refuses changes, says why, and offers to save a copy of it or to
 * start an empty library, on the reader's word only.
 */
import * as vscode from 'vscode';
import { HeldValues } from '../../core/heldValues';
import { mergeConcurrent } from '../../core/library/concurrent';
import { emptyLibrary, mergeLibraries, type Library } from '../../core/library/model';
import { parseLibrary, serializeLibrary, type StateProblem, type StoredLibrary } from '../../core/library/serial';
import { includesWrite, isUnstampedEcho, namesWhatItBuildsOn, stampText, WriteStamps } from '../../core/writeStamps';
import { errorText } from '../log';
import { showErrorMessage, showInformationMessage, showWarningMessage } from '../messages';

export const LIBRARY_STATE_KEY = 'arxivDigest.library';

export interface LibraryTrouble {
	readonly problem: StateProblem;
	readonly reason: string;
}

export class LibraryStore implements vscode.Disposable {
	private value: Library = emptyLibrary();
	private trouble: LibraryTrouble | undefined;
	/** JSON of what this store last read or wrote, to notice writes by another window or by Settings Sync */
	private lastJson = '';
	/**
	 * The libraries this store held (HeldValues), lastJson the last: those it wrote, and those it read
	 * (at its start, or written by another window), as JSON with their stamps (see read); at most 8 MB of
	 * them (a typical library is 2.5 KB, one of 800 long notes 1.6 MB)
	 */
	private readonly known = new HeldValues<{ json: string; stamp?: string }>(32, 16, { size: (held) => held.json.length * 2, maxBytes: 8 * 1024 * 1024 });
	/** the stamps of this store's writes, and the latest write of each window it saw (see WriteStamps) */
	private readonly stamps = new WriteStamps();
	private readonly emitter = new vscode.EventEmitter<Library>();
	readonly onDidChange = this.emitter.event;

	constructor(private readonly state: vscode.Memento) {
		this.read();
		// nothing stored yet reads as '' without a change: the library it started from is known too
		if (this.known.values().length === 0) this.remember(this.lastJson, undefined);
	}

	get library(): Library {
		return this.value;
	}

	/** set while the stored data is unreadable: the store then refuses every change */
	get problem(): LibraryTrouble | undefined {
		return this.trouble;
	}

	/** what globalState holds, as stored (for a copy of unreadable data) */
	raw(): unknown {
		return this.state.get(LIBRARY_STATE_KEY);
	}

	private read(): boolean {
		const raw = this.raw();
		const json = JSON.stringify(raw) ?? '';
		if (json === this.lastJson) return false;
		const age = this.stamps.age(raw);
		// a write of a window (this one or another) this store already saw, or older than one it saw
		const stale = age === 'older' || age === 'seen';
		// a library without a stamp (none stored, or an older version's) is told only by its content; a
		// stamped one by its stamp, as another window's write may hold a library this store held before
		// (it unstarred what this one starred), and putting that one back undid the other window's change
		if ((stale || (age === 'unstamped' && isUnstampedEcho(this.known.values(), json))) && this.lastJson) {
			// An older library coming back: the editor's globalState
			// takes a storage-change echo as the extension's whole state, so the echo of an earlier write
			// of any key (this library's, or the reading state's, carrying the library as it was then,
			// even none at all) that arrives after a later write would put that older library back, and
			// the next save of any key would store it (seen in the web host; in Restricted Mode a star
			// was lost so, its note saved over the library as the reading state's echo had it).
			// Keep the newer library, and put it back in globalState.
			void this.state.update(LIBRARY_STATE_KEY, JSON.parse(this.lastJson)).then(undefined, () => undefined);
			return false;
		}
		const parsed = parseLibrary(raw);
		if (parsed.ok && !this.trouble && age === 'newer' && namesWhatItBuildsOn(raw) && !this.stamps.includesMine(raw)) {
			// Another window, or another machine through Settings Sync (which keeps one side's value whole),
			// changed the library without this store's last change: both sides' changes are kept, merged
			// from the last library both held, and saved (write fires)
			const base = this.commonBase(raw);
			this.remember(json, raw);
			this.stamps.saw(raw);
			const merged = mergeConcurrent(base, this.value, parsed.value);
			void this.write(merged.library);
			if (merged.bothNotes.length > 0) {
				void showInformationMessage(
					vscode.l10n.t('The notes of {0} papers were changed in two places at once (two windows, or two machines before Settings Sync met): each note keeps both texts.', merged.bothNotes.length),
				);
			}
			return false;
		}
		this.lastJson = json;
		this.remember(json, raw);
		this.stamps.saw(raw);
		if (parsed.ok) {
			this.value = parsed.value;
			this.trouble = undefined;
		} else {
			this.value = emptyLibrary();
			this.trouble = { problem: parsed.problem, reason: parsed.reason };
		}
		return true;
	}

	/** Reads globalState again (another window or Settings Sync may have written it); fires when it changed. */
	reload(): void {
		if (this.read()) this.emitter.fire(this.value);
	}

	/**
	 * Applies a change and saves it. Resolves false, after telling the reader why, when the stored
	 * data is unreadable or the change is refused (a duplicate name, a note too long).
	 */
	async update(change: (library: Library) => Library): Promise<boolean> {
		this.reload();
		if (this.trouble) {
			void showLibraryProblem(this);
			return false;
		}
		let next: Library;
		try {
			next = change(this.value);
		} catch (err) {
			void showWarningMessage(errorText(err));
			return false;
		}
		if (next === this.value) return true;
		await this.write(next);
		return true;
	}

	/**
	 * Merges an imported library into the stored one, as stored now (another window may have written
	 * it since this store last read it). Resolves undefined, after telling the reader why, when the
	 * stored data is unreadable: a merge never saves over it.
	 */
	async merge(incoming: Library): Promise<{ library: Library; keptNotes: number } | undefined> {
		let merged: { library: Library; keptNotes: number } | undefined;
		const done = await this.update((library) => (merged = mergeLibraries(library, incoming)).library);
		return done ? merged : undefined;
	}

	/** Replaces whatever is stored, unreadable data included: only after the reader chose it. */
	async replace(library: Library): Promise<void> {
		await this.write(library);
	}

	/**
	 * The store's own copy changes before the save is awaited: an update that starts meanwhile builds
	 * on this library, and a save that completes after a later one never puts an older library back
	 * in memory (a note saved while a star was still being written was lost from what exports and
	 * hovers read). globalState takes the value at once as well; only writing it to disk is awaited.
	 */
	private async write(library: Library): Promise<void> {
		const stamp = this.stamps.next();
		const stored: StoredLibrary & { stamp: string; builtOn: Record<string, number> } = { ...serializeLibrary(library), stamp, builtOn: this.stamps.builtOn() };
		this.lastJson = JSON.stringify(stored);
		this.remember(this.lastJson, stored);
		this.value = library;
		this.trouble = undefined;
		this.emitter.fire(library);
		await this.state.update(LIBRARY_STATE_KEY, stored);
	}

	private remember(json: string, raw: unknown): void {
		this.known.add({ json, stamp: stampText(raw) });
	}

	/** The newest library this store held that `raw` builds on too: what both sides changed from (none known: undefined). */
	private commonBase(raw: unknown): Library | undefined {
		const base = this.known.newest(({ stamp }) => stamp !== undefined && includesWrite(raw, stamp));
		const parsed = base && parseLibrary(JSON.parse(base.json));
		return parsed?.ok ? parsed.value : undefined;
	}

	dispose(): void {
		this.emitter.dispose();
	}
}

const SAVE_COPY_COMMAND = 'arxivDigest.exportReadingState';

/** The message for unreadable stored data, with the two ways out; nothing happens without a choice. */
export async function showLibraryProblem(store: LibraryStore): Promise<void> {
	const trouble = store.problem;
	if (!trouble) return;
	const what =
		trouble.problem === 'newer'
			? vscode.l10n.t('Your arXiv Digest library (stars, collections, notes, tags) in this VS Code profile was saved by a newer version of the extension: {0}. Update arXiv Digest to use it.', trouble.reason)
			: vscode.l10n.t('arXiv Digest cannot read the library (stars, collections, notes, tags) stored in this VS Code profile: {0}.', trouble.reason);
	const saveCopy = vscode.l10n.t('Save a Copy…');
	const startEmpty = vscode.l10n.t('Start an Empty Library…');
	const choice = await showErrorMessage(`${what} ${vscode.l10n.t('It was left as it is; nothing is saved over it until you choose.')}`, saveCopy, startEmpty);
	if (choice === saveCopy) await vscode.commands.executeCommand(SAVE_COPY_COMMAND);
	else if (choice === startEmpty) {
		const replace = vscode.l10n.t('Replace with an Empty Library');
		const sure = await showWarningMessage(
			vscode.l10n.t('Replace the unreadable library with an empty one? The stored data is lost unless you saved a copy.'),
			{ modal: true },
			replace,
		);
		// another window may have started afresh while this asked (the message shows in each): its library is kept
		store.reload();
		if (sure === replace && store.problem) await store.replace(emptyLibrary());
	}
}
