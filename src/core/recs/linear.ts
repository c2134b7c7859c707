/**
 * "For you": a linear model over the TF-IDF vectors (tfidf.ts), L2-regularised logistic regression
 * with balanced class weights, trained by Adagrad over the examples' sparse vectors (what
 * arxiv-sanity did with a linear SVM per tag). Terms are strings, so a model trained on papers
 * of every shard scores the papers of any shard.
 */
import type { TermVector } from './tfidf';

export interface LinearModel {
	terms: string[];
	weights: number[];
	bias: number;
}

export interface TrainOptions {
	epochs?: number;
	/** L2 strength per example step */
	lambda?: number;
	learningRate?: number;
	/** keep the terms of largest |weight| only (a smaller model to send to each shard) */
	maxTerms?: number;
}

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

export function trainLinear(positives: readonly TermVector[], negatives: readonly TermVector[], options: TrainOptions = {}): LinearModel {
	const epochs = options.epochs ?? 12;
	const lambda = options.lambda ?? 1e-4;
	const rate = options.learningRate ?? 0.5;
	const vocab = new Map<string, number>();
	const terms: string[] = [];
	type Example = { cols: Int32Array; vals: Float32Array; y: number; weight: number };
	const examples: Example[] = [];
	const add = (v: TermVector, y: number, weight: number) => {
		const cols = new Int32Array(v.terms.length);
		v.terms.forEach((t, i) => {
			let id = vocab.get(t);
			if (id === undefined) {
				id = terms.length;
				vocab.set(t, id);
				terms.push(t);
			}
			cols[i] = id;
		});
		examples.push({ cols, vals: Float32Array.from(v.weights), y, weight });
	};
	// balanced: each class weighs as much as the other in the loss
	const total = positives.length + negatives.length;
	for (const v of positives) add(v, 1, total / (2 * Math.max(1, positives.length)));
	for (const v of negatives) add(v, 0, total / (2 * Math.max(1, negatives.length)));
	const w = new Float64Array(terms.length);
	const g2 = new Float64Array(terms.length).fill(1e-8);
	let bias = 0;
	let biasG2 = 1e-8;
	const random = seededRandom(positives.length * 7919 + negatives.length);
	const order = examples.map((_, i) => i);
	for (let epoch = 0; epoch < epochs; epoch++) {
		for (let i = order.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[order[i], order[j]] = [order[j], order[i]];
		}
		for (const e of order) {
			const { cols, vals, y, weight } = examples[e];
			let z = bias;
			for (let j = 0; j < cols.length; j++) z += w[cols[j]] * vals[j];
			const p = 1 / (1 + Math.exp(-z));
			const err = (p - y) * weight;
			for (let j = 0; j < cols.length; j++) {
				const c = cols[j];
				const g = err * vals[j] + lambda * w[c];
				g2[c] += g * g;
				w[c] -= (rate * g) / Math.sqrt(g2[c]);
			}
			biasG2 += err * err;
			bias -= (rate * err) / Math.sqrt(biasG2);
		}
	}
	let kept = terms.map((_, i) => i).filter((i) => w[i] !== 0);
	if (options.maxTerms !== undefined && kept.length > options.maxTerms) kept = kept.sort((a, b) => Math.abs(w[b]) - Math.abs(w[a])).slice(0, options.maxTerms);
	return { terms: kept.map((i) => terms[i]), weights: kept.map((i) => w[i]), bias };
}

/** The model's score of one vector (the logit: higher is more "for you"). */
export function scoreVector(model: LinearModel, v: TermVector): number {
	const byTerm = new Map<string, number>();
	model.terms.forEach((t, i) => byTerm.set(t, model.weights[i]));
	let z = model.bias;
	v.terms.forEach((t, i) => (z += (byTerm.get(t) ?? 0) * v.weights[i]));
	return z;
}

/** The terms of `v` that weighed most in its score, largest contribution first (positive ones: "why"). */
export function explainVector(model: LinearModel, v: TermVector, limit = 10): { term: string; weight: number }[] {
	const byTerm = new Map<string, number>();
	model.terms.forEach((t, i) => byTerm.set(t, model.weights[i]));
	const parts = v.terms.map((t, i) => ({ term: t, weight: (byTerm.get(t) ?? 0) * v.weights[i] }));
	return parts.filter((p) => p.weight > 0).sort((a, b) => b.weight - a.weight).slice(0, limit);
}
