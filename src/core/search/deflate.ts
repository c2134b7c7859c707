/**
 * Raw DEFLATE for the text parts of the caches: their JSON shrinks 2–4× for a few tens of
 * milliseconds of inflating on a warm start. node:zlib's own calls (in its thread pool) rather
 * than the web CompressionStream: the stream machinery took ~4× longer on a shard's 10 MB. The web
 * build takes deflate.web.ts (CompressionStream) instead: a browser has no node:zlib.
 */
import { constants, deflateRaw, inflateRaw } from 'node:zlib';

/**
 * The fastest level: on the 167-day folder's index cache (14.4 MB of JSON) it takes 181 ms of CPU
 * instead of 374 ms at the default level for 7.2 MB instead of 6.6 MB, and inflates as fast (a cold
 * build writes its caches right after it, on a machine the user is working on).
 */
const LEVEL = constants.Z_BEST_SPEED;

export function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	return new Promise((resolve, reject) => deflateRaw(bytes, { level: LEVEL }, (error, out) => (error ? reject(error) : resolve(out))));
}

/**
 * zlib's output chunk when inflating: its default (16 KB) costs the calling thread one callback and
 * one copy per chunk, ~35 ms of a worker's start on 11 MB of file records; 1 MB costs ~10.
 */
const INFLATE_CHUNK_BYTES = 1 << 20;

/** The inflated bytes, or undefined when `bytes` are not raw DEFLATE data. */
export function inflate(bytes: Uint8Array): Promise<Uint8Array | undefined> {
	return new Promise((resolve) => inflateRaw(bytes, { chunkSize: INFLATE_CHUNK_BYTES }, (error, out) => resolve(error ? undefined : out)));
}
