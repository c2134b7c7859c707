/**
 * Rising terms: the terms a day range's papers use more than those of the period just before it.
 * The top terms of a range are the field's steady words (language, benchmark, data); what a reader
 * asks of a week or a month is what is new in it. One index shard counts, per term, its papers in
 * the range and in the period before (./shard's fields, stoplist and fragment check); the corpus
 * client merges the shards' counts and ranks them here.
 */
import { Field, postingHasField, type PaperIndex } from '../search/index';
import { isCjkTerm } from '../search/tokenizer';
import { FragmentCheck, inRange, isTopicTerm, type Candidate, type DayRange } from './shard';

/** a term, its papers in the range, its papers in the period before */
export type RisingCount = [term: string, papers: number, before: number];

export interface RisingReply {
	/** papers listed in the range, and in the period before (each counted once, papers of `skip` lists left out) */
	papers: number;
	previousPapers: number;
	terms: RisingCount[];
}

/**
 * What a shard is asked: the two periods and the papers other shards count (skip lists, as for the
 * top terms). One shard answers the whole question (`limit`); over several, the client asks in
 * rounds: every term with enough papers in the shard (no `limit`, no `terms`), then the exact counts
 * of the union of those (`terms`), then which of the best are fragments (`fragments`).
 */
export interface RisingRequest {
	range: DayRange;
	previous: DayRange;
	skip?: readonly string[];
	skipPrevious?: readonly string[];
	/** the fewest papers in the range a term needs to be sent (default: risingMinPapers of the range's papers) */
	minPapers?: number;
	/** the whole answer: the `limit` surest rising terms, fragments left out */
	limit?: number;
	/** only these terms' counts, whatever they are */
	terms?: readonly string[];
}

/**
 * The fewest papers a rising term needs in the range: 0.25 % of its papers, at least 4. A week of
 * the 167 real days (~1,200 papers) needs 4, a month (~5,000) 13; fewer is a handful of papers of
 * one group, which reads as noise.
 */
export function risingMinPapers(papers: number): number {
	return Math.max(4, Math.ceil(papers * 0.0025));
}

/** the pseudo-count each of a term's counts gets: a term in no paper before is not infinitely up */
const PRIOR = 1;
/** the lower bound of a two-sided 95 % interval */
const Z = 1.96;
/** terms in at least this share of the papers of both periods are the common words whose change is the drift */
const COMMON_SHARE = 0.01;

/** a term's log odds ratio (range against before, smoothed by PRIOR) and its standard error */
function logOddsRatio(papers: number, total: number, before: number, previousTotal: number): [ratio: number, error: number] {
	const a = papers + PRIOR;
	const b = Math.max(total - papers, 0) + PRIOR;
	const c = before + PRIOR;
	const d = Math.max(previousTotal - before, 0) + PRIOR;
	return [Math.log(a / b) - Math.log(c / d), Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)];
}

/**
 * How much every word rose: the median log odds ratio of the common words. A period whose
 * abstracts are longer (a fork that cut them at 300 characters, then at 600) or whose categories
 * changed has every word up; a rising term is one that rose more than the words around it. On the
 * 167 real days, a month against the one before has its common words up by a median factor of
 * ~1.2, and without this `every`, `keep` and `leaving` were among the rising terms.
 */
export function risingDrift(terms: readonly RisingCount[], total: number, previousTotal: number): number {
	const common = terms
		.filter(([, papers, before]) => papers >= COMMON_SHARE * total && before >= COMMON_SHARE * previousTotal)
		.map(([, papers, before]) => logOddsRatio(papers, total, before, previousTotal)[0])
		.sort((x, y) => x - y);
	if (common.length === 0) return 0;
	const mid = common.length >> 1;
	return common.length % 2 === 1 ? common[mid] : (common[mid - 1] + common[mid]) / 2;
}

/**
 * How far a term surely rose beyond the drift: the lower end of the 95 % interval of its log odds
 * ratio less the drift. It orders the terms that passed risingTest: 12 papers up from none (a new
 * benchmark's name) and 93 up from 35 before 331 up from 240.
 */
export function risingScore(papers: number, total: number, before: number, previousTotal: number, drift: number): number {
	const [ratio, error] = logOddsRatio(papers, total, before, previousTotal);
	return ratio - drift - Z * error;
}

/** the share of false discoveries risingTest allows among the terms it passes */
const FALSE_DISCOVERIES = 0.05;

/**
 * The chance that a term's papers fall in the range as often as they did, or more, had it not
 * risen: of its `papers + before` papers of the two periods, each lands in the range with the
 * range's share of the papers (raised by the drift). Exact below 400 papers, else the normal
 * approximation.
 */
export function risingPValue(papers: number, before: number, total: number, previousTotal: number, drift: number): number {
	const n = papers + before;
	const weight = total * Math.exp(drift);
	const p = weight / (weight + previousTotal);
	if (papers <= n * p) return 1;
	if (n >= 400) {
		const sd = Math.sqrt(n * p * (1 - p));
		return normalTail((papers - 0.5 - n * p) / sd);
	}
	// P(X ≥ papers), X ~ Binomial(n, p), summed in log space from the largest term down
	const logP = Math.log(p);
	const logQ = Math.log(1 - p);
	let logTerm = logChoose(n, papers) + papers * logP + before * logQ;
	let sum = 0;
	for (let k = papers; k <= n; k++) {
		sum += Math.exp(logTerm);
		logTerm += Math.log((n - k) / (k + 1)) + logP - logQ;
	}
	return Math.min(1, sum);
}

function logChoose(n: number, k: number): number {
	let sum = 0;
	for (let i = 1; i <= k; i++) sum += Math.log((n - k + i) / i);
	return sum;
}

/** P(Z ≥ z) of a standard normal (Abramowitz and Stegun 7.1.26, error below 1.5e-7) */
function normalTail(z: number): number {
	const x = Math.abs(z) / Math.SQRT2;
	const t = 1 / (1 + 0.3275911 * x);
	const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
	return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * The `limit` terms that surely rose, surest first, from the counts of every topic term with enough
 * papers (one shard's, or summed over every shard). A week tests ~10,000 terms: by chance alone
 * hundreds would look up at a 95 % level (on the 167 real days `thing`, `relied` and `sorting`, 6
 * papers up from none, did). So a term must pass risingPValue's test at a false discovery rate of 5 %
 * over every term tested (Benjamini–Hochberg); a week of steady topics may then list none. Those
 * that pass are ordered by risingScore.
 */
export function rankRising(reply: RisingReply, limit: number): RisingCount[] {
	const { papers: total, previousPapers } = reply;
	if (total === 0 || previousPapers === 0) return [];
	const min = risingMinPapers(total);
	const drift = risingDrift(reply.terms, total, previousPapers);
	const tested = reply.terms
		.filter(([, papers]) => papers >= min)
		.map((row): [RisingCount, number] => [row, risingPValue(row[1], row[2], total, previousPapers, drift)])
		.sort((x, y) => x[1] - y[1]);
	let passed = 0;
	tested.forEach(([, p], i) => {
		if (p <= (FALSE_DISCOVERIES * (i + 1)) / tested.length) passed = i + 1;
	});
	return tested
		.slice(0, passed)
		.map(([row]): [RisingCount, number] => [row, risingScore(row[1], total, row[2], previousPapers, drift)])
		.sort((x, y) => y[1] - x[1] || (x[0][0] < y[0][0] ? -1 : x[0][0] > y[0][0] ? 1 : 0))
		.slice(0, limit)
		.map(([row]) => row);
}

/** how many candidates past `limit` a shard keeps for the fragment check to drop (as the top terms) */
const FRAGMENT_SLACK = 0.5;

/**
 * One shard's counts of its papers per term in the range and in the period before (title, TL;DR and
 * abstract; each paper once per term). With `limit`: the `limit` topic terms with at least
 * `minPapers` papers in the range that rose surest (RISING_RATIO, risingScore), fragments of longer
 * words left out. Without: every topic term with `minPapers` papers in the range, or the `terms`
 * asked, as counted.
 */
export function rangeRising(index: PaperIndex, request: RisingRequest): RisingReply {
	const docs = index.docs;
	/** per document: 1 counted in the range, 2 in the period before, 3 both (a paper listed in both) */
	const member = new Uint8Array(docs.length);
	const skipped = new Set(request.skip ?? []);
	const skippedBefore = new Set(request.skipPrevious ?? []);
	let papers = 0;
	let previousPapers = 0;
	for (const doc of docs) {
		if (!doc || !index.alive[doc.num]) continue;
		if (!skipped.has(doc.id) && doc.occ.some((o) => inRange(o.day, request.range))) {
			member[doc.num] |= 1;
			papers++;
		}
		if (!skippedBefore.has(doc.id) && doc.occ.some((o) => inRange(o.day, request.previous))) {
			member[doc.num] |= 2;
			previousPapers++;
		}
	}
	const wanted = request.terms ? new Set(request.terms) : undefined;
	const ranked = request.limit !== undefined && !wanted;
	const min = wanted ? 1 : Math.max(1, request.minPapers ?? risingMinPapers(papers));
	const rows: RisingCount[] = [];
	const ids: number[] = [];
	const bigrams: number[] = [];
	const counter = new PaperCounter(index, member);
	const terms = index.terms;
	for (let t = 0; t < terms.length; t++) {
		if (counter.postings(t) < min) continue;
		const term = terms.get(t);
		// the fragment check weighs a CJK candidate against the bigrams beside it
		if (ranked && term.length === 2 && isCjkTerm(term)) bigrams.push(t);
		if (wanted ? !wanted.has(term) : !isTopicTerm(term)) continue;
		const [inRangeCount, beforeCount] = counter.count(t);
		if (wanted) {
			rows.push([term, inRangeCount, beforeCount]);
			continue;
		}
		if (inRangeCount < min) continue;
		rows.push([term, inRangeCount, beforeCount]);
		ids.push(t);
	}
	if (!ranked) return { papers, previousPapers, terms: rows };
	const limit = request.limit ?? 0;
	const idOf = new Map(rows.map(([term], i) => [term, ids[i]]));
	const best = rankRising({ papers, previousPapers, terms: rows }, limit + Math.ceil(limit * FRAGMENT_SLACK));
	const fragments = fragmentCheck(index, member, best.map(([term, n]): Candidate => [term, n, idOf.get(term) as number]), bigrams);
	const kept: RisingCount[] = [];
	for (const row of best) {
		if (kept.length === limit) break;
		if (fragments.notFragment(row[0], row[1], idOf.get(row[0]) as number)) kept.push(row);
	}
	return { papers, previousPapers, terms: kept };
}

/** the fragment check of ./shard over the range's papers (`member` bit 1), candidates in any order */
function fragmentCheck(index: PaperIndex, member: Uint8Array, candidates: Candidate[], bigrams: readonly number[]): FragmentCheck {
	const counted = new Uint8Array(member.length);
	for (let num = 0; num < member.length; num++) counted[num] = member[num] & 1;
	return new FragmentCheck(index, counted, [...candidates].sort((x, y) => y[1] - x[1]), bigrams);
}

/**
 * The terms of `terms` that this shard's fragment check drops (parts of hyphenated words, CJK
 * bigrams of longer runs), over its papers of the range: the last round over several shards.
 */
export function risingFragments(index: PaperIndex, request: RisingRequest & { terms: readonly string[] }): string[] {
	const member = new Uint8Array(index.docs.length);
	const skipped = new Set(request.skip ?? []);
	for (const doc of index.docs) {
		if (doc && index.alive[doc.num] && !skipped.has(doc.id) && doc.occ.some((o) => inRange(o.day, request.range))) member[doc.num] = 1;
	}
	const wanted = new Set(request.terms);
	const counter = new PaperCounter(index, member);
	const candidates: Candidate[] = [];
	const bigrams: number[] = [];
	for (let t = 0; t < index.terms.length; t++) {
		if (counter.postings(t) === 0) continue;
		const term = index.terms.get(t);
		if (term.length === 2 && isCjkTerm(term)) bigrams.push(t);
		if (!wanted.has(term)) continue;
		const [n] = counter.count(t);
		if (n > 0) candidates.push([term, n, t]);
	}
	const check = fragmentCheck(index, member, candidates, bigrams);
	return candidates.filter(([term, n, t]) => !check.notFragment(term, n, t)).map(([term]) => term);
}

/** Counts a term's papers (title, TL;DR, abstract; each paper once) in the range (`member` bit 1) and before (bit 2). */
class PaperCounter {
	private nums = new Int32Array(1024);
	private packs = new Int32Array(1024);
	private readonly seenIn: Int32Array;
	private readonly seenBefore: Int32Array;
	private readonly stores: readonly (readonly [PaperIndex['head'], Field])[];

	constructor(
		private readonly index: PaperIndex,
		private readonly member: Uint8Array,
	) {
		this.seenIn = new Int32Array(member.length);
		this.seenBefore = new Int32Array(member.length);
		this.stores = [[index.head, Field.Title], [index.body, Field.Abstract]];
	}

	/** postings of every field and day: a bound on the term's papers */
	postings(t: number): number {
		return this.index.head.size(t) + this.index.body.size(t);
	}

	count(t: number): [inRange: number, before: number] {
		const { member, seenIn, seenBefore } = this;
		let inRangeCount = 0;
		let beforeCount = 0;
		for (const [store, field] of this.stores) {
			const size = store.size(t);
			if (this.nums.length < size) {
				this.nums = new Int32Array(size * 2);
				this.packs = new Int32Array(size * 2);
			}
			const n = store.decode(t, this.nums, this.packs);
			for (let k = 0; k < n; k++) {
				const num = this.nums[k];
				const m = member[num];
				if (m === 0 || !postingHasField(this.packs[k], field)) continue;
				if (m & 1 && seenIn[num] !== t + 1) {
					seenIn[num] = t + 1;
					inRangeCount++;
				}
				if (m & 2 && seenBefore[num] !== t + 1) {
					seenBefore[num] = t + 1;
					beforeCount++;
				}
			}
		}
		return [inRangeCount, beforeCount];
	}
}

/** Sums the shards' counts (each paper counted by one shard) of every term any of them sent. */
export function mergeRising(replies: readonly RisingReply[]): RisingReply {
	const terms = new Map<string, RisingCount>();
	let papers = 0;
	let previousPapers = 0;
	for (const reply of replies) {
		papers += reply.papers;
		previousPapers += reply.previousPapers;
		for (const [term, n, before] of reply.terms) {
			const row = terms.get(term);
			if (row) {
				row[1] += n;
				row[2] += before;
			} else terms.set(term, [term, n, before]);
		}
	}
	return { papers, previousPapers, terms: [...terms.values()] };
}
