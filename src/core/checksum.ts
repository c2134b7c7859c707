/**
 * FNV-1a over the 32-bit little-endian words from `from`, then the last bytes: a cheap check that
 * cached bytes are the ones that were written (raw DEFLATE has no checksum of its own, and a damaged
 * byte can still inflate). The same value whatever the bytes' alignment.
 */
export function fnv1a(bytes: Uint8Array, from = 0): number {
	// Int32Array views need 4-byte alignment: a copy where the bytes lack it (a Buffer's slice is no copy)
	const data = (bytes.byteOffset + from) % 4 === 0 ? bytes.subarray(from) : new Uint8Array(bytes.subarray(from));
	const words = new Int32Array(data.buffer, data.byteOffset, data.length >> 2);
	let h = 0x811c9dc5;
	for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 16777619);
	for (let i = words.length * 4; i < data.length; i++) h = Math.imul(h ^ data[i], 16777619);
	return h >>> 0;
}
