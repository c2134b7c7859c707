/**
 * "For you": a linear model over the TF-IDF vectors (tfidf.ts), L2-regularised logistic regression
 * with balanced class weights, trained by Adagrad over the examples' sparse vectors (what
 * arxiv-sanity did with a linear SVM per tag). Terms are strings, so a model trained on papers
 * of every shard scores the papers of any shard.
 */
import { batchFromVectors, type VectorBatch } from './batch';
import type { TermVector } from './tfidf';
import type { StarTopic } from './topics';

export interface LinearModel {
	terms: string[];
	weights: number[];
	bias: number;
	/** For you's: the stars' topics (topics.ts starTopics), which share the top of the list */
	topics?: StarTopic[];
}

export interface TrainOptions {
	/** at most this many passes */
	epochs?: number;
	/** at least this many passes before the convergence check may stop */
	minEpochs?: number;
	/** stop when an epoch lowers the mean loss by less than this fraction */
	tolerance?: number;
	/** L2 strength per example step */
	lambda?: number;
	learningRate?: number;
	/**
	 * Adagrad's starting sum of squared gradients per term: a term's steps stay proportional to its
	 * gradient until its squared gradients add up to about this much (ADAGRAD_DELTA)
	 */
	delta?: number;
	/** keep the terms of largest |weight| only (a smaller model to send to each shard) */
	maxTerms?: number;
}

/**
 * With a vanishing starting sum (the textbook 1e-8) Adagrad's first step on a term is the full
 * learning rate whatever the gradient's size: a word seen once, with a small TF-IDF weight, in one
 * random negative moved as far as the word every star shares, and the class weights counted for
 * nothing in it. Trained on a few stars, the model learnt each random paper's own words as "not for
 * you" and ranked a paper by how little it resembled the random ones: a paper of words it had never
 * seen scored its bias alone, and that came first or second of the 2,700 real fixture papers (with six
 * world-model stars, test/unit/recs-few-stars). With this much, a rarely seen word moves in proportion
 * to its evidence; 3 to 30 gave the same rankings (a simulated reader of ten topics over the 167 real
 * days, one shard: mean P@20 0.29 to 0.52 with 6 stars a topic, 0.63 to 0.68 with every one).
 */
export const ADAGRAD_DELTA = 10;

/** xorshift32: a fixed example order per seed, so the same stars give the same model */
export function seededRandom(seed: number): () => number {
	let x = seed | 0 || 0x9e3779b9;
	return () => {
		x ^= x << 13;
		x ^= x >>> 17;
		x ^= x << 5;
		return (x >>> 0) / 4294967296;
	};
}

/** two examples' sets as one column space: each batch's columns mapped onto one term list */
function joinColumns(a: VectorBatch, b: VectorBatch): { terms: string[]; remapA: Int32Array; remapB: Int32Array } {
	const vocab = new Map<string, number>();
	const terms: string[] = [];
	const remap = (batch: VectorBatch) =>
		Int32Array.from(batch.terms, (t) => {
			let id = vocab.get(t);
			if (id === undefined) {
				id = terms.length;
				vocab.set(t, id);
				terms.push(t);
			}
			return id;
		});
	const remapA = remap(a);
	return { terms, remapA, remapB: remap(b) };
}

/**
 * Trains on `positives` against `negatives` (vectors, or batches as they come from the shards).
 * Epochs stop early once an epoch lowers the mean loss by less than `tolerance` of it: Adagrad on
 * TF-IDF rows settles in a few epochs, and each costs one pass over every (example, term) entry.
 */
export function trainLinear(positives: VectorBatch | readonly TermVector[], negatives: VectorBatch | readonly TermVector[], options: TrainOptions = {}): LinearModel {
	const pos = asBatch(positives);
	const neg = asBatch(negatives);
	const epochs = options.epochs ?? 12;
	const minEpochs = Math.min(epochs, options.minEpochs ?? 3);
	const tolerance = options.tolerance ?? 0.02;
	const lambda = options.lambda ?? 1e-4;
	const rate = options.learningRate ?? 0.5;
	const { terms, remapA, remapB } = joinColumns(pos, neg);
	// one examples table: rows of pos then neg, columns in the joined term space
	const rows = pos.ids.length + neg.ids.length;
	const starts = new Int32Array(rows + 1);
	const cols = new Int32Array(pos.cols.length + neg.cols.length);
	const vals = new Float32Array(cols.length);
	const ys = new Uint8Array(rows);
	let at = 0;
	let r = 0;
	for (const [batch, remap, y] of [[pos, remapA, 1], [neg, remapB, 0]] as const) {
		for (let i = 0; i < batch.ids.length; i++, r++) {
			starts[r] = at;
			ys[r] = y;
			for (let j = batch.starts[i]; j < batch.starts[i + 1]; j++, at++) {
				cols[at] = remap[batch.cols[j]];
				vals[at] = batch.vals[j];
			}
		}
	}
	starts[rows] = at;
	// balanced: each class weighs as much as the other in the loss
	const weightOf = [rows / (2 * Math.max(1, neg.ids.length)), rows / (2 * Math.max(1, pos.ids.length))];
	const w = new Float64Array(terms.length);
	const g2 = new Float64Array(terms.length).fill(options.delta ?? ADAGRAD_DELTA);
	let bias = 0;
	let biasG2 = 1e-8;
	const random = seededRandom(pos.ids.length * 7919 + neg.ids.length);
	const order = Int32Array.from({ length: rows }, (_, i) => i);
	let previousLoss = Infinity;
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			const t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		let loss = 0;
		for (let k = 0; k < rows; k++) {
			const e = order[k];
			const y = ys[e];
			const weight = weightOf[y];
			const from = starts[e];
			const to = starts[e + 1];
			let z = bias;
			for (let j = from; j < to; j++) z += w[cols[j]] * vals[j];
			const p = 1 / (1 + Math.exp(-z));
			// log loss of this example before its step (the epoch's mean is the convergence check)
			loss += weight * (y === 1 ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
			const err = (p - y) * weight;
			for (let j = from; j < to; j++) {
				const c = cols[j];
				const g = err * vals[j] + lambda * w[c];
				g2[c] += g * g;
				w[c] -= (rate * g) / Math.sqrt(g2[c]);
			}
			biasG2 += err * err;
			bias -= (rate * err) / Math.sqrt(biasG2);
		}
		loss /= Math.max(1, rows);
		if (epoch + 1 >= minEpochs && previousLoss - loss < tolerance * previousLoss) break;
		previousLoss = loss;
	}
	let kept = terms.map((_, i) => i).filter((i) => w[i] !== 0);
	if (options.maxTerms !== undefined && kept.length > options.maxTerms) kept = kept.sort((a, b) => Math.abs(w[b]) - Math.abs(w[a])).slice(0, options.maxTerms);
	return { terms: kept.map((i) => terms[i]), weights: kept.map((i) => w[i]), bias };
}

function asBatch(value: VectorBatch | readonly TermVector[]): VectorBatch {
	return Array.isArray(value) ? batchFromVectors((value as readonly TermVector[]).map((vector, i) => ({ id: String(i), vector }))) : (value as VectorBatch);
}

/** The model's score of one vector (the logit: higher is more "for you"). */
export function scoreVector(model: LinearModel, v: TermVector): number {
	const byTerm = new Map<string, number>();
	model.terms.forEach((t, i) => byTerm.set(t, model.weights[i]));
	let z = model.bias;
	v.terms.forEach((t, i) => (z += (byTerm.get(t) ?? 0) * v.weights[i]));
	return z;
}

/**
 * The words of `v` that weighed most in its score, largest contribution first (positive ones: "why").
 * Numbers are left out (a fork's score tag `[Embodied][7.0]` in its TL;DRs weighs too, but `7.0` tells
 * the reader nothing).
 */
export function explainVector(model: LinearModel, v: TermVector, limit = 10): { term: string; weight: number }[] {
	const byTerm = new Map<string, number>();
	model.terms.forEach((t, i) => byTerm.set(t, model.weights[i]));
	const parts = v.terms.map((t, i) => ({ term: t, weight: (byTerm.get(t) ?? 0) * v.weights[i] }));
	return parts.filter((p) => p.weight > 0 && !/^[\d.,]+$/.test(p.term)).sort((a, b) => b.weight - a.weight).slice(0, limit);
}
