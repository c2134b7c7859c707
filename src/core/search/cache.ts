/**
 * The on-disk index cache: one binary file per shard, read back in a fraction of the
 * time a rebuild takes.
 *
 *   "ADSI" | u32 format version | u32 checksum of everything after this header (fnv1a4) | u32 sections
 *   | u32 byte length of each section
 *   | the sections, each padded to 4 bytes:
 *       the meta's numbers: varints, in the order the meta is read (see below)
 *       the meta's ASCII strings, one after the other (one byte per character)
 *       the meta's other strings, one after the other, UTF-16 (two bytes per code unit: Chinese text
 *       takes less than in UTF-8, and decodes as a copy)
 *       every file's size and mtime, Float64 (NaN: none)
 *       head, TL;DR, body and names posting directories: per term with postings there, a varint of
 *       its list's bytes; per run of terms without, 0 and a varint of the run's length
 *       every document's proximity word sequence, concatenated: varints of (entry + 1)
 *       the word terms' ids in term order, Int32 (prefix lookups, see sortedTerms.ts)
 *       per-document field lengths, Uint16
 *       per-document hash of the long fields' text, every listing's (see PaperIndex.bodyHashOf; dead: 0), Uint32
 *       head, TL;DR, body and names posting arenas (varints, see postings.ts)
 *   (little endian)
 *
 * The meta, read in this order: the key; how many terms and word-sequence entries; the names (how
 * many, then each: every distinct author and category, so that each becomes one string shared by
 * its documents); the documents by number (a dead one: 0; else 1, its id, title, its authors (how
 * many, then each one's number among the names), its category's number, TL;DR,
 * translated title (0: none, else 1 and the text), link (0: none, 1: its arxiv.org/abs page, 2 and the text), its occurrences (how many,
 * then indices into the files: the day is the file's) and the length of its word sequence); the
 * files (path, day, label, and its paper ids: 2 × the number of the paper's document, or 1
 * followed by the id for one that names no document); the terms in id order. A string is a varint
 * of its length in UTF-16 code units times 2, plus 1 when its text is in the non-ASCII section.
 * Each text section is decoded to one JavaScript string at once; a document's strings are cut out
 * of it (those of 13 characters or more as views of it: they live as long as the index anyway),
 * and the terms stay in it (see TermTable). ASCII apart, so that most of the text stays one byte
 * per character in memory. Format 4 held this meta as one deflated JSON text: inflating, decoding
 * and parsing it made ~450,000 term and ~150,000 document strings one by one, most of a warm
 * worker's ~400 ms on 167 real days.
 *
 * The long fields' text is not stored (it was a third of the cache): the shard reads it back from
 * the files after a warm start (see SearchShard.finishInBackground), every file listing a paper
 * (its text is composed from all its listings, see composeBody in index.ts). Per-term directories as
 * varints rather than Int32 pairs: most terms are rare, and the directories (three then) were a quarter
 * of the file.
 *
 * Anything unexpected — wrong magic, another version, a checksum that does not match (a
 * cheaper guard than decoding every posting list on every start), truncated data, a count or a
 * string past its section — makes `decodeCache` return undefined, and the caller rebuilds; a
 * cache is never an error for the user.
 */
import { fnv1a4, fnv1a4Steps } from '../checksum';
import { pauseAt, runSteps } from '../steps';
import { INDEX_CACHE_VERSION } from './cacheFormat';
import { arxivAbsLink } from '../summary';
import { FIELD_COUNT, PaperIndex, type DocRecord, type FileEntry, type Occurrence } from './index';
import { PostingStore, type FrozenPostings } from './postings';
import { TermTable } from './termTable';
import { decodeUtf16 } from './utf16';
import { readVarints, VarintReader, VarintWriter } from './varint';

const MAGIC = 0x49534441; // "ADSI" little endian
const HEADER = 16;
const SECTIONS = 16;

const pad4 = (n: number) => (n + 3) & ~3;

/** How much encodingCache does between two pauses, and how it encodes its text sections. */
export interface EncodingSteps {
	/** documents, files and terms written, bytes copied or summed */
	docs: number;
	files: number;
	terms: number;
	bytes: number;
	/** a text section is encoded in pieces of about this many code units */
	textPiece: number;
}

/** a few milliseconds each on 167 real days */
const STEPS: EncodingSteps = { docs: 1024, files: 32, terms: 32768, bytes: 1 << 22, textPiece: 1 << 16 };

function* directory(store: PostingStore, steps: EncodingSteps): Generator<void, Uint8Array> {
	const out = new VarintWriter();
	const { start } = store;
	const terms = start.length - 1;
	for (let t = 0, k = 0; t < terms; k++) {
		// k: the entries written, a term or a run each
		if (pauseAt(k, steps.terms)) yield;
		if (start[t + 1] > start[t]) {
			out.write(start[t + 1] - start[t]);
			t++;
			continue;
		}
		// a run of terms without postings here (most of a store's terms are another store's words)
		let end = t + 1;
		while (end < terms && start[end + 1] === start[end]) end++;
		out.write(0);
		out.write(end - t);
		t = end;
	}
	return out.result();
}

/** A frozen store from its directory and arena, or undefined when they do not fit `terms` terms. */
function readStore(dir: Uint8Array, arena: Uint8Array, terms: number): FrozenPostings | undefined {
	const start = new Int32Array(terms + 1);
	// straight into start: an array of the entries first was ~3.7 MB to collect per store on 167 real days
	const pairs = new VarintReader(dir);
	for (let t = 0; t < terms; ) {
		const bytes = pairs.next();
		if (bytes > 0) {
			start[t + 1] = start[t] + bytes;
			t++;
			continue;
		}
		const end = t + pairs.next();
		if (end === t || end > terms) return undefined;
		for (; t < end; t++) start[t + 1] = start[t];
	}
	if (!pairs.done) return undefined;
	// a copy (a Buffer's slice is a view): a view would keep the whole file's bytes (the meta and every other section) alive
	const frozen = { start, arena: new Uint8Array(arena) };
	return PostingStore.wellFormed(frozen) ? frozen : undefined;
}

const bytesOf = (a: Int32Array | Uint16Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes the meta: numbers as varints, strings as a length and their text in one of two text sections. */
class MetaWriter {
	readonly numbers = new VarintWriter();
	private readonly ascii: TextSection;
	private readonly wide: TextSection;

	constructor(textPiece: number) {
		this.ascii = new TextSection((text) => new TextEncoder().encode(text), textPiece);
		this.wide = new TextSection(utf16Bytes, textPiece);
	}

	num(n: number): void {
		this.numbers.write(n);
	}

	str(s: string): void {
		const wide = /[^\x00-\x7f]/.test(s);
		this.numbers.write(s.length * 2 + (wide ? 1 : 0));
		(wide ? this.wide : this.ascii).add(s);
	}

	texts(): [Uint8Array, Uint8Array] {
		return [this.ascii.result(), this.wide.result()];
	}
}

/**
 * A text section's bytes, encoded a piece at a time as its strings come (so that encoding pauses
 * with the meta: joining and encoding all of them at the end took ~50 ms in one go on 167 real days).
 */
class TextSection {
	private pending: string[] = [];
	private pendingLength = 0;
	private readonly pieces: Uint8Array[] = [];

	constructor(
		private readonly encode: (text: string) => Uint8Array,
		private readonly piece: number,
	) {}

	add(text: string): void {
		this.pending.push(text);
		this.pendingLength += text.length;
		if (this.pendingLength >= this.piece) this.flush();
	}

	result(): Uint8Array {
		this.flush();
		const out = new Uint8Array(this.pieces.reduce((n, piece) => n + piece.length, 0));
		let at = 0;
		for (const piece of this.pieces) {
			out.set(piece, at);
			at += piece.length;
		}
		return out;
	}

	private flush(): void {
		if (this.pending.length === 0) return;
		this.pieces.push(this.encode(this.pending.join('')));
		this.pending = [];
		this.pendingLength = 0;
	}
}

/** UTF-16LE bytes of `text` */
function utf16Bytes(text: string): Uint8Array {
	const out = new Uint8Array(text.length * 2);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		out[2 * i] = c & 0xff;
		out[2 * i + 1] = c >>> 8;
	}
	return out;
}

/** Reads what MetaWriter wrote; throws (RangeError) on anything past its section. */
class MetaReader {
	readonly numbers: VarintReader;
	private asciiAt = 0;
	private wideAt = 0;

	constructor(
		numbers: Uint8Array,
		private readonly ascii: string,
		private readonly wide: string,
	) {
		this.numbers = new VarintReader(numbers);
	}

	num(): number {
		return this.numbers.next();
	}

	/**
	 * A count of items that each take at least one byte of `bytes` (by default, the numbers still
	 * to read): never more, so damage cannot ask for an allocation beyond the file's size.
	 */
	count(bytes = this.numbers.left): number {
		const n = this.numbers.next();
		if (n > bytes) throw new RangeError('count out of range');
		return n;
	}

	str(): string {
		const code = this.numbers.next();
		const length = Math.floor(code / 2);
		if (code % 2 === 0) {
			const at = this.asciiAt;
			if (at + length > this.ascii.length) throw new RangeError('string past its section');
			this.asciiAt = at + length;
			return this.ascii.slice(at, at + length);
		}
		const at = this.wideAt;
		if (at + length > this.wide.length) throw new RangeError('string past its section');
		this.wideAt = at + length;
		return this.wide.slice(at, at + length);
	}

	/**
	 * The terms, which end the meta (`count` strings), as a TermTable over the two texts: their
	 * varints read in one go and placed in one pass, not a string or a call each (~450,000 on 167
	 * real days); undefined unless they end the numbers and both texts exactly.
	 */
	termTable(count: number): TermTable | undefined {
		const lengths = new Int32Array(count);
		if (!readVarints(this.numbers.rest(), lengths)) return undefined;
		const at = new Int32Array(count);
		let asciiAt = this.asciiAt;
		let wideAt = this.wideAt;
		for (let k = 0; k < count; k++) {
			const code = lengths[k];
			const length = code >>> 1;
			lengths[k] = length;
			if ((code & 1) === 0) {
				at[k] = asciiAt;
				asciiAt += length;
			} else {
				at[k] = ~wideAt;
				wideAt += length;
			}
		}
		if (asciiAt !== this.ascii.length || wideAt !== this.wide.length) return undefined;
		return TermTable.restore(this.ascii, this.wide, at, lengths);
	}
}

/** Serialises a frozen index (call `index.freeze()` first). */
export function encodeCache(index: PaperIndex, key: string): Uint8Array {
	return runSteps(encodingCache(index, key));
}

/**
 * encodeCache in steps of a few milliseconds (a `yield` after each), for an owner that answers
 * queries in between: in one piece it took 250–450 ms on 167 real days, and a query waited for it.
 * Nothing may be added or removed meanwhile (the owner checks `index.version` after each step).
 */
export function* encodingCache(index: PaperIndex, key: string, steps = STEPS): Generator<void, Uint8Array> {
	const files = [...index.files];
	const fileNumber = new Map(files.map(([path], i) => [path, i]));
	const seqs = new VarintWriter();
	const bodyHashes = new Uint32Array(index.docs.length);
	const meta = new MetaWriter(steps.textPiece);
	meta.str(key);
	meta.num(index.terms.length);
	let seqTotal = 0;
	for (const doc of index.docs) seqTotal += doc?.seq.length ?? 0;
	meta.num(seqTotal);
	// the names documents repeat (authors, categories) once each; a document gives their numbers
	const nameTable = new Map<string, number>();
	for (let num = 0; num < index.docs.length; num++) {
		if (pauseAt(num, steps.docs)) yield;
		const doc = index.docs[num];
		if (!doc) continue;
		for (const name of doc.authors) if (!nameTable.has(name)) nameTable.set(name, nameTable.size);
		if (!nameTable.has(doc.category)) nameTable.set(doc.category, nameTable.size);
	}
	meta.num(nameTable.size);
	let written = 0;
	for (const name of nameTable.keys()) {
		if (pauseAt(written++, steps.terms)) yield;
		meta.str(name);
	}
	const nameNumber = (name: string) => nameTable.get(name) as number;
	meta.num(index.docs.length);
	for (let num = 0; num < index.docs.length; num++) {
		if (pauseAt(num, steps.docs)) yield;
		const doc = index.docs[num];
		if (!doc) {
			meta.num(0);
			continue;
		}
		meta.num(1);
		bodyHashes[num] = index.bodyHashOf(doc);
		for (let k = 0; k < doc.seq.length; k++) seqs.write(doc.seq[k] + 1);
		meta.str(doc.id);
		meta.str(doc.title);
		meta.num(doc.authors.length);
		for (const author of doc.authors) meta.num(nameNumber(author));
		meta.num(nameNumber(doc.category));
		meta.str(doc.tldr);
		meta.num(doc.translatedTitle === undefined ? 0 : 1);
		if (doc.translatedTitle !== undefined) meta.str(doc.translatedTitle);
		const link = doc.link === undefined ? 0 : doc.link === arxivAbsLink(doc.id) ? 1 : 2;
		meta.num(link);
		if (link === 2) meta.str(doc.link as string);
		meta.num(doc.occ.length);
		for (const o of doc.occ) {
			const n = fileNumber.get(o.file);
			if (n === undefined) throw new Error(`an occurrence in ${o.file}, which the index does not hold`);
			meta.num(n);
		}
		meta.num(doc.seq.length);
	}
	const stamps = new Float64Array(files.length * 2);
	meta.num(files.length);
	for (let i = 0; i < files.length; i++) {
		if (pauseAt(i, steps.files)) yield;
		const [path, entry] = files[i];
		meta.str(path);
		meta.str(entry.day);
		meta.str(entry.label);
		meta.num(entry.ids.length);
		for (const id of entry.ids) {
			const doc = index.byId.get(id);
			meta.num(doc ? doc.num * 2 : 1);
			if (!doc) meta.str(id);
		}
		stamps[2 * i] = entry.size ?? NaN;
		stamps[2 * i + 1] = entry.mtime ?? NaN;
	}
	meta.num(index.terms.length);
	for (let t = 0; t < index.terms.length; t++) {
		if (pauseAt(t, steps.terms)) yield;
		meta.str(index.terms.get(t));
	}
	const stores = [index.head, index.tldr, index.body, index.names];
	const directories: Uint8Array[] = [];
	for (const store of stores) directories.push(yield* directory(store, steps));
	yield;
	const sections: Uint8Array[] = [
		meta.numbers.result(),
		...meta.texts(),
		new Uint8Array(stamps.buffer),
		...directories,
		seqs.result(),
		bytesOf(index.termOrder()),
		bytesOf(index.lengths.subarray(0, index.docs.length * FIELD_COUNT)),
		new Uint8Array(bodyHashes.buffer),
		...stores.map((store) => store.arena),
	];
	const tableEnd = HEADER + 4 * SECTIONS;
	const out = new Uint8Array(sections.reduce((total, s) => total + pad4(s.length), tableEnd));
	const view = new DataView(out.buffer);
	view.setUint32(0, MAGIC, true);
	view.setUint32(4, INDEX_CACHE_VERSION, true);
	view.setUint32(12, SECTIONS, true);
	let at = tableEnd;
	for (let i = 0; i < sections.length; i++) {
		const section = sections[i];
		view.setUint32(HEADER + 4 * i, section.length, true);
		for (let from = 0; from < section.length; from += steps.bytes) {
			yield;
			out.set(section.subarray(from, from + steps.bytes), at + from);
		}
		at += pad4(section.length);
	}
	view.setUint32(8, yield* fnv1a4Steps(out, HEADER, steps.bytes), true);
	return out;
}

/** The index stored in `bytes`, or undefined when it is not a valid cache of this version and key. */
export async function decodeCache(bytes: Uint8Array, key: string): Promise<PaperIndex | undefined> {
	try {
		return decodeSections(bytes, key);
	} catch {
		// a count or a string past its section (RangeError), or bytes no cache of this layout
		return undefined;
	}
}

function decodeSections(bytes: Uint8Array, key: string): PaperIndex | undefined {
	if (bytes.length < HEADER + 4 * SECTIONS) return undefined;
	// Int32Array views need 4-byte alignment
	const data = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== INDEX_CACHE_VERSION || view.getUint32(12, true) !== SECTIONS) return undefined;
	const sections: Uint8Array[] = [];
	let at = HEADER + 4 * SECTIONS;
	for (let i = 0; i < SECTIONS; i++) {
		const length = view.getUint32(HEADER + 4 * i, true);
		if (at + length > data.length) return undefined;
		sections.push(data.subarray(at, at + length));
		at += pad4(length);
	}
	const [numbers, asciiBytes, wideBytes, stampBytes, headDir, tldrDir, bodyDir, namesDir, seqBytes, orderBytes, lengthBytes, hashBytes, headArena, tldrArena, bodyArena, namesArena] = sections;
	if (view.getUint32(8, true) !== fnv1a4(data, HEADER)) return undefined;
	// ASCII decodes to a one-byte string (any other byte there would be damage the checksum caught)
	const meta = new MetaReader(numbers, new TextDecoder().decode(asciiBytes), decodeUtf16(wideBytes));
	if (meta.str() !== key) return undefined;

	const termCount = meta.count();
	const seqAll = new Int32Array(meta.count(seqBytes.length));
	const head = readStore(headDir, headArena, termCount);
	const tldr = readStore(tldrDir, tldrArena, termCount);
	const body = readStore(bodyDir, bodyArena, termCount);
	const names = readStore(namesDir, namesArena, termCount);
	if (!head || !tldr || !body || !names || orderBytes.length % 4 !== 0 || lengthBytes.length % (FIELD_COUNT * 2) !== 0 || stampBytes.length % 16 !== 0) return undefined;
	const lengths = new Uint16Array(lengthBytes.buffer, lengthBytes.byteOffset, lengthBytes.length / 2);
	const order = new Int32Array(orderBytes.buffer, orderBytes.byteOffset, orderBytes.length / 4).slice();
	if (!readVarints(seqBytes, seqAll)) return undefined;
	for (let k = 0; k < seqAll.length; k++) {
		// stored as entry + 1
		if (--seqAll[k] >= termCount) return undefined;
	}

	// one string per distinct name (~74,000 for ~123,000 authors on 167 real days), shared by the documents
	const nameTable: string[] = new Array(meta.count());
	for (let k = 0; k < nameTable.length; k++) nameTable[k] = meta.str();
	const name = () => {
		const text = nameTable[meta.num()];
		if (text === undefined) throw new RangeError('no such name');
		return text;
	};
	const docCount = meta.count();
	if (lengthBytes.length !== docCount * FIELD_COUNT * 2 || hashBytes.length !== docCount * 4) return undefined;
	const fileCount = stampBytes.length / 16;
	// one occurrence object per file, shared by its papers (they are replaced, never changed in place); filled in with the files
	const occurrences: Occurrence[] = [];
	for (let f = 0; f < fileCount; f++) occurrences.push({ file: '', day: '' });
	const docs: (DocRecord | undefined)[] = [];
	let seqAt = 0;
	for (let num = 0; num < docCount; num++) {
		if (meta.num() === 0) {
			docs.push(undefined);
			continue;
		}
		const id = meta.str();
		const title = meta.str();
		const authors: string[] = new Array(meta.count());
		for (let k = 0; k < authors.length; k++) authors[k] = name();
		const category = name();
		const tldr = meta.str();
		const translatedTitle = meta.num() === 0 ? undefined : meta.str();
		const linkKind = meta.num();
		const link = linkKind === 0 ? undefined : linkKind === 1 ? arxivAbsLink(id) : meta.str();
		const occCount = meta.count();
		const occ: Occurrence[] = [];
		for (let k = 0; k < occCount; k++) {
			const o = occurrences[meta.num()];
			if (o === undefined) return undefined;
			occ.push(o);
		}
		const seqLength = meta.num();
		if (seqAt + seqLength > seqAll.length) return undefined;
		const seq = seqAll.subarray(seqAt, (seqAt += seqLength));
		docs.push({ num, id, title, translatedTitle, authors, category, tldr, link, occ, tldrIndexed: true, bodyIndexed: true, seq });
	}
	if (seqAt !== seqAll.length || meta.count() !== fileCount) return undefined;

	const stamps = new DataView(stampBytes.buffer, stampBytes.byteOffset, stampBytes.byteLength);
	const stamp = (k: number) => {
		const value = stamps.getFloat64(8 * k, true);
		return Number.isNaN(value) ? undefined : value;
	};
	const files: [string, FileEntry][] = [];
	for (let f = 0; f < fileCount; f++) {
		const path = meta.str();
		const day = meta.str();
		const label = meta.str();
		const idCount = meta.count();
		const ids: string[] = [];
		for (let k = 0; k < idCount; k++) {
			const code = meta.num();
			if (code % 2 === 1) {
				ids.push(meta.str());
				continue;
			}
			const doc = docs[code / 2];
			if (doc === undefined) return undefined;
			ids.push(doc.id);
		}
		occurrences[f].file = path;
		occurrences[f].day = day;
		files.push([path, { day, label, ids, size: stamp(2 * f), mtime: stamp(2 * f + 1) }]);
	}

	if (meta.count() !== termCount) return undefined;
	// the terms stay in the texts: positions only (see TermTable)
	const terms = meta.termTable(termCount);
	const bodyHashes = new Uint32Array(hashBytes.buffer, hashBytes.byteOffset, docCount);
	return terms && PaperIndex.restore({ docs, files, terms, head, tldr, body, names, lengths, bodyHashes, order });
}
