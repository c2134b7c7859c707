/**
 * The file-records cache: for every candidate file of a shard its stamp (size, mtime) and, for
 * digests, its summary. With it a warm start sends the whole Papers view without reading a digest,
 * and does not re-read the Markdown files it already found not to be digests.
 *
 * Layout: a 4-byte little-endian length, a small JSON header (format, key, a checksum of what
 * follows it, and per file its path, stamp, day and the byte lengths of its summary and of the
 * summary's head), then every summary's compact texts (see CompactTexts: its head, then its papers)
 * in UTF-8, one after the other. Stored as raw DEFLATE
 * where the bytes cross a slow file API (the web build), or as they are behind RAW_MARK on a local
 * disk (COMPRESS_RECORDS in deflate.ts); either form is read on both.
 * A shard keeps each summary as those bytes, never as objects: a warm start parses only the header
 * and sends the summaries' bytes as they are (see encodeFileUpdates), and 33,000 paper summaries cost
 * the worker ~7 MB of one buffer instead of ~60 MB of objects and strings. The checksum stands in
 * for the parse that used to find damage.
 */
import { fnv1a } from '../checksum';
import { COMPRESS_RECORDS, deflate, inflate } from '../search/deflate';
import { compactTexts, summaryFromCompact, type DigestSummary } from '../summary';

/** A digest's summary as its compact texts (CompactTexts: the head, then the papers) in UTF-8. */
export interface SummaryBytes {
	utf8: Uint8Array;
	/** where in `utf8` the head ends and the papers begin */
	headBytes: number;
}

export interface FileRecord {
	size: number;
	mtime: number;
	/** the digest's summary; undefined: the file is not a digest (or too large to be one) */
	summaryBytes?: SummaryBytes;
	/** the digest's day (its summary's `day`), for ordering without parsing the summary */
	day?: string;
	/** a digest because an `arxivDigest.files` glob named it, not by its content (no longer named: detected again) */
	always?: true;
}

/** 2: compressed; 3: each summary as a JSON string; 4: a JSON header, then every summary's bytes; 5: compact summaries; 6: a checksum; 7: a head and papers per summary; 8: a summary's damage (cut short, a merge conflict) */
const FORMAT = 8;
const HEADER_LENGTH_BYTES = 4;
/**
 * The first bytes of a cache stored uncompressed. 0xFF cannot start raw DEFLATE data (its block
 * type bits 11 are reserved), nor JSON (format 1): the three forms are told apart by the first byte.
 */
const RAW_MARK = new Uint8Array([0xff, 0x41, 0x44, 0x52]);

type StoredFile = [path: string, size: number, mtime: number] | [path: string, size: number, mtime: number, day: string, summaryBytes: number, headBytes: number, always?: 1];

interface Header {
	format: number;
	key: string;
	/** fnv1a of the summaries' bytes */
	sum: number;
	files: StoredFile[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A digest's record: its stamp and its summary as the bytes the cache holds, which the tree's messages carry too. */
export function digestRecord(stamp: { size: number; mtime: number }, summary: DigestSummary, always = false): FileRecord {
	const record: FileRecord = { size: stamp.size, mtime: stamp.mtime, summaryBytes: summaryBytesOf(summary), day: summary.day };
	if (always) record.always = true;
	return record;
}

/** A summary's compact texts (CompactTexts) in UTF-8, and where the head ends. */
export function summaryBytesOf(summary: DigestSummary): SummaryBytes {
	const { head, papers } = compactTexts(summary);
	// one encoding of both, no copy of the papers' bytes; the head is a few KB
	return { utf8: encoder.encode(head + papers), headBytes: encoder.encode(head).length };
}

/**
 * The summary of a digest's record (the extension host on a warm start, a report, a test; the shard
 * itself never needs the objects): its head parsed now, its papers from the record's bytes when
 * first read (summaryFromCompact). Throws on a head that is none.
 */
export function summaryOf(record: FileRecord): DigestSummary | undefined {
	return record.summaryBytes && summaryFromBytes(record.summaryBytes);
}

/** The summary of its bytes: see summaryOf. */
export function summaryFromBytes({ utf8, headBytes }: SummaryBytes): DigestSummary {
	return summaryFromCompact(decoder.decode(utf8.subarray(0, headBytes)), () => decoder.decode(utf8.subarray(headBytes)));
}

/** The cache's bytes: raw DEFLATE when `compress`, else the layout behind RAW_MARK. */
export async function encodeFileRecords(records: ReadonlyMap<string, FileRecord>, key: string, compress = COMPRESS_RECORDS): Promise<Uint8Array> {
	const header: Header = { format: FORMAT, key, sum: 0, files: [] };
	const summaries: Uint8Array[] = [];
	let totalBytes = 0;
	for (const [path, r] of records) {
		if (r.summaryBytes) {
			const stored: StoredFile = [path, r.size, r.mtime, r.day ?? '', r.summaryBytes.utf8.length, r.summaryBytes.headBytes];
			if (r.always) stored.push(1);
			header.files.push(stored);
			summaries.push(r.summaryBytes.utf8);
			totalBytes += r.summaryBytes.utf8.length;
		} else {
			header.files.push([path, r.size, r.mtime]);
		}
	}
	const body = new Uint8Array(totalBytes);
	let at = 0;
	for (const bytes of summaries) {
		body.set(bytes, at);
		at += bytes.length;
	}
	header.sum = fnv1a(body);
	const mark = compress ? 0 : RAW_MARK.length;
	// the header padded with spaces (JSON allows them) so that the summaries start 4-byte aligned in
	// the file: fnv1a then reads them in place, where unaligned it copied them first (6.4 MB of fresh
	// memory on 167 real days, ~25 ms on the development machine, in the worker and the extension host)
	const json = JSON.stringify(header);
	const unpadded = encoder.encode(json).length;
	const head = encoder.encode(json + ' '.repeat((4 - ((mark + HEADER_LENGTH_BYTES + unpadded) % 4)) % 4));
	const out = new Uint8Array(mark + HEADER_LENGTH_BYTES + head.length + body.length);
	if (!compress) out.set(RAW_MARK);
	new DataView(out.buffer).setUint32(mark, head.length, true);
	out.set(head, mark + HEADER_LENGTH_BYTES);
	out.set(body, mark + HEADER_LENGTH_BYTES + head.length);
	return compress ? deflate(out.subarray(mark)) : out;
}

function isRaw(bytes: Uint8Array): boolean {
	return bytes.length >= RAW_MARK.length && RAW_MARK.every((b, i) => bytes[i] === b);
}

/** Is a cache stored in the form this build writes (uncompressed on a local disk, compressed in the web build)? */
export function storedAsWritten(bytes: Uint8Array): boolean {
	return isRaw(bytes) !== COMPRESS_RECORDS;
}

/** The layout's bytes of a cache in either form (a view behind RAW_MARK, no copy), or undefined when they are neither. */
async function unwrap(bytes: Uint8Array): Promise<Uint8Array | undefined> {
	if (isRaw(bytes)) return bytes.subarray(RAW_MARK.length);
	return inflate(bytes);
}

/** the header and where the summaries start, or undefined when the bytes are not of this layout */
function readHeader(layout: Uint8Array): { header: Partial<Header>; body: number } | undefined {
	if (layout.length < HEADER_LENGTH_BYTES) return undefined;
	const length = new DataView(layout.buffer, layout.byteOffset, layout.byteLength).getUint32(0, true);
	const body = HEADER_LENGTH_BYTES + length;
	if (body > layout.length) return undefined;
	try {
		const header = JSON.parse(decoder.decode(layout.subarray(HEADER_LENGTH_BYTES, body))) as Partial<Header> | null;
		return header && typeof header === 'object' ? { header, body } : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A records cache of another format or key (an update; another shard layout), as opposed to bytes
 * that are no records cache at all (damage): the first is rebuilt silently, the second is reported.
 */
export async function fileRecordsOutdated(bytes: Uint8Array, key: string): Promise<boolean> {
	try {
		// format 1 was plain JSON; formats 2 and 3 compressed JSON
		const layout = (await unwrap(bytes)) ?? bytes;
		const read = readHeader(layout);
		if (read && Array.isArray(read.header.files)) return read.header.format !== FORMAT || read.header.key !== key;
		const stored = JSON.parse(decoder.decode(layout)) as Partial<Header> | null;
		return !!stored && typeof stored === 'object' && Array.isArray(stored.files) && stored.format !== FORMAT;
	} catch {
		return false;
	}
}

/** The records, or undefined when the bytes are not a cache of this format and key (then it is rebuilt). */
export async function decodeFileRecords(bytes: Uint8Array, key: string): Promise<Map<string, FileRecord> | undefined> {
	return (await decodeSummedRecords(bytes, key))?.records;
}

/**
 * The records and the checksum of their summaries' bytes (each summary holds its path): what the
 * extension host showed of a cache and what a shard read of it are the same when these are (KnownShown).
 */
export async function decodeSummedRecords(bytes: Uint8Array, key: string): Promise<{ records: Map<string, FileRecord>; sum: number } | undefined> {
	let layout: Uint8Array | undefined;
	try {
		layout = await unwrap(bytes);
	} catch {
		return undefined;
	}
	if (!layout) return undefined;
	const read = readHeader(layout);
	if (!read) return undefined;
	const { header } = read;
	if (header.format !== FORMAT || header.key !== key || !Array.isArray(header.files)) return undefined;
	const sum = fnv1a(layout, read.body);
	if (header.sum !== sum) return undefined;
	const out = new Map<string, FileRecord>();
	let at = read.body;
	for (const entry of header.files) {
		if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number' || typeof entry[2] !== 'number') return undefined;
		if (entry.length === 3) {
			out.set(entry[0], { size: entry[1], mtime: entry[2] });
			continue;
		}
		const [path, size, mtime, day, length, headBytes, always] = entry;
		if (typeof day !== 'string' || typeof length !== 'number' || length < 0 || at + length > layout.length) return undefined;
		if (typeof headBytes !== 'number' || headBytes < 0 || headBytes > length) return undefined;
		// a view into the one buffer: no copy, no parse
		const record: FileRecord = { size, mtime, summaryBytes: { utf8: layout.subarray(at, at + length), headBytes }, day: day || undefined };
		if (always === 1) record.always = true;
		out.set(path, record);
		at += length;
	}
	return at === layout.length ? { records: out, sum } : undefined;
}
