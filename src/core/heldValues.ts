/**
 * The values a store held over a session (the stored library or read marks it read or wrote), kept to
 * find the newest one another window or machine built on too: the base of a merge. All cannot be
 * kept (a value is up to a few hundred KB, written every few seconds), so the first is kept (what an
 * offline machine most likely started from too), the latest `recent`, and at most `older` before those,
 * spread over the session (the one whose neighbours are closest is let go first). With a `budget`, the
 * values also hold at most its bytes together: a library of 800 long notes (1.6 MB of JSON) edited all
 * day held 49 copies, ~80 MB; the oldest after the first go then, the first and the latest stay. vscode-free.
 */
export interface HeldBudget<T> {
	/** a value's size in bytes, about (a string's length × 2) */
	size(value: T): number;
	maxBytes: number;
}

export class HeldValues<T> {
	private readonly entries: { seq: number; value: T; bytes: number }[] = [];
	private seq = 0;
	private bytes = 0;

	constructor(
		private readonly recent = 32,
		private readonly older = 16,
		private readonly budget?: HeldBudget<T>,
	) {}

	add(value: T): void {
		const bytes = this.budget?.size(value) ?? 0;
		this.entries.push({ seq: this.seq++, value, bytes });
		this.bytes += bytes;
		if (this.entries.length > 1 + this.recent + this.older) this.drop(this.closest());
		// over the budget: the older ones first, then the oldest recent ones; never the first or the latest
		while (this.budget && this.bytes > this.budget.maxBytes && this.entries.length > 2) {
			this.drop(this.entries.length - this.recent > 1 ? this.closest() : 1);
		}
	}

	/** among the older ones (not the first, not the recent), the one whose neighbours are closest */
	private closest(): number {
		const end = this.entries.length - this.recent;
		let drop = 1;
		for (let i = 2; i < end; i++) {
			if (this.entries[i + 1].seq - this.entries[i - 1].seq < this.entries[drop + 1].seq - this.entries[drop - 1].seq) drop = i;
		}
		return drop;
	}

	private drop(index: number): void {
		this.bytes -= this.entries[index].bytes;
		this.entries.splice(index, 1);
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
