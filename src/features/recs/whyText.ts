/**
 * For You's "why" line of a paper, in the reader's language: the words that weighed for it as a list
 * of the translation's punctuation (`robot, VLA, 机器人` / `robot、VLA、机器人`) and how many starred
 * papers share one of them ("also in 6 of your starred papers" read as all of them in all 6: a tester's); no weights, which told a reader nothing (`器人 +0.11`).
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The type
 * import tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import { listText, type Translator } from '../counts';
import type { Explanation } from './forYou';

/** `vscode.l10n` (counts' Translator, named here for `npm run l10n`) */
type L10n = Translator | typeof l10n;

/** The line, or undefined when there is nothing to say (a paper no interest matched, in the interests' ranking). */
export function whyText(why: Explanation | undefined, l10n: L10n): string | undefined {
	if (!why) return undefined;
	const words = listText(why.words, l10n, 'list');
	if (why.kind === 'interests') return why.words.length ? l10n.t('Matches your interests: {0}', words) : undefined;
	if (why.words.length === 0) return l10n.t('Why: no word of this paper weighed for it');
	return why.starred > 0 ? l10n.t('Why: {0} — one or more of them in {1} of your starred papers', words, why.starred) : l10n.t('Why: {0}', words);
}
