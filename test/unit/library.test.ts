import * as assert from 'node:assert';
import {
	STARRED, addToCollection, allTags, collectionsOf, createCollection, deleteCollection, emptyLibrary, isStarred, libraryId, librarySets,
	mergeLibraries, normalizeTag, editTagsOfPapers, tagsLike, tagsOfPapers, removeFromCollection, renameCollection, restoreCollection, setNote, setTags, splitTags, starredIds, starsChanged, takeCollection, toggleStar,
} from '../../src/core/library/model';
import { parseLibrary, serializeLibrary } from '../../src/core/library/serial';
import { randomVocabulary } from './seeded';
import { buildReadingState, parseReadingState } from '../../src/core/library/readingState';
import { noteSearch } from '../../src/core/library/noteSearch';
import { arxivRefAt, findArxivRefs } from '../../src/core/library/arxivRefs';
import { SYNC_BUDGET_BYTES, jsonBytes, planSync } from '../../src/core/library/syncBudget';
import { ReadState } from '../../src/core/readState';
import { filtersOnlyText, parseQuery, withTagReplaced } from '../../src/core/search/query';

function parsed(text: string) {
	const r = parseQuery(text);
	if (!r.ok) throw new Error(r.error);
	return r.query;
}

describe('library model', () => {
	it('stars and unstars by id without version, in the Starred collection', () => {
		let lib = emptyLibrary();
		({ library: lib } = toggleStar(lib, 'arXiv:2602.04994v2'));
		assert.ok(isStarred(lib, '2602.04994'));
		assert.deepStrictEqual(collectionsOf(lib, '2602.04994v1'), [STARRED]);
		const again = toggleStar(lib, '2602.04994');
		assert.strictEqual(again.starred, false);
		assert.ok(!isStarred(again.library, '2602.04994'));
	});

	it('adds to a new collection once, removes, renames and deletes; Starred stays', () => {
		let lib = addToCollection(emptyLibrary(), 'Robotics', ['2602.00001', '2602.00001', '2602.00002']);
		lib = addToCollection(lib, 'Robotics', ['2602.00002', '2602.00003']);
		assert.deepStrictEqual(lib.collections.map((c) => [c.name, c.ids]), [[STARRED, []], ['Robotics', ['2602.00001', '2602.00002', '2602.00003']]]);
		lib = removeFromCollection(lib, 'Robotics', ['2602.00002']);
		lib = renameCollection(lib, 'Robotics', 'Robot learning');
		assert.deepStrictEqual(lib.collections[1], { name: 'Robot learning', ids: ['2602.00001', '2602.00003'] });
		assert.throws(() => renameCollection(lib, STARRED, 'x'), /keeps its name/);
		assert.throws(() => deleteCollection(lib, STARRED), /cannot be deleted/);
		assert.throws(() => createCollection(lib, 'robot LEARNING'), /already a collection/);
		assert.throws(() => createCollection(lib, '  '), /needs a name/);
		assert.deepStrictEqual(deleteCollection(lib, 'Robot learning').collections.map((c) => c.name), [STARRED]);
	});

	it('a deleted collection comes back with its papers in their order, at its place, notes and tags untouched', () => {
		let lib = addToCollection(emptyLibrary(), 'Robotics', ['2602.00003', '2602.00001', '2602.00002']);
		lib = addToCollection(lib, 'Vision', ['2602.00009']);
		lib = addToCollection(lib, 'Theory', ['2602.00004']);
		lib = setNote(setTags(lib, '2602.00001', ['rl']), '2602.00001', 'good');
		const { library: without, deleted } = takeCollection(lib, 'Vision');
		assert.deepStrictEqual(without.collections.map((c) => c.name), [STARRED, 'Robotics', 'Theory']);
		assert.deepStrictEqual(deleted, { collection: { name: 'Vision', ids: ['2602.00009'] }, index: 2, after: 'Robotics' });
		const back = restoreCollection(without, deleted!);
		assert.deepStrictEqual(back.restore, { kind: 'restored', name: 'Vision' });
		assert.deepStrictEqual(back.library, lib);
		// Undo once more: it is there already, nothing changes
		const twice = restoreCollection(back.library, deleted!);
		assert.deepStrictEqual(twice.restore, { kind: 'present', name: 'Vision' });
		assert.strictEqual(twice.library, back.library);
		assert.strictEqual(takeCollection(lib, 'Nope').deleted, undefined);
		assert.throws(() => takeCollection(lib, STARRED), /cannot be deleted/);
	});

	it('a deleted collection comes back after the one it followed, wherever that is now; at its old place (or last) when that one is gone', () => {
		let lib = addToCollection(emptyLibrary(), 'A', ['1']);
		lib = addToCollection(lib, 'B', ['2']);
		lib = addToCollection(lib, 'C', ['3']);
		const { library: without, deleted } = takeCollection(lib, 'C');
		const moved = addToCollection(deleteCollection(without, 'A'), 'A', ['1']);
		assert.deepStrictEqual(moved.collections.map((c) => c.name), [STARRED, 'B', 'A']);
		assert.deepStrictEqual(restoreCollection(moved, deleted!).library.collections.map((c) => c.name), [STARRED, 'B', 'C', 'A']);
		const bGone = deleteCollection(without, 'B');
		assert.deepStrictEqual(restoreCollection(bGone, deleted!).library.collections.map((c) => c.name), [STARRED, 'A', 'C']);
		const first = takeCollection(lib, 'A');
		const reordered = { ...first.library, collections: [...first.library.collections].reverse() };
		assert.deepStrictEqual(restoreCollection(reordered, first.deleted!).library.collections.map((c) => c.name), ['C', 'B', STARRED, 'A']);
	});

	it('a deleted collection whose name was taken meanwhile comes back under the first free "name (n)", the new one untouched', () => {
		let lib = addToCollection(emptyLibrary(), 'Robotics', ['2602.00001', '2602.00002']);
		const { library: without, deleted } = takeCollection(lib, 'Robotics');
		lib = addToCollection(addToCollection(without, 'robotics', ['2602.00005']), 'Robotics (2)', []);
		const back = restoreCollection(lib, deleted!);
		assert.deepStrictEqual(back.restore, { kind: 'renamed', name: 'Robotics (3)', taken: 'robotics' });
		assert.deepStrictEqual(back.library.collections, [
			{ name: STARRED, ids: [] },
			{ name: 'Robotics (3)', ids: ['2602.00001', '2602.00002'] },
			{ name: 'robotics', ids: ['2602.00005'] },
			{ name: 'Robotics (2)', ids: [] },
		]);
		// a name of the longest length stays within it
		const long = 'x'.repeat(80);
		const taken = takeCollection(addToCollection(emptyLibrary(), long, ['1']), long);
		const renamed = restoreCollection(addToCollection(taken.library, long, []), taken.deleted!);
		assert.strictEqual(renamed.restore.name, `${'x'.repeat(76)} (2)`);
	});

	it('notes: empty text removes the note; too long is refused', () => {
		let lib = setNote(emptyLibrary(), '2602.00001v3', 'Read §3 — 好文章\n\n');
		assert.deepStrictEqual(lib.notes, { '2602.00001': 'Read §3 — 好文章' });
		lib = setNote(lib, '2602.00001', '   ');
		assert.deepStrictEqual(lib.notes, {});
		assert.throws(() => setNote(lib, '2602.00001', 'x'.repeat(20_001)), /at most/);
	});

	it('tags are normalised for tag: queries and listed with counts', () => {
		assert.strictEqual(normalizeTag(' #Robot Learning! '), 'robot-learning');
		assert.strictEqual(normalizeTag('扩散模型'), '扩散模型');
		let lib = setTags(emptyLibrary(), '2602.00001', ['Robotics', 'robotics', ' ', 'RL']);
		lib = setTags(lib, '2602.00002', ['rl']);
		assert.deepStrictEqual(lib.tags['2602.00001'], ['robotics', 'rl']);
		assert.deepStrictEqual(allTags(lib), [{ tag: 'rl', count: 2 }, { tag: 'robotics', count: 1 }]);
		assert.deepStrictEqual(setTags(lib, '2602.00002', []).tags['2602.00002'], undefined);
	});

	it('a tag no paper carries is answered with the tags like it: a part begins with it, or it begins with the tag; the most used first', () => {
		const tags = [
			{ tag: 'robot-learning', count: 2 },
			{ tag: 'to-read', count: 9 },
			{ tag: 'robotics', count: 5 },
			{ tag: 'sim2real', count: 1 },
			{ tag: 'rl', count: 4 },
			{ tag: '扩散模型', count: 3 },
		];
		const likeNames = (wanted: string, inUse: typeof tags) => tagsLike(wanted, inUse).map(({ tag }) => tag);
		assert.deepStrictEqual(tagsLike('robot', tags), [tags[2], tags[0]], 'each with its count');
		assert.deepStrictEqual(likeNames('robot', tags), ['robotics', 'robot-learning']);
		assert.deepStrictEqual(likeNames('learning', tags), ['robot-learning']);
		assert.deepStrictEqual(likeNames('read', tags), ['to-read']);
		// it begins with the tag: a plural, a longer word typed
		assert.deepStrictEqual(likeNames('rls', tags), ['rl']);
		assert.deepStrictEqual(likeNames('扩散', tags), ['扩散模型']);
		assert.deepStrictEqual(likeNames('vision', tags), []);
		// one letter says too little; the tag itself is not "like" it; at most three
		assert.deepStrictEqual(likeNames('r', tags), []);
		assert.deepStrictEqual(likeNames('rl', tags), []);
		assert.deepStrictEqual(likeNames('ro', [...tags, { tag: 'rouge', count: 1 }, { tag: 'roberta', count: 7 }]), ['roberta', 'robotics', 'robot-learning']);
	});

	it('a query asks for another tag in the place of one it asks for: #tag and tag:tag, any case; exclusions and the rest as typed', () => {
		assert.strictEqual(withTagReplaced('#robot diffusion', 'robot', 'robotics'), '#robotics diffusion');
		assert.strictEqual(withTagReplaced('diffusion  TAG:Robot -#robot', 'robot', 'robot-learning'), 'diffusion  #robot-learning -#robot', 'an exclusion is left as typed');
		assert.strictEqual(withTagReplaced('＃robot "robot arm"', 'robot', 'robotics'), '#robotics "robot arm"');
		assert.strictEqual(withTagReplaced('tag:" robot"', 'robot', 'robotics'), '#robotics', 'the value as the query reads it, trimmed');
		assert.strictEqual(withTagReplaced('#robots robot', 'robot', 'robotics'), '#robots robot', 'another tag and a word stay');
		// `#3dgs` reads as a word: a tag that does not begin with a letter is written tag:
		assert.strictEqual(withTagReplaced('#gaussian', 'gaussian', '3dgs'), 'tag:3dgs');
		const parsed = parseQuery(withTagReplaced('#gaussian is:unread', 'gaussian', '3dgs'));
		assert.ok(parsed.ok && parsed.query.sets.includes('tag:3dgs'), JSON.stringify(parsed));
	});

	it('one tag edit over several papers adds what is chosen to all, takes off a tag all had, and leaves one only some had', () => {
		let lib = setTags(emptyLibrary(), '2602.00001', ['vla', 'robot']);
		lib = setTags(lib, '2602.00002v2', ['vla', 'sim']);
		const { shared, partly } = tagsOfPapers(lib, ['2602.00001', '2602.00002']);
		assert.deepStrictEqual(shared, ['vla']);
		assert.deepStrictEqual([...partly], [['robot', 1], ['sim', 1]]);
		// vla unchecked, tracking checked: robot and sim, unchecked as only one paper has each, stay
		const edited = editTagsOfPapers(lib, ['2602.00001', '2602.00002'], shared, ['tracking']);
		assert.deepStrictEqual(edited.tags, { '2602.00001': ['robot', 'tracking'], '2602.00002': ['sim', 'tracking'] });
		// nothing changed: nothing lost
		assert.deepStrictEqual(editTagsOfPapers(lib, ['2602.00001', '2602.00002'], shared, shared).tags, lib.tags);
		// one paper ends with what is chosen, exactly
		assert.deepStrictEqual(editTagsOfPapers(lib, ['2602.00001'], tagsOfPapers(lib, ['2602.00001']).shared, ['robot']).tags['2602.00001'], ['robot']);
	});

	it('splits typed tags at spaces and commas (full-width too), normalised, each once', () => {
		assert.deepStrictEqual(splitTags(' Tracking, vision，扩散模型  #tracking,,'), ['tracking', 'vision', '扩散模型']);
		assert.deepStrictEqual(splitTags(' , '), []);
	});

	it('tells which papers a change starred or unstarred, and builds the starred set once per library', () => {
		const before = toggleStar(toggleStar(emptyLibrary(), '2602.00001').library, '2602.00002v3').library;
		const after = toggleStar(toggleStar(before, '2602.00001').library, 'arXiv:2602.00003').library;
		assert.deepStrictEqual(starsChanged(before, after).sort(), ['2602.00001', '2602.00003']);
		assert.deepStrictEqual(starsChanged(after, setNote(after, '2602.00002', 'x')), [], 'a note changes no star');
		assert.strictEqual(starredIds(after), starredIds(after));
		assert.ok(isStarred(after, '2602.00002v1') && !isStarred(after, '2602.00001'));
	});

	it('gives the shards is:starred, has:note and tag: sets, and empties tags that are gone', () => {
		let lib = toggleStar(emptyLibrary(), '2602.00001').library;
		lib = setNote(lib, '2602.00002', 'n');
		lib = setTags(lib, '2602.00003', ['vision']);
		assert.deepStrictEqual(librarySets(lib, ['tag:old', 'is:starred']), { 'is:starred': ['2602.00001'], 'has:note': ['2602.00002'], 'tag:old': [], 'tag:vision': ['2602.00003'] });
	});

	it('merges an imported library: members and tags united, a note already here is kept', () => {
		const mine = setNote(addToCollection(emptyLibrary(), 'Read later', ['a/0000001']), '2602.00001', 'mine');
		const theirs = setTags(setNote(setNote(addToCollection(emptyLibrary(), 'read LATER', ['2602.00009']), '2602.00001', 'theirs'), '2602.00005', 'new'), '2602.00001', ['x']);
		const { library, keptNotes } = mergeLibraries(mine, theirs);
		assert.strictEqual(keptNotes, 1);
		assert.deepStrictEqual(library.collections.find((c) => c.name === 'Read later')?.ids, ['a/0000001', '2602.00009']);
		assert.deepStrictEqual(library.notes, { '2602.00001': 'mine', '2602.00005': 'new' });
		assert.deepStrictEqual(library.tags, { '2602.00001': ['x'] });
	});

	it('libraryId strips the arXiv: prefix and version only from arXiv ids', () => {
		assert.strictEqual(libraryId(' arXiv:hep-th/9901001v2 '), 'hep-th/9901001');
		assert.strictEqual(libraryId('10.1101/2024.01.01.123v2'), '10.1101/2024.01.01.123v2');
	});

	it('libraryId answers as its regular expressions do, also where it skips them', () => {
		const reference = (id: string) =>
			id
				.trim()
				.replace(/^arxiv:\s*/i, '')
				.replace(/^(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Za-z-]+)?\/\d{7})v\d+$/, '$1');
		const edges = ['', 'v', 'v1', '2601.12345', '2601.12345v', '2601.12345v12', 'ARXIV: 2601.12345v3', 'arxiv:2601.1', 'hep-th/9901001v2', 'title:untitled work', '\u00a02601.12345', '2601.12345\u2028', 'a', 'A1'];
		// random ids over the letters that matter: digits, v, the prefix's, separators and spaces
		const random = randomVocabulary(7, '0123456789v.:/-arxivAXIV \u00a0h', 20, 4000);
		for (const id of [...edges, ...random, ...random.map((r) => `2601.${r}`), ...random.map((r) => `arXiv:${r}`)]) {
			assert.strictEqual(libraryId(id), reference(id), JSON.stringify(id));
		}
	});
});

describe('library storage', () => {
	it('round-trips through its stored form', () => {
		const lib = setTags(setNote(toggleStar(emptyLibrary(), '2602.00001').library, '2602.00001', '注释'), '2602.00001', ['a']);
		const back = parseLibrary(JSON.parse(JSON.stringify(serializeLibrary(lib))));
		assert.deepStrictEqual(back, { ok: true, value: lib });
	});

	it('nothing stored is an empty library', () => {
		assert.deepStrictEqual(parseLibrary(undefined), { ok: true, value: emptyLibrary() });
	});

	it('tells corrupt, foreign and newer data apart, with a reason', () => {
		const good = serializeLibrary(emptyLibrary());
		const cases: [unknown, string, RegExp][] = [
			['[]', 'corrupt', /expected an object/],
			[{ stars: ['2602.00001'] }, 'foreign', /format/],
			[{ ...good, v: 2 }, 'newer', /newer version/],
			[{ ...good, v: 'one' }, 'corrupt', /version/],
			[{ ...good, collections: {} }, 'corrupt', /collections/],
			[{ ...good, collections: [{ name: 'A', ids: [1] }] }, 'corrupt', /"A" holds/],
			[{ ...good, collections: [{ name: 'A', ids: [] }, { name: 'a', ids: [] }] }, 'corrupt', /twice/],
			[{ ...good, notes: { '2602.00001': 5 } }, 'corrupt', /note of "2602.00001"/],
			[{ ...good, tags: { '2602.00001': ['two words'] } }, 'corrupt', /tags of "2602.00001"/],
		];
		for (const [value, problem, reason] of cases) {
			const r = parseLibrary(value === '[]' ? [] : value);
			assert.strictEqual(r.ok, false, JSON.stringify(value));
			if (!r.ok) {
				assert.strictEqual(r.problem, problem, JSON.stringify(value));
				assert.match(r.reason, reason);
			}
		}
	});

	it('a hand-written file without Starred gets it back', () => {
		const r = parseLibrary({ format: 'arxiv-digest/library', v: 1, collections: [{ name: 'X', ids: ['2602.00001v2'] }], notes: {}, tags: {} });
		assert.ok(r.ok);
		if (r.ok) assert.deepStrictEqual(r.value.collections, [{ name: STARRED, ids: [] }, { name: 'X', ids: ['2602.00001'] }]);
	});

	it('a file naming one paper twice (with and without version) loses neither note nor tags', () => {
		const file = (notes: Record<string, string>) => ({ format: 'arxiv-digest/library', v: 1, collections: [], notes, tags: { '2602.00001v1': ['rl'], '2602.00001': ['robots', 'rl'] } });
		const same = parseLibrary(file({ '2602.00001v1': 'read again', '2602.00001': 'read again' }));
		assert.ok(same.ok);
		if (same.ok) {
			assert.deepStrictEqual(same.value.notes, { '2602.00001': 'read again' });
			assert.deepStrictEqual(same.value.tags, { '2602.00001': ['rl', 'robots'] }, 'tags united');
		}
		const two = parseLibrary(file({ '2602.00001v1': 'old note', 'arXiv:2602.00001': 'new note' }));
		assert.ok(!two.ok && two.problem === 'corrupt');
		if (!two.ok) assert.match(two.reason, /"2602\.00001v1" and "arXiv:2602\.00001" are the same paper/);
	});
});

describe('reading-state file', () => {
	it('round-trips its parts', () => {
		const text = buildReadingState({ library: { a: 1 }, read: ['2602.00001'] }, new Date('2026-02-06T08:00:00Z'));
		const r = parseReadingState(text);
		assert.ok(r.ok);
		if (r.ok) assert.deepStrictEqual(r.document.parts, { library: { a: 1 }, read: ['2602.00001'] });
	});

	it('names what is wrong with a file that is not one', () => {
		const problems = ['{not json', '[1,2]', '{"stars":[]}', '{"format":"arxiv-digest/reading-state","version":9,"parts":{}}', '{"format":"arxiv-digest/reading-state","version":1,"parts":[]}'].map((t) => {
			const r = parseReadingState(t);
			return r.ok ? 'ok' : r.problem;
		});
		assert.deepStrictEqual(problems, ['corrupt', 'foreign', 'foreign', 'newer', 'corrupt']);
	});
});

describe('note search', () => {
	const notes = { '2602.00001': 'Compare with the Diffusion Policy baseline; 扩散模型很强', '2602.00002': 'token pruning idea', '2602.00003': 'unrelated' };

	it('finds notes holding every word (as a prefix), phrase or CJK run', () => {
		assert.deepStrictEqual(noteSearch(parsed('diffus basel'), notes).matches(), ['2602.00001']);
		assert.deepStrictEqual(noteSearch(parsed('"token pruning"'), notes).matches(), ['2602.00002']);
		assert.deepStrictEqual(noteSearch(parsed('扩散模型'), notes).matches(), ['2602.00001']);
		assert.deepStrictEqual(noteSearch(parsed('ffusion'), notes).matches(), [], 'words match from their start (`iffusion` is one letter from `diffusion`: a typo of it)');
		assert.deepStrictEqual(noteSearch(parsed('cat:cs.CV'), notes).matches(), [], 'filters alone match no note');
	});

	it('folds the notes once per library value: a note changed (a new notes object) is searched as it is now, typos too', () => {
		assert.deepStrictEqual(noteSearch(parsed('quokka'), notes).matches(), []);
		assert.deepStrictEqual(noteSearch(parsed('prunning'), notes).matches(), ['2602.00002'], 'a typo of a note\'s word');
		const changed = { ...notes, '2602.00003': 'quokka pruning study' };
		assert.deepStrictEqual(noteSearch(parsed('quokka'), changed).matches(), ['2602.00003']);
		assert.deepStrictEqual(noteSearch(parsed('prunning'), changed).matches().sort(), ['2602.00002', '2602.00003']);
		assert.deepStrictEqual(noteSearch(parsed('quokka'), notes).matches(), [], 'the old value as it was');
	});

	it('takes an acronym as a whole word, its plural or a numbered version, as search does', () => {
		const more = { a: 'a nomad robot', b: 'NOMA uplink, vs SAM2 masks', c: 'several NOMAs compared', d: 'the samples' };
		assert.deepStrictEqual(noteSearch(parsed('NOMA'), more).matches(), ['b', 'c']);
		assert.deepStrictEqual(noteSearch(parsed('noma'), more).matches(), ['a', 'b', 'c'], 'typed in lower case it is a prefix');
		assert.deepStrictEqual(noteSearch(parsed('SAM'), more).matches(), ['b']);
	});

	it('corrects a typo of a note\'s word to that word, as search corrects a paper\'s, unless a paper has the word as typed', () => {
		const mine = { '2605.29198': 'sampling is slow; compare with diffusion distillation', other: 'a model of slowness' };
		assert.deepStrictEqual(noteSearch(parsed('sampling slow distillation'), mine).matches(), ['2605.29198']);
		assert.deepStrictEqual(noteSearch(parsed('sampling slow distilation'), mine).matches(), ['2605.29198'], 'one letter left out of a long word');
		assert.deepStrictEqual(noteSearch(parsed('distilation compare'), mine).matches(), ['2605.29198']);
		assert.deepStrictEqual(noteSearch(parsed('smapling'), mine).matches(), ['2605.29198'], 'two letters swapped');
		assert.deepStrictEqual(noteSearch(parsed('sampling slow distilation'), mine).typos, ['distilation'], 'the one word the notes would correct');
		assert.deepStrictEqual(noteSearch(parsed('sampling slow distilation'), mine).matches(new Set(['distilation'])), [], 'a paper has it as typed: no correction');
		assert.deepStrictEqual(noteSearch(parsed('distilation'), mine).matches(new Set(['other'])), ['2605.29198']);
		assert.deepStrictEqual(noteSearch(parsed('distillation modle'), mine).matches(), [], 'every word is still required');
		assert.deepStrictEqual(noteSearch(parsed('modle'), mine).matches(), ['other']);
		assert.deepStrictEqual(noteSearch(parsed('smpl'), mine).matches(), [], 'a short word: one edit away is another word');
		assert.deepStrictEqual(noteSearch(parsed('distribution'), mine).matches(), [], 'two edits from a long word are too far');
		assert.deepStrictEqual(noteSearch(parsed('SLOWS'), mine).typos, [], 'an acronym is never corrected');
	});

	it('keeps the filters and exclusions of a query, drops its free text', () => {
		assert.strictEqual(filtersOnlyText('diffusion "policy learning" cat:cs.RO -survey author:"Yann LeCun" -tag:x'), 'cat:cs.RO -survey author:"Yann LeCun" -tag:x');
	});
});

describe('arXiv references in text', () => {
	it('finds arXiv: ids, URLs and bare new-style ids, without versions', () => {
		const text = 'See arXiv:2606.12345v2, https://arxiv.org/pdf/2602.04994v1.pdf and (2601.00001). Old: arXiv:hep-th/9901001.';
		assert.deepStrictEqual(findArxivRefs(text).map((r) => [r.id, r.explicit, text.slice(r.start, r.end)]), [
			['2606.12345', true, 'arXiv:2606.12345v2'],
			['2602.04994', true, 'https://arxiv.org/pdf/2602.04994v1.pdf'],
			['2601.00001', false, '2601.00001'],
			['hep-th/9901001', true, 'arXiv:hep-th/9901001'],
		]);
	});

	it('ignores numbers that only look like ids', () => {
		assert.deepStrictEqual(findArxivRefs('version 1.2602.04994, 12602.04994, 2602.049941, v2602.04994, 3.1415.9265').map((r) => r.id), []);
	});

	it('does not cut a longer number after arXiv: or in a URL into another paper\'s id', () => {
		const text = 'arXiv:2401.123456, https://arxiv.org/abs/2401.012345, arXiv:hep-th/99010011, arXiv:2401.12345v12';
		assert.deepStrictEqual(findArxivRefs(text).map((r) => [r.id, text.slice(r.start, r.end)]), [['2401.12345', 'arXiv:2401.12345v12']]);
	});

	it('takes arXiv： with the full-width colon of Chinese text as an explicit reference', () => {
		const text = '详见 arXiv：2601.00001v2。';
		assert.deepStrictEqual(findArxivRefs(text).map((r) => [r.id, r.explicit, text.slice(r.start, r.end)]), [['2601.00001', true, 'arXiv：2601.00001v2']]);
	});

	it('reads arXiv DOIs, and no id arXiv cannot have given (4 digits since 2015, 5 before, month 13)', () => {
		const text = 'doi:10.48550/arXiv.2401.01234 https://doi.org/10.48550/arXiv.2602.04994v2 arXiv:2401.0123 arXiv:1412.12345 2613.01234 arXiv:0704.0001';
		assert.deepStrictEqual(findArxivRefs(text).map((r) => [r.id, r.explicit, text.slice(r.start, r.end)]), [
			['2401.01234', true, '10.48550/arXiv.2401.01234'],
			['2602.04994', true, 'https://doi.org/10.48550/arXiv.2602.04994v2'],
			['0704.0001', true, 'arXiv:0704.0001'],
		]);
	});

	it('answers the reference under an offset', () => {
		const line = '% cite \\cite{x} arXiv:2602.04994';
		assert.strictEqual(arxivRefAt(line, line.length - 3)?.id, '2602.04994');
		assert.strictEqual(arxivRefAt(line, 2), undefined);
	});
});

describe('Settings Sync budget', () => {
	// deterministic "random" ids: 184 days of ~150 new papers each, as the bench corpus spreads them
	function readIds(count: number): string[] {
		const ids: string[] = [];
		const months = ['2508', '2509', '2510', '2511', '2512', '2601', '2602'];
		const perMonth = Math.ceil(count / months.length);
		// of ~26,000 numbers a month, a reader reads every ~6th on average
		for (const month of months) for (let i = 0; i < perMonth && ids.length < count; i++) ids.push(`${month}.${String(i * 6 + ((i * 7919) % 5)).padStart(5, '0')}`);
		return ids;
	}

	it('measures: 25,000 read ids and realistic libraries against the budget', () => {
		const ids = readIds(25_000);
		const asList = jsonBytes(ids);
		// read marks as the read state stores them (packed by month)
		const read = new ReadState();
		read.markRead(ids);
		const compact = jsonBytes(read.serialize());
		let small = emptyLibrary();
		let large = emptyLibrary();
		for (let i = 0; i < 1000; i++) {
			const id = ids[i];
			if (i < 60) small = toggleStar(small, id).library;
			if (i < 10) small = setNote(small, id, '读第三节：和 Diffusion Policy 的对比。'.repeat(2));
			if (i < 20) small = setTags(small, id, ['robotics']);
			if (i < 500) large = toggleStar(large, id).library;
			if (i < 600) large = addToCollection(large, `Project ${i % 6}`, [id]);
			if (i < 200) large = setNote(large, id, `Compare with the baseline in §4; ${'重要的细节，'.repeat(8)} check the ablation.`);
			if (i < 400) large = setTags(large, id, ['robotics', 'to-cite']);
		}
		const figures = { readList: asList, readCompact: compact, smallLibrary: jsonBytes(serializeLibrary(small)), largeLibrary: jsonBytes(serializeLibrary(large)), budget: SYNC_BUDGET_BYTES };
		console.log(`      sync sizes (bytes): ${JSON.stringify(figures)}`);
		assert.ok(asList > SYNC_BUDGET_BYTES, '25,000 ids as a JSON list do not fit');
		assert.ok(compact + figures.smallLibrary <= SYNC_BUDGET_BYTES, 'compact read ids and a typical library fit together');
		assert.ok(figures.largeLibrary <= SYNC_BUDGET_BYTES, 'a large library alone fits');
	});

	it('plans the keys by priority while they fit; the rest stays local', () => {
		const plan = planSync([{ key: 'read', bytes: 60, priority: 2 }, { key: 'library', bytes: 50, priority: 1 }, { key: 'tiny', bytes: 10, priority: 3 }], 100);
		assert.deepStrictEqual(plan.synced, ['library', 'tiny']);
		assert.deepStrictEqual(plan.local.map((c) => c.key), ['read']);
		assert.strictEqual(jsonBytes('é中😀'), 2 + 2 + 3 + 4);
	});
});
