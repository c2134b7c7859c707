/**
 * The on-disk index cache: one binary file per shard, read back in a fraction of the
 * time a rebuild takes.
 *
 *   "ADSI" | u32 format version | u32 meta length | u32 checksum of everything after it
 *   | meta JSON (UTF-8, padded to 4 bytes)
 *   | Int32 (little endian): head, body and names posting offsets and counts (start, count
 *     each), every document's proximity word sequence, concatenated, and the word terms'
 *     ids in term order (prefix lookups, see sortedTerms.ts)
 *   | Uint16: per-document field lengths (padded to 4 bytes)
 *   | bytes: head, body and names posting arenas (varints, see postings.ts)
 *
 * The meta JSON holds the files (path, size, mtime: the cache key of each file), the
 * documents as positional tuples (occurrences as indices into the files) and the terms in id
 * order, joined by newlines (no term holds one). The long fields' text is not stored (it was a third of the cache): the shard reads it
 * back from the files after a warm start (see SearchShard.fillBodies).
 * Anything unexpected — wrong magic, another version, a checksum that does not match (a
 * cheaper guard than decoding every posting list on every start), truncated data, a JSON
 * error — makes `decodeCache` return undefined, and the caller rebuilds; a cache is never an
 * error for the user.
 */
import { FIELD_COUNT, PaperIndex, type DocRecord, type FileEntry, type Occurrence } from './index';
import { PostingStore, type FrozenPostings } from './postings';

/** 3: per-field tf varint postings, field lengths and word sequences (issue 14); 4: no long-field text, tuples, term order, checksum */
export const CACHE_FORMAT_VERSION = 4;
const HEADER = 16;
const INT_SECTIONS = 8;
const SECTIONS = INT_SECTIONS + 4;
const MAGIC = 0x49534441; // "ADSI" little endian

/**
 * One document: id, title, authors joined by newlines, category, TL;DR, occurrences (indices
 * into CacheMeta.files: the day is the file's), word sequence length, then optionally the
 * translated title ('' for none) and the link (0: none, 1: the paper's arxiv.org/abs page).
 */
type CachedDoc = [string, string, string, string, string, number[], number, string?, (string | 0 | 1)?];

const absLink = (id: string) => `https://arxiv.org/abs/${id}`;

interface CacheMeta {
	files: [string, FileEntry][];
	docs: (CachedDoc | 0)[];
	/** joined by newlines */
	terms: string;
	/** element counts of the arrays after the meta, in the order written */
	sizes: number[];
	/** anything the caller wants to check on load (e.g. the shard layout) */
	key: string;
}

type Section = Int32Array | Uint16Array | Uint8Array;

const pad4 = (n: number) => (n + 3) & ~3;

/** Serialises a frozen index (call `index.freeze()` first). */
export function encodeCache(index: PaperIndex, key: string): Uint8Array {
	const files = [...index.files];
	const fileNumber = new Map(files.map(([path], i) => [path, i]));
	const seqs: Int32Array[] = [];
	const docs: (CachedDoc | 0)[] = index.docs.map((doc) => {
		if (!doc) return 0;
		seqs.push(doc.seq);
		const tuple: CachedDoc = [doc.id, doc.title, doc.authors.join('\n'), doc.category, doc.tldr, doc.occ.map((o) => fileNumber.get(o.file) ?? -1), doc.seq.length];
		const link = doc.link === undefined ? 0 : doc.link === absLink(doc.id) ? 1 : doc.link;
		if (doc.translatedTitle !== undefined || link !== 0) tuple.push(doc.translatedTitle ?? '');
		if (link !== 0) tuple.push(link);
		return tuple;
	});
	const seqAll = new Int32Array(seqs.reduce((s, q) => s + q.length, 0));
	let at = 0;
	for (const q of seqs) {
		seqAll.set(q, at);
		at += q.length;
	}
	const stores = [index.head, index.body, index.names];
	const sections: Section[] = [
		...stores.flatMap((store) => [store.start, store.count]),
		seqAll,
		index.termOrder(),
		index.lengths.subarray(0, index.docs.length * FIELD_COUNT),
		...stores.map((store) => store.arena),
	];
	const meta: CacheMeta = { files, docs, terms: index.terms.join('\n'), sizes: sections.map((a) => a.length), key };
	const metaBytes = new TextEncoder().encode(JSON.stringify(meta));
	let total = HEADER + pad4(metaBytes.length);
	for (const a of sections) total = a instanceof Uint16Array ? pad4(total + a.byteLength) : total + a.byteLength;
	const out = new Uint8Array(total);
	const view = new DataView(out.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, CACHE_FORMAT_VERSION, true);
	view.setUint32(8, metaBytes.length, true);
	out.set(metaBytes, HEADER);
	at = HEADER + pad4(metaBytes.length);
	for (const a of sections) {
		out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
		at = a instanceof Uint16Array ? pad4(at + a.byteLength) : at + a.byteLength;
	}
	view.setUint32(12, checksum(out), true);
	return out;
}

/** FNV-1a over 32-bit words of everything after the header (then the last bytes); `bytes` 4-byte aligned. */
function checksum(bytes: Uint8Array): number {
	const words = new Int32Array(bytes.buffer, bytes.byteOffset + HEADER, (bytes.length - HEADER) >> 2);
	let h = 0x811c9dc5;
	for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 16777619);
	for (let i = HEADER + words.length * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619);
	return h >>> 0;
}

/** The index stored in `bytes`, or undefined when it is not a valid cache of this version and key. */
export function decodeCache(bytes: Uint8Array, key: string): PaperIndex | undefined {
	try {
		if (bytes.length < HEADER) return undefined;
		// Int32Array views need 4-byte alignment
		const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
		const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
		if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== CACHE_FORMAT_VERSION) return undefined;
		const metaLength = view.getUint32(8, true);
		if (HEADER + metaLength > data.length || view.getUint32(12, true) !== checksum(data)) return undefined;
		const meta = JSON.parse(new TextDecoder().decode(data.subarray(HEADER, HEADER + metaLength))) as CacheMeta;
		if (meta.key !== key || !Array.isArray(meta.docs) || typeof meta.terms !== 'string' || !Array.isArray(meta.sizes) || meta.sizes.length !== SECTIONS) {
			return undefined;
		}
		const terms = meta.terms === '' ? [] : meta.terms.split('\n');
		let at = data.byteOffset + HEADER + pad4(metaLength);
		const end = data.byteOffset + data.byteLength;
		const take = <T extends Section>(size: number, make: (buffer: ArrayBufferLike, offset: number, length: number) => T, width: number): T | undefined => {
			if (!Number.isInteger(size) || size < 0 || at + size * width > end) return undefined;
			const array = make(data.buffer, at, size);
			at += size * width;
			if (width === 2) at = pad4(at - data.byteOffset) + data.byteOffset;
			return array;
		};
		const int32 = (size: number) => take(size, (b, o, n) => new Int32Array(b, o, n), 4);
		const ints = meta.sizes.slice(0, INT_SECTIONS).map(int32);
		const lengths = take(meta.sizes[INT_SECTIONS], (b, o, n) => new Uint16Array(b, o, n), 2);
		const arenas = meta.sizes.slice(INT_SECTIONS + 1, SECTIONS).map((size) => take(size, (b, o, n) => new Uint8Array(b, o, n), 1));
		if (ints.some((a) => !a) || !lengths || arenas.some((a) => !a) || lengths.length !== meta.docs.length * FIELD_COUNT) return undefined;
		const [hs, hc, bs, bc, ns, nc, seqAll, order] = ints as Int32Array[];
		const stores: FrozenPostings[] = [
			{ start: hs, count: hc, arena: arenas[0] as Uint8Array },
			{ start: bs, count: bc, arena: arenas[1] as Uint8Array },
			{ start: ns, count: nc, arena: arenas[2] as Uint8Array },
		];
		for (const store of stores) {
			if (store.count.length !== terms.length || !PostingStore.wellFormed(store)) return undefined;
		}
		const docs: (DocRecord | undefined)[] = [];
		let seqAt = 0;
		for (let num = 0; num < meta.docs.length; num++) {
			const d = meta.docs[num];
			if (d === 0) {
				docs.push(undefined);
				continue;
			}
			if (!Array.isArray(d) || d.length < 7) return undefined;
			const [id, title, authors, category, tldr, occNums, seqLength, translatedTitle, link] = d;
			if (seqAt + seqLength > seqAll.length) return undefined;
			const occ: Occurrence[] = [];
			for (const f of occNums) {
				const file = meta.files[f];
				if (!file) return undefined;
				occ.push({ file: file[0], day: file[1].day });
			}
			const seq = seqAll.subarray(seqAt, seqAt + seqLength);
			for (let k = 1; k < seq.length; k++) if (seq[k] < -1 || seq[k] >= terms.length) return undefined;
			seqAt += seqLength;
			docs.push({
				num,
				id,
				title,
				translatedTitle: translatedTitle || undefined,
				authors: authors === '' ? [] : authors.split('\n'),
				category,
				tldr,
				link: link === 1 ? absLink(id) : link || undefined,
				occ,
				bodyIndexed: true,
				seq,
			});
		}
		const [head, body, names] = stores;
		return PaperIndex.restore({ docs, files: meta.files, terms, head, body, names, lengths, order });
	} catch {
		return undefined;
	}
}
