/**
 * The author names the papers of an index write that a typed text starts, with their papers: Follow
 * Author… suggests them as the reader types, so a name is followed as the digests write it (`He Kaiming`,
 * family name first, marked nothing). Read from the index's documents in the shard that holds them,
 * one document per paper; vscode-free.
 */
import type { PaperIndex } from './index';
import { foldPhraseText } from './tokenizer';

/** a shard's answer: names as the papers write them, each with the ids of its papers (the service unites the shards' ids) */
export type AuthorsLikeReply = [name: string, ids: string[]][];

/** typed text shorter than this (its letters and digits) suggests nothing: every name has an `a` */
export const AUTHORS_LIKE_MIN_LETTERS = 2;

/** Whether each of `parts` starts a different word of `name` (both folded as the search folds a name), in any order. */
function startsWords(parts: readonly string[], name: readonly string[], at = 0, used = 0): boolean {
	if (at === parts.length) return true;
	for (let w = 0; w < name.length && w < 31; w++) {
		if (!(used & (1 << w)) && name[w].startsWith(parts[at]) && startsWords(parts, name, at + 1, used | (1 << w))) return true;
	}
	return false;
}

/** The typed text as the words a name must start, folded as an `author:` filter folds them; none when too short. */
export function typedNameParts(typed: string): string[] {
	const parts = foldPhraseText(typed).split(' ').filter((p) => p !== '');
	return parts.join('').length >= AUTHORS_LIKE_MIN_LETTERS ? parts : [];
}

/** Whether the words `parts` (typedNameParts) start different words of the name `written`, in any order. */
export function nameStartsWith(parts: readonly string[], written: string): boolean {
	return parts.length > 0 && startsWords(parts, foldPhraseText(written).split(' '));
}

/**
 * The names of the index's papers of which each typed word starts a different word, in any order
 * (`kaiming h`, `he kaim`: Kaiming He), the most papers first, at most `limit`; each with its papers'
 * ids (a paper once, whatever days list it). A name as the papers write it, spaces trimmed.
 */
export function authorsLike(index: PaperIndex, typed: string, limit: number): AuthorsLikeReply {
	const parts = typedNameParts(typed);
	if (parts.length === 0) return [];
	const names = new Map<string, string[]>();
	for (const doc of index.docs) {
		if (!doc || !index.alive[doc.num]) continue;
		// the folded names an author: filter caches on the document
		const folded = (doc.foldedAuthors ??= doc.authors.map((a) => foldPhraseText(a).split(' ')));
		const seen = new Set<string>();
		folded.forEach((name, i) => {
			const written = doc.authors[i].trim();
			if (written === '' || seen.has(written) || !startsWords(parts, name)) return;
			seen.add(written);
			const ids = names.get(written);
			if (ids) ids.push(doc.id);
			else names.set(written, [doc.id]);
		});
	}
	return [...names].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, limit);
}

/** Several shards' answers as one: a name's papers united (a paper in files of two shards once), the most papers first, at most `limit`; [name, papers]. */
export function mergeAuthorsLike(replies: readonly AuthorsLikeReply[], limit: number): [name: string, papers: number][] {
	const names = new Map<string, Set<string>>();
	for (const reply of replies) {
		for (const [name, ids] of reply) {
			const set = names.get(name) ?? new Set<string>();
			for (const id of ids) set.add(id);
			names.set(name, set);
		}
	}
	return [...names].map(([name, ids]): [string, number] => [name, ids.size]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}
