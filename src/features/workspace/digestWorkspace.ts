/**
 * Every digest file in the workspace, parsed once and then kept current one file at a time
 * from file-system events. Reads go through `vscode.workspace.fs`, so virtual and remote
 * workspaces work; nothing here ever writes a file.
 */
import * as vscode from 'vscode';
import { DETECT_MAX_CHARS, looksLikeDigest, matchesGlob } from '../../core/detect';
import type { Digest } from '../../core/model';
import { parseDigest } from '../../core/parser';
import { getLog } from '../log';
import { DIGEST_LANGUAGE_ID, SETTINGS } from '../settings';
import { pathOf, relativePathOf, uriKey } from '../vsc-utils';
import type {
	DigestFile,
	DigestWorkspaceChange,
	IDigestWorkspace,
	PaperLocation,
	PaperRef,
	ScanProgress,
} from './types';

const DEFAULT_INCLUDE = '**/*.md';
const DEFAULT_EXCLUDE = '**/node_modules/**';

export const CONTEXT_HAS_DIGESTS = 'arxivDigest.hasDigests';
export const CONTEXT_WORKSPACE_SCANNED = 'arxivDigest.workspaceScanned';

/** Content detection looks at this much of a file's start. */
export const DETECT_HEAD_CHARS = DETECT_MAX_CHARS;

export interface DigestWorkspaceOptions {
	/** quiet time per URI before a file event is handled (ms) */
	readonly debounceMs?: number;
	/** files read at once during a scan */
	readonly readConcurrency?: number;
	/** files larger than this are not read unless a `arxivDigest.files` glob names them (bytes) */
	readonly maxFileBytes?: number;
	/** show scan progress in the status bar */
	readonly showProgress?: boolean;
	/** set the `arxivDigest.*` context keys (tests may turn this off) */
	readonly setContextKeys?: boolean;
}

interface Entry {
	readonly file: DigestFile;
	readonly mtime: number;
	readonly size: number;
}

interface Stamp {
	readonly mtime: number;
	readonly size: number;
}

interface Candidate {
	readonly uri: vscode.Uri;
	/** named by an `arxivDigest.files` glob: no content detection */
	readonly always: boolean;
}

const CHANGE_FLUSH_MS = 200;
/**
 * While a scan runs, changes and progress go out together at most this often. A tree view's
 * extension-host side debounces its updates (message and data) by 200 ms and restarts that wait
 * on every update: events closer together than that kept the Papers view at "Loading digests…
 * 0/n" with no days until the scan of a large workspace ended.
 */
const SCAN_FLUSH_MS = 400;

export class DigestWorkspace implements IDigestWorkspace {
	static create(options: DigestWorkspaceOptions = {}): DigestWorkspace {
		const workspace = new DigestWorkspace(options);
		workspace.start();
		return workspace;
	}

	private readonly changeEmitter = new vscode.EventEmitter<readonly DigestWorkspaceChange[]>();
	readonly onDidChange = this.changeEmitter.event;
	private readonly progressEmitter = new vscode.EventEmitter<ScanProgress>();
	readonly onDidChangeProgress = this.progressEmitter.event;
	readonly ready: Promise<void>;
	private resolveReady!: () => void;
	readonly candidates: Promise<readonly vscode.Uri[]>;
	private resolveCandidates!: (uris: readonly vscode.Uri[]) => void;

	private readonly options: Required<DigestWorkspaceOptions>;
	private readonly entries = new Map<string, Entry>();
	/** files read and found not to be digests, so a settings re-scan need not read them again */
	private readonly rejected = new Map<string, Stamp>();
	private readonly byId = new Map<string, PaperLocation[]>();
	private filesCache: DigestFile[] | undefined;
	private readonly documentCache = new Map<string, { version: number; digest: Digest }>();

	private readonly pendingChanges = new Map<string, DigestWorkspaceChange>();
	private flushTimer: ReturnType<typeof setTimeout> | undefined;
	private readonly eventTimers = new Map<string, ReturnType<typeof setTimeout>>();

	private currentProgress: ScanProgress = { done: 0, total: 0, scanning: false };
	private progressPending = false;
	private generation = 0;
	private started = false;
	private scannedOnce = false;
	private disposed = false;
	private hasDigestsContext: boolean | undefined;
	private inFlightScan: Promise<void> | undefined;
	private progressVisible = false;

	private watchers: vscode.Disposable[] = [];
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(options: DigestWorkspaceOptions = {}) {
		this.options = {
			debounceMs: options.debounceMs ?? 300,
			readConcurrency: Math.max(1, options.readConcurrency ?? 4),
			maxFileBytes: options.maxFileBytes ?? 32 * 1024 * 1024,
			showProgress: options.showProgress ?? true,
			setContextKeys: options.setContextKeys ?? true,
		};
		this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
		this.candidates = new Promise<readonly vscode.Uri[]>((resolve) => (this.resolveCandidates = resolve));
	}

	/** Start watching and run the first scan; `create` calls this. */
	start(): void {
		if (this.started || this.disposed) {
			return;
		}
		this.started = true;
		this.subscriptions.push(
			this.changeEmitter,
			this.progressEmitter,
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(SETTINGS.workspaceInclude) || e.affectsConfiguration(SETTINGS.workspaceExclude) || e.affectsConfiguration(SETTINGS.files)) {
					this.createWatchers();
					void this.scan(false);
				}
			}),
			vscode.workspace.onDidChangeWorkspaceFolders((e) => {
				for (const folder of e.removed) {
					this.removeUnder(folder.uri);
				}
				this.createWatchers();
				if (e.added.length > 0) {
					void this.scan(false);
				} else {
					this.scheduleFlush();
					this.updateHasDigests();
				}
			}),
			vscode.workspace.onDidCloseTextDocument((doc) => this.documentCache.delete(uriKey(doc.uri))),
		);
		this.createWatchers();
		void this.scan(false);
	}

	get progress(): ScanProgress {
		return this.currentProgress;
	}

	files(): readonly DigestFile[] {
		this.filesCache ??= [...this.entries.values()].map((e) => e.file);
		return this.filesCache;
	}

	get(uri: vscode.Uri): DigestFile | undefined {
		return this.entries.get(uriKey(uri))?.file;
	}

	parseDocument(document: vscode.TextDocument): Digest {
		const key = uriKey(document.uri);
		const cached = this.documentCache.get(key);
		if (cached && cached.version === document.version) {
			return cached.digest;
		}
		const digest = parseDigest(document.getText(), pathOf(document.uri));
		if (!document.isClosed) {
			this.documentCache.set(key, { version: document.version, digest });
		}
		return digest;
	}

	isDigestDocument(document: vscode.TextDocument): boolean {
		if (document.languageId === DIGEST_LANGUAGE_ID) {
			return true;
		}
		if (matchesGlob(relativePathOf(document.uri), this.alwaysGlobs(document.uri))) {
			return true;
		}
		const headLines = Math.min(document.lineCount, 400);
		const head = document.getText(new vscode.Range(0, 0, headLines, 0)).slice(0, DETECT_HEAD_CHARS);
		return looksLikeDigest(head);
	}

	findPaper(id: string): PaperLocation[] {
		const list = this.byId.get(id) ?? this.byId.get(stripVersion(id));
		return list ? [...list].sort(newestFirst) : [];
	}

	resolve(ref: PaperRef): PaperLocation | undefined {
		if (!ref || typeof ref.id !== 'string') {
			return undefined;
		}
		if (ref.uri) {
			const file = this.liveFile(ref.uri) ?? this.entries.get(ref.uri)?.file;
			const found = file && locate(file, ref.id);
			if (found) {
				return found;
			}
		}
		const anywhere = this.findPaper(ref.id)[0];
		if (anywhere) {
			return anywhere;
		}
		// a paper in an open digest that lies outside the workspace (or is untitled)
		for (const doc of vscode.workspace.textDocuments) {
			if (doc.languageId === DIGEST_LANGUAGE_ID && !this.entries.has(uriKey(doc.uri))) {
				const found = locate({ uri: doc.uri, digest: this.parseDocument(doc) }, ref.id);
				if (found) {
					return found;
				}
			}
		}
		return undefined;
	}

	refresh(): Promise<void> {
		return this.scan(true);
	}

	dispose(): void {
		if (this.disposed) {
			return;
		}
		this.disposed = true;
		this.generation++;
		for (const timer of this.eventTimers.values()) {
			clearTimeout(timer);
		}
		this.eventTimers.clear();
		if (this.flushTimer) {
			clearTimeout(this.flushTimer);
		}
		this.disposeWatchers();
		for (const d of this.subscriptions.splice(0)) {
			d.dispose();
		}
		this.resolveCandidates([]);
		this.resolveReady();
	}

	// ---- scanning -------------------------------------------------------------------------

	/**
	 * Find every candidate, drop files no longer matched, then read the rest a few at a time,
	 * yielding to the event loop after each file. `force` re-reads files whose stat is unchanged.
	 */
	private scan(force: boolean): Promise<void> {
		if (this.disposed) {
			return Promise.resolve();
		}
		const generation = ++this.generation;
		const run = this.runScan(generation, force).catch((err) => {
			getLog().error(`arXiv Digest: workspace scan failed: ${errorText(err)}`);
		}).finally(() => {
			if (generation === this.generation) {
				this.finishScan();
			}
		});
		this.inFlightScan = run;
		if (this.options.showProgress && !this.progressVisible) {
			this.progressVisible = true;
			void vscode.window.withProgress(
				{ location: vscode.ProgressLocation.Window, title: 'arXiv Digest' },
				async (reporter) => {
					const sub = this.onDidChangeProgress((p) => {
						if (p.scanning) {
							reporter.report({ message: `reading digests ${p.done}/${p.total}` });
						}
					});
					try {
						// a newer scan supersedes this one: keep the indicator until the last ends
						while (this.inFlightScan && !this.disposed) {
							const current = this.inFlightScan;
							await current;
							if (current === this.inFlightScan) {
								break;
							}
						}
					} finally {
						sub.dispose();
						this.progressVisible = false;
					}
				},
			);
		}
		return run;
	}

	private async runScan(generation: number, force: boolean): Promise<void> {
		this.setProgress({ done: 0, total: 0, scanning: true }, true);
		const candidates = await this.findCandidates();
		if (generation !== this.generation) {
			return;
		}
		for (const key of [...this.entries.keys()]) {
			if (!candidates.has(key)) {
				this.removeEntry(key);
			}
		}
		for (const key of [...this.rejected.keys()]) {
			if (!candidates.has(key)) {
				this.rejected.delete(key);
			}
		}
		const queue = [...candidates.values()];
		this.resolveCandidates(queue.map((c) => c.uri));
		const total = queue.length;
		let done = 0;
		this.setProgress({ done, total, scanning: true }, true);
		const worker = async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				if (generation !== this.generation) {
					return;
				}
				await this.loadFile(next, force, generation);
				done++;
				this.setProgress({ done, total, scanning: true }, false);
				await yieldToEventLoop();
			}
		};
		await Promise.all(Array.from({ length: this.options.readConcurrency }, worker));
	}

	private finishScan(): void {
		this.inFlightScan = undefined;
		const total = this.currentProgress.total;
		this.setProgress({ done: total, total, scanning: false }, true);
		this.flushChanges();
		this.updateHasDigests();
		if (!this.scannedOnce) {
			this.scannedOnce = true;
			this.setContext(CONTEXT_WORKSPACE_SCANNED, true);
			// a first scan that failed before listing files still settles the list
			this.resolveCandidates([]);
			this.resolveReady();
		}
	}

	private async findCandidates(): Promise<Map<string, Candidate>> {
		const out = new Map<string, Candidate>();
		const folders = vscode.workspace.workspaceFolders ?? [];
		const exclude = this.excludeGlob();
		for (const folder of folders) {
			const config = vscode.workspace.getConfiguration(undefined, folder.uri);
			const include = config.get<string>(SETTINGS.workspaceInclude) || DEFAULT_INCLUDE;
			for (const pattern of this.alwaysGlobs(folder.uri)) {
				for (const uri of await this.find(new vscode.RelativePattern(folder, pattern), exclude)) {
					out.set(uriKey(uri), { uri, always: true });
				}
			}
			for (const uri of await this.find(new vscode.RelativePattern(folder, include), exclude)) {
				const key = uriKey(uri);
				if (!out.has(key)) {
					out.set(key, { uri, always: false });
				}
			}
		}
		return out;
	}

	private async find(pattern: vscode.RelativePattern, exclude: string): Promise<vscode.Uri[]> {
		try {
			// an empty exclude setting falls back to the user's files.exclude
			return await vscode.workspace.findFiles(pattern, exclude || undefined);
		} catch (err) {
			getLog().warn(`arXiv Digest: cannot list ${pattern.pattern} in ${pattern.baseUri.toString(true)}: ${errorText(err)}`);
			return [];
		}
	}

	/** Read, detect and parse one file; the store is updated only when the scan is still current. */
	private async loadFile(candidate: Candidate, force: boolean, generation?: number): Promise<void> {
		const { uri, always } = candidate;
		const key = uriKey(uri);
		let stat: vscode.FileStat;
		try {
			stat = await vscode.workspace.fs.stat(uri);
		} catch {
			this.removeEntry(key);
			this.rejected.delete(key);
			return;
		}
		if (stat.type & vscode.FileType.Directory) {
			return;
		}
		const stamp: Stamp = { mtime: stat.mtime, size: stat.size };
		if (!force) {
			const known = this.entries.get(key) ?? (always ? undefined : this.rejected.get(key));
			if (known && known.mtime === stamp.mtime && known.size === stamp.size) {
				return;
			}
		}
		if (!always && stat.size > this.options.maxFileBytes) {
			getLog().info(`arXiv Digest: skipped ${uri.toString(true)}: ${stat.size} bytes is larger than a digest`);
			this.markRejected(key, stamp);
			return;
		}
		let text: string;
		try {
			text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
		} catch (err) {
			getLog().warn(`arXiv Digest: skipped ${uri.toString(true)}: cannot read it: ${errorText(err)}`);
			return;
		}
		if (this.disposed || (generation !== undefined && generation !== this.generation)) {
			return;
		}
		if (!always && !looksLikeDigest(text.slice(0, DETECT_HEAD_CHARS))) {
			this.markRejected(key, stamp);
			return;
		}
		let digest: Digest;
		try {
			digest = parseDigest(text, pathOf(uri));
		} catch (err) {
			getLog().error(`arXiv Digest: skipped ${uri.toString(true)}: the parser failed: ${errorText(err)}`);
			return;
		}
		this.rejected.delete(key);
		this.setEntry(key, { file: { uri, digest }, ...stamp });
	}

	private markRejected(key: string, stamp: Stamp): void {
		this.rejected.set(key, stamp);
		this.removeEntry(key);
	}

	// ---- the store ------------------------------------------------------------------------

	private setEntry(key: string, entry: Entry): void {
		const existed = this.entries.has(key);
		if (existed) {
			this.unindex(key);
		}
		this.entries.set(key, entry);
		this.filesCache = undefined;
		entry.file.digest.papers.forEach((paper, index) => {
			const list = this.byId.get(paper.id);
			const location: PaperLocation = { file: entry.file, paper, index };
			if (list) {
				list.push(location);
			} else {
				this.byId.set(paper.id, [location]);
			}
		});
		this.queueChange(entry.file.uri, existed ? 'changed' : 'added');
	}

	private removeEntry(key: string): void {
		const entry = this.entries.get(key);
		if (!entry) {
			return;
		}
		this.unindex(key);
		this.entries.delete(key);
		this.filesCache = undefined;
		this.queueChange(entry.file.uri, 'removed');
	}

	private unindex(key: string): void {
		const entry = this.entries.get(key);
		if (!entry) {
			return;
		}
		for (const paper of entry.file.digest.papers) {
			const list = this.byId.get(paper.id);
			if (!list) {
				continue;
			}
			const kept = list.filter((l) => l.file !== entry.file);
			if (kept.length > 0) {
				this.byId.set(paper.id, kept);
			} else {
				this.byId.delete(paper.id);
			}
		}
	}

	/** Drop every file at or below `uri` (a deleted folder, a removed workspace folder). */
	private removeUnder(uri: vscode.Uri): void {
		const key = uriKey(uri);
		const prefix = key.endsWith('/') ? key : `${key}/`;
		for (const k of [...this.entries.keys()]) {
			if (k === key || k.startsWith(prefix)) {
				this.removeEntry(k);
			}
		}
		for (const k of [...this.rejected.keys()]) {
			if (k === key || k.startsWith(prefix)) {
				this.rejected.delete(k);
			}
		}
	}

	private liveFile(uriString: string): DigestFile | undefined {
		const doc = vscode.workspace.textDocuments.find((d) => uriKey(d.uri) === uriString);
		// the saved file is already parsed; only unsaved edits need the live text
		if (!doc || (!doc.isDirty && this.entries.has(uriString))) {
			return undefined;
		}
		return { uri: doc.uri, digest: this.parseDocument(doc) };
	}

	// ---- change events ---------------------------------------------------------------------

	private queueChange(uri: vscode.Uri, kind: DigestWorkspaceChange['kind']): void {
		const key = uriKey(uri);
		const before = this.pendingChanges.get(key);
		// the listener has not seen the add yet, so a later change is still an add
		const merged = before?.kind === 'added' && kind === 'changed' ? 'added' : before?.kind === 'removed' && kind === 'added' ? 'changed' : kind;
		this.pendingChanges.set(key, { uri, kind: merged });
		this.scheduleFlush();
	}

	private scheduleFlush(): void {
		if (this.flushTimer || this.disposed) {
			return;
		}
		this.flushTimer = setTimeout(() => this.flushChanges(), this.currentProgress.scanning ? SCAN_FLUSH_MS : CHANGE_FLUSH_MS);
	}

	private flushChanges(): void {
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
		const batch = [...this.pendingChanges.values()];
		this.pendingChanges.clear();
		this.changeEmitter.fire(batch);
		if (!this.currentProgress.scanning) {
			this.updateHasDigests();
		}
	}

	private setProgress(progress: ScanProgress, always: boolean): void {
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

	private updateHasDigests(): void {
		const has = this.entries.size > 0;
		if (has !== this.hasDigestsContext) {
			this.hasDigestsContext = has;
			this.setContext(CONTEXT_HAS_DIGESTS, has);
		}
	}

	private setContext(key: string, value: boolean): void {
		if (this.options.setContextKeys && !this.disposed) {
			void vscode.commands.executeCommand('setContext', key, value);
		}
	}

	// ---- watching ------------------------------------------------------------------------

	private createWatchers(): void {
		this.disposeWatchers();
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			const config = vscode.workspace.getConfiguration(undefined, folder.uri);
			const patterns = new Set([config.get<string>(SETTINGS.workspaceInclude) || DEFAULT_INCLUDE, ...this.alwaysGlobs(folder.uri)]);
			for (const pattern of patterns) {
				const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
				watcher.onDidCreate((uri) => this.onFileEvent(uri));
				watcher.onDidChange((uri) => this.onFileEvent(uri));
				watcher.onDidDelete((uri) => this.onFileEvent(uri));
				this.watchers.push(watcher);
			}
			// A deleted or moved folder is reported as one event for the folder itself, which
			// the file globs above do not match.
			const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
			folders.onDidCreate((uri) => this.onFolderEvent(uri));
			folders.onDidDelete((uri) => this.onFolderEvent(uri));
			this.watchers.push(folders);
		}
	}

	private disposeWatchers(): void {
		for (const w of this.watchers.splice(0)) {
			w.dispose();
		}
	}

	/** Debounced per URI: a save, a git checkout or an editor's rename each end in one read. */
	private onFileEvent(uri: vscode.Uri): void {
		this.debounce(uri, () => this.handleFileEvent(uri));
	}

	private onFolderEvent(uri: vscode.Uri): void {
		const key = uriKey(uri);
		const knownBelow = [...this.entries.keys()].some((k) => k.startsWith(`${key}/`));
		if (!knownBelow) {
			// only new folders can matter here; skip files and folders that are never scanned
			const exclude = this.excludeGlob();
			const probe = `${relativePathOf(uri)}/probe.md`;
			if (/\.[^/]{1,8}$/.test(uri.path) || /(^|\/)\.git(\/|$)/.test(uri.path) || (exclude && matchesGlob(probe, [exclude]))) {
				return;
			}
		}
		this.debounce(uri, () => this.handleFolderEvent(uri), `folder:${key}`);
	}

	private debounce(uri: vscode.Uri, run: () => Promise<void>, key = uriKey(uri)): void {
		if (this.disposed) {
			return;
		}
		const previous = this.eventTimers.get(key);
		if (previous) {
			clearTimeout(previous);
		}
		this.eventTimers.set(key, setTimeout(() => {
			this.eventTimers.delete(key);
			run().catch((err) => getLog().error(`arXiv Digest: failed to update ${uri.toString(true)}: ${errorText(err)}`));
		}, this.options.debounceMs));
	}

	private async handleFileEvent(uri: vscode.Uri): Promise<void> {
		if (this.disposed) {
			return;
		}
		const candidate = this.candidateFor(uri);
		if (!candidate) {
			this.removeEntry(uriKey(uri));
			return;
		}
		await this.loadFile(candidate, true);
		this.scheduleFlush();
	}

	private async handleFolderEvent(uri: vscode.Uri): Promise<void> {
		let stat: vscode.FileStat | undefined;
		try {
			stat = await vscode.workspace.fs.stat(uri);
		} catch {
			stat = undefined;
		}
		if (!stat) {
			this.removeUnder(uri);
			this.scheduleFlush();
			return;
		}
		if (!(stat.type & vscode.FileType.Directory)) {
			return;
		}
		// a folder moved or copied in: its files may not get events of their own
		const folder = vscode.workspace.getWorkspaceFolder(uri);
		if (!folder) {
			return;
		}
		// list everything below it and let candidateFor apply the folder-relative globs
		const found = await this.find(new vscode.RelativePattern(uri, '**/*'), this.excludeGlob());
		for (const file of found) {
			const candidate = this.candidateFor(file);
			if (candidate && !this.entries.has(uriKey(file))) {
				await this.loadFile(candidate, false);
				await yieldToEventLoop();
			}
		}
		this.scheduleFlush();
	}

	/** Is this file in scope (include minus exclude, or an always-digest glob)? */
	private candidateFor(uri: vscode.Uri): Candidate | undefined {
		const folder = vscode.workspace.getWorkspaceFolder(uri);
		if (!folder) {
			return undefined;
		}
		const relative = relativePathOf(uri);
		if (matchesGlob(relative, this.alwaysGlobs(folder.uri))) {
			return { uri, always: true };
		}
		const config = vscode.workspace.getConfiguration(undefined, folder.uri);
		const include = config.get<string>(SETTINGS.workspaceInclude) || DEFAULT_INCLUDE;
		const exclude = this.excludeGlob();
		if (!matchesGlob(relative, [include]) || (exclude && matchesGlob(relative, [exclude]))) {
			return undefined;
		}
		return { uri, always: false };
	}

	private alwaysGlobs(scope: vscode.Uri | undefined): string[] {
		const globs = vscode.workspace.getConfiguration(undefined, scope).get<unknown>(SETTINGS.files);
		return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim().length > 0) : [];
	}

	private excludeGlob(): string {
		const value = vscode.workspace.getConfiguration().get<string>(SETTINGS.workspaceExclude);
		return typeof value === 'string' ? value : DEFAULT_EXCLUDE;
	}
}

function locate(file: DigestFile, id: string): PaperLocation | undefined {
	let index = file.digest.papers.findIndex((p) => p.id === id);
	if (index < 0) {
		const bare = stripVersion(id);
		index = file.digest.papers.findIndex((p) => p.id === bare);
	}
	return index < 0 ? undefined : { file, paper: file.digest.papers[index], index };
}

function stripVersion(id: string): string {
	return id.replace(/v\d+$/, '');
}

/** Newest day first; files without a day last; then by label so the order is stable. */
export function newestFirst(a: PaperLocation, b: PaperLocation): number {
	const da = a.file.digest.day;
	const db = b.file.digest.day;
	if (da !== db) {
		if (da === undefined) {
			return 1;
		}
		if (db === undefined) {
			return -1;
		}
		return da < db ? 1 : -1;
	}
	return a.file.digest.label.localeCompare(b.file.digest.label) || a.index - b.index;
}

function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

function errorText(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
