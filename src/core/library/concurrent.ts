/**
 * Two libraries changed apart from one another (two windows at once, or two machines between two
 * runs of Settings Sync, which keeps one side's value whole) merged into one that keeps both sides'
 * changes. vscode-free.
 *
 * With `base`, the library both started from, it is a three-way merge: what one side removed and the
 * other left as it was stays removed (an unstarred paper is not starred again). Without it, nothing
 * is removed: a change is never lost, at the price of bringing back what one side removed.
 */
import { collectionNamed, MAX_NOTE_LENGTH, sameIds, type Collection, type Library } from './model';

export interface ConcurrentMerge {
	readonly library: Library;
	/** papers whose note both sides changed, to different texts: both texts are kept, ours first */
	readonly bothNotes: readonly string[];
}

/** the line between the two texts of a note both sides changed */
export const NOTE_MERGE_SEPARATOR = '\n\n---\n\n';

export function mergeConcurrent(base: Library | undefined, ours: Library, theirs: Library): ConcurrentMerge {
	const bothNotes: string[] = [];
	const notes: Record<string, string> = {};
	for (const id of keysOf(ours.notes, theirs.notes)) {
		const text = mergeValue(base?.notes[id], ours.notes[id], theirs.notes[id], (a, b) => {
			bothNotes.push(id);
			const joined = `${a}${NOTE_MERGE_SEPARATOR}${b}`;
			// a note has a length limit: the two texts that do not fit together stay ours (and are named)
			return joined.length <= MAX_NOTE_LENGTH ? joined : a;
		});
		if (text !== undefined) notes[id] = text;
	}
	const tags: Record<string, readonly string[]> = {};
	for (const id of keysOf(ours.tags, theirs.tags)) {
		const list = mergeList(base?.tags[id], ours.tags[id], theirs.tags[id]);
		if (list.length > 0) tags[id] = list;
	}
	return { library: { collections: mergeCollections(base, ours, theirs), notes, tags }, bothNotes };
}

function keysOf(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
	return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

/**
 * One value of three: the side that changed it (from base) wins; both changed it alike, that; both
 * changed it apart: `both` decides (a value one side removed and the other changed is kept changed).
 */
function mergeValue(base: string | undefined, ours: string | undefined, theirs: string | undefined, both: (ours: string, theirs: string) => string): string | undefined {
	if (ours === theirs) return ours;
	if (ours === base) return theirs;
	if (theirs === base) return ours;
	if (ours === undefined) return theirs;
	if (theirs === undefined) return ours;
	return both(ours, theirs);
}

/**
 * Members of a list (a collection's papers, a paper's tags) in ours' order, then theirs' new ones: one
 * is kept when both sides have it, or one side added it (base lacks it); one side removing it
 * removes it when the other side left it.
 */
function mergeList(base: readonly string[] | undefined, ours: readonly string[] = [], theirs: readonly string[] = []): string[] {
	const inBase = new Set(base ?? []);
	const inOurs = new Set(ours);
	const inTheirs = new Set(theirs);
	const keep = (id: string) => (inOurs.has(id) && inTheirs.has(id)) || !inBase.has(id);
	return [...new Set([...ours, ...theirs])].filter(keep);
}

/**
 * Collections by name (case aside): each side's new ones kept, one removed by one side and left as it
 * was by the other removed, one removed by one side and changed by the other kept; their papers merged.
 * Ours' order, then theirs' new collections.
 */
function mergeCollections(base: Library | undefined, ours: Library, theirs: Library): Collection[] {
	const out: Collection[] = [];
	const seen = new Set<string>();
	for (const c of [...ours.collections, ...theirs.collections]) {
		const key = c.name.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		const o = collectionNamed(ours, c.name);
		const t = collectionNamed(theirs, c.name);
		const b = base && collectionNamed(base, c.name);
		// removed on one side, left as it was on the other: removed
		if (b && ((!o && t && sameIds(t.ids, b.ids)) || (!t && o && sameIds(o.ids, b.ids)))) continue;
		// removed on one side and changed on the other: as the other side has it
		out.push({ name: (o ?? t ?? c).name, ids: o && t ? mergeList(b?.ids, o.ids, t.ids) : (o ?? t ?? c).ids });
	}
	return out;
}
