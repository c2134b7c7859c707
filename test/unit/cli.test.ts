import * as assert from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs, UsageError } from '../../src/cli/args';
import { listDigestFiles } from '../../src/cli/files';
import { readmeBesideADigest, REAL } from './digest-folders';
import { main } from '../../src/cli/main';
import { shiftCopy } from '../../src/cli/scale';
import { version } from '../../package.json';

const SEEDS = 'test/fixtures/seeds';
const SEED_A = join(SEEDS, '000_e68cbdc0f6d19b20.txt');
const SEED_B = join(SEEDS, '002_9ca964b67d58151b.txt');
const DIAGNOSTIC_LINE = /^.+:\d+: (error|warning|info|hint): .+ \[[a-z-]+\]$/;

function run(...argv: string[]): { code: number; out: string; err: string } {
	let out = '';
	let err = '';
	const code = main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
	return { code, out, err };
}

describe('cli: arguments', () => {
	it('parses flags, options in both spellings, aliases and --', () => {
		const args = parseArgs(['a', '--json', '--days=3', '--papers', '20', '-h', '--', '--not-an-option'], {
			flags: ['json', 'help'], options: ['days', 'papers'], aliases: { h: 'help' },
		});
		assert.deepStrictEqual(args.positionals, ['a', '--not-an-option']);
		assert.deepStrictEqual([...args.flags].sort(), ['help', 'json']);
		assert.strictEqual(args.options.get('days'), '3');
		assert.strictEqual(args.options.get('papers'), '20');
	});

	it('rejects unknown options and missing values', () => {
		assert.throws(() => parseArgs(['--nope'], { flags: ['json'] }), UsageError);
		assert.throws(() => parseArgs(['--days'], { options: ['days'] }), UsageError);
		assert.throws(() => parseArgs(['--json=1'], { flags: ['json'] }), UsageError);
		assert.throws(() => parseArgs(['--nope'], { flags: ['json'] }), { message: "unknown option '--nope'" });
		assert.throws(() => parseArgs(['-x'], { flags: ['help'], aliases: { h: 'help' } }), { message: "unknown option '-x'" });
		assert.throws(() => parseArgs(['--days'], { options: ['days'] }), { message: "option '--days' needs a value" });
		assert.throws(() => parseArgs(['--json=1'], { flags: ['json'] }), { message: "option '--json' takes no value" });
	});
});

describe('cli: arguments with a search query', () => {
	const spec = { flags: ['json', 'help'], options: ['limit', 'term'], aliases: { h: 'help' }, queryFrom: 1, queryOptions: ['term'] };

	it('takes a word that starts with one dash, after the first positional, as a word of the query', () => {
		const args = parseArgs(['data', '-survey', 'diffusion', '--limit', '5', '-"large language"', '--json'], spec);
		assert.deepStrictEqual(args.positionals, ['data', '-survey', 'diffusion', '-"large language"']);
		assert.strictEqual(args.options.get('limit'), '5');
		assert.ok(args.flags.has('json'));
		assert.deepStrictEqual(parseArgs(['data', '-cat:cs.CV', '-is:read', '-5'], spec).positionals, ['data', '-cat:cs.CV', '-is:read', '-5']);
	});

	it('keeps the options: aliases, --name value, --name=value, and `--` as node reads them', () => {
		assert.ok(parseArgs(['data', 'x', '-h'], spec).flags.has('help'));
		assert.strictEqual(parseArgs(['data', '--limit=3', '-x'], spec).options.get('limit'), '3');
		assert.deepStrictEqual(parseArgs(['data', '--', '-x', '--json'], spec).positionals, ['data', '-x', '--json']);
		assert.throws(() => parseArgs(['data', 'x', '--nope'], spec), { message: "unknown option '--nope'" });
		assert.throws(() => parseArgs(['data', 'x', '--limit'], spec), { message: "option '--limit' needs a value" });
		// a negative number is a value, for the range check to refuse by name
		assert.strictEqual(parseArgs(['data', 'x', '--limit', '-5'], spec).options.get('limit'), '-5');
		assert.throws(() => parseArgs(['data', 'x', '--limit', '-v'], spec), { message: "option '--limit' needs a value" });
	});

	it('takes the value of a query option even when it starts with one dash', () => {
		assert.strictEqual(parseArgs(['data', '--term', '-survey'], spec).options.get('term'), '-survey');
		assert.strictEqual(parseArgs(['data', '--term=-survey'], spec).options.get('term'), '-survey');
		assert.throws(() => parseArgs(['data', '--term', '--json'], spec), { message: "option '--term' needs a value" });
	});

	it('names the whole argument, and says where a query word goes, when it stands before the query', () => {
		assert.throws(() => parseArgs(['-survey', 'data'], spec), { message: "unknown option '-survey' (a query word that starts with '-' goes after DIR, or after '--')" });
		assert.throws(() => parseArgs(['data', '-survey'], { flags: ['json'] }), { message: "unknown option '-survey'" });
	});
});

describe('cli: usage, help and version', () => {
	it('prints the version from package.json', () => {
		const r = run('--version');
		assert.strictEqual(r.code, 0);
		assert.strictEqual(r.out.trim(), version);
	});

	it('prints help for the tool and for every command', () => {
		const top = run('--help');
		assert.strictEqual(top.code, 0);
		for (const command of ['parse', 'stats', 'bench', 'gen-corpus']) {
			assert.ok(top.out.includes(command), `top help lists ${command}`);
			const r = run(command, '--help');
			assert.strictEqual(r.code, 0, command);
			assert.ok(r.out.startsWith(`Usage: arxiv-digest ${command}`), command);
			assert.strictEqual(run(command, '-h').out, r.out);
		}
	});

	it('exits 2 with a hint on bad usage', () => {
		const cases: string[][] = [[], ['frobnicate'], ['--frobnicate'], ['parse'], ['parse', SEED_A, '--nope'], ['stats'],
			['stats', SEEDS, SEEDS], ['bench'], ['bench', SEEDS, '--runs', '0'], ['gen-corpus'], ['gen-corpus', 'x', '--days', 'abc'],
			['gen-corpus', 'x', '--repeat', '2'], ['gen-corpus', 'x', '--end', '2026-13-45']];
		for (const argv of cases) {
			const r = run(...argv);
			assert.strictEqual(r.code, 2, argv.join(' '));
			assert.match(r.err, /--help/, argv.join(' '));
			assert.strictEqual(r.out, '', argv.join(' '));
		}
		assert.match(run('parse').err, /arxiv-digest parse --help/);
		assert.match(run('frobnicate').err, /unknown command 'frobnicate'/);
	});
});

describe('cli: parse', () => {
	it('prints one digest as JSON', () => {
		const r = run('parse', SEED_A, '--json');
		assert.strictEqual(r.code, 0);
		const digest = JSON.parse(r.out);
		assert.strictEqual(digest.path, SEED_A);
		assert.strictEqual(digest.papers.length, 166);
		assert.deepStrictEqual(digest.categories.map((c: { name: string }) => c.name), ['cs.CV', 'cs.CL']);
		assert.strictEqual(digest.papers[0].id, '2602.04994');
		for (const line of r.err.split('\n').filter(Boolean)) assert.match(line, DIAGNOSTIC_LINE);
	});

	it('prints several digests as a JSON array', () => {
		const r = run('parse', '--json', SEED_A, SEED_B);
		assert.strictEqual(r.code, 0);
		const digests = JSON.parse(r.out);
		assert.ok(Array.isArray(digests));
		assert.deepStrictEqual(digests.map((d: { papers: unknown[] }) => d.papers.length), [166, 79]);
	});

	it('prints a readable summary without --json', () => {
		const r = run('parse', SEED_B);
		assert.strictEqual(r.code, 0);
		assert.ok(r.out.startsWith(`${SEED_B}: `));
		assert.match(r.out, /79 papers in 5 categories/);
		for (const heading of ['cs.CV (26', 'cs.LG (32', 'cs.CY (5', 'cs.IR (7', 'cs.AI (9']) assert.ok(r.out.includes(heading), heading);
		assert.match(r.out, /\[1\] 2602\.20205 +OTPrune: Distribution-Aligned Visual Token Pruning/);
		assert.strictEqual(r.out.split('\n').filter((l) => /^ +\[\d+\] /.test(l)).length, 79);
	});

	it('reports diagnostics on stderr as path:line: severity: message [code] and still exits 0', () => {
		const dir = mkdtempSync(join(tmpdir(), 'arxiv-cli-'));
		try {
			const file = join(dir, 'bad.md');
			writeFileSync(file, '<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 5]\n\n<div id=\'cs.CV\'></div>\n\n# cs.CV [[Back]](#toc)\n\n### [1] [A title](https://arxiv.org/abs/2601.00001)\n*A. Author*\n\nTL;DR: short\n');
			const r = run('parse', file);
			assert.strictEqual(r.code, 0);
			const lines = r.err.split('\n').filter(Boolean);
			assert.ok(lines.length > 0, 'the wrong TOC total is reported');
			for (const line of lines) {
				assert.match(line, DIAGNOSTIC_LINE);
				assert.ok(line.startsWith(`${file}:`));
			}
			assert.ok(lines.some((l) => l.endsWith('[toc-total-mismatch]')), r.err);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('exits 1 with a clear message when a file cannot be read, after parsing the others', () => {
		const missing = join(SEEDS, 'does-not-exist.md');
		const r = run('parse', '--json', SEED_B, missing);
		assert.strictEqual(r.code, 1);
		assert.match(r.err, new RegExp(`cannot read ${missing.replace(/[.\\]/g, '\\$&')}: no such file or directory`));
		assert.strictEqual(JSON.parse(r.out).length, 1);
		const dir = run('parse', SEEDS);
		assert.strictEqual(dir.code, 1);
		assert.match(dir.err, /is a directory/);
	});
});

describe('cli: stats', () => {
	it('counts the seed directory', () => {
		const r = run('stats', SEEDS, '--json');
		assert.strictEqual(r.code, 0, r.err);
		const stats = JSON.parse(r.out);
		assert.strictEqual(stats.files, 2);
		assert.strictEqual(stats.entries, 166 + 79);
		assert.strictEqual(stats.uniquePapers, 245);
		assert.strictEqual(stats.categories, 6);
		assert.strictEqual(stats.skipped, 0);
		const counts = Object.values(stats.perCategory) as number[];
		assert.deepStrictEqual(counts, [...counts].sort((a, b) => b - a), 'sorted by count');
		assert.strictEqual(Object.keys(stats.perCategory)[0], 'cs.CV');
	});

	it('prints the same figures as text', () => {
		const r = run('stats', SEEDS);
		assert.strictEqual(r.code, 0);
		assert.match(r.out, /^files +2$/m);
		assert.match(r.out, /^entries +245$/m);
		assert.match(r.out, /^unique papers +245$/m);
		assert.match(r.out, /^entries per section:\n  cs\.CV +\d+$/m);
		const perFile = run('stats', SEEDS, '--per-file');
		assert.strictEqual(perFile.code, 2, 'only with --fields');
		assert.match(perFile.err, /'--per-file' goes with '--fields'/);
	});

	it('leaves out non-digest markdown, node_modules and dot-folders', () => {
		const dir = mkdtempSync(join(tmpdir(), 'arxiv-cli-'));
		try {
			mkdirSync(join(dir, 'data'));
			mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
			mkdirSync(join(dir, '.git'));
			copyFileSync(SEED_B, join(dir, 'data', '2026-02-24.md'));
			copyFileSync(SEED_A, join(dir, 'node_modules', 'pkg', 'README.md'));
			copyFileSync(SEED_A, join(dir, '.git', 'copy.md'));
			copyFileSync(SEED_A, join(dir, 'data', 'seed.json'));
			writeFileSync(join(dir, 'README.md'), '# My notes\n\nSome text about [links](https://arxiv.org/abs/2601.00001).\n');
			const r = run('stats', dir, '--json');
			assert.strictEqual(r.code, 0, r.err);
			const stats = JSON.parse(r.out);
			assert.strictEqual(stats.files, 1);
			assert.strictEqual(stats.entries, 79);
			assert.strictEqual(stats.skipped, 1);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("leaves out a README whose headings and links look like categories and papers, as the extension does", () => {
		const dir = readmeBesideADigest();
		try {
			const r = run('stats', dir, '--json');
			assert.strictEqual(r.code, 0, r.err);
			const stats = JSON.parse(r.out);
			assert.deepStrictEqual([stats.files, stats.entries, stats.skipped], [1, 14, 1]);
			assert.deepStrictEqual(Object.keys(stats.perCategory).sort(), ['cs.AI', 'cs.CV', 'cs.LG', 'cs.RO', 'cs.SD']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('finds every real digest that has papers, and only those, by the extension\'s rule', () => {
		const withPapers = readFileSync(join(REAL, 'EXPECTED.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim())
			.map((l) => l.split('\t')).filter(([, papers]) => Number(papers) > 0).map(([file]) => join(REAL, file)).sort();
		assert.strictEqual(withPapers.length, 22);
		const listing = listDigestFiles(REAL);
		assert.deepStrictEqual(listing.files, withPapers);
		// the README of the fixtures and the empty day, which only an `arxivDigest.files` glob makes a digest
		assert.deepStrictEqual(listing.skipped.map((p) => relative(REAL, p)), ['README.md', join('xmkxabc__daily-arXiv-ai-enhanced', '2025-06-20.md')]);
		const stats = JSON.parse(run('stats', REAL, '--json').out);
		assert.strictEqual(stats.files, 22);
	});

	it('follows symbolic links to digests and folders, each folder once, as the editor\'s file search does', function () {
		if (process.platform === 'win32') this.skip(); // links need rights there
		const dir = mkdtempSync(join(tmpdir(), 'arxiv-links-'));
		try {
			const fork = 'xmkxabc__daily-arXiv-ai-enhanced';
			const real = resolve(REAL);
			symlinkSync(join(real, 'zeta-zl__daily-arXiv-ai-enhanced', '2025-07-10.md'), join(dir, '2025-07-10.md'));
			symlinkSync(join(real, fork), join(dir, 'xmk'));
			symlinkSync(join(real, fork), join(dir, 'xmk-again'));
			symlinkSync(dir, join(dir, 'loop'));
			symlinkSync(join(dir, 'nowhere.md'), join(dir, 'broken.md'));
			const listing = listDigestFiles(dir);
			const inFork = readdirSync(join(REAL, fork)).filter((name) => listDigestFiles(join(REAL, fork)).files.includes(join(REAL, fork, name)));
			assert.strictEqual(listing.files.length, 1 + inFork.length, listing.files.join('\n'));
			assert.ok(listing.files.includes(join(dir, '2025-07-10.md')));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('exits 1 when the directory cannot be read', () => {
		const r = run('stats', join(SEEDS, 'nope'));
		assert.strictEqual(r.code, 1);
		assert.match(r.err, /cannot read directory .*nope: no such file or directory/);
	});
});

describe('cli: bench', () => {
	it('reports corpus size, entries and parse figures as JSON', () => {
		const r = run('bench', SEEDS, '--runs', '2');
		assert.strictEqual(r.code, 0, r.err);
		const report = JSON.parse(r.out);
		assert.strictEqual(report.files, 2);
		assert.strictEqual(report.bytes, statSync(SEED_A).size + statSync(SEED_B).size);
		assert.strictEqual(report.mb, Math.round((report.bytes / 1e6) * 100) / 100);
		assert.strictEqual(report.entries, 245);
		assert.strictEqual(report.parse.runs, 2);
		for (const value of [report.parse.parseMs.best, report.parse.parseMs.median, report.parse.mbPerSec.best, report.parse.mbPerSec.median]) {
			assert.ok(Number.isFinite(value) && value >= 0, String(value));
		}
		assert.ok(report.parse.parseMs.best <= report.parse.parseMs.median);
	});

	it('--scale N measures N copies of the folder, with their own days and ids', () => {
		const r = run('bench', SEEDS, '--runs', '1', '--scale', '3');
		assert.strictEqual(r.code, 0, r.err);
		const report = JSON.parse(r.out);
		assert.strictEqual(report.scale, 3);
		assert.strictEqual(report.files, 6);
		assert.strictEqual(report.entries, 3 * 245);
		assert.strictEqual(report.dir, SEEDS);
		assert.strictEqual(run('bench', SEEDS, '--scale', '0').code, 2);
	});

	it('shifts days and arXiv ids per copy, and nothing else', () => {
		const text = '# 2026-02-06\n[2602.04994v2](https://arxiv.org/abs/2602.04994v2) costs 1234.5 ms in 2026';
		assert.strictEqual(shiftCopy(text, 0), text);
		assert.strictEqual(shiftCopy(text, 1), '# 2036-02-06\n[3602.04994v2](https://arxiv.org/abs/3602.04994v2) costs 1234.5 ms in 2026');
		assert.strictEqual(shiftCopy('2026-02-06.md', 2), '2046-02-06.md');
	});
});
