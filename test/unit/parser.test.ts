import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { SUMMARY_FIELDS, type Digest } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';

const SEED_DIR = 'test/fixtures/seeds';
const SEED_A = '000_e68cbdc0f6d19b20.txt';
const SEED_B = '002_9ca964b67d58151b.txt';

function seed(name: string): { text: string; lines: string[]; digest: Digest } {
	const text = readFileSync(`${SEED_DIR}/${name}`, 'utf8');
	return { text, lines: text.split('\n'), digest: parseDigest(text, `${SEED_DIR}/${name}`) };
}

function categoryCounts(d: Digest): [string, number][] {
	return d.categories.map((c) => [c.name, c.papers.length]);
}

/** checks that hold for any well-formed reference-shape digest */
function assertReferenceShape(lines: string[], d: Digest): void {
	assert.strictEqual(d.lineCount, lines.length);
	assert.deepStrictEqual(d.diagnostics, []);
	d.papers.forEach((p, k) => {
		const where = `paper ${k + 1} (${p.id})`;
		assert.strictEqual(p.number, k + 1, where);
		assert.ok(lines[p.headingLine].startsWith('### ['), where);
		assert.strictEqual(p.range.start, p.headingLine, where);
		for (const key of ['title', 'link', 'category'] as const) assert.ok(p[key], `${where}: ${key}`);
		assert.ok(p.authors.length > 0, `${where}: authors`);
		for (const key of SUMMARY_FIELDS) assert.ok(p[key].length > 0, `${where}: ${key}`);
		assert.ok(p.isArxiv, where);
		assert.match(p.id, /^\d{4}\.\d{5}$/, where);
		assert.strictEqual(p.link, `https://arxiv.org/abs/${p.id}`, where);
		assert.strictEqual(p.version, undefined, where);
		assert.deepStrictEqual(p.extra, [], where);
		assert.strictEqual(lines[p.fieldRanges.authors!.start], `*${p.authors.join(',')}*`, where);
		assert.strictEqual(lines[p.fieldRanges.category!.start], `Main category: ${p.category}`, where);
		const prefixes = { tldr: 'TL;DR: ', motivation: 'Motivation: ', method: 'Method: ', result: 'Result: ', conclusion: 'Conclusion: ', abstract: 'Abstract: ' };
		for (const key of SUMMARY_FIELDS) {
			const r = p.fieldRanges[key]!;
			assert.ok(lines[r.start].startsWith(prefixes[key]), `${where}: ${key} line`);
			assert.ok(lines[r.start].length > prefixes[key].length, `${where}: ${key} value on the label line`);
			assert.ok(p[key].startsWith(lines[r.start].slice(prefixes[key].length).trim()), `${where}: ${key} value`);
			assert.ok(r.start >= p.range.start && r.end <= p.range.end, `${where}: ${key} inside the entry`);
		}
		assert.strictEqual(lines[p.detailsRange!.start], '<details>', where);
		assert.strictEqual(lines[p.detailsRange!.end], '</details>', where);
		const next = d.papers[k + 1];
		if (next) {
			const between = lines.slice(p.range.end + 1, next.headingLine);
			// the entry runs to the next heading, or to the next category's anchor and heading
			assert.ok(between.length === 0 || between[0].startsWith('<div id='), `${where}: range end ${p.range.end}`);
			assert.ok(p.range.end + 1 === next.headingLine || lines[p.range.end + 1].startsWith('<div id='), where);
		} else {
			assert.strictEqual(p.range.end, lines.length - 1, where);
		}
	});
	d.categories.forEach((c, k) => {
		assert.strictEqual(lines[c.headingLine], `# ${c.name} [[Back]](#toc)`);
		assert.strictEqual(c.anchor, c.name);
		assert.strictEqual(c.claimedTotal, c.papers.length);
		assert.strictEqual(c.range.start, c.headingLine);
		const next = d.categories[k + 1];
		if (next) {
			// the next category starts at its anchor line, `<div id='cs.CL'></div>`, above its heading
			assert.strictEqual(lines[c.range.end + 1], `<div id='${next.name}'></div>`);
		} else {
			assert.strictEqual(c.range.end, lines.length - 1);
		}
		for (const idx of c.papers) assert.strictEqual(d.papers[idx].section, c.name);
	});
	const listed = d.categories.flatMap((c) => c.papers);
	assert.deepStrictEqual(listed, d.papers.map((_, k) => k), 'every paper in exactly one category, in file order');
}

describe('parser: seeds', () => {
	it(`${SEED_A}: 166 papers, cs.CV 107 and cs.CL 59`, () => {
		const { lines, digest } = seed(SEED_A);
		assert.strictEqual(digest.papers.length, 166);
		assert.deepStrictEqual(categoryCounts(digest), [['cs.CV', 107], ['cs.CL', 59]]);
		assert.strictEqual(digest.day, undefined);
		assert.strictEqual(digest.label, '000_e68cbdc0f6d19b20');
		assert.deepStrictEqual(digest.tocRange, { start: 0, end: 5 });
		assertReferenceShape(lines, digest);
	});

	it(`${SEED_B}: 79 papers over five categories`, () => {
		const { lines, digest } = seed(SEED_B);
		assert.strictEqual(digest.papers.length, 79);
		assert.deepStrictEqual(categoryCounts(digest), [['cs.CV', 26], ['cs.LG', 32], ['cs.CY', 5], ['cs.IR', 7], ['cs.AI', 9]]);
		assert.strictEqual(digest.label, '002_9ca964b67d58151b');
		assert.deepStrictEqual(digest.tocRange, { start: 0, end: 8 });
		assertReferenceShape(lines, digest);
	});

	it('reads the first paper of a seed field by field', () => {
		const { digest } = seed(SEED_A);
		const p = digest.papers[0];
		assert.strictEqual(p.title, 'SIDeR: Semantic Identity Decoupling for Unrestricted Face Privacy');
		assert.strictEqual(p.id, '2602.04994');
		assert.strictEqual(p.section, 'cs.CV');
		assert.strictEqual(p.category, 'cs.CV');
		assert.deepStrictEqual(p.authors, [
			'Zhuosen Bao', 'Xia Du', 'Zheng Lin', 'Jizhe Zhou', 'Zihan Fang', 'Jiening Wu', 'Yuxin Zhang', 'Zhe Chen', 'Chi-man Pun', 'Wei Ni', 'Jun Luo',
		]);
		assert.ok(p.tldr.startsWith('SIDeR是一个语义解耦驱动的无限制人脸隐私保护框架'));
		assert.ok(p.abstract.endsWith('outperforms baseline methods by 41.28% in PSNR-based restoration quality.'));
		assert.deepStrictEqual(p.range, { start: 12, end: 34 });
		assert.deepStrictEqual(p.fieldRanges, {
			title: { start: 12, end: 12 },
			authors: { start: 13, end: 13 },
			category: { start: 15, end: 15 },
			tldr: { start: 17, end: 17 },
			motivation: { start: 22, end: 22 },
			method: { start: 24, end: 24 },
			result: { start: 26, end: 26 },
			conclusion: { start: 28, end: 28 },
			abstract: { start: 30, end: 30 },
		});
		assert.deepStrictEqual(p.detailsRange, { start: 20, end: 32 });
	});

	it('joins an abstract that continues on indented lines', () => {
		const { lines, digest } = seed(SEED_A);
		const p = digest.papers.find((x) => x.fieldRanges.abstract!.start === 237)!;
		assert.ok(lines[238].startsWith('  We develop an image-to-image pipeline'));
		assert.deepStrictEqual(p.fieldRanges.abstract, { start: 237, end: 238 });
		assert.ok(p.abstract.includes('vibrant marine life. We develop an image-to-image pipeline') || p.abstract.includes(' We develop an image-to-image pipeline'));
		assert.ok(!p.abstract.includes('\n'));
	});

	it('two seeds concatenated parse as one file with duplicate and TOC findings only', () => {
		const a = seed(SEED_A).text;
		const b = seed(SEED_B).text;
		const d = parseDigest(a + '\n' + b, 'both.md');
		assert.strictEqual(d.papers.length, 166 + 79);
		// the second table of contents sits inside the last paper of the first file: kept as notes
		assert.ok(d.diagnostics.every((x) => x.severity === 'info' || x.code === 'toc-total-mismatch' || x.code === 'toc-missing-category' || x.code === 'duplicate-id'), JSON.stringify(d.diagnostics.filter((x) => x.severity !== 'info')));
		assert.strictEqual(d.diagnostics.filter((x) => x.severity === 'error').length, 0);
	});
});
