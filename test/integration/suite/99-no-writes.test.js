'use strict';
// Root hook: runs before every other file of the suite, so the hashes are the untouched fixtures.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const vscode = require('vscode');
const { FIXTURE, fixtureUri } = require('./helpers');

const FILES = Object.values(FIXTURE.files);
const hash = (relative) => crypto.createHash('sha256').update(fs.readFileSync(fixtureUri(relative).fsPath)).digest('hex');
let initial;

before(() => {
	initial = new Map(FILES.map((f) => [f, { hash: hash(f), mtime: fs.statSync(fixtureUri(f).fsPath).mtimeMs }]));
});

describe('the extension never writes to digest files', () => {
	it('every fixture file has the same bytes and mtime after the whole suite', () => {
		for (const f of FILES) {
			assert.strictEqual(hash(f), initial.get(f).hash, `${f} changed`);
			assert.strictEqual(fs.statSync(fixtureUri(f).fsPath).mtimeMs, initial.get(f).mtime, `${f} was rewritten`);
		}
		const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString());
		assert.deepStrictEqual(dirty, [], 'no document was left modified');
	});
});
