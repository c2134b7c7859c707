/**
 * The rows of a tree the reader left expanded, by id, kept to be stored between sessions: the
 * workbench keeps an extension tree's expansion while the window lives, but sets the tree up anew,
 * every row in the state its item asks for, after a reload. At most `cap` ids, the ones expanded
 * longest ago forgotten first.
 */
export class ExpandedRows {
	/** in the order they were expanded, the latest last */
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

	/** Records that the row `id` was expanded or collapsed; whether what is stored changed. */
	set(id: string, expanded: boolean): boolean {
		if (!expanded) return this.ids.delete(id);
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
