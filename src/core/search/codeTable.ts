/**
 * An open-addressing hash table from unsigned 32-bit codes to non-negative ids, in two typed
 * arrays. The index looks up every CJK bigram of ~100 MB of digests (`c1 * 65536 + c2`, beyond
 * the small-integer range) on a cold build: a Map of Maps spent ~2 s there, this table a
 * fraction of it, and it allocates nothing per lookup.
 */
/**
 * At most 5/8 of the slots used: a table that held at most half of them was a quarter full after a
 * warm start on 167 real days (279,652 codes in 2^20 slots: 8.4 MB, now 4.2 MB).
 */
const full = (used: number, slots: number) => used * 8 > slots * 5;

export class CodeTable {
	/** per slot, side by side (one cache line per probe): the code as an int32 (0 = empty: codes are positive), its id */
	private slots: Int32Array;
	/** slots - 1 (their count is a power of two) */
	private mask: number;
	private used = 0;

	constructor(capacity = 1 << 12) {
		let size = 16;
		while (full(capacity, size)) size *= 2;
		this.slots = new Int32Array(size * 2);
		this.mask = size - 1;
	}

	get size(): number {
		return this.used;
	}

	/** Grows the table once so that `count` more codes fit without growing again. */
	reserve(count: number): void {
		while (full(this.used + count, this.mask + 1)) this.grow();
	}

	private slot(code: number): number {
		// the two 16-bit halves mixed (Math.imul works on the low 32 bits only)
		return (Math.imul(code | 0, 0x9e3779b1) ^ Math.imul(Math.floor(code / 65536), 0x85ebca6b)) >>> 0;
	}

	/** The id of `code`, or -1. */
	get(code: number): number {
		const slots = this.slots;
		const key = code | 0;
		for (let i = this.slot(code) & this.mask; ; i = (i + 1) & this.mask) {
			const k = slots[2 * i];
			if (k === key) return slots[2 * i + 1];
			if (k === 0) return -1;
		}
	}

	/** Stores `id` for `code` (a positive 32-bit integer not in the table yet). */
	add(code: number, id: number): void {
		if (full(this.used + 1, this.mask + 1)) this.grow();
		this.insert(code, id);
		this.used++;
	}

	/** Stores `id` for `code` unless the table holds `code` already (false then): one probe where get and add take two. */
	addIfAbsent(code: number, id: number): boolean {
		if (full(this.used + 1, this.mask + 1)) this.grow();
		const slots = this.slots;
		const key = code | 0;
		let i = this.slot(code) & this.mask;
		for (; slots[2 * i] !== 0; i = (i + 1) & this.mask) if (slots[2 * i] === key) return false;
		slots[2 * i] = key;
		slots[2 * i + 1] = id;
		this.used++;
		return true;
	}

	/** The ids of the codes one of whose two 16-bit halves is `unit` (a CJK bigram with that character, or its unigram). */
	idsWithUnit(unit: number): number[] {
		const ids: number[] = [];
		const slots = this.slots;
		for (let i = 0; i < slots.length; i += 2) {
			const code = slots[i] >>> 0;
			if (code !== 0 && ((code & 0xffff) === unit || Math.floor(code / 65536) === unit)) ids.push(slots[i + 1]);
		}
		return ids;
	}

	private insert(code: number, id: number): void {
		const slots = this.slots;
		let i = this.slot(code) & this.mask;
		while (slots[2 * i] !== 0) i = (i + 1) & this.mask;
		slots[2 * i] = code | 0;
		slots[2 * i + 1] = id;
	}

	private grow(): void {
		const old = this.slots;
		this.slots = new Int32Array(old.length * 2);
		this.mask = old.length - 1;
		// the code back from its int32 (>>> 0), so it hashes to the slot get() looks in
		for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.insert(old[i] >>> 0, old[i + 1]);
	}
}
