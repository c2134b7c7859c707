// Entry of the in-editor suite, in the shape @vscode/test-electron expects (`run()` → Promise).
// Under test-electron a failure rejects; the code-server runner extension passes `{ collect: true }`
// and gets a result object instead, which it writes for the harness.
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');
const { collectResults } = require('./results');

/** Runs every `*.test.js` of `dir` (this suite's folder unless another suite, test/integration/plain, names its own). */
function run(options = {}, dir = __dirname) {
	const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, slow: 5_000, color: false, reporter: 'spec' });
	const grep = process.env.ARXIV_DIGEST_TEST_GREP;
	if (grep) {
		mocha.grep(grep);
	}
	for (const name of fs.readdirSync(dir).sort()) {
		if (name.endsWith('.test.js')) {
			mocha.addFile(path.join(dir, name));
		}
	}
	return new Promise((resolve, reject) => {
		try {
			const runner = mocha.run();
			// each test's title as it starts, so that a suite that never ends says where it stopped
			const progress = process.env.ARXIV_DIGEST_TEST_RESULTS && `${process.env.ARXIV_DIGEST_TEST_RESULTS}.progress`;
			if (progress) runner.on('test', (test) => fs.appendFileSync(progress, `${new Date().toISOString()} ${test.fullTitle()}\n`));
			collectResults(runner, (results) => {
				if (!options.collect && results.failures > 0) reject(new Error(`${results.failures} integration test(s) failed`));
				else resolve(results);
			});
		} catch (err) {
			reject(err);
		}
	});
}

module.exports = { run };
