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
			return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
		};
		fire(value: T) {
			for (const l of this.listeners) l(value);
		}
		dispose() {
			this.listeners = [];
		}
	},
	window: {
		showInformationMessage: async (..._args: unknown[]): Promise<unknown> => undefined,
		showWarningMessage: async () => undefined,
		showErrorMessage: async () => undefined,
		/** the status bar's passing messages (confirmDone): a test that reads them replaces this */
		setStatusBarMessage: (_text: string, _hide?: unknown): { dispose(): void } => ({ dispose: () => undefined }),
		/** the items made, newest last, for a test to look at */
		statusBarItems: [] as FakeStatusBarItem[],
		createStatusBarItem(id: string, alignment: number) {
			const item = new FakeStatusBarItem(id, alignment);
			fakeVscode.window.statusBarItems.push(item);
			return item;
		},
		/** the tree views made, newest last */
		treeViews: [] as FakeTreeView[],
		createTreeView(id: string) {
			const view = new FakeTreeView(id);
			fakeVscode.window.treeViews.push(view);
			return view;
		},
		registerFileDecorationProvider: () => ({ dispose: () => undefined }),
		/** the quick picks made, newest last */
		quickPicks: [] as FakeQuickPick[],
		createQuickPick() {
			const pick = new FakeQuickPick();
			fakeVscode.window.quickPicks.push(pick);
			return pick;
		},
		tabGroups: { activeTabGroup: { activeTab: undefined as unknown } },
		/** the editor decoration types made, newest last, with the options they were made with */
		decorationTypes: [] as { options: Record<string, unknown>; disposed: boolean; dispose(): void }[],
		createTextEditorDecorationType(options: Record<string, unknown>) {
			const type = { options, disposed: false, dispose: () => void (type.disposed = true) };
			fakeVscode.window.decorationTypes.push(type);
			return type;
		},
		visibleTextEditors: [] as unknown[],
		onDidChangeVisibleTextEditors: noEvent,
		/** a test changes the theme with `changeColorTheme` */
		activeColorTheme: { kind: 2 },
		onDidChangeActiveColorTheme: (listener: (theme: { kind: number }) => void) => {
			themeListeners.push(listener);
			return { dispose: () => themeListeners.splice(themeListeners.indexOf(listener) >>> 0, 1) };
		},
		activeTextEditor: undefined as unknown,
		onDidChangeTextEditorSelection: noEvent,
		/** the log channel: what is logged is dropped */
		createOutputChannel: () => ({ trace() {}, debug() {}, info() {}, warn() {}, error() {}, appendLine() {}, dispose() {} }),
	},
	commands: {
		/** the handlers registered, by command id (the latest of an id) */
		registered: new Map<string, (...args: unknown[]) => unknown>(),
		registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
			fakeVscode.commands.registered.set(id, handler);
			return { dispose: () => undefined };
		},
		executeCommand: async (..._args: unknown[]): Promise<unknown> => undefined,
	},
	workspace: {
		getConfiguration: () => ({ get: <T>(_key: string, fallback: T) => fallback }),
		onDidChangeConfiguration: noEvent,
		onDidChangeTextDocument: noEvent,
		/** the path after the last `/digests/`, as a workspace folder of that name would make it (with its name: `digests/…`) */
		asRelativePath: (uri: { path?: string; toString(): string }, includeFolder?: boolean) => String(uri.path ?? uri.toString()).replace(/^.*\/digests\//, includeFolder ? 'digests/' : ''),
		/** the workspace's one folder, `…/digests/` */
		getWorkspaceFolder: (uri: { path?: string }) => (uri.path?.includes('/digests/') ? { name: 'digests', index: 0 } : undefined),
		/** no editor open */
		textDocuments: [] as unknown[],
		/** files in memory, by URI text (a test puts and reads them) */
		fs: {
			files: new Map<string, Uint8Array>(),
			async readFile(uri: { toString(): string }): Promise<Uint8Array> {
				const bytes = fakeVscode.workspace.fs.files.get(uri.toString());
				if (!bytes) throw Object.assign(new Error(`no file ${uri.toString()}`), { code: 'FileNotFound' });
				return bytes;
			},
			async writeFile(uri: { toString(): string }, bytes: Uint8Array): Promise<void> {
				fakeVscode.workspace.fs.files.set(uri.toString(), bytes);
			},
			async rename(from: { toString(): string }, to: { toString(): string }): Promise<void> {
				const bytes = await fakeVscode.workspace.fs.readFile(from);
				fakeVscode.workspace.fs.files.delete(from.toString());
				fakeVscode.workspace.fs.files.set(to.toString(), bytes);
			},
			async createDirectory(): Promise<void> {},
		},
	},
	languages: {
		/** the document in `languageId` (a test that looks at the switch replaces it) */
		setTextDocumentLanguage: async <D extends object>(document: D, languageId: string): Promise<D> => ({ ...document, languageId }),
	},
	StatusBarAlignment: { Left: 1, Right: 2 },
	ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
	FileType: { File: 1, Directory: 2 },
	TabInputWebview: class {},
	ThemeIcon: class {
		constructor(
			readonly id: string,
			readonly color?: unknown,
		) {}
	},
	ThemeColor: class {
		constructor(readonly id: string) {}
	},
	TreeItem: class {
		constructor(
			readonly label: unknown,
			readonly collapsibleState?: number,
		) {}
	},
	TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
	/** the text appended, Markdown and plain alike; its trust and options as set */
	MarkdownString: class {
		isTrusted: unknown;
		supportHtml = false;
		constructor(
			public value = '',
			public supportThemeIcons = false,
		) {}
		appendText(text: string) {
			this.value += text;
			return this;
		}
		appendMarkdown(text: string) {
			this.value += text;
			return this;
		}
	},
	/** a URI as the tree's items carry it: its parts, printed as given */
	Uri: {
		from: (parts: Record<string, string>) => ({ ...parts, toString: () => `${parts.scheme}:${parts.path ?? ''}${parts.query ? `?${parts.query}` : ''}` }),
		parse: (text: string) => ({ scheme: text.slice(0, text.indexOf(':')), toString: () => text }),
		joinPath: (base: { scheme: string; path: string }, ...segments: string[]) => {
			const path = [base.path.replace(/\/$/, ''), ...segments].join('/');
			return { scheme: base.scheme, path, fsPath: path, toString: () => `${base.scheme}:${path}` };
		},
	},
	/** made with what it runs once disposed (as onShown and the sync warning make one), or `from` several */
	Disposable: class FakeDisposable {
		static from(...items: { dispose(): unknown }[]): { dispose(): void } {
			return { dispose: () => items.forEach((i) => i.dispose()) };
		}
		constructor(private readonly done: () => void = () => undefined) {}
		dispose(): void {
			this.done();
		}
	},
	// {0}, {1}… filled in as vscode.l10n.t does
	l10n: { t: (text: L10nMessage, ...args: unknown[]) => fillL10n(text, args) },
	ColorThemeKind: { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 },
	OverviewRulerLane: { Left: 1, Center: 2, Right: 4, Full: 7 },
	/** a desktop window on this machine's files; a test sets `uiKind` 2 for a browser, `remoteName` for a remote */
	env: { language: 'en', uiKind: 1, remoteName: undefined as string | undefined },
	UIKind: { Desktop: 1, Web: 2 },
};

const themeListeners: ((theme: { kind: number }) => void)[] = [];

/** The workbench's colour theme becomes one of `kind` (a `ColorThemeKind`). */
export function changeColorTheme(kind: number): void {
	fakeVscode.window.activeColorTheme = { kind };
	for (const listener of [...themeListeners]) listener({ kind });
}

/** an event nothing fires */
function noEvent() {
	return { dispose: () => undefined };
}

/** A tree view: each description and message set, in order, as the extension host would send them to the workbench. */
export class FakeTreeView {
	/** every set of `description` and `message`, in order (the extension host sends each, equal or not) */
	readonly sets: { description?: string; message?: string }[] = [];
	private currentDescription: string | undefined;
	private currentMessage: string | undefined;
	get description() {
		return this.currentDescription;
	}
	set description(value: string | undefined) {
		this.currentDescription = value;
		this.sets.push({ description: value });
	}
	get message() {
		return this.currentMessage;
	}
	set message(value: string | undefined) {
		this.currentMessage = value;
		this.sets.push({ message: value });
	}
	badge: unknown;
	visible = true;
	selection: unknown[] = [];
	private readonly selectionEmitter = new fakeVscode.EventEmitter<{ selection: readonly unknown[] }>();
	onDidChangeVisibility = noEvent;
	onDidExpandElement = noEvent;
	onDidCollapseElement = noEvent;
	onDidChangeSelection = this.selectionEmitter.event;
	constructor(readonly id: string) {}
	/** the workbench selected `rows` and told the extension host, which reports them */
	select(rows: unknown[]) {
		this.selection = rows;
		this.selectionEmitter.fire({ selection: rows });
	}
	dispose() {}
}

/** What a quick pick and an input box share: their text, shown or not, and Enter. */
class FakeQuickInput {
	value = '';
	title: string | undefined;
	placeholder: string | undefined;
	busy = false;
	buttons: unknown[] = [];
	visible = false;
	protected readonly accepted = new fakeVscode.EventEmitter<void>();
	private readonly changed = new fakeVscode.EventEmitter<string>();
	private readonly hidden = new fakeVscode.EventEmitter<void>();
	onDidAccept = this.accepted.event;
	onDidChangeValue = this.changed.event;
	onDidHide = this.hidden.event;
	show() {
		this.visible = true;
	}
	hide() {
		if (!this.visible) return;
		this.visible = false;
		this.hidden.fire();
	}
	/** the reader types `value` */
	type(value: string) {
		this.value = value;
		this.changed.fire(value);
	}
	dispose() {}
}

/** A quick pick: its items and state as set; the test picks a row with `accept`. */
export class FakeQuickPick extends FakeQuickInput {
	items: { label: string }[] = [];
	selectedItems: { label: string }[] = [];
	activeItems: { label: string }[] = [];
	onDidTriggerButton = noEvent;
	onDidTriggerItemButton = noEvent;
	/** the reader picks `item` with Enter */
	accept(item: { label: string }) {
		this.selectedItems = [item];
		this.accepted.fire();
	}
}

/** An input box (createInputBox): what a test types, its validation message, and Enter. */
export class FakeInputBox extends FakeQuickInput {
	prompt: string | undefined;
	validationMessage: unknown;
	ignoreFocusOut = false;
	private readonly button = new fakeVscode.EventEmitter<unknown>();
	onDidTriggerButton = this.button.event;
	/** the reader presses Enter */
	enter() {
		this.accepted.fire();
	}
}

/** A status bar item: what it says and whether it is shown, as the workbench would render it. */
export class FakeStatusBarItem {
	/** each text set, in order (a repeat is a needless render) */
	readonly texts: string[] = [];
	private currentText = '';
	get text() {
		return this.currentText;
	}
	set text(value: string) {
		this.currentText = value;
		this.texts.push(value);
	}
	name: string | undefined;
	tooltip: string | undefined;
	command: unknown;
	accessibilityInformation: unknown;
	visible = false;
	/** how often show() was called */
	shows = 0;
	disposed = false;
	constructor(
		readonly id: string,
		readonly alignment: number,
	) {}
	show() {
		this.visible = true;
		this.shows++;
	}
	hide() {
		this.visible = false;
	}
	dispose() {
		this.disposed = true;
		this.visible = false;
	}
}

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

/** what vscode.l10n.t takes: a message, or a message with its arguments and a comment for translators */
export type L10nMessage = string | { message: string; args?: unknown[]; comment: string | string[] };

/**
 * A message's text filled in as vscode.l10n.t does, looked up in `bundle` first: a message with a
 * comment under `message/comment`, as `npm run l10n` writes its key.
 */
export function fillL10n(text: L10nMessage, args: unknown[], bundle: Record<string, string | { message: string }> = {}): string {
	const message = typeof text === 'string' ? text : text.message;
	const key = typeof text === 'string' ? text : `${text.message}/${Array.isArray(text.comment) ? text.comment.join('') : text.comment}`;
	const values = typeof text === 'string' ? args : (text.args ?? []);
	const found = bundle[key];
	const translated = typeof found === 'string' ? found : (found?.message ?? message);
	return translated.replace(/\{(\d+)\}/g, (_, i: string) => String(values[Number(i)]));
}

