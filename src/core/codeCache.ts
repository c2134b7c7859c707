/**
 * Loads a CommonJS bundle with V8's code cache (Node only; the extension host has none for
 * extensions): the compiled code of the last session, kept in a folder of ours, instead of parsing
 * and compiling the bundle's ~370 KB again at every window start (15–25 ms in one piece on the
 * extension host's thread, then each feature's functions compiled as activation first runs them).
 *
 * A cache is named by a hash of the bundle's text, so an update never meets an old cache (V8's own
 * check looks at the text's length only); V8 refuses one written by another V8 or with other flags
 * (`cachedDataRejected`: a V8 flag changed at run time counts, see core/gc.ts), and damaged bytes make it refuse too: the bundle then compiles as without
 * a cache and `save` writes a new one. `save` runs once the code has run a while (activation and
 * the first scan), so the cache holds the functions compiled by then too.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CachedModule {
	readonly exports: unknown;
	/** the compiled code came from the cache */
	readonly fromCache: boolean;
	/** writes the cache when this load had none (or V8 refused it) and removes this bundle's older caches; false when nothing was written */
	save(): boolean;
}

const SUFFIX = '.v8-code-cache';

/** the caches' folder in an extension's storage folder; none where that is no local folder */
export function codeCacheFolder(storage: { readonly scheme: string; readonly fsPath: string }): string | undefined {
	return storage.scheme === 'file' ? join(storage.fsPath, 'code-cache') : undefined;
}

/**
 * Saves `loaded`'s cache once its code has run `ms` (so the cache holds the functions compiled by
 * then), unless it came from the cache; a folder that cannot be written leaves it to a later start.
 * Returns what cancels it.
 */
export function saveLater(loaded: CachedModule, ms: number): () => void {
	if (loaded.fromCache) return () => undefined;
	const timer = setTimeout(() => {
		try {
			loaded.save();
		} catch {
			// read-only or full: the next start compiles as before and tries again
		}
	}, ms);
	return () => clearTimeout(timer);
}

/** `file` (a CommonJS module) run with `require`, `module` and `__dirname` as Node gives them, compiled from `cacheDir`'s cache when it has one. */
export function loadWithCodeCache(file: string, cacheDir: string | undefined): CachedModule {
	const source = readFileSync(file, 'utf8');
	const prefix = `${basename(file)}-`;
	const cacheFile = cacheDir && join(cacheDir, `${prefix}${createHash('sha256').update(source).digest('hex').slice(0, 16)}${SUFFIX}`);
	let cachedData: Buffer | undefined;
	try {
		cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
	} catch {
		// none yet
	}
	const script = new Script(wrap(source), { filename: file, cachedData });
	const fromCache = cachedData !== undefined && !script.cachedDataRejected;
	const module = { exports: {} as unknown };
	(script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
	let saved = fromCache;
	return {
		exports: module.exports,
		fromCache,
		save() {
			if (saved || !cacheDir || !cacheFile) return false;
			saved = true;
			mkdirSync(cacheDir, { recursive: true });
			// atomic: a window starting meanwhile reads the old cache or the new one, never half of one
			const temporary = `${cacheFile}.${process.pid}.tmp`;
			try {
				writeFileSync(temporary, script.createCachedData());
				renameSync(temporary, cacheFile);
			} finally {
				// a full disk leaves no half-written file behind
				rmSync(temporary, { force: true });
			}
			// this bundle's older caches, and what a window that crashed while writing left
			for (const name of readdirSync(cacheDir)) {
				if (name.startsWith(prefix) && (name.endsWith(SUFFIX) || name.endsWith('.tmp')) && join(cacheDir, name) !== cacheFile) rmSync(join(cacheDir, name), { force: true });
			}
			return true;
		},
	};
}
