/**
 * The on-disk index cache: one binary file per shard, read back in a fraction of the
 * time a rebuild takes.
 *
 *   "ADSI" | u32 format version | u32 meta length | meta JSON (UTF-8, padded to 4 bytes)
 *   | head, body and names postings: arena, start, length each   (Int32, little endian)
 *   | every document's long-field text, concatenated (UTF-8)
 *
 * The meta JSON holds the files (path, size, mtime: the cache key of each file), the
 * documents and the terms in id order. Anything unexpected — wrong magic, another
 * version, truncated data, a JSON error — makes `decodeCache` return undefined, and
 * the caller rebuilds; a cache is never an error for the user.
 */
import { PaperIndex, type DocRecord, type FileEntry, type Occurrence } from './index';

export const CACHE_FORMAT_VERSION = 2;
const MAGIC = 0x49534441; // "ADSI" little endian

interface CachedDoc {
	i: string;
	t: string;
	tt?: string;
	a: string[];
	c: string;
	d: string;
	l?: string;
	o: [string, string][];
	b: number;
	x: boolean;
}

interface CacheMeta {
	files: [string, FileEntry][];
	docs: (CachedDoc | 0)[];
	terms: string[];
	sizes: number[];
	/** anything the caller wants to check on load (e.g. the shard layout) */
	key: string;
}

/** Serialises a frozen index (call `index.freeze()` first). */
export function encodeCache(index: PaperIndex, key: string): Uint8Array {
	const bodies: Uint8Array[] = [];
	const docs: (CachedDoc | 0)[] = index.docs.map((doc) => {
		if (!doc) return 0;
		bodies.push(doc.body);
		return {
			i: doc.id,
			t: doc.title,
			tt: doc.translatedTitle,
			a: doc.authors,
			c: doc.category,
			d: doc.tldr,
			l: doc.link,
			o: doc.occ.map((o) => [o.file, o.day] as [string, string]),
			b: doc.body.length,
			x: doc.bodyIndexed,
		};
	});
	const stores = [index.head, index.body, index.names];
	const arrays = stores.flatMap((store) => [store.arena, store.start, store.length]);
	const meta: CacheMeta = { files: [...index.files], docs, terms: index.terms, sizes: arrays.map((a) => a.length), key };
	const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
	const metaPadded = (metaBytes.length + 3) & ~3;
	const bodyBytes = bodies.reduce((s, b) => s + b.length, 0);
	const total = 12 + metaPadded + arrays.reduce((s, a) => s + a.byteLength, 0) + bodyBytes;
	const out = new Uint8Array(total);
	const view = new DataView(out.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, CACHE_FORMAT_VERSION, true);
	view.setUint32(8, metaBytes.length, true);
	out.set(metaBytes, 12);
	let at = 12 + metaPadded;
	for (const a of arrays) {
		out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
		at += a.byteLength;
	}
	for (const b of bodies) {
		out.set(b, at);
		at += b.length;
	}
	return out;
}

/** The index stored in `bytes`, or undefined when it is not a valid cache of this version and key. */
export function decodeCache(bytes: Uint8Array, key: string): PaperIndex | undefined {
	try {
		if (bytes.length < 12) return undefined;
		// Int32Array views need 4-byte alignment
		const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
		const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
		if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== CACHE_FORMAT_VERSION) return undefined;
		const metaLength = view.getUint32(8, true);
		if (12 + metaLength > data.length) return undefined;
		const meta = JSON.parse(new TextDecoder().decode(data.subarray(12, 12 + metaLength))) as CacheMeta;
		if (meta.key !== key || !Array.isArray(meta.docs) || !Array.isArray(meta.terms) || !Array.isArray(meta.sizes) || meta.sizes.length !== 9) {
			return undefined;
		}
		let at = data.byteOffset + 12 + ((metaLength + 3) & ~3);
		const end = data.byteOffset + data.byteLength;
		const arrays: Int32Array[] = [];
		for (const size of meta.sizes) {
			if (!Number.isInteger(size) || size < 0 || at + size * 4 > end) return undefined;
			arrays.push(new Int32Array(data.buffer, at, size));
			at += size * 4;
		}
		const stores: { arena: Int32Array; start: Int32Array; length: Int32Array }[] = [];
		for (let k = 0; k < 9; k += 3) {
			const [arena, start, length] = arrays.slice(k, k + 3);
			if (start.length !== meta.terms.length || length.length !== meta.terms.length) return undefined;
			for (let t = 0; t < start.length; t++) {
				if (start[t] < 0 || length[t] < 0 || start[t] + length[t] > arena.length) return undefined;
			}
			stores.push({ arena, start, length });
		}
		const docs: (DocRecord | undefined)[] = [];
		for (let num = 0; num < meta.docs.length; num++) {
			const d = meta.docs[num];
			if (d === 0) {
				docs.push(undefined);
				continue;
			}
			if (at + d.b > end) return undefined;
			const occ: Occurrence[] = d.o.map(([file, day]) => ({ file, day }));
			docs.push({
				num,
				id: d.i,
				title: d.t,
				translatedTitle: d.tt,
				authors: d.a,
				category: d.c,
				tldr: d.d,
				link: d.l,
				body: new Uint8Array(data.buffer, at, d.b),
				occ,
				bodyIndexed: d.x,
			});
			at += d.b;
		}
		const maxNum = docs.length * 16;
		for (const { arena } of stores) {
			for (let i = 0; i < arena.length; i++) if (arena[i] < 0 || arena[i] >= maxNum) return undefined;
		}
		const [head, body, names] = stores;
		return PaperIndex.restore({ docs, files: meta.files, terms: meta.terms, head, body, names });
	} catch {
		return undefined;
	}
}
