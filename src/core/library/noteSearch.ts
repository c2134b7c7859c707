/**
 * A note's words are searchable: the host matches the query's free words and phrases against the
 * reader's notes (a few hundred short texts at most, so a scan per query costs well under a
 * millisecond) and the search shards then apply the query's filters to the papers found. The shards
 * never hold note text, so a note edit needs no index update and no message to the workers.
 */
import type { ParsedQuery } from '../search/query';
import { containsPhrase, foldPhraseText } from '../search/tokenizer';

/** Ids whose note holds every free word (as a word prefix, or CJK run) and every phrase of the query. */
export function noteMatches(query: ParsedQuery, notes: Readonly<Record<string, string>>): string[] {
	if (query.words.length === 0 && query.phrases.length === 0) return [];
	const out: string[] = [];
	for (const [id, text] of Object.entries(notes)) {
		const folded = ` ${foldPhraseText(text)}`;
		const words = query.words.every((w) => w.terms.every((term) => (w.cjk ? folded.includes(term) : folded.includes(` ${term}`))));
		if (words && query.phrases.every((p) => containsPhrase(folded, p))) out.push(id);
	}
	return out;
}
