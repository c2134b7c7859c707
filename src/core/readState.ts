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

import { isStoredPaperId } from './model';
import { arxivNumberDigits } from './parse/links';
import { paperIdsOf } from './summary';

export type ReadStatus = 'new' | 'seen' | 'read';

const SEEN = 1;
const READ = 2;

/**
 * `2602.04994v2` → `2602.04994`; ids without a version are returned as they are, and so are ids whose
 * `v` and digits follow no digit: a linkless paper's `title:improving yolov5` is not `yolov8`'s.
 */
export function baseId(id: string): string {
	// what /(\d)v\d+$/i would strip, by hand: the Papers view asks for every paper on every refresh, and
	// an id without a version ends in a digit too (2602.04994)
	const v = versionAt(id);
	return v > 0 && isDigit(id.charCodeAt(v - 1)) ? id.slice(0, v) : id;
}

/** Where `id` ends in `v` and digits (`v2`, any case), the index of its `v`; else -1. */
function versionAt(id: string): number {
	let at = id.length;
	while (at > 0 && isDigit(id.charCodeAt(at - 1))) at--;
	return at > 0 && at < id.length && (id.charCodeAt(at - 1) | 32) === 118 ? at - 1 : -1;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/** The first and the newest day each paper (by base id) is listed on. */
export interface ListingDays {
	readonly first: ReadonlyMap<string, string>;
	readonly last: ReadonlyMap<string, string>;
}

/** The first and the newest day each paper is listed on, over every file with a day. Files are summaries: one pass over ids, no text. */
export function listingDays(files: Iterable<{ readonly day?: string; readonly ids?: readonly string[]; readonly papers: readonly { readonly id: string }[] }>): ListingDays {
	const first = new Map<string, string>();
	const last = new Map<string, string>();
	for (const file of files) {
		const day = file.day;
		if (!day) continue;
		for (const paperId of paperIdsOf(file)) {
			const id = baseId(paperId);
			const earliest = first.get(id);
			if (earliest === undefined) {
				first.set(id, day);
				last.set(id, day);
			} else if (day < earliest) first.set(id, day);
			else if (day > last.get(id)!) last.set(id, day);
		}
	}
	return { first, last };
}

/**
 * A paper's key in the state: a modern id as one number (`2602.04994` → 260204994, a small integer
 * the Map hashes without making a string), any other id as its text without version. Reading back
 * 35,000 stored ids as numbers takes about half the time strings took (6–10 vs 14–16 ms, first run
 * in plain Node 24), and that read is part of the editor's activation.
 */
type Key = number | string;

const MONTH_SCALE = 100_000;

/** The key of an id without version (modern ids as numbers, see Key). */
function keyOfBase(id: string): Key {
	const len = id.length;
	if ((len !== 9 && len !== 10) || id.charCodeAt(4) !== 46) return id;
	let month = 0;
	for (let i = 0; i < 4; i++) {
		const d = id.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return id;
		month = month * 10 + d;
	}
	if (len - 5 !== arxivNumberDigits(month)) return id;
	let n = 0;
	for (let i = 5; i < len; i++) {
		const d = id.charCodeAt(i) - 48;
		if (d < 0 || d > 9) return id;
		n = n * 10 + d;
	}
	return month * MONTH_SCALE + n;
}

function keyOf(id: string): Key {
	return keyOfBase(baseId(id));
}

/**
 * The key an earlier version kept `id`'s mark under, where it differs from keyOf's: it dropped a `v`
 * and digits after any character (`title:improving yolov5` → `title:improving yolo`), and a mark made
 * then is found there.
 */
function legacyKeyOf(id: string): Key | undefined {
	const v = versionAt(id);
	return v > 0 && !isDigit(id.charCodeAt(v - 1)) ? keyOfBase(id.slice(0, v)) : undefined;
}

function idOfKey(key: Key): string {
	if (typeof key === 'string') return key;
	const month = Math.floor(key / MONTH_SCALE);
	return `${String(month).padStart(4, '0')}.${String(key % MONTH_SCALE).padStart(arxivNumberDigits(month), '0')}`;
}

export class ReadState {
	private readonly status = new Map<Key, number>();
	/** papers first seen during this session, with the day they were seen on (not stored) */
	private readonly seenNow = new Map<Key, string>();

	get size(): number {
		return this.status.size;
	}

	/** the mark stored for `id` (under its key, else under the key an earlier version used: legacyKeyOf) */
	private markOf(id: string, key = keyOf(id)): number | undefined {
		const s = this.status.get(key);
		if (s !== undefined) return s;
		const legacy = legacyKeyOf(id);
		return legacy === undefined ? undefined : this.status.get(legacy);
	}

	/** The stored status, regardless of days. */
	get(id: string): ReadStatus {
		const s = this.markOf(id);
		return s === READ ? 'read' : s === SEEN ? 'seen' : 'new';
	}

	isRead(id: string): boolean {
		return this.markOf(id) === READ;
	}

	/** The status of a paper as listed on `day`: seen this session on that very day still counts as new there. */
	statusOn(id: string, day: string | undefined): ReadStatus {
		const key = keyOf(id);
		const s = this.markOf(id, key);
		if (s === READ) return 'read';
		if (s === SEEN) return day !== undefined && this.seenNow.get(key) === day ? 'new' : 'seen';
		return 'new';
	}

	/** new → seen (read stays read); returns the ids whose status changed. */
	markSeen(ids: Iterable<string>, day?: string): string[] {
		return this.transition(ids, (s) => (s === undefined ? SEEN : s), (key) => day !== undefined && this.seenNow.set(key, day));
	}

	/** any → read; returns the ids whose status changed. */
	markRead(ids: Iterable<string>): string[] {
		return this.transition(ids, () => READ);
	}

	/** read → seen: unread again, but not new (the reader has seen it); returns the ids whose status changed. */
	markUnread(ids: Iterable<string>): string[] {
		// not new on the day it was first seen on either
		return this.transition(ids, (s) => (s === READ ? SEEN : s), (key) => this.seenNow.delete(key));
	}

	/** The stored status of each id (see get), by the id as given: what unmarkRead puts back. */
	statusesOf(ids: Iterable<string>): Map<string, ReadStatus> {
		const out = new Map<string, ReadStatus>();
		for (const id of ids) out.set(id, this.get(id));
		return out;
	}

	/**
	 * Undoes a markRead: each paper of `before` (statusesOf before it) that is still read gets back its
	 * status from then, new or seen; a paper marked otherwise since keeps that mark. Returns the ids whose
	 * status changed.
	 */
	unmarkRead(before: ReadonlyMap<string, ReadStatus>): string[] {
		const done: string[] = [];
		for (const [id, status] of before) {
			const key = keyOf(id);
			if (status === 'read' || this.markOf(id, key) !== READ) continue;
			if (status === 'seen') this.status.set(key, SEEN);
			else this.status.delete(key);
			done.push(id);
		}
		return done;
	}

	/** Applies `next` to each paper's status; `changed` runs for each paper whose status changed. Returns their ids as given. */
	private transition(ids: Iterable<string>, next: (status: number | undefined) => number | undefined, changed?: (key: Key) => void): string[] {
		const done: string[] = [];
		for (const id of ids) {
			const key = keyOf(id);
			const before = this.markOf(id, key);
			const after = next(before);
			if (after === before || after === undefined) continue;
			this.status.set(key, after);
			changed?.(key);
			done.push(id);
		}
		return done;
	}

	/**
	 * Takes in the marks another window or machine stored. With `base`, the stored state this one was
	 * last read from or saved as, each paper's mark the other changed since then and this one did not
	 * becomes the other's, an unread or a mark a Replace import removed included (taking the further
	 * mark only brought those back at the next save of a window that still held the old one); a mark
	 * both changed keeps the further of the two (read over seen over new). Without base (a merged
	 * import) every paper keeps the further of its two marks and none is dropped. A paper in `keep`
	 * (marked unread here since this state was last saved) keeps its mark here. Returns the ids whose
	 * mark changed here.
	 */
	absorb(other: ReadState, keep: Iterable<string> = [], base?: ReadState): string[] {
		const kept = new Set<Key>();
		for (const id of keep) kept.add(keyOf(id));
		const changed: string[] = [];
		const take = (key: Key) => {
			const theirs = other.status.get(key);
			const was = base?.status.get(key);
			// not changed there since base, or kept here
			if ((base !== undefined && theirs === was) || kept.has(key)) return;
			const mine = this.status.get(key);
			if (theirs === mine) return;
			const changedHere = base === undefined || mine !== was;
			if (changedHere && (theirs === undefined || (mine !== undefined && mine >= theirs))) return;
			if (theirs === undefined) this.status.delete(key);
			else this.status.set(key, theirs);
			// unread there: not new on the day it was first seen on here either (as markUnread)
			if (mine === READ) this.seenNow.delete(key);
			changed.push(idOfKey(key));
		};
		for (const key of other.status.keys()) take(key);
		if (base) for (const key of base.status.keys()) if (!other.status.has(key)) take(key);
		return changed;
	}

	readIds(): string[] {
		const out: string[] = [];
		for (const [key, s] of this.status) if (s === READ) out.push(idOfKey(key));
		return out;
	}

	/**
	 * The papers seen and not read as their newest listing shows them (statusOn that day): `is:seen`,
	 * so that `is:new` (neither read nor in this) finds what the Papers view marks new on the newest
	 * day that lists each paper. A paper first seen during this session stays new on the day it was
	 * seen on: it is left out when that day is its newest listing (`newestListed`, by id without
	 * version), and in when a later day lists it again (that day's row counts it as seen before).
	 */
	seenIds(newestListed: (id: string) => string | undefined): string[] {
		const out: string[] = [];
		for (const [key, s] of this.status) {
			if (s !== SEEN) continue;
			const id = idOfKey(key);
			const seenOn = this.seenNow.get(key);
			if (seenOn === undefined || seenOn !== newestListed(id)) out.push(id);
		}
		return out;
	}

	clear(): void {
		this.status.clear();
		this.seenNow.clear();
	}

	/** The stored form (see StoredReadState). */
	serialize(): StoredReadState {
		const read: Key[] = [];
		const seen: Key[] = [];
		for (const [key, s] of this.status) (s === READ ? read : seen).push(key);
		return { format: STATE_FORMAT, read: packKeys(read), seen: packKeys(seen) };
	}

	/** Replaces the whole state with a stored one (validated). */
	static parse(value: unknown): { ok: true; state: ReadState } | { ok: false; error: string } {
		if (value === undefined) return { ok: true, state: new ReadState() };
		if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'not an object' };
		const v = value as Partial<StoredReadState>;
		if (v.format !== STATE_FORMAT) return { ok: false, error: `unknown format ${JSON.stringify(v.format)} (expected ${STATE_FORMAT})` };
		const state = new ReadState();
		// checked as before (read first); applied seen first, so read wins for an id in both
		const read: Key[] = [];
		const readError = unpackKeys(v.read, (key) => read.push(key));
		if (readError) return { ok: false, error: `read: ${readError}` };
		const seenError = unpackKeys(v.seen, (key) => state.status.set(key, SEEN));
		if (seenError) return { ok: false, error: `seen: ${seenError}` };
		for (const key of read) state.status.set(key, READ);
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

export function packIds(ids: Iterable<string>): PackedIds {
	return packKeys(Array.from(ids, keyOfBase));
}

function packKeys(keys: Iterable<Key>): PackedIds {
	const byMonth = new Map<number, number[]>();
	const other: string[] = [];
	for (const key of keys) {
		if (typeof key === 'string') {
			other.push(key);
			continue;
		}
		const month = Math.floor(key / MONTH_SCALE);
		const list = byMonth.get(month);
		if (list) list.push(key % MONTH_SCALE);
		else byMonth.set(month, [key % MONTH_SCALE]);
	}
	const months: Record<string, string> = {};
	for (const month of [...byMonth.keys()].sort((x, y) => x - y)) {
		const numbers = (byMonth.get(month) as number[]).sort((x, y) => x - y);
		let previous = 0;
		months[String(month).padStart(4, '0')] = numbers
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
	const ids: string[] = [];
	const error = unpackKeys(value, (key) => ids.push(idOfKey(key)));
	return error ? { error } : { ids };
}

/** a month's packed numbers: base-36 gaps of 1 to 4 digits, comma-separated */
const PACKED_GAPS = /^[0-9a-z]{1,4}(?:,[0-9a-z]{1,4})*$/;

/** Calls `add` with each packed id's key, in no set order; returns what is wrong with `value`, if anything. */
function unpackKeys(value: unknown, add: (key: Key) => void): string | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
	const { months, other } = value as Partial<PackedIds>;
	if (!months || typeof months !== 'object' || Array.isArray(months)) return 'months is not an object';
	if (!Array.isArray(other) || other.some((id) => !isStoredPaperId(id))) return 'other is not a list of ids';
	for (const id of other) add(keyOfBase(id));
	for (const [yymm, packed] of Object.entries(months)) {
		if (!/^\d{4}$/.test(yymm) || typeof packed !== 'string') return `bad month ${JSON.stringify(yymm)}`;
		if (packed === '') continue;
		if (!PACKED_GAPS.test(packed)) return `bad number in ${yymm}`;
		const month = Number(yymm);
		const limit = 10 ** arxivNumberDigits(month);
		const base = month * MONTH_SCALE;
		// by character codes: parseInt and a string per gap were most of the time of a start's read
		let n = 0;
		let gap = 0;
		for (let i = 0; i <= packed.length; i++) {
			const c = i < packed.length ? packed.charCodeAt(i) : 44;
			if (c !== 44) {
				gap = gap * 36 + (c <= 57 ? c - 48 : c - 87);
				continue;
			}
			n += gap;
			gap = 0;
			if (n >= limit) return `number out of range in ${yymm}`;
			add(base + n);
		}
	}
	return undefined;
}
