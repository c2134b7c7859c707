/**
 * What every quick pick and input box a command opens shares.
 */
import * as vscode from 'vscode';

/**
 * Whether a quick input should stay open when it loses the keyboard focus. Run from the palette
 * over a focused webview (a paper card, a preview), the palette gives the focus back to the
 * webview as it closes and the webview's iframe takes it a moment after our pick has shown
 * (microsoft/vscode#93950): without this the pick closes by itself, before the reader saw it.
 * Over a text editor a click elsewhere still dismisses it.
 */
export function keepOpenOverWebview(): boolean {
	return vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview;
}
