/**
 * A note's words are searchable: the host matches the query's free words and phrases against the
 * reader's notes (a few hundred short texts at most, so a scan per query costs well under a
 * millisecond) and the search shards then apply the query's filters to the papers found. The shards
 * never hold note text, so a note edit needs no index update and no message to the workers.
 */
import type { ParsedQuery } from '../search/query';
import { escapeRegExp } from '../parse/text';
import { containsPhrase, foldPhraseText } from '../search/tokenizer';

/**
 * Ids whose note holds every free word (as a word prefix, or CJK run; an acronym as a whole word, its
 * plural or a numbered version, as search takes it: `NOMA` is not `nomad`) and every phrase of the query.
 */
export function noteMatches(query: ParsedQuery, notes: Readonly<Record<string, string>>): string[] {
	if (query.words.length === 0 && query.phrases.length === 0) return [];
	const acronyms = new Map(query.words.filter((w) => w.acronym).flatMap((w) => w.terms.map((term) => [term, acronymPattern(term)] as const)));
	const out: string[] = [];
	for (const [id, text] of Object.entries(notes)) {
		const folded = ` ${foldPhraseText(text)}`;
		const words = query.words.every((w) => w.terms.every((term) => (w.cjk ? folded.includes(term) : (acronyms.get(term)?.test(folded) ?? folded.includes(` ${term}`)))));
		if (words && query.phrases.every((p) => containsPhrase(folded, p))) out.push(id);
	}
	return out;
}

/** an acronym's term as a whole word of folded text: itself, its plural, or a numbered version (`sam2`, `yolov8`) */
function acronymPattern(term: string): RegExp {
	return new RegExp(` ${escapeRegExp(term)}(?:s|v?\\d[\\p{L}\\p{N}]*)?(?= |$)`, 'u');
}
