/**
 * Where Random goes: a paper listed anywhere in the workspace, each listing as likely, never the
 * card's own paper while another one is listed.
 */
import { paperIdsOf } from '../../core/summary';
import type { DigestFile } from '../workspace/types';
import type { CardRef } from './args';

/** `random` answers in [0, 1), as Math.random does. */
export function randomPaperRef(files: readonly DigestFile[], exclude: CardRef | undefined, random: () => number = Math.random): CardRef | undefined {
	const lists = files.map((file) => ({ file, ids: paperIdsOf(file.digest) })).filter((l) => l.ids.length > 0);
	const total = lists.reduce((n, l) => n + l.ids.length, 0);
	if (total === 0) return undefined;
	const skip = (id: string) => exclude !== undefined && id === exclude.id;
	let excluded = 0;
	for (const l of lists) for (const id of l.ids) if (skip(id)) excluded++;
	// the card's paper is all there is: show it (again, or another day's listing of it)
	const others = excluded < total;
	const choices = others ? total - excluded : total;
	let pick = Math.min(Math.floor(random() * choices), choices - 1);
	for (const { file, ids } of lists) {
		for (let i = 0; i < ids.length; i++) {
			if (others && skip(ids[i])) continue;
			if (pick-- === 0) return { uri: file.uri.toString(), id: ids[i], index: i };
		}
	}
	return undefined;
}
