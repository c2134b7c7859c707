/**
 * When a card marks the paper it shows as read: at once, unless the card was opened to take the
 * keyboard focus (Enter in the Papers view, a search result); then once the card has it, or once it
 * is clear that it will not get it (the card moved on, hid or closed, or another editor came in front).
 *
 * Why (see CardPanel in features/cards): a read mark redraws the paper's day in the Papers view, and
 * VS Code's tree view ends every redraw by focusing its tree again while it believes it has the keys,
 * a belief it drops a timer's turn after they left, a turn that came 50–140 ms late on a busy
 * workbench. A mark sent as the keys went from the view to the card could take them back to the view.
 */
export class ReadOnFocus {
	/** the card was opened to take the keys and has not said it has them */
	private awaiting = false;
	/** the paper shown while awaiting, not yet marked */
	private pending: string | undefined;

	constructor(private readonly markRead: (id: string) => void) {}

	/** whether the card was opened to take the keys and has not said it has them (nor given up) */
	get waiting(): boolean {
		return this.awaiting;
	}

	/** The card is opened to take the keyboard focus: what it shows is marked once it has it (see settled). */
	expectFocus(): void {
		this.awaiting = true;
	}

	/** The card shows paper `id` (again, after an edit or a star: marking a read paper changes nothing). */
	shown(id: string): void {
		// the card moved on before it had the keys: the paper it showed was read all the same
		if (this.pending !== undefined && this.pending !== id) this.flush();
		if (this.awaiting) this.pending = id;
		else this.markRead(id);
	}

	/** The card has the keys, or will not get them: the paper waiting is marked, and the next at once. */
	settled(): void {
		this.awaiting = false;
		this.flush();
	}

	private flush(): void {
		const id = this.pending;
		this.pending = undefined;
		if (id !== undefined) this.markRead(id);
	}
}
