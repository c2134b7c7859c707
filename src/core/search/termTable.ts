/**
 * The index's terms by id. Those restored from a cache are not ~450,000 strings but positions in
 * the cache's two text sections, each decoded once to one string (see cache.ts): a term is cut out
 * when asked for, and the sorted-word lookups (sortedTerms.ts) read its characters in place. Making
 * every term a string on a warm start took ~100 ms of a worker's CPU (most of it the garbage
 * collector moving them out of the young generation) and ~16 MB of heap on 167 real days. Terms
 * added since (a cold build's, or a changed file's new words) are strings.
 */
import { fnv1aUnits } from '../checksum';

export class TermTable {
	/** the ASCII terms' text and the others', as decoded from a cache */
	private ascii = '';
	private wide = '';
	/** per restored term: its position in `ascii`, or in `wide` as ~position (negative) */
	private at = new Int32Array(0);
	/** per restored term: its length in UTF-16 code units */
	private len = new Int32Array(0);
	private restored = 0;
	private readonly added: string[] = [];

	/** The restored terms: term k is `len[k]` code units at `at[k]` (see above); undefined when one lies outside its text. */
	static restore(ascii: string, wide: string, at: Int32Array<ArrayBuffer>, len: Int32Array<ArrayBuffer>): TermTable | undefined {
		if (at.length !== len.length) return undefined;
		for (let k = 0; k < at.length; k++) {
			const start = at[k] >= 0 ? at[k] : ~at[k];
			if (len[k] < 0 || start + len[k] > (at[k] >= 0 ? ascii.length : wide.length)) return undefined;
		}
		const table = new TermTable();
		table.ascii = ascii;
		table.wide = wide;
		table.at = at;
		table.len = len;
		table.restored = at.length;
		return table;
	}

	get length(): number {
		return this.restored + this.added.length;
	}

	/** Adds a term; returns its id. */
	push(term: string): number {
		this.added.push(term);
		return this.length - 1;
	}

	get(id: number): string {
		if (id >= this.restored) return this.added[id - this.restored];
		const at = this.at[id];
		return at >= 0 ? this.ascii.slice(at, at + this.len[id]) : this.wide.slice(~at, ~at + this.len[id]);
	}

	lengthOf(id: number): number {
		return id >= this.restored ? this.added[id - this.restored].length : this.len[id];
	}

	/** The UTF-16 code unit `i` of term `id`, NaN past its end (as String.charCodeAt). */
	codeAt(id: number, i: number): number {
		if (id >= this.restored) return this.added[id - this.restored].charCodeAt(i);
		if (i >= this.len[id] || i < 0) return NaN;
		const at = this.at[id];
		return at >= 0 ? this.ascii.charCodeAt(at + i) : this.wide.charCodeAt(~at + i);
	}

	/**
	 * Marks in `out` (one byte per term) the terms whose first code unit `test` accepts; returns how
	 * many. `test` must reject every ASCII code unit: restored ASCII terms are not read (~180,000 on
	 * 167 real days, of ~460,000).
	 */
	markByFirstUnit(test: (code: number) => boolean, out: Uint8Array): number {
		const { at, len, wide } = this;
		let marked = 0;
		for (let id = 0; id < this.restored; id++) {
			if (at[id] >= 0 || len[id] === 0 || !test(wide.charCodeAt(~at[id]))) continue;
			out[id] = 1;
			marked++;
		}
		for (let k = 0; k < this.added.length; k++) {
			if (!test(this.added[k].charCodeAt(0))) continue;
			out[this.restored + k] = 1;
			marked++;
		}
		return marked;
	}

	/**
	 * The ids from `from` on of the terms holding the code unit `unit` (`-`: the hyphenated words):
	 * the restored terms' texts are searched with indexOf, not read term by term (a scan of
	 * ~450,000 terms took ~0.2 s on 167 real days, this ~10 ms).
	 */
	idsHolding(unit: string, from = 0): number[] {
		const ids: number[] = [];
		const { at, len } = this;
		// per text: `next` is the first `unit` at or after `searched` (-1: none); terms lie in id order, so each text is searched about once
		const texts = [this.ascii, this.wide];
		const searched = [Infinity, Infinity];
		const next = [-1, -1];
		for (let id = from; id < this.restored; id++) {
			const wide = at[id] < 0 ? 1 : 0;
			const start = wide ? ~at[id] : at[id];
			if (start < searched[wide] || (next[wide] >= 0 && next[wide] < start)) {
				searched[wide] = start;
				next[wide] = texts[wide].indexOf(unit, start);
			}
			if (next[wide] >= 0 && next[wide] < start + len[id]) ids.push(id);
		}
		for (let k = Math.max(0, from - this.restored); k < this.added.length; k++) if (this.added[k].includes(unit)) ids.push(this.restored + k);
		return ids;
	}

	/** Does term `id` start with `prefix`? */
	startsWith(id: number, prefix: string): boolean {
		if (id >= this.restored) return this.added[id - this.restored].startsWith(prefix);
		if (prefix.length > this.len[id]) return false;
		const at = this.at[id];
		return at >= 0 ? this.ascii.startsWith(prefix, at) : this.wide.startsWith(prefix, ~at);
	}

	/** The hash of term `id`'s code units (fnv1aUnits), read in place. */
	hashOf(id: number): number {
		if (id >= this.restored) return fnv1aUnits(this.added[id - this.restored]);
		const at = this.at[id];
		return at >= 0 ? fnv1aUnits(this.ascii, at, at + this.len[id]) : fnv1aUnits(this.wide, ~at, ~at + this.len[id]);
	}

	/** Does term `id` sort before `term` (JavaScript's string order: UTF-16 code units)? */
	before(id: number, term: string): boolean {
		if (id >= this.restored) return this.added[id - this.restored] < term;
		const length = this.len[id];
		const n = Math.min(length, term.length);
		for (let i = 0; i < n; i++) {
			const a = this.codeAt(id, i);
			const b = term.charCodeAt(i);
			if (a !== b) return a < b;
		}
		return length < term.length;
	}

	/** Is term `id` exactly `term`? */
	is(id: number, term: string): boolean {
		return this.lengthOf(id) === term.length && this.startsWith(id, term);
	}
}
