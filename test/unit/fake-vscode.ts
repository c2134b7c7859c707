/**
 * The little of `vscode` that the feature modules unit-tested in plain Node use (their event
 * emitters, the messages they may show), and a hook that hands it to them: a describe block calls
 * `withFakeVscode` with the `require` of its feature modules (a bundled module is initialised on that
 * call, so after the fake is in place).
 */
import Module from 'node:module';

export const fakeVscode = {
	EventEmitter: class<T> {
		private listeners: ((value: T) => void)[] = [];
		event = (listener: (value: T) => void) => {
			this.listeners.push(listener);
			return { dispose: () => undefined };
		};
		fire(value: T) {
			for (const l of this.listeners) l(value);
		}
		dispose() {
			this.listeners = [];
		}
	},
	window: { showWarningMessage: async () => undefined, showErrorMessage: async () => undefined },
	l10n: { t: (text: string) => text },
	env: { language: 'en' },
};

type ModuleLoader = { _load(request: string, parent: unknown, isMain: boolean): unknown };

/** Makes `require('vscode')` return fakeVscode until the returned function is called. */
function installFakeVscode(): () => void {
	const loader = Module as unknown as ModuleLoader;
	const load = loader._load;
	loader._load = function (request, parent, isMain) {
		return request === 'vscode' ? fakeVscode : load.call(this, request, parent, isMain);
	};
	return () => {
		loader._load = load;
	};
}

/** In a describe block: runs `load` with the fake in place before the block's tests, and puts `require` back after them. */
export function withFakeVscode(load: () => void): void {
	let restore: (() => void) | undefined;
	before(() => {
		restore = installFakeVscode();
		load();
	});
	after(() => restore?.());
}
