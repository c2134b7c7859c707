/**
 * Where Next Unread / Next Unread Match / Next New go: the next unread paper (an unread match; a new
 * paper, never seen before, as the Papers view marks it on its day) after the card's paper in its
 * digest, then through the other days, newest first, wrapping around; the newest day's first one
 * when no card is open; from a day or category selected in the Papers view, its first paper on.
 */
import { isMatch } from '../../core/interests';
import type { ReadingLookup } from '../../core/readingMarks';
import { paperIdsOf } from '../../core/summary';
import type { WalkStart } from '../paperActions';
import type { DigestFile } from '../workspace/types';
import type { CardRef } from './args';
import { newestFirst } from './step';

/** `new`: skips the papers seen before too, the repeats a fork re-lists from the days before */
export type NextPaperKind = 'unread' | 'match' | 'new';

/** The next unread (matching, new) paper after `from` (or from `at` on, when given); undefined when none is left. */
export function nextUnreadRef(
	files: readonly DigestFile[],
	from: CardRef | WalkStart | undefined,
	reading: Pick<ReadingLookup, 'statusOn' | 'match'>,
	kind: NextPaperKind,
): CardRef | undefined {
	const ordered = newestFirst(files);
	if (ordered.length === 0) return undefined;
	const after = from && 'id' in from ? from : undefined;
	let startFile = from?.uri ? ordered.findIndex((f) => f.uri.toString() === from.uri) : -1;
	// the walk looks from the paper after startIndex on, and ends, round the days, before wrapEnd
	let startIndex = -1;
	let wrapEnd = -1;
	if (startFile < 0 || !from) startFile = 0;
	else if ('id' in from) {
		const ids = paperIdsOf(ordered[startFile].digest);
		startIndex = wrapEnd = from.index !== undefined && ids[from.index] === from.id ? from.index : ids.indexOf(from.id);
	} else {
		startIndex = from.index - 1;
		wrapEnd = from.index;
	}
	// by id: a walk past every day parses none of their papers
	const wanted = (file: DigestFile, id: string) => {
		if (after && id === after.id) return false;
		const status = reading.statusOn(id, file.digest.day);
		if (kind === 'new') return status === 'new';
		if (status === 'read') return false;
		return kind === 'unread' || isMatch(reading.match(id));
	};
	// every file once, starting after the card's paper, ending with the part of its file before it
	for (let step = 0; step <= ordered.length; step++) {
		const f = (startFile + step) % ordered.length;
		const file = ordered[f];
		const ids = paperIdsOf(file.digest);
		const first = step === 0 ? startIndex + 1 : 0;
		const last = step === ordered.length ? wrapEnd : ids.length;
		for (let i = first; i < last; i++) if (wanted(file, ids[i])) return { uri: file.uri.toString(), id: ids[i], index: i };
	}
	return undefined;
}
