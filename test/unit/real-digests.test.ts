/**
 * The development corpus: real digests from forks (test/fixtures/real, see its README). Paper counts and
 * first titles come from EXPECTED.tsv, counted by hand; which fields each template carries is the table
 * below, written from reading the files. Every paper must have every field its template carries.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Digest, FieldKey, Paper } from '../../src/core/model';
import { formatCoverage } from '../../src/cli/stats';
import { renderCardHtml } from '../../src/core/card/render';
import { fieldCoverage } from '../../src/core/parse/coverage';
import { parseDigest } from '../../src/core/parser';
import { PaperIndex } from '../../src/core/search/index';
import { parseQuery } from '../../src/core/search/query';

const DIR = 'test/fixtures/real';

type Field = 'authors' | 'translatedTitle' | 'category' | 'tldr' | 'motivation' | 'method' | 'result' | 'conclusion' | 'abstract' | 'abstractTranslation';

const SUMMARY: Field[] = ['authors', 'category', 'tldr', 'motivation', 'method', 'result', 'conclusion', 'abstract'];

interface Template {
	/** one line: what the template looks like */
	description: string;
	/** files (folder/name under DIR) written with it */
	files: string[];
	/** the fields every paper of the template carries */
	fields: Field[];
	/** the abstract is a translation (the template has no original) */
	translatedAbstract?: boolean;
}

const TEMPLATES: Template[] = [
	{
		description: 'reference shape: `### [N] [Title](link)`, `*authors*`, plain labels, summary inside <details>',
		files: [
			'70asunflower__daily-arXiv-ai-enhanced/2026-03-10.md',
			'EddieYang717__daily-arXiv-ai-enhanced/2026-05-10.md',
			'Troy9748__daily-arXiv-ai-enhanced/2026-03-02.md',
			'xmkxabc__daily-arXiv-ai-enhanced/2025-04-27.md',
			'xmkxabc__daily-arXiv-ai-enhanced/2025-06-04.md',
			'zeta-zl__daily-arXiv-ai-enhanced/2025-07-10.md',
		],
		fields: SUMMARY,
	},
	{
		description: 'per-topic files: reference shape with `## 名称 (Name) [cs.XX]` headings and the abstract in Chinese only',
		files: [
			'junle-chen__daily-arXiv-gemini-enhanced/2025-06-09_trajectory_and_large_models.md',
			'junle-chen__daily-arXiv-gemini-enhanced/2025-06-11_database.md',
		],
		fields: SUMMARY,
		translatedAbstract: true,
	},
	{
		description: 'custom categories with spaces, `Catalog: … | Source: …` line in place of Main category',
		files: ['DAgentSec__Agent-Security-Paper-Daily/2026-05-19.md'],
		fields: SUMMARY,
	},
	{
		description: 'English summaries with bold labels (`**TL;DR:**`), level-2 category headings',
		files: ['ZL-Asica__daily-arXiv-digest/2025-05-20.md', 'ZL-Asica__daily-arXiv-digest/2025-08-12.md'],
		fields: SUMMARY,
	},
	{
		description: 'translation labels whose value starts on the next line, `Key Figures:` with `#### Figure` headings',
		files: ['Troy9748__daily-arXiv-ai-enhanced/2026-08-10.md'],
		fields: [...SUMMARY, 'abstractTranslation'],
	},
	{
		description: 'translated title on its own line, `中文摘要：`, the English abstract in `<details><summary>English abstract`',
		files: ['KevinClaint__Arxiv-Daliy/2026-09-10.md'],
		fields: ['authors', 'translatedTitle', 'category', 'abstract', 'abstractTranslation'],
	},
	{
		description: 'astro-ph: bold `**TL;DR**:`, Background/Data fields, no motivation or conclusion',
		files: ['Straw674__daily-arXiv-astro-ph/2025-10-02.md'],
		fields: ['authors', 'tldr', 'method', 'result', 'abstract'],
	},
	{
		description: 'papers as `## <a id></a>[Title](link)` with `### Background` / `### Summary` sections, no authors',
		files: ['Straw674__daily-arXiv-astro-ph/2026-05-18.md'],
		fields: ['tldr'],
	},
	{
		description: 'Chinese labels throughout (主分类, 一句话结论, 研究动机, 中文摘要, 英文原始摘要), link lists',
		files: ['StringsLi__daily-arXiv-ai-enhanced/2026-07-02.md'],
		fields: [...SUMMARY, 'abstractTranslation'],
	},
	{
		description: 'Chinese TOC (`# 目录`, `[总数: N]`) and bold Chinese labels (AI概要, 原文摘要), `<summary>更多</summary>`',
		files: ['dkhonker__daily-arXiv-ai-enhanced/2025-11-28.md', 'dkhonker__daily-arXiv-ai-enhanced/2026-01-20.md'],
		fields: SUMMARY,
	},
	{
		description: 'un-numbered `### [Title](link)`, `**Authors:**`/`**Categories:**` lines, `#### 中文摘要 (Abstract in Chinese)` only',
		files: ['junle-chen__daily-arXiv-gemini-enhanced/2025-06-07.md'],
		fields: ['authors', 'category', 'tldr', 'abstract'],
		translatedAbstract: true,
	},
	{
		description: '`[[toc]]`, `## category` sections, summary as a bullet list, no abstract',
		files: ['n6qXdqKA__daily-arXiv-ai-enhanced/2025-12-01.md'],
		fields: ['authors', 'category', 'tldr', 'motivation', 'method', 'result', 'conclusion'],
	},
	{
		description: 'bioRxiv, Korean labels with the English name in parentheses (`**핵심 요약 (TL;DR)**:`)',
		files: ['partrita__daily-biorXiv-ai-enhanced/2026-09-14.md'],
		fields: SUMMARY,
	},
	{
		description: 'an empty day written as one sentence heading (`### 今日没有找到新论文。`)',
		files: ['xmkxabc__daily-arXiv-ai-enhanced/2025-06-20.md'],
		fields: [],
	},
	{
		description: '`## 今日总计` / `### 目录` TOC, `> *translated title*`, `*authors* | **Category:**`, Keywords/AI_Comments, `摘要翻译` only',
		files: ['xmkxabc__daily-arXiv-ai-enhanced/2025-06-29.md'],
		fields: ['authors', 'translatedTitle', 'category', 'tldr', 'motivation', 'method', 'result', 'conclusion', 'abstract'],
		translatedAbstract: true,
	},
];

interface Expected {
	papers: number;
	firstTitle: string;
}

function readExpected(): Map<string, Expected> {
	const rows = readFileSync(`${DIR}/EXPECTED.tsv`, 'utf8').split('\n').slice(1).filter((l) => l.trim().length > 0);
	return new Map(
		rows.map((row) => {
			const [file, papers, firstTitle = ''] = row.split('\t');
			return [file, { papers: Number(papers), firstTitle }];
		}),
	);
}

function value(p: Paper, field: Field): string {
	if (field === 'authors') return p.authors.join(', ');
	return p[field] ?? '';
}

/**
 * The paper carries `field`: it has a value, or the source holds the field with nothing in it
 * (`结论: `, `N/A`, `Summary generation failed`) and a diagnostic says so.
 */
function carries(d: Digest, p: Paper, field: Field): boolean {
	if (value(p, field).length > 0) return true;
	const range = p.fieldRanges[field as FieldKey];
	if (!range) return false;
	return d.diagnostics.some((x) => (x.code === 'empty-field' || x.code === 'placeholder') && x.range.start === range.start);
}

describe('real digests from forks', () => {
	const expected = readExpected();

	it('the expectations table covers every file of EXPECTED.tsv once', () => {
		const listed = TEMPLATES.flatMap((t) => t.files).sort();
		assert.deepStrictEqual(listed, [...expected.keys()].sort());
	});

	for (const template of TEMPLATES) {
		describe(template.description, () => {
			for (const file of template.files) {
				it(file, () => {
					const want = expected.get(file);
					assert.ok(want, `${file} is in EXPECTED.tsv`);
					const d = parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file);
					assert.strictEqual(d.papers.length, want.papers, 'paper count');
					assert.strictEqual(d.papers[0]?.title ?? '', want.firstTitle, 'first title');
					assert.deepStrictEqual(
						d.diagnostics.filter((x) => x.severity === 'error').map((x) => `${x.range.start + 1}: ${x.message}`),
						[],
					);
					for (const p of d.papers) {
						const missing = template.fields.filter((f) => !carries(d, p, f));
						assert.deepStrictEqual(missing, [], `line ${p.headingLine + 1} "${p.title}" lacks ${missing.join(', ')}`);
						if (template.fields.includes('abstract')) {
							assert.strictEqual(p.abstractTranslated === true, template.translatedAbstract === true, `line ${p.headingLine + 1}: abstract marked as translation`);
						}
					}
				});
			}
		});
	}
});

describe('real digests: translations reach the card and the search', () => {
	const file = 'KevinClaint__Arxiv-Daliy/2026-09-10.md';
	const d = parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file);
	const paper = d.papers[0];

	it('the card shows the translated title under the title and the abstract translation as its own section', () => {
		const html = renderCardHtml({ paper, fileLabel: d.label, index: 0, total: d.papers.length });
		const title = html.indexOf('<h1 class="title">');
		const translated = html.indexOf(`<p class="translated-title" lang="zh">${paper.translatedTitle}</p>`);
		assert.ok(title >= 0 && translated > title, 'translated title right under the title');
		assert.match(html, /field-abstract[\s\S]*field-abstractTranslation/);
		assert.ok(html.includes(paper.abstractTranslation!.slice(0, 12)));
	});

	it('translated titles and abstract translations are searchable', () => {
		const index = new PaperIndex();
		index.addFile(file, d);
		// words that occur only in the translations of the first paper
		for (const words of ['可编程世界模型', '持久世界状态']) {
			const q = parseQuery(words);
			if (!q.ok) assert.fail(q.error);
			assert.ok(index.search(q.query, 5).hits.some((h) => h.id === paper.id), words);
		}
	});
});

describe('real digests: field coverage report', () => {
	const files = [...readExpected().keys()];
	const digests = files.map((file) => parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file));

	it('per file, counts each field the way the papers carry it', () => {
		const groups = fieldCoverage(digests, 'file');
		assert.strictEqual(groups.length, files.length);
		for (const g of groups) {
			const d = digests.find((x) => x.path === g.group)!;
			assert.strictEqual(g.papers, d.papers.length);
			assert.strictEqual(g.fields.authors, d.papers.filter((p) => p.authors.length > 0).length);
			assert.strictEqual(g.fields.abstractTranslation, d.papers.filter((p) => p.abstractTranslation).length);
		}
	});

	it('per template, groups files that carry the same fields and adds them up', () => {
		const groups = fieldCoverage(digests, 'template');
		assert.ok(groups.length > 1 && groups.length < files.length);
		assert.strictEqual(groups.reduce((n, g) => n + g.files, 0), files.length);
		assert.strictEqual(groups.reduce((n, g) => n + g.papers, 0), digests.reduce((n, d) => n + d.papers.length, 0));
		const kevin = groups.find((g) => g.group.includes('translatedTitle') && g.group.includes('abstractTranslation'))!;
		const text = formatCoverage([kevin]);
		assert.match(text, new RegExp(`translatedTitle\\s+${kevin.fields.translatedTitle}\\s+100%`));
	});
});

describe('real digests: unknown labels', () => {
	/**
	 * Every `unknown-label` the real files raise, checked by reading each line: forks' own labels, figure
	 * captions. A translated `Abstract:` (`抽象：`) after a blank line in a translated abstract continues it
	 * (xmkxabc 2025-06-29, line 11196). Prose of hard-wrapped abstracts
	 * that holds `words: ` ("This exposes an important paradox: …", "我们考虑了两种设置：…") is not among them,
	 * nor are the list intros under `### Summary` headings (`主要发现包括：` above a list): they stay in
	 * their field.
	 */
	const UNKNOWN: [string, number, string][] = [
		['Troy9748__daily-arXiv-ai-enhanced/2026-08-10.md', 38, 'Conclusion Translation'],
		['Troy9748__daily-arXiv-ai-enhanced/2026-08-10.md', 41, 'Key Figures'],
		// `Figure 1`…`Figure 8` and `图1`…`图7` (a paper's key figures): one report each, at the first
		['Troy9748__daily-arXiv-ai-enhanced/2026-08-10.md', 43, 'Figure 1'],
		['Troy9748__daily-arXiv-ai-enhanced/2026-08-10.md', 46, '图1'],
		['dkhonker__daily-arXiv-ai-enhanced/2025-11-28.md', 32, '与AI讨论'],
		['dkhonker__daily-arXiv-ai-enhanced/2026-01-20.md', 32, '与AI讨论'],
	];

	it('are the forks\' own labels, never a line of a hard-wrapped value', () => {
		const found: [string, number, string][] = [];
		for (const file of [...readExpected().keys()].sort()) {
			const d = parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file);
			for (const x of d.diagnostics) {
				if (x.code === 'unknown-label') found.push([file, x.range.start + 1, /"(.*)"/.exec(x.message)![1]]);
			}
		}
		const byPlace = (a: [string, number, string], b: [string, number, string]) => a[0].localeCompare(b[0]) || a[1] - b[1];
		assert.deepStrictEqual(found.sort(byPlace), [...UNKNOWN].sort(byPlace));
	});

	it('StringsLi\'s own labels are named as their content is: 研究问题 a Problem (not Novelty), 实验 / 验证 Experiments, 免费全文 Full Text', () => {
		const file = 'StringsLi__daily-arXiv-ai-enhanced/2026-07-02.md';
		const p = parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file).papers.find((x) => x.id.startsWith('2607.01041'))!;
		assert.deepStrictEqual(p.extra.map((e) => e.label), ['Source', 'Journal Ref', 'DOI', 'Full Text', 'Problem', 'Key Contributions', 'Experiments', 'Limitations']);
		assert.match(p.extra.find((e) => e.label === 'Problem')!.value, /^动态入侵检测模型在适应新威胁时存在灾难性遗忘问题/);
		assert.match(p.extra.find((e) => e.label === 'Experiments')!.value, /^在实验性光网络安全数据集上进行评估/);
	});

	it('an abstract wrapped over lines that hold `words: ` is read whole', () => {
		const file = 'zeta-zl__daily-arXiv-ai-enhanced/2025-07-10.md';
		const p = parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file).papers.find((x) => x.id === '2507.06310')!;
		assert.match(p.abstract, /realistic human behaviour\. This exposes an important paradox: the realism of LLM agents can obscure, rather than clarify,/);
		assert.ok(p.abstract.endsWith('ecosystem of social simulation for future applications.'));
		assert.deepStrictEqual(p.extra.map((e) => e.label), ['Keywords']);
	});
});

describe('real digests: tables of contents', () => {
	it('per-topic files: `[Computer Vision (11)](#cs-cv)` finds `## Computer Vision [cs.CV]`, and takes its count', () => {
		for (const file of ['junle-chen__daily-arXiv-gemini-enhanced/2025-06-09_trajectory_and_large_models.md', 'junle-chen__daily-arXiv-gemini-enhanced/2025-06-11_database.md']) {
			const d = parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file);
			assert.deepStrictEqual(d.diagnostics.filter((x) => x.code.startsWith('toc-')).map((x) => `${x.range.start + 1}: ${x.message}`), [], file);
			for (const c of d.categories) assert.strictEqual(c.claimedTotal, c.papers.length, `${file}: ${c.name}`);
		}
	});

	it('a contents list of papers grouped under `## <a id="toc-1"></a>Name` headings lists the sections of those names', () => {
		const file = 'Straw674__daily-arXiv-astro-ph/2026-05-18.md';
		const d = parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file);
		assert.strictEqual(d.categories.length, 12);
		assert.deepStrictEqual(d.diagnostics.filter((x) => x.code.startsWith('toc-')).map((x) => `${x.range.start + 1}: ${x.message}`), []);
	});
});
