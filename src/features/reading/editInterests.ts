/**
 * The commands that edit the interests from a list rather than a selection: Edit Interests (add a
 * keyword, an author, a category or an excluded keyword; remove one; open the settings) and Follow /
 * Unfollow Category on a Papers view category row. They write the settings Add Selection to
 * Interests and Follow Author write, through addInterest and removeInterest (editInterestAndSay).
 */
import * as vscode from 'vscode';
import { categoryFollowing, firstCategoryFollowing, splitTermList, type InterestEntryCounts, type InterestSpec } from '../../core/interests';
import { filterValueText } from '../../core/search/query';
import { categoryCounts, NO_CATEGORY, type CategoryNode } from '../../core/tree';
import { QUERY_IDS_COMMAND, type QueryIdsResult } from '../search';
import { papersCount } from '../counts';
import { pickAuthor } from './authorPick';
import { BACK, createQuickPick, inputStep, pickStep, showInput, showInputBox, showQuickPick, type OnShown } from '../quickInput';
import { errorText } from '../log';
import type { IDigestWorkspace } from '../workspace/types';
import { addInterest, categoryFollowingText, INTEREST_SETTINGS_QUERY, interestListName, interestTermProblem, removeInterest, type InterestList } from './interests';
import { confirmDone, showErrorMessage, showInformationMessage, showWarningMessage } from '../messages';

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
	// an entry that would mark nothing (a regex with a typo, a 300-character selection) is not added as if it would
	const problem = edit === 'add' ? interestTermProblem(list, term) : undefined;
	if (problem !== undefined) {
		void showWarningMessage(vscode.l10n.t('Not added to your interests: {0}', problem));
		return problem;
	}
	const { changed, inWorkspace } = edit === 'add' ? await addInterest(list, term) : await removeInterest(list, term);
	const message = EDIT_MESSAGES[edit][changed ? 'changed' : 'unchanged'](term, interestListName(list, inWorkspace));
	confirmDone(`$(sparkle) ${message}`, 4000);
	return message;
}

/**
 * After `name` was followed by typing it: says so when no paper of these digests lists that author (the
 * first-hour review: `He Kaiming`, written family name first, marked nothing, silently). Names are
 * matched as the papers write them; a workspace without digests is not asked.
 */
export async function sayIfNoPaperBy(workspace: IDigestWorkspace, name: string): Promise<void> {
	if (workspace.files().length === 0) return;
	let result: QueryIdsResult | undefined;
	try {
		result = await vscode.commands.executeCommand<QueryIdsResult | undefined>(QUERY_IDS_COMMAND, `author:${filterValueText(name.trim(), true)}`);
	} catch {
		return;
	}
	if (!result || !('ids' in result) || result.ids.length > 0) return;
	void showInformationMessage(vscode.l10n.t('No paper in these digests lists “{0}” as an author yet: names are matched as the papers write them, given name first (Kaiming He).', name.trim()));
}

/** Adds the `terms` typed for `list`, one after the other, saying each; an author no paper here lists is said too (sayIfNoPaperBy). What was said last. */
async function addTypedAndSay(workspace: IDigestWorkspace, list: InterestList, terms: readonly string[]): Promise<string | undefined> {
	let said: string | undefined;
	for (const term of terms) said = await editInterestAndSay('add', list, term);
	if (list === 'authors') for (const term of terms) void sayIfNoPaperBy(workspace, term);
	return said;
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

/** a row of Edit Interests: add to a list, remove an entry, open the settings, done, or a separator */
interface EditChoice extends vscode.QuickPickItem {
	readonly add?: InterestList;
	/** the text typed into the list's own box, to add as keywords (see typedRow) */
	readonly typed?: string;
	readonly remove?: InterestList;
	readonly term?: string;
	readonly settings?: true;
	readonly done?: true;
}

/**
 * The row for text typed into the list's own box (where its placeholder is): the workbench filters the
 * rows by it, so every add row went and the text was lost; this one stays, first, and adds it.
 */
function typedRow(value: string): EditChoice[] {
	const text = value.trim();
	return text === '' ? [] : [{ label: `$(add) ${vscode.l10n.t('Add “{0}” as a keyword', text)}`, typed: text, alwaysShow: true }];
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

/**
 * How many papers each interest marks, as far as it is known (InterestsService.entryCounts): the
 * counts, 'counting' until the matches of `spec` are made, undefined when there are no digests.
 */
export interface InterestCounts {
	entryCounts(spec: InterestSpec): InterestEntryCounts | 'counting' | undefined;
	/** fires when the matches changed: the counts may be known, or others */
	readonly onDidChange: vscode.Event<void>;
}

/** What an entry's row says of the papers it marks, after its kind: "keyword · 312 papers", "author · marks no paper in these digests". */
function entryDescription(list: InterestList, count: number | 'counting' | undefined): string {
	if (count === undefined) return kindName(list);
	const papers = count === 'counting' ? vscode.l10n.t('counting papers…') : count === 0 ? vscode.l10n.t('marks no paper in these digests') : papersCount(count, vscode.l10n);
	return `${kindName(list)} · ${papers}`;
}

function editChoices(spec: InterestSpec, counts: InterestEntryCounts | 'counting' | undefined): EditChoice[] {
	const removeButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: vscode.l10n.t('Remove') };
	const count = (list: InterestList, i: number) => (counts === 'counting' || counts === undefined ? counts : counts[list][i]);
	const entries: EditChoice[] = LISTS.flatMap((list) => spec[list].map((term, i) => ({ label: `${ICONS[list]} ${term}`, description: entryDescription(list, count(list, i)), remove: list, term, buttons: [removeButton] })));
	return [
		{ label: `${ICONS.keywords} ${vscode.l10n.t('Add Keyword…')}`, description: vscode.l10n.t('a word, "phrase", /regex/ or Chinese text'), add: 'keywords' },
		{ label: `$(person-add) ${vscode.l10n.t('Follow Author…')}`, add: 'authors' },
		{ label: `${ICONS.categories} ${vscode.l10n.t('Follow Category…')}`, description: vscode.l10n.t("from this workspace's categories"), add: 'categories' },
		{ label: `${ICONS.exclude} ${vscode.l10n.t('Exclude Keyword…')}`, description: vscode.l10n.t('papers with it are dimmed and never match'), add: 'exclude' },
		...(entries.length > 0 ? [{ label: vscode.l10n.t('Your interests: pick one to remove it'), kind: vscode.QuickPickItemKind.Separator }, ...entries] : []),
		{ label: '', kind: vscode.QuickPickItemKind.Separator },
		{ label: `$(gear) ${vscode.l10n.t('Open Interests Settings')}`, settings: true },
		{ label: `$(check) ${vscode.l10n.t('Done')}`, description: vscode.l10n.t('or Escape'), done: true },
	];
}

/** The lists whose box takes several terms at once (`diffusion, "world model"`): a name may hold a comma. */
const LIST_BOXES: ReadonlySet<InterestList> = new Set(['keywords', 'exclude']);

/** The terms typed into `list`'s box: several for a keyword box (see splitTermList), one else. */
function termsTyped(list: InterestList, text: string): string[] {
	return LIST_BOXES.has(list) ? splitTermList(text) : text.trim() === '' ? [] : [text.trim()];
}

/** What is wrong with a box's text: the first of its terms that would mark nothing (see interestTermProblem). */
function typedProblem(list: InterestList, text: string): string | undefined {
	for (const term of termsTyped(list, text)) {
		const problem = interestTermProblem(list, term);
		if (problem !== undefined) return problem;
	}
	return undefined;
}

/**
 * The terms to add to `list`: typed (a keyword box may list several), or for a category picked from
 * the workspace's own; BACK when `asStep` gave it a Back button, pressed, or Enter on an empty box.
 */
async function askTerms(list: InterestList, workspace: IDigestWorkspace, spec: InterestSpec, asStep?: OnShown): Promise<string[] | typeof BACK | undefined> {
	if (list === 'categories') {
		const picked = await pickCategory(workspace, spec, asStep);
		return picked === BACK || picked === undefined ? picked : [picked];
	}
	if (list === 'authors') {
		// the names of these digests listed as the name is typed; the text as typed taken too
		const picked = await pickAuthor(workspace, (text) => typedProblem('authors', text), asStep);
		return picked === BACK || picked === undefined ? picked : [picked];
	}
	const prompts: Record<Exclude<InterestList, 'categories' | 'authors'>, vscode.InputBoxOptions> = {
		keywords: { title: vscode.l10n.t('Add Keyword'), prompt: vscode.l10n.t('Papers with this word, "phrase", /regex/ or Chinese text are marked ✦'), placeHolder: vscode.l10n.t('e.g. diffusion, "world model", 扩散模型') },
		exclude: { title: vscode.l10n.t('Exclude Keyword'), prompt: vscode.l10n.t('Papers with this word, "phrase" or /regex/ are dimmed and never count as matches') },
	};
	// a regex with a typo, or text that would mark nothing, is said under the box as it is typed, not added
	const validate = (value: string) => typedProblem(list, value);
	const typed = asStep ? await inputStep({ ...prompts[list], validate }, asStep) : await showInputBox({ ...prompts[list], validateInput: validate });
	if (typed === BACK || typed === undefined) return typed;
	const terms = termsTyped(list, typed);
	// Enter on an empty step goes back to the list, as its Back button does
	return terms.length > 0 ? terms : asStep ? BACK : undefined;
}

/** A category of the workspace's to follow, the largest first; with `asStep`, a step with a Back button (BACK when pressed). */
async function pickCategory(workspace: IDigestWorkspace, spec: InterestSpec, asStep?: OnShown): Promise<string | typeof BACK | undefined> {
	const counts = categoryCounts(workspace.files().map((f) => f.digest))
		.filter((c) => c.name !== NO_CATEGORY)
		.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
	if (counts.length === 0) {
		void showInformationMessage(vscode.l10n.t('There are no categories to follow: no digests were found.'));
		return undefined;
	}
	const description = (follow: string, count: number) => {
		const following = categoryFollowing(spec.categories, follow);
		return following ? `${papersCount(count, vscode.l10n)} · ${categoryFollowingText(following)}` : papersCount(count, vscode.l10n);
	};
	// a row of its own name, the category it follows said where its papers state another (`Computer Vision [cs.CV]` → cs.CV)
	const items = counts.map((c) => ({ label: c.name, description: c.follow === c.name ? description(c.follow, c.count) : `→ ${c.follow} · ${description(c.follow, c.count)}`, follow: c.follow }));
	const options = { title: vscode.l10n.t('Follow Category'), placeHolder: vscode.l10n.t('Papers of this category will be marked as matches') };
	const picked = asStep ? await pickStep(items, options, asStep) : await showQuickPick(items, options);
	return picked === BACK ? BACK : picked?.follow;
}

/**
 * Edit Interests' list, open until Escape or Done, as a multi-step input: picking an entry (or its
 * remove button) removes it, an add row asks for the term in a step of its own (its Back button comes
 * back without adding, as Enter on it empty does; Escape there ends it all, as in VS Code's multi-step
 * inputs), and the list comes back showing what changed: the list's add row is the active row again,
 * and the placeholder says what was done (as the status bar does).
 */
function editInterestsList(workspace: IDigestWorkspace, spec: () => InterestSpec, onSpecChange: vscode.Event<void>, onShown: OnShown, counts: InterestCounts | undefined): Promise<void> {
	const pick = createQuickPick<EditChoice>();
	pick.title = vscode.l10n.t('Edit Interests');
	pick.matchOnDescription = true;
	const hint = vscode.l10n.t('Papers that match your interests are marked ✦ and can be listed first or alone');
	return new Promise((resolve) => {
		/** a step of an add (its term) is shown in the list's place: the list's hiding does not end the editing */
		let stepping = false;
		let closed = false;
		/** tells of the list as the input shown again after a step (tests) */
		let tracked: vscode.Disposable | undefined;
		const subs: vscode.Disposable[] = [];
		const close = () => {
			if (closed) return;
			closed = true;
			tracked?.dispose();
			for (const sub of subs) sub.dispose();
			pick.dispose();
			resolve();
		};
		/** the interests the list's rows show, and the list last added to (its add row made the active row) */
		let listed: InterestSpec | undefined;
		let lastAdded: InterestList | undefined;
		/**
		 * the rows of the interests in effect; after an add, the add row of its list the active one: Enter
		 * adds another (on the entry added, a second Enter removed it, and its ✕ shows it was added)
		 */
		const relist = (keepActive = false) => {
			listed = spec();
			const typed = typedRow(pick.value);
			const active = pick.activeItems[0];
			pick.items = [...typed, ...editChoices(listed, counts?.entryCounts(listed))];
			// the counts filled in: the row the reader is on stays the active one (a new list of rows makes the first active)
			const row = keepActive ? active && pick.items.find((item) => sameRow(item, active)) : typed.length > 0 ? pick.items[0] : lastAdded && pick.items.find((item) => item.add === lastAdded);
			if (row) pick.activeItems = [row];
		};
		/** shows the list again: `said` in the placeholder, the add row of `added` the active row */
		const show = (said?: string, added?: InterestList) => {
			if (closed) return;
			lastAdded = added;
			relist();
			pick.placeholder = said ?? hint;
			pick.busy = false;
			pick.enabled = true;
			tracked?.dispose();
			tracked = onShown(pick);
			showInput(pick);
		};
		/** edits the settings (`terms` one after the other) with the list shown and busy meanwhile */
		const edit = async (how: 'add' | 'remove', list: InterestList, terms: readonly string[]) => {
			if (closed) return;
			pick.busy = true;
			pick.enabled = false;
			showInput(pick);
			let said: string | undefined;
			try {
				if (how === 'add') said = await addTypedAndSay(workspace, list, terms);
				else for (const term of terms) said = await editInterestAndSay(how, list, term);
			} catch (err) {
				// settings.json unwritable (it has errors, say): the list stays, unchanged, and the error is shown
				void showErrorMessage(errorText(err));
			}
			if (how === 'add' && said !== undefined) pick.value = '';
			show(said, how === 'add' && said !== undefined ? list : undefined);
		};
		const add = async (list: InterestList) => {
			stepping = true;
			const terms = await askTerms(list, workspace, spec(), onShown);
			stepping = false;
			if (terms === undefined) return close();
			if (terms === BACK) return show();
			await edit('add', list, terms);
		};
		subs.push(
			// the settings' change may reach the extension host after their write returned (the list then
			// showed the entry removed, or lacked the one added, until it closed), or come from elsewhere
			// (settings.json edited meanwhile): the rows follow it while the list is shown
			onSpecChange(() => {
				if (!closed && !stepping && pick.enabled && spec() !== listed) relist();
			}),
			// the counts are filled in when the matches are known (the list does not wait for them), and follow them
			...(counts ? [counts.onDidChange(() => {
				if (!closed && !stepping && pick.enabled) relist(true);
			})] : []),
			pick.onDidHide(() => {
				if (!stepping) close();
			}),
			pick.onDidTriggerItemButton(({ item }) => {
				if (item.remove && item.term !== undefined && pick.enabled) void edit('remove', item.remove, [item.term]);
			}),
			pick.onDidChangeValue(() => {
				if (!closed && pick.enabled) relist();
			}),
			pick.onDidAccept(() => {
				const item = pick.activeItems[0];
				if (!item || !pick.enabled) return;
				if (item.typed !== undefined) return void edit('add', 'keywords', splitTermList(item.typed));
				if (item.remove && item.term !== undefined) return void edit('remove', item.remove, [item.term]);
				if (item.add) return void add(item.add);
				pick.hide();
				if (item.settings) void vscode.commands.executeCommand('workbench.action.openSettings', INTEREST_SETTINGS_QUERY);
			}),
		);
		show();
	});
}

/** Whether two rows of the list do the same (the active row kept when the rows are made again: the counts filled in). */
function sameRow(a: EditChoice, b: EditChoice): boolean {
	return a.add === b.add && a.remove === b.remove && a.term === b.term && a.typed === b.typed && a.settings === b.settings && a.done === b.done && a.kind === b.kind && a.label === b.label;
}

/** The category a command names: a name as given (a keybinding, a test), or the one a Papers view row follows (CategoryNode.followName). */
function categoryOf(arg: unknown): string | undefined {
	return categoryNames(arg)[0];
}

/**
 * The names a command's category may be followed by: a name as given, or a row's followName and then
 * its own name (followed by it before this version followed what its papers state).
 */
function categoryNames(arg: unknown): string[] {
	const node = arg && typeof arg === 'object' && (arg as { kind?: unknown }).kind === 'category' ? (arg as Partial<CategoryNode>) : undefined;
	const names = typeof arg === 'string' ? [arg] : node ? [typeof node.followName === 'function' ? node.followName() : undefined, node.name] : [];
	const usable = names.flatMap((name) => (typeof name === 'string' && name.trim() !== '' && name !== NO_CATEGORY ? [name.trim()] : []));
	return node?.name === NO_CATEGORY ? [] : [...new Set(usable)];
}

/**
 * Unfollow Category on a category followed through a broader entry (`cs.CL` through `cs`): removing
 * `cs.CL` would change nothing, so it says so and offers to unfollow the broader one, or Edit Interests.
 * The question is not waited for: the command is done once it is asked.
 */
function offerToUnfollow(name: string, entry: string): void {
	const unfollow = vscode.l10n.t('Unfollow “{0}”', entry);
	const edit = vscode.l10n.t('Edit Interests…');
	const message = vscode.l10n.t('“{0}” is followed through “{1}” in your interests, which follows every category under it.', name, entry);
	void showInformationMessage(message, unfollow, edit).then((choice) => {
		if (choice === unfollow) void editInterestAndSay('remove', 'categories', entry);
		else if (choice === edit) void vscode.commands.executeCommand('arxivDigest.editInterests');
	});
}

export interface InterestEditing extends vscode.Disposable {
	/** Edit Interests' list or step while it is shown (tests) */
	shownInput(): vscode.QuickInput | undefined;
}

export function registerInterestEditing(workspace: IDigestWorkspace, spec: () => InterestSpec, onSpecChange: vscode.Event<void>, counts?: InterestCounts): InterestEditing {
	let shown: vscode.QuickInput | undefined;
	const onShown: OnShown = (input) => {
		shown = input;
		return new vscode.Disposable(() => {
			if (shown === input) shown = undefined;
		});
	};
	const disposables = [
		vscode.commands.registerCommand('arxivDigest.editInterests', async (arg?: unknown): Promise<string | undefined> => {
			const told = editArgument(arg);
			// told what to do (a keybinding's args, a test): that one thing, no list; it answers with what
			// it said in the status bar, undefined when the input for the term closed without one
			if (told?.remove && told.term !== undefined) return editInterestAndSay('remove', told.remove, told.term);
			if (!told?.add) return void (await editInterestsList(workspace, spec, onSpecChange, onShown, counts));
			if (told.term?.trim()) return editInterestAndSay('add', told.add, told.term.trim());
			const terms = await askTerms(told.add, workspace, spec());
			return Array.isArray(terms) ? addTypedAndSay(workspace, told.add, terms) : undefined;
		}),

		vscode.commands.registerCommand('arxivDigest.followCategory', async (arg?: unknown) => {
			const name = categoryOf(arg) ?? (await pickCategory(workspace, spec()));
			if (typeof name === 'string') await editInterestAndSay('add', 'categories', name);
		}),

		vscode.commands.registerCommand('arxivDigest.unfollowCategory', async (arg?: unknown) => {
			const names = categoryNames(arg);
			if (names.length === 0) return;
			const found = firstCategoryFollowing(spec().categories, names);
			if (found && !found.following.exact) return offerToUnfollow(found.name, found.following.entry);
			await editInterestAndSay('remove', 'categories', found?.following.entry ?? names[0]);
		}),
	];
	return Object.assign(vscode.Disposable.from(...disposables), { shownInput: () => shown });
}
