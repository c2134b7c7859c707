/**
 * The library's record of its papers' digest entries (src/core/library/kept.ts), in
 * `globalStorageUri/kept-papers.json`: per machine, not synced (the library's Settings Sync budget
 * is small). A paper is recorded once the library holds it and a digest of the workspace lists it: at
 * once from the workspace's summary (the digest may go a moment later), then in full through the
 * index, each file read once. Its record goes when this window sees the library let it go.
 *
 * Every window writes the file, and every profile's windows do (VS Code gives each profile the default
 * profile's global storage, while the library is per profile): a write merges what is stored with its
 * own records, and only ever removes a paper this window saw leave its library, never one it does not
 * know. A write goes to a temporary file renamed over the old one, so a reader never sees half of it.
 * A stored file that is not ours is renamed aside, never written over; a read that fails otherwise
 * (a busy file) writes nothing until a later change.
 */
import * as vscode from 'vscode';
import { keptDays, keptPaper, keptSummary, libraryPaperIds, mergeKept, parseKept, serializeKept, type KeptPaper } from '../../core/library/kept';
import { libraryId, type Library } from '../../core/library/model';
import { daysOfLocations, loadPapers } from '../export/load';
import { errorText, getLog } from '../log';
import type { IDigestWorkspace, PaperLocation } from '../workspace/types';
import type { LibraryStore } from './store';

export const KEPT_FILE = 'kept-papers.json';
/** papers read per request to the index: a big library's first record does not hold the search for long */
const BATCH = 100;
/** a scan's batches of files: one record pass after them */
const SETTLE_MS = 800;

export interface KeptLookup {
	get(id: string): KeptPaper | undefined;
	readonly onDidChange: vscode.Event<void>;
}

export class KeptPapers implements KeptLookup, vscode.Disposable {
	private readonly papers = new Map<string, KeptPaper>();
	/**
	 * the records of papers the library let go in this session: no longer written, still shown (a card
	 * unstarred keeps its paper, and a star given back keeps the record)
	 */
	private readonly letGo = new Map<string, KeptPaper>();
	/** the papers this window saw leave the library since its last write */
	private readonly gone = new Set<string>();
	/** held papers already looked for in the stored file (another window's records are adopted once) */
	private readonly looked = new Set<string>();
	/**
	 * the papers whose record this window made or changed since its last write: a write stores those
	 * alone over the file's, so a window that has not yet seen its library let a paper go (a window not
	 * focused reads it later) does not write back the record another window removed
	 */
	private readonly changed = new Set<string>();
	/** whether this window read or wrote the file: then a file not found is another window's rename in progress */
	private seen = false;
	private held: ReadonlySet<string>;
	private readonly emitter = new vscode.EventEmitter<void>();
	readonly onDidChange = this.emitter.event;
	private readonly subscriptions: vscode.Disposable[];
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** the last record pass and write: one at a time */
	private work: Promise<void>;
	private disposed = false;
	/** set when the stored file is not ours and could not be set aside, or is a newer version's: nothing is written then */
	private refused = false;

	private get dirty(): boolean {
		return this.changed.size > 0 || this.gone.size > 0;
	}

	/** `kept` is this window's record of `id` now (made, read in full, or its days added) */
	private own(id: string, kept: KeptPaper): void {
		this.papers.set(id, kept);
		this.changed.add(id);
	}

	constructor(
		private readonly folder: vscode.Uri,
		private readonly store: Pick<LibraryStore, 'library' | 'onDidChange' | 'problem'>,
		private readonly workspace: Pick<IDigestWorkspace, 'ready' | 'findPaper' | 'onDidChange' | 'backend' | 'loadPaper'>,
	) {
		// an unreadable library reads as an empty one: it holds nothing, and let nothing go
		this.held = store.problem ? new Set() : libraryPaperIds(store.library);
		this.work = this.adopt().then(() => workspace.ready).then(() => this.recordSafely());
		this.subscriptions = [store.onDidChange((library) => this.libraryChanged(library)), workspace.onDidChange(() => this.schedule(SETTLE_MS))];
	}

	get file(): vscode.Uri {
		return vscode.Uri.joinPath(this.folder, KEPT_FILE);
	}

	/** the record of `id` (any form: `arXiv:…v2` too) */
	get(id: string): KeptPaper | undefined {
		const key = libraryId(id);
		return this.papers.get(key) ?? this.letGo.get(key);
	}

	/** Resolves once the records and writes asked for so far are done (the tests wait on it). */
	async settled(): Promise<void> {
		for (let work = this.work; ; work = this.work) {
			await work;
			if (work === this.work && this.timer === undefined) return;
			if (this.timer !== undefined) this.flushSoon();
		}
	}

	private libraryChanged(library: Library): void {
		if (this.store.problem) return;
		const now = libraryPaperIds(library);
		let added = false;
		let summaries = false;
		for (const id of this.held) {
			const kept = this.papers.get(id);
			if (now.has(id) || !kept) continue;
			this.papers.delete(id);
			this.changed.delete(id);
			this.letGo.set(id, kept);
			this.gone.add(id);
		}
		for (const id of now) {
			if (this.held.has(id)) continue;
			added = true;
			const kept = this.letGo.get(id);
			if (kept) {
				this.letGo.delete(id);
				this.gone.delete(id);
				this.own(id, kept);
				continue;
			}
			// the summary at once: the digest may be deleted before the record pass reads the full entry
			const locations = this.workspace.findPaper(id);
			if (locations[0] && !this.papers.has(id)) {
				this.own(id, keptSummary(locations[0].paper, daysOfLocations(locations)));
				summaries = true;
			}
		}
		this.held = now;
		if (summaries) this.emitter.fire();
		this.schedule(added ? 0 : SETTLE_MS);
	}

	private flushSoon(): void {
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = undefined;
		this.work = this.work.then(() => this.recordSafely());
	}

	/** record, its failure (the index gone, a file unreadable) logged: the next change tries again */
	private async recordSafely(): Promise<void> {
		try {
			await this.record();
		} catch (err) {
			getLog().warn(`the library's papers could not be recorded: ${errorText(err)}`);
		}
	}

	private schedule(ms: number): void {
		if (this.disposed) return;
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flushSoon(), ms);
	}

	/**
	 * What is stored: nothing when there is no file; undefined when it cannot be read now (a busy file)
	 * or is not ours and could not be set aside. A file that is not ours is renamed aside.
	 */
	private async readStored(): Promise<Map<string, KeptPaper> | undefined> {
		let bytes: Uint8Array;
		try {
			bytes = await vscode.workspace.fs.readFile(this.file);
		} catch (err) {
			if ((err as { code?: unknown }).code === 'FileNotFound') {
				if (!this.seen) return new Map();
				// VS Code's rename over a file deletes it first: another window writing now; tried again at a later change
				this.seen = false;
				return undefined;
			}
			getLog().warn(`${this.file.fsPath} could not be read (${errorText(err)}); the papers' records are written after a later change`);
			return undefined;
		}
		let value: unknown;
		try {
			value = JSON.parse(new TextDecoder().decode(bytes));
		} catch (err) {
			return this.setAside(`not JSON (${errorText(err)})`);
		}
		const read = parseKept(value);
		if (!read.ok && read.newer) {
			getLog().warn(`${this.file.fsPath}: ${read.reason}; it is left as it is, and the papers' records of this window are not written`);
			this.refused = true;
			return undefined;
		}
		if (!read.ok) return this.setAside(read.reason);
		this.seen = true;
		if (read.skipped > 0) getLog().warn(`${this.file.fsPath}: ${read.skipped} records that are not a kept paper were left out`);
		return read.papers;
	}

	private async setAside(reason: string): Promise<Map<string, KeptPaper> | undefined> {
		const aside = vscode.Uri.joinPath(this.folder, `${KEPT_FILE}.unreadable-${Date.now()}`);
		try {
			await vscode.workspace.fs.rename(this.file, aside, { overwrite: false });
			getLog().warn(`${this.file.fsPath} could not be read (${reason}); it was kept as ${aside.fsPath} and the papers' records start again from the digests`);
			return new Map();
		} catch (err) {
			getLog().error(`${this.file.fsPath} could not be read (${reason}) nor set aside (${errorText(err)}); the papers' records are not written`);
			this.refused = true;
			return undefined;
		}
	}

	/** Takes the stored records of held papers this window has none of and has not looked for yet (another window's). */
	private async adopt(): Promise<void> {
		const wanted = [...this.held].filter((id) => !this.papers.has(id) && !this.looked.has(id));
		if (wanted.length === 0) return;
		const stored = await this.readStored();
		if (!stored) return;
		let adopted = false;
		for (const id of wanted) {
			this.looked.add(id);
			const kept = stored.get(id);
			if (kept) {
				this.papers.set(id, kept);
				adopted = true;
			}
		}
		if (adopted) this.emitter.fire();
	}

	/** Records the held papers a digest lists and no full record has, then writes when anything changed. */
	private async record(): Promise<void> {
		if (this.disposed) return;
		await this.adopt();
		const wanted: PaperLocation[] = [];
		let changed = false;
		for (const id of this.held) {
			const locations = this.workspace.findPaper(id);
			const kept = this.papers.get(id);
			if (!kept || kept.partial) {
				if (locations[0]) wanted.push(locations[0]);
				continue;
			}
			// a day that lists it since it was recorded
			const days = daysOfLocations(locations);
			if (days.every((day) => kept.days.includes(day))) continue;
			this.own(id, { ...kept, days: keptDays(kept.days, days) });
		}
		// the index's first build first (search and the views wait on it): a new library's papers, all
		// unrecorded, are read after it (each file parsed once more; one gone meanwhile is not read)
		if (wanted.length > 0) await (await this.workspace.backend())?.service.whenIndexed();
		if (this.disposed) return;
		for (let i = 0; i < wanted.length && !this.disposed; i += BATCH) {
			const loaded = await loadPapers(this.workspace as IDigestWorkspace, wanted.slice(i, i + BATCH));
			for (const [location, { paper }] of loaded) {
				const id = libraryId(paper.id);
				// let go while it was read
				if (!this.held.has(id)) continue;
				const days = daysOfLocations(this.workspace.findPaper(id));
				this.own(id, keptPaper(paper, days.length ? days : daysOfLocations([location])));
				changed = true;
			}
		}
		if (changed) this.emitter.fire();
		await this.write();
	}

	private async write(): Promise<void> {
		if (!this.dirty || this.refused) return;
		try {
			const stored = await this.readStored();
			if (!stored) return;
			// what this write takes: a library change during it is written by the next
			const mine = new Map([...this.changed].flatMap((id) => (this.papers.has(id) ? [[id, this.papers.get(id)!] as const] : [])));
			const gone = new Set(this.gone);
			const merged = mergeKept(stored, mine, gone);
			await vscode.workspace.fs.createDirectory(this.folder);
			// whole or not at all: a window closing mid-write, or another reading, never leaves half a file
			const temporary = vscode.Uri.joinPath(this.folder, `${KEPT_FILE}.${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`);
			await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(JSON.stringify(serializeKept(merged.values()))));
			await vscode.workspace.fs.rename(temporary, this.file, { overwrite: true });
			this.seen = true;
			for (const id of gone) this.gone.delete(id);
			for (const [id, kept] of mine) if (this.papers.get(id) === kept) this.changed.delete(id);
		} catch (err) {
			getLog().error(`the papers' records could not be written to ${this.file.fsPath}: ${errorText(err)}`);
		}
	}

	dispose(): void {
		this.disposed = true;
		if (this.timer !== undefined) clearTimeout(this.timer);
		for (const s of this.subscriptions) s.dispose();
		this.emitter.dispose();
		// what is recorded and not yet written (a star's summary, a paper let go), now: the record pass may
		// be waiting for the index's first build, which a closing window never sees end
		if (this.dirty) void this.write();
	}
}
