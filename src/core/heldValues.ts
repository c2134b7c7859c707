/**
 * The values a store held over a session (the stored library or read marks it read or wrote), kept to
 * find the newest one another window or machine built on too: the base of a merge. All cannot be
 * kept (a value is up to a few hundred KB, written every few seconds), so the first is kept (what an
 * offline machine most likely started from too), the latest `recent`, and at most `older` before those,
 * spread over the session (the one whose neighbours are closest is let go first). vscode-free.
 */
export class HeldValues<T> {
	private readonly entries: { seq: number; value: T }[] = [];
	private seq = 0;

	constructor(
		private readonly recent = 32,
		private readonly older = 16,
	) {}

	add(value: T): void {
		this.entries.push({ seq: this.seq++, value });
		if (this.entries.length <= 1 + this.recent + this.older) return;
		// among the older ones (not the first, not the recent), the one whose neighbours are closest
		const end = this.entries.length - this.recent;
		let drop = 1;
		for (let i = 2; i < end; i++) {
			if (this.entries[i + 1].seq - this.entries[i - 1].seq < this.entries[drop + 1].seq - this.entries[drop - 1].seq) drop = i;
		}
		this.entries.splice(drop, 1);
	}

	/** The newest value `wanted` accepts. */
	newest(wanted: (value: T) => boolean): T | undefined {
		for (let i = this.entries.length - 1; i >= 0; i--) if (wanted(this.entries[i].value)) return this.entries[i].value;
		return undefined;
	}

	/** the values kept, oldest first */
	values(): T[] {
		return this.entries.map((e) => e.value);
	}
}
