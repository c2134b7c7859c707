import * as assert from 'node:assert';
import { join } from 'node:path';
import { mainAsync } from '../../src/cli/main';
import { benchQueries } from '../../src/cli/search';

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

	it('reports an unknown filter as an error', async () => {
		const r = await run('search', FIXTURES, 'venue:cvpr');
		assert.strictEqual(r.code, 2);
		assert.match(r.err, /Unknown filter "venue:"/);
	});

	it('asks for DIR and QUERY', async () => {
		const r = await run('search', FIXTURES);
		assert.strictEqual(r.code, 2);
		assert.match(r.err, /search needs DIR and QUERY/);
	});

	it('benches at least 50 queries of every kind', () => {
		const queries = benchQueries(['2602.01001', '2602.01002', '2602.01003', '2603.00001']);
		assert.ok(queries.length >= 50, String(queries.length));
		for (const kind of [/^"/, /^author:/, /^id:/, /^cat:/, /[\u4e00-\u9fff]/, /^day:|after:|before:/]) {
			assert.ok(queries.some((q) => kind.test(q)), String(kind));
		}
	});
});
