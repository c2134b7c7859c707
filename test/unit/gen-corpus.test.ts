import * as assert from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom, dayList, extractSeedPapers, generateCorpus, loadSeedPapers, SUMMARY_LABELS } from '../../src/cli/genCorpus';
import { main } from '../../src/cli/main';
import type { Digest } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';

const SEEDS = 'test/fixtures/seeds';

function run(...argv: string[]): { code: number; out: string; err: string } {
	let out = '';
	let err = '';
	const code = main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
	return { code, out, err };
}

function readDay(dir: string, name: string): { text: string; digest: Digest } {
	const path = join(dir, 'data', name);
	const text = readFileSync(path, 'utf8');
	return { text, digest: parseDigest(text, path) };
}

describe('gen-corpus: seeds', () => {
	it('splits the seed files into their 245 papers with every field', () => {
		const papers = loadSeedPapers(SEEDS);
		assert.strictEqual(papers.length, 166 + 79);
		for (const paper of papers) {
			assert.ok(paper.title.length > 0 && paper.authors.length > 0, paper.title);
			assert.match(paper.mainCategory, /^cs\.[A-Z]{2}$/);
			SUMMARY_LABELS.forEach((label, i) => assert.ok(paper.fields[i].trim().length > 0, `${paper.title}: ${label}`));
		}
		assert.strictEqual(papers[0].title, 'SIDeR: Semantic Identity Decoupling for Unrestricted Face Privacy');
		assert.strictEqual(papers[0].section, 'cs.CV');
		assert.strictEqual(papers[165].section, 'cs.CL');
	});

	it('keeps hard-wrapped values and ignores text outside papers', () => {
		const [paper, ...rest] = extractSeedPapers('# Notes\n\nintro\n\n## cs.AI\n\n### [1] [T [x] y](https://arxiv.org/abs/2601.00001v2)\n*A,B*\n\nTL;DR: one\ntwo\n\nAbstract: abs\n');
		assert.strictEqual(rest.length, 0);
		assert.strictEqual(paper.title, 'T [x] y');
		assert.strictEqual(paper.section, 'cs.AI');
		assert.strictEqual(paper.authors, 'A,B');
		assert.strictEqual(paper.fields[0], 'one\ntwo');
		assert.strictEqual(paper.fields[5], 'abs');
		assert.strictEqual(paper.fields[1], '');
	});
});

describe('gen-corpus: generator', () => {
	let dir: string;
	beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'arxiv-gen-')); });
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('lists consecutive days ending at the given date, across months and years', () => {
		assert.deepStrictEqual(dayList('2026-03-01', 3), ['2026-02-27', '2026-02-28', '2026-03-01']);
		assert.deepStrictEqual(dayList('2026-01-01', 2), ['2025-12-31', '2026-01-01']);
		assert.strictEqual(dayList('2026-07-03', 184)[0], '2026-01-01');
	});

	it('is deterministic and the seed matters', () => {
		const a = createRandom(42);
		const b = createRandom(42);
		const c = createRandom(43);
		const first = Array.from({ length: 5 }, a);
		assert.deepStrictEqual(first, Array.from({ length: 5 }, b));
		assert.notDeepStrictEqual(first, Array.from({ length: 5 }, c));
		assert.ok(first.every((x) => x >= 0 && x < 1));
	});

	it('writes day files in the reference shape that parse to the expected counts', () => {
		const r = run('gen-corpus', dir, '--days', '3', '--papers', '20', '--seed', '7', '--json');
		assert.strictEqual(r.code, 0, r.err);
		const summary = JSON.parse(r.out);
		assert.strictEqual(summary.files, 3);
		assert.strictEqual(summary.entries, 60);
		assert.strictEqual(summary.repeatedEntries, 15);
		assert.strictEqual(summary.uniquePapers, 45);
		const names = readdirSync(join(dir, 'data')).sort();
		assert.deepStrictEqual(names, ['2026-07-01.md', '2026-07-02.md', '2026-07-03.md']);

		const firstSeen = new Map<string, string>();
		let entries = 0;
		let repeated = 0;
		for (const name of names) {
			const { text, digest } = readDay(dir, name);
			assert.strictEqual(digest.day, name.slice(0, 10));
			assert.strictEqual(digest.papers.length, 20);
			assert.deepStrictEqual(digest.papers.map((p) => p.number), Array.from({ length: 20 }, (_, i) => i + 1));
			assert.deepStrictEqual(digest.diagnostics, [], `${name} parses without diagnostics`);
			for (const category of digest.categories) assert.strictEqual(category.claimedTotal, category.papers.length, category.name);
			assert.strictEqual(new Set(digest.papers.map((p) => p.id)).size, 20, 'no id twice in one day');
			const lines = text.split('\n');
			for (const paper of digest.papers) {
				assert.ok(paper.isArxiv);
				assert.match(paper.id, /^26(0[67])\.\d{5}$/);
				assert.ok(paper.abstract.length > 0 && paper.tldr.length > 0 && paper.authors.length > 0);
				const block = lines.slice(paper.range.start + 1, paper.range.end + 1).join('\n').trim();
				const earlier = firstSeen.get(paper.id);
				if (earlier === undefined) {
					firstSeen.set(paper.id, block);
				} else {
					repeated++;
					assert.strictEqual(block, earlier, `${paper.id} repeats its text`);
				}
				entries++;
			}
		}
		assert.strictEqual(entries, 60);
		assert.strictEqual(repeated, 15);
		assert.strictEqual(firstSeen.size, 45);

		const stats = JSON.parse(run('stats', dir, '--json').out);
		assert.strictEqual(stats.entries, 60);
		assert.strictEqual(stats.uniquePapers, 45);
		assert.strictEqual(stats.files, 3);
		assert.strictEqual(stats.days, 3);
	});

	it('gives the same bytes for the same seed and different text for another', () => {
		const other = mkdtempSync(join(tmpdir(), 'arxiv-gen-'));
		const third = mkdtempSync(join(tmpdir(), 'arxiv-gen-'));
		try {
			const seeds = loadSeedPapers(SEEDS);
			const options = { days: 4, papersPerDay: 15, seed: 3, repeat: 0.25, endDate: '2026-02-02', seeds };
			generateCorpus({ ...options, out: dir });
			generateCorpus({ ...options, out: other });
			generateCorpus({ ...options, seed: 4, out: third });
			for (const name of readdirSync(join(dir, 'data'))) {
				assert.strictEqual(readFileSync(join(dir, 'data', name), 'utf8'), readFileSync(join(other, 'data', name), 'utf8'), name);
				assert.notStrictEqual(readFileSync(join(dir, 'data', name), 'utf8'), readFileSync(join(third, 'data', name), 'utf8'), name);
			}
		} finally {
			rmSync(other, { recursive: true, force: true });
			rmSync(third, { recursive: true, force: true });
		}
	});

	it('mixes fields so generated papers are not copies of one seed paper', () => {
		const seeds = loadSeedPapers(SEEDS);
		generateCorpus({ out: dir, days: 1, papersPerDay: 200, seed: 5, repeat: 0, endDate: '2026-07-03', seeds });
		const { digest } = readDay(dir, '2026-07-03.md');
		const byTitle = new Map(seeds.map((s) => [s.title, s]));
		let mixed = 0;
		for (const paper of digest.papers) {
			const source = byTitle.get(paper.title);
			assert.ok(source, 'title and authors come from one real seed paper');
			assert.strictEqual(paper.authors.join(','), source.authors.replace(/, /g, ','));
			if (paper.abstract !== source.fields[5] || paper.tldr !== source.fields[0]) mixed++;
		}
		assert.ok(mixed > 50 && mixed < 200, `mixed ${mixed}`);
	});

	it('has no repeats with a single day or --repeat 0, and ~25% repeats over many days', () => {
		const seeds = loadSeedPapers(SEEDS);
		const one = generateCorpus({ out: join(dir, 'a'), days: 1, papersPerDay: 30, seed: 1, repeat: 0.25, endDate: '2026-07-03', seeds });
		assert.strictEqual(one.repeatedEntries, 0);
		const none = generateCorpus({ out: join(dir, 'b'), days: 5, papersPerDay: 30, seed: 1, repeat: 0, endDate: '2026-07-03', seeds });
		assert.strictEqual(none.uniquePapers, 150);
		const many = generateCorpus({ out: join(dir, 'c'), days: 30, papersPerDay: 40, seed: 1, repeat: 0.25, endDate: '2026-07-03', seeds });
		assert.strictEqual(many.entries, 1200);
		assert.strictEqual(many.repeatedEntries, 300);
		assert.strictEqual(many.uniquePapers, 900);
		assert.strictEqual(many.bytes, readdirSync(join(dir, 'c', 'data')).reduce((sum, n) => sum + readFileSync(join(dir, 'c', 'data', n)).length, 0));
	});

	it('refuses to write into a data folder that already holds files, unless --force', () => {
		assert.strictEqual(run('gen-corpus', dir, '--days', '1', '--papers', '5').code, 0);
		const again = run('gen-corpus', dir, '--days', '1', '--papers', '5');
		assert.strictEqual(again.code, 1);
		assert.match(again.err, /already holds files/);
		assert.strictEqual(run('gen-corpus', dir, '--days', '1', '--papers', '5', '--force').code, 0);
	});

	it('exits 1 when the seed folder has no papers or does not exist', () => {
		const empty = run('gen-corpus', join(dir, 'out'), '--from', dir);
		assert.strictEqual(empty.code, 1);
		assert.match(empty.err, /no papers/);
		const missing = run('gen-corpus', join(dir, 'out'), '--from', join(dir, 'missing'));
		assert.strictEqual(missing.code, 1);
		assert.match(missing.err, /cannot read seed directory/);
	});
});
