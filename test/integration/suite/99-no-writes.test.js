'use strict';
// Root hook: runs before every other file of the suite, so the hashes are the untouched fixtures.
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, fixtureUri } = require('./helpers');

const FILES = Object.values(FIXTURE.files);
/** bytes and mtime, through vscode.workspace.fs (the suite also runs in the web-worker host) */
const snapshot = async (relative) => {
	const uri = fixtureUri(relative);
	const [bytes, stat] = await Promise.all([vscode.workspace.fs.readFile(uri), vscode.workspace.fs.stat(uri)]);
	return { bytes, mtime: stat.mtime };
};
let initial;

before(async () => {
	initial = new Map(await Promise.all(FILES.map(async (f) => [f, await snapshot(f)])));
});

describe('the extension never writes to digest files', () => {
	it('every fixture file has the same bytes and mtime after the whole suite', async () => {
		for (const f of FILES) {
			const now = await snapshot(f);
			assert.ok(now.bytes.length === initial.get(f).bytes.length && now.bytes.every((b, i) => b === initial.get(f).bytes[i]), `${f} changed`);
			assert.strictEqual(now.mtime, initial.get(f).mtime, `${f} was rewritten`);
		}
		const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString());
		assert.deepStrictEqual(dirty, [], 'no document was left modified');
	});
});
