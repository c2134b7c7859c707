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

/**
 * What is wrong with a file's envelope: `json` (not JSON: `detail` is the parser's message), `object`
 * (not an object), `marker` (no format marker), `version` (no usable version), `newer` (`detail` is
 * the newer format number), `parts` (no parts object); the editor words each (features/library).
 */
export type EnvelopeFault = { kind: 'json'; detail: string } | { kind: 'object' | 'marker' | 'version' | 'parts' } | { kind: 'newer'; detail: number };

export type EnvelopeResult =
	| { ok: true; document: ReadingStateDocument }
	| { ok: false; problem: 'corrupt' | 'foreign' | 'newer'; fault: EnvelopeFault; reason: string };

function failed(problem: 'corrupt' | 'foreign' | 'newer', fault: EnvelopeFault): EnvelopeResult {
	return { ok: false, problem, fault, reason: envelopeFaultText(fault) };
}

/** The fault in English (the command line's and the log's words). */
export function envelopeFaultText(fault: EnvelopeFault): string {
	switch (fault.kind) {
		case 'json':
			return `it is not valid JSON (${fault.detail})`;
		case 'object':
			return 'it is not a JSON object';
		case 'marker':
			return `it has no "format": "${READING_STATE_FORMAT}" marker`;
		case 'version':
			return 'its "version" is missing or not a positive whole number';
		case 'newer':
			return `it was written in format ${fault.detail} by a newer version of arXiv Digest`;
		case 'parts':
			return '"parts" is not an object';
	}
}

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
		return failed('corrupt', { kind: 'json', detail: err instanceof Error ? err.message : String(err) });
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return failed('foreign', { kind: 'object' });
	const v = value as Record<string, unknown>;
	if (v.format !== READING_STATE_FORMAT) return failed('foreign', { kind: 'marker' });
	if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) return failed('corrupt', { kind: 'version' });
	if (v.version > READING_STATE_VERSION) return failed('newer', { kind: 'newer', detail: v.version });
	if (typeof v.parts !== 'object' || v.parts === null || Array.isArray(v.parts)) return failed('corrupt', { kind: 'parts' });
	return { ok: true, document: { format: READING_STATE_FORMAT, version: v.version, exported: typeof v.exported === 'string' ? v.exported : '', parts: v.parts as Record<string, unknown> } };
}
