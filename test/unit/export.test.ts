import * as assert from 'node:assert';
import MarkdownIt from 'markdown-it';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell, MAX_CSV_CELL } from '../../src/core/export/csv';
import { exportPapers, type ExportFormat, type ExportInput } from '../../src/core/export';
import { makePaper } from './card-fixtures';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS test-only parser without types
const bibtexParse = require('bibtex-parse') as { entries(text: string): Record<string, string>[] };

const GOLDEN = join('test', 'unit', 'golden');

/** Three papers that exercise escaping: LaTeX specials and math, Chinese names, a non-arXiv link, quotes and line breaks in a note. */
const INPUT: ExportInput = {
	title: 'Robotics [to read]',
	exported: '2026-02-07T08:00:00.000Z',
	items: [
		{ paper: makePaper(), day: '2026-02-06', days: ['2026-02-24', '2026-02-06'], note: 'Good baseline, compare with "UniTrack".\nSecond line — 第二行', tags: ['privacy', 'faces'], collections: ['Starred', 'Robotics'] },
		{
			paper: makePaper({ id: '2602.05037', version: 'v2', title: 'Scaling $\\mathcal{O}(n)$ Attention & 100% Recall_at_k #1 {fast}', authors: ['张伟', '李 娜', 'Jean-Pierre Dupont and Sons', 'Zoë Ñúñez'], category: 'cs.LG', section: 'cs.LG', tldr: '用 $O(n)$ 注意力, "fast".' }),
			day: '2026-02-06',
			days: ['2026-02-06'],
			tags: [],
		},
		{ paper: makePaper({ id: '10.1101/2024.01.01', isArxiv: false, link: 'https://www.biorxiv.org/content/10.1101/2024.01.01v1', title: '=SUM(A1) formula-looking title', authors: ['王芳'], category: undefined, section: 'q-bio', tldr: '' }), day: '2025-12-30', days: ['2025-12-30'] },
		// the same first author, year and title word as the first: the citation key must differ
		{ paper: makePaper({ id: '2602.09999', title: 'SIDeR again' }), day: '2026-02-06', days: ['2026-02-06'] },
	],
};

const FILES: Record<ExportFormat, string> = { bibtex: 'export.bib', markdown: 'export.md', csv: 'export.csv', json: 'export.json' };

describe('exporters (golden files in test/unit/golden; UPDATE_GOLDEN=1 rewrites them)', () => {
	for (const [format, file] of Object.entries(FILES) as [ExportFormat, string][]) {
		it(`${format} matches ${file}`, () => {
			const out = exportPapers(format, INPUT);
			const path = join(GOLDEN, file);
			if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, out);
			assert.strictEqual(out, readFileSync(path, 'utf8'));
		});
	}

	it('BibTeX: LaTeX specials escaped, math kept, Chinese names as written, "and" in a name braced, keys unique', () => {
		const bib = exportPapers('bibtex', INPUT);
		assert.match(bib, /title\s+= \{Scaling \$\\mathcal\{O\}\(n\)\$ Attention \\& 100\\% Recall\\_at\\_k \\#1 \\\{fast\\\}\}/);
		assert.match(bib, /author\s+= \{张伟 and 李 娜 and \{Jean-Pierre Dupont and Sons\} and Zoë Ñúñez\}/);
		const keys = [...bib.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
		assert.strictEqual(new Set(keys).size, keys.length, keys.join(' '));
		assert.deepStrictEqual(keys.filter((k) => k.startsWith('bao2026sider')), ['bao2026sider260204994', 'bao2026sider260209999']);
	});

	it("BibTeX: a paper's key does not depend on which other papers an export holds, or their order", () => {
		const [first, , , again] = INPUT.items;
		const third = { ...again, paper: makePaper({ id: '2602.00001', title: 'SIDeR once more' }) };
		const keysOf = (items: typeof INPUT.items) => new Map([...exportPapers('bibtex', { ...INPUT, items }).matchAll(/^@misc\{([^,]+),\n.*?eprint\s+= \{([^}]+)\}/gms)].map((m) => [m[2], m[1]]));
		const two = keysOf([first, again]);
		const three = keysOf([third, again, first]);
		assert.deepStrictEqual([...two.values()], ['bao2026sider260204994', 'bao2026sider260209999']);
		for (const id of ['2602.04994', '2602.09999']) assert.strictEqual(three.get(id), two.get(id), id);
		assert.strictEqual(three.get('2602.00001'), 'bao2026sider260200001');
		assert.strictEqual(keysOf([first]).get('2602.04994'), 'bao2026sider', 'no clash: the key the card copies');
	});

	it('BibTeX is read back by a BibTeX parser (bibtex-parse): every entry, key and field', () => {
		const entries = bibtexParse.entries(exportPapers('bibtex', INPUT));
		assert.deepStrictEqual(entries.map((e) => e.key), ['bao2026sider260204994', 'arxiv260205037scaling', 'papersum', 'bao2026sider260209999']);
		assert.ok(entries[1].AUTHOR.startsWith('张伟 and 李 娜 and '), entries[1].AUTHOR);
		assert.strictEqual(entries[0].EPRINT, '2602.04994');
		// the braces of `{SIDeR:} {Semantic}` protect case only: read back, the title is as the digest writes it
		assert.strictEqual(entries[0].TITLE, 'SIDeR: Semantic Identity Decoupling for Unrestricted Face Privacy');
		// a url agrees with its eprint: the abstract page without the version (2602.05037v2 in the digest)
		for (const entry of entries.filter((e) => e.EPRINT !== undefined)) assert.strictEqual(entry.URL, `https://arxiv.org/abs/${entry.EPRINT}`);
		assert.strictEqual(entries[1].URL, 'https://arxiv.org/abs/2602.05037');
		assert.strictEqual(entries[2].URL, 'https://www.biorxiv.org/content/10.1101/2024.01.01v1');
	});

	it('CSV: quotes separators, quotes and line breaks; guards formula cells; BOM and CRLF', () => {
		assert.strictEqual(csvCell('plain'), 'plain');
		assert.strictEqual(csvCell('a, b'), '"a, b"');
		assert.strictEqual(csvCell('say "hi"'), '"say ""hi"""');
		assert.strictEqual(csvCell('two\nlines'), '"two\nlines"');
		assert.strictEqual(csvCell('=SUM(A1)'), "'=SUM(A1)");
		assert.strictEqual(csvCell(' padded'), '" padded"');
		// after spaces, and full-width: importers that trim cells or fold widths run those too
		assert.strictEqual(csvCell(' =1+1'), "' =1+1");
		assert.strictEqual(csvCell('＝1+1'), "'＝1+1");
		assert.strictEqual(csvCell('-survey'), "'-survey");
		const csv = exportPapers('csv', INPUT);
		assert.ok(csv.startsWith('\ufeffid,title,'));
		// a collaboration's 3,303 authors: as many as a spreadsheet cell holds, and their number
		const many = Array.from({ length: 3303 }, (_, i) => `Author Number${i}`);
		const big = exportPapers('csv', { ...INPUT, items: [{ paper: makePaper({ authors: many }), day: '2026-02-06', days: ['2026-02-06'] }] });
		const cell = big.split('\r\n')[1].split(',')[2];
		assert.ok(cell.length <= MAX_CSV_CELL && cell.length > MAX_CSV_CELL - 30, `${cell.length}`);
		assert.ok(cell.startsWith('Author Number0; Author Number1; ') && cell.endsWith('; … (3303 authors)'), cell.slice(-40));
		assert.strictEqual(csv.split('\r\n').length, INPUT.items.length + 2, 'a header, one row per paper (the note\'s \\n is inside quotes), a final CRLF');
	});

	it('JSON parses back with every paper', () => {
		const doc = JSON.parse(exportPapers('json', INPUT));
		assert.strictEqual(doc.format, 'arxiv-digest/papers');
		assert.deepStrictEqual(doc.papers.map((p: { id: string }) => p.id), INPUT.items.map((i) => i.paper.id));
		assert.strictEqual(doc.papers[0].note, INPUT.items[0].note);
		// every field the digest gives, the summaries included
		const paper = INPUT.items[0].paper;
		assert.deepStrictEqual(
			[doc.papers[0].motivation, doc.papers[0].method, doc.papers[0].result, doc.papers[0].conclusion, doc.papers[0].extra],
			[paper.motivation, paper.method, paper.result, paper.conclusion, paper.extra.map((e) => ({ label: e.label, value: e.value }))],
		);
	});

	it('Markdown: math stays as written for a renderer with math, the rest of a title and TL;DR as text', () => {
		const md = exportPapers('markdown', {
			...INPUT,
			items: [{ paper: makePaper({ title: 'Reading $\\neq$ Seeing: $\\mathrm{H}_2$ at $5 or $10', tldr: '用 <search> 工具, Sgr A* 和 M87*' }), day: '2026-02-06', days: ['2026-02-06'] }],
		});
		assert.ok(md.includes('Reading $\\neq$ Seeing: $\\mathrm{H}_2$ at $5 or $10'), md);
		assert.ok(md.includes('**TL;DR:** 用 \\<search\\> 工具, Sgr A\\* 和 M87\\*'), md);
		// math spaced inside its dollars, as the card reads it, is written as it is; a price's dollars are text
		const spaced = exportPapers('markdown', { ...INPUT, items: [{ paper: makePaper({ title: 'T', tldr: 'complexity $ O(n_k) $ at $ 5 to $ 10' }), day: '2026-02-06', days: ['2026-02-06'] }] });
		assert.ok(spaced.includes('**TL;DR:** complexity $ O(n_k) $ at $ 5 to $ 10'), spaced);
		// GitHub strikes through text between single tildes: a Chinese range stays a range
		const ranges = exportPapers('markdown', { ...INPUT, items: [{ paper: makePaper({ title: 'Cut ~10 to ~2', tldr: '从~10降至~2' }), day: '2026-02-06', days: ['2026-02-06'] }] });
		assert.ok(ranges.includes('**TL;DR:** 从\\~10降至\\~2') && ranges.includes('Cut \\~10 to \\~2'), ranges);
		assert.ok(new MarkdownIt().render(ranges).includes('从~10降至~2'));
		// a link with parentheses in angle brackets, or it would end at the first `)`
		const odd = exportPapers('markdown', { ...INPUT, items: [{ paper: makePaper({ id: 'x1', isArxiv: false, link: 'https://ex.org/a_(b)c)d', title: 'Odd' }), day: '2026-02-06', days: ['2026-02-06'] }] });
		assert.ok(odd.includes('## 1. [Odd](<https://ex.org/a_(b)c)d>)'), odd);
	});

	it('Markdown: a title whose math has an unbalanced bracket is written as text, and its id is the link', () => {
		const interval = makePaper({ id: '2602.04994', title: 'Bounds for $f:[0,1)\\to\\mathbb{R}$ maps' });
		const plain = makePaper({ id: '2602.04995', title: 'Closed $[0,1]$ intervals' });
		const md = exportPapers('markdown', { ...INPUT, items: [interval, plain].map((paper) => ({ paper, day: '2026-02-06', days: ['2026-02-06'] })) });
		const html = new MarkdownIt().render(md);
		const headings = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
		assert.deepStrictEqual(headings, [
			'1. Bounds for $f:[0,1)\\to\\mathbb{R}$ maps',
			'2. <a href="https://arxiv.org/abs/2602.04995">Closed $[0,1]$ intervals</a>',
		]);
		assert.ok(html.includes('<a href="https://arxiv.org/abs/2602.04994">arXiv:2602.04994</a> · '), html);
		assert.ok(md.includes('\narXiv:2602.04995 · '), 'a linked title: the id stays text');
	});
});
