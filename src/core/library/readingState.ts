/**
 * The "Export Reading State…" file: one JSON document holding a snapshot of every registered part
 * (the library, the read marks, …) under its key, for backup and for moving machines. Each part
 * validates its own data on import; this file only checks the envelope.
 */

export const READING_STATE_FORMAT = 'arxiv-digest/reading-state';
export const READING_STATE_VERSION = 1;

export interface ReadingStateDocument {
	format: typeof READING_STATE_FORMAT;
	version: number;
	/** ISO time of the export */
	exported: string;
	/** part key → that part's snapshot */
	parts: Record<string, unknown>;
}

export type EnvelopeResult = { ok: true; document: ReadingStateDocument } | { ok: false; problem: 'corrupt' | 'foreign' | 'newer'; reason: string };

export function buildReadingState(parts: Record<string, unknown>, now: Date): string {
	const document: ReadingStateDocument = { format: READING_STATE_FORMAT, version: READING_STATE_VERSION, exported: now.toISOString(), parts };
	return `${JSON.stringify(document, null, 1)}\n`;
}

/** Parses the text of a reading-state file; says why when it is not one. */
export function parseReadingState(text: string): EnvelopeResult {
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\ufeff/, ''));
	} catch (err) {
		return { ok: false, problem: 'corrupt', reason: `it is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'foreign', reason: 'it is not a JSON object' };
	const v = value as Record<string, unknown>;
	if (v.format !== READING_STATE_FORMAT) return { ok: false, problem: 'foreign', reason: `it has no "format": "${READING_STATE_FORMAT}" marker` };
	if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) return { ok: false, problem: 'corrupt', reason: 'its "version" is missing or not a positive whole number' };
	if (v.version > READING_STATE_VERSION) return { ok: false, problem: 'newer', reason: `it was written in format ${v.version} by a newer version of arXiv Digest` };
	if (typeof v.parts !== 'object' || v.parts === null || Array.isArray(v.parts)) return { ok: false, problem: 'corrupt', reason: '"parts" is not an object' };
	return { ok: true, document: { format: READING_STATE_FORMAT, version: v.version, exported: typeof v.exported === 'string' ? v.exported : '', parts: v.parts as Record<string, unknown> } };
}
