// The in-editor suite under desktop VS Code, for machines that can download it
// (`npm run test:electron`): @vscode/test-electron downloads VS Code into .vscode-test/, starts it
// with this repository as the extension in development and the fixture workspace, and calls
// test/integration/suite/index.js `run()`. VSCODE_VERSION picks the build (default: stable).
import { runTests } from '@vscode/test-electron';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, run, step } from '../harness/lib.mjs';
import { makeFixtureWorkspace } from '../harness/fixtures.mjs';

const root = mkdtempSync(join(tmpdir(), 'arxiv-digest-electron-'));
try {
	await step('build (node esbuild.mjs)', () => run(process.execPath, ['esbuild.mjs']));
	const workspace = makeFixtureWorkspace(join(root, 'workspace'));
	await step('integration suite in desktop VS Code', () => runTests({
		version: process.env.VSCODE_VERSION || 'stable',
		extensionDevelopmentPath: REPO,
		extensionTestsPath: join(REPO, 'test', 'integration', 'suite', 'index.js'),
		launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(root, 'data'), '--skip-welcome', '--skip-release-notes'],
	}));
	rmSync(root, { recursive: true, force: true });
} catch (err) {
	console.error(`integration suite failed: ${err.message ?? err}\n(profile kept in ${root})`);
	process.exitCode = 1;
}
