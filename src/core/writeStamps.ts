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
 * How long a writer is named in `builtOn`: a window's writer lives as long as the window, and every
 * window started is a new one, so a writer is let go once the window it names started longer ago than
 * this (its id begins with that time: writerStart). A window open longer than that whose own last change
 * no later value names merges it from the newest value both sides still name, if any.
 */
const WRITER_NAMED_MS = 90 * 24 * 60 * 60 * 1000;
/** writers of versions whose ids tell no time (random, at most 8 characters) named at most: the latest ones */
const MAX_UNTIMED_WRITERS = 64;
/** a writer id's random tail after its start time (base 36) */
const WRITER_RANDOM = 5;

/** when the writer `id` started (its window), for an id of this version (a time, then WRITER_RANDOM characters); undefined for an older one */
function writerStart(id: string): number | undefined {
	if (id.length < 12) return undefined;
	const start = parseInt(id.slice(0, -WRITER_RANDOM), 36);
	return Number.isSafeInteger(start) ? start : undefined;
}

/** How a stored value stands to the writes a store has made or read. */
export type StampAge = 'unstamped' | 'older' | 'seen' | 'newer';

export class WriteStamps {
	/** this store's name in the stamps of its writes: when it started, then a random tail */
	private readonly writer: string;
	private writes = 0;
	/** writer → the latest of its writes this store has read or made */
	private readonly latest = new Map<string, number>();

	constructor(private readonly now: () => number = Date.now) {
		this.writer = now().toString(36) + Math.random().toString(36).slice(2, 2 + WRITER_RANDOM).padEnd(WRITER_RANDOM, '0');
	}

	/** The stamp of a new write of this store. */
	next(): string {
		this.writes++;
		this.note(this.writer, this.writes);
		this.prune();
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
		this.prune();
	}

	private note(writer: string, n: number): void {
		if (n <= (this.latest.get(writer) ?? 0)) return;
		// the latest written last: the oldest of the untimed writers are let go first
		this.latest.delete(writer);
		this.latest.set(writer, n);
	}

	/** Lets go of the writers no longer named (see WRITER_NAMED_MS, MAX_UNTIMED_WRITERS). */
	private prune(): void {
		const oldest = this.now() - WRITER_NAMED_MS;
		let untimed = 0;
		for (const id of [...this.latest.keys()].reverse()) {
			if (id === this.writer) continue;
			const start = writerStart(id);
			if (start === undefined ? ++untimed > MAX_UNTIMED_WRITERS : start < oldest) this.latest.delete(id);
		}
	}
}

/**
 * Does `raw` name the writes it builds on? A value of a version before `builtOn` (stamped or not) does
 * not: whether it saw a window's last write cannot be told, and it is taken whole as that version did.
 */
export function namesWhatItBuildsOn(raw: unknown): boolean {
	const builtOn = builtOnField(raw);
	return typeof builtOn === 'object' && builtOn !== null;
}

/**
 * Is an unstamped stored value (its JSON) the echo of one a store held before (`held`: the values it
 * read or wrote, with their stamps, an unstamped one with its JSON)? Only once it held a stamped one: an
 * unstamped value then comes back from before (nothing stored yet, or an older version's) as an echo.
 */
export function isUnstampedEcho(held: readonly { stamp?: string; json?: string }[], json: string): boolean {
	return held.some((k) => k.stamp !== undefined) && held.some((k) => k.json === json);
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
	const builtOn = builtOnField(raw);
	if (typeof builtOn !== 'object' || builtOn === null) return {};
	const out: Record<string, number> = {};
	for (const [writer, n] of Object.entries(builtOn)) if (/^[0-9a-z]+$/.test(writer) && Number.isSafeInteger(n) && (n as number) > 0) out[writer] = n as number;
	return out;
}

function builtOnField(raw: unknown): unknown {
	return typeof raw === 'object' && raw !== null ? (raw as { builtOn?: unknown }).builtOn : undefined;
}

function stampOf(raw: unknown): { writer: string; n: number } | undefined {
	const stamp = typeof raw === 'object' && raw !== null ? (raw as { stamp?: unknown }).stamp : undefined;
	const m = typeof stamp === 'string' ? /^([0-9a-z]+):(\d+)$/.exec(stamp) : null;
	return m ? { writer: m[1], n: Number(m[2]) } : undefined;
}
