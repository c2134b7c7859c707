/**
 * The trends one index shard computes from what it holds (src/core/search/index.ts): on which days
 * the papers of a query were listed, and the top terms and authors of the papers listed in a day
 * range. The corpus client (src/core/search/client.ts) merges the shards' answers with the helpers
 * at the end of this file; the host's file summaries give the rest (./days.ts).
 */
import { Field, postingFieldCount, type PaperIndex } from '../search/index';
import { DecodeBuffer, type PostingStore } from '../search/postings';
import type { IdsReply } from '../search/protocol';
import { foldInflection, foldTerm, isCjkTerm } from '../search/tokenizer';
import { FolderCount, isProse, TermPostings } from './prose';

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
	/** [index term, papers whose title or abstract holds it], most first (rangeTop) */
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
	// the titles' own style (`Towards Efficient…`, `Beyond…`, `A Unified…`, `Rethinking…`): in the titles of many of
	// their papers, so ./prose keeps them, and they say how a paper sells its topic, not which (the folder's top 40 on 167 real days)
	'efficient', 'unified', 'beyond', 'adaptive', 'evaluating', 'towards', 'toward', 'rethinking', 'scalable', 'enhancing',
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

/** a term worth listing among a range's top terms (and recommendations' reasons) */
export function isTopicTerm(term: string): boolean {
	if (isCjkTerm(term)) return term.length > 1 && !CJK_STOPLIST.has(term) && ![...term].some((c) => CJK_FUNCTION_CHARS.has(c));
	return term.length >= 3 && !/^[\d.]+$/.test(term) && !TREND_STOPLIST.has(term);
}

/**
 * A term the top and rising terms count: a topic term of the English (Latin-script) words. The CJK
 * bigrams of titles and abstracts are those of translated titles and abstracts, which some forks add
 * to the English ones: the same ideas once more, in another language.
 */
export function isStatsTerm(term: string): boolean {
	return !isCjkTerm(term) && isTopicTerm(term);
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
 * A term's papers in a range (`counted`), from its title and abstract postings, each paper once; the
 * folder's count (FolderCount) sees every posting of the term, the title's first (it counts a paper
 * with the term in its title as titled).
 */
class RangePapers {
	private readonly postings: TermPostings;
	/** per document, the last term (+1) that counted it: a paper with the term in the title and the abstract counts once */
	private readonly seen: Int32Array;

	constructor(
		index: PaperIndex,
		private readonly counted: Uint8Array,
		folder: FolderCount,
	) {
		this.postings = new TermPostings(index, folder);
		this.seen = new Int32Array(index.docs.length);
	}

	count(t: number): number {
		const { counted, seen } = this;
		let count = 0;
		this.postings.walk(t, (num) => {
			if (counted[num] !== 1 || seen[num] === t + 1) return;
			seen[num] = t + 1;
			count++;
		});
		return count;
	}
}

/**
 * The top terms and authors of the papers listed in `range`, less those of `skip` (another shard
 * counts them), each paper counted once (document frequency, not raw frequency). Terms are the words
 * of the titles and abstracts, the authors' own English, which every paper of every fork has: the
 * LLM's summaries (Chinese in most forks, English in some, none in others) said the same ideas again
 * in another language (`data` and `数据` both listed) and in the model's own style. Words of the prose
 * (./prose) are left out. A term whose postings are fewer than the current candidates' smallest count
 * cannot enter and is not decoded. The candidates then lose the fragments the tokenizer makes
 * (notFragment): parts of hyphenated words.
 *
 * `everyAuthor`: every author counted, not the top `limit` (several shards): an author's papers are
 * a few, tied by the hundred, and one shard's share can fall below its cut while the author is in the
 * top overall (two shards on March of the 167 days: Hao Li 8 for 10, Kai Zhang and Xi Wang with 9 each left out).
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
	const folder = new FolderCount(index);
	const rangePapers = new RangePapers(index, counted, folder);
	const terms = index.terms;
	for (let t = 0; t < terms.length; t++) {
		const headSize = index.head.size(t);
		const bodySize = index.body.size(t);
		if (headSize + bodySize <= threshold) continue;
		const term = terms.get(t);
		if (!isStatsTerm(term) || folder.known(t) === true) continue;
		const count = rangePapers.count(t);
		if (count === 0 || count <= threshold || folder.prose(term)) continue;
		best.push([term, count, t]);
		if (best.length >= keep * 2) {
			best.sort(byCount);
			best.length = keep;
			threshold = best[keep - 1][1] - 1;
		}
	}
	best.sort(byCount);
	const fragments = new FragmentCheck(index, counted, best);
	const kept: [string, number][] = [];
	for (const [term, count, id] of best) {
		if (kept.length === limit) break;
		if (fragments.notFragment(term, count, id)) kept.push([term, count]);
	}
	return { papers, terms: kept, authors: everyAuthor ? [...authors] : top(authors, limit) };
}

/** a term, its papers in the range, and over the whole shard its papers and those with it in the title (./prose) */
export type FolderTermCount = [term: string, papers: number, folderPapers: number, titled: number];

/** the second question to several shards about the top terms (rangeTermCounts) */
export interface TermCountsRequest {
	range: DayRange;
	/** papers of the range another shard counts */
	skip: readonly string[];
	/** papers of the folder another shard counts */
	skipInFolder: readonly string[];
	terms: readonly string[];
}

/**
 * The second question to several shards (SearchService.rangeTop): these terms' papers in the range
 * (less `skip`) and over every paper the shard holds, whatever the verdicts of the first. Each shard
 * judged the prose on its own papers (a random share of the files); the sums judge it on the folder.
 */
export function rangeTermCounts(index: PaperIndex, request: TermCountsRequest): FolderTermCount[] {
	const { range, terms } = request;
	const skipped = new Set(request.skip);
	const skippedInFolder = new Set(request.skipInFolder);
	const counted = new Uint8Array(index.docs.length);
	// FolderCount counts the papers alive here: those another shard counts are not, for this count
	const alive = new Uint8Array(index.alive.length);
	for (const doc of index.docs) {
		if (!doc || !index.alive[doc.num]) continue;
		if (!skipped.has(doc.id) && doc.occ.some((o) => inRange(o.day, range))) counted[doc.num] = 1;
		if (!skippedInFolder.has(doc.id)) alive[doc.num] = 1;
	}
	const folder = new FolderCount(index, alive);
	const rangePapers = new RangePapers(index, counted, folder);
	const rows: FolderTermCount[] = [];
	for (const term of terms) {
		const t = index.lookup(term);
		if (t === undefined) continue;
		const count = rangePapers.count(t);
		rows.push([term, count, folder.papers, folder.titled]);
	}
	return rows;
}

/**
 * Several shards' answers to rangeTermCounts summed (each paper counted by one shard): the `limit`
 * terms with most papers that the folder's counts do not find prose.
 */
export function mergeTermCounts(replies: readonly (readonly FolderTermCount[])[], limit: number): [string, number][] {
	const sums = new Map<string, FolderTermCount>();
	for (const reply of replies) {
		for (const [term, papers, folderPapers, titled] of reply) {
			const sum = sums.get(term);
			if (sum) {
				sum[1] += papers;
				sum[2] += folderPapers;
				sum[3] += titled;
			} else sums.set(term, [term, papers, folderPapers, titled]);
		}
	}
	const kept = new Map<string, number>();
	for (const [term, papers, folderPapers, titled] of sums.values()) if (papers > 0 && !isProse(term, folderPapers, titled)) kept.set(term, papers);
	return top(kept, limit);
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
	private readonly stores: readonly [PostingStore, Field][];
	private readonly buffer = new DecodeBuffer();
	/** per document: the last pass (a number new for each look at a term) that saw it */
	private readonly marks: Int32Array;
	/** per document: the occurrences of a part inside hyphenated words, per field (zeroed after use) */
	private readonly inside: Int32Array;
	private pass = 0;

	constructor(
		private readonly index: PaperIndex,
		private readonly counted: Uint8Array,
		candidates: readonly Candidate[],
	) {
		this.compounds = compoundsOf(index, new Set(candidates.map(([term]) => term)));
		this.stores = [[index.head, Field.Title], [index.body, Field.Abstract]];
		this.marks = new Int32Array(counted.length);
		this.inside = new Int32Array(counted.length);
	}

	notFragment(term: string, count: number, id: number): boolean {
		const compounds = this.compounds.get(term);
		if (!compounds) return true;
		// the compounds' postings (of every field and day) bound their papers: most parts (`dataset`) are kept unread
		let inCompounds = 0;
		for (const compound of compounds) inCompounds += this.postings(compound);
		return count - inCompounds >= ALONE_SHARE * count || this.alonePapers(id, compounds) >= ALONE_SHARE * count;
	}

	/** postings of the counted fields: a bound on the papers of a term */
	private postings(term: number): number {
		return this.index.head.size(term) + this.index.body.size(term);
	}

	/**
	 * Papers of the range holding the part outside its hyphenated words in some field: more
	 * occurrences of it there than inside them (the counters saturate at 15: a field that full counts as inside).
	 */
	private alonePapers(part: number, compounds: readonly number[]): number {
		// the buffer's arrays are read after each decode: it may grow them
		const { counted, inside, marks, buffer } = this;
		const pass = ++this.pass;
		let alone = 0;
		for (const [store, field] of this.stores) {
			const touched: number[] = [];
			for (const compound of compounds) {
				const n = buffer.decode(store, compound);
				const { nums, packs } = buffer;
				for (let k = 0; k < n; k++) {
					const num = nums[k];
					const occurrences = postingFieldCount(packs[k], field);
					if (counted[num] !== 1 || occurrences === 0) continue;
					if (inside[num] === 0) touched.push(num);
					inside[num] += occurrences;
				}
			}
			const n = buffer.decode(store, part);
			const { nums, packs } = buffer;
			for (let k = 0; k < n; k++) {
				const num = nums[k];
				if (counted[num] !== 1 || marks[num] === pass || postingFieldCount(packs[k], field) <= inside[num]) continue;
				marks[num] = pass;
				alone++;
			}
			for (const num of touched) inside[num] = 0;
		}
		return alone;
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
