/**
 * An index worker's full garbage collections wait until it has had no request for a moment, and
 * for the messages that came in meanwhile, never past their deadline (idleCollector.ts). Time and
 * the event loop are simulated: a timer fires when the clock passes it, a deferred run happens when
 * the test says the waiting messages were handled.
 */
import * as assert from 'node:assert';
import { IdleCollector } from '../../src/core/search/idleCollector';

function simulated(options: { idleMs?: number; maxWaitMs?: number; gapMs?: number } = {}) {
	let clock = 0;
	let nextId = 1;
	const timers = new Map<number, { at: number; run: () => void }>();
	const deferred = new Map<number, () => void>();
	const runs: number[] = [];
	const collector = new IdleCollector(() => runs.push(clock), {
		idleMs: options.idleMs ?? 50,
		maxWaitMs: options.maxWaitMs ?? 1000,
		gapMs: options.gapMs ?? 100,
		now: () => clock,
		setTimer: (run, ms) => {
			const id = nextId++;
			timers.set(id, { at: clock + ms, run });
			return id;
		},
		clearTimer: (id) => timers.delete(id as number),
		afterPending: (run) => {
			const id = nextId++;
			deferred.set(id, run);
			return id;
		},
		cancel: (id) => deferred.delete(id as number),
	});
	/** the clock moves to `to`: due timers fire in order; `thenHandled` says whether the loop then reaches its deferred runs */
	const advance = (to: number, thenHandled = true) => {
		for (;;) {
			const due = [...timers.entries()].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) break;
			timers.delete(due[0]);
			clock = due[1].at;
			due[1].run();
			if (thenHandled) handled();
		}
		clock = to;
	};
	const handled = () => {
		for (const [id, run] of [...deferred]) {
			deferred.delete(id);
			run();
		}
	};
	return { collector, runs, advance, handled, waiting: () => timers.size + deferred.size };
}

describe('collections when an index worker is idle', () => {
	it('runs a collection once no request came for idleMs', () => {
		const s = simulated();
		s.collector.request();
		s.advance(49);
		assert.deepStrictEqual(s.runs, []);
		s.advance(60);
		assert.deepStrictEqual(s.runs, [50]);
		assert.strictEqual(s.collector.pending, 0);
		assert.strictEqual(s.waiting(), 0, 'nothing left scheduled');
	});

	it('each request postpones it, but not past maxWaitMs after it was asked for', () => {
		const s = simulated();
		s.collector.request();
		for (let t = 30; t < 2000; t += 30) {
			s.advance(t);
			s.collector.busy();
		}
		assert.deepStrictEqual(s.runs, [1000], 'a request every 30 ms: the deadline');
	});

	it('a collection due while messages wait runs after them; one of them makes it wait again', () => {
		const s = simulated();
		s.collector.request();
		// a long step: the timer fires, but the loop has not handled the message that came in meanwhile
		s.advance(50, false);
		assert.deepStrictEqual(s.runs, []);
		s.collector.busy();
		s.handled();
		assert.deepStrictEqual(s.runs, [], 'the message came first; the collection waits for the next idle moment');
		s.advance(200);
		assert.deepStrictEqual(s.runs, [100]);
	});

	it('two asked for together run gapMs apart or more, each when idle', () => {
		const s = simulated();
		s.collector.request(2);
		s.advance(50);
		assert.deepStrictEqual(s.runs, [50]);
		s.advance(120);
		s.collector.busy();
		s.advance(1000);
		assert.deepStrictEqual(s.runs, [50, 170], 'the second waited for the request at 120 to be 50 ms old');
		// asking again while one is pending adds none
		s.collector.request();
		s.collector.request();
		s.advance(2000);
		assert.deepStrictEqual(s.runs, [50, 170, 1050]);
	});

	it('whenDone resolves once every collection asked for has run (at once when none is), or on dispose', async () => {
		const s = simulated();
		let done = false;
		await s.collector.whenDone();
		s.collector.request(2);
		void s.collector.whenDone().then(() => (done = true));
		s.advance(50);
		await Promise.resolve();
		assert.ok(!done, 'one of two ran');
		s.advance(200);
		await Promise.resolve();
		assert.ok(done);
		assert.deepStrictEqual(s.runs, [50, 150]);
		s.collector.request();
		let released = false;
		void s.collector.whenDone().then(() => (released = true));
		s.collector.dispose();
		await Promise.resolve();
		assert.ok(released, 'a disposed collector leaves no one waiting');
	});

	it('busy without a collection wanted schedules nothing; dispose cancels what was', () => {
		const s = simulated();
		s.collector.busy();
		assert.strictEqual(s.waiting(), 0);
		s.collector.request();
		s.collector.dispose();
		s.advance(5000);
		assert.deepStrictEqual(s.runs, []);
		assert.strictEqual(s.waiting(), 0);
	});
});
