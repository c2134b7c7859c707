import * as assert from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { mainAsync } from '../../src/cli/main';
import { benchQueries, withoutFilters } from '../../src/cli/benchSearch';
import { readmeBesideADigest } from './digest-folders';
import { unsearchableQuery } from '../../src/cli/search';

const FIXTURES = join(__dirname, '../../test/fixtures/search');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const code = await mainAsync(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
	return { code, out, err };
}

describe('cli: search', () => {
	it('prints matching papers as JSON, best first', async () => {
		const r = await run('search', FIXTURES, 'transformers', '--json');
		assert.strictEqual(r.code, 0, r.err);
		const report = JSON.parse(r.out);
		assert.deepStrictEqual(report.hits.map((h: { id: string }) => h.id), ['2602.01001', '2603.00001']);
		assert.strictEqual(report.total, 2);
		assert.deepStrictEqual(report.hits[0].occurrences.map((o: { day: string }) => o.day), ['2026-02-06', '2026-02-05']);
	});

	it('prints a line per paper and a count, honouring --limit', async () => {
		const r = await run('search', FIXTURES, '扩散模型', '--limit', '1');
		assert.strictEqual(r.code, 0, r.err);
		assert.match(r.out, /2602\.01002\s+cs\.CV\s+Segmentation of Street Scenes/);
		assert.match(r.out, /1 result/);
	});

	it('prints a title\'s TeX math as text in its lines, and as written in its JSON', async () => {
		const dir = join(__dirname, '../../test/fixtures/real/70asunflower__daily-arXiv-ai-enhanced');
		const r = await run('search', dir, 'Prior-Guided Vision-Language-Action', '--limit', '1');
		assert.strictEqual(r.code, 0, r.err);
		assert.match(r.out, /2603\.08361 {2}cs\.CV {2}ΔVLA: Prior-Guided/);
		const json = await run('search', dir, 'Prior-Guided Vision-Language-Action', '--limit', '1', '--json');
		assert.match(JSON.parse(json.out).hits[0].title, /^\$Δ\$VLA/);
	});

	it('says a rare word was searched with its far commoner spelling too (real papers), in its lines and its JSON', async () => {
		const typos = join(__dirname, '../../test/fixtures/typos');
		const r = await run('search', typos, 'vision langauge action', '--limit', '3');
		assert.strictEqual(r.code, 0, r.err);
		assert.match(r.out, /^'langauge': also 'language'$/m);
		assert.doesNotMatch(r.out, /no paper has|^0 results/m);
		const json = JSON.parse((await run('search', typos, 'langauge model', '--json', '--limit', '1')).out);
		assert.deepStrictEqual(json.respelled, [{ word: 'langauge', as: ['language'] }]);
		assert.strictEqual(json.hits[0].id, '2601.22623');
	});

	it('similar: says what each similar paper has in common with the paper, as the card does (real digests)', async () => {
		const real = join(__dirname, '../../test/fixtures/real');
		const cache = mkdtempSync(join(tmpdir(), 'arxiv-digest-similar-'));
		try {
			// Programmable World Model, whose abstract is in Chinese in its fork, and LiveWorld
			const r = await run('similar', real, '2609.10540', '--limit', '1', '--cache-dir', cache);
			assert.strictEqual(r.code, 0, r.err);
			assert.match(r.out, /2603\.07145 {2}cs\.CV {2}LiveWorld: .*\n {7}in common: [^\n]*\bworld\b/);
			const json = JSON.parse((await run('similar', real, '2609.10540', '--limit', '1', '--json', '--cache-dir', cache)).out);
			assert.ok(json.similar[0].inCommon.includes('world'), json.similar[0].inCommon.join(', '));
		} finally {
			rmSync(cache, { recursive: true, force: true });
		}
	});

	it('similar: says so when no paper is close, rather than printing nothing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'arxiv-digest-alone-'));
		try {
			const entry = (n: number, title: string) => `### [${n}] [${title}](https://arxiv.org/abs/2601.0000${n})\n*A. Author*\n\n> **TL;DR:** ${title}.\n`;
			writeFileSync(join(dir, '2026-01-05.md'), `# 2026-01-05\n\n## cs.XX\n\n${entry(1, 'Quantum chromodynamics lattice gluons')}\n${entry(2, 'Sourdough bread fermentation yeast')}`);
			const r = await run('similar', dir, '2601.00001');
			assert.strictEqual(r.code, 0, r.err);
			assert.match(r.out, /^no paper under .* is close to 2601\.00001 \(a cosine of 0\.11 or more\)$/m);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('bench --recs: usage errors and an unreadable folder are messages, not stack traces', async () => {
		const none = await run('bench', '--recs');
		assert.strictEqual(none.code, 2);
		assert.match(none.err, /^arxiv-digest: bench --recs needs exactly one DIR$/m);
		const missing = await run('bench', join(FIXTURES, 'nope'), '--recs');
		assert.strictEqual(missing.code, 1);
		assert.match(missing.err, /cannot read directory .*nope/);
		const few = await run('bench', FIXTURES, '--recs');
		assert.strictEqual(few.code, 2);
		assert.match(few.err, /--days 150: .* holds \d+ days; give fewer/);
		const truth = await run('bench', FIXTURES, '--recs', '--truth', 'foo', '--days', '1');
		assert.strictEqual(truth.code, 2);
		assert.match(truth.err, /--truth: title or title\+tldr, not foo/);
	});

	it('refuses a --cache-dir that names a file (every run indexed everything again, without a word)', async () => {
		const file = join(FIXTURES, '2026-02-06.md');
		for (const command of ['search', 'trends']) {
			const r = command === 'search' ? await run('search', FIXTURES, 'model', '--cache-dir', file) : await run('trends', FIXTURES, '--cache-dir', file);
			assert.strictEqual(r.code, 2, `${command}: ${r.err}`);
			assert.match(r.err, /option '--cache-dir' names a file, not a folder/);
		}
	});

	it('says so when the index cache cannot be saved (every run indexed everything again, without a word), once, and still answers', async () => {
		// below a file: as a read-only folder or a full disk, every write fails (root writes to a read-only one)
		const cache = join(FIXTURES, '2026-02-06.md', 'cache');
		for (const command of ['search', 'trends']) {
			const r = command === 'search' ? await run('search', FIXTURES, 'model', '--cache-dir', cache) : await run('trends', FIXTURES, '--cache-dir', cache);
			assert.strictEqual(r.code, 0, `${command}: ${r.err}`);
			assert.ok(r.out.length > 0, command);
			assert.match(r.err, /^arxiv-digest: cannot save the index cache in .*cache \(.*\); the next run indexes every digest again$/m, command);
			assert.strictEqual(r.err.match(/cannot save/g)?.length, 1, `${command}: once, though several caches failed: ${r.err}`);
		}
	});

	it('reports an unknown filter as an error', async () => {
		const r = await run('search', FIXTURES, 'venue:cvpr');
		assert.strictEqual(r.code, 2);
		assert.match(r.err, /Unknown filter "venue:"/);
	});

	it("indexes the digests of DIR only: a README beside them yields no papers (search, trends)", async () => {
		const dir = readmeBesideADigest();
		try {
			const r = await run('search', dir, 'model', '--json', '--limit', '100');
			assert.strictEqual(r.code, 0, r.err);
			const report = JSON.parse(r.out);
			assert.ok(report.total > 0);
			const files = new Set(report.hits.flatMap((h: { occurrences: { file: string }[] }) => h.occurrences.map((o) => relative(realpathSync(dir), o.file))));
			assert.deepStrictEqual([...files], [join('data', '2026-09-10.md')]);
			// the README's own words (its section headings) find nothing
			const own = await run('search', dir, 'cat:"Command-line tool"', '--json');
			assert.strictEqual(JSON.parse(own.out).total, 0, own.out);
			const trends = await run('trends', dir, '--json');
			assert.strictEqual(trends.code, 0, trends.err);
			assert.deepStrictEqual(JSON.parse(trends.out).days, [{ day: '2026-09-10', papers: 14 }]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('excludes with a query that starts with `-` (a word, a phrase), options around it', async () => {
		const all = JSON.parse((await run('search', FIXTURES, 'cat:cs.CV', '--json')).out);
		const word = await run('search', FIXTURES, '-transformers', 'cat:cs.CV', '--json');
		assert.strictEqual(word.code, 0, word.err);
		const report = JSON.parse(word.out);
		assert.strictEqual(report.query, '-transformers cat:cs.CV');
		const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);
		assert.deepStrictEqual(ids(report), ids(all).filter((id: string) => id !== '2602.01001'));
		const phrase = await run('search', FIXTURES, '-"vision transformers"', '--limit', '10', '--json');
		assert.strictEqual(phrase.code, 0, phrase.err);
		assert.ok(!ids(JSON.parse(phrase.out)).includes('2602.01001'));
		assert.ok(JSON.parse(phrase.out).total > 0);
		const text = await run('search', FIXTURES, '-transformers', '--limit', '1');
		assert.strictEqual(text.code, 0, text.err);
		assert.match(text.out, /showing 1\n$/);
	});

	it('refuses a query with nothing to search for (`C++`, an empty one) instead of listing every paper', async () => {
		for (const query of ['C++', 'F#', '-C++', '', '  ']) {
			const r = await run('search', FIXTURES, query, '--json');
			assert.strictEqual(r.code, 2, query);
			assert.strictEqual(r.out, '', query);
			assert.match(r.err, query.trim() === '' ? /the query is empty/ : /has no words to search for \(single letters and symbols are not indexed\)/, query);
		}
		// a filter beside it still selects, and a lone stopword is still searched
		assert.strictEqual((await run('search', FIXTURES, 'C++', 'cat:cs.CV', '--json')).code, 0);
		assert.strictEqual(unsearchableQuery('the'), undefined);
		assert.strictEqual(unsearchableQuery('venue:x'), undefined, 'the index reports a malformed filter');
	});

	it('asks for DIR and QUERY', async () => {
		const r = await run('search', FIXTURES);
		assert.strictEqual(r.code, 2);
		assert.match(r.err, /search needs DIR and QUERY/);
	});

	it('keeps an index in --cache-dir and answers from it in a new run', async () => {
		const cacheDir = mkdtempSync(join(tmpdir(), 'arxiv-digest-cli-cache-'));
		try {
			const cold = await run('search', FIXTURES, 'transformers', '--json', '--cache-dir', cacheDir, '--timings');
			assert.strictEqual(cold.code, 0, cold.err);
			assert.match(cold.err, /"fromCache":false,"indexed":[1-9]/);
			assert.ok(readdirSync(cacheDir).some((name) => name.startsWith('search-index.')), readdirSync(cacheDir).join());
			const warm = await run('search', FIXTURES, 'transformers', '--json', '--cache-dir', cacheDir, '--timings');
			assert.strictEqual(warm.code, 0, warm.err);
			assert.match(warm.err, /"fromCache":true,"indexed":0/);
			// the same papers; matched words from the long fields may still be missing (their text is read back after the start)
			const hits = (r: { out: string }) => JSON.parse(r.out).hits.map((h: { id: string; score: number }) => [h.id, h.score]);
			assert.deepStrictEqual(hits(warm), hits(cold));
		} finally {
			rmSync(cacheDir, { recursive: true, force: true });
		}
	});

	it('finds its cache whichever way DIR is named (relative, absolute, through a link)', async () => {
		const cacheDir = mkdtempSync(join(tmpdir(), 'arxiv-digest-cli-cache-'));
		try {
			const cold = await run('search', relative(process.cwd(), FIXTURES), 'transformers', '--cache-dir', cacheDir, '--timings');
			assert.strictEqual(cold.code, 0, cold.err);
			const index = readdirSync(cacheDir).find((name) => name.startsWith('search-index.')) as string;
			const written = readFileSync(join(cacheDir, index));
			const link = join(cacheDir, 'digests');
			symlinkSync(FIXTURES, link, 'dir');
			for (const dir of [FIXTURES, link]) {
				const warm = await run('search', dir, 'transformers', '--cache-dir', cacheDir, '--timings');
				assert.strictEqual(warm.code, 0, warm.err);
				assert.match(warm.err, /"fromCache":true,"indexed":0/, `${dir}: no file indexed again`);
				assert.ok(readFileSync(join(cacheDir, index)).equals(written), `${dir}: the cache is not rewritten`);
			}
		} finally {
			rmSync(cacheDir, { recursive: true, force: true });
		}
	});

	it('compares with minisearch on the bench queries without their filters', () => {
		assert.strictEqual(withoutFilters('cat:cs.CV diffusion'), 'diffusion');
		assert.strictEqual(withoutFilters('before:2026-02-01 cat:cs.LG'), '');
		assert.strictEqual(withoutFilters('author:"Bo Zhang"'), '');
		assert.strictEqual(withoutFilters('segmentation -medical'), 'segmentation');
		assert.strictEqual(withoutFilters('"point clouds"'), '"point clouds"');
		assert.strictEqual(withoutFilters('扩散模型'), '扩散模型');
	});

	it('benches at least 50 queries of every kind', () => {
		const queries = benchQueries(['2602.01001', '2602.01002', '2602.01003', '2603.00001']);
		assert.ok(queries.length >= 50, String(queries.length));
		for (const kind of [/^"/, /^author:/, /^id:/, /^cat:/, /[\u4e00-\u9fff]/, /^day:|after:|before:/]) {
			assert.ok(queries.some((q) => kind.test(q)), String(kind));
		}
	});
});
