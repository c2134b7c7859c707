/**
 * The daily path through search, found by a review of it: what a researcher types or pastes finds what
 * the interests, the card and the Papers view say it should.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { fakeVscode, fillL10n, withFakeVscode, type L10nMessage } from './fake-vscode';
import { FakeClock } from './fake-clock';
import { fakeWorkspace, fixtureFile } from './fake-workspace';
import { parseDigest } from '../../src/core/parser';
import { PaperIndex } from '../../src/core/search/index';
import { MAX_MATCHED, normalizeId, parseQuery, wordsOnlyFuzzy } from '../../src/core/search/query';
import { arxivIdOfLink, findArxivRefs } from '../../src/core/library/arxivRefs';

function digest(papers: { id: string; title: string; abstract: string; authors?: string }[]): string {
	const entries = papers.map(
		(p, i) =>
			`### [${i + 1}] [${p.title}](https://arxiv.org/abs/${p.id})\n*${p.authors ?? 'Ann Author,Bo Writer'}*\n\nMain category: cs.RO\n\nTL;DR: 一个方法。\n\n\n<details>\n  <summary>Details</summary>\nMotivation: m\n\nMethod: m\n\nResult: r\n\nConclusion: c\n\nAbstract: ${p.abstract}\n\n</details>\n\n`,
	);
	return `<div id=toc></div>\n\n# Table of Contents\n\n- [cs.RO](#cs.RO) [Total: ${papers.length}]\n\n\n<div id='cs.RO'></div>\n\n# cs.RO [[Back]](#toc)\n\n${entries.join('\n')}`;
}

function indexOf(papers: { id: string; title: string; abstract: string; authors?: string }[]): PaperIndex {
	const index = new PaperIndex();
	index.addFile('/ws/2026-06-01.md', parseDigest(digest(papers), '/ws/2026-06-01.md'));
	return index;
}

function search(index: PaperIndex, q: string): string[] {
	const parsed = parseQuery(q);
	if (!parsed.ok) assert.fail(JSON.stringify(parsed.error));
	return index.search(parsed.query, 50).hits.map((h) => h.id).sort();
}

describe('search on the daily path', () => {
	it('a hyphenated word is one word: completed while typed, a slip forgiven, a name\'s versions found', () => {
		const index = indexOf([
			{ id: '2606.00001', title: 'Learning a World Model for Robot Manipulation', abstract: 'We learn world models from video.' },
			{ id: '2606.00002', title: 'A World-Model Approach to Driving', abstract: 'A world-model for cars.' },
			{ id: '2606.00004', title: 'Self-Supervised Learning of Vision-Language Features', abstract: 'We compare GPT-4o, GPT-4.1 and Llama-3.1-8B with a self-supervised vision-language encoder.' },
		]);
		for (const typed of ['self-sup', 'self-supervi', 'vision-lang', 'self-supervsied', 'vison-language']) assert.deepStrictEqual(search(index, typed), ['2606.00004'], typed);
		assert.deepStrictEqual(search(index, 'GPT-4'), ['2606.00004']);
		assert.deepStrictEqual(search(index, 'Llama-3'), ['2606.00004']);
		// written with the hyphen (the phrase finds it written apart too)
		assert.deepStrictEqual(search(index, 'world-model'), ['2606.00002']);
		assert.deepStrictEqual(search(index, '"world model"'), ['2606.00001', '2606.00002']);
	});

	it('Search Selection of a passage cut inside a hyphenated word finds the paper the passage is from', () => {
		const abstract = 'Current synthetic data pipelines for computer vision generate images without diagnosing what the downstream model actually needs, and so in this paper we study this with a new self-supervised vision-language objective for robots.';
		const index = indexOf([{ id: '2606.00009', title: 'Diagnosing Vision Models', abstract }]);
		const query = abstract.slice(0, 200);
		assert.ok(query.endsWith(' self-supervised vision-l'), query.slice(-30));
		assert.deepStrictEqual(search(index, query), ['2606.00009']);
	});

	it('a query of more words than a hit names does not say "no paper has" its own words (a pasted passage, Search Selection)', () => {
		const abstract = 'Current synthetic data pipelines for computer vision generate images without diagnosing what the downstream model actually needs. This open-loop paradigm treats synthetic data as cheap real data, randomly sampling the generator output space.';
		const index = indexOf([{ id: '2606.00001', title: 'Synthetic Designed Experiments for Diagnosing Vision Model Failure', abstract }]);
		// what Search Selection puts in the box: the selection's first 200 characters
		const parsed = parseQuery(abstract.slice(0, 200));
		if (!parsed.ok) assert.fail('parsed');
		const result = index.search(parsed.query, 100);
		assert.deepStrictEqual(result.hits.map((h) => h.id), ['2606.00001']);
		assert.ok(result.hits[0].matched.length >= MAX_MATCHED, 'the hit names as many words as it may');
		assert.deepStrictEqual(wordsOnlyFuzzy(parsed.query, result.hits, result.respelled ?? []), []);
		// a short query's missing word is still said
		const typo = parseQuery('synthetic diagnosink');
		if (!typo.ok) assert.fail('parsed');
		assert.deepStrictEqual(wordsOnlyFuzzy(typo.query, [{ matched: ['synthetic', 'diagnosing'] }]), ['diagnosink']);
	});

	it('an author with an initial or an apostrophe is found by the quoted name the card\'s author search writes', () => {
		const index = indexOf([
			{ id: '2606.00001', title: 'Graph Agents', abstract: 'Graphs.', authors: "Ann Author,Philip S. Yu,Thomas L. Griffiths,Kyle O'Brien" },
			{ id: '2606.00002', title: 'Other Graphs', abstract: 'Graphs.', authors: 'Philip Yu,Sam Brien' },
		]);
		assert.deepStrictEqual(search(index, 'author:"Philip S. Yu"'), ['2606.00001'], 'the initial is checked in the name');
		assert.deepStrictEqual(search(index, 'author:"Thomas L. Griffiths"'), ['2606.00001']);
		assert.deepStrictEqual(search(index, 'author:"Philip Yu"'), ['2606.00001', '2606.00002']);
		assert.deepStrictEqual(search(index, `author:"Kyle O'Brien"`), ['2606.00001']);
		assert.deepStrictEqual(search(index, "author:O'Brien"), ['2606.00001'], 'not Sam Brien');
		assert.deepStrictEqual(search(index, 'author:"S. Q."'), [], 'a name of initials alone finds nothing');
	});

	it('pasted ids find their papers however they are written: two bare ids, a cited id in brackets, a bare DOI, a site\'s link', () => {
		const index = indexOf([
			{ id: '2606.00001', title: 'First Paper', abstract: 'One.' },
			{ id: '2606.00002', title: 'Second Paper', abstract: 'Two cites 2606.00001 in its text.' },
		]);
		assert.deepStrictEqual(search(index, '2606.00001'), ['2606.00001'], 'the paper, not the one citing it');
		assert.deepStrictEqual(search(index, '2606.00001 2606.00002v3'), ['2606.00001', '2606.00002']);
		assert.deepStrictEqual(search(index, '(arXiv:2606.00001)'), ['2606.00001']);
		assert.deepStrictEqual(search(index, '[2606.00002].'), ['2606.00002']);
		assert.deepStrictEqual(search(index, '10.48550/arXiv.2606.00001'), ['2606.00001']);
		assert.deepStrictEqual(search(index, 'https://huggingface.co/papers/2606.00002'), ['2606.00002']);
		assert.deepStrictEqual(search(index, 'https://www.alphaxiv.org/abs/2606.00001v2'), ['2606.00001']);
		assert.deepStrictEqual(search(index, '-2606.00001 paper'), ['2606.00002']);
		assert.strictEqual(normalizeId('https://huggingface.co/papers/2606.00002'), '2606.00002');
		// as the browser's address bar gives them
		for (const link of ['https://huggingface.co/papers/2606.00002#community', 'https://huggingface.co/papers/2606.00002/', 'https://www.alphaxiv.org/abs/2606.00002?tab=comments', 'https://arxiv.org/abs/2606.00002?context=cs']) {
			assert.deepStrictEqual(search(index, link), ['2606.00002'], link);
			assert.strictEqual(normalizeId(link), '2606.00002', link);
		}
		// a number no arXiv id can be (month 13) stays a word
		assert.deepStrictEqual(parseQuery('2613.00001').ok && (parseQuery('2613.00001') as { query: { ids: string[] } }).query.ids, []);
	});

	it('the links of the sites that name a paper by its arXiv id are that paper, for the hover too', () => {
		const refs = (text: string) => findArxivRefs(text).map((r) => `${r.id}${r.explicit ? '' : '?'}`);
		assert.deepStrictEqual(refs('see https://huggingface.co/papers/2606.00001 and alphaxiv.org/overview/2606.00002v2'), ['2606.00001', '2606.00002']);
		assert.deepStrictEqual(refs('https://ar5iv.labs.arxiv.org/html/2606.00003 https://www.semanticscholar.org/arxiv/2606.00004'), ['2606.00003', '2606.00004']);
		assert.deepStrictEqual(refs('https://example.org/papers/2606.00001'), [], 'another site\'s path is no paper');
		assert.strictEqual(arxivIdOfLink('(arXiv:2606.00001v2).'), '2606.00001');
		assert.strictEqual(arxivIdOfLink('2606.00001'), undefined, 'a bare number is not a link');
		assert.strictEqual(arxivIdOfLink('arXiv:2606.00001 and more'), undefined);
		// arXiv's own BibTeX of a paper, an old-style id too
		assert.deepStrictEqual(refs('@article{x,\n  eprint = {hep-th/9901001},\n  eprint={2606.00005v2}, eprint = "arXiv:math/0601001"}'), ['hep-th/9901001', '2606.00005', 'math/0601001']);
		// its link and hover are the id, not the field's name
		const line = '  eprint = {hep-th/9901001},';
		const [ref] = findArxivRefs(line);
		assert.strictEqual(line.slice(ref.start, ref.end), 'hep-th/9901001');
	});

	it('a date range that ends before it starts says so, not "check the spelling"', () => {
		const problem = (q: string) => {
			const parsed = parseQuery(q);
			return parsed.ok ? undefined : parsed.problem;
		};
		assert.deepStrictEqual(problem('after:2026-06-01 before:2026-05-01 robot'), { kind: 'empty-range', after: '2026-06-01', before: '2026-05-01' });
		assert.deepStrictEqual(problem('after:2026-06 before:2026-05-31'), { kind: 'empty-range', after: '2026-06', before: '2026-05-31' });
		assert.strictEqual(problem('after:2026-05 before:2026-05-15'), undefined, 'May 1 to 15');
		assert.strictEqual(problem('after:2026-05-15 before:2026-05'), undefined, 'May 15 to 31');
		assert.strictEqual(problem('after:2026-05-15 before:2026-05-15'), undefined, 'one day');
	});
});

describe('the Papers view filtered by a search', () => {
	let provider: typeof import('../../src/features/tree/provider');
	withFakeVscode(() => (provider = require('../../src/features/tree/provider')));

	it('Filter Papers… `day:D` shows day D alone, not every other day that lists its papers', () => {
		const workspace = fakeWorkspace('idle');
		workspace.put(fixtureFile('2026-06-12', ['2606.00001']));
		workspace.put(fixtureFile('2026-06-13', ['2606.00001', '2606.00002']));
		const tree = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock());
		try {
			const days = () => tree.getChildren().map((d) => `${d.kind === 'day' ? d.day : ''}: ${d.kind === 'day' ? d.count : ''}`);
			// what the search answers for `day:2026-06-13`: both papers (each is listed that day)
			tree.setFilter('day:2026-06-13', new Set(['2606.00001', '2606.00002']));
			assert.deepStrictEqual(days(), ['2026-06-13: 2']);
			tree.setFilter('after:2026-06-13 robot', new Set(['2606.00001']));
			assert.deepStrictEqual(days(), ['2026-06-13: 1']);
			tree.setFilter('-day:2026-06-13', new Set(['2606.00001']));
			assert.deepStrictEqual(days(), ['2026-06-12: 1']);
			tree.setFilter('robot', new Set(['2606.00001']));
			assert.deepStrictEqual(days(), ['2026-06-13: 1', '2026-06-12: 1'], 'no day named: every day that lists it');
		} finally {
			tree.dispose();
		}
	});

	it('a category of papers under no section says "(no category)" in the display language in its tooltip as in its label', () => {
		const zhBundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
		const english = fakeVscode.l10n;
		fakeVscode.l10n = { t: (text: L10nMessage, ...args: unknown[]) => fillL10n(text, args, zhBundle) };
		try {
			const workspace = fakeWorkspace('idle');
			const file = fixtureFile('2026-01-02', ['2601.00001']);
			(file.digest.papers[0] as { section: string }).section = '';
			workspace.put(file);
			const tree = new provider.DigestTreeProvider(workspace.ws as never, undefined, new FakeClock());
			const [day] = tree.getChildren();
			const [category] = tree.getChildren(day);
			const item = tree.getTreeItem(category);
			assert.strictEqual(String(item.label), '（无分类）');
			assert.ok(String(item.tooltip).startsWith('（无分类） · '), `tooltip: ${String(item.tooltip)}`);
			tree.dispose();
		} finally {
			fakeVscode.l10n = english;
		}
	});
	it('a quoted phrase with a version or a number (`"Qwen2.5"`, `"GPT-4.1 mini"`) finds the papers that write it', () => {
		const index = indexOf([
			{ id: '2606.00011', title: 'Fine-Tuning Qwen2.5 for Tables', abstract: 'We tune Qwen2.5-7B and compare with GPT-4.1 mini on 2.5 million rows.' },
			{ id: '2606.00012', title: 'Qwen2 on Charts', abstract: 'Qwen2 reads charts; a 5 point gain.' },
			{ id: '2606.00013', title: 'A Self Supervised Recipe', abstract: 'Self supervised, written apart.' },
			{ id: '2606.00014', title: 'A Self-Supervised Recipe', abstract: 'Self-supervised, hyphenated.' },
		]);
		assert.deepStrictEqual(search(index, '"Qwen2.5"'), ['2606.00011']);
		assert.deepStrictEqual(search(index, '"GPT-4.1 mini"'), ['2606.00011']);
		assert.deepStrictEqual(search(index, '"2.5 million"'), ['2606.00011']);
		// a hyphen in a phrase is a space, as the phrase check reads it: both spellings
		assert.deepStrictEqual(search(index, '"self-supervised recipe"'), ['2606.00013', '2606.00014']);
		assert.deepStrictEqual(search(index, '"self supervised recipe"'), ['2606.00013', '2606.00014']);
		assert.deepStrictEqual(search(index, 'tables -"Qwen2.5"'), []);
	});
	it('an excluded token of Chinese against English (`-扩散-model`) excludes the papers writing them together, not every paper with one of them; `-a/b` excludes each', () => {
		const index = indexOf([
			{ id: '2606.00021', title: 'A 扩散-model for Layouts', abstract: 'We train a 扩散-model on layouts.' },
			{ id: '2606.00022', title: 'A Layout Model', abstract: 'A model of layouts, no diffusion.' },
			{ id: '2606.00023', title: 'Layouts by 扩散', abstract: '扩散 of layouts, and a model.' },
		]);
		assert.deepStrictEqual(search(index, 'layouts -扩散-model'), ['2606.00022', '2606.00023']);
		assert.ok(search(index, 'layouts -扩散model').includes('2606.00022'), 'a paper with `model` but not `扩散model` stays');
		// one word stays one word: every paper with it goes; words apart by a slash each go (`-LLM/VLM` is `-LLM -VLM`)
		assert.deepStrictEqual(search(index, 'layouts -model'), []);
		assert.deepStrictEqual(search(index, 'layouts -model/diffusion'), []);
		assert.deepStrictEqual(search(index, 'layouts -扩散'), ['2606.00022']);
	});
});
