/**
 * A digest workspace as the views see it, moved by the test: its files (summaries of the small
 * fixture), their change events, and its scan's phase and progress. Make it inside a describe block
 * that installed the fake `vscode` (its event emitters).
 */
import { fakeVscode } from './fake-vscode';
import { paperIdsOf, summarizeDigest, type DigestSummary } from '../../src/core/summary';
import type { ScanPhase, ScanProgress } from '../../src/core/scanStatus';
import { smallDigest } from '../fixtures/small-digest';

export interface FakeUri {
	toString(): string;
}

export interface FakeFile {
	uri: FakeUri;
	digest: DigestSummary;
}

/** A file of the small fixture's papers, dated `day` (its name too); with `ids`, its first papers under those ids. */
export function fixtureFile(day: string, ids?: readonly string[]): FakeFile {
	const digest = smallDigest();
	const uri = `file:///digests/${day}.md`;
	const papers = ids ? ids.map((id, i) => ({ ...digest.papers[i], id })) : digest.papers;
	return { uri: { toString: () => uri }, digest: summarizeDigest({ ...digest, day, label: day, papers, categories: ids ? [] : digest.categories }) };
}

export function fakeWorkspace(phase: ScanPhase = 'idle') {
	const files = new Map<string, FakeFile>();
	const changes = new fakeVscode.EventEmitter<readonly { uri: FakeUri; kind: string }[]>();
	const progressEvents = new fakeVscode.EventEmitter<ScanProgress>();
	let scanned!: () => void;
	const ws = {
		files: () => [...files.values()],
		get: (uri: FakeUri) => files.get(uri.toString()),
		/** the files listing `id` (without version), in no particular order */
		findPaper: (id: string) =>
			[...files.values()].flatMap((file) =>
				paperIdsOf(file.digest)
					.map((listed, index) => ({ listed, index }))
					.filter(({ listed }) => listed.replace(/v\d+$/, '') === id)
					.map(({ index }) => ({ file, paper: file.digest.papers[index], index })),
			),
		onDidChange: changes.event,
		scanPhase: phase,
		progress: { done: 0, total: 0, scanning: phase !== 'idle' } as ScanProgress,
		onDidChangeProgress: progressEvents.event,
		ready: new Promise<void>((resolve) => (scanned = resolve)),
	};
	return {
		ws,
		/** a file comes or changes: in the workspace, then its change event */
		put(file: FakeFile, kind: 'added' | 'changed' = 'added') {
			files.set(file.uri.toString(), file);
			changes.fire([{ uri: file.uri, kind }]);
		},
		/** a file goes: out of the workspace, then its change event */
		remove(uri: FakeUri) {
			files.delete(uri.toString());
			changes.fire([{ uri, kind: 'removed' }]);
		},
		/** the scan moves on: the workspace's state, then its progress event */
		progress(phase: ScanPhase, done: number, total: number) {
			ws.scanPhase = phase;
			ws.progress = { done, total, scanning: phase !== 'idle' };
			progressEvents.fire(ws.progress);
		},
		/** the count moves between events (the workspace sends it with the files it counts) */
		silently(done: number, total: number) {
			ws.progress = { done, total, scanning: true };
		},
		/** digests shown (from the caches) before any file was read: a change event, no progress */
		shown(phase: ScanPhase) {
			ws.scanPhase = phase;
			changes.fire([]);
		},
		/** the first scan ended: `ready` resolves */
		scanned: () => scanned(),
	};
}
