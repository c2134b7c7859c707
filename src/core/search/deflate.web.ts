/**
 * Raw DEFLATE in a browser (the web build's twin of deflate.ts, same exports): the web
 * CompressionStream, which every browser VS Code runs in has. Slower than node:zlib on large
 * caches, but the web build has no Node.
 */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const writer = stream.writable.getWriter();
	void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => undefined);
	const out = new Uint8Array(await new Response(stream.readable).arrayBuffer());
	return out;
}

/** The file-records cache is stored compressed here: its bytes cross `vscode.workspace.fs` (in code-server, a websocket). */
export const COMPRESS_RECORDS = true;

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
