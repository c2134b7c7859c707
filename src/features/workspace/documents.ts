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
import { pathOf, uriKey } from '../vsc-utils';
import type { CorpusBackend } from './corpus';

/**
 * Open documents at least this long (UTF-16 units) are parsed for the providers by a corpus worker:
 * parsing takes ~60 ms per million characters, and a 48 MB digest seconds.
 */
export const LARGE_DOCUMENT_CHARS = 1_000_000;
/** documents with this many lines are large whatever their length (and their length is not asked: that costs a pass over every line) */
const LARGE_DOCUMENT_LINES = 20_000;

export class OpenDocuments implements vscode.Disposable {
	private readonly digests = new Map<string, { document: vscode.TextDocument; version: number; digest: Digest }>();
	private readonly views = new Map<string, { document: vscode.TextDocument; version: number; view: Promise<DocumentView | undefined> }>();
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
		const cached = this.digests.get(key);
		if (cached && cached.document === document && cached.version === document.version) {
			return cached.digest;
		}
		const digest = parseDigest(document.getText(), pathOf(document.uri));
		if (!document.isClosed) {
			this.digests.set(key, { document, version: document.version, digest });
		}
		return digest;
	}

	/**
	 * What the Outline, folding, CodeLens and diagnostics of an open document need, cached by
	 * version. A large document is parsed by a corpus worker (read from its file when it has no
	 * unsaved changes); undefined when cancelled or when that failed.
	 */
	view(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<DocumentView | undefined> {
		const key = uriKey(document.uri);
		const cached = this.views.get(key);
		if (cached && cached.document === document && cached.version === document.version) return untilCancelled(cached.view, token);
		const view = isLargeDocument(document) ? this.workerView(document) : Promise.resolve(this.hostView(document));
		if (!document.isClosed) this.views.set(key, { document, version: document.version, view });
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
	return document.lineCount >= LARGE_DOCUMENT_LINES || document.offsetAt(new vscode.Position(document.lineCount, 0)) >= LARGE_DOCUMENT_CHARS;
}

