/**
 * New, seen and read papers: the reader's state per arXiv id without version, over every day and
 * file, its transitions and its compact stored form. Pure and vscode-free; the editor keeps it in
 * globalState (src/features/reading/readStore.ts), never in digest files.
 *
 * - new: never shown to the reader; seen: its day was opened (tree or editor); read: its card was
 *   opened, or its day marked as read.
 * - A paper listed again on a later day that the reader already saw is not new there; a paper seen
 *   for the first time during this session stays "new" on that day until the window reloads, so
 *   the marks do not vanish under the reader's eyes.
 */

import { paperIdsOf } from './summary';

export type ReadStatus = 'new' | 'seen' | 'read';

const SEEN = 1;
const READ = 2;

/** `2602.04994v2` → `2602.04994`; ids without a version are returned as they are. */
export function baseId(id: string): string {
	// what /v\d+$/i would strip, by hand: the Papers view asks for every paper on every refresh, and an
	// id without a version ends in a digit too (2602.04994)
	let at = id.length;
	while (at > 0 && id.charCodeAt(at - 1) >= 48 && id.charCodeAt(at - 1) <= 57) at--;
	return at > 0 && at < id.length && (id.charCodeAt(at - 1) | 32) === 118 ? id.slice(0, at - 1) : id;
}

/**
 * The first day each paper (by base id) is listed on, over every file with a day. Files are
 * summaries: one pass over ids, no text.
 */
export function firstListedDays(files: Iterable<{ readonly day?: string; readonly ids?: readonly string[]; readonly papers: readonly { readonly id: string }[] }>): Map<string, string> {
	const first = new Map<string, string>();
	for (const file of files) {
		const day = file.day;
		if (!day) continue;
		for (const paperId of paperIdsOf(file)) {
			const id = baseId(paperId);
			const known = first.get(id);
			if (known === undefined || day < known) first.set(id, day);
		}
	}
	return first;
}

export class ReadState {
	private readonly status = new Map<string, number>();
	/** papers first seen during this session, with the day they were seen on (not stored) */
	private readonly seenNow = new Map<string, string>();

	get size(): number {
		return this.status.size;
	}

	/** The stored status, regardless of days. */
	get(id: string): ReadStatus {
		const s = this.status.get(baseId(id));
		return s === READ ? 'read' : s === SEEN ? 'seen' : 'new';
	}

	isRead(id: string): boolean {
		return this.status.get(baseId(id)) === READ;
	}

	/** The status of a paper as listed on `day`: seen this session on that very day still counts as new there. */
	statusOn(id: string, day: string | undefined): ReadStatus {
		const key = baseId(id);
		const s = this.status.get(key);
		if (s === READ) return 'read';
		if (s === SEEN) return day !== undefined && this.seenNow.get(key) === day ? 'new' : 'seen';
		return 'new';
	}

	/** new → seen (read stays read); returns whether anything changed. */
	markSeen(ids: Iterable<string>, day?: string): boolean {
		return this.transition(ids, (s) => (s === undefined ? SEEN : s), (key) => day !== undefined && this.seenNow.set(key, day));
	}

	/** any → read; returns whether anything changed. */
	markRead(ids: Iterable<string>): boolean {
		return this.transition(ids, () => READ);
	}

	/** read → seen: unread again, but not new (the reader has seen it). */
	markUnread(ids: Iterable<string>): boolean {
		return this.transition(ids, (s) => (s === READ ? SEEN : s));
	}

	/** Applies `next` to each paper's status; `changed` runs for each paper whose status changed. */
	private transition(ids: Iterable<string>, next: (status: number | undefined) => number | undefined, changed?: (key: string) => void): boolean {
		let any = false;
		for (const id of ids) {
			const key = baseId(id);
			const before = this.status.get(key);
			const after = next(before);
			if (after === before || after === undefined) continue;
			this.status.set(key, after);
			changed?.(key);
			any = true;
		}
		return any;
	}

	readIds(): string[] {
		const out: string[] = [];
		for (const [id, s] of this.status) if (s === READ) out.push(id);
		return out;
	}

	clear(): void {
		this.status.clear();
		this.seenNow.clear();
	}

	/** The stored form (see StoredReadState). */
	serialize(): StoredReadState {
		const read: string[] = [];
		const seen: string[] = [];
		for (const [id, s] of this.status) (s === READ ? read : seen).push(id);
		return { format: STATE_FORMAT, read: packIds(read), seen: packIds(seen) };
	}

	/** Replaces the whole state with a stored one (validated). */
	static parse(value: unknown): { ok: true; state: ReadState } | { ok: false; error: string } {
		if (value === undefined) return { ok: true, state: new ReadState() };
		if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not an object' };
		const v = value as Partial<StoredReadState>;
		if (v.format !== STATE_FORMAT) return { ok: false, error: `unknown format ${JSON.stringify(v.format)} (expected ${STATE_FORMAT})` };
		const read = unpackIds(v.read);
		if ('error' in read) return { ok: false, error: `read: ${read.error}` };
		const seen = unpackIds(v.seen);
		if ('error' in seen) return { ok: false, error: `seen: ${seen.error}` };
		const state = new ReadState();
		for (const id of seen.ids) state.status.set(id, SEEN);
		for (const id of read.ids) state.status.set(id, READ);
		return { ok: true, state };
	}
}

export const STATE_FORMAT = 1;

/**
 * Stored read state: ids packed as `PackedIds`. 25,000 read ids take 325 KB as a JSON list of
 * strings and 50 KB packed (measured: 25,000 random ids over six months), which matters for Settings Sync.
 */
export interface StoredReadState {
	format: number;
	read: PackedIds;
	seen: PackedIds;
}

/**
 * Modern arXiv ids (`YYMM.NNNNN`) grouped by month, each group its sorted numbers as base-36 gaps
 * from the previous one (`{"2602": "3uq,1,3"}` is 2602.04994, 2602.04995, 2602.04998); every
 * other id (old style `hep-th/9901001`, non-arXiv) listed as is in `other`.
 */
export interface PackedIds {
	months: Record<string, string>;
	other: string[];
}

const MODERN = /^(\d{4})\.(\d{4,5})$/;

/** numbers of month `yymm` are 4 digits before 2015-01, 5 after */
function numberWidth(yymm: string): number {
	return yymm >= '1501' ? 5 : 4;
}

export function packIds(ids: Iterable<string>): PackedIds {
	const byMonth = new Map<string, number[]>();
	const other: string[] = [];
	for (const id of ids) {
		const m = MODERN.exec(id);
		if (!m || m[2].length !== numberWidth(m[1])) {
			other.push(id);
			continue;
		}
		const list = byMonth.get(m[1]) ?? [];
		list.push(Number(m[2]));
		byMonth.set(m[1], list);
	}
	const months: Record<string, string> = {};
	for (const month of [...byMonth.keys()].sort()) {
		const numbers = (byMonth.get(month) as number[]).sort((a, b) => a - b);
		let previous = 0;
		months[month] = numbers
			.map((n) => {
				const gap = n - previous;
				previous = n;
				return gap.toString(36);
			})
			.join(',');
	}
	return { months, other: other.sort() };
}

export function unpackIds(value: unknown): { ids: string[] } | { error: string } {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'not an object' };
	const { months, other } = value as Partial<PackedIds>;
	if (!months || typeof months !== 'object' || Array.isArray(months)) return { error: 'months is not an object' };
	if (!Array.isArray(other) || other.some((id) => typeof id !== 'string' || id === '' || id.length > 100)) return { error: 'other is not a list of ids' };
	const ids: string[] = [...other];
	for (const [month, packed] of Object.entries(months)) {
		if (!/^\d{4}$/.test(month) || typeof packed !== 'string') return { error: `bad month ${JSON.stringify(month)}` };
		if (packed === '') continue;
		const width = numberWidth(month);
		let n = 0;
		for (const gap of packed.split(',')) {
			if (!/^[0-9a-z]{1,4}$/.test(gap)) return { error: `bad number in ${month}` };
			n += parseInt(gap, 36);
			const digits = String(n);
			if (digits.length > width) return { error: `number out of range in ${month}` };
			ids.push(`${month}.${digits.padStart(width, '0')}`);
		}
	}
	return { ids };
}
