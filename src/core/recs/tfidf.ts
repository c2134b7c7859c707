/**
 * TF-IDF document vectors built from a PaperIndex's postings (no file is read again): one sparse,
 * L2-normalised row per paper over the words of its title and abstract, or, for a paper without an
 * abstract, of its title, TL;DR and summaries (VECTOR_FIELDS; CJK bigrams included; authors, id,
 * category and TeX command names, texCommands.ts, left out). A paper listed on several days is one
 * document of the index, so it is one row here.
 *
 * Weights: (1 + ln tf) × idf, idf = ln((1 + N) / (1 + df)) + 1, where tf sums the paper's per-field
 * counters (each saturating at 15) and df counts the papers whose vector's fields hold the term. Rows are
 * stored term-major as typed arrays (document numbers Int32, weights Float32: 8 bytes per (paper, term)),
 * so similar papers are scored a query term at a time.
 *
 * In a sharded workspace each shard builds its own vectors, so N and df are the shard's: shards
 * split the days by a hash of the file path, so a shard's df / N is a sample of the whole folder's
 * and idf is close to the corpus-wide one (see README "Similar papers and For you").
 */
import { Field, FIELD_COUNT, type PaperIndex } from '../search/index';
import { DecodeBuffer } from '../search/postings';
import { tokenize } from '../search/tokenizer';
import { TEX_COMMANDS } from './texCommands';
import { batchFromVectors, type VectorBatch } from './batch';
import { pauseAt, runSteps } from '../steps';

export interface TfidfVectors {
	/**
	 * Term-major (an inverted CSR): term t's papers are docs[termStart[t] .. termStart[t + 1]) in
	 * increasing document number, with their weights in vals (already divided by the paper's norm).
	 */
	termStart: Int32Array;
	docs: Int32Array;
	vals: Float32Array;
	/** per term id; 0 for terms of no text field */
	idf: Float32Array;
	/** document numbers (index.docs.length): score buffers are this long */
	rows: number;
}

/** A vector whose terms are strings, to pass between shards (which number terms differently). */
export interface TermVector {
	terms: string[];
	weights: number[];
}

/** a head posting's title counter (index.ts HEAD_SLOTS: title bits 0-3; the translated title counts there too) */
function titleTf(packed: number): number {
	return packed & 0xf;
}
/** a TL;DR posting's packed value is its tf (TLDR_SLOTS) */
function tldrTf(packed: number): number {
	return packed;
}
/** body postings (BODY_SLOTS: summaries bits 0-3, abstract 4-7) */
function summariesTf(packed: number): number {
	return packed & 0xf;
}
function abstractTf(packed: number): number {
	return (packed >> 4) & 0xf;
}

export function idfOf(n: number, df: number): number {
	return Math.log((1 + n) / (1 + df)) + 1;
}

/**
 * Which fields a paper's vector is made of besides its title and abstract (see VECTOR_FIELDS; `bench
 * DIR --recs --vectors` measures the others).
 */
export interface VectorFields {
	/** a paper with an abstract: its TL;DR too */
	tldr: boolean;
	/** a paper with an abstract: its LLM summaries too (motivation, method, result, conclusion, …) */
	summaries: boolean;
}

/**
 * A paper's vector: its title and abstract, what the paper is about. Not the LLM summaries, where a
 * fork's template writes the same words in every paper ("[Arch-Infra]", "No GPU kernel… or hardware
 * acceleration", "Implementation level: system-level"): trained on seven robotics stars of one such
 * day, For you learnt the template and ranked the day's RDMA NIC, TetraRL and INT8 GEMM kernel papers
 * 7th–12th of 2,700. Not the TL;DR either: that fork's starts with a tag (`[Arch-Infra][5.5]`), which
 * put them back at the top 3–6 %, and the bench's P@20 was 0.76 with it, 0.79 without (README). A
 * paper without an abstract (forks that write none) keeps its TL;DR and summaries, its only text.
 */
export const VECTOR_FIELDS: VectorFields = { tldr: false, summaries: false };

function summariesAndAbstractTf(packed: number): number {
	return summariesTf(packed) + abstractTf(packed);
}

const NONE = (): number => 0;

/** TEX_COMMANDS as the index's terms (folded as indexing folds them: `ldots` → `ldot`) */
const TEX_TERMS: readonly string[] = [...new Set(TEX_COMMANDS.flatMap((name) => tokenize(name)))];

/** The term ids of `index` that are TeX command names (no words of a paper: texCommands.ts). */
function texTermIds(index: PaperIndex): Uint8Array {
	const tex = new Uint8Array(index.terms.length);
	for (const term of TEX_TERMS) {
		const t = index.lookup(term);
		if (t !== undefined && t < tex.length) tex[t] = 1;
	}
	return tex;
}

/** the terms buildingVectors reads between two of its pauses */
const TERMS_PER_STEP = 512;

/** Builds every document's vector in one pass over the head, TL;DR and body postings. */
export function buildVectors(index: PaperIndex, fields: VectorFields = VECTOR_FIELDS): TfidfVectors {
	return runSteps(buildingVectors(index, fields));
}

/**
 * buildVectors in steps (pausing every TERMS_PER_STEP terms): on the 167 real days the pass takes
 * ~0.6 s, which a shard answering search in the same thread must be able to interrupt. The index must
 * not change until it ends (the caller checks its version at each pause).
 */
export function* buildingVectors(index: PaperIndex, fields: VectorFields = VECTOR_FIELDS): Generator<void, TfidfVectors> {
	const termCount = index.terms.length;
	const rows = index.docs.length;
	const alive = index.alive;
	const n = Math.max(1, index.size);
	const buffer = new DecodeBuffer();
	// per store, the counter read for a paper with an abstract, and for one without
	const stores = [
		{ store: index.head, about: titleTf, fallback: titleTf },
		{ store: index.tldr, about: fields.tldr ? tldrTf : NONE, fallback: tldrTf },
		{ store: index.body, about: fields.summaries ? summariesAndAbstractTf : abstractTf, fallback: summariesTf },
	];
	const hasAbstract = new Uint8Array(rows);
	for (let r = 0; r < rows; r++) hasAbstract[r] = index.lengths[r * FIELD_COUNT + Field.Abstract] > 0 ? 1 : 0;
	/** the last term seen per document, so a term in several stores counts once */
	const last = new Int32Array(rows).fill(-1);
	const tfOf = new Int32Array(rows);
	const sumSq = new Float64Array(rows);
	const termStart = new Int32Array(termCount + 1);
	const idf = new Float32Array(termCount);
	let docs = new Int32Array(1 << 16);
	let vals = new Float32Array(1 << 16);
	let at = 0;
	const touched: number[] = [];
	const tex = texTermIds(index);
	for (let t = 0; t < termCount; t++) {
		if (pauseAt(t, TERMS_PER_STEP)) yield;
		termStart[t] = at;
		touched.length = 0;
		if (tex[t]) continue;
		for (const { store, about, fallback } of stores) {
			const size = store.size(t);
			if (size === 0) continue;
			const k = buffer.decode(store, t);
			const { nums, packs } = buffer;
			for (let i = 0; i < k; i++) {
				const num = nums[i];
				const tf = hasAbstract[num] ? about(packs[i]) : fallback(packs[i]);
				if (!alive[num] || tf === 0) continue;
				if (last[num] !== t) (last[num] = t), (tfOf[num] = 0), touched.push(num);
				tfOf[num] += tf;
			}
		}
		if (touched.length === 0) continue;
		// each store's list ascending, together not always
		for (let i = 1; i < touched.length; i++) {
			if (touched[i - 1] > touched[i]) {
				touched.sort((x, y) => x - y);
				break;
			}
		}
		const w = (idf[t] = idfOf(n, touched.length));
		if (at + touched.length > docs.length) {
			const size = Math.max(docs.length * 2, at + touched.length);
			const grownDocs = new Int32Array(size);
			grownDocs.set(docs.subarray(0, at));
			docs = grownDocs;
			const grownVals = new Float32Array(size);
			grownVals.set(vals.subarray(0, at));
			vals = grownVals;
		}
		for (const num of touched) {
			const v = (1 + Math.log(tfOf[num])) * w;
			sumSq[num] += v * v;
			docs[at] = num;
			vals[at++] = v;
		}
	}
	termStart[termCount] = at;
	const inv = new Float32Array(rows);
	for (let r = 0; r < rows; r++) inv[r] = sumSq[r] > 0 ? 1 / Math.sqrt(sumSq[r]) : 0;
	for (let j = 0; j < at; j++) vals[j] *= inv[docs[j]];
	return { termStart, docs: docs.slice(0, at), vals: vals.slice(0, at), idf, rows };
}

/** Document `num`'s weight of term `t`, 0 when it has none (a binary search in the term's list; every weight held is positive). */
export function termWeight(vectors: TfidfVectors, t: number, num: number): number {
	const { docs, vals } = vectors;
	let lo = vectors.termStart[t];
	let hi = vectors.termStart[t + 1] - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const d = docs[mid];
		if (d < num) lo = mid + 1;
		else if (d > num) hi = mid - 1;
		else return vals[mid];
	}
	return 0;
}

/**
 * Visits the entries of the documents `nums` (the k-th of `nums`, term id, weight), term by term,
 * in one sweep over every term's list (each list is in increasing document number).
 */
function eachRowEntry(vectors: TfidfVectors, nums: readonly number[], visit: (k: number, t: number, value: number) => void): void {
	if (nums.length === 0) return;
	const { termStart, docs, vals } = vectors;
	if (nums.length <= 16) {
		// a few rows: a binary search in each term's list (most lists are a handful of papers)
		for (let t = 0; t + 1 < termStart.length; t++) {
			const from = termStart[t];
			const to = termStart[t + 1];
			if (from === to) continue;
			for (let k = 0; k < nums.length; k++) {
				const value = termWeight(vectors, t, nums[k]);
				if (value !== 0) visit(k, t, value);
			}
		}
		return;
	}
	const slot = new Int32Array(vectors.rows).fill(-1);
	nums.forEach((num, k) => {
		if (num < slot.length) slot[num] = k;
	});
	for (let t = 0; t + 1 < termStart.length; t++) {
		for (let j = termStart[t]; j < termStart[t + 1]; j++) {
			const k = slot[docs[j]];
			if (k >= 0) visit(k, t, vals[j]);
		}
	}
}

/** The rows of the documents `nums` (terms as strings). */
export function rowVectors(vectors: TfidfVectors, index: PaperIndex, nums: readonly number[]): TermVector[] {
	const out: TermVector[] = nums.map(() => ({ terms: [], weights: [] }));
	const terms = index.terms;
	eachRowEntry(vectors, nums, (k, t, value) => {
		out[k].terms.push(terms.get(t));
		out[k].weights.push(value);
	});
	return out;
}

/**
 * The rows of the documents `nums` as one VectorBatch (to send between threads): the terms they
 * use once, typed arrays for the rest.
 */
export function rowBatch(vectors: TfidfVectors, index: PaperIndex, nums: readonly number[], ids: readonly string[]): VectorBatch {
	if (nums.length <= 16) {
		// a few rows: the binary searches of eachRowEntry
		const rows = rowVectors(vectors, index, nums);
		return batchFromVectors(rows.map((vector, i) => ({ id: ids[i], vector })));
	}
	const { termStart, docs, vals } = vectors;
	const slot = new Int32Array(vectors.rows).fill(-1);
	nums.forEach((num, k) => {
		if (num < slot.length) slot[num] = k;
	});
	// pass 1: each row's length, so pass 2 writes straight into the typed arrays
	const counts = new Int32Array(nums.length + 1);
	let total = 0;
	for (let j = 0; j < docs.length; j++) {
		const k = slot[docs[j]];
		if (k >= 0) counts[k + 1]++, total++;
	}
	const starts = new Int32Array(nums.length + 1);
	for (let k = 0; k < nums.length; k++) starts[k + 1] = starts[k] + counts[k + 1];
	const fill = starts.slice(0, nums.length);
	const cols = new Int32Array(total);
	const out = new Float32Array(total);
	const terms: string[] = [];
	for (let t = 0; t + 1 < termStart.length; t++) {
		let col = -1;
		for (let j = termStart[t]; j < termStart[t + 1]; j++) {
			const k = slot[docs[j]];
			if (k < 0) continue;
			if (col < 0) (col = terms.length), terms.push(index.terms.get(t));
			const at = fill[k]++;
			cols[at] = col;
			out[at] = vals[j];
		}
	}
	return { ids: [...ids], terms, starts, cols, vals: out };
}

/** Document `num`'s row (terms as strings). */
export function rowVector(vectors: TfidfVectors, index: PaperIndex, num: number): TermVector {
	return rowVectors(vectors, index, [num])[0];
}

/**
 * Adds `weight × (document's weight)` of every document holding term `t` into `scores`
 * (term at a time: the cost is the query terms' lists, not the whole corpus).
 */
export function accumulate(vectors: TfidfVectors, t: number, weight: number, scores: Float32Array): void {
	const { termStart, docs, vals } = vectors;
	for (let j = termStart[t]; j < termStart[t + 1]; j++) scores[docs[j]] += weight * vals[j];
}

/** The `k` best [document number, score] of `scores` with a score above `floor`, best first; `skip` left out. */
export function topScores(scores: Float32Array, k: number, skip = -1, floor = 0): [number, number][] {
	const bestNum = new Int32Array(k).fill(-1);
	const bestScore = new Float64Array(k).fill(-Infinity);
	let filled = 0;
	for (let r = 0; r < scores.length; r++) {
		const s = scores[r];
		if (s <= floor || r === skip) continue;
		// insertion into the sorted top-k (k is small)
		let i = filled < k ? filled++ : k - 1;
		while (i > 0 && bestScore[i - 1] < s) {
			bestScore[i] = bestScore[i - 1];
			bestNum[i] = bestNum[i - 1];
			i--;
		}
		bestScore[i] = s;
		bestNum[i] = r;
		if (filled === k) floor = bestScore[k - 1];
	}
	const out: [number, number][] = [];
	for (let i = 0; i < filled; i++) out.push([bestNum[i], bestScore[i]]);
	return out;
}

/** Cosine of two L2-normalised vectors whose terms are strings. */
export function cosine(a: TermVector, b: TermVector): number {
	const at = new Map<string, number>();
	a.terms.forEach((t, i) => at.set(t, a.weights[i]));
	let dot = 0;
	b.terms.forEach((t, i) => (dot += (at.get(t) ?? 0) * b.weights[i]));
	return dot;
}

