/**
 * An open-addressing hash table from unsigned 32-bit codes to non-negative ids, in two typed
 * arrays. The index looks up every CJK bigram of ~100 MB of digests (`c1 * 65536 + c2`, beyond
 * the small-integer range) on a cold build: a Map of Maps spent ~2 s there, this table a
 * fraction of it, and it allocates nothing per lookup.
 */
export class CodeTable {
	/** the code per slot, 0 = empty (codes are positive) */
	private keys: Uint32Array;
	private values: Int32Array;
	private mask: number;
	private used = 0;

	constructor(capacity = 1 << 12) {
		let size = 16;
		while (size < capacity * 2) size *= 2;
		this.keys = new Uint32Array(size);
		this.values = new Int32Array(size);
		this.mask = size - 1;
	}

	get size(): number {
		return this.used;
	}

	/** Grows the table once so that `count` more codes fit without growing again. */
	reserve(count: number): void {
		while ((this.used + count) * 2 > this.keys.length) this.grow();
	}

	private slot(code: number): number {
		// the two 16-bit halves mixed (Math.imul works on the low 32 bits only)
		return (Math.imul(code | 0, 0x9e3779b1) ^ Math.imul(Math.floor(code / 65536), 0x85ebca6b)) >>> 0;
	}

	/** The id of `code`, or -1. */
	get(code: number): number {
		const keys = this.keys;
		for (let i = this.slot(code) & this.mask; ; i = (i + 1) & this.mask) {
			const k = keys[i];
			if (k === code) return this.values[i];
			if (k === 0) return -1;
		}
	}

	/** Stores `id` for `code` (a positive 32-bit integer not in the table yet). */
	add(code: number, id: number): void {
		if ((this.used + 1) * 2 > this.keys.length) this.grow();
		this.insert(code, id);
		this.used++;
	}

	private insert(key: number, id: number): void {
		const keys = this.keys;
		let i = this.slot(key) & this.mask;
		while (keys[i] !== 0) i = (i + 1) & this.mask;
		keys[i] = key;
		this.values[i] = id;
	}

	private grow(): void {
		const keys = this.keys;
		const values = this.values;
		this.keys = new Uint32Array(keys.length * 2);
		this.values = new Int32Array(keys.length * 2);
		this.mask = this.keys.length - 1;
		for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.insert(keys[i], values[i]);
	}
}
