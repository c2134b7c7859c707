import * as vscode from 'vscode';
import { registerCards } from './features/cards';
import { registerLanguageSupport } from './features/language';
import { logDisposable } from './features/log';
import { registerOutline } from './features/outline';
import { registerPaperActions } from './features/paperActions';
import { registerReading } from './features/reading';
import { connectTreeReading } from './features/reading/treeView';
import { registerParseReport } from './features/report';
import { registerSearch } from './features/search';
import { registerTree } from './features/tree';
import { DigestWorkspace } from './features/workspace/digestWorkspace';

// Wiring only: every feature lives in src/features/<name>/ and registers itself here.
export function activate(context: vscode.ExtensionContext) {
	context.subscriptions.push(logDisposable);
	context.subscriptions.push(registerLanguageSupport(context));

	const workspace = DigestWorkspace.create(context);
	context.subscriptions.push(workspace);

	context.subscriptions.push(registerOutline(context, workspace));
	context.subscriptions.push(registerPaperActions(context, workspace));
	context.subscriptions.push(registerParseReport(context, workspace));
	const reading = registerReading(context, workspace);
	context.subscriptions.push(reading);
	const cards = registerCards(context, workspace, reading);
	context.subscriptions.push(cards);
	const tree = registerTree(context, workspace, reading);
	context.subscriptions.push(tree);
	context.subscriptions.push(connectTreeReading(tree.view, tree.provider, reading));
	const search = registerSearch(context, workspace);
	context.subscriptions.push(search);

	// The API the real-editor tests drive; not a public contract.
	return { workspace, tree, cards, search, reading };
}

export function deactivate(): void {
	// Everything registered is disposed through context.subscriptions.
}
