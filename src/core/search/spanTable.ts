/**
 * A hash table from a span of a string (its characters, compared in place) to an integer, so a
 * cold build can map a word as written to its term id without slicing, case-folding and hashing a
 * new string for each of its ~15M word occurrences (that work and its garbage were a third of the
 * build). The characters of each key are copied into one Uint16Array pool.
 */
import { fnv1aUnits } from '../checksum';

export const MISSING = -2;

/** a slot's fields, side by side in `slots` (one cache line per probe): pool offset + 1 (0: empty), length, hash, value */
const SLOT = 4;
const AT = 0;
const LENGTH = 1;
const HASH = 2;
const VALUE = 3;

export class SpanTable {
	private slots: Int32Array;
	/** slots - 1 (their count is a power of two) */
	private mask: number;
	private used = 0;
	private pool = new Uint16Array(1 << 16);
	private poolUsed = 0;

	constructor(capacity = 1 << 12) {
		let size = 16;
		while (size < capacity * 2) size *= 2;
		this.slots = new Int32Array(size * SLOT);
		this.mask = size - 1;
	}

	/** bytes held, for callers that cap it */
	get bytes(): number {
		return this.pool.byteLength + this.slots.byteLength;
	}

	/** signed, as the slots hold it */
	private static hash(text: string, start: number, end: number): number {
		return fnv1aUnits(text, start, end) | 0;
	}

	/** The value stored for `text[start, end)`, or MISSING. */
	get(text: string, start: number, end: number): number {
		const length = end - start;
		const h = SpanTable.hash(text, start, end);
		const pool = this.pool;
		const slots = this.slots;
		for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
			const s = i * SLOT;
			const at = slots[s + AT];
			if (at === 0) return MISSING;
			if (slots[s + HASH] !== h || slots[s + LENGTH] !== length) continue;
			let k = 0;
			const from = at - 1;
			while (k < length && pool[from + k] === text.charCodeAt(start + k)) k++;
			if (k === length) return slots[s + VALUE];
		}
	}

	/** Stores `value` for `text[start, end)` (not in the table yet; at most 65535 characters). */
	add(text: string, start: number, end: number, value: number): void {
		const length = end - start;
		if ((this.used + 1) * 2 > this.mask + 1) this.grow();
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
		while (this.slots[i * SLOT + AT] !== 0) i = (i + 1) & this.mask;
		const s = i * SLOT;
		this.slots[s + AT] = at;
		this.slots[s + LENGTH] = length;
		this.slots[s + HASH] = h;
		this.slots[s + VALUE] = value;
	}

	private grow(): void {
		const old = this.slots;
		const size = (this.mask + 1) * 2;
		this.slots = new Int32Array(size * SLOT);
		this.mask = size - 1;
		for (let s = 0; s < old.length; s += SLOT) if (old[s + AT] !== 0) this.insert(old[s + AT], old[s + LENGTH], old[s + HASH], old[s + VALUE]);
	}
}
