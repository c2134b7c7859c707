import * as assert from 'node:assert';
import { MAX_SPARSE_BAR_PX, MIN_BAR_PX, dayBarWidth, dayNumber, dayOfNumber, dayTicks } from '../../src/core/trends/dayAxis';

describe('the Statistics view places days by the calendar', () => {
	it('numbers days from 1970-01-01 and back, across months, leap days and years', () => {
		assert.strictEqual(dayNumber('1970-01-01'), 0);
		assert.strictEqual(dayNumber('2026-03-01') - dayNumber('2026-02-27'), 2);
		assert.strictEqual(dayNumber('2028-03-01') - dayNumber('2028-02-28'), 2, 'a leap day between');
		for (const day of ['2026-02-06', '2028-02-29', '2026-12-31', '2027-01-01']) assert.strictEqual(dayOfNumber(dayNumber(day)), day);
		assert.strictEqual(dayOfNumber(dayNumber('2026-02-06') + 0.4), '2026-02-06');
	});

	it('labels every day of two weeks, the Mondays of three months, the firsts of months beyond', () => {
		const labels = (from: string, to: string) => dayTicks(dayNumber(from), dayNumber(to)).map(dayOfNumber);
		assert.deepStrictEqual(labels('2026-02-06', '2026-02-09'), ['2026-02-06', '2026-02-07', '2026-02-08', '2026-02-09']);
		assert.deepStrictEqual(labels('2026-02-06', '2026-03-10'), ['2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09']);
		for (const day of labels('2026-02-06', '2026-03-10')) assert.strictEqual(new Date(`${day}T00:00:00Z`).getUTCDay(), 1, `${day} is a Monday`);
		assert.deepStrictEqual(labels('2026-01-01', '2026-06-15'), ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
		assert.deepStrictEqual(labels('2025-11-20', '2026-03-02'), ['2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01']);
		assert.deepStrictEqual(labels('2024-02-10', '2026-08-01'), ['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01']);
	});

	it('draws bars at least a few pixels wide where days are sparse on a long axis, and leaves dense or close days as Chart.js draws them', () => {
		const days = (...list: string[]) => list.map(dayNumber);
		// 22 days over 17 months, two of them neighbours, on 500 px: Chart.js gave each 0.7 px
		const months = Array.from({ length: 17 }, (_, m) => Date.UTC(2025, m + 1, 15) / 86_400_000).slice(0, 20);
		const sparse = [...days('2025-01-06', '2025-01-07', '2025-01-20', '2025-01-27', '2026-06-01'), ...months].sort((a, b) => a - b);
		assert.strictEqual(sparse.length, 22);
		assert.strictEqual(dayBarWidth(sparse, 500), 500 / 22 / 4, 'a quarter of its share of the plot');
		assert.strictEqual(dayBarWidth(sparse, 200), MIN_BAR_PX, 'at least 3 px');
		assert.strictEqual(dayBarWidth(sparse, 2000), MAX_SPARSE_BAR_PX, 'at most 6 px');
		// as many bars as pixels: no more than each bar's share
		const crowded = Array.from({ length: 500 }, (_, i) => dayNumber('2025-01-01') + Math.floor(i * 1.05));
		assert.strictEqual(dayBarWidth(crowded, 600), (600 / 500) * 0.72);
		// a month of days: Chart.js's width
		assert.strictEqual(dayBarWidth(Array.from({ length: 30 }, (_, i) => dayNumber('2026-06-01') + i), 600), undefined);
		// a few days weeks apart: no wider than their own day's room (Chart.js made them 4 weeks wide,
		// over the neighbouring dates and past the axis ends), but never thinner than a sparse bar
		const monthly = days('2026-01-05', '2026-02-02', '2026-03-02', '2026-03-30');
		assert.strictEqual(dayBarWidth(monthly, 600), MAX_SPARSE_BAR_PX);
		const threeDays = days('2026-02-06', '2026-02-09', '2026-02-23');
		const dayPx = 1200 / 18;
		assert.strictEqual(dayBarWidth(threeDays, 1200), 0.72 * dayPx, 'a day wide where that is wider than a sparse bar');
		// a single bar, or no room yet: Chart.js's width
		assert.strictEqual(dayBarWidth(days('2026-01-05'), 600), undefined);
		assert.strictEqual(dayBarWidth(sparse, 0), undefined);
	});
});
