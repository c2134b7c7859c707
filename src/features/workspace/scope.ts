/**
 * Which files of the workspace are candidate digests: `arxivDigest.workspace.include` minus
 * `arxivDigest.workspace.exclude` (content detection decides later), plus the files named by an
 * `arxivDigest.files` glob, which are digests whatever they hold.
 */
import * as vscode from 'vscode';
import { CANDIDATE_GLOB, isDigestFolder, mayBeDigestPath } from '../../core/candidates';
import { matchesGlob } from '../../core/glob';
import { readLocalDirectory } from '../host';
import { errorText, getLog } from '../log';
import { SETTINGS, type SettingKey } from '../settings';
import { PATH_NOCASE, relativePathOf, uriKey } from '../vsc-utils';

const DEFAULT_INCLUDE = '**/*.md';
const DEFAULT_EXCLUDE = '**/node_modules/**';

export interface Candidate {
	readonly uri: vscode.Uri;
	/** named by an `arxivDigest.files` glob: no content detection */
	readonly always: boolean;
}

/**
 * One setting of ours: its section asked for alone, as the editor copies every top-level key of a
 * configuration it is asked for whole (`getConfiguration()`) into the object it returns.
 */
function setting<T>(key: SettingKey, scope?: vscode.Uri): T | undefined {
	const dot = key.indexOf('.');
	return vscode.workspace.getConfiguration(key.slice(0, dot), scope).get<T>(key.slice(dot + 1));
}

export function alwaysGlobs(scope: vscode.Uri | undefined): string[] {
	const globs = setting<unknown>(SETTINGS.files, scope);
	return Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim().length > 0) : [];
}

export function includeGlob(scope: vscode.Uri | undefined): string {
	return setting<string>(SETTINGS.workspaceInclude, scope) || DEFAULT_INCLUDE;
}

export function excludeGlob(): string {
	const value = setting<string>(SETTINGS.workspaceExclude);
	return typeof value === 'string' ? value : DEFAULT_EXCLUDE;
}

/** Every candidate of every workspace folder, by URI key. */
export async function findCandidates(): Promise<Map<string, Candidate>> {
	const out = new Map<string, Candidate>();
	const exclude = excludeGlob();
	for (const folder of vscode.workspace.workspaceFolders ?? []) {
		for (const pattern of alwaysGlobs(folder.uri)) {
			for (const uri of await findFiles(new vscode.RelativePattern(folder, pattern), exclude)) {
				out.set(uriKey(uri), { uri, always: true });
			}
		}
		// with detection off only the globs name digests
		if (setting<boolean>(SETTINGS.detect, folder.uri) === false) continue;
		// with the default include, only the paths that may be digests' are listed (see CANDIDATE_GLOB)
		const include = includeGlob(folder.uri);
		const relative = relativeTo(folder);
		for (const uri of await findFiles(new vscode.RelativePattern(folder, include === DEFAULT_INCLUDE ? CANDIDATE_GLOB : include), exclude)) {
			const key = uriKey(uri);
			if (!out.has(key) && mayBeDigestPath(relative(uri))) out.set(key, { uri, always: false });
		}
	}
	return out;
}

/**
 * The path of a file below `folder` relative to it: a slice of its path (the editor's
 * asRelativePath looks the folder up again for every file of a listing), else asRelativePath.
 */
function relativeTo(folder: vscode.WorkspaceFolder): (uri: vscode.Uri) => string {
	const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
	return (uri) => (uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority && uri.path.startsWith(base) ? uri.path.slice(base.length) : relativePathOf(uri));
}

/** A folder's entries: a local one by node:fs where the host has it (readLocalDirectory), else through vscode.workspace.fs. */
export function readDirectory(dir: vscode.Uri): Thenable<[string, vscode.FileType][]> {
	return dir.scheme === 'file' && readLocalDirectory ? readLocalDirectory(dir.fsPath) : vscode.workspace.fs.readDirectory(dir);
}

/**
 * A first look for candidates where digests usually are — a workspace folder's own files and
 * those of its digest folders (`data/2026-02-06.md`) — with a few directory reads, while findCandidates
 * lists the whole workspace (0.3–0.5 s on a 2-core machine): a cold start reads these meanwhile.
 * The same rules as findCandidates: candidateFor, and files.exclude and search.exclude.
 */
export async function quickCandidates(): Promise<Map<string, Candidate>> {
	const out = new Map<string, Candidate>();
	const exclude = combinedExclude(excludeGlob());
	const excluded = (relative: string) => exclude !== undefined && matchesGlob(relative, [exclude], { nocase: PATH_NOCASE });
	/** a folder's entries with their paths relative to the workspace folder (`prefix`: the folder's own) */
	const list = async (dir: vscode.Uri, prefix: string): Promise<{ uri: vscode.Uri; relative: string; type: vscode.FileType }[]> => {
		try {
			return (await readDirectory(dir)).map(([name, type]) => ({ uri: vscode.Uri.joinPath(dir, name), relative: prefix + name, type }));
		} catch {
			// unreadable: findCandidates says so
			return [];
		}
	};
	await Promise.all(
		(vscode.workspace.workspaceFolders ?? []).map(async (folder) => {
			const scope = scopeOf(folder);
			// an `arxivDigest.files` glob may name any file; else the name decides first, cheaply
			const named = alwaysGlobs(folder.uri).length > 0;
			const consider = (entries: { uri: vscode.Uri; relative: string; type: vscode.FileType }[]) => {
				for (const { uri, relative, type } of entries) {
					if (!(type & vscode.FileType.File) || (!named && !mayBeDigestPath(relative))) continue;
					const candidate = scope(uri, relative);
					if (candidate && !excluded(relative)) out.set(uriKey(uri), candidate);
				}
			};
			const top = await list(folder.uri, '');
			consider(top);
			const folders = top.filter(({ relative, type }) => type & vscode.FileType.Directory && isDigestFolder(relative) && !excluded(relative));
			for (const entries of await Promise.all(folders.map(({ uri, relative }) => list(uri, `${relative}/`)))) consider(entries);
		}),
	);
	return out;
}

/**
 * One exclude glob: ours plus the user's `files.exclude` and `search.exclude` (findFiles applies
 * files.exclude only when given no exclude at all, and search.exclude never).
 */
export function combinedExclude(exclude: string): string | undefined {
	const own = exclude.trim();
	// globs do not nest braces: a setting that uses them is applied alone
	if (/[{}]/.test(own)) return own;
	const patterns = new Set<string>();
	if (own) patterns.add(own);
	for (const section of ['files.exclude', 'search.exclude']) {
		const map = vscode.workspace.getConfiguration().get<Record<string, unknown>>(section) ?? {};
		// a `when` clause (an object) depends on sibling files: findFiles cannot express it
		for (const [glob, on] of Object.entries(map)) if (on === true && !/[{}]/.test(glob)) patterns.add(glob);
	}
	const list = [...patterns];
	if (list.length === 0) return undefined;
	return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}

export async function findFiles(pattern: vscode.RelativePattern, exclude: string): Promise<vscode.Uri[]> {
	try {
		return await vscode.workspace.findFiles(pattern, combinedExclude(exclude));
	} catch (err) {
		getLog().warn(`arXiv Digest: cannot list ${pattern.pattern} in ${pattern.baseUri.toString(true)}: ${errorText(err)}`);
		return [];
	}
}

/** Is this file in scope (include minus exclude, or an always-digest glob)? */
export function candidateFor(uri: vscode.Uri): Candidate | undefined {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	return folder && scopeOf(folder)(uri, relativePathOf(uri));
}

/**
 * candidateFor's rules for the files of one workspace folder, its settings read once (a first look
 * at a folder of 167 digests spent ~100 ms of the extension host reading them per file).
 */
function scopeOf(folder: vscode.WorkspaceFolder): (uri: vscode.Uri, relative: string) => Candidate | undefined {
	const always = alwaysGlobs(folder.uri);
	const detect = setting<boolean>(SETTINGS.detect, folder.uri) !== false;
	const include = includeGlob(folder.uri);
	const exclude = excludeGlob();
	return (uri, relative) => {
		if (matchesGlob(relative, always, { nocase: PATH_NOCASE })) return { uri, always: true };
		if (!detect || !mayBeDigestPath(relative) || !matchesGlob(relative, [include]) || (exclude && matchesGlob(relative, [exclude]))) return undefined;
		return { uri, always: false };
	};
}

/** Could files below this new folder be candidates? (skips `.git`, names with an extension, excluded folders) */
export function folderMayHoldCandidates(uri: vscode.Uri): boolean {
	const exclude = excludeGlob();
	const probe = `${relativePathOf(uri)}/probe.md`;
	return !(/\.[^/]{1,8}$/.test(uri.path) || /(^|\/)\.git(\/|$)/.test(uri.path) || (exclude && matchesGlob(probe, [exclude])));
}
