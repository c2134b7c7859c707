/**
 * The status bar's word on a workspace scan: "arXiv Digest: reading digests 23/167" while a scan
 * reads files, "arXiv Digest: checking for new and changed digests" while a start compares the
 * folder with the digests already shown, nothing once it is done; a click shows the Papers view.
 *
 * A plain status bar item, not a window progress: that one's spinning icon, like a view's progress
 * bar, is an animation the workbench repaints every frame for as long as the scan runs. Where it
 * renders in software (the bench's browser on the same two cores), the browser spent 250–340 ms of
 * CPU in 4 s while the icon showed and 300–860 ms while the bar did, 20–690 ms with nothing
 * (bench:editor --ui-cost, docs/performance.md). Each new text costs a render too (up to ~9 ms
 * there), so the count moves at most every REFRESH_MS, and a scan shorter than SHOW_AFTER_MS shows
 * nothing, as the window progress did.
 */
import * as vscode from 'vscode';
import { realClock, type Clock } from '../../core/clock';
import type { IDigestWorkspace } from '../workspace/types';

/** the status bar item's id (VS Code keeps where the user put it under this id) */
export const SCAN_STATUS_ID = 'arxivDigest.scanStatus';
/** a scan shows the item once it has run this long (the window progress waited as long) */
const SHOW_AFTER_MS = 150;
/** how often a shown item reads the scan's count again */
const REFRESH_MS = 500;

/** What the item says of the workspace's scan now, or undefined when no scan runs. */
export function scanStatusText(workspace: Pick<IDigestWorkspace, 'scanPhase' | 'progress'>): string | undefined {
	const phase = workspace.scanPhase;
	if (phase === 'idle') return undefined;
	const { done, total } = workspace.progress;
	if (phase === 'checking') return vscode.l10n.t('arXiv Digest: {0}', vscode.l10n.t('checking for new and changed digests'));
	return total > 0 ? vscode.l10n.t('arXiv Digest: {0}', vscode.l10n.t('reading digests {0}/{1}', done, total)) : vscode.l10n.t('arXiv Digest');
}

/**
 * The scan's status bar item (see scanStatusText). The workspace's events show and hide it and
 * change its phase at once; its count, which moves between events too (they carry it with the files
 * it counts), it reads every REFRESH_MS while shown.
 */
export function registerScanStatus(workspace: IDigestWorkspace, papersViewId: string, clock: Clock = realClock): vscode.Disposable {
	const item = vscode.window.createStatusBarItem(SCAN_STATUS_ID, vscode.StatusBarAlignment.Left);
	item.name = vscode.l10n.t('arXiv Digest Scan');
	item.tooltip = vscode.l10n.t('arXiv Digest is scanning the digests of this workspace. The Papers view and search fill in as it goes. Click to show the Papers view.');
	item.command = { command: `${papersViewId}.focus`, title: vscode.l10n.t('Show the Papers View') };
	let said: string | undefined;
	let saidPhase: string | undefined;
	/** the wait before showing, then the next refresh */
	let timer: unknown;
	const stop = () => {
		if (timer !== undefined) clock.clearTimeout(timer);
		timer = undefined;
	};
	const render = () => {
		const text = scanStatusText(workspace);
		if (text === undefined || text === said) return;
		said = text;
		saidPhase = workspace.scanPhase;
		// a still icon: `$(sync~spin)` would animate (above)
		item.text = `$(sync) ${text}`;
		item.accessibilityInformation = { label: text };
		item.show();
	};
	const refresh = () => {
		timer = clock.setTimeout(refresh, REFRESH_MS);
		render();
	};
	const onEvent = () => {
		if (workspace.scanPhase === 'idle') {
			stop();
			if (said !== undefined) item.hide();
			said = saidPhase = undefined;
		} else if (timer === undefined) {
			timer = clock.setTimeout(refresh, SHOW_AFTER_MS);
		} else if (said !== undefined && workspace.scanPhase !== saidPhase) {
			render();
		}
	};
	const subscriptions = [workspace.onDidChangeProgress(onEvent), workspace.onDidChange(onEvent)];
	onEvent();
	return vscode.Disposable.from(item, ...subscriptions, { dispose: stop });
}
