/**
 * Raw DEFLATE for the file-records cache (core/corpus/records.ts; the index cache's meta, its other
 * user, is binary since cache format 5): its JSON shrinks 2–4× for a few tens of milliseconds of
 * inflating on a warm start. node:zlib's own calls (in its thread pool) rather
 * than the web CompressionStream: the stream machinery took ~4× longer on a shard's 10 MB. The web
 * build takes deflate.web.ts (CompressionStream) instead: a browser has no node:zlib.
 */
import { constants, deflateRaw, inflateRaw } from 'node:zlib';

/**
 * The fastest level: on the 167-day folder's format-4 index meta (14.4 MB of JSON) it took 181 ms of CPU
 * instead of 374 ms at the default level for 7.2 MB instead of 6.6 MB, and inflates as fast (a cold
 * build writes its caches right after it, on a machine the user is working on).
 */
const LEVEL = constants.Z_BEST_SPEED;

/**
 * Whether the file-records cache is stored compressed here: not on a local disk. Its 6.4 MB for the
 * 167-day folder deflate to 2.7 MB, but a warm start then waits for the inflating (~35 ms of CPU in
 * the thread pool, which the editor's start keeps busy: the summaries for the tree were decoded
 * 350–545 ms after the read began, against ~3 ms for reading the 3.7 MB more).
 */
export const COMPRESS_RECORDS = false;

export function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	return new Promise((resolve, reject) => deflateRaw(bytes, { level: LEVEL }, (error, out) => (error ? reject(error) : resolve(out))));
}

/**
 * Output chunk of inflating: 4 MB rather than zlib's 16 KB. A cache inflates to ~15 MB, which
 * in 16 KB pieces (900 small allocations, concatenated at the end) left the worker's malloc arena
 * fragmented, and cost the calling thread a callback and a copy per piece (~35 ms of a warm
 * start's file records); a few large pieces are mapped and unmapped whole.
 */
const INFLATE_CHUNK = 4 * 1024 * 1024;

/** The inflated bytes, or undefined when `bytes` are not raw DEFLATE data. */
export function inflate(bytes: Uint8Array): Promise<Uint8Array | undefined> {
	return new Promise((resolve) => inflateRaw(bytes, { chunkSize: INFLATE_CHUNK }, (error, out) => resolve(error ? undefined : out)));
}
