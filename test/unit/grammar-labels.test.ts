/**
 * The TextMate grammar colours a plain label (`TL;DR: …`, `中文摘要：…`) only when it is in its own list, so prose
 * with a colon stays prose. That list must hold every label the parser knows (src/core/labels.ts): StringsLi writes
 * `一句话结论: `, `研究问题: `, `英文原始摘要: ` on every paper, KevinClaint `中文摘要：`, zeta-zl `Key words:`, and
 * none of them was coloured.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import * as onig from 'vscode-oniguruma';
import { knownLabels } from '../../src/core/labels';

describe('grammar: plain labels', () => {
	let scanner: onig.OnigScanner;

	before(async () => {
		const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
		await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
		const grammar = JSON.parse(readFileSync('syntaxes/arxiv-digest.tmLanguage.json', 'utf8'));
		const category = grammar.repository['field-category'].patterns[0].match as string;
		scanner = new onig.OnigScanner([grammar.repository['field-plain'].match, category]);
	});

	/** the label's text when a label rule of the grammar matches the whole line with it as the label */
	function colouredLabel(line: string): string | undefined {
		const m = scanner.findNextMatchSync(line, 0);
		if (!m || m.captureIndices[0].start !== 0 || m.captureIndices[0].end !== line.length) return undefined;
		const label = m.captureIndices[3];
		return line.slice(label.start, label.end);
	}

	it('colours every label the parser knows, with a colon or a full-width colon', () => {
		const missing: string[] = [];
		for (const label of knownLabels()) {
			for (const line of [`${label}: value`, `${label}：值`, `> ${label}: value`, `- ${label}: value`]) {
				if (colouredLabel(line) !== label) missing.push(line);
			}
		}
		assert.deepStrictEqual(missing, []);
	});

	it('colours no text that is not a label: the list after the hand-written one (ending 제목) holds only labels of the parser', () => {
		const grammar = JSON.parse(readFileSync('syntaxes/arxiv-digest.tmLanguage.json', 'utf8'));
		const match = grammar.repository['field-plain'].match as string;
		const list = match.slice(match.indexOf('|제목|') + '|제목|'.length, match.indexOf('))[ \\t]*([:：])'));
		const known = new Set(knownLabels().map((l) => l.toLowerCase()));
		// the words of a comment in labels.ts (`a field's and a common extra one's`) were taken for a label
		const strays = list.split('|').map((alt) => alt.replace(/\\(.)/g, '$1')).filter((label) => !known.has(label.toLowerCase()));
		assert.deepStrictEqual(strays, []);
		assert.strictEqual(colouredLabel('s and a common extra one: value'), undefined);
	});

	it('leaves prose with a colon alone', () => {
		assert.strictEqual(colouredLabel('This exposes an important paradox: the realism of LLM agents'), undefined);
		assert.strictEqual(colouredLabel('我们考虑了两种设置：监督和无监督'), undefined);
	});
});
