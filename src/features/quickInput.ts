/**
 * The quick picks and input boxes our commands open, all through here: they stay open over a
 * focused webview (see keepOpenOverWebview).
 */
import * as vscode from 'vscode';

/**
 * Whether a quick input should stay open when it loses the keyboard focus. Run from the palette
 * over a focused webview (a paper card, a preview), the palette gives the focus back to the
 * webview as it closes and the webview's iframe takes it a moment after our pick has shown
 * (microsoft/vscode#93950): without this the pick closes by itself, before the reader saw it.
 * Over a text editor a click elsewhere still dismisses it.
 */
function keepOpenOverWebview(): boolean {
	return vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview;
}

/** our quick inputs shown now (created ones between showInput and their hide; the API's own until they answer) */
let inputsShown = 0;

/** Counts `answer`'s input as shown until it answers. */
function shownUntil<T>(answer: Thenable<T>): Thenable<T> {
	inputsShown++;
	const settled = () => void inputsShown--;
	answer.then(settled, settled);
	return answer;
}

/** our created inputs (see counted), and those of them shown now (see showInput) */
const countedInputs = new WeakSet<vscode.QuickInput>();
const shownInputs = new WeakSet<vscode.QuickInput>();

/**
 * A created input, counted off as shown when it hides. The listener comes first, at creation: a
 * caller's own hide listener may dispose the input, and disposing its emitter stops the delivery of
 * that hide to the listeners after it (so a listener added at show never heard the search box hide,
 * and Escape in every card then went to a quick input no longer shown). The API fires onDidHide on
 * dispose too, so once more after a hide: counted off once.
 */
function counted<T extends vscode.QuickInput>(input: T): T {
	input.onDidHide(() => {
		if (shownInputs.delete(input)) inputsShown--;
	});
	countedInputs.add(input);
	return input;
}

/** Shows `input` (one of ours, from createQuickPick or inputStep: show them all through here), counted as shown until it hides or is disposed. */
export function showInput(input: vscode.QuickInput): void {
	// an input of another's making has no hide listener to count it off: counted, it would stay shown
	if (countedInputs.has(input) && !shownInputs.has(input)) {
		shownInputs.add(input);
		inputsShown++;
	}
	input.show();
}

/**
 * Whether one of our quick picks or input boxes is shown: opened over a card, the card's webview may
 * hold the keyboard focus meanwhile (microsoft/vscode#93950, see keepOpenOverWebview), and Escape
 * there is then meant for the input, not for the card.
 */
export function quickInputShown(): boolean {
	return inputsShown > 0;
}

/** `vscode.window.showInputBox`, kept open over a webview. */
export function showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined> {
	return shownUntil(vscode.window.showInputBox({ ignoreFocusOut: keepOpenOverWebview(), ...options }));
}

/** A command's string argument (a keybinding's `args`, another command), else what the reader types in an input box. */
export async function argOrInputBox(arg: unknown, options: vscode.InputBoxOptions): Promise<string | undefined> {
	return typeof arg === 'string' ? arg : showInputBox(options);
}

/** `vscode.window.showQuickPick`, kept open over a webview. */
export function showQuickPick<T extends vscode.QuickPickItem | string>(items: readonly T[], options: vscode.QuickPickOptions & { canPickMany: true }): Thenable<T[] | undefined>;
export function showQuickPick<T extends vscode.QuickPickItem | string>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
export function showQuickPick<T extends vscode.QuickPickItem | string>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | T[] | undefined> {
	// one call for strings and items, single and many: the API's overloads cannot take the union
	const show = vscode.window.showQuickPick as (items: readonly T[], options: vscode.QuickPickOptions) => Thenable<T | T[] | undefined>;
	return shownUntil(show(items, { ignoreFocusOut: keepOpenOverWebview(), ...options }));
}

/** `vscode.window.createQuickPick`, kept open over a webview when shown now; shown by showInput (or pickAnswer). */
export function createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
	const pick = counted(vscode.window.createQuickPick<T>());
	pick.ignoreFocusOut = keepOpenOverWebview();
	return pick;
}

/**
 * Shows `pick` and resolves with what `accepted` makes of it on Enter, or undefined once it is hidden
 * without; `listeners` (its value changes, say) are disposed with it.
 */
export function pickAnswer<T extends vscode.QuickPickItem, R>(pick: vscode.QuickPick<T>, accepted: () => R, listeners: vscode.Disposable[] = []): Promise<R | undefined> {
	return new Promise((resolve) => {
		let done = false;
		const subs = [
			...listeners,
			pick.onDidAccept(() => {
				done = true;
				resolve(accepted());
				pick.hide();
			}),
			pick.onDidHide(() => {
				if (!done) resolve(undefined);
				for (const sub of subs) sub.dispose();
				pick.dispose();
			}),
		];
		showInput(pick);
	});
}

/** What a step of a multi-step input resolves with when the reader presses its Back button. */
export const BACK: unique symbol = Symbol('back');

/** `onShown` hears of an input as it is shown; its answer is disposed with the input (tests follow the input shown). */
export type OnShown = (input: vscode.QuickInput) => vscode.Disposable;

/**
 * An input box as a step of a multi-step input, as vscode-extension-samples' quickinput-sample has
 * them: the text on Enter, BACK from its Back button, undefined on Escape.
 */
export function inputStep(options: vscode.InputBoxOptions & { validate?: (value: string) => string | undefined }, onShown?: OnShown): Promise<string | typeof BACK | undefined> {
	const box = counted(vscode.window.createInputBox());
	box.ignoreFocusOut = keepOpenOverWebview();
	box.title = options.title;
	box.prompt = options.prompt;
	box.placeholder = options.placeHolder;
	box.buttons = [vscode.QuickInputButtons.Back];
	/** what is wrong with the text typed, under the box as it is typed; Enter takes no text with a problem */
	const problem = (value: string) => options.validate?.(value);
	return new Promise((resolve) => {
		let answer: string | typeof BACK | undefined;
		const subs = [
			box.onDidChangeValue((value) => {
				box.validationMessage = problem(value);
			}),
			box.onDidAccept(() => {
				const wrong = problem(box.value);
				box.validationMessage = wrong;
				if (wrong !== undefined) return;
				answer = box.value;
				box.hide();
			}),
			box.onDidTriggerButton((button) => {
				if (button !== vscode.QuickInputButtons.Back) return;
				answer = BACK;
				box.hide();
			}),
			box.onDidHide(() => {
				for (const sub of subs) sub.dispose();
				box.dispose();
				resolve(answer);
			}),
		];
		if (onShown) subs.push(onShown(box));
		showInput(box);
	});
}

/** A quick pick as a step of a multi-step input: the row picked, BACK from its Back button, undefined on Escape. */
export function pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions, onShown?: OnShown): Promise<T | typeof BACK | undefined> {
	const pick = createQuickPick<T>();
	pick.title = options.title;
	pick.placeholder = options.placeHolder;
	pick.items = items;
	pick.buttons = [vscode.QuickInputButtons.Back];
	let back = false;
	const backed = pick.onDidTriggerButton((button) => {
		if (button !== vscode.QuickInputButtons.Back) return;
		back = true;
		pick.hide();
	});
	const listeners = onShown ? [backed, onShown(pick)] : [backed];
	return pickAnswer(pick, () => pick.activeItems[0], listeners).then((answer) => (back ? BACK : answer));
}
