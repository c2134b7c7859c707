/**
 * Every paper id the parser makes can be kept in the reader's state: a paper without an arXiv or DOI
 * link has a `title:` id (words and spaces) or a `url:` id (a whole link), and a star, a note, a tag or
 * a read mark on it must read back at the next start, not make the stored library or read marks
 * "corrupt".
 */
import * as assert from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyLibrary, setNote, setTags, toggleStar } from '../../src/core/library/model';
import { parseLibrary, serializeLibrary } from '../../src/core/library/serial';
import { cappedPaperId, isStoredPaperId, MAX_PAPER_ID_LENGTH } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { ReadState } from '../../src/core/readState';

function fixtureIds(): string[] {
	const ids = new Set<string>();
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.md')) for (const paper of parseDigest(readFileSync(path, 'utf8'), path).papers) ids.add(paper.id);
		}
	};
	for (const dir of ['real', 'variants', 'seeds']) walk(join('test/fixtures', dir));
	return [...ids];
}

describe("paper ids in the reader's stored state", () => {
	// the fixtures' ids that are not arXiv ids, a link's id longer than 100 characters and the longest title id
	const fromFixtures = fixtureIds().filter((id) => !/^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/.test(id));
	const unusual = [
		...fromFixtures,
		`url:proceedings.neurips.cc/paper_files/paper/2024/hash/${'0123456789abcdef'.repeat(2)}-Abstract-Conference.html`,
		cappedPaperId(`title:${'a long title '.repeat(200)}`),
	];

	it('the fixtures hold linkless papers, whose title ids have spaces (what this suite is about)', () => {
		assert.ok(
			fromFixtures.some((id) => id.startsWith('title:') && id.includes(' ')),
			`a title: id with spaces among ${fromFixtures.join(', ')}`,
		);
	});

	it('a star, a note and tags on any of them read back from the stored library', () => {
		let library = emptyLibrary();
		for (const id of unusual) library = setTags(setNote(toggleStar(library, id).library, id, 'to read'), id, ['later']);
		const back = parseLibrary(JSON.parse(JSON.stringify(serializeLibrary(library))));
		assert.ok(back.ok, back.ok ? '' : back.reason);
		assert.deepStrictEqual(back.value, library);
	});

	it('seen and read marks on any of them read back from the stored read state', () => {
		const state = new ReadState();
		const half = Math.ceil(unusual.length / 2);
		state.markRead(unusual.slice(0, half));
		state.markSeen(unusual.slice(half));
		const back = ReadState.parse(JSON.parse(JSON.stringify(state.serialize())));
		assert.ok(back.ok, back.ok ? '' : back.error);
		for (const id of unusual) assert.strictEqual(back.state.get(id), state.get(id), id);
	});

	it('refuses what no parser id is: empty, blank, spaces at an end, a line break', () => {
		for (const bad of ['', ' ', '\n', ' 2602.04994', '2602.04994 ', 'title:a\nb', 'x'.repeat(MAX_PAPER_ID_LENGTH + 1), 5]) {
			assert.strictEqual(isStoredPaperId(bad), false, JSON.stringify(bad));
		}
		assert.strictEqual(isStoredPaperId('title:a study without any link'), true);
	});

	it('refuses a plain object\'s own names as ids: a hand-made reading-state file with one says it is not valid (it threw, or lost its note)', () => {
		const stored = (part: string) => ({ format: 'arxiv-digest/library', v: 1, collections: [], notes: {}, tags: {}, ...JSON.parse(part) });
		for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
			assert.strictEqual(isStoredPaperId(name), false, name);
			for (const part of [`{"tags":{"${name}":["x"]}}`, `{"notes":{"${name}":"mine"}}`, `{"collections":[{"name":"Starred","ids":["${name}"]}]}`]) {
				const read = parseLibrary(stored(part));
				assert.ok(!read.ok && read.problem === 'corrupt', `${part}: ${JSON.stringify(read)}`);
			}
		}
		assert.ok(isStoredPaperId('title:constructor') && isStoredPaperId('2602.04994'));
	});

	it('cuts a linkless paper\'s over-long title id to MAX_PAPER_ID_LENGTH, never inside a surrogate pair', () => {
		const text = `# 2026-02-06\n\n### ${'Long title words '.repeat(150)}\n\n**Authors:** A. Author\n`;
		const [paper] = parseDigest(text, 'long.md').papers;
		assert.ok(paper.id.startsWith('title:long title words'), paper.id.slice(0, 40));
		assert.strictEqual(paper.id.length, MAX_PAPER_ID_LENGTH);
		const emoji = `title:${'x'.repeat(MAX_PAPER_ID_LENGTH - 7)}😀tail`;
		assert.strictEqual(cappedPaperId(emoji).length, MAX_PAPER_ID_LENGTH - 1, 'the pair left out whole');
		assert.strictEqual(cappedPaperId('2602.04994'), '2602.04994');
	});
});
