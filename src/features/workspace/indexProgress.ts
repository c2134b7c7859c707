/**
 * The search index's progress and its pending updates, for what shows them (the search box's
 * title, the status bar): the workspace's corpus backend's, followed as the workspace changes (a
 * workspace gets one once it has a digest, and a new one after it had none left); and the words
 * that say it.
 */
import * as vscode from 'vscode';
import type { SearchProgress, SearchService } from '../../core/search/client';
import type { IDigestWorkspace } from './types';

/** Calls `listener` with each progress of the workspace's index, whichever backend it has now. */
export function followIndexProgress(workspace: Pick<IDigestWorkspace, 'backend' | 'onDidChange'>, listener: (p: SearchProgress) => void): vscode.Disposable {
	return followIndex(workspace, (service) => service.onProgress(listener));
}

/**
 * Calls `listener` with how many added or changed files the workspace's index has not indexed yet
 * (SearchService.pendingUpdates): at once for each backend it follows, then each time it changes.
 */
export function followPendingUpdates(workspace: Pick<IDigestWorkspace, 'backend' | 'onDidChange'>, listener: (pending: number) => void): vscode.Disposable {
	return followIndex(workspace, (service) => {
		listener(service.pendingUpdates);
		return service.onPendingUpdates(listener);
	});
}

/** Subscribes to the workspace's index with `subscribe`, whichever backend it has now (a new one replaces the old one's subscription). */
function followIndex(workspace: Pick<IDigestWorkspace, 'backend' | 'onDidChange'>, subscribe: (service: SearchService) => { dispose(): void }): vscode.Disposable {
	let followed: unknown;
	let subscription: { dispose(): void } | undefined;
	let disposed = false;
	const follow = () =>
		void workspace.backend().then(
			(backend) => {
				if (disposed || !backend || backend === followed) return;
				subscription?.dispose();
				followed = backend;
				subscription = subscribe(backend.service);
			},
			() => undefined,
		);
	const changes = workspace.onDidChange(follow);
	follow();
	return {
		dispose: () => {
			disposed = true;
			subscription?.dispose();
			changes.dispose();
		},
	};
}

/** What the index is doing, in a few words (`indexing… 12/167 files`); '' once everything is searchable. */
export function indexProgressText(p: SearchProgress): string {
	switch (p.phase) {
		case 'restarting':
			return vscode.l10n.t('index restarting…');
		case 'files':
			return vscode.l10n.t('reading digests… {0}/{1}', p.done, p.total);
		case 'head':
			return vscode.l10n.t('indexing… {0}/{1} files', p.done, p.total);
		case 'body':
			return vscode.l10n.t('indexing abstracts and summaries… {0}%', p.total ? Math.floor((100 * p.done) / p.total) : 100);
		default:
			return '';
	}
}

/**
 * Calls `listener` with whether the workspace's index still loads the long fields' text
 * (SearchService.loadingLongFields): at once for each backend it follows, then each time it changes.
 */
export function followLongFieldsLoading(workspace: Pick<IDigestWorkspace, 'backend' | 'onDidChange'>, listener: (loading: boolean) => void): vscode.Disposable {
	return followIndex(workspace, (service) => {
		listener(service.loadingLongFields);
		return service.onLongFieldsLoading(listener);
	});
}

/** Calls `listener` each time the workspace's index answers a search while it still loads the long fields' text (SearchService.onLoadingAnswer). */
export function followLoadingAnswers(workspace: Pick<IDigestWorkspace, 'backend' | 'onDidChange'>, listener: () => void): vscode.Disposable {
	return followIndex(workspace, (service) => service.onLoadingAnswer(listener));
}

/**
 * The index is searchable but still loads the abstracts and summaries (a warm start reads their text
 * back from the files): a word only they have may be found without being shown as matched, or not
 * yet, and a phrase in them is not checked yet.
 */
export function longFieldsLoadingText(): string {
	return vscode.l10n.t('loading abstracts and summaries…');
}

/** Files added or changed that the tree shows and search does not have yet, in a few words (`indexing 3 new or changed digests…`). */
export function indexUpdatesText(pending: number): string {
	return pending === 1 ? vscode.l10n.t('indexing 1 new or changed digest…') : vscode.l10n.t('indexing {0} new or changed digests…', pending);
}
