/**
 * What to say of the tags a query asks for that no paper carries (`#robot` when papers are tagged
 * `robot-learning`): the search box and the Papers view's filter say it alike, with the tags like
 * each one, which the search box offers as rows and the view lists.
 */
import * as vscode from 'vscode';
import { byUse, tagsLike, type TagCount } from '../../core/library/model';
import { listText } from '../counts';

/** The tags of a query's `sets` (`tag:x`, as parseQuery writes `#x`; the excluded are elsewhere) that no paper carries, once each. */
export function missingTags(sets: readonly string[], inUse: readonly TagCount[]): string[] {
	const known = new Set(inUse.map(({ tag }) => tag));
	return [...new Set(sets.filter((set) => set.startsWith('tag:')).map((set) => set.slice('tag:'.length)))].filter((tag) => !known.has(tag));
}

/** The message for `missing` (see missingTags, not empty), and for each missing tag the tags like it, with their counts. */
export function unknownTagsAdvice(missing: readonly string[], inUse: readonly TagCount[]): { message: string; like: ({ missing: string } & TagCount)[] } {
	const like = missing.flatMap((m) => tagsLike(m, inUse).map(({ tag, count }) => ({ missing: m, tag, count })));
	const said = listText(missing.map((t) => `#${t}`), vscode.l10n);
	const message =
		like.length > 0
			? vscode.l10n.t('No paper is tagged {0}. Tags like it:', said)
			: inUse.length > 0
				? vscode.l10n.t('No paper is tagged {0}. Your tags: {1}', said, listText([...inUse].sort(byUse).map(({ tag }) => `#${tag}`), vscode.l10n, 'list', 8))
				: vscode.l10n.t('No paper is tagged {0}: you have no tags yet (Edit Tags… on a paper adds them).', said);
	return { message, like };
}
