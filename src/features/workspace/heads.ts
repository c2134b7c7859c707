/**
 * Whether any candidate is a digest, found out on the extension host by reading the heads of the
 * candidates: the index shards (worker threads) start only once one is, so a repository of
 * ordinary notes — day-named blog posts and journal pages included — never starts a worker.
 */
import * as vscode from 'vscode';
import { findDigest, MAX_CANDIDATE_BYTES, MAX_WHOLE_HEAD_READ_BYTES, type CandidateHead } from '../../core/candidates';
import { DETECT_HEAD_BYTES, looksLikeDigest } from '../../core/detect';
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

/**
 * The first of `candidates` that is a digest (named by an `arxivDigest.files` glob, or detected by
 * its head, read the way the shards read it), or undefined; stops at the first one found, and as
 * soon as `cancelled` says so. Each head read counts in `count`.
 */
export function firstDigest(candidates: readonly Candidate[], cancelled?: () => boolean, count?: HeadCount): Promise<Candidate | undefined> {
	const local = readLocalHead !== undefined && candidates.every((c) => c.uri.scheme === 'file');
	const read = local ? localHeads() : remoteHead;
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
 * first, then the whole file, unless it is far bigger than any digest (MAX_WHOLE_HEAD_READ_BYTES).
 */
async function remoteHead(candidate: Candidate): Promise<CandidateHead | undefined> {
	try {
		const stat = await vscode.workspace.fs.stat(candidate.uri);
		if (!(stat.type & vscode.FileType.File)) return undefined;
		if (stat.size > (candidate.always ? MAX_CANDIDATE_BYTES : MAX_WHOLE_HEAD_READ_BYTES)) return { size: stat.size, head: '' };
		const bytes = await vscode.workspace.fs.readFile(candidate.uri);
		// the bytes' length: a virtual file system may report no size
		return { size: bytes.length, head: decoder.decode(bytes.subarray(0, DETECT_HEAD_BYTES)) };
	} catch {
		return undefined;
	}
}
