/**
 * The library's record of its papers' digest entries (src/core/library/kept.ts), in
 * `globalStorageUri/kept-papers.json`: per machine, not synced (the library's Settings Sync budget
 * is small). A paper is recorded once the library holds it and a digest of the workspace lists it
 * (read in full through the index, each file once), and its record goes when the library lets the
 * paper go. Every window writes the file: a write merges what is stored (another window's records)
 * with its own, so none is lost. A stored file that is not ours is set aside, never written over.
 */
import * as vscode from 'vscode';
import { keptPaper, libraryPaperIds, mergeKept, parseKept, serializeKept, type KeptPaper } from '../../core/library/kept';
import { loadPapers } from '../export/load';
import { errorText, getLog } from '../log';
import type { IDigestWorkspace, PaperLocation } from '../workspace/types';
import type { LibraryStore } from './store';

export const KEPT_FILE = 'kept-papers.json';
/** papers read per request to the index: a big library's first record does not hold the search for long */
const BATCH = 100;
/** a change's records wait this long for the next (a day of stars, a scan's batches) */
const SETTLE_MS = 800;

export interface KeptLookup {
	get(id: string): KeptPaper | undefined;
	readonly onDidChange: vscode.Event<void>;
}

export class KeptPapers implements KeptLookup, vscode.Disposable {
	private papers = new Map<string, KeptPaper>();
	/**
	 * the records of papers the library let go in this session: no longer written, still shown (a card
	 * unstarred keeps its paper, and a star given back keeps the record)
	 */
	private readonly letGo = new Map<string, KeptPaper>();
	/** the papers this window saw leave the library since its last write */
	private readonly gone = new Set<string>();
	private dirty = false;
	private held: ReadonlySet<string>;
	private readonly emitter = new vscode.EventEmitter<void>();
	readonly onDidChange = this.emitter.event;
	private readonly subscriptions: vscode.Disposable[];
	private timer: ReturnType<typeof setTimeout> | undefined;
	/** the last record pass and write: one at a time */
	private work: Promise<void>;
	private disposed = false;
	/** set when the stored file is not ours: nothing is written then */
	private refused = false;

	constructor(
		private readonly folder: vscode.Uri,
		store: Pick<LibraryStore, 'library' | 'onDidChange'>,
		private readonly workspace: Pick<IDigestWorkspace, 'ready' | 'findPaper' | 'onDidChange' | 'backend' | 'loadPaper'>,
	) {
		this.held = libraryPaperIds(store.library);
		this.work = this.load().then(() => workspace.ready).then(() => this.recordSafely());
		this.subscriptions = [
			store.onDidChange((library) => {
				const now = libraryPaperIds(library);
				for (const id of this.held) {
					const kept = this.papers.get(id);
					if (now.has(id) || !kept) continue;
					this.papers.delete(id);
					this.letGo.set(id, kept);
					this.gone.add(id);
					this.dirty = true;
				}
				for (const id of now) {
					const kept = this.letGo.get(id);
					if (this.held.has(id) || !kept) continue;
					this.letGo.delete(id);
					this.papers.set(id, kept);
					this.gone.delete(id);
					this.dirty = true;
				}
				this.held = now;
				this.schedule();
			}),
			workspace.onDidChange(() => this.schedule()),
		];
	}

	get file(): vscode.Uri {
		return vscode.Uri.joinPath(this.folder, KEPT_FILE);
	}

	get(id: string): KeptPaper | undefined {
		return this.papers.get(id) ?? this.letGo.get(id);
	}

	/** every record, for the tests and the CLI's look at it */
	all(): KeptPaper[] {
		return [...this.papers.values()];
	}

	/** Resolves once the records and writes asked for so far are done (the tests wait on it). */
	async settled(): Promise<void> {
		for (let work = this.work; ; work = this.work) {
			await work;
			if (work === this.work && this.timer === undefined) return;
			if (this.timer !== undefined) this.flushSoon();
		}
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

	private schedule(): void {
		if (this.disposed) return;
		if (this.timer !== undefined) clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flushSoon(), SETTLE_MS);
	}

	/** what is stored, or nothing; a file that is not ours is renamed aside and said in the log */
	private async readStored(): Promise<Map<string, KeptPaper> | undefined> {
		let bytes: Uint8Array;
		try {
			bytes = await vscode.workspace.fs.readFile(this.file);
		} catch {
			return new Map();
		}
		let value: unknown;
		try {
			value = JSON.parse(new TextDecoder().decode(bytes));
		} catch (err) {
			return this.setAside(`not JSON (${errorText(err)})`);
		}
		const read = parseKept(value);
		if (!read.ok) return this.setAside(read.reason);
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

	private async load(): Promise<void> {
		const stored = await this.readStored();
		if (!stored) return;
		// records of papers the library no longer holds (let go while no window of this machine ran)
		for (const [id, kept] of stored) {
			if (this.held.has(id)) this.papers.set(id, kept);
			else {
				this.gone.add(id);
				this.dirty = true;
			}
		}
		if (this.papers.size > 0) this.emitter.fire();
	}

	/** Records the held papers a digest lists and no record has, then writes when anything changed. */
	private async record(): Promise<void> {
		if (this.disposed) return;
		// the index's first build first (search and the views wait on it): a new library's papers, all
		// unrecorded, are read after it (each file parsed once more)
		if ([...this.held].some((id) => !this.papers.has(id))) await (await this.workspace.backend())?.service.whenIndexed();
		if (this.disposed) return;
		const wanted: PaperLocation[] = [];
		for (const id of this.held) {
			const locations = this.workspace.findPaper(id);
			const kept = this.papers.get(id);
			if (!kept) {
				if (locations[0]) wanted.push(locations[0]);
				continue;
			}
			// a day that lists it since it was recorded
			const days = locations.map((l) => l.file.digest.day ?? l.file.digest.label).filter((day) => !kept.days.includes(day));
			if (days.length === 0) continue;
			this.papers.set(id, { ...kept, days: [...new Set([...kept.days, ...days])].sort().reverse() });
			this.dirty = true;
		}
		for (let i = 0; i < wanted.length && !this.disposed; i += BATCH) {
			const loaded = await loadPapers(this.workspace as IDigestWorkspace, wanted.slice(i, i + BATCH));
			for (const [location, { paper }] of loaded) {
				const id = keptPaper(paper, []).id;
				// let go while it was read
				if (!this.held.has(id)) continue;
				const days = [...new Set(this.workspace.findPaper(id).map((l) => l.file.digest.day ?? l.file.digest.label))];
				this.papers.set(id, keptPaper(paper, days.length ? days : [location.file.digest.day ?? location.file.digest.label]));
				this.dirty = true;
			}
		}
		if (wanted.length > 0) this.emitter.fire();
		await this.write();
	}

	private async write(): Promise<void> {
		if (!this.dirty || this.refused) return;
		try {
			const stored = await this.readStored();
			if (!stored) return;
			const merged = mergeKept(stored, this.papers, this.gone);
			await vscode.workspace.fs.createDirectory(this.folder);
			await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(JSON.stringify(serializeKept(merged.values()))));
			this.gone.clear();
			this.dirty = false;
			// another window's records of papers this one holds too
			let adopted = false;
			for (const [id, kept] of merged) {
				if (this.held.has(id) && !this.papers.has(id)) {
					this.papers.set(id, kept);
					adopted = true;
				}
			}
			if (adopted) this.emitter.fire();
		} catch (err) {
			getLog().error(`the papers' records could not be written to ${this.file.fsPath}: ${errorText(err)}`);
		}
	}

	dispose(): void {
		this.disposed = true;
		if (this.timer !== undefined) clearTimeout(this.timer);
		for (const s of this.subscriptions) s.dispose();
		this.emitter.dispose();
		// what is recorded and not yet written: the digests still list it, so the next start records it again
		if (this.dirty) void this.work.then(() => this.write());
	}
}
