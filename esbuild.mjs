// Builds the extension (Node: dist/extension.js, which loads dist/extension-main.js, + dist/card-render.js; web: dist/web.js), the CLI, the index workers
// (dist/search-worker.js and its helper dist/body-worker.js, dist/web-worker.js) and the card webview script.
// `--tests` bundles the unit tests to out/ for mocha; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkWebBuild, oneVscodeImport, WEB_ENTRIES, webHostPlugin } from './test/harness/web-bundle.mjs';

const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const production = args.has('--production');

/** @param {string} dir @param {RegExp} re */
function walk(dir, re) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...walk(p, re));
		else if (re.test(name)) out.push(p);
	}
	return out;
}

const common = {
	bundle: true,
	platform: 'node',
	target: 'node18',
	sourcemap: production ? false : 'linked',
	minify: production,
	logLevel: 'warning',
};

/** The web build (dist/web.js, dist/web-worker.js): browser platform, host.web.ts for host.ts, no Node API (checked). */
/** @type {import('esbuild').BuildOptions} */
const web = {
	...common,
	platform: 'browser',
	target: 'es2022',
	outdir: 'dist',
	format: 'cjs',
	external: ['vscode'],
	plugins: [webHostPlugin, oneVscodeImport],
	metafile: true,
	define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = args.has('--tests')
	? [{
		...common,
		entryPoints: walk('test/unit', /\.test\.ts$/),
		outdir: 'out/unit',
		format: 'cjs',
		packages: 'external',
		sourcemap: 'inline',
	}]
	: [
		// the Node entry loads the extension through V8's code cache (src/main.ts)
		{ ...common, entryPoints: { extension: 'src/main.ts' }, outdir: 'dist', format: 'cjs', external: ['vscode'] },
		{ ...common, entryPoints: { 'extension-main': 'src/extension.ts' }, outdir: 'dist', format: 'cjs', external: ['vscode'], metafile: true, plugins: [oneVscodeImport] },
		// the card renderer (markdown-it, KaTeX: most of the code) on its own, required by host.ts when the first card renders
		{ ...common, entryPoints: { 'card-render': 'src/core/card/render.ts' }, outdir: 'dist', format: 'cjs' },
		{ ...web, entryPoints: { web: WEB_ENTRIES.web } },
		{ ...web, entryPoints: { 'web-worker': WEB_ENTRIES['web-worker'] }, format: 'iife' },
		{ ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
		...(statSync('src/core/search', { throwIfNoEntry: false })?.isDirectory() && statSync('src/core/search/worker.ts', { throwIfNoEntry: false })
			? [
				{ ...common, entryPoints: { 'search-worker': 'src/core/search/worker.ts' }, outdir: 'dist', format: 'cjs' },
				// a cold build's helper thread for the long fields, started by the index workers and the CLI
				{ ...common, entryPoints: { 'body-worker': 'src/core/search/bodyWorker.ts' }, outdir: 'dist', format: 'cjs' },
			]
			: []),
		...(statSync('src/webview', { throwIfNoEntry: false })?.isDirectory()
			? [{ ...common, platform: 'browser', target: 'es2020', entryPoints: walk('src/webview', /\.ts$/).filter((f) => !f.endsWith('.d.ts')), outdir: 'dist/webview', format: 'iife' }]
			: []),
	];

/**
 * dist/extension-main.js must not hold the card renderer's libraries (they are most of the code, loaded
 * with dist/card-render.js on the first card): a static import of anything that reaches them (say
 * escapeHtml from card/markdown.ts, not core/html.ts) would compile them at every activation.
 * @param {import('esbuild').BuildResult} result
 */
function checkLazyRenderer(result) {
	const inputs = Object.keys(result.metafile?.inputs ?? {});
	const eager = inputs.filter((path) => /node_modules\/(markdown-it|katex|@vscode\/markdown-it-katex)\//.test(path));
	if (eager.length) throw new Error(`dist/extension-main.js bundles the card renderer's libraries (${eager.length} files, e.g. ${eager[0]}): import them only from src/core/card/render.ts`);
}

if (watch) {
	for (const b of builds) (await esbuild.context(b)).watch();
	console.log('watching…');
} else {
	const results = await Promise.all(builds.map((b) => esbuild.build(b)));
	for (const [i, result] of results.entries()) {
		if (builds[i].plugins?.includes(webHostPlugin)) checkWebBuild(result, (file) => readFileSync(file, 'utf8'));
		if (builds[i].entryPoints?.['extension-main']) checkLazyRenderer(result);
	}
}
