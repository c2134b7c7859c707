/**
 * "For you": trains the linear model (recs/linear) on the reader's stars across every shard.
 * Positives: starred papers; negatives: random papers (most of a day is not for you). Papers read
 * (their card opened) but not starred are no negatives: a reader opens mostly the papers of their own
 * field and stars a few, and as negatives the read papers taught the model that the field's words
 * were not for them (on the 167 real days, a reader who starred 25 of the 486 retrieval papers and
 * opened them all got a P@20 of 0.10 for retrieval, 0.80 without the reads). A read paper counts as
 * any other: drawn at random, it is a negative as often as an unread one.
 */
import type { SearchService } from '../search/client';
import { mergeBatches } from './batch';
import type { LinearModel } from './linear';

/** below this many stars the ranking falls back to the reader's interests */
export const MIN_STARS = 5;
/** random negatives: as many as the stars, within these bounds (bench: fewer than the stars lowered P@20) */
const MIN_RANDOM_NEGATIVES = 200;
const MAX_RANDOM_NEGATIVES = 2000;

export interface ForYouModel {
	model: LinearModel;
	positives: number;
	negatives: number;
	/** gathering vectors and training, ms */
	ms: number;
	/** of which gathering the vectors from the shards */
	gatherMs: number;
}

/**
 * Too few of the stars to learn from are papers of this workspace (the library is the profile's, the
 * same in every workspace): how many are.
 */
export interface TooFewStars {
	model?: undefined;
	found: number;
}

export async function trainForYou(service: Pick<SearchService, 'idVectors' | 'train'>, stars: readonly string[], now: () => number = () => Date.now()): Promise<ForYouModel | TooFewStars> {
	const started = now();
	const starred = new Set(stars);
	if (starred.size < MIN_STARS) return { found: starred.size };
	// one trip to each shard: the stars and the random papers, split here
	const all = await service.idVectors([...starred], Math.min(MAX_RANDOM_NEGATIVES, Math.max(MIN_RANDOM_NEGATIVES, starred.size)), [...starred], starred.size);
	const positives = mergeBatches([all], (id) => !starred.has(id));
	if (positives.ids.length < MIN_STARS) return { found: positives.ids.length };
	const negatives = mergeBatches([all], (id) => starred.has(id));
	const gatherMs = now() - started;
	const model = await service.train(positives, negatives);
	return { model, positives: positives.ids.length, negatives: negatives.ids.length, ms: now() - started, gatherMs };
}

/**
 * What the "For you" order is made of: the model trained on the stars, or the interests (too few
 * stars; `found`: how many of them this workspace's digests list, when that is fewer).
 */
export type ForYouRanking =
	| { kind: 'model'; model: LinearModel; stars: number; positives: number; negatives: number; ms: number }
	| { kind: 'interests'; stars: number; found?: number; unindexed?: true };

export interface ForYouTrainerDeps {
	/** the reader's starred ids now */
	stars(): readonly string[];
	/** trains in the index worker (trainForYou): TooFewStars with fewer than MIN_STARS starred papers in the index; undefined without an index */
	train(stars: readonly string[]): Promise<ForYouModel | TooFewStars | undefined>;
	/** quiet time after a star change before retraining */
	delayMs: number;
	/** a retrain after a star change finished */
	onDidRetrain?(ranking: ForYouRanking): void;
	onError?(err: unknown): void;
}

/** The stars as one key: the same set in any order is the same model. */
export function starKey(stars: readonly string[]): string {
	return [...new Set(stars)].sort().join('\n');
}

/**
 * Keeps one "For you" ranking for the current stars. Nothing is trained until a ranking is asked
 * for; after that, a change of the stars retrains once they settle (debounced), so a burst of stars
 * trains once. Training runs in the index worker (deps.train), never on the caller's thread.
 */
export class ForYouTrainer {
	private done: { key: string; ranking: ForYouRanking; digests: number } | undefined;
	private running: { key: string; promise: Promise<ForYouRanking> } | undefined;
	/** counts the digests' changes (digestsChanged): a ranking that missed some of the stars is made again after one */
	private digests = 0;
	/** how many of the stars the digests listed at their last change, when told (see digestsChanged) */
	private listed: number | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private used = false;
	private disposed = false;
	/** trainings started (tests and the log read it) */
	trainings = 0;

	constructor(private readonly deps: ForYouTrainerDeps) {}

	/** The ranking for the stars as they are now (trained first when they changed). */
	current(): Promise<ForYouRanking> {
		this.used = true;
		const stars = this.deps.stars();
		const key = starKey(stars);
		if (this.done?.key === key && !this.missedDigests(this.done)) return Promise.resolve(this.done.ranking);
		if (this.running?.key === key) return this.running.promise;
		if (this.timer) clearTimeout(this.timer), (this.timer = undefined);
		const digests = this.digests;
		const promise = this.make(stars).then((ranking) => {
			if (this.running?.promise === promise) this.running = undefined;
			this.done = { key, ranking, digests };
			return ranking;
		});
		this.running = { key, promise };
		promise.catch(() => {
			if (this.running?.promise === promise) this.running = undefined;
		});
		return promise;
	}

	/**
	 * The workspace's digests changed (the index started, digests arrived or left): a ranking made
	 * without the index, or from fewer of the stars than there are, is made again when next asked for
	 * (with 12 stars, a fallback made before the index was ready said "fewer than 5 starred papers
	 * (12)" until the stars changed). A ranking of all the stars is kept. `listed`: how many of the stars
	 * the digests list now, when known: a change that leaves it as it was changes nothing.
	 */
	digestsChanged(listed?: number): void {
		// a change that lists none of the stars more or less than before (a save, a pull of other papers) changes
		// no model: a reader with stars of other workspaces is not trained again at every save
		if (listed !== undefined && listed === this.listed) return;
		this.listed = listed;
		this.digests++;
	}

	/** `done` may learn from more of the stars since the digests changed */
	private missedDigests(done: { ranking: ForYouRanking; digests: number }): boolean {
		if (done.digests === this.digests) return false;
		const { ranking } = done;
		return ranking.kind === 'model' ? ranking.positives < ranking.stars : ranking.stars >= MIN_STARS;
	}

	/** The last ranking made, without training. */
	get last(): ForYouRanking | undefined {
		return this.done?.ranking;
	}

	/** The stars may have changed: retrain after they settle, when "For you" was used and they did change. */
	starsChanged(): void {
		if (!this.used || this.disposed) return;
		const key = starKey(this.deps.stars());
		if ((this.running ?? this.done)?.key === key) {
			if (this.timer) clearTimeout(this.timer), (this.timer = undefined);
			return;
		}
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			if (this.disposed) return;
			this.current().then(
				(ranking) => this.deps.onDidRetrain?.(ranking),
				(err) => this.deps.onError?.(err),
			);
		}, this.deps.delayMs);
	}

	/** a retrain is waiting for the stars to settle */
	get pending(): boolean {
		return this.timer !== undefined;
	}

	private async make(stars: readonly string[]): Promise<ForYouRanking> {
		const count = new Set(stars).size;
		if (count < MIN_STARS) return { kind: 'interests', stars: count };
		this.trainings++;
		const trained = await this.deps.train(stars);
		// no index to learn from yet (a workspace whose digests are still to come)
		if (!trained) return { kind: 'interests', stars: count, unindexed: true };
		if (!trained.model) return trained.found < count ? { kind: 'interests', stars: count, found: trained.found } : { kind: 'interests', stars: count };
		return { kind: 'model', model: trained.model, stars: count, positives: trained.positives, negatives: trained.negatives, ms: trained.ms };
	}

	dispose(): void {
		this.disposed = true;
		if (this.timer) clearTimeout(this.timer);
	}
}

/**
 * `items` best first by `score` (stable: equal scores keep their order; unscored items go last, in
 * their order).
 */
export function orderByScore<T>(items: readonly T[], idOf: (item: T) => string, score: (id: string) => number | undefined): T[] {
	return items
		.map((item, at) => ({ item, at, s: score(idOf(item)) ?? -Infinity }))
		.sort((a, b) => (b.s === a.s ? a.at - b.at : b.s > a.s ? 1 : -1))
		.map((x) => x.item);
}

/** The interests' score of a paper (the fallback ranking): matched words, below zero when excluded. */
export function interestScore(match: { words: readonly string[]; excluded: boolean } | undefined): number {
	if (!match) return 0;
	return match.excluded ? -1 : match.words.length;
}

export interface NewestUnreadOptions {
	/** how many papers to take (the days before the newest are added while there are fewer); 20 */
	readonly want?: number;
	/** at most this many days (of those that list papers new then); 7 */
	readonly maxDays?: number;
	readonly isStarred?: (id: string) => boolean;
	/** the latest day begun (clock's latestDayBegun): a file dated later (a stray or mistyped date) is left out */
	readonly today?: string;
}

/**
 * The papers "For you" ranks: the unread papers of the newest day, then of the days before it while
 * there are fewer than `want` (at most `maxDays` days). `days` may come in any order. A paper counts
 * on the day that first listed it: a fork that re-lists Friday's papers on Saturday and Sunday gave
 * Friday's list again on Sunday, as Sunday's. A day that lists no paper new then (all repeats) is
 * passed over, so `days` starts at the last day that did; each id's day (its first listing) is the
 * oldest of `days` that lists it, and comes with it. Starred papers are left out even when unread (starred from the
 * Papers view or a CodeLens): the model learnt them as the reader's, so they would take the top of the list.
 */
export function newestUnread(days: readonly { day: string; ids: readonly string[] }[], isRead: (id: string) => boolean, options: NewestUnreadOptions = {}): { days: string[]; papers: { id: string; day: string }[] } {
	const { want = 20, maxDays = 7, isStarred = () => false, today } = options;
	const byDay = new Map<string, string[]>();
	for (const d of days) if (today === undefined || d.day <= today) byDay.set(d.day, [...(byDay.get(d.day) ?? []), ...d.ids]);
	const ordered = [...byDay.keys()].sort().reverse();
	const firstListed = new Map<string, string>();
	// oldest last in `ordered`: the last day written is the first listing
	for (const day of ordered) for (const id of byDay.get(day)!) firstListed.set(id, day);
	const picked: { id: string; day: string }[] = [];
	const seen = new Set<string>();
	const used: string[] = [];
	for (const day of ordered) {
		if (picked.length >= want || used.length >= maxDays) break;
		const fresh = byDay.get(day)!.filter((id) => firstListed.get(id) === day);
		if (fresh.length === 0) continue;
		used.push(day);
		for (const id of fresh) if (!seen.has(id) && !isRead(id) && !isStarred(id)) seen.add(id), picked.push({ id, day });
	}
	return { days: used, papers: picked };
}

/** scores to rank a score among: a day's (by paper id) or a list's */
export type ScoreSet = ReadonlyMap<string, number> | readonly number[];

/**
 * The share (1–100) of `among` scoring `score` or more: `top 1%` is the best hundredth. Sorted
 * copies are remembered per collection, as the Papers view labels a day's papers one by one.
 */
export function topPercent(score: number, among: ScoreSet): number {
	let sorted = sortedScores.get(among);
	if (!sorted) {
		sorted = Float64Array.from(among instanceof Map ? among.values() : (among as readonly number[])).sort();
		sortedScores.set(among, sorted);
	}
	if (sorted.length === 0) return 100;
	// its rank: one more than those scoring more (after its last equal in ascending order); ties share the best
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] <= score) lo = mid + 1;
		else hi = mid;
	}
	const atLeast = sorted.length - lo + 1;
	return Math.max(1, Math.min(100, Math.ceil((100 * atLeast) / sorted.length)));
}

const sortedScores = new WeakMap<object, Float64Array>();
