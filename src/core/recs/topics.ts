/**
 * For you's topics: the stars grouped by their vectors, so that a reader who stars papers of two
 * fields gets both in the top of the list. One linear model over every star (linear.ts) learns the
 * larger field's words best, and the smaller field's papers fell out of the top 20: on the 167 real
 * days, 20 diffusion + 5 reinforcement-learning stars gave 0 RL papers of 57 in it, 50 medical + 5
 * speech 0 speech of 47 (arxiv-sanity keeps one model per tag for this).
 *
 * The stars are grouped by their vectors (average-linkage on cosine, in id order so the same stars
 * give the same groups). A group of MIN_TOPIC_STARS or more is a topic: its centroid travels
 * with the model, each shard finds each paper's nearest topic (ShardRecommender.rank), and the top
 * of the list gives every topic places of its own, interleaved (topicOrder), each for the topic's
 * paper closest to its stars. Every other place is the model's order, and the "why" line is still the
 * model's words for each paper.
 */
import type { VectorBatch } from './batch';

export interface StarTopic {
	/** the centroid's heaviest terms, L2-normalised */
	terms: string[];
	weights: number[];
	/** starred papers in it */
	stars: number;
}

/**
 * Groups merge while the mean cosine of their stars' pairs is at least this. On the 167 real days
 * (title + abstract vectors, 30 papers of each of six topics), two papers of one topic have a cosine
 * of 0.058–0.068 (median; 0.035–0.045 for the lowest tenth), of two topics 0.024–0.038.
 */
export const LINK_COSINE = 0.045;
/** a group of this many stars is a topic (places of its own in the top of the list) */
export const MIN_TOPIC_STARS = 3;
/** the newest this many stars are grouped (pairs: n² / 2), the others join the nearest topic: bounds the time with thousands of stars */
export const MAX_GROUPED_STARS = 150;
/** a topic's centroid keeps this many terms (what each shard scores its papers against) */
export const TOPIC_TERMS = 100;
/** a paper (or a star not grouped) belongs to its nearest topic when at least this close (cosine to the centroid), else to none */
export const PAPER_TOPIC_COSINE = 0.1;
/** the top of the list where the topics get their shares */
export const TOPIC_PLACES = 20;
/** each topic's places there at least (while there are places and papers of it) */
export const MIN_TOPIC_PLACES = 2;

/**
 * The stars' topics (groups of MIN_TOPIC_STARS or more), most stars first. `stars`: L2-normalised
 * rows. Average-linkage grouping of the newest MAX_GROUPED_STARS (by id) until no two groups are
 * LINK_COSINE close; the older stars count in the topic whose centroid is nearest, when close enough.
 * It runs in the index worker that also answers searches: ~n² / 2 sparse dots for the pairs, each
 * group's closest other group kept (so a merge rescans only the groups that pointed at the two merged),
 * and one pass over each older star's entries against every centroid at once.
 */
export function starTopics(stars: VectorBatch): StarTopic[] {
	// newest first (arXiv ids grow with time), the same stars in any order the same rows
	const rows = stars.ids.map((_, r) => r).sort((a, b) => (stars.ids[a] < stars.ids[b] ? 1 : stars.ids[a] > stars.ids[b] ? -1 : 0));
	const grouped = rows.slice(0, MAX_GROUPED_STARS);
	const n = grouped.length;
	const columns = stars.terms.length;
	// links[a * n + b]: the sum of the cosines of the pairs of groups a and b (a star's own group at first)
	const links = new Float64Array(n * n);
	const dense = new Float64Array(columns);
	for (let a = 0; a < n; a++) {
		const r = grouped[a];
		for (let j = stars.starts[r]; j < stars.starts[r + 1]; j++) dense[stars.cols[j]] = stars.vals[j];
		for (let b = a + 1; b < n; b++) {
			const s = grouped[b];
			let dot = 0;
			for (let j = stars.starts[s]; j < stars.starts[s + 1]; j++) dot += dense[stars.cols[j]] * stars.vals[j];
			links[a * n + b] = links[b * n + a] = dot;
		}
		for (let j = stars.starts[r]; j < stars.starts[r + 1]; j++) dense[stars.cols[j]] = 0;
	}
	const members = grouped.map((r) => [r]);
	const alive = grouped.map(() => true);
	const mean = (a: number, b: number) => links[a * n + b] / (members[a].length * members[b].length);
	// each group's closest other group (the first of equals) and their mean cosine
	const nearest = new Int32Array(n).fill(-1);
	const nearestMean = new Float64Array(n).fill(-Infinity);
	const findNearest = (a: number) => {
		nearest[a] = -1;
		nearestMean[a] = -Infinity;
		for (let c = 0; c < n; c++) {
			if (c === a || !alive[c]) continue;
			const m = mean(a, c);
			if (m > nearestMean[a]) (nearestMean[a] = m), (nearest[a] = c);
		}
	};
	for (let a = 0; a < n; a++) findNearest(a);
	for (;;) {
		let a = -1;
		for (let g = 0; g < n; g++) if (alive[g] && nearestMean[g] >= LINK_COSINE && (a < 0 || nearestMean[g] > nearestMean[a])) a = g;
		if (a < 0) break;
		let b = nearest[a];
		if (b < a) [a, b] = [b, a];
		for (let c = 0; c < n; c++) if (alive[c] && c !== a && c !== b) links[a * n + c] = links[c * n + a] = links[a * n + c] + links[b * n + c];
		members[a].push(...members[b]);
		alive[b] = false;
		findNearest(a);
		for (let c = 0; c < n; c++) {
			if (!alive[c] || c === a) continue;
			if (nearest[c] === a || nearest[c] === b) findNearest(c);
			else if (mean(c, a) > nearestMean[c] || (mean(c, a) === nearestMean[c] && a < nearest[c])) (nearestMean[c] = mean(c, a)), (nearest[c] = a);
		}
	}
	const topics: StarTopic[] = [];
	/** each topic's columns (its centroid's terms) */
	const topicColumns = new Map<StarTopic, number[]>();
	const sum = new Float64Array(columns);
	for (let g = 0; g < n; g++) {
		if (!alive[g] || members[g].length < MIN_TOPIC_STARS) continue;
		const used = new Set<number>();
		for (const r of members[g])
			for (let j = stars.starts[r]; j < stars.starts[r + 1]; j++) used.add(stars.cols[j]), (sum[stars.cols[j]] += stars.vals[j]);
		const kept = [...used].filter((c) => sum[c] > 0)
			// equal weights by the term, not the batch's column: the same stars in any order, the same topics
			.sort((x, y) => sum[y] - sum[x] || (stars.terms[x] < stars.terms[y] ? -1 : 1))
			.slice(0, TOPIC_TERMS);
		const norm = Math.sqrt(kept.reduce((s, c) => s + sum[c] * sum[c], 0));
		const topic = { terms: kept.map((c) => stars.terms[c]), weights: kept.map((c) => sum[c] / norm), stars: members[g].length };
		topics.push(topic);
		topicColumns.set(topic, kept);
		for (const c of used) sum[c] = 0;
	}
	// the older stars: each in its nearest topic. Only the topics' columns count: each gets a slot, and
	// weights[slot * K + k] is its weight in topic k, so a star is one pass over its own entries
	const K = topics.length;
	const slot = new Int32Array(columns).fill(-1);
	const slotWeights: number[] = [];
	topics.forEach((topic, k) =>
		topicColumns.get(topic)!.forEach((c, i) => {
			if (slot[c] < 0) (slot[c] = slotWeights.length / K), slotWeights.push(...new Array<number>(K).fill(0));
			slotWeights[slot[c] * K + k] = topic.weights[i];
		}),
	);
	const weights = Float64Array.from(slotWeights);
	const dots = new Float64Array(K);
	for (const r of K > 0 ? rows.slice(n) : []) {
		dots.fill(0);
		for (let j = stars.starts[r]; j < stars.starts[r + 1]; j++) {
			const at = slot[stars.cols[j]];
			if (at >= 0) for (let k = 0; k < K; k++) dots[k] += weights[at * K + k] * stars.vals[j];
		}
		let near = -1;
		for (let k = 0; k < K; k++) if (dots[k] >= (near < 0 ? PAPER_TOPIC_COSINE : dots[near])) near = k;
		if (near >= 0) topics[near].stars++;
	}
	return topics.sort((a, b) => b.stars - a.stars);
}

/** a paper as a shard ranks it: the model's score, its nearest topic (an index of the model's topics, -1 for none) and its cosine to that topic's centroid */
export type RankedPaper = [id: string, score: number, topic: number, closeness: number];

/**
 * The ids best first: the model's order, but in the first `places` every topic with at least 5% of
 * the stars in topics has MIN_TOPIC_PLACES of its own (fewer when the topics want more places than
 * there are: the larger topics first). A topic's k-th place comes at the latest at its k-th even step
 * through the places (two places of 20: by the 10th and the 20th), and goes to its paper closest to
 * its centroid left; the other places take the best scored paper left. A topic without enough papers
 * just leaves its places to the others.
 */
export function topicOrder(papers: readonly RankedPaper[], topics: readonly Pick<StarTopic, 'stars'>[], places = TOPIC_PLACES): string[] {
	const sorted = papers
		.map((p, at) => ({ p, at }))
		.sort((a, b) => (b.p[1] === a.p[1] ? a.at - b.at : b.p[1] > a.p[1] ? 1 : -1))
		.map((x) => x.p);
	if (topics.length < 2) return sorted.map((p) => p[0]);
	const total = topics.reduce((s, t) => s + t.stars, 0);
	let free = places;
	const target = topics.map((t): number => (t.stars >= 0.05 * total ? MIN_TOPIC_PLACES : 0));
	// most stars first (topics come sorted so, stable for equal counts): the places run out for the smallest
	const order = topics.map((_, k) => k).sort((a, b) => topics[b].stars - topics[a].stars || a - b);
	for (const k of order) (target[k] = Math.min(target[k], free)), (free -= target[k]);
	const taken = new Set<number>();
	const placed = topics.map(() => 0);
	/** each topic's papers, best first, as positions in `sorted` */
	const byTopic = topics.map(() => [] as number[]);
	sorted.forEach((p, i) => p[2] >= 0 && p[2] < topics.length && byTopic[p[2]].push(i));
	// a topic's place goes to its paper closest to its stars: the model, which learnt the larger topics' words best, may prefer one that only shares a few of them
	for (const list of byTopic) list.sort((a, b) => sorted[b][3] - sorted[a][3] || a - b);
	const cursor = topics.map(() => 0);
	/** the topic's paper for its next place: the closest to its centroid left */
	const nextOf = (k: number) => {
		while (cursor[k] < byTopic[k].length && taken.has(byTopic[k][cursor[k]])) cursor[k]++;
		return cursor[k] < byTopic[k].length ? byTopic[k][cursor[k]] : -1;
	};
	const out: string[] = [];
	const take = (i: number) => {
		taken.add(i);
		const k = sorted[i][2];
		if (k >= 0 && k < topics.length) (placed[k] += 1), (left[k] -= 1);
		out.push(sorted[i][0]);
	};
	/** each topic's papers not taken yet */
	const left = byTopic.map((list) => list.length);
	let best = 0;
	for (let at = 0; at < Math.min(places, sorted.length); at++) {
		// every place still owed (of a topic with papers for it), with its deadline: the last position its share allows
		const owed: { k: number; deadline: number }[] = [];
		for (const k of order)
			for (let p = placed[k]; p < Math.min(target[k], placed[k] + left[k]); p++) owed.push({ k, deadline: Math.floor(((p + 1) * places) / target[k]) - 1 });
		owed.sort((x, y) => x.deadline - y.deadline);
		// the soonest owed place now when waiting would leave the owed places more than the positions up to their
		// deadlines: two topics due at the 10th take the 9th and the 10th, not the 10th and the 11th
		const now = owed.some((o, i) => o.deadline <= at + i);
		while (taken.has(best)) best++;
		take(now ? nextOf(owed[0].k) : best);
	}
	for (let i = 0; i < sorted.length; i++) if (!taken.has(i)) out.push(sorted[i][0]);
	return out;
}

/** `ids` in order as scores for the views (higher first): the For you order, which a score sort keeps */
export function orderScores(ids: readonly string[]): Map<string, number> {
	return new Map(ids.map((id, i) => [id, ids.length - i]));
}
