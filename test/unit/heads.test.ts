/**
 * What a cold build keeps of a file past its budget of parsed ones (heads.ts): every paper's short
 * fields, as the parser read them, from every fork's template; no long field.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { packHeads, unpackHeads } from '../../src/core/search/heads';
import { filesUnder } from './files-under';

const FILES = [...filesUnder('test/fixtures/real'), ...filesUnder('test/fixtures/search')];

function shortFields(paper: Paper) {
	const { id, isArxiv, title, translatedTitle, link, authors, category, section, tldr, range, headingLine } = paper;
	return { id, isArxiv, title, translatedTitle, link, authors, category, section, tldr, range, headingLine };
}

describe('a digest packed for its short fields (packHeads)', () => {
	it('gives back every paper\'s short fields, from the real files of every fork', () => {
		assert.ok(FILES.length >= 10);
		let papers = 0;
		for (const path of FILES) {
			const digest = parseDigest(readFileSync(path, 'utf8'), path);
			const back = unpackHeads(packHeads(digest));
			assert.deepStrictEqual({ path: back.path, day: back.day, label: back.label, lineCount: back.lineCount }, { path: digest.path, day: digest.day, label: digest.label, lineCount: digest.lineCount }, path);
			assert.deepStrictEqual(back.papers.map(shortFields), digest.papers.map(shortFields), path);
			assert.ok(back.papers.every((p) => p.abstract === '' && p.motivation === '' && p.tldr !== undefined && p.extra.length === 0), 'no long field');
			papers += digest.papers.length;
		}
		assert.ok(papers > 500, `${papers} papers`);
	});

	it('keeps papers without a link, a stated category or a translated title, and a digest without papers', () => {
		const text = ['# 2026-02-06', '', '## cs.CV', '', '### [1] A title with no link', '*A. Author*', '', 'TL;DR: 一句话。', '', '### [2] [Linked](https://arxiv.org/abs/2602.00002)', '中文标题', '*B. Author, C. Author*', '', 'Main category: cs.LG', '', 'TL;DR: short.', ''].join('\n');
		const digest = parseDigest(text, '/ws/2026-02-06.md');
		assert.strictEqual(digest.papers.length, 2);
		assert.deepStrictEqual(unpackHeads(packHeads(digest)).papers.map(shortFields), digest.papers.map(shortFields));
		const empty = parseDigest('# Nothing here\n', '/ws/empty.md');
		assert.deepStrictEqual(unpackHeads(packHeads(empty)).papers, []);
	});
});
