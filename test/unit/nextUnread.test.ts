import * as assert from 'node:assert';
import { nextUnreadRef } from '../../src/features/cards/nextUnread';
import { randomPaperRef } from '../../src/features/cards/randomPaper';
import type { DigestFile } from '../../src/features/workspace/types';
import { compactTexts, summaryFromCompact } from '../../src/core/summary';

function file(uri: string, day: string, ids: string[]): DigestFile {
	const digest = { path: uri, day, label: day, categories: [], papers: ids.map((id) => ({ id, isArxiv: true, title: id, authors: [], section: 'cs.AI', range: { start: 0, end: 0 }, headingLine: 0 })) };
	return { uri: { toString: () => uri }, digest } as unknown as DigestFile;
}

describe('Next Unread (Match)', () => {
	const files = [file('file:///b.md', '2026-02-05', ['b1', 'b2']), file('file:///a.md', '2026-02-06', ['a1', 'a2', 'a3'])];
	const read = new Set(['a2']);
	const matches = new Set(['a1', 'b2']);
	const reading = {
		statusOn: (id: string) => (read.has(id) ? ('read' as const) : ('new' as const)),
		match: (id: string) => (matches.has(id) ? { words: ['x'], excluded: false } : undefined),
	};

	it('goes to the next unread paper of the same digest, skipping read ones, then to older days', () => {
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///a.md', id: 'a1', index: 0 }, reading, 'unread'), { uri: 'file:///a.md', id: 'a3', index: 2 });
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///a.md', id: 'a3', index: 2 }, reading, 'unread'), { uri: 'file:///b.md', id: 'b1', index: 0 });
	});

	it('Next Unread Match skips non-matches and wraps around to the newest day', () => {
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///a.md', id: 'a1', index: 0 }, reading, 'match'), { uri: 'file:///b.md', id: 'b2', index: 1 });
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///b.md', id: 'b2', index: 1 }, reading, 'match'), { uri: 'file:///a.md', id: 'a1', index: 0 });
		assert.deepStrictEqual(nextUnreadRef(files, undefined, reading, 'match'), { uri: 'file:///a.md', id: 'a1', index: 0 }, 'no card: the newest day first');
	});

	it('Next New skips the papers seen before as well as the read ones: the repeats of a day', () => {
		const seen = new Set(['a3', 'b1']);
		const marks = { ...reading, statusOn: (id: string) => (read.has(id) ? ('read' as const) : seen.has(id) ? ('seen' as const) : ('new' as const)) };
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///a.md', id: 'a1', index: 0 }, marks, 'new'), { uri: 'file:///b.md', id: 'b2', index: 1 }, 'past a2 (read), a3 and b1 (seen before)');
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///a.md', id: 'a1', index: 0 }, marks, 'unread'), { uri: 'file:///a.md', id: 'a3', index: 2 }, 'Next Unread stops at a seen one');
		seen.add('b2');
		assert.strictEqual(nextUnreadRef(files, { uri: 'file:///a.md', id: 'a1', index: 0 }, marks, 'new'), undefined, 'the card\'s own paper is not next');
	});

	it('from a day or category selected in the Papers view: its first paper on, that paper included', () => {
		// the older day selected: its first paper, though a newer day has unread papers
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///b.md', index: 0 }, reading, 'unread'), { uri: 'file:///b.md', id: 'b1', index: 0 });
		// a category starting at a2 (read): on to a3, then the older day
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///a.md', index: 1 }, reading, 'unread'), { uri: 'file:///a.md', id: 'a3', index: 2 });
		// every paper after it read: round to the newest day, and to the papers before the start last
		const onlyA1 = { ...reading, statusOn: (id: string) => (id === 'a1' ? ('new' as const) : ('read' as const)) };
		assert.deepStrictEqual(nextUnreadRef(files, { uri: 'file:///a.md', index: 1 }, onlyA1, 'unread'), { uri: 'file:///a.md', id: 'a1', index: 0 });
	});

	it('finds nothing when everything is read', () => {
		const allRead = { ...reading, statusOn: () => 'read' as const };
		assert.strictEqual(nextUnreadRef(files, undefined, allRead, 'unread'), undefined);
	});

	it("walks the days by their papers' ids, parsing no summary's papers", () => {
		let parsed = 0;
		const lazy = files.map((f) => {
			const texts = compactTexts(f.digest);
			const digest = summaryFromCompact(texts.head, () => {
				parsed++;
				return texts.papers;
			});
			return { ...f, digest } as DigestFile;
		});
		assert.deepStrictEqual(nextUnreadRef(lazy, { uri: 'file:///a.md', id: 'a1', index: 0 }, reading, 'match'), { uri: 'file:///b.md', id: 'b2', index: 1 });
		const allRead = { ...reading, statusOn: () => 'read' as const };
		assert.strictEqual(nextUnreadRef(lazy, undefined, allRead, 'unread'), undefined);
		assert.strictEqual(parsed, 0);
	});
});

describe('Random', () => {
	const files = [file('file:///b.md', '2026-02-05', ['b1', 'x']), file('file:///a.md', '2026-02-06', ['x', 'a2'])];
	/** every answer of `random` in steps of 1/n */
	const picks = (list: DigestFile[], exclude: { uri?: string; id: string; index?: number } | undefined, n = 64) =>
		Array.from({ length: n }, (_, k) => randomPaperRef(list, exclude, () => k / n)?.id);

	it('picks each listing but the card\'s paper, whatever the random numbers', () => {
		const ids = picks(files, { uri: 'file:///a.md', id: 'x', index: 0 });
		assert.deepStrictEqual([...new Set(ids)].sort(), ['a2', 'b1']);
		assert.strictEqual(ids.filter((id) => id === 'b1').length, 32, 'each as likely');
		assert.deepStrictEqual([...new Set(picks(files, undefined))].sort(), ['a2', 'b1', 'x']);
	});

	it("shows the card's paper when it is the only one listed, even on two days", () => {
		const one = [file('file:///b.md', '2026-02-05', ['x']), file('file:///a.md', '2026-02-06', ['x'])];
		assert.deepStrictEqual([...new Set(picks(one, { uri: 'file:///a.md', id: 'x', index: 0 }))], ['x']);
		assert.strictEqual(randomPaperRef([file('file:///e.md', '2026-02-07', [])], undefined), undefined, 'no papers: nothing');
	});
});
