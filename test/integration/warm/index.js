// Entry of the suite that runs twice over one folder and one profile (run-e2e.mjs `--only=warm`):
// a first session, then, after the harness changed the folder as another program would while the
// editor was closed, a second one. The same runner as test/integration/suite, over this folder's tests.
'use strict';
const { run } = require('../suite/index');

module.exports = { run: (options) => run(options, __dirname) };
