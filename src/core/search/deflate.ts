/**
 * Raw DEFLATE for the text parts of the caches: their JSON shrinks 2–4× for a few tens of
 * milliseconds of inflating on a warm start. node:zlib's own calls (in its thread pool) rather
 * than the web CompressionStream: the stream machinery took ~4× longer on a shard's 10 MB, and
 * every host this code runs in (worker, extension host, CLI) is Node.
 */
import { deflateRaw, inflateRaw } from 'node:zlib';

export function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	return new Promise((resolve, reject) => deflateRaw(bytes, (error, out) => (error ? reject(error) : resolve(out))));
}

/**
 * Output chunk of inflating: 4 MB rather than zlib's 16 KB. A cache inflates to ~15 MB, which
 * in 16 KB pieces (900 small allocations, concatenated at the end) left the worker's malloc arena
 * fragmented; a few large pieces are mapped and unmapped whole.
 */
const INFLATE_CHUNK = 4 * 1024 * 1024;

/** The inflated bytes, or undefined when `bytes` are not raw DEFLATE data. */
export function inflate(bytes: Uint8Array): Promise<Uint8Array | undefined> {
	return new Promise((resolve) => inflateRaw(bytes, { chunkSize: INFLATE_CHUNK }, (error, out) => resolve(error ? undefined : out)));
}
