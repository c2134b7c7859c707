/**
 * Detection of digests on a file system without a ranged read (heads.ts remoteHead: vscode.dev,
 * github.dev, virtual and remote folders): each candidate is stat-ed, then read whole, unless it is
 * far bigger than any digest (MAX_WHOLE_HEAD_READ_BYTES).
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_WHOLE_HEAD_READ_BYTES } from '../../src/core/candidates';
import { DETECT_HEAD_BYTES } from '../../src/core/detect';
import { fakeVscode, withFakeVscode } from './fake-vscode';

const FIXTURE = readFileSync(join(__dirname, '../../test/fixtures/search/2026-02-05.md'), 'utf8');
const encode = (text: string) => new TextEncoder().encode(text);

describe('web build: detection of digests reads no candidate far bigger than a digest whole (heads.ts)', () => {
	let heads: typeof import('../../src/features/workspace/heads');
	withFakeVscode(() => {
		heads = require('../../src/features/workspace/heads');
	});

	/** `files` on a virtual file system with no ranged read; what was read, by URI text */
	async function virtualFs(files: Map<string, Uint8Array>, run: () => Promise<void>): Promise<Map<string, number>> {
		const fs = fakeVscode.workspace.fs as typeof fakeVscode.workspace.fs & { stat?: (uri: { toString(): string }) => Promise<unknown> };
		const read = new Map<string, number>();
		const readFile = fs.readFile;
		fs.stat = async (uri) => {
			const bytes = files.get(uri.toString());
			if (!bytes) throw new Error('no file');
			return { type: fakeVscode.FileType.File, size: bytes.length, mtime: 1, ctime: 1 };
		};
		fs.readFile = async (uri) => {
			const bytes = files.get(uri.toString());
			if (!bytes) throw new Error('no file');
			read.set(uri.toString(), (read.get(uri.toString()) ?? 0) + bytes.length);
			return bytes;
		};
		try {
			await run();
			return read;
		} finally {
			fs.readFile = readFile;
			delete fs.stat;
		}
	}

	const candidate = (key: string, always = false) => ({ uri: { scheme: 'vscode-vfs', toString: () => key } as never, always });

	it('a blog of 5,000 day-named posts and a 20 MB table under data/: no more than the posts\' heads read, the table not at all', async () => {
		const files = new Map<string, Uint8Array>();
		const post = encode(`---\nlayout: post\n---\n\n# A post\n\n${'Some prose. '.repeat(350)}\n`);
		for (let i = 0; i < 5000; i++) files.set(`vscode-vfs://github/o/blog/_posts/2020-01-${String((i % 28) + 1).padStart(2, '0')}-post-${i}.md`, post);
		const table = 'vscode-vfs://github/o/blog/data/big-table.md';
		files.set(table, encode(`| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(2_000_000)}`));
		assert.ok(files.get(table)!.length > MAX_WHOLE_HEAD_READ_BYTES);
		let found: unknown = 'not run';
		const read = await virtualFs(files, async () => {
			found = await heads.firstDigest([...files.keys()].map((key) => candidate(key)));
		});
		assert.strictEqual(found, undefined, 'no digest in a blog');
		const bytesRead = [...read.values()].reduce((n, b) => n + b, 0);
		const headBytes = [...files.values()].reduce((n, b) => n + Math.min(b.length, DETECT_HEAD_BYTES), 0);
		assert.strictEqual(read.has(table), false, `the ${(files.get(table)!.length / 1e6).toFixed(1)} MB table was read`);
		assert.ok(bytesRead <= headBytes, `${(bytesRead / 1e6).toFixed(1)} MB read where the candidates' heads are ${(headBytes / 1e6).toFixed(1)} MB`);
	});

	it('still detects a digest as big as the largest real ones (2 MB), and takes one arxivDigest.files names whatever its size', async () => {
		const big = encode(FIXTURE + '\n'.repeat(2 * 1024 * 1024));
		const huge = encode(FIXTURE + '\n'.repeat(MAX_WHOLE_HEAD_READ_BYTES));
		const files = new Map([
			['vscode-vfs://github/o/r/notes/2026-01-01.md', encode('# A note\n\nNothing here.\n')],
			['vscode-vfs://github/o/r/data/2026-02-05.md', big],
		]);
		let found: { toString(): string } | undefined;
		await virtualFs(files, async () => {
			found = (await heads.firstDigest([...files.keys()].map((key) => candidate(key))))?.uri;
		});
		assert.strictEqual(found?.toString(), 'vscode-vfs://github/o/r/data/2026-02-05.md');
		files.set('vscode-vfs://github/o/r/data/all.md', huge);
		await virtualFs(files, async () => {
			found = (await heads.firstDigest([candidate('vscode-vfs://github/o/r/notes/2026-01-01.md'), candidate('vscode-vfs://github/o/r/data/all.md', true)]))?.uri;
		});
		assert.strictEqual(found?.toString(), 'vscode-vfs://github/o/r/data/all.md');
	});
});
