/**
 * Which files of the workspace are candidate digests: `arxivDigest.workspace.include` minus
 * `arxivDigest.workspace.exclude` (content detection decides later), plus the files named by an
 * `arxivDigest.files` glob, which are digests whatever they hold.
 */
import * as vscode from 'vscode';
import { CANDIDATE_GLOB, isDigestFolder, mayBeDigestPath } from '../../core/candidates';
import { expandedGlob, matchesGlob, MAX_GLOB_STARS, tooManyStars, unpairedBracket } from '../../core/glob';
import { readLocalDirectory } from '../host';
import { errorText, getLog } from '../log';
import { detectionRules, readSetting, SETTINGS } from '../settings';
import { PATH_NOCASE, relativePathOf, uriKey } from '../vsc-utils';
import { showWarningMessage } from '../messages';

const DEFAULT_INCLUDE = '**/*.md';
const DEFAULT_EXCLUDE = '**/node_modules/**';

export interface Candidate {
	readonly uri: vscode.Uri;
	/** named by an `arxivDigest.files` glob: no content detection */
	readonly always: boolean;
}

/**
 * the include glob (a window setting: the same for every folder); a value that is no glob (a list, a
 * number: the Settings editor marks it) is the default, as the exclude's
 */
export function includeGlob(): string {
	const value = readSetting<unknown>(SETTINGS.workspaceInclude);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_INCLUDE;
}

export function excludeGlob(): string {
	const value = readSetting<string>(SETTINGS.workspaceExclude);
	return typeof value === 'string' ? value : DEFAULT_EXCLUDE;
}

/**
 * Every candidate of every workspace folder, by URI key. With `walk`, a local folder is walked by
 * node:fs (lookIn) where the host has it; else, or when the walk gives up, the editor's file search
 * lists it.
 */
export async function findCandidates(walk: boolean): Promise<Map<string, Candidate>> {
	const out = new Map<string, Candidate>();
	const exclude = excludeGlob();
	warnAboutGlobs(exclude);
	for (const folder of vscode.workspace.workspaceFolders ?? []) {
		const walked = walk && folder.uri.scheme === 'file' && readLocalDirectory ? await lookIn(folder, 'deep').catch(walkFailed(folder)) : undefined;
		if (walked) {
			// as the file search below: a glob's file whatever an earlier folder (one this one is inside) said, else the first folder's
			for (const [key, candidate] of walked) if (candidate.always || !out.has(key)) out.set(key, candidate);
			continue;
		}
		const { globs, detect } = detectionRules(folder.uri);
		for (const pattern of globs) {
			for (const uri of await findFiles(new vscode.RelativePattern(folder, anywhere(pattern)), exclude)) {
				out.set(uriKey(uri), { uri, always: true });
			}
		}
		// with detection off only the globs name digests
		if (!detect) continue;
		// with the default include, only the paths that may be digests' are listed (see CANDIDATE_GLOB)
		const include = includeGlob();
		const relative = relativeTo(folder);
		const byName = nameFilter(include);
		for (const uri of await findFiles(new vscode.RelativePattern(folder, include === DEFAULT_INCLUDE ? CANDIDATE_GLOB : anywhere(include)), exclude)) {
			const key = uriKey(uri);
			if (!out.has(key) && byName(relative(uri))) out.set(key, { uri, always: false });
		}
	}
	return nested() ? judgedByOwnFolder(out) : out;
}

/** Is a workspace folder inside another (`research/` and `research/forkA/` both open)? */
function nested(): boolean {
	const paths = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString().replace(/\/?$/, '/'));
	return paths.some((p, i) => paths.some((q, j) => i !== j && p.startsWith(q)));
}

/**
 * With nested folders the outer one's walk or search lists the inner one's files by the outer one's
 * settings, while a file event judges a file by its innermost folder's (candidateFor): a file the
 * inner folder's `files.exclude` hides came at a reload and went at its next change. Each candidate
 * is judged as a file event would then, each folder's rules read once.
 */
function judgedByOwnFolder(found: Map<string, Candidate>): Map<string, Candidate> {
	const rules = new Map<vscode.WorkspaceFolder, ReturnType<typeof scopeOf>>();
	const out = new Map<string, Candidate>();
	for (const [key, { uri }] of found) {
		const folder = vscode.workspace.getWorkspaceFolder(uri);
		if (!folder) continue;
		let judge = rules.get(folder);
		if (!judge) rules.set(folder, (judge = eventScopeOf(folder)));
		const candidate = judge(uri, relativePathOf(uri));
		if (candidate) out.set(key, candidate);
	}
	return out;
}

/** the globs warned about in this window, by setting and glob: each once */
const globsWarned = new Set<string>();

/**
 * A warning, with a button that opens the setting, for each glob of the scan's settings that matches no
 * file: a brace or bracket without its pair (`*.{md,markdown`, `data/[0-9*.md`), or too many `*` (core/glob.ts tooManyStars); the
 * Papers view would miss days without a word.
 */
function warnAboutGlobs(exclude: string): void {
	// [setting, its globs, how the message names it]: the files setting by the folders whose value has the
	// glob when not all of a multi-root workspace's do (a folder's own settings), once for all of them
	const folders = vscode.workspace.workspaceFolders ?? [];
	const filesGlobs = new Map<string, string[]>();
	for (const folder of folders) for (const glob of detectionRules(folder.uri).globs) filesGlobs.set(glob, [...(filesGlobs.get(glob) ?? []), folder.name]);
	const settings: [string, string[], string][] = [
		[SETTINGS.workspaceInclude, [includeGlob()], SETTINGS.workspaceInclude],
		[SETTINGS.workspaceExclude, [exclude], SETTINGS.workspaceExclude],
		...[...filesGlobs].map(([glob, names]): [string, string[], string] => [SETTINGS.files, [glob], names.length < folders.length ? `${SETTINGS.files} (${names.join(', ')})` : SETTINGS.files]),
	];
	for (const [setting, globs, named] of settings) {
		for (const glob of globs) {
			const brace = unpairedBracket(glob);
			const stars = expandedGlob(glob).some(tooManyStars);
			const key = `${named}\n${glob}`;
			if ((brace === undefined && !stars) || globsWarned.has(key)) continue;
			globsWarned.add(key);
			const open = vscode.l10n.t('Open Settings');
			const message =
				brace !== undefined
					? vscode.l10n.t('{0}: the "{1}" of "{2}" has no pair, so this glob matches no file.', named, brace, glob)
					: vscode.l10n.t('{0}: "{1}" has more than {2} single "*", which can take seconds for one path, so this glob matches no file.', named, glob, MAX_GLOB_STARS);
			getLog().warn(`arXiv Digest: ${message}`);
			void showWarningMessage(message, open).then((choice) => {
				if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
			});
		}
	}
}

/**
 * Which paths the include's files are looked at by content: with the default include (every Markdown
 * file) those named by their day or in a digest folder (mayBeDigestPath: a repository of thousands of
 * documents costs nothing); with an include of the user's, every file it names (`reading/*.md`).
 */
function nameFilter(include: string): (relative: string) => boolean {
	return include === DEFAULT_INCLUDE ? mayBeDigestPath : () => true;
}

/**
 * A glob of our settings for a RelativePattern (findFiles, file watchers): one without a `/` names a
 * file anywhere (core/glob.ts, as candidateFor and the walk read it), where a RelativePattern would
 * take it for a top-level path.
 */
export function anywhere(glob: string): string {
	return glob.includes('/') ? glob : `**/${glob}`;
}

/** A walk that threw (not an unreadable folder, which it handles): logged, and the editor's file search lists the folder. */
function walkFailed(folder: vscode.WorkspaceFolder): (err: unknown) => undefined {
	return (err) => {
		getLog().warn(`arXiv Digest: cannot walk ${folder.uri.toString(true)}, listing it with the editor's file search: ${errorText(err)}`);
		return undefined;
	};
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
 * lists the whole workspace: a cold start reads these meanwhile.
 */
export async function quickCandidates(): Promise<Map<string, Candidate>> {
	const out = new Map<string, Candidate>();
	for (const found of await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => lookIn(folder, 'quick')))) {
		for (const [key, candidate] of found ?? []) out.set(key, candidate);
	}
	return out;
}

/**
 * Entries a deep walk reads before it leaves the listing to the editor's file search (ripgrep, in a
 * process of its own): each costs this thread 5–10 µs (a profiled walk of 5,000 Markdown files took
 * ~50 ms), where a digest repository's clone holds a few hundred.
 */
const WALK_LIMIT = 5_000;

/**
 * The candidates of one workspace folder by directory reads, with candidateFor's rules and the
 * user's files.exclude and search.exclude; excluded folders are not entered. `quick`: the folder's
 * own files and those of its digest folders (`data/`), an unreadable folder read as empty. `deep`:
 * every folder, as findFiles would list them — its file search waits for the editor's search
 * process, 0.5–1.5 s into a warm start while the workbench starts, and the index's open waits for
 * the listing; undefined (list with findFiles) past WALK_LIMIT entries, at a link to a folder (the
 * file search follows links and guards against cycles) or at a folder that cannot be read.
 */
async function lookIn(folder: vscode.WorkspaceFolder, depth: 'quick' | 'deep'): Promise<Map<string, Candidate> | undefined> {
	const out = new Map<string, Candidate>();
	const excluded = excludedIn(folder);
	const rules = detectionRules(folder.uri);
	const scope = scopeOf(folder, rules);
	// an `arxivDigest.files` glob or an include of the user's may name any file; else the name decides first, cheaply
	const named = rules.globs.length > 0 || includeGlob() !== DEFAULT_INCLUDE;
	let entries = 0;
	let gaveUp = false;
	const visit = async (dir: vscode.Uri, prefix: string): Promise<void> => {
		let listed: [string, vscode.FileType][];
		try {
			listed = await readDirectory(dir);
		} catch {
			// unreadable: a quick look leaves it to the listing, a deep one to the file search
			gaveUp ||= depth === 'deep';
			return;
		}
		entries += listed.length;
		if (gaveUp || (depth === 'deep' && entries > WALK_LIMIT)) {
			gaveUp = depth === 'deep';
			return;
		}
		const below: Promise<void>[] = [];
		for (const [name, type] of listed) {
			const relative = prefix + name;
			if (type & vscode.FileType.Directory) {
				const enter = (depth === 'deep' || (prefix === '' && isDigestFolder(relative))) && !folderExcluded(excluded, relative);
				if (!enter) continue;
				if (depth === 'deep' && type & vscode.FileType.SymbolicLink) {
					gaveUp = true;
					break;
				}
				below.push(visit(vscode.Uri.joinPath(dir, name), `${relative}/`));
			} else if (type & vscode.FileType.File && (named || mayBeDigestPath(relative))) {
				const uri = vscode.Uri.joinPath(dir, name);
				const candidate = scope(uri, relative);
				if (candidate) out.set(uriKey(uri), candidate);
			}
		}
		await Promise.all(below);
	};
	await visit(folder.uri, '');
	return gaveUp ? undefined : out;
}

/**
 * Whether a path relative to `folder` is excluded: by our exclude glob as every setting of ours reads
 * (a glob without a `/` names a file anywhere), by the user's files.exclude and search.exclude as the
 * editor reads them; in the platform's case rules. The walk, the file events and new folders all ask it.
 */
function excludedIn(folder: vscode.WorkspaceFolder): (relative: string) => boolean {
	const { own, editor } = excludeGlobs(excludeGlob(), folder.uri);
	return (relative) => matchesGlob(relative, own, { nocase: PATH_NOCASE }) || matchesGlob(relative, editor, { nocase: PATH_NOCASE, wholePath: true });
}

/**
 * excludedIn, or below an excluded folder (`archive` excludes `archive/data/2026-03-03.md`), as the
 * walk, which enters no excluded folder, leaves it out: for a path met without the walk (a file event,
 * a new folder).
 */
function excludedWithFolders(excluded: (relative: string) => boolean): (relative: string) => boolean {
	return (relative) => {
		if (excluded(relative)) return true;
		for (let cut = relative.indexOf('/'); cut > 0; cut = relative.indexOf('/', cut + 1)) {
			if (folderExcluded(excluded, relative.slice(0, cut))) return true;
		}
		return false;
	};
}

/** Is the folder at `relative` excluded, its glob written with a trailing `/` or without? */
function folderExcluded(excluded: (relative: string) => boolean, relative: string): boolean {
	return excluded(relative) || excluded(`${relative}/`);
}

/**
 * Our exclude glob (`own`) and the user's `files.exclude` and `search.exclude` globs that are on for
 * the workspace folder `scope` (`editor`: its own settings count in a multi-root workspace). findFiles
 * applies files.exclude only when given no exclude at all, and search.exclude never.
 */
function excludeGlobs(exclude: string, scope: vscode.Uri | undefined): { own: string[]; editor: string[] } {
	const own = exclude.trim();
	const editor = new Set<string>();
	for (const section of ['files', 'search']) {
		const map = vscode.workspace.getConfiguration(section, scope).get<Record<string, unknown>>('exclude') ?? {};
		// a `when` clause (an object) depends on sibling files: findFiles cannot express it
		for (const [glob, on] of Object.entries(map)) if (on === true && glob.trim() !== '') editor.add(glob);
	}
	return { own: own ? [own] : [], editor: [...editor] };
}

/**
 * excludeGlobs as one glob for findFiles: a brace group of them, each expanded first, as a glob's
 * braces do not nest (an exclude written with braces used to drop the editor's globs). Matched here,
 * they are tried one by one (matchesGlob).
 */
function combinedExclude(exclude: string, scope: vscode.Uri): string | undefined {
	const { own, editor } = excludeGlobs(exclude, scope);
	const list = [...new Set([...own, ...editor].flatMap(expandedGlob))];
	if (list.length === 0) return undefined;
	return list.length === 1 ? list[0] : `{${list.join(',')}}`;
}

export async function findFiles(pattern: vscode.RelativePattern, exclude: string): Promise<vscode.Uri[]> {
	try {
		return await vscode.workspace.findFiles(pattern, combinedExclude(exclude, pattern.baseUri));
	} catch (err) {
		getLog().warn(`arXiv Digest: cannot list ${pattern.pattern} in ${pattern.baseUri.toString(true)}: ${errorText(err)}`);
		return [];
	}
}

/** Is this file in scope (include minus exclude, or an always-digest glob)? For a file met without the walk (a file event). */
export function candidateFor(uri: vscode.Uri): Candidate | undefined {
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	return folder && eventScopeOf(folder)(uri, relativePathOf(uri));
}

/** A folder's rules for a file judged on its own (a file event, candidateFor): an excluded folder above it excludes it too. */
function eventScopeOf(folder: vscode.WorkspaceFolder): ReturnType<typeof scopeOf> {
	return scopeOf(folder, detectionRules(folder.uri), excludedWithFolders(excludedIn(folder)));
}

/**
 * candidateFor's rules for the files of one workspace folder, its settings read once (a first look
 * at a folder of 167 digests spent ~100 ms of the extension host reading them per file); `rules`: as
 * the caller read them.
 */
function scopeOf(folder: vscode.WorkspaceFolder, { globs: always, detect } = detectionRules(folder.uri), excluded = excludedIn(folder)): (uri: vscode.Uri, relative: string) => Candidate | undefined {
	const include = includeGlob();
	const byName = nameFilter(include);
	return (uri, relative) => {
		// excluded whatever names it, as the first scan lists the files (a file changed on disk later too)
		if (excluded(relative)) return undefined;
		if (matchesGlob(relative, always, { nocase: PATH_NOCASE })) return { uri, always: true };
		if (!detect || !byName(relative) || !matchesGlob(relative, [include])) return undefined;
		return { uri, always: false };
	};
}

/** Could files below this new folder be candidates? (skips `.git`, names with an extension, excluded folders) */
export function folderMayHoldCandidates(uri: vscode.Uri): boolean {
	if (/\.[^/]{1,8}$/.test(uri.path) || /(^|\/)\.git(\/|$)/.test(uri.path)) return false;
	const folder = vscode.workspace.getWorkspaceFolder(uri);
	if (!folder) return true;
	// a file in it, as excludedWithFolders checks each folder above a file
	return !excludedWithFolders(excludedIn(folder))(`${relativePathOf(uri)}/probe.md`);
}
