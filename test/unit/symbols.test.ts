import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Digest } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import {
	buildSymbols,
	paperMatchesWords,
	paperSymbolDetail,
	queryWords,
	TLDR_PREVIEW_CHARS,
	workspaceSymbolName,
	type DigestSymbol,
} from '../../src/core/symbols';
import { paperTooltipMarkdown } from '../../src/core/tree';
import { smallDigest } from '../fixtures/small-digest';

const SEEDS = 'test/fixtures/seeds';

function seed(name: string): { text: string; digest: Digest } {
	const text = readFileSync(join(SEEDS, name), 'utf8');
	return { text, digest: parseDigest(text, name) };
}

function within(inner: { start: number; end: number }, outer: { start: number; end: number }): boolean {
	return inner.start >= outer.start && inner.end <= outer.end && inner.start <= inner.end;
}

function checkNesting(symbols: DigestSymbol[], parent?: DigestSymbol): number {
	let count = 0;
	for (const s of symbols) {
		assert.ok(within(s.selectionRange, s.range), `${s.name}: selection inside range`);
		if (parent) {
			assert.ok(within(s.range, parent.range), `${s.name} inside ${parent.name}`);
		}
		count += 1 + checkNesting(s.children, s);
	}
	return count;
}

describe('core/symbols over a small fixture', () => {
	const symbols = buildSymbols(smallDigest());

	it('lists categories with their papers and keeps unplaced papers at the top level, in file order', () => {
		assert.deepStrictEqual(symbols.map((s) => [s.kind, s.name]), [
			['category', 'cs.CV'],
			['paper', 'Untitled Work'],
		]);
		assert.deepStrictEqual(symbols[0].children.map((c) => c.name), ['[1] Diffusion Models for Privacy', '[2] Sparse Attention']);
		assert.deepStrictEqual(symbols[0].children.map((c) => c.paperIndex), [0, 1]);
		assert.strictEqual(symbols[1].paperIndex, 2);
	});

	it('describes categories by paper count and papers by authors and TL;DR', () => {
		assert.strictEqual(symbols[0].detail, '2 papers');
		assert.strictEqual(symbols[0].children[0].detail, 'Ada Lovelace et al. — A short summary.');
		const long = symbols[0].children[1].detail;
		assert.ok(long.startsWith('Grace Hopper — xxx'), long);
		assert.ok(long.endsWith('…'));
		assert.strictEqual(Array.from(long.slice('Grace Hopper — '.length)).length, TLDR_PREVIEW_CHARS);
		assert.strictEqual(symbols[1].detail, '');
	});

	it('uses heading lines as selection ranges and widens ranges to hold them', () => {
		assert.deepStrictEqual(symbols[0].selectionRange, { start: 6, end: 6 });
		assert.deepStrictEqual(symbols[0].children[1].selectionRange, { start: 22, end: 22 });
		assert.deepStrictEqual(symbols[0].children[1].range, { start: 22, end: 30 });
		// the category grows to cover a child that ran past its end
		assert.deepStrictEqual(symbols[0].range, { start: 6, end: 30 });
		assert.strictEqual(checkNesting(symbols), 4);
	});

	it('names a single category paper "1 paper" and an empty digest has no symbols', () => {
		const d = smallDigest();
		d.categories[0].papers = [0];
		assert.strictEqual(buildSymbols(d)[0].detail, '1 paper');
		assert.deepStrictEqual(buildSymbols({ ...d, categories: [], papers: [] }), []);
	});

	it('lists a paper claimed by two categories only once', () => {
		const d = smallDigest();
		d.categories.push({ name: 'cs.AI', headingLine: 35, range: { start: 35, end: 45 }, papers: [1, 2] });
		const s = buildSymbols(d);
		assert.deepStrictEqual(s.map((x) => x.name), ['cs.CV', 'cs.AI']);
		assert.deepStrictEqual(s[1].children.map((c) => c.paperIndex), [2]);
		assert.strictEqual(s[1].detail, '1 paper');
	});
});

describe('core/symbols workspace matching', () => {
	const [p1, p2, p3] = smallDigest().papers;

	it('splits queries into lower-case words', () => {
		assert.deepStrictEqual(queryWords('  Diffusion   PRIVACY '), ['diffusion', 'privacy']);
		assert.deepStrictEqual(queryWords('   '), []);
	});

	it('needs every word in the title or id, case-insensitively', () => {
		assert.ok(paperMatchesWords(p1, queryWords('privacy DIFFUSION')));
		assert.ok(!paperMatchesWords(p1, queryWords('privacy attention')));
		assert.ok(paperMatchesWords(p2, queryWords('2601.00002')));
		assert.ok(paperMatchesWords(p2, queryWords('https://arxiv.org/abs/2601.00002')));
		assert.ok(!paperMatchesWords(p2, []));
	});

	it('puts the arXiv id into workspace symbol names so the picker keeps id matches', () => {
		assert.strictEqual(workspaceSymbolName(p1), 'Diffusion Models for Privacy (2601.00001)');
		assert.strictEqual(workspaceSymbolName(p3), 'Untitled Work');
	});

	it('shows only the TL;DR when there are no authors', () => {
		assert.strictEqual(paperSymbolDetail({ ...p1, authors: [' '] }), 'A short summary.');
	});
});

describe('core/symbols over the seeds', () => {
	it('000: two categories whose counts match the table of contents', () => {
		const { text, digest } = seed('000_e68cbdc0f6d19b20.txt');
		const symbols = buildSymbols(digest);
		assert.deepStrictEqual(symbols.map((s) => s.name), ['cs.CV', 'cs.CL']);
		assert.deepStrictEqual(symbols.map((s) => s.detail), ['107 papers', '59 papers']);
		assert.strictEqual(checkNesting(symbols), 2 + 166);
		const lines = text.split(/\r?\n/);
		assert.strictEqual(lines[symbols[0].selectionRange.start], '# cs.CV [[Back]](#toc)');
		const first = symbols[0].children[0];
		assert.strictEqual(first.name, '[1] SIDeR: Semantic Identity Decoupling for Unrestricted Face Privacy');
		assert.ok(first.detail.startsWith('Zhuosen Bao et al. — SIDeR是'), first.detail);
		assert.ok(lines[first.selectionRange.start].startsWith('### [1] [SIDeR'));
		const last = symbols[1].children[symbols[1].children.length - 1];
		assert.ok(last.name.startsWith('[166] '), last.name);
		for (const category of symbols) {
			for (const child of category.children) {
				assert.ok(/^### \[\d+\]/.test(lines[child.selectionRange.start]), child.name);
			}
		}
	});

	it('002: five categories in table-of-contents order', () => {
		const { digest } = seed('002_9ca964b67d58151b.txt');
		const symbols = buildSymbols(digest);
		assert.deepStrictEqual(symbols.map((s) => [s.name, s.children.length]), [
			['cs.CV', 26], ['cs.LG', 32], ['cs.CY', 5], ['cs.IR', 7], ['cs.AI', 9],
		]);
		assert.strictEqual(checkNesting(symbols), 5 + 79);
		const starts = symbols.flatMap((s) => s.children.map((c) => c.selectionRange.start));
		assert.deepStrictEqual(starts, [...starts].sort((a, b) => a - b));
	});
});

describe('translated titles in the Outline and the Papers view', () => {
	const path = 'test/fixtures/real/KevinClaint__Arxiv-Daliy/2026-09-10.md';
	const digest = parseDigest(readFileSync(path, 'utf8'), path);
	const paper = digest.papers.find((p) => p.translatedTitle);

	it('a paper with a translated title shows it as its symbol detail and in its tooltip', () => {
		assert.ok(paper && paper.translatedTitle, 'the fixture has translated titles');
		assert.ok(paperSymbolDetail(paper).includes(paper.translatedTitle.slice(0, 20)), paperSymbolDetail(paper));
		assert.ok(paperTooltipMarkdown(paper, '2026-09-10').includes(paper.translatedTitle.slice(0, 5)));
	});
});
