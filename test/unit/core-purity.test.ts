import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { filesUnder } from './files-under';

const VSCODE_IMPORT = /(?:from\s+|require\(\s*|import\(\s*|import\s+)['"]vscode['"]/;


/** Comments may mention 'vscode' (e.g. "nothing here may import 'vscode'"); only code counts. */
function importsVscode(source: string): boolean {
	const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	return VSCODE_IMPORT.test(code);
}

describe('src/core stays vscode-free', () => {
	it('no file under src/core imports vscode', () => {
		const files = filesUnder('src/core', ['.ts']);
		assert.ok(files.length > 0, 'src/core has sources');
		assert.deepStrictEqual(files.filter((f) => importsVscode(readFileSync(f, 'utf8'))), []);
	});

	it('the check catches real imports and ignores comments', () => {
		assert.ok(importsVscode("import * as vscode from 'vscode';"));
		assert.ok(importsVscode("const vscode = require('vscode');"));
		assert.ok(!importsVscode("/** nothing under src/core may import 'vscode' */\nexport const x = 1;"));
	});
});
