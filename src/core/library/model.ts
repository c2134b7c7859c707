/**
 * The reader's library: named collections of papers ("Starred" always exists), a Markdown note and
 * tags per paper. Immutable values and pure transitions, keyed by arXiv id without version, so a
 * paper listed on several days (or as v1 and v2) is one entry. vscode-free; the editor keeps the
 * value in globalState (src/features/library).
 */

/** The default collection: what the star buttons add to. It cannot be renamed or deleted. */
export const STARRED = 'Starred';
/** a note longer than this is refused (Settings Sync carries the whole library) */
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_COLLECTION_NAME = 80;
export const MAX_TAG_LENGTH = 40;

export interface Collection {
	readonly name: string;
	/** paper ids without version, in the order they were added */
	readonly ids: readonly string[];
}

export interface Library {
	/** Starred first, then the reader's collections in creation order */
	readonly collections: readonly Collection[];
	/** id → Markdown note (never empty) */
	readonly notes: Readonly<Record<string, string>>;
	/** id → lower-case tags (never empty) */
	readonly tags: Readonly<Record<string, readonly string[]>>;
}

export function emptyLibrary(): Library {
	return { collections: [{ name: STARRED, ids: [] }], notes: {}, tags: {} };
}

/** `arXiv:2602.04994v2` → `2602.04994`; other ids are trimmed only. */
export function libraryId(id: string): string {
	// most ids are already so (a digest's, in the thousands where a view checks a file's papers): no regular expression
	if (!mayNeedNormalising(id)) return id;
	return id
		.trim()
		.replace(/^arxiv:\s*/i, '')
		.replace(/^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Za-z-]+)?\/\d{7})v\d+$/, '$1');
}

/** false when libraryId leaves `id` as it is: no `a`/`A` first (`arXiv:`), no space around it, no `v` before its last digits */
function mayNeedNormalising(id: string): boolean {
	const first = id.charCodeAt(0);
	if (first === 0x61 || first === 0x41 || id.trim() !== id) return true;
	let i = id.length - 1;
	while (i > 0 && id.charCodeAt(i) >= 0x30 && id.charCodeAt(i) <= 0x39) i--;
	return i < id.length - 1 && id.charCodeAt(i) === 0x76;
}

/** A tag as `tag:` queries name it: lower case, no spaces (`Robot Learning` → `robot-learning`). */
export function normalizeTag(tag: string): string {
	return tag
		.trim()
		.toLowerCase()
		.replace(/^#/, '')
		.replace(/\s+/g, '-')
		.replace(/[^\p{L}\p{N}_.+-]/gu, '')
		.slice(0, MAX_TAG_LENGTH);
}

/** Why a collection name cannot be used (the editor says it in the reader's language). */
export type CollectionNameIssue = { kind: 'empty' } | { kind: 'too-long'; max: number } | { kind: 'taken'; name: string } | { kind: 'reserved'; name: string };

/** the Collections view's group of every paper with a note: a collection of that name would show as a second one */
export const NOTES_GROUP = 'Your notes';

/** The collection named `name`, case aside (collection names are unique that way). */
export function collectionNamed(library: Library, name: string): Collection | undefined {
	const wanted = name.toLowerCase();
	return library.collections.find((c) => c.name.toLowerCase() === wanted);
}

/** Why `name` cannot name a collection; `reserved`: names the Collections view shows for its own groups (NOTES_GROUP and its translation). */
export function collectionNameIssue(library: Library, name: string, renaming?: string, reserved: readonly string[] = [NOTES_GROUP]): CollectionNameIssue | undefined {
	const clean = name.trim();
	if (!clean) return { kind: 'empty' };
	if (clean.length > MAX_COLLECTION_NAME) return { kind: 'too-long', max: MAX_COLLECTION_NAME };
	const group = reserved.find((r) => r.toLowerCase() === clean.toLowerCase());
	if (group !== undefined) return { kind: 'reserved', name: group };
	const taken = collectionNamed(library, clean);
	if (taken && taken.name !== renaming) return { kind: 'taken', name: taken.name };
	return undefined;
}

/** Why a collection name cannot be used, in English, or undefined when it can. */
export function collectionNameProblem(library: Library, name: string, renaming?: string): string | undefined {
	const issue = collectionNameIssue(library, name, renaming);
	switch (issue?.kind) {
		case undefined:
			return undefined;
		case 'empty':
			return 'A collection needs a name.';
		case 'too-long':
			return `A collection name has at most ${issue.max} characters.`;
		case 'taken':
			return `There is already a collection "${issue.name}".`;
		case 'reserved':
			return `"${issue.name}" is the Collections view's group of your notes: choose another name.`;
	}
}

export function findCollection(library: Library, name: string): Collection | undefined {
	return library.collections.find((c) => c.name === name);
}

export function isStarred(library: Library, id: string): boolean {
	return starredIds(library).has(libraryId(id));
}

const starredSets = new WeakMap<Library, ReadonlySet<string>>();

/** The starred papers' library ids, built once per library value (a library is never mutated: each change makes a new one). */
export function starredIds(library: Library): ReadonlySet<string> {
	let set = starredSets.get(library);
	if (!set) {
		set = new Set(findCollection(library, STARRED)?.ids ?? []);
		starredSets.set(library, set);
	}
	return set;
}

/** The ids starred in one library and not in the other, either way. */
export function starsChanged(before: Library, after: Library): string[] {
	const a = starredIds(before);
	const b = starredIds(after);
	if (a === b) return [];
	return [...[...a].filter((id) => !b.has(id)), ...[...b].filter((id) => !a.has(id))];
}

/** Names of the collections holding `id`. */
export function collectionsOf(library: Library, id: string): string[] {
	const key = libraryId(id);
	return library.collections.filter((c) => c.ids.includes(key)).map((c) => c.name);
}

function withCollection(library: Library, name: string, change: (ids: readonly string[]) => readonly string[]): Library {
	const exists = library.collections.some((c) => c.name === name);
	const collections = exists ? library.collections : [...library.collections, { name, ids: [] }];
	return { ...library, collections: collections.map((c) => (c.name === name ? { name, ids: change(c.ids) } : c)) };
}

export function addToCollection(library: Library, name: string, ids: readonly string[]): Library {
	const keys = ids.map(libraryId);
	return withCollection(library, name, (current) => [...current, ...keys.filter((k, i) => !current.includes(k) && keys.indexOf(k) === i)]);
}

export function removeFromCollection(library: Library, name: string, ids: readonly string[]): Library {
	if (!findCollection(library, name)) return library;
	const keys = new Set(ids.map(libraryId));
	return withCollection(library, name, (current) => current.filter((k) => !keys.has(k)));
}

/** Stars or unstars `id`; returns the new library and whether the paper is now starred. */
export function toggleStar(library: Library, id: string): { library: Library; starred: boolean } {
	const starred = !isStarred(library, id);
	return { library: starred ? addToCollection(library, STARRED, [id]) : removeFromCollection(library, STARRED, [id]), starred };
}

export function createCollection(library: Library, name: string): Library {
	const problem = collectionNameProblem(library, name);
	if (problem) throw new Error(problem);
	return { ...library, collections: [...library.collections, { name: name.trim(), ids: [] }] };
}

export function renameCollection(library: Library, from: string, to: string): Library {
	if (from === STARRED) throw new Error(`"${STARRED}" is the star buttons' collection and keeps its name.`);
	if (!findCollection(library, from)) throw new Error(`There is no collection "${from}".`);
	const problem = collectionNameProblem(library, to, from);
	if (problem) throw new Error(problem);
	return { ...library, collections: library.collections.map((c) => (c.name === from ? { name: to.trim(), ids: c.ids } : c)) };
}

export function deleteCollection(library: Library, name: string): Library {
	return takeCollection(library, name).library;
}

/** A deleted collection as it was, and where it stood among the collections (for Undo). */
export interface DeletedCollection {
	readonly collection: Collection;
	/** its place in the list of collections */
	readonly index: number;
	/** the name of the collection before it, to put it back after that one where others came or went meanwhile */
	readonly after: string | undefined;
}

/** Deletes the collection `name`; `deleted`: what it was and where, or undefined when there was none. */
export function takeCollection(library: Library, name: string): { library: Library; deleted: DeletedCollection | undefined } {
	if (name === STARRED) throw new Error(`"${STARRED}" is the star buttons' collection and cannot be deleted.`);
	const index = library.collections.findIndex((c) => c.name === name);
	if (index < 0) return { library, deleted: undefined };
	const deleted = { collection: library.collections[index], index, after: library.collections[index - 1]?.name };
	return { library: { ...library, collections: library.collections.filter((c) => c !== deleted.collection) }, deleted };
}

/**
 * How Undo put a deleted collection back: `restored` under its name, `renamed` under `name` as a
 * collection of its name was made meanwhile, `present` as a collection of its name already holds
 * exactly its papers (restored before), so nothing changed.
 */
export type CollectionRestore = { kind: 'restored' | 'present'; name: string } | { kind: 'renamed'; name: string; taken: string };

/**
 * Puts a deleted collection back with its papers in their order, after the collection it followed
 * (else at its old place, or last). A collection of its name made since (any case) is left as it is,
 * and the deleted one comes back as "name (2)" (the first free number).
 */
export function restoreCollection(library: Library, deleted: DeletedCollection, reserved: readonly string[] = [NOTES_GROUP]): { library: Library; restore: CollectionRestore } {
	const { collection } = deleted;
	const taken = collectionNamed(library, collection.name);
	if (taken && taken.name === collection.name && sameIds(taken.ids, collection.ids)) return { library, restore: { kind: 'present', name: taken.name } };
	const name = taken ? freeName(library, collection.name, reserved) : collection.name;
	const afterIndex = deleted.after === undefined ? -1 : library.collections.findIndex((c) => c.name === deleted.after);
	const at = afterIndex >= 0 ? afterIndex + 1 : Math.min(deleted.index, library.collections.length);
	const collections = [...library.collections.slice(0, at), { name, ids: collection.ids }, ...library.collections.slice(at)];
	return { library: { ...library, collections }, restore: taken ? { kind: 'renamed', name, taken: taken.name } : { kind: 'restored', name } };
}

/** the same ids in the same order */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** `name (2)`, `name (3)`, …: the first no collection has, shortened to fit the longest name */
function freeName(library: Library, name: string, reserved: readonly string[]): string {
	for (let n = 2; ; n++) {
		const suffix = ` (${n})`;
		const candidate = name.slice(0, MAX_COLLECTION_NAME - suffix.length).trimEnd() + suffix;
		if (!collectionNameIssue(library, candidate, undefined, reserved)) return candidate;
	}
}

/** Sets (or with empty text, removes) the note of `id`. */
export function setNote(library: Library, id: string, text: string): Library {
	if (text.length > MAX_NOTE_LENGTH) throw new Error(`A note has at most ${MAX_NOTE_LENGTH} characters.`);
	const key = libraryId(id);
	const notes = { ...library.notes };
	if (text.trim()) notes[key] = text.replace(/\s+$/, '');
	else delete notes[key];
	return { ...library, notes };
}

/** Sets (or with none, removes) the tags of `id`; tags are normalised and de-duplicated. */
export function setTags(library: Library, id: string, tags: readonly string[]): Library {
	const key = libraryId(id);
	const clean = [...new Set(tags.map(normalizeTag).filter((t) => t.length > 0))];
	const all = { ...library.tags };
	if (clean.length > 0) all[key] = clean;
	else delete all[key];
	return { ...library, tags: all };
}

/** The tags of several papers as one edit shows them: those every paper has (`shared`), and for each other tag how many of them have it. */
export function tagsOfPapers(library: Library, ids: readonly string[]): { shared: string[]; partly: Map<string, number> } {
	const counts = new Map<string, number>();
	for (const id of new Set(ids.map(libraryId))) for (const t of library.tags[id] ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
	const papers = new Set(ids.map(libraryId)).size;
	const shared = [...counts].filter(([, n]) => n === papers).map(([t]) => t);
	const partly = new Map([...counts].filter(([, n]) => n < papers));
	return { shared, partly };
}

/**
 * One tag edit over several papers: each paper loses the `shared` tags (those all had) not in
 * `chosen` and gains those `chosen`; a tag only some had and not chosen stays as it was. For one
 * paper `shared` is its tags, so it ends with `chosen` exactly.
 */
export function editTagsOfPapers(library: Library, ids: readonly string[], shared: readonly string[], chosen: readonly string[]): Library {
	const removed = new Set(shared.map(normalizeTag).filter((t) => !chosen.map(normalizeTag).includes(t)));
	return [...new Set(ids.map(libraryId))].reduce((lib, id) => setTags(lib, id, [...(lib.tags[id] ?? []).filter((t) => !removed.has(t)), ...chosen]), library);
}

/** The tags a reader typed, separated by spaces or commas (also the full-width comma), normalised and de-duplicated. */
export function splitTags(input: string): string[] {
	return [...new Set(input.split(/[\s,，]+/).map(normalizeTag).filter((t) => t.length > 0))];
}

/** A tag in use and how many papers carry it. */
export interface TagCount {
	tag: string;
	count: number;
}

/**
 * The tags in use that a search for tag `wanted`, which no paper carries, may have meant: those that
 * begin with it or have a part that does (`robot` → `robot-learning`, `learning` → `robot-learning`;
 * parts split at - _ . +), and those it begins with (`robots` → `robot`); the most used first, at most
 * `max`, each with its count.
 */
export function tagsLike(wanted: string, tags: readonly TagCount[], max = 3): TagCount[] {
	if (wanted.length < 2) return [];
	return tags
		.filter(({ tag }) => tag !== wanted && (tag.split(/[-_.+]/).some((part) => part.startsWith(wanted)) || (tag.length >= 2 && wanted.startsWith(tag))))
		.sort(byUse)
		.slice(0, max);
}

/** Orders tags in use the most used first, then by name. */
export function byUse(a: TagCount, b: TagCount): number {
	return b.count - a.count || a.tag.localeCompare(b.tag);
}

/** Every tag in use with how many papers carry it, by name. */
export function allTags(library: Library): TagCount[] {
	const counts = new Map<string, number>();
	for (const tags of Object.values(library.tags)) for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
	return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
}

/**
 * The named id sets the search shards filter by (`is:starred`, `has:note`, `tag:x`). Tags that were
 * sent before (`previous`) and are gone now are sent empty, because the shards keep a set until it
 * is replaced.
 */
export function librarySets(library: Library, previous: Iterable<string> = []): Record<string, string[]> {
	const sets: Record<string, string[]> = {
		'is:starred': [...(findCollection(library, STARRED)?.ids ?? [])],
		'has:note': Object.keys(library.notes),
	};
	for (const name of previous) if (name.startsWith('tag:')) sets[name] = [];
	for (const [id, tags] of Object.entries(library.tags)) for (const t of tags) (sets[`tag:${t}`] ??= []).push(id);
	return sets;
}

/** Merges `incoming` into `base`: collection members and tags are united; a note already here is kept. */
export function mergeLibraries(base: Library, incoming: Library): { library: Library; keptNotes: number } {
	let library = base;
	for (const c of incoming.collections) {
		const target = collectionNamed(library, c.name)?.name ?? c.name;
		library = addToCollection(library, target, c.ids);
	}
	let keptNotes = 0;
	const notes = { ...library.notes };
	for (const [id, text] of Object.entries(incoming.notes)) {
		if (!Object.hasOwn(notes, id)) notes[id] = text;
		else if (notes[id] !== text) keptNotes++;
	}
	const tags: Record<string, readonly string[]> = { ...library.tags };
	for (const [id, list] of Object.entries(incoming.tags)) tags[id] = [...new Set([...(Object.hasOwn(tags, id) ? tags[id] : []), ...list])];
	return { library: { ...library, notes, tags }, keptNotes };
}

/** How many papers the library mentions in any way (for messages). */
export function librarySize(library: Library): { collections: number; papers: number; notes: number; tagged: number } {
	const ids = new Set<string>();
	for (const c of library.collections) for (const id of c.ids) ids.add(id);
	for (const id of Object.keys(library.notes)) ids.add(id);
	for (const id of Object.keys(library.tags)) ids.add(id);
	return { collections: library.collections.length, papers: ids.size, notes: Object.keys(library.notes).length, tagged: Object.keys(library.tags).length };
}
