/**
 * The trends one index shard computes from what it holds (src/core/search/index.ts): on which days
 * the papers of a query were listed, and the top terms and authors of the papers listed in a day
 * range. The corpus client (src/core/search/client.ts) merges the shards' answers with the helpers
 * at the end of this file; the host's file summaries give the rest (./days.ts).
 */
import { Field, postingFieldCount, postingHasField, type PaperIndex } from '../search/index';
import type { PostingStore } from '../search/postings';
import type { IdsReply } from '../search/protocol';
import { foldInflection, foldTerm, isCjkTerm } from '../search/tokenizer';

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

/**
 * How many terms a shard sends: the merged top 20 is exact unless a term below a shard's 200th
 * outnumbers it overall (a term's papers are hundreds to thousands, the 200th's a fraction of the
 * 20th's). Authors are sent whole when there are several shards (see rangeTop).
 */
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
	// forms of the words above that the plural fold leaves apart (-ing, -ed, -ly, -ment)
	'achieving', 'enabling', 'finding', 'making', 'leveraging', 'improving', 'improvement', 'effectively', 'providing',
	'due', 'rather', 'typically', 'even', 'like', 'particularly', 'consistently', 'four', 'five',
	// words of any abstract's style that a range's top terms listed (`single` 587 papers of 3,047 on 15 real days)
	'single', 'every', 'keep', 'given', 'still', 'instead',
	// the release statement (`code is publicly available at https://github.com/…`): on 167 real days more than
	// half the papers saying `code` say it next to `available`, `github` or `http`; `code generation` is the query for the topic
	'available', 'publicly', 'release', 'released', 'code',
	// parts of links (`https` folds to `http`; `io` and `co` are too short to be listed anyway): the tokenizer
	// splits a URL into words, and the index keeps them (a search for `github` finds papers with a repository)
	'http', 'www', 'github', 'com', 'org', 'html', 'pdf', 'huggingface', 'url',
];
export const TREND_STOPLIST: ReadonlySet<string> = new Set(BOILERPLATE.map((w) => foldTerm(w, true) ?? w));

/**
 * Chinese terms are bigrams of the tokenizer (提出了一种 → 提出, 出了, 了一, 一种, …): a bigram with a
 * function character (的, 了, 一, 种, 提, 出, …) is a fragment, not a word; the words left that say
 * nothing about a topic are listed like the English ones (模型 = model, 方法 = method, …).
 */
export const CJK_FUNCTION_CHARS: ReadonlySet<string> = new Set([...'的了在和是与及对并中为以种一这该其我们本文出提可将从而于等也被使进行更有通过个此所如何之得地着把让']);
const CJK_STOPLIST: ReadonlySet<string> = new Set([
	'模型', '方法', '框架', '任务', '性能', '结果', '研究', '问题', '实验', '能力', '显著', '有效', '现有', '表明', '显示', '实现', '基于',
	'利用', '提高', '提升', '解决', '具有', '能够', '表现', '优于', '引入', '构建', '针对', '不同', '相关', '关键', '挑战', '方面', '分析',
	'设计', '机制', '证明', '新颖', '创新', '成功', '大量', '广泛', '准确', '效果', '效率', '场景', '领域', '应用',
	// 发现 (find): the summaries' "结果发现…" (596 papers of 3,047 on 15 real days)
	'发现',
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

/** how many candidates a shard keeps beyond `limit` while counting: room for the fragments the last pass drops (see notFragment) */
const FRAGMENT_SLACK = 0.25;

/**
 * Top terms and authors of the papers listed in the range, each paper counted once (document
 * frequency, not raw frequency), papers in `skip` left out (another shard counts them).
 * Terms come from the title, TL;DR and abstract postings; a term whose postings are fewer than
 * the current candidates' smallest count cannot enter and is not decoded. The candidates then
 * lose the fragments the tokenizer makes (notFragment): parts of hyphenated words, CJK bigrams of longer runs.
 */
/**
 * The top terms and authors of the papers listed in `range`, less those of `skip` (another shard
 * counts them). `everyAuthor`: every author counted, not the top `limit` (several shards): an
 * author's papers are a few, tied by the hundred, and one shard's share can fall below its cut
 * while the author is in the top overall (two shards on March of the 167 days: Hao Li 8 for 10,
 * Kai Zhang and Xi Wang with 9 each left out).
 */
export function rangeTop(index: PaperIndex, range: DayRange, skip: readonly string[] = [], limit = SHARD_TOP, everyAuthor = false): TopReply {
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
	const keep = limit + Math.ceil(limit * FRAGMENT_SLACK);
	const best: Candidate[] = [];
	let threshold = 0;
	let nums = new Int32Array(1024);
	let packs = new Int32Array(1024);
	/** per document, the last term (+1) that counted it: a paper with the term in the title and the abstract counts once */
	const seen = new Int32Array(docs.length);
	const bigrams: number[] = [];
	const terms = index.terms;
	for (let t = 0; t < terms.length; t++) {
		const headSize = index.head.size(t);
		const tldrSize = index.tldr.size(t);
		const bodySize = index.body.size(t);
		if (headSize + tldrSize + bodySize <= threshold) continue;
		const term = terms.get(t);
		// any bigram that could outnumber a candidate passes here: the neighbours FragmentCheck weighs CJK candidates against
		if (term.length === 2 && isCjkTerm(term)) bigrams.push(t);
		if (!isTopicTerm(term)) continue;
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
		best.push([term, count, t]);
		if (best.length >= keep * 2) {
			best.sort(byCount);
			best.length = keep;
			threshold = best[keep - 1][1] - 1;
		}
	}
	best.sort(byCount);
	const fragments = new FragmentCheck(index, counted, best, bigrams);
	const kept: [string, number][] = [];
	for (const [term, count, id] of best) {
		if (kept.length === limit) break;
		if (fragments.notFragment(term, count, id)) kept.push([term, count]);
	}
	return { papers, terms: kept, authors: everyAuthor ? [...authors] : top(authors, limit) };
}

/** a top-term candidate: the term, its papers, its id */
type Candidate = [string, number, number];

function byCount(a: Candidate, b: Candidate): number {
	return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * A part of hyphenated words is a fragment when fewer than this share of its papers use it alone:
 * `fine` (fine-tuning, fine-grained: alone in 6% of its papers on 167 real days), `aware` (context-aware,
 * …: 5%), `world` (real-world: 25%) say nothing the whole words do not, and those are terms of their
 * own. `language` (85%), `vision` (48%, the rest vision-language) and `scale` (49%) stay.
 */
const ALONE_SHARE = 0.4;

/**
 * A CJK bigram is a fragment of a longer run when a bigram overlapping it (on either side) is in more
 * papers and in this share of its papers: the run explains it. 言模 of 语言模型 (语言 and 模型), 大语 of
 * 大语言模型 (语言), 据集 of 数据集 (数据), 能体 of 智能体 (智能), 多模 of 多模态 (模态): each in 98–100%.
 * A word is not dominated so: the bigram overlapping it is in fewer papers (大模 of 大模型 against 模型)
 * or in few of its papers (规模 in 6% of those with 模态). Of the 59 CJK terms among the 400 most
 * frequent terms of 167 real days, the five fragments above go and no word.
 */
const CONTAINED_SHARE = 0.9;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/**
 * The hyphenated terms holding each of `parts`, a term once per time it holds the part: the parts
 * of each hyphenated term (already folded as a whole) are index terms by the plural fold alone. Only
 * the candidates' parts are kept: folding all ~57,000 hyphenated terms' parts of 167 real days into one
 * map took ~0.1 s, as long as the rest of the top terms.
 */
function compoundsOf(index: PaperIndex, parts: ReadonlySet<string>): Map<string, number[]> {
	const byPart = new Map<string, number[]>();
	const terms = index.terms;
	for (const t of terms.idsHolding('-')) {
		for (const raw of terms.get(t).split('-')) {
			// `models` is `model` as a part (stopwords and one letter are never candidates)
			const part = parts.has(raw) ? raw : raw.endsWith('s') ? foldInflection(raw) : undefined;
			if (part !== undefined && parts.has(part)) push(byPart, part, t);
		}
	}
	return byPart;
}

/** The last look at the top-term candidates: reads more postings, so only for the few hundred that could be listed. */
class FragmentCheck {
	private readonly compounds: Map<string, number[]>;
	/** char code → ids of the bigrams starting / ending with it, of those the counting loop passed */
	private readonly startingWith = new Map<number, number[]>();
	private readonly endingWith = new Map<number, number[]>();
	private readonly stores: readonly [PostingStore, Field][];
	private nums = new Int32Array(1024);
	private packs = new Int32Array(1024);
	/** per document: the last pass (a number new for each look at a term) that saw it; a candidate's papers in `marks`, a neighbour's in `others` */
	private readonly marks: Int32Array;
	private readonly others: Int32Array;
	/** per document: the occurrences of a part inside hyphenated words, per field (zeroed after use) */
	private readonly inside: Int32Array;
	private pass = 0;

	constructor(
		private readonly index: PaperIndex,
		private readonly counted: Uint8Array,
		candidates: readonly Candidate[],
		bigrams: readonly number[],
	) {
		this.compounds = compoundsOf(index, new Set(candidates.map(([term]) => term).filter((term) => !isCjkTerm(term))));
		const fewest = candidates.length > 0 ? candidates[candidates.length - 1][1] : 0;
		for (const t of bigrams) {
			// the counting loop's early bigrams passed a lower bar than any candidate's count
			if (this.postings(t) <= fewest) continue;
			push(this.startingWith, index.terms.codeAt(t, 0), t);
			push(this.endingWith, index.terms.codeAt(t, 1), t);
		}
		this.stores = [[index.head, Field.Title], [index.tldr, Field.Tldr], [index.body, Field.Abstract]];
		this.marks = new Int32Array(counted.length);
		this.others = new Int32Array(counted.length);
		this.inside = new Int32Array(counted.length);
	}

	notFragment(term: string, count: number, id: number): boolean {
		if (isCjkTerm(term)) return term.length !== 2 || !this.insideLongerRun(term, count, id);
		const compounds = this.compounds.get(term);
		if (!compounds) return true;
		// the compounds' postings (of every field and day) bound their papers: most parts (`dataset`) are kept unread
		let inCompounds = 0;
		for (const compound of compounds) inCompounds += this.postings(compound);
		return count - inCompounds >= ALONE_SHARE * count || this.alonePapers(id, compounds) >= ALONE_SHARE * count;
	}

	/** postings of every field: a bound on the papers of a term */
	private postings(term: number): number {
		return this.index.head.size(term) + this.index.tldr.size(term) + this.index.body.size(term);
	}

	private decode(store: PostingStore, term: number): number {
		const size = store.size(term);
		if (this.nums.length < size) {
			this.nums = new Int32Array(size * 2);
			this.packs = new Int32Array(size * 2);
		}
		return store.decode(term, this.nums, this.packs);
	}

	/**
	 * Papers of the range holding the part outside its hyphenated words in some field: more
	 * occurrences of it there than inside them (the counters saturate at 15: a field that full counts as inside).
	 */
	private alonePapers(part: number, compounds: readonly number[]): number {
		// this.nums and this.packs are read after each decode: it may grow them
		const { counted, inside, marks } = this;
		const pass = ++this.pass;
		let alone = 0;
		for (const [store, field] of this.stores) {
			const touched: number[] = [];
			for (const compound of compounds) {
				const n = this.decode(store, compound);
				for (let k = 0; k < n; k++) {
					const num = this.nums[k];
					const occurrences = postingFieldCount(this.packs[k], field);
					if (counted[num] !== 1 || occurrences === 0) continue;
					if (inside[num] === 0) touched.push(num);
					inside[num] += occurrences;
				}
			}
			const n = this.decode(store, part);
			for (let k = 0; k < n; k++) {
				const num = this.nums[k];
				if (counted[num] !== 1 || marks[num] === pass || postingFieldCount(this.packs[k], field) <= inside[num]) continue;
				marks[num] = pass;
				alone++;
			}
			for (const num of touched) inside[num] = 0;
		}
		return alone;
	}

	/** Marks in `into` (with `pass`) the papers of the range holding `term` in a trend field; returns how many, and how many of them `also` holds the mark `alsoPass` in. */
	private papers(term: number, into: Int32Array, pass: number, also?: Int32Array, alsoPass = 0): [number, number] {
		let count = 0;
		let shared = 0;
		for (const [store, field] of this.stores) {
			const n = this.decode(store, term);
			for (let k = 0; k < n; k++) {
				const num = this.nums[k];
				if (this.counted[num] !== 1 || into[num] === pass || !postingHasField(this.packs[k], field)) continue;
				into[num] = pass;
				count++;
				if (also && also[num] === alsoPass) shared++;
			}
		}
		return [count, shared];
	}

	/** Is the bigram dominated by a bigram overlapping its first character (ending with it) or its second (starting with it)? See CONTAINED_SHARE. */
	private insideLongerRun(term: string, count: number, id: number): boolean {
		const own = ++this.pass;
		this.papers(id, this.marks, own);
		const dominated = (neighbours: readonly number[] | undefined) => {
			for (const other of neighbours ?? []) {
				// a bigram with no more postings than the candidate's papers cannot outnumber it: not decoded
				if (other === id || this.postings(other) <= count) continue;
				const [papers, shared] = this.papers(other, this.others, ++this.pass, this.marks, own);
				if (papers > count && shared >= CONTAINED_SHARE * count) return true;
			}
			return false;
		};
		return dominated(this.endingWith.get(term.charCodeAt(0))) || dominated(this.startingWith.get(term.charCodeAt(1)));
	}
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
