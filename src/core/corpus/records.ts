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
	/** undefined: the file is not a digest (or too large to be one) */
	summary?: DigestSummary;
	/** `summary` as JSON, as the cache held it (until it was sent) */
	summaryJson?: string;
}

/** 2: compressed; 3: each summary as a JSON string */
const FORMAT = 3;

interface Stored {
	format: number;
	key: string;
	files: [path: string, size: number, mtime: number, summaryJson?: string][];
}

export function encodeFileRecords(records: ReadonlyMap<string, FileRecord>, key: string): Promise<Uint8Array> {
	const stored: Stored = { format: FORMAT, key, files: [] };
	for (const [path, r] of records) stored.files.push(r.summary ? [path, r.size, r.mtime, r.summaryJson ?? JSON.stringify(r.summary)] : [path, r.size, r.mtime]);
	return deflate(new TextEncoder().encode(JSON.stringify(stored)));
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
