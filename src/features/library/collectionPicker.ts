/**
 * Add to Collection's picker: the collections, and a row that makes a collection of the text typed
 * when it names none (`$(add) New collection “Editing papers”`), so a reader who types a new name
 * and presses Enter gets that collection, as New Collection… and then the name would.
 */
import * as vscode from 'vscode';
import { createQuickPick, pickAnswer } from '../quickInput';

/** the row of a name typed in the box */
export interface TypedName extends vscode.QuickPickItem {
	readonly typed: string;
	readonly name?: undefined;
}

/**
 * The row picked (a collection's, or the typed name's), undefined when dismissed. `exists`: is a name
 * a collection's (case aside)? `onShown` hears of the picker, and its answer is disposed once the picker is (tests).
 */
export function pickOrName<T extends vscode.QuickPickItem & { name?: string }>(
	items: T[],
	title: string,
	placeHolder: string,
	exists: (name: string) => boolean,
	onShown?: (pick: vscode.QuickPick<vscode.QuickPickItem>) => vscode.Disposable,
): Promise<T | TypedName | undefined> {
	const pick = createQuickPick<T | TypedName>();
	pick.title = title;
	pick.placeholder = placeHolder;
	pick.items = items;
	const typing = pick.onDidChangeValue((value: string) => {
		const name = value.trim();
		const typed: TypedName = { label: `$(add) ${vscode.l10n.t('New collection “{0}”', name)}`, typed: name, alwaysShow: true };
		pick.items = name && !exists(name) ? [...items, typed] : items;
	});
	const shown = onShown?.(pick);
	return pickAnswer(pick, () => pick.selectedItems[0] ?? pick.activeItems[0], shown ? [typing, shown] : [typing]);
}
