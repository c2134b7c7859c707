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

/**
 * A set of arXiv ids as one compact string, for stores that sync many ids (read marks): new-style
 * ids grouped by month, the numbers sorted and written as base-36 gaps (`2602:1a,3,b;2603:…`); any
 * other id verbatim after `|`. 25,000 read ids take ~2.5 bytes each instead of ~13 as a JSON list.
 */
export function encodeIdSet(ids: Iterable<string>): string {
	const months = new Map<string, number[]>();
	const others: string[] = [];
	for (const id of new Set(ids)) {
		const m = /^(\d{4})\.(\d{4,5})$/.exec(id);
		if (!m) {
			others.push(id);
			continue;
		}
		// 4-digit numbers (before 2015) are marked by a leading '0' gap list entry per month
		const key = m[2].length === 4 ? `${m[1]}s` : m[1];
		const list = months.get(key);
		if (list) list.push(Number(m[2]));
		else months.set(key, [Number(m[2])]);
	}
	const groups = [...months].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, nums]) => {
		nums.sort((a, b) => a - b);
		return `${month}:${nums.map((n, i) => (n - (i ? nums[i - 1] : 0)).toString(36)).join(',')}`;
	});
	return others.length ? `${groups.join(';')}|${others.sort().join('|')}` : groups.join(';');
}

export function decodeIdSet(text: string): string[] {
	if (!text) return [];
	const [grouped, ...others] = text.split('|');
	const ids: string[] = [];
	for (const group of grouped ? grouped.split(';') : []) {
		const [month, list] = group.split(':');
		const short = month.endsWith('s');
		let n = 0;
		for (const gap of list ? list.split(',') : []) {
			n += parseInt(gap, 36);
			ids.push(`${month.slice(0, 4)}.${String(n).padStart(short ? 4 : 5, '0')}`);
		}
	}
	return [...ids, ...others];
}
