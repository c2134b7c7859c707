/**
 * How the workspace scan (src/features/workspace/scope.ts) honours arxivDigest.workspace.include /
 * .exclude / .files / .detect against the editor's files.exclude and search.exclude, with the fake
 * vscode's settings. Each case but the first failed before its fix.
 */
import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';

type Config = Record<string, Record<string, unknown>>;
let config: Config = {};
const folder = { name: 'digests', index: 0, uri: { scheme: 'file', path: '/ws/digests', toString: () => 'file:///ws/digests' } };
const uri = (relative: string) => ({ scheme: 'file', path: `/ws/digests/${relative}`, toString: () => `file:///ws/digests/${relative}` });

describe('the workspace scan\'s settings (scope.ts)', () => {
	let scope: typeof import('../../src/features/workspace/scope');
	const saved = { ...fakeVscode.workspace };
	withFakeVscode(() => {
		const ws = fakeVscode.workspace as Record<string, unknown>;
		ws.getConfiguration = (section: string) => ({ get: (key: string) => config[section]?.[key] });
		ws.getWorkspaceFolder = () => folder;
		ws.asRelativePath = (u: { path: string }) => u.path.replace('/ws/digests/', '');
		scope = require('../../src/features/workspace/scope');
	});
	after(() => Object.assign(fakeVscode.workspace, saved));

	it('search.exclude keeps applying when arxivDigest.workspace.exclude is the default', () => {
		config = { arxivDigest: {}, search: { exclude: { '**/archive': true } }, files: {} };
		assert.strictEqual(scope.candidateFor(uri('archive/data/2026-02-06.md') as never), undefined);
	});

	it('a brace-group exclude (the only way to list several in one string) leaves out a top-level folder', () => {
		config = { arxivDigest: { 'workspace.exclude': '{**/node_modules/**,**/old/**}' }, search: {}, files: {} };
		assert.strictEqual(scope.candidateFor(uri('x/old/data/2026-02-06.md') as never), undefined, 'a nested old/ is excluded');
		assert.strictEqual(scope.candidateFor(uri('old/data/2026-02-06.md') as never), undefined, 'a top-level old/ too');
		assert.notStrictEqual(scope.candidateFor(uri('data/2026-02-06.md') as never), undefined, 'and nothing else');
	});

	it('search.exclude keeps applying (README: "your files.exclude and search.exclude keep applying") when our exclude uses braces', () => {
		config = { arxivDigest: { 'workspace.exclude': '**/{node_modules,old}/**' }, search: { exclude: { '**/archive': true } }, files: {} };
		assert.strictEqual(scope.candidateFor(uri('old/data/2026-02-06.md') as never), undefined, 'our own exclude applies');
		assert.strictEqual(scope.candidateFor(uri('archive/data/2026-02-06.md') as never), undefined, 'search.exclude too');
	});

	it('a workspace.include written as a list (as arxivDigest.files is) is no exception', () => {
		config = { arxivDigest: { 'workspace.include': ['data/**/*.md'] }, search: {}, files: {} };
		assert.notStrictEqual(scope.candidateFor(uri('data/2026-02-06.md') as never), undefined, 'read as the default');
	});

	it('a workspace.include that is a number is no exception', () => {
		config = { arxivDigest: { 'workspace.include': 5 }, search: {}, files: {} };
		assert.strictEqual(scope.includeGlob(), '**/*.md');
	});

	it('arxivDigest.files written as one string (not a list) still names the file', () => {
		config = { arxivDigest: { files: 'notes/*.md' }, search: {}, files: {} };
		assert.deepStrictEqual(scope.candidateFor(uri('notes/today.md') as never)?.always, true);
	});

	it('a custom workspace.include ("Glob of files scanned for digests") scans a digest that is not named by its day', () => {
		config = { arxivDigest: { 'workspace.include': 'reading/*.md' }, search: {}, files: {} };
		assert.notStrictEqual(scope.candidateFor(uri('reading/arxiv-today.md') as never), undefined);
	});

	it('arxivDigest.detect off: the scan covers the files of arxivDigest.files only (as the setting says)', () => {
		config = { arxivDigest: { detect: false, files: ['notes/*.md'] }, search: {}, files: {} };
		assert.strictEqual(scope.candidateFor(uri('data/2026-02-06.md') as never), undefined);
		assert.strictEqual(scope.candidateFor(uri('notes/today.md') as never)?.always, true);
	});

});
