import * as assert from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function tsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
	});
}

describe('src/core stays vscode-free', () => {
	it('no file under src/core imports vscode', () => {
		const files = tsFiles('src/core');
		assert.ok(files.length > 0, 'src/core has sources');
		const offenders = files.filter((f) => /(?:from\s+|require\(\s*|import\(\s*|import\s+)['"]vscode['"]/.test(readFileSync(f, 'utf8')));
		assert.deepStrictEqual(offenders, []);
	});
});
