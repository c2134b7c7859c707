import * as assert from 'node:assert';
import { citationKey, escapeBibtexValue, toBibtex, yearFromArxivId } from '../../src/core/card/bibtex';
import { makePaper } from './card-fixtures';

describe('BibTeX', () => {
	it('writes an @misc arXiv entry with eprint, archivePrefix and primaryClass', () => {
		const bib = toBibtex(makePaper(), { day: '2026-02-06' });
		assert.strictEqual(
			bib,
			[
				'@misc{bao2026sider,',
				'  title         = {{SIDeR:} {Semantic} Identity Decoupling for Unrestricted Face Privacy},',
				'  author        = {Zhuosen Bao and Xia Du and Chi-man Pun},',
				'  year          = {2026},',
				'  eprint        = {2602.04994},',
				'  archivePrefix = {arXiv},',
				'  primaryClass  = {cs.CV},',
				'  url           = {https://arxiv.org/abs/2602.04994}',
				'}',
				'',
			].join('\n'),
		);
	});

	it('writes the abstract page without the version as url, as eprint names none (arXiv\'s own BibTeX does the same)', () => {
		const bib = toBibtex(makePaper({ version: 'v3' }));
		assert.match(bib, /eprint {8}= \{2602\.04994\},/);
		assert.match(bib, /url {11}= \{https:\/\/arxiv\.org\/abs\/2602\.04994\}\n/);
		assert.doesNotMatch(bib, /v3/);
	});

	it('takes the year from the id, old-style ids included, before the digest day', () => {
		assert.strictEqual(yearFromArxivId('2602.04994'), 2026);
		assert.strictEqual(yearFromArxivId('0704.0001'), 2007);
		assert.strictEqual(yearFromArxivId('hep-th/9901001'), 1999);
		assert.strictEqual(yearFromArxivId('math.AG/0309136'), 2003);
		assert.strictEqual(yearFromArxivId('doi:10.1/x'), undefined);
		const old = toBibtex(makePaper({ id: 'hep-th/9901001', category: undefined, section: 'hep-th', link: 'http://arxiv.org/abs/hep-th/9901001', authors: ['Edward Witten'], title: 'The Theory of Strings' }), { day: '2026-02-06' });
		assert.match(old, /^@misc\{witten1999theory,/);
		assert.match(old, /eprint {8}= \{hep-th\/9901001\}/);
		assert.match(old, /primaryClass {2}= \{hep-th\}/);
		assert.match(old, /url {11}= \{https:\/\/arxiv\.org\/abs\/hep-th\/9901001\}/);
		// the archive in the id when the digest's section is no category
		// a surname and initials (bioRxiv): the surname leads, and makes the key
		const bio = toBibtex(makePaper({ id: '10.1101/2026.09.01', isArxiv: false, link: 'https://www.biorxiv.org/content/10.1101/2026.09.01v1', authors: ['Bai J', 'Jiang HY', 'Ann Lee'], title: 'Panda genomes' }), { day: '2026-09-14' });
		assert.match(bio, /^@misc\{bai2026panda,/);
		assert.match(bio, /author {7}= \{Bai, J and Jiang, HY and Ann Lee\}/);
		const ag = toBibtex(makePaper({ id: 'math.AG/0309136', category: undefined, section: 'Algebraic Geometry', link: 'http://arxiv.org/abs/math.AG/0309136', title: 'Curves' }));
		assert.match(ag, /primaryClass {2}= \{math\.AG\}/);
	});

	it('writes url and howpublished for papers that are not on arXiv, with the year of the day', () => {
		const bib = toBibtex(
			makePaper({ id: 'doi:10.1101/2024.01.01.123456', isArxiv: false, link: 'https://www.biorxiv.org/content/10.1101/2024.01.01.123456v1?x=50%#s', title: 'Protein folding', authors: ['Ana María López'] }),
			{ day: '2025-06-08' },
		);
		assert.strictEqual(
			bib,
			[
				'@misc{lopez2025protein,',
				'  title        = {Protein folding},',
				'  author       = {Ana María López},',
				'  year         = {2025},',
				'  howpublished = {\\url{https://www.biorxiv.org/content/10.1101/2024.01.01.123456v1?x=50\\%\\#s}},',
				'  url          = {https://www.biorxiv.org/content/10.1101/2024.01.01.123456v1?x=50%#s}',
				'}',
				'',
			].join('\n'),
		);
		assert.doesNotMatch(bib, /eprint|archivePrefix/);
	});

	it('keeps Chinese author names and falls back to an id-based key', () => {
		const bib = toBibtex(makePaper({ authors: ['张伟', '李娜'], title: '基于扩散模型的人脸隐私保护' }));
		assert.match(bib, /author {8}= \{张伟 and 李娜\}/);
		assert.match(bib, /title {9}= \{基于扩散模型的人脸隐私保护\}/);
		assert.match(bib, /^@misc\{arxiv260204994,/);
		assert.strictEqual(citationKey(makePaper({ authors: ['Wei Zhang', '李娜'] }), 2026), 'zhang2026sider');
	});

	it('escapes braces and LaTeX specials but keeps balanced math', () => {
		assert.strictEqual(escapeBibtexValue('50% of {A} & B_1 #2 ~ ^'), '50\\% of \\{A\\} \\& B\\_1 \\#2 \\textasciitilde{} \\textasciicircum{}');
		assert.strictEqual(escapeBibtexValue('$\\mathcal{O}(n)$ attention for $k$-NN'), '$\\mathcal{O}(n)$ attention for $k$-NN');
		// BibTeX counts every brace, escaped or not: a lone one is a command of its own
		assert.strictEqual(escapeBibtexValue('broken $x}$ math'), 'broken \\$x\\textbraceright{}\\$ math');
		assert.strictEqual(escapeBibtexValue('Sets $\\{x$ and a brace at the end {'), 'Sets \\$\\textbraceleft{}x\\$ and a brace at the end \\textbraceleft{}');
		assert.strictEqual(escapeBibtexValue('Sets $\\{x\\}$ and {y}'), 'Sets $\\{x\\}$ and \\{y\\}', 'paired: as before');
		assert.strictEqual(escapeBibtexValue('a\\b'), 'a\\textbackslash{}b');
		// TeX commands of a title outside math are kept, with their braces (`\\boldmath` printed a backslash)
		assert.strictEqual(escapeBibtexValue('\\boldmath$\\mu$-Nets'), '\\boldmath$\\mu$-Nets');
		assert.strictEqual(escapeBibtexValue('Imaging \\emph{in vivo} at 50% of Schr\\"odinger & co_1 ~x'), 'Imaging \\emph{in vivo} at 50\\% of Schr\\"odinger \\& co\\_1 ~x');
		assert.strictEqual(escapeBibtexValue('\\textbf{Deep Learning} and a\\b', { protectCase: true }), '\\textbf{Deep Learning} and a\\textbackslash{}b', 'braces of TeX\'s own are not wrapped');
		assert.strictEqual(escapeBibtexValue('\\emph{unclosed'), '\\textbackslash{}emph\\textbraceleft{}unclosed', 'unbalanced: escaped as text');
		// a command around math: TeX or text is decided on the whole title, not on the pieces its math cuts
		assert.strictEqual(escapeBibtexValue('The \\emph{$\\alpha$-test} & 100\\% #1'), 'The \\emph{$\\alpha$-test} \\& 100\\% \\#1');
		// arXiv's tie between two words stays a tie; a tilde for "about" and angle brackets print as themselves
		assert.strictEqual(escapeBibtexValue('Dr.~RTL: ~2x faster, 1%>100% and a < b'), 'Dr.~RTL: \\textasciitilde{}2x faster, 1\\%\\textgreater{}100\\% and a \\textless{} b');
		assert.strictEqual(escapeBibtexValue('\\emph{LMK} > CLS'), '\\emph{LMK} \\textgreater{} CLS');
		assert.strictEqual(escapeBibtexValue('Faster decoding (~2x) at example.org/~user'), 'Faster decoding (\\textasciitilde{}2x) at example.org/\\textasciitilde{}user');
		// a special the digest escaped already is not escaped twice (`\\&` printed a visible `\&`)
		assert.strictEqual(escapeBibtexValue('Counting Without Numbers \\& Finding 5\\% more'), 'Counting Without Numbers \\& Finding 5\\% more');
		// money is no math; in math, `%`, `&` and `#` are escaped too (a `%` commented out the rest of the field)
		assert.strictEqual(escapeBibtexValue('Pricing: $5 (50% off) vs $10'), 'Pricing: \\$5 (50\\% off) vs \\$10');
		assert.strictEqual(escapeBibtexValue('$x_{50%}$ & $a & b$'), '$x_{50\\%}$ \\& $a \\& b$');
		// math spaced inside its dollars is math when it is plainly TeX (as the card reads it); spaced money is not
		assert.strictEqual(escapeBibtexValue('Codes over $ \\mathbb{F}_q $ at $ 5 to $ 10'), 'Codes over $ \\mathbb{F}_q $ at \\$ 5 to \\$ 10');
		// a title's words with an inner capital keep it in classic styles, which lowercase the rest
		assert.strictEqual(
			escapeBibtexValue('ObjChangeVR: LLMs for 3D U-Net, GPT-4 and AI in $\\mathcal{O}(n)$ Time', { protectCase: true }),
			'{ObjChangeVR:} {LLMs} for {3D} {U-Net,} {GPT-4} and {AI} in $\\mathcal{O}(n)$ Time',
		);
		// every word so, whatever else it holds: math, TeX escapes (a caret), a command, accents; and a subtitle's first word
		const protect = (title: string) => escapeBibtexValue(title, { protectCase: true });
		assert.strictEqual(protect('D$^2$Plan: Dual-Agent Planning for $\\ell^4$-Norm Bounds'), '{D$^2$Plan:} {Dual-Agent} Planning for {$\\ell^4$-Norm} Bounds');
		assert.strictEqual(protect('CD^2: Constrained Distillation of M^4olGen'), '{CD\\textasciicircum{}2:} {Constrained} Distillation of {M\\textasciicircum{}4olGen}');
		assert.strictEqual(protect('P\\textsuperscript{2}-DPO: grounding in ÄRGER and $PA^3$ with $\\mathcal{O}(n)$ and $x$'), '{P\\textsuperscript{2}-DPO:} grounding in {ÄRGER} and {$PA^3$} with $\\mathcal{O}(n)$ and $x$');
		assert.strictEqual(protect('\\boldmath$\\mu$-Nets: Schr\\"odinger Bridges'), '{{\\boldmath$\\mu$-Nets:}} {Schr\\"odinger} Bridges', 'a word opening with a command: two pairs, or BibTeX lowercases it as one special character');
		// capitals of title case stay the style's: the first word, a capital first letter, a one-letter word, a lowercase subtitle
		assert.strictEqual(protect('Rotatable Antenna Meets Multiple Access: NOMA or A Q-learning Rival?'), 'Rotatable Antenna Meets Multiple Access: {NOMA} or A Q-learning Rival?');
		assert.strictEqual(protect('SAM: a study'), '{SAM:} a study');
		// a subtitle after a question, an exclamation or a dash keeps its first capital as after a colon (real titles)
		assert.strictEqual(protect('Agree to Disagree? A Meta-Evaluation of LLM Misgendering'), 'Agree to Disagree? {A} {Meta-Evaluation} of {LLM} Misgendering');
		assert.strictEqual(protect('Normalize Filters! Classical Wisdom for Deep Vision'), 'Normalize Filters! {Classical} Wisdom for Deep Vision');
		assert.strictEqual(protect('Cat and Mouse -- Can Fake Text Generation Outpace Detector Systems?'), 'Cat and Mouse -- {Can} Fake Text Generation Outpace Detector Systems?');
		assert.strictEqual(protect('Seeing Is Believing — Grounded Agents'), 'Seeing Is Believing — {Grounded} Agents');
		assert.strictEqual(protect('Sparse Attention – Revisited at Scale'), 'Sparse Attention – {Revisited} at Scale');
		// not a subtitle: a hyphen inside a word, a lowercase word after the mark, a question at the end
		assert.strictEqual(protect('Can ChatGPT capture swearing nuances? evidence from Arabic oaths'), 'Can {ChatGPT} capture swearing nuances? evidence from Arabic oaths');
		assert.strictEqual(protect('Self-Supervised Learning - a Survey'), '{Self-Supervised} Learning - a Survey');
		assert.strictEqual(escapeBibtexValue(' multi\n  line  '), 'multi line');
		// Greek letters and a few symbols as math commands, in math and out: pdfLaTeX stops at a Greek letter
		assert.strictEqual(escapeBibtexValue('{$W-δ-μ$} dual codes'), '\\{$W-\\delta-\\mu$\\} dual codes');
		assert.strictEqual(escapeBibtexValue('$μm$ and $ΑΒ ≤ ∞$'), '$\\mu m$ and $AB \\leq \\infty$');
		assert.strictEqual(escapeBibtexValue('δ-tuning of 10μm cells, 2× faster'), '$\\delta$-tuning of 10$\\mu$m cells, 2$\\times$ faster');
		// BibTeX lowercases inside a group that starts with a command, and a capital before math (Hα)
		assert.strictEqual(protect('The {\\it Princess Sirindhorn Neutron Monitor} and H$\\alpha$ galaxies'), 'The {{\\it Princess Sirindhorn Neutron Monitor}} and {H$\\alpha$} galaxies');
		assert.strictEqual(protect('Imaging \\emph{in vivo} and {\\it deep nets}'), 'Imaging \\emph{in vivo} and {\\it deep nets}', 'nothing to keep: as written');
		assert.strictEqual(protect('Δ-Net and Λ: a Μ study'), '{$\\Delta$-Net} and {$\\Lambda$:} a M study', 'a capital Greek letter is kept from change.case$');
		const bib = toBibtex(makePaper({ title: 'Close } the field {', authors: ['Smith and Sons', 'A. {B}', 'A {Brace'] }));
		assert.match(bib, /title {9}= \{Close \\textbraceright\{\} the field \\textbraceleft\{\}\},/);
		assert.match(bib, /author {8}= \{\{Smith and Sons\} and A\. \\\{B\\\} and A \\textbraceleft\{\}Brace\},/);
		// as BibTeX counts them: every brace, a backslash before it or not
		let depth = 0;
		for (const c of bib) {
			if (c === '{') depth++;
			else if (c === '}') depth--;
			assert.ok(depth >= 0, bib);
		}
		assert.strictEqual(depth, 0, 'braces balance');
	});

	it('ends an author list the digest cut short in BibTeX\'s others, not an author named "et al."', () => {
		const author = (authors: string[]) => /author\s*= \{(.*)\},/.exec(toBibtex(makePaper({ authors })))?.[1];
		assert.strictEqual(author(['Alice Smith', 'Bob Jones', 'et al.']), 'Alice Smith and Bob Jones and others');
		assert.strictEqual(author(['张伟', '等']), '张伟 and others');
		assert.strictEqual(author(['Alice Smith', 'Et Al']), 'Alice Smith and others');
		assert.strictEqual(author(['et al.']), undefined, 'no name: no author field');
	});

	it('makes keys from the surname, year and first significant title word', () => {
		assert.strictEqual(citationKey(makePaper({ authors: ['Doe, Jane'], title: 'The Art of Testing' }), 2024), 'doe2024art');
		assert.strictEqual(citationKey(makePaper({ authors: ['Jürgen Schmidhuber'], title: 'On Learning' }), 1991), 'schmidhuber1991learning');
		assert.strictEqual(citationKey(makePaper({ authors: [], title: '' }), undefined), 'arxiv260204994');
		// math is skipped as the card and the exports read it (mathSpans): `354$\times$` is math, `$5 and $10` money
		assert.strictEqual(citationKey(makePaper({ authors: ['Jane Doe'], title: '$\\mathcal{O}(n)$ Attention' }), 2026), 'doe2026attention');
		// a superscript is part of its word; a short word (a letter, `PP`) gives way to the next that is not
		assert.strictEqual(citationKey(makePaper({ authors: ['Jane Doe'], title: 'E$^2$OAL: Open Sets' }), 2026), 'doe2026e2oal');
		assert.strictEqual(citationKey(makePaper({ authors: ['Wei Huang'], title: 'M$^3$Exam: A Multilingual Exam' }), 2026), 'huang2026m3exam');
		assert.strictEqual(citationKey(makePaper({ authors: ['Wei Zhang'], title: 'Can I Buy Your KV Cache?' }), 2026), 'zhang2026buy');
		assert.strictEqual(citationKey(makePaper({ authors: ['Jane Doe'], title: '$5 and $10 Robots' }), 2026), 'doe2026robots');
		assert.strictEqual(citationKey(makePaper({ authors: ['Jane Doe'], title: 'Go' }), 2026), 'doe2026go', 'a title of short words only: its first');
		assert.strictEqual(citationKey(makePaper({ authors: [], title: '', isArxiv: false, id: 'url:x' }), undefined), 'paper');
	});

	it('leaves out the year when neither the id nor the day gives one', () => {
		const bib = toBibtex(makePaper({ id: 'title:x', isArxiv: false, link: undefined }), { day: undefined });
		assert.doesNotMatch(bib, /year|url|eprint/);
		assert.match(bib, /^@misc\{bao(sider)?/);
	});
});
