/**
 * `util` for the web build's one user of it, fill-range (under braces, core/glob.ts), which calls
 * `util.inspect` only to word the error of a range it cannot fill. The npm `util` polyfill reads
 * `process.env` as it loads, which a browser has not (see test/harness/web-bundle.mjs, webHostPlugin).
 */
export function inspect(value: unknown): string {
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}
