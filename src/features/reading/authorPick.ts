/**
 * Follow Author… without a name: a quick pick that lists, as the reader types, the author names of
 * these digests the text starts (in any order: `he kaim` lists Kaiming He), with their papers, asked
 * of the index shards (SearchService.authorsLike), and still takes the text as typed.
 */
import * as vscode from 'vscode';
import { nameStartsWith, typedNameParts } from '../../core/search/authorsLike';
import { papersCount } from '../counts';
import { BACK, createQuickPick, showInput, type OnShown } from '../quickInput';
import type { IDigestWorkspace } from '../workspace/types';

/** the names listed at most */
const SUGGESTED = 50;
/** the shards are asked once the typing pauses this long */
const TYPING_PAUSE_MS = 120;

interface AuthorRow extends vscode.QuickPickItem {
	/** the name to follow */
	readonly name: string;
}

/**
 * The name to follow: a row's (as the papers write it), or the text as typed; BACK from the Back button
 * `asStep` gives it (a step of Edit Interests), undefined on Escape. `problem` says what is wrong with
 * a typed text (a /regex/ with a typo): its row says so and Enter on it takes nothing.
 */
export function pickAuthor(workspace: IDigestWorkspace, problem: (text: string) => string | undefined, asStep?: OnShown): Promise<string | typeof BACK | undefined> {
	const pick = createQuickPick<AuthorRow>();
	pick.title = vscode.l10n.t('Follow Author');
	pick.placeholder = vscode.l10n.t('Type a name (e.g. Kaiming He): the authors of these digests are listed as you type');
	if (asStep) pick.buttons = [vscode.QuickInputButtons.Back];
	let back = false;
	/** the newest question to the shards: an older answer is not shown over it */
	let asked = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let suggested: AuthorRow[] = [];
	const typedRow = (text: string): AuthorRow[] => {
		if (text === '') return [];
		const wrong = problem(text);
		// the text in the description, not the label: the workbench sorts rows whose label has the typed text
		// first (an extension cannot turn that off), which put this row above the names and took it on Enter
		return [{ label: `$(person-add) ${vscode.l10n.t('Follow the name as typed')}`, description: wrong === undefined ? `“${text}”` : `“${text}”: ${wrong}`, name: text, alwaysShow: true }];
	};
	/**
	 * The names suggested for the text typed so far, the most papers first, then the text as typed
	 * (unless it is one of them): Enter takes the name the digests write (`he kaim` followed as typed
	 * marks nothing). While the answer for newer text is on its way, the names the text no longer
	 * starts are left out, and the typed row comes first when none is left.
	 */
	const show = () => {
		const text = pick.value.trim();
		const parts = typedNameParts(text);
		const names = suggested.filter((row) => nameStartsWith(parts, row.name));
		const same = names.some((row) => row.name.toLowerCase() === text.toLowerCase());
		pick.items = [...names, ...(same ? [] : typedRow(text))];
	};
	const suggest = async (text: string) => {
		const question = ++asked;
		const backend = typedNameParts(text).length > 0 && workspace.files().length > 0 ? await workspace.backend() : undefined;
		let names: [string, number][] = [];
		try {
			names = backend ? await backend.service.authorsLike(text, SUGGESTED) : [];
		} catch {
			// no suggestion: the typed text is still taken
		}
		if (question !== asked) return;
		// kept whatever the text: the pick's own filter would hide `Kaiming He` for `he kaim`
		suggested = names.map(([name, papers]) => ({ label: name, description: papersCount(papers, vscode.l10n), name, alwaysShow: true }));
		pick.busy = false;
		show();
	};
	const listeners: vscode.Disposable[] = [
		pick.onDidChangeValue((value) => {
			show();
			if (timer) clearTimeout(timer);
			pick.busy = typedNameParts(value).length > 0;
			timer = setTimeout(() => void suggest(value), TYPING_PAUSE_MS);
		}),
		pick.onDidTriggerButton((button) => {
			if (button !== vscode.QuickInputButtons.Back) return;
			back = true;
			pick.hide();
		}),
		new vscode.Disposable(() => {
			asked++;
			if (timer) clearTimeout(timer);
		}),
		...(asStep ? [asStep(pick)] : []),
	];
	return new Promise((resolve) => {
		let answer: string | undefined;
		listeners.push(
			pick.onDidAccept(() => {
				const name = pick.activeItems[0]?.name;
				// Enter on a typed text with a problem takes nothing: the pick stays, its row saying why
				if (name === undefined || problem(name) !== undefined) return;
				answer = name;
				pick.hide();
			}),
			pick.onDidHide(() => {
				for (const listener of listeners) listener.dispose();
				pick.dispose();
				resolve(back ? BACK : answer);
			}),
		);
		showInput(pick);
	});
}
