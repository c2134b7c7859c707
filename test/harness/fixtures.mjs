// Builds the workspace the real-editor tests open: the two real seed digests under dated `.md`
// names (a feed's `data/` folder), a small hand-written variant digest (bold labels, blockquotes,
// CRLF, a `# date` title), and plain Markdown that must not be taken for a digest.
// Generated into a fresh folder each run so the editor can never modify the repository's fixtures.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './lib.mjs';

const SEEDS = join(REPO, 'test', 'fixtures', 'seeds');
const E2E = join(REPO, 'test', 'fixtures', 'e2e');

/** What the tests may rely on (file names, ids, queries); shared with the in-editor suite. */
export const FIXTURE = JSON.parse(readFileSync(join(E2E, 'fixture.json'), 'utf8'));

/** Writes the workspace into `dir` (emptied first) and returns `dir`. */
export function makeFixtureWorkspace(dir) {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'data'), { recursive: true });
	mkdirSync(join(dir, 'notes'), { recursive: true });
	copyFileSync(join(SEEDS, '000_e68cbdc0f6d19b20.txt'), join(dir, FIXTURE.files.big));
	copyFileSync(join(SEEDS, '002_9ca964b67d58151b.txt'), join(dir, FIXTURE.files.second));
	copyFileSync(join(E2E, '2026-02-09.md'), join(dir, FIXTURE.files.variant));
	copyFileSync(join(E2E, 'README.md'), join(dir, FIXTURE.files.readme));
	writeFileSync(join(dir, FIXTURE.files.notes), '# Reading list\n\n- [ ] SIDeR\n- [ ] UniTrack\n');
	// the seeds are checked in read-only; a copy the editor shows as read-only would not be a user's file
	for (const file of Object.values(FIXTURE.files)) chmodSync(join(dir, file), 0o644);
	return dir;
}
