import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeChecked } from '../../src/core/corpus/nodeIO';
import type { Digest, Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';

const DIR = 'test/fixtures/variants';

function read(name: string): string {
	return readFileSync(`${DIR}/${name}`, 'utf8');
}

function parse(name: string): Digest {
	return parseDigest(read(name), `${DIR}/${name}`);
}

/** the content of a paper, without its line ranges; undefined keys left out */
function content(p: Paper): Record<string, unknown> {
	const o: Record<string, unknown> = {
		number: p.number,
		id: p.id,
		version: p.version,
		isArxiv: p.isArxiv,
		title: p.title,
		translatedTitle: p.translatedTitle,
		link: p.link,
		authors: p.authors,
		category: p.category,
		section: p.section,
		tldr: p.tldr,
		motivation: p.motivation,
		method: p.method,
		result: p.result,
		conclusion: p.conclusion,
		abstract: p.abstract,
		extra: p.extra,
	};
	for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
	return o;
}

function diags(d: Digest): [string, string, number, number][] {
	return d.diagnostics.map((x) => [x.code, x.severity, x.range.start, x.range.end]);
}

function cats(d: Digest): unknown[] {
	return d.categories.map((c) => {
		const o: Record<string, unknown> = { name: c.name, headingLine: c.headingLine, range: [c.range.start, c.range.end], papers: c.papers };
		if (c.anchor !== undefined) o.anchor = c.anchor;
		if (c.claimedTotal !== undefined) o.claimedTotal = c.claimedTotal;
		return o;
	});
}

const EMPTY_SUMMARY = { tldr: '', motivation: '', method: '', result: '', conclusion: '', abstract: '' };

function arxiv(n: string): { id: string; isArxiv: true; link: string } {
	return { id: n, isArxiv: true, link: `https://arxiv.org/abs/${n}` };
}

describe('parser: format variants', () => {
	it('bold labels (**TL;DR:**) with TOC and anchors', () => {
		const d = parse('bold-labels.md');
		assert.deepStrictEqual(cats(d), [{ name: 'cs.CR', headingLine: 8, range: [8, 30], papers: [0], anchor: 'cs.CR', claimedTotal: 1 }]);
		assert.deepStrictEqual(d.tocRange, { start: 0, end: 4 });
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00001'),
			title: 'Secure Aggregation at Scale',
			authors: ['Alice Smith', 'Bob Jones'],
			category: 'cs.CR',
			section: 'cs.CR',
			tldr: 'A faster secure aggregation protocol.',
			motivation: 'Existing protocols are slow.',
			method: 'We batch the masks.',
			result: 'Ten times faster.',
			conclusion: 'Batching works.',
			abstract: 'We study secure aggregation.',
			extra: [],
		});
		assert.deepStrictEqual(d.papers[0].fieldRanges, {
			title: { start: 10, end: 10 },
			authors: { start: 11, end: 11 },
			category: { start: 13, end: 13 },
			tldr: { start: 15, end: 15 },
			motivation: { start: 19, end: 19 },
			method: { start: 21, end: 21 },
			result: { start: 23, end: 23 },
			conclusion: { start: 25, end: 25 },
			abstract: { start: 27, end: 27 },
		});
		assert.deepStrictEqual(d.papers[0].detailsRange, { start: 17, end: 29 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('bold labels with the colon outside (**TL;DR**:)', () => {
		const d = parse('bold-outside-colon.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00002'),
			title: 'Sparse Mixtures Revisited',
			authors: ['Carol White', 'Dan Brown'],
			category: 'cs.LG',
			section: 'cs.LG',
			tldr: 'Sparse mixtures train faster.',
			motivation: 'Dense models are costly.',
			method: 'Route tokens to experts.',
			result: 'Half the compute.',
			conclusion: 'Sparsity pays off.',
			abstract: 'We revisit sparse mixtures of experts.',
			extra: [],
		});
		assert.deepStrictEqual(cats(d), [{ name: 'cs.LG', headingLine: 0, range: [0, 23], papers: [0] }]);
		assert.deepStrictEqual(diags(d), []);
	});

	it('blockquoted labels, values continued on quoted lines', () => {
		const d = parse('blockquote-labels.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00003'),
			title: 'Planning with Language Models',
			authors: ['Eve Black'],
			category: 'cs.AI',
			section: 'cs.AI',
			tldr: 'Language models can plan when given a search scaffold.',
			motivation: 'Planning is hard.',
			method: 'Tree search over prompts.',
			result: 'Better plans.',
			conclusion: 'Scaffolds help.',
			abstract: 'We combine tree search with language models.',
			extra: [],
		});
		assert.deepStrictEqual(d.papers[0].fieldRanges.tldr, { start: 7, end: 8 });
		assert.deepStrictEqual(d.papers[0].fieldRanges.abstract, { start: 17, end: 17 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('full-width colons (TL;DR：)', () => {
		const d = parse('fullwidth-colon.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00004'),
			title: '全宽冒号测试',
			authors: ['Li Wei', 'Wang Fang'],
			category: 'cs.CV',
			section: 'cs.CV',
			tldr: '一种新的分割方法。',
			motivation: '现有方法不够准确。',
			method: '使用扩散模型。',
			result: '精度提升。',
			conclusion: '方法有效。',
			abstract: 'We propose a segmentation method.',
			extra: [],
		});
		assert.deepStrictEqual(diags(d), []);
	});

	it('Chinese labels (一句话总结, 动机, 方法, 结果, 结论, 摘要, 主要类别)', () => {
		const d = parse('translated-labels-zh.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00005'),
			title: 'Multilingual Retrieval',
			authors: ['Zhang San', 'Li Si'],
			category: 'cs.CL',
			section: 'cs.CL',
			tldr: '多语言检索的新基准。',
			motivation: '现有基准只覆盖英语。',
			method: '构建二十种语言的数据集。',
			result: '模型在低资源语言上表现较差。',
			conclusion: '需要更多多语言数据。',
			abstract: 'We build a multilingual retrieval benchmark.',
			extra: [],
		});
		assert.deepStrictEqual(diags(d), []);
	});

	it('Korean labels (요약, 동기, 방법, 결과, 결론, 초록, 카테고리)', () => {
		const d = parse('translated-labels-ko.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00006'),
			title: 'Robot Grasping in Clutter',
			authors: ['Kim Minsu'],
			category: 'cs.RO',
			section: 'cs.RO',
			tldr: '복잡한 환경에서의 로봇 파지.',
			motivation: '기존 방법은 단순한 환경만 다룬다.',
			method: '촉각 센서를 사용한다.',
			result: '성공률이 높아졌다.',
			conclusion: '촉각이 중요하다.',
			abstract: 'We study grasping in clutter.',
			extra: [],
		});
		assert.deepStrictEqual(diags(d), []);
	});

	it('translated title as `> *...*` or as a plain line before the authors', () => {
		const d = parse('translated-title.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00007'),
			title: 'Video Diffusion Models',
			translatedTitle: '视频扩散模型',
			authors: ['Ann Lee', 'Ben Kim'],
			category: 'cs.CV',
			section: 'cs.CV',
			...EMPTY_SUMMARY,
			tldr: 'Video generation with diffusion.',
			extra: [],
		});
		assert.deepStrictEqual(d.papers[0].fieldRanges.translatedTitle, { start: 3, end: 3 });
		assert.deepStrictEqual(d.papers[0].fieldRanges.authors, { start: 5, end: 5 });
		assert.strictEqual(d.papers[1].translatedTitle, '图像分词器');
		assert.deepStrictEqual(d.papers[1].authors, ['Cai Xu']);
		assert.deepStrictEqual(d.papers[1].fieldRanges.translatedTitle, { start: 12, end: 12 });
		assert.deepStrictEqual(d.papers[1].fieldRanges.authors, { start: 13, end: 13 });
		assert.deepStrictEqual(d.papers[0].range, { start: 2, end: 10 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('`*authors* | **Main category: cs.CR**` on one line', () => {
		const d = parse('authors-category-one-line.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00009'),
			title: 'Fuzzing Smart Contracts',
			authors: ['Dana Scully', 'Fox Mulder'],
			category: 'cs.CR',
			section: 'cs.CR',
			...EMPTY_SUMMARY,
			tldr: 'Coverage-guided fuzzing for contracts.',
			extra: [],
		});
		assert.deepStrictEqual(d.papers[0].fieldRanges.authors, { start: 3, end: 3 });
		assert.deepStrictEqual(d.papers[0].fieldRanges.category, { start: 3, end: 3 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('extra fields go to `extra` in file order under their normalised labels, with an indented list kept as lines', () => {
		const d = parse('extra-fields.md');
		const p = d.papers[0];
		assert.deepStrictEqual(p.extra, [
			{ label: 'Keywords', value: 'retrieval, embeddings, survey', range: { start: 9, end: 9 } },
			{ label: 'Relevance Score', value: '8/10', range: { start: 11, end: 11 } },
			{ label: 'Read time', value: '12 min', range: { start: 13, end: 13 } },
			{ label: 'Key Contributions', value: '- A taxonomy of methods\n  - with twelve families\n- A benchmark comparison', range: { start: 15, end: 18 } },
			{ label: 'AI Comments', value: 'Useful overview.', range: { start: 20, end: 20 } },
			{ label: 'Limitations', value: 'English only.', range: { start: 33, end: 33 } },
			{ label: 'Comment', value: '30 pages', range: { start: 37, end: 37 } },
		]);
		assert.strictEqual(p.motivation, 'The field grew fast.');
		assert.strictEqual(p.abstract, 'We survey dense retrieval.');
		assert.deepStrictEqual(p.fieldRanges.abstract, { start: 35, end: 35 });
		// labels forks commonly add are expected: no diagnostics
		assert.deepStrictEqual(diags(d), []);
	});

	it('missing fields stay empty and raise nothing', () => {
		const d = parse('missing-fields.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00011'),
			title: 'Faster Shortest Paths',
			authors: ['Hugo Stein'],
			section: 'cs.DS',
			...EMPTY_SUMMARY,
			tldr: 'A faster algorithm.',
			method: 'A new heap.',
			abstract: 'We give a faster algorithm for shortest paths.',
			extra: [],
		});
		assert.strictEqual(d.papers[0].fieldRanges.motivation, undefined);
		assert.deepStrictEqual(diags(d), []);
	});

	it('N/A and empty values become empty strings: a placeholder info, an empty-field hint', () => {
		const d = parse('na-empty-values.md');
		const p = d.papers[0];
		assert.strictEqual(p.tldr, '');
		assert.strictEqual(p.motivation, '');
		assert.strictEqual(p.result, '');
		assert.strictEqual(p.method, 'Genetic search.');
		assert.strictEqual(p.conclusion, 'Evolution finds good networks.');
		assert.deepStrictEqual(p.fieldRanges.tldr, { start: 7, end: 7 });
		assert.deepStrictEqual(diags(d), [
			['placeholder', 'info', 7, 7],
			['empty-field', 'hint', 12, 12],
			['placeholder', 'info', 16, 16],
		]);
	});

	it('a label the file leaves empty in half or more of its fields (DOI:, Comment:) gets no hints; an empty one where the file usually has text does', () => {
		const paper = (n: number, conclusion: string) => [
			`### [${n}] [Paper ${n}](https://arxiv.org/abs/2607.0104${n})`,
			'*Ann Author*',
			'',
			'期刊: ',
			'DOI: ',
			n === 1 ? 'Comment: ' : 'Comment: 12 pages',
			`结论: ${conclusion}`,
			'',
		];
		const text = [...paper(1, '有效。'), ...paper(2, ''), ...paper(3, '可行。'), ...paper(4, '更快。')].join('\n');
		const d = parseDigest(text, '2026-07-02.md');
		assert.deepStrictEqual(d.diagnostics.map((x) => [x.code, x.range.start, x.message]), [
			['empty-field', 5, '"Comment" is empty.'],
			['empty-field', 14, '"结论" is empty.'],
		]);
		// two papers say nothing about the fork's habit: each empty field is reported
		const two = parseDigest([...paper(1, '有效。'), ...paper(2, '')].join('\n'), '2026-07-02.md');
		assert.deepStrictEqual(two.diagnostics.map((x) => x.message), ['"期刊" is empty.', '"DOI" is empty.', '"Comment" is empty.', '"期刊" is empty.', '"DOI" is empty.', '"结论" is empty.']);
	});

	it('hard-wrapped values: a space between Latin lines, nothing between CJK lines', () => {
		const d = parse('hard-wrapped.md');
		const p = d.papers[0];
		assert.deepStrictEqual(p.authors, ['Jack Ryan', 'Kate Moss']);
		assert.deepStrictEqual(p.fieldRanges.authors, { start: 3, end: 4 });
		assert.strictEqual(p.tldr, '本文提出一种长上下文训练方法，显著降低显存。');
		assert.deepStrictEqual(p.fieldRanges.tldr, { start: 8, end: 9 });
		assert.strictEqual(p.motivation, 'Training on long sequences is memory hungry and slow for large models.');
		assert.deepStrictEqual(p.fieldRanges.motivation, { start: 14, end: 16 });
		assert.strictEqual(p.abstract, 'We train with long contexts. The second paragraph continues here.');
		assert.deepStrictEqual(p.fieldRanges.abstract, { start: 24, end: 25 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('level-2 category headings without anchors under a document title', () => {
		const d = parse('level2-headings-no-anchor.md');
		assert.deepStrictEqual(cats(d), [
			{ name: 'cs.CV', headingLine: 2, range: [2, 8], papers: [0] },
			{ name: 'cs.CL', headingLine: 9, range: [9, 15], papers: [1] },
		]);
		assert.deepStrictEqual(d.papers.map((p) => [p.section, p.title, p.tldr]), [
			['cs.CV', 'Paper One', 'First.'],
			['cs.CL', 'Paper Two', 'Second.'],
		]);
		assert.deepStrictEqual(diags(d), []);
	});

	it('no table of contents, an `<a id>` anchor', () => {
		const d = parse('no-toc.md');
		assert.strictEqual(d.tocRange, undefined);
		assert.deepStrictEqual(cats(d), [{ name: 'cs.SE', headingLine: 1, range: [1, 9], papers: [0], anchor: 'cs.SE' }]);
		assert.deepStrictEqual(d.papers[0].range, { start: 3, end: 9 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('numbering restarting per category or skipping, TOC with other wording', () => {
		const d = parse('numbering-restart.md');
		assert.deepStrictEqual(d.papers.map((p) => [p.number, p.section, p.id]), [
			[1, 'cs.CV', '2606.00017'],
			[3, 'cs.CV', '2606.00018'],
			[1, 'cs.CL', '2606.00019'],
		]);
		assert.deepStrictEqual(d.tocRange, { start: 0, end: 3 });
		assert.deepStrictEqual(cats(d), [
			{ name: 'cs.CV', headingLine: 5, range: [5, 16], papers: [0, 1], claimedTotal: 2 },
			{ name: 'cs.CL', headingLine: 17, range: [17, 23], papers: [2], claimedTotal: 1 },
		]);
		assert.deepStrictEqual(diags(d), []);
	});

	it('separators, navigation links and footers between papers', () => {
		const d = parse('separators-footer.md');
		assert.strictEqual(d.papers.length, 2);
		assert.deepStrictEqual(d.papers[0].extra, [{ label: '', value: 'Generated by daily-arxiv', range: { start: 14, end: 14 } }]);
		assert.deepStrictEqual(d.papers[1].extra, [{ label: '', value: 'Generated by daily-arxiv', range: { start: 32, end: 32 } }]);
		assert.deepStrictEqual(d.papers[0].range, { start: 2, end: 19 });
		assert.deepStrictEqual(d.papers[1].range, { start: 20, end: 35 });
		assert.strictEqual(d.papers[0].abstract, 'We design interfaces.');
		// the footer is reported once; separators and `[[Back to top]](#top)` not at all
		assert.deepStrictEqual(diags(d), [['unplaced-text', 'info', 14, 14]]);
	});

	it('a renderer\'s table-of-contents marker ([[toc]], [TOC], [[_TOC_]]) is layout, not text to report', () => {
		for (const marker of ['[[toc]]', '[TOC]', '[[_TOC_]]']) {
			const d = parseDigest([marker, '', '## cs.CV', '### [1] [A Paper](https://arxiv.org/abs/2512.00001)', '', 'TL;DR: x.'].join('\n'), 'toc.md');
			assert.deepStrictEqual(diags(d), [], marker);
			assert.strictEqual(d.papers.length, 1);
		}
	});

	it('a line of links under a paper is its links note, with any labelled segment a field, and is not reported', () => {
		// junle-chen's template: the PDF link after the details, alone or with the paper's categories
		const d = parseDigest(
			[
				'## Computer Vision [cs.CV]',
				'### [1] [Dynamic Epsilon Scheduling](https://arxiv.org/abs/2506.04263)',
				'*Alan Mitkiy, James Smith*',
				'',
				'Main category: cs.CV',
				'',
				'TL;DR: 动态调整对抗扰动预算。',
				'',
				'[**[PDF]**](https://arxiv.org/pdf/2506.04263) | **Categories:** cs.CV, cs.LG',
				'',
				'---',
				'### [2] [Another](https://arxiv.org/abs/2506.04277)',
				'',
				'TL;DR: 另一篇。',
				'',
				'[**[PDF]**](https://arxiv.org/pdf/2506.04277)',
				'[Code](https://github.com/x/y) | a sentence, not a label',
			].join('\n'),
			'links.md',
		);
		assert.deepStrictEqual(d.papers[0].extra, [
			{ label: '', value: '[**[PDF]**](https://arxiv.org/pdf/2506.04263)', range: { start: 8, end: 8 } },
			{ label: 'Categories', value: 'cs.CV, cs.LG', range: { start: 8, end: 8 } },
		]);
		assert.strictEqual(d.papers[0].category, 'cs.CV');
		assert.deepStrictEqual(d.papers[1].extra, [
			{ label: '', value: '[**[PDF]**](https://arxiv.org/pdf/2506.04277)', range: { start: 15, end: 15 } },
			{ label: '', value: '[Code](https://github.com/x/y) | a sentence, not a label', range: { start: 16, end: 16 } },
		]);
		// only the line the parser could not read is reported
		assert.deepStrictEqual(diags(d), [['unplaced-text', 'info', 16, 16]]);
	});

	it('link shapes: versions, http, pdf, old ids, DOI, bioRxiv, other sites, no link', () => {
		const d = parse('links-variants.md');
		assert.deepStrictEqual(
			d.papers.map((p) => [p.id, p.version, p.isArxiv]),
			[
				['2606.30487', 'v1', true],
				['2606.30488', undefined, true],
				['2606.30489', 'v2', true],
				['hep-th/9901001', 'v3', true],
				['doi:10.1101/2024.01.01.123456', undefined, false],
				['doi:10.1101/2024.02.02.654321', undefined, false],
				['url:example.org/papers/42', undefined, false],
				['title:no link at all a study', undefined, false],
			],
		);
		assert.strictEqual(d.papers[1].link, 'http://arxiv.org/abs/2606.30488');
		assert.strictEqual(d.papers[7].link, undefined);
		assert.strictEqual(d.papers[7].title, 'No Link At All: A Study');
		assert.deepStrictEqual(diags(d), [['missing-link', 'warning', 23, 23]]);
	});

	it('warns of a paper without a title and of an arXiv link without an arXiv id', () => {
		const text = [
			'## cs.RO',
			'### [1] [](https://arxiv.org/abs/2606.13886)',
			'TL;DR: x.',
			'### [2] [A Paper](https://arxiv.org/abs/26.bad)',
			'TL;DR: y.',
			'### [3] [Elsewhere](https://example.org/abs/26.bad)',
			'TL;DR: z.',
		].join('\n');
		const d = parseDigest(text, '2026-06-15.md');
		assert.deepStrictEqual(d.papers.map((p) => [p.id, p.title]), [['2606.13886', ''], ['url:arxiv.org/abs/26.bad', 'A Paper'], ['url:example.org/abs/26.bad', 'Elsewhere']]);
		assert.deepStrictEqual(diags(d), [['missing-title', 'warning', 1, 1], ['bad-arxiv-link', 'warning', 3, 3]]);
		assert.match(d.diagnostics[1].message, /^The link https:\/\/arxiv\.org\/abs\/26\.bad holds no arXiv id/);
	});

	it('labels as `####` headings, bold without colon, `<summary>Abstract</summary>`, `Authors:` lines', () => {
		const d = parse('summary-heading-labels.md');
		assert.deepStrictEqual(content(d.papers[0]), {
			number: 1,
			...arxiv('2606.00032'),
			title: 'Query Optimizers',
			authors: ['Sam Hill', 'Tia Lo'],
			category: 'cs.DB',
			section: 'cs.DB',
			...EMPTY_SUMMARY,
			tldr: 'Learned optimizers are brittle.',
			conclusion: 'They need guardrails.',
			abstract: 'We evaluate learned query optimizers.',
			extra: [],
		});
		assert.deepStrictEqual(d.papers[0].fieldRanges, {
			title: { start: 2, end: 2 },
			authors: { start: 3, end: 3 },
			category: { start: 4, end: 4 },
			tldr: { start: 6, end: 7 },
			conclusion: { start: 9, end: 10 },
			abstract: { start: 12, end: 14 },
		});
		assert.deepStrictEqual(d.papers[0].detailsRange, { start: 12, end: 15 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('other paper heading shapes: `N.` numbering, no number, a paper at heading level 2', () => {
		const text = [
			'# cs.GR',
			'',
			'### 7. [Numbered With a Dot](https://arxiv.org/abs/2606.00033)',
			'*S. Author*',
			'',
			'### [Unnumbered](https://arxiv.org/abs/2606.00034)',
			'*T. Author*',
			'',
			'## [9] [One Level Up](https://arxiv.org/abs/2606.00035)',
			'*U. Author*',
		].join('\n');
		const d = parseDigest(text, 'shapes.md');
		assert.deepStrictEqual(d.papers.map((p) => [p.number, p.title, p.id, p.section, p.headingLine]), [
			[7, 'Numbered With a Dot', '2606.00033', 'cs.GR', 2],
			[undefined, 'Unnumbered', '2606.00034', 'cs.GR', 5],
			[9, 'One Level Up', '2606.00035', 'cs.GR', 8],
		]);
		assert.deepStrictEqual(cats(d), [{ name: 'cs.GR', headingLine: 0, range: [0, 9], papers: [0, 1, 2] }]);
		assert.deepStrictEqual(diags(d), []);
	});

	it('grouping headings one level above the categories are not categories', () => {
		const text = [
			'# Computer Science',
			'',
			'## cs.CV',
			'',
			'### [1] [A](https://arxiv.org/abs/2601.00001)',
			'*X*',
			'',
			'# Physics',
			'',
			'## hep-th',
			'',
			'### [2] [B](https://arxiv.org/abs/hep-th/9901001)',
			'*Y*',
		].join('\n');
		const d = parseDigest(text, 'groups.md');
		assert.deepStrictEqual(cats(d), [
			{ name: 'cs.CV', headingLine: 2, range: [2, 6], papers: [0] },
			{ name: 'hep-th', headingLine: 9, range: [9, 12], papers: [1] },
		]);
		assert.deepStrictEqual(d.papers[0].range, { start: 4, end: 6 });
		assert.deepStrictEqual(diags(d), []);
	});

	it('a plain author line under the heading, and a sentence that is no author list', () => {
		const text = [
			'# cs.NI',
			'',
			'### [1] [Plain Authors](https://arxiv.org/abs/2606.00036)',
			'Vera Lin, Walt Oh et al.',
			'',
			'TL;DR: Plain.',
			'',
			'### [2] [No Labels](https://arxiv.org/abs/2606.00037)',
			'This paper studies routing, and it has no labelled fields at all.',
		].join('\n');
		const d = parseDigest(text, 'plain.md');
		assert.deepStrictEqual(d.papers[0].authors, ['Vera Lin', 'Walt Oh et al.']);
		assert.deepStrictEqual(d.papers[0].fieldRanges.authors, { start: 3, end: 3 });
		assert.deepStrictEqual(d.papers[1].authors, []);
		assert.deepStrictEqual(d.papers[1].extra, [
			{ label: '', value: 'This paper studies routing, and it has no labelled fields at all.', range: { start: 8, end: 8 } },
		]);
		assert.deepStrictEqual(diags(d), [['unplaced-text', 'info', 8, 8]]);
	});

	it('CRLF line endings parse like LF', () => {
		const lf = read('bold-labels.md');
		const crlf = lf.replace(/\n/g, '\r\n');
		assert.ok(crlf.includes('\r\n'));
		assert.deepStrictEqual(parseDigest(crlf, 'bold-labels.md'), parseDigest(lf, 'bold-labels.md'));
	});

	it('a UTF-8 byte order mark is ignored', () => {
		const lf = read('bold-labels.md');
		const bom = parseDigest('\uFEFF' + lf, 'bold-labels.md');
		assert.deepStrictEqual(bom, parseDigest(lf, 'bold-labels.md'));
		assert.strictEqual(bom.categories[0].name, 'cs.CR');
		assert.deepStrictEqual(bom.tocRange, { start: 0, end: 4 });
	});

	it('a day without papers: info, not an error', () => {
		const d = parse('empty-day.md');
		assert.strictEqual(d.day, '2025-09-18');
		assert.strictEqual(d.label, '2025-09-18');
		assert.deepStrictEqual(d.papers, []);
		assert.deepStrictEqual(d.categories, []);
		assert.deepStrictEqual(diags(d), [
			['no-papers', 'info', 0, 3],
			['unplaced-text', 'info', 2, 2],
		]);
	});

	it('the day from a `**Report Date:**` line', () => {
		const d = parse('report-date.md');
		assert.strictEqual(d.day, '2025-06-08');
		assert.strictEqual(d.label, '2025-06-08');
		assert.deepStrictEqual(cats(d), [{ name: 'cs.CV', headingLine: 4, range: [4, 10], papers: [0] }]);
		assert.deepStrictEqual(diags(d), []);
	});

	it('the day from a file name with a suffix', () => {
		const d = parse('2025-06-19_topic.md');
		assert.strictEqual(d.day, '2025-06-19');
		assert.strictEqual(d.label, '2025-06-19');
		assert.strictEqual(d.papers[0].title, 'Topic Paper');
	});

	it('an unterminated <details>, and a file cut off inside one', () => {
		const d = parse('unterminated-details.md');
		assert.strictEqual(d.papers.length, 2);
		assert.strictEqual(d.papers[0].abstract, 'The details are never closed.');
		assert.deepStrictEqual(d.papers[0].detailsRange, { start: 7, end: 10 });
		assert.deepStrictEqual(d.papers[0].range, { start: 2, end: 11 });
		assert.strictEqual(d.papers[1].motivation, 'The file ends');
		assert.deepStrictEqual(d.papers[1].detailsRange, { start: 17, end: 20 });
		assert.deepStrictEqual(diags(d), [
			['unterminated-details', 'error', 7, 10],
			['truncated', 'warning', 12, 21],
			['unterminated-details', 'error', 17, 20],
		]);
	});

	it('a last paper cut off after Method is truncated; one that skips Conclusion is not', () => {
		const paper = (n: number, fields: string[]) =>
			[`### [${n}] [Paper ${n}](https://arxiv.org/abs/2606.0010${n})`, '*A. Author*', '', 'TL;DR: t', '', '<details>', ...fields, '</details>', ''];
		const all = ['Motivation: m', 'Method: x', 'Result: r', 'Conclusion: c', 'Abstract: a'];
		const body = (last: string[]) => ['# cs.CV', '', ...paper(1, all), ...paper(2, all), ...paper(3, all), ...paper(4, last)].join('\n');
		const skipped = parseDigest(body(['Motivation: m', 'Method: x', 'Result: r', 'Abstract: a']), 'skip.md');
		assert.deepStrictEqual(skipped.diagnostics.filter((d) => d.code === 'truncated'), []);
		const cut = parseDigest(['# cs.CV', '', ...paper(1, all), ...paper(2, all), ...paper(3, all), ...paper(4, all).slice(0, 8)].join('\n'), 'cut.md');
		assert.deepStrictEqual(
			cut.diagnostics.filter((d) => d.code === 'truncated').map((d) => d.severity),
			['warning'],
		);
	});

	it('a duplicate id is a warning on its second occurrence', () => {
		const d = parse('duplicate-ids.md');
		assert.deepStrictEqual(d.papers.map((p) => [p.id, p.version, p.section]), [
			['2606.00026', undefined, 'cs.CV'],
			['2606.00026', 'v2', 'cs.LG'],
		]);
		assert.deepStrictEqual(diags(d), [['duplicate-id', 'warning', 9, 9]]);
	});

	describe('a fenced code block in a summary', () => {
		const paper = (n: number, id: string, abstract = `abs ${n}`) =>
			`### [${n}] [Title ${n}](https://arxiv.org/abs/${id})\n*A Author, B Author*\n\nMain category: cs.CV\n\nTL;DR: tldr ${n}\n\n<details>\n  <summary>Details</summary>\nMethod: me${n}\n\nAbstract: ${abstract}\n\n</details>\n\n`;
		const head = `<div id=toc></div>\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 3]\n\n<div id='cs.CV'></div>\n\n# cs.CV [[Back]](#toc)\n\n`;

		it('is the field\'s text: its `#` lines are no categories, its labels no fields (old: categories "compute the loss" and "also not", every later paper under them)', () => {
			const code = 'abs 2\n```python\n# compute the loss\n## also not\nMethod: not a label\n<b>x</b>\n```\nmore abstract after the fence';
			const d = parseDigest(head + paper(1, '2601.00001') + paper(2, '2601.00002', code) + paper(3, '2601.00003'), 'data/2026-01-01.md');
			assert.deepStrictEqual(d.categories.map((c) => [c.name, c.papers.length]), [['cs.CV', 3]]);
			assert.deepStrictEqual(d.papers.map((p) => p.id), ['2601.00001', '2601.00002', '2601.00003']);
			assert.deepStrictEqual(d.diagnostics, []);
			assert.strictEqual(d.papers[1].abstract, 'abs 2\n```python\n# compute the loss\n## also not\nMethod: not a label\n<b>x</b>\n```\nmore abstract after the fence', 'line by line, as written');
			assert.strictEqual(d.papers[1].method, 'me2');
		});

		it('left open ends at the next paper\'s heading, with a note, and loses no paper; `~~~` too', () => {
			const cut = 'abs 2\n~~~\n# a comment of the code, cut here';
			const d = parseDigest(head + paper(1, '2601.00001') + paper(2, '2601.00002', cut) + paper(3, '2601.00003'), 'data/2026-01-01.md');
			assert.deepStrictEqual(d.papers.map((p) => [p.id, p.section]), [['2601.00001', 'cs.CV'], ['2601.00002', 'cs.CV'], ['2601.00003', 'cs.CV']]);
			assert.strictEqual(d.papers[2].tldr, 'tldr 3');
			const notes = d.diagnostics.filter((x) => x.code === 'unclosed-fence');
			assert.strictEqual(notes.length, 1);
			assert.strictEqual(notes[0].severity, 'info');
			assert.strictEqual(notes[0].message, 'This code block is never closed: it ends with its paper.');
			const last = parseDigest(head + paper(1, '2601.00001', 'abs\n```\ncode'), 'data/2026-01-01.md');
			assert.deepStrictEqual(last.diagnostics.map((x) => x.code).filter((c) => c === 'unclosed-fence'), ['unclosed-fence'], 'at the end of the file');
		});

		// the review's cases: a fence left open swallowed every paper that was not numbered the next
		it('left open, ends at a section\'s heading, a paper numbered anyhow, a list item paper, `</details>`', () => {
			const cut = (n: number) => `abs ${n}\n\`\`\`python\n# cut here`;
			const restart = parseDigest(`## cs.CV\n\n${paper(1, '2601.00001')}${paper(2, '2601.00002', cut(2))}## cs.CL [[Back]](#toc)\n\n${paper(1, '2601.00003')}${paper(2, '2601.00004')}`, 'x.md');
			assert.deepStrictEqual(restart.papers.map((p) => [p.id, p.section]), [['2601.00001', 'cs.CV'], ['2601.00002', 'cs.CV'], ['2601.00003', 'cs.CL'], ['2601.00004', 'cs.CL']]);
			const skipped = parseDigest(`## cs.CV\n\n${paper(1, '2601.00001', cut(1))}${paper(5, '2601.00005')}${paper(6, '2601.00006')}`, 'x.md');
			assert.deepStrictEqual(skipped.papers.map((p) => p.id), ['2601.00001', '2601.00005', '2601.00006']);
			assert.strictEqual(skipped.papers[0].abstract, 'abs 1\n```python\n# cut here', 'ended by </details>');
			assert.deepStrictEqual(skipped.diagnostics.map((x) => x.code), ['unclosed-fence'], 'no unterminated <details>');
			const item = (n: number, extra = '') => `- **[Title ${n}](https://arxiv.org/abs/2601.0000${n})**\n  - Authors: A Author, B Author\n  - TL;DR: tldr ${n}${extra}\n`;
			const items = parseDigest(`## cs.CV\n\n${item(1, '\n  ```\n  code')}${item(2)}${item(3)}`, 'x.md');
			assert.deepStrictEqual(items.papers.map((p) => p.id), ['2601.00001', '2601.00002', '2601.00003']);
		});

		// the second review's: a closed fence's lines were taken for a section's heading where they looked like one
		for (const comment of ['# see [usage](#usage)', '## step 2: cs.AI baseline', '# fill gaps with pd.NA', '# [LoRA](https://github.com/microsoft/LoRA)', '</details>']) {
			it(`closed, keeps \`${comment}\` as its text`, () => {
				const code = `abs 2\n\`\`\`python\n${comment}\nx = 1\n\n# compute the loss\n\`\`\`\nafter the code`;
				const d = parseDigest(head + paper(1, '2601.00001') + paper(2, '2601.00002', code) + paper(3, '2601.00003'), 'data/2026-01-01.md');
				assert.deepStrictEqual(d.categories.map((c) => [c.name, c.papers.length]), [['cs.CV', 3]]);
				assert.strictEqual(d.papers[1].abstract, code);
				assert.deepStrictEqual(d.diagnostics, []);
			});
		}

		it('left open twice in a row, and at the end of the file, loses nothing; a file of many open fences reads without exhausting the stack', () => {
			const cut = (n: number) => `abs ${n}\n\`\`\`\n# cut ${n}\n## cs.LG [[Back]](#toc)`;
			const d = parseDigest(`## cs.CV\n\n${paper(1, '2601.00001', cut(1))}${paper(2, '2601.00002', cut(2))}${paper(3, '2601.00003', cut(3))}`, 'x.md');
			assert.deepStrictEqual(d.papers.map((p) => p.id), ['2601.00001', '2601.00002', '2601.00003']);
			assert.strictEqual(d.diagnostics.filter((x) => x.code === 'unclosed-fence').length, 3);
			const many = `## cs.CV\n\n${paper(1, '2601.00001', `abs\n${'```x\n## cs.LG [[Back]](#toc)\nTL;DR: t\n'.repeat(20000)}`)}`;
			assert.doesNotThrow(() => parseDigest(many, 'x.md'));
		});

		it('a prose line of tildes (`~~~ 注意 ~~~`) opens none: the fields below it stay fields', () => {
			const d = parseDigest(head + paper(1, '2601.00001').replace('TL;DR: tldr 1', 'TL;DR: tldr 1\n~~~ 注意 ~~~'), 'x.md');
			assert.strictEqual(d.papers[0].method, 'me1');
		});

		it('inline code with three backticks on one line opens no fence', () => {
			const d = parseDigest(head + paper(1, '2601.00001', 'uses ```x``` and\n```y``` inline') + paper(2, '2601.00002') + paper(3, '2601.00003'), 'data/2026-01-01.md');
			assert.deepStrictEqual(d.papers.map((p) => p.tldr), ['tldr 1', 'tldr 2', 'tldr 3']);
			assert.deepStrictEqual(d.diagnostics, []);
		});
	});

	it('a paper listed a third time is "listed again", not "twice"', () => {
		const p = (n: number, id: string) => `### [${n}] [Title ${n}](https://arxiv.org/abs/${id})\n*A Author, B Author*\n\nTL;DR: t${n}\n\n`;
		const d = parseDigest(`## cs.CV\n\n${p(1, '2601.00001')}${p(2, '2601.00001')}${p(3, '2601.00001v3')}`, 'x.md');
		assert.deepStrictEqual(
			d.diagnostics.map((x) => x.message),
			['Paper 2601.00001 is listed again in this file (first on line 3).', 'Paper 2601.00001 is listed again in this file (first on line 3).'],
		);
	});

	it('TOC totals that disagree, TOC entries without a section and sections without an entry', () => {
		const d = parse('toc-mismatch.md');
		assert.deepStrictEqual(cats(d), [
			{ name: 'cs.CV', headingLine: 9, range: [9, 15], papers: [0], anchor: 'cs.CV', claimedTotal: 3 },
			{ name: 'cs.CL', headingLine: 18, range: [18, 24], papers: [1], anchor: 'cs.CL' },
		]);
		assert.deepStrictEqual(d.papers[0].range, { start: 11, end: 15 });
		assert.deepStrictEqual(diags(d), [
			['toc-total-mismatch', 'warning', 4, 4],
			['toc-missing-category', 'warning', 5, 5],
			['toc-missing-category', 'warning', 18, 18],
		]);
	});

	it('a TOC of papers grouped under headings lists the sections named by its headings; a section under no heading is still reported', () => {
		const paper = (id: string) => [`## <a id="${id}"></a>[Paper ${id}](http://arxiv.org/abs/${id}) [[back]](#toc-1)`, '', '### Summary', 'x.', ''];
		const text = [
			'# <a id="toc"></a>Table of Contents',
			'',
			'## <a id="toc-1"></a>Dark Matter',
			'',
			'- [Paper 2605.15749v1 (0.57)](#2605.15749v1)',
			'',
			'## <a id="toc-2"></a>Others',
			'',
			'- [Paper 2605.15750v1 (0.41)](#2605.15750v1)',
			'',
			'# Dark Matter',
			'',
			...paper('2605.15749v1'),
			'# Others',
			'',
			...paper('2605.15750v1'),
			'# Not Listed',
			'',
			...paper('2605.15751v1'),
		].join('\n');
		const d = parseDigest(text, '2026-05-18.md');
		assert.deepStrictEqual(d.categories.map((c) => [c.name, c.papers.length]), [['Dark Matter', 1], ['Others', 1], ['Not Listed', 1]]);
		assert.deepStrictEqual(d.diagnostics.map((x) => [x.code, x.range.start, x.message]), [
			['toc-missing-category', 24, 'Section "Not Listed" is not in the table of contents.'],
		]);
	});

	it('a TOC entry finds its section under a code with a hyphen ([cond-mat.mtrl-sci])', () => {
		const text = [
			'## 目录',
			'',
			'- [Materials Science (1)](#cond-mat-mtrl-sci)',
			'',
			'## Materials Science [cond-mat.mtrl-sci]',
			'### [1] [Paper 1](https://arxiv.org/abs/2506.04261)',
			'*Ann Author*',
			'',
			'TL;DR: x.',
			'',
		].join('\n');
		const d = parseDigest(text, '2025-06-09_topic.md');
		assert.deepStrictEqual(d.categories.map((c) => [c.name, c.claimedTotal]), [['Materials Science [cond-mat.mtrl-sci]', 1]]);
		assert.deepStrictEqual(d.diagnostics.filter((x) => x.code.startsWith('toc-')), []);
	});

	it('TOC entries with the count in the link text find sections named with their arXiv code; a missing one is still reported', () => {
		const paper = (n: number) => [`### [${n}] [Paper ${n}](https://arxiv.org/abs/2506.0426${n})`, '*Ann Author*', '', 'TL;DR: x.', ''];
		const text = [
			'# 每日 ArXiv 摘要速递: 2025-06-08',
			'',
			'## 目录',
			'',
			'- [Computer Vision (2)](#cs-cv)',
			'- [计算语言学 (Computation and Language) (2)](#cs-cl)',
			'- [Robotics (1)](#cs-ro)',
			'',
			'## Computer Vision [cs.CV]',
			...paper(1),
			...paper(2),
			'## 计算语言学 (Computation and Language) [cs.CL]',
			...paper(3),
			'## Machine Learning [cs.LG]',
			...paper(4),
		].join('\n');
		const d = parseDigest(text, '2025-06-09_topic.md');
		assert.deepStrictEqual(
			d.categories.map((c) => [c.name, c.papers.length, c.claimedTotal]),
			[
				['Computer Vision [cs.CV]', 2, 2],
				['计算语言学 (Computation and Language) [cs.CL]', 1, 2],
				['Machine Learning [cs.LG]', 1, undefined],
			],
		);
		assert.deepStrictEqual(
			d.diagnostics.map((x) => [x.code, x.range.start, x.message]),
			[
				['toc-total-mismatch', 5, 'The table of contents claims 2 papers in 计算语言学 (Computation and Language) [cs.CL], the section has 1.'],
				['toc-missing-category', 6, 'The table of contents lists "Robotics" but there is no such section.'],
				['toc-missing-category', 25, 'Section "Machine Learning [cs.LG]" is not in the table of contents.'],
			],
		);
	});

	it('papers before any category heading are grouped by their main category', () => {
		const d = parse('no-category-heading.md');
		assert.strictEqual(d.day, '2025-09-18');
		assert.deepStrictEqual(cats(d), [
			{ name: 'cs.CV', headingLine: 2, range: [2, 8], papers: [0] },
			{ name: 'Uncategorized', headingLine: 9, range: [9, 13], papers: [1] },
		]);
		assert.deepStrictEqual(d.papers.map((p) => p.section), ['cs.CV', 'Uncategorized']);
		assert.deepStrictEqual(diags(d), []);
	});

	it('unknown labels and unplaced text are kept, with info diagnostics', () => {
		const d = parse('unknown-label-unplaced.md');
		assert.deepStrictEqual(d.papers[0].extra, [
			{ label: 'Mood', value: 'cheerful', range: { start: 7, end: 7 } },
			{ label: '', value: 'Some stray sentence.', range: { start: 16, end: 16 } },
		]);
		assert.strictEqual(d.papers[0].abstract, 'Odd fields.');
		assert.deepStrictEqual(diags(d), [
			['unknown-label', 'info', 7, 7],
			['unplaced-text', 'info', 16, 16],
		]);
	});

	it('an unresolved merge conflict: one warning for the block, its marker lines kept out of the papers', () => {
		const d = parse('merge-conflict.md');
		assert.deepStrictEqual(d.papers.map((p) => [p.id, p.tldr, p.extra]), [
			['2606.00041', 'First.', []],
			['2606.00042', 'Second, as on this branch.', []],
			['2606.00042', 'Second, as on the other branch.', []],
		]);
		assert.deepStrictEqual(diags(d), [
			['toc-total-mismatch', 'warning', 4, 4],
			['merge-conflict', 'warning', 15, 25],
			['duplicate-id', 'warning', 21, 21],
		]);
		assert.strictEqual(d.diagnostics[1].message, 'Unresolved merge conflict (lines 16–26): resolve it in Git; the papers in it may be listed twice.');
		// inside a paper, after its details: the markers were text the parser could not place, shown on the card
		const inPaper = [
			'### [1] [T](https://arxiv.org/abs/2606.00001)',
			'<details><summary>Details</summary>',
			'Abstract: A.',
			'</details>',
			'',
			'<<<<<<< HEAD',
			'|||||||  merged common ancestors',
			'=======',
			'Kept.',
			'>>>>>>> 1a2b3c4 (Update digest)',
		].join('\n');
		const p = parseDigest(inPaper, 'x.md');
		assert.deepStrictEqual(p.papers[0].extra.map((e) => e.value), ['Kept.']);
		assert.deepStrictEqual(diags(p), [['merge-conflict', 'warning', 5, 9], ['unplaced-text', 'info', 8, 8]]);
		// not closed: reported to the end of the file
		const open = parseDigest('### [1] [T](https://arxiv.org/abs/2606.00001)\nTL;DR: a.\n<<<<<<< ours\nTL;DR: b.\n', 'x.md');
		assert.deepStrictEqual(diags(open), [['merge-conflict', 'warning', 2, 4]]);
		// outside a block, `=======` and `>>>>>>>` are the digest's own text
		const heading = parseDigest('Computer Vision\n=======\n\n### [1] [T](https://arxiv.org/abs/2606.00001)\n\n>>>>>>> quoted\n', 'x.md');
		assert.ok(!heading.diagnostics.some((x) => x.code === 'merge-conflict'));
		assert.deepStrictEqual(heading.papers.map((x) => x.id), ['2606.00001']);
	});

	it('binary content: one error, and what can be read is still parsed', () => {
		const text = read('bold-labels.md').replace('A faster secure', 'A faster\u0000\u0000 secure');
		const d = parseDigest(text, 'bin.md');
		assert.strictEqual(d.papers.length, 1);
		assert.strictEqual(d.papers[0].abstract, 'We study secure aggregation.');
		assert.deepStrictEqual(diags(d), [['binary-content', 'error', 15, 15]]);
		const garbage = parseDigest('\uFFFD'.repeat(50) + '\n### [1] [T](https://arxiv.org/abs/2606.00001)\n', 'x.md');
		assert.deepStrictEqual(diags(garbage).map((x) => x[0]), ['binary-content', 'unplaced-text']);
		assert.strictEqual(garbage.papers[0].id, '2606.00001');
	});

	it('bytes read as clean parse as their text does; NUL, U+FFFD and invalid UTF-8 are not clean, and still reported', () => {
		const dir = 'test/fixtures/real';
		const names = readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.md') && !name.endsWith('README.md'));
		assert.ok(names.length >= 20, `${names.length} real digests`);
		for (const name of names) {
			const read = decodeChecked(readFileSync(join(dir, name)));
			assert.strictEqual(read.clean, true, name);
			assert.deepStrictEqual(parseDigest(read.text, name, { clean: true }), parseDigest(read.text, name), name);
		}
		const text = read('bold-labels.md');
		const kinds = (bytes: Buffer) => {
			const checked = decodeChecked(bytes);
			assert.strictEqual(checked.clean, false);
			return diags(parseDigest(checked.text, 'bin.md', checked)).map((d) => d[0]);
		};
		assert.deepStrictEqual(kinds(Buffer.from(text.replace('A faster secure', 'A faster\u0000\u0000 secure'))), ['binary-content']);
		// (the undecodable text is also text outside any paper)
		assert.deepStrictEqual(kinds(Buffer.from('\uFFFD'.repeat(50) + text)), ['binary-content', 'unplaced-text']);
		assert.deepStrictEqual(kinds(Buffer.concat([Buffer.from(text), Buffer.alloc(40, 0xff)])), ['binary-content', 'unplaced-text']);
		// a lone bad byte is not clean either, but no error: the parser counts the replacement characters as it did
		assert.ok(!kinds(Buffer.concat([Buffer.from(text), Buffer.from([0xc3])])).includes('binary-content'));
	});

	it('an empty file is an empty day with one info, not an error', () => {
		const d = parseDigest('', '2026-03-01.md');
		assert.strictEqual(d.day, '2026-03-01');
		assert.deepStrictEqual(d.papers, []);
		assert.deepStrictEqual(diags(d).map((x) => [x[0], x[1]]), [['no-papers', 'info']]);
	});

	it('a 50 MB file parses whole: every paper of every copy is found', () => {
		const seeds = ['000_e68cbdc0f6d19b20.txt', '002_9ca964b67d58151b.txt'].map((f) => readFileSync(`test/fixtures/seeds/${f}`, 'utf8'));
		const block = seeds.join('\n');
		const copies = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(block));
		const d = parseDigest(Array(copies).fill(block).join('\n'), 'big.md');
		assert.strictEqual(d.papers.length, copies * (166 + 79));
		assert.ok(d.diagnostics.every((x) => x.severity !== 'error'));
	});

	it('never throws on odd input', () => {
		const odd: unknown[] = ['', '\n', '\r', '###', '# ', '<details>', '### [1] [', '- [a](#', '\uFEFF', '\u0000', '> **', '**:**', undefined, null, 42];
		for (const text of odd) {
			const d = parseDigest(text as string, 'odd.md');
			assert.ok(Array.isArray(d.papers) && Array.isArray(d.diagnostics), String(text));
			assert.ok(d.lineCount >= 1);
		}
	});
});

describe('parser: shapes seen in real forks (inline)', () => {
	/** a paper in the reference shape whose `<details>` hold `body` */
	function paperWith(body: string[]): Digest {
		const text = ['### [1] [A Title](https://arxiv.org/abs/2507.06310)', '*Ann Author*', '', '<details>', '  <summary>Details</summary>', ...body, '', '</details>', ''];
		return parseDigest(text.join('\n'), '2025-07-10.md');
	}

	it('a title keeps an asterisk of its own (`LaCAM*`, `*-PLUIE`); emphasis that wraps the whole title is dropped', () => {
		const text = [
			'### [330] [A Lightweight Traffic Map for Efficient Anytime LaCAM*](https://arxiv.org/abs/2603.07891)',
			'### [2] [*-PLUIE: Personalisable metric with Llm Used for Improved Evaluation](https://arxiv.org/abs/2602.15778)',
			'### [3] [**Bold Title**](https://arxiv.org/abs/2602.15779)',
			'### [4] *T*: a starred name*',
		].join('\n\n');
		const d = parseDigest(text, '2026-03-10.md');
		assert.deepStrictEqual(d.papers.map((p) => p.title), [
			'A Lightweight Traffic Map for Efficient Anytime LaCAM*',
			'*-PLUIE: Personalisable metric with Llm Used for Improved Evaluation',
			'Bold Title',
			'T*: a starred name',
		]);
	});

	it('a line of a hard-wrapped value that holds `words: ` continues the value, even after a sentence end', () => {
		const d = paperWith([
			'Abstract: These dilemmas steer the LLM agents towards an uncanny valley: not',
			'abstract enough to clarify underlying social mechanisms, while not natural',
			'enough to represent realistic human behaviour.',
			'This exposes an important paradox: the realism of LLM agents can obscure,',
			'rather than clarify, social dynamics when misapplied.',
			'Our code is available at: https://github.com/example/code.',
		]);
		const p = d.papers[0];
		assert.strictEqual(
			p.abstract,
			'These dilemmas steer the LLM agents towards an uncanny valley: not abstract enough to clarify underlying social mechanisms, while not natural ' +
				'enough to represent realistic human behaviour. This exposes an important paradox: the realism of LLM agents can obscure, rather than clarify, ' +
				'social dynamics when misapplied. Our code is available at: https://github.com/example/code.',
		);
		assert.deepStrictEqual(p.fieldRanges.abstract, { start: 5, end: 10 });
		assert.deepStrictEqual(p.extra, []);
		assert.deepStrictEqual(d.diagnostics.map((x) => x.code), []);
	});

	it('a long one-line value continued on an unquoted line under its quote, CJK prose with a full-width colon', () => {
		const first = '> **摘要翻译:** 受互联网瓶颈容量估计问题的启发，我们提出并研究了观测点选择问题。我们的目标是从V中选择k个观测点。';
		const next = '我们考虑了两种设置：非自适应设置，其中所有k个观测点在任何瓶颈容量被揭示之前就被选择。';
		const p = paperWith([first, next]).papers[0];
		assert.strictEqual(p.abstract, first.slice('> **摘要翻译:** '.length) + next);
		assert.deepStrictEqual(p.extra, []);
	});

	it('a machine translation\'s `抽象：` ("Abstract:") after a blank line in a translated abstract is the rest of it, not a field (xmkxabc 2025-06-29)', () => {
		const first = '> **摘要翻译:** 标题：少做决定，多交流';
		const rest = '抽象：技术进步在自动事实核查等任务上取得了具体进展。';
		const p = paperWith([first, '', rest]).papers[0];
		assert.strictEqual(p.abstract, `标题：少做决定，多交流\n\n${rest}`);
		assert.deepStrictEqual(p.extra, []);
		assert.deepStrictEqual(paperWith([rest]).papers[0].extra.map((e) => e.label), ['抽象'], 'under no field it is one');
	});

	it('label-shaped lines next to a value still open fields: bold, common extra labels, after a short one-line field or a blank', () => {
		const d = paperWith([
			'Main category: cs.CY',
			'Mood: calm',
			'',
			'TL;DR: LLM agents can be too human to model social behaviour in simulations.',
			'Relevance: 8',
			'',
			'Abstract: Large language models have been increasingly used to build agents in',
			'social simulation because of their abilities to generate fluent dialogues.',
			'**Stance**: sceptical',
			'',
			'Verdict: worth reading',
		]);
		const p = d.papers[0];
		assert.strictEqual(p.category, 'cs.CY');
		assert.strictEqual(p.tldr, 'LLM agents can be too human to model social behaviour in simulations.');
		assert.strictEqual(p.abstract, 'Large language models have been increasingly used to build agents in social simulation because of their abilities to generate fluent dialogues.');
		assert.deepStrictEqual(
			p.extra.map((e) => [e.label, e.value]),
			[
				['Mood', 'calm'],
				['Relevance', '8'],
				['Stance', 'sceptical'],
				['Verdict', 'worth reading'],
			],
		);
		assert.deepStrictEqual(
			d.diagnostics.filter((x) => x.code === 'unknown-label').map((x) => x.message),
			['Unknown label "Mood" (kept as an extra field).', 'Unknown label "Stance" (kept as an extra field).', 'Unknown label "Verdict" (kept as an extra field).'],
		);
	});

	it('a named field right under a value that ends a sentence still opens, one line or wrapped', () => {
		const oneLine = paperWith([
			'Abstract: Large language models have been increasingly used to build agents in social simulation.',
			'Affiliations: MIT',
		]).papers[0];
		assert.strictEqual(oneLine.abstract, 'Large language models have been increasingly used to build agents in social simulation.');
		assert.deepStrictEqual(oneLine.extra.map((e) => [e.label, e.value]), [['Affiliations', 'MIT']]);
		const wrapped = paperWith([
			'Abstract: Large language models have been increasingly used to build agents in',
			'social simulation because of their abilities to generate fluent dialogues.',
			'Award: best paper',
		]).papers[0];
		assert.deepStrictEqual(wrapped.extra.map((e) => [e.label, e.value]), [['Award', 'best paper']]);
	});

	it('a short last line of a wrapped paragraph does not make the next `words: ` line a field', () => {
		const p = paperWith([
			'Abstract: We introduce OmniSpatial, a comprehensive and challenging benchmark for',
			'spatial reasoning.',
			'OmniSpatial covers four major categories: dynamic reasoning and perspective-taking.',
		]).papers[0];
		assert.strictEqual(p.abstract, 'We introduce OmniSpatial, a comprehensive and challenging benchmark for spatial reasoning. OmniSpatial covers four major categories: dynamic reasoning and perspective-taking.');
		assert.deepStrictEqual(p.extra, []);
	});

	it('reads papers written as list items, their indented fields, and keeps a listed-twice paper twice', () => {
		const text = [
			'# 2025-07-01',
			'',
			'- **[First Paper](https://arxiv.org/abs/2507.00001)**  `arXiv:2507.00001`',
			'  *Ann Author, Bo Author*',
			'  - **TL;DR**: A first summary.',
			'- **[Second Paper](https://arxiv.org/abs/2507.00002v2)**',
			'  TL;DR: Second summary.',
			'- **[First Paper](https://arxiv.org/abs/2507.00001)**',
			'  TL;DR: Again.',
			'',
		].join('\n');
		const d = parseDigest(text, '2025-07-01.md');
		assert.deepStrictEqual(
			d.papers.map((p) => [p.title, p.id, p.tldr]),
			[
				['First Paper', '2507.00001', 'A first summary.'],
				['Second Paper', '2507.00002', 'Second summary.'],
				['First Paper', '2507.00001', 'Again.'],
			],
		);
		assert.deepStrictEqual(d.papers[0].authors, ['Ann Author', 'Bo Author']);
		assert.deepStrictEqual(d.papers[0].extra.map((e) => e.value), ['`arXiv:2507.00001`']);
	});

	it('a sentence heading with no link and nothing under it is no paper', () => {
		const d = parseDigest('# Daily 2025-06-20\n\n### Nothing new today.\n', '2025-06-20.md');
		assert.strictEqual(d.papers.length, 0);
		assert.deepStrictEqual(d.diagnostics.map((x) => x.code), ['no-papers']);
	});

	it('a plain `words：` line that ends under a field heading is the field\'s text (a list\'s intro); a bold label there still opens a field', () => {
		const text = [
			'## [A Title](http://arxiv.org/abs/2605.15893v1)',
			'',
			'### Summary',
			'',
			'本文系统性地探究了暗端计数的问题。',
			'',
			'主要发现包括：',
			'- 暗端计数缺失在所有天区中均存在。',
			'- 增加仿真图像的深度无法解决矛盾。',
			'',
			'**Comment:** 12 pages',
			'',
		].join('\n');
		const d = parseDigest(text, '2026-05-18.md');
		const p = d.papers[0];
		assert.strictEqual(p.tldr, '本文系统性地探究了暗端计数的问题。\n\n主要发现包括：\n- 暗端计数缺失在所有天区中均存在。\n- 增加仿真图像的深度无法解决矛盾。');
		assert.deepStrictEqual(p.extra.map((x) => [x.label, x.value]), [['Comment', '12 pages']]);
		assert.deepStrictEqual(d.diagnostics.map((x) => x.code), []);
	});

	it('a plain label of a field the paper has already, right under a line of a value, continues the value (a translated structured abstract)', () => {
		const d = paperWith([
			'**Method:** 提出了一种新方法。',
			'',
			'**Result:** 结果一。',
			'',
			'> **摘要翻译:** 目的：开发一种方法。',
			'方法：作者提出了一种新的光谱分析方法。',
			'结果：建模光谱接近测量光谱。',
			'',
			'Conclusion: the approach works.',
		]);
		const p = d.papers[0];
		assert.strictEqual(p.method, '提出了一种新方法。');
		assert.strictEqual(p.result, '结果一。');
		assert.strictEqual(p.abstract, '目的：开发一种方法。方法：作者提出了一种新的光谱分析方法。结果：建模光谱接近测量光谱。');
		// after a blank line, or for a field not read yet, the label opens its field as before
		assert.strictEqual(p.conclusion, 'the approach works.');
		assert.deepStrictEqual(p.extra, []);
	});

	it('plain labels right under a value still open their fields: links, authors, category, the TL;DR after an abstract', () => {
		const text = [
			'### [1] [A Title](https://arxiv.org/abs/2601.00001)',
			'',
			'Authors: Alice Smith, Bob Jones',
			'arXiv: https://arxiv.org/abs/2601.00001',
			'Main category: cs.CV',
			'PDF: https://arxiv.org/pdf/2601.00001',
			'Abstract: We present a thing that works well',
			'Summary: The AI summary of the paper.',
			'Method: 提出了一种新方法。',
			'',
		].join('\n');
		const p = parseDigest(text, '2026-01-01.md').papers[0];
		assert.deepStrictEqual(p.authors, ['Alice Smith', 'Bob Jones']);
		assert.strictEqual(p.category, 'cs.CV');
		assert.strictEqual(p.abstract, 'We present a thing that works well');
		assert.strictEqual(p.tldr, 'The AI summary of the paper.');
		// the method opens under the TL;DR (not an abstract), though no blank line is between
		assert.strictEqual(p.method, '提出了一种新方法。');
		assert.deepStrictEqual(p.extra.map((x) => x.label), ['arXiv', 'PDF']);
	});

	it('under a field heading, a label forks commonly write or one with a value on its line still opens a field', () => {
		const text = ['## [A Title](https://arxiv.org/abs/2601.00002)', '', '### TL;DR', '', 'We do a thing.', '', 'Keywords: vision, robots', '', 'Relevance: 8/10', ''].join('\n');
		const p = parseDigest(text, '2026-01-01.md').papers[0];
		assert.strictEqual(p.tldr, 'We do a thing.');
		assert.deepStrictEqual(p.extra.map((x) => [x.label, x.value]), [['Keywords', 'vision, robots'], ['Relevance', '8/10']]);
	});

	it('a wrapped line that starts like a list item continues the prose line above it; a list after a colon or a short line stays a list', () => {
		const d = paperWith([
			'Abstract: Modern AI systems struggle most in environments where reliability is critical',
			'- scenes with smoke, poor visibility, and structural deformation. Each year,',
			'profiles to quantify the distribution of extraplanar gas in the halo of NGC',
			'5746. In addition, we isolate the diffuse emission component.',
			'',
			'Method: Our contributions, which the next lines list, are the following three',
			'- a benchmark,',
			'- a metric.',
			'',
			'Result: Three findings',
			'- first,',
			'- second.',
		]);
		const p = d.papers[0];
		assert.strictEqual(
			p.abstract,
			'Modern AI systems struggle most in environments where reliability is critical - scenes with smoke, poor visibility, and structural deformation. ' +
				'Each year, profiles to quantify the distribution of extraplanar gas in the halo of NGC 5746. In addition, we isolate the diffuse emission component.',
		);
		// the first item joins its long line; the next one follows an item, and stays one
		assert.strictEqual(p.method, 'Our contributions, which the next lines list, are the following three - a benchmark,\n- a metric.');
		assert.strictEqual(p.result, 'Three findings\n- first,\n- second.');
		// once a list has started, an item after an item's wrapped line is an item
		const wrapped = paperWith([
			'Abstract: We make the following contributions:',
			'- We propose RoboX, a framework for learning manipulation policies from',
			'  human videos without any robot data or simulation,',
			'- We show that RoboX outperforms baselines.',
		]).papers[0];
		assert.strictEqual(
			wrapped.abstract,
			'We make the following contributions:\n- We propose RoboX, a framework for learning manipulation policies from human videos without any robot data or simulation,\n- We show that RoboX outperforms baselines.',
		);
	});

	it('an author list keeps no token of punctuation alone (`Team,:,Dong Zhang`)', () => {
		const d = parseDigest(['### [1] [A Title](https://arxiv.org/abs/2601.00001)', '*Xiaomi LLM-Core Team,:,Dong Zhang, Lei Li*', ''].join('\n'), '2026-01-01.md');
		assert.deepStrictEqual(d.papers[0].authors, ['Xiaomi LLM-Core Team', 'Dong Zhang', 'Lei Li']);
	});

	it('a day written without dashes in the name comes after a dated heading, and serves without one', () => {
		const body = ['### [1] [A Title](https://arxiv.org/abs/2601.00001)', '*Ada Lovelace*', ''];
		assert.strictEqual(parseDigest(['# 2026-03-09', '', ...body].join('\n'), 'data/arxiv_20260310.md').day, '2026-03-09');
		assert.strictEqual(parseDigest(['# Daily papers', '', ...body].join('\n'), 'data/20260310.md').day, '2026-03-10');
		assert.strictEqual(parseDigest(['# 2026-03-09', '', ...body].join('\n'), 'data/2026-03-10.md').day, '2026-03-10', 'a dashed name first, as before');
	});

	it('an author list written as a sentence keeps no "and" in its last name (`…,Weibing Sun,and Huchuan Lu`)', () => {
		const d = parseDigest(['### [1] [A Title](https://arxiv.org/abs/2601.00001)', '*Lijun Wang,Weibing Sun,and Huchuan Lu*', '', '### [2] [B Title](https://arxiv.org/abs/2601.00002)', '*Ada Lovelace, & Alan Turing, Andrea Anderson*', ''].join('\n'), '2026-01-01.md');
		assert.deepStrictEqual(d.papers[0].authors, ['Lijun Wang', 'Weibing Sun', 'Huchuan Lu']);
		assert.deepStrictEqual(d.papers[1].authors, ['Ada Lovelace', 'Alan Turing', 'Andrea Anderson']);
	});

	it('reads fields written as headings, an unlabelled quote TL;DR and placeholder values', () => {
		const text = [
			'### [1] [A Title](https://arxiv.org/abs/2507.00003)',
			'*Ann Author*',
			'',
			'> A one-line summary in a quote.',
			'',
			'#### Method',
			'',
			'Error',
			'',
			'#### Abstract',
			'',
			'The abstract text.',
			'',
		].join('\n');
		const p = parseDigest(text, 'x.md').papers[0];
		assert.strictEqual(p.tldr, 'A one-line summary in a quote.');
		assert.strictEqual(p.method, '');
		assert.strictEqual(p.abstract, 'The abstract text.');
		assert.deepStrictEqual(
			parseDigest(text, 'x.md').diagnostics.map((x) => [x.code, x.severity, x.range.start]),
			[['placeholder', 'info', 5]],
		);
	});
});
