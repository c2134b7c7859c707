/**
 * A hash table from a span of a string (its characters, compared in place) to an integer, so a
 * cold build can map a word as written to its term id without slicing, case-folding and hashing a
 * new string for each of its ~15M word occurrences (that work and its garbage were a third of the
 * build). The characters of each key are copied into one Uint16Array pool.
 */
export const MISSING = -2;

export class SpanTable {
	/** pool offset + 1 per slot, 0 = empty */
	private at: Int32Array;
	private lengths: Uint16Array;
	private hashes: Int32Array;
	private values: Int32Array;
	private mask: number;
	private used = 0;
	private pool = new Uint16Array(1 << 16);
	private poolUsed = 0;

	constructor(capacity = 1 << 12) {
		let size = 16;
		while (size < capacity * 2) size *= 2;
		this.at = new Int32Array(size);
		this.lengths = new Uint16Array(size);
		this.hashes = new Int32Array(size);
		this.values = new Int32Array(size);
		this.mask = size - 1;
	}

	/** bytes held, for callers that cap it */
	get bytes(): number {
		return this.pool.byteLength + this.at.length * 14;
	}

	private static hash(text: string, start: number, end: number): number {
		let h = 0x811c9dc5;
		for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
		return h | 0;
	}

	/** The value stored for `text[start, end)`, or MISSING. */
	get(text: string, start: number, end: number): number {
		const length = end - start;
		const h = SpanTable.hash(text, start, end);
		const pool = this.pool;
		for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
			const at = this.at[i];
			if (at === 0) return MISSING;
			if (this.hashes[i] !== h || this.lengths[i] !== length) continue;
			let k = 0;
			const from = at - 1;
			while (k < length && pool[from + k] === text.charCodeAt(start + k)) k++;
			if (k === length) return this.values[i];
		}
	}

	/** Stores `value` for `text[start, end)` (not in the table yet; at most 65535 characters). */
	add(text: string, start: number, end: number, value: number): void {
		const length = end - start;
		if ((this.used + 1) * 2 > this.at.length) this.grow();
		if (this.poolUsed + length > this.pool.length) {
			const grown = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + length));
			grown.set(this.pool);
			this.pool = grown;
		}
		const from = this.poolUsed;
		for (let k = 0; k < length; k++) this.pool[from + k] = text.charCodeAt(start + k);
		this.poolUsed += length;
		this.insert(from + 1, length, SpanTable.hash(text, start, end), value);
		this.used++;
	}

	private insert(at: number, length: number, h: number, value: number): void {
		let i = h & this.mask;
		while (this.at[i] !== 0) i = (i + 1) & this.mask;
		this.at[i] = at;
		this.lengths[i] = length;
		this.hashes[i] = h;
		this.values[i] = value;
	}

	private grow(): void {
		const { at, lengths, hashes, values } = this;
		const size = at.length * 2;
		this.at = new Int32Array(size);
		this.lengths = new Uint16Array(size);
		this.hashes = new Int32Array(size);
		this.values = new Int32Array(size);
		this.mask = size - 1;
		for (let i = 0; i < at.length; i++) if (at[i] !== 0) this.insert(at[i], lengths[i], hashes[i], values[i]);
	}
}
