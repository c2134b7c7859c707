/**
 * The commands that edit the interests from a list rather than a selection: Edit Interests (add a
 * keyword, an author, a category or an excluded keyword; remove one; open the settings) and Follow /
 * Unfollow Category on a Papers view category row. They write the settings Add Selection to
 * Interests and Follow Author write, through addInterest and removeInterest (editInterestAndSay).
 */
import * as vscode from 'vscode';
import { followsCategory, type InterestSpec } from '../../core/interests';
import { categoryCounts, NO_CATEGORY } from '../../core/tree';
import { papersCount } from '../counts';
import { showInputBox, showQuickPick } from '../quickInput';
import type { IDigestWorkspace } from '../workspace/types';
import { addInterest, INTEREST_SETTINGS_QUERY, interestListName, removeInterest, type InterestList } from './interests';

/** the status bar's message for a change of the interests: done, or nothing to do; {0} the term, {1} the list (and where) */
const EDIT_MESSAGES = {
	add: {
		changed: (term: string, where: string) => vscode.l10n.t('Added “{0}” to your interests ({1}).', term, where),
		unchanged: (term: string, where: string) => vscode.l10n.t('“{0}” is already in your interests ({1}).', term, where),
	},
	remove: {
		changed: (term: string, where: string) => vscode.l10n.t('Removed “{0}” from your interests ({1}).', term, where),
		unchanged: (term: string, where: string) => vscode.l10n.t('“{0}” is not in your interests ({1}).', term, where),
	},
} as const;

/** Adds a term to a list or removes it, and says so in the status bar (done, or nothing to do, and where); resolves with what it said. */
export async function editInterestAndSay(edit: 'add' | 'remove', list: InterestList, term: string): Promise<string> {
	const { changed, inWorkspace } = edit === 'add' ? await addInterest(list, term) : await removeInterest(list, term);
	const message = EDIT_MESSAGES[edit][changed ? 'changed' : 'unchanged'](term, interestListName(list, inWorkspace));
	vscode.window.setStatusBarMessage(`$(sparkle) ${message}`, 4000);
	return message;
}

/** What Edit Interests is told to do by its argument (a keybinding's `args`, a test), skipping the picks it answers. */
interface EditArgument {
	readonly add?: InterestList;
	readonly remove?: InterestList;
	readonly term?: string;
}

const LISTS: readonly InterestList[] = ['keywords', 'authors', 'categories', 'exclude'];

function editArgument(arg: unknown): EditArgument | undefined {
	if (!arg || typeof arg !== 'object') return undefined;
	const { add, remove, term } = arg as Record<string, unknown>;
	const list = (value: unknown) => (LISTS as readonly unknown[]).includes(value) ? (value as InterestList) : undefined;
	return { add: list(add), remove: list(remove), term: typeof term === 'string' ? term : undefined };
}

const ICONS: Record<InterestList, string> = { keywords: '$(sparkle)', authors: '$(person)', categories: '$(symbol-folder)', exclude: '$(circle-slash)' };

/** a row of Edit Interests: add to a list, remove an entry, open the settings, or a separator */
interface EditChoice extends vscode.QuickPickItem {
	readonly add?: InterestList;
	readonly remove?: InterestList;
	readonly term?: string;
	readonly settings?: true;
}

/** The kind of an entry, as the pick's rows name it. */
function kindName(list: InterestList): string {
	switch (list) {
		case 'keywords':
			return vscode.l10n.t('keyword');
		case 'authors':
			return vscode.l10n.t('author');
		case 'categories':
			return vscode.l10n.t('category');
		case 'exclude':
			return vscode.l10n.t('excluded keyword');
	}
}

function editChoices(spec: InterestSpec): EditChoice[] {
	const entries: EditChoice[] = LISTS.flatMap((list) => spec[list].map((term) => ({ label: `${ICONS[list]} ${term}`, description: kindName(list), remove: list, term })));
	return [
		{ label: `${ICONS.keywords} ${vscode.l10n.t('Add Keyword…')}`, description: vscode.l10n.t('a word, "phrase", /regex/ or Chinese text'), add: 'keywords' },
		{ label: `$(person-add) ${vscode.l10n.t('Follow Author…')}`, add: 'authors' },
		{ label: `${ICONS.categories} ${vscode.l10n.t('Follow Category…')}`, description: vscode.l10n.t("from this workspace's categories"), add: 'categories' },
		{ label: `${ICONS.exclude} ${vscode.l10n.t('Exclude Keyword…')}`, description: vscode.l10n.t('papers with it are dimmed and never match'), add: 'exclude' },
		...(entries.length > 0 ? [{ label: vscode.l10n.t('Your interests: pick one to remove it'), kind: vscode.QuickPickItemKind.Separator }, ...entries] : []),
		{ label: '', kind: vscode.QuickPickItemKind.Separator },
		{ label: `$(gear) ${vscode.l10n.t('Open Interests Settings')}`, settings: true },
	];
}

/** The term to add to `list`: typed, or for a category picked from the workspace's own. */
async function askTerm(list: InterestList, workspace: IDigestWorkspace, spec: InterestSpec): Promise<string | undefined> {
	if (list === 'categories') return pickCategory(workspace, spec);
	const prompts: Record<Exclude<InterestList, 'categories'>, vscode.InputBoxOptions> = {
		keywords: { title: vscode.l10n.t('Add Keyword'), prompt: vscode.l10n.t('Papers with this word, "phrase", /regex/ or Chinese text are marked ✦'), placeHolder: vscode.l10n.t('e.g. diffusion, "world model", 扩散模型') },
		authors: { title: vscode.l10n.t('Follow Author'), prompt: vscode.l10n.t('Papers by this author will be marked as matches'), placeHolder: vscode.l10n.t('e.g. Kaiming He') },
		exclude: { title: vscode.l10n.t('Exclude Keyword'), prompt: vscode.l10n.t('Papers with this word, "phrase" or /regex/ are dimmed and never count as matches') },
	};
	const term = await showInputBox(prompts[list]);
	return term?.trim() || undefined;
}

async function pickCategory(workspace: IDigestWorkspace, spec: InterestSpec): Promise<string | undefined> {
	const counts = categoryCounts(workspace.files().map((f) => f.digest))
		.filter((c) => c.name !== NO_CATEGORY)
		.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
	if (counts.length === 0) {
		void vscode.window.showInformationMessage(vscode.l10n.t('There are no categories to follow: no digests were found.'));
		return undefined;
	}
	const items = counts.map((c) => ({ label: c.name, description: followsCategory(spec.categories, c.name) ? vscode.l10n.t('{0} · followed', papersCount(c.count, vscode.l10n)) : papersCount(c.count, vscode.l10n) }));
	const picked = await showQuickPick(items, { title: vscode.l10n.t('Follow Category'), placeHolder: vscode.l10n.t('Papers of this category will be marked as matches') });
	return picked?.label;
}

/** The category a command was given: a Papers view category row's name, or a string; undefined for "(no category)" or anything else. */
function categoryOf(arg: unknown): string | undefined {
	const name = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'category' ? (arg as { name?: unknown }).name : undefined;
	return typeof name === 'string' && name.trim() !== '' && name !== NO_CATEGORY ? name.trim() : undefined;
}

export function registerInterestEditing(workspace: IDigestWorkspace, spec: () => InterestSpec): vscode.Disposable {
	const disposables = [
		vscode.commands.registerCommand('arxivDigest.editInterests', async (arg?: unknown) => {
			const told = editArgument(arg);
			if (told?.remove && told.term !== undefined) return void (await editInterestAndSay('remove', told.remove, told.term));
			let list = told?.add;
			if (!list) {
				const picked = await showQuickPick(editChoices(spec()), { title: vscode.l10n.t('Edit Interests'), placeHolder: vscode.l10n.t('Papers that match your interests are marked ✦ and can be listed first or alone') });
				if (!picked) return;
				if (picked.settings) return void vscode.commands.executeCommand('workbench.action.openSettings', INTEREST_SETTINGS_QUERY);
				if (picked.remove && picked.term !== undefined) return void (await editInterestAndSay('remove', picked.remove, picked.term));
				list = picked.add;
			}
			if (!list) return;
			const term = told?.term?.trim() || (await askTerm(list, workspace, spec()));
			if (term) await editInterestAndSay('add', list, term);
		}),

		vscode.commands.registerCommand('arxivDigest.followCategory', async (arg?: unknown) => {
			const name = categoryOf(arg) ?? (await pickCategory(workspace, spec()));
			if (name) await editInterestAndSay('add', 'categories', name);
		}),

		vscode.commands.registerCommand('arxivDigest.unfollowCategory', async (arg?: unknown) => {
			const name = categoryOf(arg);
			if (name) await editInterestAndSay('remove', 'categories', name);
		}),
	];
	return vscode.Disposable.from(...disposables);
}
