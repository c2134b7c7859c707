/**
 * "For you" in the editor: a model of the reader's stars (positives) against random papers
 * (negatives; a paper read is no negative, see core/recs/forYou.ts), trained in the index worker the first time a ranking is
 * asked for and again when the stars change (debounced). With fewer than MIN_STARS stars the order
 * falls back to the interests' matches, and the view and the command say so.
 */
import * as vscode from 'vscode';
import { findCollection, STARRED } from '../../core/library/model';
import { batchVector } from '../../core/recs/batch';
import { explainVector } from '../../core/recs/linear';
import { readableReasons } from '../../core/recs/explain';
import { paperText } from './paperText';
import { ForYouTrainer, interestScore, MIN_STARS, topPercent, trainForYou, type ForYouRanking, type ScoreSet } from '../../core/recs/forYou';
import type { DayNode } from '../../core/tree';
import type { LibraryStore } from '../library/store';
import type { Reading } from '../reading';
import type { ForYouScores } from '../tree/provider';
import type { CorpusBackend } from '../workspace/corpus';
import type { IDigestWorkspace } from '../workspace/types';
import { errorText, getLog } from '../log';

/** For you labels the papers of a day's better half with their rank (`top 5%`); the rest go unlabelled */
export const LABELLED_TOP_PERCENT = 50;
/** Why a paper ranks where it does: the words that weighed for it and how many starred papers have one too, or the interests it matched. */
export type Explanation = { kind: 'model'; words: string[]; starred: number } | { kind: 'interests'; words: string[] };

/** stars settle this long before the model is trained again */
export const RETRAIN_DELAY_MS = 1500;

export class ForYouService implements vscode.Disposable {
	readonly trainer: ForYouTrainer;
	/** scores per day node id for the Papers view, dropped when the ranking or the digests change */
	private dayScores = new Map<string, ReadonlyMap<string, number>>();
	private readonly computing = new Set<string>();
	private generation = 0;
	private readonly emitter = new vscode.EventEmitter<void>();
	/** fires when the ranking changed (retrained, interests changed in the fallback, digests changed) */
	readonly onDidChange = this.emitter.event;
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(
		private readonly workspace: IDigestWorkspace,
		private readonly library: LibraryStore,
		private readonly reading: Reading,
	) {
		this.trainer = new ForYouTrainer({
			stars: () => this.stars(),
			train: async (stars) => {
				const backend = await workspace.backend();
				if (!backend) return undefined;
				const trained = await trainForYou(backend.service, stars);
				if (trained.model) getLog().info(`For you: trained on ${trained.positives} stars and ${trained.negatives} negatives in ${Math.round(trained.ms)} ms`);
				return trained;
			},
			delayMs: RETRAIN_DELAY_MS,
			onDidRetrain: () => this.changed(),
			onError: (err) => getLog().warn(`For you: training failed: ${errorText(err)}`),
		});
		this.subscriptions.push(
			this.emitter,
			library.onDidChange(() => {
				this.trainer.starsChanged();
				// the Papers view's days leave the new stars out at once (the model follows after the retrain's quiet time)
				this.changed();
			}),
			workspace.onDidChange(() => {
				// a ranking made before the index had the stars' digests is made again, when the digests list
				// more or fewer of them
				this.trainer.digestsChanged(this.stars().filter((id) => this.workspace.findPaper(id).length > 0).length);
				this.changed();
			}),
			reading.interests.onDidChange(() => {
				if (this.trainer.last?.kind !== 'model') this.changed();
			}),
		);
	}

	stars(): string[] {
		return [...(findCollection(this.library.library, STARRED)?.ids ?? [])];
	}

	ranking(): Promise<ForYouRanking> {
		return this.trainer.current();
	}

	/** Each id's score under `ranking`, higher first: its place in the model's order (the stars' topics sharing its top), or the interests' matched words (fallback). */
	async scores(ranking: ForYouRanking, ids: readonly string[]): Promise<Map<string, number>> {
		if (ranking.kind === 'interests') return new Map(ids.map((id) => [id, interestScore(this.reading.match(id))]));
		const backend = await this.workspace.backend();
		return backend ? backend.service.rank(ranking.model, ids) : new Map();
	}

	/**
	 * The score as the reader sees it: where it ranks among `among` (the day's scores, or the list's),
	 * `top 5%`; or how many of the interests (keywords, authors, categories) it matches (`2 interests
	 * matched`; a bare `✦ 2` read as nothing). Not the model's probability: trained on as many random papers as stars, it says little
	 * with a few stars (most papers got 60–70% with 5–15 stars until the trainer's fix of 5 Dec), where
	 * the order is what the model knows.
	 */
	label(score: number, among: ScoreSet): string {
		const ranking = this.trainer.last;
		if (ranking?.kind === 'model') {
			// the better half only: "top 100%" on the day's last paper said nothing
			const top = topPercent(score, among);
			return top <= LABELLED_TOP_PERCENT ? vscode.l10n.t('top {0}%', top) : '';
		}
		if (score <= 0) return '';
		return score === 1 ? vscode.l10n.t('1 interest matched') : vscode.l10n.t('{0} interests matched', score);
	}

	/**
	 * Why the ranking falls back to the interests, when it does. Asked by the Papers view in For you
	 * mode: the first time, it makes the ranking (then fires onDidChange) so the view can say so.
	 */
	note(): string | undefined {
		const ranking = this.trainer.last;
		if (!ranking) {
			this.ranking().then(
				() => this.emitter.fire(),
				(err) => getLog().warn(`For you: ranking failed: ${errorText(err)}`),
			);
			return undefined;
		}
		if (ranking.kind === 'model') return undefined;
		if (ranking.unindexed)
			return this.reading.interests.hasInterests
				? vscode.l10n.t('For you learns from your starred papers once the digests are indexed: ranked by your interests meanwhile.')
				: vscode.l10n.t('For you learns from your starred papers once the digests are indexed: newest first meanwhile.');
		// the stars are the profile's: most of them may be papers of other workspaces
		if (ranking.found !== undefined)
			return this.reading.interests.hasInterests
				? vscode.l10n.t('For you needs {0} starred papers of these digests to learn from ({1} of your {2} are here): ranked by your interests meanwhile.', MIN_STARS, ranking.found, ranking.stars)
				: vscode.l10n.t('For you needs {0} starred papers of these digests to learn from ({1} of your {2} are here), or interests to rank by: newest first meanwhile.', MIN_STARS, ranking.found, ranking.stars);
		return this.reading.interests.hasInterests
			? vscode.l10n.t('For you needs {0} starred papers to learn from ({1} so far): ranked by your interests meanwhile.', MIN_STARS, ranking.stars)
			: vscode.l10n.t('For you needs {0} starred papers to learn from ({1} so far), or interests to rank by: newest first meanwhile.', MIN_STARS, ranking.stars);
	}

	/** The For You list's title: what ranks it. */
	title(ranking: ForYouRanking): string {
		if (ranking.kind === 'model')
			// the stars it learned from are those these digests list: a profile's others (older days gone, other workspaces) are not used
			return ranking.positives < ranking.stars
				? vscode.l10n.t('For You: ranked by a model of {0} of your {1} starred papers (those in these digests)', ranking.positives, ranking.stars)
				: vscode.l10n.t('For You: ranked by a model of your {0} starred papers', ranking.stars);
		if (ranking.unindexed)
			return this.reading.interests.hasInterests
				? vscode.l10n.t('For You: the digests are not indexed yet, ranked by your interests')
				: vscode.l10n.t('For You: the digests are not indexed yet, newest first');
		if (ranking.found !== undefined)
			return this.reading.interests.hasInterests
				? vscode.l10n.t('For You: {1} of your {2} starred papers are in these digests (fewer than {0}), ranked by your interests', MIN_STARS, ranking.found, ranking.stars)
				: vscode.l10n.t('For You: {1} of your {2} starred papers are in these digests (fewer than {0}) and no interests: newest first', MIN_STARS, ranking.found, ranking.stars);
		return this.reading.interests.hasInterests
			? vscode.l10n.t('For You: fewer than {0} starred papers ({1}), ranked by your interests', MIN_STARS, ranking.stars)
			: vscode.l10n.t('For You: fewer than {0} starred papers ({1}) and no interests: newest first', MIN_STARS, ranking.stars);
	}

	/**
	 * Why each paper of `ids` ranks where it does: under the model, up to `limit` words of it that
	 * weighed most, as the reader knows them (readableReasons: 机器人, not 器人 and 机器; `VLA`), and
	 * how many starred papers have one of those words too; under the interests, the ones it matched.
	 */
	async explain(ranking: ForYouRanking, ids: readonly string[], limit: number): Promise<Map<string, Explanation>> {
		if (ranking.kind === 'interests') return new Map(ids.map((id) => [id, { kind: 'interests', words: [...(this.reading.match(id)?.words ?? [])].slice(0, limit) }]));
		const backend = await this.workspace.backend();
		if (!backend) return new Map();
		const [batch, starTerms] = await Promise.all([backend.service.idVectors(ids), this.starTermsOf(ranking, backend)]);
		const explained = new Map<string, Explanation>();
		await Promise.all(
			batch.ids.map(async (id, r) => {
				const weighed = explainVector(ranking.model, batchVector(batch, r), Infinity);
				const reasons = readableReasons(weighed, await paperText(this.workspace, id), limit);
				const starred = starTerms.filter((terms) => reasons.some((reason) => reason.terms.every((t) => terms.has(t)))).length;
				explained.set(id, { kind: 'model', words: reasons.map((reason) => reason.label), starred });
			}),
		);
		return explained;
	}

	/** the starred papers' terms, per ranking: asked of the index once for the list, not again at each "?" (a new ranking comes with new stars) */
	private readonly starTerms = new WeakMap<ForYouRanking, Promise<Set<string>[]>>();

	private starTermsOf(ranking: ForYouRanking, backend: CorpusBackend): Promise<Set<string>[]> {
		let terms = this.starTerms.get(ranking);
		if (!terms) {
			terms = backend.service.idVectors(this.stars()).then((stars) => stars.ids.map((_, r) => new Set(batchVector(stars, r).terms)));
			this.starTerms.set(ranking, terms);
			// a failed ask is asked again next time
			terms.catch(() => this.starTerms.delete(ranking));
		}
		return terms;
	}

	/**
	 * The Papers view's scores for a day; computed in the background the first time (then the view
	 * redraws). Of the papers not starred, as Show For You ranks them: a starred paper has no score, so
	 * the view lists the reader's own stars after the day's others, unlabelled (★ marks them), and
	 * `top 1%` means the same in both.
	 */
	scoresFor(day: DayNode): ReadonlyMap<string, number> | undefined {
		const known = this.dayScores.get(day.id);
		if (known || this.computing.has(day.id)) return known;
		this.computing.add(day.id);
		const generation = this.generation;
		const starred = new Set(this.stars());
		const ids = day.categories.flatMap((c) => c.paperIds()).filter((id) => !starred.has(id));
		void this.ranking()
			.then((ranking) => this.scores(ranking, ids))
			.then(
				(scores) => {
					if (generation !== this.generation) return;
					this.dayScores.set(day.id, scores);
					this.emitter.fire();
				},
				(err) => getLog().warn(`For you: ranking ${day.label} failed: ${errorText(err)}`),
			)
			.finally(() => this.computing.delete(day.id));
		return undefined;
	}

	/** ForYouScores (the tree's hook) */
	readonly treeHook: ForYouScores = {
		scores: (day) => this.scoresFor(day),
		label: (score, among) => this.label(score, among),
		note: () => this.note(),
	};

	private changed(): void {
		this.generation++;
		this.dayScores.clear();
		this.computing.clear();
		this.emitter.fire();
	}

	dispose(): void {
		this.trainer.dispose();
		for (const s of this.subscriptions) s.dispose();
	}
}
