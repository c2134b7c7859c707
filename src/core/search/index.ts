/**
 * PaperIndex: one document per unique paper id over every digest file, remembering each
 * (file, day) it appears in, updated one file at a time.
 *
 * Why not minisearch's own index: measured on the generated corpus (25k unique papers,
 * ~17M terms once Chinese summaries are split into bigrams) minisearch 7 took 33 s to index
 * only titles/authors/ids/TL;DR and 388 s for every field, 520 MB heap, and 50–520 ms per
 * prefix query: its radix tree scans node children linearly on every insert (thousands of
 * CJK first characters at the root) and its postings are one Map per (term, field).
 * This index keeps the same ideas (BM25-like scoring, prefix + fuzzy, field boosts) with
 * compact postings: per term, an Int32 list of `docNum * 16 + weight`, where the weight
 * folds field boosts and term frequency into 4 bits. Postings live in two groups — the
 * "head" (id, title, authors, category, TL;DR: indexed first, searchable in seconds) and
 * the "body" (motivation, method, result, conclusion, abstract, extra fields: indexed in a
 * second pass). Frozen postings sit in one Int32Array arena; later additions go to small
 * per-term tails until the next freeze.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Digest, Paper } from '../model';
import { cjkCodeToTerm, cjkTermToCode, containsPhrase, foldPhraseText, forEachTerm, isCjkTerm, scanTerms, type QueryWord } from './tokenizer';
import { dayMatches, hasDayFilter, type ParsedQuery } from './query';

export interface Occurrence {
	file: string;
	/** `YYYY-MM-DD` or '' when the file has no date */
	day: string;
}

export interface DocRecord {
	num: number;
	id: string;
	title: string;
	translatedTitle?: string;
	authors: string[];
	/** the stated main category, else the section it is listed under */
	category: string;
	tldr: string;
	link?: string;
	/** UTF-8 of the long fields, kept for phrase checks (empty until the second pass when deferred) */
	body: Uint8Array;
	/** the long fields while their indexing is deferred (encoding them is part of the second pass) */
	pendingBody?: string;
	/** newest day first */
	occ: Occurrence[];
	bodyIndexed: boolean;
	/** author names folded into words, computed on the first author filter */
	foldedAuthors?: string[][];
}

export interface FileEntry {
	day: string;
	label: string;
	ids: string[];
	size?: number;
	mtime?: number;
}

export interface SearchHit {
	id: string;
	title: string;
	authors: string[];
	category: string;
	tldr: string;
	link?: string;
	/** newest first */
	occurrences: Occurrence[];
	score: number;
}

export interface SearchResult {
	hits: SearchHit[];
	/** matching papers; an upper bound when `approximate` */
	total: number;
	/** true when phrase/CJK checks were not run on every candidate (limit reached first) */
	approximate: boolean;
}

const HEAD_WEIGHTS = { id: 15, title: 8, translatedTitle: 5, authors: 6, category: 4, tldr: 3 } as const;
const HEAD_BOOST = 3;
const PREFIX_WEIGHT = 0.55;
const FUZZY_WEIGHT = 0.4;
const MAX_EXPANSIONS = 64;

const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);
const decoder = new TextDecoder();

/** Per-term posting lists: a frozen arena plus growable tails. */
export class PostingStore {
	arena = new Int32Array(0);
	start = new Int32Array(0);
	length = new Int32Array(0);
	tails: (number[] | undefined)[] = [];

	push(term: number, value: number): void {
		const tail = this.tails[term];
		if (tail) tail.push(value);
		else this.tails[term] = [value];
	}

	count(term: number): number {
		return (term < this.length.length ? this.length[term] : 0) + (this.tails[term]?.length ?? 0);
	}

	forEach(term: number, fn: (value: number) => void): void {
		if (term < this.length.length) {
			const s = this.start[term];
			const e = s + this.length[term];
			const arena = this.arena;
			for (let i = s; i < e; i++) fn(arena[i]);
		}
		const tail = this.tails[term];
		if (tail) for (let i = 0; i < tail.length; i++) fn(tail[i]);
	}

	/** Moves all tails into one arena, dropping postings of dead documents. */
	freeze(termCount: number, alive: Uint8Array): void {
		let total = 0;
		for (let t = 0; t < termCount; t++) total += this.count(t);
		const arena = new Int32Array(total);
		const start = new Int32Array(termCount);
		const length = new Int32Array(termCount);
		let at = 0;
		for (let t = 0; t < termCount; t++) {
			start[t] = at;
			this.forEach(t, (v) => {
				if (alive[v >>> 4]) arena[at++] = v;
			});
			length[t] = at - start[t];
		}
		this.arena = at === total ? arena : arena.slice(0, at);
		this.start = start;
		this.length = length;
		// preallocated so later additions stay in fast (non-dictionary) elements
		this.tails = new Array<number[] | undefined>(termCount);
	}
}

function bodyText(paper: Paper): string {
	const parts = [paper.motivation, paper.method, paper.result, paper.conclusion, paper.abstract, paper.abstractTranslation ?? ''];
	for (const extra of paper.extra) parts.push(extra.label + ': ' + extra.value);
	return parts.filter((p) => p !== '').join('\n');
}

function sameContent(doc: DocRecord, paper: Paper, body: string): boolean {
	return (
		doc.title === paper.title &&
		doc.tldr === paper.tldr &&
		(doc.translatedTitle ?? '') === (paper.translatedTitle ?? '') &&
		doc.authors.join('\n') === paper.authors.join('\n') &&
		doc.category === (paper.category ?? paper.section) &&
		(doc.pendingBody !== undefined ? doc.pendingBody === body : decoder.decode(doc.body) === body)
	);
}

/**
 * A copy of `s` that does not keep its parent alive: the parser's fields are slices of
 * the whole file text, and holding one would pin every file's text in memory.
 */
function own(s: string): string {
	return s.length < 13 ? s : (' ' + s).slice(1);
}

function compareOcc(a: Occurrence, b: Occurrence): number {
	return a.day === b.day ? (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) : a.day < b.day ? 1 : -1;
}

export class PaperIndex {
	readonly docs: (DocRecord | undefined)[] = [];
	readonly byId = new Map<string, DocRecord>();
	readonly files = new Map<string, FileEntry>();
	readonly vocab = new Map<string, number>();
	terms: string[] = [];
	alive = new Uint8Array(1024);
	readonly head = new PostingStore();
	readonly body = new PostingStore();
	/** terms of author names only, so author: filters need neither the head's other fields nor a check */
	readonly names = new PostingStore();
	private pendingBodies: number[] = [];
	/** minisearch's radix tree over the word vocabulary: prefix and fuzzy lookups without scanning it */
	private latinMap: SearchableMap<number> | undefined;
	/** when false, new documents get their body indexed right away */
	deferBodies = false;

	get size(): number {
		return this.byId.size;
	}

	get pendingBodyCount(): number {
		return this.pendingBodies.length;
	}

	/** CJK bigram/unigram codes (see scanTerms) → term id; kept apart so the hot path allocates no strings */
	readonly cjkVocab = new Map<number, number>();
	/** the same, split by first character so lookups hash small integers */
	private cjkByFirst: (Map<number, number> | undefined)[] = [];
	/** per-document term weights while indexing one document, by term id */
	private scratch = new Float64Array(1 << 16);
	private touched: number[] = [];

	private newTerm(term: string): number {
		const id = this.terms.length;
		this.terms.push(term);
		if (id >= this.scratch.length) {
			const grown = new Float64Array(this.scratch.length * 2);
			grown.set(this.scratch);
			this.scratch = grown;
		}
		return id;
	}

	private wordId(term: string): number {
		let id = this.vocab.get(term);
		if (id === undefined) {
			id = this.newTerm(term);
			this.vocab.set(term, id);
			this.latinMap?.set(term, id);
		}
		return id;
	}

	private cjkId(code: number): number {
		const first = code < 65536 ? 0 : Math.floor(code / 65536);
		const second = code < 65536 ? code : code - first * 65536;
		let table = this.cjkByFirst[first];
		if (!table) table = this.cjkByFirst[first] = new Map();
		let id = table.get(second);
		if (id === undefined) {
			id = this.newTerm(cjkCodeToTerm(code));
			table.set(second, id);
			this.cjkVocab.set(code, id);
		}
		return id;
	}

	/** The id of an existing term, if any. */
	lookup(term: string): number | undefined {
		return isCjkTerm(term) ? this.cjkVocab.get(cjkTermToCode(term)) : this.vocab.get(term);
	}

	/** Accumulates `weight` per term of `text` into the scratch table. */
	private accumulate(text: string | undefined, weight: number): void {
		if (!text) return;
		const scratch = this.scratch;
		const touched = this.touched;
		scanTerms(
			text,
			(word) => {
				const id = this.wordId(word);
				if (scratch[id] === 0) touched.push(id);
				scratch[id] += weight;
			},
			(code) => {
				const id = this.cjkId(code);
				if (this.scratch[id] === 0) touched.push(id);
				this.scratch[id] += weight;
			},
		);
	}

	/** Pushes the scratch table as postings of document `num` and clears it. */
	private flush(store: PostingStore, num: number, round: boolean): void {
		const base = num * 16;
		const scratch = this.scratch;
		for (const id of this.touched) {
			const w = scratch[id];
			scratch[id] = 0;
			store.push(id, base + (w > 15 ? 15 : round ? Math.max(1, Math.round(w)) : w));
		}
		this.touched = [];
	}

	/** Adds or replaces one file's papers; other files' papers are untouched. */
	addFile(path: string, digest: Digest, stat?: { size: number; mtime: number }): void {
		const day = digest.day ?? '';
		const previous = this.files.get(path);
		const previousIds = new Set(previous?.ids ?? []);
		const seen = new Set<string>();
		const ids: string[] = [];
		for (const paper of digest.papers) {
			if (seen.has(paper.id)) continue;
			seen.add(paper.id);
			ids.push(paper.id);
			const body = bodyText(paper);
			const doc = this.byId.get(paper.id);
			if (!doc) {
				this.createDoc(paper, body, [{ file: path, day }]);
				continue;
			}
			const occ = doc.occ.filter((o) => o.file !== path);
			occ.push({ file: path, day });
			occ.sort(compareOcc);
			const newest = occ[0].file === path;
			if ((newest || previousIds.has(paper.id)) && !sameContent(doc, paper, body)) {
				this.killDoc(doc);
				this.createDoc(paper, body, occ);
			} else {
				doc.occ = occ;
			}
		}
		if (previous) {
			for (const id of previous.ids) if (!seen.has(id)) this.removeOccurrence(id, path);
		}
		this.files.set(path, { day, label: digest.label, ids, size: stat?.size, mtime: stat?.mtime });
	}

	removeFile(path: string): boolean {
		const previous = this.files.get(path);
		if (!previous) return false;
		for (const id of previous.ids) this.removeOccurrence(id, path);
		this.files.delete(path);
		return true;
	}

	private removeOccurrence(id: string, path: string): void {
		const doc = this.byId.get(id);
		if (!doc) return;
		doc.occ = doc.occ.filter((o) => o.file !== path);
		if (doc.occ.length === 0) this.killDoc(doc);
	}

	private killDoc(doc: DocRecord): void {
		this.alive[doc.num] = 0;
		this.docs[doc.num] = undefined;
		if (this.byId.get(doc.id) === doc) this.byId.delete(doc.id);
	}

	private createDoc(paper: Paper, body: string, occ: Occurrence[]): DocRecord {
		const num = this.docs.length;
		const doc: DocRecord = {
			num,
			id: own(paper.id),
			title: own(paper.title),
			translatedTitle: paper.translatedTitle === undefined ? undefined : own(paper.translatedTitle),
			authors: paper.authors.map(own),
			category: own(paper.category ?? paper.section),
			tldr: own(paper.tldr),
			link: paper.link === undefined ? undefined : own(paper.link),
			body: this.deferBodies ? EMPTY : encoder.encode(body),
			pendingBody: this.deferBodies ? body : undefined,
			occ,
			bodyIndexed: false,
		};
		this.docs.push(doc);
		this.byId.set(doc.id, doc);
		if (num >= this.alive.length) {
			const grown = new Uint8Array(this.alive.length * 2);
			grown.set(this.alive);
			this.alive = grown;
		}
		this.alive[num] = 1;
		this.indexHead(doc);
		if (this.deferBodies) this.pendingBodies.push(num);
		else this.indexBody(doc, body);
		return doc;
	}

	private indexHead(doc: DocRecord): void {
		this.accumulate(doc.id, HEAD_WEIGHTS.id);
		this.accumulate(doc.title, HEAD_WEIGHTS.title);
		this.accumulate(doc.translatedTitle, HEAD_WEIGHTS.translatedTitle);
		const authors = doc.authors.join('\n');
		this.accumulate(authors, HEAD_WEIGHTS.authors);
		const nameTerms = new Set<number>();
		scanTerms(
			authors,
			(word) => nameTerms.add(this.wordId(word)),
			(code) => nameTerms.add(this.cjkId(code)),
			true,
		);
		for (const id of nameTerms) this.names.push(id, doc.num * 16 + 1);
		this.accumulate(doc.category, HEAD_WEIGHTS.category);
		this.accumulate(doc.tldr, HEAD_WEIGHTS.tldr);
		this.flush(this.head, doc.num, true);
	}

	private indexBody(doc: DocRecord, text: string): void {
		this.accumulate(text, 1);
		this.flush(this.body, doc.num, false);
		doc.bodyIndexed = true;
	}

	/**
	 * Second pass: indexes deferred long fields. Stops after `budgetMs` (if given) so an
	 * in-process caller can yield; returns how many documents are still pending.
	 */
	indexPendingBodies(budgetMs = Infinity, now: () => number = () => Date.now()): number {
		const started = now();
		let i = 0;
		const pending = this.pendingBodies;
		while (i < pending.length) {
			const doc = this.docs[pending[i++]];
			if (doc && !doc.bodyIndexed) {
				const text = doc.pendingBody ?? decoder.decode(doc.body);
				if (doc.pendingBody !== undefined) {
					doc.body = encoder.encode(text);
					doc.pendingBody = undefined;
				}
				this.indexBody(doc, text);
			}
			if ((i & 63) === 0 && now() - started > budgetMs) break;
		}
		this.pendingBodies = pending.slice(i);
		return this.pendingBodies.length;
	}

	/** Compacts postings (after a bulk build or load); drops dead documents' postings. */
	freeze(): void {
		this.head.freeze(this.terms.length, this.alive);
		this.body.freeze(this.terms.length, this.alive);
		this.names.freeze(this.terms.length, this.alive);
	}

	private latinTerms(): SearchableMap<number> {
		if (!this.latinMap) this.latinMap = SearchableMap.from<number>(this.vocab);
		return this.latinMap;
	}

	/** Term ids (with weights) a free word stands for: exact, prefix expansions, and fuzzy when nothing else. */
	private expand(word: QueryWord, prefix: boolean, fuzzy: boolean): [number, number][] {
		const out: [number, number][] = [];
		const term = word.terms[0];
		const exact = this.lookup(term);
		if (exact !== undefined) out.push([exact, 1]);
		if (word.cjk) return out;
		if (prefix && term.length >= 2) {
			const candidates: [number, number][] = [];
			for (const [other, id] of this.latinTerms().atPrefix(term)) {
				if (other !== term) candidates.push([id, this.head.count(id) + this.body.count(id)]);
			}
			if (candidates.length > MAX_EXPANSIONS) candidates.sort((a, b) => b[1] - a[1]).length = MAX_EXPANSIONS;
			for (const [id] of candidates) out.push([id, PREFIX_WEIGHT * Math.min(1, term.length / 6 + 0.3)]);
		}
		if (fuzzy && out.length === 0 && term.length >= 4) {
			const maxDistance = term.length >= 8 ? 2 : 1;
			for (const [id, distance] of this.latinTerms().fuzzyGet(term, maxDistance).values()) {
				if (distance > 0) out.push([id, FUZZY_WEIGHT / distance]);
			}
			if (out.length > MAX_EXPANSIONS) out.sort((a, b) => b[1] - a[1]).length = MAX_EXPANSIONS;
		}
		return out;
	}

	/** Every word of a phrase or CJK run becomes its own required group of exact terms. */
	private exactGroups(text: string): [number, number][][] {
		const groups: [number, number][][] = [];
		forEachTerm(text, (t) => {
			const id = this.lookup(t);
			groups.push(id === undefined ? [] : [[id, 1]]);
		});
		return groups;
	}

	search(query: ParsedQuery, limit = 50, options: { fuzzy?: boolean } = {}): SearchResult {
		const fuzzy = options.fuzzy !== false;
		const groups: [number, number][][] = [];
		const verify: string[] = [...query.phrases];
		query.words.forEach((word) => {
			if (word.cjk) {
				for (const t of word.terms) {
					const id = this.lookup(t);
					groups.push(id === undefined ? [] : [[id, 1]]);
				}
				if (word.terms.length > 1) verify.push(word.terms[0][0] + word.terms.map((t) => t[1]).join(''));
			} else {
				groups.push(this.expand(word, true, fuzzy));
			}
		});
		for (const phrase of query.phrases) groups.push(...this.exactGroups(phrase));
		// author parts narrow the candidates through the index; passesFilters then checks they sit in one name
		const headOnlyFrom = groups.length;
		for (const parts of query.authors) {
			for (const part of parts) {
				if (isCjkTerm(part)) {
					forEachTerm(part, (t) => {
						const id = this.lookup(t);
						groups.push(id === undefined ? [] : [[id, 0.25]]);
					});
					continue;
				}
				// short name parts (Li, Wu, Xu) are whole surnames, not prefixes of every Lin and Liu
				const found = this.expand({ terms: [part], cjk: false }, part.length > 3, false);
				groups.push(found.map(([id, w]) => [id, w * 0.25] as [number, number]));
			}
		}
		// author groups read the names postings only
		const nameGroups = new Set(groups.slice(headOnlyFrom));

		const n = this.docs.length;
		const alive = this.alive;
		let candidates: number[];
		let scores: Float64Array | undefined;
		if (groups.length > 0) {
			if (groups.some((g) => g.length === 0)) return { hits: [], total: 0, approximate: false };
			const cost = (g: [number, number][]) => g.reduce((s, [id]) => s + (nameGroups.has(g) ? this.names.count(id) : this.head.count(id) + this.body.count(id)), 0);
			groups.sort((a, b) => cost(a) - cost(b));
			scores = new Float64Array(n);
			const matched = new Int32Array(n);
			const liveCount = Math.max(1, this.byId.size);
			candidates = [];
			for (let gi = 0; gi < groups.length; gi++) {
				for (const [termId, weight] of groups[gi]) {
					const df = this.head.count(termId) + this.body.count(termId);
					const idf = Math.log(1 + (liveCount - df + 0.5) / (df + 0.5)) * weight;
					const visit = (head: boolean) => (v: number) => {
						const num = v >>> 4;
						const m = matched[num];
						if ((m !== gi && m !== gi + 1) || !alive[num]) return;
						const w = v & 15;
						(scores as Float64Array)[num] += idf * (head ? (HEAD_BOOST * w) / (w + 2) : w / (w + 1.5));
						if (m === gi) {
							matched[num] = gi + 1;
							if (gi === 0) candidates.push(num);
						}
					};
					if (nameGroups.has(groups[gi])) {
						this.names.forEach(termId, visit(false));
						continue;
					}
					this.head.forEach(termId, visit(true));
					this.body.forEach(termId, visit(false));
				}
			}
			const all = groups.length;
			candidates = candidates.filter((num) => matched[num] === all);
		} else {
			candidates = this.unrankedCandidates(query);
		}

		const excluded = this.excludedDocs(query);
		const filters = hasFilters(query);
		const filtered =
			!filters && excluded.size === 0 ? candidates : candidates.filter((num) => !excluded.has(num) && (!filters || this.passesFilters(this.docs[num] as DocRecord, query)));
		const finalScores = scores;
		const docs = this.docs;
		// better first: higher score, then newer day, then file order
		const before = (a: number, b: number): boolean => {
			if (finalScores && finalScores[a] !== finalScores[b]) return finalScores[a] > finalScores[b];
			const da = (docs[a] as DocRecord).occ[0]?.day ?? '';
			const db = (docs[b] as DocRecord).occ[0]?.day ?? '';
			return da !== db ? da > db : a < b;
		};

		const checks = verify.filter((p) => p !== '');
		const negative = query.excludePhrases;
		const needsCheck = checks.length > 0 || negative.length > 0;
		// only the best few are ever shown: select them instead of sorting every match
		let ordered = topK(filtered, needsCheck ? Math.min(filtered.length, limit * 2 + 20) : limit, before);
		if (!needsCheck) {
			return { hits: ordered.map((num) => this.hit(num, finalScores)), total: filtered.length, approximate: false };
		}
		const hits: SearchHit[] = [];
		let i = 0;
		for (; hits.length < limit; i++) {
			if (i >= ordered.length) {
				if (ordered.length >= filtered.length) break;
				// the checks rejected too many of the best: fall back to the full order
				ordered = topK(filtered, filtered.length, before);
			}
			const doc = docs[ordered[i]] as DocRecord;
			if (this.phrasesMatch(doc, checks, negative)) hits.push(this.hit(doc.num, finalScores));
		}
		const approximate = i < filtered.length;
		return { hits, total: approximate ? hits.length + (filtered.length - i) : hits.length, approximate };
	}

	/** Candidates of a query without words: narrowed by id or day through the maps, else every paper. */
	private unrankedCandidates(query: ParsedQuery): number[] {
		const out: number[] = [];
		if (query.ids.length > 0 && query.ids.every((id) => this.byId.has(id))) {
			for (const id of query.ids) out.push((this.byId.get(id) as DocRecord).num);
			return out;
		}
		if (query.days.length > 0 || query.after !== undefined || query.before !== undefined) {
			const positive = { ...query, excludeDays: [] };
			const seen = new Set<number>();
			for (const entry of this.files.values()) {
				if (!dayMatches(positive, entry.day)) continue;
				for (const id of entry.ids) {
					const doc = this.byId.get(id);
					if (doc && !seen.has(doc.num)) {
						seen.add(doc.num);
						out.push(doc.num);
					}
				}
			}
			return out;
		}
		for (let num = 0; num < this.docs.length; num++) if (this.alive[num]) out.push(num);
		return out;
	}

	private phrasesMatch(doc: DocRecord, phrases: string[], negative: string[]): boolean {
		const short = foldPhraseText([doc.title, doc.translatedTitle ?? '', doc.authors.join(', '), doc.tldr].join('\n'));
		let long: string | undefined;
		const has = (p: string) => containsPhrase(short, p) || containsPhrase((long ??= foldPhraseText(doc.pendingBody ?? decoder.decode(doc.body))), p);
		return phrases.every(has) && !negative.some(has);
	}

	private excludedDocs(query: ParsedQuery): Set<number> {
		const out = new Set<number>();
		for (const word of query.excludeWords) {
			// a CJK exclusion removes papers holding all its bigrams
			const groups = word.cjk ? word.terms.map((t) => this.lookup(t)) : [this.lookup(word.terms[0])];
			if (groups.some((g) => g === undefined)) continue;
			let common: Set<number> | undefined;
			for (const termId of groups as number[]) {
				const docs = new Set<number>();
				const collect = (v: number) => {
					if (!common || common.has(v >>> 4)) docs.add(v >>> 4);
				};
				this.head.forEach(termId, collect);
				this.body.forEach(termId, collect);
				common = docs;
			}
			for (const num of common ?? []) out.add(num);
		}
		return out;
	}

	private passesFilters(doc: DocRecord, query: ParsedQuery): boolean {
		if (query.categories.length > 0 || query.excludeCategories.length > 0) {
			const category = doc.category.toLowerCase();
			if (query.categories.length > 0 && !query.categories.includes(category)) return false;
			if (query.excludeCategories.includes(category)) return false;
		}
		if (query.ids.length > 0 || query.excludeIds.length > 0) {
			const id = doc.id.toLowerCase();
			if (query.ids.length > 0 && !query.ids.some((q) => id === q || id.startsWith(q))) return false;
			if (query.excludeIds.includes(id)) return false;
		}
		// a one-word author filter is settled by the names postings; several words must sit in one name
		if (query.authors.some((parts) => parts.length > 1) || query.excludeAuthors.length > 0) {
			const names = (doc.foldedAuthors ??= doc.authors.map((a) => foldPhraseText(a).split(' ')));
			const matches = (parts: string[]) => names.some((name) => parts.every((p) => name.some((w) => (p.length > 3 ? w.startsWith(p) : w === p))));
			if (!query.authors.every(matches)) return false;
			if (query.excludeAuthors.some(matches)) return false;
		}
		if (hasDayFilter(query)) {
			if (query.excludeDays.length > 0 && doc.occ.some((o) => query.excludeDays.some((d) => o.day.startsWith(d)))) return false;
			if (!doc.occ.some((o) => dayMatchesPositive(query, o.day))) return false;
		}
		return true;
	}

	private hit(num: number, scores: Float64Array | undefined): SearchHit {
		const doc = this.docs[num] as DocRecord;
		return {
			id: doc.id,
			title: doc.title,
			authors: doc.authors,
			category: doc.category,
			tldr: doc.tldr,
			link: doc.link,
			occurrences: doc.occ,
			score: scores ? scores[num] : 0,
		};
	}

	/** A paper by id, with its occurrences. */
	get(id: string): DocRecord | undefined {
		return this.byId.get(id);
	}

	/** Document numbers whose long fields still wait for the second pass. */
	pending(): readonly number[] {
		return this.pendingBodies;
	}

	/**
	 * Rebuilds an index from saved parts (see cache.ts): documents by number (holes for
	 * dead ones), terms in id order, and frozen postings.
	 */
	static restore(parts: {
		docs: (DocRecord | undefined)[];
		files: [string, FileEntry][];
		terms: string[];
		head: { arena: Int32Array; start: Int32Array; length: Int32Array };
		body: { arena: Int32Array; start: Int32Array; length: Int32Array };
		names: { arena: Int32Array; start: Int32Array; length: Int32Array };
	}): PaperIndex {
		const index = new PaperIndex();
		for (const [path, entry] of parts.files) index.files.set(path, entry);
		index.alive = new Uint8Array(Math.max(1024, parts.docs.length));
		for (const doc of parts.docs) {
			index.docs.push(doc);
			if (doc) {
				index.alive[doc.num] = 1;
				index.byId.set(doc.id, doc);
				if (!doc.bodyIndexed) index.pendingBodies.push(doc.num);
			}
		}
		for (const term of parts.terms) {
			if (isCjkTerm(term)) index.cjkId(cjkTermToCode(term));
			else index.wordId(term);
		}
		Object.assign(index.head, parts.head, { tails: new Array<number[] | undefined>(parts.terms.length) });
		Object.assign(index.body, parts.body, { tails: new Array<number[] | undefined>(parts.terms.length) });
		Object.assign(index.names, parts.names, { tails: new Array<number[] | undefined>(parts.terms.length) });
		return index;
	}
}

/** The `k` best of `items` by `before`, best first (a bounded heap: O(n log k)). */
export function topK(items: readonly number[], k: number, before: (a: number, b: number) => boolean): number[] {
	if (k <= 0) return [];
	if (k >= items.length) return [...items].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
	// heap[0] is the worst of the kept items
	const heap: number[] = [];
	const siftDown = (i: number) => {
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let worst = i;
			if (l < heap.length && before(heap[worst], heap[l])) worst = l;
			if (r < heap.length && before(heap[worst], heap[r])) worst = r;
			if (worst === i) return;
			[heap[i], heap[worst]] = [heap[worst], heap[i]];
			i = worst;
		}
	};
	for (const item of items) {
		if (heap.length < k) {
			heap.push(item);
			let i = heap.length - 1;
			while (i > 0) {
				const parent = (i - 1) >> 1;
				if (!before(heap[parent], heap[i])) break;
				[heap[i], heap[parent]] = [heap[parent], heap[i]];
				i = parent;
			}
		} else if (before(item, heap[0])) {
			heap[0] = item;
			siftDown(0);
		}
	}
	return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

function hasFilters(query: ParsedQuery): boolean {
	return (
		query.categories.length > 0 ||
		query.excludeCategories.length > 0 ||
		query.ids.length > 0 ||
		query.excludeIds.length > 0 ||
		query.authors.length > 0 ||
		query.excludeAuthors.length > 0 ||
		hasDayFilter(query)
	);
}

/** day/after/before only (exclusions are checked apart, against every occurrence) */
function dayMatchesPositive(query: ParsedQuery, day: string): boolean {
	if (query.days.length > 0 && !(day && query.days.some((d) => day.startsWith(d)))) return false;
	if (query.after !== undefined && !(day && day.slice(0, query.after.length) >= query.after)) return false;
	if (query.before !== undefined && !(day && day.slice(0, query.before.length) <= query.before)) return false;
	return true;
}
