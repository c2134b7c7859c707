/**
 * Where a save dialog of an export (papers, the reading state) proposes its file: in the folder of
 * the reader's last export, else in Downloads (or the home folder) on the desktop; not in the digest
 * folder, where a file saved by default was left untracked in a repository the reader `git pull`s.
 * In a browser there is no home folder: without a last export the first workspace folder stays the
 * proposal (the dialog itself would start there, without the file's name). A name already taken is
 * numbered; a digest is never written over (the export checks the file chosen).
 */
import * as vscode from 'vscode';
import { homeDir } from '../host';

const LAST_FOLDER_KEY = 'arxivDigest.export.lastFolder';

/** The file or folder at `uri`, or undefined when there is none (or it cannot be read). */
async function statOf(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
	try {
		return await vscode.workspace.fs.stat(uri);
	} catch {
		return undefined;
	}
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
	return (((await statOf(uri))?.type ?? 0) & vscode.FileType.Directory) !== 0;
}

/** The folder an export's save dialog starts in (see the file's comment). */
async function exportFolder(state: vscode.Memento): Promise<vscode.Uri | undefined> {
	const last = state.get<string>(LAST_FOLDER_KEY);
	if (typeof last === 'string') {
		try {
			const folder = vscode.Uri.parse(last, true);
			if (await isFolder(folder)) return folder;
		} catch {
			// not a URI any more: the default below
		}
	}
	const home = homeDir();
	if (home === undefined) return vscode.workspace.workspaceFolders?.[0]?.uri;
	const downloads = vscode.Uri.joinPath(vscode.Uri.file(home), 'Downloads');
	return (await isFolder(downloads)) ? downloads : vscode.Uri.file(home);
}

/** how many numbered names (`name-2.md`, …) a proposal tries before it leaves the dialog to ask */
const NUMBERED_NAMES = 20;

/**
 * The file `name` an export's save dialog proposes, numbered (`name-2.ext`) when a file of that name
 * is there already: Enter in the dialog never proposes to replace a file (in a browser the dialog
 * starts in the workspace folder, where a day's export was named like the day's digest).
 */
export async function exportSaveUri(state: vscode.Memento, name: string): Promise<vscode.Uri | undefined> {
	const folder = await exportFolder(state);
	if (!folder) return undefined;
	const dot = name.lastIndexOf('.');
	const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
	for (let n = 1; n <= NUMBERED_NAMES; n++) {
		const uri = vscode.Uri.joinPath(folder, n === 1 ? name : `${base}-${n}${extension}`);
		if ((await statOf(uri)) === undefined) return uri;
	}
	return vscode.Uri.joinPath(folder, name);
}

/** An export was written to `file`: the next export's dialog starts in its folder. */
export function rememberExportFolder(state: vscode.Memento, file: vscode.Uri): Thenable<void> {
	return state.update(LAST_FOLDER_KEY, vscode.Uri.joinPath(file, '..').toString());
}
