/**
 * The library as stored in globalState and in exported reading-state files, and the checks that
 * decide whether stored data is ours. Nothing is dropped or repaired silently: data that does not
 * pass is reported (corrupt: ours but damaged; foreign: someone else's; newer: a later format) and
 * the caller leaves it untouched.
 */
import { isStoredPaperId } from '../model';
import { MAX_COLLECTION_NAME, MAX_NOTE_LENGTH, MAX_TAG_LENGTH, STARRED, emptyLibrary, libraryId, type Collection, type Library } from './model';

export const LIBRARY_FORMAT = 'arxiv-digest/library';
export const LIBRARY_VERSION = 1;
/** how much of a damaged entry's key a message shows */
const SHOWN_ID_LENGTH = 64;

/** What globalState holds under the library key. */
export interface StoredLibrary {
	format: typeof LIBRARY_FORMAT;
	v: number;
	collections: { name: string; ids: string[] }[];
	notes: Record<string, string>;
	tags: Record<string, string[]>;
}

export type StateProblem = 'corrupt' | 'foreign' | 'newer';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: StateProblem; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail<T>(problem: StateProblem, reason: string): ParseResult<T> {
	return { ok: false, problem, reason };
}

export function serializeLibrary(library: Library): StoredLibrary {
	return {
		format: LIBRARY_FORMAT,
		v: LIBRARY_VERSION,
		collections: library.collections.map((c) => ({ name: c.name, ids: [...c.ids] })),
		notes: { ...library.notes },
		tags: Object.fromEntries(Object.entries(library.tags).map(([id, tags]) => [id, [...tags]])),
	};
}

/** Reads a stored library; `undefined` (nothing stored yet) is an empty library. */
export function parseLibrary(value: unknown): ParseResult<Library> {
	if (value === undefined || value === null) return { ok: true, value: emptyLibrary() };
	if (!isRecord(value)) return fail('corrupt', `expected an object, found ${Array.isArray(value) ? 'an array' : typeof value}`);
	if (value.format !== LIBRARY_FORMAT) return fail('foreign', `it has no "format": "${LIBRARY_FORMAT}" marker`);
	if (typeof value.v !== 'number' || !Number.isInteger(value.v) || value.v < 1) return fail('corrupt', 'its format version "v" is missing or not a positive whole number');
	if (value.v > LIBRARY_VERSION) return fail('newer', `it was written in format ${value.v} by a newer version of arXiv Digest (this one reads format ${LIBRARY_VERSION})`);

	if (!Array.isArray(value.collections)) return fail('corrupt', '"collections" is not a list');
	const collections: Collection[] = [];
	const names = new Set<string>();
	for (const [i, c] of value.collections.entries()) {
		if (!isRecord(c) || typeof c.name !== 'string' || !c.name.trim() || c.name.length > MAX_COLLECTION_NAME) return fail('corrupt', `collection ${i + 1} has no valid name`);
		if (names.has(c.name.toLowerCase())) return fail('corrupt', `the collection "${c.name}" appears twice`);
		names.add(c.name.toLowerCase());
		if (!Array.isArray(c.ids) || !c.ids.every(isStoredPaperId)) return fail('corrupt', `the collection "${c.name}" holds something that is not a paper id`);
		collections.push({ name: c.name, ids: [...new Set((c.ids as string[]).map(libraryId))] });
	}
	// the star buttons' collection exists even when a file written by hand left it out
	if (!names.has(STARRED.toLowerCase())) collections.unshift({ name: STARRED, ids: [] });

	if (!isRecord(value.notes)) return fail('corrupt', '"notes" is not an object of paper id → text');
	const notes: Record<string, string> = {};
	// the id each note was written under: two names of one paper (with and without version) with two notes is no library of ours
	const noteIds = new Map<string, string>();
	for (const [id, text] of Object.entries(value.notes)) {
		if (!isStoredPaperId(id) || typeof text !== 'string' || text.length > MAX_NOTE_LENGTH) return fail('corrupt', `the note of "${id.slice(0, SHOWN_ID_LENGTH)}" is not valid text (at most ${MAX_NOTE_LENGTH} characters)`);
		if (!text.trim()) continue;
		const key = libraryId(id);
		const other = noteIds.get(key);
		if (other !== undefined && notes[key] !== text) return fail('corrupt', `"${other}" and "${id}" are the same paper with two different notes`);
		noteIds.set(key, id);
		notes[key] = text;
	}

	if (!isRecord(value.tags)) return fail('corrupt', '"tags" is not an object of paper id → list of tags');
	const tags: Record<string, string[]> = {};
	for (const [id, list] of Object.entries(value.tags)) {
		if (!isStoredPaperId(id) || !Array.isArray(list) || !list.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_TAG_LENGTH && !/\s/.test(t))) {
			return fail('corrupt', `the tags of "${id.slice(0, SHOWN_ID_LENGTH)}" are not a list of single words`);
		}
		const key = libraryId(id);
		if (list.length > 0) tags[key] = [...new Set([...(Object.hasOwn(tags, key) ? tags[key] : []), ...(list as string[]).map((t) => t.toLowerCase())])];
	}
	return { ok: true, value: { collections, notes, tags } };
}
