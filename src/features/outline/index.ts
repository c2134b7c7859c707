/**
 * Outline, breadcrumbs, Go to Symbol (file and workspace), folding, diagnostics and the
 * "Open card" CodeLens for arXiv digest documents.
 */
import * as vscode from 'vscode';
import { viewFolding, viewPapers, viewSymbolRows } from '../../core/documentView';
import { paperMatchesWords, queryWords, workspaceSymbolName } from '../../core/symbols';
import { DIGEST_LANGUAGE_ID, readSetting, SETTINGS } from '../settings';
import type { IDigestWorkspace, PaperRef } from '../workspace/types';
import { toDiagnostic, toDocumentSymbol, toFoldingRange, toLinePosition, toRange } from '../vsc-utils';
import { threadSlices } from '../../core/steps';
import { yieldThread } from '../host';

const SELECTOR: vscode.DocumentSelector = { language: DIGEST_LANGUAGE_ID };
const OPEN_CARD_COMMAND = 'arxivDigest.openCard';

/** Go to Symbol in Workspace stops after this many papers; the picker shows few more anyway. */
export const MAX_WORKSPACE_SYMBOLS = 200;
const DIAGNOSTICS_DEBOUNCE_MS = 250;

export function registerOutline(workspace: IDigestWorkspace): vscode.Disposable {
	const codeLens = new OpenCardCodeLensProvider(workspace);
	const disposables: vscode.Disposable[] = [
		vscode.languages.registerDocumentSymbolProvider(SELECTOR, new DigestDocumentSymbolProvider(workspace), { label: 'arXiv Digest' }),
		vscode.languages.registerFoldingRangeProvider(SELECTOR, new DigestFoldingRangeProvider(workspace)),
		vscode.languages.registerWorkspaceSymbolProvider(new DigestWorkspaceSymbolProvider(workspace)),
		vscode.languages.registerCodeLensProvider(SELECTOR, codeLens),
		codeLens,
		new DigestDiagnostics(workspace),
	];
	return vscode.Disposable.from(...disposables);
}

/** Longest run of converting provider results before the thread is given back (a 48 MB digest has ~17,000 papers). */
const SLICE_MS = 20;

/** `items.map(fn)` a slice at a time, giving the thread back in between; undefined once cancelled. */
async function mapInSlices<T, U>(items: Iterable<T>, fn: (item: T) => U, token: vscode.CancellationToken): Promise<U[] | undefined> {
	const out: U[] = [];
	const pause = threadSlices(SLICE_MS, yieldThread);
	for (const item of items) {
		out.push(fn(item));
		const wait = pause();
		if (wait) await wait;
		if (token.isCancellationRequested) {
			return undefined;
		}
	}
	return out;
}

export class DigestDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
	constructor(private readonly workspace: IDigestWorkspace) {}

	async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
		const view = await this.workspace.documentView(document, token);
		if (!view || token.isCancellationRequested) {
			return [];
		}
		// built row by row from the packed view, a slice at a time: a large digest has ~17,000 symbols
		const made: vscode.DocumentSymbol[] = [];
		const top: vscode.DocumentSymbol[] = [];
		const done = await mapInSlices(viewSymbolRows(view), ({ symbol, parent }) => {
			const converted = toDocumentSymbol(symbol, document);
			made.push(converted);
			(parent >= 0 ? made[parent].children : top).push(converted);
		}, token);
		return done ? top : [];
	}
}

export class DigestFoldingRangeProvider implements vscode.FoldingRangeProvider {
	constructor(private readonly workspace: IDigestWorkspace) {}

	async provideFoldingRanges(document: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
		const view = await this.workspace.documentView(document, token);
		if (!view || token.isCancellationRequested) {
			return [];
		}
		return (await mapInSlices(viewFolding(view), toFoldingRange, token)) ?? [];
	}
}

export class DigestWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
	constructor(private readonly workspace: IDigestWorkspace) {}

	async provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): Promise<vscode.SymbolInformation[]> {
		const words = queryWords(query);
		const out: vscode.SymbolInformation[] = [];
		if (words.length === 0) {
			return out;
		}
		// newest days first, so the cap keeps the most recent listings
		const files = [...this.workspace.files()].sort((a, b) => compareDayDesc(a.digest.day, b.digest.day));
		const pause = threadSlices(SLICE_MS, yieldThread);
		for (const file of files) {
			// the first query parses every summary's papers (~70 ms for 167 days): a slice of the thread at a time
			await pause();
			if (token.isCancellationRequested) {
				return [];
			}
			const container = file.digest.day ?? file.digest.label;
			for (const paper of file.digest.papers) {
				if (!paperMatchesWords(paper, words)) {
					continue;
				}
				out.push(new vscode.SymbolInformation(
					workspaceSymbolName(paper),
					vscode.SymbolKind.Class,
					paper.section ? `${container} · ${paper.section}` : container,
					new vscode.Location(file.uri, toLinePosition(paper.headingLine)),
				));
				if (out.length >= MAX_WORKSPACE_SYMBOLS) {
					return out;
				}
			}
		}
		return out;
	}
}

function compareDayDesc(a: string | undefined, b: string | undefined): number {
	if (a === b) {
		return 0;
	}
	if (a === undefined) {
		return 1;
	}
	if (b === undefined) {
		return -1;
	}
	return a < b ? 1 : -1;
}

export class OpenCardCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
	private readonly changeEmitter = new vscode.EventEmitter<void>();
	readonly onDidChangeCodeLenses = this.changeEmitter.event;
	private readonly subscription: vscode.Disposable;

	constructor(private readonly workspace: IDigestWorkspace) {
		this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration(SETTINGS.codeLensEnabled)) {
				this.changeEmitter.fire();
			}
		});
	}

	async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
		if (readSetting<boolean>(SETTINGS.codeLensEnabled) === false) {
			return [];
		}
		const view = await this.workspace.documentView(document, token);
		if (!view || token.isCancellationRequested) {
			return [];
		}
		const uri = document.uri.toString();
		const lenses = await mapInSlices(viewPapers(view), (paper) => {
			const ref: PaperRef = { uri, id: paper.id };
			return new vscode.CodeLens(toRange({ start: paper.headingLine, end: paper.headingLine }, document), {
				title: `$(preview) ${vscode.l10n.t('Open card')}`,
				tooltip: paper.isArxiv ? vscode.l10n.t('Open the card of arXiv:{0}', paper.id) : vscode.l10n.t('Open the card of this paper'),
				command: OPEN_CARD_COMMAND,
				arguments: [ref],
			});
		}, token);
		return lenses ?? [];
	}

	dispose(): void {
		this.subscription.dispose();
		this.changeEmitter.dispose();
	}
}

/** Schemes whose documents mirror another file (diff sides, git history): no duplicate problems. */
const MIRROR_SCHEMES = new Set(['git', 'gitfs', 'output', 'vscode-scm', 'review', 'pr']);

export class DigestDiagnostics implements vscode.Disposable {
	private readonly collection = vscode.languages.createDiagnosticCollection('arxiv-digest');
	private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
	private readonly subscriptions: vscode.Disposable[] = [];
	private disposed = false;

	constructor(private readonly workspace: IDigestWorkspace) {
		this.subscriptions.push(
			this.collection,
			vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
			vscode.workspace.onDidChangeTextDocument((e) => {
				if (e.contentChanges.length > 0) {
					this.schedule(e.document, DIAGNOSTICS_DEBOUNCE_MS);
				}
			}),
			vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc.uri)),
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(SETTINGS.diagnosticsEnabled)) {
					this.refreshAll();
				}
			}),
		);
		this.refreshAll();
	}

	private refreshAll(): void {
		for (const doc of vscode.workspace.textDocuments) {
			this.schedule(doc, 0);
		}
	}

	private schedule(document: vscode.TextDocument, delay: number): void {
		const key = document.uri.toString();
		const previous = this.timers.get(key);
		if (previous) {
			clearTimeout(previous);
		}
		this.timers.set(key, setTimeout(() => {
			this.timers.delete(key);
			void this.update(document);
		}, delay));
	}

	private async update(document: vscode.TextDocument): Promise<void> {
		if (document.isClosed) {
			this.collection.delete(document.uri);
			return;
		}
		// The language can change while open ("Treat as digest", or back to Markdown).
		if (document.languageId !== DIGEST_LANGUAGE_ID || MIRROR_SCHEMES.has(document.uri.scheme)) {
			this.collection.delete(document.uri);
			return;
		}
		if (readSetting<boolean>(SETTINGS.diagnosticsEnabled, document.uri) === false) {
			this.collection.delete(document.uri);
			return;
		}
		const version = document.version;
		const view = await this.workspace.documentView(document);
		// a newer version has its own update scheduled; a closed document keeps no problems
		if (!view || this.disposed || document.isClosed || document.version !== version || document.languageId !== DIGEST_LANGUAGE_ID) {
			return;
		}
		this.collection.set(document.uri, view.diagnostics.map((d) => toDiagnostic(d, document)));
	}

	private clear(uri: vscode.Uri): void {
		const key = uri.toString();
		const timer = this.timers.get(key);
		if (timer) {
			clearTimeout(timer);
			this.timers.delete(key);
		}
		this.collection.delete(uri);
	}

	dispose(): void {
		this.disposed = true;
		for (const timer of this.timers.values()) {
			clearTimeout(timer);
		}
		this.timers.clear();
		for (const d of this.subscriptions.splice(0)) {
			d.dispose();
		}
	}
}
