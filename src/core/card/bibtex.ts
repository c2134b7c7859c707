/**
 * BibTeX for one paper, built only from what the digest says. vscode-free.
 */
import { mathSpans } from '../mathSpans';
import type { Paper } from '../model';
import { isArxivId, isNewStyleArxivId, paperLinks } from './links';

export type BibtexPaper = Pick<Paper, 'id' | 'version' | 'isArxiv' | 'title' | 'authors' | 'link' | 'category' | 'section'>;

export interface BibtexOptions {
	/** `YYYY-MM-DD` of the digest the paper was listed in: the year when the id does not carry one */
	day?: string;
}

/** Year encoded in an arXiv id: `2602.04994` → 2026, `hep-th/9901001` → 1999. */
export function yearFromArxivId(id: string): number | undefined {
	if (!isArxivId(id)) return undefined;
	const yy = Number(isNewStyleArxivId(id) ? id.slice(0, 2) : id.slice(id.indexOf('/') + 1, id.indexOf('/') + 3));
	// old-style ids started in August 1991 and ended in March 2007; new-style ids start at 0704
	return yy >= 91 ? 1900 + yy : 2000 + yy;
}

const LATEX_SPECIALS: Record<string, string> = {
	'\\': '\\textbackslash{}',
	'{': '\\{',
	'}': '\\}',
	'&': '\\&',
	'%': '\\%',
	'#': '\\#',
	'_': '\\_',
	'$': '\\$',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}',
	// in text, pdfLaTeX's default font encoding (OT1) prints `<` and `>` as ¡ and ¿
	'<': '\\textless{}',
	'>': '\\textgreater{}',
};

/**
 * A TeX command as arXiv titles write them outside math: a control word (`\\boldmath`, `\\emph{…}`,
 * `\\c{c}`) or an accent (`\\"o`, `\\'e`). A lone `\\b` is taken as a backslash.
 */
const TEX_COMMAND = /\\(?:[A-Za-z]{2,}|[A-Za-z](?=\{)|['"^`~=.])/;

/**
 * LaTeX specials escaped; one the digest escaped already (`\\&`, `\\%`, `\\_`) is kept as written,
 * not escaped twice, and so is a `~` after a word or a full stop and before a word (arXiv's tie: `Dr.~RTL`,
 * `Apple~Silicon`; not `(~2x)` or `/~user`). Text with TeX commands
 * and balanced braces (`tex`, decided on the whole field: `\\emph{$\\alpha$-test}` is cut by its math)
 * keeps its commands and braces as written (`\\emph{in vivo}` stays emphasis, not
 * `\\textbackslash{}emph\\{in vivo\\}`).
 */
function escapeText(text: string, tex = TEX_COMMAND.test(text) && bracesBalanced(text), strict = false): string {
	if (tex && !strict) {
		return text.replace(new RegExp(`${TEX_COMMAND.source}|\\\\[&%#_\${}]|[\\\\&%#_$^<>]`, 'g'), (c) => (c.length > 1 ? c : LATEX_SPECIALS[c]));
	}
	return text.replace(/\\[&%#_${}]|[\\{}&%#_$^<>]|(?<![\p{L}\p{N}.])~|~(?![\p{L}\p{N}])/gu, (c) => {
		const brace = strict ? BRACE_TEXT[c.at(-1) as string] : undefined;
		return brace ?? (c.length === 2 ? c : LATEX_SPECIALS[c]);
	});
}

/**
 * Literal braces as commands of their own, for a field whose braces would not pair (`Sets $\{x$`):
 * BibTeX counts every brace, a backslash before it or not, and such a field ends early or swallows
 * the entries after it.
 */
const BRACE_TEXT: Readonly<Record<string, string>> = { '{': '\\textbraceleft{}', '}': '\\textbraceright{}' };

/** the braces pair as BibTeX counts them: every one, escaped or not */
function bibtexBalanced(text: string): boolean {
	return braceDepth(text, true) === 0;
}

function bracesBalanced(text: string): boolean {
	return braceDepth(text) === 0;
}

/**
 * the braces left open at the end of `text` (an escaped one, `\\{`, aside unless `escapedToo`, as
 * BibTeX counts them); -1 when one closes what none opened
 */
function braceDepth(text: string, escapedToo = false): number {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '\\' && !escapedToo) {
			i++;
			continue;
		}
		if (c === '{') depth++;
		else if (c === '}' && --depth < 0) return -1;
	}
	return depth;
}

/** `text` leaves open a group of the outer level that starts with a command: `{\\it Deep` */
function opensSpecialGroup(text: string): boolean {
	const start = /(?:^|[^\\])\{\\[A-Za-z]/.exec(text);
	if (!start) return false;
	const open = start.index + start[0].indexOf('{');
	return braceDepth(text.slice(0, open)) === 0 && braceDepth(text.slice(open)) > 0;
}

/**
 * Greek letters and a few symbols that titles write as Unicode (`$W-δ-μ$`, `μm`, `O(n²)` aside), as
 * math commands: pdfLaTeX with BibTeX stops at a Greek letter, in math or not. Capitals that look like
 * Latin letters are those letters (LaTeX has no `\Alpha`).
 */
const MATH_SYMBOLS: Readonly<Record<string, string>> = {
	α: '\\alpha', β: '\\beta', γ: '\\gamma', δ: '\\delta', ε: '\\epsilon', ϵ: '\\epsilon', ζ: '\\zeta', η: '\\eta', θ: '\\theta', ϑ: '\\vartheta',
	ι: '\\iota', κ: '\\kappa', λ: '\\lambda', μ: '\\mu', µ: '\\mu', ν: '\\nu', ξ: '\\xi', ο: 'o', π: '\\pi', ρ: '\\rho', ϱ: '\\varrho',
	σ: '\\sigma', ς: '\\varsigma', τ: '\\tau', υ: '\\upsilon', φ: '\\phi', ϕ: '\\phi', χ: '\\chi', ψ: '\\psi', ω: '\\omega',
	Γ: '\\Gamma', Δ: '\\Delta', Θ: '\\Theta', Λ: '\\Lambda', Ξ: '\\Xi', Π: '\\Pi', Σ: '\\Sigma', Υ: '\\Upsilon', Φ: '\\Phi', Ψ: '\\Psi', Ω: '\\Omega',
	Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Χ: 'X',
	ℓ: '\\ell', '∞': '\\infty', '≤': '\\leq', '≥': '\\geq', '≠': '\\neq', '≈': '\\approx', '×': '\\times', '±': '\\pm', '→': '\\to', '∈': '\\in', '∇': '\\nabla', '∂': '\\partial',
};
const MATH_SYMBOL = new RegExp(`[${Object.keys(MATH_SYMBOLS).join('')}]`, 'gu');

/** `δ` in math as `\delta` (a space after it before a letter: `\mu m`, not the unknown `\mum`) */
function mathCommands(math: string): string {
	return math.replace(MATH_SYMBOL, (c, at: number) => {
		const command = MATH_SYMBOLS[c];
		return command.startsWith('\\') && /^[A-Za-z]/.test(math.slice(at + c.length)) ? `${command} ` : command;
	});
}

/** Text with its Greek letters and symbols taken out as math of their own: `δ-tuning` → `$\delta$`, `-tuning`. */
function symbolsAsMath(text: string): { text: string; math: boolean }[] {
	const out: { text: string; math: boolean }[] = [];
	let from = 0;
	for (const m of text.matchAll(MATH_SYMBOL)) {
		const command = MATH_SYMBOLS[m[0]];
		// a capital that is a Latin letter stays text
		if (!command.startsWith('\\')) continue;
		if (m.index > from) out.push({ text: text.slice(from, m.index), math: false });
		out.push({ text: `$${command}$`, math: true });
		from = m.index + m[0].length;
	}
	if (from < text.length) out.push({ text: text.slice(from), math: false });
	return out.map((part) => (part.math ? part : { text: part.text.replace(MATH_SYMBOL, (c) => MATH_SYMBOLS[c]), math: false }));
}

/**
 * Escapes LaTeX specials but keeps `$…$` math as written (titles like `$\mathcal{O}(n)$ Attention`),
 * as long as the math cannot unbalance the field's braces. Greek letters and a few symbols become math
 * commands (MATH_SYMBOLS).
 */
export function escapeBibtexValue(text: string, options: { protectCase?: boolean } = {}): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	const value = bibtexValue(clean, options, false);
	// braces that do not pair as BibTeX counts them (`\{` too): each literal brace as a command of its own
	return bibtexBalanced(value) ? value : bibtexValue(clean, options, true);
}

function bibtexValue(clean: string, options: { protectCase?: boolean }, strict: boolean): string {
	// in math, `%` would comment out the rest of the field and `&`, `#` stop LaTeX: escaped there too
	const inMath = (math: string) => mathCommands(math).replace(/(?<!\\)[%&#]/g, '\\$&');
	const spans = mathSpans(clean);
	const balanced = strict ? bibtexBalanced : bracesBalanced;
	// a command outside the math (`\\emph{$\\alpha$-test}`), and the field's braces balanced, math included
	const tex = spans.some((part) => !part.math && TEX_COMMAND.test(part.text)) && balanced(clean);
	const parts = spans.flatMap((part) =>
		part.math && balanced(part.text) ? [{ text: inMath(part.text), math: true }] : symbolsAsMath(part.text).map((p) => (p.math ? p : { text: escapeText(p.text, tex, strict), math: false })),
	);
	return options.protectCase ? protectCase(parts) : parts.map((part) => part.text).join('');
}

/** a math span in a word's shape: a lowercase letter that no command name (`\\boldmath$…$`) runs into */
const MATH_IN_SHAPE = 'α';

/**
 * A title with the capitals a style must keep in braces. Styles that make sentence case lowercase a
 * title but for its first letter (BibTeX's change.case$ "t"), and `LLMs` became `llms`. The rule is
 * the one DBLP's BibTeX follows (`{BERT:} Pre-training of Deep Bidirectional Transformers`): a word,
 * whitespace to whitespace with its math and hyphenated parts, is braced whole (whole words: braces
 * around one letter spoil its kerning) when it has a capital after its first character — acronyms and
 * names as written (`LLMs`, `ObjChangeVR`, `3D`, `GPT-4`, `U-Net`, `D$^2$Plan`, `$\ell^4$-Norm`, a
 * math span counting as a lowercase letter) — or math with a capital outside braces (`$PA^3$`, which
 * change.case$ lowercases as any text). So is a subtitle's capitalised first word (after `: `, a
 * question or exclamation, `? `, `! `, or a dash between spaces, ` — `, ` – `, ` -- `): change.case$
 * keeps it after a colon only, and other sentence-case makers (biblatex's \MakeSentenceCase, CSL
 * processors) lowercase it after any. Other capitals are title case, left to the style; arXiv's own BibTeX
 * braces no word at all.
 */
function protectCase(parts: readonly { text: string; math: boolean }[]): string {
	const out: string[] = [];
	let word = '';
	/** the word's text outside math, its capitals judged; a math span stands for one lowercase letter */
	let shape = '';
	/** a math span of the word has a capital a style would lowercase: one outside braces and command names (`$PA^3$`, not `$\mathcal{O}$`) */
	let mathCapital = false;
	let subtitleNext = false;
	const endWord = () => {
		if (word === '') return;
		out.push(protectWord(word, shape, mathCapital, subtitleNext));
		subtitleNext = SUBTITLE_BEFORE.test(shape);
		word = shape = '';
		mathCapital = false;
	};
	for (const part of parts) {
		if (part.math) {
			word += part.text;
			shape += MATH_IN_SHAPE;
			mathCapital ||= /\p{Lu}/u.test(withoutGroups(part.text.replace(/\\[A-Za-z]+/g, '')));
			// a capital Greek letter too (`$\Delta$`): change.case$ makes it `\delta`
			mathCapital ||= /\\(?:Gamma|Delta|Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega)(?![A-Za-z])/.test(part.text);
			continue;
		}
		for (const piece of part.text.split(/( +)/)) {
			// a group of TeX's own that spans words and starts with a command (`{\\it Princess Sirindhorn}`), which
			// BibTeX takes for one special character and lowercases inside, is one word (`\\emph{in vivo}`'s group is not special)
			if (piece.startsWith(' ') && opensSpecialGroup(shape)) {
				word += piece;
				shape += piece;
			} else if (piece.startsWith(' ')) {
				endWord();
				out.push(piece);
			} else {
				word += piece;
				shape += piece;
			}
		}
	}
	endWord();
	return out.join('');
}

function withoutGroups(text: string): string {
	let out = text;
	for (let last = ''; last !== out; ) [last, out] = [out, out.replace(/(?<!\\)\{[^{}]*\}/g, '')];
	return out;
}

/** a word that a subtitle follows: one ending a title's part (`Disagree?`, `Filters!`, `SIDeR:`), or a dash of its own (`—`, `–`, `--`) */
const SUBTITLE_BEFORE = /[:?!]$|^(?:—|–|-{1,3})$/;

function protectWord(word: string, shape: string, mathCapital: boolean, subtitleFirst: boolean): string {
	// the escapes' own braces (`\textasciicircum{}`) are no group; a group of TeX's own left open (`\emph{Deep`) ends in another word, and braces around it would change it
	const unescaped = shape.replace(/\\[A-Za-z]+\{\}/g, '');
	if (!bracesBalanced(unescaped)) return word;
	// the word's own letters: escapes, commands (`\&`, `\"o`, `\boldmath`), braces and leading punctuation left out
	const letters = unescaped.replace(/\\[A-Za-z]+|\\.|[{}]/g, '').replace(/^[^\p{L}\p{N}]+/u, '');
	// a capital right before math is part of a symbol (`H$\\alpha$`, `T$_c$`): change.case$ lowercases it as any capital
	const capitalBeforeMath = new RegExp(`\\p{Lu}${MATH_IN_SHAPE}`, 'u').test(unescaped);
	if (!mathCapital && !capitalBeforeMath && !/^.+\p{Lu}/su.test(letters) && !(subtitleFirst && /^\p{Lu}/u.test(letters))) return word;
	// `{\…}` would be one "special character" to BibTeX, whose letters it does change: a second pair of braces keeps it a group
	return word.startsWith('\\') ? `{{${word}}}` : `{${word}}`;
}

/**
 * `Bai J`, `Smith JA`: a surname and initials, as bioRxiv and PubMed list authors; BibTeX reads a name
 * without a comma as given names then surname, so it is written `Bai, J`.
 */
const SURNAME_INITIALS = /^(\p{Lu}[\p{L}'’-]+) (\p{Lu}{1,3})$/u;

function escapeAuthor(name: string): string {
	const clean = name.replace(/\s+/g, ' ').trim().replace(SURNAME_INITIALS, '$1, $2');
	const plain = escapeText(clean);
	const escaped = bibtexBalanced(plain) ? plain : escapeText(clean, false, true);
	// a name containing the word "and" would be split into two authors by BibTeX
	return /\band\b/i.test(escaped) ? `{${escaped}}` : escaped;
}

/** URLs go into a BibTeX field verbatim; braces would end the field and `%`/`#` break \url in howpublished. */
function escapeUrl(url: string): string {
	return url.replace(/[{}\s\\]/g, (c) => encodeURIComponent(c));
}

function asciiWord(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'in', 'to', 'and', 'with', 'towards', 'toward', 'via', 'from', 'is', 'are', 'do', 'does', 'can', 'how', 'what', 'why', 'when', 'at', 'by']);

function surname(author: string): string {
	const name = author.trim();
	// "Last, First" is BibTeX's own order, "Last AB" a surname and initials; otherwise the last word is the family name
	const family = name.includes(',') ? name.slice(0, name.indexOf(',')) : (SURNAME_INITIALS.exec(name)?.[1] ?? name.split(/\s+/).pop() ?? '');
	return asciiWord(family);
}

/** a key's title word has this many letters at least, when the title has one (`zhang2026buy`, not `zhang2026i`) */
const MIN_KEY_WORD = 3;

/**
 * The key's title word: the first that is no stop word and not short, a superscript or subscript
 * being part of its word (`E$^2$OAL` → `e2oal`, `M$^3$Exam` → `m3exam`), other math a break.
 */
function titleWord(title: string): string {
	const words = mathSpans(title)
		.map((part) => (!part.math ? part.text : /^\$[_^]\{?[\p{L}\p{N}]+\}?\$$/u.test(part.text) ? part.text.replace(/[^\p{L}\p{N}]/gu, '') : ' '))
		.join('')
		.split(/[^\p{L}\p{N}]+/u)
		.map(asciiWord)
		.filter((w) => w.length > 0);
	const significant = words.filter((w) => !STOP_WORDS.has(w));
	return significant.find((w) => w.length >= MIN_KEY_WORD) ?? significant[0] ?? words[0] ?? '';
}

/** Citation key like `bao2026sider`; falls back to the id's digits when the names are not Latin. */
export function citationKey(paper: BibtexPaper, year: number | undefined): string {
	const first = paper.authors.length > 0 ? surname(paper.authors[0]) : '';
	const key = `${first}${year ?? ''}${titleWord(paper.title)}`;
	if (first) return key;
	const idPart = paper.isArxiv ? `arxiv${paper.id.replace(/[^A-Za-z0-9]/g, '')}` : 'paper';
	return titleWord(paper.title) ? `${idPart}${titleWord(paper.title)}` : idPart;
}

function yearFromDay(day: string | undefined): number | undefined {
	const m = day ? /^(\d{4})-\d{2}-\d{2}$/.exec(day) : null;
	return m ? Number(m[1]) : undefined;
}

const CATEGORY = /^[a-z-]+(?:\.[A-Za-z-]+)?$/;

/** an author list's "and more": `et al.`, `others`, `等` / `等人` */
const ET_AL = /^(?:et\.?\s*al\.?|(?:and\s+)?others|等人?)$/iu;

/** An `@misc` entry: arXiv papers with eprint/archivePrefix/primaryClass, others with url/howpublished. */
export function toBibtex(paper: BibtexPaper, options: BibtexOptions = {}): string {
	const year = (paper.isArxiv ? yearFromArxivId(paper.id) : undefined) ?? yearFromDay(options.day);
	const fields: [string, string][] = [['title', escapeBibtexValue(paper.title || paper.id, { protectCase: true })]];
	const authors = paper.authors.map((a) => a.trim()).filter((a) => a.length > 0);
	// a list the digest cut short (`Alice Smith, Bob Jones, et al.`) ends in BibTeX's own `others` (styles print "et al."), not in an author named "et al."
	const named = authors.filter((a) => !ET_AL.test(a));
	const cut = named.length < authors.length && named.length > 0;
	if (named.length > 0) fields.push(['author', [...named.map(escapeAuthor), ...(cut ? ['others'] : [])].join(' and ')]);
	if (year !== undefined) fields.push(['year', String(year)]);
	const links = paperLinks(paper);
	if (paper.isArxiv && links.abs) {
		fields.push(['eprint', paper.id]);
		fields.push(['archivePrefix', 'arXiv']);
		// an old-style id names its archive (`math.AG/0309136`, `hep-th/9901001`) when the digest's section is no category
		const primary = [paper.category, paper.section, /^([a-z-]+(?:\.[A-Z]{2})?)\/\d{7}$/.exec(paper.id)?.[1]].map((c) => c?.trim()).find((c) => c && CATEGORY.test(c));
		if (primary) fields.push(['primaryClass', primary]);
		// the version-free abstract page, as arXiv's own BibTeX writes it: the eprint names no version either
		const abs = paperLinks({ ...paper, version: undefined }).abs ?? links.abs;
		fields.push(['url', escapeUrl(abs)]);
	} else if (links.original) {
		const url = escapeUrl(links.original);
		fields.push(['howpublished', `\\url{${url.replace(/[%#]/g, (c) => `\\${c}`)}}`]);
		fields.push(['url', url]);
	}
	const width = Math.max(...fields.map(([name]) => name.length));
	const body = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`).join(',\n');
	return `@misc{${citationKey(paper, year)},\n${body}\n}\n`;
}
