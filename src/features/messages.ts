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
