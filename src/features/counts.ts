/**
 * Counts in the reader's language: "1 paper", "2 papers" (English has a singular; Chinese reads
 * 1 篇论文 either way). Sentences take the count as one value, so their word order stays the
 * translation's.
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The type
 * import tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import type { L10n } from './diagnosticText';

/** `vscode.l10n`, or a stand-in with its `t` (the tests) */
type Translator = L10n | typeof l10n;

export function papersCount(n: number, l10n: Translator): string {
	return n === 1 ? l10n.t('1 paper') : l10n.t('{0} papers', n);
}

export function notesCount(n: number, l10n: Translator): string {
	return n === 1 ? l10n.t('1 note') : l10n.t('{0} notes', n);
}
