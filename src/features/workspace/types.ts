import type { DocumentView } from '../../core/documentView';
import type * as vscode from 'vscode';
import type { Digest, Paper } from '../../core/model';
import type { ScanPhase, ScanProgress } from '../../core/scanStatus';
import type { DigestSummary, PaperSummary } from '../../core/summary';
import type { CorpusBackend } from './corpus';

export type { ScanProgress };

/**
 * One digest file known to the workspace: the summary its index shard sent, or, for an open
 * document, the digest parsed from its live text (a Digest is also a DigestSummary).
 */
export interface DigestFile {
	readonly uri: vscode.Uri;
	readonly digest: DigestSummary;
}

/** A paper located in a file: what commands, tree items, search results and cards pass around. */
export interface PaperLocation {
	readonly file: DigestFile;
	readonly paper: PaperSummary;
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
	/** index in the file, to pick among repeats of an id */
	readonly index?: number;
}

/** A paper with every field, read back from its file (or parsed from its open document). */
export interface LoadedPaper {
	readonly paper: Paper;
	readonly day?: string;
	readonly label: string;
	readonly index: number;
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
	/** resolves when the first full scan is done: every file's summary is known */
	readonly ready: Promise<void>;
	/** fires (throttled) while a full scan reads files, and once when it ends */
	readonly onDidChangeProgress: vscode.Event<ScanProgress>;
	/** the current or last full scan's progress */
	readonly progress: ScanProgress;
	/** what that scan is doing, for the Papers view's message and the status bar (see scanPhase) */
	readonly scanPhase: ScanPhase;
	/** files in the workspace, in no particular order */
	files(): readonly DigestFile[];
	get(uri: vscode.Uri): DigestFile | undefined;
	/**
	 * The digest of an open document, parsed from its live (possibly unsaved) text,
	 * cached by document version.
	 */
	parseDocument(document: vscode.TextDocument): Digest;
	/**
	 * What the Outline, folding, CodeLens and diagnostics of an open document need, cached by
	 * version; large documents are parsed off the editor's thread. Undefined when cancelled or failed.
	 */
	documentView(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentView | undefined>;
	/** is this document a digest (language id, settings globs, or content detection)? */
	isDigestDocument(document: vscode.TextDocument): boolean;
	/** every place a paper id appears, newest day first */
	findPaper(id: string): PaperLocation[];
	/** resolve a reference from a command argument or webview state */
	resolve(ref: PaperRef): PaperLocation | undefined;
	/** every field of a located paper, from its open document or read back by the index */
	loadPaper(location: PaperLocation): Promise<LoadedPaper | undefined>;
	/** the corpus shards (index, summaries, search); undefined in a workspace without digests (they start for the first and end when the last is gone) */
	backend(): Promise<CorpusBackend | undefined>;
	/** rescan everything (the tree's Refresh) */
	refresh(): Promise<void>;
}
