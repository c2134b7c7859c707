/**
 * Every setting the manifest declares, by its full key, so features never spell a key twice.
 * Read with `vscode.workspace.getConfiguration(undefined, uri).get(SETTINGS.detect, true)` for
 * resource-scoped settings, or `getConfiguration().get(...)` for window-scoped ones.
 */
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
} as const;

export type SettingKey = (typeof SETTINGS)[keyof typeof SETTINGS];

/** the language id the manifest contributes for digest files */
export const DIGEST_LANGUAGE_ID = 'arxiv-digest';
