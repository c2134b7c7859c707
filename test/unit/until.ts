import * as assert from 'node:assert';

/** Waits for `probe` to hold (checked every 10 ms), failing after 3 s with what was awaited. */
export async function until(what: string, probe: () => boolean): Promise<void> {
	const deadline = Date.now() + 3000;
	while (!probe()) {
		if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
