import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldCoverage, mergeCoverage } from '../../src/core/parse/coverage';
import { parseReportMarkdown } from '../../src/core/parse/coverageReport';
import { parseDigest } from '../../src/core/parser';
import { parseReportStrings } from '../../src/features/report/strings';

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

	it('speaks the reader\'s language: every word from the strings the extension passes, the field keys as the parser names them', () => {
		const zhBundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
		const translator = (bundle: Record<string, string>) => ({
			t: (message: string, ...args: Array<string | number | boolean>) => (bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
		});
		const byTemplate = fieldCoverage(digests, 'template');
		const byFile = fieldCoverage(digests, 'file');
		const input = { byTemplate, byFile, displayPath: (p: string) => p.replace('/ws/', ''), version: '9.9.9' };
		// English through l10n.t reads as the CLI's report
		assert.strictEqual(parseReportMarkdown({ ...input, strings: parseReportStrings(translator({})) }), parseReportMarkdown(input));
		const zh = parseReportMarkdown({ ...input, strings: parseReportStrings(translator(zhBundle)) });
		const papers = digests.reduce((n, d) => n + d.papers.length, 0);
		assert.ok(zh.startsWith('# arXiv Digest：解析报告\n'), zh.slice(0, 100));
		assert.ok(zh.includes(`3 个日报文件，${papers} 个论文条目 · arXiv Digest 9.9.9。`), zh.slice(0, 300));
		assert.ok(zh.includes('| 字段 | 论文数 | 占比 |') && zh.includes('## 按文件'));
		assert.match(zh, /^\| tldr \| \d+ \| \d+ % \|$/m, 'the field keys stay');
		// no English sentence left: what remains are the keys, file names, TL;DR and the product's name
		const words = zh
			.replace(/^###.*$/gm, '')
			.replace(/^\| (link|translatedTitle|authors|category|tldr|motivation|method|result|conclusion|abstract|abstractTranslation) \|.*$/gm, '')
			.replace(/data\/[\w.-]+\.md|arXiv Digest|TL;DR/g, '');
		assert.doesNotMatch(words, /[A-Za-z]{3,}/, words);
	});
});
