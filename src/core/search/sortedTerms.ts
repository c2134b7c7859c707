/**
 * The word terms in code-unit order, for prefix and typo lookups by binary search. A radix tree
 * (minisearch's SearchableMap) did this before, but building it over a shard's ~130k words
 * took ~300 ms of CPU and ~37 MB of heap on the first query after every warm start, and the one
 * kept for typo lookups was a third of a warm worker's heap (48 MB on 167 real days); the order
 * here is saved with the cache, so a warm start sorts nothing. The order is term ids only: the
 * terms are read in the index's TermTable (in place, for those a cache restored). Terms added
 * since the last sort wait in a short list that prefix and typo lookups scan.
 */
import { pauseAt, runSteps } from '../steps';
import { fnv1aUnits } from '../checksum';
import type { TermTable } from './termTable';

/** sorting pauses after about this many terms placed, sorted or merged (a few milliseconds) */
const SORT_STEP = 1 << 14;

export class SortedTerms {
	/** term ids in the order of their terms */
	private ids: Int32Array = new Int32Array(0);
	private recent: { term: string; id: number }[] = [];
	/**
	 * The sorted ids by their term's hash (open addressing, -1 for none; at most half full), for
	 * sortedIdOf once prepareLookups built it (a warm start's background work, or the first changed
	 * file). A binary search took ~5 µs a word in a warm worker: nothing for a query's few words, but
	 * the first changed file after a warm start looks up each of its distinct words (~19,000 for a
	 * day of 532 papers: ~100 ms); 2 MB for 167 real days' ~184,000 words.
	 */
	private hashed: Int32Array | undefined;

	/** `table`: where the ids' terms are (the index's; a term is added there before it is added here) */
	constructor(private table: TermTable) {}

	get size(): number {
		return this.ids.length + this.recent.length;
	}

	add(term: string, id: number): void {
		this.recent.push({ term, id });
	}

	/** Calls `fn` for every term that starts with `prefix`, `prefix` itself included. */
	forPrefix(prefix: string, fn: (term: string, id: number) => void): void {
		const { ids, table } = this;
		for (let i = this.lowerBound(prefix); i < ids.length && table.startsWith(ids[i], prefix); i++) fn(table.get(ids[i]), ids[i]);
		for (const { term, id } of this.recent) if (term.startsWith(prefix)) fn(term, id);
	}

	/**
	 * Calls `fn` for every term within edit distance `maxDistance` (in UTF-16 code units) of
	 * `query`, the term itself included (distance 0), sorted terms in order, then the recent ones.
	 * The distance is the optimal string alignment one (Damerau–Levenshtein without editing a
	 * substring twice): two adjacent letters swapped are one edit, as the commonest slip of typing
	 * is (`modle` is `model` at 1, where Levenshtein's 2 left only `mode` and `module` within reach).
	 * A walk of the trie the sorted terms imply (the terms sharing a prefix are one range, a child
	 * is the run of terms with one next character, found by binary search), one matrix row per
	 * character as in minisearch's radix tree (http://stevehanov.ca/blog/?id=114), a swap reading
	 * the row two characters up, branches cut once a row has no cell within `maxDistance` (the rows
	 * below can then have none either, swaps included: a swap's cell is one more than a cell of the
	 * row before last, and the last row holds a cell no larger, its diagonal neighbour): the typo
	 * lookup with no structure of its own in memory.
	 */
	forFuzzy(query: string, maxDistance: number, fn: (term: string, id: number, distance: number) => void): void {
		const n = query.length + 1;
		const maxDepth = query.length + maxDistance;
		const { ids, table } = this;
		// row d: the distances of the first d characters of a term to each prefix of the query
		const rows = new Uint8Array((maxDepth + 1) * n);
		for (let j = 0; j < n; j++) rows[j] = j;
		const limit = maxDistance + 1;
		/**
		 * fills row `depth` for the character `code` after row depth - 1, whose character was `before`
		 * (-1 for none); false when no cell is within maxDistance
		 */
		const step = (depth: number, code: number, before: number): boolean => {
			const row = depth * n;
			const previous = row - n;
			let min = (rows[row] = depth);
			for (let j = 1; j < n; j++) {
				const typed = query.charCodeAt(j - 1);
				let cell = Math.min(rows[previous + j - 1] + (typed === code ? 0 : 1), rows[previous + j] + 1, rows[row + j - 1] + 1);
				// `before code` typed the other way round, ending at query[j - 1]
				if (j > 1 && typed === before && query.charCodeAt(j - 2) === code && rows[previous - n + j - 2] + 1 < cell) cell = rows[previous - n + j - 2] + 1;
				rows[row + j] = cell > limit ? limit : cell;
				if (cell < min) min = cell;
			}
			return min <= maxDistance;
		};
		// terms[lo, hi) share their first `depth` characters, whose rows are filled; `last` is the
		// character at depth - 1 (-1 at the root)
		const walk = (lo: number, hi: number, depth: number, last: number): void => {
			if (table.lengthOf(ids[lo]) === depth) {
				const distance = rows[depth * n + n - 1];
				if (distance <= maxDistance) fn(table.get(ids[lo]), ids[lo], distance);
				lo++;
			}
			if (depth === maxDepth) return;
			while (lo < hi) {
				const code = table.codeAt(ids[lo], depth);
				// the end of the run of terms with this character at `depth`
				let a = lo + 1;
				let b = hi;
				while (a < b) {
					const mid = (a + b) >>> 1;
					if (table.codeAt(ids[mid], depth) === code) a = mid + 1;
					else b = mid;
				}
				if (step(depth + 1, code, last)) walk(lo, a, depth + 1, code);
				lo = a;
			}
		};
		if (ids.length > 0) walk(0, ids.length, 0, -1);
		for (const { term, id } of this.recent) {
			if (Math.abs(term.length - query.length) > maxDistance) continue;
			let ok = true;
			for (let d = 1; d <= term.length && ok; d++) ok = step(d, term.charCodeAt(d - 1), d > 1 ? term.charCodeAt(d - 2) : -1);
			const distance = rows[term.length * n + n - 1];
			if (ok && distance <= maxDistance) fn(term, id, distance);
		}
	}

	/**
	 * The id of `term` among the sorted terms (those placed by the last sort or restore), by their
	 * hash, or by binary search until it is built; the recent ones are not looked at (their owner
	 * keeps them in a Map).
	 */
	sortedIdOf(term: string): number | undefined {
		const slots = this.hashed;
		if (!slots) {
			const at = this.lowerBound(term);
			return at < this.ids.length && this.table.is(this.ids[at], term) ? this.ids[at] : undefined;
		}
		const mask = slots.length - 1;
		for (let s = fnv1aUnits(term) & mask; ; s = (s + 1) & mask) {
			const id = slots[s];
			if (id < 0) return undefined;
			if (this.table.is(id, term)) return id;
		}
	}

	/** Builds the hash sortedIdOf then uses (a warm start leaves it for later; a bulk of lookups first calls this). */
	prepareLookups(): void {
		if (!this.hashed) this.buildHash();
	}

	private buildHash(): Int32Array {
		let size = 1024;
		while (size < this.ids.length * 2) size *= 2;
		const slots = new Int32Array(size).fill(-1);
		this.hashed = slots;
		for (let k = 0; k < this.ids.length; k++) this.place(this.ids[k]);
		return slots;
	}

	/** puts `id` in the hash (which has room: at most half full) */
	private place(id: number): void {
		const slots = this.hashed as Int32Array;
		const mask = slots.length - 1;
		let s = this.table.hashOf(id) & mask;
		while (slots[s] >= 0) s = (s + 1) & mask;
		slots[s] = id;
	}

	/** The position of the first sorted term not before `term` (binary search). */
	private lowerBound(term: string): number {
		const { ids, table } = this;
		let lo = 0;
		let hi = ids.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (table.before(ids[mid], term)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Merges the recent terms into the sorted ones. */
	sort(): void {
		runSteps(this.sorting());
	}

	/**
	 * sort in steps of a few milliseconds (sorting a cold build's ~180,000 words took ~130 ms, the
	 * long fields' new ones at the end of its freeze ~190 ms), for an owner that answers queries in
	 * between: the terms stay findable as they were until the merged order is put in place at once,
	 * and terms added meanwhile stay recent. One sort at a time: another one run while this one is
	 * paused would merge the same terms twice (the index's owner sorts only within its queued
	 * requests, one at a time).
	 */
	*sorting(): Generator<void, void> {
		const taken = this.recent.length;
		if (taken === 0) return;
		const recent = yield* sortingByTerm(this.recent.slice(0, taken));
		const old = this.ids;
		const ids = new Int32Array(old.length + recent.length);
		let i = 0;
		let j = 0;
		for (let k = 0; k < ids.length; k++) {
			if (pauseAt(k, SORT_STEP)) yield;
			if (j >= recent.length || (i < old.length && this.table.before(old[i], recent[j].term))) ids[k] = old[i++];
			else ids[k] = recent[j++].id;
		}
		this.ids = ids;
		this.recent = this.recent.slice(taken);
		// the merged terms join the hash, or it is built again when next prepared once it would be over half full
		if (this.hashed && ids.length * 2 <= this.hashed.length) for (const { id } of recent) this.place(id);
		else this.hashed = undefined;
	}

	/** The ids in term order, for a cache (call sort first). */
	order(): Int32Array {
		return this.ids;
	}

	/**
	 * Installs an order read back from a cache: `order` lists term ids of `table`. False (nothing
	 * installed) when an id is no word (`isWord`). The order itself is trusted (the cache's checksum
	 * guards it; comparing every neighbour cost ~150 ms per warm start).
	 */
	restore(order: Int32Array, table: TermTable, isWord: (id: number) => boolean): boolean {
		for (let k = 0; k < order.length; k++) if (!isWord(order[k])) return false;
		this.table = table;
		this.ids = order;
		this.recent = [];
		this.hashed = undefined;
		return true;
	}
}

const byTerm = (a: { term: string }, b: { term: string }) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

/**
 * The entries in the order of their terms (JavaScript's string order: UTF-16 code units), sorted in
 * buckets of their first two code units and the buckets by number: ~2× faster than one sort of
 * ~450,000 terms (a cold build waits for it before every title is searchable), as most comparisons
 * become numeric and each bucket is small.
 */
export function sortByTerm<T extends { term: string }>(entries: readonly T[]): T[] {
	return runSteps(sortingByTerm(entries));
}

/** sortByTerm in steps of about SORT_STEP entries placed or sorted (see SortedTerms.sorting). */
export function* sortingByTerm<T extends { term: string }>(entries: readonly T[]): Generator<void, T[]> {
	const buckets = new Map<number, T[]>();
	for (let i = 0; i < entries.length; i++) {
		if (pauseAt(i, SORT_STEP)) yield;
		const entry = entries[i];
		const t = entry.term;
		// a shorter term sorts before every longer one that starts like it: 0 for no second unit
		const key = t.length === 0 ? -1 : t.charCodeAt(0) * 65537 + (t.length > 1 ? t.charCodeAt(1) + 1 : 0);
		const bucket = buckets.get(key);
		if (bucket) bucket.push(entry);
		else buckets.set(key, [entry]);
	}
	const keys = Float64Array.from(buckets.keys()).sort();
	const out: T[] = new Array(entries.length);
	let n = 0;
	let sorted = 0;
	for (const key of keys) {
		const bucket = buckets.get(key) as T[];
		if (bucket.length > 1) bucket.sort(byTerm);
		for (const entry of bucket) out[n++] = entry;
		sorted += bucket.length;
		if (sorted >= SORT_STEP) {
			sorted = 0;
			yield;
		}
	}
	return out;
}
