/** ShardIO over node:fs, for the worker and the CLI. */
import { mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseDigest } from '../parser';
import type { ShardIO } from './engine';

export function nodeShardIO(cachePath: string | undefined): ShardIO {
	return {
		readDigest: async (path) => {
			let text: string;
			try {
				text = readFileSync(path, 'utf8');
			} catch {
				return undefined;
			}
			return parseDigest(text, path);
		},
		readCache: async () => {
			if (!cachePath) return undefined;
			try {
				return readFileSync(cachePath);
			} catch {
				return undefined;
			}
		},
		writeCache: async (bytes) => {
			if (!cachePath) return;
			mkdirSync(dirname(cachePath), { recursive: true });
			// write then rename, so a crash mid-write never leaves a half cache under the real name
			const temp = `${cachePath}.${process.pid}.tmp`;
			writeFileSync(temp, bytes);
			renameSync(temp, cachePath);
		},
		// a macrotask, so search requests get answered between slices of a build
		yield: () => new Promise((resolve) => setImmediate(resolve)),
		now: () => performance.now(),
	};
}
