// What a run of the suite reports, the same from the Node extension host (index.js) and from the
// web-worker extension host (test/integration/web-runner): passes, failures and each test's state.
'use strict';

/** Follows a mocha runner; `done(results)` is called with the summary once the run ends. */
function collectResults(runner, done) {
	const tests = [];
	const started = Date.now();
	runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
	runner.on('fail', (test, err) => tests.push({
		title: test.fullTitle(),
		state: 'failed',
		error: String((err && err.stack) || err).split('\n').slice(0, 12).join('\n'),
	}));
	runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
	runner.on('end', () => done({
		passes: tests.filter((t) => t.state === 'passed').length,
		failures: tests.filter((t) => t.state === 'failed').length,
		tests,
		durationMs: Date.now() - started,
	}));
}

module.exports = { collectResults };
