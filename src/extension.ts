import * as vscode from 'vscode';
import { registerCards } from './features/cards';
import { registerLanguageSupport } from './features/language';
import { logDisposable } from './features/log';
import { registerOutline } from './features/outline';
import { registerPaperActions } from './features/paperActions';
import { registerParseReport } from './features/report';
import { registerSearch } from './features/search';
import { registerTree } from './features/tree';
import { DigestWorkspace } from './features/workspace/digestWorkspace';

/**
 * What activate() returns: the handles the real-editor tests (test/integration, test/ui) and the
 * editor benchmark (test/harness/bench-probe) drive. For tests only; not a contract for other extensions.
 */
export interface ArxivDigestTestApi {
	/** the digest files as the index shards report them, and the shards themselves (`backend()`) */
	readonly workspace: DigestWorkspace;
	/** the Papers view: its provider (model, filter) and TreeView */
	readonly tree: ReturnType<typeof registerTree>;
	/** the paper cards: open, the active card's paper */
	readonly cards: ReturnType<typeof registerCards>;
	/** `search.api.search(query, limit)` and `search.api.whenIndexed()` */
	readonly search: ReturnType<typeof registerSearch>;
}

// Wiring only: every feature lives in src/features/<name>/ and registers itself here.
export function activate(context: vscode.ExtensionContext): ArxivDigestTestApi {
	context.subscriptions.push(logDisposable);
	context.subscriptions.push(registerLanguageSupport(context));

	const workspace = DigestWorkspace.create(context);
	context.subscriptions.push(workspace);

	context.subscriptions.push(registerOutline(context, workspace));
	context.subscriptions.push(registerPaperActions(context, workspace));
	context.subscriptions.push(registerParseReport(context, workspace));
	const cards = registerCards(context, workspace);
	context.subscriptions.push(cards);
	const tree = registerTree(context, workspace);
	context.subscriptions.push(tree);
	const search = registerSearch(context, workspace);
	context.subscriptions.push(search);

	return { workspace, tree, cards, search };
}

export function deactivate(): void {
	// Everything registered is disposed through context.subscriptions.
}
