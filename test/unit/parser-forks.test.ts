/**
 * Templates of forks a review found misread: each test reads a trimmed real file of the fork
 * (test/fixtures/variants/forks, sources in its README) or, where only the fork's template was found,
 * a paper rendered by hand from it.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import type { Digest } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';

const DIR = 'test/fixtures/variants/forks';

function parseFork(file: string): Digest {
	return parseDigest(readFileSync(`${DIR}/${file}`, 'utf8'), file);
}

/** what a reader is told of a good file: warnings and errors (an unknown label is info) */
function warnings(d: Digest): string[] {
	return d.diagnostics.filter((x) => x.severity === 'warning' || x.severity === 'error').map((x) => `${x.range.start}: ${x.message}`);
}

describe('parser: fork templates', () => {
	it('upstream\'s fallbacks when the LLM fails ("Motivation analysis unavailable", "Result analysis unavailable", "… failed") are placeholders (wwj281 2026-10-08)', () => {
		const d = parseFork('wwj281__daily-arXiv-ai-enhanced/2026-10-08.md');
		assert.strictEqual(d.papers.length, 2);
		for (const p of d.papers) {
			assert.deepStrictEqual([p.tldr, p.motivation, p.method, p.result, p.conclusion], ['', '', '', '', ''], p.id);
			assert.ok(p.abstract.startsWith(p.id === '2610.06889' ? 'We study the application' : 'Localizing latent structures'), p.abstract);
		}
		const placeholders = d.diagnostics.filter((x) => x.code === 'placeholder').map((x) => x.message);
		assert.strictEqual(placeholders.length, 10);
		assert.ok(placeholders.includes('"Motivation" holds the placeholder "Motivation analysis unavailable": left empty.'), placeholders.join('\n'));
		assert.deepStrictEqual(warnings(d), []);
	});

	it('a short "<Field> … unavailable" is a placeholder; a sentence that ends in "unavailable" is text', () => {
		const paper = (motivation: string) =>
			parseDigest(['### [1] [A Paper](https://arxiv.org/abs/2610.00001)', '*Ann Author*', '', `Motivation: ${motivation}`, ''].join('\n'), 'data/2026-10-08.md').papers[0].motivation;
		assert.strictEqual(paper('Classification unavailable'), '');
		assert.strictEqual(paper('Unavailable.'), '');
		const sentence = 'Ground truth for rare events in public datasets is often unavailable';
		assert.strictEqual(paper(sentence), sentence);
	});
});
