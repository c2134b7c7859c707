/**
 * The second pass of a cold build (the TL;DR and long fields of every paper), on two cores when a
 * helper is at hand: the helper counts the long fields' terms of the last pending documents, a chunk
 * at a time, while this thread indexes every TL;DR (kept on this thread for their word sequences),
 * then the first documents' long fields; each chunk lent is the last of what is left below the
 * previous one, until both meet. The chunks' counts then join the index lowest first, so every
 * term's postings stay in document order and the index is the one a build without a helper makes
 * (the same term ids; with files changed during the pass the same postings and answers, the term ids
 * in another order, as a changed file's TL;DRs are indexed at the next slice, wherever the long fields
 * are). A helper that fails gives its documents back to this thread.
 */
import { HelperTerms, type BodyCounts, type PaperIndex } from './index';

/** Counts lent documents' long fields elsewhere (PaperIndex.countBodies on another core); answers in the order asked. */
export interface BodyCounter {
	count(nums: Int32Array, texts: string[]): Promise<BodyCounts>;
	/** ends the helper; what it had not answered fails */
	close(): void;
}

export interface BodyPassOptions {
	/** longest run of indexing between two yields */
	sliceMs: number;
	now(): number;
	yield(): Promise<void>;
	onProgress(done: number, total: number): void;
	/** a helper, where the host has one (undefined: none) */
	counter?: () => BodyCounter | undefined;
	/** fewer pending documents than this are indexed without a helper (its start would cost more than it saves) */
	minHelperBodies?: number;
	/** the most documents in one chunk lent */
	chunkBodies?: number;
}

const MIN_HELPER_BODIES = 2000;
/** ~100 ms of a helper's work on real digests; a chunk's counts join the index in one slice */
const CHUNK_BODIES = 512;
/** chunks at the helper at once: it goes on with the next while this thread takes the last one's counts */
const IN_FLIGHT = 2;

/** Indexes every pending document's long fields, giving the thread back between slices; settles when none is left. */
export async function indexPendingBodies(index: PaperIndex, options: BodyPassOptions): Promise<void> {
	const total = index.pendingBodyCount;
	const work = index.secondPassWork;
	const counter = total >= (options.minHelperBodies ?? MIN_HELPER_BODIES) ? options.counter?.() : undefined;
	const helper = counter && new Helper(index, counter, options.chunkBodies ?? CHUNK_BODIES);
	try {
		for (;;) {
			helper?.lend();
			if (index.indexPendingBodies(options.sliceMs, options.now) === 0) return;
			// the TL;DRs first (see PaperIndex.indexPendingBodies): the progress counts them too
			options.onProgress(work - index.secondPassWork, work);
			if (helper && index.waitsForLent) await helper.addLowest();
			await options.yield();
		}
	} finally {
		helper?.close();
	}
}

class Helper {
	private readonly terms = new HelperTerms();
	/** the chunks lent and not yet added, the first lent (the highest documents) first */
	private chunks: { nums: Int32Array; counts: Promise<BodyCounts | undefined> }[] = [];
	private inFlight = 0;
	/** the helper failed or was closed: no more loans, no more counts added */
	private closed = false;

	constructor(
		private readonly index: PaperIndex,
		private readonly counter: BodyCounter,
		private readonly chunkBodies: number,
	) {}

	/** Lends chunks while fewer than IN_FLIGHT are out and this thread keeps at least as many documents as a chunk. */
	lend(): void {
		while (!this.closed && this.inFlight < IN_FLIGHT) {
			const left = this.index.lendableBodyCount;
			// smaller chunks towards the meeting point, so that neither side waits long for the other
			const size = Math.min(this.chunkBodies, Math.max(Math.ceil(this.chunkBodies / 8), Math.floor(left / 8)));
			if (left < 2 * size) return;
			const loan = this.index.lendBodies(size);
			if (!loan) return;
			this.inFlight++;
			// the counts come back in the order lent: each chunk's new terms follow the previous chunk's
			const counts = this.counter.count(loan.nums, loan.texts).then(
				(counts) => {
					this.terms.add(counts.newTerms);
					this.inFlight--;
					this.lend();
					return counts;
				},
				() => {
					this.close();
					return undefined;
				},
			);
			this.chunks.push({ nums: loan.nums, counts });
		}
	}

	/** Adds the lowest chunk's counts to the index once they are back (or, if the helper failed, its documents are pending again). */
	async addLowest(): Promise<void> {
		const chunk = this.chunks[this.chunks.length - 1];
		if (!chunk) return;
		const counts = await chunk.counts;
		if (this.closed || !counts) return;
		this.chunks.pop();
		this.index.addCountedBodies(counts, this.terms);
	}

	/** Ends the helper; the documents of the chunks not added are pending again (none once the pass is done). */
	close(): void {
		this.closed = true;
		this.counter.close();
		for (const chunk of this.chunks) this.index.unlendBodies(chunk.nums);
		this.chunks = [];
	}
}
