/**
 * The word terms in code-unit order, for prefix lookups by binary search. A radix tree
 * (minisearch's SearchableMap) did this before, but building it over a shard's ~130k words
 * took ~300 ms of CPU and ~37 MB of heap on the first query after every warm start; the order
 * here is saved with the cache, so a warm start sorts nothing. Terms added since the last
 * sort wait in a short list that prefix lookups scan.
 */
export class SortedTerms {
	private terms: string[] = [];
	private ids: Int32Array = new Int32Array(0);
	private recent: { term: string; id: number }[] = [];

	get size(): number {
		return this.terms.length + this.recent.length;
	}

	add(term: string, id: number): void {
		this.recent.push({ term, id });
	}

	/** Calls `fn` for every term that starts with `prefix`, `prefix` itself included. */
	forPrefix(prefix: string, fn: (term: string, id: number) => void): void {
		const terms = this.terms;
		for (let i = this.lowerBound(prefix); i < terms.length && terms[i].startsWith(prefix); i++) fn(terms[i], this.ids[i]);
		for (const { term, id } of this.recent) if (term.startsWith(prefix)) fn(term, id);
	}

	/**
	 * The id of `term` among the sorted terms (those placed by the last sort or restore), by binary
	 * search; the recent ones are not looked at (their owner keeps them in a Map).
	 */
	sortedIdOf(term: string): number | undefined {
		const at = this.lowerBound(term);
		return at < this.terms.length && this.terms[at] === term ? this.ids[at] : undefined;
	}

	/** The position of the first sorted term not before `term` (binary search). */
	private lowerBound(term: string): number {
		const terms = this.terms;
		let lo = 0;
		let hi = terms.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (terms[mid] < term) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Merges the recent terms into the sorted ones. */
	sort(): void {
		if (this.recent.length === 0) return;
		const recent = this.recent.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
		this.recent = [];
		const old = this.terms;
		const oldIds = this.ids;
		const terms: string[] = new Array(old.length + recent.length);
		const ids = new Int32Array(terms.length);
		let i = 0;
		let j = 0;
		for (let k = 0; k < terms.length; k++) {
			if (j >= recent.length || (i < old.length && old[i] < recent[j].term)) {
				terms[k] = old[i];
				ids[k] = oldIds[i++];
			} else {
				terms[k] = recent[j].term;
				ids[k] = recent[j++].id;
			}
		}
		this.terms = terms;
		this.ids = ids;
	}

	/** The ids in term order, for a cache (call sort first). */
	order(): Int32Array {
		return this.ids;
	}

	/**
	 * Installs an order read back from a cache: `order` lists term ids, `termOf` names them.
	 * False (nothing installed) when an id names no word. The order itself is trusted (the
	 * cache's checksum guards it; comparing every neighbour cost ~150 ms per warm start).
	 */
	restore(order: Int32Array, termOf: (id: number) => string | undefined): boolean {
		const terms: string[] = new Array(order.length);
		for (let k = 0; k < order.length; k++) {
			const term = termOf(order[k]);
			if (term === undefined) return false;
			terms[k] = term;
		}
		this.terms = terms;
		this.ids = order;
		this.recent = [];
		return true;
	}
}
