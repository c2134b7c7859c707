/**
 * The editor's notifications for every feature: vscode.window's, with their text made plain
 * (core/messageText.ts: no text of a digest or a setting becomes a link the workbench runs).
 * test/unit/messages.test.ts checks that no other module calls vscode.window's own.
 */
import * as vscode from 'vscode';
import { plainMessageText } from '../core/messageText';

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

function plain<F>(show: () => Show): F {
	return ((message: string, ...rest: unknown[]) => show()(plainMessageText(message), ...rest)) as F;
}

export const showInformationMessage = plain<typeof vscode.window.showInformationMessage>(() => vscode.window.showInformationMessage as Show);
export const showWarningMessage = plain<typeof vscode.window.showWarningMessage>(() => vscode.window.showWarningMessage as Show);
export const showErrorMessage = plain<typeof vscode.window.showErrorMessage>(() => vscode.window.showErrorMessage as Show);

/**
 * Says that something was done (copied, added, saved): in the status bar for a few seconds, out of the
 * way. A status bar message is not spoken, so with the editor's screen reader support set on
 * (`editor.accessibilitySupport`: `on`) it is a notification too, which screen readers announce. In
 * `auto` an extension cannot tell whether a screen reader runs: the card speaks its own copies (its
 * announcer) whatever the setting; `spokenElsewhere`: the card says it (Save Note). `$(icon)`s are for the status bar only.
 */
export function confirmDone(text: string, ms = 3000, spokenElsewhere = false): void {
	vscode.window.setStatusBarMessage(text, ms);
	if (!spokenElsewhere && vscode.workspace.getConfiguration('editor').get<string>('accessibilitySupport') === 'on') {
		void showInformationMessage(text.replace(/\$\([\w~-]+\)\s*/g, ''));
	}
}
