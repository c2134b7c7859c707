/**
 * V8's `gc` without --expose-gc on the command line (the index workers' collections after an open,
 * see search/worker.ts). Node only.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's `gc`, taken from a context made while --expose-gc is on. The flag is turned off again at once:
 * V8's flags are the whole process's, the extension host's too, and a flag left changed changed the
 * hash V8 checks code caches against, so the extension's own code cache (core/codeCache), written
 * after a worker had started, was refused at every next window start.
 */
export function exposeGc(): () => void {
	setFlagsFromString('--expose-gc');
	try {
		return runInNewContext('gc') as () => void;
	} finally {
		setFlagsFromString('--no-expose-gc');
	}
}
