/**
 * Which window wrote a value that every window shares (globalState), and its how-manieth write:
 * a `stamp` of `writer:n` beside the value's own fields, which its readers ignore. The editor's
 * globalState may hand a window the echo of an earlier write (its own, or one it read from another
 * window) after a later one; by the stamp, a value older than one already seen from the same writer
 * is told from a real change, even one back to content a window held before. vscode-free.
 */

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
		this.latest.set(this.writer, this.writes);
		return `${this.writer}:${this.writes}`;
	}

	/** unstamped (none stored, or an older version's), older than a write of its writer already seen, that very write, or newer. */
	age(raw: unknown): StampAge {
		const stamp = stampOf(raw);
		if (!stamp) return 'unstamped';
		const latest = this.latest.get(stamp.writer) ?? 0;
		return stamp.n < latest ? 'older' : stamp.n === latest ? 'seen' : 'newer';
	}

	/** Notes a stored value this store read as current. */
	saw(raw: unknown): void {
		const stamp = stampOf(raw);
		if (stamp && stamp.n > (this.latest.get(stamp.writer) ?? 0)) this.latest.set(stamp.writer, stamp.n);
	}
}

function stampOf(raw: unknown): { writer: string; n: number } | undefined {
	const stamp = typeof raw === 'object' && raw !== null ? (raw as { stamp?: unknown }).stamp : undefined;
	const m = typeof stamp === 'string' ? /^([0-9a-z]+):(\d+)$/.exec(stamp) : null;
	return m ? { writer: m[1], n: Number(m[2]) } : undefined;
}
