/**
 * The on-disk index cache: one binary file per shard, read back in a fraction of the
 * time a rebuild takes.
 *
 *   "ADSI" | u32 format version | u32 checksum of everything after this header | u32 sections
 *   | u32 byte length of each section
 *   | the sections, each padded to 4 bytes:
 *       meta JSON, raw-DEFLATE compressed (see below)
 *       head, body and names posting directories: per term, varints of its bytes and postings
 *       every document's proximity word sequence, concatenated: varints of (entry + 1)
 *       the word terms' ids in term order, Int32 (prefix lookups, see sortedTerms.ts)
 *       per-document field lengths, Uint16
 *       head, body and names posting arenas (varints, see postings.ts)
 *   (little endian)
 *
 * The meta JSON holds the files (path, size, mtime: the cache key of each file), the
 * documents as positional tuples (occurrences as indices into the files) and the terms in id
 * order, joined by newlines (no term holds one). The long fields' text is not stored (it was
 * a third of the cache): the shard reads it back from the files after a warm start (see
 * SearchShard.finishInBackground). Per-term directories as varints rather than Int32 pairs:
 * most terms are rare, and the three directories were a quarter of the file.
 *
 * Anything unexpected — wrong magic, another version, a checksum that does not match (a
 * cheaper guard than decoding every posting list on every start), truncated data, a JSON
 * error — makes `decodeCache` return undefined, and the caller rebuilds; a cache is never an
 * error for the user.
 */
import { fnv1a } from '../checksum';
import { arxivAbsLink } from '../summary';
import { deflate, inflate } from './deflate';
import { FIELD_COUNT, PaperIndex, type DocRecord, type FileEntry, type Occurrence } from './index';
import { PostingStore, type FrozenPostings } from './postings';
import { countVarints, readVarints, VarintWriter } from './varint';
import { ownCopy } from '../parse/text';

/** 3: per-field tf varint postings, field lengths and word sequences (issue 14); 4: no long-field text, compressed meta, varint directories, term order, checksum */
export const CACHE_FORMAT_VERSION = 4;
const MAGIC = 0x49534441; // "ADSI" little endian
const HEADER = 16;
const SECTIONS = 10;

/**
 * One document: id, title, authors joined by newlines, category, TL;DR, occurrences (indices
 * into CacheMeta.files: the day is the file's), word sequence length, then optionally the
 * translated title ('' for none) and the link (0: none, 1: the paper's arxiv.org/abs page).
 */
type CachedDoc = [string, string, string, string, string, number[], number, string?, (string | 0 | 1)?];


interface CacheMeta {
	key: string;
	files: [string, FileEntry][];
	docs: (CachedDoc | 0)[];
	/** joined by newlines */
	terms: string;
}

const pad4 = (n: number) => (n + 3) & ~3;

function directory(store: PostingStore): Uint8Array {
	const out = new VarintWriter();
	for (let t = 0; t < store.count.length; t++) {
		out.write(store.start[t + 1] - store.start[t]);
		out.write(store.count[t]);
	}
	return out.result();
}

/** A frozen store from its directory and arena, or undefined when they do not fit `terms` terms. */
function readStore(dir: Uint8Array, arena: Uint8Array, terms: number): FrozenPostings | undefined {
	const pairs = new Int32Array(terms * 2);
	if (!readVarints(dir, pairs)) return undefined;
	const start = new Int32Array(terms + 1);
	const count = new Int32Array(terms);
	for (let t = 0; t < terms; t++) {
		start[t + 1] = start[t] + pairs[2 * t];
		count[t] = pairs[2 * t + 1];
	}
	// a copy (a Buffer's slice is a view): a view would keep the whole file's bytes (the meta and every other section) alive
	const frozen = { start, count, arena: new Uint8Array(arena) };
	return PostingStore.wellFormed(frozen) ? frozen : undefined;
}

const bytesOf = (a: Int32Array | Uint16Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Serialises a frozen index (call `index.freeze()` first). */
export async function encodeCache(index: PaperIndex, key: string): Promise<Uint8Array> {
	const files = [...index.files];
	const fileNumber = new Map(files.map(([path], i) => [path, i]));
	const seqs = new VarintWriter();
	const docs: (CachedDoc | 0)[] = index.docs.map((doc) => {
		if (!doc) return 0;
		for (let k = 0; k < doc.seq.length; k++) seqs.write(doc.seq[k] + 1);
		const tuple: CachedDoc = [doc.id, doc.title, doc.authors.join('\n'), doc.category, doc.tldr, doc.occ.map((o) => fileNumber.get(o.file) ?? -1), doc.seq.length];
		const link = doc.link === undefined ? 0 : doc.link === arxivAbsLink(doc.id) ? 1 : doc.link;
		if (doc.translatedTitle !== undefined || link !== 0) tuple.push(doc.translatedTitle ?? '');
		if (link !== 0) tuple.push(link);
		return tuple;
	});
	const meta: CacheMeta = { key, files, docs, terms: index.terms.join('\n') };
	const stores = [index.head, index.body, index.names];
	// every part taken (or copied, for arrays updated in place) before the first await: the index may change meanwhile
	const parts: Uint8Array[] = [
		...stores.map(directory),
		seqs.result(),
		bytesOf(index.termOrder()),
		bytesOf(index.lengths.slice(0, index.docs.length * FIELD_COUNT)),
		...stores.map((store) => store.arena),
	];
	const sections = [await deflate(new TextEncoder().encode(JSON.stringify(meta))), ...parts];
	const tableEnd = HEADER + 4 * SECTIONS;
	const out = new Uint8Array(sections.reduce((total, s) => total + pad4(s.length), tableEnd));
	const view = new DataView(out.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, CACHE_FORMAT_VERSION, true);
	view.setUint32(12, SECTIONS, true);
	let at = tableEnd;
	sections.forEach((section, i) => {
		view.setUint32(HEADER + 4 * i, section.length, true);
		out.set(section, at);
		at += pad4(section.length);
	});
	view.setUint32(8, fnv1a(out, HEADER), true);
	return out;
}

/** The index stored in `bytes`, or undefined when it is not a valid cache of this version and key. */
export async function decodeCache(bytes: Uint8Array, key: string): Promise<PaperIndex | undefined> {
	try {
		if (bytes.length < HEADER + 4 * SECTIONS) return undefined;
		// Int32Array views need 4-byte alignment
		const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
		const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
		if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== CACHE_FORMAT_VERSION || view.getUint32(12, true) !== SECTIONS) return undefined;
		const sections: Uint8Array[] = [];
		let at = HEADER + 4 * SECTIONS;
		for (let i = 0; i < SECTIONS; i++) {
			const length = view.getUint32(HEADER + 4 * i, true);
			if (at + length > data.length) return undefined;
			sections.push(data.subarray(at, at + length));
			at += pad4(length);
		}
		const [metaBytes, headDir, bodyDir, namesDir, seqBytes, orderBytes, lengthBytes, headArena, bodyArena, namesArena] = sections;
		// the meta inflates in node:zlib's thread pool while this thread checks and reads the binary
		// sections (their sizes come from the sections themselves); it resolves, never rejects
		const inflating = inflate(metaBytes);
		if (view.getUint32(8, true) !== fnv1a(data, HEADER)) return undefined;
		const termCount = countVarints(headDir) / 2;
		if (!Number.isInteger(termCount)) return undefined;
		const head = readStore(headDir, headArena, termCount);
		const body = readStore(bodyDir, bodyArena, termCount);
		const names = readStore(namesDir, namesArena, termCount);
		if (!head || !body || !names || orderBytes.length % 4 !== 0 || lengthBytes.length % (FIELD_COUNT * 2) !== 0) return undefined;
		const lengths = new Uint16Array(lengthBytes.buffer, lengthBytes.byteOffset, lengthBytes.length / 2);
		const order = new Int32Array(orderBytes.buffer, orderBytes.byteOffset, orderBytes.length / 4).slice();
		const seqAll = new Int32Array(countVarints(seqBytes));
		if (!readVarints(seqBytes, seqAll)) return undefined;
		for (let k = 0; k < seqAll.length; k++) {
			// stored as entry + 1
			if (--seqAll[k] >= termCount) return undefined;
		}
		const inflated = await inflating;
		if (!inflated) return undefined;
		const meta = JSON.parse(new TextDecoder().decode(inflated)) as CacheMeta;
		if (meta.key !== key || !Array.isArray(meta.docs) || !Array.isArray(meta.files) || typeof meta.terms !== 'string') return undefined;
		// copies of the long terms: split's pieces of 13 or more characters are views that would keep the
		// whole joined text (5 MB) alive
		const terms = meta.terms === '' ? [] : meta.terms.split('\n').map(ownCopy);
		if (terms.length !== termCount || lengthBytes.length !== meta.docs.length * FIELD_COUNT * 2) return undefined;
		const docs: (DocRecord | undefined)[] = [];
		// one occurrence object per file, shared by its papers (they are replaced, never changed in place)
		const occurrences: (Occurrence | undefined)[] = meta.files.map((file) => (Array.isArray(file) ? { file: file[0], day: file[1]?.day } : undefined));
		let seqAt = 0;
		for (let num = 0; num < meta.docs.length; num++) {
			const d = meta.docs[num];
			if (d === 0) {
				docs.push(undefined);
				continue;
			}
			if (!Array.isArray(d) || d.length < 7) return undefined;
			const [id, title, authors, category, tldr, occNums, seqLength, translatedTitle, link] = d;
			if (!Array.isArray(occNums)) return undefined;
			const occ = occNums.map((f) => occurrences[f]);
			if (occ.includes(undefined)) return undefined;
			if (!(seqLength >= 0 && seqAt + seqLength <= seqAll.length)) return undefined;
			const seq = seqAll.subarray(seqAt, seqAt + seqLength);
			seqAt += seqLength;
			docs.push({
				num,
				id,
				title,
				translatedTitle: translatedTitle || undefined,
				authors: authors === '' ? [] : authors.split('\n'),
				category,
				tldr,
				link: link === 1 ? arxivAbsLink(id) : link || undefined,
				occ: occ as Occurrence[],
				bodyIndexed: true,
				seq,
			});
		}
		if (seqAt !== seqAll.length) return undefined;
		return PaperIndex.restore({ docs, files: meta.files, terms, head, body, names, lengths, order });
	} catch {
		return undefined;
	}
}
