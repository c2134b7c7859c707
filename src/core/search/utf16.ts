/**
 * UTF-16LE bytes as a string, for the index cache's non-ASCII text (cache.ts): node:buffer's own
 * decoder copies the code units as they are, ~3× faster than TextDecoder('utf-16le') (~7 → ~2 ms
 * for the 2.7 million of 167 real days, on every warm start). The web build takes utf16.web.ts
 * (TextDecoder) instead; the two differ only on a lone surrogate, kept here and U+FFFD there.
 */
import { Buffer } from 'node:buffer';

export function decodeUtf16(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
}
