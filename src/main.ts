/**
 * The Node extension host's entry (dist/extension.js): runs the extension (dist/extension-main.js,
 * src/extension.ts) through V8's code cache (core/codeCache), kept in the extension's global storage.
 * The browser build has its own entry and no such cache.
 */
import { join } from 'node:path';
import type * as vscode from 'vscode';
import { codeCacheFolder, loadWithCodeCache, saveLater, type CachedModule } from './core/codeCache';
import type * as Extension from './extension';

/** the cache is written this long after activation settled, so it holds the code activation and the first scan ran (a start that compiled it) */
const SAVE_AFTER_MS = 5000;

let loaded: CachedModule | undefined;

function extension(): typeof Extension {
	return loaded!.exports as typeof Extension;
}

export async function activate(context: vscode.ExtensionContext): ReturnType<typeof Extension.activate> {
	loaded = loadWithCodeCache(join(__dirname, 'extension-main.js'), codeCacheFolder(context.globalStorageUri));
	const api = await extension().activate(context);
	context.subscriptions.push({ dispose: saveLater(loaded, SAVE_AFTER_MS) });
	return api;
}

export function deactivate(): void {
	if (loaded) extension().deactivate();
}
