/**
 * Counts and lists in the reader's language: "1 paper", "2 papers" (English has a singular; Chinese reads
 * 1 篇论文 either way); "A, B and C" / "A、B和C". Sentences take the count or the list as one value, so
 * their word order stays the translation's.
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The type
 * import tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import type { L10n } from './diagnosticText';

/** `vscode.l10n`, or a stand-in with its `t` (the tests) */
export type Translator = L10n | typeof l10n;

export function papersCount(n: number, l10n: Translator): string {
	return n === 1 ? l10n.t('1 paper') : l10n.t('{0} papers', n);
}

export function notesCount(n: number, l10n: Translator): string {
	return n === 1 ? l10n.t('1 note') : l10n.t('{0} notes', n);
}

/**
 * How listText joins: `and` a list read as one ("A, B and C", "A、B和C"), `list` a list of
 * alternatives or examples without a conjunction ("A, B, C", "A、B、C"), `clauses` whole clauses
 * ("A; B", "A；B").
 */
export type ListStyle = 'and' | 'list' | 'clauses';

/**
 * `items` joined with the punctuation of the translation (the separators are l10n strings, so the
 * joins follow the language of the words around them, which Intl.ListFormat on the editor's locale
 * would not where a language has no bundle); past `max` items, the first `max` and "…".
 */
export function listText(items: readonly string[], l10n: Translator, style: ListStyle = 'and', max = Infinity): string {
	if (items.length > max) return listText([...items.slice(0, max), '…'], l10n, 'list');
	if (items.length <= 1) return items[0] ?? '';
	const pair = style === 'clauses' ? (a: string, b: string) => l10n.t('{0}; {1}', a, b) : (a: string, b: string) => l10n.t('{0}, {1}', a, b);
	const head = items.slice(0, -1).reduce((text, item) => pair(text, item));
	return style === 'and' ? l10n.t('{0} and {1}', head, items[items.length - 1]) : pair(head, items[items.length - 1]);
}

/**
 * The fields of one label joined as a screen reader should pause between them ("cs.CV, 76 papers,
 * 3 matches"; Chinese "cs.CV，76 篇论文，3 篇匹配"): not a list of like items, which Chinese joins with 、.
 * The separator is its own translation (the same English as listText's, told apart by its comment).
 */
export function fieldsText(fields: readonly string[], l10n: typeof import('vscode').l10n): string {
	return fields.reduce((text, field) => l10n.t({ message: '{0}, {1}', args: [text, field], comment: 'fields of one spoken label' }));
}
