/**
 * Waiting on work for a caller who may stop waiting: the editor's providers (a hover, an outline)
 * pass their CancellationToken, which this module sees by its shape only, so the core stays free of
 * `vscode`.
 */

/** The part of a CancellationToken (vscode's, or a test's) that untilCancelled uses. */
export interface CancelToken {
	readonly isCancellationRequested: boolean;
	onCancellationRequested(listener: () => unknown): { dispose(): unknown };
}

/**
 * `promise`'s value, or undefined as soon as `token` is cancelled or (with `limitMs`) that long has
 * passed: the work itself goes on (its result may fill a cache), only the waiting stops. A rejection
 * comes through.
 */
export function untilCancelled<T>(promise: Promise<T>, token: CancelToken | undefined, limitMs?: number): Promise<T | undefined> {
	if (!token && limitMs === undefined) return promise;
	if (token?.isCancellationRequested) return Promise.resolve(undefined);
	return new Promise((resolve, reject) => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		const sub = token?.onCancellationRequested(() => finish(undefined));
		const finish = (value: T | undefined, err?: unknown) => {
			sub?.dispose();
			if (timer !== undefined) clearTimeout(timer);
			if (err !== undefined) reject(err);
			else resolve(value);
		};
		if (limitMs !== undefined) timer = setTimeout(() => finish(undefined), limitMs);
		promise.then(
			(value) => finish(value),
			(err: unknown) => finish(undefined, err ?? new Error('rejected')),
		);
	});
}
