/**
 * paperFragments: a paper parsed from its own lines (under its category's heading) reads as in its
 * whole file, for every paper of every real fixture; a summary older than the file gives other text,
 * which the index refuses (see the search shard's tests).
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { paperFragments } from '../../src/core/corpus/paperFragments';
import type { Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { listingOf } from '../../src/core/search/index';
import { summarizeDigest } from '../../src/core/summary';
import { filesUnder } from './files-under';

const FILES = filesUnder('test/fixtures/real');

/** what the index keeps of a listing: the short fields and the long fields' texts */
const indexed = (p: Paper) => JSON.stringify([p.id, p.title, p.translatedTitle, p.authors, p.category, p.tldr, p.link, listingOf(p)]);

describe('paperFragments', () => {
	it('parses each paper of every real fixture from its own lines as the whole file has it', () => {
		let same = 0;
		const differ: string[] = [];
		for (const path of FILES) {
			const text = readFileSync(path, 'utf8');
			const whole = parseDigest(text, path);
			const summary = summarizeDigest(whole);
			const seen = new Set<string>();
			for (const paper of whole.papers) {
				if (seen.has(paper.id)) continue;
				seen.add(paper.id);
				const own = paperFragments(text, path, summary, new Set([paper.id]))?.papers.find((p) => p.id === paper.id);
				if (own && indexed(own) === indexed(paper)) same++;
				else differ.push(`${path.split('/').slice(-2).join('/')} ${paper.id}`);
			}
		}
		assert.ok(same > 2000, `${same} papers read the same`);
		assert.deepStrictEqual(differ, []);
	});

	it('parses several papers of a file at once, each under its own category, its first listing of a paper listed twice', () => {
		const path = FILES.find((f) => f.endsWith('.md')) as string;
		const text = readFileSync(path, 'utf8');
		const whole = parseDigest(text, path);
		const first = whole.papers[0];
		const last = whole.papers[whole.papers.length - 1];
		assert.notStrictEqual(first.section, last.section, 'a file with two categories');
		const own = paperFragments(text, path, summarizeDigest(whole), new Set([last.id, first.id]));
		assert.deepStrictEqual(own?.papers.map(indexed), [indexed(first), indexed(last)]);
		assert.deepStrictEqual(own?.papers.map((p) => p.section), [first.section, last.section]);
		const twice = `${text}\n\n${text.slice(text.indexOf('###'))}`;
		assert.strictEqual(paperFragments(twice, path, summarizeDigest(parseDigest(twice, path)), new Set([first.id]))?.papers.length, 1);
	});

	it('reads a paper above the first category heading as the whole file has it, a byte-order mark in front of it too', () => {
		const path = FILES.find((f) => f.endsWith('.md')) as string;
		const text = readFileSync(path, 'utf8');
		// the file's papers from its first paper on (its category named by the paper's line), the mark in front
		const marked = `\uFEFF${text.slice(text.indexOf('###'))}`;
		const whole = parseDigest(marked, path);
		const first = whole.papers[0];
		assert.strictEqual(first.range.start, 0);
		const own = paperFragments(marked, path, summarizeDigest(whole), new Set([first.id]))?.papers[0];
		assert.strictEqual(own && indexed(own), indexed(first));
	});

	it('reads each paper of categories without a heading (set by their papers\' fields) as the whole file has it', () => {
		const entry = (n: number, id: string, category: string) =>
			`### [${n}] [Paper ${n} on ${category}](https://arxiv.org/abs/${id})\n*Ann Lee*\n\nMain category: ${category}\n\nTL;DR: 摘要${n}。\n\n<details>\n  <summary>Details</summary>\nAbstract: Abstract ${n}.\n\n</details>\n\n`;
		const above = entry(1, '2602.00001', 'cs.CV') + entry(2, '2602.00002', 'cs.LG') + entry(3, '2602.00003', 'cs.CV');
		for (const text of [above, `${above}# cs.AI\n\n${entry(4, '2602.00004', 'cs.AI')}`]) {
			const path = '/ws/2026-02-01.md';
			const whole = parseDigest(text, path);
			const summary = summarizeDigest(whole);
			for (const paper of whole.papers) {
				const own = paperFragments(text, path, summary, new Set([paper.id]))?.papers.find((p) => p.id === paper.id);
				assert.strictEqual(own && indexed(own), indexed(paper), paper.id);
			}
			const all = paperFragments(text, path, summary, new Set(whole.papers.map((p) => p.id)));
			assert.deepStrictEqual(all?.papers.map(indexed), whole.papers.map(indexed));
		}
	});

	it('gives nothing for a paper its summary does not list, and other text from a summary older than the file', () => {
		const path = FILES.find((f) => f.endsWith('.md')) as string;
		const text = readFileSync(path, 'utf8');
		const whole = parseDigest(text, path);
		const summary = summarizeDigest(whole);
		assert.strictEqual(paperFragments(text, path, summary, new Set(['2699.99999'])), undefined);
		const paper = whole.papers[1];
		// the file changed since: its abstract edited in place, and then lines added above it
		const edited = text.replace(paper.abstract.slice(0, 40), `Edited. ${paper.abstract.slice(0, 40)}`);
		const own = paperFragments(edited, path, summary, new Set([paper.id]))?.papers.find((p) => p.id === paper.id);
		assert.ok(own && own.abstract.startsWith('Edited.') && indexed(own) !== indexed(paper));
		const shifted = paperFragments(`${'\n'.repeat(40)}${text}`, path, summary, new Set([paper.id]))?.papers.find((p) => p.id === paper.id);
		assert.notStrictEqual(shifted && indexed(shifted), indexed(paper));
	});
});
