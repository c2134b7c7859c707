/**
 * Per-term posting lists that keep each field's term frequency, so scoring can weight
 * fields and normalise by field length (BM25F) — the previous format folded boost and
 * tf into 4 bits and could do neither.
 *
 * A posting is a document number plus a `packed` integer of small per-field tf counters
 * (the layout — which field sits in which bits — belongs to the caller, see index.ts).
 * Frozen lists sit in one byte arena, each posting as an unsigned LEB128 varint of the gap to
 * the previous document number, shifted left by one or two bits that say which of the store's
 * common `packed` values it has (a tf of 1 in one field: 80–94 % of the postings on 167 real
 * days) or that a varint of `packed` follows. Gaps of a common term are small, so a posting
 * mostly takes 1–2 bytes (2.3–2.7 a posting with `packed` always a varint of its own: the
 * arenas were 22 of the index cache's 40 MB, and stay in memory). A store whose `packed` is
 * always 0 (names) stores the gaps alone. A list starts with a varint of how many postings it
 * has: an Int32Array of the counts, per store and term, took 1.9 MB each (four stores, ~464,000
 * terms, most of them in one store only) for ~0.7 MB of headers on 167 real days. Postings added after the last freeze go to per-term tails until
 * the next freeze: blocks in one log of typed arrays for all terms, so a cold build's millions
 * of postings allocate no array per term and leave the garbage collector nothing to copy (a
 * number[] per term cost a third of the short fields' build, in pushes and scavenges).
 */
import { pauseAt } from '../steps';
import { CodeTable } from './codeTable';


export interface FrozenPostings {
	/** every term's list, term after term: a varint of how many postings, then the postings */
	arena: Uint8Array;
	/** term t's list is arena[start[t] .. start[t + 1]), empty when it has no postings; termCount + 1 entries */
	start: Int32Array;
}

const EMPTY_START = new Int32Array(1);

const NO_TAILS = new Int32Array(0);
/** the tails' log starts this large (slots) and doubles */
const FIRST_LOG = 1 << 12;
/** a term's tail grows in blocks of its size so far, from 2 to this many postings */
const MAX_BLOCK = 64;
/** a step of a freeze in steps (a few ms each) takes at most this many terms, or ends past this many postings */
const FREEZE_STEP = 1 << 13;
const FREEZE_POSTINGS = 1 << 17;
/** the per-term tail fields, side by side in PostingStore.tails */
const TAIL_FIELDS = 4;
const FIRST = 0;
const COUNT = 1;
const NEXT = 2;
const END = 3;

/** The count at the head of the list at arena[at .. end): -1 when its varint runs past `end`. */
function listCount(arena: Uint8Array, at: number, end: number): number {
	let b = arena[at++];
	let n = b & 0x7f;
	for (let shift = 7; b >= 0x80 && at < end; shift += 7) {
		b = arena[at++];
		n += (b & 0x7f) * 2 ** shift;
	}
	return b >= 0x80 ? -1 : n;
}

/** Where the postings of the list at `at` start: past its count's varint. */
function pastCount(arena: Uint8Array, at: number): number {
	while (arena[at++] >= 0x80);
	return at;
}

/**
 * The arrays a term's postings are decoded into (PostingStore.decode), grown to fit the longest list
 * met: a walk over many terms allocates them a few times, not per term.
 */
export class DecodeBuffer {
	nums = new Int32Array(1024);
	packs = new Int32Array(1024);

	/** Decodes `term`'s postings of `store` into nums and packs; returns how many. Read the arrays after the call: it may replace them. */
	decode(store: PostingStore, term: number): number {
		const size = store.size(term);
		if (this.nums.length < size) {
			this.nums = new Int32Array(size * 2);
			this.packs = new Int32Array(size * 2);
		}
		return store.decode(term, this.nums, this.packs);
	}
}

/** how many postings a term's tail block holds, made when the term had `before` tail postings */
function blockSize(before: number): number {
	return Math.min(MAX_BLOCK, Math.max(2, before));
}

export class PostingStore {
	arena: Uint8Array = new Uint8Array(0);
	start: Int32Array = EMPTY_START;
	/**
	 * The tails: one log of blocks for all terms. A block is blockSize(postings before it) posting
	 * slots (document number, packed counters) and a link slot (`logNum`: where the term's next
	 * block starts). A term's postings sit in its chain of blocks in the order they were added;
	 * blocks grow with the term, so a common term's postings are read back (queries, freeze)
	 * mostly in sequence.
	 */
	private logNum: Int32Array = NO_TAILS;
	private logPacked: Uint16Array = new Uint16Array(0);
	private logUsed = 0;
	/**
	 * Per term with a tail, side by side (one cache line per push; grown on demand): where its first
	 * block starts, how many tail postings it has, its next free slot, the end of its last block's
	 * slots. Until the first freeze (a build) term t's record is at t * TAIL_FIELDS; after it (a
	 * changed file over frozen lists touches a few thousand of ~450,000 terms) `placed` says where.
	 */
	private tails: Int32Array = NO_TAILS;
	/** after a freeze or restore: term + 1 → its record in `tails` (see there); a typed table, as every push looks its term up (a Map was a sixth of re-indexing a changed file) */
	private placed: CodeTable | undefined;
	private placedEnd = 0;

	/** how many low bits of a gap's varint say which common `packed` value a posting has (see the file's comment) */
	private readonly codeBits: number;
	/** the common `packed` values by their code; code `common.length` says a varint of `packed` follows */
	private readonly common: Int32Array;
	/** 2 ** codeBits: a posting's varint is gap × codes + its code */
	private readonly codes: number;
	/** the code after which a varint of `packed` follows (-1: none, `packed` is always 0) */
	private readonly escape: number;

	/**
	 * `bits`: how many low bits `packed` may use (at most 16; 0: `packed` is always 0 and is not stored).
	 * `common`: up to three `packed` values most postings have, coded inside the gap's varint.
	 */
	constructor(
		readonly bits: number,
		common: readonly number[] = [],
	) {
		if (common.length > 3 || (bits === 0 && common.length > 0)) throw new RangeError('at most three common values, none without bits');
		this.common = Int32Array.from(common);
		this.codeBits = bits === 0 ? 0 : common.length === 0 ? 0 : common.length === 1 ? 1 : 2;
		this.codes = 2 ** this.codeBits;
		this.escape = bits === 0 ? -1 : common.length;
	}

	/** the code of `packed` in a gap's low bits (common.length: not a common value; 0 in a store without common values) */
	private codeOf(packed: number): number {
		const common = this.common;
		for (let c = 0; c < common.length; c++) if (common[c] === packed) return c;
		return common.length;
	}

	push(term: number, num: number, packed: number): void {
		const t = this.placed ? this.place(term) : term * TAIL_FIELDS;
		if (t >= this.tails.length) this.growTerms(t / TAIL_FIELDS + 1);
		const tails = this.tails;
		let at = tails[t + NEXT];
		if (at === tails[t + END]) {
			// the last block is full (or there is none): a new one, linked from the old one's link slot (at)
			const count = tails[t + COUNT];
			const size = blockSize(count);
			const block = this.allocate(size + 1);
			if (count === 0) tails[t + FIRST] = block;
			else this.logNum[at] = block;
			at = block;
			tails[t + END] = block + size;
		}
		this.logNum[at] = num;
		this.logPacked[at] = packed;
		tails[t + NEXT] = at + 1;
		tails[t + COUNT]++;
	}

	/** `slots` free slots at the end of the log; returns where they start */
	private allocate(slots: number): number {
		const at = this.logUsed;
		if (at + slots > this.logNum.length) {
			let size = Math.max(FIRST_LOG, this.logNum.length * 2);
			while (size < at + slots) size *= 2;
			const num = new Int32Array(size);
			num.set(this.logNum);
			this.logNum = num;
			const packed = new Uint16Array(size);
			packed.set(this.logPacked);
			this.logPacked = packed;
		}
		this.logUsed = at + slots;
		return at;
	}

	private growTerms(terms: number): void {
		let size = Math.max(1024, (this.tails.length / TAIL_FIELDS) * 2);
		while (size < terms) size *= 2;
		const tails = new Int32Array(size * TAIL_FIELDS);
		tails.set(this.tails);
		this.tails = tails;
	}

	/** the record of `term` in `tails` after a freeze, placed now if it has none */
	private place(term: number): number {
		const placed = this.placed as CodeTable;
		let t = placed.get(term + 1);
		if (t < 0) {
			t = this.placedEnd;
			this.placedEnd += TAIL_FIELDS;
			placed.add(term + 1, t);
		}
		return t;
	}

	/** the record of `term` in `tails`, -1 when it has no tail */
	private recordOf(term: number): number {
		const t = this.placed ? this.placed.get(term + 1) : term * TAIL_FIELDS;
		return t < this.tails.length ? t : -1;
	}

	/** how many postings wait in the tails of `term` */
	private tailSize(term: number): number {
		const t = this.recordOf(term);
		return t < 0 ? 0 : this.tails[t + COUNT];
	}

	/** Empties the tails (after a freeze or a restore) and gives their memory back. */
	private clearTails(): void {
		this.logNum = NO_TAILS;
		this.logPacked = new Uint16Array(0);
		this.logUsed = 0;
		this.tails = NO_TAILS;
		// small: a changed file's postings touch a few thousand terms, and most stores are never changed
		this.placed = new CodeTable(64);
		this.placedEnd = 0;
	}

	/** How many postings `term` has (dead documents included until the next freeze). */
	size(term: number): number {
		return this.frozenSize(term) + this.tailSize(term);
	}

	/** how many postings `term`'s frozen list has: its head's varint */
	private frozenSize(term: number): number {
		if (term + 1 >= this.start.length) return 0;
		const at = this.start[term];
		const end = this.start[term + 1];
		// a restored list passed wellFormed, so its count reads whole
		return at === end ? 0 : listCount(this.arena, at, end);
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
		if (term + 1 < this.start.length) {
			const arena = this.arena;
			let at = this.start[term];
			const end = this.start[term + 1];
			if (at < end) at = pastCount(arena, at);
			const { codes, escape, common } = this;
			const mask = codes - 1;
			let num = 0;
			// a list holding more than its count says (damage the checksum missed) fills no more than the room it is given
			const room = nums.length;
			while (at < end && k < room) {
				let b = arena[at++];
				let value = b & 0x7f;
				for (let shift = 7; b >= 0x80; shift += 7) {
					b = arena[at++];
					value += (b & 0x7f) * 2 ** shift;
				}
				const code = value & mask;
				let packed = 0;
				if (code === escape) {
					b = arena[at++];
					packed = b & 0x7f;
					for (let shift = 7; b >= 0x80; shift += 7) {
						b = arena[at++];
						packed |= (b & 0x7f) << shift;
					}
				} else if (escape > 0) {
					packed = common[code];
				}
				num += (value - code) / codes;
				nums[k] = num;
				packs[k++] = packed;
			}
		}
		let left = this.tailSize(term);
		if (left > 0) {
			const { logNum, logPacked } = this;
			let block = this.tails[this.recordOf(term) + FIRST];
			for (let before = 0; ; ) {
				const size = blockSize(before);
				const n = Math.min(left, size);
				for (let i = block; i < block + n; i++) {
					nums[k] = logNum[i];
					packs[k++] = logPacked[i];
				}
				left -= n;
				if (left === 0) break;
				before += size;
				block = logNum[block + size];
			}
		}
		return k;
	}

	/** Rewrites every list into one arena, dropping postings of dead documents. */
	freeze(termCount: number, alive: Uint8Array): void {
		const steps = this.freezing(termCount, alive);
		while (!steps.next().done);
	}

	/**
	 * The same, in steps (a pause every few thousand terms, so the owner can answer queries in
	 * between): the lists stay as they were until the last step puts the new arena in place at once.
	 * Nothing may be pushed meanwhile.
	 */
	*freezing(termCount: number, alive: Uint8Array): Generator<void, void> {
		let out = new Uint8Array(Math.max(64, this.arena.length + 3 * this.logUsed));
		let at = 0;
		const start = new Int32Array(termCount + 1);
		const write = (value: number) => {
			while (value >= 0x80) {
				out[at++] = (value % 0x80) | 0x80;
				value = Math.floor(value / 0x80);
			}
			out[at++] = value;
		};
		const { codes, escape } = this;
		/** room for `bytes` more in out */
		const reserve = (bytes: number) => {
			if (at + bytes <= out.length) return;
			const grown = new Uint8Array(Math.max(out.length * 2, at + bytes));
			grown.set(out);
			out = grown;
		};
		const buffer = new DecodeBuffer();
		// a pause every FREEZE_STEP terms or FREEZE_POSTINGS postings: the first terms are the commonest
		// words (a step of 8,192 of them took 31 ms in the head, 78 in the body on 167 real days)
		let postings = 0;
		for (let t = 0; t < termCount; t++) {
			if (pauseAt(t, FREEZE_STEP) || postings >= FREEZE_POSTINGS) {
				postings = 0;
				yield;
			}
			start[t] = at;
			const k = buffer.decode(this, t);
			const { nums, packs } = buffer;
			postings += k;
			let n = 0;
			for (let i = 0; i < k; i++) if (alive[nums[i]]) n++;
			if (n === 0) continue;
			reserve(8);
			write(n);
			let previous = 0;
			for (let i = 0; i < k; i++) {
				const num = nums[i];
				if (!alive[num]) continue;
				// two varints take at most 2 × 8 bytes for any document number below 2^51
				reserve(16);
				const code = this.codeOf(packs[i]);
				write((num - previous) * codes + code);
				if (code === escape) write(packs[i]);
				previous = num;
			}
		}
		start[termCount] = at;
		this.arena = out.slice(0, at);
		this.start = start;
		this.clearTails();
	}

	/** Installs frozen lists read back from a cache (checked by the caller). */
	restore(frozen: FrozenPostings): void {
		this.arena = frozen.arena;
		this.start = frozen.start;
		this.clearTails();
	}

	/**
	 * True when `frozen`'s offsets are in order and inside its arena and every list's count fits
	 * its bytes (a posting takes at least one). Bounds only: decoding a garbled arena cannot fault
	 * (typed arrays ignore stray indices), and the cache's checksum catches garbled bytes.
	 */
	static wellFormed(frozen: FrozenPostings): boolean {
		const { arena, start } = frozen;
		const terms = start.length - 1;
		if (terms < 0 || start[0] !== 0 || start[terms] !== arena.length) return false;
		for (let t = 0; t < terms; t++) {
			const end = start[t + 1];
			const at = start[t];
			if (end < at) return false;
			if (end === at) continue;
			const n = listCount(arena, at, end);
			if (n < 1 || n > end - pastCount(arena, at)) return false;
		}
		return true;
	}
}
