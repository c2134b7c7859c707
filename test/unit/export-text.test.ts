/** What an export says of its papers reads as one sentence in each language, the name quoted whole. */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { papersCount } from '../../src/features/counts';
import { exportPapers } from '../../src/core/export';
import { exportHeading, exportPickTitle, exportSaveTitle, markdownExportStrings, nothingToExport, type ExportSubject } from '../../src/features/export/exportText';
import { makePaper } from './card-fixtures';

const translator = (bundle: Record<string, string>) => ({
	t: (message: string, ...args: Array<string | number | boolean>) => (bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
});
const en = translator({});
const zh = translator(JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>);

const subjects: ExportSubject[] = [
	{ kind: 'collection', name: '世界模型' },
	{ kind: 'collections', names: '“世界模型”, “VLA”' },
	{ kind: 'day', day: '2026-06-15' },
	{ kind: 'search', query: 'diffusion model' },
	{ kind: 'filtered', words: 'robot · cs.RO' },
];

describe('export texts', () => {
	it('the search of the report: the query quoted as a whole, no stray spaces in Chinese', () => {
		const search: ExportSubject = { kind: 'search', query: 'diffusion model' };
		assert.strictEqual(exportPickTitle(search, papersCount(388, zh), zh), '将搜索“diffusion model”找到的 388 篇论文导出为…');
		assert.strictEqual(exportPickTitle(search, papersCount(388, en), en), 'Export 388 papers found by the search “diffusion model” as…');
		assert.strictEqual(exportHeading(search, zh), '搜索“diffusion model”');
		assert.strictEqual(exportPickTitle({ kind: 'collection', name: '世界模型' }, papersCount(1, zh), zh), '将收藏夹“世界模型”中的 1 篇论文导出为…');
	});

	it('every kind has its sentences in both languages, each name in it once', () => {
		for (const subject of subjects) {
			const name = 'name' in subject ? subject.name : 'names' in subject ? subject.names : 'day' in subject ? subject.day : 'query' in subject ? subject.query : subject.words;
			for (const [lang, l10n] of [['en', en], ['zh', zh]] as const) {
				const texts = [exportPickTitle(subject, papersCount(12, l10n), l10n), exportSaveTitle(subject, l10n), nothingToExport(subject, l10n), exportHeading(subject, l10n)];
				for (const text of texts) {
					assert.strictEqual(text.split(name).length, 2, `${lang}: ${text}`);
					assert.doesNotMatch(text, /\{\d\}|\s{2}/, `${lang}: ${text}`);
					if (lang === 'zh') {
						// a space only between Chinese and a number, a date or Latin text, never after 将 or before 的 of a quoted name
						assert.doesNotMatch(text, /将 [^\d]|” |“ | ”/, text);
						assert.doesNotMatch(text.replace(name, ''), /\b(Export|search|of|as|Nothing)\b/, `no English left: ${text}`);
					}
				}
			}
		}
	});

	it("a Markdown reading list's own words are in the reader's language, as its heading is (not English under a Chinese heading)", () => {
		const items = [{ paper: makePaper(), day: '2026-06-15', days: ['2026-06-15'], note: '对比实验', tags: ['vla'] }];
		const list = (l10n: typeof en) => exportPapers('markdown', { title: exportHeading({ kind: 'collection', name: '世界模型' }, l10n), items, exported: '2026-06-15T08:00:00Z', strings: markdownExportStrings(l10n) });
		const chinese = list(zh);
		assert.ok(chinese.includes('1 篇论文 · 2026-06-15 由 arXiv Digest 导出'), chinese);
		assert.ok(chinese.includes('标签： `vla`') && chinese.includes('**笔记：**'), chinese);
		assert.ok(!/paper|exported|Tags|Note/.test(chinese.replace(/^## .*$/gm, '').replace(/^.*arXiv:.*$/gm, '').replace(/\*\*TL;DR:\*\*.*$/gm, '')), chinese);
		const english = list(en);
		assert.ok(english.includes('1 paper · exported 2026-06-15 from arXiv Digest') && english.includes('Tags: `vla`') && english.includes('**Note:**'), english);
		// the CLI and scripts, with no strings given: English, as before
		assert.strictEqual(exportPapers('markdown', { title: 'x', items, exported: '2026-06-15T08:00:00Z' }), exportPapers('markdown', { title: 'x', items, exported: '2026-06-15T08:00:00Z', strings: markdownExportStrings(en) }));
	});
});
