// Entry of the suite that runs in a workspace without digests (run-e2e.mjs `--only=plain`): the
// same runner as test/integration/suite, over this folder's tests.
'use strict';
const { run } = require('../suite/index');

module.exports = { run: (options) => run(options, __dirname) };
