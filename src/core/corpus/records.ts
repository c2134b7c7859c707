/**
 * The file-records cache: for every candidate file of a shard its stamp (size, mtime) and, for
 * digests, its summary. With it a warm start sends the whole Papers view without reading a digest,
 * and does not re-read the Markdown files it already found not to be digests.
 *
 * Stored as raw-DEFLATE compressed JSON: its many repeated keys shrink ~4×. Each summary is kept
 * as its own JSON text inside it, which a warm start sends to the tree as it is (see
 * encodeFileUpdates) rather than stringify again the objects it just parsed.
 */
import { deflate, inflate } from '../search/deflate';
import type { DigestSummary } from '../summary';

export interface FileRecord {
	size: number;
	mtime: number;
	/** undefined: the file is not a digest (or too large to be one), or its summary is `stored` */
	summary?: DigestSummary;
	/** `summary` as JSON, as the cache held it (until it was sent) */
	summaryJson?: string;
	/**
	 * A digest whose summary was sent and is the one in the records cache the shard read (see
	 * CorpusShard's storedRecords): the shard keeps those bytes (3 MB for 167 real days) rather than
	 * the objects (15 MB of heap) and reads the JSON back from them when it saves.
	 */
	stored?: boolean;
}

/** Is the file a digest (its summary in memory or in the records cache it came from)? */
export function isDigestRecord(record: FileRecord | undefined): boolean {
	return record !== undefined && (record.summary !== undefined || record.stored === true);
}

/** 2: compressed; 3: each summary as a JSON string */
const FORMAT = 3;

interface Stored {
	format: number;
	key: string;
	files: [path: string, size: number, mtime: number, summaryJson?: string][];
}

/** `storedJson`: the summary JSON of records marked `stored`, by path (see storedSummaries) */
export function encodeFileRecords(records: ReadonlyMap<string, FileRecord>, key: string, storedJson?: ReadonlyMap<string, string>): Promise<Uint8Array> {
	const stored: Stored = { format: FORMAT, key, files: [] };
	for (const [path, r] of records) {
		const json = r.summary ? (r.summaryJson ?? JSON.stringify(r.summary)) : r.stored ? storedJson?.get(path) : undefined;
		if (r.stored && json === undefined) throw new Error(`the summary of ${path} is not in the records cache read`);
		stored.files.push(json !== undefined ? [path, r.size, r.mtime, json] : [path, r.size, r.mtime]);
	}
	return deflate(new TextEncoder().encode(JSON.stringify(stored)));
}

/** The summary JSON of every digest in a records cache's bytes, by path (for records marked `stored`). */
export async function storedSummaries(bytes: Uint8Array): Promise<Map<string, string>> {
	const inflated = await inflate(bytes);
	const out = new Map<string, string>();
	if (!inflated) return out;
	const stored = JSON.parse(new TextDecoder().decode(inflated)) as Stored;
	for (const entry of stored.files) if (typeof entry[3] === 'string') out.set(entry[0], entry[3]);
	return out;
}

/**
 * A records cache of another format or key (an update; another shard layout), as opposed to bytes
 * that are no records cache at all (damage): the first is rebuilt silently, the second is reported.
 */
export async function fileRecordsOutdated(bytes: Uint8Array, key: string): Promise<boolean> {
	try {
		// this format is compressed; format 1 was plain JSON
		const json = (await inflate(bytes)) ?? bytes;
		const stored = JSON.parse(new TextDecoder().decode(json)) as Partial<Stored> | null;
		return !!stored && typeof stored === 'object' && Array.isArray(stored.files) && (stored.format !== FORMAT || stored.key !== key);
	} catch {
		return false;
	}
}

/** The records, or undefined when the bytes are not a cache of this format and key (then it is rebuilt). */
export async function decodeFileRecords(bytes: Uint8Array, key: string): Promise<Map<string, FileRecord> | undefined> {
	let stored: Stored;
	try {
		const inflated = await inflate(bytes);
		if (!inflated) return undefined;
		stored = JSON.parse(new TextDecoder().decode(inflated)) as Stored;
	} catch {
		return undefined;
	}
	if (!stored || stored.format !== FORMAT || stored.key !== key || !Array.isArray(stored.files)) return undefined;
	const out = new Map<string, FileRecord>();
	for (const entry of stored.files) {
		if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number' || typeof entry[2] !== 'number') return undefined;
		const summaryJson = entry[3];
		if (summaryJson === undefined) {
			out.set(entry[0], { size: entry[1], mtime: entry[2] });
			continue;
		}
		if (typeof summaryJson !== 'string') return undefined;
		let summary: DigestSummary;
		try {
			summary = JSON.parse(summaryJson) as DigestSummary;
		} catch {
			return undefined;
		}
		if (!summary || typeof summary !== 'object' || !Array.isArray(summary.papers)) return undefined;
		out.set(entry[0], { size: entry[1], mtime: entry[2], summary, summaryJson });
	}
	return out;
}
