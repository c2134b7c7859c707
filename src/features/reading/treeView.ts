/**
 * The Papers view's share of reading: the activity-bar badge (new matches of the newest day), a
 * day shown (expanded) counts as seen, and excluded papers dimmed.
 */
import * as vscode from 'vscode';
import { addCounts, emptyCounts } from '../../core/readingMarks';
import type { DayNode, TreeNode } from '../../core/tree';
import { PaperDecorations, type DigestTreeProvider } from '../tree/provider';
import type { Reading } from '.';
import { matchCountNote } from './interests';

/** the badge follows marks after they settle */
const BADGE_DELAY_MS = 100;

/**
 * `changes`: the workspace's file changes. A new newest day that a filter of the view hides changes
 * no shown row, and fires nothing in the tree, but the badge counts it.
 */
export function connectTreeReading(view: vscode.TreeView<TreeNode>, provider: DigestTreeProvider, reading: Reading, changes: vscode.Event<unknown>): vscode.Disposable {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const updateBadge = () => {
		timer = undefined;
		// the newest day's, whatever a filter of the view shows
		const newest = provider.model.newestDay();
		const fresh = newest ? addCounts(emptyCounts(), newest.ids, newest.day, reading).freshMatches : 0;
		const day = newest?.day ?? '';
		const counted = fresh === 1 ? vscode.l10n.t('1 new match on {0}', day) : vscode.l10n.t('{0} new matches on {1}', fresh, day);
		// matched without the abstracts a start reads back meanwhile: the count may still change (or never will, for a digest it could not read)
		const note = matchCountNote(reading.interests);
		const tooltip = note ? vscode.l10n.t('{0} ({1})', counted, note) : counted;
		view.badge = fresh > 0 ? { value: fresh, tooltip } : undefined;
	};
	const schedule = () => {
		timer ??= setTimeout(updateBadge, BADGE_DELAY_MS);
	};
	const seen = (day: DayNode) => {
		reading.markSeen(day.categories.flatMap((c) => c.paperIds()), day.day);
	};
	const subscriptions = [
		vscode.window.registerFileDecorationProvider(new PaperDecorations()),
		reading.onDidChange(schedule),
		provider.onDidChangeTreeData(schedule),
		changes(schedule),
		view.onDidExpandElement((e) => {
			const node = e.element;
			if (node.kind === 'day') seen(node);
			else if (node.kind === 'category') seen(node.parent);
		}),
	];
	schedule();
	return {
		dispose() {
			if (timer) clearTimeout(timer);
			for (const s of subscriptions) s.dispose();
		},
	};
}
