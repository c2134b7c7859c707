/**
 * PARSER_VERSION (src/core/parser.ts) names what the parser makes of a text: the caches carry it,
 * and one made by another version is rebuilt. This test pins, for the current version, a hash of
 * what the parser gives for every fixture digest (the real forks' files, the format variants, the
 * seeds), so that a change of the parser's output cannot land without a new version, which an old
 * cache would then not pass for.
 */
import * as assert from 'node:assert';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDigest, PARSER_VERSION } from '../../src/core/parser';

/** the hash of the parser's output over the fixtures, by the version that gave it */
const OUTPUT_BY_VERSION: Record<number, string> = {
	2: 'bc73c9f14db503e610cbe182eba021a2067da3c2d4f8b7e35671bc4c05da792e',
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
			const name = relative(ROOT, file);
			hash.update(name + '\0' + JSON.stringify(parseDigest(readFileSync(file, 'utf8'), name)) + '\0');
		}
		const got = hash.digest('hex');
		assert.strictEqual(
			got,
			OUTPUT_BY_VERSION[PARSER_VERSION],
			`The parser's output changed. If the change is meant, raise PARSER_VERSION in src/core/parser.ts to ${PARSER_VERSION + 1} and pin '${got}' for it here.`,
		);
	});
});
