/**
 * The status bar's word on a workspace scan: "arXiv Digest: reading digests 23/167" while a scan
 * reads files, "arXiv Digest: checking for new and changed digests" while a start compares the
 * folder with the digests already shown, nothing once it is done; a click shows the Papers view.
 *
 * A plain status bar item, not a window progress: that one's spinning icon, like a view's progress
 * bar, is an animation the workbench repaints frame after frame for as long as the scan runs. Where
 * it renders without a GPU (code-server in a browser on the same machine, remote desktops) the two
 * took 0.5–1 s of a core from the index while the Papers view filled on two cores (docs/performance.md).
 */
import * as vscode from 'vscode';
import type { IDigestWorkspace } from '../workspace/types';

/** the status bar item's id (VS Code keeps where the user put it under this id) */
export const SCAN_STATUS_ID = 'arxivDigest.scanStatus';
/** how often a shown item reads the scan's state again (each new text is ~10 ms of the browser's CPU without a GPU: --ui-cost) */
const REFRESH_MS = 500;

/** What the item says of the workspace's scan now, or undefined when no scan runs. */
export function scanStatusText(workspace: Pick<IDigestWorkspace, 'scanPhase' | 'progress'>): string | undefined {
	const phase = workspace.scanPhase;
	if (phase === 'idle') return undefined;
	const { done, total } = workspace.progress;
	if (phase === 'checking') return vscode.l10n.t('arXiv Digest: {0}', vscode.l10n.t('checking for new and changed digests'));
	return total > 0 ? vscode.l10n.t('arXiv Digest: {0}', vscode.l10n.t('reading digests {0}/{1}', done, total)) : vscode.l10n.t('arXiv Digest');
}

/** The scan's status bar item, shown while a scan runs (see scanStatusText). */
export function registerScanStatus(workspace: IDigestWorkspace, papersViewId: string, refreshMs = REFRESH_MS): vscode.Disposable {
	const item = vscode.window.createStatusBarItem(SCAN_STATUS_ID, vscode.StatusBarAlignment.Left);
	item.name = vscode.l10n.t('arXiv Digest Scan');
	item.tooltip = vscode.l10n.t('arXiv Digest is reading the digests of this workspace. The Papers view and search fill in as it goes. Click to show the Papers view.');
	item.command = { command: `${papersViewId}.focus`, title: vscode.l10n.t('Show the Papers View') };
	let said: string | undefined;
	// while shown, the text is read again now and then: the workspace's count moves between its
	// events (they carry it with the files it counts), and the Papers view, which reads it on its own
	// updates too, must not say 2/167 beside a status bar still checking
	let refresh: ReturnType<typeof setInterval> | undefined;
	const update = () => {
		const text = scanStatusText(workspace);
		if (text === said) return;
		said = text;
		if (text === undefined) {
			clearInterval(refresh);
			refresh = undefined;
			item.hide();
			return;
		}
		// a static icon: `$(sync~spin)` would animate (above)
		item.text = `$(sync) ${text}`;
		item.accessibilityInformation = { label: text };
		item.show();
		refresh ??= setInterval(update, refreshMs);
	};
	const subscriptions = [workspace.onDidChangeProgress(update), workspace.onDidChange(update)];
	update();
	return vscode.Disposable.from(item, ...subscriptions, { dispose: () => clearInterval(refresh) });
}

