// The web build (dist/web.js, dist/web-worker.js) runs in a browser: no Node API may reach it.
// Its entries and host swap are defined here; esbuild.mjs checks every build with checkWebBuild,
// so `npm run build` (and `npm test`) fails if a Node API slips in, and
// test/unit/web-build.test.ts builds the entries again and checks that the check catches each kind.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** dist/<name>.js ← source: the extension and its index worker for the browser */
export const WEB_ENTRIES = { web: 'src/extension.ts', 'web-worker': 'src/core/search/webWorker.ts' };

/**
 * Browser twins in place of the modules that reach Node (`src/features/host.web.ts` for `host.ts`,
 * `src/core/search/deflate.web.ts` for `deflate.ts`).
 * A `node:` module named only by code the web build never calls (the CLI's worker-thread shard) is
 * left external and tree-shaken; checkWebBuild fails if any remains.
 * @type {import('esbuild').Plugin}
 */
export const webHostPlugin = {
	name: 'web-host',
	setup(build) {
		// a module with a browser twin (`host.ts` → `host.web.ts`, `deflate.ts` → `deflate.web.ts`)
		// is replaced by it: both export the same names, which the compiler checks where they are used
		build.onResolve({ filter: /^\.\.?\// }, (args) => {
			const web = resolve(args.resolveDir, `${args.path}.web.ts`);
			return existsSync(web) ? { path: web } : undefined;
		});
		build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
		// fill-range (under braces, core/glob.ts) requires `util` for an error's text; the npm polyfill reads
		// `process` as it loads, which a browser has not (the test runner's `assert` keeps the polyfill)
		build.onResolve({ filter: /^util$/ }, (args) => (/[\\/]fill-range[\\/]/.test(args.importer) ? { path: resolve('src/core/webUtilShim.ts') } : undefined));
	},
};

/**
 * Every `import … from 'vscode'` of the extension's bundles (Node and web) resolves to src/vscodeModule.ts, the one
 * file that imports the real module (see there why).
 * @type {import('esbuild').Plugin}
 */
export const oneVscodeImport = {
	name: 'one-vscode-import',
	setup(build) {
		// the build and the tests run from the repository's root
		const shim = resolve('src/vscodeModule.ts');
		build.onResolve({ filter: /^vscode$/ }, (args) => (args.importer === shim ? { path: 'vscode', external: true } : { path: shim }));
	},
};

/**
 * Node globals and calls that a browser does not have (matched in the bundle's code). A use right
 * after a `typeof <global>` test (a library checking where it runs) is allowed.
 */
const NODE_GLOBALS = [
	[/\bprocess\.(?:platform|env|pid|versions|memoryUsage|cwd|nextTick|hrtime)\b/g, 'process'],
	[/\bBuffer\.(?:from|alloc|allocUnsafe|concat|isBuffer|byteLength)\b/g, 'Buffer'],
	[/\bsetImmediate\(/g, 'setImmediate'],
	[/\b__dirname\b|\b__filename\b/g, '__dirname'],
	[/\brequire\(\s*["'](?!vscode["'])[^"']+["']\s*\)/g, 'require'],
];
/** how far before a use its `typeof` guard may be */
const GUARD_CHARS = 80;

/**
 * Problems of one browser bundle: `imports` are the imports esbuild's metafile lists for the output
 * (only `vscode` may stay external), `code` its text. Returns one line per problem.
 */
export function nodeApiProblems(name, imports, code) {
	const problems = [];
	for (const imp of imports) {
		if (imp.path !== 'vscode') problems.push(`${name} imports ${imp.path}`);
	}
	for (const [re, what] of NODE_GLOBALS) {
		for (const m of code.matchAll(re)) {
			if (code.slice(Math.max(0, m.index - GUARD_CHARS), m.index).includes(`typeof ${what}`)) continue;
			problems.push(`${name} uses ${what}: …${code.slice(Math.max(0, m.index - 60), m.index + 60).replace(/\s+/g, ' ')}…`);
			break;
		}
	}
	return problems;
}

/**
 * The problems of every .js output of an esbuild result built with `metafile: true`; `readText`
 * gives an output's text by the metafile's name for it.
 */
export function webBuildProblems(result, readText) {
	return Object.entries(result.metafile.outputs)
		.filter(([file]) => file.endsWith('.js'))
		.flatMap(([file, output]) => nodeApiProblems(file, output.imports, readText(file)));
}

/** Throws listing the problems of webBuildProblems. */
export function checkWebBuild(result, readText) {
	const problems = webBuildProblems(result, readText);
	if (problems.length) throw new Error(`Node API in the web build:\n  ${problems.join('\n  ')}`);
}
