// Test-only web extension: the integration suite (test/integration/suite) in the browser's
// web-worker extension host, where the web build runs on vscode.dev and github.dev. It has only a
// `browser` entry, so code-server runs it there. A web extension has no environment variables and
// no node:fs, so the harness (test/harness/web-integration.mjs bundles this file with mocha's
// browser build and the suite) leaves `web-integration.json` next to the workspace folder, and the
// results are written next to it, both through vscode.workspace.fs.
'use strict';
const vscode = require('vscode');
require('mocha/mocha.js'); // mocha's browser build: defines the global `mocha`
const { collectResults } = require('../suite/results');

const CONFIG = 'web-integration.json';

/** `loadSuite()` requires the suite's files (in name order, as index.js adds them), once mocha is set up. */
function runner(loadSuite) {
	async function activate() {
		const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
		if (!folder) return;
		const beside = (name) => vscode.Uri.joinPath(folder.uri, '..', name);
		let config;
		try {
			config = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(beside(CONFIG))));
		} catch {
			return; // not a test profile of the harness
		}
		const resultsUri = beside(config.results);
		const write = (name, value) => vscode.workspace.fs.writeFile(beside(name), new TextEncoder().encode(JSON.stringify(value, null, '\t')));
		// a reloaded window starts a new extension host; the suite runs once per harness run
		const claim = beside(`${config.results}.started`);
		try {
			await vscode.workspace.fs.stat(claim);
			return;
		} catch {
			await write(`${config.results}.started`, { at: Date.now() });
		}
		let results;
		try {
			results = await new Promise((resolve) => {
				globalThis.mocha.setup({ ui: 'bdd', timeout: 60_000, slow: 5_000, reporter: 'spec', color: false });
				if (config.grep) globalThis.mocha.grep(new RegExp(config.grep));
				loadSuite();
				collectResults(globalThis.mocha.run(), resolve);
			});
		} catch (err) {
			results = { fatal: String((err && err.stack) || err) };
		}
		// written under a temporary name first, so the harness never reads half a file
		await write(`${config.results}.tmp`, results);
		await vscode.workspace.fs.rename(beside(`${config.results}.tmp`), resultsUri, { overwrite: true });
	}
	return { activate, deactivate() {} };
}

module.exports = { runner };
