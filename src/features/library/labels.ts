/**
 * The library's words in the reader's language: the star buttons' collection is stored as "Starred"
 * (core/library/model STARRED) and shown as the card's and CodeLens' "Starred" is; the core's English
 * reasons a collection name is refused, and why a file is no reading state, are written with `l10n.t`.
 *
 * Imports only vscode's types so the unit tests can run it: the caller passes `vscode.l10n`. (The type
 * import tells `npm run l10n` that the `l10n.t` calls below are vscode's.)
 */
import type { l10n } from 'vscode';
import { STARRED, type CollectionNameIssue } from '../../core/library/model';
import { READING_STATE_FORMAT, type EnvelopeFault } from '../../core/library/readingState';
import type { L10n } from '../diagnosticText';

/** `vscode.l10n`, or a stand-in with its `t` (the tests) */
type Translator = L10n | typeof l10n;

/** A collection's name as shown: the stored name, but Starred's in the reader's language. */
export function collectionLabel(name: string, l10n: Translator): string {
	return name === STARRED ? l10n.t('Starred') : name;
}

export function collectionNameIssueText(issue: CollectionNameIssue, l10n: Translator): string {
	switch (issue.kind) {
		case 'empty':
			return l10n.t('A collection needs a name.');
		case 'too-long':
			return l10n.t('A collection name has at most {0} characters.', issue.max);
		case 'taken':
			return l10n.t('There is already a collection "{0}".', collectionLabel(issue.name, l10n));
		case 'reserved':
			return l10n.t('"{0}" is the Collections view\'s group of your notes: choose another name.', issue.name);
	}
}

/** Why a file is no reading state, in the editor's language (core's envelopeFaultText is the English). */
export function envelopeFaultMessage(fault: EnvelopeFault, l10n: Translator): string {
	switch (fault.kind) {
		case 'json':
			// the JSON parser's own message stays as the runtime gives it
			return l10n.t('it is not valid JSON ({0})', fault.detail);
		case 'object':
			return l10n.t('it is not a JSON object');
		case 'marker':
			return l10n.t('it has no "format": "{0}" marker', READING_STATE_FORMAT);
		case 'version':
			return l10n.t('its "version" is missing or not a positive whole number');
		case 'newer':
			return l10n.t('it was written in format {0} by a newer version of arXiv Digest', fault.detail);
		case 'parts':
			return l10n.t('"parts" is not an object');
	}
}
