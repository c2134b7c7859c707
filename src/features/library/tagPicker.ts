/**
 * Edit Tags' picker: the tags in use, each with its number of papers, the paper's own checked; text
 * typed that names no tag in use becomes a "new tag" row, checked, at the top. What is checked on
 * Enter is what the paper keeps. For several papers the tags they all have are checked and those
 * only some have say how many: what is checked on Enter is added to all (see editTagsOfPapers).
 */
import * as vscode from 'vscode';
import { byUse, splitTags, type TagCount } from '../../core/library/model';
import { papersCount } from '../counts';
import { createQuickPick, pickAnswer } from '../quickInput';

interface TagItem extends vscode.QuickPickItem {
	/** the tags this row stands for: one for a tag in use, those typed for the new-tag row */
	readonly tags: readonly string[];
	readonly isNew?: boolean;
}

/** Several papers' tags: how many of them have each tag some but not all have, and how many papers there are. */
export interface PartlyTagged {
	readonly counts: ReadonlyMap<string, number>;
	readonly papers: number;
}

/**
 * The tags checked once the reader accepts (undefined: dismissed): `current`, the tags the paper (or
 * every paper of `partly`) has, start checked. `onShown` hears of the picker, and its answer is disposed once the picker is (tests).
 */
export function pickTags(
	subject: string,
	current: readonly string[],
	inUse: readonly TagCount[],
	partly?: PartlyTagged,
	onShown?: (pick: vscode.QuickPick<vscode.QuickPickItem>) => vscode.Disposable,
): Promise<string[] | undefined> {
	const known = new Set(inUse.map((t) => t.tag));
	// the paper's own first, then the most used
	const existing: TagItem[] = [...inUse]
		.sort((a, b) => Number(current.includes(b.tag)) - Number(current.includes(a.tag)) || byUse(a, b))
		.map(({ tag, count }) => {
			const some = partly && partly.counts.get(tag);
			const description = partly && some ? vscode.l10n.t('{0} · on {1} of the {2} selected', papersCount(count, vscode.l10n), some, partly.papers) : papersCount(count, vscode.l10n);
			return { label: tag, description, tags: [tag] };
		});
	const pick = createQuickPick<TagItem>();
	pick.title = vscode.l10n.t('Edit Tags: {0}', subject);
	pick.placeholder = partly
		? vscode.l10n.t('Checked tags go on all of them, unchecking one they all have takes it off; type new ones, then Enter')
		: vscode.l10n.t('Check the tags it has, or type new ones (spaces or commas between), then Enter');
	pick.canSelectMany = true;
	pick.matchOnDescription = false;
	pick.items = existing;
	pick.selectedItems = existing.filter((item) => current.includes(item.label));
	let newRow: TagItem | undefined;

	const typing = pick.onDidChangeValue((value) => {
		const fresh = splitTags(value).filter((t) => !known.has(t));
		const kept = pick.selectedItems.filter((item) => !item.isNew);
		newRow = fresh.length
			? { label: `$(add) ${fresh.join(' ')}`, description: fresh.length === 1 ? vscode.l10n.t('new tag') : vscode.l10n.t('new tags'), tags: fresh, isNew: true, alwaysShow: true }
			: undefined;
		pick.items = newRow ? [newRow, ...existing] : existing;
		pick.selectedItems = newRow ? [newRow, ...kept] : kept;
	});
	const shown = onShown?.(pick);
	return pickAnswer(pick, () => [...new Set(pick.selectedItems.flatMap((item) => item.tags))], shown ? [typing, shown] : [typing]);
}
