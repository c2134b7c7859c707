/**
 * PARSER_VERSION (src/core/parse/version.ts) names what the parser makes of a text: the caches carry it,
 * and one made by another version is rebuilt. This test pins, for the current version, a hash of
 * what the parser gives for every fixture digest (the real forks' files, the format variants, the
 * seeds), so that a change of the parser's output cannot land without a new version, which an old
 * cache would then not pass for. A change the fixtures do not show goes unnoticed here: the parser's
 * own tests should add a fixture or an inline case for it, and the version be raised all the same.
 */
import * as assert from 'node:assert';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PARSER_VERSION } from '../../src/core/parse/version';
import { parseDigest } from '../../src/core/parser';

/** the hash of the parser's output over the fixtures, by the version that gave it */
const OUTPUT_BY_VERSION: Record<number, string> = {
	3: '68a4238c105ce2b4c0f56c15c19ae6dadc0bd9c4bde439cb37594696c65d2418',
	4: '8747faa2d1ed06386787248788906ea95b90f10d528f314589afc4a55364e0cc',
	// ids cut to MAX_PAPER_ID_LENGTH, days read from names such as 20260206.md: no fixture has either
	5: '8747faa2d1ed06386787248788906ea95b90f10d528f314589afc4a55364e0cc',
	// a fenced code block in a field is its text (no fixture has one); `抽象：` continues a translated abstract
	6: '757fd3e1732b0747dfd101808182fcf90669e9e0e448f00d30b72eb0f0a89790',
	// the web build's days and labels read from decoded file names (ParseOptions.name), where its caches kept the percent-encoded ones' reading
	7: '757fd3e1732b0747dfd101808182fcf90669e9e0e448f00d30b72eb0f0a89790',
	// forks' templates: upstream's "… analysis unavailable" fallbacks are placeholders; labels after an emoji; a labelled translated title ends at its paragraph; a summary field of links only is a link; an italic segment of a | header line is the authors, not a bold one; "A: x | B: y" lines after the header are one field each
	8: '7035d009e8b9337e65924c24e8523dfc7891cb59cd5fc5a92871a4bb5f477ef6',
};

const ROOT = 'test/fixtures';

function digestFiles(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...digestFiles(path));
		else if (entry.name.endsWith('.md')) out.push(path);
	}
	return out.sort();
}

describe('parser version', () => {
	it('the parser\'s output over the fixtures is the one pinned for PARSER_VERSION (bump it with any change of that output)', () => {
		const hash = createHash('sha256');
		const files = ['real', 'variants', 'seeds'].flatMap((dir) => digestFiles(join(ROOT, dir)));
		assert.ok(files.length > 30, `${files.length} fixture digests`);
		for (const file of files) {
			const name = relative(ROOT, file).split(sep).join('/');
			// what the caches keep: papers, categories, the day; the diagnostics' codes and places, not their wording
			const { diagnostics, ...digest } = parseDigest(readFileSync(file, 'utf8'), name);
			const codes = diagnostics.map((d) => [d.code, d.severity, d.range.start, d.range.end]);
			hash.update(name + '\0' + JSON.stringify(digest) + '\0' + JSON.stringify(codes) + '\0');
		}
		const got = hash.digest('hex');
		assert.strictEqual(
			got,
			OUTPUT_BY_VERSION[PARSER_VERSION],
			`The parser's output changed. If the change is meant, raise PARSER_VERSION in src/core/parse/version.ts to ${PARSER_VERSION + 1} and pin '${got}' for it here.`,
		);
	});
});
