/** FNV-1a's 32-bit prime */
const PRIME = 16777619;
/** FNV-1a's 32-bit offset basis */
const BASIS = 0x811c9dc5;

/**
 * FNV-1a over the UTF-16 code units of `text` from `start` to `end`, one unit a step: the hash of a
 * string for the index's tables (words, spans) and a file's shard.
 */
export function fnv1aUnits(text: string, start = 0, end = text.length): number {
	let h = BASIS;
	for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
	return h >>> 0;
}

/**
 * `bytes` from `from` as 32-bit little-endian words and the 0–3 bytes after the last whole one.
 * Int32Array views need 4-byte alignment: a copy where the bytes lack it (a Buffer's slice is no copy).
 */
function wordsOf(bytes: Uint8Array, from: number): { words: Int32Array; tail: Uint8Array } {
	const data = (bytes.byteOffset + from) % 4 === 0 ? bytes.subarray(from) : new Uint8Array(bytes.subarray(from));
	const words = new Int32Array(data.buffer, data.byteOffset, data.length >> 2);
	return { words, tail: data.subarray(words.length * 4) };
}

/**
 * FNV-1a over the 32-bit little-endian words from `from`, then the last bytes: a cheap check that
 * cached bytes are the ones that were written (raw DEFLATE has no checksum of its own, and a damaged
 * byte can still inflate). The same value whatever the bytes' alignment.
 */
export function fnv1a(bytes: Uint8Array, from = 0): number {
	const { words, tail } = wordsOf(bytes, from);
	let h = BASIS;
	for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], PRIME);
	for (let i = 0; i < tail.length; i++) h = Math.imul(h ^ tail[i], PRIME);
	return h >>> 0;
}

/**
 * fnv1a in four lanes (word k goes to lane k mod 4), folded into one value at the end: a change
 * in any one word still changes the result (each step is a bijection of the lane), at about twice
 * the speed on a large file, as one lane's multiplications wait on each other and four overlap
 * (the index cache's 39 MB on 167 real days: ~11 → ~5 ms). A different value from fnv1a's.
 */
export function fnv1a4(bytes: Uint8Array, from = 0): number {
	const { words, tail } = wordsOf(bytes, from);
	const lanes = startLanes();
	const lanesEnd = words.length & ~3;
	laneRounds(words, 0, lanesEnd, lanes);
	return foldLanes(lanes, words, lanesEnd, tail);
}

/**
 * fnv1a4, pausing (a `yield`) after each `stepBytes` bytes: for an owner that answers requests in
 * between. The rounds stay in a plain function: in the generator itself, optimised code ran them
 * ~1.5× slower, and a warm start sums the whole cache with fnv1a4.
 */
export function* fnv1a4Steps(bytes: Uint8Array, from: number, stepBytes: number): Generator<void, number> {
	const { words, tail } = wordsOf(bytes, from);
	const lanes = startLanes();
	const lanesEnd = words.length & ~3;
	// a whole number of lane rounds per step
	const stepWords = Math.max(4, Math.floor(stepBytes / 16) * 4);
	for (let start = 0; start < lanesEnd; start += stepWords) {
		if (start > 0) yield;
		laneRounds(words, start, Math.min(lanesEnd, start + stepWords), lanes);
	}
	return foldLanes(lanes, words, lanesEnd, tail);
}

/**
 * fnv1a4's four lanes over single bytes (byte k to lane k mod 4), then the 0–3 bytes after the last
 * whole round: for a text's UTF-8 bytes at any offset of a shared buffer, where fnv1a4's words
 * would need a copy for their alignment (see PaperIndex.bodyHashOf: ~21k texts at a save). Never
 * 0, so that 0 can stand for "not known".
 */
export function fnv1a4Bytes(bytes: Uint8Array): number {
	let a = BASIS;
	let b = BASIS ^ 1;
	let c = BASIS ^ 2;
	let d = BASIS ^ 3;
	const end = bytes.length & ~3;
	for (let i = 0; i < end; i += 4) {
		a = Math.imul(a ^ bytes[i], PRIME);
		b = Math.imul(b ^ bytes[i + 1], PRIME);
		c = Math.imul(c ^ bytes[i + 2], PRIME);
		d = Math.imul(d ^ bytes[i + 3], PRIME);
	}
	let h = BASIS;
	h = Math.imul(h ^ a, PRIME);
	h = Math.imul(h ^ b, PRIME);
	h = Math.imul(h ^ c, PRIME);
	h = Math.imul(h ^ d, PRIME);
	for (let i = end; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], PRIME);
	return h >>> 0 || 1;
}

/** the four lanes' states, as int32 */
function startLanes(): Int32Array {
	return Int32Array.of(BASIS, BASIS ^ 1, BASIS ^ 2, BASIS ^ 3);
}

/** the lane rounds over words[start, end) (a multiple of 4 apart), from and into `lanes` */
function laneRounds(words: Int32Array, start: number, end: number, lanes: Int32Array): void {
	let a = lanes[0];
	let b = lanes[1];
	let c = lanes[2];
	let d = lanes[3];
	for (let i = start; i < end; i += 4) {
		a = Math.imul(a ^ words[i], PRIME);
		b = Math.imul(b ^ words[i + 1], PRIME);
		c = Math.imul(c ^ words[i + 2], PRIME);
		d = Math.imul(d ^ words[i + 3], PRIME);
	}
	lanes[0] = a;
	lanes[1] = b;
	lanes[2] = c;
	lanes[3] = d;
}

/** the lanes folded into one value, then the words past the last whole round and the tail bytes */
function foldLanes(lanes: Int32Array, words: Int32Array, lanesEnd: number, tail: Uint8Array): number {
	let h = BASIS;
	for (const lane of lanes) h = Math.imul(h ^ lane, PRIME);
	for (let i = lanesEnd; i < words.length; i++) h = Math.imul(h ^ words[i], PRIME);
	for (let i = 0; i < tail.length; i++) h = Math.imul(h ^ tail[i], PRIME);
	return h >>> 0;
}
