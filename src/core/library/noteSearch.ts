/**
 * A note's words are searchable: the host matches the query's free words and phrases against the
 * reader's notes and the search shards then apply the query's filters to the papers found. The shards
 * never hold note text, so a note edit needs no index update and no message to the workers. The notes
 * are folded once per library value: with 800 notes (real TL;DRs and methods) a query took 8–30 ms,
 * each keystroke; now the first after a change ~23 ms, the next 0.3–1 ms.
 */
import type { ParsedQuery } from '../search/query';
import { escapeRegExp } from '../parse/text';
import { containsPhrase, foldPhraseText, forEachTerm, type QueryWord } from '../search/tokenizer';
import { SortedTerms } from '../search/sortedTerms';
import { TermTable } from '../search/termTable';

/** A query's search of the notes: see noteSearch. */
export interface NoteSearch {
	/**
	 * The query's words (their terms) that `matches` would take as a typo of a note's word: no note
	 * has them, and a note has a word close to them. The index corrects a word only when no paper has
	 * it either: the caller asks it of these few and gives `matches` those the papers have.
	 */
	readonly typos: readonly string[];
	/**
	 * Ids whose note holds every free word (as a word prefix, or CJK run; an acronym as a whole word,
	 * its plural or a numbered version, as search takes it: `NOMA` is not `nomad`) and every phrase of
	 * the query. A word of `typos` that no paper has either (`papersHave`: the index's answer) is taken
	 * as a typo of the notes' closest words, as search corrects a paper's (`distilation` finds a note
	 * with `distillation`).
	 */
	matches(papersHave?: ReadonlySet<string>): string[];
}

/** the notes' folded texts and their words' table, per library value (a library is never mutated: each change makes a new notes object) */
interface FoldedNotes {
	readonly folded: readonly (readonly [string, string])[];
	terms?: NoteTerms;
}
const foldedNotes = new WeakMap<Readonly<Record<string, string>>, FoldedNotes>();

/**
 * The notes folded once per library value, not per query: Search Papers asks at every keystroke, and
 * folding 800 notes took 9–46 ms a query (a long-term-use review's).
 */
function foldedOf(notes: Readonly<Record<string, string>>): FoldedNotes {
	let entry = foldedNotes.get(notes);
	if (!entry) {
		entry = { folded: Object.entries(notes).map(([id, text]) => [id, ` ${foldPhraseText(text)}`] as const) };
		foldedNotes.set(notes, entry);
	}
	return entry;
}

/** The notes searched for `query`: the notes are folded and their words corrected against once. */
export function noteSearch(query: ParsedQuery, notes: Readonly<Record<string, string>>): NoteSearch {
	if (query.words.length === 0 && query.phrases.length === 0) return { typos: [], matches: () => [] };
	const entry = foldedOf(notes);
	const { folded } = entry;
	const has = wordTest(query);
	const corrections = noteCorrections(query, notes, entry, has);
	return {
		typos: [...corrections.keys()].map((w) => w.terms[0]),
		matches: (papersHave = new Set()) => {
			const out: string[] = [];
			for (const [id, text] of folded) {
				const words = query.words.every((w) => {
					const ids = papersHave.has(w.terms[0]) ? undefined : corrections.get(w);
					return ids ? ids.has(id) : has(text, w);
				});
				if (words && query.phrases.every((p) => containsPhrase(text, p))) out.push(id);
			}
			return out;
		},
	};
}

/** does a note's folded text (with a space before) hold a query word: see NoteSearch.matches */
function wordTest(query: ParsedQuery): (text: string, w: QueryWord) => boolean {
	const acronyms = new Map(query.words.filter((w) => w.acronym).flatMap((w) => w.terms.map((term) => [term, acronymPattern(term)] as const)));
	return (text, w) => w.terms.every((term) => (w.cjk ? text.includes(term) : (acronyms.get(term)?.test(text) ?? text.includes(` ${term}`))));
}

/** a typo is corrected from this many letters on (as search corrects a paper's words) */
const MIN_TYPO_LENGTH = 4;

/**
 * The query's words that no note has (as typed or as a completion) and that one of the notes' words
 * corrects, each with the ids of the notes holding a closest correction: one edit away (two from 8
 * letters on: `distilation`), two adjacent letters swapped being one edit, as the index corrects a
 * paper's words (never a Chinese run or an acronym, as there).
 */
function noteCorrections(query: ParsedQuery, notes: Readonly<Record<string, string>>, entry: FoldedNotes, has: (text: string, w: QueryWord) => boolean): Map<QueryWord, Set<string>> {
	const words = query.words.filter((w) => !w.cjk && !w.acronym && w.terms.length === 1 && w.terms[0].length >= MIN_TYPO_LENGTH && !entry.folded.some(([, text]) => has(text, w)));
	const out = new Map<QueryWord, Set<string>>();
	if (words.length === 0) return out;
	const { sorted, holders } = (entry.terms ??= noteTerms(notes));
	for (const word of words) {
		const term = word.terms[0];
		let closest = term.length >= 8 ? 2 : 1;
		const found: [string, number][] = [];
		sorted.forFuzzy(term, closest, (other, _id, distance) => {
			found.push([other, distance]);
			closest = Math.min(closest, distance);
		});
		const ids = new Set(found.filter(([, distance]) => distance === closest).flatMap(([other]) => holders.get(other) ?? []));
		if (ids.size > 0) out.set(word, ids);
	}
	return out;
}

/** the notes' words, as the index's terms, and the notes holding each: built the first time a query needs them for this library value */
interface NoteTerms {
	readonly sorted: SortedTerms;
	readonly holders: ReadonlyMap<string, string[]>;
}

function noteTerms(notes: Readonly<Record<string, string>>): NoteTerms {
	const table = new TermTable();
	const sorted = new SortedTerms(table);
	const holders = new Map<string, string[]>();
	for (const [id, text] of Object.entries(notes)) {
		forEachTerm(text, (term) => {
			let ids = holders.get(term);
			if (!ids) {
				holders.set(term, (ids = []));
				sorted.add(term, table.push(term));
			}
			if (ids[ids.length - 1] !== id) ids.push(id);
		});
	}
	return { sorted, holders };
}

/** an acronym's term as a whole word of folded text: itself, its plural, or a numbered version (`sam2`, `yolov8`) */
function acronymPattern(term: string): RegExp {
	return new RegExp(` ${escapeRegExp(term)}(?:s|v?\\d[\\p{L}\\p{N}]*)?(?= |$)`, 'u');
}
