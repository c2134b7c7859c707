/**
 * Per-term posting lists that keep each field's term frequency, so scoring can weight
 * fields and normalise by field length (BM25F) — the previous format folded boost and
 * tf into 4 bits and could do neither.
 *
 * A posting is a document number plus a `packed` integer of small per-field tf counters
 * (the layout — which field sits in which bits — belongs to the caller, see index.ts).
 * Frozen lists sit in one byte arena, each posting as two unsigned LEB128 varints:
 * the gap to the previous document number, then `packed`. Gaps of a common term are
 * small and most `packed` values are one field with tf 1, so a posting mostly takes
 * 2–3 bytes instead of 4. Postings added after the last freeze go to per-term tails
 * (plain number arrays, `num * 2^bits + packed`) until the next freeze.
 */

export interface FrozenPostings {
	/** the varint stream of every term, term after term */
	arena: Uint8Array;
	/** term t's bytes are arena[start[t] .. start[t + 1]); termCount + 1 entries */
	start: Int32Array;
	/** postings per term (the byte length says nothing about it) */
	count: Int32Array;
}

const EMPTY_START = new Int32Array(1);

export class PostingStore {
	arena: Uint8Array = new Uint8Array(0);
	start: Int32Array = EMPTY_START;
	count: Int32Array = new Int32Array(0);
	/**
	 * Per term, the postings added since the last freeze. Empty after a freeze or restore, not one slot
	 * per term: that was 3.4 MB per store in a warm worker (445k terms) for the odd changed file; a
	 * later addition to a term far past the end makes the array sparse, which costs a lookup per
	 * term read, not per posting.
	 */
	private tails: (number[] | undefined)[] = [];
	/** 2^bits: document numbers are multiplied by it in the tails */
	private readonly scale: number;

	/** `bits`: how many low bits `packed` may use */
	constructor(readonly bits: number) {
		this.scale = 2 ** bits;
	}

	push(term: number, num: number, packed: number): void {
		const value = num * this.scale + packed;
		const tail = this.tails[term];
		if (tail) tail.push(value);
		else this.tails[term] = [value];
	}

	/** How many postings `term` has (dead documents included until the next freeze). */
	size(term: number): number {
		return (term < this.count.length ? this.count[term] : 0) + (this.tails[term]?.length ?? 0);
	}

	/** Calls `fn(num)` for every document of `term`, in increasing order (not for hot loops: see decode). */
	forEachDoc(term: number, fn: (num: number) => void): void {
		const nums = new Int32Array(this.size(term));
		const k = this.decode(term, nums, new Int32Array(nums.length));
		for (let i = 0; i < k; i++) fn(nums[i]);
	}

	/**
	 * Decodes `term`'s postings into `nums` / `packs` (each at least size(term) long);
	 * returns how many. The scoring loop reads these plain arrays: no callback per posting.
	 */
	decode(term: number, nums: Int32Array, packs: Int32Array): number {
		let k = 0;
		if (term < this.count.length) {
			const arena = this.arena;
			let at = this.start[term];
			const end = this.start[term + 1];
			let num = 0;
			while (at < end) {
				let b = arena[at++];
				let gap = b & 0x7f;
				for (let shift = 7; b >= 0x80; shift += 7) {
					b = arena[at++];
					gap += (b & 0x7f) * 2 ** shift;
				}
				b = arena[at++];
				let packed = b & 0x7f;
				for (let shift = 7; b >= 0x80; shift += 7) {
					b = arena[at++];
					packed |= (b & 0x7f) << shift;
				}
				num += gap;
				nums[k] = num;
				packs[k++] = packed;
			}
		}
		const tail = this.tails[term];
		if (tail) {
			const scale = this.scale;
			for (let i = 0; i < tail.length; i++) {
				const num = Math.floor(tail[i] / scale);
				nums[k] = num;
				packs[k++] = tail[i] - num * scale;
			}
		}
		return k;
	}

	/** Rewrites every list into one arena, dropping postings of dead documents. */
	freeze(termCount: number, alive: Uint8Array): void {
		let out = new Uint8Array(Math.max(64, this.arena.length + 3 * this.tailPostings()));
		let at = 0;
		const start = new Int32Array(termCount + 1);
		const count = new Int32Array(termCount);
		const write = (value: number) => {
			while (value >= 0x80) {
				out[at++] = (value % 0x80) | 0x80;
				value = Math.floor(value / 0x80);
			}
			out[at++] = value;
		};
		let nums = new Int32Array(1024);
		let packs = new Int32Array(1024);
		for (let t = 0; t < termCount; t++) {
			start[t] = at;
			if (this.size(t) > nums.length) {
				nums = new Int32Array(this.size(t) * 2);
				packs = new Int32Array(this.size(t) * 2);
			}
			const k = this.decode(t, nums, packs);
			let previous = 0;
			let n = 0;
			for (let i = 0; i < k; i++) {
				const num = nums[i];
				if (!alive[num]) continue;
				// two varints take at most 2 × 8 bytes for any document number below 2^53
				if (at + 16 > out.length) {
					const grown = new Uint8Array(out.length * 2);
					grown.set(out);
					out = grown;
				}
				write(num - previous);
				write(packs[i]);
				previous = num;
				n++;
			}
			count[t] = n;
		}
		start[termCount] = at;
		this.arena = out.slice(0, at);
		this.start = start;
		this.count = count;
		this.tails = [];
	}

	private tailPostings(): number {
		let n = 0;
		for (const tail of this.tails) if (tail) n += tail.length;
		return n;
	}

	/** Installs frozen lists read back from a cache (checked by the caller). */
	restore(frozen: FrozenPostings): void {
		this.arena = frozen.arena;
		this.start = frozen.start;
		this.count = frozen.count;
		this.tails = [];
	}

	/**
	 * True when `frozen`'s offsets are in order and inside its arena and every count fits its
	 * bytes (a posting takes at least two). Bounds only: decoding a garbled arena cannot fault
	 * (typed arrays ignore stray indices), and the cache's checksum catches garbled bytes.
	 */
	static wellFormed(frozen: FrozenPostings): boolean {
		const { arena, start, count } = frozen;
		if (start.length !== count.length + 1 || start[0] !== 0 || start[count.length] !== arena.length) return false;
		for (let t = 0; t < count.length; t++) {
			const bytes = start[t + 1] - start[t];
			if (bytes < 0 || count[t] < 0 || count[t] * 2 > bytes) return false;
		}
		return true;
	}
}
