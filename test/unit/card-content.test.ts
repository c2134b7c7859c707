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
});
