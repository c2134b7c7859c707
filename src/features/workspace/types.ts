import type * as vscode from 'vscode';
import type { Digest, Paper } from '../../core/model';

/** One digest file known to the workspace, parsed. */
export interface DigestFile {
	readonly uri: vscode.Uri;
	readonly digest: Digest;
}

/** A paper located in a file: what commands, tree items, search results and cards pass around. */
export interface PaperLocation {
	readonly file: DigestFile;
	readonly paper: Paper;
	/** index of the paper in file.digest.papers */
	readonly index: number;
}

/**
 * Serializable reference to a paper, used as a command argument and in webview state.
 * `uri` is `Uri.toString()`; `id` is Paper.id. Resolving prefers (uri, id), then id anywhere.
 */
export interface PaperRef {
	readonly uri?: string;
	readonly id: string;
}

/** Where a full scan stands; `scanning` is false once it finished (then done === total). */
export interface ScanProgress {
	readonly done: number;
	readonly total: number;
	readonly scanning: boolean;
}

export interface DigestWorkspaceChange {
	readonly uri: vscode.Uri;
	readonly kind: 'added' | 'changed' | 'removed';
}

/**
 * Every digest file in the workspace, parsed once and kept up to date one file at a time.
 * Implemented in ./digestWorkspace.ts; features receive it in their register function.
 */
export interface IDigestWorkspace extends vscode.Disposable {
	/** fires (debounced) after files were added, changed or removed */
	readonly onDidChange: vscode.Event<readonly DigestWorkspaceChange[]>;
	/** resolves when the first full scan is done */
	readonly ready: Promise<void>;
	/**
	 * Every file the first scan will read (before content detection), as soon as the file search
	 * answers, so work that reads the files itself (the search index) need not wait for `ready`.
	 */
	readonly candidates?: Promise<readonly vscode.Uri[]>;
	/** fires (throttled) while a full scan reads files, and once when it ends */
	readonly onDidChangeProgress: vscode.Event<ScanProgress>;
	/** the current or last full scan's progress */
	readonly progress: ScanProgress;
	/** files in the workspace, in no particular order */
	files(): readonly DigestFile[];
	get(uri: vscode.Uri): DigestFile | undefined;
	/**
	 * The digest of an open document, parsed from its live (possibly unsaved) text,
	 * cached by document version.
	 */
	parseDocument(document: vscode.TextDocument): Digest;
	/** is this document a digest (language id, settings globs, or content detection)? */
	isDigestDocument(document: vscode.TextDocument): boolean;
	/** every place a paper id appears, newest day first */
	findPaper(id: string): PaperLocation[];
	/** resolve a reference from a command argument or webview state */
	resolve(ref: PaperRef): PaperLocation | undefined;
	/** rescan everything (the tree's Refresh) */
	refresh(): Promise<void>;
}
