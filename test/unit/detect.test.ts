import * as assert from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { DEFAULT_DETECTION, DIGEST_FILE_NAMES, DIGEST_FIRST_LINE, isDigestSource, looksLikeDigest, matchesFilePatterns, namedAsDigestDay } from '../../src/core/detect';
import { matchesGlob } from '../../src/core/glob';

const SEEDS = 'test/fixtures/seeds';
const VARIANTS = 'test/fixtures/variants';

function read(path: string): string {
	return readFileSync(path, 'utf8');
}

/** A digest without the table of contents: only the paper heading and its fields can tell. */
function headlessDigest(fields: string): string {
	return [
		'# cs.CV',
		'',
		'### [1] [Sparse Attention for $\\lambda$-Calculus](https://arxiv.org/abs/2602.04994v2)',
		fields,
		'',
		'<details>',
		'  <summary>Details</summary>',
		'</details>',
	].join('\n');
}

const PLAIN_MARKDOWN: Record<string, string> = {
	readme: [
		'# arxiv-tools',
		'',
		'## Table of Contents',
		'',
		'- [Install](#install)',
		'- [Usage](#usage)',
		'',
		'## Install',
		'',
		'```sh',
		'npm install arxiv-tools',
		'```',
		'',
		'TL;DR: run `arxiv-tools fetch` and read the output.',
	].join('\n'),
	changelog: [
		'# Changelog',
		'',
		'## [1.2.0](https://github.com/o/r/compare/v1.1.0...v1.2.0) (2024-05-01)',
		'',
		'### [1.1.1](https://github.com/o/r/compare/v1.1.0...v1.1.1)',
		'',
		'### Bug Fixes',
		'',
		'* **parser:** keep unknown labels ([#12](https://github.com/o/r/issues/12))',
		'* **cli:** exit code on bad input',
	].join('\n'),
	notes: [
		'# Reading notes',
		'',
		'1. [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
		'2. [BERT](https://arxiv.org/abs/1810.04805)',
		'',
		'Summary: both are about transformers.',
		'Method: read them on the train.',
	].join('\n'),
	'blog with citation headings': [
		'# What I read this week',
		'',
		'### [1] [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
		'',
		'*Published at NeurIPS 2017*',
		'',
		'Summary: the transformer paper. I liked it.',
		'',
		'### [2] [Deep Residual Learning](https://arxiv.org/abs/1512.03385)',
		'',
		'Category: vision',
		'A classic.',
	].join('\n'),
	'citation headings with italic remarks under a blank line': [
		'### [1] [Attention Is All You Need](https://arxiv.org/abs/1706.03762)',
		'',
		'*A must-read*',
		'',
		'### [2] [BERT](https://arxiv.org/abs/1810.04805)',
		'',
		'*Also good*',
	].join('\n'),
	'one citation heading with an italic remark': '### [1] [Attention](https://arxiv.org/abs/1706.03762)\n*A must-read*\n\nText.',
	'citation heading with fields far below': [
		'### [1] [A paper](https://arxiv.org/abs/2602.04994)',
		...Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of prose.`),
		'TL;DR: too far from the heading to belong to it',
	].join('\n'),
	'citation heading with fields under the next heading': [
		'### [1] [A paper](https://arxiv.org/abs/2602.04994)',
		'## Method',
		'Method: we read it.',
	].join('\n'),
	'readme with a toc div that has content': '<div id="toc">\n\n- [Install](#install)\n</div>\n',
	empty: '',
};

describe('looksLikeDigest', () => {
	for (const name of readdirSync(SEEDS)) {
		it(`detects the seed ${name}`, () => {
			assert.strictEqual(looksLikeDigest(read(join(SEEDS, name))), true);
		});
	}

	// a day without papers is a date title and one sentence: no content can tell it from a diary
	// entry, so such files are digests only through the `arxivDigest.files` globs
	const PAPERLESS = new Set(['empty-day.md']);
	const variants = existsSync(VARIANTS) ? readdirSync(VARIANTS).filter((f) => f.endsWith('.md')) : [];
	for (const name of variants.filter((f) => !PAPERLESS.has(f))) {
		it(`detects the variant ${name}`, () => {
			assert.strictEqual(looksLikeDigest(read(join(VARIANTS, name))), true);
		});
	}
	for (const name of variants.filter((f) => PAPERLESS.has(f))) {
		it(`leaves the paperless variant ${name} to the files globs`, () => {
			assert.strictEqual(looksLikeDigest(read(join(VARIANTS, name))), false);
			assert.strictEqual(matchesGlob(`feed/data/${name}`, ['**/data/*.md']), true);
		});
	}

	// every real fork's digest with papers is found by content, from the head a scan reads
	const REAL = join(__dirname, '../../test/fixtures/real');
	const expected = new Map(
		readFileSync(join(REAL, 'EXPECTED.tsv'), 'utf8').split('\n').slice(1).filter((l) => l.trim()).map((l) => {
			const [file, papers] = l.split('\t');
			return [file, Number(papers)] as const;
		}),
	);
	for (const [file, papers] of expected) {
		it(`${papers > 0 ? 'detects' : 'leaves to the files globs'} the real digest ${file}`, () => {
			const head = new TextDecoder().decode(readFileSync(join(REAL, file)).subarray(0, 32 * 1024));
			assert.strictEqual(looksLikeDigest(head), papers > 0);
		});
	}

	for (const [name, text] of Object.entries(PLAIN_MARKDOWN)) {
		it(`never claims plain Markdown: ${name}`, () => {
			assert.strictEqual(looksLikeDigest(text), false);
		});
	}

	it("never claims the repository's own Markdown", () => {
		const own = ['README.md', 'CHANGELOG.md', 'test/fixtures/e2e/README.md'].filter((p) => existsSync(p));
		assert.ok(own.length > 0);
		for (const path of own) assert.strictEqual(looksLikeDigest(read(path)), false, path);
	});

	it('accepts a BOM and CRLF line endings', () => {
		const seed = read(join(SEEDS, readdirSync(SEEDS)[0]));
		assert.strictEqual(looksLikeDigest(`\uFEFF${seed.replace(/\n/g, '\r\n')}`), true);
		assert.strictEqual(looksLikeDigest(`\uFEFF${headlessDigest('Main category: cs.CV')}`.replace(/\n/g, '\r\n')), true);
	});

	it('accepts the quoted, single-quoted and anchor forms of the toc marker', () => {
		for (const marker of ['<div id=toc></div>', '<div id="toc"></div>', "<div id='toc'></div>", '<a id="toc"></a>']) {
			assert.strictEqual(looksLikeDigest(`${marker}\n\n# Table of Contents\n`), true, marker);
		}
	});

	it('accepts a table of contents in other wording by its [Total: N] entries', () => {
		assert.strictEqual(looksLikeDigest('**Report Date:** 2025-06-08\n\n## Categories\n\n- [cs.CV](#cs.CV) [Total: 3]\n'), true);
		assert.strictEqual(looksLikeDigest('## Contents\n- [cs.CL](#cs.CL) [Total：12]\n'), true);
	});

	it('recognises a paper heading by the field that follows, in every label form', () => {
		const fields = [
			'*Zhuosen Bao,Xia Du*',
			'*Alice Smith, Bob Jones* | **Main category: cs.CR**',
			'*Alice Smith* | **Main category: cs.CR**',
			'Main category: cs.CV',
			'**Main category**: eess.IV',
			'TL;DR: a summary',
			'**TL;DR:** a summary',
			'**TL;DR**: a summary',
			'> **TL;DR:** a summary',
			'TL;DR：全角冒号',
			'一句话总结：中文总结',
			'**摘要**：中文摘要',
			'요약: 한국어 요약',
			'- **Motivation:** why',
			'> *基于语义解耦的人脸隐私保护*\n\n**Abstract:** text',
		];
		for (const field of fields) assert.strictEqual(looksLikeDigest(headlessDigest(field)), true, field);
	});

	it('takes level-2 and unnumbered paper headings and a dated title', () => {
		const text = '# 2025-09-18\n\n## [Sparse Attention](http://arxiv.org/abs/2606.30487v1)\n\nTL;DR: x\n';
		assert.strictEqual(looksLikeDigest(text), true);
	});

	it('takes single-author bylines when several paper headings carry them', () => {
		const text = '# Mixed\n\n### [1] [Versioned](https://arxiv.org/abs/2606.30487v1)\n*A*\n\n### [2] [Plain](http://arxiv.org/abs/2606.30488)\n*B*\n';
		assert.strictEqual(looksLikeDigest(text), true);
		assert.strictEqual(looksLikeDigest(text.split('### [2]')[0]), false);
	});

	it('rejects a paper heading whose only neighbour is a translated title or prose', () => {
		assert.strictEqual(looksLikeDigest(headlessDigest('*基于语义解耦的人脸隐私保护*')), false);
		assert.strictEqual(looksLikeDigest(headlessDigest('*A single italic remark*')), false);
		assert.strictEqual(looksLikeDigest(headlessDigest('Category: tutorials')), false);
	});

	it('reads only the head of the file', () => {
		const notes = Array.from({ length: 80 }, (_, i) => `line ${i}`).join('\n');
		assert.strictEqual(looksLikeDigest(`${notes}\n<div id=toc></div>\n`), false);
		const longLine = `${'x'.repeat(9000)}\n<div id=toc></div>\n`;
		assert.strictEqual(looksLikeDigest(longLine), false);
	});

	it('never throws and stays false for text without any signature', () => {
		fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => {
			const text = s.replace(/toc|Total|\[|#/gi, '');
			assert.strictEqual(looksLikeDigest(text), false);
		}));
		fc.assert(fc.property(fc.array(fc.constantFrom('### [1] [t](https://x.org/a)', 'TL;DR: x', '*A, B*', '<div', '\r', '\uFEFF', '**', '：', '\n', ' '), { maxLength: 60 }), (parts) => {
			assert.strictEqual(typeof looksLikeDigest(parts.join('')), 'boolean');
		}));
	});
});

describe('DEFAULT_DETECTION', () => {
	it('is arxivDigest.files and arxivDigest.detect at the defaults the manifest declares', () => {
		const { properties } = JSON.parse(read('package.json')).contributes.configuration;
		assert.deepStrictEqual(
			{ globs: DEFAULT_DETECTION.globs, detect: DEFAULT_DETECTION.detect },
			{ globs: properties['arxivDigest.files'].default, detect: properties['arxivDigest.detect'].default },
		);
	});
});

describe('DIGEST_FIRST_LINE', () => {
	it("is the digest language's firstLine in the manifest", () => {
		const [language] = JSON.parse(read('package.json')).contributes.languages;
		assert.strictEqual(language.firstLine, DIGEST_FIRST_LINE);
	});

	it('makes a file a digest with detection off too, as the editor opens it (a day named data/YYYY-MM-DD.md was switched back to Markdown)', () => {
		const head = '<div id=toc></div>\r\n\n# Table of Contents\n\n- [cs.CV](#cs.CV) [Total: 2]\n';
		const source = { relativePath: 'data/2026-01-01.md', head: () => head, globs: [], detect: false };
		assert.strictEqual(isDigestSource(source), true);
		assert.strictEqual(isDigestSource({ ...source, head: () => `\uFEFF${head}` }), true, 'after a BOM');
		assert.strictEqual(isDigestSource({ ...source, head: () => head.replace('<div id=toc></div>', '# Notes') }), false, 'the signature alone needs detection');
		assert.strictEqual(isDigestSource({ ...source, head: () => head.replace('<div id=toc></div>', '# Notes'), detect: true }), true);
		assert.strictEqual(isDigestSource({ ...source, head: () => `# Notes\n${head}` }), false, 'not on a later line');
	});
});

describe('DIGEST_FILE_NAMES', () => {
	it("is the digest language's filenamePatterns in the manifest", () => {
		const [language] = JSON.parse(read('package.json')).contributes.languages;
		assert.deepStrictEqual(language.filenamePatterns, [DIGEST_FILE_NAMES]);
	});

	it('names a day in a data folder, on any path and in any case, and nothing else', () => {
		const named = namedAsDigestDay;
		for (const path of ['/home/r/daily-arXiv-ai-enhanced/data/2026-06-09.md', 'data/2026-06-09.md', '/c:/Users/r/repo/DATA/2026-06-09.MD']) assert.ok(named(path), path);
		for (const path of ['/home/r/notes/2026-06-09.md', '/r/data/2025-06-09_trajectory_and_large_models.md', '/r/metadata/2026-06-09.md', '/r/data/x/2026-06-09.md', '/r/data/2026-6-09.md', '/r/data/README.md']) {
			assert.ok(!named(path), path);
		}
	});
});

describe('matchesFilePatterns: as VS Code matches files.associations and filenamePatterns', () => {
	it('matches a pattern without a / on the file name, one with a / on the whole path, in any case', () => {
		assert.ok(matchesFilePatterns('/home/r/feeds/Today.DIGEST.md', ['*.digest.md']));
		assert.ok(!matchesFilePatterns('/home/r/feeds/today.md', ['*.digest.md']));
		assert.ok(matchesFilePatterns('/home/r/feeds/data/x.md', ['**/data/*.md']));
		assert.ok(matchesFilePatterns('/home/r/feeds/data/x.md', ['/home/r/**/*.md']), 'a pattern written with a leading /');
		assert.ok(!matchesFilePatterns('/home/r/notes2/x.md', ['**/notes/*.md']));
	});
});

describe('matchesGlob', () => {
	const cases: Array<[string, string, boolean]> = [
		['**/data/*.md', 'data/2025-06-19.md', true],
		['**/data/*.md', 'feeds/arxiv/data/2025-06-19_topic.md', true],
		['**/data/*.md', 'data/sub/2025-06-19.md', false],
		['**/data/*.md', 'metadata/x.md', false],
		['**/data/*.md', '/home/u/repo/data/a.md', true],
		['data/**', 'data/a/b/c.md', true],
		// `folder/**` also names the folder itself (picomatch); no candidate file is ever a folder
		['data/**', 'data', true],
		['**', 'a/b.md', true],
		['*.md', 'deep/nested/file.md', true],
		['*.md', 'file.markdown', false],
		['20??-??-??.md', 'data/2025-06-19.md', true],
		['20??-??-??.md', 'data/2025-6-19.md', false],
		['**/*.{md,markdown}', 'x/y.markdown', true],
		['**/*.{md,markdown}', 'x/y.txt', false],
		['{data,archive/{2024,2025}}/*.md', 'archive/2025/a.md', true],
		['{data,archive/{2024,2025}}/*.md', 'archive/2023/a.md', false],
		['data/[0-9]*.md', 'data/2025.md', true],
		['data/[!0-9]*.md', 'data/2025.md', false],
		['data/[!0-9]*.md', 'data/notes.md', true],
		['data/?.md', 'data/ab.md', false],
		['data/*.md', 'data/sub/a.md', false],
		['a.b+c(1).md', 'a.b+c(1).md', true],
		['a.b+c(1).md', 'aXb+c(1).md', false],
		// an unclosed brace is no valid glob: it matches nothing rather than guessing
		['{unclosed/*.md', '{unclosed/a.md', false],
		['data/\\*.md', 'data/*.md', true],
		['data/\\*.md', 'data/a.md', false],
		['./data/*.md', 'data/a.md', true],
	];
	for (const [glob, path, expected] of cases) {
		it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => {
			assert.strictEqual(matchesGlob(path, [glob]), expected);
		});
	}

	it('normalises Windows separators and takes any of several globs', () => {
		assert.strictEqual(matchesGlob('feeds\\data\\2025-06-19.md', ['**/notes/*.md', '**/data/*.md']), true);
		assert.strictEqual(matchesGlob('feeds\\data\\2025-06-19.md', []), false);
		assert.strictEqual(matchesGlob('feeds/data/a.md', ['', '  ']), false);
	});

	it('compares case-insensitively only when asked', () => {
		assert.strictEqual(matchesGlob('Data/A.MD', ['data/*.md']), false);
		assert.strictEqual(matchesGlob('Data/A.MD', ['data/*.md'], { nocase: true }), true);
	});

	it('keeps * and ? inside one path segment for any segment text', () => {
		// `.` and `..` are not file names
		const segment = fc.stringMatching(/^[a-z0-9_-][a-z0-9._-]{0,7}$/);
		fc.assert(fc.property(segment, segment, segment, (dir, sub, file) => {
			assert.strictEqual(matchesGlob(`${dir}/${file}`, ['*/*']), true);
			assert.strictEqual(matchesGlob(`${dir}/${sub}/${file}`, ['*/*']), false);
			assert.strictEqual(matchesGlob(`${dir}/${sub}/${file}`, ['**/*']), true);
			assert.strictEqual(matchesGlob(`${dir}/${file}`, [`${dir}/?${file.slice(1)}`]), true);
		}));
	});
});
