/**
 * The workspace scan (scope.ts) over the folders of a multi-root workspace, with real files on disk
 * (the walk reads them with node:fs, the fake findFiles lists them), per-folder settings, and
 * getWorkspaceFolder / asRelativePath answering with the innermost folder, as the editor does.
 */
import * as assert from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { expandedGlob, matchesGlob } from '../../src/core/glob';

type Uri = { scheme: string; authority: string; path: string; fsPath: string; toString(): string };
const mk = (path: string): Uri => ({ scheme: 'file', authority: '', path, fsPath: path, toString: () => `file://${path}` });
type Folder = { name: string; index: number; uri: Uri };
type Config = Record<string, Record<string, unknown>>;

let folders: Folder[] = [];
/** settings by folder name (a folder's .vscode/settings.json), over `windowConfig` */
let folderConfig: Record<string, Config> = {};
let windowConfig: Config = {};

function innermost(uri: { path: string }): Folder | undefined {
	return folders.filter((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`)).sort((a, b) => b.uri.path.length - a.uri.path.length)[0];
}
function walk(dir: string, base: string, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) walk(full, base, out);
		else out.push(full.slice(base.length + 1));
	}
	return out;
}
function write(path: string, text = '# note\n'): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, text);
}

describe('multi-root: the scan over several workspace folders', () => {
	let scope: typeof import('../../src/features/workspace/scope');
	const saved = { ...fakeVscode.workspace };
	const savedUri = { ...fakeVscode.Uri };
	let root: string;
	withFakeVscode(() => {
		const vs = fakeVscode as unknown as Record<string, Record<string, unknown>>;
		vs.Uri.joinPath = (base: Uri, ...segments: string[]) => mk([base.path.replace(/\/$/, ''), ...segments].join('/'));
		vs.Uri.file = (path: string) => mk(path);
		(fakeVscode as unknown as Record<string, unknown>).RelativePattern = class {
			readonly baseUri: Uri;
			constructor(
				base: Folder | Uri,
				readonly pattern: string,
			) {
				this.baseUri = 'uri' in base ? base.uri : base;
			}
		};
		Object.assign(fakeVscode.FileType, { Unknown: 0, SymbolicLink: 64 });
		const ws = fakeVscode.workspace as unknown as Record<string, unknown>;
		Object.defineProperty(ws, 'workspaceFolders', { get: () => folders, configurable: true });
		ws.getConfiguration = (section: string, scope?: { path: string }) => ({
			get: (key: string) => {
				const folder = scope && innermost(scope);
				const own = folder ? folderConfig[folder.name]?.[section]?.[key] : undefined;
				return own !== undefined ? own : windowConfig[section]?.[key];
			},
		});
		ws.getWorkspaceFolder = (uri: { path: string }) => innermost(uri);
		ws.asRelativePath = (uri: { path: string }, includeFolder?: boolean) => {
			const folder = innermost(uri);
			if (!folder) return uri.path;
			const rel = uri.path.slice(folder.uri.path.length + 1);
			return (includeFolder ?? folders.length > 1) ? `${folder.name}/${rel}` : rel;
		};
		ws.findFiles = async (pattern: { baseUri: Uri; pattern: string }, exclude?: string) =>
			walk(pattern.baseUri.fsPath, pattern.baseUri.fsPath)
				.filter((rel) => matchesGlob(rel, [pattern.pattern]) && !(exclude && matchesGlob(rel, expandedGlob(exclude))))
				.map((rel) => mk(`${pattern.baseUri.path}/${rel}`));
		scope = require('../../src/features/workspace/scope');
	});
	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'review-multiroot-'));
		folderConfig = {};
		windowConfig = {};
	});
	afterEach(() => rmSync(root, { recursive: true, force: true }));
	after(() => {
		Object.assign(fakeVscode.workspace, saved);
		Object.assign(fakeVscode.Uri, savedUri);
	});

	it('nested roots: a file the inner folder\'s own files.exclude hides is not listed by the scan either (the outer folder\'s walk lists it; a file event then drops it)', async () => {
		const outer = join(root, 'research');
		const inner = join(outer, 'forkA');
		write(join(inner, 'data', '2026-02-06.md'));
		write(join(inner, 'archive', 'data', '2025-01-01.md'));
		folders = [
			{ name: 'research', index: 0, uri: mk(outer) },
			{ name: 'forkA', index: 1, uri: mk(inner) },
		];
		// forkA/.vscode/settings.json: the Explorer of forkA hides its archive
		folderConfig = { forkA: { files: { exclude: { 'archive/**': true } } } };
		const archived = mk(join(inner, 'archive', 'data', '2025-01-01.md'));
		assert.strictEqual(scope.candidateFor(archived as never), undefined, 'a file event on it: out of scope (forkA\'s rules)');
		for (const walkIt of [true, false]) {
			const listed = await scope.findCandidates(walkIt);
			assert.ok(listed.has(mk(join(inner, 'data', '2026-02-06.md')).toString()), 'the live digest is listed');
			assert.strictEqual(listed.has(archived.toString()), false, `the scan (walk: ${walkIt}) agrees with the file event`);
		}
	});

	it('nested roots: arxivDigest.detect off in the inner folder keeps its Markdown out of the scan, as a file event does', async () => {
		const outer = join(root, 'research');
		const inner = join(outer, 'forkA');
		write(join(inner, 'data', '2026-02-06.md'));
		folders = [
			{ name: 'forkA', index: 0, uri: mk(inner) },
			{ name: 'research', index: 1, uri: mk(outer) },
		];
		folderConfig = { forkA: { arxivDigest: { detect: false } } };
		const file = mk(join(inner, 'data', '2026-02-06.md'));
		assert.strictEqual(scope.candidateFor(file as never), undefined, 'a file event: out of scope');
		const listed = await scope.findCandidates(true);
		assert.strictEqual(listed.has(file.toString()), false, 'the scan lists it through the outer folder');
	});

	it("a broken arxivDigest.files glob in one folder's settings: the warning says which folder's settings hold it", async () => {
		const a = join(root, 'forkA');
		const b = join(root, 'forkB');
		write(join(a, 'data', '2026-02-06.md'));
		write(join(b, 'data', '2026-02-06.md'));
		folders = [
			{ name: 'forkA', index: 0, uri: mk(a) },
			{ name: 'forkB', index: 1, uri: mk(b) },
		];
		folderConfig = { forkB: { arxivDigest: { files: ['data/{2026,2025-*.md'] } } };
		const shown: string[] = [];
		const window = fakeVscode.window as unknown as Record<string, unknown>;
		const show = window.showWarningMessage;
		window.showWarningMessage = async (message: string) => void shown.push(message);
		try {
			await scope.findCandidates(false);
		} finally {
			window.showWarningMessage = show;
		}
		assert.strictEqual(shown.length, 1, shown.join('\n'));
		assert.match(shown[0], /^arxivDigest\.files \(forkB\): /, `the warning: ${shown[0]}`);
	});

	it('separate roots: one folder\'s detect off and files.exclude do not leak into another; same relative paths get distinct keys', async () => {
		const notes = join(root, 'notes');
		const a = join(root, 'forkA');
		const b = join(root, 'forkB');
		write(join(notes, 'data', '2026-02-06.md'));
		write(join(a, 'data', '2026-02-06.md'));
		write(join(b, 'data', '2026-02-06.md'));
		write(join(b, 'old', 'data', '2026-02-01.md'));
		folders = [
			{ name: 'notes', index: 0, uri: mk(notes) },
			{ name: 'forkA', index: 1, uri: mk(a) },
			{ name: 'forkB', index: 2, uri: mk(b) },
		];
		folderConfig = { notes: { arxivDigest: { detect: false } }, forkB: { files: { exclude: { 'old/**': true } } } };
		for (const walkIt of [true, false]) {
			const listed = [...(await scope.findCandidates(walkIt)).keys()].map((k) => k.slice(`file://${root}/`.length)).sort();
			assert.deepStrictEqual(listed, ['forkA/data/2026-02-06.md', 'forkB/data/2026-02-06.md'], `walk: ${walkIt}`);
		}
	});
});
