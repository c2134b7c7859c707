import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
