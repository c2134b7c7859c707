/**
 * What a card shows of an entry's text: math, emphasis, TeX markup and links as real digests write them.
 * Each case is a real entry's text (the 167 real days or the real forks), cut to the part that matters.
 */
import * as assert from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { createCardMarkdown, percentSigns } from '../../src/core/card/markdown';
import { renderCardHtml } from '../../src/core/card/render';
import { parseDigest } from '../../src/core/parser';

const md = createCardMarkdown();

/** shared/ beside the repository (CI's copy, or the workplace's): the real days and forks; tests on them are skipped without it */
const SHARED = ['../shared', '/work/shared'].find((dir) => existsSync(`${dir}/corpus-large/data`) && existsSync(`${dir}/real-digests`));
const CORPUS = `${SHARED}/corpus-large/data`;
const REAL = `${SHARED}/real-digests`;
const realIt = SHARED ? it : it.skip;

/** the card of paper `id` in the digest `file` */
function cardOf(file: string, id: string): string {
	const digest = parseDigest(readFileSync(file, 'utf8'), file);
	const paper = digest.papers.find((p) => p.id === id);
	assert.ok(paper, `${id} in ${file}`);
	return renderCardHtml({ paper, fileLabel: 'day', index: 0, total: 1 });
}

/** the text a reader sees: each KaTeX span as ⟦its TeX⟧, tags dropped, entities decoded */
function visible(html: string): string {
	return html
		.replace(/<span class="katex"><span class="katex-mathml">[\s\S]*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>[\s\S]*?<span class="katex-html" aria-hidden="true">/g, '⟦$1⟧<KH>')
		.replace(/<KH>[\s\S]*?(?=⟦|<\/p>|<\/li>|$)/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.trim();
}

/** the TeX of each math span KaTeX typeset, in order */
function mathTex(html: string): string[] {
	return [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);
}

/** what KaTeX draws of the card's math (its HTML rendering's text) */
function typeset(html: string): string {
	return [...html.matchAll(/<span class="katex-html" aria-hidden="true">([\s\S]*?)(?=<span class="katex">|<\/p>|$)/g)].map((m) => m[1].replace(/<[^>]+>/g, '')).join(' ');
}

describe('card content', () => {
	describe('a % inside math', () => {
		it('is a percent sign, not the start of a TeX comment', () => {
			// 2603.03615 and others: `$54.5%$` showed "54.5", `$\textbf{19.72%}$` a red parse error
			const html = md.render('It improves accuracy by $54.5%$ over the baseline, with savings of $\\textbf{19.72%}$ on WildTrack.');
			assert.match(typeset(html), /54\.5%/);
			assert.match(typeset(html), /19\.72%/);
			assert.doesNotMatch(html, /katex-error/);
		});
		it('leaves an escaped \\% as it is and escapes one after a row break', () => {
			assert.strictEqual(percentSigns('5\\% and 6%'), '5\\% and 6\\%');
			assert.strictEqual(percentSigns('a \\\\% b'), 'a \\\\\\% b');
			assert.strictEqual(percentSigns('x^2'), 'x^2');
		});
		realIt('real entry: 2603.03615 of 2026-03-05 has no KaTeX error', () => {
			const html = cardOf(`${CORPUS}/2026-03-05.md`, '2603.03615');
			assert.ok(!html.includes('katex-error'), html.match(/.{80}katex-error.{200}/)?.[0]);
		});
	});

	describe('math spaced inside its dollars', () => {
		it('is typeset when both sides are spaced and it is plainly TeX', () => {
			// 2601.05833 (`$ O(n) $`, `$ 1.11\\times $`), 2602.10028 and 2605.12796 of the 167 real days
			const html = md.render('has stable linear complexity $ O(n) $, and delivers a $ 1.11\\times $ improvement over $ \\mathbb{F}_q $ with $ [\\![256, 2 ]\\!] $ codes');
			assert.doesNotMatch(visible(html), /\$/, visible(html));
			assert.strictEqual((visible(html).match(/⟦/g) ?? []).length, 4, visible(html));
		});
		it('leaves prices, a space on one side only and words between two spans as text', () => {
			for (const text of ['costs $ 5 to $ 10 a month', 'costs $5 and $10, or $ 5 - $ 10', 'a $\\alpha $ where x_1 is $ 3']) {
				assert.strictEqual(visible(md.render(text)), text);
			}
			assert.deepStrictEqual(mathTex(md.render('improving $+$1.6% PSNR, $+$9.6% SSIM')), ['+', '+']);
		});
		realIt('real entry: 2601.05833 of 2026-01-12 shows its complexity as math', () => {
			const html = cardOf(`${CORPUS}/2026-01-12.md`, '2601.05833');
			assert.deepStrictEqual(mathTex(html), [' 1.11\\times ', ' O(n) ']);
			assert.doesNotMatch(visible(html), /\$/);
		});
	});

	describe('display math with a row break and its spacing', () => {
		it('is typeset: the \\[ of \\\\[1.2ex] opens nothing', () => {
			// 2604.21808 and 2605.17022 of the 167 real days
			const html = md.render('we define \\[ A_r(v)= \\begin{cases} x, & r>0,\\\\[1.2ex] 1, & r=0. \\end{cases} \\] For the code');
			assert.deepStrictEqual(mathTex(html), [' A_r(v)= \\begin{cases} x, &amp; r&gt;0,\\\\[1.2ex] 1, &amp; r=0. \\end{cases} ']);
			assert.match(html, /^<p>we define <span class="katex-block">[\s\S]*<\/span> For the code<\/p>\n$/);
			// an escaped bracket before the closer still opens nothing
			assert.deepStrictEqual(mathTex(md.render('a \\[b] and \\[x\\]')), ['x']);
		});
		realIt('real entry: 2605.17022 of 2026-05-19 typesets its distance formula', () => {
			const html = cardOf(`${CORPUS}/2026-05-19.md`, '2605.17022');
			assert.ok(mathTex(html).some((tex) => tex.includes('\\begin{cases}')), 'the cases are shown as TeX');
		});
	});

	describe('a lone * or _ in scientific text', () => {
		it('is a product, a star or a subscript, not emphasis', () => {
			// 2602.03013, 2601.19622, 2601.08530, 2602.16984 and 2605.16084 of the 167 real days
			for (const text of [
				'at resolutions including 256*256 and 512*512, especially',
				'通过将A*算法代码融入提示词，自动生成A*搜索的启发式函数',
				'指定选手v*的入度k（能击败v*的选手数）',
				'恢复真实信道参数θ*和容量达到输入分布π*，而',
				'成功建立了∃*∀*超属性模型检测',
				'error >= (5/24)*delta*L approximately 0.208*delta*L, where',
				'得到 η = 0.050^{+0.348}_{-0.307}，ε = -0.184^{+0.724}_{-0.574}，两项',
			]) {
				const html = md.render(text);
				assert.doesNotMatch(html, /<em>/, text);
				assert.strictEqual(visible(html), text);
			}
		});
		it('keeps the emphasis and bold that summaries write', () => {
			assert.strictEqual(md.renderInline('a *word* and **bold** text'), 'a <em>word</em> and <strong>bold</strong> text');
			assert.strictEqual(md.renderInline('使用*Transformer*模型和**粗体**结构'), '使用<em>Transformer</em>模型和<strong>粗体</strong>结构');
			assert.strictEqual(md.renderInline('a snake_case_name and _x_'), 'a snake_case_name and <em>x</em>');
		});
		it('closes bold after full-width punctuation before CJK text', () => {
			// 2605.01841 of 2026-05-05: `提出**信念博弈（belief game）**构造` kept both `**`
			assert.strictEqual(md.renderInline('提出**信念博弈（belief game）**构造'), '提出<strong>信念博弈（belief game）</strong>构造');
			assert.strictEqual(md.renderInline('的**“世界模型”**是'), '的<strong>“世界模型”</strong>是');
		});
		realIt('real entry: 2608.06924 of Troy9748 2026-08-10 shows "Sgr A*和M87*"', () => {
			const html = cardOf(`${REAL}/Troy9748__daily-arXiv-ai-enhanced/2026-08-10.md`, '2608.06924');
			assert.ok(visible(html).includes('Sgr A*和M87*'), 'the TL;DR shows "Sgr A<em>和M87</em>"');
		});
	});

	describe('TeX text markup outside math', () => {
		it('makes \\href and \\url links, through the card\'s link rules', () => {
			// 2512.22211, 2601.04500, 2601.21579 of the 167 real days
			const html = md.render('Our framework is open-sourced \\href{https://example.github.io/frame/}{here}. Code: \\url{https://github.com/quandao10/MPDiT}.');
			assert.match(html, /<a href="https:\/\/example\.github\.io\/frame\/" class="external-link" rel="noreferrer noopener">here<\/a>\./);
			assert.match(html, /<a href="https:\/\/github\.com\/quandao10\/MPDiT" class="external-link" rel="noreferrer noopener">https:\/\/github\.com\/quandao10\/MPDiT<\/a>\./);
			assert.strictEqual(md.renderInline('see \\href{javascript:alert(1)}{this}'), 'see this');
		});
		it('shows nested text commands, {\\em …}, \\footnote and \\cite as what they mean', () => {
			assert.strictEqual(md.renderInline('We propose \\textbf{\\textsc{ProtoScore}}, a metric, for {\\em detection} of \\textcolor{blue}{cheating}.'), 'We propose <strong><span class="smallcaps">ProtoScore</span></strong>, a metric, for <em>detection</em> of cheating.');
			assert.strictEqual(
				visible(md.render('GUI quality assurance~\\footnote{Our code is now available in~\\href{https://github.com/ADaM-BJTU/GUITestBench}{here}.} In a groundbreaking paper, ~\\cite{GW, Li2020} developed')),
				'GUI quality assurance (Our code is now available in here.) In a groundbreaking paper,  [GW, Li2020] developed',
			);
			assert.strictEqual(md.renderInline('\\textbf{a {nested} b} and \\foo{x} and \\method{}'), '<strong>a {nested} b</strong> and \\foo{x} and \\method{}');
		});
		it('reads a tie as a space, but not a range, an approximate number or a URL\'s tilde', () => {
			assert.strictEqual(md.renderInline('a Space Debris Tracking Network~(SDT-Net) in Fig.~3'), 'a Space Debris Tracking Network (SDT-Net) in Fig. 3');
			assert.strictEqual(md.renderInline('准确（MSE~1.17），训练1~2周，提升 ~30%，见 https://host.org/~user/page'), '准确（MSE~1.17），训练1~2周，提升 ~30%，见 <a href="https://host.org/~user/page" class="external-link" rel="noreferrer noopener">https://host.org/~user/page</a>');
		});
		it("writes TeX's accents as letters", () => {
			assert.strictEqual(md.renderInline("Fr\\'echet Inception Distance, the Schr\\\"odinger Bridge, Erd\\H{o}s and \\'Etienne"), 'Fréchet Inception Distance, the Schrödinger Bridge, Erdős and Étienne');
			assert.strictEqual(md.renderInline('he said \\"I am\\", don\\\'t, it\\\'s'), 'he said &quot;I am&quot;, don&#39;t, it&#39;s');
		});
	});

	describe('LaTeX quotes closed with a straight quote, and backticks typed for apostrophes', () => {
		it('``text" is a quotation, not a code span taking the clause up to the next backtick', () => {
			// 2504.17693 of xmkxabc 2025-04-27, 2601.08030 and 2605.07195 of the 167 real days
			assert.strictEqual(
				md.renderInline('we align ``as-built" detected planes with ``as-planned" planes, and the `global` map'),
				'we align “as-built” detected planes with “as-planned” planes, and the <code>global</code> map',
			);
			assert.strictEqual(md.renderInline('shift from ``what should I do now?" to ``what will happen?" and ``Internet of Agents."'), 'shift from “what should I do now?” to “what will happen?” and “Internet of Agents.”');
			// a quote inside a word, a code span of two backticks
			assert.strictEqual(md.renderInline('``code "x" here``'), '<code>code &quot;x&quot; here</code>');
		});
		it('a backtick between a letter and a contraction or possessive is an apostrophe, not a code span', () => {
			// 2605.29931 of 2026-05-29: the title showed "It<code>s All About Speed: AI</code>s Impact"
			assert.strictEqual(md.renderInline('It`s All About Speed: AI`s Impact on Workflow'), 'It’s All About Speed: AI’s Impact on Workflow');
			assert.strictEqual(md.renderInline('don`t use `ls`, it`s slow'), 'don’t use <code>ls</code>, it’s slow');
			// the code span of a name with a plural or a possessive after it
			assert.strictEqual(md.renderInline('the `Agent`s tools and `x`'), 'the <code>Agent</code>s tools and <code>x</code>');
			assert.strictEqual(md.renderInline('使用`torch.compile`加速'), '使用<code>torch.compile</code>加速');
		});
		realIt('real entry: the title of 2605.29931 of 2026-05-29 has no code span', () => {
			const h1 = cardOf(`${CORPUS}/2026-05-29.md`, '2605.29931').match(/<h1[^>]*>.*<\/h1>/)?.[0] ?? '';
			assert.ok(h1.includes('It’s All About Speed: AI’s Impact') && !h1.includes('<code>'), h1);
		});
	});

	describe('a link at the end of a sentence', () => {
		it('leaves out the full stop of a footnote or of a sentence glued to the next', () => {
			// 2601.04703, 2605.30407 and 2601.22737 of the 167 real days
			const footnote = md.render('training dynamics.\\footnote{The source code for M-ASK is available at https://github.com/chenyiqun/M-ASK.}');
			assert.match(footnote, /<a href="https:\/\/github\.com\/chenyiqun\/M-ASK" [^>]*>https:\/\/github\.com\/chenyiqun\/M-ASK<\/a>\.\)/);
			const glued = md.render('Code: https://github.com/zsxr15/Lingua-SafetyBench.Warning: this paper contains harmful text.');
			assert.match(glued, /href="https:\/\/github\.com\/zsxr15\/Lingua-SafetyBench"[^>]*>https:\/\/github\.com\/zsxr15\/Lingua-SafetyBench<\/a>\.Warning:/);
			// a repository or dataset named Org.Product keeps its whole name (the diff review)
			const named = md.render('Code: https://github.com/dotnet/Microsoft.Extensions and https://huggingface.co/datasets/org/My.Data');
			assert.match(named, /href="https:\/\/github\.com\/dotnet\/Microsoft\.Extensions"/, named);
			assert.match(named, /href="https:\/\/huggingface\.co\/datasets\/org\/My\.Data"/, named);
			// a file name and a host keep their dots
			assert.match(md.render('see (https://host.org/v1.2/model.py.) and https://Example.Com/'), /href="https:\/\/host\.org\/v1\.2\/model\.py"[\s\S]*href="https:\/\/Example\.Com\/"/);
		});
		realIt('real entry: 2601.04703 of 2026-01-10 links to the repository, not to "M-ASK."', () => {
			const html = cardOf(`${CORPUS}/2026-01-10.md`, '2601.04703');
			assert.match(html, /href="https:\/\/github\.com\/chenyiqun\/M-ASK"/);
		});
	});
	describe('a tilde, an escaped quote and a link the TeX rules must leave (the diff review)', () => {
		it('a tilde that is "about", a range or "distributed as" stays; a tie after a word is a space', () => {
			for (const text of ['galaxies since z~2 are nearly orthogonal (cos~0) across models (8B~70B)', 'VPS超越Reflexion +8.5~+12.1点，其中B_m~Bin(m,1/2)', 'a Pearson r~0.62 and X~N(0,1)']) {
				assert.strictEqual(visible(md.render(text)), text);
			}
			assert.strictEqual(md.renderInline('see Section~3, Table~1, Eq.~(2), et~al.~\\cite{a} and Stable Diffusion~1.5'), 'see Section 3, Table 1, Eq. (2), et al. [a] and Stable Diffusion 1.5');
		});

		it('an escaped quote around a word is a quote, not an accent (\\"Agent\\", \\\'Yes\\\'), while Fr\\\'echet and \\\'Etienne keep theirs', () => {
			assert.strictEqual(visible(md.render('方法称为\\"Agent\\"的框架；the model outputs \\\'Yes\\\' or \\\'No\\\'')), '方法称为"Agent"的框架；the model outputs \'Yes\' or \'No\'');
			assert.strictEqual(visible(md.render("\\'Etienne and Fr\\'echet")), 'Étienne and Fréchet');
		});

		it('\\href inside a link is its text, not a link in a link', () => {
			const html = md.render('\\href{https://a.com}{see \\href{https://b.com}{b}} and [x \\href{https://c.com}{c}](https://d.com)');
			assert.doesNotMatch(html, /<a [^>]*>[^<]*<a /, html);
			assert.match(html, /href="https:\/\/a\.com"/);
			assert.match(html, /href="https:\/\/d\.com"/);
		});
	});

	describe('a code host written without its scheme', () => {
		it('is an https link to the repository, the model or the project site', () => {
			// 2505.12950 of ZL-Asica 2025-05-20; 2603.29852, 2601.19557 and 2601.05237 of the 167 real days
			const link = (url: string, text: string) => `<a href="${url}" class="external-link" rel="noreferrer noopener">${text}</a>`;
			assert.strictEqual(md.renderInline('Codes are avaiable at github.com/daehuikim/GuRE.'), `Codes are avaiable at ${link('https://github.com/daehuikim/GuRE', 'github.com/daehuikim/GuRE')}.`);
			assert.strictEqual(
				md.renderInline('at huggingface.co/datasets/ServiceNow/VectorGym. (github.com/DLR-RM/s3li-toolkit) and objectforesight.github.io'),
				`at ${link('https://huggingface.co/datasets/ServiceNow/VectorGym', 'huggingface.co/datasets/ServiceNow/VectorGym')}. (${link('https://github.com/DLR-RM/s3li-toolkit', 'github.com/DLR-RM/s3li-toolkit')}) and ${link('https://objectforesight.github.io', 'objectforesight.github.io')}`,
			);
			assert.strictEqual(md.renderInline('代码见gitlab.com/a/b。'), `代码见${link('https://gitlab.com/a/b', 'gitlab.com/a/b')}。`);
		});
		it('leaves file names, abbreviations, other hosts and a host alone as text', () => {
			for (const text of ['see model.py, e.g. arXiv.org and example.com/a', 'available on GitHub.com.', 'api.github.com/repos and me@github.com/x', '`github.com/a/b` in code']) {
				assert.doesNotMatch(md.renderInline(text), /<a /, text);
			}
			// one link for an address with its scheme
			assert.strictEqual((md.renderInline('at https://github.com/q/r and www.github.com/q/r').match(/<a /g) ?? []).length, 2);
		});
		realIt('real entry: 2604.08052 of 2026-04-10 links to its code', () => {
			assert.match(cardOf(`${CORPUS}/2026-04-10.md`, '2604.08052'), /href="https:\/\/github\.com\/ryehr\/RRC_steganography"/);
		});
	});
	describe('links and code spans the newest rules must get right (the last diff review)', () => {
		const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
		it('two code-host addresses without a scheme in a Chinese sentence are both links', () => {
			assert.deepStrictEqual(hrefs(md.render('代码：github.com/a/b；数据：github.com/c/d')), ['https://github.com/a/b', 'https://github.com/c/d']);
			assert.deepStrictEqual(hrefs(md.render('代码见github.com/a/b，数据见huggingface.co/datasets/c/d。')), ['https://github.com/a/b', 'https://huggingface.co/datasets/c/d']);
		});
		it('a URL glued to the next sentence ends before it; an arXiv-escaped underscore is no backslash in the link or its text', () => {
			assert.deepStrictEqual(hrefs(md.render('Code at https://github.com/a/Bench.The results show gains.')), ['https://github.com/a/Bench']);
			const escaped = md.render('The code is at https://github.com/rsinghlab/Persona\\_Paradox.');
			assert.deepStrictEqual(hrefs(escaped), ['https://github.com/rsinghlab/Persona_Paradox']);
			assert.ok(!visible(escaped).includes('\\'), visible(escaped));
		});
		it('a backtick before a code span that starts with d, s or t is no apostrophe', () => {
			assert.match(md.renderInline('the function`d_model` and `x`s'), /<code>d_model<\/code> and/);
		});
	});
});
