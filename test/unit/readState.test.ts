import * as assert from 'node:assert';
import { addCounts, emptyCounts, paperMark } from '../../src/core/readingMarks';
import { baseId, listingDays, packIds, ReadState, unpackIds } from '../../src/core/readState';

describe('read state', () => {
	it('moves new → seen → read, unread goes back to seen, never down from read by seeing', () => {
		const state = new ReadState();
		assert.strictEqual(state.get('2602.00001'), 'new');
		assert.deepStrictEqual(state.markSeen(['2602.00001']), ['2602.00001']);
		assert.strictEqual(state.get('2602.00001'), 'seen');
		assert.deepStrictEqual(state.markRead(['2602.00001v2']), ['2602.00001v2'], 'by id without version');
		assert.strictEqual(state.get('2602.00001v1'), 'read');
		assert.deepStrictEqual(state.markSeen(['2602.00001']), []);
		assert.strictEqual(state.get('2602.00001'), 'read');
		assert.deepStrictEqual(state.markRead(['2602.00001']), []);
		assert.deepStrictEqual(state.markUnread(['2602.00001']), ['2602.00001']);
		assert.strictEqual(state.get('2602.00001'), 'seen');
		assert.deepStrictEqual(state.markUnread(['2602.00009']), [], 'a new paper stays new');
		assert.strictEqual(state.get('2602.00009'), 'new');
	});

	it('undoing a mark as read gives each paper back its own status: new, seen (new on the day seen this session) or read', () => {
		const state = new ReadState();
		state.markRead(['2602.00001']);
		state.markSeen(['2602.00002']);
		state.markSeen(['2602.00003'], '2026-02-05');
		const day = ['2602.00001', '2602.00002', '2602.00003', '2602.00004v2'];
		const looks = () => day.map((id) => [state.get(id), state.statusOn(id, '2026-02-05')]);
		const before = looks();
		const statuses = state.statusesOf(day);
		assert.deepStrictEqual(state.markRead(day), ['2602.00002', '2602.00003', '2602.00004v2']);
		assert.deepStrictEqual(state.unmarkRead(statuses), ['2602.00002', '2602.00003', '2602.00004v2'], 'the one read before is not touched');
		assert.deepStrictEqual(looks(), before);
		assert.deepStrictEqual(state.unmarkRead(statuses), [], 'a second undo changes nothing');
	});

	it('an undo leaves alone a paper marked otherwise since', () => {
		const state = new ReadState();
		const statuses = state.statusesOf(['2602.00001', '2602.00002']);
		state.markRead(['2602.00001', '2602.00002']);
		state.markUnread(['2602.00002']);
		assert.deepStrictEqual(state.unmarkRead(statuses), ['2602.00001']);
		assert.strictEqual(state.get('2602.00001'), 'new');
		assert.strictEqual(state.get('2602.00002'), 'seen', 'unread since: seen, not new');
	});

	it('names only the papers whose status changed, as they were given', () => {
		const state = new ReadState();
		state.markRead(['2602.00002']);
		state.markSeen(['2602.00003']);
		assert.deepStrictEqual(state.markSeen(['2602.00001', '2602.00002', '2602.00003v2', '2602.00004v1'], '2026-02-05'), ['2602.00001', '2602.00004v1']);
		assert.deepStrictEqual(state.markRead(['2602.00001', '2602.00002', '2602.00005', '2602.00005v2']), ['2602.00001', '2602.00005'], 'a repeat counts once');
		assert.deepStrictEqual(state.markUnread(['2602.00001v3', '2602.00003', '2602.00009']), ['2602.00001v3']);
	});

	it('papers seen on a day look the same on it (marks and counts), and change on the other days listing them', () => {
		const state = new ReadState();
		state.markRead(['2602.00003']);
		const lookup = { statusOn: (id: string, day: string | undefined) => state.statusOn(id, day), match: () => undefined, firstListed: () => '2026-02-05' };
		const day = ['2602.00001', '2602.00002', '2602.00003'];
		const look = (on: string) => ({ marks: day.map((id) => paperMark(id, on, lookup)), counts: addCounts(emptyCounts(), day, on, lookup) });
		const before = { on: look('2026-02-06'), other: look('2026-02-07') };
		assert.deepStrictEqual(state.markSeen(day, '2026-02-06'), ['2602.00001', '2602.00002']);
		assert.deepStrictEqual(look('2026-02-06'), before.on, 'the day they were seen on (the Papers view does not redraw it)');
		assert.notDeepStrictEqual(look('2026-02-07'), before.other, 'another day listing them');
	});

	it('a paper read then marked unread is seen on every day, the one it was first seen on too', () => {
		const state = new ReadState();
		state.markSeen(['2602.00001'], '2026-02-05');
		state.markRead(['2602.00001']);
		state.markUnread(['2602.00001']);
		assert.strictEqual(state.statusOn('2602.00001', '2026-02-05'), 'seen');
		assert.strictEqual(state.statusOn('2602.00001', '2026-02-06'), 'seen');
	});

	it('a paper seen on one day is not new when listed again on a later day; seen this session it stays new on that day', () => {
		const state = new ReadState();
		state.markSeen(['2602.00001'], '2026-02-05');
		assert.strictEqual(state.statusOn('2602.00001', '2026-02-05'), 'new', 'marks do not vanish under the reader');
		assert.strictEqual(state.statusOn('2602.00001', '2026-02-06'), 'seen', 'the repeat on a later day is not new');
		// after a reload (a state read back from storage) it is plainly seen
		const parsed = ReadState.parse(state.serialize());
		assert.ok(parsed.ok);
		assert.strictEqual(parsed.state.statusOn('2602.00001', '2026-02-05'), 'seen');
		state.markRead(['2602.00001']);
		assert.strictEqual(state.statusOn('2602.00001', '2026-02-05'), 'read');
	});

	it('lists as seen (is:seen) the papers seen and not read as their newest listing shows them', () => {
		const earlier = new ReadState();
		earlier.markSeen(['2602.00001', '2602.00002v2', '2602.00003'], '2026-02-05');
		earlier.markRead(['2602.00003']);
		const parsed = ReadState.parse(earlier.serialize());
		assert.ok(parsed.ok);
		const state = parsed.state;
		const newest = new Map([['2602.00004', '2026-02-06'], ['2602.00006', '2026-02-07']]);
		const newestListed = (id: string) => newest.get(id);
		assert.deepStrictEqual(state.seenIds(newestListed).sort(), ['2602.00001', '2602.00002'], 'seen last session, by id without version; a read one is not');
		state.markSeen(['2602.00004'], '2026-02-06');
		state.markSeen(['2602.00005']);
		state.markSeen(['2602.00006'], '2026-02-06');
		assert.deepStrictEqual(
			state.seenIds(newestListed).sort(),
			['2602.00001', '2602.00002', '2602.00005', '2602.00006'],
			'seen this session on its newest day: still new there (statusOn), so not seen; seen on an older day than its newest listing: seen there; seen on no day: seen',
		);
		for (const id of ['2602.00004', '2602.00006']) {
			assert.strictEqual(state.statusOn(id, newest.get(id)), state.seenIds(newestListed).includes(id) ? 'seen' : 'new', `${id}: as its newest day shows it`);
		}
		state.markRead(['2602.00004']);
		state.markUnread(['2602.00004', '2602.00003']);
		assert.deepStrictEqual(state.seenIds(newestListed).sort(), ['2602.00001', '2602.00002', '2602.00003', '2602.00004', '2602.00005', '2602.00006'], 'marked unread: seen on every day (statusOn)');
		assert.strictEqual(state.statusOn('2602.00004', '2026-02-06'), 'seen');
	});

	it('computes the first and the newest day each paper is listed on, by id without version, from summaries', () => {
		const files = [
			{ day: '2026-02-06', papers: [{ id: '2602.00001v2' }, { id: '2602.00002' }] },
			{ day: '2026-02-05', papers: [{ id: '2602.00001' }] },
			{ papers: [{ id: '2602.00003' }] },
			{ day: '2026-02-07', papers: [{ id: '2602.00002' }] },
		];
		assert.deepStrictEqual([...listingDays(files).first].sort(), [
			['2602.00001', '2026-02-05'],
			['2602.00002', '2026-02-06'],
		]);
		assert.deepStrictEqual([...listingDays(files).last].sort(), [
			['2602.00001', '2026-02-06'],
			['2602.00002', '2026-02-07'],
		], 'the newest day each is listed on');
		assert.strictEqual(baseId('hep-th/9901001v3'), 'hep-th/9901001');
	});

	it('strips a version after a digit as /(\\d)v\\d+$/i would, ids without one (ending in a digit too) as they are', () => {
		const ids = ['2602.04994', '2602.04994v2', '2602.04994V12', '2602.04994v', 'hep-th/9901001v3', 'hep-th/9901001', 'v2', 'v', '', '7', '7v2', 'openreview:xyz', 'openreview:abcv1', '2602.0499x4', '2602.04994vv2', 'doi:10.1/v.2'];
		for (const id of ids) assert.strictEqual(baseId(id), id.replace(/(\d)v\d+$/i, '$1'), id);
		assert.strictEqual(baseId('2602.04994v2'), '2602.04994');
		// two linkless papers, YOLOv5 and YOLOv8: two ids, two read marks
		assert.strictEqual(baseId('title:improving yolov5'), 'title:improving yolov5');
		assert.strictEqual(baseId('url:example.org/paper/v2'), 'url:example.org/paper/v2');
		const state = new ReadState();
		state.markRead(['title:improving yolov5']);
		assert.strictEqual(state.get('title:improving yolov8'), 'new');
		// a mark an earlier version stored under the key without `v5` is still found
		const earlier = ReadState.parse(JSON.parse(JSON.stringify((() => {
			const old = new ReadState();
			old.markRead(['title:improving yolo']);
			return old.serialize();
		})())));
		assert.ok(earlier.ok);
		assert.strictEqual(earlier.state.get('title:improving yolov5'), 'read');
		assert.strictEqual(earlier.state.statusOn('title:improving yolov5', '2026-03-10'), 'read');
		earlier.state.markUnread(['title:improving yolov5']);
		assert.strictEqual(earlier.state.get('title:improving yolov5'), 'seen', 'marked unread: its own key now');
	});

	it('round-trips through its packed stored form, old-style and odd ids included', () => {
		const state = new ReadState();
		state.markRead(['2602.04994', '2602.04995', '2602.04998', '0704.0001', 'hep-th/9901001', '2602.1234', 'openreview:xyz']);
		state.markSeen(['2601.00010', '2602.04994']);
		const stored = state.serialize();
		assert.deepStrictEqual(stored.read.months['2602'], '3uq,1,3');
		const parsed = ReadState.parse(JSON.parse(JSON.stringify(stored)));
		assert.ok(parsed.ok);
		assert.deepStrictEqual(parsed.state.readIds().sort(), state.readIds().sort());
		assert.strictEqual(parsed.state.get('2601.00010'), 'seen');
		assert.strictEqual(parsed.state.get('2602.1234'), 'read');
		assert.strictEqual(ReadState.parse(undefined).ok, true, 'nothing stored: an empty state');
	});

	it('reads a stored state back as the same ids: zero-padded numbers, both number widths, modern ids listed under other', () => {
		const stored = {
			format: 1,
			read: { months: { '2602': '1,9', '0704': '1' }, other: ['2601.00007', 'hep-th/9901001'] },
			seen: { months: { '2512': 'rs' }, other: [] },
		};
		const parsed = ReadState.parse(stored);
		assert.ok(parsed.ok);
		assert.deepStrictEqual(parsed.state.readIds().sort(), ['0704.0001', '2601.00007', '2602.00001', '2602.00010', 'hep-th/9901001']);
		assert.strictEqual(parsed.state.get('2601.00007v3'), 'read', 'a modern id stored under other is the same paper');
		assert.strictEqual(parsed.state.get('2512.01000'), 'seen');
		assert.strictEqual(parsed.state.get('2602.0001'), 'new', 'a 4-digit number in a 5-digit month is another id');
		assert.deepStrictEqual(parsed.state.serialize().read, { months: { '0704': '1', '2601': '7', '2602': '1,9' }, other: ['hep-th/9901001'] });
	});

	it('takes the largest number a month\'s width allows and rejects the next (4 digits before 1501, 5 from it)', () => {
		const stored = (months: Record<string, string>) => ({ format: 1, read: { months, other: [] }, seen: { months: {}, other: [] } });
		const ok = ReadState.parse(stored({ '0000': '1', '0704': '7pr', '1500': '7pr', '1501': '255r', '9999': '255r' }));
		assert.ok(ok.ok);
		assert.deepStrictEqual(ok.state.readIds().sort(), ['0000.0001', '0704.9999', '1500.9999', '1501.99999', '9999.99999']);
		const overflowing: Record<string, string>[] = [{ '0704': '7ps' }, { '1500': '7ps' }, { '1501': '255s' }, { '9999': '255r,1' }];
		for (const months of overflowing) {
			const parsed = ReadState.parse(stored(months));
			assert.ok(!parsed.ok && /out of range/.test(parsed.error), JSON.stringify(months));
		}
	});

	it('rejects corrupt or foreign stored values with a reason', () => {
		const bad: unknown[] = [
			'read',
			[],
			{ format: 2, read: packIds([]), seen: packIds([]) },
			{ format: 1, read: { months: { '2602': '3uq,!!' }, other: [] }, seen: packIds([]) },
			{ format: 1, read: { months: { x: '1' }, other: [] }, seen: packIds([]) },
			{ format: 1, read: { months: {}, other: [3] }, seen: packIds([]) },
			{ format: 1, read: packIds([]) },
			{ format: 1, read: { months: { '2602': 'zzzz' }, other: [] }, seen: packIds([]) },
		];
		for (const value of bad) {
			const parsed = ReadState.parse(value);
			assert.strictEqual(parsed.ok, false, JSON.stringify(value));
			if (!parsed.ok) assert.ok(parsed.error.length > 0);
		}
	});

	it('packs 25,000 read ids small enough for Settings Sync', () => {
		const ids: string[] = [];
		// five months of ~25k listings a month, one in five read
		for (let i = 0; i < 25000; i++) ids.push(`26${String(1 + (i % 5)).padStart(2, '0')}.${String(Math.floor(i / 5) * 5 + (i % 3)).padStart(5, '0')}`);
		const packed = JSON.stringify(packIds(ids));
		const plain = JSON.stringify(ids);
		assert.ok(packed.length < 80_000, `${packed.length} bytes`);
		assert.ok(packed.length < plain.length / 2);
		const back = unpackIds(JSON.parse(packed));
		assert.ok('ids' in back);
		assert.strictEqual(new Set(back.ids).size, new Set(ids).size);
	});
});
