/**
 * The file-system watchers for the workspace's candidate files and its folders, each event
 * debounced per URI and then handed to the workspace (`WatchHandlers`).
 */
import * as vscode from 'vscode';
import { KeyedDebouncer } from '../../core/debounce';
import { errorText, getLog } from '../log';
import { uriKey } from '../vsc-utils';
import { alwaysGlobs } from '../settings';
import { anywhere, includeGlob } from './scope';

export interface WatchHandlers {
	/** a file created, changed or deleted, once its events settled */
	readonly file: (uri: vscode.Uri) => Promise<void>;
	/** a folder created or deleted, once its events settled */
	readonly folder: (uri: vscode.Uri) => Promise<void>;
	/** whether a folder's event can matter at all, asked as it comes */
	readonly folderMatters: (uri: vscode.Uri) => boolean;
}

export class WorkspaceWatchers implements vscode.Disposable {
	private watchers: vscode.Disposable[] = [];
	private readonly events = new KeyedDebouncer();

	/** `debounceMs`: quiet time per URI before an event is handled */
	constructor(
		private readonly debounceMs: number,
		private readonly handlers: WatchHandlers,
	) {}

	/** events waiting for their quiet time */
	get pending(): number {
		return this.events.pending;
	}

	/** events waiting for their quiet time or being handled */
	get unsettled(): number {
		return this.events.pending + this.events.running;
	}

	/** (Re)creates the watchers for the current workspace folders and include globs. */
	watch(): void {
		this.disposeWatchers();
		for (const folder of vscode.workspace.workspaceFolders ?? []) {
			const patterns = new Set([includeGlob(), ...alwaysGlobs(folder.uri)].map(anywhere));
			for (const pattern of patterns) {
				const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, pattern));
				this.watchers.push(
					watcher,
					watcher.onDidCreate((uri) => this.fileEvent(uri)),
					watcher.onDidChange((uri) => this.fileEvent(uri)),
					watcher.onDidDelete((uri) => this.fileEvent(uri)),
				);
			}
			// A deleted or moved folder is reported as one event for the folder itself, which
			// the file globs above do not match.
			const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
			this.watchers.push(folders, folders.onDidCreate((uri) => this.folderEvent(uri)), folders.onDidDelete((uri) => this.folderEvent(uri)));
		}
	}

	/** Debounced per URI: a save, a git checkout or an editor's rename each end in one read. */
	fileEvent(uri: vscode.Uri): void {
		this.debounce(uri, () => this.handlers.file(uri));
	}

	private folderEvent(uri: vscode.Uri): void {
		if (!this.handlers.folderMatters(uri)) {
			return;
		}
		this.debounce(uri, () => this.handlers.folder(uri), `folder:${uriKey(uri)}`);
	}

	private debounce(uri: vscode.Uri, run: () => Promise<void>, key = uriKey(uri)): void {
		this.events.schedule(key, this.debounceMs, run, { onError: (err) => getLog().error(`arXiv Digest: failed to update ${uri.toString(true)}: ${errorText(err)}`) });
	}

	private disposeWatchers(): void {
		for (const w of this.watchers.splice(0)) {
			w.dispose();
		}
	}

	dispose(): void {
		this.events.dispose();
		this.disposeWatchers();
	}
}
