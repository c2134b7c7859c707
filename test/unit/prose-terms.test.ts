import * as assert from 'node:assert';
import { parseDigest } from '../../src/core/parser';
import { PaperIndex } from '../../src/core/search/index';
import { isProse } from '../../src/core/trends/prose';
import { rangeRising } from '../../src/core/trends/rising';
import { rangeTop } from '../../src/core/trends/shard';
import { isCjkTerm } from '../../src/core/search/tokenizer';

/** A paper as the Chinese-summary forks write it: English title and abstract, a Chinese TL;DR. */
function paper(n: number, id: string, title: string, abstract: string, tldr: string): string {
	return [
		`### [${n}] [${title}](https://arxiv.org/abs/${id})`,
		'*Ann Lee, Bo Chen*',
		'',
		'Main category: cs.LG',
		'',
		`TL;DR: ${tldr}`,
		'',
		'<details>',
		'  <summary>Details</summary>',
		'',
		`Abstract: ${abstract}`,
		'',
		'</details>',
		'',
	].join('\n');
}

function digest(papers: string[]): string {
	return ['<div id=toc></div>', '', '# cs.LG [[Back]](#toc)', '', ...papers].join('\n');
}

const DAY_1 = '2026-03-02';
/** 40 words of steady use: `lexa`, `lexb`, … */
const STEADY = Array.from({ length: 40 }, (_, i) => `lex${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'z' : ''}`);
const DAY_2 = '2026-03-03';

/**
 * Two days of 40 papers. Every abstract compares with a strong baseline and reports accuracy (the
 * prose); the TL;DRs say the topic again in Chinese. Day 1: 20 papers on graph networks, 20 on
 * retrieval. Day 2: 10 and 10, and 20 on diffusion (8 say so in the title), all naming gpt-5.4 in
 * the abstract alone (2 papers of day 1 did). `strongest` (abstracts only) goes from 4 papers to 24;
 * `agent`, in titles, from 16 to 19. Each abstract has 5 of 40 steady words.
 */
function day(which: 1 | 2, options: { strongestInTitles?: boolean } = {}): string {
	const papers = Array.from({ length: 40 }, (_, k) => {
		const id = `2603.${which}${String(k).padStart(4, '0')}`;
		const topic = which === 1 ? (k < 20 ? 'graph' : 'retrieval') : k < 10 ? 'graph' : k < 20 ? 'retrieval' : 'diffusion';
		const titleTopic = topic === 'diffusion' && k >= 28 ? 'Sampling' : topic[0].toUpperCase() + topic.slice(1);
		const agent = k < (which === 1 ? 16 : 19) ? ' agents' : '';
		const strongest = k < (which === 1 ? 4 : 24) ? ' It is the strongest of its kind.' : '';
		const titleStrongest = options.strongestInTitles && strongest ? ' strongest' : '';
		const named = (which === 2 && k >= 20) || (which === 1 && k < 2) ? ' We also test gpt-5.4 as a judge.' : '';
		// the steady vocabulary of a real folder: each word in 5 papers a day (the rising test measures against it)
		const steady = Array.from({ length: 5 }, (_, j) => STEADY[(k + 8 * j) % STEADY.length]).join(' ');
		const zh = topic === 'graph' ? '图神经网络在数据上提升准确率' : topic === 'retrieval' ? '检索增强生成在数据上提升准确率' : '扩散模型在数据上提升准确率';
		return paper(
			k + 1,
			id,
			`${titleTopic} for${agent}${titleStrongest}`,
			`We study ${topic} methods. We compare against a strong baseline and report the accuracy on public data. Keywords: ${steady}.${strongest}${named}`,
			zh,
		);
	});
	return digest(papers);
}

function indexOf(days: [string, string][]): PaperIndex {
	const index = new PaperIndex();
	for (const [name, text] of days) index.addFile(`data/${name}.md`, parseDigest(text, `data/${name}.md`));
	return index;
}

describe('top and rising terms name topics (core/trends/prose)', () => {
	const index = indexOf([[DAY_1, day(1)], [DAY_2, day(2)]]);
	const rising = { range: { from: DAY_2 }, previous: { to: DAY_1 } };

	it('the prose: a word in 20 papers or more, in the titles of fewer than 15% of them, and no digit in it', () => {
		assert.ok(isProse('baseline', 80, 0));
		assert.ok(isProse('accuracy', 100, 14));
		assert.ok(!isProse('agent', 100, 15), 'in 15% of its titles: a topic');
		assert.ok(!isProse('baseline', 19, 0), 'too few papers to judge');
		assert.ok(!isProse('gpt-5.4', 80, 0), 'a name');
	});

	it('top terms leave out the words every abstract uses, by the folder\'s titles, not by a list', () => {
		const top = rangeTop(index, {});
		const terms = Object.fromEntries(top.terms);
		assert.strictEqual(top.papers, 80);
		for (const word of ['baseline', 'accuracy', 'strong', 'public', 'compare']) assert.ok(!(word in terms), `"${word}" (in every abstract, no title) is not a top term`);
		assert.deepStrictEqual(top.terms.slice(0, 3), [['agent', 35], ['graph', 30], ['retrieval', 30]]);
		assert.strictEqual(terms.diffusion, 20, 'a topic counts every paper naming it, in the title (8) or in the abstract only (12)');
		// the same word, put by its papers in their titles, is a topic again
		const titled = indexOf([[DAY_1, day(1, { strongestInTitles: true })], [DAY_2, day(2, { strongestInTitles: true })]]);
		assert.strictEqual(Object.fromEntries(rangeTop(titled, {}).terms).strongest, 28);
		assert.ok(!('strongest' in terms));
	});

	it('top terms are one list of English words: the Chinese TL;DRs do not list the topics again', () => {
		const top = rangeTop(index, {});
		assert.deepStrictEqual(top.terms.filter(([term]) => isCjkTerm(term)), []);
		// every paper's TL;DR has 数据 (data) and 准确 (accuracy); 扩散 is diffusion's TL;DR word
		for (const word of ['数据', '准确', '扩散', '检索']) assert.ok(!top.terms.some(([term]) => term === word), word);
	});

	it('rising terms: a topic that rose leads; a style word that rose much is left out, one that rose a little does not pass', () => {
		const all = rangeRising(index, { ...rising, minPapers: 1 });
		const counts = Object.fromEntries(all.terms.map(([term, n, before]) => [term, [n, before]]));
		assert.strictEqual(counts.strongest, undefined, 'strongest (4 papers, then 24, in no title) is prose');
		assert.deepStrictEqual(counts.agent, [19, 16]);
		const ranked = rangeRising(index, { ...rising, limit: 10 }).terms.map(([term]) => term);
		assert.strictEqual(ranked[0], 'diffusion');
		assert.ok(ranked.includes('gpt-5.4'), `a name with a digit is kept though no title has it: ${ranked.join(', ')}`);
		assert.ok(!ranked.includes('gpt'), 'its part without the digit, in 22 papers and no title, is prose');
		assert.ok(!ranked.includes('agent'), '16 papers, then 19: chance');
		assert.ok(!ranked.includes('strongest'));
		// put in titles, the same rise of `strongest` is listed: it is the titles that tell, not a list of words
		const titled = indexOf([[DAY_1, day(1, { strongestInTitles: true })], [DAY_2, day(2, { strongestInTitles: true })]]);
		assert.ok(rangeRising(titled, { ...rising, limit: 10 }).terms.some(([term]) => term === 'strongest'));
	});

	it('judges again once the folder changes', () => {
		const growing = indexOf([[DAY_1, day(1)], [DAY_2, day(2)]]);
		assert.ok(!rangeTop(growing, {}).terms.some(([term]) => term === 'strongest'));
		// a day of 40 papers with `strongest` in the title: in the titles of 40 of its 68 papers now
		const titled = Array.from({ length: 40 }, (_, k) => paper(k + 1, `2603.3${String(k).padStart(4, '0')}`, `The strongest graph ${k}`, 'We study graph methods.', '图方法'));
		growing.addFile('data/2026-03-04.md', parseDigest(digest(titled), 'data/2026-03-04.md'));
		assert.ok(rangeTop(growing, {}).terms.some(([term]) => term === 'strongest'));
	});
});
