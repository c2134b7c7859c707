/**
 * Sparse vectors in the form they travel in between the host and the index workers: the terms
 * they use once, and typed arrays for the rows (a structured clone copies a typed array in one
 * block, where arrays of strings and numbers cost per element: 1,000 stars are ~300,000 entries).
 */
import type { TermVector } from './tfidf';

export interface VectorBatch {
	/** one id per row */
	ids: string[];
	/** the batch's columns */
	terms: string[];
	/** row r is cols/vals[starts[r] .. starts[r + 1]) */
	starts: Int32Array;
	cols: Int32Array;
	vals: Float32Array;
}

export function emptyBatch(): VectorBatch {
	return { ids: [], terms: [], starts: new Int32Array(1), cols: new Int32Array(0), vals: new Float32Array(0) };
}

/** Row `r` with its terms as strings. */
export function batchVector(batch: VectorBatch, r: number): TermVector {
	const terms: string[] = [];
	const weights: number[] = [];
	for (let j = batch.starts[r]; j < batch.starts[r + 1]; j++) {
		terms.push(batch.terms[batch.cols[j]]);
		weights.push(batch.vals[j]);
	}
	return { terms, weights };
}

export function batchFromVectors(rows: readonly { id: string; vector: TermVector }[]): VectorBatch {
	const dictionary = new Map<string, number>();
	const terms: string[] = [];
	const starts = new Int32Array(rows.length + 1);
	rows.forEach((r, i) => (starts[i + 1] = starts[i] + r.vector.terms.length));
	const cols = new Int32Array(starts[rows.length]);
	const vals = new Float32Array(starts[rows.length]);
	rows.forEach((r, i) => {
		r.vector.terms.forEach((term, j) => {
			let col = dictionary.get(term);
			if (col === undefined) {
				col = terms.length;
				dictionary.set(term, col);
				terms.push(term);
			}
			cols[starts[i] + j] = col;
			vals[starts[i] + j] = r.vector.weights[j];
		});
	});
	return { ids: rows.map((r) => r.id), terms, starts, cols, vals };
}

/**
 * The rows of several batches as one (each id once: the first batch holding it wins; empty rows and
 * rows `drop` names are left out), the columns renumbered over one term list.
 */
export function mergeBatches(batches: readonly VectorBatch[], drop: (id: string) => boolean = () => false): VectorBatch {
	const dictionary = new Map<string, number>();
	const terms: string[] = [];
	const seen = new Set<string>();
	const ids: string[] = [];
	const picked: { batch: VectorBatch; row: number; remap: Int32Array }[] = [];
	for (const batch of batches) {
		// filled as the kept rows use the batch's columns: a dropped row's terms stay out
		const remap = new Int32Array(batch.terms.length).fill(-1);
		batch.ids.forEach((id, row) => {
			if (seen.has(id) || drop(id) || batch.starts[row + 1] === batch.starts[row]) return;
			seen.add(id);
			ids.push(id);
			picked.push({ batch, row, remap });
		});
	}
	const starts = new Int32Array(picked.length + 1);
	picked.forEach((p, i) => (starts[i + 1] = starts[i] + p.batch.starts[p.row + 1] - p.batch.starts[p.row]));
	const cols = new Int32Array(starts[picked.length]);
	const vals = new Float32Array(starts[picked.length]);
	picked.forEach(({ batch, row, remap }, i) => {
		let at = starts[i];
		for (let j = batch.starts[row]; j < batch.starts[row + 1]; j++, at++) {
			const c = batch.cols[j];
			if (remap[c] < 0) {
				const term = batch.terms[c];
				let col = dictionary.get(term);
				if (col === undefined) {
					col = terms.length;
					dictionary.set(term, col);
					terms.push(term);
				}
				remap[c] = col;
			}
			cols[at] = remap[c];
			vals[at] = batch.vals[j];
		}
	});
	return { ids, terms, starts, cols, vals };
}
