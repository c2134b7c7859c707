/**
 * Tokenizer shared by indexing and querying, so both sides always agree.
 *
 * - Latin (and any other spaced script): words are case-folded, diacritics folded
 *   (NFKD, combining marks dropped), English stopwords and one-letter words dropped,
 *   and plural/third-person `-s` folded (`models` → `model`, `studies` → `study`; see
 *   foldInflection), so singular and plural are one term at index and query time.
 *   A hyphenated word is indexed whole (`token-pruning`) and in parts (`token`, `pruning`).
 *   Decimal numbers and arXiv ids stay one token (`2602.04994`).
 * - CJK (Han, kana, Hangul), written without spaces: every run becomes overlapping
 *   bigrams (`扩散模型` → `扩散 散模 模型`); a one-character run becomes a unigram.
 *   A query CJK run is split the same way and all its bigrams are required.
 *
 * Written as a char-code loop because it runs over ~100 MB of text on every cold build.
 */
import { escapeRegExp } from '../parse/text';

export const STOPWORDS: ReadonlySet<string> = new Set([
	'a', 'about', 'above', 'after', 'again', 'against', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
	'be', 'because', 'been', 'before', 'being', 'between', 'both', 'but', 'by', 'can', 'could', 'did', 'do', 'does',
	'doing', 'during', 'each', 'either', 'for', 'from', 'further', 'had', 'has', 'have', 'having', 'he', 'her', 'here',
	'hers', 'him', 'his', 'how', 'however', 'i', 'if', 'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'may', 'me',
	'might', 'more', 'most', 'must', 'my', 'no', 'nor', 'not', 'of', 'off', 'on', 'once', 'only', 'or', 'other', 'our',
	'ours', 'out', 'over', 'own', 'same', 'she', 'should', 'so', 'some', 'such', 'than', 'that', 'the', 'their',
	'theirs', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'thus', 'to', 'too', 'under',
	'until', 'up', 'upon', 'us', 'very', 'was', 'we', 'were', 'what', 'when', 'where', 'whether', 'which', 'while',
	'who', 'whom', 'why', 'will', 'with', 'within', 'without', 'would', 'yet', 'you', 'your', 'yours',
]);

const enum CharClass {
	Separator = 0,
	Word = 1,
	Cjk = 2,
}

const wordCharRe = /[\p{L}\p{N}\p{M}]/u;
const nonAsciiClassCache = new Map<number, CharClass>();

/**
 * The scripts written without spaces between words, as code point ranges (first, last, …): a run of
 * them is indexed character by character and in bigrams. isCjkCode and CJK_CLASS (a regex's) read them.
 */
const CJK_RANGES: readonly number[] = [
	0x4e00, 0x9fff, // CJK unified ideographs
	0x3400, 0x4dbf, // extension A
	0x3040, 0x30ff, // hiragana, katakana
	0xac00, 0xd7af, // Hangul syllables
	0x1100, 0x11ff, // Hangul jamo
	0x3130, 0x318f, // Hangul compatibility jamo
	0xf900, 0xfaff, // compatibility ideographs
	0x31f0, 0x31ff, // katakana phonetic extensions
];

export function isCjkCode(c: number): boolean {
	for (let i = 0; i < CJK_RANGES.length; i += 2) if (c >= CJK_RANGES[i] && c <= CJK_RANGES[i + 1]) return true;
	return false;
}

function classify(c: number): CharClass {
	if (c < 0x80) {
		return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? CharClass.Word : CharClass.Separator;
	}
	if (isCjkCode(c)) return CharClass.Cjk;
	let cls = nonAsciiClassCache.get(c);
	if (cls === undefined) {
		// surrogate halves are treated as word characters so astral letters stay whole
		cls = (c >= 0xd800 && c <= 0xdfff) || wordCharRe.test(String.fromCharCode(c)) ? CharClass.Word : CharClass.Separator;
		nonAsciiClassCache.set(c, cls);
	}
	return cls;
}

function isDigit(c: number): boolean {
	return c >= 0x30 && c <= 0x39;
}

const combiningMarks = /\p{M}/gu;
const nonAscii = /[^\x00-\x7f]/;

/** Case-fold and fold diacritics of one word (`Müller` → `muller`, `ﬁ` → `fi`). */
export function foldWord(word: string): string {
	return foldDiacritics(word.toLowerCase());
}

/** Text with its diacritics folded as search folds them (`Schrödinger` → `Schrodinger`, `ﬁ` → `fi`), case kept. */
export function foldDiacritics(text: string): string {
	return nonAscii.test(text) ? text.normalize('NFKD').replace(combiningMarks, '') : text;
}

export interface TokenSink {
	/** `raw` is the word as written (before folding), for callers that show or highlight it */
	(term: string, raw: string): void;
}

/** Plurals the suffix rules below would get wrong, and Latin/Greek plurals worth knowing. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
	['biases', 'bias'], ['aliases', 'alias'], ['analyses', 'analysis'], ['hypotheses', 'hypothesis'], ['theses', 'thesis'],
	['syntheses', 'synthesis'], ['diagnoses', 'diagnosis'], ['indices', 'index'], ['matrices', 'matrix'], ['vertices', 'vertex'],
	['criteria', 'criterion'], ['phenomena', 'phenomenon'], ['children', 'child'], ['people', 'person'], ['men', 'man'],
	['women', 'woman'], ['mice', 'mouse'], ['teeth', 'tooth'], ['feet', 'foot'], ['geese', 'goose'], ['lives', 'life'],
	['leaves', 'leaf'], ['halves', 'half'], ['shelves', 'shelf'], ['wolves', 'wolf'], ['selves', 'self'],
]);

/** Words ending in `s` that are not plurals (the suffix rules would cut them). */
const NOT_PLURAL: ReadonlySet<string> = new Set([
	'bias', 'alias', 'atlas', 'canvas', 'gas', 'chaos', 'ethos', 'pathos', 'cosmos', 'lens', 'news', 'series', 'species',
	'physics', 'mathematics', 'economics', 'ethics', 'always', 'perhaps', 'whereas', 'towards', 'afterwards', 'besides',
	'yes', 'less', 'unless', 'thus', 'plus', 'minus', 'bonus', 'focus', 'corpus', 'status', 'virus', 'consensus',
	'campus', 'stimulus', 'apparatus', 'census', 'nexus', 'radius', 'torus', 'locus', 'modulus', 'calculus', 'genus',
	'sinus', 'chorus', 'fungus', 'octopus', 'hiatus', 'impetus', 'prospectus', 'syllabus',
]);

/**
 * Folds English plural and third-person `-s` onto the singular stem, conservatively:
 * only endings that are almost always inflections, never `-ing`/`-ed` (`learning` and
 * `learned` mean different things in titles). Words with digits, short words and
 * `-ss`/`-us`/`-is` words stay as they are. Applied to index and query terms alike, so
 * the stem only has to be consistent, not a dictionary word.
 */
export function foldInflection(word: string): string {
	const n = word.length;
	if (n < 4 || word.charCodeAt(n - 1) !== 0x73 /* s */) return word;
	const irregular = IRREGULAR.get(word);
	if (irregular !== undefined) return irregular;
	if (NOT_PLURAL.has(word)) return word;
	for (let i = 0; i < n; i++) if (isDigit(word.charCodeAt(i))) return word;
	const prev = word.charCodeAt(n - 2);
	// -ss (loss, class), -us (corpus), -is (analysis): not plurals
	if (prev === 0x73 || prev === 0x75 || prev === 0x69) return word;
	if (prev === 0x65 /* e */) {
		if (n > 4 && word.endsWith('ies') && !/[aeiou]ies$/.test(word)) return word.slice(0, -3) + 'y';
		if (word.endsWith('sses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes') || word.endsWith('zzes')) return word.slice(0, -2);
	}
	return word.slice(0, -1);
}

/**
 * Takes a word as the span `text[start, end)`, unfolded (a hyphenated word whole, `joined`, then
 * each of its parts): lets the indexer map it to a term id without allocating it (see
 * spanTable.ts and foldTerm, which decides about stopwords).
 */
export type PlainSink = (text: string, start: number, end: number, joined: boolean) => void;

/**
 * Low-level scan used by the indexer: words arrive as folded strings, CJK bigrams and
 * unigrams as their two char codes (the second 0 for a unigram; see cjkCode), so the hot
 * path allocates neither a string per CJK character nor a number: a bigram's code is
 * beyond the small-integer range, and passing it to a callback would box it. `partsOnly` leaves out the whole form of a
 * hyphenated word (its parts only), for word-position sequences. With `onPlain`, every
 * word goes to it as a span instead of to `onWord` (which is then never called).
 */
export function scanTerms(
	text: string,
	onWord: TokenSink,
	onCjk: (first: number, second: number) => void,
	keepStopwords = false,
	partsOnly = false,
	onPlain?: PlainSink,
): void {
	const n = text.length;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		const cls = classify(c);
		if (cls === CharClass.Separator) {
			i++;
			continue;
		}
		if (cls === CharClass.Cjk) {
			const start = i;
			i++;
			while (i < n && isCjkCode(text.charCodeAt(i))) i++;
			if (i - start === 1) onCjk(c, 0);
			else for (let k = start; k + 1 < i; k++) onCjk(text.charCodeAt(k), text.charCodeAt(k + 1));
			continue;
		}
		// a word: letters/digits, joined by '-' (hyphenated) or '.' between digits (numbers, arXiv ids)
		const start = i;
		let partStart = i;
		let parts: string[] | undefined;
		let hyphenated = false;
		while (i < n) {
			const d = text.charCodeAt(i);
			if (classify(d) === CharClass.Word) {
				i++;
				continue;
			}
			if (i + 1 < n && classify(text.charCodeAt(i + 1)) === CharClass.Word) {
				if (d === 0x2d /* - */) {
					hyphenated = true;
					if (!onPlain) (parts ??= []).push(text.slice(partStart, i));
					i++;
					partStart = i;
					continue;
				}
				if (d === 0x2e /* . */ && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) {
					i++;
					continue;
				}
			}
			break;
		}
		if (onPlain) {
			// spans, not strings: the whole hyphenated word, then its parts (a part may hold a '.' of a number, never a '-')
			if (!hyphenated || !partsOnly) onPlain(text, start, i, hyphenated);
			if (hyphenated) {
				let from = start;
				for (let k = start; k <= i; k++) {
					if (k === i || text.charCodeAt(k) === 0x2d) {
						onPlain(text, from, k, false);
						from = k + 1;
					}
				}
			}
		} else if (parts) {
			parts.push(text.slice(partStart, i));
			if (!partsOnly) emitWord(text.slice(start, i), onWord, keepStopwords);
			for (const part of parts) emitWord(part, onWord, keepStopwords);
		} else {
			emitWord(text.slice(start, i), onWord, keepStopwords);
		}
	}
}

/** The code of a CJK bigram or unigram (`second` 0) from scanTerms' char codes: `c1 * 65536 + c2`, or the char code alone. */
export function cjkCode(first: number, second: number): number {
	return second === 0 ? first : first * 65536 + second;
}

/** The term string of a CJK code (see cjkCode). */
export function cjkCodeToTerm(code: number): string {
	return code < 65536 ? String.fromCharCode(code) : String.fromCharCode(Math.floor(code / 65536), code % 65536);
}

/** The scanTerms code of a CJK term string. */
export function cjkTermToCode(term: string): number {
	return term.length === 1 ? term.charCodeAt(0) : term.charCodeAt(0) * 65536 + term.charCodeAt(1);
}

/**
 * Calls `emit` for every index term of `text`: folded words (whole hyphenated words
 * plus their parts, or the parts only with `partsOnly`), and CJK bigrams/unigrams.
 */
export function forEachTerm(text: string, emit: TokenSink, keepStopwords = false, partsOnly = false): void {
	scanTerms(text, emit, (first, second) => {
		const term = cjkCodeToTerm(cjkCode(first, second));
		emit(term, term);
	}, keepStopwords, partsOnly);
}

/** The index term of one word as written (no joiners), or undefined when it is not indexed (stopword, one letter). */
export function foldTerm(raw: string, keepStopwords = false): string | undefined {
	const word = foldWord(raw);
	if (word.length < 2 && !isDigit(word.charCodeAt(0))) return undefined;
	if (!keepStopwords && STOPWORDS.has(word)) return undefined;
	const term = foldInflection(word);
	// `others` → `other`: a stem that is a stopword is dropped like the stopword itself
	if (!keepStopwords && term !== word && STOPWORDS.has(term)) return undefined;
	return term;
}

function emitWord(raw: string, emit: TokenSink, keepStopwords: boolean): void {
	const term = foldTerm(raw, keepStopwords);
	if (term !== undefined) emit(term, raw);
}

function emitCjkRun(text: string, start: number, end: number, emit: TokenSink): void {
	if (end - start === 1) {
		emit(text[start], text[start]);
		return;
	}
	for (let k = start; k + 1 < end; k++) emit(text.slice(k, k + 2), text.slice(k, k + 2));
}

/** All index terms of `text`, in order, with repeats. */
export function tokenize(text: string): string[] {
	const out: string[] = [];
	forEachTerm(text, (t) => out.push(t));
	return out;
}

/** Does this term come from CJK text (bigram or unigram)? */
export function isCjkTerm(term: string): boolean {
	return term.length > 0 && isCjkCode(term.charCodeAt(0));
}

/**
 * Do two index terms come from one stretch of text, so that listing both says one thing twice? One
 * is a hyphenated part of the other (`jepa`, `v-jepa`), or two CJK bigrams share a character at their
 * seam (`语言`, `言模` of 语言模型). Rising terms keep the surer of such two; For you's "Why?" merges them.
 */
export function termsOverlap(a: string, b: string): boolean {
	if (isCjkTerm(a) && isCjkTerm(b)) return a.length === 2 && b.length === 2 && (a[1] === b[0] || a[0] === b[1]);
	return a.split('-').includes(b) || b.split('-').includes(a);
}

/** Does the text contain any CJK character? */
export function hasCjk(text: string): boolean {
	for (let i = 0; i < text.length; i++) if (isCjkCode(text.charCodeAt(i))) return true;
	return false;
}

/** One query word, split like the index would split it. */
export interface QueryWord {
	/** the term(s) that must all match; a hyphenated word yields its whole form only */
	terms: string[];
	/** a hyphenated word's parts without stopwords (`vision-language` → vision, language), for word proximity */
	parts?: string[];
	/** true for CJK runs: matched exactly (no prefix/fuzzy), all bigrams required */
	cjk: boolean;
	/** typed as an acronym (see isAcronymWord): matched as a whole word, not completed or corrected into another */
	acronym?: boolean;
}

/** the longest word typed with inner capitals that is taken for an acronym (`LLaMA`) */
const MAX_ACRONYM_LENGTH = 5;

/**
 * Is a typed query word an acronym (`NOMA`, `SAM`, `ViT`, `LoRA`, `LLMs`): at most five letters or
 * digits with a capital after the first? The reader wrote the case on purpose, and such a word
 * is a name of its own: its completions (`Noman`, `samples`, `vital`) and one-letter corrections
 * (`RMA` for `RDMA`) are other words, not the one being typed.
 */
export function isAcronymWord(word: string): boolean {
	return word.length <= MAX_ACRONYM_LENGTH && /^[\p{L}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word.slice(1));
}

/**
 * Splits free query text into words. Unlike indexing, a hyphenated query word is one
 * term (its whole form, which the index holds too), and stopwords are dropped only
 * when other words remain (so `the` alone still finds something).
 */
export function queryWords(text: string): QueryWord[] {
	const words: QueryWord[] = [];
	const n = text.length;
	let i = 0;
	while (i < n) {
		const cls = classify(text.charCodeAt(i));
		if (cls === CharClass.Separator) {
			i++;
			continue;
		}
		const start = i;
		if (cls === CharClass.Cjk) {
			while (i < n && isCjkCode(text.charCodeAt(i))) i++;
			const terms: string[] = [];
			emitCjkRun(text, start, i, (t) => terms.push(t));
			words.push({ terms, cjk: true });
			continue;
		}
		const word = readWord(text, start);
		const collected: string[] = [];
		forEachTerm(word, (t) => collected.push(t), true);
		i = start + Math.max(1, word.length);
		if (collected.length > 1) words.push({ terms: [collected[0]], parts: collected.slice(1).filter((t) => !STOPWORDS.has(t)), cjk: false });
		else if (collected.length > 0) words.push(isAcronymWord(word) ? { terms: [collected[0]], cjk: false, acronym: true } : { terms: [collected[0]], cjk: false });
	}
	const content = words.filter((w) => w.cjk || !STOPWORDS.has(w.terms[0]));
	return content.length > 0 ? content : words;
}

function readWord(text: string, start: number): string {
	let i = start;
	const n = text.length;
	while (i < n) {
		const dc = classify(text.charCodeAt(i));
		if (dc === CharClass.Word) {
			i++;
			continue;
		}
		const d = text.charCodeAt(i);
		if (i + 1 < n && classify(text.charCodeAt(i + 1)) === CharClass.Word && (d === 0x2d || (d === 0x2e && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))))) {
			i++;
			continue;
		}
		break;
	}
	return text.slice(start, i);
}

/**
 * Text folded for exact-phrase checks: case and diacritics folded, every run of
 * non-word characters turned into one space, CJK kept as is.
 *
 * Long texts are checked for every candidate of a phrase query, so the text is lowered at once and
 * copied in stretches: an ASCII word, a CJK character and a single space come out as they are in
 * the lowered text, and only the rest (other separators, words with other letters) is rebuilt from
 * the text word by word. That is the word-by-word fold exactly, as long as lowering the whole text
 * keeps every character where it was: true but for `İ`, whose lower case is two characters (a text
 * holding one takes the word-by-word way). `Σ`, lowered by its neighbours, is in no stretch.
 */
export function foldPhraseText(text: string): string {
	const lower = text.toLowerCase();
	const n = text.length;
	if (lower.length !== n) return foldPhraseTextByWord(text);
	let out = '';
	// lower[from, to): the end of the output, not copied into `out` yet
	let from = 0;
	let to = 0;
	let pendingSpace = false;
	let i = 0;
	while (i < n) {
		const c = text.charCodeAt(i);
		const cls = classify(c);
		if (cls === CharClass.Separator) {
			pendingSpace = true;
			i++;
			continue;
		}
		const start = i++;
		let asIs = true;
		if (cls === CharClass.Word) {
			asIs = c < 0x80;
			for (; i < n; i++) {
				const d = text.charCodeAt(i);
				if (classify(d) !== CharClass.Word) break;
				if (d >= 0x80) asIs = false;
			}
		}
		const space = pendingSpace && (out.length > 0 || to > from);
		pendingSpace = false;
		// the stretch grows when the token follows it directly, or after the one space the fold writes
		if (asIs && to > from && (space ? to === start - 1 && lower.charCodeAt(to) === 0x20 : to === start)) {
			to = i;
			continue;
		}
		if (to > from) out += lower.slice(from, to);
		if (space) out += ' ';
		if (asIs) {
			from = start;
			to = i;
		} else {
			out += foldWord(text.slice(start, i));
			from = to = i;
		}
	}
	return to > from ? out + lower.slice(from, to) : out;
}

/** foldPhraseText word by word (lowering each word alone). */
function foldPhraseTextByWord(text: string): string {
	let out = '';
	let pendingSpace = false;
	let wordStart = -1;
	const flushWord = (end: number) => {
		if (wordStart >= 0) {
			if (pendingSpace && out.length > 0) out += ' ';
			out += foldWord(text.slice(wordStart, end));
			pendingSpace = false;
			wordStart = -1;
		}
	};
	for (let i = 0; i < text.length; i++) {
		const cls = classify(text.charCodeAt(i));
		if (cls === CharClass.Word) {
			if (wordStart < 0) wordStart = i;
		} else {
			flushWord(i);
			if (cls === CharClass.Cjk) {
				if (pendingSpace && out.length > 0) out += ' ';
				out += text[i];
				pendingSpace = false;
			} else {
				pendingSpace = true;
			}
		}
	}
	flushWord(text.length);
	return out;
}

/** IRREGULAR backwards: the irregular plurals of each singular */
const IRREGULAR_PLURALS: ReadonlyMap<string, readonly string[]> = (() => {
	const plurals = new Map<string, string[]>();
	for (const [plural, singular] of IRREGULAR) plurals.set(singular, [...(plurals.get(singular) ?? []), plural]);
	return plurals;
})();

/**
 * Every word foldInflection folds onto `stem` (a word as foldInflection leaves it, folded and
 * lower case): the stem itself and whichever of its `-s`, `-es`, `-ies` and irregular plurals fold
 * back onto it, so a phrase or an interest keyword takes a word in the forms a single word's search
 * takes (`model` → model, models; `study` → study, studies; `class` → class, classes; `loss` → loss).
 */
export function inflectedForms(stem: string): string[] {
	const candidates = [stem, stem + 's', stem + 'es', ...(stem.endsWith('y') ? [stem.slice(0, -1) + 'ies'] : []), ...(IRREGULAR_PLURALS.get(stem) ?? [])];
	return candidates.filter((form, i) => foldInflection(form) === stem && candidates.indexOf(form) === i);
}

/**
 * The regex source of a word in any of its inflectedForms: their common beginning, then the
 * endings longest first (`model(?:s|)`, `stud(?:ies|y)`), so the engine scans for a literal.
 */
function inflectedFormsSource(word: string): string {
	const forms = inflectedForms(foldInflection(word));
	if (forms.length === 1) return escapeRegExp(forms[0]);
	let common = 0;
	while (forms.every((f) => common < f.length && f.charCodeAt(common) === forms[0].charCodeAt(common))) common++;
	const endings = forms.map((f) => f.slice(common)).sort((a, b) => b.length - a.length);
	return `${escapeRegExp(forms[0].slice(0, common))}(?:${endings.map(escapeRegExp).join('|')})`;
}

/**
 * A folded phrase (see foldPhraseText) as a pattern of its words in any of their inflected forms
 * (`world models` → `world(?:s|) model(?:s|)`), or undefined when no word of it has another form
 * (a Chinese run, numbers): those are found as they are. The last few are kept, as a query checks
 * its phrases against every candidate's text.
 */
function phrasePattern(phrase: string): RegExp | undefined {
	if (phrasePatterns.has(phrase)) return phrasePatterns.get(phrase);
	let source = '';
	let varies = false;
	let i = 0;
	while (i < phrase.length) {
		if (classify(phrase.charCodeAt(i)) !== CharClass.Word) {
			source += escapeRegExp(phrase[i++]);
			continue;
		}
		const start = i;
		while (i < phrase.length && classify(phrase.charCodeAt(i)) === CharClass.Word) i++;
		const word = phrase.slice(start, i);
		const forms = inflectedFormsSource(word);
		if (forms !== escapeRegExp(word)) varies = true;
		source += forms;
	}
	const pattern = varies ? new RegExp(source, 'g') : undefined;
	if (phrasePatterns.size >= MAX_PHRASE_PATTERNS) phrasePatterns.clear();
	phrasePatterns.set(phrase, pattern);
	return pattern;
}

const MAX_PHRASE_PATTERNS = 64;
const phrasePatterns = new Map<string, RegExp | undefined>();

/**
 * Is `phrase` (already folded) in `folded` text on word boundaries (CJK edges need none), its
 * words in any of their inflected forms, as a single word is searched (`world model` is in `world
 * models`, `world models` in `a world model`, neither in `world modeling` nor `model of the world`)?
 */
export function containsPhrase(folded: string, phrase: string): boolean {
	return findPhrase(folded, phrase) !== undefined;
}

/** The first place containsPhrase finds `phrase` in `folded`, as written there (`world models`); undefined when none. */
export function findPhrase(folded: string, phrase: string): string | undefined {
	if (phrase.length === 0) return '';
	const pattern = phrasePattern(phrase);
	if (!pattern) return containsExactly(folded, phrase) ? phrase : undefined;
	const startNeedsBoundary = classify(phrase.charCodeAt(0)) === CharClass.Word;
	const endNeedsBoundary = classify(phrase.charCodeAt(phrase.length - 1)) === CharClass.Word;
	pattern.lastIndex = 0;
	// the forms of the last word are tried longest first: when the longest one there ends inside a
	// word, so do the shorter ones (its beginnings), and the next place is looked at
	for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) {
		const at = m.index;
		const end = at + m[0].length;
		const okStart = !startNeedsBoundary || at === 0 || classify(folded.charCodeAt(at - 1)) !== CharClass.Word;
		const okEnd = !endNeedsBoundary || end >= folded.length || classify(folded.charCodeAt(end)) !== CharClass.Word;
		if (okStart && okEnd) return m[0];
		pattern.lastIndex = at + 1;
	}
	return undefined;
}

/** CJK_RANGES as a regex's character class (`\u4e00-\u9fff…`) */
export const CJK_CLASS = Array.from({ length: CJK_RANGES.length / 2 }, (_, k) => `${unicodeEscape(CJK_RANGES[2 * k])}-${unicodeEscape(CJK_RANGES[2 * k + 1])}`).join('');

function unicodeEscape(code: number): string {
	return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * A character that makes foldPhraseText more than lowering a text and closing up its separators: a
 * letter, digit or mark outside ASCII and CJK (foldWord folds it: `ö`, `ﬁ`, `Ｋ`, the Kelvin sign), or
 * any character beyond the BMP (classify takes surrogates for word characters).
 */
const FOLDED_APART = new RegExp(`(?=[^\\x00-\\x7f])(?![${CJK_CLASS}])(?:[\\p{L}\\p{N}\\p{M}]|[\\u{10000}-\\u{10ffff}]|[\\ud800-\\udfff])`, 'u');

/**
 * containsPhrase on a text as written, without folding it, for a phrase of ASCII words (the fold is
 * most of a phrase check's time: ~55 of ~80 µs for a paper's long fields on 167 real days): its words
 * in their inflected forms with a run of separators between them (what the fold makes one space), no
 * word character before or after. Undefined for another phrase. The matcher says undefined for a text
 * foldPhraseText changes more than that (a FOLDED_APART character, or lowering it moves characters):
 * the caller folds that one.
 */
export function rawPhraseMatcher(phrase: string): ((text: string) => boolean | undefined) | undefined {
	if (!/^[a-z0-9]+(?: [a-z0-9]+)*$/.test(phrase)) return undefined;
	const words = phrase.split(' ').map(inflectedFormsSource).join(`[^a-z0-9${CJK_CLASS}]+`);
	const pattern = new RegExp(`(?<![a-z0-9])${words}(?![a-z0-9])`);
	return (text) => {
		const lower = text.toLowerCase();
		if (lower.length !== text.length || FOLDED_APART.test(text)) return undefined;
		return pattern.test(lower);
	};
}

/** containsPhrase for a phrase whose words have no other forms: found as it is. */
function containsExactly(folded: string, phrase: string): boolean {
	const startNeedsBoundary = classify(phrase.charCodeAt(0)) === CharClass.Word;
	const endNeedsBoundary = classify(phrase.charCodeAt(phrase.length - 1)) === CharClass.Word;
	let from = 0;
	for (;;) {
		const at = folded.indexOf(phrase, from);
		if (at < 0) return false;
		const before = at === 0 ? 0x20 : folded.charCodeAt(at - 1);
		const afterIdx = at + phrase.length;
		const after = afterIdx >= folded.length ? 0x20 : folded.charCodeAt(afterIdx);
		const okStart = !startNeedsBoundary || classify(before) !== CharClass.Word;
		const okEnd = !endNeedsBoundary || classify(after) !== CharClass.Word;
		if (okStart && okEnd) return true;
		from = at + 1;
	}
}
