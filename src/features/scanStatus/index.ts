/**
 * The status bar's word on a workspace scan: "arXiv Digest: reading digests 23/167" while a scan
 * reads files, "arXiv Digest: checking for new and changed digests" while a start compares the
 * folder with the digests already shown, then, where the search index still fills after it (a first
 * start), "arXiv Digest: indexing abstracts and summaries… 45%" and, for a few seconds once it is
 * done, "arXiv Digest: every paper is searchable"; nothing otherwise. A click shows the Papers view.
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
import type { SearchProgress } from '../../core/search/client';
import { followIndexProgress, indexProgressText } from '../workspace/indexProgress';
import type { IDigestWorkspace } from '../workspace/types';

/** the status bar item's id (VS Code keeps where the user put it under this id) */
export const SCAN_STATUS_ID = 'arxivDigest.scanStatus';
/** a scan shows the item once it has run this long (the window progress waited as long) */
const SHOW_AFTER_MS = 150;
/** how often a shown item reads the scan's count again */
const REFRESH_MS = 500;
/** how long the item says that everything is searchable, once an index it showed filling is done */
export const INDEXED_SHOWN_MS = 4000;

/** What the item says of the workspace's scan now, or undefined when no scan runs. */
export function scanStatusText(workspace: Pick<IDigestWorkspace, 'scanPhase' | 'progress'>): string | undefined {
	const phase = workspace.scanPhase;
	if (phase === 'idle') return undefined;
	const { done, total } = workspace.progress;
	if (phase === 'checking') return vscode.l10n.t('arXiv Digest: {0}', vscode.l10n.t('checking for new and changed digests'));
	return total > 0 ? vscode.l10n.t('arXiv Digest: {0}', vscode.l10n.t('reading digests {0}/{1}', done, total)) : vscode.l10n.t('arXiv Digest');
}

/** What the item says of the index filling after the scan, or undefined when it does not (see indexProgressText). */
function indexStatusText(p: SearchProgress | undefined): string | undefined {
	const text = p && p.phase !== 'files' ? indexProgressText(p) : '';
	return text === '' ? undefined : vscode.l10n.t('arXiv Digest: {0}', text);
}

/**
 * The scan's status bar item (see scanStatusText). The workspace's events show and hide it and
 * change its phase at once; its count, which moves between events too (they carry it with the files
 * it counts), it reads every REFRESH_MS while shown. Once the scan is done, the index's progress
 * (`indexProgress`: the workspace's backend's) keeps it while the index fills.
 */
export function registerScanStatus(
	workspace: IDigestWorkspace,
	papersViewId: string,
	clock: Clock = realClock,
	indexProgress: (listener: (p: SearchProgress) => void) => vscode.Disposable = (listener) => followIndexProgress(workspace, listener),
): vscode.Disposable {
	const item = vscode.window.createStatusBarItem(SCAN_STATUS_ID, vscode.StatusBarAlignment.Left);
	item.name = vscode.l10n.t('arXiv Digest Scan');
	item.tooltip = vscode.l10n.t('arXiv Digest is scanning the digests of this workspace. The Papers view and search fill in as it goes. Click to show the Papers view.');
	item.command = { command: `${papersViewId}.focus`, title: vscode.l10n.t('Show the Papers View') };
	let said: string | undefined;
	let saidPhase: string | undefined;
	/** the index's last progress while it fills (undefined: not filling) */
	let index: SearchProgress | undefined;
	/** the item said how the index fills since it last said everything was searchable */
	let indexSaid = false;
	/** the wait before showing, then the next refresh; the end of "every paper is searchable" */
	let timer: unknown;
	let doneTimer: unknown;
	const stop = () => {
		if (timer !== undefined) clock.clearTimeout(timer);
		timer = undefined;
	};
	const statusText = () => scanStatusText(workspace) ?? indexStatusText(index);
	const phase = () => (workspace.scanPhase !== 'idle' ? workspace.scanPhase : index?.phase);
	const render = () => {
		const text = statusText();
		if (text === undefined || text === said) return;
		if (doneTimer !== undefined) clock.clearTimeout(doneTimer);
		doneTimer = undefined;
		said = text;
		saidPhase = phase();
		if (workspace.scanPhase === 'idle') indexSaid = true;
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
		if (statusText() === undefined) {
			stop();
			if (said !== undefined) item.hide();
			said = saidPhase = undefined;
		} else if (timer === undefined) {
			timer = clock.setTimeout(refresh, SHOW_AFTER_MS);
		} else if (said !== undefined && phase() !== saidPhase) {
			render();
		}
	};
	/** the index the item showed filling is done: it says so for a while (a reader waiting on it knows) */
	const indexed = () => {
		stop();
		said = saidPhase = undefined;
		indexSaid = false;
		const text = vscode.l10n.t('arXiv Digest: every paper is searchable');
		item.text = `$(check) ${text}`;
		item.accessibilityInformation = { label: text };
		item.show();
		doneTimer = clock.setTimeout(() => {
			doneTimer = undefined;
			item.hide();
		}, INDEXED_SHOWN_MS);
	};
	const subscriptions = [
		workspace.onDidChangeProgress(onEvent),
		workspace.onDidChange(onEvent),
		indexProgress((p) => {
			index = p.phase === 'full' ? undefined : p;
			if (p.phase === 'full' && indexSaid && workspace.scanPhase === 'idle') indexed();
			else onEvent();
		}),
	];
	onEvent();
	return vscode.Disposable.from(item, ...subscriptions, {
		dispose: () => {
			stop();
			if (doneTimer !== undefined) clock.clearTimeout(doneTimer);
		},
	});
}
