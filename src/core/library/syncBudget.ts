/**
 * What Settings Sync may carry. VS Code syncs every extension's `setKeysForSync` keys together with
 * the workbench's own UI state as one resource, and its server refuses an oversized resource
 * (HTTP 413, "too large payload", microsoft/vscode#202359); sync then stops for everything. So arXiv
 * Digest keeps all it syncs under one budget, the reader's own writing (library) first, and a key
 * that does not fit stays on this machine (Export Reading State still carries it).
 */

/** bytes of JSON, all synced keys of arXiv Digest together */
export const SYNC_BUDGET_BYTES = 96 * 1024;

export interface SyncCandidate {
	readonly key: string;
	/** UTF-8 bytes of the value as JSON */
	readonly bytes: number;
	/** lower goes first */
	readonly priority: number;
}

export function jsonBytes(value: unknown): number {
	const text = JSON.stringify(value) ?? '';
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
	}
	return bytes;
}

/** The keys to sync: by priority, each while it still fits the budget; the others with their sizes. */
export function planSync(candidates: readonly SyncCandidate[], budget = SYNC_BUDGET_BYTES): { synced: string[]; local: SyncCandidate[] } {
	let left = budget;
	const synced: string[] = [];
	const local: SyncCandidate[] = [];
	for (const c of [...candidates].sort((a, b) => a.priority - b.priority)) {
		if (c.bytes <= left) {
			synced.push(c.key);
			left -= c.bytes;
		} else local.push(c);
	}
	return { synced, local };
}
