import * as assert from 'node:assert';
import { highlightPattern, markMatches, numberForms } from '../../src/core/card/markdown';
import { renderCardHtml } from '../../src/core/card/render';
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
		const html = markMatches('A diffusion model for world models and a policy', highlightPattern(['model']), /diffusion|world models?|policy/giu);
		assert.strictEqual(
			html,
			'A <mark class="interest">diffusion</mark> <mark class="hit">model</mark> for world <mark class="hit">models</mark> and a <mark class="interest">policy</mark>',
		);
	});

	it('renders a card with interest marks in text, not in math', () => {
		const paper = makePaper({ title: 'Zebra Policies', tldr: 'We use $zebra$ and zebras.' });
		const html = renderCardHtml({ paper, fileLabel: '2026-02-06', index: 0, total: 1, interests: /zebras?/giu });
		assert.strictEqual([...html.matchAll(/<mark class="interest">(.*?)<\/mark>/g)].length, 2, html);
	});
});
