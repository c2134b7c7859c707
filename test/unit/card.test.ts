import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCardHtml, buildCardDocument, renderMissingHtml, textLanguage, AUTHORS_COLLAPSED_OVER, AUTHORS_SHOWN, CARD_STRINGS_EN, type CardInput } from '../../src/core/card/render';
import { parseDigest } from '../../src/core/parser';
import { paperLinks, parseArxivIdInput, primaryLink } from '../../src/core/card/links';
import { createCardMarkdown, isSafeLink } from '../../src/core/card/markdown';
import { parseCardState, parseWebviewMessage } from '../../src/core/card/protocol';
import { keptRovingStop, rovingTarget, tabWrapTarget } from '../../src/core/card/keyboard';
import { makePaper } from './card-fixtures';

function input(overrides: Partial<CardInput> = {}): CardInput {
	return { paper: makePaper(), fileLabel: '2026-02-06', index: 3, total: 10, ...overrides };
}

function positions(html: string, markers: string[]): number[] {
	return markers.map((m) => {
		const at = html.indexOf(m);
		assert.ok(at >= 0, `${m} appears in the card`);
		return at;
	});
}

describe('card renderer', () => {
	it('shows every field of the paper', () => {
		const html = renderCardHtml(input({ appearances: [{ label: '2026-02-06', current: true }, { label: '2026-02-05', current: false }] }));
		for (const text of ['SIDeR: Semantic Identity Decoupling', 'Zhuosen Bao', 'Xia Du', 'Chi-man Pun', 'cs.CV', '2026-02-06', '2026-02-05', 'TLDR-TEXT', 'MOTIVATION-TEXT', 'METHOD-TEXT', 'RESULT-TEXT', 'CONCLUSION-TEXT', 'ABSTRACT-TEXT', 'EXTRA-ONE', 'EXTRA-TWO', 'Keywords', 'Comment', '2602.04994']) {
			assert.ok(html.includes(text), `card contains ${text}`);
		}
		assert.match(html, /<h1 class="title">SIDeR: Semantic Identity Decoupling for Unrestricted Face Privacy<\/h1>/);
		assert.match(html, /data-action="searchAuthor" data-author="Chi-man Pun"/);
		assert.match(html, /<aside class="tldr"[^>]*>/);
	});

	it('orders TL;DR, Motivation, Method, Result, Conclusion, Abstract, then extras in file order', () => {
		const html = renderCardHtml(input());
		const at = positions(html, ['TLDR-TEXT', 'MOTIVATION-TEXT', 'METHOD-TEXT', 'RESULT-TEXT', 'CONCLUSION-TEXT', 'ABSTRACT-TEXT', 'EXTRA-ONE', 'EXTRA-TWO']);
		assert.deepStrictEqual(at, [...at].sort((a, b) => a - b));
		const headings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
		assert.deepStrictEqual(headings, ['TL;DR', 'Motivation', 'Method', 'Result', 'Conclusion', 'Abstract', 'Keywords', 'Comment']);
	});

	it('leaves out empty sections and says so when nothing is left', () => {
		const sparse = makePaper({ motivation: '', method: '  ', result: '', conclusion: '', abstract: '', tldr: '', extra: [{ label: 'Comment', value: '', range: { start: 1, end: 1 } }] });
		const html = renderCardHtml(input({ paper: sparse }));
		assert.doesNotMatch(html, /<h2>/);
		assert.match(html, /no summary or abstract/);
	});

	it('shows the translated title and the listing section when it differs from the main category', () => {
		const html = renderCardHtml(input({ paper: makePaper({ translatedTitle: '语义身份解耦', section: 'cs.CR' }) }));
		assert.match(html, /<p class="translated-title" lang="zh">语义身份解耦<\/p>/);
		assert.match(html, /Listed under/);
		assert.match(html, /cs\.CR/);
	});

	it('marks digest text in another language than the card\'s, so a screen reader reads it in its own voice', () => {
		const paper = makePaper({
			title: 'Diffusion Models for Video',
			translatedTitle: '视频扩散模型',
			tldr: '提出一种基于LoRA的FLUX.1 Kontext上下文适配方法，生成逼真的结果。',
			motivation: '現在の手法はうまくいかない。',
			method: '새로운 방법을 제안한다.',
			abstract: 'We propose a method.',
			extra: [{ label: 'Comment', value: '12 pages', range: { start: 1, end: 1 } }],
		});
		const english = renderCardHtml(input({ paper }));
		assert.match(english, /<h1 class="title">Diffusion/, 'English in an English card: nothing to say');
		assert.match(english, /<p class="translated-title" lang="zh">/);
		assert.match(english, /<aside class="tldr"[^>]*><h2>TL;DR<\/h2><div class="field-body" lang="zh">/);
		assert.match(english, /field-motivation"><h2>Motivation<\/h2><div class="field-body" lang="ja">/);
		assert.match(english, /field-method"><h2>Method<\/h2><div class="field-body" lang="ko">/);
		assert.match(english, /field-abstract"><h2>Abstract<\/h2><div class="field-body">/);
		assert.match(english, /field-extra"><h2>Comment<\/h2><div class="field-body">/);
		// the card's own words (the headings) stay in the document's language
		const chinese = renderCardHtml(input({ paper }), { strings: { ...CARD_STRINGS_EN, lang: 'zh-cn' } });
		assert.match(chinese, /<h1 class="title" lang="en">Diffusion/);
		assert.match(chinese, /<p class="translated-title">/);
		assert.match(chinese, /<div class="field-body"><p>提出/);
		assert.match(chinese, /field-abstract"><h2>Abstract<\/h2><div class="field-body" lang="en">/);
	});

	it('leaves out StringsLi\'s `来源: arxiv` (Source), the same on every paper of an arXiv digest; another source shows', () => {
		const text = '### [1] [T](https://arxiv.org/abs/2606.00001)\n\n来源: arxiv\n\n期刊: Nature\n';
		const html = renderCardHtml(input({ paper: parseDigest(text, 'x.md').papers[0] }));
		assert.doesNotMatch(html, /<h2>Source<\/h2>/);
		assert.match(html, /<h2>Journal Ref<\/h2><div class="field-body"><p>Nature<\/p>/);
		const other = renderCardHtml(input({ paper: parseDigest(text.replace('来源: arxiv', '来源: bioRxiv'), 'x.md').papers[0] }));
		assert.match(other, /<h2>Source<\/h2><div class="field-body"><p>bioRxiv<\/p>/);
	});

	it('digest text the parser could not place has a heading of its own, not one like the reader\'s note; a merge conflict\'s markers are not in it', () => {
		const text = '### [1] [T](https://arxiv.org/abs/2606.00001)\nTL;DR: t.\n\n</details>\n\n<<<<<<< HEAD\nA stray line.\n=======\n>>>>>>> other\n';
		const paper = parseDigest(text, 'x.md').papers[0];
		const html = renderCardHtml(input({ paper }));
		assert.match(html, /field-extra"><h2>Other text in the digest<\/h2><div class="field-body"><p>A stray line.<\/p>/);
		assert.doesNotMatch(html, /&lt;&lt;&lt;|&gt;&gt;&gt;|=======|<h2>Notes<\/h2>/);
	});

	it('tells the language of digest text by its script, a Chinese summary full of English terms too', () => {
		assert.strictEqual(textLanguage('1) Bald Converter：基于LoRA的FLUX.1 Kontext上下文适配，生成逼真的秃头人脸版本'), 'zh');
		assert.strictEqual(textLanguage('We study 扩散 models for video generation at scale.'), 'en');
		assert.strictEqual(textLanguage('拡散モデルを用いた手法'), 'ja');
		assert.strictEqual(textLanguage('확산 모델 기반 방법'), 'ko');
		assert.strictEqual(textLanguage('2606.12562 — 42%'), undefined);
	});

	it('typesets $…$ and $$…$$ with KaTeX and moves its inline styles to data attributes', () => {
		const paper = makePaper({ title: 'Learning $\\lambda$-calculus', abstract: 'We bound $x^2_i$ by\n\n$$\\frac{a}{b}$$' });
		const html = renderCardHtml(input({ paper }));
		assert.match(html, /<h1 class="title">Learning <span class="katex">/);
		assert.ok(html.includes('<annotation encoding="application/x-tex">\\lambda</annotation>'));
		assert.match(html, /class="katex-display"/);
		assert.match(html, /data-katex-style="height:/);
		assert.doesNotMatch(html, /\sstyle=/, 'no style attribute the CSP would block');
	});

	it('shows TeX\'s text commands outside math as what they mean, their text escaped and searchable', () => {
		const md = createCardMarkdown();
		assert.strictEqual(
			md.renderInline('We study \\emph{in vivo} imaging with \\textbf{Bold & "Net"}, \\texttt{code}, \\textsc{Sc} and $\\textbf{x}$.').replace(/<span class="katex">[\s\S]*<\/span>\./, 'MATH.'),
			'We study <em>in vivo</em> imaging with <strong>Bold &amp; &quot;Net&quot;</strong>, <code>code</code>, <span class="smallcaps">Sc</span> and <span class="math-nowrap">MATH.</span>',
		);
		assert.strictEqual(md.renderInline('\\textbf{a {nested} b} and \\foo{x}'), '<strong>a {nested} b</strong> and \\foo{x}', 'nested braces kept, other commands as written');
		const hit = md.renderInline('an \\emph{diffusion} model', { highlight: /diffusion/giu });
		assert.strictEqual(hit, 'an <em><mark class="hit">diffusion</mark></em> model');
	});

	it('keeps inline math on one line with the punctuation after it (a line of an abstract started with the full stop of `over $\\mathbb{F}_2$.`); a long formula keeps its breaks', () => {
		const md = createCardMarkdown();
		const html = md.renderInline('homology over $\\mathbb{F}_2$. The implementation, $x$), and $y$ alone');
		assert.match(html, /^homology over <span class="math-nowrap"><span class="katex">[\s\S]*?<\/span>\.<\/span> The implementation, <span class="math-nowrap"><span class="katex">[\s\S]*?<\/span>\),<\/span> and <span class="katex">/);
		assert.doesNotMatch(html, /\. The implementation[\s\S]*\.\.|<\/span>\. The/, 'the full stop once, inside the span');
		const long = md.renderInline('so $a_1 + a_2 + a_3 + a_4 + a_5 + a_6 + a_7 + a_8 + a_9 = b$.');
		assert.doesNotMatch(long, /math-nowrap/);
		assert.match(long, /<\/span>\.$/);
	});

	it('reads $…$ next to letters and digits as the digests write it, and money as text', () => {
		const md = createCardMarkdown();
		const tex = (text: string) => [...md.renderInline(text).matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);
		assert.deepStrictEqual(tex('354$\\times$ Expert, E$^2$OAL, Re$^2$方法'), ['\\times', '^2', '^2']);
		// a `_` in math is no emphasis
		assert.deepStrictEqual(tex('log(M$_\\bullet$/M$_\\odot$)'), ['_\\bullet', '_\\odot']);
		// each `$+$` is math, the text between stays text (the plugin's rule made one span of `$1.6% PSNR, $`)
		const gains = md.renderInline('improving $+$1.6% PSNR, $+$9.6% SSIM');
		assert.deepStrictEqual(tex('improving $+$1.6% PSNR, $+$9.6% SSIM'), ['+', '+']);
		assert.ok(gains.includes('1.6% PSNR, '), gains);
		assert.deepStrictEqual(tex('costs $5 and $10, or $5-$10, a \\$5 fee'), []);
	});

	it('ends a link before the Chinese text or full-width punctuation written right after it', () => {
		const md = createCardMarkdown();
		const hrefs = (text: string) => [...md.renderInline(text).matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
		assert.deepStrictEqual(hrefs('可在https://animatedllm.github.io访问。'), ['https://animatedllm.github.io']);
		assert.deepStrictEqual(hrefs('代码：https://github.com/a/seahorse。另见 https://github.com/a/b，欢迎使用'), ['https://github.com/a/seahorse', 'https://github.com/a/b']);
		assert.deepStrictEqual(hrefs('plain https://example.com/x_(y) end'), ['https://example.com/x_(y)']);
	});

	it('keeps a one-line enumeration as text and makes a list of numbered lines', () => {
		const md = createCardMarkdown();
		assert.strictEqual(md.render('1) 提出新方法；2) 构建基准；3) 实验验证。'), '<p>1) 提出新方法；2) 构建基准；3) 实验验证。</p>\n');
		assert.strictEqual(md.render('1. We propose X; 2. we show Y.'), '<p>1. We propose X; 2. we show Y.</p>\n');
		assert.match(md.render('1) first\n2) second'), /^<ol>\n<li>first<\/li>\n<li>second<\/li>\n<\/ol>/);
	});

	it('turns LaTeX quotes into quotes, leaving code spans alone', () => {
		const md = createCardMarkdown();
		assert.strictEqual(md.renderInline("the ``long beak'' and ``wings'' of birds"), 'the “long beak” and “wings” of birds');
		assert.strictEqual(md.renderInline("fillers like `mhm', `yeah'"), 'fillers like ‘mhm’, ‘yeah’');
		assert.strictEqual(md.renderInline("run `a'b` and `ls`"), "run <code>a'b</code> and <code>ls</code>");
	});

	it('treats markdown-looking and HTML-looking text as text', () => {
		const paper = makePaper({ tldr: 'A <think> tag, a<b, x*y*z and **bold** summary' });
		const html = renderCardHtml(input({ paper }));
		assert.ok(html.includes('A &lt;think&gt; tag, a&lt;b'));
		assert.ok(html.includes('<strong>bold</strong>'));
	});

	it('links the abstract page, PDF and HTML version with the version the digest gave', () => {
		const paper = makePaper({ version: 'v2' });
		const html = renderCardHtml(input({ paper }));
		assert.match(html, /data-kind="abs" title="https:\/\/arxiv\.org\/abs\/2602\.04994v2 \(O\)" aria-keyshortcuts="O"/);
		assert.match(html, /data-kind="pdf" title="https:\/\/arxiv\.org\/pdf\/2602\.04994v2"/);
		assert.match(html, /data-kind="html" title="https:\/\/arxiv\.org\/html\/2602\.04994v2"/);
		assert.doesNotMatch(html, /data-kind="original"/);
		assert.doesNotMatch(html, /<a /, 'no anchors: nothing navigates the webview');
	});

	it('shows only the original link for papers that are not on arXiv', () => {
		const paper = makePaper({ id: 'doi:10.1101/2024.01.01.123456', isArxiv: false, link: 'https://www.biorxiv.org/content/10.1101/2024.01.01.123456v1' });
		const html = renderCardHtml(input({ paper }));
		assert.match(html, /data-kind="original" title="https:\/\/www\.biorxiv\.org\/content\/10\.1101\/2024\.01\.01\.123456v1 \(O\)"/);
		assert.doesNotMatch(html, /data-kind="(abs|pdf|html)"/);
		assert.doesNotMatch(html, /<dt>arXiv<\/dt>/);
	});

	it('disables Previous on the first paper and Next on the last', () => {
		const first = renderCardHtml(input({ index: 0, total: 3 }));
		assert.match(first, /data-action="previous"[^>]*disabled/);
		assert.doesNotMatch(first, /data-action="next"[^>]*disabled/);
		const last = renderCardHtml(input({ index: 2, total: 3 }));
		assert.match(last, /data-action="next"[^>]*disabled/);
		assert.doesNotMatch(last, /data-action="previous"[^>]*disabled/);
		assert.match(last, /3 of 3/);
	});

	it('says which digest the position counts in when more than one digest lists the paper', () => {
		const paper = makePaper({ number: 3 });
		const once = renderCardHtml(input({ index: 2, total: 309, paper }));
		assert.match(once, /<dt>In this digest<\/dt><dd>3 of 309<\/dd>/);
		const twice = renderCardHtml(input({ index: 2, total: 309, paper, fileLabel: '2026-06-05', appearances: [{ label: '2026-06-06', current: false }, { label: '2026-06-05', current: true }] }));
		assert.match(twice, /<dt>In this digest<\/dt><dd>3 of 309 in 2026-06-05<\/dd>/);
		const numbered = renderCardHtml(input({ index: 2, total: 309, paper: makePaper({ number: 7 }), fileLabel: '2026-06-05', appearances: [{ label: '2026-06-06', current: false }, { label: '2026-06-05', current: true }] }));
		assert.match(numbered, /<dd>3 of 309 in 2026-06-05 \(numbered \[7\]\)<\/dd>/);
	});

	it('at either end of the digest, Previous and Next go on to the next day\'s digest when there is one, and say which', () => {
		const last = renderCardHtml(input({ index: 2, total: 3, nextDigest: '2026-02-05', previousDigest: '2026-02-07' }));
		assert.doesNotMatch(last, /data-action="next"[^>]*disabled/);
		assert.match(last, /data-action="next"[^>]*title="The first paper of 2026-02-05 \(→\)"/);
		assert.match(last, /data-action="previous" title="Previous paper in this digest \(←\)"/, 'not at the first paper: within the digest');
		const first = renderCardHtml(input({ index: 0, total: 3, previousDigest: '2026-02-07' }));
		assert.doesNotMatch(first, /data-action="previous"[^>]*disabled/);
		assert.match(first, /data-action="previous"[^>]*title="The last paper of 2026-02-07 \(←\)"/);
	});

	it('shows the first authors of a long list and "… and N more", which expands the list in place', () => {
		const authors = Array.from({ length: 3310 }, (_, i) => `Author <${i + 1}>`);
		const html = renderCardHtml(input({ paper: makePaper({ authors }) }));
		const list = /<ul class="authors" id="card-authors"[^>]*>([\s\S]*?)<\/ul>/.exec(html);
		assert.ok(list, 'the author list has the id the control names');
		const shown = [...list[1].matchAll(/<li role="none">/g)].length;
		const hidden = [...list[1].matchAll(/<li class="author-more" role="none" hidden>/g)].length;
		assert.strictEqual(shown, AUTHORS_SHOWN);
		assert.strictEqual(hidden, 3310 - AUTHORS_SHOWN, 'the rest are there, hidden, for the card script to show without a round trip');
		assert.ok(list[1].includes('data-author="Author &lt;21&gt;"'), 'hidden names are escaped like the rest');
		assert.match(list[1], /<li class="authors-more" role="none"><button type="button" class="action" data-action="showAllAuthors" title="Show all 3,310 authors" aria-controls="card-authors">… and 3,290 more<\/button><\/li>$/);
		// localised: the strings object says it (the extension passes vscode.l10n.t's)
		const zh = renderCardHtml(input({ paper: makePaper({ authors }) }), { strings: { ...CARD_STRINGS_EN, moreAuthors: (n) => `… 以及另外 ${n} 位`, showAllAuthors: (n) => `显示全部 ${n} 位作者` } });
		assert.ok(zh.includes('>… 以及另外 3290 位</button>') && zh.includes('title="显示全部 3310 位作者"'), 'the control in the reader\'s language');
		// plain names (no search feature) are hidden the same way
		assert.strictEqual([...renderCardHtml(input({ paper: makePaper({ authors }) }), { canSearchAuthors: false }).matchAll(/<li class="author-more" hidden><span class="author-name">/g)].length, 3310 - AUTHORS_SHOWN);
	});

	it('makes the author list one Tab stop: a toolbar whose first name has tabindex 0, the others -1', () => {
		const authors = Array.from({ length: 14 }, (_, i) => `Author ${i + 1}`);
		const html = renderCardHtml(input({ paper: makePaper({ authors }) }));
		assert.match(html, /<ul class="authors" role="toolbar" aria-label="Authors">/);
		const stops = [...html.matchAll(/data-action="searchAuthor" data-author="([^"]+)" title="[^"]*" tabindex="(-?\d)"/g)].map((m) => [m[1], m[2]]);
		assert.strictEqual(stops.length, 14);
		assert.deepStrictEqual(stops.filter(([, tabindex]) => tabindex === '0'), [['Author 1', '0']], 'the first name is the one Tab stop');
		// every name is still a button with its action and its tooltip: a screen reader's browse mode reads and presses each
		assert.ok(html.includes('title="Search papers by Author 14" tabindex="-1">Author 14</button>'));
		// a long list's "… and N more" is a Tab stop of its own
		const long = renderCardHtml(input({ paper: makePaper({ authors: Array.from({ length: 40 }, (_, i) => `A${i}`) }) }));
		assert.match(long, /data-action="showAllAuthors" title="Show all 40 authors" aria-controls="card-authors">/);
		// plain names (no search feature) are no controls: no toolbar
		const plain = renderCardHtml(input({ paper: makePaper({ authors }) }), { canSearchAuthors: false });
		assert.match(plain, /<ul class="authors" aria-label="Authors"><li><span class="author-name">Author 1<\/span><\/li>/);
		assert.ok(!plain.includes('tabindex') && !plain.includes('role="toolbar"'));
	});

	it('lists every author up to the limit: no control that would save a name or two', () => {
		const authors = Array.from({ length: AUTHORS_COLLAPSED_OVER }, (_, i) => `Author ${i + 1}`);
		const html = renderCardHtml(input({ paper: makePaper({ authors }) }));
		assert.strictEqual([...html.matchAll(/data-action="searchAuthor"/g)].length, AUTHORS_COLLAPSED_OVER);
		assert.ok(!html.includes('class="author-more"') && !html.includes('showAllAuthors') && !html.includes('id="card-authors"'), 'nothing hidden');
	});

	it('keeps the card of a paper with thousands of authors short (Gemini 2.5, 3,303 names in a real digest)', () => {
		const file = 'zeta-zl__daily-arXiv-ai-enhanced/2025-07-10.md';
		const gemini = parseDigest(readFileSync(join('test/fixtures/real', file), 'utf8'), file).papers.find((p) => p.id === '2507.06261')!;
		assert.ok(gemini.authors.length > 3000, `${gemini.authors.length} authors`);
		const html = renderCardHtml(input({ paper: gemini }));
		const visible = html.replace(/<li class="author-more" role="none" hidden>.*?<\/li>/g, '');
		assert.strictEqual([...visible.matchAll(/data-action="searchAuthor"/g)].length, AUTHORS_SHOWN);
		assert.ok(visible.includes(`… and ${(gemini.authors.length - AUTHORS_SHOWN).toLocaleString('en')} more`));
	});

	it('is deterministic', () => {
		assert.strictEqual(renderCardHtml(input()), renderCardHtml(input()));
	});

	it('escapes the missing-paper message', () => {
		assert.strictEqual(renderMissingHtml('gone <b>'), '<div class="missing" role="status"><p>gone &lt;b&gt;</p></div>');
	});
});

describe('card document shell', () => {
	const doc = buildCardDocument({
		cspSource: 'https://webview.example',
		nonce: 'abcdefghijklmnop1234',
		scriptUri: 'https://webview.example/dist/webview/card.js',
		styleUris: ['https://webview.example/media/katex/katex.min.css', 'https://webview.example/media/card.css'],
	});

	it('has a strict CSP without unsafe-inline or unsafe-eval', () => {
		const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(doc)?.[1] ?? '';
		assert.ok(csp.startsWith("default-src &#39;none&#39;; style-src https://webview.example; font-src https://webview.example; img-src https://webview.example data:; script-src &#39;nonce-abcdefghijklmnop1234&#39;"), csp);
		assert.doesNotMatch(csp, /unsafe/);
	});

	it('loads exactly one script, with the nonce, and the styles in order', () => {
		assert.strictEqual(doc.match(/<script/g)?.length, 1);
		assert.match(doc, /<script nonce="abcdefghijklmnop1234" src="https:\/\/webview\.example\/dist\/webview\/card\.js"><\/script>/);
		assert.ok(doc.indexOf('katex.min.css') < doc.indexOf('card.css'));
		assert.doesNotMatch(doc, /\son\w+=/i);
	});

	it('has a live region outside the card for the paper paging brings, hidden from sight only', () => {
		assert.match(doc, /<\/main>\n<div id="card-announcer" class="visually-hidden" role="status"><\/div>/);
	});

	it('refuses a weak nonce', () => {
		assert.throws(() => buildCardDocument({ cspSource: 'x', nonce: 'short', scriptUri: 'x', styleUris: [] }));
		assert.throws(() => buildCardDocument({ cspSource: 'x', nonce: "abcdefghijklmnop' 'unsafe-inline", scriptUri: 'x', styleUris: [] }));
	});
});

describe('card links', () => {
	it('builds arXiv links only from well-formed ids and versions', () => {
		assert.deepStrictEqual(paperLinks({ id: 'hep-th/9901001', isArxiv: true, version: 'v1' }), { abs: 'https://arxiv.org/abs/hep-th/9901001v1', pdf: 'https://arxiv.org/pdf/hep-th/9901001v1', html: undefined });
		assert.deepStrictEqual(paperLinks({ id: '2602.04994', isArxiv: true, version: 'v2/../../x' }).abs, 'https://arxiv.org/abs/2602.04994');
		assert.deepStrictEqual(paperLinks({ id: '../evil', isArxiv: true, link: 'https://evil.example' }), { original: 'https://evil.example' });
		assert.deepStrictEqual(paperLinks({ id: 'url:x', isArxiv: false, link: 'javascript:alert(1)' }), {});
		assert.strictEqual(primaryLink({ id: '2602.04994', isArxiv: true, version: 'v3' }), 'https://arxiv.org/abs/2602.04994v3');
	});

	it('parses ids and links typed into the input box', () => {
		const cases: [string, string | undefined][] = [
			['2602.04994', '2602.04994'],
			[' 2602.04994v2 ', '2602.04994'],
			['arXiv:2602.04994', '2602.04994'],
			['https://arxiv.org/abs/2602.04994v1', '2602.04994'],
			['http://arxiv.org/pdf/2602.04994v1.pdf', '2602.04994'],
			['arxiv.org/html/2602.04994v1', '2602.04994'],
			['hep-th/9901001', 'hep-th/9901001'],
			['math.AG/0309136v2', 'math.AG/0309136'],
			['0704.0001', '0704.0001'],
			['https://huggingface.co/papers/2602.04994', '2602.04994'],
			['https://huggingface.co/papers/2602.04994#community', '2602.04994'],
			['www.alphaxiv.org/abs/2602.04994v3', '2602.04994'],
			['(arXiv:2602.04994).', '2602.04994'],
			['260.04994', undefined],
			// ids arXiv cannot have given: the box says "Not an arXiv id" rather than open a card for nothing
			['2613.00001', undefined],
			['2600.00001v2', undefined],
			['arXiv:2613.00001', undefined],
			['https://arxiv.org/abs/2613.00001', undefined],
			['https://arxiv.org/pdf/2613.00001v1.pdf', undefined],
			['2401.0123', undefined],
			['0704.00001', undefined],
			['https://export.arxiv.org/abs/2602.04994?context=cs', '2602.04994'],
			['https://arxiv.org/pdf/2602.04994v2.pdf#page=3', '2602.04994'],
			['arxiv.org/abs/2602.04994/', '2602.04994'],
			['https://arxiv.org/abs/math.AG/0309136v2', 'math.AG/0309136'],
			['https://example.com/abs/2602.04994', undefined],
			['hello', undefined],
			['', undefined],
		];
		for (const [text, expected] of cases) assert.strictEqual(parseArxivIdInput(text), expected, text);
	});
});

describe('card markdown', () => {
	const md = createCardMarkdown();

	it('allows only http(s) and mailto link targets', () => {
		for (const ok of ['https://arxiv.org', 'http://example.com/a?b=c', 'mailto:a@b.c']) assert.ok(isSafeLink(ok), ok);
		for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:x', 'vbscript:x', 'data:text/html,x', 'data:image/png;base64,AAAA', 'file:///etc/passwd', 'command:x', '//evil.example', '#top', 'relative/path']) {
			assert.ok(!isSafeLink(bad), bad);
		}
	});

	it('linkifies plain URLs but not bare file names', () => {
		const html = md.render('code at https://github.com/x/y and in model.py');
		assert.match(html, /<a href="https:\/\/github\.com\/x\/y" class="external-link" rel="noreferrer noopener">/);
		assert.doesNotMatch(html, /href="http:\/\/model\.py"/);
	});

	it('renders raw HTML as text, but for paired inline tags without attributes', () => {
		assert.strictEqual(md.renderInline('<div>x</div> <b onclick="y">z</b> <think> tokens'), '&lt;div&gt;x&lt;/div&gt; &lt;b onclick=&quot;y&quot;&gt;z&lt;/b&gt; &lt;think&gt; tokens');
		// real abstracts and summaries: `meaning <i>resolution</i>`, `1. A<br>2. B`, `<small>Figure 1: …</small>` captions
		assert.strictEqual(md.renderInline('meaning <i>resolution</i> and <B>AMD</B>'), 'meaning <i>resolution</i> and <b>AMD</b>');
		assert.strictEqual(md.renderInline('A;<br>B<br/>'), 'A;<br>B<br>');
		assert.strictEqual(md.render('<small>Figure 1: The eigenbasis</small>'), '<p><small>Figure 1: The eigenbasis</small></p>\n');
		// an open tag alone would carry on into the card's next paragraphs; a stray closing tag is text too
		assert.strictEqual(md.renderInline('a <b>bold start'), 'a &lt;b&gt;bold start');
		assert.strictEqual(md.renderInline('x</i> <i>y <b>z</i></b>'), 'x&lt;/i&gt; &lt;i&gt;y <b>z&lt;/i&gt;</b>');
		assert.strictEqual(md.renderInline('`<b>` and <b>code</b>'), '<code>&lt;b&gt;</code> and <b>code</b>');
	});

	it('reads points joined by <br> as the list they are', () => {
		assert.strictEqual(md.render('- 对于A：x<br>- 对于B：y<br/> - C'), '<ul>\n<li>对于A：x</li>\n<li>对于B：y</li>\n<li>C</li>\n</ul>\n');
		assert.strictEqual(md.render('1. A<br>2. B'), '<ol>\n<li>A</li>\n<li>B</li>\n</ol>\n');
		assert.strictEqual(md.render('- A<Br>- B'), '<ul>\n<li>A</li>\n<li>B</li>\n</ul>\n', 'in any case, as the tag itself');
		assert.strictEqual(md.render('A<br>B - C'), '<p>A<br>B - C</p>\n');
		// a table row's cell and a code span keep theirs: a new line there ended the table, or the code span
		const table = md.render('| 方面 | 内容 |\n|---|---|\n| 贡献 | A<br>- B<br>- C |\n| 局限 | D |');
		assert.match(table, /<td>A<br>- B<br>- C<\/td>/);
		assert.match(table, /<td>局限<\/td>/);
		assert.doesNotMatch(table, /<ul>/);
		assert.strictEqual(md.renderInline('use `x<br>- y` here'), 'use <code>x&lt;br&gt;- y</code> here');
		assert.strictEqual(md.render('- `a`<br>- b'), '<ul>\n<li><code>a</code></li>\n<li>b</li>\n</ul>\n');
		// a fenced code block keeps its lines as written
		assert.strictEqual(md.render('```\na<br>- b\n```\n- c<br>- d'), '<pre><code>a&lt;br&gt;- b\n</code></pre>\n<ul>\n<li>c</li>\n<li>d</li>\n</ul>\n');
	});

	it('shows an image as a link to it, named by its alt text', () => {
		const html = md.render('![Figure 1](https://arxiv.org/html/2608.06463v1/x1.png)');
		assert.doesNotMatch(html, /<img|!</);
		assert.strictEqual(html, '<p><a href="https://arxiv.org/html/2608.06463v1/x1.png" class="external-link image-link" rel="noreferrer noopener" title="https://arxiv.org/html/2608.06463v1/x1.png">Figure 1</a></p>\n');
		assert.match(md.renderInline('![](https://example.com/a/fig2.png?raw=1)'), />fig2\.png<\/a>$/);
		// a badge inside a link is the link's text: one anchor, to the link's target
		assert.strictEqual(
			md.renderInline('[![stars](https://img.shields.io/x.svg)](https://github.com/a/b) ![f](https://x.org/f.png)'),
			'<a href="https://github.com/a/b" class="external-link" rel="noreferrer noopener">stars</a> <a href="https://x.org/f.png" class="external-link image-link" rel="noreferrer noopener" title="https://x.org/f.png">f</a>',
		);
		// the link rules hold: no javascript: or data: image
		assert.doesNotMatch(md.renderInline('![x](javascript:alert(1)) ![y](data:image/png;base64,AAAA)'), /<a/);
	});

	it('reads LaTeX delimiters \\( \\) and \\[ \\] as math', () => {
		const inline = md.renderInline('the PRIMER SC diagram (\\(F200W\\) < 26.5 mag)');
		assert.match(inline, /^the PRIMER SC diagram \(<span class="katex">.*F200W.*<\/span> &lt; 26\.5 mag\)$/s);
		const display = md.render('so \\[ x^2 \\] holds');
		assert.match(display, /class="katex-display"/);
		// in the sentence's paragraph, not a paragraph inside it (which split the sentence)
		assert.match(display, /^<p>so <span class="katex-block">.*<\/span> holds<\/p>\n$/s);
		assert.strictEqual(display.match(/<p[ >]/g)?.length, 1);
		// `$$ … $$` inside a sentence too (19 times on 11 of the 167 real days; a review found it split the paragraph)
		const dollars = md.render('We study $$\\ell(n-1)\\frac{q^\\ell-1}{q-1}.$$ This bound is tight.');
		assert.match(dollars, /^<p>We study <span class="katex-block">.*<\/span> This bound is tight\.<\/p>\n$/s);
		assert.match(md.render('$$\na+b\n$$\n'), /^<p class="katex-block">/, 'a block of its own stays one');
		// an escaped parenthesis with nothing to close it, or with nothing between, stays a parenthesis
		assert.strictEqual(md.renderInline('a \\(b) and \\(\\)'), 'a (b) and ()');
	});

	it('reads a field of many \\( and no closer in linear time', () => {
		// each opening searched the rest of the text for its `\)`: 40,000 of them took about 5 s. Counted,
		// not timed (speed lives in the benches): the searches for a closer, one per opening before
		const indexOf = String.prototype.indexOf;
		let closerSearches = 0;
		String.prototype.indexOf = function (this: string, search: string, from?: number) {
			if (search === '\\)') closerSearches++;
			return indexOf.call(this, search, from);
		};
		let html: string;
		try {
			html = md.renderInline('\\( x '.repeat(40_000));
		} finally {
			String.prototype.indexOf = indexOf;
		}
		assert.ok(closerSearches <= 2, `${closerSearches} searches for a closer`);
		assert.doesNotMatch(html, /katex/);
		// the closer found for one opening still serves the next: `\( \(a\)` is a parenthesis, then math
		assert.match(md.renderInline('\\( \\(a\\) b \\[c\\]'), /^\( <span class="katex">.*<\/span> b <span class="katex-block">/s);
	});
});

describe('card message protocol', () => {
	it('accepts the messages of the protocol', () => {
		assert.deepStrictEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'next', extra: 1 }), { type: 'next' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'openExternal', kind: 'pdf' }), { type: 'openExternal', kind: 'pdf' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'copy', what: 'bibtex' }), { type: 'copy', what: 'bibtex' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'searchAuthor', name: '  Xia Du ' }), { type: 'searchAuthor', name: 'Xia Du' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'scroll', y: 120.6 }), { type: 'scroll', y: 121 });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'openLink', href: 'https://example.com' }), { type: 'openLink', href: 'https://example.com' });
	});

	it('ignores unknown and malformed messages', () => {
		const bad: unknown[] = [
			undefined, null, 'next', 42, [], {}, { type: 'nope' }, { type: 'openExternal', kind: 'javascript' }, { type: 'openExternal' },
			{ type: 'copy', what: 'everything' }, { type: 'searchAuthor', name: '' }, { type: 'searchAuthor', name: 'x'.repeat(5000) },
			{ type: 'searchAuthor', name: 7 }, { type: 'scroll', y: Number.NaN }, { type: 'scroll', y: -5 }, { type: 'scroll', y: '10' },
			{ type: 'openLink', href: 'javascript:alert(1)' }, { type: 'openLink', href: 'command:workbench.action.reloadWindow' }, { type: 'openLink' },
			{ type: 'toString' }, { type: '__proto__' },
		];
		for (const message of bad) assert.strictEqual(parseWebviewMessage(message), undefined, JSON.stringify(message));
	});

	it('validates restored state', () => {
		assert.deepStrictEqual(parseCardState({ uri: 'file:///d/2026-02-06.md', id: '2602.04994', scrollY: 300 }), { uri: 'file:///d/2026-02-06.md', id: '2602.04994', scrollY: 300 });
		assert.deepStrictEqual(parseCardState({ uri: 'file:///d.md', id: '2602.04994' }), { uri: 'file:///d.md', id: '2602.04994', scrollY: 0 });
		assert.deepStrictEqual(parseCardState({ id: '2602.04994', uri: 5 }), { uri: '', id: '2602.04994', scrollY: 0 });
		assert.strictEqual(parseCardState({ uri: 'file:///d.md' }), undefined);
		assert.strictEqual(parseCardState(undefined), undefined);
		assert.strictEqual(parseCardState('x'), undefined);
	});
});

describe('card styles', () => {
	it("fade no text with opacity: the library panel's labels take the theme's foreground (only a disabled button is faded)", () => {
		const css = readFileSync(join(__dirname, '..', '..', 'media', 'card.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
		const faded = [...css.matchAll(/([^{}]+)\{[^}]*\bopacity\s*:/g)].map((m) => m[1].trim());
		assert.deepStrictEqual(faded, ['.action[disabled]']);
		for (const selector of ['.muted', '.library-label']) {
			const rule = new RegExp(`(^|\\})\\s*${selector.replace('.', '\\.')}\\s*\\{([^}]*)\\}`).exec(css);
			assert.ok(rule, selector);
			// the muted colour on the panel's quote background is 4.36:1 in Light+ (#717171 on #f2f2f2): under 4.5:1
			assert.match(rule[2], /color:\s*var\(--vscode-foreground\)/, selector);
		}
	});

	it("give code the theme's own pair of colours: no default foreground left on another background (Light High Contrast)", () => {
		const css = readFileSync(join(__dirname, '..', '..', 'media', 'card.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
		const rules = new Map([...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map((m) => [m[1].trim(), m[2]]));
		const decl = (selector: string, property: string) => new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`).exec(rules.get(selector) ?? '')?.[1].trim();
		assert.strictEqual(decl('code', 'color'), 'var(--vscode-textPreformat-foreground)');
		assert.strictEqual(decl('code', 'background'), 'var(--vscode-textPreformat-background)');
		// the webview's default style colours every code element: code on another background takes a colour of its own
		for (const selector of ['a code', 'pre code']) assert.strictEqual(decl(selector, 'color'), 'inherit', selector);
		assert.strictEqual(decl('pre', 'color'), 'var(--vscode-foreground)');
		// every rule setting a theme foreground/background pair's background sets its foreground too
		for (const [selector, body] of rules) {
			const background = /(?:^|;)\s*background(?:-color)?\s*:\s*var\(--vscode-([\w-]+?)-?[bB]ackground\)/.exec(body)?.[1];
			if (!background || !['textPreformat', 'button', 'button-secondary', 'badge', 'input'].includes(background)) continue;
			assert.match(body, /(?:^|;)\s*color\s*:/, `${selector} sets the ${background} background without its foreground`);
		}
	});
});

describe('card keyboard', () => {
	const key = (name: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({ key: name, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

	it('arrows move along a roving group and wrap; Home and End go to its ends', () => {
		assert.strictEqual(rovingTarget(key('ArrowRight'), 0, 14), 1);
		assert.strictEqual(rovingTarget(key('ArrowDown'), 5, 14), 6);
		assert.strictEqual(rovingTarget(key('ArrowRight'), 13, 14), 0);
		assert.strictEqual(rovingTarget(key('ArrowLeft'), 0, 14), 13);
		assert.strictEqual(rovingTarget(key('ArrowUp'), 3, 14), 2);
		assert.strictEqual(rovingTarget(key('Home'), 9, 14), 0);
		assert.strictEqual(rovingTarget(key('End'), 2, 14), 13);
	});

	it('a roving group made again keeps its Tab stop on the same label, else at the same place, else on the first', () => {
		const days = ['2026-02-09', '2026-02-06', '2026-02-05'];
		assert.strictEqual(keptRovingStop(undefined, days), 0, 'a first table');
		assert.strictEqual(keptRovingStop({ labels: days, index: 1 }, ['2026-02-10', ...days]), 2, 'a new day above: the same day');
		assert.strictEqual(keptRovingStop({ labels: ['diffusion', 'agents', 'robots'], index: 2 }, ['llm', 'vision', 'graphs', 'rl']), 2, 'other terms: the same place');
		assert.strictEqual(keptRovingStop({ labels: days, index: 2 }, ['2026-02-09']), 0, 'a shorter table: its last');
		assert.strictEqual(keptRovingStop({ labels: days, index: 2 }, []), 0);
	});

	it('leaves other keys and modified arrows to the card and the editor', () => {
		assert.strictEqual(rovingTarget(key('Enter'), 0, 14), undefined);
		assert.strictEqual(rovingTarget(key('s'), 0, 14), undefined);
		assert.strictEqual(rovingTarget(key('ArrowRight', { altKey: true }), 0, 14), undefined);
		assert.strictEqual(rovingTarget(key('ArrowRight', { ctrlKey: true }), 0, 14), undefined);
		assert.strictEqual(rovingTarget(key('ArrowRight'), 0, 0), undefined);
	});

	it('Tab from the last stop goes round to the first, Shift+Tab from the first to the last; elsewhere the browser moves', () => {
		assert.strictEqual(tabWrapTarget(key('Tab'), 9, 10), 0);
		assert.strictEqual(tabWrapTarget(key('Tab', { shiftKey: true }), 0, 10), 9);
		assert.strictEqual(tabWrapTarget(key('Tab'), 4, 10), undefined);
		assert.strictEqual(tabWrapTarget(key('Tab', { shiftKey: true }), 9, 10), undefined);
		// not a stop (the page itself): the browser's move
		assert.strictEqual(tabWrapTarget(key('Tab'), -1, 10), undefined);
		// the editor's own keys go through
		assert.strictEqual(tabWrapTarget(key('Tab', { ctrlKey: true }), 9, 10), undefined);
		assert.strictEqual(tabWrapTarget(key('1', { ctrlKey: true }), 9, 10), undefined);
	});
});
