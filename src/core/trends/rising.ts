/**
 * Rising terms: the terms a day range's papers use more than those of the period just before it.
 * The top terms of a range are the field's steady words (language, benchmark, data); what a reader
 * asks of a week or a month is what is new in it. One index shard counts, per term, its papers in
 * the range and in the period before (./shard's stoplist); the corpus client merges the shards'
 * counts and ranks them here.
 */
import type { PaperIndex } from '../search/index';
import { termsOverlap } from '../search/tokenizer';
import { FolderCount, TermPostings } from './prose';
import { inRange, isStatsTerm, type DayRange } from './shard';

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
 * top terms). One shard answers the whole question (`limit`); over several, the client asks twice:
 * every term with enough papers in the shard, then the exact counts of the union of those (`terms`).
 */
export interface RisingRequest {
	range: DayRange;
	previous: DayRange;
	skip?: readonly string[];
	skipPrevious?: readonly string[];
	/** the fewest papers of both periods a term needs to be sent (default: risingMinPapers of the range's papers) */
	minPapers?: number;
	/** the whole answer: the `limit` surest rising terms (rankRising) */
	limit?: number;
	/** only these terms' counts, whatever they are */
	terms?: readonly string[];
}

/**
 * The fewest papers a rising term needs in the range: 0.25 % of its papers, at least 4. A week of
 * the 167 real days (~1,200 papers) needs 4, a month (~5,000) 13; fewer is a handful of papers of
 * one group, which reads as noise. The terms tested are those with as many papers over both
 * periods (what the test conditions on), so that picking them says nothing of where their papers fell.
 */
export function risingMinPapers(papers: number): number {
	return Math.max(4, Math.ceil(papers * 0.0025));
}

/** the pseudo-count each of a term's counts gets: a term in no paper before is not infinitely up */
const PRIOR = 1;
/** the lower bound of a two-sided 95 % interval */
const Z = 1.96;
/** the share of false discoveries the test allows among the terms it passes (Benjamini–Hochberg) */
const FALSE_DISCOVERIES = 0.05;
/**
 * How much more than the words of its frequency a term must surely have risen (risingScore, a log
 * odds ratio): 1.25 times. A significant rise of a few percent in a frequent word (`every`, `never`,
 * `see` over a long range) is a change of style, not of topic.
 */
const MIN_EFFECT = Math.log(1.25);
/** a frequency band's drift is its own median when it holds this many terms, else the nearest such band's */
const BAND_TERMS = 20;

/** a term's log odds ratio (range against before, smoothed by PRIOR) and its standard error */
function logOddsRatio(papers: number, total: number, before: number, previousTotal: number): [ratio: number, error: number] {
	const a = papers + PRIOR;
	const b = Math.max(total - papers, 0) + PRIOR;
	const c = before + PRIOR;
	const d = Math.max(previousTotal - before, 0) + PRIOR;
	return [Math.log(a / b) - Math.log(c / d), Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)];
}

/** a term's frequency band: the terms of 2^k to 2^(k+1) − 1 papers over both periods */
function bandOf(papers: number, before: number): number {
	return Math.floor(Math.log2(Math.max(1, papers + before)));
}

/**
 * How much the words of each frequency band rose: the median log odds ratio of the band's terms. A
 * period whose abstracts are longer or whose categories changed has most words up, and rarer words
 * more than the common ones (on the 167 real days, the month up to 2026-06-15 against the one before:
 * a median rise of 1.4 % for the words in 1 % of the papers or more, 12 % for those in 0.25–0.5 %).
 * A rising term is one that rose more than the words of its frequency.
 */
export function risingDrift(terms: readonly RisingCount[], total: number, previousTotal: number): (papers: number, before: number) => number {
	const bands = new Map<number, number[]>();
	const ratios = terms.map(([, papers, before]) => {
		const ratio = logOddsRatio(papers, total, before, previousTotal)[0];
		const band = bandOf(papers, before);
		const list = bands.get(band) ?? [];
		list.push(ratio);
		bands.set(band, list);
		return ratio;
	});
	const medians = new Map<number, number>();
	for (const [band, inBand] of bands) if (inBand.length >= BAND_TERMS) medians.set(band, median(inBand));
	const all = median(ratios);
	const known = [...medians.keys()];
	return (papers, before) => {
		const band = bandOf(papers, before);
		const own = medians.get(band);
		if (own !== undefined) return own;
		if (known.length === 0) return all;
		const nearest = known.reduce((best, b) => (Math.abs(b - band) < Math.abs(best - band) ? b : best));
		return medians.get(nearest) as number;
	};
}

function median(values: number[]): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((x, y) => x - y);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * How far a term surely rose beyond the words of its frequency: the lower end of the 95 % interval of
 * its log odds ratio less the drift. It orders the terms that passed the test: 12 papers up from none
 * (a new benchmark's name) and 93 up from 35 before 331 up from 240.
 */
export function risingScore(papers: number, total: number, before: number, previousTotal: number, drift: number): number {
	const [ratio, error] = logOddsRatio(papers, total, before, previousTotal);
	return ratio - drift - Z * error;
}

/**
 * The chance that a term's papers fall in the range as often as they did, or more, had it not
 * risen beyond the drift: of its `papers + before` papers of the two periods, each lands in the
 * range with the range's share of the papers, raised by the drift (a log odds ratio, taken as the
 * ratio of the shares: they are small). The exact binomial tail. It is conservative: the exact
 * conditional law is hypergeometric (Fisher's test), and a paper listed in both periods (a fork
 * listing the weekend's papers again) counts on both sides.
 */
export function risingPValue(papers: number, before: number, total: number, previousTotal: number, drift: number): number {
	const n = papers + before;
	const weight = total * Math.exp(drift);
	const p = weight / (weight + previousTotal);
	if (papers <= n * p) return 1;
	if (p <= 0) return 0;
	if (p >= 1) return 1;
	// P(X ≥ papers), X ~ Binomial(n, p): past the mode the terms only fall, summed until they stop counting
	const logP = Math.log(p);
	const logQ = Math.log1p(-p);
	let logTerm = logChoose(n, papers) + papers * logP + before * logQ;
	let sum = 0;
	for (let k = papers; k <= n; k++) {
		const term = Math.exp(logTerm);
		sum += term;
		if (term < sum * 1e-17) break;
		logTerm += Math.log((n - k) / (k + 1)) + logP - logQ;
	}
	return Math.min(1, sum);
}

function logChoose(n: number, k: number): number {
	return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms: relative error below 1e-13 here) */
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
	-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The rows of `tested` that pass the Benjamini–Hochberg procedure at `rate` over all of them: the
 * largest k whose k-th smallest p-value is at most rate · k / m, and every row up to it.
 */
export function benjaminiHochberg<T>(tested: readonly (readonly [T, number])[], rate: number): T[] {
	const sorted = [...tested].sort((x, y) => x[1] - y[1]);
	let passed = 0;
	sorted.forEach(([, p], i) => {
		if (p <= (rate * (i + 1)) / sorted.length) passed = i + 1;
	});
	return sorted.slice(0, passed).map(([row]) => row);
}

/**
 * The `limit` terms that surely rose, surest first, from the counts of every topic term with enough
 * papers over both periods (one shard's, or summed over every shard). A month tests ~10,000 terms: by
 * chance alone hundreds would look up at a 95 % level (on the 167 real days `thing`, `relied` and
 * `sorting`, 6 papers up from none, did). So a term must pass risingPValue's test at a false
 * discovery rate of 5 % over every term tested, have risingMinPapers papers in the range and have
 * risen by MIN_EFFECT beyond the drift; a week of steady topics may list none. Of a hyphenated term
 * listed and a part of it (`v-jepa`, `jepa`), or two overlapping CJK bigrams, the surer is kept.
 */
export function rankRising(reply: RisingReply, limit: number): RisingCount[] {
	const { papers: total, previousPapers } = reply;
	if (total === 0 || previousPapers === 0) return [];
	const min = risingMinPapers(total);
	// the tested terms alone: several shards send more (see SearchService.rangeRising), the answer is one shard's
	const rows = reply.terms.filter(([, papers, before]) => papers + before >= min);
	const driftOf = risingDrift(rows, total, previousPapers);
	const tested = rows.map((row): [RisingCount, number] => [row, risingPValue(row[1], row[2], total, previousPapers, driftOf(row[1], row[2]))]);
	const ranked = benjaminiHochberg(tested, FALSE_DISCOVERIES)
		.filter(([, papers]) => papers >= min)
		.map((row): [RisingCount, number] => [row, risingScore(row[1], total, row[2], previousPapers, driftOf(row[1], row[2]))])
		.filter(([, score]) => score > MIN_EFFECT)
		.sort((x, y) => y[1] - x[1] || (x[0][0] < y[0][0] ? -1 : x[0][0] > y[0][0] ? 1 : 0))
		.map(([row]) => row);
	const kept: RisingCount[] = [];
	for (const row of ranked) {
		if (kept.length === limit) break;
		if (!kept.some(([term]) => termsOverlap(term, row[0]))) kept.push(row);
	}
	return kept;
}

/**
 * One shard's counts of its papers per term in the range and in the period before (title and
 * abstract, the authors' words: the LLM's summaries' wording changes with a fork's model; each paper
 * once per term). With `terms`: those terms' counts, whatever they are. Else every English topic term
 * (isStatsTerm) with `minPapers` papers over both periods that is not a word of the prose (./prose: on
 * the 167 real days `strongest` and `recover` rose by half in the last month, in every category, and
 * led it), and with `limit` the answer of rankRising over them.
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
	const min = wanted ? 1 : Math.max(1, request.minPapers ?? risingMinPapers(papers));
	const rows: RisingCount[] = [];
	const counter = new PaperCounter(index, member);
	const terms = index.terms;
	for (let t = 0; t < terms.length; t++) {
		if (counter.postings(t) < min) continue;
		const term = terms.get(t);
		if (wanted ? !wanted.has(term) : !isStatsTerm(term) || counter.folder.known(t) === true) continue;
		const [inRangeCount, beforeCount] = counter.count(t);
		// the terms asked by name passed as topics the first time (a shard judges on the papers it holds)
		if (wanted || (inRangeCount + beforeCount >= min && !counter.folder.prose(term))) rows.push([term, inRangeCount, beforeCount]);
	}
	const reply = { papers, previousPapers, terms: rows };
	return request.limit !== undefined && !wanted ? { ...reply, terms: rankRising(reply, request.limit) } : reply;
}

/** Counts a term's papers (title and abstract; each paper once) in the range (`member` bit 1) and before (bit 2). */
class PaperCounter {
	private readonly walk: TermPostings;
	private readonly seenIn: Int32Array;
	private readonly seenBefore: Int32Array;
	/** the last counted term's papers over the whole folder, and in titles (./prose) */
	readonly folder: FolderCount;

	constructor(
		private readonly index: PaperIndex,
		private readonly member: Uint8Array,
	) {
		this.seenIn = new Int32Array(member.length);
		this.seenBefore = new Int32Array(member.length);
		this.folder = new FolderCount(index);
		this.walk = new TermPostings(index, this.folder);
	}

	/** postings of the title and long fields, of every day: a bound on the term's papers */
	postings(t: number): number {
		return this.index.head.size(t) + this.index.body.size(t);
	}

	count(t: number): [inRange: number, before: number] {
		const { member, seenIn, seenBefore } = this;
		let inRangeCount = 0;
		let beforeCount = 0;
		this.walk.walk(t, (num) => {
			const m = member[num];
			if (m === 0) return;
			if (m & 1 && seenIn[num] !== t + 1) {
				seenIn[num] = t + 1;
				inRangeCount++;
			}
			if (m & 2 && seenBefore[num] !== t + 1) {
				seenBefore[num] = t + 1;
				beforeCount++;
			}
		});
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
