/** The README keeps up with the code on what a test can check: its tables, its dependency reasons, its layout. */
import * as assert from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('README', () => {
	it('renders every table row in a table (a paragraph inside a table made its rest plain text)', () => {
		const strays = new MarkdownIt().render(README).split('\n').filter((line) => line.startsWith('<p>|'));
		assert.deepStrictEqual(strays.map((line) => line.slice(0, 60)), []);
	});

	it('says why of every dependency', () => {
		const table = README.slice(README.indexOf('### Dependencies and why'));
		const missing = [...Object.keys(PKG.dependencies ?? {}), ...Object.keys(PKG.devDependencies)].filter((name) => !table.includes(`\`${name}\``));
		assert.deepStrictEqual(missing, []);
	});

	it("names every feature folder in its layout", () => {
		const layout = README.slice(README.indexOf('src/features/      '), README.indexOf('src/webview/       '));
		const folders = readdirSync(join(ROOT, 'src', 'features')).filter((f) => statSync(join(ROOT, 'src', 'features', f)).isDirectory());
		assert.ok(folders.length > 10);
		assert.deepStrictEqual(folders.filter((f) => !new RegExp(`\\b${f}\\b`).test(layout)), []);
	});

	it('names the VSIX budget the package check holds it to', () => {
		const budget = /MAX_VSIX_BYTES = ([\d.]+) \* 1024 \* 1024/.exec(readFileSync(join(ROOT, 'test', 'harness', 'check-vsix.mjs'), 'utf8'))?.[1];
		assert.ok(budget);
		assert.ok(README.includes(`under ${budget} MiB`), `check-vsix.mjs allows ${budget} MiB`);
	});
});
