/**
 * Search Papers: a QuickPick searching the workspace index as you type, Search by Author,
 * Search Selection, and the `queryIds` command the tree uses for its filter.
 *
 * The index is built off the extension host's thread: two shards in worker threads
 * (dist/search-worker.js) reading the files themselves, cached in workspace storage.
 * Where worker threads or local files are unavailable (web, virtual workspaces) one
 * in-process shard indexes the workspace's already-parsed digests in small slices.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { defaultShardCount, inProcessShard, SearchService, workerShard, type ShardHandle } from '../../core/search/client';
import type { ShardIO } from '../../core/search/engine';
import type { SearchHit } from '../../core/search/index';
import type { FileSpec } from '../../core/search/protocol';
import { describeFilters, parseQuery } from '../../core/search/query';
import type { DigestWorkspaceChange, IDigestWorkspace, PaperRef } from '../workspace/types';

export const SEARCH_COMMAND = 'arxivDigest.searchPapers';
export const SEARCH_BY_AUTHOR_COMMAND = 'arxivDigest.searchByAuthor';
export const SEARCH_SELECTION_COMMAND = 'arxivDigest.searchSelection';
export const QUERY_IDS_COMMAND = 'arxivDigest.internal.queryIds';

const DEBOUNCE_MS = 80;
const RESULT_LIMIT = 100;
const SAVE_DELAY_MS = 60_000;
const SNIPPET_LENGTH = 160;
/** in-process indexing gives the thread back this often */
const IN_PROCESS_SLICE_MS = 15;
/** files above this size are not indexed before the workspace scan has accepted them as digests */
const EAGER_MAX_BYTES = 32 * 1024 * 1024;

export interface SearchTestApi {
	search(query: string, limit?: number): Promise<{ id: string; title: string; uri: string }[]>;
	whenIndexed(): Promise<void>;
}

interface ResultItem extends vscode.QuickPickItem {
	hit?: SearchHit;
}

const BUTTON_CARD: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('preview'), tooltip: 'Open Card' };
const BUTTON_SOURCE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open Source' };
const BUTTON_LINK: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy Link' };

function snippet(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}

function workerThreadsAvailable(): boolean {
	try {
		return typeof (require('node:worker_threads') as typeof import('node:worker_threads')).Worker === 'function';
	} catch {
		return false;
	}
}

/** Where the index lives: files keyed by local path (workers) or by URI string (in-process). */
interface Backend {
	service: SearchService;
	keyOf(uri: vscode.Uri): string;
	uriOf(key: string): vscode.Uri;
	spec(uri: vscode.Uri): Promise<FileSpec | undefined>;
}

/** The worker backend for local files, or undefined where it cannot run. */
function createWorkerBackend(context: vscode.ExtensionContext, uris: readonly vscode.Uri[]): Backend | undefined {
	const local = uris.every((uri) => uri.scheme === 'file');
	const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'search-worker.js').fsPath;
	if (local && workerThreadsAvailable()) {
		const storage = (context.storageUri ?? context.globalStorageUri).fsPath;
		const shards = defaultShardCount(os.cpus().length);
		const handles: ShardHandle[] = [];
		try {
			for (let shard = 0; shard < shards; shard++) {
				const cachePath = vscode.Uri.joinPath(vscode.Uri.file(storage), `search-index.${shard}of${shards}.bin`).fsPath;
				handles.push(workerShard(script, { shard, shards, cachePath, background: true }));
			}
			return {
				service: new SearchService(handles),
				keyOf: (uri) => uri.fsPath,
				uriOf: (key) => vscode.Uri.file(key),
				spec: async (uri) => {
					try {
						const s = await fs.stat(uri.fsPath);
						return { path: uri.fsPath, size: s.size, mtime: s.mtimeMs };
					} catch {
						return undefined;
					}
				},
			};
		} catch {
			for (const h of handles) h.dispose();
		}
	}
	return undefined;
}

function createInProcessBackend(workspace: IDigestWorkspace): Backend {
	// a version per parsed file: the workspace parses a changed file into a new DigestFile
	const versions = new WeakMap<object, number>();
	let version = 0;
	const io: ShardIO = {
		readDigest: async (key) => workspace.get(vscode.Uri.parse(key))?.digest,
		readCache: async () => undefined,
		writeCache: async () => undefined,
		yield: () => new Promise((resolve) => setTimeout(resolve, 0)),
		now: () => Date.now(),
		sliceMs: IN_PROCESS_SLICE_MS,
	};
	const shard = inProcessShard(io, 0, 1);
	return {
		service: new SearchService([shard]),
		keyOf: (uri) => uri.toString(),
		uriOf: (key) => vscode.Uri.parse(key),
		// the in-process shard reads the workspace's parsed digests: a new version forces a re-read
		spec: async (uri) => {
			const file = workspace.get(uri);
			if (!file) return undefined;
			let stamp = versions.get(file);
			if (stamp === undefined) versions.set(file, (stamp = ++version));
			return { path: uri.toString(), size: 0, mtime: stamp };
		},
	};
}

export function registerSearch(context: vscode.ExtensionContext, workspace: IDigestWorkspace): vscode.Disposable & { readonly api: SearchTestApi } {
	const disposables: vscode.Disposable[] = [];
	let backend: Backend | undefined;
	let progressText = '';
	const progressListeners = new Set<() => void>();
	const setProgress = (text: string) => {
		progressText = text;
		for (const l of progressListeners) l();
	};
	let saveTimer: ReturnType<typeof setTimeout> | undefined;

	/** (size, mtime) of every file the index holds, so the first scan's "added" events cost nothing */
	const indexed = new Map<string, FileSpec>();
	const sameStamp = (spec: FileSpec) => {
		const known = indexed.get(spec.path);
		return known !== undefined && known.size === spec.size && known.mtime === spec.mtime;
	};

	let started: Promise<Backend> | undefined;
	// Started on first need, so a workspace without digests never spawns index workers. The
	// workers read the files themselves: they start from the file list, in parallel with the
	// workspace's own scan, and drop the files that scan finds are not digests once it ends.
	const backendReady = (): Promise<Backend> =>
		(started ??= (workspace.candidates ?? workspace.ready.then(() => workspace.files().map((f) => f.uri))).then(async (candidates) => {
			const workers = createWorkerBackend(context, candidates);
			if (!workers) await workspace.ready;
			const b = workers ?? createInProcessBackend(workspace);
			const uris = workers ? candidates : workspace.files().map((f) => f.uri);
			backend = b;
			b.service.onProgress((p) =>
				setProgress(
					p.phase === 'head'
						? `indexing… ${p.done}/${p.total} files`
						: p.phase === 'body'
							? `indexing abstracts and summaries… ${p.total ? Math.floor((100 * p.done) / p.total) : 100}%`
							: '',
				),
			);
			// a huge file is most likely no digest: it is indexed only if the workspace scan accepts it
			const specs = (await Promise.all(uris.map((uri) => b.spec(uri)))).filter((s): s is FileSpec => !!s && (!workers || s.size <= EAGER_MAX_BYTES));
			for (const spec of specs) indexed.set(spec.path, spec);
			if (workers) {
				void workspace.ready.then(async () => {
					const digests = new Set(workspace.files().map((f) => b.keyOf(f.uri)));
					for (const path of [...indexed.keys()]) {
						if (!digests.has(path)) {
							indexed.delete(path);
							await b.service.remove(path).catch(() => undefined);
						}
					}
				});
			}
			void b.service.open(specs).then(
				() => setProgress(''),
				(err: unknown) => setProgress(`search index failed: ${err instanceof Error ? err.message : String(err)}`),
			);
			return b;
		}));
	void (workspace.candidates ?? workspace.ready.then(() => workspace.files())).then((found) => {
		if (found.length > 0) void backendReady();
	});

	const applyChanges = async (changes: readonly DigestWorkspaceChange[]) => {
		const b = await backendReady();
		await b.service.whenIndexed().catch(() => undefined);
		for (const change of changes) {
			const key = b.keyOf(change.uri);
			const spec = change.kind === 'removed' ? undefined : await b.spec(change.uri);
			if (spec && sameStamp(spec)) continue;
			if (spec) {
				indexed.set(key, spec);
				await b.service.update(spec);
			} else {
				indexed.delete(key);
				await b.service.remove(key);
			}
		}
		if (saveTimer) clearTimeout(saveTimer);
		saveTimer = setTimeout(() => void b.service.save().catch(() => undefined), SAVE_DELAY_MS);
	};
	disposables.push(workspace.onDidChange((changes) => void applyChanges(changes).catch(() => undefined)));

	const refOf = (b: Backend, hit: SearchHit): PaperRef => ({ uri: hit.occurrences[0] ? b.uriOf(hit.occurrences[0].file).toString() : undefined, id: hit.id });

	const runHit = async (hit: SearchHit, action: 'card' | 'source' | 'link') => {
		const b = await backendReady();
		const ref = refOf(b, hit);
		const command = action === 'card' ? 'arxivDigest.openCard' : action === 'source' ? 'arxivDigest.openSource' : 'arxivDigest.copyLink';
		try {
			await vscode.commands.executeCommand(command, ref);
		} catch (err) {
			void vscode.window.showErrorMessage(`Cannot ${action === 'link' ? 'copy the link' : 'open the paper'}: ${err instanceof Error ? err.message : String(err)}`);
		}
	};

	const showSearch = async (initial?: string) => {
		const pick = vscode.window.createQuickPick<ResultItem>();
		pick.matchOnDescription = false;
		pick.matchOnDetail = false;
		(pick as { sortByLabel?: boolean }).sortByLabel = false;
		pick.placeholder = 'Search papers: words, "phrase", -exclude, cat:cs.CV, author:name, id:2602.04994, day:2026-02, after:, before:';
		pick.value = typeof initial === 'string' ? initial : '';
		let timer: ReturnType<typeof setTimeout> | undefined;
		let generation = 0;
		let lastSummary = '';
		const updateTitle = () => {
			pick.title = ['arXiv Digest: Search Papers', lastSummary, progressText].filter((s) => s !== '').join(' · ');
		};
		const run = async () => {
			const query = pick.value;
			const mine = ++generation;
			const parsed = parseQuery(query);
			if (!parsed.ok) {
				pick.items = [{ label: `$(error) ${parsed.error}`, alwaysShow: true }];
				lastSummary = 'invalid query';
				updateTitle();
				return;
			}
			if (query.trim() === '') {
				pick.items = [];
				lastSummary = '';
				updateTitle();
				return;
			}
			pick.busy = true;
			try {
				const b = await backendReady();
				const reply = await b.service.search(query, RESULT_LIMIT);
				if (mine !== generation) return;
				if (!reply.ok) {
					pick.items = [{ label: `$(error) ${reply.error}`, alwaysShow: true }];
					lastSummary = 'invalid query';
				} else {
					const { hits, total, approximate } = reply.result;
					pick.items = hits.map((hit) => {
						const day = hit.occurrences[0]?.day || '';
						const more = hit.occurrences.length > 1 ? ` (+${hit.occurrences.length - 1} days)` : '';
						return {
							label: hit.title || hit.id,
							description: [day + more, hit.category, hit.authors[0] ?? ''].filter((s) => s !== '').join(' · '),
							detail: snippet(hit.tldr),
							alwaysShow: true,
							buttons: [BUTTON_CARD, BUTTON_SOURCE, BUTTON_LINK],
							hit,
						};
					});
					const filters = describeFilters(parsed.query);
					lastSummary = `${approximate ? '≈' : ''}${total} result${total === 1 ? '' : 's'}${filters ? ` · ${filters}` : ''}`;
				}
				updateTitle();
			} catch (err) {
				if (mine !== generation) return;
				pick.items = [{ label: `$(error) Search failed: ${err instanceof Error ? err.message : String(err)}`, alwaysShow: true }];
			} finally {
				if (mine === generation) pick.busy = false;
			}
		};
		const schedule = () => {
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => void run(), DEBOUNCE_MS);
		};
		const onProgress = () => {
			updateTitle();
			// results grow while the index fills: refresh the list as phases complete
			if (progressText === '' && pick.value.trim() !== '') schedule();
		};
		progressListeners.add(onProgress);
		const subs = [
			pick.onDidChangeValue(schedule),
			pick.onDidAccept(() => {
				const hit = pick.selectedItems[0]?.hit;
				if (!hit) return;
				pick.hide();
				const action = vscode.workspace.getConfiguration('arxivDigest').get<string>('search.openAction', 'card') === 'source' ? 'source' : 'card';
				void runHit(hit, action);
			}),
			pick.onDidTriggerItemButton((e) => {
				const hit = e.item.hit;
				if (!hit) return;
				if (e.button === BUTTON_LINK) {
					void runHit(hit, 'link');
					return;
				}
				pick.hide();
				void runHit(hit, e.button === BUTTON_SOURCE ? 'source' : 'card');
			}),
			pick.onDidHide(() => {
				if (timer) clearTimeout(timer);
				progressListeners.delete(onProgress);
				subs.forEach((s) => s.dispose());
				pick.dispose();
			}),
		];
		updateTitle();
		pick.show();
		if (pick.value.trim() !== '') void run();
	};

	const authorQuery = (name: string) => `author:"${name.replace(/"/g, '').trim()}" `;

	disposables.push(
		vscode.commands.registerCommand(SEARCH_COMMAND, (initial?: unknown) => showSearch(typeof initial === 'string' ? initial : undefined)),

		vscode.commands.registerCommand(SEARCH_BY_AUTHOR_COMMAND, async (arg?: unknown) => {
			let name: string | undefined;
			if (typeof arg === 'string') name = arg;
			else if (arg && typeof arg === 'object') {
				const raw = arg as { ref?: PaperRef; id?: unknown };
				const ref = raw.ref ?? (typeof raw.id === 'string' ? (raw as PaperRef) : undefined);
				const location = ref ? workspace.resolve(ref) : undefined;
				const authors = location?.paper.authors ?? [];
				if (authors.length === 1) name = authors[0];
				else if (authors.length > 1) name = await vscode.window.showQuickPick(authors, { placeHolder: 'Search papers by which author?' });
				else if (ref) {
					void vscode.window.showInformationMessage(`No authors are known for paper ${ref.id}.`);
					return;
				}
			}
			if (name === undefined && arg === undefined) {
				name = await vscode.window.showInputBox({ prompt: 'Search papers by author', placeHolder: 'e.g. Yann LeCun' });
			}
			if (!name || !name.trim()) return;
			await showSearch(authorQuery(name));
		}),

		vscode.commands.registerCommand(SEARCH_SELECTION_COMMAND, async () => {
			const editor = vscode.window.activeTextEditor;
			const text = editor ? editor.document.getText(editor.selection) : '';
			const query = text.replace(/\s+/g, ' ').trim().slice(0, 200);
			await showSearch(query);
		}),

		vscode.commands.registerCommand(QUERY_IDS_COMMAND, async (query?: unknown): Promise<{ ids: string[] } | { error: string }> => {
			if (typeof query !== 'string') return { error: 'the query must be a string' };
			const b = await backendReady();
			const reply = await b.service.ids(query);
			return reply.ok ? { ids: reply.ids } : { error: reply.error };
		}),
	);

	const api: SearchTestApi = {
		search: async (query, limit = 50) => {
			const b = await backendReady();
			const reply = await b.service.search(query, limit);
			if (!reply.ok) throw new Error(reply.error);
			return reply.result.hits.map((hit) => ({ id: hit.id, title: hit.title, uri: refOf(b, hit).uri ?? '' }));
		},
		whenIndexed: async () => {
			const b = await backendReady();
			await b.service.whenIndexed();
		},
	};

	return {
		api,
		dispose: () => {
			if (saveTimer) clearTimeout(saveTimer);
			for (const d of disposables) d.dispose();
			backend?.service.dispose();
		},
	};
}
