// Entry of the in-editor suite, in the shape @vscode/test-electron expects (`run()` → Promise).
// Under test-electron a failure rejects; the code-server runner extension passes `{ collect: true }`
// and gets a result object instead, which it writes for the harness.
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

function run(options = {}) {
	const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, slow: 5_000, color: false, reporter: 'spec' });
	const grep = process.env.ARXIV_DIGEST_TEST_GREP;
	if (grep) {
		mocha.grep(grep);
	}
	for (const name of fs.readdirSync(__dirname).sort()) {
		if (name.endsWith('.test.js')) {
			mocha.addFile(path.join(__dirname, name));
		}
	}
	return new Promise((resolve, reject) => {
		const tests = [];
		const started = Date.now();
		let runner;
		try {
			runner = mocha.run((failures) => {
				const results = { passes: tests.filter((t) => t.state === 'passed').length, failures, tests, durationMs: Date.now() - started };
				if (options.collect) {
					resolve(results);
				} else if (failures > 0) {
					reject(new Error(`${failures} integration test(s) failed`));
				} else {
					resolve(results);
				}
			});
		} catch (err) {
			reject(err);
			return;
		}
		runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
		runner.on('fail', (test, err) => tests.push({
			title: test.fullTitle(),
			state: 'failed',
			error: String((err && err.stack) || err).split('\n').slice(0, 12).join('\n'),
		}));
		runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
	});
}

module.exports = { run };
