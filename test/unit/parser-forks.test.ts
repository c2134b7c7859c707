/**
 * Templates of forks a review found misread: each test reads a trimmed real file of the fork
 * (test/fixtures/variants/forks, sources in its README) or, where only the fork's template was found,
 * a paper rendered by hand from it.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Digest } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';

const DIR = 'test/fixtures/variants/forks';

function parseFork(file: string): Digest {
	return parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file);
}

/** what a reader is told of a good file: warnings and errors (an unknown label is info) */
function warnings(d: Digest): string[] {
	return d.diagnostics.filter((x) => x.severity === 'warning' || x.severity === 'error').map((x) => `${x.range.start}: ${x.message}`);
}

describe('parser: fork templates', () => {
	it('upstream\'s fallbacks when the LLM fails ("Motivation analysis unavailable", "Result analysis unavailable", "… failed") are placeholders (wwj281 2026-10-08)', () => {
		const d = parseFork('wwj281__daily-arXiv-ai-enhanced/2026-10-08.md');
		assert.strictEqual(d.papers.length, 2);
		for (const p of d.papers) {
			assert.deepStrictEqual([p.tldr, p.motivation, p.method, p.result, p.conclusion], ['', '', '', '', ''], p.id);
			assert.ok(p.abstract.startsWith(p.id === '2610.06889' ? 'We study the application' : 'Localizing latent structures'), p.abstract);
		}
		const placeholders = d.diagnostics.filter((x) => x.code === 'placeholder').map((x) => x.message);
		assert.strictEqual(placeholders.length, 10);
		assert.ok(placeholders.includes('"Motivation" holds the placeholder "Motivation analysis unavailable": left empty.'), placeholders.join('\n'));
		assert.deepStrictEqual(warnings(d), []);
	});

	it('a short "<Field> … unavailable" is a placeholder; a sentence that ends in "unavailable" is text', () => {
		const paper = (motivation: string) =>
			parseDigest(['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '*Ann Author*', '', `Motivation: ${motivation}`, ''].join('\n'), 'data/2026-10-08.md').papers[0].motivation;
		assert.strictEqual(paper('Classification unavailable'), '');
		assert.strictEqual(paper('Unavailable.'), '');
		const sentence = 'Ground truth for rare events in public datasets is often unavailable';
		assert.strictEqual(paper(sentence), sentence);
	});

	it('a label after an emoji is the label: "#### 🧩 TL;DR", "#### 📄 Abstract"; a heading over fields ("#### 📘 Detailed Summary") is not an empty field (hppeace 2026-04-27)', () => {
		const d = parseFork('hppeace__arXiv-daily/2026-04-27.md');
		const p = d.papers[0];
		assert.ok(p.tldr.startsWith('提出EvFlow-GS框架'), p.tldr);
		assert.ok(p.motivation.startsWith('现有基于事件相机') && p.conclusion.startsWith('通过事件流与光流'), p.motivation);
		assert.ok(p.abstract.startsWith('Achieving sharp 3D reconstruction') && p.abstract.endsWith('our EvFlow-GS.'), p.abstract);
		assert.deepStrictEqual(p.extra.map((e) => [e.label, e.value]), [['📘 Detailed Summary', '']]);
		assert.deepStrictEqual(
			d.diagnostics.map((x) => [x.severity, x.code, x.message]),
			[['info', 'unknown-label', 'Unknown label "📘 Detailed Summary" (kept as an extra field).']],
		);
	});

	it('an empty heading no known field follows is still an empty field', () => {
		const d = parseDigest(
			['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '*Ann Author*', '', '#### 📘 Limitations', '', '#### 📄 Abstract', 'We study things.', ''].join('\n'),
			'data/2026-10-08.md',
		);
		assert.strictEqual(d.papers[0].abstract, 'We study things.');
		assert.deepStrictEqual(d.diagnostics.filter((x) => x.code === 'empty-field').map((x) => x.message), ['"📘 Limitations" is empty.']);
	});

	it('bold labels after an emoji are fields: "**📊 主类别**: cs.CV", "**💡 大白话**: …", "#### 📄 原文摘要" (MarssZ data/test.md)', () => {
		const d = parseFork('MarssZ__2511-daily-arXiv/test.md');
		assert.strictEqual(d.papers.length, 2);
		for (const p of d.papers) {
			assert.strictEqual(p.category, 'cs.CV');
			assert.deepStrictEqual(p.extra.filter((e) => e.label !== '').map((e) => e.label).slice(0, 3), ['💡 大白话', '🎯 核心价值', '🔍 问题与洞察']);
		}
		assert.ok(d.papers[0].abstract.startsWith('On-device fine-tuning of CNNs is essential') && d.papers[0].abstract.endsWith('practical for edge platforms.'), d.papers[0].abstract);
		assert.ok(d.papers[1].abstract.startsWith('Computer vision methods are increasingly used'), d.papers[1].abstract);
		assert.strictEqual(d.papers[0].extra.find((e) => e.label === '💡 大白话')?.value, '就像只改书的一小部分笔记就能让整本书适应新知识，而且不用重印这本书。');
		assert.deepStrictEqual(warnings(d), []);
	});

	it('an emoji before a label changes no label without one: "📊 主类别" and "主类别" are the category', () => {
		for (const line of ['**📊 主类别**: cs.CV', '📊 主类别: cs.CV', '主类别: cs.CV', '**⚙️ Main category:** cs.CV']) {
			const p = parseDigest(['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '*Ann Author*', '', line, ''].join('\n'), 'data/2026-10-08.md').papers[0];
			assert.strictEqual(p.category, 'cs.CV', line);
		}
	});

	it('a bold labelled translated title ("**中文标题：…**") ends at its paragraph: the authors line below is the authors (no9probe 2025-07-13)', () => {
		const d = parseFork('no9probe__daily-arXiv-ai-enhanced/2025-07-13.md');
		assert.deepStrictEqual(
			d.papers.map((p) => [p.translatedTitle, p.authors, p.category]),
			[
				['预训练播种，微调摇摆：LLMs认知偏差起源的案例研究', ['Itay Itzhak', 'Yonatan Belinkov', 'Gabriel Stanovsky'], 'cs.CL'],
				['提示扰动揭示LLM在调查响应中的人类类似偏差', ['Jens Rupprecht', 'Georg Ahnert', 'Markus Strohmaier'], 'cs.CL'],
			],
		);
		assert.ok(d.papers[0].tldr.startsWith('研究发现，大型语言模型'), d.papers[0].tldr);
		assert.deepStrictEqual(d.papers.map((p) => p.extra), [[], []]);
		assert.deepStrictEqual(warnings(d), []);
	});

	it('a labelled translated title after the authors keeps its wrapped line, and the paragraph after it is a note, not title', () => {
		const p = parseDigest(
			['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '*Ann Author*', '', '中文标题: 一篇', '很长的论文', '', '这段话不属于标题。', ''].join('\n'),
			'data/2026-10-08.md',
		).papers[0];
		assert.deepStrictEqual(p.authors, ['Ann Author']);
		assert.strictEqual(p.translatedTitle, '一篇很长的论文');
		assert.deepStrictEqual(p.extra.map((e) => [e.label, e.value]), [['', '这段话不属于标题。']]);
	});

	it('"**Abstract**: [arXiv](url)" is a link to the abstract, which is the <summary>Abstract</summary> body (topomat12138 2026-07-19)', () => {
		const d = parseFork('topomat12138__daily-arXiv-ai-enhanced/2026-07-19.md');
		assert.strictEqual(d.papers.length, 3);
		const starts = ['Rhombohedral graphene systems provide', 'An important feature of solid-state', 'In two dimensions, the geometric constraints'];
		d.papers.forEach((p, k) => {
			assert.ok(p.abstract.startsWith(starts[k]), p.abstract);
			assert.deepStrictEqual(p.extra.filter((e) => e.label === 'Abstract').map((e) => e.value), [`[arXiv](https://arxiv.org/abs/${p.id})`]);
			assert.strictEqual(p.category, 'cond-mat.mes-hall');
			assert.ok(p.tldr.length > 0 && p.method.length > 0, p.id);
		});
		assert.deepStrictEqual(warnings(d), []);
	});

	it('a TL;DR of links only is kept as a link, and a TL;DR with text around a link is text', () => {
		const paper = (tldr: string) => parseDigest(['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '*Ann Author*', '', `TL;DR: ${tldr}`, ''].join('\n'), 'data/2026-10-08.md').papers[0];
		const links = paper('[PDF](https://arxiv.org/pdf/2610.00001) [Code](https://github.com/a/b)');
		assert.strictEqual(links.tldr, '');
		assert.deepStrictEqual(links.extra.map((e) => e.label), ['TL;DR']);
		assert.strictEqual(paper('See [the demo](https://a.b/c) for a faster heap.').tldr, 'See [the demo](https://a.b/c) for a faster heap.');
	});

	/** a paper of the reference shape, its lines between the authors and `<details>` given */
	function rendered(lines: string[], details = ['Motivation: 接触丰富的装配任务难以用传统策略建模。', '', 'Abstract: Contact-rich assembly is challenging for robot learning.']): string {
		return [
			'<div id=toc></div>', '', '# Table of Contents', '', '- [cs.RO](#cs.RO) [Total: 1]', '', '', "<div id='cs.RO'></div>", '', '# cs.RO [[Back]](#toc)', '',
			'### [1] [Diffusion Policies for Contact-Rich Assembly](https://arxiv.org/abs/2605.01234)',
			'*Alice Zhang,Bob Li*',
			'',
			...lines,
			'',
			'<details>',
			'  <summary>Details</summary>',
			...details,
			'',
			'</details>',
			'',
		].join('\n');
	}

	// lix8886/daily-arXiv-ai-enhanced to_md/paper_template.md (commit 7d6dcf8): `Main category: {cate}\n\n{tldr}`, rendered by hand
	it('the unlabelled paragraph after "Main category:" is not part of the category: it is the TL;DR where the paper has none (lix8886 template)', () => {
		const d = parseDigest(rendered(['Main category: cs.RO', '', '提出一种面向接触丰富装配任务的扩散策略，', '在真实机器人上成功率提升20%。']), 'data/2026-05-20.md');
		const p = d.papers[0];
		assert.strictEqual(p.category, 'cs.RO');
		assert.strictEqual(p.tldr, '提出一种面向接触丰富装配任务的扩散策略，在真实机器人上成功率提升20%。');
		assert.strictEqual(p.motivation, '接触丰富的装配任务难以用传统策略建模。');
		assert.deepStrictEqual(p.extra, []);
		assert.deepStrictEqual(d.diagnostics, []);
	});

	it('after a TL;DR, an unlabelled paragraph under "Main category:" is a note, not category', () => {
		const p = parseDigest(rendered(['TL;DR: 扩散策略。', '', 'Main category: cs.RO', '', '另一段话。']), 'data/2026-05-20.md').papers[0];
		assert.strictEqual(p.category, 'cs.RO');
		assert.strictEqual(p.tldr, '扩散策略。');
		assert.deepStrictEqual(p.extra.map((e) => [e.label, e.value]), [['', '另一段话。']]);
	});

	// maoxiang1991/daily-arXiv to_md/paper_template.md: `Abstract (中文): {abstract_zh}` then `Abstract: {summary}`, rendered by hand
	it('"Abstract (中文):" is the translation and "Abstract:" after it the abstract (maoxiang1991 template)', () => {
		const details = ['Motivation: 接触丰富的装配任务难以用传统策略建模。', '', 'Abstract (中文): 接触丰富的装配任务对机器人学习提出了挑战。', '', 'Abstract: Contact-rich assembly is challenging for robot learning.'];
		const d = parseDigest(rendered(['Main category: cs.RO', '', 'TL;DR: 提出一种扩散策略。'], details), 'data/2026-05-20.md');
		const p = d.papers[0];
		assert.strictEqual(p.abstract, 'Contact-rich assembly is challenging for robot learning.');
		assert.strictEqual(p.abstractTranslation, '接触丰富的装配任务对机器人学习提出了挑战。');
		assert.deepStrictEqual(p.extra, []);
	});

	it('a language in parentheses after "Abstract" or "摘要" names a translation; "(English)" the abstract', () => {
		// a paper with only a translated abstract shows it as its abstract, marked a translation
		const translated = (label: string) =>
			parseDigest(['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '*Ann Author*', '', `${label}: Ein Text.`, ''].join('\n'), 'data/2026-10-08.md').papers[0].abstractTranslated === true;
		for (const label of ['Abstract (中文)', 'Abstract (Chinese)', '摘要 (中文)', '**Abstract (中文)**']) assert.strictEqual(translated(label), true, label);
		assert.strictEqual(translated('Abstract (English)'), false);
		assert.strictEqual(translated('Abstract'), false);
	});

	it('"**高价值** | *authors*": the italic segment is the authors, the bold one a note (MarssZ data/test.md)', () => {
		const d = parseFork('MarssZ__2511-daily-arXiv/test.md');
		assert.deepStrictEqual(d.papers[0].authors, ['Hyunseok Kwak', 'Kyeongwon Lee', 'Jae-Jin Lee', 'Woojoo Lee']);
		assert.deepStrictEqual(d.papers[1].authors.slice(0, 2), ['Ozan Kanbertay', 'Richard Vogg']);
		for (const p of d.papers) assert.deepStrictEqual(p.extra[0], { label: '', value: '**高价值**', range: { start: p.headingLine + 1, end: p.headingLine + 1 } });
	});

	it('a bold segment alone in a "|" header line is still the authors: "**A, B** | Main category: cs.CV"', () => {
		const p = parseDigest(['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '**Ann Author, Bo Bauer** | Main category: cs.CV', '', 'TL;DR: A heap.', ''].join('\n'), 'data/2026-10-08.md').papers[0];
		assert.deepStrictEqual(p.authors, ['Ann Author', 'Bo Bauer']);
		assert.strictEqual(p.category, 'cs.CV');
	});

	it('"AB Test: False | Industrial: True | Affiliation: industry" is three fields, as a "|" line in the header is (fukairui 2026-08-28)', () => {
		const d = parseFork('fukairui__daily-arXiv-ai-enhanced/2026-08-28.md');
		assert.deepStrictEqual(
			d.papers.map((p) => p.extra.map((e) => [e.label, e.value])),
			[
				[['Affiliations', 'Alibaba'], ['AB Test', 'False'], ['Industrial', 'True'], ['Affiliation', 'industry']],
				[['Affiliations', 'University of Luxembourg'], ['AB Test', 'False'], ['Industrial', 'False'], ['Affiliation', 'academia']],
			],
		);
		assert.ok(d.papers[0].tldr.startsWith('本文提出PailitaoGR'), d.papers[0].tldr);
		assert.deepStrictEqual(warnings(d), []);
	});

	// zndxyhn's template: `Score: {score} | Tags: {tags}` under the category, rendered by hand
	it('"Score: 4/5 | Tags: …" after the category is two fields; a summary with "A | B: c" in it is its text (zndxyhn template)', () => {
		const d = parseDigest(rendered(['Main category: cs.RO', '', 'Score: 4/5 | Tags: manipulation, diffusion policy', '', 'TL;DR: 对比 A | B: 后者更快。']), 'data/2026-05-20.md');
		const p = d.papers[0];
		assert.deepStrictEqual(p.extra.map((e) => [e.label, e.value]), [['Score', '4/5'], ['Subjects', 'manipulation, diffusion policy']]);
		assert.strictEqual(p.tldr, '对比 A | B: 后者更快。');
		assert.strictEqual(p.category, 'cs.RO');
	});
});

// the review of today's fork templates (diff6): regressions and gaps it found, on papers rendered by hand
const REVIEW_HEAD = '### [1] [Diffusion Policies for Assembly](https://arxiv.org/abs/2605.01234)';
const reviewDigest = (lines: string[]) => parseDigest([REVIEW_HEAD, ...lines, ''].join('\n'), 'data/2026-05-20.md');
const reviewPaper = (lines: string[]) => reviewDigest(lines).papers[0];

describe('parser: a header line split at " | "', () => {
	it('bold authors beside an italic segment stay the authors', () => {
		assert.deepStrictEqual(reviewPaper(['**Alice Zhang, Bob Li** | *cs.RO*', '', 'TL;DR: 扩散策略。']).authors, ['Alice Zhang', 'Bob Li']);
		assert.deepStrictEqual(reviewPaper(['**Alice Zhang, Bob Li** | *Accepted at ICRA 2026*', '', 'TL;DR: 扩散策略。']).authors, ['Alice Zhang', 'Bob Li']);
	});

	it('the segment that reads as names is the authors, the other a note; a rating beside italic names leaves them the authors', () => {
		const p = reviewPaper(['**Alice Zhang** | *cs.RO, cs.LG*', '', 'TL;DR: 扩散策略。']);
		assert.deepStrictEqual([p.authors, p.extra.map((e) => e.value)], [['Alice Zhang'], ['*cs.RO, cs.LG*']]);
		const q = reviewPaper(['*Accepted at CoRL 2026 (Oral)* | **Alice Zhang, Bob Li**', '', 'TL;DR: 扩散策略。']);
		assert.deepStrictEqual(q.authors, ['Alice Zhang', 'Bob Li']);
		assert.deepStrictEqual(reviewPaper(['**中价值** | *Hyunseok Kwak*', '', 'TL;DR: 扩散策略。']).authors, ['Hyunseok Kwak']);
	});
});

describe('parser: the paragraph after Main category', () => {
	it('is not the TL;DR when a labelled TL;DR follows', () => {
		const p = reviewPaper(['*Alice Zhang, Bob Li*', '', 'Main category: cs.RO', '', '⭐⭐⭐⭐ 推荐阅读', '', 'TL;DR: 真正的摘要。', '', 'Abstract: We study assembly.']);
		assert.strictEqual(p.tldr, '真正的摘要。');
		assert.deepStrictEqual(p.extra.filter((e) => e.label === 'TL;DR'), []);
		assert.deepStrictEqual(p.extra.map((e) => [e.label, e.value]), [['', '⭐⭐⭐⭐ 推荐阅读']]);
	});
	it('a links-only paragraph there is not an extra field called "TL;DR"', () => {
		const p = reviewPaper(['*Alice Zhang, Bob Li*', '', 'Main category: cs.RO', '', '[PDF](https://arxiv.org/pdf/2605.01234) [Code](https://github.com/a/b)', '', 'TL;DR: 真正的摘要。']);
		assert.deepStrictEqual(p.extra.map((e) => e.label), ['']);
		assert.strictEqual(p.tldr, '真正的摘要。');
	});
	it('a links-only paragraph is no TL;DR either where the paper has none', () => {
		const d = reviewDigest(['*Alice Zhang, Bob Li*', '', 'Main category: cs.RO', '', '[PDF](https://arxiv.org/pdf/2605.01234)', '', 'Abstract: We study assembly.']);
		assert.deepStrictEqual([d.papers[0].tldr, d.papers[0].extra.map((e) => [e.label, e.value])], ['', [['', '[PDF](https://arxiv.org/pdf/2605.01234)']]]);
	});
	it('is the TL;DR when none follows, even with a labelled summary field after it', () => {
		const d = reviewDigest(['*Alice Zhang, Bob Li*', '', 'Main category: cs.RO', '', '提出一种扩散策略，', '成功率提升20%。', '', 'Motivation: 装配很难。']);
		const p = d.papers[0];
		assert.deepStrictEqual([p.tldr, p.motivation, p.extra], ['提出一种扩散策略，成功率提升20%。', '装配很难。', []]);
		assert.deepStrictEqual(p.fieldRanges.tldr, { start: 5, end: 6 });
		assert.deepStrictEqual(d.diagnostics, []);
	});
	it('kept as a note when a labelled TL;DR follows, it is reported as text the parser could not place', () => {
		const d = reviewDigest(['*Alice Zhang, Bob Li*', '', 'Main category: cs.RO', '', '⭐⭐⭐⭐ 推荐阅读', '', 'TL;DR: 真正的摘要。']);
		assert.deepStrictEqual(d.diagnostics.map((x) => [x.code, x.range.start]), [['unplaced-text', 5]]);
	});
});

describe('parser: "… unavailable" as a placeholder', () => {
	it('is text in a field that is no LLM summary: Code: Unavailable, Limitations: Source code unavailable', () => {
		const p = reviewPaper(['*Alice Zhang, Bob Li*', '', '**Code**: Unavailable', '**Limitations**: Source code unavailable', '', 'Abstract: We study assembly.']);
		assert.deepStrictEqual(p.extra.map((e) => [e.label, e.value]), [['Code', 'Unavailable'], ['Limitations', 'Source code unavailable']]);
	});
	it('is text in a summary field when it names something else than the summary: TL;DR: Code unavailable', () => {
		const d = reviewDigest(['*Alice Zhang, Bob Li*', '', 'TL;DR: Code unavailable', '', 'Result: Dataset unavailable.']);
		assert.deepStrictEqual([d.papers[0].tldr, d.papers[0].result], ['Code unavailable', 'Dataset unavailable.']);
		assert.deepStrictEqual(d.diagnostics.filter((x) => x.code === 'placeholder'), []);
	});
	it('is a placeholder in a summary field when it names the summary or its analysis', () => {
		const d = reviewDigest(['*Alice Zhang, Bob Li*', '', 'TL;DR: Summary unavailable', '', 'Motivation: Motivation analysis unavailable', '', 'Method: AI analysis unavailable.', '', 'Conclusion: unavailable']);
		const p = d.papers[0];
		assert.deepStrictEqual([p.tldr, p.motivation, p.method, p.conclusion], ['', '', '', '']);
		assert.strictEqual(d.diagnostics.filter((x) => x.code === 'placeholder').length, 4);
	});
});

describe('parser: a labelled translated title', () => {
	it('does not take the author line right below it', () => {
		const p = reviewPaper(['**中文标题**：用于装配的扩散策略', '*Alice Zhang, Bob Li*', '', 'TL;DR: 扩散策略。']);
		assert.strictEqual(p.translatedTitle, '用于装配的扩散策略');
		assert.deepStrictEqual(p.authors, ['Alice Zhang', 'Bob Li']);
		assert.deepStrictEqual([p.fieldRanges.translatedTitle, p.fieldRanges.authors, p.extra], [{ start: 1, end: 1 }, { start: 2, end: 2 }, []]);
	});
	it('keeps an italic line below it that reads as no names, and one below the authors, as its text', () => {
		const t = reviewPaper(['**中文标题**：用于装配的', '*扩散策略*', '', 'TL;DR: 扩散策略。']);
		assert.deepStrictEqual([t.authors, t.fieldRanges.translatedTitle], [[], { start: 1, end: 2 }]);
		const p = reviewPaper(['*Alice Zhang, Bob Li*', '', '中文标题: 用于装配的', '*Carol Wu, Dan Ng*', '', 'TL;DR: 扩散策略。']);
		assert.deepStrictEqual([p.authors, p.fieldRanges.translatedTitle], [['Alice Zhang', 'Bob Li'], { start: 3, end: 4 }]);
	});
	it('under the authors, the unlabelled quote after it is the TL;DR (as without the title)', () => {
		const d = reviewDigest(['*Alice Zhang, Bob Li*', '', '**中文标题**：用于装配的扩散策略', '', '> 本文提出了一种扩散策略。', '', 'Abstract: We study.']);
		const p = d.papers[0];
		assert.strictEqual(p.tldr, '本文提出了一种扩散策略。');
		const without = reviewPaper(['*Alice Zhang, Bob Li*', '', '> 本文提出了一种扩散策略。', '', 'Abstract: We study.']);
		assert.deepStrictEqual([p.tldr, p.fieldRanges.tldr, p.extra], [without.tldr, { start: 5, end: 5 }, []]);
		assert.deepStrictEqual(d.diagnostics, []);
	});
	it('a quote after it where the paper has a TL;DR is a note, as under the authors', () => {
		const p = reviewPaper(['*Alice Zhang, Bob Li*', '', 'TL;DR: 扩散策略。', '', '**中文标题**：用于装配的扩散策略', '', '> 另一段引文。']);
		assert.deepStrictEqual([p.tldr, p.extra.map((e) => e.value)], ['扩散策略。', ['> 另一段引文。']]);
	});
});

describe('parser: a translated abstract labelled with full-width parentheses', () => {
	it('摘要（中文）： is the abstract translation, not part of the English abstract', () => {
		const p = reviewPaper(['*Alice Zhang, Bob Li*', '', 'Abstract: We study assembly.', '', '摘要（中文）：我们研究装配。']);
		assert.strictEqual(p.abstract, 'We study assembly.');
		assert.strictEqual(p.abstractTranslation, '我们研究装配。');
	});
	it('Abstract（中文）： above Abstract: is read as Abstract (中文): is', () => {
		const read = (label: string) => {
			const p = reviewPaper(['*Alice Zhang, Bob Li*', '', `${label}我们研究装配。`, '', 'Abstract: We study assembly.']);
			return [p.abstract, p.abstractTranslation, p.extra];
		};
		assert.deepStrictEqual(read('Abstract（中文）：'), read('Abstract (中文): '));
		assert.deepStrictEqual(read('**摘要（中文）**：'), ['We study assembly.', '我们研究装配。', []]);
	});
	it('a clause with a term in full-width parentheses before a colon stays text (Straw674 2026-05-18)', () => {
		const line = '一个重要的物理效应是重子-暗物质相对速度（streaming velocity）：它使小晕中的气体难以冷却。';
		const d = reviewDigest(['*Alice Zhang, Bob Li*', '', '#### Background', '', '宇宙学 21 厘米信号。', '', line]);
		assert.deepStrictEqual(d.papers[0].extra.map((e) => [e.label, e.value]), [['Background', `宇宙学 21 厘米信号。\n\n${line}`]]);
		assert.deepStrictEqual(d.diagnostics.filter((x) => x.code === 'unknown-label'), []);
	});
});

describe('parser: an unlabelled quote above a labelled TL;DR (the last diff review)', () => {
	it('a rating or a link bar in a quote, after a translated title or right under the authors, is a note when a labelled TL;DR follows', () => {
		const a = reviewPaper(['*Alice Zhang, Bob Li*', '', '**中文标题**：用于装配的扩散策略', '', '> ⭐⭐⭐⭐ 推荐阅读', '', 'TL;DR: 真正的摘要。']);
		assert.deepStrictEqual([a.tldr, a.extra.map((e) => [e.label, e.value])], ['真正的摘要。', [['', '⭐⭐⭐⭐ 推荐阅读']]]);
		const b = reviewPaper(['*Alice Zhang, Bob Li*', '', '**中文标题**：用于装配的扩散策略', '', '> 📄 [PDF](https://arxiv.org/pdf/2605.01234) | 💻 [Code](https://github.com/a/b)', '', '**TL;DR**: 真正的摘要。']);
		assert.strictEqual(b.tldr, '真正的摘要。');
		const d = reviewPaper(['*Alice Zhang, Bob Li*', '', '> ⭐⭐⭐⭐ 推荐阅读', '', 'TL;DR: 真正的摘要。']);
		assert.deepStrictEqual([d.tldr, d.extra.map((e) => e.value)], ['真正的摘要。', ['⭐⭐⭐⭐ 推荐阅读']]);
	});

	it('with no labelled TL;DR the quote is the TL;DR, as before, a quote of two lines whole', () => {
		assert.strictEqual(reviewPaper(['*Alice Zhang, Bob Li*', '', '> 本文提出了一种扩散策略。', '', 'Abstract: We study.']).tldr, '本文提出了一种扩散策略。');
		const two = reviewPaper(['*Alice Zhang, Bob Li*', '', '> 本文提出了一种扩散策略，', '> 用于装配。', '', 'Abstract: We study.']);
		assert.ok(two.tldr.startsWith('本文提出了一种扩散策略，') && two.tldr.endsWith('用于装配。') && !two.tldr.includes('>'), two.tldr);
		assert.strictEqual(reviewPaper(['*Alice Zhang, Bob Li*', '', '**中文标题**：用于装配的扩散策略', '', '> 本文提出了一种扩散策略。', '', 'Abstract: We study.']).tldr, '本文提出了一种扩散策略。');
	});
});

describe('parser: which header text reads as the authors (the last diff review)', () => {
	it('an English title in italics under a translated title is not the authors; a list of names is', () => {
		assert.deepStrictEqual(reviewPaper(['**中文标题**：用于装配的扩散策略', '*Towards Robust Embodied Agents*', '', 'TL;DR: 扩散策略。']).authors, []);
		assert.deepStrictEqual(reviewPaper(['**中文标题**：观察、倾听与行动：', '*Look, Listen, and Act*', '', 'TL;DR: 扩散策略。']).authors, []);
		assert.deepStrictEqual(reviewPaper(['**中文标题**：用于装配的扩散策略', '*Alice Zhang, Bob Li*', '', 'TL;DR: 扩散策略。']).authors, ['Alice Zhang', 'Bob Li']);
	});

	it('in a " | " line the names beat a list of venues or one venue in italics', () => {
		assert.deepStrictEqual(reviewPaper(['**Alice Zhang** | *ICRA, RA-L*', '', 'TL;DR: 扩散策略。']).authors, ['Alice Zhang']);
		assert.deepStrictEqual(reviewPaper(['**山田太郎** | *CVPR*', '', 'TL;DR: 扩散策略。']).authors, ['山田太郎']);
		assert.deepStrictEqual(reviewPaper(['**高价值** | *张三, 李四*', '', 'TL;DR: 扩散策略。']).authors, ['张三', '李四']);
	});
});

describe('parser: a field name with a note in full-width parentheses (the last diff review)', () => {
	it('is prose of the field above it, while 摘要（中文）and 核心要点（TL;DR）are labels', () => {
		const p = reviewPaper(['*Alice Zhang, Bob Li*', '', '**动机**：现有方法慢。', '', '**结果**：提升明显。', '', '方法（见图2）：先编码再解码。']);
		assert.deepStrictEqual([p.method, p.result], ['', '提升明显。\n\n方法（见图2）：先编码再解码。']);
		const q = reviewPaper(['*Alice Zhang, Bob Li*', '', '核心要点（TL;DR）：扩散策略。', '', 'Abstract: We study assembly.', '', '摘要（中文）：我们研究装配。']);
		assert.deepStrictEqual([q.tldr, q.abstract, q.abstractTranslation], ['扩散策略。', 'We study assembly.', '我们研究装配。']);
	});
});
