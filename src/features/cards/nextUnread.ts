/**
 * Where Next Unread / Next Unread Match go: the next unread paper (a match, for the latter) after the
 * card's paper in its digest, then through the other days, newest first, wrapping around; the
 * newest day's first one when no card is open.
 */
import { isMatch } from '../../core/interests';
import type { ReadingLookup } from '../../core/readingMarks';
import type { DigestFile } from '../workspace/types';
import type { CardRef } from './args';

export function nextUnreadRef(files: readonly DigestFile[], from: CardRef | undefined, reading: Pick<ReadingLookup, 'statusOn' | 'match'>, onlyMatches: boolean): CardRef | undefined {
	const ordered = [...files].sort((a, b) => {
		const x = a.digest.day ?? '';
		const y = b.digest.day ?? '';
		if (x !== y) return x < y ? 1 : -1;
		const u = a.uri.toString();
		const v = b.uri.toString();
		return u < v ? -1 : u > v ? 1 : 0;
	});
	if (ordered.length === 0) return undefined;
	let startFile = from?.uri ? ordered.findIndex((f) => f.uri.toString() === from.uri) : -1;
	let startIndex = -1;
	if (startFile >= 0 && from) {
		const papers = ordered[startFile].digest.papers;
		startIndex = from.index !== undefined && papers[from.index]?.id === from.id ? from.index : papers.findIndex((p) => p.id === from.id);
	} else startFile = 0;
	const wanted = (file: DigestFile, i: number) => {
		const paper = file.digest.papers[i];
		if (from && paper.id === from.id) return false;
		if (reading.statusOn(paper.id, file.digest.day) === 'read') return false;
		return !onlyMatches || isMatch(reading.match(paper.id));
	};
	// every file once, starting after the card's paper, ending with the part of its file before it
	for (let step = 0; step <= ordered.length; step++) {
		const f = (startFile + step) % ordered.length;
		const file = ordered[f];
		const first = step === 0 ? startIndex + 1 : 0;
		const last = step === ordered.length ? startIndex : file.digest.papers.length;
		for (let i = first; i < last; i++) if (wanted(file, i)) return { uri: file.uri.toString(), id: file.digest.papers[i].id, index: i };
	}
	return undefined;
}
