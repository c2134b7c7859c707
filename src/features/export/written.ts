/**
 * What an export says once its file is written: a message with Open File (the file in an editor)
 * and, where the editor can show it in the operating system's file manager, that too. A status-bar
 * line alone was easy to miss, and the file was then one dialog away.
 */
import * as vscode from 'vscode';
import { hostPlatform } from '../host';

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
 * Says `message` (a warning when something was left out) with Open File and, where it exists, the
 * reveal; resolves once the reader chose or dismissed it. Not awaited by the exports: they return the
 * file's URI at once.
 */
export async function showWrittenFile(message: string, uri: vscode.Uri, severity: 'info' | 'warning' = 'info'): Promise<void> {
	const open = vscode.l10n.t('Open File');
	const reveal = revealLabel(uri, hostPlatform);
	const buttons = reveal ? [open, reveal] : [open];
	const choice = severity === 'warning' ? await vscode.window.showWarningMessage(message, ...buttons) : await vscode.window.showInformationMessage(message, ...buttons);
	if (choice === open) await vscode.commands.executeCommand('vscode.open', uri);
	else if (choice !== undefined && choice === reveal) await vscode.commands.executeCommand('revealFileInOS', uri);
}
