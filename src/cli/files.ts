import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PATH_NOCASE, readHeadSync } from '../core/corpus/nodeIO';
import { DEFAULT_DETECTION, DETECT_HEAD_BYTES, isDigestSource } from '../core/detect';
import { errorMessage } from './io';

const DIGEST_EXTENSIONS = /\.(md|markdown|txt)$/i;

/**
 * Candidate digest files under `dir`, sorted so output is stable across
 * platforms. node_modules and dot-directories (.git, .vscode) never hold digests
 * and can be huge, so they are not entered. Symbolic links are followed, as the
 * editor's file search follows them (a folder of links to a clone's digests), each
 * folder entered once (a link back up would loop); a broken link is left out.
 */
function findCandidateFiles(dir: string): string[] {
	const found: string[] = [];
	const entered = new Set<string>([realpathSync(dir)]);
	const pending = [dir];
	while (pending.length > 0) {
		const current = pending.pop() as string;
		for (const entry of readdirSync(current, { withFileTypes: true })) {
			const path = join(current, entry.name);
			const target = entry.isSymbolicLink() ? linkTarget(path) : entry;
			if (target?.isDirectory()) {
				if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
				const real = realpathSync(path);
				if (entered.has(real)) continue;
				entered.add(real);
				pending.push(path);
			} else if (target?.isFile() && DIGEST_EXTENSIONS.test(entry.name)) {
				found.push(path);
			}
		}
	}
	return found.sort();
}

/** what a symbolic link points to; undefined when it points nowhere */
function linkTarget(path: string): Stats | undefined {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

export interface DigestListing {
	/** the digests, sorted */
	files: string[];
	/** candidate files left out because they are not digests */
	skipped: string[];
	/** files that could not be read, with the reason */
	unreadable: { path: string; reason: string }[];
}

/**
 * The digests under `dir`, decided by the extension's one rule (isDigestSource, README "Which
 * files are digests") at the settings' defaults (the command line has none), from the head of
 * each candidate. A README, a changelog or notes next to the digests are left out: parsed, their
 * headings became categories and their links papers. The user named the folder, so unlike the
 * editor's workspace scan a file's name does not narrow the candidates (`000_seed.txt` is read
 * too): its content decides.
 */
export function listDigestFiles(dir: string): DigestListing {
	const listing: DigestListing = { files: [], skipped: [], unreadable: [] };
	for (const path of findCandidateFiles(dir)) {
		let unreadable: unknown;
		const digest = isDigestSource({
			...DEFAULT_DETECTION,
			relativePath: relativePathIn(dir, path),
			head: () => {
				try {
					return readHeadSync(path, DETECT_HEAD_BYTES).head;
				} catch (error) {
					unreadable = error;
					return '';
				}
			},
			nocase: PATH_NOCASE,
		});
		if (unreadable !== undefined) listing.unreadable.push({ path, reason: errorMessage(unreadable) });
		else (digest ? listing.files : listing.skipped).push(path);
	}
	return listing;
}

/**
 * The candidates under `dir` for the search index, as the extension hands its workspace's to the
 * index: `always` when the rule names one by its path alone (an `arxivDigest.files` glob, none by
 * default), else its head decides in the shard that reads it (looksLikeDigest, the rule's other
 * half). The shards remember what they found in their cache, so a warm start reads no head, where
 * listing the digests here first (listDigestFiles) read 167 heads, 20–40 ms, at every search.
 */
export function listCandidates(dir: string): { path: string; always: boolean }[] {
	const candidates: { path: string; always: boolean }[] = [];
	for (const path of findCandidateFiles(dir)) {
		const always = isDigestSource({ ...DEFAULT_DETECTION, detect: false, relativePath: relativePathIn(dir, path), head: () => '', nocase: PATH_NOCASE });
		if (always || DEFAULT_DETECTION.detect) candidates.push({ path, always });
	}
	return candidates;
}

/** `path` relative to `dir`, `/`-separated, as the rule's globs read it */
function relativePathIn(dir: string, path: string): string {
	return relative(dir, path).split(sep).join('/');
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

/** Reads every digest under `dir` (listDigestFiles) whole. */
export function loadDigestFiles(dir: string): LoadedCorpus {
	const listing = listDigestFiles(dir);
	const corpus: LoadedCorpus = { files: [], skipped: listing.skipped, unreadable: listing.unreadable };
	for (const path of listing.files) {
		let buffer: Buffer;
		try {
			buffer = readFileSync(path);
		} catch (error) {
			corpus.unreadable.push({ path, reason: errorMessage(error) });
			continue;
		}
		corpus.files.push({ path, text: buffer.toString('utf8'), bytes: buffer.length });
	}
	return corpus;
}

/**
 * A path of the project's own files (`test/fixtures/seeds`, `bench/relevance/queries.json`): beside
 * the built CLI (`dist/cli.js`), else under the current folder, so a default works from any folder.
 */
export function projectPath(relativePath: string): string {
	const candidates = [join(__dirname, '..', relativePath), join(process.cwd(), relativePath)];
	return candidates.find((path) => existsSync(path)) ?? candidates[candidates.length - 1];
}
