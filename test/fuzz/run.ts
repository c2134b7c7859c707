/**
 * `npm run fuzz -- --runs 100000 [--seed N]`: mutations of the real-digest fixtures
 * (test/fixtures/real/) checked against the parser's invariants. A failing case is shrunk, written
 * to test/fixtures/fuzz/<hash>.md (which the unit suite then checks on every run) and the run fails.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDigest } from '../../src/core/parser';
import { checkCoverage, checkStructure } from './invariants';
import { mutate, op } from './mutations';

function arg(name: string, fallback: number): number {
	const argv = process.argv.slice(2);
	const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (at < 0) return fallback;
	const raw = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
	const n = Number(raw);
	if (!Number.isInteger(n)) throw new Error(`--${name} needs a whole number, got ${raw}`);
	return n;
}

function realFixtures(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? realFixtures(join(dir, e.name)) : e.name.endsWith('.md') && e.name !== 'README.md' ? [join(dir, e.name)] : [],
	);
}

const runs = arg('runs', 10_000);
const seed = arg('seed', Date.now() % 2 ** 31);
const files = realFixtures('test/fixtures/real');
// whole files are large; a window of up to 300 lines at a random offset keeps 100,000 runs in minutes
const bases = files.map((f) => readFileSync(f, 'utf8').split('\n'));
const input = fc
	.record({ file: fc.nat({ max: bases.length - 1 }), offset: fc.nat(), length: fc.integer({ min: 1, max: 300 }), ops: fc.array(op, { maxLength: 20 }) })
	.map(({ file, offset, length, ops }) => {
		const lines = bases[file];
		const start = offset % lines.length;
		return { file: files[file], text: mutate(lines.slice(start, start + length).join('\n'), ops) };
	});

console.log(`fuzz: ${runs} runs over ${files.length} real digests, seed ${seed}`);
const started = Date.now();
const result = fc.check(
	fc.property(input, ({ text }) => {
		const d = parseDigest(text, 'fuzz.md');
		checkStructure(text, d);
		checkCoverage(text, d);
	}),
	{ numRuns: runs, seed },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (!result.failed) {
	console.log(`fuzz: ${result.numRuns} runs passed in ${seconds} s (seed ${seed})`);
} else {
	const [{ file, text }] = result.counterexample as [{ file: string; text: string }];
	const dir = 'test/fixtures/fuzz';
	mkdirSync(dir, { recursive: true });
	const out = join(dir, `${createHash('sha256').update(text).digest('hex').slice(0, 12)}.md`);
	writeFileSync(out, text);
	console.error(`fuzz: FAILED after ${result.numRuns} runs (${seconds} s, seed ${seed}, path ${result.counterexamplePath})`);
	console.error(`  mutated from ${file}; shrunk case written to ${out} (the unit suite checks it from now on)`);
	console.error(`  ${String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance).split('\n').slice(0, 12).join('\n  ')}`);
	process.exitCode = 1;
}
