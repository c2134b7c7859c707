/**
 * A small LZ77 codec for the long-field texts a warm index keeps (summaries and abstract, for
 * phrase checks, matched words and interests): the LZ4 block layout (a token byte of literal and
 * match lengths, the literals, a 16-bit distance back) over UTF-8, with the first 64 KB of text
 * the index packed as a shared dictionary, so each text refers to the phrases every paper repeats
 * ("we propose", "本文提出", section labels) and is read back on its own in microseconds.
 *
 * Why not zlib: DEFLATE with a dictionary packs better (2.3× against ~1.7× here), but each call
 * sets up ~260 KB of state outside the JS heap; 21k of them left a worker's malloc arena ~40 MB
 * larger than the texts it saved, and cost ~2 s of CPU per warm start. Pure JS, no Node API: the
 * web worker runs it too.
 */

const MIN_MATCH = 4;
/** the dictionary and the distances: 16-bit (the dictionary's table holds position + 1 in a Uint16Array: no larger) */
const WINDOW = 65535;
const HASH_BITS = 15;
/** a text packed as is (before the dictionary is complete, or when packing does not pay) */
const RAW = 0;
const PACKED = 1;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** the four bytes at `at`, little endian */
function read4(bytes: Uint8Array, at: number): number {
	return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
}

/** the hash of four bytes as read4 gives them */
function hashOf(v: number): number {
	return Math.imul(v, 2654435761) >>> (32 - HASH_BITS);
}

function hash4(bytes: Uint8Array, at: number): number {
	return hashOf(read4(bytes, at));
}

/** the text table's positions start again from 0 past this (see compress) */
const MAX_BASE = 0x3fffffff;

/** the most `raw`'s reused buffer keeps between calls (a 25 ms slice of real abstracts takes ~1 MB) */
const MAX_KEPT_RAW_BYTES = 4 << 20;

export class TextPacker {
	private dictionary = new Uint8Array(0);
	/** position + 1 in the dictionary of the last 4 bytes with each hash (0: none); 16 bits, so the tables stay in the cache */
	private dictionaryTable: Uint16Array | undefined;
	/** the texts seen while the dictionary fills */
	private sample: Uint8Array[] = [];
	private sampled = 0;
	/**
	 * per text being packed: `base` + position + 1 of the last 4 bytes with each hash, valid where
	 * over the text's base (see compress); one array where a second one of stamps cost a second
	 * random read per position
	 */
	private readonly textTable = new Int32Array(1 << HASH_BITS);
	private base = 0;
	private out = new Uint8Array(1 << 16);
	private scratch = new Uint8Array(1 << 16);
	/** where raw encodes, reused */
	private rawBytes = new Uint8Array(0);

	/** `maxBase`: where the text table's positions start again from 0 (a test makes it small) */
	constructor(private readonly maxBase = MAX_BASE) {}

	pack(text: string): Uint8Array {
		return this.packBytes(encoder.encode(text));
	}

	/** pack, from the text's UTF-8 bytes (which it may keep) */
	packBytes(bytes: Uint8Array): Uint8Array {
		if (!this.dictionaryTable) {
			this.sample.push(bytes);
			this.sampled += bytes.length;
			if (this.sampled >= WINDOW) this.fixDictionary();
			return withHead(RAW, bytes, bytes.length);
		}
		const packedLength = this.compress(bytes);
		return packedLength < bytes.length ? withHead(PACKED, this.out, packedLength) : withHead(RAW, bytes, bytes.length);
	}

	/**
	 * `texts` as they are, readable by unpack (for texts read once and soon replaced: a cold build's),
	 * as views of one new buffer: a cold build's ~21k texts, a slice of documents at a time, cost a
	 * few allocations instead of two each (the encoder's bytes, then a copy with the head), which
	 * the garbage collector and malloc then had to keep track of one by one.
	 */
	raw(texts: readonly string[]): Uint8Array[] {
		const ends: number[] = [];
		let used = 0;
		for (const text of texts) {
			// at most 3 bytes of UTF-8 per UTF-16 code unit, after the head
			const most = used + 1 + text.length * 3;
			if (most > this.rawBytes.length) {
				const grown = new Uint8Array(Math.max(most, this.rawBytes.length * 2));
				grown.set(this.rawBytes.subarray(0, used));
				this.rawBytes = grown;
			}
			this.rawBytes[used] = RAW;
			used += 1 + encoder.encodeInto(text, this.rawBytes.subarray(used + 1)).written;
			ends.push(used);
		}
		const all = this.rawBytes.slice(0, used);
		// kept for the next slice, unless one slice (an unbounded budget) made it large
		if (this.rawBytes.length > MAX_KEPT_RAW_BYTES) this.rawBytes = new Uint8Array(0);
		let at = 0;
		return ends.map((end) => all.subarray(at, (at = end)));
	}

	unpack(packed: Uint8Array): string {
		return decoder.decode(this.utf8(packed));
	}

	/** The UTF-8 bytes of a text pack or raw made: a view, of a buffer the next call may reuse. */
	utf8(packed: Uint8Array): Uint8Array {
		if (packed.length === 0) return packed;
		if (packed[0] === RAW) return packed.subarray(1);
		return this.decompress(packed);
	}

	private fixDictionary(): void {
		const all = new Uint8Array(this.sampled);
		let at = 0;
		for (const part of this.sample) {
			all.set(part, at);
			at += part.length;
		}
		this.sample = [];
		this.dictionary = all.slice(Math.max(0, all.length - WINDOW));
		// position + 1 fits 16 bits: the dictionary is at most WINDOW bytes
		const table = new Uint16Array(1 << HASH_BITS);
		for (let i = 0; i + MIN_MATCH <= this.dictionary.length; i++) table[hash4(this.dictionary, i)] = i + 1;
		this.dictionaryTable = table;
	}

	/** Packs `bytes` into this.out: varint of the text's length, then LZ4-style sequences. Returns the length. */
	private compress(bytes: Uint8Array): number {
		const dict = this.dictionary;
		const dictTable = this.dictionaryTable as Uint16Array;
		const n = bytes.length;
		// worst case: every byte a literal, plus the header and length bytes
		if (this.out.length < n + (n >> 4) + 32) this.out = new Uint8Array(n + (n >> 4) + 32);
		const out = this.out;
		const table = this.textTable;
		// positions of this text are stored past `base` (those of earlier texts at or below it): no clearing between texts
		if (this.base > this.maxBase - n) {
			table.fill(0);
			this.base = 0;
		}
		const base = this.base;
		this.base += n + 1;
		let o = 0;
		for (let v = n; ; v = Math.floor(v / 128)) {
			if (v < 128) {
				out[o++] = v;
				break;
			}
			out[o++] = (v & 127) | 128;
		}
		let anchor = 0;
		let i = 0;
		const last = n - MIN_MATCH;
		const dictLength = dict.length;
		while (i <= last) {
			const v = read4(bytes, i);
			const h = hashOf(v);
			// the longer of a match earlier in this text and one in the dictionary; a candidate's first
			// four bytes are compared at once (a hash's other positions are most of the candidates)
			let bestLength = 0;
			let bestDistance = 0;
			const seen = table[h];
			if (seen > base) {
				const at = seen - base - 1;
				if (read4(bytes, at) === v) {
					let k = MIN_MATCH;
					while (i + k < n && bytes[at + k] === bytes[i + k]) k++;
					bestLength = k;
					bestDistance = i - at;
				}
			}
			const d = dictTable[h] - 1;
			if (d >= 0 && read4(dict, d) === v) {
				const distance = i + dictLength - d;
				if (distance <= WINDOW) {
					let k = MIN_MATCH;
					while (i + k < n && d + k < dictLength && dict[d + k] === bytes[i + k]) k++;
					if (k > bestLength) {
						bestLength = k;
						bestDistance = distance;
					}
				}
			}
			table[h] = base + i + 1;
			if (bestLength === 0 || bestDistance > WINDOW) {
				// LZ4's acceleration: the longer nothing matched, the bigger the step (text that repeats nothing)
				i += 1 + ((i - anchor) >> 6);
				continue;
			}
			o = this.sequence(bytes, anchor, i - anchor, bestLength, bestDistance, o);
			// remember positions inside the match too (cheaply: its last few)
			for (let k = Math.max(i + 1, i + bestLength - 3); k < i + bestLength && k <= last; k++) {
				const hk = hash4(bytes, k);
				table[hk] = base + k + 1;
			}
			i += bestLength;
			anchor = i;
		}
		o = this.sequence(bytes, anchor, n - anchor, 0, 0, o);
		return o;
	}

	/** Writes one sequence (literals, then a match unless `matchLength` is 0) at `o`; returns the new end. */
	private sequence(bytes: Uint8Array, from: number, literals: number, matchLength: number, distance: number, o: number): number {
		const out = this.out;
		const m = matchLength === 0 ? 0 : matchLength - MIN_MATCH;
		out[o++] = (Math.min(literals, 15) << 4) | Math.min(m, 15);
		if (literals >= 15) o = writeExtra(out, o, literals - 15);
		for (let k = 0; k < literals; k++) out[o++] = bytes[from + k];
		if (matchLength === 0) return o;
		out[o++] = distance & 255;
		out[o++] = distance >>> 8;
		if (m >= 15) o = writeExtra(out, o, m - 15);
		return o;
	}

	private decompress(packed: Uint8Array): Uint8Array {
		let p = 1;
		let n = 0;
		for (let shift = 0; ; shift += 7) {
			const b = packed[p++];
			n += (b & 127) * 2 ** shift;
			if (b < 128) break;
		}
		if (this.scratch.length < n) this.scratch = new Uint8Array(n * 2);
		const out = this.scratch;
		const dict = this.dictionary;
		let o = 0;
		while (p < packed.length) {
			const token = packed[p++];
			let literals = token >>> 4;
			if (literals === 15) {
				let b;
				do literals += b = packed[p++];
				while (b === 255);
			}
			if (literals > 32) {
				out.set(packed.subarray(p, p + literals), o);
				o += literals;
				p += literals;
			} else {
				for (let k = 0; k < literals; k++) out[o++] = packed[p++];
			}
			if (p >= packed.length) break;
			const distance = packed[p] | (packed[p + 1] << 8);
			p += 2;
			let length = (token & 15) + MIN_MATCH;
			if ((token & 15) === 15) {
				let b;
				do length += b = packed[p++];
				while (b === 255);
			}
			// a distance past the start of this text reaches into the dictionary's end
			let from = o - distance;
			if (from < 0) {
				const fromDictionary = Math.min(length, -from);
				for (let k = 0, d = dict.length + from; k < fromDictionary; k++) out[o++] = dict[d + k];
				from += fromDictionary;
				length -= fromDictionary;
			}
			// byte by byte: a match may overlap what it writes
			for (let k = 0; k < length; k++) out[o++] = out[from++];
		}
		return out.subarray(0, o);
	}
}

/** LZ4's length continuation: bytes of 255, then the rest. */
function writeExtra(out: Uint8Array, o: number, value: number): number {
	while (value >= 255) {
		out[o++] = 255;
		value -= 255;
	}
	out[o++] = value;
	return o;
}

function withHead(kind: number, bytes: Uint8Array, length: number): Uint8Array {
	const out = new Uint8Array(length + 1);
	out[0] = kind;
	out.set(bytes.subarray(0, length), 1);
	return out;
}
