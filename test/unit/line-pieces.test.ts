import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeChecked } from '../../src/core/corpus/nodeIO';
import { paperFragments } from '../../src/core/corpus/paperFragments';
import { decodeText } from '../../src/core/corpus/proxyIO';
import { lineReader } from '../../src/core/documentView';
import { decodeInPieces, forEachLine, wholeText, type LineSource } from '../../src/core/parse/lines';
import { parseDigest } from '../../src/core/parser';
import { summarizeDigest } from '../../src/core/summary';
import { REAL } from './digest-folders';

function lines(source: LineSource): string[] {
	const out: string[] = [];
	const count = forEachLine(source, (index, line) => {
		assert.strictEqual(index, out.length);
		out.push(line);
	});
	assert.strictEqual(count, out.length);
	return out;
}

function pieces(text: string, pieceBytes: number): LineSource {
	const bytes = Buffer.from(text);
	return decodeInPieces(bytes, (start, end) => bytes.toString('utf8', start, end), pieceBytes);
}

describe('a text in pieces (decodeInPieces, forEachLine)', () => {
	const texts = [
		'',
		'\n',
		'one line',
		'one\ntwo\n',
		'one\ntwo\n\n\nthree',
		'crlf\r\nlines\r\n\r\nend\r\n',
		'a lone\rcarriage\rreturn\r',
		'mixed\r\nbreaks\rand\nfeeds\r\n\r',
		'\uFEFF# 2026-05-01\n\n## 机器人 (cs.RO)\n\n### [1] 标题：一个很长的中文标题\n**TL;DR**: 摘要，中文。\n',
	];

	it('gives the lines of the whole text, whatever the piece size; each piece but the last ends with a line feed', () => {
		for (const text of texts) {
			for (const size of [1, 2, 3, 5, 8, 13, 64, 1000]) {
				const source = pieces(text, size);
				assert.strictEqual(wholeText(source), text, JSON.stringify([text, size]));
				if (typeof source !== 'string') source.slice(0, -1).forEach((piece) => assert.ok(piece.endsWith('\n'), JSON.stringify([text, size, piece])));
				assert.deepStrictEqual(lines(source), lines(text), JSON.stringify([text, size]));
			}
		}
		assert.deepStrictEqual(lines([]), ['']);
	});

	it('drops a byte order mark at the start of the first piece, as of a whole text', () => {
		const text = '\uFEFF## cs.CV\n\n### [1] [A title](https://arxiv.org/abs/2605.00001)\n**TL;DR**: 一句话。\n';
		const whole = parseDigest(text, '2026-05-01.md', { clean: true });
		assert.strictEqual(whole.papers[0]?.title, 'A title');
		for (const size of [1, 4, 16]) assert.deepStrictEqual(parseDigest(pieces(text, size), '2026-05-01.md', { clean: true }), whole, String(size));
	});

	it('keeps a text no larger than a piece whole, and never cuts a character', () => {
		assert.strictEqual(pieces('short\ntext\n', 64), 'short\ntext\n');
		const cjk = '中文'.repeat(40) + '\n' + '数学'.repeat(40);
		const source = pieces(cjk, 10);
		assert.ok(Array.isArray(source) && source.length === 2, 'cut at the one line feed');
		assert.ok(!wholeText(source).includes('\uFFFD'));
	});

	it('parses every real digest in pieces as it parses it whole: the digest, its line reader, its papers read back', () => {
		const names = readdirSync(REAL, { recursive: true }).map(String).filter((name) => name.endsWith('.md') && !name.endsWith('README.md'));
		assert.ok(names.length >= 20, `${names.length} real digests`);
		for (const name of names) {
			const text = readFileSync(join(REAL, name), 'utf8');
			const whole = parseDigest(text, name, { clean: true });
			const source = pieces(text, 700);
			if (text.length > 2000) assert.ok(typeof source !== 'string' && source.length > 2, name);
			assert.deepStrictEqual(parseDigest(source, name, { clean: true }), whole, name);
			// not known clean: read whole for the signs of a binary file, the same digest
			assert.deepStrictEqual(parseDigest(source, name), parseDigest(text, name), name);
			const byLine = lineReader(source);
			const wholeByLine = lineReader(text);
			for (let line = 0; line <= whole.lineCount; line++) assert.strictEqual(byLine(line), wholeByLine(line), `${name}:${line}`);
			const ids = new Set(whole.papers.slice(-2).map((paper) => paper.id));
			assert.deepStrictEqual(paperFragments(source, name, summarizeDigest(whole), ids), paperFragments(text, name, summarizeDigest(whole), ids), name);
		}
	});

	it('the Node and the browser readers agree: clean bytes in pieces; NUL, U+FFFD or invalid UTF-8 whole and not clean', () => {
		const text = readFileSync(join(REAL, 'ZL-Asica__daily-arXiv-digest', '2025-08-12.md'), 'utf8');
		assert.ok(Buffer.byteLength(text) > 100_000);
		const cases: [string, Buffer, boolean][] = [
			['clean', Buffer.from(text), true],
			// every piece starts with U+FEFF: kept where the whole text has it
			['clean, U+FEFF at every line\'s start', Buffer.from('\uFEFF' + text.replaceAll('\n', '\n\uFEFF')), true],
			['NUL', Buffer.from(text.replace('\n', '\n\u0000\n')), false],
			['U+FFFD', Buffer.from(text + '\uFFFD'), false],
			['invalid UTF-8', Buffer.concat([Buffer.from(text), Buffer.from([0xc3])]), false],
		];
		for (const [what, bytes, clean] of cases) {
			for (const read of [decodeChecked(bytes), decodeText(bytes)]) {
				assert.strictEqual(read.clean, clean, what);
				assert.strictEqual(typeof read.text !== 'string', clean, `${what}: in pieces when clean`);
				assert.strictEqual(wholeText(read.text), bytes.toString('utf8'), what);
			}
		}
	});
});
