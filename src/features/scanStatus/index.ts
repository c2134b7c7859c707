/**
 * The status bar's word on a workspace scan: "arXiv Digest: reading digests 23/167" while a scan
 * reads files, "arXiv Digest: checking for new and changed digests" while a start compares the
 * folder with the digests already shown, then, where the search index still fills after it (a first
 * start), "arXiv Digest: indexing abstracts and summaries… 45%" and, for a few seconds once it is
 * done, "arXiv Digest: every paper is searchable"; after a warm start, "arXiv Digest: loading
 * abstracts and summaries…" while the index reads their text back from the files (until then search
 * and ✦ counts are not final: 4–5 s in plain Node, minutes in a loaded browser), once that has taken
 * LONG_FIELDS_SHOW_AFTER_MS or a search was answered meanwhile, then the same "every paper is
 * searchable"; "arXiv Digest: indexing 3 new or changed digests…" while files added or changed later (a `git pull`) are in the Papers view and not searchable yet, as
 * the search box says it; nothing otherwise. A click shows the Papers view.
 *
 * A plain status bar item, not a window progress: that one's spinning icon, like a view's progress
 * bar, is an animation the workbench repaints every frame for as long as the scan runs. Where it
 * renders in software (the bench's browser on the same two cores), the browser spent 250–340 ms of
 * CPU in 4 s while the icon showed and 300–860 ms while the bar did, 20–690 ms with nothing
 * (bench:editor --ui-cost, docs/performance.md). Each new text costs a render too (up to ~9 ms
 * there), so the count moves at most every REFRESH_MS, and a scan shorter than SHOW_AFTER_MS shows
 * nothing, as the window progress did; updates show only once they take longer than
 * UPDATES_SHOW_AFTER_MS (a save's file is indexed in ~0.2 s: the item would blink at each save).
 */
import * as vscode from 'vscode';
import { realClock, type Clock } from '../../core/clock';
import type { SearchProgress } from '../../core/search/client';
import { followIndexProgress, followLoadingAnswers, followLongFieldsLoading, followPendingUpdates, indexProgressText, indexUpdatesText, longFieldsLoadingText } from '../workspace/indexProgress';
import type { IDigestWorkspace } from '../workspace/types';

/** the status bar item's id (VS Code keeps where the user put it under this id) */
export const SCAN_STATUS_ID = 'arxivDigest.scanStatus';
/** a scan shows the item once it has run this long (the window progress waited as long) */
const SHOW_AFTER_MS = 150;
/** how often a shown item reads the scan's count again */
const REFRESH_MS = 500;
/** how long the item says that everything is searchable, once an index it showed filling is done */
export const INDEXED_SHOWN_MS = 4000;
/** files added or changed show once they have waited this long for the index (see the top) */
export const UPDATES_SHOW_AFTER_MS = 1000;
/**
 * The long fields' text a warm start reads back shows once it has loaded this long, or at once when a
 * search is answered without it: plain Node reads it back in 4–5 s (docs/performance.md: 3.7–4.5 s
 * in the editor bench), and a tester read the item shown that long on every warm start as something
 * gone wrong; a loaded browser takes minutes, and that the reader should know.
 */
export const LONG_FIELDS_SHOW_AFTER_MS = 8000;

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

/** What the item says of files added or changed that the index has not indexed yet, or undefined when none waits. */
function updatesStatusText(pending: number): string | undefined {
	return pending > 0 ? vscode.l10n.t('arXiv Digest: {0}', indexUpdatesText(pending)) : undefined;
}

/** What the real-editor tests read of the item (see ArxivDigestTestApi). */
export interface ScanStatusTestApi {
	/** what the item shows now; undefined while it is hidden */
	shown(): { text: string; tooltip: string } | undefined;
	/** files added or changed that the index has not indexed yet, as the item knows them */
	pendingUpdates(): number;
	/** fires when the item shows, changes or hides, and when the pending updates change */
	readonly onDidChange: vscode.Event<void>;
	/** how long updates wait before the item shows them (UPDATES_SHOW_AFTER_MS; 0: at once, in the same turn) */
	readonly showUpdatesAfter: { ms: number };
}

/** what the item speaks of: a scan, the index filling after it, the long fields' text loading after that, or files added or changed since */
type StatusKind = 'scan' | 'index' | 'longFields' | 'updates';

/**
 * The scan's status bar item (see scanStatusText). The workspace's events show and hide it and
 * change its phase at once; its count, which moves between events too (they carry it with the files
 * it counts), it reads every REFRESH_MS while shown. Once the scan is done, the index's progress
 * (`indexProgress`: the workspace's backend's) keeps it while the index fills, and its pending
 * updates (`indexUpdates`) while files added or changed later wait for it.
 */
export function registerScanStatus(
	workspace: IDigestWorkspace,
	papersViewId: string,
	clock: Clock = realClock,
	indexProgress: (listener: (p: SearchProgress) => void) => vscode.Disposable = (listener) => followIndexProgress(workspace, listener),
	indexUpdates: (listener: (pending: number) => void) => vscode.Disposable = (listener) => followPendingUpdates(workspace, listener),
	longFieldsLoading: (listener: (loading: boolean) => void) => vscode.Disposable = (listener) => followLongFieldsLoading(workspace, listener),
	loadingAnswers: (listener: () => void) => vscode.Disposable = (listener) => followLoadingAnswers(workspace, listener),
): vscode.Disposable & { readonly api: ScanStatusTestApi } {
	const item = vscode.window.createStatusBarItem(SCAN_STATUS_ID, vscode.StatusBarAlignment.Left);
	item.name = vscode.l10n.t('arXiv Digest Scan');
	const scanTooltip = vscode.l10n.t('arXiv Digest is scanning the digests of this workspace. The Papers view and search fill in as it goes. Click to show the Papers view.');
	const updatesTooltip = vscode.l10n.t('New or changed digests are in the Papers view already; search finds their papers once they are indexed. Click to show the Papers view.');
	const longFieldsTooltip = vscode.l10n.t('arXiv Digest is loading the abstracts and summaries of the digests again. Until it is done, a search may miss or not mark words that only they have, and ✦ counts may still change. Click to show the Papers view.');
	item.tooltip = scanTooltip;
	item.command = { command: `${papersViewId}.focus`, title: vscode.l10n.t('Show the Papers View') };
	const changes = new vscode.EventEmitter<void>();
	const showUpdatesAfter = { ms: UPDATES_SHOW_AFTER_MS };
	let shown: { text: string; tooltip: string } | undefined;
	const show = (icon: string, text: string, tooltip: string) => {
		item.text = `$(${icon}) ${text}`;
		item.tooltip = tooltip;
		item.accessibilityInformation = { label: text };
		item.show();
		shown = { text: item.text, tooltip };
		changes.fire();
	};
	const hide = () => {
		item.hide();
		shown = undefined;
		changes.fire();
	};
	let said: string | undefined;
	let saidPhase: string | undefined;
	/** the index's last progress while it fills (undefined: not filling) */
	let index: SearchProgress | undefined;
	/** files added or changed that the index has not indexed yet */
	let updates = 0;
	/** the index is searchable but still loads the long fields' text (a warm start reads it back) */
	let longFields = false;
	/** a search was answered while they load: the reader waits on them now (shown without LONG_FIELDS_SHOW_AFTER_MS) */
	let longFieldsNoticed = false;
	/** the item said how the index fills since it last said everything was searchable */
	let indexSaid = false;
	/** the wait before showing (for a scan's or the index's words, or for updates'), then the next refresh; the end of "every paper is searchable" */
	let timer: unknown;
	let waitingFor: StatusKind | undefined;
	let doneTimer: unknown;
	const stop = () => {
		if (timer !== undefined) clock.clearTimeout(timer);
		timer = waitingFor = undefined;
	};
	const kind = (): StatusKind | undefined => {
		if (scanStatusText(workspace) !== undefined) return 'scan';
		if (indexStatusText(index) !== undefined) return 'index';
		if (longFields) return 'longFields';
		return updates > 0 ? 'updates' : undefined;
	};
	const longFieldsText = () => (longFields ? vscode.l10n.t('arXiv Digest: {0}', longFieldsLoadingText()) : undefined);
	const statusText = () => scanStatusText(workspace) ?? indexStatusText(index) ?? longFieldsText() ?? updatesStatusText(updates);
	const phase = () => (workspace.scanPhase !== 'idle' ? workspace.scanPhase : (index?.phase ?? (longFields ? 'longFields' : updates > 0 ? 'updates' : undefined)));
	const render = () => {
		const text = statusText();
		if (text === undefined || text === said) return;
		if (doneTimer !== undefined) clock.clearTimeout(doneTimer);
		doneTimer = undefined;
		said = text;
		saidPhase = phase();
		const now = kind();
		if (now === 'index' || now === 'longFields') indexSaid = true;
		// a still icon: `$(sync~spin)` would animate (above)
		show('sync', text, now === 'updates' ? updatesTooltip : now === 'longFields' ? longFieldsTooltip : scanTooltip);
	};
	const refresh = () => {
		waitingFor = undefined;
		timer = clock.setTimeout(refresh, REFRESH_MS);
		render();
	};
	const onEvent = () => {
		const now = kind();
		if (now === undefined) {
			stop();
			if (said !== undefined) hide();
			said = saidPhase = undefined;
		} else if (said === undefined) {
			// not shown yet: wait, unless the wait under way is a longer one than is due now (updates' or the long fields')
			const longerWait = (waitingFor === 'updates' && now !== 'updates') || (waitingFor === 'longFields' && (now !== 'longFields' || longFieldsNoticed));
			if (timer !== undefined && !longerWait) return;
			stop();
			const delay = now === 'updates' ? showUpdatesAfter.ms : now === 'longFields' && !longFieldsNoticed ? LONG_FIELDS_SHOW_AFTER_MS : SHOW_AFTER_MS;
			if (delay <= 0) {
				refresh();
			} else {
				timer = clock.setTimeout(refresh, delay);
				waitingFor = now;
			}
		} else if (phase() !== saidPhase) {
			render();
		}
	};
	/** the index the item showed filling is done: it says so for a while (a reader waiting on it knows) */
	const indexed = () => {
		stop();
		said = saidPhase = undefined;
		indexSaid = false;
		show('check', vscode.l10n.t('arXiv Digest: every paper is searchable'), scanTooltip);
		doneTimer = clock.setTimeout(() => {
			doneTimer = undefined;
			hide();
		}, INDEXED_SHOWN_MS);
	};
	const subscriptions = [
		changes,
		workspace.onDidChangeProgress(onEvent),
		workspace.onDidChange(onEvent),
		indexProgress((p) => {
			index = p.phase === 'full' ? undefined : p;
			if (p.phase === 'full' && indexSaid && !longFields && workspace.scanPhase === 'idle') indexed();
			else onEvent();
		}),
		longFieldsLoading((loading) => {
			if (loading === longFields) return;
			longFields = loading;
			longFieldsNoticed = false;
			if (!loading && indexSaid && index === undefined && workspace.scanPhase === 'idle') indexed();
			else onEvent();
		}),
		loadingAnswers(() => {
			if (!longFields || longFieldsNoticed) return;
			longFieldsNoticed = true;
			onEvent();
		}),
		indexUpdates((pending) => {
			if (pending === updates) return;
			updates = pending;
			onEvent();
			changes.fire();
		}),
	];
	onEvent();
	const api: ScanStatusTestApi = {
		shown: () => shown,
		pendingUpdates: () => updates,
		onDidChange: changes.event,
		showUpdatesAfter,
	};
	return Object.assign(
		vscode.Disposable.from(item, ...subscriptions, {
			dispose: () => {
				stop();
				if (doneTimer !== undefined) clock.clearTimeout(doneTimer);
			},
		}),
		{ api },
	);
}
