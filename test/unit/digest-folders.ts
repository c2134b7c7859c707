import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import type { PaperIndex } from '../../src/core/search/index';

/** the real digests of 14 forks, and their EXPECTED.tsv (run from the repository's root, as mocha is) */
export const REAL = 'test/fixtures/real';

/**
 * A folder as a digest repository holds it: this project's README.md (headings that read as
 * categories, arXiv links, a query table) at the top, one real digest in data/. The caller removes it.
 */
export function readmeBesideADigest(): string {
	const dir = mkdtempSync(join(tmpdir(), 'arxiv-cli-readme-'));
	mkdirSync(join(dir, 'data'));
	copyFileSync('README.md', join(dir, 'README.md'));
	copyFileSync(join(REAL, 'KevinClaint__Arxiv-Daliy', '2026-09-10.md'), join(dir, 'data', '2026-09-10.md'));
	return dir;
}

/** Adds every real digest of EXPECTED.tsv to `index` as one workspace; each paper by its id (the last listing's). */
export function indexRealDigests(index: PaperIndex): Map<string, Paper> {
	const papers = new Map<string, Paper>();
	const files = readFileSync(join(REAL, 'EXPECTED.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split('\t')[0]);
	for (const file of files) {
		const path = join(REAL, file);
		const digest = parseDigest(readFileSync(path, 'utf8'), path);
		index.addFile(path, digest);
		for (const p of digest.papers) papers.set(p.id, p);
	}
	return papers;
}
