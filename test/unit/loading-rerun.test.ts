import * as assert from 'node:assert';
import { LoadingRerun } from '../../src/features/search/loadingRerun';
import { FakeClock } from './fake-clock';

describe('search box: asking again while the index fills', () => {
	it('asks at most once a second while progress comes, and at once when the loading ends', () => {
		const clock = new FakeClock();
		const runs: number[] = [];
		const rerun = new LoadingRerun(() => runs.push(clock.now()), 1000, clock);
		// a file read every 100 ms for 2.5 s
		for (let t = 0; t < 2500; t += 100) {
			rerun.progress(true);
			clock.tick(100);
		}
		assert.deepStrictEqual(runs, [1000, 2000], 'one search a second, not one per file');
		rerun.progress(false);
		assert.deepStrictEqual(runs, [1000, 2000, 2500], 'the end of the loading asks at once');
		clock.tick(5000);
		assert.deepStrictEqual(runs, [1000, 2000, 2500], 'nothing left pending after the end');
		rerun.dispose();
	});

	it('asks nothing once disposed (the box was closed)', () => {
		const clock = new FakeClock();
		let runs = 0;
		const rerun = new LoadingRerun(() => runs++, 1000, clock);
		rerun.progress(true);
		rerun.dispose();
		clock.tick(2000);
		assert.strictEqual(runs, 0);
	});
});
