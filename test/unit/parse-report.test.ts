import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldCoverage, mergeCoverage } from '../../src/core/parse/coverage';
import { parseReportMarkdown } from '../../src/core/parse/coverageReport';
import { parseDigest } from '../../src/core/parser';

const FIXTURES = join(__dirname, '../../test/fixtures/search');
const digests = ['2026-02-05.md', '2026-02-06.md', '2026-03-02.md'].map((name) => parseDigest(readFileSync(join(FIXTURES, name), 'utf8'), `/ws/data/${name}`));

describe('parse report', () => {
	it('merging the coverage of parts gives the coverage of the whole', () => {
		const whole = fieldCoverage(digests, 'template');
		const merged = mergeCoverage([fieldCoverage(digests.slice(0, 1), 'template'), fieldCoverage(digests.slice(1), 'template')]);
		assert.deepStrictEqual(merged, whole);
	});

	it('reports every template with its fields and every file with its key fields, in Markdown tables', () => {
		const byTemplate = fieldCoverage(digests, 'template');
		const byFile = fieldCoverage(digests, 'file');
		const md = parseReportMarkdown({ byTemplate, byFile, displayPath: (p) => p.replace('/ws/', ''), version: '9.9.9' });
		const papers = digests.reduce((n, d) => n + d.papers.length, 0);
		assert.ok(md.startsWith('# arXiv Digest: parse report\n'));
		assert.ok(md.includes(`3 digest files, ${papers} paper entries · arXiv Digest 9.9.9.`), md.slice(0, 300));
		for (const g of byTemplate) assert.ok(md.includes(`### ${g.group}`), g.group);
		for (const d of digests) {
			const row = md.split('\n').find((l) => l.startsWith(`| ${d.path.replace('/ws/', '')} |`));
			assert.ok(row, `a row for ${d.path}`);
			assert.ok(row.startsWith(`| ${d.path.replace('/ws/', '')} | ${d.papers.length} |`), row);
		}
		const tldrRow = md.split('\n').find((l) => l.startsWith('| tldr |'));
		assert.match(tldrRow ?? '', /^\| tldr \| \d+ \| \d+ % \|$/);
	});
});
