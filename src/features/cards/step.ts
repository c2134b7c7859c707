import { baseName } from '../../core/day';
import { paperCountOf } from '../../core/summary';
import { sortTreeFiles } from '../../core/tree';
import type { DigestFile } from '../workspace/types';

/** Where a card's paper is in its file: at the index it had, else found by id (-1: no longer there). */
export function paperIndexOf(papers: readonly { readonly id: string }[], ref: { readonly id: string; readonly index?: number }): number {
	return ref.index !== undefined && papers[ref.index]?.id === ref.id ? ref.index : papers.findIndex((p) => p.id === ref.id);
}

/**
 * Where Previous / Next go from a card's paper: the paper `delta` places away in its file; when the
 * paper has left the file (an edit removed it), from the place it had, so the reader moves on rather
 * than meets a dead end: Next shows the paper now in that place, Previous the one before it.
 */
export function stepIndex(papers: readonly { readonly id: string }[], ref: { readonly id: string; readonly index?: number }, delta: number): number | undefined {
	const here = paperIndexOf(papers, ref);
	let to: number;
	if (here >= 0) to = here + delta;
	else if (ref.index === undefined) return undefined;
	else to = delta > 0 ? ref.index + delta - 1 : ref.index + delta;
	return to >= 0 && to < papers.length ? to : undefined;
}

/** The digests in the order the Papers view lists them (sortTreeFiles): newest day first, undated ones last. Next Unread walks them so too. */
export function newestFirst(files: readonly DigestFile[]): DigestFile[] {
	return sortTreeFiles(files, (file) => ({ key: file.uri.toString(), digest: file.digest }));
}

/**
 * The digest a card's Next (`delta` 1: the older one, below in the Papers view) or Previous (-1: the
 * newer one) goes on to from the end of `uri`'s digest: the nearest one that lists papers.
 */
export function adjacentDigest(files: readonly DigestFile[], uri: string, delta: 1 | -1): DigestFile | undefined {
	const around = adjacentDigests(files, uri);
	return delta === 1 ? around.older : around.newer;
}

/** Both digests adjacentDigest finds around `uri`'s, from one sort of the files (a card shows where both buttons go). */
export function adjacentDigests(files: readonly DigestFile[], uri: string): { newer?: DigestFile; older?: DigestFile } {
	const ordered = newestFirst(files);
	const here = ordered.findIndex((f) => f.uri.toString() === uri);
	if (here < 0) return {};
	const nearest = (delta: 1 | -1) => {
		for (let i = here + delta; i >= 0 && i < ordered.length; i += delta) if (paperCountOf(ordered[i].digest) > 0) return ordered[i];
		return undefined;
	};
	return { newer: nearest(-1), older: nearest(1) };
}

/**
 * How a card's Previous and Next name the digests they go on to from the ends of `file`'s: by their
 * labels (the day), or by file name for another file of the same day, whose label is the card's own;
 * by as much of its path as tells it from the card's file when the names are alike too (the same day
 * of another fork's clone in a multi-root workspace: `forkB/data/2026-02-06.md`).
 */
export function adjacentNames(files: readonly DigestFile[], file: DigestFile): { previousDigest?: string; nextDigest?: string } {
	const { newer, older } = adjacentDigests(files, file.uri.toString());
	const name = (other: DigestFile | undefined) =>
		other && (other.digest.day !== undefined && other.digest.day === file.digest.day ? distinctPath(other.uri.path, file.uri.path) : other.digest.label);
	return { previousDigest: name(newer), nextDigest: name(older) };
}

/** The end of `path` that `from` does not end with: its file name, else with as many folders as it takes. */
function distinctPath(path: string, from: string): string {
	const segments = path.split('/');
	for (let n = 1; n < segments.length; n++) {
		const tail = segments.slice(-n).join('/');
		if (!from.endsWith(`/${tail}`) && from !== tail) return tail;
	}
	return baseName(path);
}
