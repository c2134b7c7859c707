/**
 * The reader's interests: keywords, followed authors, categories and excluded keywords, compiled
 * once and matched against a paper's text. Pure and vscode-free: the index shards run it over the
 * text they already hold (the editor has only summaries), the editor uses the same terms to
 * highlight the words in cards and open digests.
 *
 * A term is written as in the settings:
 * - `diffusion`: a whole word, case-insensitive, with its plural (`models`, `studies`, `lenses`;
 *   see keywordWordSource); `agent*` a prefix;
 * - `world model` or `"world model"`: a phrase (spaces also match hyphens and other punctuation:
 *   `world-model`), each word in its forms as above (`world models`), so it counts what a search for
 *   `"world model"` finds;
 * - `/diffusion (policy|planner)/`: a regular expression (case-insensitive unless flags are given);
 * - `扩散模型`: Chinese (any CJK) text matches anywhere, Chinese has no spaces between words.
 * Keywords and authors ignore accents, as search does (`Schrodinger` matches `Schrödinger` and
 * `Poincaré` matches `Poincare`). Authors match whole words of a name, case ignored (`Kaiming He`); categories match
 * exactly or as a prefix (`cs` matches `cs.CL`). An excluded keyword wins over every match.
 */
import { foldName, nameHasWords, wantedName } from './authorNames';
import { categoryMatches } from './category';
import { slowRepeat } from './slowRegex';
import { CJK_SCRIPT, escapeRegExp, LATIN_WORD_CHAR, LATIN_WORD_END, LATIN_WORD_START } from './parse/text';
import { foldDiacritics, foldInflection, inflectedForms } from './search/tokenizer';

export interface InterestSpec {
	readonly keywords: readonly string[];
	readonly authors: readonly string[];
	readonly categories: readonly string[];
	readonly exclude: readonly string[];
}


/** The fields of a paper interests look at. */
export interface InterestText {
	readonly title: string;
	readonly translatedTitle?: string;
	readonly tldr: string;
	/** summaries, extra fields and abstract */
	readonly body: string;
	readonly authors: readonly string[];
	readonly category: string;
}

export interface InterestMatch {
	/** the keywords (as configured), authors (as the paper writes them) and categories that matched */
	readonly words: readonly string[];
	/** an excluded keyword appears: the paper is dimmed and is no match */
	readonly excluded: boolean;
	/** of `words`, the followed authors' names; the words neither these nor `category` are keywords */
	readonly authors?: readonly string[];
	/** of `words`, the paper's category when an interest category matched it */
	readonly category?: string;
	/** with `excluded`: the excluded keyword that appears (as configured; a regex's text as found, as for keywords) */
	readonly excludedBy?: string;
	/**
	 * the /regex/ entries, as configured, that `words` (a keyword's) or `excludedBy` name by the text they
	 * found: what tells which entry marked the paper (interestEntryCounts); only when one did
	 */
	readonly regexes?: readonly string[];
	/**
	 * of `words`, the literal keywords (as configured) found in the paper's text: a keyword named like a
	 * followed author (`Yann LeCun`), the category (`cs.RO`) or a regex's found text is not one of them
	 * unless its own pattern matched (interestEntryCounts); only when one did
	 */
	readonly keywords?: readonly string[];
}

/** A paper's match counts when it matched something and was not excluded. */
export function isMatch(match: InterestMatch | undefined): boolean {
	return !!match && match.words.length > 0 && !match.excluded;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** a Latin letter with a diacritic, precomposed or combining, or a compatibility form NFKD folds (`ﬁ`, full-width letters) */
const LATIN_DIACRITICS = /[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/;
const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;
/** terms longer than this are ignored: a setting, not a document */
const MAX_TERM = 200;

type Term = { kind: 'literal'; label: string; source: string } | { kind: 'regex'; label: string; regex: RegExp };

export interface CompiledInterests {
	readonly spec: InterestSpec;
	/**
	 * the literal keywords as alternations (usually one), one capture group per keyword: a group of
	 * alternation `regex` is the label at `first` + its number - 1 (see alternations)
	 */
	readonly literals: readonly Alternation[];
	readonly literalLabels: readonly string[];
	/** each literal keyword's own pattern (as in `literals`), for the keywords one scan of `literals` hides */
	readonly literalPatterns: readonly RegExp[];
	/** per literal keyword, the others whose match may hide it (they share a word, or the start of one; see hidingKeywords) */
	readonly hiddenBy: readonly (readonly number[])[];
	readonly regexes: readonly { label: string; regex: RegExp }[];
	readonly authors: readonly Term[];
	readonly categories: readonly string[];
	/** the literal excluded keywords as alternations, as `literals` */
	readonly exclude: readonly Alternation[];
	readonly excludeLabels: readonly string[];
	readonly excludeRegexes: readonly { label: string; regex: RegExp }[];
	/** nothing to match: every paper is neither matched nor excluded */
	readonly empty: boolean;
	/** terms that could not be used, with why (a bad regular expression) */
	readonly errors: readonly string[];
}

/** a run of Latin (non-CJK) letters and digits: a word of a keyword */
const LATIN_WORD_RUN = new RegExp(`${LATIN_WORD_CHAR}+`, 'gu');

/**
 * A word of a keyword in the forms a keyword takes: as written with a plural `s`/`es` after it
 * (`lens` → `lenses`, `CPU` → `CPUs`), and the forms search folds onto the same word (the
 * tokenizer's inflectedForms: `study` → `studies`, `LLMs` → `LLM`), so that a keyword matches the
 * papers its quoted phrase finds in Search and Statistics (`world model` → `World Models`). A word
 * in `-ics` (`semantics`, `dynamics`, `robotics`) keeps its own form: search folds it onto the
 * adjective (`semantic`), which as an interest would mark every "semantic segmentation" paper.
 */
function keywordWordSource(word: string, escape: (text: string) => string): string {
	const lower = word.toLowerCase();
	const asWritten = `${escape(word)}(?:e?s)?`;
	const others = inflectedForms(foldInflection(lower)).filter((f) => f !== lower && f !== `${lower}s` && f !== `${lower}es` && !(lower.endsWith('ics') && f.length < lower.length));
	if (others.length === 0) return asWritten;
	// the longest first, so that the words marked in a card are whole (`studies`, not `stud` + …)
	const alternatives: [number, string][] = [[lower.length, asWritten], ...others.map((f): [number, string] => [f.length, escape(f)])];
	return `(?:${alternatives.sort((a, b) => b[0] - a[0]).map(([, source]) => source).join('|')})`;
}

/** lowercase Latin letters with diacritics by their letter (`e` → `éèêëēĕėęě…`), for accentEscape */
const ACCENTED: ReadonlyMap<string, string> = (() => {
	const map = new Map<string, Set<string>>();
	for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]]) {
		for (let code = from; code <= to; code++) {
			const letter = String.fromCharCode(code).toLowerCase();
			const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
			if (base.length === 1 && base >= 'a' && base <= 'z' && base !== letter) map.set(base, (map.get(base) ?? new Set()).add(letter));
		}
	}
	return new Map([...map].map(([base, letters]) => [base, [...letters].join('')]));
})();

/**
 * A keyword's text as a regex source that matches it with any diacritics (`Schrodinger` matches
 * `Schrödinger`, precomposed or with combining marks), for marking it in a card or an editor, where
 * the text is shown as written. Matching papers folds their text instead (matchInterests).
 */
function accentEscape(text: string): string {
	let out = '';
	for (const ch of text) {
		const letters = ACCENTED.get(ch.toLowerCase());
		out += letters ? `[${ch}${letters}]` : escapeRegExp(ch);
	}
	return out;
}

/**
 * The regex source for a literal term: whole words where it starts/ends with a letter or digit, not
 * with CJK. Each English word is taken in its keyword forms (keywordWordSource), words apart by any
 * run of spaces and punctuation (`world-model`, `World/Model`, `Vision–Language`), as search reads a
 * phrase; the word a `*` ends is a prefix as written.
 */
function literalSource(text: string, escape: (text: string) => string = escapeRegExp): string {
	const prefix = text.endsWith('*');
	const body = prefix ? text.slice(0, -1).trimEnd() : text;
	const first = body[0] ?? '';
	const last = body[body.length - 1] ?? '';
	const latinStart = WORD_CHAR.test(first) && !CJK_SCRIPT.test(first);
	const latinEnd = WORD_CHAR.test(last) && !CJK_SCRIPT.test(last);
	const parts = body.split(/[\s-]+/);
	let source = parts
		.map((part, p) => {
			let out = '';
			let from = 0;
			for (const m of part.matchAll(LATIN_WORD_RUN)) {
				const end = m.index + m[0].length;
				const asWritten = prefix && p === parts.length - 1 && end === part.length;
				out += escapeRegExp(part.slice(from, m.index)) + (asWritten ? escape(m[0]) : keywordWordSource(m[0], escape));
				from = end;
			}
			return out + escapeRegExp(part.slice(from));
		})
		.join('[^\\p{L}\\p{N}]+');
	if (latinStart) source = `${LATIN_WORD_START}${source}`;
	if (latinEnd) source += prefix ? `${LATIN_WORD_CHAR}*` : LATIN_WORD_END;
	return source;
}

/** why a /regex/ is refused, in English (features/reading/interests.ts says it in the reader's language) */
export const SLOW_REGEX = {
	nested: 'a repeat inside a repeat (like (a+)+) can take minutes on some text; write it with one level of repeats',
	alternatives: 'a repeat of alternatives that can start with the same character (like (a|ab|b)+ or (a?a)+) can take minutes on some text; start each alternative with a different character',
};

/** One setting entry as a term, or an error message; undefined for an empty entry. */
export function parseTerm(raw: string): Term | { error: string } | undefined {
	const text = raw.trim();
	if (text === '' || text.length > MAX_TERM) return undefined;
	const re = REGEX_TERM.exec(text);
	if (re) {
		const flags = (re[2] || 'i').replace(/[gy]/g, '');
		let regex: RegExp;
		try {
			regex = new RegExp(re[1], flags);
		} catch (err) {
			return { error: `${text}: ${err instanceof Error ? err.message : String(err)}` };
		}
		// a repeat inside a repeat, or of alternatives that can take the same text, takes seconds on a title and never ends on an abstract (see slowRegex.ts)
		const slow = slowRepeat(re[1], flags);
		if (slow) return { error: `${text}: ${SLOW_REGEX[slow]}` };
		return { kind: 'regex', label: text, regex };
	}
	// in quotes as Search Papers reads them: straight, or curly as a Chinese keyboard types them
	const unquoted = text.length > 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith('“') && text.endsWith('”'))) ? text.slice(1, -1).trim() : text;
	if (unquoted === '' || unquoted === '*') return undefined;
	// papers' text is matched with its diacritics folded (matchInterests), so is the keyword
	return { kind: 'literal', label: unquoted, source: literalSource(foldDiacritics(unquoted)) };
}

/** A setting's entries: a list's strings; a lone string is one entry (`"RDMA"`, not R, D, M, A); anything else none. */
function cleanList(value: unknown): string[] {
	const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
	const out: string[] = [];
	const seen = new Set<string>();
	for (const item of list) {
		if (typeof item !== 'string') continue;
		const t = item.trim();
		if (t === '' || seen.has(t.toLowerCase())) continue;
		seen.add(t.toLowerCase());
		out.push(t);
	}
	return out;
}

/** A spec from untrusted values (settings, a message): non-strings dropped, duplicates and blanks removed. */
export function normalizeInterests(value: Partial<Record<keyof InterestSpec, unknown>> | undefined): InterestSpec {
	return {
		keywords: cleanList(value?.keywords),
		authors: cleanList(value?.authors),
		categories: cleanList(value?.categories),
		exclude: cleanList(value?.exclude),
	};
}

/**
 * A keyword box's text as the terms it lists: `diffusion, "world model", 扩散模型` (as its placeholder
 * shows examples) is three, split at a comma, a Chinese comma or enumeration comma (`，`, `、`) or a
 * semicolon outside quotes and /regex/; one term is itself.
 */
export function splitTermList(text: string): string[] {
	const terms: string[] = [];
	let current = '';
	let quote: string | undefined;
	let regex = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quote !== undefined) {
			if (c === quote || (quote === '“' && c === '”')) quote = undefined;
		} else if (regex) {
			if (c === '\\') {
				// an escaped character (`\/`) is the regex's
				current += c + (text[i + 1] ?? '');
				i++;
				continue;
			}
			if (c === '/') regex = false;
		} else if (c === '"' || c === '“') quote = c;
		else if (c === '/' && current.trim() === '') regex = true;
		else if (',，、;；'.includes(c)) {
			if (current.trim() !== '') terms.push(current.trim());
			current = '';
			continue;
		}
		current += c;
	}
	if (current.trim() !== '') terms.push(current.trim());
	return terms;
}

/**
 * An interest's entry as the matcher reads it, to tell two entries the same: a keyword as the pattern
 * parseTerm makes of it (case aside: it is matched so), which reads a phrase in quotes or not, with
 * accents or not, its words apart by a hyphen or spaces alike (`"World Model"`, `world-model`); an
 * author as nameHasWords takes the name (wantedName: `Jean-Pierre Dupont`, `Jean Pierre Dupont`,
 * `J. Dupont`, `J Dupont`); a category without its `.*`; a /regex/ as written (case aside when it is
 * matched so). `“world model”` in curly quotes is the phrase, as in straight ones.
 */
export function interestTermKey(list: keyof InterestSpec, term: string): string {
	if (list === 'categories') return categoryKey(term);
	const parsed = parseTerm(term);
	if (parsed === undefined || 'error' in parsed) return term.trim().toLowerCase();
	if (parsed.kind === 'regex') return parsed.regex.flags.includes('i') ? parsed.label.toLowerCase() : parsed.label;
	return list === 'authors' ? wantedName(parsed.label) : parsed.source.toLowerCase();
}

function categoryKey(category: string): string {
	return category.trim().toLowerCase().replace(/\.\*?$/, '');
}

/** How a category is followed: by an entry of its own, or through a broader one (`cs` for `cs.CL`); `entry` as the list writes it. */
export interface CategoryFollowing {
	readonly entry: string;
	readonly exact: boolean;
}

/**
 * How `categories` (the interests' list) follows the category `name`, as matching reads the list: by
 * naming it (`cs.CL`, `cs.CL.*`), else through an entry that covers it (`cs` for every `cs.*`);
 * undefined when no entry does.
 */
export function categoryFollowing(categories: readonly string[], name: string): CategoryFollowing | undefined {
	const key = categoryKey(name);
	if (key === '') return undefined;
	const own = categories.find((c) => categoryKey(c) === key);
	if (own !== undefined) return { entry: own, exact: true };
	const broader = categories.find((c) => categoryKey(c) !== '' && categoryMatches(categoryKey(c), name));
	return broader === undefined ? undefined : { entry: broader, exact: false };
}

/** How the first of `names` that is followed at all is followed (a Papers view row: the category its papers state, then its own name), with that name. */
export function firstCategoryFollowing(categories: readonly string[], names: readonly string[]): { name: string; following: CategoryFollowing } | undefined {
	for (const name of names) {
		const following = categoryFollowing(categories, name);
		if (following) return { name, following };
	}
	return undefined;
}

/** What normalizeInterests made of a list it was not given as a list of strings. */
export type InterestListProblem =
	/** a lone string, taken as one entry */
	| { list: keyof InterestSpec; kind: 'string'; value: string }
	/** a number, an object…: ignored */
	| { list: keyof InterestSpec; kind: 'not-a-list'; value: string }
	/** entries of the list that are not text: ignored */
	| { list: keyof InterestSpec; kind: 'not-text'; value: string };

/** The problems of the lists of `value` (the settings as read), for the reader to correct. */
export function interestListProblems(value: Partial<Record<keyof InterestSpec, unknown>>): InterestListProblem[] {
	const problems: InterestListProblem[] = [];
	for (const list of ['keywords', 'authors', 'categories', 'exclude'] as const) {
		const v = value[list];
		if (v === undefined || v === null) continue;
		if (typeof v === 'string') problems.push({ list, kind: 'string', value: v });
		else if (!Array.isArray(v)) problems.push({ list, kind: 'not-a-list', value: JSON.stringify(v) ?? String(v) });
		else {
			const odd = v.filter((item) => typeof item !== 'string');
			if (odd.length > 0) problems.push({ list, kind: 'not-text', value: odd.map((item) => JSON.stringify(item) ?? String(item)).join(', ') });
		}
	}
	return problems;
}

/** Keywords joined into one pattern, a capture group each: `regex`'s group k is keyword `first` + k - 1. */
export interface Alternation {
	readonly regex: RegExp;
	readonly first: number;
}

/**
 * The most pattern source one alternation holds. V8 stops optimising a regular expression past 20 KB
 * of source (kRegExpTooLargeToOptimize): matching a paper against 100 keywords (21 KB, ~210 characters
 * a keyword with its word boundaries) took 175 ms, 80 keywords 0.7 ms (a long-term-use review's).
 */
export const MAX_ALTERNATION_SOURCE = 16_000;

/** `sources` in order, joined by `|` into as few alternations as keep each under MAX_ALTERNATION_SOURCE. */
function alternations(sources: readonly string[], flags: string): Alternation[] {
	const out: Alternation[] = [];
	let first = 0;
	let length = 0;
	for (let i = 0; i <= sources.length; i++) {
		if (i > first && (i === sources.length || length + sources[i].length + 1 > MAX_ALTERNATION_SOURCE)) {
			out.push({ regex: new RegExp(sources.slice(first, i).join('|'), flags), first });
			first = i;
			length = 0;
		}
		if (i < sources.length) length += sources[i].length + 1;
	}
	return out;
}

/** Keyword entries (the keywords, the excluded ones) as the matcher takes them: each literal's pattern, a group, and label; the /regex/es; what cannot be used is said in `errors`. */
function textTerms(entries: readonly string[], errors: string[]): { sources: string[]; labels: string[]; regexes: { label: string; regex: RegExp }[] } {
	const sources: string[] = [];
	const labels: string[] = [];
	const regexes: { label: string; regex: RegExp }[] = [];
	for (const raw of entries) {
		const term = parseTerm(raw);
		if (!term) continue;
		if ('error' in term) errors.push(term.error);
		else if (term.kind === 'regex') regexes.push({ label: term.label, regex: term.regex });
		else {
			sources.push(`(${term.source})`);
			labels.push(term.label);
		}
	}
	return { sources, labels, regexes };
}

export function compileInterests(spec: InterestSpec): CompiledInterests {
	const errors: string[] = [];
	const { sources: literalSources, labels: literalLabels, regexes } = textTerms(spec.keywords, errors);
	const authors: Term[] = [];
	for (const raw of spec.authors) {
		const term = parseTerm(raw);
		if (!term) continue;
		if ('error' in term) errors.push(term.error);
		// the term's hyphens match a name's hyphens or spaces (`Jean Pierre Dupont` is `Jean-Pierre Dupont`)
		else authors.push(term.kind === 'literal' ? { ...term, source: wantedName(term.label) } : term);
	}
	const { sources: excludeSources, labels: excludeLabels, regexes: excludeRegexes } = textTerms(spec.exclude, errors);
	const categories = spec.categories.map(categoryKey).filter((c) => c !== '');
	return {
		spec,
		literals: alternations(literalSources, 'giu'),
		literalLabels,
		literalPatterns: literalSources.map((source) => new RegExp(source, 'iu')),
		hiddenBy: hidingKeywords(literalLabels),
		regexes,
		authors,
		categories,
		exclude: alternations(excludeSources, 'iu'),
		excludeLabels,
		excludeRegexes,
		empty: literalSources.length + regexes.length + authors.length + categories.length + excludeSources.length + excludeRegexes.length === 0,
		errors,
	};
}

/**
 * Per keyword, the others whose match can overlap its own in a text, so that one scan of all keywords
 * finds only one of them (`diffusion` and `diffusion model`, `world model` and `model*`): those that
 * share a word or the start of one (plurals, prefixes); a Chinese keyword, matched anywhere, a
 * character. Generous: a pair named in vain costs one more test of a matching paper.
 */
function hidingKeywords(labels: readonly string[]): number[][] {
	const units = labels.map((label) => foldDiacritics(label).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((u) => u !== '').flatMap((u) => (CJK_SCRIPT.test(u) ? [...u] : [u])));
	const meet = (u: string, v: string) => {
		const n = Math.min(u.length, v.length);
		let k = 0;
		while (k < n && u[k] === v[k]) k++;
		return k >= Math.max(Math.min(3, n), n - 2);
	};
	return units.map((mine, i) => units.flatMap((other, j) => (j !== i && mine.some((u) => other.some((v) => meet(u, v))) ? [j] : [])));
}

function authorMatches(term: Term, name: string, folded: string): boolean {
	return term.kind === 'regex' ? term.regex.test(name) : nameHasWords(folded, term.source);
}

/** Whether matching reads the papers' text (keywords, excluded ones): authors and categories alone do not. */
export function interestsReadText(compiled: CompiledInterests): boolean {
	return compiled.literals.length > 0 || compiled.regexes.length > 0 || compiled.exclude.length > 0 || compiled.excludeRegexes.length > 0;
}

/** What of the interests a paper matches; undefined when it matches nothing and is not excluded. */
export function matchInterests(compiled: CompiledInterests, paper: InterestText): InterestMatch | undefined {
	if (compiled.empty) return undefined;
	const text = `${paper.title}\n${paper.translatedTitle ?? ''}\n${paper.tldr}\n${paper.body}`;
	// keywords ignore accents: the text is folded when it has a Latin letter with one (few papers do; Chinese needs no folding)
	const folded = LATIN_DIACRITICS.test(text) ? foldDiacritics(text) : text;
	const excludedBy = excludingTerm(compiled, text, folded);
	const words: string[] = [];
	if (compiled.literals.length > 0) {
		const labels = compiled.literalLabels;
		const found = new Array<boolean>(labels.length).fill(false);
		let left = labels.length;
		for (const { regex: literals, first } of compiled.literals) {
			if (left === 0) break;
			literals.lastIndex = 0;
			for (let m = literals.exec(folded); m && left > 0; m = literals.exec(folded)) {
				for (let g = 1; g < m.length; g++) {
					if (m[g] !== undefined && !found[first + g - 1]) {
						found[first + g - 1] = true;
						left--;
					}
				}
				if (m[0] === '') literals.lastIndex++;
			}
		}
		// a keyword inside or across another's match (`diffusion model` where `diffusion` matched first, `model*`
		// in `world model`) is found by its own pattern, once the paper is a match: every keyword it has counts
		if (left > 0 && left < labels.length) {
			compiled.literalPatterns.forEach((pattern, i) => {
				if (!found[i] && compiled.hiddenBy[i].some((j) => found[j]) && pattern.test(folded)) found[i] = true;
			});
		}
		labels.forEach((label, i) => found[i] && words.push(label));
	}
	const keywords = [...words];
	const regexes: string[] = [];
	for (const { label, regex } of compiled.regexes) {
		const m = regex.exec(text);
		if (m && m[0] !== '') {
			words.push(m[0].length <= 40 ? m[0] : label);
			regexes.push(label);
		}
	}
	if (excludedBy?.regex !== undefined) regexes.push(excludedBy.regex);
	const authors: string[] = [];
	if (compiled.authors.length > 0) {
		for (const name of paper.authors) {
			const folded = foldName(name);
			if (compiled.authors.some((term) => authorMatches(term, name, folded))) authors.push(name);
		}
	}
	const category = compiled.categories.some((wanted) => categoryMatches(wanted, paper.category)) ? paper.category : undefined;
	words.push(...authors);
	if (category !== undefined) words.push(category);
	if (words.length === 0 && excludedBy === undefined) return undefined;
	return interestMatch(words, excludedBy !== undefined, authors, category, excludedBy?.name, regexes, keywords);
}

/** A match of these parts, each word and author once; the optional fields only when present (a match compares and crosses to the host as it is). */
function interestMatch(words: readonly string[], excluded: boolean, authors: readonly string[], category: string | undefined, excludedBy: string | undefined, regexes: readonly string[], keywords: readonly string[]): InterestMatch {
	return {
		words: [...new Set(words)],
		excluded,
		...(authors.length > 0 ? { authors: [...new Set(authors)] } : {}),
		...(category !== undefined ? { category } : {}),
		...(excludedBy !== undefined ? { excludedBy } : {}),
		...(regexes.length > 0 ? { regexes: [...new Set(regexes)] } : {}),
		...(keywords.length > 0 ? { keywords: [...new Set(keywords)] } : {}),
	};
}

/** The first excluded keyword (literal, then regex) that appears in the paper's text, as a match names it, and the /regex/ entry when it is one; undefined when none appears. */
function excludingTerm(compiled: CompiledInterests, text: string, folded: string): { name: string; regex?: string } | undefined {
	for (const { regex, first } of compiled.exclude) {
		const m = regex.exec(folded);
		if (!m) continue;
		const group = m.findIndex((g, i) => i > 0 && g !== undefined);
		return { name: compiled.excludeLabels[first + group - 1] ?? m[0] };
	}
	for (const { label, regex } of compiled.excludeRegexes) {
		const found = regex.exec(text);
		// as a keyword's regex is named (an empty match excludes too, named by the term)
		if (found) return { name: found[0] !== '' && found[0].length <= 40 ? found[0] : label, regex: label };
	}
	return undefined;
}

/** Whether two matches say the same (the words, and which of them are authors or the category, and the exclusion). */
export function sameInterestMatch(a: InterestMatch, b: InterestMatch): boolean {
	const same = (x: readonly string[] | undefined, y: readonly string[] | undefined) => (x ?? []).join('\n') === (y ?? []).join('\n');
	return a.excluded === b.excluded && a.excludedBy === b.excludedBy && a.category === b.category && same(a.words, b.words) && same(a.authors, b.authors) && same(a.regexes, b.regexes) && same(a.keywords, b.keywords);
}

/** One paper's matches from two places (a paper listed in files of two index shards): everything either found. */
export function mergeInterestMatches(a: InterestMatch, b: InterestMatch): InterestMatch {
	return interestMatch([...a.words, ...b.words], a.excluded || b.excluded, [...(a.authors ?? []), ...(b.authors ?? [])], a.category ?? b.category, a.excludedBy ?? b.excludedBy, [...(a.regexes ?? []), ...(b.regexes ?? [])], [...(a.keywords ?? []), ...(b.keywords ?? [])]);
}

/** How many papers each entry of a spec marks, per list, in the lists' order (see interestEntryCounts). */
export type InterestEntryCounts = { readonly [list in keyof InterestSpec]: readonly number[] };

/**
 * How many papers each entry of `spec` marks among `matches`, the matches matchInterests made for
 * `spec` (one per paper: a paper listed on several days, or by two shards, is one match, merged,
 * so these are distinct papers, not listings). A keyword, author or category counts the papers it
 * marks ✦ (an excluded paper is marked by none); an excluded keyword the papers it dims, each under
 * the excluded keyword its match names (the first found). Read from the matches as the matcher made
 * them: a keyword by its label in `words` (a /regex/ by `regexes`), an author by the matcher's test of
 * the paper's followed names, a category by categoryMatches. An entry the matcher ignores counts 0.
 */
export function interestEntryCounts(spec: InterestSpec, matches: Iterable<InterestMatch>): InterestEntryCounts {
	const terms = (list: readonly string[]) => list.map((raw) => {
		const term = parseTerm(raw);
		return term && !('error' in term) ? term : undefined;
	});
	const keywords = terms(spec.keywords);
	// as compileInterests reads an author: a name's hyphens or spaces alike
	const authors = terms(spec.authors).map((term) => (term?.kind === 'literal' ? { ...term, source: wantedName(term.label) } : term));
	const categories = spec.categories.map(categoryKey);
	const exclude = terms(spec.exclude);
	/** per category a paper states, the entries of `categories` that follow it */
	const categoryEntries = new Map<string, number[]>();
	const counts = { keywords: keywords.map(() => 0), authors: authors.map(() => 0), categories: categories.map(() => 0), exclude: exclude.map(() => 0) };
	/** a keyword or excluded keyword's name in a match: its label, or for a /regex/ whether `regexes` has it */
	const names = (term: Term, word: (label: string) => boolean, regexes: readonly string[] | undefined) => (term.kind === 'regex' ? (regexes ?? []).includes(term.label) : word(term.label));
	for (const match of matches) {
		if (match.excluded) {
			exclude.forEach((term, i) => {
				if (term && names(term, (label) => label === match.excludedBy, match.regexes)) counts.exclude[i]++;
			});
			continue;
		}
		if (match.words.length === 0) continue;
		keywords.forEach((term, i) => {
			if (term && names(term, (label) => match.keywords?.includes(label) === true, match.regexes)) counts.keywords[i]++;
		});
		const followed = match.authors ?? [];
		if (followed.length > 0) {
			authors.forEach((term, i) => {
				if (term && followed.some((name) => authorMatches(term, name, foldName(name)))) counts.authors[i]++;
			});
		}
		const category = match.category;
		if (category === undefined) continue;
		// a few dozen categories over thousands of papers: each tested once
		let entries = categoryEntries.get(category);
		if (entries === undefined) categoryEntries.set(category, (entries = categories.flatMap((wanted, i) => (wanted !== '' && categoryMatches(wanted, category) ? [i] : []))));
		for (const i of entries) counts.categories[i]++;
	}
	return counts;
}

/**
 * The interest keywords as global patterns, to mark them in a card or an editor: `plain` and
 * `accented` hold the literals and the case-insensitive regexes (those that work with the `u` flag);
 * `accented` also marks a keyword written with diacritics in the text (`Schrödinger` for
 * `Schrodinger`) and is several times slower, so highlightFor uses it only where the text has such a
 * letter. `exact` holds the regexes given flags without `i`, which match with their case as they
 * do for papers. Undefined when there are no keywords.
 */
export interface InterestHighlight {
	readonly plain: readonly RegExp[];
	readonly accented: readonly RegExp[];
	readonly exact: readonly RegExp[];
}

export function interestHighlightPattern(spec: InterestSpec): InterestHighlight | undefined {
	const plain: string[] = [];
	const accented: string[] = [];
	const exact: string[] = [];
	for (const raw of spec.keywords) {
		const term = parseTerm(raw);
		if (!term || 'error' in term) continue;
		if (term.kind === 'literal') {
			plain.push(term.source);
			accented.push(literalSource(foldDiacritics(term.label), accentEscape));
			continue;
		}
		try {
			new RegExp(term.regex.source, 'giu');
		} catch {
			// a regex valid only without the `u` flag still matches papers; it is just not highlighted
			continue;
		}
		if (term.regex.ignoreCase) {
			plain.push(`(?:${term.regex.source})`);
			accented.push(`(?:${term.regex.source})`);
		} else exact.push(`(?:${term.regex.source})`);
	}
	if (plain.length + exact.length === 0) return undefined;
	// longest first, so "world model" wins over "world" (and across alternations, unionMatches takes the longer)
	const pattern = (sources: string[], flags: string) => alternations([...sources].sort((a, b) => b.length - a.length), flags).map((a) => a.regex);
	return { plain: pattern(plain, 'giu'), accented: pattern(accented, 'giu'), exact: pattern(exact, 'gu') };
}

/**
 * The patterns of `highlight` to mark `text` with (see InterestHighlight; mark with unionMatches):
 * the accent-folding one only where the text has a letter with diacritics, or when no text is given
 * (a card marks many texts with one list).
 */
export function highlightFor(highlight: InterestHighlight, text?: string): RegExp[] {
	const keywords = text === undefined || LATIN_DIACRITICS.test(text) ? highlight.accented : highlight.plain;
	return [...keywords, ...highlight.exact];
}
