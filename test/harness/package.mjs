// `npm run package`: production build, `arxiv-digest-<version>.vsix` with vsce, then the content
// and size check of test/harness/check-vsix.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, run, step } from './lib.mjs';
import { checkVsix } from './check-vsix.mjs';

const { name, version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const vsix = join(REPO, `${name}-${version}.vsix`);
try {
	await step('build (node esbuild.mjs --production)', () => run(process.execPath, ['esbuild.mjs', '--production']));
	await step(`package ${name}-${version}.vsix`, () => run(process.execPath, [join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '-o', vsix]));
	await step('check VSIX contents and size', () => checkVsix(vsix));
} catch (err) {
	console.error(err.message);
	process.exitCode = 1;
}
