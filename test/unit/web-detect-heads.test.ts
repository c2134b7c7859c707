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
	async function virtualFs(files: Map<string, Uint8Array>, run: () => Promise<void>, mtimes = new Map<string, number>()): Promise<Map<string, number>> {
		const fs = fakeVscode.workspace.fs as typeof fakeVscode.workspace.fs & { stat?: (uri: { toString(): string }) => Promise<unknown> };
		const read = new Map<string, number>();
		const readFile = fs.readFile;
		fs.stat = async (uri) => {
			const bytes = files.get(uri.toString());
			if (!bytes) throw new Error('no file');
			return { type: fakeVscode.FileType.File, size: bytes.length, mtime: mtimes.get(uri.toString()) ?? 1, ctime: 1 };
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
	it('a workspace without digests: the candidates judged no digest are not read again at the next start while their size and time hold (JudgedHeads)', async () => {
		const stored = new Map<string, unknown>();
		const state = { get: (key: string) => stored.get(key), update: async (key: string, value: unknown) => void stored.set(key, JSON.parse(JSON.stringify(value))), keys: () => [...stored.keys()] };
		const files = new Map<string, Uint8Array>();
		const mtimes = new Map<string, number>();
		const post = (i: number) => encode(`---\nlayout: post\n---\n\n# Post ${i}\n\n${'Some prose. '.repeat(50)}\n`);
		for (let i = 0; i < 40; i++) files.set(`vscode-vfs://github/o/blog/_posts/2020-01-${String((i % 28) + 1).padStart(2, '0')}-post-${i}.md`, post(i));
		const listed = () => new Set(files.keys());
		const start = async () => {
			const judged = new heads.JudgedHeads(state as never);
			let found: { toString(): string } | undefined;
			const read = await virtualFs(files, async () => {
				found = (await heads.firstDigest([...files.keys()].map((key) => candidate(key)), undefined, undefined, judged))?.uri;
				await judged.save(listed());
			}, mtimes);
			return { found: found?.toString(), read: [...read.keys()] };
		};
		const first = await start();
		assert.strictEqual(first.found, undefined);
		assert.strictEqual(first.read.length, 40, 'the first start reads every candidate');
		assert.deepStrictEqual(await start(), { found: undefined, read: [] }, 'the next start reads none: the stats say they are as judged');
		// one post edited (a new time), one rewritten as a digest (a new size), one gone
		const keys = [...files.keys()];
		mtimes.set(keys[0], 2);
		files.set(keys[1], encode(FIXTURE));
		files.delete(keys[2]);
		const third = await start();
		assert.strictEqual(third.found, keys[1], 'the post rewritten as a digest is found');
		assert.deepStrictEqual(third.read.sort(), [keys[0], keys[1]].sort(), 'only the changed files are read');
		const kept = (stored.get('arxivDigest.judgedNotDigests') as { files: Record<string, string> }).files;
		assert.strictEqual(kept[keys[2]], undefined, 'a file no longer listed is forgotten');
		assert.strictEqual(kept[keys[1]], undefined, 'a digest is never judged no digest');
		assert.strictEqual(Object.keys(kept).length, 38);
		// a candidate arxivDigest.files names is a digest whatever was judged of its head before
		const named = await virtualFs(files, async () => {
			const judged = new heads.JudgedHeads(state as never);
			assert.strictEqual((await heads.firstDigest([candidate(keys[3], true)], undefined, undefined, judged))?.uri.toString(), keys[3]);
		}, mtimes);
		assert.strictEqual(named.size, 0);
		// judged by another version's detection: read again
		(stored.get('arxivDigest.judgedNotDigests') as { version: number }).version = -1;
		files.set(keys[1], post(1));
		const again = await start();
		assert.deepStrictEqual([again.found, again.read.length], [undefined, 39]);
	});
});
