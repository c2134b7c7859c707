/**
 * The trends one index shard computes from what it holds (src/core/search/index.ts): on which days
 * the papers of a query were listed, and the top terms and authors of the papers listed in a day
 * range. The corpus client (src/core/search/client.ts) merges the shards' answers with the helpers
 * at the end of this file; the host's file summaries give the rest (./days.ts).
 */
import { Field, postingHasField, type PaperIndex } from '../search/index';
import type { IdsReply } from '../search/protocol';
import { foldTerm, isCjkTerm } from '../search/tokenizer';

/** A day range, both ends included (`YYYY-MM-DD`); an end left out is open. */
export interface DayRange {
	from?: string;
	to?: string;
}

/** per listing day, the ids of the query's papers listed that day (newest day last) */
export type TermDaysReply = { ok: true; days: [day: string, ids: string[]][] } | { ok: false; error: string };

export interface TopReply {
	/** papers counted (listed in the range, not skipped) */
	papers: number;
	/** [index term, papers whose title, TL;DR or abstract holds it], most first */
	terms: [string, number][];
	/** [author as written, papers], most first */
	authors: [string, number][];
}

/** how many terms and authors a shard sends: the merged top 20 is exact unless a shard's 200th ties with it */
export const SHARD_TOP = 200;

/**
 * Words the tokenizer keeps (its stopwords, English function words, are dropped already) that say
 * nothing about a topic: every abstract proposes a novel method and shows results. In the index's
 * folded form (plurals folded), so `results` and `result` are one entry.
 */
const BOILERPLATE = [
	'paper', 'propose', 'proposed', 'method', 'approach', 'result', 'show', 'present', 'novel', 'new', 'based', 'using',
	'use', 'used', 'work', 'model', 'study', 'task', 'performance', 'existing', 'achieve', 'achieves', 'demonstrate', 'introduce',
	'framework', 'problem', 'experiment', 'state', 'art', 'significant', 'significantly', 'improve', 'via', 'one', 'two',
	'three', 'first', 'well', 'different', 'various', 'provide', 'key', 'effective', 'address', 'across', 'including',
	'enable', 'extensive', 'outperform', 'challenge', 'remain', 'recent', 'abstract', 'find', 'also', 'et', 'al', 'make',
	'many', 'often', 'etc', 'furthermore', 'moreover', 'specifically', 'overall', 'leverage', 'experimental',
	'state-of-the-art', 'large', 'high', 'low', 'level', 'multi', 'multiple', 'time', 'real', 'general', 'specific',
];
export const TREND_STOPLIST: ReadonlySet<string> = new Set(BOILERPLATE.map((w) => foldTerm(w, true) ?? w));

/**
 * Chinese terms are bigrams of the tokenizer (提出了一种 → 提出, 出了, 了一, 一种, …): a bigram with a
 * function character (的, 了, 一, 种, 提, 出, …) is a fragment, not a word; the words left that say
 * nothing about a topic are listed like the English ones (模型 = model, 方法 = method, …).
 */
const CJK_FUNCTION_CHARS = new Set([...'的了在和是与及对并中为以种一这该其我们本文出提可将从而于等也被使进行更有通过个此所如何之得地着把让']);
const CJK_STOPLIST: ReadonlySet<string> = new Set([
	'模型', '方法', '框架', '任务', '性能', '结果', '研究', '问题', '实验', '能力', '显著', '有效', '现有', '表明', '显示', '实现', '基于',
	'利用', '提高', '提升', '解决', '具有', '能够', '表现', '优于', '引入', '构建', '针对', '不同', '相关', '关键', '挑战', '方面', '分析',
	'设计', '机制', '证明', '新颖', '创新', '成功', '大量', '广泛', '准确', '效果', '效率', '场景', '领域', '应用',
]);

/** a term worth listing among a range's top terms */
export function isTopicTerm(term: string): boolean {
	if (isCjkTerm(term)) return term.length > 1 && !CJK_STOPLIST.has(term) && ![...term].some((c) => CJK_FUNCTION_CHARS.has(c));
	return term.length >= 3 && !/^[\d.]+$/.test(term) && !TREND_STOPLIST.has(term);
}

/** The listing days of the papers `ids` answered: a paper listed on two days counts on each. */
export function termDays(index: PaperIndex, reply: IdsReply): TermDaysReply {
	if (!reply.ok) return reply;
	const byDay = new Map<string, string[]>();
	for (const id of reply.ids) {
		const doc = index.get(id);
		if (!doc) continue;
		for (const day of new Set(doc.occ.map((o) => o.day))) {
			if (day === '') continue;
			const list = byDay.get(day);
			if (list) list.push(id);
			else byDay.set(day, [id]);
		}
	}
	return { ok: true, days: [...byDay].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
}

export function inRange(day: string, range: DayRange): boolean {
	return day !== '' && (range.from === undefined || day >= range.from) && (range.to === undefined || day <= range.to);
}

/** Ids of the shard's papers listed on some day of the range. */
export function rangeIds(index: PaperIndex, range: DayRange): string[] {
	const ids: string[] = [];
	for (const doc of index.docs) if (doc && doc.occ.some((o) => inRange(o.day, range))) ids.push(doc.id);
	return ids;
}

/** The `limit` largest counts, most first, ties by name. */
function top(counts: Map<string, number>, limit: number): [string, number][] {
	return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}

/**
 * Top terms and authors of the papers listed in the range, each paper counted once (document
 * frequency, not raw frequency), papers in `skip` left out (another shard counts them).
 * Terms come from the title, TL;DR and abstract postings; a term whose postings are fewer than
 * the current `limit`-th count cannot enter and is not decoded.
 */
export function rangeTop(index: PaperIndex, range: DayRange, skip: readonly string[] = [], limit = SHARD_TOP): TopReply {
	const skipped = new Set(skip);
	const docs = index.docs;
	const counted = new Uint8Array(docs.length);
	const authors = new Map<string, number>();
	let papers = 0;
	for (const doc of docs) {
		if (!doc || skipped.has(doc.id) || !index.alive[doc.num] || !doc.occ.some((o) => inRange(o.day, range))) continue;
		counted[doc.num] = 1;
		papers++;
		for (const author of new Set(doc.authors.map((a) => a.trim()).filter((a) => a !== ''))) authors.set(author, (authors.get(author) ?? 0) + 1);
	}
	const best: [string, number][] = [];
	let threshold = 0;
	let nums = new Int32Array(1024);
	let packs = new Int32Array(1024);
	/** per document, the last term (+1) that counted it: a paper with the term in the title and the abstract counts once */
	const seen = new Int32Array(docs.length);
	const terms = index.terms;
	for (let t = 0; t < terms.length; t++) {
		const headSize = index.head.size(t);
		const tldrSize = index.tldr.size(t);
		const bodySize = index.body.size(t);
		if (headSize + tldrSize + bodySize <= threshold || !isTopicTerm(terms.get(t))) continue;
		const size = Math.max(headSize, tldrSize, bodySize);
		if (nums.length < size) {
			nums = new Int32Array(size * 2);
			packs = new Int32Array(size * 2);
		}
		let count = 0;
		const visit = (n: number, has: (packed: number) => boolean) => {
			for (let k = 0; k < n; k++) {
				const num = nums[k];
				if (counted[num] !== 1 || seen[num] === t + 1 || !has(packs[k])) continue;
				seen[num] = t + 1;
				count++;
			}
		};
		visit(index.head.decode(t, nums, packs), (p) => postingHasField(p, Field.Title));
		visit(index.tldr.decode(t, nums, packs), (p) => postingHasField(p, Field.Tldr));
		visit(index.body.decode(t, nums, packs), (p) => postingHasField(p, Field.Abstract));
		if (count === 0 || count <= threshold) continue;
		best.push([terms.get(t), count]);
		if (best.length >= limit * 2) {
			best.sort((a, b) => b[1] - a[1]);
			best.length = limit;
			threshold = best[limit - 1][1] - 1;
		}
	}
	return { papers, terms: top(new Map(best), limit), authors: top(authors, limit) };
}

/** One merged per-day count from the shards' id lists: a paper in files of two shards on one day counts once. */
export function mergeTermDays(replies: readonly TermDaysReply[]): { ok: true; days: [string, number][] } | { ok: false; error: string } {
	const byDay = new Map<string, Set<string>>();
	for (const reply of replies) {
		if (!reply.ok) return reply;
		for (const [day, ids] of reply.days) {
			const set = byDay.get(day) ?? new Set<string>();
			for (const id of ids) set.add(id);
			byDay.set(day, set);
		}
	}
	return { ok: true, days: [...byDay].map(([day, set]): [string, number] => [day, set.size]).sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
}

/** For each shard, the ids it must skip so that a paper held by several shards is counted by the first of them. */
export function skipLists(idsPerShard: readonly (readonly string[])[]): string[][] {
	const owner = new Map<string, number>();
	return idsPerShard.map((ids, shard) => {
		const skip: string[] = [];
		for (const id of ids) {
			if (owner.has(id)) skip.push(id);
			else owner.set(id, shard);
		}
		return skip;
	});
}

/** Sums the shards' top lists (each paper counted by one shard) and keeps the `limit` largest. */
export function mergeTop(replies: readonly TopReply[], limit: number): TopReply {
	const terms = new Map<string, number>();
	const authors = new Map<string, number>();
	let papers = 0;
	for (const reply of replies) {
		papers += reply.papers;
		for (const [term, n] of reply.terms) terms.set(term, (terms.get(term) ?? 0) + n);
		for (const [author, n] of reply.authors) authors.set(author, (authors.get(author) ?? 0) + n);
	}
	return { papers, terms: top(terms, limit), authors: top(authors, limit) };
}
