/**
 * The read marks as a part of Export / Import Reading State and of the Settings Sync plan (see
 * features/library/readingState.ts): one registry decides what syncs within the budget.
 */
import * as vscode from 'vscode';
import { ReadState } from '../../core/readState';
import { listText, papersCount, type Translator } from '../counts';
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
			const fileRead = parsed.state.readIds().length;
			if (mode === 'replace') {
				store.restore(data);
				return vscode.l10n.t('read marks replaced ({0} read)', papersCount(fileRead, vscode.l10n));
			}
			// seen marks too, not only read ones: the file's unopened papers that were new here
			const changed = store.merge(parsed.state);
			const nowRead = changed.filter((id) => parsed.state.get(id) === 'read').length;
			// the stored marks cannot be read: this session's marks are not saved until the reader chooses
			return mergedMarksText({ fileRead, nowRead, nowSeen: changed.length - nowRead, sessionOnly: store.isBroken }, vscode.l10n);
		},
	};
}

/**
 * What Import Reading State (Merge) says of the read marks: what changed here first, by the mark each
 * paper got, then how many the file has read (`read marks merged (3 papers marked read and 245 papers
 * marked seen here; the file has 19 papers read)`). "19 read in the file, 264 marked here" read as
 * if 264 papers had been marked read.
 */
export function mergedMarksText(counts: { fileRead: number; nowRead: number; nowSeen: number; sessionOnly: boolean }, l10n: Translator): string {
	const fileRead = papersCount(counts.fileRead, l10n);
	const changes = [
		...(counts.nowRead > 0 ? [l10n.t('{0} marked read', papersCount(counts.nowRead, l10n))] : []),
		...(counts.nowSeen > 0 ? [l10n.t('{0} marked seen', papersCount(counts.nowSeen, l10n))] : []),
	];
	const text = changes.length
		? l10n.t('read marks merged ({0} here; the file has {1} read)', listText(changes, l10n), fileRead)
		: l10n.t('read marks unchanged (every mark of the file is here already; it has {0} read)', fileRead);
	return counts.sessionOnly ? l10n.t('{0}, for this session only (the stored read marks cannot be read)', text) : text;
}
