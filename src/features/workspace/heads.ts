/**
 * Whether any candidate is a digest, found out on the extension host by reading the heads of the
 * candidates: the index shards (worker threads) start only once one is, so a repository of
 * ordinary notes — day-named blog posts and journal pages included — never starts a worker.
 */
import * as vscode from 'vscode';
import { findDigest, MAX_CANDIDATE_BYTES, MAX_WHOLE_HEAD_READ_BYTES, type CandidateHead } from '../../core/candidates';
import { DETECT_HEAD_BYTES, looksLikeDigest } from '../../core/detect';
import { PARSER_VERSION } from '../../core/parse/version';
import { readLocalHead, yieldThread } from '../host';
import { threadSlices } from '../../core/steps';
import type { Candidate } from './scope';

/** local heads are read synchronously (cheapest): the thread is given back after this long */
const SLICE_MS = 4;
/** heads read at a time through vscode.workspace.fs (each a round trip to the editor) */
const REMOTE_CONCURRENCY = 8;

const decoder = new TextDecoder();

/** What the host read to look for digests (the bench and the tests report it). */
export interface HeadCount {
	headsRead: number;
}

/** the workspace state that holds the candidates judged no digest (JudgedHeads) */
const JUDGED_STATE = 'arxivDigest.judgedNotDigests';
/** the most candidates JudgedHeads remembers for a workspace */
const MAX_JUDGED = 5000;

/**
 * Candidates read whole through the editor's file API (remoteHead) and judged no digest, with the size
 * and modification time they had: while a stat says both hold, the file is not read again. A
 * repository of day-named posts on github.dev had every post downloaded whole at each start of its
 * window (a stat and a read per post, all to find no digest): the stats alone now. Kept in the
 * workspace's state, for the candidates of the last listing only (at most MAX_JUDGED), by the
 * PARSER_VERSION whose detection judged them (a new one may read a template the old did not). A file
 * rewritten to the same size within the same modification time (or on a file system that gives
 * none) would be judged by its old head until it changes again, as a file event has it read.
 */
export class JudgedHeads {
	private readonly judged = new Map<string, string>();
	private changed = false;

	constructor(private readonly state: vscode.Memento) {
		// judged by another version's looksLikeDigest, which may not have known a fork's template: read again
		const stored = state.get<{ version?: unknown; files?: unknown }>(JUDGED_STATE);
		const files = stored?.version === PARSER_VERSION ? stored.files : undefined;
		if (files && typeof files === 'object' && !Array.isArray(files)) {
			for (const [key, stamp] of Object.entries(files as Record<string, unknown>)) if (typeof stamp === 'string') this.judged.set(key, stamp);
		}
	}

	/** Was this file, as `stat` gives it now, judged no digest? */
	isJudged(uri: vscode.Uri, stat: vscode.FileStat): boolean {
		return this.judged.get(uri.toString()) === stampOf(stat);
	}

	/** What a read of this file, as `stat` gives it, found: judged no digest, or not. */
	judge(uri: vscode.Uri, stat: vscode.FileStat, digest: boolean): void {
		const key = uri.toString();
		const stamp = digest ? undefined : stampOf(stat);
		if (this.judged.get(key) === stamp) return;
		if (stamp === undefined) this.judged.delete(key);
		// full: the files remembered stay so (a workspace of more candidates reads the same rest at each start, not others in turn)
		else if (this.judged.has(key) || this.judged.size < MAX_JUDGED) this.judged.set(key, stamp);
		else return;
		this.changed = true;
	}

	/** Keeps the candidates `listed` holds (the latest listing's URIs) and stores them, when anything changed. */
	save(listed: ReadonlySet<string>): Thenable<void> {
		for (const key of this.judged.keys()) {
			if (!listed.has(key)) {
				this.judged.delete(key);
				this.changed = true;
			}
		}
		if (!this.changed) return Promise.resolve();
		this.changed = false;
		return this.state.update(JUDGED_STATE, { version: PARSER_VERSION, files: Object.fromEntries(this.judged) });
	}
}

const stampOf = (stat: vscode.FileStat) => `${stat.size}:${stat.mtime}`;

/**
 * The first of `candidates` that is a digest (named by an `arxivDigest.files` glob, or detected by
 * its head, read the way the shards read it), or undefined; stops at the first one found, and as
 * soon as `cancelled` says so. Each head read counts in `count`. Where heads are read whole
 * (remoteHead), `judged` skips the files judged no digest before and remembers those judged now.
 */
export function firstDigest(candidates: readonly Candidate[], cancelled?: () => boolean, count?: HeadCount, judged?: JudgedHeads): Promise<Candidate | undefined> {
	const local = readLocalHead !== undefined && candidates.every((c) => c.uri.scheme === 'file');
	const read = local ? localHeads() : (candidate: Candidate) => remoteHead(candidate, judged);
	const counted = (candidate: Candidate) => {
		if (count) count.headsRead++;
		return read(candidate);
	};
	return findDigest(candidates, counted, looksLikeDigest, { concurrency: local ? 1 : REMOTE_CONCURRENCY, cancelled });
}

/** node:fs ranged reads, a slice of them per turn of the thread */
function localHeads(): (candidate: Candidate) => Promise<CandidateHead | undefined> {
	const pause = threadSlices(SLICE_MS, yieldThread);
	const read = readLocalHead as NonNullable<typeof readLocalHead>;
	return async (candidate) => {
		await pause();
		return read(candidate.uri.fsPath, DETECT_HEAD_BYTES, MAX_CANDIDATE_BYTES);
	};
}

/**
 * Elsewhere (a virtual or remote file system) the editor's file API has no ranged read: the size
 * first, then the whole file, unless it is far bigger than any digest (MAX_WHOLE_HEAD_READ_BYTES)
 * or `judged` no digest as it is.
 */
async function remoteHead(candidate: Candidate, judged: JudgedHeads | undefined): Promise<CandidateHead | undefined> {
	try {
		const stat = await vscode.workspace.fs.stat(candidate.uri);
		if (!(stat.type & vscode.FileType.File)) return undefined;
		if (stat.size > (candidate.always ? MAX_CANDIDATE_BYTES : MAX_WHOLE_HEAD_READ_BYTES)) return { size: stat.size, head: '' };
		if (!candidate.always && judged?.isJudged(candidate.uri, stat)) return { size: stat.size, head: '' };
		const bytes = await vscode.workspace.fs.readFile(candidate.uri);
		const head = decoder.decode(bytes.subarray(0, DETECT_HEAD_BYTES));
		judged?.judge(candidate.uri, stat, looksLikeDigest(head));
		// the bytes' length: a virtual file system may report no size
		return { size: bytes.length, head };
	} catch {
		return undefined;
	}
}
