/**
 * Raw DEFLATE through the web-standard CompressionStream (Node ≥ 18 and browsers alike, so core
 * stays free of node:zlib), for the text parts of the caches: their JSON shrinks 2–4× for a few
 * tens of milliseconds of inflating on a warm start (the work runs off the JavaScript thread).
 */

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	return pipe(bytes, new CompressionStream('deflate-raw'));
}

/** The inflated bytes, or undefined when `bytes` are not raw DEFLATE data. */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array | undefined> {
	try {
		return await pipe(bytes, new DecompressionStream('deflate-raw'));
	} catch {
		return undefined;
	}
}
