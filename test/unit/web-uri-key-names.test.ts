/**
 * The web build keys a digest by its URI string (corpus.ts byUri), percent-encoded: the day and the
 * label a file's name gives are read from its decoded path, as on the desktop.
 */
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesCorpusIO, pathOfUriKey, type FileAccess } from '../../src/core/corpus/proxyIO';
import { CorpusShard, type FileUpdate } from '../../src/core/corpus/shard';

const FIXTURE = readFileSync(join(__dirname, '../../test/fixtures/search/2026-02-05.md'), 'utf8');

/** a URI's text as vscode.Uri.toString() writes a path segment: UTF-8 percent-encoded, space as %20 */
const vfs = (folder: string, name: string) => `vscode-vfs://github/o/r/${folder}/${encodeURIComponent(name)}`;

/** A shard as the web build runs it: its keys are URI strings, files read through a FileAccess. */
async function summariesOf(files: Map<string, string>): Promise<FileUpdate[]> {
	const bytes = new Map([...files].map(([key, text]) => [key, new TextEncoder().encode(text)]));
	const access: FileAccess = {
		stat: async (path) => (bytes.has(path) ? { size: bytes.get(path)!.length, mtime: 1 } : undefined),
		read: async (path) => bytes.get(path),
		readCache: async () => undefined,
		writeCache: async () => undefined,
	};
	const updates: FileUpdate[] = [];
	const shard = new CorpusShard(filesCorpusIO(access, { yield: () => Promise.resolve(), now: () => 0 }), 0, 1, { onFiles: (u) => updates.push(...u) });
	await shard.open([...files.keys()].map((path) => ({ path })));
	return updates.filter((u) => u.summary);
}

describe('web build: a digest\'s day and label come from its decoded file name, not its URI text', () => {
	it('a file named "arXiv Daily 2026-02-06.md" or "日报2026-02-06.md" is dated 2026-02-06, as on the desktop', async () => {
		const names = ['arXiv Daily 2026-02-06.md', '日报2026-02-06.md', '2026-02-06 日报.md'];
		const updates = await summariesOf(new Map(names.map((name) => [vfs('data', name), FIXTURE])));
		const days = Object.fromEntries(updates.map((u) => [decodeURIComponent(u.path.slice(u.path.lastIndexOf('/') + 1)), u.summary!.day]));
		assert.deepStrictEqual(days, { 'arXiv Daily 2026-02-06.md': '2026-02-06', '日报2026-02-06.md': '2026-02-06', '2026-02-06 日报.md': '2026-02-06' });
	});

	it('an undated digest "data/今日 精选.md" is labelled 今日 精选, not its percent-encoding; its key stays the URI', async () => {
		const key = vfs('data', '今日 精选.md');
		const [update] = await summariesOf(new Map([[key, FIXTURE]]));
		assert.strictEqual(update.summary!.label, '今日 精选');
		assert.strictEqual(update.path, key);
		assert.strictEqual(update.summary!.path, key);
	});

	it('pathOfUriKey decodes a URI key\'s path and leaves a local path as it is', () => {
		assert.strictEqual(pathOfUriKey('vscode-vfs://github/o/r/a%20b/%E4%BB%8A%E6%97%A5.md'), '/o/r/a b/今日.md');
		assert.strictEqual(pathOfUriKey('file:///home/u/100%25.md?x#y'), '/home/u/100%.md');
		assert.strictEqual(pathOfUriKey('/home/u/100%25.md'), '/home/u/100%25.md');
		assert.strictEqual(pathOfUriKey('C:\\digests\\a%20b.md'), 'C:\\digests\\a%20b.md');
		assert.strictEqual(pathOfUriKey('vscode-vfs://github/o/r/bad%E4.md'), 'vscode-vfs://github/o/r/bad%E4.md');
	});
});
