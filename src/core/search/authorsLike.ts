/**
 * The author names the papers of an index write that a typed text starts, with their papers: Follow
 * Author… suggests them as the reader types, so a name is followed as the digests write it (`He Kaiming`,
 * family name first, marked nothing). Read from the index's documents in the shard that holds them,
 * one document per paper; vscode-free.
 */
import type { PaperIndex } from './index';
import { wantedName } from '../authorNames';
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
 * ids (a paper once, whatever days list it). One row per name as the interests' matcher reads names
 * (wantedName: `Jian Yang` and `jian Yang`, `Anh-Duy Le` and `Anh Duy Le`, `Stéphane` and `Stephane`
 * are one author, whom following either spelling marks), written as most of its papers write it.
 */
export function authorsLike(index: PaperIndex, typed: string, limit: number): AuthorsLikeReply {
	const parts = typedNameParts(typed);
	if (parts.length === 0) return [];
	const names = new Map<string, { ids: string[]; spellings: Map<string, number> }>();
	for (const doc of index.docs) {
		if (!doc || !index.alive[doc.num]) continue;
		// the folded names an author: filter caches on the document
		const folded = (doc.foldedAuthors ??= doc.authors.map((a) => foldPhraseText(a).split(' ')));
		const seen = new Set<string>();
		folded.forEach((name, i) => {
			const written = doc.authors[i].trim();
			if (written === '' || !startsWords(parts, name)) return;
			const key = wantedName(written);
			if (seen.has(key)) return;
			seen.add(key);
			const found = names.get(key) ?? { ids: [], spellings: new Map<string, number>() };
			found.ids.push(doc.id);
			found.spellings.set(written, (found.spellings.get(written) ?? 0) + 1);
			names.set(key, found);
		});
	}
	return [...names.values()]
		.map(({ ids, spellings }): [string, string[]] => [commonest(spellings), ids])
		.sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
		.slice(0, limit);
}

/** the spelling most papers write (the first of them in code-point order on a tie, as every shard picks it) */
function commonest(spellings: ReadonlyMap<string, number>): string {
	let best = '';
	let most = -1;
	for (const [spelling, count] of spellings) if (count > most || (count === most && spelling < best)) (best = spelling), (most = count);
	return best;
}

/**
 * Several shards' answers as one: a name's papers united (a paper in files of two shards once; one
 * author as the matcher reads names, see authorsLike), the most papers first, at most `limit`;
 * [name, papers], the name as the shard with most of its papers writes it.
 */
export function mergeAuthorsLike(replies: readonly AuthorsLikeReply[], limit: number): [name: string, papers: number][] {
	const names = new Map<string, { name: string; most: number; ids: Set<string> }>();
	for (const reply of replies) {
		for (const [name, ids] of reply) {
			const key = wantedName(name);
			const found = names.get(key) ?? { name, most: -1, ids: new Set<string>() };
			if (ids.length > found.most || (ids.length === found.most && name < found.name)) (found.name = name), (found.most = ids.length);
			for (const id of ids) found.ids.add(id);
			names.set(key, found);
		}
	}
	return [...names.values()].map(({ name, ids }): [string, number] => [name, ids.size]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit);
}
