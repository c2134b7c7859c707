// The test VSIX of the web pass: the same files as the product VSIX, with a manifest that has only
// the `browser` entry (no `main`, no `bin`), so code-server runs it in the browser's web-worker
// extension host, as vscode.dev and github.dev do. Packed from a staging copy; the repository's
// package.json is never changed.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO, run } from './lib.mjs';
import { vsceList } from './check-vsix.mjs';

export const WEB_VSIX_NAME = 'arxiv-digest-web.vsix';

/** Packs `out` from the files `vsce ls` lists, with `main` and `bin` taken out of the manifest. */
export async function packageWebOnlyVsix(out) {
	const stage = mkdtempSync(join(tmpdir(), 'arxiv-digest-web-vsix-'));
	try {
		for (const file of await vsceList()) {
			mkdirSync(dirname(join(stage, file)), { recursive: true });
			copyFileSync(join(REPO, file), join(stage, file));
		}
		copyFileSync(join(REPO, '.vscodeignore'), join(stage, '.vscodeignore'));
		const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
		if (!manifest.browser) throw new Error('package.json has no "browser" entry');
		delete manifest.main;
		delete manifest.bin;
		delete manifest.scripts;
		delete manifest.devDependencies;
		writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, '\t'));
		await run(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', out], { cwd: stage, capture: true, timeoutMs: 120_000 });
	} finally {
		rmSync(stage, { recursive: true, force: true });
	}
}
