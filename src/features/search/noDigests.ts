/**
 * Search Papers in a workspace without digests: nothing failed, there is nothing to search yet. The
 * search box says so calmly and offers the Papers view's ways out (its welcome: Open Sample Digests,
 * Open Folder).
 */
import * as vscode from 'vscode';
import { OPEN_SAMPLES_COMMAND } from '../paperActions';

/** what the search's backend answers in a workspace with no digest files (yet) */
export class NoDigestsError extends Error {}

/** a row of the search box that runs a command when picked */
export interface CommandItem extends vscode.QuickPickItem {
	readonly command?: string;
}

export function noDigestsItems(): CommandItem[] {
	return [
		{ label: `$(info) ${vscode.l10n.t('No digest files in this workspace yet: open a folder of daily digests, or the sample digests.')}`, alwaysShow: true },
		{ label: `$(book) ${vscode.l10n.t('Open Sample Digests')}`, command: OPEN_SAMPLES_COMMAND, alwaysShow: true },
		{ label: `$(folder-opened) ${vscode.l10n.t('Open Folder…')}`, command: 'vscode.openFolder', alwaysShow: true },
	];
}
