import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeDigest } from '../core/detect';
import { errorMessage } from './io';

const DIGEST_EXTENSIONS = /\.(md|markdown|txt)$/i;

/**
 * Candidate digest files under `dir`, sorted so output is stable across
 * platforms. node_modules and dot-directories (.git, .vscode) never hold digests
 * and can be huge, so they are not entered.
 */
export function findCandidateFiles(dir: string): string[] {
	const found: string[] = [];
	const pending = [dir];
	while (pending.length > 0) {
		const current = pending.pop() as string;
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const path = join(current, entry.name);
			if (entry.isDirectory()) {
				if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
				pending.push(path);
			} else if (entry.isFile() && DIGEST_EXTENSIONS.test(entry.name)) {
				found.push(path);
			}
		}
	}
	return found.sort();
}

export interface CorpusFile {
	path: string;
	text: string;
	bytes: number;
}

export interface LoadedCorpus {
	files: CorpusFile[];
	/** candidate files left out because they are not digests */
	skipped: string[];
	/** files that could not be read, with the reason */
	unreadable: { path: string; reason: string }[];
}

/**
 * Reads every digest under `dir`. A candidate counts when its first lines look
 * like a digest, or, failing that, when `hasPapers` finds at least one paper
 * in it (forks without a table of contents and a late first heading).
 */
export function loadDigestFiles(dir: string, hasPapers: (text: string, path: string) => boolean): LoadedCorpus {
	const corpus: LoadedCorpus = { files: [], skipped: [], unreadable: [] };
	for (const path of findCandidateFiles(dir)) {
		let buffer: Buffer;
		try {
			buffer = readFileSync(path);
		} catch (error) {
			corpus.unreadable.push({ path, reason: errorMessage(error) });
			continue;
		}
		const text = buffer.toString('utf8');
		if (looksLikeDigest(text) || hasPapers(text, path)) corpus.files.push({ path, text, bytes: buffer.length });
		else corpus.skipped.push(path);
	}
	return corpus;
}
