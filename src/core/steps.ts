/**
 * Work in steps: a generator that pauses (`yield`) between steps of a few milliseconds, so that an
 * owner answering requests on the same thread can answer them in between (the search engine's
 * save, a cold build's term sort), and runs in one go where nothing waits.
 */

/** Runs `steps` to the end at once; returns what it returns. */
export function runSteps<T>(steps: Generator<void, T>): T {
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}
