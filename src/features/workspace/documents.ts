/**
 * The open digest documents: what the Outline, folding, CodeLens, diagnostics and an open digest's
 * live text need, parsed from the editor's text (unsaved edits included) and cached by document
 * version until the document closes. A large document is parsed by a corpus worker, so the
 * editor's thread stays free.
 *
 * A change of language is no close: VS Code reports it as a close and an open of the same document
 * object, which stays open (`isClosed` false) with its version and text. A digest saved as `.md`
 * opens as Markdown and is switched to the digest language (features/language) while the
 * decorations already ask for its view; dropping the view at that "close" parsed the whole file
 * again for the Outline, folding and CodeLens of the switched document, on the host's thread, just
 * when the workbench asks for them.
 */
import * as vscode from 'vscode';
import { untilCancelled } from '../../core/cancel';
import { buildDocumentView, type DocumentView } from '../../core/documentView';
import type { Digest } from '../../core/model';
import { parseDigest } from '../../core/parser';
import { errorText, getLog } from '../log';
import { documentLength, pathOf, uriKey } from '../vsc-utils';
import type { CorpusBackend } from './corpus';

/**
 * Open documents at least this long (UTF-16 units) are parsed for the providers by a corpus worker:
 * parsing takes ~60 ms per million characters, and a 48 MB digest seconds.
 */
export const LARGE_DOCUMENT_CHARS = 1_000_000;
/** documents with this many lines are large whatever their length (and their length is not asked: that costs a pass over every line) */
const LARGE_DOCUMENT_LINES = 20_000;

/** What is kept for one open document, as long as it is the same document object at the same version. */
type PerVersion<T> = { readonly document: vscode.TextDocument; readonly version: number; readonly value: T };

/** The value kept for `document` in `map`, if it was made from this document object at its version. */
function current<T>(map: Map<string, PerVersion<T>>, key: string, document: vscode.TextDocument): T | undefined {
	const cached = map.get(key);
	return cached && cached.document === document && cached.version === document.version ? cached.value : undefined;
}

/** Keeps `value` for `document` at its version; a closed document keeps nothing. */
function keep<T>(map: Map<string, PerVersion<T>>, key: string, document: vscode.TextDocument, value: T): T {
	if (!document.isClosed) map.set(key, { document, version: document.version, value });
	return value;
}

export class OpenDocuments implements vscode.Disposable {
	private readonly digests = new Map<string, PerVersion<Digest>>();
	private readonly views = new Map<string, PerVersion<Promise<DocumentView | undefined>>>();
	private readonly closing: vscode.Disposable;
	private disposed = false;

	/** `backend`: the workspace's corpus shards, which parse large documents (undefined: none run) */
	constructor(private readonly backend: () => Promise<CorpusBackend | undefined>) {
		this.closing = vscode.workspace.onDidCloseTextDocument((doc) => {
			// a language change: the same document, reopened right after this event
			if (!doc.isClosed) return;
			this.digests.delete(uriKey(doc.uri));
			this.views.delete(uriKey(doc.uri));
		});
	}

	/** The digest of an open document, parsed from its live text, cached by version. */
	parse(document: vscode.TextDocument): Digest {
		const key = uriKey(document.uri);
		return current(this.digests, key, document) ?? keep(this.digests, key, document, parseDigest(document.getText(), pathOf(document.uri)));
	}

	/**
	 * What the Outline, folding, CodeLens and diagnostics of an open document need, cached by
	 * version. A large document is parsed by a corpus worker (read from its file when it has no
	 * unsaved changes); undefined when cancelled or when that failed.
	 */
	view(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentView | undefined> {
		const key = uriKey(document.uri);
		const view = current(this.views, key, document)
			?? keep(this.views, key, document, isLargeDocument(document) ? this.workerView(document) : Promise.resolve(this.hostView(document)));
		return untilCancelled(view, token);
	}

	dispose(): void {
		this.disposed = true;
		this.closing.dispose();
		this.digests.clear();
		this.views.clear();
	}

	private hostView(document: vscode.TextDocument): DocumentView {
		return buildDocumentView(this.parse(document), (line) => (line < document.lineCount ? document.lineAt(line).text : undefined));
	}

	private async workerView(document: vscode.TextDocument): Promise<DocumentView | undefined> {
		const backend = await this.backend();
		// no shards (a workspace without candidate files, no folder): parse here as before
		if (!backend || this.disposed) return document.isClosed ? undefined : this.hostView(document);
		const version = document.version;
		const fromDisk = document.uri.scheme === 'file' && !document.isDirty;
		const text = fromDisk ? undefined : new TextEncoder().encode(document.getText());
		try {
			const view = await backend.service.documentView(backend.keyOf(document.uri), text);
			if (!view) getLog().warn(`arXiv Digest: could not read ${document.uri.toString(true)} for its outline`);
			return view;
		} catch (err) {
			getLog().warn(`arXiv Digest: could not parse ${document.uri.toString(true)} (version ${version}): ${errorText(err)}`);
			return undefined;
		}
	}
}

/** At least LARGE_DOCUMENT_LINES lines or LARGE_DOCUMENT_CHARS characters. */
export function isLargeDocument(document: vscode.TextDocument): boolean {
	return document.lineCount >= LARGE_DOCUMENT_LINES || documentLength(document) >= LARGE_DOCUMENT_CHARS;
}

