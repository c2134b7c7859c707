import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * Each load runs in a process of its own, as each window start does: within one process V8 finds a
 * script it compiled before in its own memory and never reads the cache file at all.
 */
describe('loading a bundle with V8 code cache', () => {
	let dir: string;
	let cacheDir: string;
	let bundle: string;
	let runner: string;
	before(() => {
		dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
		runner = join(dir, 'runner.js');
		buildSync({
			stdin: {
				contents: `import { loadWithCodeCache } from ${JSON.stringify(resolve('src/core/codeCache.ts'))};
import { exposeGc } from ${JSON.stringify(resolve('src/core/gc.ts'))};
const [bundle, cacheDir, save, gc] = process.argv.slice(2);
const loaded = loadWithCodeCache(bundle, cacheDir || undefined);
// as an index worker does in the extension host's process after activation
if (gc === 'gc') exposeGc()();
const saved = save === 'save' ? loaded.save() : undefined;
console.log(JSON.stringify({ exports: loaded.exports, fromCache: loaded.fromCache, saved, savedAgain: save === 'save' ? loaded.save() : undefined }));`,
				resolveDir: dir,
				loader: 'ts',
			},
			bundle: true,
			platform: 'node',
			outfile: runner,
			logLevel: 'warning',
		});
	});
	after(() => rmSync(dir, { recursive: true, force: true }));
	beforeEach(() => {
		cacheDir = mkdtempSync(join(dir, 'cache-'));
		bundle = join(dir, 'bundle.js');
		writeFileSync(join(dir, 'helper.js'), 'module.exports = (n) => n * 2;\n');
		writeFileSync(bundle, "const double = require('./helper.js');\nexports.answer = double(21);\nexports.where = __dirname;\nexports.self = module.exports === exports;\n");
	});

	const load = (save: boolean, cache: string | null = cacheDir, gc = false) =>
		JSON.parse(execFileSync(process.execPath, [runner, bundle, cache ?? '', save ? 'save' : '', gc ? 'gc' : ''], { encoding: 'utf8' })) as { exports: { answer: number }; fromCache: boolean; saved?: boolean; savedAgain?: boolean };
	const caches = () => readdirSync(cacheDir).filter((n) => n.endsWith('.v8-code-cache'));

	it('runs the module as Node would (require beside it, __dirname, module.exports), then from the cache it saved', () => {
		const first = load(true);
		assert.deepStrictEqual(first.exports, { answer: 42, where: dir, self: true });
		assert.strictEqual(first.fromCache, false);
		assert.strictEqual(first.saved, true);
		assert.strictEqual(first.savedAgain, false, 'written once');
		assert.strictEqual(caches().length, 1);

		const second = load(true);
		assert.strictEqual(second.fromCache, true);
		assert.deepStrictEqual(second.exports, first.exports);
		assert.strictEqual(second.saved, false, 'a cache V8 took is kept as it is');
	});

	it('damaged bytes are refused by V8: the bundle compiles as without a cache, and the cache is written again', () => {
		load(true);
		const [name] = caches();
		writeFileSync(join(cacheDir, name), Buffer.from('not compiled code at all, but long enough to look like some'));
		const damaged = load(true);
		assert.strictEqual(damaged.fromCache, false);
		assert.strictEqual(damaged.exports.answer, 42);
		assert.strictEqual(damaged.saved, true);
		assert.strictEqual(load(false).fromCache, true);
	});

	it('a changed bundle of the same length never takes the old cache (V8 checks the length only); its save removes the old one', () => {
		load(true);
		const before = caches();
		writeFileSync(bundle, "const double = require('./helper.js');\nexports.answer = double(12);\nexports.where = __dirname;\nexports.self = module.exports === exports;\n");
		const updated = load(true);
		assert.strictEqual(updated.fromCache, false);
		assert.strictEqual(updated.exports.answer, 24);
		const after = caches();
		assert.strictEqual(after.length, 1);
		assert.notDeepStrictEqual(after, before);
	});

	it("a cache written after an index worker took V8's gc is taken at the next start (the flag it needs is turned off again)", () => {
		assert.strictEqual(load(true, cacheDir, true).saved, true);
		assert.strictEqual(load(false).fromCache, true);
	});

	it("a save removes what a window that crashed while writing left (this bundle's temporary files only)", () => {
		const leftover = join(cacheDir, 'bundle.js-0123456789abcdef.v8-code-cache.4242.tmp');
		const other = join(cacheDir, 'card-render.js-0123456789abcdef.v8-code-cache.4242.tmp');
		writeFileSync(leftover, 'half');
		writeFileSync(other, 'half');
		load(true);
		assert.deepStrictEqual(readdirSync(cacheDir).filter((n) => n.endsWith('.tmp')), ['card-render.js-0123456789abcdef.v8-code-cache.4242.tmp']);
	});

	it('without a cache folder it only loads', () => {
		const loaded = load(true, null);
		assert.strictEqual(loaded.exports.answer, 42);
		assert.strictEqual(loaded.saved, false);
	});
});
