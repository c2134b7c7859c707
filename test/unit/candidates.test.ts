import * as assert from 'node:assert';
import * as fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CANDIDATE_GLOB, findDigest, isDigestFolder, MAX_CANDIDATE_BYTES, mayBeDigestPath, mayBeDigestSize, type CandidateHead } from '../../src/core/candidates';
import { DETECT_HEAD_BYTES, looksLikeDigest } from '../../src/core/detect';
import { expandedGlob, matchesGlob, MAX_GLOB_STARS, tooManyStars, unpairedBracket } from '../../src/core/glob';

describe('candidate digest paths', () => {
	it('takes files named by their day, and files in the folders digest generators write', () => {
		for (const path of [
			'data/2026-02-06.md',
			'2025-06-09_trajectory_and_large_models.md',
			'archive/20260206.md',
			'notes/2026_02_06.md',
			'data/latest.md',
			'to_md/today.md',
			'contents/cs/summary.md',
		]) {
			assert.ok(mayBeDigestPath(path), path);
		}
	});

	it('leaves ordinary documents alone', () => {
		for (const path of ['README.md', 'docs/guide.md', 'CHANGELOG.md', 'notes/reading-list.md', 'src/v12345678.md', 'metadata/x.md', 'blog/1999-13-40.md']) {
			assert.ok(!mayBeDigestPath(path), path);
		}
	});

	it('names the folders a first look lists', () => {
		for (const path of ['data', 'contents', 'to_md', 'digests', 'Data', 'archive/data']) assert.ok(isDigestFolder(path), path);
		for (const path of ['docs', 'metadata', 'data-raw', 'src', '.git']) assert.ok(!isDigestFolder(path), path);
	});

	// VS Code reads `{a,b}` whose alternatives start with `**/` as either glob; picomatch (our matcher) wants them apart
	const alternatives = CANDIDATE_GLOB.slice(1, -1).split(',');

	it('is one glob of alternatives, none with braces of its own (globs do not nest them)', () => {
		assert.ok(CANDIDATE_GLOB.startsWith('{') && CANDIDATE_GLOB.endsWith('}'));
		for (const glob of alternatives) assert.ok(!/[{}]/.test(glob) && glob.startsWith('**/') && glob.endsWith('.md'), glob);
	});

	it('lists, with its glob, every Markdown path it takes', () => {
		const segment = fc.oneof(fc.constantFrom('data', 'Data', 'DATA', 'contents', 'to_md', 'digest', 'Digests', 'docs', 'notes', '2026', '_posts'), fc.stringMatching(/^[a-z0-9_.-]{1,8}$/).filter((s) => s !== '.' && s !== '..'));
		const name = fc.oneof(fc.constantFrom('2026-02-06', '20260206', '2025_06_09_topic', 'x-2019.12.31', 'README', 'latest', '1999-13-40'), fc.stringMatching(/^[a-z0-9_.-]{1,12}$/));
		fc.assert(
			fc.property(fc.array(segment, { maxLength: 3 }), name, (folders, base) => {
				const path = [...folders, `${base}.md`].join('/');
				if (mayBeDigestPath(path)) assert.ok(matchesGlob(path, alternatives), path);
			}),
			{ numRuns: 2000 },
		);
		assert.ok(!matchesGlob('docs/guide/getting-started.md', alternatives), 'an ordinary document is not listed');
	});
});

describe('finding a digest among candidates by their heads', () => {
	type File = { name: string; always: boolean; text?: string; size?: number };
	const REAL = join(__dirname, '../../test/fixtures/real/ZL-Asica__daily-arXiv-digest');
	const realDigest = readFileSync(join(REAL, readdirSync(REAL).filter((n) => n.endsWith('.md')).sort()[0]), 'utf8');
	before(() => assert.ok(looksLikeDigest(realDigest), 'the real digest is detected'));
	const journal = (day: string) => `# ${day}\n\nWoke up early. Read [a paper](https://arxiv.org/abs/2501.00001) about sparse attention.\n\n- coffee\n- review\n`;
	const blog = '---\nlayout: post\ntitle: "Notes"\n---\n\n## [Release notes](https://example.org/notes)\n\nWhat changed this week.\n';
	/** a ranged read of `file`, counting what it read */
	const reader = (reads: string[]) => async (file: File): Promise<CandidateHead | undefined> => {
		reads.push(file.name);
		if (file.text === undefined) return undefined;
		const bytes = Buffer.from(file.text);
		return { size: file.size ?? bytes.length, head: bytes.subarray(0, DETECT_HEAD_BYTES).toString('utf8') };
	};

	it('finds none among day-named notes, after reading every head once', async () => {
		const files: File[] = Array.from({ length: 40 }, (_, i) => ({ name: `journal/2025-01-${String((i % 28) + 1).padStart(2, '0')}-${i}.md`, always: false, text: i % 2 ? journal('2025-01-01') : blog }));
		const reads: string[] = [];
		assert.strictEqual(await findDigest(files, reader(reads), looksLikeDigest, { concurrency: 4 }), undefined);
		assert.deepStrictEqual([...reads].sort(), files.map((f) => f.name).sort());
	});

	it('finds a real digest among them and stops reading soon after', async () => {
		const files: File[] = Array.from({ length: 200 }, (_, i) => ({ name: `n${i}.md`, always: false, text: journal('2025-02-02') }));
		files[30] = { name: 'data/2025-02-02.md', always: false, text: realDigest };
		const reads: string[] = [];
		const found = await findDigest(files, reader(reads), looksLikeDigest, { concurrency: 4 });
		assert.strictEqual(found?.name, 'data/2025-02-02.md');
		// the lanes already under way finish their file; nothing past them is read
		assert.ok(reads.length <= 31 + 4, `read ${reads.length} heads`);
	});

	it('takes the first digest in order whatever the lanes finish first', async () => {
		const files: File[] = [
			{ name: 'a.md', always: false, text: journal('2025-03-03') },
			{ name: 'b.md', always: false, text: realDigest },
			{ name: 'c.md', always: false, text: realDigest },
		];
		// b's read is slowest: c is found first, b still wins
		const slowB = async (file: File) => {
			if (file.name === 'b.md') await new Promise((resolve) => setTimeout(resolve, 20));
			return reader([])(file);
		};
		assert.strictEqual((await findDigest(files, slowB, looksLikeDigest, { concurrency: 3 }))?.name, 'b.md');
	});

	it('needs no read for a file a glob names', async () => {
		const reads: string[] = [];
		const files: File[] = [{ name: 'x.md', always: false, text: blog }, { name: 'papers.md', always: true }];
		assert.strictEqual((await findDigest(files, reader(reads), looksLikeDigest))?.name, 'papers.md');
		assert.deepStrictEqual(reads, []);
	});

	it('narrows by size: an empty file, or one over the limit, is no digest whatever its head', async () => {
		assert.ok(!mayBeDigestSize(0) && !mayBeDigestSize(MAX_CANDIDATE_BYTES + 1) && mayBeDigestSize(realDigest.length));
		const files: File[] = [
			{ name: 'empty.md', always: false, text: '' },
			{ name: 'huge.md', always: false, text: realDigest, size: MAX_CANDIDATE_BYTES + 1 },
			{ name: 'gone.md', always: false },
		];
		assert.strictEqual(await findDigest(files, reader([]), looksLikeDigest), undefined);
	});

	it('stops when cancelled', async () => {
		const files: File[] = Array.from({ length: 50 }, (_, i) => ({ name: `n${i}.md`, always: false, text: i === 49 ? realDigest : blog }));
		const reads: string[] = [];
		let cancelled = false;
		const read = reader(reads);
		const found = await findDigest(files, async (f) => ((cancelled = reads.length >= 10), read(f)), looksLikeDigest, { concurrency: 2, cancelled: () => cancelled });
		assert.strictEqual(found, undefined);
		assert.ok(reads.length < 15, `read ${reads.length} heads after the cancel`);
	});
});

describe('matchesGlob', () => {
	it('matches a glob without a `/` against the file name anywhere, as our settings read it', () => {
		assert.ok(matchesGlob('weekly.md', ['weekly.md']));
		assert.ok(matchesGlob('notes/weekly.md', ['weekly.md']));
		assert.ok(matchesGlob('a/b/data', ['data']));
	});

	it('with wholePath, matches every glob against the whole path, as files.exclude and search.exclude read it', () => {
		assert.ok(matchesGlob('data', ['data'], { wholePath: true }), 'the top-level folder');
		assert.ok(!matchesGlob('a/data', ['data'], { wholePath: true }), 'not a folder of that name below');
		assert.ok(!matchesGlob('notes/weekly.md', ['weekly.md'], { wholePath: true }));
		assert.ok(matchesGlob('a/b/node_modules', ['**/node_modules'], { wholePath: true }));
	});

	it('matches `**/x` at the top level too, each glob on its own or in a brace group (the exclude setting is one string)', () => {
		for (const path of ['.git', 'node_modules/x/2026-01-01.md', 'a/.git']) assert.ok(matchesGlob(path, ['**/.git', '**/node_modules/**']), path);
		// picomatch alone missed the top-level ones: a globstar and slash in a group took one folder at least
		for (const path of ['old/2026-02-06.md', 'x/old/2026-02-06.md', 'node_modules/a.md', 'a/b/node_modules/c/d.md']) {
			assert.ok(matchesGlob(path, ['{**/node_modules/**,**/old/**}']), path);
		}
		assert.ok(!matchesGlob('older/2026-02-06.md', ['{**/node_modules/**,**/old/**}']));
		assert.ok(matchesGlob('data/today.md', ['{**/data/*.md,**/notes/*.md}']), 'an arxivDigest.files entry');
		assert.ok(matchesGlob('Data/Today.md', ['{**/data/*.md,**/notes/*.md}'], { nocase: true }));
		assert.ok(matchesGlob('a/b/2026-01-01.md', ['a/{b,c}/*.md']) && matchesGlob('a/c/x.md', ['a/{b,c}/*.md']) && !matchesGlob('a/d/x.md', ['a/{b,c}/*.md']));
		assert.ok(matchesGlob('day7.md', ['day{1..9}.md']) && !matchesGlob('day7.md', ['day{1..5}.md']), 'a range');
		assert.doesNotThrow(() => matchesGlob('day7.md', ['day{1..100000}.md', '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}.md']), 'a huge expansion is matched as written');
		// the review's: twenty groups of two expanded to a million globs (3.6 s, 521 MB) before the cap
		assert.deepStrictEqual(expandedGlob(`${'{a,b}'.repeat(20)}/*.md`), [`${'{a,b}'.repeat(20)}/*.md`], 'told before expanding');
		assert.strictEqual(expandedGlob('{a,{b,c}}/{1..9}.md').length, 27);
		assert.strictEqual(expandedGlob('{a,b}/{1..100}.md').length, 1, 'past the cap: as written');
	});

	it('a negated glob with a brace group is "in neither" (it matched every path: !a or !b)', () => {
		assert.ok(matchesGlob('c/x.md', ['!{a,b}/**']));
		assert.ok(!matchesGlob('a/x.md', ['!{a,b}/**']));
		assert.ok(!matchesGlob('b/x.md', ['!{a,b}/**']));
		assert.ok(!matchesGlob('a/x.md', ['!a/**']) && matchesGlob('c/x.md', ['!a/**']), 'without braces, as picomatch reads it');
	});

	it('reads no extglob, as VS Code\'s globs have none: `*(*a)x` took seconds on one path of a walk', () => {
		// read as an extglob, this took seconds (mocha's timeout fails it); without, its stars are plain stars
		assert.ok(!matchesGlob(`data/${'a'.repeat(28)}.md`, ['*(*a)x']));
		assert.ok(matchesGlob('bax', ['*(*a)x']) && !matchesGlob('bx', ['*(*a)x']), 'a star, then a star and an a, then x: no "zero or more of"');
	});

	it('a glob of more than MAX_GLOB_STARS single * matches no file: its stars backtrack against each other for seconds on one path', () => {
		// a review of this change's: `**/*a*a*a*a*a*a*a*a*b.md` took 2.6 s on one 48-character path, extglobs off
		const slow = '**/*a*a*a*a*a*a*a*a*b.md';
		assert.ok(tooManyStars(slow) && !tooManyStars('**/data/**/*.md') && !tooManyStars('*-*-*.md'));
		assert.ok(!matchesGlob(`docs/${'a'.repeat(40)}.md`, [slow]));
		assert.ok(!matchesGlob(`docs/${'a'.repeat(8)}b.md`, [slow]), 'past the limit, no file at all: not even one the glob describes');
		assert.ok(matchesGlob(`docs/${'a'.repeat(40)}b.md`, [`**/${'*a'.repeat(MAX_GLOB_STARS - 1)}*b.md`]), 'up to the limit, read as written');
		// a run of stars inside a segment is one star, and `**` segments count too (a second review's)
		for (const [glob, path] of [['**/x**a**a**a**a**a**a**a**b.md', `x${'a'.repeat(44)}c.md`], ['**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/b.md', `${Array(40).fill('a').join('/')}/c.md`]]) {
			assert.ok(tooManyStars(glob), glob);
			assert.ok(!matchesGlob(path, [glob]));
		}
		assert.ok(!tooManyStars('**/data/**/*.md') && !tooManyStars('{**/node_modules/**,**/old/**}') && !tooManyStars('**/a/**/b/**/c/**/*.md'));
	});

	it('unpairedBracket names the brace of a glob that matches no file for it (the scan warns of it)', () => {
		// a forgotten closing brace: the glob matches nothing, not even the files it was meant for
		assert.strictEqual(unpairedBracket('**/*.{md,markdown'), '{');
		assert.ok(!matchesGlob('data/2026-02-06.md', ['**/*.{md,markdown']));
		assert.strictEqual(unpairedBracket('**/*.md}'), '}');
		assert.ok(!matchesGlob('data/2026-02-06.md', ['**/*.md}']));
		assert.strictEqual(unpairedBracket('{a,{b,c}'), '{');
		assert.strictEqual(unpairedBracket('a}{b'), '}', 'a closing brace before any opening one');
		// a brace in a range is the character (a review of this change's)
		assert.ok(matchesGlob('notes/{draft.md', ['**/*[{]*.md']));
		assert.strictEqual(unpairedBracket('**/*[{]*.md'), undefined);
		assert.strictEqual(unpairedBracket('**/[]}]*.md'), undefined, 'a ] first in a range is in it');
		assert.strictEqual(unpairedBracket('**/*.{md,[x]'), '{');
		// a range never closed: picomatch reads the [ as the character, and no digest is named so
		assert.strictEqual(matchesGlob('data/2026-01-01.md', ['data/[0-9*.md']), false);
		assert.strictEqual(unpairedBracket('data/[0-9*.md'), '[');
		assert.strictEqual(unpairedBracket('data/[]*.md'), '[', 'a ] first in a range is in it: the range is not closed');
		assert.strictEqual(unpairedBracket('data/\\[x.md'), undefined, 'an escaped [ is the character');
		// closed only in a later segment: no range either, and no digest is named so
		for (const path of ['data/2026-01-01.md', 'data/1/x].md']) assert.strictEqual(matchesGlob(path, ['data/[0-9*/x].md']), false, path);
		assert.strictEqual(unpairedBracket('data/[0-9*/x].md'), '[');
		assert.strictEqual(unpairedBracket('data/[0-9]*/*.md'), undefined);
		for (const glob of ['**/*.md', '{**/node_modules/**,**/old/**}', 'day{1..9}.md', 'notes/\\{draft\\}.md', 'a\\{b.md', '']) {
			assert.strictEqual(unpairedBracket(glob), undefined, glob);
		}
	});
});
