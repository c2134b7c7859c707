/**
 * Similar papers for the card and the Show Similar Papers command: asked of the index worker
 * (SearchService.similar, cosine over TF-IDF), each with the words it has in common with the paper
 * (read against the paper's text, the one paper loaded), cached per paper until the digests change.
 */
import * as vscode from 'vscode';
import type { SimilarItem } from '../../core/card/similar';
import { wordsInCommon } from '../../core/recs/explain';
import type { SimilarHit } from '../../core/recs/shard';
import type { IDigestWorkspace } from '../workspace/types';
import { paperText } from './paperText';

/** how many similar papers the card and the command show */
export const SIMILAR_COUNT = 10;
/** papers whose answers are kept (a reader paging through a day comes back to a few) */
const CACHE_SIZE = 64;

/** A similar paper with the URI of the digest that lists it (newest day). */
export interface SimilarPaper extends SimilarItem {
	uri: string | undefined;
	authors: readonly string[];
}

export type SimilarAnswer = readonly SimilarPaper[] | { message: string };

export class SimilarPapers implements vscode.Disposable {
	private readonly cache = new Map<string, Promise<SimilarAnswer>>();
	private readonly subscription: vscode.Disposable;

	constructor(private readonly workspace: IDigestWorkspace) {
		this.subscription = workspace.onDidChange(() => this.cache.clear());
	}

	/** The SIMILAR_COUNT papers most like `id`; undefined when `token` was cancelled first. */
	async similar(id: string, token?: vscode.CancellationToken): Promise<SimilarAnswer | undefined> {
		let answer = this.cache.get(id);
		if (answer) {
			// most recently used last
			this.cache.delete(id);
			this.cache.set(id, answer);
		} else {
			answer = this.ask(id);
			this.cache.set(id, answer);
			answer.catch(() => this.cache.delete(id));
			while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
		}
		// the worker's answer cannot be stopped, but a cancelled caller gets nothing back
		const result = await answer;
		return token?.isCancellationRequested ? undefined : result;
	}

	private async ask(id: string): Promise<SimilarAnswer> {
		await this.workspace.ready;
		const backend = await this.workspace.backend();
		if (!backend) return { message: vscode.l10n.t('There are no digests in this workspace to compare with.') };
		const [hits, text] = await Promise.all([backend.service.similar(id, SIMILAR_COUNT), paperText(this.workspace, id)]);
		if (!hits) return { message: vscode.l10n.t('arXiv:{0} is not in the index yet.', id) };
		return hits.map((h: SimilarHit) => ({
			id: h.id,
			title: h.title,
			day: h.day,
			category: h.category,
			score: h.score,
			words: wordsInCommon(h.shared, text),
			authors: h.authors,
			uri: h.file ? backend.uriOf(h.file).toString() : undefined,
		}));
	}

	dispose(): void {
		this.subscription.dispose();
		this.cache.clear();
	}
}
