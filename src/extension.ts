import * as vscode from 'vscode';
import { threadSlices } from './core/steps';
import { registerCards } from './features/cards';
import { registerExport } from './features/export';
import { lastWrittenMessage, type WrittenMessage } from './features/export/written';
import { registerHover } from './features/hover';
import { registerLanguageSupport } from './features/language';
import { cardLibrary, registerLibrary } from './features/library';
import { logDisposable } from './features/log';
import { registerOutline } from './features/outline';
import { registerPaperActions } from './features/paperActions';
import { registerRecs } from './features/recs';
import { registerReading } from './features/reading';
import { registerScanStatus } from './features/scanStatus';
import { connectTreeReading } from './features/reading/treeView';
import { registerParseReport } from './features/report';
import { QUERY_IDS_COMMAND, registerSearch, type QueryIdsResult } from './features/search';
import { registerStatistics } from './features/stats';
import { yieldThread } from './features/host';
import { registerTree, TREE_VIEW_ID } from './features/tree';
import { DigestWorkspace } from './features/workspace/digestWorkspace';
import { disposeLastFirst } from './features/vsc-utils';

/**
 * What activate() returns: the handles the real-editor tests (test/integration, test/ui) and the
 * editor benchmark (test/harness/bench-probe) drive. For tests only; not a contract for other extensions.
 */
export interface ArxivDigestTestApi {
	/** the digest files as the index shards report them, and the shards themselves (`backend()`) */
	readonly workspace: DigestWorkspace;
	/** the Papers view: its provider (model, filter), TreeView and how long a click waits for its row after a refresh (`clickWait`) */
	readonly tree: ReturnType<typeof registerTree>;
	/** the paper cards: open, the active card's paper */
	readonly cards: ReturnType<typeof registerCards>;
	/** `search.api.search(query, limit)` and `search.api.whenIndexed()` */
	readonly search: ReturnType<typeof registerSearch>;
	/** stars, collections, notes, tags and their exports */
	readonly library: ReturnType<typeof registerLibrary>;
	/** the hover on arXiv ids in any file */
	readonly hover: ReturnType<typeof registerHover>;
	/** interests and new/seen/read state */
	readonly reading: ReturnType<typeof registerReading>;
	/** similar papers and "For you" */
	readonly recs: ReturnType<typeof registerRecs>;
	/** the status bar item of scans and indexing: `api.shown()`, `api.pendingUpdates()`, `api.onDidChange`, `api.showUpdatesAfter` */
	readonly scanStatus: ReturnType<typeof registerScanStatus>;
	/** what the last export (or reading-state export) said of its file, and its buttons */
	readonly exports: { lastWritten(): WrittenMessage | undefined };
}

/**
 * The longest run of activation on the extension host's thread before the thread is given back:
 * activation takes ~100 ms of it in all on a two-core machine (each feature's setup and the first
 * compile of its code, 1–33 ms apiece), which in one turn would hold the workbench's messages and
 * every other extension that long.
 */
const ACTIVATION_SLICE_MS = 10;

// Wiring only: every feature lives in src/features/<name>/ and registers itself here, a slice of
// the thread at a time. The editor runs a command of this extension once the returned promise has
// settled; a card it restores comes as soon as the cards' serializer is registered, and waits for
// the workspace's first scan, which starts once every feature is registered (none misses its changes).
export async function activate(context: vscode.ExtensionContext): Promise<ArxivDigestTestApi> {
	let allRegistered!: () => void;
	const registered = new Promise<void>((resolve) => (allRegistered = resolve));
	try {
		return await registerFeatures(context, registered);
	} finally {
		// a registration that threw fails the activation, not the features registered before it
		allRegistered();
	}
}

async function registerFeatures(context: vscode.ExtensionContext, registered: Promise<void>): Promise<ArxivDigestTestApi> {
	const pause = threadSlices(ACTIVATION_SLICE_MS, yieldThread);
	// The features go last first when the extension is deactivated (VS Code disposes the subscriptions
	// in order): one goes before the layers it uses, so what it still has to say reaches them before
	// their last write (a card still waiting for the keys marks its paper read in the reading store).
	const features: vscode.Disposable[] = [];
	context.subscriptions.push({ dispose: () => disposeLastFirst(features) });
	features.push(logDisposable);
	features.push(registerLanguageSupport(context.workspaceState));

	const workspace = DigestWorkspace.create(context, {}, registered);
	features.push(workspace);
	const scanStatus = registerScanStatus(workspace, TREE_VIEW_ID);
	features.push(scanStatus);
	await pause();

	const library = registerLibrary(context, workspace);
	features.push(library);
	await pause();

	const reading = registerReading(context, workspace, library.registry);
	features.push(reading);
	await pause();
	// the views early: until a view's provider is registered, the workbench shows "There is no data
	// provider registered that can provide view data." in it
	const tree = registerTree(context, workspace, reading);
	features.push(tree);
	tree.provider.library = library;
	features.push(library.onDidChangeStars((ids) => tree.provider.starsChanged(ids)));
	features.push(connectTreeReading(tree.view, tree.provider, reading, workspace.onDidChange));
	await pause();
	features.push(registerOutline(workspace));
	features.push(registerPaperActions(context, workspace));
	features.push(registerParseReport(context, workspace));
	await pause();
	const recs = registerRecs(workspace, library.store, reading);
	features.push(recs);
	// until then the "For you" mode shows each day in file order (the scan has not started yet)
	tree.provider.forYou = recs.forYou.treeHook;
	features.push(recs.forYou.onDidChange(() => tree.provider.forYouChanged()));
	await pause();
	const cards = registerCards(context, workspace, cardLibrary(library), reading, recs.cardSimilar);
	features.push(cards);
	await pause();
	const search = registerSearch(context, workspace, library);
	features.push(search);
	await pause();
	features.push(
		registerExport(workspace, {
			note: library.note,
			tags: library.tags,
			collections: library.collections,
			kept: (id) => library.kept.get(id),
			collectionIds: (name) => library.store.library.collections.find((c) => c.name === name)?.ids,
			collectionNames: () => library.store.library.collections.map((c) => c.name),
			lastQuery: () => search.lastQuery(),
			queryIds: async (query) => (await vscode.commands.executeCommand<QueryIdsResult>(QUERY_IDS_COMMAND, query)) ?? { error: vscode.l10n.t('the search gave no answer') },
			filtered: () => {
				const words = tree.provider.filterWords();
				return words === undefined ? undefined : { words, refs: tree.provider.model.shownPapers() };
			},
		}, context.globalState),
	);
	await pause();
	features.push(registerStatistics(context, workspace, reading));
	const hover = registerHover(workspace, library);
	features.push(hover);

	return { workspace, tree, cards, search, library, hover, reading, recs, scanStatus, exports: { lastWritten: lastWrittenMessage } };
}

export function deactivate(): void {
	// Everything registered is disposed through context.subscriptions.
}
