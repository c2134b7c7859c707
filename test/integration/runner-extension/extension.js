// Test-only extension: code-server has no `--extensionTestsPath`, so the harness installs this
// next to the real VSIX and names the suite in ARXIV_DIGEST_TEST_ENTRY. The suite gets the same
// `vscode` API it gets under @vscode/test-electron, and the results land in a file the harness reads.
'use strict';
const fs = require('fs');

function writeResults(file, results) {
	const tmp = `${file}.tmp`;
	fs.writeFileSync(tmp, JSON.stringify(results, null, '\t'));
	fs.renameSync(tmp, file);
}

async function activate() {
	const entry = process.env.ARXIV_DIGEST_TEST_ENTRY;
	const resultsFile = process.env.ARXIV_DIGEST_TEST_RESULTS;
	if (!entry || !resultsFile) {
		return;
	}
	// A reloaded window starts a new extension host; the suite runs once per harness run.
	const claim = `${resultsFile}.started`;
	try {
		fs.writeFileSync(claim, String(process.pid), { flag: 'wx' });
	} catch {
		return;
	}
	let results;
	try {
		results = await require(entry).run({ collect: true });
	} catch (err) {
		results = { fatal: String((err && err.stack) || err) };
	}
	writeResults(resultsFile, results || { fatal: 'the suite returned no results' });
}

module.exports = { activate, deactivate() {} };
