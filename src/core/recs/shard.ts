/**
 * The recommendation side of one corpus shard: TF-IDF vectors of its papers (built from the
 * index's postings on the first request after the index changed, never at open), similar papers
 * to a query vector, and the scores of a linear model.
 */
import type { DocRecord, PaperIndex } from '../search/index';
import { runInSlices, type SliceScheduling } from '../steps';
import { explainVector, type LinearModel } from './linear';
import type { VectorBatch } from './batch';
import { PAPER_TOPIC_COSINE, type RankedPaper } from './topics';
import { accumulate, buildVectors, buildingVectors, rowBatch, rowVector, termWeight, topScores, VECTOR_FIELDS, type TermVector, type TfidfVectors, type VectorFields } from './tfidf';

export interface SimilarHit {
	id: string;
	title: string;
	category: string;
	authors: string[];
	/** newest listing */
	day: string;
	file: string;
	/** cosine similarity, 0..1 */
	score: number;
	/**
	 * The terms it shares with the query, each with what it adds to the cosine (the query's weight
	 * times this paper's), most first: what explain.ts sharedReasons reads as words.
	 */
	shared: { term: string; weight: number }[];
}

/**
 * The least cosine a similar paper needs to be listed. On the 167 real days, with title + abstract
 * vectors (5 Dec), a paper's nearest has 0.205 (median; 0.139 for the 5 % least typical) and its tenth
 * 0.145 (`bench DIR --recs` prints these). An RDMA paper among vision and robotics ones has only
 * strangers, at 0.077–0.13 (a round-trip translation paper first, on "round-trip" and "one-sided").
 * Below this, a paper shares a few common words with the card's, not its topic. The floor keeps the
 * ratio it had to the 5 % least typical nearest on the older vectors of every field (0.07 against
 * 0.086, where that paper's strangers scored 0.05–0.06).
 */
export const MIN_SIMILARITY = 0.11;

/** random negatives take at most this share of a shard's papers */
export const MAX_RANDOM_SHARE = 0.1;

/** the longest run of a sliced vector build between two pauses */
const VECTOR_SLICE_MS = 20;
/** builds in slices the index's changes may restart before one runs at once */
const MAX_SLICED_BUILDS = 3;

export class ShardRecommender {
	private built: { index: PaperIndex; version: number; vectors: TfidfVectors } | undefined;
	private dense: Float32Array | undefined;

	/** the build under way in slices (see ready) */
	private building: Promise<void> | undefined;

	/**
	 * `fields`: what a paper's vector is made of (the bench compares others: `bench DIR --recs --vectors`);
	 * `scheduling`: the shard's, to build the vectors in slices that let its searches through (see ready)
	 */
	constructor(
		private readonly index: () => PaperIndex,
		private readonly fields: VectorFields = VECTOR_FIELDS,
		private readonly scheduling?: SliceScheduling,
	) {}

	private get current(): boolean {
		const index = this.index();
		return this.built?.index === index && this.built.version === index.version;
	}

	/** The vectors of the current index, rebuilt (at once) when it changed. */
	vectors(): TfidfVectors {
		const index = this.index();
		if (!this.current) {
			this.built = undefined;
			this.built = { index, version: index.version, vectors: buildVectors(index, this.fields) };
		}
		return (this.built as { vectors: TfidfVectors }).vectors;
	}

	/**
	 * Resolves once the vectors of the current index are built. The first request for similar papers or
	 * a ranking after the index changed builds them (~0.6 s on the 167 real days), and the shard that
	 * builds them answers search too: built in slices of the shard's time (`scheduling`), with its
	 * requests answered in between, a search typed meanwhile waited that long. The index changed
	 * during a slice's pause: built again; after MAX_SLICED_BUILDS such tries, at once.
	 */
	ready(): Promise<void> {
		if (this.current) return Promise.resolve();
		if (!this.scheduling) {
			this.vectors();
			return Promise.resolve();
		}
		return (this.building ??= this.buildInSlices(this.scheduling).finally(() => (this.building = undefined)));
	}

	private async buildInSlices(scheduling: SliceScheduling): Promise<void> {
		for (let attempt = 0; attempt < MAX_SLICED_BUILDS && !this.current; attempt++) {
			const index = this.index();
			const version = index.version;
			const built = await runInSlices(buildingVectors(index, this.fields), scheduling, () => this.index() === index && index.version === version, VECTOR_SLICE_MS);
			if (built) {
				this.built = { index, version, vectors: built.value };
				return;
			}
		}
		this.vectors();
	}

	/** The paper's vector (terms as strings), undefined when this shard does not hold it. */
	vector(id: string): TermVector | undefined {
		const doc = this.index().byId.get(id);
		return doc ? rowVector(this.vectors(), this.index(), doc.num) : undefined;
	}

	/** a zeroed score per document number (a reused buffer) */
	private scores(rows: number): Float32Array {
		if (!this.dense || this.dense.length < rows) this.dense = new Float32Array(Math.max(rows, 1024));
		else this.dense.fill(0);
		return this.dense.length === rows ? this.dense : this.dense.subarray(0, rows);
	}

	/** Scores every document of this shard by the dot product with string-keyed weights. */
	private dot(terms: readonly string[], weights: readonly number[]): Float32Array {
		const vectors = this.vectors();
		const index = this.index();
		const scores = this.scores(vectors.rows);
		terms.forEach((term, i) => {
			const t = index.lookup(term);
			if (t !== undefined && t + 1 < vectors.termStart.length) accumulate(vectors, t, weights[i], scores);
		});
		return scores;
	}

	/** The `limit` papers of this shard most similar to `query` (cosine), leaving out `exclude`. */
	similar(query: TermVector, limit: number, exclude?: string): SimilarHit[] {
		const index = this.index();
		const vectors = this.vectors();
		const scores = this.dot(query.terms, query.weights);
		const skip = exclude === undefined ? -1 : (index.byId.get(exclude)?.num ?? -1);
		const termIds = query.terms.map((term) => index.lookup(term));
		// the query as a "model" whose weights are its own: explainVector's parts are then each shared term's share of the cosine
		const asModel = { terms: query.terms, weights: query.weights, bias: 0 };
		return topScores(scores, limit, skip).map(([num, score]) => {
			const doc = index.docs[num]!;
			const hit: TermVector = { terms: [], weights: [] };
			termIds.forEach((t, i) => {
				const weight = t !== undefined && t + 1 < vectors.termStart.length ? termWeight(vectors, t, num) : 0;
				if (weight > 0) hit.terms.push(query.terms[i]), hit.weights.push(weight);
			});
			const shared = explainVector(asModel, hit, Infinity);
			return { id: doc.id, title: doc.title, category: doc.category, authors: doc.authors.slice(0, 3), day: doc.occ[0]?.day ?? '', file: doc.occ[0]?.file ?? '', score, shared };
		});
	}

	/**
	 * Vectors of the papers `ids` this shard holds, then up to `random` other papers picked at random
	 * (seeded: the same request picks the same papers) outside `exclude` and `ids`.
	 */
	idVectors(ids: readonly string[], random = 0, exclude: readonly string[] = [], seed = 1): VectorBatch {
		const index = this.index();
		const vectors = this.vectors();
		const picked: DocRecord[] = [];
		for (const id of ids) {
			const doc = index.byId.get(id);
			if (doc) picked.push(doc);
		}
		if (random > 0) {
			const skip = new Set([...ids, ...exclude]);
			const pool = index.docs.filter((d): d is DocRecord => d !== undefined && !skip.has(d.id));
			// random papers stand for "most papers are not for you"; taking most of a small workspace
			// would teach the model that the very papers it is about to rank are not
			random = Math.min(random, Math.ceil(pool.length * MAX_RANDOM_SHARE));
			let x = seed >>> 0 || 1;
			for (let i = 0; i < random && pool.length > 0; i++) {
				x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
				const at = x % pool.length;
				picked.push(pool[at]);
				pool[at] = pool[pool.length - 1];
				pool.pop();
			}
		}
		return rowBatch(vectors, index, picked.map((d) => d.num), picked.map((d) => d.id));
	}

	/**
	 * The model's score (logit) of each paper of `ids` this shard holds, and its nearest of the model's
	 * topics (cosine to the centroid of at least PAPER_TOPIC_COSINE; -1: none).
	 */
	rank(model: LinearModel, ids: readonly string[]): RankedPaper[] {
		const index = this.index();
		const scores = this.dot(model.terms, model.weights);
		const out: RankedPaper[] = [];
		const nums: number[] = [];
		for (const id of ids) {
			const doc = index.byId.get(id);
			if (doc) out.push([id, model.bias + scores[doc.num], -1, 0]), nums.push(doc.num);
		}
		const near = nums.map(() => PAPER_TOPIC_COSINE);
		(model.topics ?? []).forEach((topic, k) => {
			const cosines = this.dot(topic.terms, topic.weights);
			nums.forEach((num, i) => {
				if (cosines[num] >= near[i]) (near[i] = cosines[num]), (out[i][2] = k), (out[i][3] = cosines[num]);
			});
		});
		return out;
	}
}

/** One item per id (the best scored when shards both list it), best score first. */
export function mergeById<T>(items: readonly T[], idOf: (item: T) => string, scoreOf: (item: T) => number): T[] {
	const best = new Map<string, T>();
	for (const item of items) {
		const seen = best.get(idOf(item));
		if (!seen || scoreOf(item) > scoreOf(seen)) best.set(idOf(item), item);
	}
	return [...best.values()].sort((a, b) => scoreOf(b) - scoreOf(a));
}
