// Configuration for @vscode/test-cli (`npx vscode-test`, or the VS Code Extension Test Runner) on a
// machine that can download VS Code: the same in-editor suite the code-server harness runs, over
// the same generated fixture workspace. Without test-cli, `npm run test:electron` does the same
// with @vscode/test-electron alone.
import { join } from 'node:path';
import { makeFixtureWorkspace } from './test/harness/fixtures.mjs';

const workspaceFolder = makeFixtureWorkspace(join(import.meta.dirname, '.vscode-test', 'fixture-workspace'));

export default {
	label: 'integration',
	files: 'test/integration/suite/*.test.js',
	workspaceFolder,
	launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
	mocha: { ui: 'bdd', timeout: 60_000, slow: 5_000 },
};
