/**
 * The read marks as a part of Export / Import Reading State and of the Settings Sync plan (see
 * features/library/readingState.ts): one registry decides what syncs within the budget.
 */
import * as vscode from 'vscode';
import { ReadState } from '../../core/readState';
import { papersCount } from '../counts';
import type { ReadingStatePart } from '../library/readingState';
import { READ_STATE_KEY, type ReadStore } from './readStore';

/** read marks sync after the reader's own writing (stars, notes) when the budget is short */
const READ_MARKS_SYNC_PRIORITY = 20;

export function readMarksPart(store: ReadStore): ReadingStatePart {
	return {
		key: 'readMarks',
		label: vscode.l10n.t('read marks'),
		syncKey: READ_STATE_KEY,
		syncPriority: READ_MARKS_SYNC_PRIORITY,
		onDidChange: store.onDidChange,
		snapshot: () => store.snapshot(),
		validate: (data) => {
			const parsed = ReadState.parse(data);
			return parsed.ok ? undefined : parsed.error;
		},
		restore: async (data, mode) => {
			const parsed = ReadState.parse(data);
			if (!parsed.ok) throw new Error(parsed.error);
			const read = papersCount(parsed.state.readIds().length, vscode.l10n);
			if (mode === 'replace') {
				store.restore(data);
				return vscode.l10n.t('{0} read', read);
			}
			// seen marks too, not only read ones; how many papers the file changed, not its whole count
			const marked = papersCount(store.merge(parsed.state), vscode.l10n);
			// the stored marks cannot be read: this session's marks are not saved until the reader chooses
			return store.isBroken
				? vscode.l10n.t('{0} read in the file, {1} marked here for this session only (the stored read marks cannot be read)', read, marked)
				: vscode.l10n.t('{0} read in the file, {1} marked here', read, marked);
		},
	};
}
