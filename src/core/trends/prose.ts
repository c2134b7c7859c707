/**
 * Words of the abstracts' prose, told from topics by the folder's own papers: what a paper is about,
 * its authors put in its title; the words they write around it (`baseline`, `accuracy`, `strong`,
 * `require`, `strongest`, `recover`) fill the abstract and hardly ever a title. A word in many papers
 * of the folder and in the titles of few of them is prose, whatever its count in a range; the top
 * terms and the rising terms leave it out. On the 167 real days (title and abstract, 21,670 papers):
 * `agent` is in the titles of 51 % of its papers, `video` 53 %, `diffusion` 46 %, `llm` 38 %,
 * `reasoning` 35 %, `world` 16 %; `dataset` 7.9 %, `quality` 5.1 %, `accuracy` 1.4 %, `baseline` 1.0 %,
 * `require` 0.3 %, and the words that led the month's rising terms, `strongest` 0 % and `recover` 0.9 %.
 */
import { Field, postingHasField, type PaperIndex } from '../search/index';
import { DecodeBuffer } from '../search/postings';

/** a word in the titles of fewer of its papers than this share is prose (`evaluation` 12 %, `benchmark` 11 %, `text` 20 %) */
export const TITLE_SHARE = 0.15;

/**
 * The fewest papers of the folder a word needs to be judged: fewer say little of where it is written
 * (a word of 19 papers none of which has it in its title still could be a topic's name), and a small
 * folder's words are listed unjudged.
 */
export const JUDGED_PAPERS = 20;

/**
 * Is `term` a word of the prose: in `papers` papers of the folder (title or abstract), in the title of
 * `titled` of them? A term with a digit is a name (`gpt-5.4`, `qwen3.5`, `gsm8k`): models and
 * benchmarks are named in abstracts, rarely in titles, and are what a range's rising terms are for.
 */
export function isProse(term: string, papers: number, titled: number): boolean {
	return papers >= JUDGED_PAPERS && titled < TITLE_SHARE * papers && !/\d/.test(term);
}

/** per index, the verdicts of the terms counted since its documents last changed (PaperIndex.version) */
const verdicts = new WeakMap<PaperIndex, { version: number; prose: Map<number, boolean> }>();

/**
 * Counts a term's papers over the whole folder (every paper the shard holds, whatever its days) and
 * those with it in the title, from the postings the top and rising terms decode anyway: no second
 * pass. Feed it the title postings before the abstract's (see `add`), one term at a time. The verdicts
 * hold until the index's documents change: a range asked after another skips the prose unread (the
 * folder's top terms took twice as long when every prose word had to be decoded again).
 */
export class FolderCount {
	private readonly alive: Uint8Array;
	private readonly seen: Int32Array;
	private readonly verdicts: Map<number, boolean>;
	private term = -1;
	/** the papers of the term counted since `start`, and those with it in the title */
	papers = 0;
	titled = 0;

	/** `alive`: the papers to count, when not every paper the index holds (its verdicts are then not kept) */
	constructor(index: PaperIndex, alive?: Uint8Array) {
		this.alive = alive ?? index.alive;
		this.seen = new Int32Array(index.docs.length);
		let kept = verdicts.get(index);
		if (alive) kept = { version: index.version, prose: new Map() };
		else if (!kept || kept.version !== index.version) {
			kept = { version: index.version, prose: new Map() };
			verdicts.set(index, kept);
		}
		this.verdicts = kept.prose;
	}

	/** whether term `t` is prose, if a count since the folder last changed told */
	known(t: number): boolean | undefined {
		return this.verdicts.get(t);
	}

	/** starts counting term `t` */
	start(t: number): void {
		this.term = t;
		this.papers = 0;
		this.titled = 0;
	}

	/** document `num` holds the term (in its title when `title`) */
	add(num: number, title: boolean): void {
		if (this.seen[num] === this.term + 1 || this.alive[num] !== 1) return;
		this.seen[num] = this.term + 1;
		this.papers++;
		if (title) this.titled++;
	}

	/** is the term counted since `start` a word of the prose (isProse)? Kept for the next ranges. */
	prose(term: string): boolean {
		const verdict = isProse(term, this.papers, this.titled);
		this.verdicts.set(this.term, verdict);
		return verdict;
	}
}

/**
 * Walks a term's postings of titles and abstracts, the title's first (as FolderCount wants): each
 * posting's paper is counted in the folder's count and handed to `visit`. The one walk of the top
 * terms, their second round over several shards, and the rising terms.
 */
export class TermPostings {
	private readonly buffer = new DecodeBuffer();
	private readonly stores: readonly (readonly [PaperIndex['head'], Field])[];

	constructor(
		index: PaperIndex,
		readonly folder: FolderCount,
	) {
		this.stores = [[index.head, Field.Title], [index.body, Field.Abstract]];
	}

	walk(t: number, visit: (num: number) => void): void {
		this.folder.start(t);
		for (const [store, field] of this.stores) {
			const n = this.buffer.decode(store, t);
			const { nums, packs } = this.buffer;
			for (let k = 0; k < n; k++) {
				if (!postingHasField(packs[k], field)) continue;
				const num = nums[k];
				this.folder.add(num, field === Field.Title);
				visit(num);
			}
		}
	}
}
