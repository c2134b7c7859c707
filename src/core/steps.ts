/**
 * Work in steps: a generator that pauses (`yield`) between steps of a few milliseconds, so that an
 * owner answering requests on the same thread can answer them in between (the search engine's
 * save, a cold build's term sort), and runs in one go where nothing waits.
 */

/** Whether a loop in steps pauses at its `k`-th item (from 0): after every `every` items. */
export function pauseAt(k: number, every: number): boolean {
	return k % every === every - 1;
}

/** Runs `steps` to the end at once; returns what it returns. */
export function runSteps<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * A checkpoint for long work on a thread others share (the extension host's: every extension and
 * the workbench's messages): `pause()` gives the thread back (`giveBack`, a macrotask) once the work
 * since the last give-back has run `sliceMs`, and returns undefined before that, so that a hot loop
 * pays no promise per item: `const wait = pause(); if (wait) await wait;`. A new slice starts when
 * the thread is back (the wait for it is not work).
 */
export function threadSlices(sliceMs: number, giveBack: () => Promise<void>, now: () => number = Date.now): () => Promise<void> | undefined {
	let sliceStart = now();
	return () => {
		if (now() - sliceStart < sliceMs) return undefined;
		return giveBack().then(() => {
			sliceStart = now();
		});
	};
}

/** What runInSlices needs of its owner's thread: a clock, a way to give the thread back, and its own slice (if any). */
export interface SliceScheduling {
	yield(): Promise<void>;
	now(): number;
	sliceMs?: number;
}

/**
 * Runs `steps` to the end, giving the thread back (`scheduling.yield`) whenever a slice of `sliceMs`
 * (or the owner's own shorter slice) is up, so that requests waiting on the same thread are answered
 * in between; undefined as soon as `unchanged` says, after a pause, that what the steps read changed.
 */
export async function runInSlices<T>(steps: Generator<void, T>, scheduling: SliceScheduling, unchanged: () => boolean, sliceMs: number): Promise<{ value: T } | undefined> {
	const slice = Math.min(scheduling.sliceMs ?? sliceMs, sliceMs);
	let started = scheduling.now();
	for (;;) {
		const step = steps.next();
		if (step.done) return { value: step.value };
		if (scheduling.now() - started < slice) continue;
		await scheduling.yield();
		if (!unchanged()) return undefined;
		started = scheduling.now();
	}
}
