import * as assert from 'node:assert';
import { includesWrite, namesWhatItBuildsOn, WriteStamps } from '../../src/core/writeStamps';

const DAY = 24 * 60 * 60 * 1000;

describe('write stamps', () => {
	it('a write names what it builds on: its own writes and those of the values it read, theirs last', () => {
		const a = new WriteStamps();
		const first = { stamp: a.next(), builtOn: a.builtOn() };
		const b = new WriteStamps();
		b.saw(first);
		const second = { stamp: b.next(), builtOn: b.builtOn() };
		assert.ok(includesWrite(second, first.stamp), 'b built on a\'s write');
		assert.ok(a.includesMine(second));
		a.next();
		assert.ok(!a.includesMine(second), 'a wrote since: second lacks it');
		assert.ok(namesWhatItBuildsOn(second) && !namesWhatItBuildsOn({ stamp: 'old:1' }));
	});

	it('lets go of a writer whose window started more than 90 days ago, and keeps the rest however many', () => {
		let now = Date.parse('2026-01-01T00:00:00Z');
		const clock = () => now;
		const old = new WriteStamps(clock);
		const oldWrite = { stamp: old.next(), builtOn: old.builtOn() };
		let last: unknown = oldWrite;
		// 200 windows over 120 days, each reading the value before it and writing
		for (let i = 0; i < 200; i++) {
			now += (120 * DAY) / 200;
			const w = new WriteStamps(clock);
			w.saw(last);
			last = { stamp: w.next(), builtOn: w.builtOn() };
		}
		const named = Object.keys((last as { builtOn: Record<string, number> }).builtOn);
		assert.ok(!includesWrite(last, oldWrite.stamp), 'the window of 120 days ago is let go');
		assert.ok(named.length > 140 && named.length <= 201, `the windows of the last 90 days stay named: ${named.length}`);
	});
});
