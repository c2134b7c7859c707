/**
 * Ids the reader chose lately, kept to be stored between sessions (the Papers view's expanded rows,
 * the files given a language by hand): at most `cap`, the ones added longest ago forgotten first.
 */
export class RecentSet {
	/** in the order they were added, the latest last */
	private readonly ids: Set<string>;

	/** `saved`: what toJSON gave, as read back from storage (anything else is taken for none) */
	constructor(
		saved: unknown,
		private readonly cap: number,
	) {
		const ids = Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : [];
		this.ids = new Set(ids.slice(Math.max(0, ids.length - cap)));
	}

	has(id: string): boolean {
		return this.ids.has(id);
	}

	/** Adds `id` (as the latest) or takes it out; whether what is stored changed. */
	set(id: string, present: boolean): boolean {
		if (!present) return this.ids.delete(id);
		const last = [...this.ids].at(-1);
		if (last === id) return false;
		this.ids.delete(id);
		this.ids.add(id);
		if (this.ids.size > this.cap) this.ids.delete(this.ids.values().next().value as string);
		return true;
	}

	toJSON(): string[] {
		return [...this.ids];
	}
}
