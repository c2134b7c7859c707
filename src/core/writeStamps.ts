/**
 * Which window wrote a value that every window shares (globalState), and its how-manieth write:
 * a `stamp` of `writer:n` beside the value's own fields, which its readers ignore. The editor's
 * globalState may hand a window the echo of an earlier write (its own, or one it read from another
 * window) after a later one; by the stamp, a value older than one already seen from the same writer
 * is told from a real change, even one back to content a window held before. Beside it, `builtOn`
 * names the latest write of each writer the value builds on: a value that lacks a store's own last
 * write was changed without it (another machine, before Settings Sync met) and must be merged, not
 * taken whole. vscode-free.
 */

/**
 * the writers a stored value's `builtOn` names at most: the latest ones. A window's writer lives as
 * long as the window, and every window started is a new one; a window idle while this many others
 * wrote is no longer named, and its next change is merged from the newest library both sides hold.
 */
const MAX_SEEN_WRITERS = 64;

/** How a stored value stands to the writes a store has made or read. */
export type StampAge = 'unstamped' | 'older' | 'seen' | 'newer';

export class WriteStamps {
	/** this store's name in the stamps of its writes */
	private readonly writer = Math.random().toString(36).slice(2, 10) || 'w';
	private writes = 0;
	/** writer → the latest of its writes this store has read or made */
	private readonly latest = new Map<string, number>();

	/** The stamp of a new write of this store. */
	next(): string {
		this.writes++;
		this.note(this.writer, this.writes);
		return `${this.writer}:${this.writes}`;
	}

	/**
	 * The writes a new write of this store builds on, to store beside its stamp as `builtOn`: the
	 * latest write of each writer it has made or read, those the values it read had built on included.
	 */
	builtOn(): Record<string, number> {
		return Object.fromEntries(this.latest);
	}

	/**
	 * Does `raw`, written by another store, build on every write of this one? False when this store
	 * wrote since the value `raw` was built on (another window or machine changed the value without
	 * seeing this one's last change: Settings Sync keeps one side whole): the two must be merged.
	 */
	includesMine(raw: unknown): boolean {
		return this.writes === 0 || stampOf(raw)?.writer === this.writer || includesWrite(raw, `${this.writer}:${this.writes}`);
	}


	/** unstamped (none stored, or an older version's), older than a write of its writer already seen, that very write, or newer. */
	age(raw: unknown): StampAge {
		const stamp = stampOf(raw);
		if (!stamp) return 'unstamped';
		const latest = this.latest.get(stamp.writer) ?? 0;
		return stamp.n < latest ? 'older' : stamp.n === latest ? 'seen' : 'newer';
	}

	/** Notes a stored value this store read as current, and the writes it built on. */
	saw(raw: unknown): void {
		for (const [writer, n] of Object.entries(builtOnOf(raw))) this.note(writer, n);
		// the value's own write last: the newest noted, the last let go
		const stamp = stampOf(raw);
		if (stamp) this.note(stamp.writer, stamp.n);
	}

	private note(writer: string, n: number): void {
		if (n <= (this.latest.get(writer) ?? 0)) return;
		// the latest written last: the oldest writers are let go first
		this.latest.delete(writer);
		this.latest.set(writer, n);
		for (const old of this.latest.keys()) {
			if (this.latest.size <= MAX_SEEN_WRITERS) break;
			if (old !== this.writer) this.latest.delete(old);
		}
	}
}

/**
 * Does `raw` name the writes it builds on? A value of a version before `builtOn` (stamped or not) does
 * not: whether it saw a window's last write cannot be told, and it is taken whole as that version did.
 */
export function namesWhatItBuildsOn(raw: unknown): boolean {
	const builtOn = typeof raw === 'object' && raw !== null ? (raw as { builtOn?: unknown }).builtOn : undefined;
	return typeof builtOn === 'object' && builtOn !== null;
}

/** The stamp of a stored value, if it has one. */
export function stampText(raw: unknown): string | undefined {
	const stamp = stampOf(raw);
	return stamp && `${stamp.writer}:${stamp.n}`;
}

/** Is the write `stamp` in the history of `raw`: `raw` itself, or a write `raw` built on (its `builtOn`)? */
export function includesWrite(raw: unknown, stamp: string): boolean {
	const wanted = stampOf({ stamp });
	const own = stampOf(raw);
	if (!wanted || !own) return false;
	if (own.writer === wanted.writer) return own.n >= wanted.n;
	return (builtOnOf(raw)[wanted.writer] ?? 0) >= wanted.n;
}

/** a stored value's `builtOn` (see WriteStamps.builtOn), its well-formed entries */
function builtOnOf(raw: unknown): Record<string, number> {
	const seen = typeof raw === 'object' && raw !== null ? (raw as { builtOn?: unknown }).builtOn : undefined;
	if (typeof seen !== 'object' || seen === null) return {};
	const out: Record<string, number> = {};
	for (const [writer, n] of Object.entries(seen)) if (/^[0-9a-z]+$/.test(writer) && Number.isSafeInteger(n) && (n as number) > 0) out[writer] = n as number;
	return out;
}

function stampOf(raw: unknown): { writer: string; n: number } | undefined {
	const stamp = typeof raw === 'object' && raw !== null ? (raw as { stamp?: unknown }).stamp : undefined;
	const m = typeof stamp === 'string' ? /^([0-9a-z]+):(\d+)$/.exec(stamp) : null;
	return m ? { writer: m[1], n: Number(m[2]) } : undefined;
}
