/**
 * Every setting the manifest declares, by its full key, so features never spell a key twice, and
 * the one way to read and write them (readSetting, updateSetting).
 */
import * as vscode from 'vscode';

export const SETTINGS = {
	/** boolean, resource: switch Markdown files that look like digests to the digest language */
	detect: 'arxivDigest.detect',
	/** string[], resource: globs of files that are always digests */
	files: 'arxivDigest.files',
	/** string, window: glob of files scanned for digests */
	workspaceInclude: 'arxivDigest.workspace.include',
	/** string, window: glob of files never scanned */
	workspaceExclude: 'arxivDigest.workspace.exclude',
	/** boolean, resource: parser diagnostics in the Problems view */
	diagnosticsEnabled: 'arxivDigest.diagnostics.enabled',
	/** 'card' | 'source': what clicking a paper in the tree opens */
	treeOpenAction: 'arxivDigest.tree.openAction',
	/** boolean: reveal the paper under the cursor in the tree */
	treeFollowCursor: 'arxivDigest.tree.followCursor',
	/** 'reuse' | 'new': one card panel or one per paper */
	cardReuse: 'arxivDigest.card.reuse',
	/** boolean: "Open card" CodeLens on paper headings */
	codeLensEnabled: 'arxivDigest.codeLens.enabled',
	/** 'card' | 'source': what Enter on a search result opens */
	searchOpenAction: 'arxivDigest.search.openAction',
	/** 'all' | 'matchesFirst' | 'onlyMatches' | 'forYou', window: what the Papers view lists */
	treeViewMode: 'arxivDigest.tree.viewMode',
	/** string[], window: the reader's interests, and the words that exclude a paper (a workspace may set its own) */
	interestKeywords: 'arxivDigest.interests.keywords',
	interestAuthors: 'arxivDigest.interests.authors',
	interestCategories: 'arxivDigest.interests.categories',
	interestExclude: 'arxivDigest.interests.exclude',
} as const;

export type SettingKey = (typeof SETTINGS)[keyof typeof SETTINGS];

/**
 * A setting of ours; `scope`: the resource of a resource-scoped one (given for a window-scoped one,
 * the editor logs a warning). Its section is asked for alone: the editor copies every top-level key
 * of the configuration it is asked for (for `getConfiguration()`, every extension's settings) into
 * the object it returns, at every call.
 */
export function readSetting<T>(key: SettingKey, scope?: vscode.Uri): T | undefined {
	const [section, name] = split(key);
	return vscode.workspace.getConfiguration(section, scope).get<T>(name);
}

/**
 * Writes a setting of ours by its full key: unless told where, where the value in effect comes from,
 * the workspace's settings when they set it (a write to the user settings would change nothing the
 * reader sees), else the user settings.
 */
export function updateSetting(key: SettingKey, value: unknown, target: vscode.ConfigurationTarget = settingTarget(key)): Thenable<void> {
	const [section, name] = split(key);
	return vscode.workspace.getConfiguration(section).update(name, value, target);
}

/** A setting of ours by its full key, as each scope sets it (`inspect`). */
export function inspectSetting<T>(key: SettingKey) {
	const [section, name] = split(key);
	return vscode.workspace.getConfiguration(section).inspect<T>(name);
}

/**
 * the settings whose workspace values VS Code does not read in Restricted Mode (package.json
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`): a folder's interests, whose regexes could
 * keep the editor busy
 */
export const RESTRICTED_SETTINGS: ReadonlySet<string> = new Set([SETTINGS.interestKeywords, SETTINGS.interestAuthors, SETTINGS.interestCategories, SETTINGS.interestExclude]);

/**
 * Where a window-scoped setting's value in effect is set: the workspace's settings or the user's (in
 * Restricted Mode, the user's for a setting the folder's value of is not read: an edit there would do nothing).
 */
export function settingTarget(key: SettingKey): vscode.ConfigurationTarget.Global | vscode.ConfigurationTarget.Workspace {
	if (!vscode.workspace.isTrusted && RESTRICTED_SETTINGS.has(key)) return vscode.ConfigurationTarget.Global;
	return inspectSetting(key)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

/** a key's section (`arxivDigest`) and its name within it */
function split(key: SettingKey): [string, string] {
	const dot = key.indexOf('.');
	return [key.slice(0, dot), key.slice(dot + 1)];
}

/** The globs of files that are always digests (`arxivDigest.files`) for a resource: the strings, none blank. */
export function alwaysGlobs(scope: vscode.Uri | undefined): string[] {
	return globsOf(readSetting<unknown>(SETTINGS.files, scope));
}

/**
 * The globs above and whether Markdown files are looked at for digests (`arxivDigest.detect`, on
 * unless turned off) for a resource, from one read of the section.
 */
export function detectionRules(scope: vscode.Uri | undefined): { globs: string[]; detect: boolean } {
	const [section, files] = split(SETTINGS.files);
	const config = vscode.workspace.getConfiguration(section, scope);
	return { globs: globsOf(config.get<unknown>(files)), detect: config.get<boolean>(split(SETTINGS.detect)[1]) !== false };
}

/** a list's strings, none blank; a lone string is one glob (`"notes/*.md"`, as the interest settings read one) */
function globsOf(value: unknown): string[] {
	const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
	return list.filter((g): g is string => typeof g === 'string' && g.trim().length > 0);
}

/** the language id the manifest contributes for digest files */
export const DIGEST_LANGUAGE_ID = 'arxiv-digest';
