/**
 * The digest files the workspace knows, by URI key, and what derives from them: the list
 * `files()` returns and the papers by id. Each add, change and removal is told to `onChange`
 * (the workspace's change batching, ./changeBatch.ts).
 */
import type * as vscode from 'vscode';
import { paperIdsOf } from '../../core/summary';
import { findPaperIndex } from '../../core/tree';
import { uriKey } from '../vsc-utils';
import type { DigestFile, DigestWorkspaceChange, PaperLocation } from './types';

/** where a paper is listed: its file and its index there */
interface Place {
	readonly file: DigestFile;
	readonly index: number;
}

export class DigestStore {
	private readonly entries = new Map<string, DigestFile>();
	/**
	 * Papers by id over every file: built on the first lookup (a hover, a card), then kept up to
	 * date. Not at start-up: indexing every paper of every summary as they stream in was the
	 * largest piece of the warm start's work on the extension host's thread (a CPU profile).
	 */
	private byIdValue: Map<string, Place[]> | undefined;
	private filesCache: DigestFile[] | undefined;

	constructor(private readonly onChange: (uri: vscode.Uri, kind: DigestWorkspaceChange['kind']) => void) {}

	get size(): number {
		return this.entries.size;
	}

	has(key: string): boolean {
		return this.entries.has(key);
	}

	get(key: string): DigestFile | undefined {
		return this.entries.get(key);
	}

	keys(): IterableIterator<string> {
		return this.entries.keys();
	}

	files(): readonly DigestFile[] {
		this.filesCache ??= [...this.entries.values()];
		return this.filesCache;
	}

	/** every place a paper id (with or without its version) appears, newest day first */
	findPaper(id: string): PaperLocation[] {
		const list = this.byId.get(id) ?? this.byId.get(stripVersion(id));
		// a summary's papers are parsed when first read: only the files that list this id
		return list ? list.map(({ file, index }): PaperLocation => ({ file, paper: file.digest.papers[index], index })).sort(newestFirst) : [];
	}

	set(key: string, file: DigestFile): void {
		const existed = this.entries.has(key);
		if (existed) {
			this.unindex(key);
		}
		this.entries.set(key, file);
		this.filesCache = undefined;
		this.indexPapers(file);
		this.onChange(file.uri, existed ? 'changed' : 'added');
	}

	remove(key: string): void {
		const file = this.entries.get(key);
		if (!file) {
			return;
		}
		this.unindex(key);
		this.entries.delete(key);
		this.filesCache = undefined;
		this.onChange(file.uri, 'removed');
	}

	/** Drop every file at or below `uri` (a deleted folder, a removed workspace folder); returns them. */
	removeUnder(uri: vscode.Uri): DigestFile[] {
		const key = uriKey(uri);
		const prefix = key.endsWith('/') ? key : `${key}/`;
		const removed: DigestFile[] = [];
		for (const [k, file] of [...this.entries]) {
			if (k === key || k.startsWith(prefix)) {
				this.remove(k);
				removed.push(file);
			}
		}
		return removed;
	}

	private get byId(): Map<string, Place[]> {
		if (!this.byIdValue) {
			this.byIdValue = new Map();
			for (const file of this.entries.values()) this.indexPapers(file);
		}
		return this.byIdValue;
	}

	private indexPapers(file: DigestFile): void {
		const byId = this.byIdValue;
		if (!byId) return;
		paperIdsOf(file.digest).forEach((id, index) => {
			const list = byId.get(id);
			const place: Place = { file, index };
			if (list) {
				list.push(place);
			} else {
				byId.set(id, [place]);
			}
		});
	}

	private unindex(key: string): void {
		const file = this.entries.get(key);
		const byId = this.byIdValue;
		if (!file || !byId) {
			return;
		}
		for (const id of paperIdsOf(file.digest)) {
			const list = byId.get(id);
			if (!list) {
				continue;
			}
			const kept = list.filter((l) => l.file !== file);
			if (kept.length > 0) {
				byId.set(id, kept);
			} else {
				byId.delete(id);
			}
		}
	}
}

/** Paper `id` (or, failing that, `id` without its version) in `file`, the occurrence nearest index `near`. */
export function locate(file: DigestFile, id: string, near = 0): PaperLocation | undefined {
	const index = findPaperIndex(file.digest, id, near) ?? findPaperIndex(file.digest, stripVersion(id), near);
	return index === undefined ? undefined : { file, paper: file.digest.papers[index], index };
}

function stripVersion(id: string): string {
	return id.replace(/v\d+$/, '');
}

/** Newest day first; files without a day last; then by label so the order is stable. */
function newestFirst(a: PaperLocation, b: PaperLocation): number {
	const da = a.file.digest.day;
	const db = b.file.digest.day;
	if (da !== db) {
		if (da === undefined) {
			return 1;
		}
		if (db === undefined) {
			return -1;
		}
		return da < db ? 1 : -1;
	}
	return a.file.digest.label.localeCompare(b.file.digest.label) || a.index - b.index;
}
