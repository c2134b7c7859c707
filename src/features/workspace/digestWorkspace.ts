/**
 * Every digest file in the workspace as the index side reports it: the workspace lists candidate
 * files and follows file events, the corpus shards (worker threads, see ./corpus.ts) read, detect
 * and parse them and send back a compact summary of each. The extension host never reads a closed
 * digest; on a warm start it parses the summaries the shards' caches hold (showKnown: what they
 * would send), it parses only open documents (./documents.ts), and asks the shards for a paper's
 * full text when a card needs it. The shards start only once there is a digest: until then this
 * thread reads the heads of the candidates itself (./heads.ts), so a workspace of ordinary notes
 * starts no worker; they end when the last digest is gone. Nothing here ever writes a file.
 */
import * as vscode from 'vscode';
import type { DocumentView } from '../../core/documentView';
import type { Digest } from '../../core/model';
import { scanPhase, type ScanPhase } from '../../core/scanStatus';
import { summaryOf } from '../../core/corpus/records';
import type { DigestSummary } from '../../core/summary';
import { pacedTasks } from '../../core/search/client';
import type { CacheProblem, FileUpdate } from '../../core/search/protocol';
import { findPaperIndex } from '../../core/tree';
import { yieldThread } from '../host';
import { isDigestDocument } from '../language';
import { errorText, getLog } from '../log';
import { DIGEST_LANGUAGE_ID, SETTINGS } from '../settings';
import { uriKey } from '../vsc-utils';
import { ChangeBatcher } from './changeBatch';
import { OpenDocuments } from './documents';
import { createCorpusBackend, readKnownSummaries, rememberDigests, rememberedDigests, storageHadDigests, type CorpusBackend, type KnownSummaries } from './corpus';
import { firstDigest, JudgedHeads, type HeadCount } from './heads';
import { candidateFor, excludeGlob, findCandidates, findFiles, folderMayHoldCandidates, quickCandidates, type Candidate } from './scope';
import { DigestStore, locate } from './store';
import { WorkspaceWatchers } from './watchers';
import type {
	DigestFile,
	IDigestWorkspace,
	LoadedPaper,
	PaperLocation,
	PaperRef,
	ScanProgress,
} from './types';
import { showWarningMessage } from '../messages';

export const CONTEXT_HAS_DIGESTS = 'arxivDigest.hasDigests';
export const CONTEXT_WORKSPACE_SCANNED = 'arxivDigest.workspaceScanned';

export interface DigestWorkspaceOptions {
	/** quiet time per URI before a file event is handled (ms) */
	readonly debounceMs?: number;
	/** set the `arxivDigest.*` context keys (tests may turn this off) */
	readonly setContextKeys?: boolean;
}

/**
 * The slice of this thread a run of updates takes before giving it back: a warm start applied its 167
 * cached summaries (~80 ms when their papers were parsed with them; their heads alone now take
 * ~10 ms) while the editor's own start keeps the thread busy, and each turn given back cost the next
 * slice a wait of 30–40 ms (all applied 460 → 250 ms after the first, 8 → 20 ms).
 */
const UPDATE_SLICE_MS = 20;
export class DigestWorkspace implements IDigestWorkspace {
	/** A workspace that has started (see start). */
	static create(context: vscode.ExtensionContext, options: DigestWorkspaceOptions = {}, firstScanAfter?: Promise<void>): DigestWorkspace {
		const workspace = new DigestWorkspace(context, options);
		workspace.start(firstScanAfter);
		return workspace;
	}

	/** the change and progress events, batched (./changeBatch.ts); a flush outside a scan updates the context key */
	private readonly changes = new ChangeBatcher(() => this.updateHasDigests());
	readonly onDidChange = this.changes.onDidChange;
	readonly onDidChangeProgress = this.changes.onDidChangeProgress;
	readonly ready: Promise<void>;
	private resolveReady!: () => void;

	private readonly options: Required<DigestWorkspaceOptions>;
	/** the digest files and their papers by id (./store.ts), each change told to the batching */
	private readonly store = new DigestStore((uri, kind) => this.changes.queueChange(uri, kind));
	/** the open digest documents, parsed by version (./documents.ts) */
	private readonly documents = new OpenDocuments(() => this.backend());

	private backendValue: CorpusBackend | undefined;
	private readonly backendWaiters: ((b: CorpusBackend | undefined) => void)[] = [];

	/**
	 * The shards' file updates and the summaries this thread read from their caches (showKnown): in
	 * order, UPDATE_SLICE_MS of the thread at a time.
	 */
	private readonly updates = pacedTasks(UPDATE_SLICE_MS);

	private generation = 0;
	private started = false;
	private scannedOnce = false;
	private disposed = false;
	private hasDigestsContext: boolean | undefined;
	private inFlightScan: Promise<void> | undefined;
	/** a digest turned up in a workspace without shards: the next scan starts them without looking at heads again */
	private digestFound = false;
	/** the shards started in activation, and what their caches held read then (`done` once read and checked): the first scan shows it (see startBeforeListing) */
	private knownFirst: KnownFirst | undefined;
	/** candidates read whole (a virtual or remote folder) and judged no digest in an earlier scan or session */
	private judgedValue: JudgedHeads | undefined;
	private get judged(): JudgedHeads {
		return (this.judgedValue ??= new JudgedHeads(this.context.workspaceState));
	}
	/** when the turn that runs the first scan began (see startBeforeListing); 0 until then */
	private firstScanTurn = 0;
	/**
	 * The last scan: the candidates its listing found, the heads this thread read looking for a
	 * digest (none once the shards run: they read), whether the shards run, how many digests this
	 * thread showed from the shards' caches before their open (a warm start), and how many file
	 * updates (a summary, or a file taken back) the shards sent until the scan's end. For the bench and tests.
	 */
	scanStats: { candidates: number; headsRead: number; shards: boolean; knownShown: number; fromShards: number } = { candidates: 0, headsRead: 0, shards: false, knownShown: 0, fromShards: 0 };
	/**
	 * File events waiting for their quiet time or being handled, until what the shards sent back for
	 * them is applied: for tests, which wait for none before they count what a scan's shards send.
	 */
	get fileEventsUnsettled(): number {
		return this.watchers.unsettled;
	}
	/** this scan's knownShown and fromShards (see scanStats) */
	private knownShown = 0;
	private fromShards = 0;

	/** the cache messages shown this session (each kind once), for the real-editor tests */
	readonly cacheNotices: string[] = [];
	private readonly cacheProblemsShown = new Set<CacheProblem['kind']>();

	/** the file-system watchers, their events debounced per URI (./watchers.ts) */
	private readonly watchers: WorkspaceWatchers;
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(
		private readonly context: vscode.ExtensionContext,
		options: DigestWorkspaceOptions = {},
	) {
		this.options = {
			debounceMs: options.debounceMs ?? 100,
			setContextKeys: options.setContextKeys ?? true,
		};
		this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
		this.watchers = new WorkspaceWatchers(this.options.debounceMs, {
			file: (uri) => this.handleFileEvent(uri),
			folder: (uri) => this.handleFolderEvent(uri),
			folderMatters: (uri) => this.folderMatters(uri),
		});
	}

	/**
	 * Start the index shards of a workspace that had digests, then watch and run the first scan a
	 * macrotask after `firstScanAfter` (the features' registration: none misses the scan's changes);
	 * `create` calls this.
	 */
	start(firstScanAfter: Promise<void> = Promise.resolve()): void {
		if (this.started || this.disposed) {
			return;
		}
		this.started = true;
		this.subscriptions.push(
			// before the first scan (which reads the settings and folders as they are then), nothing to redo
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (this.firstScanTurn === 0) return;
				// what decides which files are digests, the editor's excludes included (the first scan applies them)
				const scope = [SETTINGS.workspaceInclude, SETTINGS.workspaceExclude, SETTINGS.files, SETTINGS.detect, 'files.exclude', 'search.exclude'];
				if (scope.some((setting) => e.affectsConfiguration(setting))) {
					this.watchers.watch();
					void this.scan();
				}
			}),
			vscode.workspace.onDidChangeWorkspaceFolders(() => {
				if (this.firstScanTurn === 0) return;
				this.watchers.watch();
				void this.scan();
			}),
			// a document the language feature recognised as a digest, in a workspace that found none so far
			// (the file watcher may not report it: files.watcherExclude, a file written before the watcher started)
			vscode.workspace.onDidOpenTextDocument((doc) => {
				if (doc.languageId === DIGEST_LANGUAGE_ID && !this.backendValue && this.scannedOnce && !this.store.has(uriKey(doc.uri))) this.watchers.fileEvent(doc.uri);
			}),
		);
		// a workspace that had digests last session starts its index workers now, not with the first
		// scan after activation's slices (a worker boots in ~60 ms of a core, ~250 ms while the editor starts
		// on two cores, before it reads its caches: the head of a warm start's path), and reads what
		// their caches hold for the tree (readKnownSummaries: one read and a checksum), which the
		// first scan shows
		if (rememberedDigests(this.context) === true) {
			const first: KnownFirst = { read: readKnown(this.ensureBackend(workspaceFolderUris())), done: false };
			void first.read.then(() => (first.done = true));
			this.knownFirst = first;
		}
		// past activation: the first resource-scoped configuration read (the globs) makes the editor
		// merge every folder's settings, tens of ms that need not block the extension's activation
		void firstScanAfter.then(yieldThread).then(() => {
			if (this.disposed) return;
			this.firstScanTurn = Date.now();
			this.watchers.watch();
			void this.scan();
		});
	}

	get progress(): ScanProgress {
		return this.changes.progress;
	}

	get scanPhase(): ScanPhase {
		return scanPhase(this.changes.progress, this.store.size);
	}

	/** The corpus shards, once the workspace has a digest (never started in a workspace without any). */
	backend(): Promise<CorpusBackend | undefined> {
		if (this.backendValue || this.scannedOnce || this.disposed) return Promise.resolve(this.backendValue);
		return new Promise((resolve) => this.backendWaiters.push(resolve));
	}

	files(): readonly DigestFile[] {
		return this.store.files();
	}

	get(uri: vscode.Uri): DigestFile | undefined {
		return this.store.get(uriKey(uri));
	}

	parseDocument(document: vscode.TextDocument): Digest {
		return this.documents.parse(document);
	}

	documentView(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentView | undefined> {
		return this.documents.view(document, token);
	}

	isDigestDocument(document: vscode.TextDocument): boolean {
		return isDigestDocument(document);
	}

	findPaper(id: string): PaperLocation[] {
		return this.store.findPaper(id);
	}

	resolve(ref: PaperRef): PaperLocation | undefined {
		if (!ref || typeof ref.id !== 'string') {
			return undefined;
		}
		if (ref.uri) {
			const file = this.liveFile(ref.uri) ?? this.store.get(ref.uri);
			const found = file && locate(file, ref.id, ref.index);
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
			if (doc.languageId === DIGEST_LANGUAGE_ID && !this.store.has(uriKey(doc.uri))) {
				const found = locate({ uri: doc.uri, digest: this.parseDocument(doc) }, ref.id, ref.index);
				if (found) {
					return found;
				}
			}
		}
		return undefined;
	}

	async loadPaper(location: PaperLocation): Promise<LoadedPaper | undefined> {
		// an open digest's live text (unsaved edits included) has every field already
		const live = this.liveFile(uriKey(location.file.uri));
		if (live) {
			const digest = live.digest;
			const index = findPaperIndex(digest, location.paper.id, location.index);
			return index === undefined ? undefined : { paper: digest.papers[index], day: digest.day, label: digest.label, index };
		}
		const backend = await this.backend();
		if (!backend) return undefined;
		try {
			return await backend.service.paper(backend.keyOf(location.file.uri), location.paper.id, location.index);
		} catch (err) {
			getLog().warn(`arXiv Digest: cannot read ${location.paper.id} from ${location.file.uri.toString(true)}: ${errorText(err)}`);
			return undefined;
		}
	}

	refresh(): Promise<void> {
		return this.scan();
	}

	dispose(): void {
		if (this.disposed) {
			return;
		}
		this.disposed = true;
		this.generation++;
		this.watchers.dispose();
		this.changes.dispose();
		this.documents.dispose();
		for (const d of this.subscriptions.splice(0)) {
			d.dispose();
		}
		this.backendValue?.service.dispose();
		this.settleBackend();
		this.resolveReady();
	}

	// ---- scanning -------------------------------------------------------------------------

	/** List every candidate, drop files no longer matched, and hand the list to the shards. */
	private scan(): Promise<void> {
		if (this.disposed) {
			return Promise.resolve();
		}
		const generation = ++this.generation;
		const run = this.runScan(generation).catch((err) => {
			getLog().error(`arXiv Digest: workspace scan failed: ${errorText(err)}`);
		}).finally(() => {
			if (generation === this.generation) {
				this.finishScan();
			}
		});
		this.inFlightScan = run;
		return run;
	}

	private async runScan(generation: number): Promise<void> {
		this.changes.scanStarted();
		this.knownShown = 0;
		this.fromShards = 0;
		this.changes.setProgress({ done: 0, total: 0, scanning: true }, true);
		// a workspace with digests (shards running, or digests last session) is listed by directory
		// reads on this thread, which need not wait for the editor's search process; any other by that
		// process (a repository of notes costs this thread nothing)
		const remembered = this.digestFound || rememberedDigests(this.context);
		const listing = findCandidates(this.backendValue !== undefined || remembered === true);
		const count: HeadCount = { headsRead: 0 };
		// the shards started in activation (see start) still get the caches' summaries shown by the first scan
		const knownFirst = this.knownFirst;
		this.knownFirst = undefined;
		const checked = this.backendValue && !knownFirst ? undefined : await this.startBeforeListing(generation, count, remembered, knownFirst);
		const candidates = await listing;
		if (generation !== this.generation) {
			return;
		}
		// after the updates queued before it: a file a warm start showed from the caches and no longer
		// listed goes too. Not waited for: the shards' open (the index current) need not wait for this
		// thread to parse the cached summaries, and what they send back queues behind it
		void this.afterUpdates(() => {
			if (generation !== this.generation) return;
			for (const key of [...this.store.keys()]) {
				if (!candidates.has(key)) {
					this.store.remove(key);
				}
			}
		});
		if (!this.backendValue && !this.digestFound) {
			// no shards yet: they start only for a digest, which this thread looks for in the heads of
			// the candidates (those the first look read need not be read again)
			const unread = [...candidates].filter(([key]) => !checked?.has(key)).map(([, c]) => c);
			const digest = await firstDigest(unread, () => generation !== this.generation || this.disposed, count, this.judged);
			if (generation === this.generation) void this.judged.save(new Set([...candidates.values()].map((c) => c.uri.toString())));
			this.scanStats = { candidates: candidates.size, headsRead: count.headsRead, shards: false, knownShown: this.knownShown, fromShards: 0 };
			if (!digest || generation !== this.generation) return;
		}
		this.digestFound = false;
		this.scanStats = { candidates: candidates.size, headsRead: count.headsRead, shards: true, knownShown: this.knownShown, fromShards: 0 };
		const backend = this.ensureBackend([...candidates.values()].map((c) => c.uri));
		const total = candidates.size;
		this.changes.setProgress({ done: 0, total, scanning: true }, true);
		const opened = backend.service.open([...candidates.values()].map((c) => ({ path: backend.keyOf(c.uri), always: c.always })));
		// the tree is complete once every file's summary is in; the index is built after
		await Promise.race([opened, backend.service.filesReady]).catch((err) => {
			getLog().error(`arXiv Digest: the index could not read the workspace: ${errorText(err)}`);
		});
		// the shards' answer comes by another queue than their summaries: the scan ends once those are in
		await this.afterUpdates();
		this.scanStats.fromShards = this.fromShards;
		// shards that found no digest (an earlier session's digests deleted since) end once their open
		// has saved what they learnt; a digest added later starts them again (sendToShard)
		void opened.then(
			() =>
				this.afterUpdates(() => {
					if (generation === this.generation && this.backendValue === backend && this.store.size === 0 && !this.disposed) this.stopBackend();
				}),
			() => undefined,
		);
	}

	/** Resolves once every update queued before it is applied, after running `then` (if any) in that order. */
	private afterUpdates(then?: () => void): Promise<void> {
		return new Promise((resolve) =>
			this.updates(() => {
				try {
					then?.();
				} finally {
					resolve();
				}
			}),
		);
	}

	/** After a file event (no scan under way, no other event waiting): the last digest gone, the shards end. */
	private stopIfNoDigest(): void {
		if (this.store.size === 0 && !this.inFlightScan && this.watchers.pending === 0 && this.backendValue) this.stopBackend();
	}

	/** Ends the shards (their workers); the workspace is then as one that never started them. */
	private stopBackend(): void {
		const backend = this.backendValue;
		if (!backend) return;
		getLog().info('arXiv Digest: no digest in this workspace; the index stops until one is added');
		this.backendValue = undefined;
		backend.service.dispose();
	}

	/**
	 * The listing of the workspace takes 0.3–0.5 s; the index starts before it ends. A workspace that
	 * had digests last session (rememberedDigests) starts its workers at once: they decode their caches
	 * meanwhile, and the tree shows the last session's days, which this thread reads from the caches
	 * itself where they are local files (readKnownSummaries; the workers send them elsewhere). On a first start a first look where digests
	 * usually are (quickCandidates: a few directory reads) has the workers read those files meanwhile.
	 * The open after the listing corrects what differs and reads only the rest. A workspace that had
	 * none last session waits for the listing.
	 */
	private async startBeforeListing(generation: number, count: HeadCount, remembered: boolean | undefined, knownFirst?: KnownFirst): Promise<ReadonlySet<string> | undefined> {
		const warn = (what: string) => (err: unknown) => getLog().warn(`arXiv Digest: ${what}: ${errorText(err)}`);
		// the workers read the workspace folders' files (their schemes say which workers)
		const folders = workspaceFolderUris();
		// the burst of summaries these send goes to the views as soon as it ends, not a scan's
		// next SCAN_FLUSH_MS later (their answers come after the summaries they sent)
		const shown = () => this.changes.flushChanges();
		// neither is awaited: the scan's open goes on as soon as the listing ends
		const readAhead = (backend: CorpusBackend, quick: Map<string, Candidate>) =>
			backend.service.readAhead([...quick.values()].map((c) => ({ path: backend.keyOf(c.uri), always: c.always }))).then(shown, warn('the first digests could not be read ahead'));
		// none last session (a repository of notes): the listing decides, and no worker starts before it
		if (remembered === false) return;
		// a first start (nothing remembered) asks the storage folder, a few round trips, while it looks
		const look = () =>
			quickCandidates().catch((err) => {
				warn('the first look at the workspace failed (the listing will find the digests)')(err);
				return new Map<string, Candidate>();
			});
		const first = remembered === undefined ? look() : undefined;
		if (remembered || (await storageHadDigests(this.context))) {
			if (generation !== this.generation) return;
			const backend = this.ensureBackend(folders);
			// this thread reads what the caches hold while the workers start; told before their open, they send only the rest
			const checkedBefore = knownFirst?.done === true;
			const known = await (knownFirst?.read ?? readKnown(backend));
			// the thread back between the caches' checksum and the first slice of summaries parsed, unless an
			// earlier turn checked them (activation's read, the usual case): a turn of a thread the editor's
			// start keeps busy cost the tree 20–240 ms there. The first slice then counts from the start of
			// this turn, the first scan's (the globs read from the settings: 10–74 ms traced)
			if (known && !checkedBefore) await yieldThread();
			if (generation !== this.generation || this.backendValue !== backend) return;
			if (known) this.showKnown(backend, known.files, checkedBefore ? this.firstScanTurn : undefined);
			this.knownShown = known?.files.length ?? 0;
			backend.service.sendKnown(known?.shown).then(async (sent) => {
				if (sent > 0) return shown();
				// no cache to show (removed, or of an older format): a first look, as a first start has
				const quick = await (first ?? look());
				if (generation === this.generation) await readAhead(backend, quick);
			}, warn("the last session's files could not be shown early"));
			return;
		}
		const quick = await (first ?? look());
		if (generation !== this.generation || quick.size === 0 || this.backendValue) return;
		// the shards start for a digest only: a first head that is one (a digest folder's first file) decides at once
		const digest = await firstDigest([...quick.values()], () => generation !== this.generation || this.disposed, count, this.judged);
		if (generation !== this.generation || this.backendValue) return;
		if (!digest) return new Set(quick.keys());
		void readAhead(this.ensureBackend(folders), quick);
		return undefined;
	}

	private ensureBackend(uris: readonly vscode.Uri[]): CorpusBackend {
		if (this.backendValue) return this.backendValue;
		const backend = createCorpusBackend(this.context, uris);
		this.backendValue = backend;
		// a stopped backend's last words are dropped: the next scan says what holds
		backend.service.onFiles((files) => this.updates(() => this.backendValue === backend && this.applyFileUpdates(backend, files)));
		backend.service.onCacheProblem((problem, shard) => this.onCacheProblem(problem, shard));
		backend.service.onProgress((p) => {
			if (p.phase === 'files' && this.changes.progress.scanning) {
				// `total` counts files the shards had to read; the rest came from their cache
				const total = this.changes.progress.total;
				this.changes.setProgress({ done: Math.min(total, Math.max(0, total - p.total) + p.done), total, scanning: true }, false);
			}
		});
		this.settleBackend();
		return backend;
	}

	/**
	 * A shard could not use its cache. Damage and failed writes are said once a session (every shard
	 * and every restarted worker reports its own); an older format after an update is only logged.
	 */
	private onCacheProblem(problem: CacheProblem, shard: number): void {
		getLog().warn(`arXiv Digest: shard ${shard}: ${problem.cache} cache ${problem.kind}${problem.detail ? `: ${problem.detail}` : ''}`);
		if (problem.kind === 'outdated' || this.cacheProblemsShown.has(problem.kind) || this.disposed) return;
		this.cacheProblemsShown.add(problem.kind);
		const message =
			problem.kind === 'corrupt'
				? vscode.l10n.t('arXiv Digest: the search index cache was damaged. It is being rebuilt from your digests; search is complete again when that ends.')
				: vscode.l10n.t('arXiv Digest cannot save its search index cache (the workspace storage folder is read-only or full). Everything keeps working without it, but every start reads all digests again.');
		this.cacheNotices.push(message);
		void showWarningMessage(message);
	}

	private settleBackend(): void {
		for (const resolve of this.backendWaiters.splice(0)) resolve(this.backendValue);
	}

	/**
	 * The summaries the caches held (readKnownSummaries), one file per task, newest day first: parsed
	 * here a slice at a time, ahead of every update the shards send later (the same queue).
	 * `turnStartedAt`: when the calling turn began, where it did work of its own before (see pacedTasks).
	 */
	private showKnown(backend: CorpusBackend, files: KnownSummaries['files'], turnStartedAt?: number): void {
		for (const { path, record } of files) {
			this.updates(() => {
				if (this.backendValue !== backend || this.disposed) return;
				let summary: DigestSummary | undefined;
				try {
					summary = summaryOf(record);
				} catch {
					// text the checksum passed that is no summary (no shard writes one): left out, as a damaged message's entry is
				}
				if (summary) this.applyFileUpdates(backend, [{ path, summary }], false);
			}, turnStartedAt);
		}
		this.updates(() => this.changes.flushChanges());
	}

	private applyFileUpdates(backend: CorpusBackend, files: readonly FileUpdate[], fromShards = true): void {
		if (this.disposed) return;
		if (fromShards) this.fromShards += files.length;
		for (const update of files) {
			const uri = backend.uriOf(update.path);
			const key = uriKey(uri);
			if (update.summary) this.store.set(key, { uri, digest: update.summary });
			else this.store.remove(key);
		}
	}

	private finishScan(): void {
		this.inFlightScan = undefined;
		const total = this.changes.progress.total;
		this.changes.setProgress({ done: total, total, scanning: false }, true);
		this.changes.flushChanges();
		this.updateHasDigests();
		if (!this.scannedOnce) {
			this.scannedOnce = true;
			this.settleBackend();
			this.setContext(CONTEXT_WORKSPACE_SCANNED, true);
			this.resolveReady();
		}
	}

	private liveFile(uriString: string): { uri: vscode.Uri; digest: Digest } | undefined {
		const doc = vscode.workspace.textDocuments.find((d) => uriKey(d.uri) === uriString);
		// an open digest is parsed anyway (outline, CodeLens): its live text is the truth, with every field
		return doc && (doc.languageId === DIGEST_LANGUAGE_ID || this.store.has(uriString)) ? { uri: doc.uri, digest: this.parseDocument(doc) } : undefined;
	}

	/** After a scan or a flush of file events: the context key, and what the next session remembers (rememberedDigests). */
	private updateHasDigests(): void {
		const has = this.store.size > 0;
		if (has !== this.hasDigestsContext) {
			this.hasDigestsContext = has;
			this.setContext(CONTEXT_HAS_DIGESTS, has);
			rememberDigests(this.context, has);
		}
	}

	private setContext(key: string, value: boolean): void {
		if (this.options.setContextKeys && !this.disposed) {
			void vscode.commands.executeCommand('setContext', key, value);
		}
	}

	// ---- file events ---------------------------------------------------------------------

	private folderMatters(uri: vscode.Uri): boolean {
		const key = uriKey(uri);
		const knownBelow = [...this.store.keys()].some((k) => k.startsWith(`${key}/`));
		// only new folders can matter here; skip files and folders that are never scanned
		return knownBelow || folderMayHoldCandidates(uri);
	}

	/** Hands one changed, created or deleted file to its shard; its summary comes back as an event. */
	private async handleFileEvent(uri: vscode.Uri): Promise<void> {
		if (this.disposed) {
			return;
		}
		const candidate = candidateFor(uri);
		await this.sendToShard(uri, candidate);
		// handled once what the shards sent back for it is applied (fileEventsUnsettled)
		await this.afterUpdates();
	}

	private async sendToShard(uri: vscode.Uri, candidate: Candidate | undefined): Promise<void> {
		const key = uriKey(uri);
		if (!candidate) {
			this.store.remove(key);
			if (this.backendValue) await this.backendValue.service.remove(this.backendValue.keyOf(uri));
			this.stopIfNoDigest();
			return;
		}
		if (!this.backendValue) {
			// no shards yet: a file that is no digest either changes nothing; the first digest starts
			// them with a scan, which gives them every candidate of the workspace
			if (!(await firstDigest([candidate], () => this.disposed, undefined, this.judged)) || this.backendValue || this.disposed) return;
			this.digestFound = true;
			await this.scan();
			return;
		}
		const backend = this.backendValue;
		try {
			await backend.service.update({ path: backend.keyOf(uri), always: candidate.always });
		} catch (err) {
			// the shards ended meanwhile, the last digest gone as this one came (a rename, a checkout,
			// a digest written while the first open finished): this file starts them again
			if (this.backendValue !== backend && !this.disposed) return this.sendToShard(uri, candidate);
			throw err;
		}
		this.updateHasDigests();
		this.stopIfNoDigest();
	}

	private async handleFolderEvent(uri: vscode.Uri): Promise<void> {
		let stat: vscode.FileStat | undefined;
		try {
			stat = await vscode.workspace.fs.stat(uri);
		} catch {
			stat = undefined;
		}
		if (!stat) {
			const removed = this.store.removeUnder(uri);
			const backend = this.backendValue;
			if (backend) for (const file of removed) void backend.service.remove(backend.keyOf(file.uri)).catch(() => undefined);
			this.changes.scheduleFlush();
			this.stopIfNoDigest();
			return;
		}
		if (!(stat.type & vscode.FileType.Directory) || !vscode.workspace.getWorkspaceFolder(uri)) {
			return;
		}
		// a folder moved or copied in: its files may not get events of their own
		const found = await findFiles(new vscode.RelativePattern(uri, '**/*'), excludeGlob());
		for (const file of found) {
			const candidate = candidateFor(file);
			if (candidate && !this.store.has(uriKey(file))) {
				await this.sendToShard(file, candidate);
			}
		}
	}
}

/** What activation read of the caches' summaries for the first scan (see DigestWorkspace.start); `done` once read and checked. */
interface KnownFirst {
	read: Promise<KnownSummaries | undefined>;
	done: boolean;
}

/** What the shards' caches hold (readKnownSummaries), or undefined, logged, where they cannot be read. */
function readKnown(backend: CorpusBackend): Promise<KnownSummaries | undefined> {
	return readKnownSummaries(backend).catch((err: unknown) => {
		getLog().warn(`arXiv Digest: the last session's files could not be read: ${errorText(err)}`);
		return undefined;
	});
}

/** The workspace folders' URIs: the index workers read the files under them (their schemes say which workers). */
function workspaceFolderUris(): vscode.Uri[] {
	return vscode.workspace.workspaceFolders?.map((f) => f.uri) ?? [];
}
