// What goes into the VSIX is only what runs: bundles, media, grammar, docs. `vsce ls` lists the
// files vsce would pack (after .vscodeignore); this fails if sources, tests, fixtures,
// node_modules, caches or source maps leak in, if a needed file is missing, or if the VSIX
// itself is over its budget (MAX_VSIX_BYTES). Usage: node test/harness/check-vsix.mjs [file.vsix]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, log, run } from './lib.mjs';
import { zipEntries } from './zip.mjs';

// two builds of the extension (Node, ~540 KiB with its card renderer apart, ~450 KiB; web, ~980 KiB in
// one file, KaTeX 263 KiB and markdown-it with its entities 127 KiB of it), their index workers and two
// sample digests (670 KiB unpacked). 1.5 MiB until the kept papers and the regex check took it to 1,536 KiB.
export const MAX_VSIX_BYTES = 1.6 * 1024 * 1024;

const FORBIDDEN = [
	[/^src\//, 'TypeScript sources'],
	[/^test\//, 'tests or fixtures'],
	[/fixtures?\//, 'fixtures'],
	[/(^|\/)node_modules\//, 'node_modules'],
	[/^\.vscode-test/, 'the editor cache'],
	[/\.map$/, 'source maps'],
	[/(^|\/)[^/]+\.ts$/, 'TypeScript sources'],
	[/^out\//, 'test bundles'],
	[/^\.(ci|git|github|vscode)\//, 'repository tooling'],
	[/^(esbuild\.mjs|tsconfig\.json|package-lock\.json|\.mocharc\.json|\.gitignore|\.vscodeignore)$/, 'build configuration'],
	[/^bench-corpus\//, 'benchmark corpus'],
	[/\.vsix$/, 'another VSIX'],
	[/^media\/katex\/.*\.(ttf|woff)$/, 'KaTeX fonts other than woff2'],
];

const ALWAYS_REQUIRED = ['package.json', 'dist/extension.js', 'dist/extension-main.js', 'dist/search-worker.js', 'dist/body-worker.js', 'dist/card-render.js', 'dist/web.js', 'dist/web-worker.js', 'README.md', 'LICENSE', 'CHANGELOG.md',
	// what Open Sample Digests opens (`media/samples/*` in .vscodeignore does not reach into its .vscode folder: the settings are named there)
	'media/samples/2026-02-06.md', 'media/samples/2026-02-24.md', 'media/samples/.vscode/settings.json'];

/** Every file the manifest points at (icon, grammar, language configuration and icons) must ship. */
function manifestFiles() {
	const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
	const refs = [pkg.icon, pkg.main, pkg.browser];
	for (const lang of pkg.contributes?.languages ?? []) {
		refs.push(lang.configuration);
		if (typeof lang.icon === 'object') refs.push(lang.icon.light, lang.icon.dark);
	}
	for (const grammar of pkg.contributes?.grammars ?? []) refs.push(grammar.path);
	// the manifest's and the runtime's translations (package.nls*.json, l10n/bundle.l10n*.json)
	if (pkg.l10n) refs.push('package.nls.json', 'package.nls.zh-cn.json', `${pkg.l10n}/bundle.l10n.json`, `${pkg.l10n}/bundle.l10n.zh-cn.json`);
	return refs.filter((r) => typeof r === 'string' && !r.startsWith('$(')).map((r) => r.replace(/^\.\//, ''));
}

/** Paths inside a VSIX as the repository names them (vsce renames the docs it packs). */
function repoPathOf(entry) {
	const path = entry.replace(/^extension\//, '');
	const renamed = { 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md', 'LICENSE.txt': 'LICENSE' };
	return renamed[path] ?? path;
}

function problemsOf(files, source) {
	const problems = [];
	for (const file of files) {
		for (const [re, what] of FORBIDDEN) {
			if (re.test(file)) problems.push(`${source}: ${file}: ${what} must not be packaged`);
		}
	}
	for (const file of new Set([...ALWAYS_REQUIRED, ...manifestFiles()])) {
		if (!files.includes(file)) problems.push(`${source}: ${file} is missing from the package`);
	}
	return problems;
}

/** What `vsce ls` says would be packed (after .vscodeignore). */
export async function vsceList() {
	const out = await run(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { capture: true, timeoutMs: 120_000 });
	return out.split('\n').map((l) => l.trim()).filter((l) => l && !/^(WARNING|INFO|DONE|ERROR)\b/.test(l) && !/\s/.test(l) && !l.startsWith('npm'));
}

/**
 * Checks `vsce ls` and, when given, the VSIX itself (its zip listing is exactly what users get,
 * and its size is budgeted). Returns the packed files; throws listing every problem found.
 */
export async function checkVsix(vsix) {
	const listed = await vsceList();
	const problems = problemsOf(listed, 'vsce ls');
	if (vsix) {
		if (!existsSync(vsix)) {
			problems.push(`${vsix} does not exist`);
		} else {
			const entries = zipEntries(vsix).filter((e) => e.name.startsWith('extension/'));
			const packed = entries.map((e) => repoPathOf(e.name));
			problems.push(...problemsOf(packed, 'VSIX'));
			const size = statSync(vsix).size;
			const biggest = [...entries].sort((a, b) => b.size - a.size).slice(0, 3).map((e) => `${repoPathOf(e.name)} ${(e.size / 1024).toFixed(0)} KiB`);
			log(`  ${packed.length} files, VSIX ${(size / 1024).toFixed(0)} KiB (largest unpacked: ${biggest.join(', ')})`);
			if (size > MAX_VSIX_BYTES) problems.push(`${vsix} is ${(size / 1024).toFixed(0)} KiB, over the ${(MAX_VSIX_BYTES / 1024 / 1024).toFixed(1)} MiB budget`);
		}
	}
	if (problems.length) throw new Error(`VSIX check failed:\n  ${problems.join('\n  ')}`);
	return listed;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		const files = await checkVsix(process.argv[2]);
		log(`VSIX contents OK (${files.length} files)`);
	} catch (err) {
		console.error(err.message);
		process.exitCode = 1;
	}
}
