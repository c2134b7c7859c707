/**
 * What an export says once its file is written: a message that names it by its path, with Open File
 * (the file in an editor), Reveal in Explorer View for a file in the workspace (in a browser too) and,
 * where the editor can show it in the operating system's file manager, that too. A status-bar
 * line alone was easy to miss, and the file was then one dialog away.
 */
import * as vscode from 'vscode';
import { hostPlatform } from '../host';
import { showInformationMessage, showWarningMessage } from '../messages';

/**
 * The workbench's own name of "reveal in the OS" on `platform` (hostPlatform), or undefined where there is none:
 * `revealFileInOS` is the desktop's (not a browser's), and reveals files of this machine (not of a
 * remote extension host).
 */
export function revealLabel(uri: vscode.Uri, platform: string | undefined): string | undefined {
	if (vscode.env.uiKind !== vscode.UIKind.Desktop || vscode.env.remoteName !== undefined || uri.scheme !== 'file' || platform === undefined) return undefined;
	if (platform === 'darwin') return vscode.l10n.t('Reveal in Finder');
	if (platform === 'win32') return vscode.l10n.t('Reveal in File Explorer');
	return vscode.l10n.t('Open Containing Folder');
}

/**
 * How a message names a written file so that the reader can find it: in a workspace folder, its path
 * from there with the folder's name (`digests/exports/papers-2026-06-15.md`: in a browser the folder is
 * the workspace's, and the bare file name alone sent a tester looking for it); elsewhere, its full path.
 */
export function writtenFileName(uri: vscode.Uri): string {
	if (vscode.workspace.getWorkspaceFolder(uri)) return vscode.workspace.asRelativePath(uri, true);
	return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

/** What showWrittenFile said last and the buttons it offered, for the real-editor tests. */
export interface WrittenMessage {
	readonly message: string;
	readonly buttons: readonly string[];
	readonly uri: vscode.Uri;
}
let lastWritten: WrittenMessage | undefined;
export function lastWrittenMessage(): WrittenMessage | undefined {
	return lastWritten;
}

/**
 * Says `message` (a warning when something was left out) with Open File, Reveal in Explorer View for a
 * file in the workspace and, where it exists, the reveal in the OS; resolves once the reader chose or
 * dismissed it. Not awaited by the exports: they return the file's URI at once.
 */
export async function showWrittenFile(message: string, uri: vscode.Uri, severity: 'info' | 'warning' = 'info'): Promise<void> {
	const open = vscode.l10n.t('Open File');
	const explorer = vscode.workspace.getWorkspaceFolder(uri) ? vscode.l10n.t('Reveal in Explorer View') : undefined;
	const reveal = revealLabel(uri, hostPlatform);
	const buttons = [open, explorer, reveal].filter((b): b is string => b !== undefined);
	lastWritten = { message, buttons, uri };
	const choice = severity === 'warning' ? await showWarningMessage(message, ...buttons) : await showInformationMessage(message, ...buttons);
	if (choice === open) await vscode.commands.executeCommand('vscode.open', uri);
	else if (choice !== undefined && choice === explorer) await vscode.commands.executeCommand('revealInExplorer', uri);
	else if (choice !== undefined && choice === reveal) await vscode.commands.executeCommand('revealFileInOS', uri);
}
