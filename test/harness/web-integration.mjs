// The integration suite in the browser's web-worker extension host (`--only=web-integration`):
// test/integration/web-runner bundled with mocha's browser build and every suite file, packed as a
// test-only web extension and installed next to the web-only VSIX. The runner reads
// `web-integration.json` beside the workspace folder and writes its results beside it (a web
// extension has no environment and no node:fs: both through vscode.workspace.fs).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CACHE, REPO } from './lib.mjs';
import { packAndInstall } from './editor.mjs';

const RUNNER = join(REPO, 'test', 'integration', 'web-runner');
const SUITE = join(REPO, 'test', 'integration', 'suite');
export const WEB_INTEGRATION_CONFIG = 'web-integration.json';

/** Bundles the runner and the suite into a staging folder and installs it as an extension. */
export async function installWebTestRunner(profile) {
	const stage = join(CACHE, 'web-runner');
	rmSync(stage, { recursive: true, force: true });
	mkdirSync(join(stage, 'dist'), { recursive: true });
	copyFileSync(join(RUNNER, 'package.json'), join(stage, 'package.json'));
	// the suite's files, required in name order once mocha is set up (index.js adds them in that order)
	const files = readdirSync(SUITE).filter((f) => f.endsWith('.test.js')).sort();
	const requires = files.map((f) => `\trequire(${JSON.stringify(`./${relative(RUNNER, join(SUITE, f))}`)});`).join('\n');
	await build({
		stdin: { contents: `module.exports = require('./extension.js').runner(() => {\n${requires}\n});\n`, resolveDir: RUNNER, sourcefile: 'web-runner-entry.js' },
		outfile: join(stage, 'dist', 'extension.js'),
		bundle: true,
		platform: 'browser',
		format: 'cjs',
		target: 'es2022',
		// `vscode` is the host's; Node's modules are required only by tests that skip themselves in the browser
		external: ['vscode', 'fs', 'path', 'inspector'],
		// the `assert` package's `util` reads NODE_DEBUG, and a failed assertion's message process.stderr
		// and process.emitWarning, from a `process` a web worker does not have
		define: { 'process.env.NODE_DEBUG': 'false', 'process.stderr': 'undefined', 'process.emitWarning': 'undefined' },
		logLevel: 'warning',
	});
	await packAndInstall(stage, 'test-runner-web', profile);
}

/** What the runner reads: where to write the results, and an optional grep. */
export function writeWebIntegrationConfig(dir, { results, grep }) {
	writeFileSync(join(dir, WEB_INTEGRATION_CONFIG), JSON.stringify({ results, ...(grep ? { grep } : {}) }));
}
