/**
 * The one place where core (vscode-free) types become VS Code types and back.
 */
import * as vscode from 'vscode';
import type { FoldingRegion } from '../core/folding';
import type { DigestDiagnostic, LineRange, Severity } from '../core/model';
import type { DigestSymbol } from '../core/symbols';
import { localizedMessage } from './diagnosticText';

/**
 * Whole lines `start..end`. With a document the range is clamped to it and ends at the last
 * line's end; without one it ends at column 0 of the line after, which the editor reads the same.
 */
export function toRange(range: LineRange, document?: vscode.TextDocument): vscode.Range {
	if (!document) {
		const start = Math.max(0, range.start);
		const end = Math.max(start, range.end);
		return new vscode.Range(start, 0, end + 1, 0);
	}
	const last = Math.max(0, document.lineCount - 1);
	const start = clamp(range.start, 0, last);
	const end = clamp(Math.max(range.start, range.end), start, last);
	return new vscode.Range(start, 0, end, document.lineAt(end).text.length);
}

/** The start of a line: where a Location or a reveal should put the cursor. */
export function toLinePosition(line: number): vscode.Range {
	const l = Math.max(0, line);
	return new vscode.Range(l, 0, l, 0);
}

/** A single line's text without leading indentation, for diagnostics and selections. */
export function toLineTextRange(line: number, document: vscode.TextDocument): vscode.Range {
	const l = clamp(line, 0, Math.max(0, document.lineCount - 1));
	const text = document.lineAt(l);
	return new vscode.Range(l, text.firstNonWhitespaceCharacterIndex, l, text.text.length);
}

export function fromRange(range: vscode.Range): LineRange {
	const endsAtLineStart = range.end.character === 0 && range.end.line > range.start.line;
	return { start: range.start.line, end: endsAtLineStart ? range.end.line - 1 : range.end.line };
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
	switch (severity) {
		case 'error':
			return vscode.DiagnosticSeverity.Error;
		case 'warning':
			return vscode.DiagnosticSeverity.Warning;
		case 'info':
			return vscode.DiagnosticSeverity.Information;
		case 'hint':
			return vscode.DiagnosticSeverity.Hint;
	}
}

export const DIAGNOSTIC_SOURCE = 'arXiv Digest';

/**
 * The language of the extension's own words: the display language when VS Code loaded a translation
 * of ours (`zh-cn`), else English. A webview's `<html lang>`: a card in a German VS Code has English
 * words, which a screen reader would read in a German voice under `lang="de"`.
 */
export function wordsLanguage(): string {
	return vscode.l10n.bundle ? vscode.env.language : 'en';
}

/** the display language is English (`en`, `en-us`…): parser messages are shown as written */
const ENGLISH = /^en\b/i.test(vscode.env.language);

export function toDiagnostic(d: DigestDiagnostic, document: vscode.TextDocument): vscode.Diagnostic {
	// A multi-line squiggle over a whole paper hides the text; mark where the problem starts.
	// the parser writes English; the Problems view speaks the reader's language (in English nothing to do:
	// a 50 MB digest can have tens of thousands of diagnostics)
	const message = (!ENGLISH && localizedMessage(d, vscode.l10n)) || d.message;
	const diagnostic = new vscode.Diagnostic(toLineTextRange(d.range.start, document), message, toSeverity(d.severity));
	diagnostic.source = DIAGNOSTIC_SOURCE;
	diagnostic.code = d.code;
	return diagnostic;
}

export function toDocumentSymbol(symbol: DigestSymbol, document: vscode.TextDocument): vscode.DocumentSymbol {
	const range = toRange(symbol.range, document);
	const selection = toLineTextRange(symbol.selectionRange.start, document);
	const result = new vscode.DocumentSymbol(
		symbol.name,
		symbol.detail,
		symbol.kind === 'category' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.Class,
		range,
		range.contains(selection) ? selection : range,
	);
	result.children = symbol.children.map((child) => toDocumentSymbol(child, document));
	return result;
}

export function toFoldingRange(region: FoldingRegion): vscode.FoldingRange {
	// Region, not Comment/Imports: "Fold All Regions" then folds papers and categories alike.
	return new vscode.FoldingRange(region.start, region.end, vscode.FoldingRangeKind.Region);
}

/**
 * Disposes `disposables` last first and empties the list: what was registered later, and may use what
 * came before it, goes first (a card's read mark reaches the reading store before the store's last
 * write). One that throws does not keep the rest from being disposed; the first error is thrown after.
 */
export function disposeLastFirst(disposables: vscode.Disposable[]): void {
	let first: { error: unknown } | undefined;
	for (const d of disposables.splice(0).reverse()) {
		try {
			d.dispose();
		} catch (error) {
			first ??= { error };
		}
	}
	if (first) throw first.error;
}

/** A document's length in characters (a pass over its lines: ask for it only when the line count is not enough). */
export function documentLength(document: vscode.TextDocument): number {
	return document.offsetAt(new vscode.Position(document.lineCount, 0));
}

/** The path handed to the parser: it only looks at the file name (for the day) and echoes it back. */
export function pathOf(uri: vscode.Uri): string {
	return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

/** Workspace-relative path with forward slashes, as globs in settings are written. */
export function relativePathOf(uri: vscode.Uri): string {
	return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

/** file systems that ignore case, where globs in settings must too (false in a browser) */
export { PATH_NOCASE } from './host';

export function uriKey(uri: vscode.Uri): string {
	return uri.toString();
}

export function parseUri(value: string): vscode.Uri | undefined {
	try {
		return vscode.Uri.parse(value, true);
	} catch {
		return undefined;
	}
}

function clamp(n: number, lo: number, hi: number): number {
	return Math.min(Math.max(n, lo), hi);
}
