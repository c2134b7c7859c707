/**
 * The listeners of one event, for the vscode-free core (the editor side has vscode.EventEmitter):
 * `add` answers a disposable that removes the listener, `fire` calls every listener added before
 * it, in order (one that removes itself or adds another meanwhile does not change that call).
 */
export class Listeners<A extends unknown[]> {
	private list: ((...args: A) => void)[] = [];

	add(listener: (...args: A) => void): { dispose(): void } {
		this.list = [...this.list, listener];
		return { dispose: () => (this.list = this.list.filter((l) => l !== listener)) };
	}

	fire(...args: A): void {
		for (const l of this.list) l(...args);
	}
}
