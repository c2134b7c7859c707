/**
 * The search query language, parsed once in core so every front end (QuickPick,
 * tree filter, CLI) agrees:
 *
 *   free words        prefix + fuzzy matched, all required
 *   "exact phrase"    all words required, then checked against the paper's text: side by side and in
 *                     order, each word in the forms a single word takes (containsPhrase: plural = singular)
 *   -word -"phrase"   exclusion (also -cat:…, -author:…, -id:…, -day:…)
 *   cat:cs.CV author:lecun author:"Yann LeCun" id:2602.04994
 *   author:Yann LeCun  read as author:"Yann LeCun" where some paper has that name (quoteAuthorNames)
 *   day:2026-02-06 day:2026-02 day:2026  after:2026-01-15 before:2026-02 (both inclusive)
 *
 * An unknown filter or a malformed value is an error with a message for the user,
 * never a silent empty result.
 */
import { wantedName } from '../authorNames';
import { isValidDay } from '../day';
import { arxivIdOfLink, withoutCiteMarks } from '../library/arxivRefs';
import { categoryAsWritten, identityFromLink, isWellFormedNewId } from '../parse/links';
import { baseId } from '../readState';
import { foldPhraseText, foldTerm, forEachTerm, queryWords, STOPWORDS, type QueryWord } from './tokenizer';

/** An `author:` filter. */
export interface AuthorFilter {
	/** the name's words, folded as the index's terms: each a different word of one author's name */
	parts: string[];
	/**
	 * a quoted name of several words (`author:"Yang Liu"`, as the card and Statistics search a name):
	 * its words whole and in order in one author's name, others between them or not (wantedName, see nameHasWords),
	 * not Liu Yang nor Xiao-Yang Liu
	 */
	exact?: string;
}

export type FilterName = 'cat' | 'author' | 'id' | 'day' | 'after' | 'before' | 'is' | 'has' | 'tag';
export const FILTER_NAMES: readonly FilterName[] = ['cat', 'author', 'id', 'day', 'after', 'before', 'is', 'has', 'tag'];

const FILTER_ALIASES: ReadonlyMap<string, FilterName> = new Map(Object.entries({
	cat: 'cat',
	category: 'cat',
	author: 'author',
	id: 'id',
	arxiv: 'id',
	day: 'day',
	date: 'day',
	after: 'after',
	since: 'after',
	before: 'before',
	until: 'before',
	is: 'is',
	has: 'has',
	tag: 'tag',
} satisfies Record<string, FilterName>));

/** The filter a word before `:` names (`category` → `cat`), any case; undefined for none (`constructor` too). */
function filterNamed(word: string): FilterName | undefined {
	return FILTER_ALIASES.get(word.toLowerCase());
}

export interface ParsedQuery {
	/** free words, in order typed; the last one is the one still being typed */
	words: QueryWord[];
	/** exact phrases, folded (see foldPhraseText) */
	phrases: string[];
	/**
	 * per phrase, the index terms of its words as typed (phraseTerms): what narrows the papers before
	 * the folded phrase is checked in their text
	 */
	phraseTerms: string[][];
	excludeWords: QueryWord[];
	excludePhrases: string[];
	/** lower-case categories; a paper matches any of them */
	categories: string[];
	excludeCategories: string[];
	/** every entry must match one author */
	authors: AuthorFilter[];
	excludeAuthors: AuthorFilter[];
	/** arXiv ids (lower-case, no version); any of them */
	ids: string[];
	excludeIds: string[];
	/** YYYY, YYYY-MM or YYYY-MM-DD; any of them */
	days: string[];
	excludeDays: string[];
	after?: string;
	before?: string;
	/**
	 * the reader's sets a paper must be in (`is:unread` → "is:unread", `has:note` → "has:note",
	 * `tag:Robotics` → "tag:robotics"), and those it must not be in
	 */
	sets: string[];
	excludeSets: string[];
	/** true when the text ended inside a word (prefix-match the last word) */
	trailingWord: boolean;
}

/**
 * A `no-words` problem: the text is not blank but holds nothing to search by (`C++`, `F#`: single letters and
 * symbols are not indexed). Every front end refuses it, where the index would answer with every
 * paper as it does an empty query; they may say it in the reader's language.
 */
export type QueryParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: string; problem: QueryProblem };

/**
 * What is wrong with a query, with its values: `error` is its English text (CLI, worker replies), and
 * the editor writes this in the reader's language (src/features/search/queryErrorText.ts).
 */
export type QueryProblem =
	| { kind: 'unknown-filter'; filter: string; known: string }
	| { kind: 'needs-value'; filter: string; example: string }
	| { kind: 'needs-name'; example: string }
	| { kind: 'not-a-date'; token: string }
	| { kind: 'negated-range'; filter: string; instead: string }
	| { kind: 'empty-range'; after: string; before: string }
	| { kind: 'no-words' };

/** The English text of a query problem. */
export function queryProblemText(problem: QueryProblem): string {
	switch (problem.kind) {
		case 'unknown-filter':
			return `Unknown filter "${problem.filter}:". Use one of ${problem.known}`;
		case 'needs-value':
			return `"${problem.filter}:" needs a value, e.g. ${problem.example}`;
		case 'needs-name':
			return `"author:" needs a name, e.g. ${problem.example}`;
		case 'not-a-date':
			return `"${problem.token}" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY`;
		case 'negated-range':
			return `"-${problem.filter}:" is not supported: use ${problem.instead} instead`;
		case 'empty-range':
			return `No day is after:${problem.after} and before:${problem.before}: the range ends before it starts`;
		case 'no-words':
			return NO_WORDS_ERROR;
	}
}

function failed(problem: QueryProblem): Extract<QueryParseResult, { ok: false }> {
	return { ok: false, error: queryProblemText(problem), problem };
}

export const NO_WORDS_ERROR = 'No words to search for: single letters and symbols are not indexed.';

const VERSIONED_ID_RE = /\b(\d{4}\.\d{4,5})v\d+\b/g;
const DAY_RE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

function emptyQuery(): ParsedQuery {
	return {
		words: [],
		phrases: [],
		phraseTerms: [],
		excludeWords: [],
		excludePhrases: [],
		categories: [],
		excludeCategories: [],
		authors: [],
		excludeAuthors: [],
		ids: [],
		excludeIds: [],
		days: [],
		excludeDays: [],
		sets: [],
		excludeSets: [],
		trailingWord: false,
	};
}

interface RawToken {
	negated: boolean;
	filter?: string;
	value: string;
	quoted: boolean;
	/** where the token starts in the text (at its `-`) and ends (after its closing quote) */
	start: number;
	end: number;
}

/**
 * A paper's address pasted as it is: an arXiv abstract, PDF or HTML page, a DOI's (`doi.org/10.…`,
 * arXiv's own `10.48550/arXiv.…` too), a bioRxiv or medRxiv paper's (what a bioRxiv digest links):
 * `id:` reads them (normalizeId).
 */
const PAPER_LINK = /^(?:https?:\/\/)?(?:(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/\S|(?:dx\.)?doi\.org\/10\.|(?:www\.)?(?:bio|med)rxiv\.org\/content\/10\.)|^(?:doi:)?10\.\d{4,9}\/\S/i;

/** a bare new-style arXiv id, with its version or not (in brackets or before a full stop as a sentence cites it: see withoutCiteMarks) */
const BARE_ID = /^\d{4}\.\d{4,5}(?:v\d+)?$/;

/** Splits on whitespace, keeping quoted runs (`"a b"`, `author:"a b"`) together. */
function lex(text: string): RawToken[] {
	const tokens: RawToken[] = [];
	let i = 0;
	const n = text.length;
	while (i < n) {
		while (i < n && /\s/.test(text[i])) i++;
		if (i >= n) break;
		const tokenStart = i;
		let negated = false;
		if (text[i] === '-' && i + 1 < n && !/\s/.test(text[i + 1])) {
			negated = true;
			i++;
		}
		let filter: string | undefined;
		// `name:` is a filter when it names one, or when a value follows it (`ctaegory:cs.RO` is a filter
		// mistyped); else it is a word with a colon, as a title writes it (`GameVerse: Can Vision…`)
		const m = /^([A-Za-z]+):(?!\/\/)/.exec(text.slice(i, i + 20));
		if (m && (filterNamed(m[1]) !== undefined || (i + m[0].length < n && !/\s/.test(text[i + m[0].length])))) {
			filter = m[1];
			i += m[0].length;
		} else if ((text[i] === '#' || text[i] === '＃') && /^[\p{L}_]/u.test(text.slice(i + 1, i + 3))) {
			// `#to-read` (`＃` as a Chinese input method types it): a tag as the card shows it, `tag:to-read`;
			// `#1` stays text (number one)
			filter = 'tag';
			i++;
		}
		if (text[i] === '"' || text[i] === '“') {
			const close = text[i] === '“' ? '”' : '"';
			const end = text.indexOf(close, i + 1);
			const value = end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
			i = end < 0 ? n : end + 1;
			tokens.push({ negated, filter, value, quoted: true, start: tokenStart, end: i });
			continue;
		}
		const start = i;
		while (i < n && !/\s/.test(text[i])) i++;
		const value = text.slice(start, i);
		// a paper's link pasted as it is (`https://arxiv.org/abs/2602.04994`, in a Markdown autolink's `<…>`
		// too) is the paper, as `id:` takes it
		const link = filter === undefined ? /^<?(.*?)>?$/.exec(value)![1] : value;
		// so is an arXiv reference as a paper cites it (`(arXiv:2602.04994)`), a site's link that names
		// the paper by its id (Hugging Face's papers, alphaXiv) and a bare id (two pasted are either)
		const bare = BARE_ID.exec(withoutCiteMarks(value))?.[0];
		const paper = filter === undefined ? (arxivIdOfLink(value) ?? (bare !== undefined && isWellFormedNewId(baseId(bare)) ? bare : undefined)) : undefined;
		if (paper !== undefined) tokens.push({ negated, filter: 'id', value: paper, quoted: false, start: tokenStart, end: i });
		else if (filter === undefined && PAPER_LINK.test(link)) tokens.push({ negated, filter: 'id', value: link, quoted: false, start: tokenStart, end: i });
		else tokens.push({ negated, filter, value, quoted: false, start: tokenStart, end: i });
	}
	return tokens;
}

/**
 * The query without its free words and phrases; filters and exclusions stay. A paper found by other
 * text than its own (the reader's note) must still pass these.
 */
export function filtersOnlyText(text: string): string {
	return lex(text)
		.filter((t) => t.filter !== undefined || t.negated)
		.map((t) => `${t.negated ? '-' : ''}${t.filter !== undefined ? `${t.filter}:` : ''}${t.quoted ? `"${t.value}"` : t.value}`)
		.join(' ');
}

/**
 * `text` with its tag filters on `from` (`#from`, `tag:from`, any case) asking for tag `to` instead;
 * the rest as typed, exclusions (`-#from`) too. Written `#to` where `#` reads as a tag (see lex), else
 * `tag:to` (`#3dgs` would be a word).
 */
export function withTagReplaced(text: string, from: string, to: string): string {
	const written = /^[\p{L}_]/u.test(to) ? `#${to}` : `tag:${to}`;
	let out = '';
	let at = 0;
	for (const t of lex(text)) {
		if (t.negated || t.filter === undefined || filterNamed(t.filter) !== 'tag' || t.value.trim().toLowerCase() !== from) continue;
		out += `${text.slice(at, t.start)}${written}`;
		at = t.end;
	}
	return out + text.slice(at);
}

/** the most words after `author:X` taken into its name (names of more parts are rare) */
const NAME_WORDS_AFTER = 4;

/**
 * The query with each unquoted `author:` name that goes on in the next words quoted as one name, as
 * arXiv's own search reads `author:Yann LeCun` (here `author:Yann` and a free word `LeCun` would find
 * any Yann beside the word: 173 papers for `author:Song Han` on 167 real days, where 15 are his).
 * The parser has no index: `knows(name)` says whether some paper has an author of that name (`Song
 * Han`), and a following word joins the name only while it does (`author:lecun world model` keeps
 * its free words). A word joins only as typed: not quoted, negated or a filter. The text is returned
 * unchanged when no name goes on.
 */
export async function quoteAuthorNames(text: string, knows: (name: string) => Promise<boolean>): Promise<string> {
	const tokens = lex(text);
	let out = '';
	let copied = 0;
	for (let t = 0; t < tokens.length; t++) {
		const token = tokens[t];
		if (token.quoted || token.filter === undefined || filterNamed(token.filter) !== 'author' || token.value.trim() === '' || token.value.includes('"')) continue;
		let name = token.value;
		let last = t;
		for (let next = t + 1; next < tokens.length && next <= t + NAME_WORDS_AFTER; next++) {
			const word = tokens[next];
			if (word.quoted || word.negated || word.filter !== undefined || word.value.includes('"')) break;
			const longer = `${name} ${word.value}`;
			if (!(await knows(longer))) break;
			name = longer;
			last = next;
		}
		if (last === t) continue;
		out += `${text.slice(copied, token.start)}${token.negated ? '-' : ''}${token.filter}:"${name}"`;
		copied = tokens[last].end;
		t = last;
	}
	return copied === 0 ? text : out + text.slice(copied);
}

/**
 * `value` as a filter's value that lex reads back whole: quoted when it has a space or a quote, or
 * `always`; in `“…”` when it holds a `"`, which would end a straight-quoted one.
 */
export function filterValueText(value: string, always = false): string {
	if (!always && !/[\s"“”]/.test(value)) return value;
	return value.includes('"') ? `“${value.replace(/[“”]/g, '')}”` : `"${value}"`;
}

/** The query text that finds the paper of id `id` (quoted: a linkless paper's `title:` id has spaces). */
export function idFilterText(id: string): string {
	return `id:${filterValueText(id, true)}`;
}

/**
 * Normalises what `id:` is given to a paper id as the parser makes them (core/parse/links.ts), in lower
 * case, without version: an arXiv id or its abs/pdf/html link, a DOI (`10.1101/…`, `doi:…`) or a
 * link to it (bioRxiv's), another link (the paper's `url:` id).
 */
export function normalizeId(value: string): string {
	const trimmed = value.trim();
	// a site's link that names an arXiv paper by its id (`huggingface.co/papers/…`, `(arXiv:…)`)
	const arxiv = arxivIdOfLink(trimmed);
	if (arxiv !== undefined) return arxiv.toLowerCase();
	// a link, with its scheme or without (`arxiv.org/abs/2601.00001`, `www.biorxiv.org/content/10.…`)
	const link = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : /^(?:[a-z0-9-]+\.)+[a-z]{2,}\//i.test(trimmed) ? `https://${trimmed}` : undefined;
	const id = (link === undefined ? trimmed : identityFromLink(link).id).toLowerCase().replace(/^arxiv:\s*/, '');
	// a version follows the id's last digit: `title:improving yolov5` keeps its `v5`
	const unversioned = baseId(id);
	// arXiv's own DOI of a paper (every abstract page shows it): the arXiv paper
	const arxivDoi = /^(?:doi:)?10\.48550\/arxiv\.(\d{4}\.\d{4,5})$/.exec(unversioned);
	if (arxivDoi) return arxivDoi[1];
	return /^10\.\d{4,9}\//.test(unversioned) ? `doi:${unversioned}` : unversioned;
}

/**
 * The index terms a paper writing the phrase `raw` has, read from the phrase as typed: a version or a
 * number stays one term as the index holds it (`Qwen2.5` is `qwen2.5`; its folded text `qwen2 5`
 * narrowed by `qwen2` and `5` and found nothing); a hyphenated word gives its parts alone, as the
 * folded phrase, which is checked after, reads a hyphen as a space (`"self-supervised"` finds the
 * papers writing `self supervised` too).
 */
function phraseTerms(raw: string): string[] {
	const terms: string[] = [];
	forEachTerm(raw, (term) => terms.push(term), false, true);
	return terms;
}

export function parseQuery(text: string): QueryParseResult {
	const query = emptyQuery();
	for (const token of lex(text)) {
		if (token.filter !== undefined) {
			const name = filterNamed(token.filter);
			if (!name) {
				return failed({ kind: 'unknown-filter', filter: token.filter, known: FILTER_NAMES.map((f) => f + ':').join(' ') });
			}
			const value = token.value.trim();
			if (value === '') return failed({ kind: 'needs-value', filter: name, example: example(name) });
			const problem = applyFilter(query, name, value, token.negated, token.quoted);
			if (problem) return failed(problem);
			continue;
		}
		if (token.quoted) {
			const phrase = foldPhraseText(token.value);
			if (phrase === '') continue;
			if (token.negated) query.excludePhrases.push(phrase);
			else {
				query.phrases.push(phrase);
				query.phraseTerms.push(phraseTerms(token.value));
			}
			continue;
		}
		// a pasted versioned id (2602.04994v2) means the paper, whatever its version
		const words = queryWords(token.value.replace(VERSIONED_ID_RE, '$1'));
		// `-扩散-model`, `-扩散model`: Chinese written against English is the words together, as typed (each
		// alone excluded every paper with `model`); `-LLM/VLM`, `-2D/3D` exclude each word, as `-LLM -VLM`
		if (token.negated && words.some((w) => w.cjk) && words.some((w) => !w.cjk)) query.excludePhrases.push(foldPhraseText(token.value));
		else if (token.negated) query.excludeWords.push(...words);
		else query.words.push(...words);
	}
	// `mixture of experts`: each token is split alone, so a lone stopword survives
	// queryWords; drop it here unless it is all there is (`the` alone still searches)
	const content = query.words.filter((w) => w.cjk || !STOPWORDS.has(w.terms[0]));
	if (content.length > 0) query.words = content;
	query.trailingWord = /[^\s"”]$/.test(text) && query.words.length > 0;
	if (text.trim() !== '' && isEmptyQuery(query)) return failed({ kind: 'no-words' });
	// `after:2026-06 before:2026-05-15`: its first day (the month's first) after its last
	if (query.after !== undefined && query.before !== undefined && `${query.after}${'-01-01'.slice(query.after.length - 4)}` > `${query.before}${'-12-31'.slice(query.before.length - 4)}`) {
		return failed({ kind: 'empty-range', after: query.after, before: query.before });
	}
	return { ok: true, query };
}

function example(name: FilterName): string {
	switch (name) {
		case 'cat':
			return 'cat:cs.CV';
		case 'author':
			return 'author:lecun';
		case 'id':
			return 'id:2602.04994';
		case 'day':
			return 'day:2026-02-06';
		case 'after':
			return 'after:2026-01-15';
		case 'before':
			return 'before:2026-02-01';
		case 'is':
			return 'is:unread';
		case 'has':
			return 'has:note';
		case 'tag':
			return 'tag:robotics';
	}
}

function applyFilter(query: ParsedQuery, name: FilterName, value: string, negated: boolean, quoted: boolean): QueryProblem | undefined {
	switch (name) {
		case 'cat':
			(negated ? query.excludeCategories : query.categories).push(value.toLowerCase());
			return undefined;
		case 'author': {
			const parts = foldPhraseText(value).split(' ').filter((p) => p !== '');
			if (parts.length === 0) return { kind: 'needs-name', example: example('author') };
			const exact = quoted && parts.length > 1 ? wantedName(value) : undefined;
			(negated ? query.excludeAuthors : query.authors).push(exact === undefined ? { parts } : { parts, exact });
			return undefined;
		}
		case 'id':
			(negated ? query.excludeIds : query.ids).push(normalizeId(value));
			return undefined;
		case 'is':
		case 'has':
		case 'tag':
			(negated ? query.excludeSets : query.sets).push(`${name}:${value.toLowerCase()}`);
			return undefined;
		case 'day':
		case 'after':
		case 'before': {
			// a day that does not exist (`2026-02-30`) too: it found nothing, or everything after the 28th
			if (!DAY_RE.test(value) || (value.length === 10 && !isValidDay(value))) return { kind: 'not-a-date', token: `${name}:${value}` };
			if (name === 'day') (negated ? query.excludeDays : query.days).push(value);
			else if (negated) return { kind: 'negated-range', filter: name, instead: name === 'after' ? 'before:' : 'after:' };
			else if (name === 'after') query.after = value;
			else query.before = value;
			return undefined;
		}
	}
}

/** Does a day (`YYYY-MM-DD`) fall in the query's day/after/before range, and is it not a `-day:` one? */
export function dayMatches(query: ParsedQuery, day: string | undefined): boolean {
	return dayInRange(query, day) && !(day !== undefined && dayExcluded(query, day));
}

/** Does a day fall in the query's day/after/before range (its `-day:` exclusions aside)? */
export function dayInRange(query: Pick<ParsedQuery, 'days' | 'after' | 'before'>, day: string | undefined): boolean {
	if (query.days.length > 0 && !(day && query.days.some((d) => day.startsWith(d)))) return false;
	if (query.after !== undefined && !(day && day.slice(0, query.after.length) >= query.after)) return false;
	if (query.before !== undefined && !(day && day.slice(0, query.before.length) <= query.before)) return false;
	return true;
}

/** Is a day one the query leaves out (`-day:2026-02`)? */
export function dayExcluded(query: Pick<ParsedQuery, 'excludeDays'>, day: string): boolean {
	return query.excludeDays.some((d) => day.startsWith(d));
}

export function hasDayFilter(query: ParsedQuery): boolean {
	return query.days.length > 0 || query.excludeDays.length > 0 || query.after !== undefined || query.before !== undefined;
}

/** Has the query anything that selects papers (words, phrases or filters)? */
function isEmptyQuery(query: ParsedQuery): boolean {
	return (
		query.words.length === 0 &&
		query.phrases.length === 0 &&
		query.categories.length === 0 &&
		query.authors.length === 0 &&
		query.ids.length === 0 &&
		!hasDayFilter(query) &&
		query.sets.length === 0 &&
		query.excludeSets.length === 0 &&
		query.excludeWords.length === 0 &&
		query.excludePhrases.length === 0 &&
		query.excludeCategories.length === 0 &&
		query.excludeAuthors.length === 0 &&
		query.excludeIds.length === 0
	);
}

function authorText(filter: AuthorFilter): string {
	return filter.exact === undefined ? filter.parts.join(' ') : `"${filter.exact}"`;
}

/** A short human description of the active filters, for titles and placeholders. */
export function describeFilters(query: ParsedQuery): string {
	const parts: string[] = [];
	for (const c of query.categories) parts.push(`cat:${categoryAsWritten(c)}`);
	for (const c of query.excludeCategories) parts.push(`-cat:${categoryAsWritten(c)}`);
	for (const a of query.authors) parts.push(`author:${authorText(a)}`);
	for (const a of query.excludeAuthors) parts.push(`-author:${authorText(a)}`);
	for (const id of query.ids) parts.push(`id:${id}`);
	for (const d of query.days) parts.push(`day:${d}`);
	for (const d of query.excludeDays) parts.push(`-day:${d}`);
	if (query.after) parts.push(`after:${query.after}`);
	if (query.before) parts.push(`before:${query.before}`);
	for (const set of query.sets) parts.push(set);
	for (const set of query.excludeSets) parts.push(`-${set}`);
	return parts.join(' ');
}

/** at most this many matched words a hit names (the index stops there) */
export const MAX_MATCHED = 16;

/**
 * The query's words (not Chinese runs, which match exactly) that no hit has as typed, as a
 * completion of it, or in its other number: the hits have them only by a similar spelling (`rdma`
 * found as `RMA`), which the search box then says. A hit's `matched` words are the paper's words, and
 * its id is one too. A word the result `respelled` is one some paper has (`langauge`), said apart: never one of these.
 */
export function wordsOnlyFuzzy(query: ParsedQuery, hits: readonly { readonly id?: string; readonly matched: readonly string[] }[], respelled: readonly { readonly word: string }[] = []): string[] {
	// a hit that names as many words as it may can have more: no word can be said missing (a pasted passage)
	if (hits.length === 0 || hits.some((hit) => hit.matched.length >= MAX_MATCHED)) return [];
	const folded = new Set<string>();
	for (const hit of hits) {
		// a paper found by its id (`2601.00001v2` typed or pasted) has that word, and one found by its DOI
		// or link (`10.64898/2026.09.11.750898`, searched as the words either side of a `/`) each part
		if (hit.id !== undefined) {
			const id = normalizeId(hit.id);
			folded.add(id);
			for (const part of id.replace(/^(?:doi|url):/, '').split('/')) if (part !== '') folded.add(part);
		}
		for (const word of hit.matched) {
			const term = foldTerm(word, true);
			if (term !== undefined) folded.add(term);
		}
	}
	const has = (term: string) => folded.has(term) || [...folded].some((f) => f.startsWith(term));
	return query.words.filter((w) => !w.cjk && !has(w.terms[0]) && !respelled.some((r) => r.word === w.terms[0])).map((w) => w.terms[0]);
}
