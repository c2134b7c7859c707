import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { highlightPattern, markMatches, numberForms } from '../../src/core/card/markdown';
import { CARD_STRINGS_EN, renderCardHtml, type CardInput, type CardStrings } from '../../src/core/card/render';
import { highlightFor, interestHighlightPattern, normalizeInterests } from '../../src/core/interests';
import { cardRefFromArgument } from '../../src/features/cards/args';
import { makePaper } from './card-fixtures';

function marks(html: string): string[] {
	return [...html.matchAll(/<mark class="hit">(.*?)<\/mark>/g)].map((m) => m[1]);
}

describe('card search highlighting', () => {
	it('marks whole words case-insensitively, longest first, and CJK runs anywhere', () => {
		const pattern = highlightPattern(['world', 'World Model', '扩散模型']);
		assert.deepStrictEqual(marks(markMatches('A World Model of the world, not worldwide; 基于扩散模型的方法', pattern)), ['World Model', 'world', '扩散模型']);
	});

	it('marks the other number of a matched word too, as search takes plural for singular', () => {
		const pattern = highlightPattern(['Diffusion Policies', 'model']);
		assert.deepStrictEqual(
			marks(markMatches('Diffusion Policies beat a Parameterized Diffusion Policy; models and a model, not modeling or policymakers', pattern)),
			['Diffusion Policies', 'Diffusion Policy', 'models', 'model'],
		);
		assert.deepStrictEqual(numberForms('loss'), ['loss', 'losses']);
		assert.deepStrictEqual(numberForms('boxes'), ['boxes', 'box', 'boxe']);
		assert.deepStrictEqual(numberForms('LLM'), ['LLM', 'LLMs']);
		assert.deepStrictEqual(numberForms('key'), ['key', 'keys']);
		assert.deepStrictEqual(numberForms('GS'), ['GS'], 'too short to guess at');
	});

	it('marks a matched English word written between Chinese characters (search matched it there)', () => {
		assert.deepStrictEqual(marks(markMatches('提出基于约束解码的LLM段落分割方法，不是MLLM', highlightPattern(['LLM']))), ['LLM']);
	});

	it('escapes the text around and inside marks, and treats query words as text, not patterns', () => {
		const pattern = highlightPattern(['a+b', '<x>']);
		const html = markMatches('if a+b then <x> & "q"', pattern);
		assert.strictEqual(html, 'if <mark class="hit">a+b</mark> then <mark class="hit">&lt;x&gt;</mark> &amp; &quot;q&quot;');
		assert.strictEqual(markMatches('plain <b>', undefined), 'plain &lt;b&gt;');
		assert.strictEqual(highlightPattern([]), undefined);
		assert.strictEqual(highlightPattern(['  ']), undefined);
	});

	it('marks the title, TL;DR and abstract of a card, never math, code or link targets', () => {
		const paper = makePaper({
			title: 'Diffusion Models for Video',
			tldr: 'A diffusion model that uses `diffusion` code and $diffusion$ math.',
			abstract: 'We study diffusion; see [diffusion](https://example.org/diffusion).',
		});
		const html = renderCardHtml({ paper, fileLabel: '2026-02-06', index: 0, total: 1, highlight: ['Diffusion', 'diffusion'] });
		assert.ok(html.includes('<h1 class="title"><mark class="hit">Diffusion</mark> Models for Video</h1>'), html.slice(0, 400));
		assert.ok(html.includes('<code>diffusion</code>'), 'code spans are not marked');
		assert.ok(html.includes('href="https://example.org/diffusion"'), 'link targets are not touched');
		assert.ok(html.includes('><mark class="hit">diffusion</mark></a>'), 'link text is marked');
		assert.ok(html.includes('<annotation encoding="application/x-tex">diffusion</annotation>'), 'math is rendered by KaTeX, not marked');
		assert.strictEqual(marks(html).length, 5, 'title, TL;DR text, abstract text, link text and the Keywords field');
		const plain = renderCardHtml({ paper, fileLabel: '2026-02-06', index: 0, total: 1 });
		assert.ok(!plain.includes('<mark'), 'no marks without a search');
	});

	it('takes the words from a command argument, bounded, and ignores anything else', () => {
		assert.deepStrictEqual(cardRefFromArgument({ id: '2602.1', highlight: ['world', 3, '', 'model'] })?.highlight, ['world', 'model']);
		assert.strictEqual(cardRefFromArgument({ id: '2602.1', highlight: 'world' })?.highlight, undefined);
		assert.strictEqual(cardRefFromArgument({ id: '2602.1', highlight: Array(80).fill('w') })?.highlight?.length, 50);
	});
});

describe('card interest highlighting', () => {
	it('marks interest keywords apart from search hits, a search hit winning where both match', () => {
		const html = markMatches('A diffusion model for world models and a policy', highlightPattern(['model']), [/diffusion|world models?|policy/giu]);
		assert.strictEqual(
			html,
			'A <mark class="interest">diffusion</mark> <mark class="hit">model</mark> for world <mark class="hit">models</mark> and a <mark class="interest">policy</mark>',
		);
	});

	it('renders a card with interest marks in text, not in math', () => {
		const paper = makePaper({ title: 'Zebra Policies', tldr: 'We use $zebra$ and zebras.' });
		const html = renderCardHtml({ paper, fileLabel: '2026-02-06', index: 0, total: 1, interests: [/zebras?/giu] });
		assert.strictEqual([...html.matchAll(/<mark class="interest">(.*?)<\/mark>/g)].length, 2, html);
	});

	it('marks a case-sensitive interest regex with its case only', () => {
		const highlight = interestHighlightPattern(normalizeInterests({ keywords: ['/\\bGAN\\b/u', 'zebra'] }));
		assert.ok(highlight);
		const paper = makePaper({ title: 'GAN Zebra', tldr: 'A gan and a GAN.' });
		const html = renderCardHtml({ paper, fileLabel: '2026-02-06', index: 0, total: 1, interests: highlightFor(highlight) });
		assert.deepStrictEqual([...html.matchAll(/<mark class="interest">(.*?)<\/mark>/g)].map((m) => m[1]), ['GAN', 'Zebra', 'GAN']);
	});
});

describe('card interests line: why the paper is a match', () => {
	const paper = makePaper({ authors: ['Ann Lee', 'Zhiguo Ding'], category: 'cs.GR' });
	const card = (interestMatch: CardInput['interestMatch'], strings = CARD_STRINGS_EN) => renderCardHtml({ paper, fileLabel: '2026-02-06', index: 0, total: 1, interestMatch }, { strings });
	const lines = (html: string) => [...html.matchAll(/<p class="interest-match [^"]*">.*?<\/p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));
	const full = { words: ['tracking', 'Zhiguo Ding', 'cs.GR'], excluded: false, authors: ['Zhiguo Ding'], category: 'cs.GR' };

	it('names each matched word by its kind, under the meta block and before the links', () => {
		const html = card(full);
		assert.deepStrictEqual(lines(html), ['✦ Matches your interests: keyword tracking, author Zhiguo Ding, category cs.GR']);
		assert.match(html, /<p class="interest-match interest-matched"><span aria-hidden="true">✦<\/span> Matches your interests: <span class="interest-kind">keyword<\/span> <mark class="interest">tracking<\/mark>, /);
		assert.ok(html.indexOf('</dl>') < html.indexOf('interest-matched') && html.indexOf('interest-matched') < html.indexOf('class="links"'), 'between the meta block and the links');
	});

	it('marks the followed author in the author list, and no one else', () => {
		const html = card(full);
		assert.match(html, /data-author="Zhiguo Ding"[^>]*><mark class="interest">Zhiguo Ding<\/mark><\/button>/);
		assert.match(html, /data-author="Ann Lee"[^>]*>Ann Lee<\/button>/);
		const plain = renderCardHtml({ paper, fileLabel: 'd', index: 0, total: 1, interestMatch: full }, { canSearchAuthors: false });
		assert.match(plain, /<span class="author-name"><mark class="interest">Zhiguo Ding<\/mark><\/span>/);
	});

	it('says which excluded keyword dims the paper, and what it would match otherwise', () => {
		assert.deepStrictEqual(lines(card({ words: [], excluded: true, excludedBy: 'survey' })), ['⊘ Excluded by your interests: keyword survey']);
		assert.deepStrictEqual(lines(card({ words: ['tracking'], excluded: true, excludedBy: 'survey' })), ['⊘ Excluded by your interests: keyword survey', '✦ It would match otherwise: keyword tracking']);
	});

	it('shows nothing when the interests say nothing of the paper', () => {
		assert.deepStrictEqual(lines(card(undefined)), []);
		assert.ok(!card(undefined).includes('interest'), 'no line, no mark');
	});

	it('escapes the words (a regex keyword\'s text comes from the paper)', () => {
		const html = card({ words: ['<img src=x onerror=alert(1)>'], excluded: false });
		assert.ok(!html.includes('<img'), html);
		assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
	});

	it('in Chinese, from the Chinese bundle', () => {
		const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
		const translated = (english: string) => {
			assert.ok(bundle[english], `${english} is translated`);
			return bundle[english];
		};
		const sentence = (english: string) => (list: string) => translated(english).replace('{0}', list);
		const zh: CardStrings = {
			...CARD_STRINGS_EN,
			interestsMatch: sentence('Matches your interests: {0}'),
			interestsExcluded: sentence('Excluded by your interests: {0}'),
			interestsOtherwise: sentence('It would match otherwise: {0}'),
			interestKeyword: translated(CARD_STRINGS_EN.interestKeyword),
			interestAuthor: translated(CARD_STRINGS_EN.interestAuthor),
			interestCategory: translated(CARD_STRINGS_EN.interestCategory),
			interestSeparator: translated(CARD_STRINGS_EN.interestSeparator),
		};
		assert.deepStrictEqual(lines(card(full, zh)), ['✦ 匹配你的兴趣：关键词 tracking、作者 Zhiguo Ding、分类 cs.GR']);
		assert.deepStrictEqual(lines(card({ words: ['tracking'], excluded: true, excludedBy: 'survey' }, zh)), ['⊘ 已被你的兴趣设置排除：关键词 survey', '✦ 否则会匹配：关键词 tracking']);
	});
});
