/**
 * PaperIndex: one document per unique paper id over every digest file, remembering each
 * (file, day) it appears in, updated one file at a time.
 *
 * Why not minisearch's own index: measured on the generated corpus (25k unique papers,
 * ~17M terms once Chinese summaries are split into bigrams) minisearch 7 took 33 s to index
 * only titles/authors/ids/TL;DR and 388 s for every field, 520 MB heap, and 50–520 ms per
 * prefix query: its radix tree scans node children linearly on every insert (thousands of
 * CJK first characters at the root) and its postings are one Map per (term, field).
 *
 * Ranking (issue 14) is BM25F: per query word, each field's term frequency is normalised
 * by that field's length against its average, weighted (title > TL;DR > other summaries >
 * abstract > authors) and summed before one saturation, times the term's idf. A word
 * counts once, through its best form: the exact (inflection-folded) term, else a prefix
 * expansion at a fraction of the weight and never more idf than the exact word, else a
 * typo at a smaller fraction. Query words next to each other and in order in the title
 * (then the TL;DR) add a proximity bonus, from each paper's stored word-id sequence of
 * those two fields. Recency only breaks ties.
 *
 * Postings (postings.ts) keep per-field tf, varint-packed. They live in three stores: the
 * "head" (id, title, authors, category: indexed first, searchable in seconds), the TL;DR's and
 * the "body" (other summaries and extra fields, abstract); a cold build indexes the last two in a
 * second pass, every TL;DR first, then the long fields. The TL;DR has a store of its own as it
 * holds most of the short fields' words (its Chinese bigrams): left out of the first pass, it let
 * titles, authors and ids be searchable ~40% sooner (the first pass over 167 real days took
 * 1.3–1.6 s with it, 0.7–0.9 s without, plain Node). A term's document count (idf) is its largest
 * list's, as before, now of three.
 *
 * A paper listed on several days (a third of the entries of 167 real days) is one document: the
 * newest listing's short fields (title, authors, category, TL;DR), and the long fields of every
 * listing, each distinct text once (composeBody: every day's summaries are written anew, so an
 * older day's TL;DR and summaries join the summaries). Each listing's pieces of that text are kept
 * (DocRecord.listings), so a listing added, changed or removed composes the text again without
 * reading the other listings' files, as a cold build of the same files would have it; the newest
 * listing gone, the next one's file is read for its short fields (orphanedListings). A warm start
 * reads every listing's file back before a paper's text is complete (fillBodies, unsettled).
 */
import { categoryMatches } from '../category';
import { foldName, nameHasWords } from '../authorNames';
import type { Digest, Paper } from '../model';
import { CodeTable } from './codeTable';
import { TextPacker } from './textPack';
import { MISSING, SpanTable } from './spanTable';
import { PostingStore, type FrozenPostings } from './postings';
import { SortedTerms } from './sortedTerms';
import { TermTable } from './termTable';
import { fnv1a4Bytes } from '../checksum';
import { runSteps } from '../steps';
import type { CountRange } from './count';
export type { CountRange } from './count';
import { cjkCode, cjkCodeToTerm, cjkTermToCode, isCjkCode, containsPhrase, findPhrase, foldInflection, foldPhraseText, foldTerm, forEachTerm, isCjkTerm, rawPhraseMatcher, scanTerms, type QueryWord } from './tokenizer';
import { dayExcluded, dayInRange, hasDayFilter, MAX_MATCHED, type AuthorFilter, type ParsedQuery } from './query';
// the parser's fields are slices of the whole file text: a document keeps copies
import { ownCopy as own } from '../parse/text';

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
	/**
	 * The long fields of every listing (see composeBody: the newest's summaries, the older listings'
	 * texts that differ, then ABSTRACT_MARK and the abstracts) as the index's TextPacker keeps them
	 * (read them with PaperIndex.bodyOf; compressed once a warm start read them back), kept for phrase
	 * checks; empty until the second pass when deferred; undefined when the document came from a
	 * cache (which leaves this text out: it was a third of its size) until fillBodies reads it back
	 */
	body?: Uint8Array;
	/**
	 * Which pieces of `body` each listing has, by listing as `occ` orders them (see composeBody), when
	 * the paper has several listings and `body` is in memory: a listing changed or gone takes its
	 * text out of the document without reading the other listings' files again.
	 */
	listings?: Uint16Array[];
	/**
	 * The listings' texts while the indexing of the long fields is deferred (a cold build's first
	 * pass), as `occ` orders them: their text is put together and encoded in the second pass rather
	 * than copied in the first (their fields are slices of the files' text, which stays in memory until then);
	 * the listing of a file read for its short fields only is UNREAD_LISTING until the file is read again
	 */
	pending?: Listing[];
	/** newest day first */
	occ: Occurrence[];
	/** the TL;DR is indexed (see Field) */
	tldrIndexed: boolean;
	/** the long fields are indexed (the TL;DR is, by then) */
	bodyIndexed: boolean;
	/** author names folded into words, computed on the first author filter */
	foldedAuthors?: string[][];
	/** author names as a quoted name is compared with them (foldName), computed on the first such filter */
	namesAsCompared?: string[];
	/**
	 * For proximity: [t, d, word ids of the title…, of the TL;DR…, of the authors…] in order,
	 * where entries 2..t-1 are the title, t..d-1 the TL;DR (none until the second pass), d.. the
	 * authors; hyphenated words appear as their parts, a CJK run and the gap between two authors as
	 * SEQ_BREAK.
	 */
	seq: Int32Array;
}

/**
 * A helper's counts of lent documents' long fields (see PaperIndex.countBodies), as typed arrays
 * (moved between threads, not copied), with the helper's own term ids.
 */
export interface BodyCounts {
	nums: Int32Array;
	/** per document: the summaries' and the abstract's length */
	lengths: Int32Array;
	/** per document: where its pairs end */
	ends: Int32Array;
	/** per document and term, in the order the document first has them: term id << BODY_BITS | the packed tf counters */
	pairs: Int32Array;
	/** the helper's terms first met in this chunk, in id order (its ids count on from the previous chunks') */
	newTerms: string[];
}

/** A helper's terms in its id order (BodyCounts.newTerms of every chunk so far), with the ids they got in the index (-1: none yet). */
export class HelperTerms {
	readonly terms: string[] = [];
	ids = new Int32Array(1024).fill(-1);

	add(newTerms: readonly string[]): void {
		for (const term of newTerms) this.terms.push(term);
		if (this.terms.length <= this.ids.length) return;
		let size = this.ids.length * 2;
		while (size < this.terms.length) size *= 2;
		const ids = new Int32Array(size).fill(-1);
		ids.set(this.ids);
		this.ids = ids;
	}
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
	/**
	 * The paper's words that matched the query, as written in the paper (`Models`, `world`,
	 * a prefix's completion, a typo's correction, a Chinese query run), for "why this
	 * result" descriptions and highlighting; empty for queries without words.
	 */
	matched: string[];
}

export interface SearchResult {
	hits: SearchHit[];
	/** matching papers: exact unless `approximate`, then an estimate between `range.min` and `range.max` */
	total: number;
	/** true when phrase/CJK checks were not run on every candidate (limit reached first) */
	approximate: boolean;
	/**
	 * When `approximate`, what is known of the count: at least `min` papers match (checked), at most
	 * `max` (`min` and every candidate not checked or not checkable); `estimated` when `total` is
	 * estimated from a sample of the unchecked candidates (see COUNT_CHECKS), else it is `max` (none of
	 * the sample could be checked: their long fields are not read back yet).
	 */
	range?: CountRange;
	/** rare query words searched with their far commoner spellings too (absent: none) */
	respelled?: Respelled[];
	/**
	 * The index cannot answer on every field yet (set by SearchShard): it is still loading, or a warm
	 * start still reads the long fields' text back (SearchShard.finishInBackground). A paper found by
	 * a word of its abstract then has no matched words, and one found by a phrase there is not checked:
	 * an empty or fuzzy answer is not final.
	 */
	loading?: boolean;
}

/** A rare query word and the far commoner spellings of it searched too (`langauge`: `language`), commonest first. */
export interface Respelled {
	word: string;
	as: string[];
}

/** The result's `respelled` field when there is something to say. */
function said(respelled: Respelled[]): { respelled?: Respelled[] } {
	return respelled.length > 0 ? { respelled } : {};
}

export interface SearchOptions {
	fuzzy?: boolean;
	/** fill SearchHit.matched (default true); id-only callers skip the work */
	matched?: boolean;
	/**
	 * Told each document whose phrases could not be checked (its long-field text is not read back
	 * yet, see DocRecord.body): the result then counts it as a match and says it is approximate. Told
	 * too of a hit whose matched words are in that text alone and that the long fields' postings cannot
	 * name either (see explainer): its `matched` lacks them.
	 */
	unchecked?: (doc: DocRecord) => void;
	/**
	 * Keeps only the documents it accepts (the reader's sets: `is:starred`, `in:…`), before the best
	 * are chosen: the hits shown are explained and checked, never the matches the filter drops
	 */
	keep?: (doc: DocRecord) => boolean;
	/** how many of the candidates after the hits a phrase query checks for its count (default COUNT_CHECKS; tests set fewer) */
	countChecks?: number;
}

/**
 * The indexed fields: the first four are the head postings (the first pass), the TL;DR has its own,
 * the last two are the body postings (a cold build's second pass indexes every TL;DR, then the long fields).
 */
export const enum Field {
	Id,
	Title,
	Authors,
	Category,
	Tldr,
	Summaries,
	Abstract,
}
export const FIELD_COUNT = 7;

/** BM25F weight of each field, by Field: title > TL;DR > other summaries > abstract > authors. */
const FIELD_WEIGHT = [6, 5, 0.6, 0.4, 2.5, 1.2, 1];
/** length normalisation per field (0 for one-token fields) */
const FIELD_B = [0, 0.6, 0.3, 0, 0.6, 0.75, 0.75];
const K1 = 1.2;

/** Where each field's tf counter sits in a posting's `packed` value: [field, first bit, bits]. */
type Slot = readonly [Field, number, number];
const HEAD_SLOTS: readonly Slot[] = [
	[Field.Title, 0, 4],
	[Field.Authors, 4, 3],
	[Field.Id, 7, 1],
	[Field.Category, 8, 1],
];
const HEAD_BITS = 9;
const TLDR_SLOTS: readonly Slot[] = [[Field.Tldr, 0, 4]];
const TLDR_BITS = 4;
const BODY_SLOTS: readonly Slot[] = [
	[Field.Summaries, 0, 4],
	[Field.Abstract, 4, 4],
];
const BODY_BITS = 8;
/**
 * Per store, the `packed` values most of its postings have, coded in the gap's varint (see
 * postings.ts): a tf of 1 in one field. Their shares on 167 real days: head, authors 45 % and
 * title 41 % and the category 8 %; TL;DR 94 %; body, summaries 45 %, abstract 25 % and a tf of 2
 * in the summaries 11 %.
 */
const HEAD_COMMON = [1 << 4, 1, 1 << 8];
const TLDR_COMMON = [1];
const BODY_COMMON = [1, 1 << 4, 2];
/** a body posting's packed counters, below a term id in one int32 (BodyCounts.pairs) */
const BODY_MASK = (1 << BODY_BITS) - 1;
const MAX_COUNTED_TERMS = 2 ** (31 - BODY_BITS);
const SLOT_OF: Slot[] = [];
for (const slot of [...HEAD_SLOTS, ...TLDR_SLOTS, ...BODY_SLOTS]) SLOT_OF[slot[0]] = slot;

/** weight of a prefix expansion / a typo against the exact word (1) */
const PREFIX_WEIGHT = 0.35;
const FUZZY_WEIGHT = 0.25;
/** bonus per pair of query words adjacent in order, in units of their mean idf */
const PROXIMITY_TITLE = 1.5;
const PROXIMITY_TLDR = 0.6;
/** a first and last name next to each other in one author: the author meant, not two namesakes */
const PROXIMITY_AUTHORS = 1.5;
/** the proximity bonus reads the query words' short-field postings first while they are fewer than this many per candidate (see addProximity) */
const PROXIMITY_FILTER_RATIO = 8;
const MAX_EXPANSIONS = 64;
/** what may follow an acronym in a completion of it: a version number (see expand) */
const ACRONYM_VERSION = /^v?\d/;
/** the shortest word after an acronym in a compound of it (`BERTScore`: `score`); shorter rests are endings (`Noman`, `vital`) */
const MIN_COMPOUND_REST = 3;
/** the fewest papers whose text has that word: a rare one is a name's ending more likely than a word (`Sameer`: `eer`) */
const MIN_COMPOUND_REST_PAPERS = 10;
/** a typo correction's weight beside a correction by swapping two adjacent letters, at the same distance (see expand) */
const BESIDE_SWAP = 0.5;
/** a word in at most this many papers, or one in RARE_WORD_SHARE of them, is rare: a typo if a close spelling is COMMONER_RATIO times as common (see commonerSpellings) */
const RARE_WORD_PAPERS = 2;
const RARE_WORD_SHARE = 10_000;
const COMMONER_RATIO = 50;
/**
 * and written by at least this many papers: a slip shows up in a folder only where the word meant is
 * written often, while a small folder's words of one paper are mostly real (248 papers: `biased` beside
 * the 121 papers' `based`, `stated` beside `state`)
 */
const MIN_COMMONER_PAPERS = 200;
/**
 * How many candidates after the hits a phrase query checks for its count (see PaperIndex.countRest).
 * On 167 real days at the search box's 100 results: `diffusion -"large language"` about 1,665 for
 * 1,694, `大语言模型` 2,993 for 3,017, `"world model"` 254 for 288 (the old upper bound said 2,647), a
 * phrase few candidates have the least sure: `"reasoning model"` (8 % of its 4,353) 274 for 354. A
 * check costs ~15 µs a candidate (unpacking its text most of it) with quickPhraseChecks, ~70 with the
 * fold. 200 checks were closer (36 phrase queries within 15 %) but took `bench --search`'s query p95
 * from 8 to 12–14 ms (its phrase queries set the p95), over the 10 ms target; 100: 7.3–8.1 ms.
 */
const COUNT_CHECKS = 100;
/** a rare word's commoner spellings a result names, at most */
const RESPELLINGS_SAID = 3;
/** longer words are folded each time rather than memoised (rare, and they would bloat the memo) */
const MAX_SPAN = 40;
/** stands for a CJK run in DocRecord.seq (words on either side are not adjacent) */
const SEQ_BREAK = -1;
/** a stopword name's place in a sequence until its new term is made (see indexHead) */
const PENDING_NAME = -2;
/** separates the summaries from the abstract in the stored body text (a separator for the tokenizer) */
const ABSTRACT_MARK = '\f';

/** The index terms of a name part, folded as the index writes them (`Jones` is `jone`; one letter none). */
function termsOf(part: string): string[] {
	const folded: string[] = [];
	forEachTerm(part, (t) => folded.push(t), true);
	return folded;
}

const EMPTY = new Uint8Array(0);
const NO_SEQ = new Int32Array(0);

/** separates the pieces of a document's long-field text (see composeBody; a separator for the tokenizer) */
const PIECE_MARK = '\x1f';
/** a listing's piece that is one of the document's short fields (+0 the title, +1 the translated title, +2 the TL;DR; see composeBody) */
const HEAD_PIECE = 0xfffc;
/** marks an abstract among a listing's pieces (the abstract's number below it) */
const ABSTRACT_PIECE = 0x8000;
/** the most pieces a document's summaries or abstracts can have (a listing's texts past them are left out of the index; never on real files, where a paper has tens) */
const MAX_PIECES = 0x7ff0;

/**
 * One listing's texts a document's long fields are made of (see composeBody): the short fields
 * that may differ from day to day (title, translated title, TL;DR: the document shows the newest
 * listing's), the summaries, abstract translation and extra fields, and the abstract.
 */
export interface Listing {
	texts: readonly string[];
	abstract: string;
}

/** the text of a field as a piece: the marks that delimit pieces become spaces */
function pieceText(text: string): string {
	return text.includes(PIECE_MARK) || text.includes(ABSTRACT_MARK) ? text.replace(/[\f\x1f]/g, ' ') : text;
}

/** A paper's listing (texts as the paper has them: slices of its file, not copied). */
export function listingOf(paper: Paper): Listing {
	const texts = [paper.title, paper.translatedTitle ?? '', paper.tldr, paper.motivation, paper.method, paper.result, paper.conclusion, paper.abstractTranslation ?? ''];
	for (const extra of paper.extra) texts.push(extra.label + ': ' + extra.value);
	return { texts: texts.map(pieceText), abstract: pieceText(paper.abstract) };
}

/** The short fields a document shows, which its long-field text leaves out (see composeBody). */
function headTexts(head: { title: string; translatedTitle?: string; tldr: string }): string[] {
	return [pieceText(head.title), pieceText(head.translatedTitle ?? ''), pieceText(head.tldr)];
}

/**
 * A document's long-field text from its listings (newest first, as `occ` orders them): every
 * distinct non-empty text of theirs once, in the order first met, other than the short fields the
 * document shows (`head`, the newest listing's): the summaries, and the older listings' TL;DRs,
 * titles and summaries where they differ (every day's summaries are written anew: 6,216 of the
 * 21,670 papers of 167 real days are listed again, each time with other summaries), joined by
 * PIECE_MARK; then ABSTRACT_MARK and the distinct abstracts. With each listing's pieces, by number
 * (HEAD_PIECE + k: the head's k-th text), in its fields' order: `decompose` gives its texts back,
 * so a listing can be taken out or changed, and the text composed again, as a cold build would.
 */
export function composeBody(head: readonly string[], listings: readonly Listing[]): { text: string; pieces: Uint16Array[] } {
	const summaries: string[] = [];
	const abstracts: string[] = [];
	const summaryAt = new Map<string, number>();
	const abstractAt = new Map<string, number>();
	const numbered = (text: string, all: string[], at: Map<string, number>): number => {
		let n = at.get(text);
		if (n === undefined) {
			// (never on real files: a paper's pieces are tens)
			if (all.length >= MAX_PIECES) return all.length - 1;
			at.set(text, (n = all.length));
			all.push(text);
		}
		return n;
	};
	const pieces = listings.map((listing) => {
		const own: number[] = [];
		const add = (piece: number) => {
			if (!own.includes(piece)) own.push(piece);
		};
		for (const text of listing.texts) {
			if (text === '') continue;
			const h = head.indexOf(text);
			add(h >= 0 ? HEAD_PIECE + h : numbered(text, summaries, summaryAt));
		}
		if (listing.abstract !== '') add(ABSTRACT_PIECE | numbered(listing.abstract, abstracts, abstractAt));
		return Uint16Array.from(own);
	});
	return { text: summaries.join(PIECE_MARK) + ABSTRACT_MARK + abstracts.join(PIECE_MARK), pieces };
}

/**
 * The listings a composed text was made of (see composeBody), as `pieces` numbers them (undefined:
 * one listing, which has every piece and the head), each with its texts in the order it had them.
 */
function decompose(text: string, head: readonly string[], pieces: readonly Uint16Array[] | undefined): Listing[] {
	const mark = text.lastIndexOf(ABSTRACT_MARK);
	const summaryText = mark < 0 ? text : text.slice(0, mark);
	const abstractText = mark < 0 ? '' : text.slice(mark + 1);
	const summaries = summaryText === '' ? [] : summaryText.split(PIECE_MARK);
	const abstracts = abstractText === '' ? [] : abstractText.split(PIECE_MARK);
	if (pieces === undefined) return [{ texts: [...head, ...summaries], abstract: abstracts[0] ?? '' }];
	return pieces.map((own) => {
		const texts: string[] = [];
		let abstract = '';
		for (const piece of own) {
			if (piece >= HEAD_PIECE) texts.push(head[piece - HEAD_PIECE]);
			else if (piece & ABSTRACT_PIECE) abstract = abstracts[piece & ~ABSTRACT_PIECE] ?? '';
			else texts.push(summaries[piece] ?? '');
		}
		return { texts, abstract };
	});
}

/** The fields a document takes from its newest listing (a paper's, or a document's own when another listing changes). */
type Head = Pick<Paper, 'id' | 'title' | 'translatedTitle' | 'authors' | 'category' | 'section' | 'tldr' | 'link'>;

/** A document's short fields as a Head (its category stands for both the stated one and the section). */
function headOf(doc: DocRecord): Head {
	return { id: doc.id, title: doc.title, translatedTitle: doc.translatedTitle, authors: doc.authors, category: doc.category, section: doc.category, tldr: doc.tldr, link: doc.link };
}

/** A copy of a paper's listing and short fields that keeps no slice of its file's text (see PaperIndex.unsettled). */
function ownListing(paper: Paper): { head: Head; listing: Listing } {
	const listing = listingOf(paper);
	return {
		head: {
			id: own(paper.id),
			title: own(paper.title),
			translatedTitle: paper.translatedTitle === undefined ? undefined : own(paper.translatedTitle),
			authors: paper.authors.map(own),
			category: paper.category === undefined ? undefined : own(paper.category),
			section: own(paper.section),
			tldr: own(paper.tldr),
			link: paper.link === undefined ? undefined : own(paper.link),
		},
		listing: { texts: listing.texts.map(own), abstract: own(listing.abstract) },
	};
}

/**
 * The listing of a paper whose file a cold build has read for its short fields only (see
 * packHeads): its long fields come once the file is added again in full (PaperIndex.addFile without
 * `unread`). Until then its document's text is not known (bodyOf: undefined).
 */
const UNREAD_LISTING: Listing = Object.freeze({ texts: Object.freeze([] as string[]), abstract: '' });

/** Do a document's lengths count `field` yet (the head's from the start, the TL;DR and the long fields once indexed)? */
function fieldCounted(doc: DocRecord, field: Field): boolean {
	return field < Field.Tldr || (field === Field.Tldr ? doc.tldrIndexed : doc.bodyIndexed);
}

/** Does a document hold `paper`'s short fields (see PaperIndex.relist)? */
function sameHead(doc: DocRecord, paper: Head): boolean {
	return (
		doc.title === paper.title &&
		doc.tldr === paper.tldr &&
		(doc.translatedTitle ?? '') === (paper.translatedTitle ?? '') &&
		doc.authors.join('\n') === paper.authors.join('\n') &&
		doc.category === (paper.category ?? paper.section)
	);
}

const utf8Encoder = new TextEncoder();

function compareOcc(a: Occurrence, b: Occurrence): number {
	return a.day === b.day ? (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) : a.day < b.day ? 1 : -1;
}

/** The author: terms of one paper's names (see accumulate), with the stopword names new to the index, made after the scan. */
interface NameTerms {
	ids: Set<number>;
	/** `at`: the term's place in the sequence, -1 when none (a hyphenated name whole) */
	pending: { term: string; at: number }[];
}

/** One query word's terms with their weights (1 exact, less for prefix/typo), and its idf cap. */
interface WordGroup {
	terms: [number, number][];
	/** read the author-name postings instead of head + body (author: filters) */
	names: boolean;
	/** a free word's (not Chinese) terms: a hit's matched words name one of them (see explainer) */
	free?: boolean;
}

/**
 * Whether each of `parts` (an author filter's words, folded) is a different word of `name` (an
 * author's name, folded), a part of more than 3 letters as a word's start: `Li Li` is not `Wei Li`.
 */
function partsInName(parts: readonly string[], name: readonly string[], at = 0, used = 0): boolean {
	if (at === parts.length) return true;
	const part = parts[at];
	for (let w = 0; w < name.length && w < 31; w++) {
		if (used & (1 << w)) continue;
		const word = name[w];
		if ((part.length > 3 ? word.startsWith(part) : word === part) && partsInName(parts, name, at + 1, used | (1 << w))) return true;
	}
	return false;
}

export class PaperIndex {
	readonly docs: (DocRecord | undefined)[] = [];
	readonly byId = new Map<string, DocRecord>();
	readonly files = new Map<string, FileEntry>();
	/**
	 * words → term id for the words not in sortedTerms' sorted part (a cold build's, and those added
	 * since a warm start): a warm start finds its ~180k restored words in sortedTerms' hash of
	 * their ids rather than rebuild a Map of their strings (see restore)
	 */
	private readonly addedWords = new Map<string, number>();
	/** the words include some restored from a cache that addedWords does not hold (a cold build's Map holds every word) */
	private wordsRestored = false;
	terms = new TermTable();
	alive = new Uint8Array(1024);
	readonly head = new PostingStore(HEAD_BITS, HEAD_COMMON);
	/** the TL;DR's postings: a cold build's second pass indexes every TL;DR before the long fields (see Field) */
	readonly tldr = new PostingStore(TLDR_BITS, TLDR_COMMON);
	readonly body = new PostingStore(BODY_BITS, BODY_COMMON);
	/** terms of author names only, so author: filters need neither the head's other fields nor a check */
	readonly names = new PostingStore(0);
	/** per document, FIELD_COUNT term counts (saturating at 65535): BM25F length normalisation */
	lengths = new Uint16Array(1024 * FIELD_COUNT);
	/**
	 * per document, a hash of its long fields' UTF-8 text (fnv1a4Bytes; 0: not computed yet), kept in
	 * the cache, which leaves the text out: a file changed before a warm start's fill reached it
	 * tells its unchanged papers by it (see bodyHashOf)
	 */
	private bodyHashes = new Uint32Array(1024);
	/** per field, the summed lengths and the number of documents counted, for the averages */
	private readonly lengthSum = new Float64Array(FIELD_COUNT);
	private readonly lengthDocs = new Float64Array(FIELD_COUNT);
	/** documents whose TL;DR waits for the second pass (which indexes every TL;DR before the long fields), in document order */
	private pendingTldrs: number[] = [];
	private pendingBodies: number[] = [];
	/** documents whose long fields a helper counts (see lendBodies), and the lowest of their numbers (Infinity: none) */
	private lent = 0;
	private lentFrom = Infinity;
	private missingBodies = 0;
	/** ids of papers whose newest listing went since they were indexed (see orphanedListings) */
	private readonly orphans = new Set<string>();
	/**
	 * Documents loaded from a cache whose text is not read back yet, by id: the listings read so far
	 * (by file: the fill's, a change's), copied, until every listing of the document is there (see settle)
	 */
	private readonly unsettled = new Map<string, Map<string, { head: Head; listing: Listing }>>();
	/**
	 * ids of documents loaded from a cache whose listings changed (one added, changed or gone) before
	 * their text was read back: their postings are not their listings' until settled, and no query can
	 * tell (a word only an unread listing has, or only a listing gone had; the CLI never fills, and saved
	 * the document so). Their other listings' files are read at once, as an orphan's newest listing is
	 * (see orphanedListings, refreshFrom).
	 */
	private readonly stale = new Set<string>();
	/** how documents keep their long fields' text (DocRecord.body) */
	private readonly bodies = new TextPacker();
	/** the word vocabulary in order, for prefix and typo (fuzzy) lookups */
	private sortedTerms = new SortedTerms(this.terms);
	/** when false, new documents get their body indexed right away */
	deferBodies = false;
	/** the second pass began (see relist): pending documents are then compared by their text, as lent ones are */
	private secondPassStarted = false;

	get size(): number {
		return this.byId.size;
	}

	/** changes whenever a document is added, replaced, removed or gets its long fields indexed (derived data keys on it) */
	get version(): number {
		return this.lengthsVersion;
	}

	/**
	 * changes whenever a file is added, changed or removed, whatever it does to the documents (a
	 * file whose papers all live on in other files leaves `version` as it was): what a save in
	 * steps checks between two of them
	 */
	get fileVersion(): number {
		return this.filesVersion;
	}

	/** documents whose long fields are not indexed yet: pending, or lent to a helper */
	get pendingBodyCount(): number {
		return this.pendingBodies.length + this.lent;
	}

	/**
	 * The second pass's work left, in fifths of a document: five per document whose long fields wait
	 * (pending or lent), one per TL;DR waiting (a TL;DR is about a fifth of a document's second pass:
	 * 0.7–0.8 s of ~4 s over 167 real days, plain Node), for its progress
	 */
	get secondPassWork(): number {
		return 5 * this.pendingBodyCount + this.pendingTldrs.length;
	}

	/**
	 * CJK bigram/unigram codes (see scanTerms) → term id; kept apart so the hot path allocates no
	 * strings. Undefined after a warm start until first needed (see cjkTable): rebuilding it for
	 * ~280,000 restored terms was ~15% of decoding a cache on 167 real days, and a warm worker may
	 * never look a CJK term up.
	 */
	private cjkVocab: CodeTable | undefined = new CodeTable();
	/** words as written → term id (-1: not indexed), so a build folds each spelling once; dropped on freeze */
	private spans = new SpanTable();
	/** per-term packed tf counters while indexing one document's head, TL;DR or body, by term id */
	private scratch = new Int32Array(1 << 16);
	private touched: number[] = [];
	/** bumped whenever a field length changes, so fieldScales knows when to rebuild */
	private lengthsVersion = 0;
	private filesVersion = 0;
	private scales: Float32Array | undefined;
	private scalesVersion = -1;
	private numBuf = new Int32Array(0);
	private matchedBuf = new Int32Array(0);
	private tildeBuf = new Float64Array(0);
	private bestBuf = new Float64Array(0);
	private packBuf = new Int32Array(0);
	/** per-term bit masks of the query's proximity units (query time only; zero between queries) */
	private unitMask = new Int32Array(0);
	/** per-document bit masks of the proximity units its short fields hold (query time only; zero between queries) */
	private unitsHeld = new Int32Array(0);

	private newTerm(term: string): number {
		const id = this.terms.push(term);
		this.ensureScratch(id + 1);
		return id;
	}

	private ensureScratch(terms: number): void {
		if (terms <= this.scratch.length) return;
		let size = this.scratch.length * 2;
		while (size < terms) size *= 2;
		const grown = new Int32Array(size);
		grown.set(this.scratch);
		this.scratch = grown;
	}

	/** The term id of a word, if indexed. */
	private wordLookup(term: string): number | undefined {
		const id = this.addedWords.get(term);
		return id !== undefined || !this.wordsRestored ? id : this.sortedTerms.sortedIdOf(term);
	}

	private wordId(term: string): number {
		let id = this.wordLookup(term);
		if (id === undefined) {
			id = this.newTerm(term);
			this.addedWords.set(term, id);
			this.sortedTerms.add(term, id);
		}
		return id;
	}

	/** cjkVocab, built from the terms on first need after a warm start (every CJK term is in `terms`) */
	private get cjkTable(): CodeTable {
		if (this.cjkVocab) return this.cjkVocab;
		const { terms } = this;
		// the same marking as restore's (only the non-ASCII terms are read)
		const cjk = new Uint8Array(terms.length);
		const table = new CodeTable(terms.markByFirstUnit(isCjkCode, cjk));
		for (let id = 0; id < terms.length; id++) {
			// codes from the characters in place: no string per term (cjkTermToCode's)
			if (cjk[id] === 1) table.addIfAbsent(cjkCode(terms.codeAt(id, 0), terms.lengthOf(id) > 1 ? terms.codeAt(id, 1) : 0), id);
		}
		return (this.cjkVocab = table);
	}

	/** Builds what term lookups need now if a warm start left it for later (cjkVocab, the restored words' hash). */
	prepareLookups(): void {
		void this.cjkTable;
		if (this.wordsRestored) this.sortedTerms.prepareLookups();
	}

	private cjkId(first: number, second: number): number {
		return this.cjkCodeId(cjkCode(first, second));
	}

	private cjkCodeId(code: number): number {
		const vocab = this.cjkTable;
		let id = vocab.get(code);
		if (id < 0) {
			id = this.newTerm(cjkCodeToTerm(code));
			vocab.add(code, id);
		}
		return id;
	}

	/** The id of an existing term, if any. */
	lookup(term: string): number | undefined {
		if (!isCjkTerm(term)) return this.wordLookup(term);
		const id = this.cjkTable.get(cjkTermToCode(term));
		return id < 0 ? undefined : id;
	}

	/**
	 * Counts every term of `text` into the scratch tf counters of `field`; returns how many terms it
	 * has. With `seq`, also appends the field's word sequence to it in the same scan (see sequence).
	 * With `names` (the authors), also collects the terms author: filters find them by, stopwords
	 * kept (`van`, `de`, `He`: counted in no field, as elsewhere), which then join the sequence too.
	 */
	private accumulate(text: string | undefined, field: Field, seq?: number[], names?: NameTerms): number {
		if (!text) return 0;
		const [, at, bits] = SLOT_OF[field];
		const unit = 1 << at;
		const full = ((1 << bits) - 1) << at;
		let length = 0;
		const add = (id: number) => {
			length++;
			const packed = this.scratch[id];
			if (packed === 0) this.touched.push(id);
			// saturating counter: tf beyond 15 (7 for authors) adds nothing under BM25 anyway
			if ((packed & full) !== full) this.scratch[id] = packed + unit;
		};
		scanTerms(
			text,
			(word) => add(this.wordId(word)),
			(first, second) => {
				const id = this.cjkId(first, second);
				add(id);
				names?.ids.add(id);
				if (seq && seq[seq.length - 1] !== SEQ_BREAK) seq.push(SEQ_BREAK);
			},
			false,
			false,
			(source, start, end, joined) => {
				let id = this.plainWordId(source, start, end);
				if (id >= 0) add(id);
				else if (names) {
					// the rare stopword (the memo holds -1 for it): folded again, keeping it
					const term = foldTerm(source.slice(start, end), true);
					if (term === undefined) return;
					const known = this.wordLookup(term);
					if (known === undefined) {
						names.pending.push({ term, at: seq && !joined ? seq.length : -1 });
						if (seq && !joined) seq.push(PENDING_NAME);
						return;
					}
					id = known;
				} else return;
				names?.ids.add(id);
				if (seq && !joined) seq.push(id);
			},
		);
		return length;
	}

	/** The term id of a plain word as written (see scanTerms' onPlain), -1 when it is not indexed; memoised during builds. */
	private plainWordId(text: string, start: number, end: number): number {
		const known = this.spans.get(text, start, end);
		if (known !== MISSING) return known;
		const term = foldTerm(text.slice(start, end));
		const id = term === undefined ? -1 : this.wordId(term);
		if (end - start <= MAX_SPAN) this.spans.add(text, start, end, id);
		return id;
	}

	/** Pushes the scratch counters as postings of document `num` and clears them. */
	private flush(store: PostingStore, num: number): void {
		this.drain((id, packed) => store.push(id, num, packed));
	}

	/** Hands out the scratch counters, terms in the order first met, and clears them. */
	private drain(emit: (id: number, packed: number) => void): void {
		const scratch = this.scratch;
		for (const id of this.touched) {
			emit(id, scratch[id]);
			scratch[id] = 0;
		}
		this.touched = [];
	}

	private setLength(num: number, field: Field, length: number): void {
		this.lengths[num * FIELD_COUNT + field] = Math.min(65535, length);
		this.lengthSum[field] += length;
		this.lengthDocs[field]++;
		this.lengthsVersion++;
	}

	/**
	 * Adds or replaces one file's papers; other files' papers are untouched. `unread`: `digest` holds
	 * the papers' short fields only (see packHeads), during a cold build's first pass (deferBodies):
	 * their long fields come when the file is added again in full, before the second pass.
	 */
	addFile(path: string, digest: Digest, stat?: { size: number; mtime: number }, unread = false): void {
		if (unread && !this.deferBodies) throw new Error('a file read for its short fields only is added during a cold build\'s first pass');
		this.filesVersion++;
		this.readyToIndex();
		const day = digest.day ?? '';
		const previous = this.files.get(path);
		const seen = new Set<string>();
		const ids: string[] = [];
		for (const paper of digest.papers) {
			if (seen.has(paper.id)) continue;
			seen.add(paper.id);
			ids.push(paper.id);
			const doc = this.byId.get(paper.id);
			if (!doc) {
				this.createDoc(paper, [{ file: path, day }], [unread ? UNREAD_LISTING : listingOf(paper)]);
				continue;
			}
			const occ = doc.occ.filter((o) => o.file !== path);
			occ.push({ file: path, day });
			occ.sort(compareOcc);
			// a document shows its newest listing's short fields, as a cold build makes it, and holds every
			// listing's long fields: an older file's version of the paper adds its differing text
			const newest = occ[0].file === path;
			if (newest) this.orphans.delete(paper.id);
			// the newest listing before and no longer (the file's day moved back): the short fields are
			// the next listing's, read after (see orphanedListings), as when the file drops the paper
			else if (doc.occ[0]?.file === path) this.orphans.add(paper.id);
			this.relist(doc, occ, { file: path, paper, unread }, newest);
		}
		if (previous) {
			for (const id of previous.ids) if (!seen.has(id)) this.removeOccurrence(id, path);
		}
		this.files.set(path, { day, label: digest.label, ids, size: stat?.size, mtime: stat?.mtime });
	}

	removeFile(path: string): boolean {
		const previous = this.files.get(path);
		if (!previous) return false;
		this.filesVersion++;
		for (const id of previous.ids) this.removeOccurrence(id, path);
		this.files.delete(path);
		return true;
	}

	private removeOccurrence(id: string, path: string): void {
		const doc = this.byId.get(id);
		if (!doc) return;
		const at = doc.occ.findIndex((o) => o.file === path);
		if (at < 0) return;
		const occ = doc.occ.filter((o) => o.file !== path);
		if (occ.length === 0) {
			this.killDoc(doc);
			this.orphans.delete(id);
			this.unsettled.delete(id);
			this.stale.delete(id);
		} else if (at === 0) {
			// the document keeps the listing's short fields until the next listing is read (see orphanedListings),
			// and its text with the others' (which may refer to those fields), as the listings are taken apart then
			this.orphans.add(id);
			this.unsettled.get(id)?.delete(path);
			if (doc.listings) doc.listings = doc.listings.filter((_, k) => k !== at);
			if (doc.pending) doc.pending = doc.pending.filter((_, k) => k !== at);
			doc.occ = occ;
			// no longer the newest listing's version of the paper, but one more it did not have can be there now
			if (doc.body === undefined && doc.pending === undefined && !this.settle(doc)) this.stale.add(id);
		} else {
			this.relist(doc, occ, undefined, false);
		}
	}

	/**
	 * Gives a document the listings `occ` (its own, one of them changed or added or gone): `changed`
	 * is the listing of `changed.file`, as that file now has it, the newest one when `newest`. Every
	 * other listing's text is the document's (see decompose). The document is kept (its listings
	 * updated) when its short fields and composed text come out the same, and made again otherwise,
	 * as a cold build of the same files would have it. A document whose text a warm start has not read
	 * back yet has it settled once every listing's file is read (see unsettled).
	 */
	private relist(doc: DocRecord, occ: Occurrence[], changed: { file: string; paper: Paper; unread?: boolean } | undefined, newest: boolean): void {
		const head: Head = newest && changed ? changed.paper : headOf(doc);
		// an indexed document's text, unpacked once for its listings and the comparison below
		const text = doc.pending === undefined ? this.bodyOf(doc) : undefined;
		const current = this.listingsOf(doc, text);
		if (current === undefined) {
			// (a listing of short fields only is no listing's text: the file is read again for it)
			this.relistUnread(doc, occ, changed?.unread ? undefined : changed, newest);
			return;
		}
		const listings = occ.map((o) => (changed && o.file === changed.file ? (changed.unread ? UNREAD_LISTING : listingOf(changed.paper)) : current[doc.occ.findIndex((p) => p.file === o.file)]));
		if (doc.pending !== undefined && !this.secondPassStarted) {
			// a cold build's first pass: the long fields wait, only the short ones count (a paper listed
			// again is kept, not indexed twice: 11,272 of the 32,942 entries of 167 real days)
			if (sameHead(doc, head)) {
				doc.occ = occ;
				doc.pending = listings;
			} else {
				this.killDoc(doc);
				this.createDoc(head, occ, listings);
			}
			return;
		}
		const composed = composeBody(headTexts(head), listings);
		// in the second pass, decided on the text whatever the document's state (pending, lent to a
		// helper, indexed): a build with a helper makes the same documents as one without
		if (sameHead(doc, head) && (text ?? this.bodyOf(doc)) === composed.text) {
			doc.occ = occ;
			if (doc.pending !== undefined) doc.pending = listings;
			else doc.listings = occ.length > 1 ? composed.pieces : undefined;
			return;
		}
		this.killDoc(doc);
		this.createDoc(head, occ, listings);
	}

	/**
	 * relist for a document loaded from a cache whose text is not read back yet: the changed listing
	 * waits in `unsettled` with those the fill read, and the document is settled once every listing
	 * is there. Meanwhile a new newest listing with other short fields is indexed at once, with the
	 * listings at hand (the document's text stays unread: settle compares against what it was made of).
	 */
	private relistUnread(doc: DocRecord, occ: Occurrence[], changed: { file: string; paper: Paper } | undefined, newest: boolean): void {
		if (changed) this.stashListing(doc.id, changed.file, changed.paper, occ.length === 1);
		doc.occ = occ;
		if (this.settle(doc)) return;
		this.stale.add(doc.id);
		if (!newest || !changed || sameHead(doc, changed.paper)) return;
		const read = this.unsettled.get(doc.id) as Map<string, { head: Head; listing: Listing }>;
		const known = occ.flatMap((o) => {
			const entry = read.get(o.file);
			return entry ? [entry.listing] : [];
		});
		this.killDoc(doc);
		const made = this.createDoc(changed.paper, occ, known);
		if (made.pending !== undefined) return;
		// indexed from some of its listings: the rest come with the fill, which compares the whole against this text's hash
		this.bodyHashes[made.num] = fnv1a4Bytes(this.bodies.utf8(made.body as Uint8Array));
		made.body = undefined;
		made.listings = undefined;
		this.missingBodies++;
	}

	/**
	 * Keeps the listing of `file` (`paper`) of a document whose text is not read back yet, until settle
	 * takes it: copied, unless `settleNow` (the document's only listing: settle takes it at once).
	 */
	private stashListing(id: string, file: string, paper: Paper, settleNow = false): void {
		let read = this.unsettled.get(id);
		if (!read) this.unsettled.set(id, (read = new Map()));
		read.set(file, settleNow ? { head: paper, listing: listingOf(paper) } : ownListing(paper));
	}

	/** settle's default: the text packed on its own */
	private readonly keepPacked = (doc: DocRecord, utf8: Uint8Array) => {
		doc.body = this.bodies.packBytes(utf8);
	};

	/**
	 * Gives a document loaded from a cache its text back once every listing's file was read (see
	 * unsettled), when the listings make the text it was indexed from (the same short fields, the
	 * composed text of the same hash); otherwise indexes the paper again as they have it (a file
	 * changed, or a listing came or went, while the index was closed or before the fill read it).
	 * Whether it was settled. The text is set as `keep` says (default: packed on its own). `strict`
	 * (listings parsed out of their files, see fillBodies): a text that is not the indexed one is
	 * dropped instead, the paper left as it was.
	 */
	private settle(doc: DocRecord, keep: (doc: DocRecord, utf8: Uint8Array) => void = this.keepPacked, strict = false): boolean {
		const read = this.unsettled.get(doc.id);
		if (!read || !doc.occ.every((o) => read.has(o.file))) return false;
		this.unsettled.delete(doc.id);
		return this.settleListings(
			doc,
			doc.occ.map((o) => read.get(o.file) as { head: Head; listing: Listing }),
			keep,
			strict,
		);
	}

	/**
	 * Gives a paper listed in several files its text back from its listings parsed out of those files
	 * (paperFragments: `papers`, by file), only when they make the very text it was indexed from (as
	 * settle's `strict`). A listing already read from its whole file (`unsettled`: the fill's, or a
	 * change's) is taken over the fragment of its file, and a paper with a change waiting (`stale`)
	 * is left to its whole files: a file changed while the query read the others must not have its
	 * older lines settle the paper. The listings read meanwhile are kept when it is not settled.
	 * Whether it was settled.
	 */
	settleFromFragments(id: string, papers: ReadonlyMap<string, Paper>): boolean {
		if (!this.lacksBody(id) || this.stale.has(id)) return false;
		const doc = this.byId.get(id) as DocRecord;
		const read = this.unsettled.get(id);
		const entries: { head: Head; listing: Listing }[] = [];
		for (const { file } of doc.occ) {
			const stashed = read?.get(file);
			const paper = papers.get(file);
			if (stashed) entries.push(stashed);
			else if (paper) entries.push({ head: paper, listing: listingOf(paper) });
			else return false;
		}
		if (!this.settleListings(doc, entries, this.keepPacked, true)) return false;
		this.unsettled.delete(id);
		return true;
	}

	/** settle, from the listings of every file of `doc` (as `occ` orders them) */
	private settleListings(doc: DocRecord, entries: readonly { head: Head; listing: Listing }[], keep: (doc: DocRecord, utf8: Uint8Array) => void, strict: boolean): boolean {
		const head = entries[0].head;
		const listings = entries.map((e) => e.listing);
		const composed = composeBody(headTexts(head), listings);
		const known = this.bodyHashes[doc.num];
		// encoded once, for the hash and for the packed text
		const utf8 = utf8Encoder.encode(composed.text);
		const same = sameHead(doc, head) && known !== 0 && known === fnv1a4Bytes(utf8);
		// strict: texts that may not be the file's (see fillBodies) are taken only when they are the indexed ones
		if (strict && !same) return false;
		this.orphans.delete(doc.id);
		this.stale.delete(doc.id);
		if (same) {
			keep(doc, utf8);
			doc.listings = doc.occ.length > 1 ? composed.pieces : undefined;
			this.missingBodies--;
		} else {
			this.replaceDoc(doc, head, listings);
		}
		return true;
	}

	/**
	 * Each listing's texts (as `occ` orders them): the pending ones, or taken apart from the
	 * document's text (`text`, its bodyOf); undefined while that text is not read back (see fillBodies).
	 */
	private listingsOf(doc: DocRecord, text: string | undefined): Listing[] | undefined {
		if (doc.pending !== undefined) return doc.pending;
		return text === undefined ? undefined : decompose(text, headTexts(doc), doc.listings);
	}

	/**
	 * Would indexing `digest` as `path` take a paper's newest listing away while it keeps others (a
	 * paper then read again from its next listing, see orphanedListings): no longer listed there, or
	 * listed on a day that now comes after another file's?
	 */
	dropsNewestListing(path: string, digest: Digest): boolean {
		const previous = this.files.get(path);
		if (!previous) return false;
		const moved: Occurrence | undefined = (digest.day ?? '') === previous.day ? undefined : { file: path, day: digest.day ?? '' };
		let listed: Set<string> | undefined;
		for (const id of previous.ids) {
			const doc = this.byId.get(id);
			if (!doc || doc.occ.length < 2 || doc.occ[0].file !== path) continue;
			listed ??= new Set(digest.papers.map((p) => p.id));
			if (!listed.has(id) || (moved && compareOcc(moved, doc.occ[1]) > 0)) return true;
		}
		return false;
	}

	/**
	 * The files to read for the papers whose newest listing went (a file removed, or a paper it no
	 * longer lists): each file that is now such a paper's newest listing, with those papers' ids.
	 * A cold build holds the paper as that file gives it (see refreshFrom). For a paper whose text is
	 * not read back yet and whose listings changed (see stale), every listing's file not read yet.
	 */
	orphanedListings(): Map<string, string[]> {
		const out = new Map<string, string[]>();
		for (const id of this.stale) {
			const doc = this.byId.get(id);
			if (!doc || doc.body !== undefined || doc.pending !== undefined) {
				this.stale.delete(id);
				continue;
			}
			const read = this.unsettled.get(id);
			for (const { file } of doc.occ) {
				if (read?.has(file)) continue;
				const ids = out.get(file);
				if (ids) ids.push(id);
				else out.set(file, [id]);
			}
		}
		for (const id of this.orphans) {
			const doc = this.byId.get(id);
			const file = doc?.occ[0]?.file;
			if (file === undefined) {
				this.orphans.delete(id);
				continue;
			}
			// a paper whose text is not read back yet: settled from every listing (see stale above, fillBodies)
			if (doc?.body === undefined && doc?.pending === undefined) continue;
			const ids = out.get(file);
			if (ids) ids.push(id);
			else out.set(file, [id]);
		}
		return out;
	}

	/**
	 * Gives the papers whose newest listing went their version in `digest` (of `digest.path`), where
	 * that file is now their newest listing (see orphanedListings): replaced where it differs (its
	 * short fields, or the text of the listings left). `ids` the digest does not hold (the file changed
	 * meanwhile; its change sees to them), or that could not be read (`digest` undefined), are not asked for again.
	 * A stale paper (see stale) takes the file's listing, and is settled once every listing is read.
	 */
	refreshFrom(path: string, ids: readonly string[], digest: Digest | undefined): void {
		// a file listing a paper twice gives its first (as addFile does)
		const papers = new Map<string, Paper>();
		for (const paper of digest?.papers ?? []) if (!papers.has(paper.id)) papers.set(paper.id, paper);
		for (const id of ids) {
			const doc = this.byId.get(id);
			if (doc && this.stale.has(id) && doc.body === undefined && doc.pending === undefined) {
				if (!doc.occ.some((o) => o.file === path) || this.unsettled.get(id)?.has(path)) continue;
				const paper = papers.get(id);
				// not asked again: the file's change (it no longer lists the paper), or the fill, sees to it
				if (!paper) this.stale.delete(id);
				else {
					this.stashListing(id, path, paper);
					this.settle(doc);
				}
				continue;
			}
			if (!doc || doc.occ[0]?.file !== path || !this.orphans.has(id)) continue;
			this.orphans.delete(id);
			const paper = papers.get(id);
			if (!paper) continue;
			this.readyToIndex();
			this.relist(doc, doc.occ, { file: path, paper }, true);
		}
	}

	/** Before papers are indexed: their words are looked up by the thousand, by hash (see SortedTerms.sortedIdOf), into scratch counters as large as the vocabulary. */
	private readyToIndex(): void {
		if (this.wordsRestored) this.sortedTerms.prepareLookups();
		this.ensureScratch(this.terms.length);
	}

	/** Indexes a document again from these listings (a new document, the same listings), outside addFile. */
	private replaceDoc(doc: DocRecord, head: Head, listings: Listing[]): void {
		this.readyToIndex();
		this.killDoc(doc);
		this.createDoc(head, doc.occ, listings);
	}

	private killDoc(doc: DocRecord): void {
		if (doc.body === undefined && doc.pending === undefined) this.missingBodies--;
		this.alive[doc.num] = 0;
		this.docs[doc.num] = undefined;
		if (this.byId.get(doc.id) === doc) this.byId.delete(doc.id);
		const base = doc.num * FIELD_COUNT;
		for (let f = 0; f < FIELD_COUNT; f++) {
			if (!fieldCounted(doc, f)) continue;
			this.lengthSum[f] -= this.lengths[base + f];
			this.lengthDocs[f]--;
		}
		this.lengthsVersion++;
	}

	/** A document of `head`'s short fields and these listings' long ones (`listings` as `occ` orders them). */
	private createDoc(head: Head, occ: Occurrence[], listings: Listing[]): DocRecord {
		const num = this.docs.length;
		const composed = this.deferBodies ? undefined : composeBody(headTexts(head), listings);
		const doc: DocRecord = {
			num,
			id: own(head.id),
			title: own(head.title),
			translatedTitle: head.translatedTitle === undefined ? undefined : own(head.translatedTitle),
			authors: head.authors.map(own),
			category: own(head.category ?? head.section),
			tldr: own(head.tldr),
			link: head.link === undefined ? undefined : own(head.link),
			body: composed ? this.bodies.raw([composed.text])[0] : EMPTY,
			listings: composed && occ.length > 1 ? composed.pieces : undefined,
			pending: composed ? undefined : listings,
			occ,
			tldrIndexed: false,
			bodyIndexed: false,
			seq: NO_SEQ,
		};
		this.docs.push(doc);
		this.byId.set(doc.id, doc);
		this.ensureCapacity(num + 1);
		this.alive[num] = 1;
		// a new document's hash comes from its text (see bodyHashOf)
		this.bodyHashes[num] = 0;
		this.indexHead(doc);
		if (composed) {
			this.indexBody(doc, composed.text);
		} else {
			this.pendingTldrs.push(num);
			this.pendingBodies.push(num);
		}
		return doc;
	}

	private ensureCapacity(docs: number): void {
		if (docs <= this.alive.length) return;
		let size = this.alive.length;
		while (size < docs) size *= 2;
		const alive = new Uint8Array(size);
		alive.set(this.alive);
		this.alive = alive;
		const lengths = new Uint16Array(size * FIELD_COUNT);
		lengths.set(this.lengths);
		this.lengths = lengths;
		const hashes = new Uint32Array(size);
		hashes.set(this.bodyHashes);
		this.bodyHashes = hashes;
	}

	private indexHead(doc: DocRecord): void {
		const num = doc.num;
		// the word sequence (see DocRecord.seq) of the title and the TL;DR comes from the scans that count them
		const seq: number[] = [0, 0];
		this.setLength(num, Field.Id, this.accumulate(doc.id, Field.Id));
		this.setLength(num, Field.Title, this.accumulate(doc.title, Field.Title, seq) + this.accumulate(doc.translatedTitle, Field.Title));
		// the TL;DR's words come between the title's and the authors' in the second pass (see indexTldr)
		seq[0] = seq[1] = seq.length;
		// each name scanned once for its counters, its author: terms and its sequence (a break before each name)
		const names: NameTerms = { ids: new Set(), pending: [] };
		const authorSeq: number[] = [];
		let authorsLength = 0;
		for (const author of doc.authors) {
			authorSeq.push(SEQ_BREAK);
			authorsLength += this.accumulate(author, Field.Authors, authorSeq, names);
		}
		this.setLength(num, Field.Authors, authorsLength);
		// a stopword name new to the index gets its term after the field's other new terms, in order
		for (const { term, at } of names.pending) {
			const id = this.wordId(term);
			names.ids.add(id);
			if (at >= 0) authorSeq[at] = id;
		}
		for (const id of names.ids) this.names.push(id, num, 0);
		this.setLength(num, Field.Category, this.accumulate(doc.category, Field.Category));
		this.flush(this.head, num);
		for (const id of authorSeq) seq.push(id);
		doc.seq = Int32Array.from(seq);
	}

	/** The TL;DR's postings, and its words put in the document's sequence between the title's and the authors' (see DocRecord.seq). */
	private indexTldr(doc: DocRecord): void {
		const words: number[] = [];
		this.setLength(doc.num, Field.Tldr, this.accumulate(doc.tldr, Field.Tldr, words));
		this.flush(this.tldr, doc.num);
		doc.tldrIndexed = true;
		if (words.length === 0) return;
		const before = doc.seq;
		const titleEnd = before[0];
		const seq = new Int32Array(before.length + words.length);
		seq.set(before.subarray(0, titleEnd));
		seq.set(words, titleEnd);
		seq.set(before.subarray(titleEnd), titleEnd + words.length);
		seq[1] = titleEnd + words.length;
		doc.seq = seq;
	}

	/**
	 * Indexes the TL;DRs that wait, in document order (so the TL;DR store's lists stay in order, whatever
	 * the long fields' order); stops after `budgetMs` from `started`. Whether none is left.
	 */
	private indexPendingTldrs(budgetMs = Infinity, now: () => number = () => Date.now(), started = now()): boolean {
		const pending = this.pendingTldrs;
		let i = 0;
		try {
			while (i < pending.length) {
				const doc = this.docs[pending[i++]];
				if (doc && !doc.tldrIndexed) this.indexTldr(doc);
				if ((i & 63) === 0 && now() - started > budgetMs) break;
			}
		} finally {
			this.pendingTldrs = i === pending.length ? [] : pending.slice(i);
		}
		return this.pendingTldrs.length === 0;
	}

	/** A document's second pass: its TL;DR (every waiting TL;DR first), then its long fields (`text`, see composeBody). */
	private indexBody(doc: DocRecord, text: string): void {
		if (!doc.tldrIndexed) {
			if (this.pendingTldrs.length > 0) this.indexPendingTldrs();
			if (!doc.tldrIndexed) this.indexTldr(doc);
		}
		const [summaries, abstract] = this.countBody(text);
		this.setLength(doc.num, Field.Summaries, summaries);
		this.setLength(doc.num, Field.Abstract, abstract);
		this.flush(this.body, doc.num);
		doc.bodyIndexed = true;
	}

	/** Counts the long fields of one document into the scratch counters; returns their lengths (summaries, abstract). */
	private countBody(text: string): [number, number] {
		const mark = text.lastIndexOf(ABSTRACT_MARK);
		const summaries = mark < 0 ? text : text.slice(0, mark);
		const abstract = mark < 0 ? '' : text.slice(mark + 1);
		return [this.accumulate(summaries, Field.Summaries), this.accumulate(abstract, Field.Abstract)];
	}

	/**
	 * A helper's share of the second pass, on an index of its own that serves only as the terms'
	 * dictionary: counts the long fields of `texts` (documents `nums` of the index that lent them,
	 * see lendBodies) as indexBody would, with term ids of this index, for addCountedBodies there.
	 */
	countBodies(nums: Int32Array, texts: readonly string[]): BodyCounts {
		this.ensureScratch(this.terms.length);
		const firstNew = this.terms.length;
		const lengths = new Int32Array(texts.length * 2);
		const ends = new Int32Array(texts.length);
		const pairs: number[] = [];
		texts.forEach((text, i) => {
			[lengths[2 * i], lengths[2 * i + 1]] = this.countBody(text);
			this.drain((id, packed) => pairs.push((id << BODY_BITS) | packed));
			ends[i] = pairs.length;
		});
		if (this.terms.length > MAX_COUNTED_TERMS) throw new Error('too many terms for BodyCounts');
		const newTerms: string[] = [];
		for (let id = firstNew; id < this.terms.length; id++) newTerms.push(this.terms.get(id));
		return { nums, lengths, ends, pairs: Int32Array.from(pairs), newTerms };
	}

	/** How many pending documents lie below those lent (see lendBodies): what indexPendingBodies can index now, or lend. */
	get lendableBodyCount(): number {
		// documents added since the first loan are above it: indexed after the lent ones come back
		const pending = this.pendingBodies;
		let end = pending.length;
		while (end > 0 && pending[end - 1] >= this.lentFrom) end--;
		return end;
	}

	/** Is every pending document below those lent indexed, so that indexing goes on only once they come back? */
	get waitsForLent(): boolean {
		return this.lent > 0 && this.lendableBodyCount === 0;
	}

	/**
	 * Up to `most` documents whose long fields wait, the last ones (the highest numbers) below those
	 * already lent, for a helper to count (countBodies) while indexPendingBodies goes on with the
	 * first ones, stopping short of them. Their text is packed now (a cold build's pending paper
	 * gives it up). Undefined when nothing is left to lend.
	 */
	lendBodies(most: number): { nums: Int32Array; texts: string[] } | undefined {
		const end = this.lendableBodyCount;
		const count = Math.min(most, end);
		if (count <= 0) return undefined;
		this.secondPassStarted = true;
		const taken = this.pendingBodies.splice(end - count, count);
		const docs = taken.map((num) => this.docs[num]).filter((doc): doc is DocRecord => doc !== undefined && !doc.bodyIndexed);
		// documents all removed since they waited: nothing lent (a bound with none lent held back every
		// document made after it: indexPendingBodies stopped short of them, and waited for no helper)
		if (docs.length === 0) return undefined;
		this.lentFrom = taken[0];
		const composed = docs.map((doc) => this.composed(doc));
		const texts = composed.map((c) => c.text);
		this.keepTexts(docs, composed);
		this.lent += docs.length;
		return { nums: Int32Array.from(docs, (doc) => doc.num), texts };
	}

	/**
	 * Indexes lent documents' long fields from a helper's counts (see countBodies), once every document
	 * below them is indexed (postings stay in document order). `terms` turns the helper's
	 * term ids into this index's, making each term on its first use here: in the order the
	 * documents meet them, as indexPendingBodies would have (the same term ids as a build without
	 * a helper). A document removed or replaced since it was lent is left out.
	 */
	addCountedBodies(counts: BodyCounts, terms: HelperTerms): void {
		this.ensureScratch(this.terms.length);
		// the TL;DRs first, in order, as indexBody does (normally none waits: the second pass starts with them)
		this.indexPendingTldrs();
		const { nums, lengths, ends, pairs } = counts;
		let at = 0;
		for (let i = 0; i < nums.length; i++) {
			const num = nums[i];
			const doc = this.docs[num];
			const end = ends[i];
			if (doc === undefined || doc.bodyIndexed) {
				at = end;
				continue;
			}
			if (!doc.tldrIndexed) this.indexTldr(doc);
			this.setLength(num, Field.Summaries, lengths[2 * i]);
			this.setLength(num, Field.Abstract, lengths[2 * i + 1]);
			for (; at < end; at++) {
				const pair = pairs[at];
				const local = pair >>> BODY_BITS;
				let id = terms.ids[local];
				if (id < 0) id = terms.ids[local] = this.termId(terms.terms[local]);
				this.body.push(id, num, pair & BODY_MASK);
			}
			doc.bodyIndexed = true;
		}
		this.settleLent(nums.length);
	}

	/** Takes lent documents back (their helper failed): indexPendingBodies indexes them itself. */
	unlendBodies(nums: Int32Array): void {
		const back = [...nums].filter((num) => this.docs[num] !== undefined);
		if (back.length > 0) this.pendingBodies = [...this.pendingBodies, ...back].sort((a, b) => a - b);
		this.settleLent(nums.length);
	}

	private settleLent(returned: number): void {
		this.lent -= returned;
		if (this.lent === 0) this.lentFrom = Infinity;
	}

	/** The id of a word or CJK term (as `lookup` tells them apart), made if new. */
	private termId(term: string): number {
		return isCjkTerm(term) ? this.cjkCodeId(cjkTermToCode(term)) : this.wordId(term);
	}

	/** The long fields' text of documents whose paper waited for the second pass, packed as the slice's one buffer (see TextPacker.raw). */
	private keepTexts(docs: DocRecord[], composed: { text: string; pieces: Uint16Array[] }[]): void {
		this.bodies.raw(composed.map((c) => c.text)).forEach((body, k) => {
			const doc = docs[k];
			doc.body = body;
			doc.listings = doc.occ.length > 1 ? composed[k].pieces : undefined;
			doc.pending = undefined;
		});
	}

	/** A document's long-field text composed from its pending listings (see composeBody), or the text it holds. */
	private composed(doc: DocRecord): { text: string; pieces: Uint16Array[] } {
		if (doc.pending !== undefined) return composeBody(headTexts(doc), doc.pending);
		return { text: this.bodyOf(doc) ?? '', pieces: doc.listings ?? [] };
	}

	/**
	 * Second pass: indexes every deferred TL;DR, then the deferred long fields, up to the documents lent
	 * to a helper (see lendBodies): the helper counts long fields while this thread does the TL;DRs,
	 * and none is left for after the two meet, when the helper's counts join (addCountedBodies). Stops
	 * after `budgetMs` (if given) so an in-process caller can yield; returns how many documents' long
	 * fields are still pending, lent ones included.
	 */
	indexPendingBodies(budgetMs = Infinity, now: () => number = () => Date.now()): number {
		if (this.pendingBodies.length === 0 && this.pendingTldrs.length === 0) return this.lent;
		this.secondPassStarted = true;
		this.ensureScratch(this.terms.length);
		const started = now();
		if (!this.indexPendingTldrs(budgetMs, now, started)) return this.pendingBodyCount;
		let i = 0;
		const pending = this.pendingBodies;
		// the texts put together from pending papers, kept as the slice's one buffer (see TextPacker.raw)
		const kept: DocRecord[] = [];
		const texts: { text: string; pieces: Uint16Array[] }[] = [];
		try {
			while (i < pending.length && pending[i] < this.lentFrom) {
				const doc = this.docs[pending[i++]];
				if (doc && !doc.bodyIndexed) {
					const composed = this.composed(doc);
					if (doc.pending !== undefined) {
						kept.push(doc);
						texts.push(composed);
					}
					this.indexBody(doc, composed.text);
				}
				if ((i & 63) === 0 && now() - started > budgetMs) break;
			}
		} finally {
			// the papers indexed before a throw keep their text too (they are not indexed again)
			this.keepTexts(kept, texts);
			this.pendingBodies = pending.slice(i);
		}
		return this.pendingBodyCount;
	}

	/** Compacts postings (after a bulk build or load); drops dead documents' postings. */
	freeze(): void {
		runSteps(this.freezing());
	}

	/**
	 * freeze in steps of a few milliseconds, for an owner that answers queries in between (the
	 * index stays as it was, and searchable, until each store puts its new lists in place at once);
	 * nothing may be added or removed meanwhile.
	 */
	*freezing(): Generator<void, void> {
		// the words first: until they are sorted, a prefix or typo lookup scans the build's newest ones one by one
		yield* this.sortedTerms.sorting();
		const terms = this.terms.length;
		yield* this.head.freezing(terms, this.alive);
		yield* this.tldr.freezing(terms, this.alive);
		yield* this.body.freezing(terms, this.alive);
		yield* this.names.freezing(terms, this.alive);
		// the build's word memo (megabytes) is worth little for the odd changed file
		this.spans = new SpanTable();
	}

	/** Sorts the words added since the last sort (a cold build calls it once its first pass is done). */
	sortTerms(): void {
		this.sortedTerms.sort();
	}

	/** sortTerms in steps (see SortedTerms.sorting), for an owner that answers queries in between. */
	sortingTerms(): Generator<void, void> {
		return this.sortedTerms.sorting();
	}

	/** The word order for a cache: term ids (call freeze first). */
	termOrder(): Int32Array {
		return this.sortedTerms.order();
	}

	/** Documents holding `term` (approximately: a term in several stores counts once, by the largest list). */
	private df(term: number): number {
		return Math.max(this.head.size(term), this.tldr.size(term), this.body.size(term));
	}

	/**
	 * Whether a word that starts with a typed acronym goes on as one of its own: a version number, or a
	 * word of paper text of its own (`bertscore` is `bert` + `score`, as `BERTScore` writes it). The index
	 * folds case, so `BERTScore` and a `Bertscore` look alike here. The feasible sign of a compound: the
	 * completion is a word of titles, TL;DRs or abstracts (not an author's name alone: `Bertram`), and
	 * its rest, of at least MIN_COMPOUND_REST letters, is a word of as many papers' text as
	 * MIN_COMPOUND_REST_PAPERS: `noman` (`n`), `samples` (`ples`) and `vital` (`al`) are not.
	 */
	private acronymCompletion(completion: number, rest: string): boolean {
		if (ACRONYM_VERSION.test(rest)) return true;
		if (rest.length < MIN_COMPOUND_REST || this.textDf(completion) === 0) return false;
		const id = this.lookup(rest) ?? this.lookup(foldInflection(rest));
		return id !== undefined && this.textDf(id) >= MIN_COMPOUND_REST_PAPERS;
	}

	/** About how many documents hold `term` in their text rather than an author's name (the head's postings count both). */
	private textDf(term: number): number {
		return Math.max(this.head.size(term) - this.names.size(term), this.tldr.size(term), this.body.size(term));
	}

	/**
	 * Term ids (with weights) a free word stands for: exact, prefix expansions, and typos when nothing
	 * else, or when the word is rare and a close spelling far more common (see commonerSpellings).
	 * `respelled` is told the corrections of such a rare word.
	 */
	private expand(word: QueryWord, prefix: boolean, fuzzy: boolean, respelled?: (ids: number[]) => void): [number, number][] {
		const out: [number, number][] = [];
		const term = word.terms[0];
		const exact = this.lookup(term);
		if (exact !== undefined) out.push([exact, 1]);
		if (word.cjk) return out;
		if (prefix && term.length >= 2) {
			const candidates: [number, number][] = [];
			this.sortedTerms.forPrefix(term, (other, id) => {
				// an acronym goes on only into its numbered versions (`SAM2`, `GPT4o`, `YOLOv8`) and its compounds
				// (`BERTScore`, `ViTPose`), never into another word (`samples`, `Noman`)
				if (other !== term && (!word.acronym || this.acronymCompletion(id, other.slice(term.length)))) candidates.push([id, this.df(id)]);
			});
			if (candidates.length > MAX_EXPANSIONS) candidates.sort((a, b) => b[1] - a[1]).length = MAX_EXPANSIONS;
			// a short prefix says less about the word meant than a long one
			for (const [id] of candidates) out.push([id, PREFIX_WEIGHT * Math.min(1, term.length / 6 + 0.3)]);
		}
		if (!fuzzy || word.acronym || term.length < 4) return out;
		if (out.length === 0) {
			out.push(...this.corrections(term, 0));
			return out;
		}
		const commoner = this.commonerSpellings(term, out, exact);
		if (commoner.length > 0) {
			out.push(...commoner);
			respelled?.(commoner.map(([id]) => id));
		}
		return out;
	}

	/**
	 * A word the papers write but rarely, and a close spelling of it far more often: the typo more
	 * likely than the word. Across 167 real days most common slips appear somewhere (`langauge` in
	 * one paper, `vison` in one, against 9,650 and 3,033 papers of `language` and `vision`), and the
	 * word as typed then found only those papers (`vision langauge action`: none). The word's terms
	 * (exact and prefix expansions) all rare: at most RARE_WORD_PAPERS papers, or one in
	 * RARE_WORD_SHARE of the folder's; its corrections those one edit away (a swap is one), at least
	 * COMMONER_RATIO times as common and in MIN_COMMONER_PAPERS papers. Two edits away lie too many
	 * real rare words of the same folder (`cookbook`: `codebook`, `incorrectness`: `correctness`,
	 * `denotation`: `annotation`). A word only
	 * authors' names have (`Lois` beside `loss`, `Massa` beside `mass`) is a name, never corrected; a
	 * rare word with no much commoner neighbour (`pathognomonic`, an id) has nothing to add.
	 */
	private commonerSpellings(term: string, terms: readonly [number, number][], exact: number | undefined): [number, number][] {
		if (exact === undefined || this.textDf(exact) === 0) return [];
		let papers = 0;
		for (const [id] of terms) papers = Math.max(papers, this.df(id));
		if (papers > Math.max(RARE_WORD_PAPERS, this.byId.size / RARE_WORD_SHARE)) return [];
		const own = new Set(terms.map(([id]) => id));
		return this.corrections(term, Math.max(papers * COMMONER_RATIO, MIN_COMMONER_PAPERS), 1).filter(([id]) => !own.has(id));
	}

	/**
	 * The closest spellings of `term` in at least `minPapers` papers, each at the typo's weight:
	 * `difusion` is `diffusion` (one letter), not `fusion`, `delusion` or `infusion` (two), which are
	 * rarer and would outrank it by their idf. Two edits away only for a word of eight letters or more.
	 */
	private corrections(term: string, minPapers: number, maxDistance = 2): [number, number][] {
		let closest = Math.min(maxDistance, term.length >= 8 ? 2 : 1);
		const found: [number, number, boolean][] = [];
		this.sortedTerms.forFuzzy(term, closest, (other, id, distance) => {
			if (distance === 0 || (minPapers > 0 && this.df(id) < minPapers)) return;
			found.push([id, distance, isSwapOf(other, term)]);
			closest = Math.min(closest, distance);
		});
		const closestFound = found.filter(([, distance]) => distance === closest);
		// two letters swapped (`modle`) is the slip meant far more often than a letter more or
		// less that also lies one edit away (`mode`, `module`): the swapped word is always kept and
		// weighs more, so a title with `mode` twice does not outrank the papers about models
		const swapped = closestFound.some(([, , swap]) => swap);
		const entries = closestFound.map(([id, , swap]): [number, number, boolean] => [id, this.df(id), swap]);
		// the most common corrections, each at the typo's weight
		if (entries.length > MAX_EXPANSIONS) entries.sort((a, b) => Number(b[2]) - Number(a[2]) || b[1] - a[1]).length = MAX_EXPANSIONS;
		return entries.map(([id, , swap]) => [id, swapped && !swap ? (FUZZY_WEIGHT / closest) * BESIDE_SWAP : FUZZY_WEIGHT / closest]);
	}

	/** Every index term of a phrase (see phraseTerms in query.ts) becomes its own required group. */
	private exactGroups(terms: readonly string[]): WordGroup[] {
		return terms.map((t) => {
			const id = this.lookup(t);
			return { terms: id === undefined ? [] : [[id, 1]], names: false };
		});
	}

	/** BM25 idf of a term among the live documents. */
	private idf(term: number): number {
		const n = Math.max(1, this.byId.size);
		const df = this.df(term);
		return Math.log(1 + (n - df + 0.5) / (df + 0.5));
	}

	search(query: ParsedQuery, limit = 50, options: SearchOptions = {}): SearchResult {
		const fuzzy = options.fuzzy !== false;
		const groups: WordGroup[] = [];
		const verify: string[] = [...query.phrases];
		/** Chinese runs of one index term (`蒸馏`): nothing to verify, but the hits say where they matched as the others do */
		const shortRuns: string[] = [];
		/** per free word in typed order: the terms that count for proximity (a hyphenated word: one unit per part) */
		const units: Map<number, number>[] = [];
		/** rare words given their far commoner spellings too (see commonerSpellings) */
		const respelled: Respelled[] = [];
		query.words.forEach((word) => {
			if (word.cjk) {
				// one character typed (`模`, on the way to `模型`): every term with it, not its unigram alone (the
				// index has that only where the character stands alone, so the hits were a few odd papers)
				if (word.terms.length === 1 && word.terms[0].length === 1) groups.push({ terms: this.cjkTable.idsWithUnit(word.terms[0].charCodeAt(0)).map((id) => [id, 1]), names: false });
				else {
					for (const t of word.terms) {
						const id = this.lookup(t);
						groups.push({ terms: id === undefined ? [] : [[id, 1]], names: false });
					}
				}
				if (word.terms.length > 1) verify.push(word.terms[0][0] + word.terms.map((t) => t[1]).join(''));
				else if (word.terms.length === 1) shortRuns.push(word.terms[0]);
				units.push(new Map());
				return;
			}
			let corrected: number[] = [];
			const group: WordGroup = { terms: this.expand(word, true, fuzzy, (ids) => (corrected = ids)), names: false, free: true };
			if (corrected.length > 0) respelled.push({ word: word.terms[0], as: this.commonestFirst(corrected) });
			groups.push(group);
			if (word.parts) {
				for (const part of word.parts) {
					const id = this.lookup(part);
					units.push(new Map(id === undefined ? [] : [[id, 1]]));
				}
			} else {
				// adjacency counts for the word as typed; its completions only while it is being typed
				const typing = query.trailingWord && word === query.words[query.words.length - 1];
				const exact = group.terms.filter(([, w]) => w === 1);
				// a rare word's commoner spellings are the word meant as much as it is (`langauge model`)
				const respellings = group.terms.filter(([id]) => corrected.includes(id));
				units.push(new Map(exact.length > 0 && !typing ? [...exact, ...respellings] : group.terms.filter(([, w]) => w >= FUZZY_WEIGHT)));
			}
		});
		for (const terms of query.phraseTerms) groups.push(...this.exactGroups(terms));
		// author parts narrow the candidates through the index; passesFilters then checks they sit in one name
		for (const { parts } of query.authors) {
			// an initial (`Philip S. Yu`) or the `O` of `O'Brien` has no term of its own (one letter is not
			// indexed): passesFilters finds it in the name; a name of such parts alone finds nothing
			const indexed = parts.filter((part) => isCjkTerm(part) || termsOf(part).length > 0);
			for (const part of indexed.length > 0 ? indexed : parts) {
				if (isCjkTerm(part)) {
					forEachTerm(part, (t) => {
						const id = this.lookup(t);
						groups.push({ terms: id === undefined ? [] : [[id, 0.25]], names: true });
					});
					continue;
				}
				// short name parts (Li, Wu, Xu) are whole surnames, not prefixes of every Lin and Liu;
				// parts are folded like index terms (`Jones` is indexed as `jone`)
				const folded = termsOf(part);
				const found = this.expand({ terms: [folded[0] ?? part], cjk: false }, part.length > 3, false);
				groups.push({ terms: found.map(([id, w]) => [id, w * 0.25] as [number, number]), names: true });
			}
		}

		const n = this.docs.length;
		let candidates: number[];
		let scores: Float64Array | undefined;
		if (groups.length > 0) {
			if (groups.some((g) => g.terms.length === 0)) return { hits: [], total: 0, approximate: false };
			const cost = (g: WordGroup) => g.terms.reduce((s, [id]) => s + (g.names ? this.names.size(id) : this.head.size(id) + this.tldr.size(id) + this.body.size(id)), 0);
			const ordered = [...groups].sort((a, b) => cost(a) - cost(b));
			scores = new Float64Array(n);
			candidates = this.scoreGroups(ordered, scores);
			if (units.length > 1) this.addProximity(units, candidates, scores);
		} else {
			candidates = this.unrankedCandidates(query);
		}

		const excluded = this.excludedDocs(query);
		const filters = hasFilters(query);
		const keep = options.keep;
		const filtered =
			!filters && excluded.size === 0 && !keep
				? candidates
				: candidates.filter((num) => !excluded.has(num) && (!filters || this.passesFilters(this.docs[num] as DocRecord, query)) && (!keep || keep(this.docs[num] as DocRecord)));
		const finalScores = scores;
		const docs = this.docs;
		// better first: higher score, then newer day, then file order
		const before = (a: number, b: number): boolean => {
			if (finalScores && finalScores[a] !== finalScores[b]) return finalScores[a] > finalScores[b];
			const da = (docs[a] as DocRecord).occ[0]?.day ?? '';
			const db = (docs[b] as DocRecord).occ[0]?.day ?? '';
			return da !== db ? da > db : a < b;
		};
		// the texts a phrase check folds, kept for the hit's matched words, which need them again
		const texts = new PaperTexts((doc) => this.bodyOf(doc));
		const explain = options.matched === false ? undefined : this.explainer(groups, [...verify, ...shortRuns], texts, options.unchecked);
		const hit = (num: number) => this.hit(num, finalScores, explain);

		const checks = verify.filter((p) => p !== '');
		const negative = query.excludePhrases;
		const needsCheck = checks.length > 0 || negative.length > 0;
		// only the best few are ever shown: select them instead of sorting every match
		let ordered = topK(filtered, needsCheck ? Math.min(filtered.length, limit * 2 + 20) : limit, before);
		if (!needsCheck) {
			return { hits: ordered.map(hit), total: filtered.length, approximate: false, ...said(respelled) };
		}
		const hits: SearchHit[] = [];
		/** hits whose phrases could not be checked (counted as matches) */
		let unverified = 0;
		let i = 0;
		for (; hits.length < limit; i++) {
			if (i >= ordered.length) {
				if (ordered.length >= filtered.length) break;
				// the checks rejected too many of the best: fall back to the full order
				ordered = topK(filtered, filtered.length, before);
			}
			const doc = docs[ordered[i]] as DocRecord;
			const match = this.phrasesMatch(doc, checks, negative, texts);
			if (match === undefined) {
				unverified++;
				options.unchecked?.(doc);
			}
			if (match !== false) hits.push(hit(doc.num));
		}
		const quick = quickPhraseChecks([...checks, ...negative]);
		const count = this.countRest(filtered, ordered.slice(0, i), options.countChecks ?? COUNT_CHECKS, (doc) => this.phrasesMatch(doc, checks, negative, texts, quick));
		const min = hits.length - unverified + count.found;
		const max = hits.length + count.left - count.rejected;
		if (unverified === 0 && count.checked === count.left) return { hits, total: min, approximate: false, ...said(respelled) };
		// An estimate only from a sample checked whole: right after a warm start the long fields are not
		// read back, only a paper with the phrase in its title or TL;DR can be checked, and those all match
		// (`"world model"` said "about 2,673" for 288 on the 167 real days): "up to" then.
		const estimated = count.checked > 0 && count.checked === count.tried && count.checked < count.left;
		const total = estimated ? Math.round(hits.length + count.found + (count.left - count.checked) * (count.found / count.checked)) : max;
		return { hits, total, approximate: true, range: { min, max, estimated }, ...said(respelled) };
	}

	/**
	 * Counts the phrase query's matches among the candidates after the hits (`filtered` but `done`):
	 * every one of them when they are at most `budget`, else `budget` of them spread evenly over the
	 * rest, for an estimate. A candidate whose long fields are not read back yet is left unchecked
	 * (its text is not read back for a count; see SearchShard.checked). `found` and `rejected` of the
	 * `checked` ones of the `tried`; `left` candidates in all.
	 */
	private countRest(
		filtered: readonly number[],
		done: readonly number[],
		budget: number,
		matches: (doc: DocRecord) => boolean | undefined,
	): { left: number; tried: number; checked: number; found: number; rejected: number } {
		const left = filtered.length - done.length;
		if (left <= 0 || budget <= 0) return { left: Math.max(0, left), tried: 0, checked: 0, found: 0, rejected: 0 };
		const skip = new Set(done);
		const rest = skip.size === 0 ? filtered : filtered.filter((num) => !skip.has(num));
		const tried = Math.min(budget, rest.length);
		const step = rest.length / tried;
		let checked = 0;
		let found = 0;
		for (let k = 0; k < tried; k++) {
			const match = matches(this.docs[rest[Math.floor(k * step)]] as DocRecord);
			if (match === undefined) continue;
			checked++;
			if (match) found++;
		}
		return { left: rest.length, tried, checked, found, rejected: checked - found };
	}

	/** Terms by how many papers have them, most first, at most RESPELLINGS_SAID of them (what the search box names). */
	private commonestFirst(ids: readonly number[]): string[] {
		return [...ids]
			.sort((a, b) => this.df(b) - this.df(a))
			.slice(0, RESPELLINGS_SAID)
			.map((id) => this.terms.get(id));
	}

	/**
	 * Per document and field, FIELD_WEIGHT / BM25 length norm: the factor a tf is multiplied
	 * by. Rebuilt on the first query after lengths changed (a few hundred microseconds).
	 */
	private fieldScales(): Float32Array {
		const n = this.docs.length;
		if (this.scales && this.scalesVersion === this.lengthsVersion && this.scales.length >= n * FIELD_COUNT) return this.scales;
		const scales = new Float32Array(n * FIELD_COUNT);
		const lengths = this.lengths;
		for (let f = 0; f < FIELD_COUNT; f++) {
			const avg = this.lengthDocs[f] > 0 && this.lengthSum[f] > 0 ? this.lengthSum[f] / this.lengthDocs[f] : 1;
			const b = FIELD_B[f];
			const w = FIELD_WEIGHT[f];
			for (let num = 0, i = f; num < n; num++, i += FIELD_COUNT) scales[i] = w / (1 - b + (b * lengths[i]) / avg);
		}
		this.scales = scales;
		this.scalesVersion = this.lengthsVersion;
		return scales;
	}

	/** Decode buffers of at least `size` postings, reused across queries. */
	private buffers(size: number): [Int32Array, Int32Array] {
		if (this.numBuf.length < size) {
			this.numBuf = new Int32Array(size * 1.5 + 1024);
			this.packBuf = new Int32Array(size * 1.5 + 1024);
		}
		return [this.numBuf, this.packBuf];
	}

	/**
	 * BM25F over the groups (cheapest first): returns the documents matching every group,
	 * with their scores added into `scores`. A group counts once per document, by its best
	 * term, so `model` and its prefix expansion `modeling` never add up.
	 */
	private scoreGroups(groups: WordGroup[], scores: Float64Array): number[] {
		const n = this.docs.length;
		const alive = this.alive;
		const sc = this.fieldScales();
		if (this.matchedBuf.length < n) {
			// reused across queries (zero between them): allocating three document-sized arrays per keystroke feeds the GC
			this.matchedBuf = new Int32Array(n + 1024);
			this.tildeBuf = new Float64Array(n + 1024);
			this.bestBuf = new Float64Array(n + 1024);
		}
		const matched = this.matchedBuf;
		const tilde = this.tildeBuf;
		const best = this.bestBuf;
		let candidates: number[] = [];
		const termTouched: number[] = [];
		for (let gi = 0; gi < groups.length; gi++) {
			const group = groups[gi];
			const groupTouched: number[] = [];
			const next = gi + 1;
			// a prefix expansion or typo is never worth more than the word as typed, and without it
			// than its most common expansion: a rare look-alike (`transfuser` for `transfomer`) would
			// otherwise outrank the word meant by its rarity alone (an author: filter's parts are
			// names, weighted apart, whose exact part is not told by its weight: left as they were)
			const idfCap = group.names ? Infinity : group.terms[0][1] === 1 ? this.idf(group.terms[0][0]) : Math.min(...group.terms.map(([t]) => this.idf(t)));
			for (const [termId, weight] of group.terms) {
				const idf = Math.min(this.idf(termId), idfCap) * weight;
				termTouched.length = 0;
				// one loop for the four lists; `kind` picks how a posting's tf counters become a value
				const gather = (store: PostingStore, kind: 'names' | 'head' | 'tldr' | 'body') => {
					const [nums, packs] = this.buffers(store.size(termId));
					const k = store.decode(termId, nums, packs);
					for (let i = 0; i < k; i++) {
						const num = nums[i];
						const m = matched[num];
						if ((m !== gi && m !== next) || !alive[num]) continue;
						const p = packs[i];
						const base = num * FIELD_COUNT;
						// tf counters as laid out in HEAD_SLOTS / TLDR_SLOTS / BODY_SLOTS
						const value =
							kind === 'names'
								? 1
								: kind === 'head'
									? (p & 15) * sc[base + Field.Title] +
										((p >>> 4) & 7) * sc[base + Field.Authors] +
										((p >>> 7) & 1) * sc[base + Field.Id] +
										((p >>> 8) & 1) * sc[base + Field.Category]
									: kind === 'tldr'
										? p * sc[base + Field.Tldr]
										: (p & 15) * sc[base + Field.Summaries] + ((p >>> 4) & 15) * sc[base + Field.Abstract];
						if (tilde[num] === 0) termTouched.push(num);
						tilde[num] += value;
					}
				};
				if (group.names) {
					gather(this.names, 'names');
				} else {
					gather(this.head, 'head');
					gather(this.tldr, 'tldr');
					gather(this.body, 'body');
				}
				for (let i = 0; i < termTouched.length; i++) {
					const num = termTouched[i];
					const t = tilde[num];
					tilde[num] = 0;
					const s = (idf * t) / (t + K1);
					if (s > best[num]) best[num] = s;
					if (matched[num] === gi) {
						matched[num] = next;
						groupTouched.push(num);
						if (gi === 0) candidates.push(num);
					}
				}
			}
			for (const num of groupTouched) {
				scores[num] += best[num];
				best[num] = 0;
			}
		}
		const all = groups.length;
		const complete = candidates.filter((num) => matched[num] === all);
		// only documents of the first group ever get a nonzero mark
		for (const num of candidates) matched[num] = 0;
		return complete;
	}

	/**
	 * Adds a bonus per pair of consecutive query words found next to each other, in
	 * order, in the title (more) or the TL;DR, read from each candidate's word sequence.
	 */
	private addProximity(units: Map<number, number>[], candidates: readonly number[], scores: Float64Array): void {
		const count = Math.min(units.length, 31);
		if (this.unitMask.length < this.terms.length) this.unitMask = new Int32Array(this.terms.length + 1024);
		const mask = this.unitMask;
		const pairWeight = new Float64Array(count);
		const unitIdf = units.slice(0, count).map((unit) => {
			let idf = 0;
			for (const [id, w] of unit) idf = Math.max(idf, this.idf(id) * w);
			return idf;
		});
		for (let u = 0; u < count; u++) for (const id of units[u].keys()) mask[id] |= 1 << u;
		for (let u = 0; u + 1 < count; u++) pairWeight[u] = unitIdf[u] > 0 && unitIdf[u + 1] > 0 ? (unitIdf[u] + unitIdf[u + 1]) / 2 : 0;
		// A pair needs two consecutive units in the title, TL;DR or authors, and every word of those
		// (each an entry of the word sequence) has a posting in the head, TL;DR or names store: a candidate
		// without such units (most of a common query's, whose words are in the long fields only) skips
		// the scan of its word sequence, where reading each candidate's record and sequence was most of
		// this method's time. Not where those postings are many per candidate (a query with few
		// candidates, a word being typed whose completions are common words)
		let postings = 0;
		for (let u = 0; u < count; u++) for (const id of units[u].keys()) postings += this.head.size(id) + this.tldr.size(id) + this.names.size(id);
		const filter = postings < candidates.length * PROXIMITY_FILTER_RATIO;
		if (this.unitsHeld.length < this.docs.length) this.unitsHeld = new Int32Array(this.docs.length + 1024);
		const held = this.unitsHeld;
		const marked: number[] = [];
		try {
			for (let u = 0; u < count && filter; u++) {
				for (const id of units[u].keys()) {
					for (const store of [this.head, this.tldr, this.names]) {
						const [nums, packs] = this.buffers(store.size(id));
						const k = store.decode(id, nums, packs);
						for (let i = 0; i < k; i++) {
							const num = nums[i];
							if (held[num] === 0) marked.push(num);
							held[num] |= 1 << u;
						}
					}
				}
			}
			const found = new Float64Array(count);
			for (const num of candidates) {
				const has = held[num];
				if (filter && (has & (has >>> 1)) === 0) continue;
				const seq = (this.docs[num] as DocRecord).seq;
				// see DocRecord.seq: a pair never straddles two fields
				const titleEnd = seq[0];
				const tldrEnd = seq[1];
				let any = false;
				for (let i = 2; i + 1 < seq.length; i++) {
					if (i + 1 === titleEnd || i + 1 === tldrEnd) continue;
					const a = seq[i];
					const b = seq[i + 1];
					if (a === SEQ_BREAK || b === SEQ_BREAK) continue;
					let pairs = (mask[a] << 1) & mask[b];
					const factor = i < titleEnd ? PROXIMITY_TITLE : i < tldrEnd ? PROXIMITY_TLDR : PROXIMITY_AUTHORS;
					while (pairs !== 0) {
						const bit = 31 - Math.clz32(pairs);
						pairs &= ~(1 << bit);
						const u = bit - 1;
						if (factor > found[u]) found[u] = factor;
						any = true;
					}
				}
				if (!any) continue;
				let bonus = 0;
				for (let u = 0; u < count; u++) {
					bonus += found[u] * pairWeight[u];
					found[u] = 0;
				}
				scores[num] += bonus;
			}
		} finally {
			for (let u = 0; u < count; u++) for (const id of units[u].keys()) mask[id] = 0;
			for (const num of marked) held[num] = 0;
		}
	}

	/** Candidates of a query without words: narrowed by id or day through the maps, else every paper. */
	private unrankedCandidates(query: ParsedQuery): number[] {
		const out: number[] = [];
		if (query.ids.length > 0 && query.ids.every((id) => this.byId.has(id))) {
			for (const id of query.ids) out.push((this.byId.get(id) as DocRecord).num);
			return out;
		}
		if (query.days.length > 0 || query.after !== undefined || query.before !== undefined) {
			const seen = new Set<number>();
			for (const entry of this.files.values()) {
				if (!dayInRange(query, entry.day)) continue;
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

	/**
	 * Do the phrases (and none of the negative ones) occur (containsPhrase: words in order, plural = singular; `quick`
	 * first when given, on the texts as written)? Undefined when that needs
	 * the long fields and they are not in memory yet (see DocRecord.body): the postings already
	 * hold every word of a phrase, so the caller counts it as a match and says it is approximate.
	 */
	private phrasesMatch(doc: DocRecord, phrases: string[], negative: string[], texts: PaperTexts, quick?: QuickPhraseCheck): boolean | undefined {
		let unknown = false;
		const has = (p: string) => {
			if (quick?.(p, texts.rawShort(doc)) ?? containsPhrase(texts.short(doc), p)) return true;
			const body = texts.body(doc);
			if (body === undefined) unknown = true;
			return body !== undefined && (quick?.(p, body) ?? containsPhrase(texts.long(doc) as string, p));
		};
		const found = phrases.every(has);
		if (negative.some(has)) return false;
		return unknown ? undefined : found;
	}

	/** The long fields' text of a document (see DocRecord.body), if in memory: composed from its pending listings (unless one is still unread, see UNREAD_LISTING), or unpacked. */
	bodyOf(doc: DocRecord): string | undefined {
		if (doc.pending !== undefined) return doc.pending.includes(UNREAD_LISTING) ? undefined : composeBody(headTexts(doc), doc.pending).text;
		return doc.body && this.bodies.unpack(doc.body);
	}

	/**
	 * The hash of a document's long fields (see bodyHashes), computed from its text on first need
	 * (a cold build's ~21k texts at its first save: ~100 ms in plain Node, ~5 ms in each of the
	 * encoder's steps of documents); 0 when neither is known (the text not read back, and no hash:
	 * the cache would have had one).
	 */
	bodyHashOf(doc: DocRecord): number {
		const known = this.bodyHashes[doc.num];
		if (known !== 0 || doc.body === undefined || doc.pending !== undefined) return known;
		return (this.bodyHashes[doc.num] = fnv1a4Bytes(this.bodies.utf8(doc.body)));
	}

	/** How many documents lack their long-field text (loaded from a cache, not yet read back). */
	get missingBodyCount(): number {
		return this.missingBodies;
	}

	/** Has a paper of `path` no long-field text in memory (see fillBodies)? */
	lacksBodies(path: string): boolean {
		const ids = this.files.get(path)?.ids ?? [];
		return ids.some((id) => {
			const doc = this.byId.get(id);
			return doc !== undefined && doc.body === undefined && doc.pending === undefined && this.unsettled.get(id)?.has(path) !== true;
		});
	}

	/**
	 * Gives documents loaded from a cache their long-field text back from a digest (`digest.path`)
	 * of one of their files: papers `from` to `from + count` of it (a background owner takes a file
	 * in slices, see SearchShard), of those `only` when given (by id: a query's candidates). `strict`:
	 * the papers were parsed out of their file (see paperFragments) and may read otherwise than in it,
	 * so each takes its text only if that is exactly the indexed one, and only a paper listed once (see
	 * settleFromFragments for the others); returns the papers of `only` still without their text. A paper
	 * listed in several files waits for each of them (see unsettled). Once every listing is read, the document gets the text back where its listings
	 * make the one indexed (the newest's short fields, a composed text of the same hash), and is
	 * indexed again as they have it otherwise, as a cold build would: a file changed on disk before
	 * its change was indexed (a `git pull` during the fill), or a listing went while the index was closed.
	 */
	fillBodies(digest: Digest, from = 0, count = Infinity, only?: ReadonlySet<string>, strict = false): string[] {
		const docs: DocRecord[] = [];
		const texts: Uint8Array[] = [];
		const keep = (doc: DocRecord, utf8: Uint8Array) => {
			docs.push(doc);
			texts.push(utf8);
		};
		// by id: a file listing a paper twice gives its first (as addFile does), in an earlier slice too
		const seen = new Set<string>();
		for (let k = 0; k < from && k < digest.papers.length; k++) seen.add(digest.papers[k].id);
		for (const paper of digest.papers.slice(from, from + count)) {
			const doc = this.byId.get(paper.id);
			if (!doc || doc.body !== undefined || doc.pending !== undefined || seen.has(paper.id) || (only && !only.has(paper.id))) continue;
			seen.add(paper.id);
			if (!doc.occ.some((o) => o.file === digest.path) || this.unsettled.get(doc.id)?.has(digest.path) || (strict && doc.occ.length > 1)) continue;
			this.stashListing(doc.id, digest.path, paper, doc.occ.length === 1);
			this.settle(doc, keep, strict);
		}
		// packed (they stay for the index's life), in one buffer for the file (views of it): an
		// allocation per document left ~21k small buffers in a warm worker, each with its own malloc block
		const encoded = texts.map((utf8) => this.bodies.packBytes(utf8));
		const all = new Uint8Array(encoded.reduce((n, e) => n + e.length, 0));
		let at = 0;
		docs.forEach((doc, i) => {
			all.set(encoded[i], at);
			doc.body = all.subarray(at, (at += encoded[i].length));
		});
		return strict && only ? [...only].filter((id) => this.lacksBody(id)) : [];
	}

	/** a paper of the index whose long-field text is not in memory */
	private lacksBody(id: string): boolean {
		const doc = this.byId.get(id);
		return doc !== undefined && doc.body === undefined && doc.pending === undefined;
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
				const collect = (num: number) => {
					if (!common || common.has(num)) docs.add(num);
				};
				this.head.forEachDoc(termId, collect);
				this.tldr.forEachDoc(termId, collect);
				this.body.forEachDoc(termId, collect);
				common = docs;
			}
			for (const num of common ?? []) out.add(num);
		}
		return out;
	}

	private passesFilters(doc: DocRecord, query: ParsedQuery): boolean {
		if (query.categories.length > 0 || query.excludeCategories.length > 0) {
			// `cat:cs` is every `cs.*`, as in the interests
			if (query.categories.length > 0 && !query.categories.some((wanted) => categoryMatches(wanted, doc.category))) return false;
			if (query.excludeCategories.some((wanted) => categoryMatches(wanted, doc.category))) return false;
		}
		if (query.ids.length > 0 || query.excludeIds.length > 0) {
			const id = doc.id.toLowerCase();
			if (query.ids.length > 0 && !query.ids.some((q) => id === q || id.startsWith(q))) return false;
			if (query.excludeIds.includes(id)) return false;
		}
		// a one-word author filter is settled by the names postings; several words must sit in one name
		if (query.authors.some((a) => a.parts.length > 1) || query.excludeAuthors.length > 0) {
			const matches = (filter: AuthorFilter) =>
				filter.exact === undefined
					? (doc.foldedAuthors ??= doc.authors.map((a) => foldPhraseText(a).split(' '))).some((name) => partsInName(filter.parts, name))
					: (doc.namesAsCompared ??= doc.authors.map(foldName)).some((name) => nameHasWords(name, filter.exact!));
			if (!query.authors.every(matches)) return false;
			if (query.excludeAuthors.some(matches)) return false;
		}
		if (hasDayFilter(query)) {
			// a paper listed on a left-out day is left out, though another day of it is in the range
			if (doc.occ.some((o) => dayExcluded(query, o.day))) return false;
			if (!doc.occ.some((o) => dayInRange(query, o.day))) return false;
		}
		return true;
	}

	/**
	 * A function giving a paper's words that matched the query as written in the paper:
	 * words whose index term is one the query's words stood for (exact, prefix, typo),
	 * from the title, TL;DR and authors, and from the long fields only when some query
	 * word was not seen there; Chinese runs (of any length: `literal`) and phrases as typed
	 * when the paper has them.
	 */
	private explainer(groups: WordGroup[], literals: string[], texts: PaperTexts, unexplained?: (doc: DocRecord) => void): ((doc: DocRecord) => string[]) | undefined {
		// the wanted words by their text: each word of a hit's text is one hash lookup, not a binary
		// search of the ~450,000 sorted words (that search was a quarter of a query's time)
		const wanted = new Map<string, number>();
		// the wanted words' first characters, where ASCII: a word written with an ASCII first letter
		// folds to a term that starts with that letter in lower case (folding lowers case, strips
		// diacritics and cuts endings), so the other words need no folding (it was most of a query's
		// time on queries whose words are in the long fields)
		const initials = new Uint8Array(128);
		for (const group of groups) {
			for (const [id] of group.terms) {
				const term = this.terms.get(id);
				if (isCjkTerm(term)) continue;
				wanted.set(term, id);
				const first = term.charCodeAt(0);
				if (first < 128) initials[first] = 1;
			}
		}
		const literal = literals.filter((p) => p !== '');
		if (wanted.size === 0 && literal.length === 0) return undefined;
		// a phrase's words and author names are seen too, so the count of terms seen says nothing of the free words
		const free = groups.filter((g) => g.free);
		// the papers of a wanted term's long-field postings, decoded once a hit without its long fields' text needs them
		const bodyDocs = new Map<number, Set<number>>();
		const inBody = (id: number, num: number): boolean => {
			let docs = bodyDocs.get(id);
			if (docs === undefined) {
				const found = new Set<number>();
				this.body.forEachDoc(id, (n) => found.add(n));
				bodyDocs.set(id, (docs = found));
			}
			return docs.has(num);
		};
		return (doc) => {
			const out: string[] = [];
			const seen = new Set<string>();
			const termsSeen = new Set<number>();
			const onWord = (source: string, start: number, end: number) => {
				const first = source.charCodeAt(start);
				// `| 0x20`: an ASCII capital's lower case (digits and the rest keep theirs)
				if (first < 128 && initials[(first >= 0x41 && first <= 0x5a) ? first | 0x20 : first] === 0) return;
				const raw = source.slice(start, end);
				const term = foldTerm(raw, true);
				const id = term === undefined ? undefined : wanted.get(term);
				if (id === undefined) return;
				termsSeen.add(id);
				const key = raw.toLowerCase();
				if (!seen.has(key) && out.length < MAX_MATCHED) {
					seen.add(key);
					out.push(raw);
				}
			};
			const collect = (text: string | undefined) => {
				// words as spans (onPlain): only those that pass the initials are cut out and folded
				if (text) scanTerms(text, () => undefined, () => undefined, true, false, onWord);
			};
			collect(doc.title);
			collect(doc.tldr);
			collect(doc.authors.join('\n'));
			if (free.some((g) => !g.terms.some(([id]) => termsSeen.has(id)))) {
				const body = texts.body(doc);
				if (body !== undefined) collect(body);
				else {
					// a word the paper has in its long fields alone, whose text a warm start has not read back
					// yet (without it the hit named no matched word, which read as a typo's match: "no paper has
					// 'biodistribution': similar spellings shown"): named from those fields' postings, which the
					// cache keeps, as the index writes it (`model` for `Models`). Reading each such hit's text back
					// instead took 30 s for an abstract word's 152 hits in a loaded browser. A word the postings
					// cannot name (the paper's long fields not indexed yet) is left to the caller, which reads that
					// paper's text back and asks again (SearchShard.checked).
					let unnamed = false;
					for (const group of free) {
						if (group.terms.some(([id]) => termsSeen.has(id))) continue;
						let best: [number, number] | undefined;
						for (const term of group.terms) if ((best === undefined || term[1] > best[1]) && inBody(term[0], doc.num)) best = term;
						if (best === undefined) {
							unnamed = true;
							continue;
						}
						termsSeen.add(best[0]);
						const word = this.terms.get(best[0]);
						if (!seen.has(word) && out.length < MAX_MATCHED) {
							seen.add(word);
							out.push(word);
						}
					}
					if (unnamed) unexplained?.(doc);
				}
			}
			// (without the long fields in memory yet, the words seen in the short ones)
			for (const p of literal) {
				// the short fields first: folding the long ones is the expensive part; the phrase as the
				// paper writes it (`world models` for `"world model"`), for the card to mark
				let found = findPhrase(texts.short(doc), p);
				if (found === undefined) {
					const long = texts.long(doc);
					if (long !== undefined) found = findPhrase(long, p);
				}
				if (found !== undefined && !seen.has(found)) {
					seen.add(found);
					out.push(found);
				}
			}
			return out;
		};
	}

	private hit(num: number, scores: Float64Array | undefined, explain: ((doc: DocRecord) => string[]) | undefined): SearchHit {
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
			matched: explain ? explain(doc) : [],
		};
	}

	/** A paper by id, with its occurrences. */
	get(id: string): DocRecord | undefined {
		return this.byId.get(id);
	}

	/** Document numbers whose long fields still wait for the second pass (lent ones not included). */
	pending(): readonly number[] {
		return this.pendingBodies;
	}

	/**
	 * Rebuilds an index from saved parts (see cache.ts): documents by number (holes for
	 * dead ones), terms in id order, frozen postings and field lengths.
	 */
	static restore(parts: {
		docs: (DocRecord | undefined)[];
		files: [string, FileEntry][];
		terms: TermTable;
		head: FrozenPostings;
		tldr: FrozenPostings;
		body: FrozenPostings;
		names: FrozenPostings;
		lengths: Uint16Array;
		/** per document, its long fields' hash (see bodyHashes) */
		bodyHashes: Uint32Array;
		/** word term ids in term order (see SortedTerms) */
		order: Int32Array;
	}): PaperIndex | undefined {
		const index = new PaperIndex();
		for (const [path, entry] of parts.files) index.files.set(path, entry);
		index.ensureCapacity(parts.docs.length);
		index.lengths.set(parts.lengths.subarray(0, parts.docs.length * FIELD_COUNT));
		index.bodyHashes.set(parts.bodyHashes.subarray(0, parts.docs.length));
		for (const doc of parts.docs) {
			index.docs.push(doc);
			if (!doc) continue;
			index.alive[doc.num] = 1;
			index.byId.set(doc.id, doc);
			if (!doc.tldrIndexed) index.pendingTldrs.push(doc.num);
			if (!doc.bodyIndexed) index.pendingBodies.push(doc.num);
			if (doc.body === undefined && doc.pending === undefined) index.missingBodies++;
			for (let f = 0; f < FIELD_COUNT; f++) {
				if (!fieldCounted(doc, f)) continue;
				index.lengthSum[f] += index.lengths[doc.num * FIELD_COUNT + f];
				index.lengthDocs[f]++;
			}
		}
		// term ids are positions in parts.terms: the list becomes the index's as it is; the CJK terms
		// go to their code table when first needed, the words are found by binary search in the saved order
		const terms = parts.terms;
		index.terms = terms;
		// (the scratch counters grow to the vocabulary when a file is indexed: a warm worker may never need them)
		// one pass that reads only the non-ASCII terms (no CJK term is ASCII)
		const cjkTerms = new Uint8Array(terms.length);
		const cjk = terms.markByFirstUnit(isCjkCode, cjkTerms);
		// built on first need (see cjkTable); a CJK term twice, which no build writes, then keeps its first id
		index.cjkVocab = undefined;
		if (!index.sortedTerms.restore(parts.order, terms, (id) => id >= 0 && id < terms.length && cjkTerms[id] === 0)) return undefined;
		index.wordsRestored = true;
		if (index.sortedTerms.size !== terms.length - cjk) return undefined;
		index.head.restore(parts.head);
		index.tldr.restore(parts.tldr);
		index.body.restore(parts.body);
		index.names.restore(parts.names);
		return index;
	}
}

/**
 * The texts of the paper a query looks into, each made once: its long fields (unpacked), and both
 * parts folded for phrase checks (see foldPhraseText). A phrase query checks a candidate's texts and
 * then, for a hit, lists its matched words from the same texts. Only the last paper's are kept: a
 * phrase query may check every candidate, whose texts would otherwise all stay alive until it ends.
 */
class PaperTexts {
	private num = -1;
	private current: { short?: string; rawShort?: string; body?: string | null; long?: string | null } = {};

	constructor(private readonly bodyOf: (doc: DocRecord) => string | undefined) {}

	private entry(doc: DocRecord): { short?: string; rawShort?: string; body?: string | null; long?: string | null } {
		if (doc.num !== this.num) {
			this.num = doc.num;
			this.current = {};
		}
		return this.current;
	}

	/** title, translated title, authors and TL;DR, folded */
	short(doc: DocRecord): string {
		const entry = this.entry(doc);
		return (entry.short ??= foldPhraseText(this.rawShort(doc)));
	}

	/** title, translated title, authors and TL;DR, as written */
	rawShort(doc: DocRecord): string {
		const entry = this.entry(doc);
		return (entry.rawShort ??= [doc.title, doc.translatedTitle ?? '', doc.authors.join(', '), doc.tldr].join('\n'));
	}

	/** the long fields, undefined while not in memory (see DocRecord.body) */
	body(doc: DocRecord): string | undefined {
		const entry = this.entry(doc);
		if (entry.body === undefined) entry.body = this.bodyOf(doc) ?? null;
		return entry.body ?? undefined;
	}

	/** the long fields folded */
	long(doc: DocRecord): string | undefined {
		const entry = this.entry(doc);
		if (entry.long === undefined) {
			const body = this.body(doc);
			entry.long = body === undefined ? null : foldPhraseText(body);
		}
		return entry.long ?? undefined;
	}
}

/** containsPhrase of a phrase on a text as written, not folded; undefined when it cannot tell (the caller folds the text). */
type QuickPhraseCheck = (phrase: string, text: string) => boolean | undefined;

/**
 * containsPhrase without the fold for each of `phrases` that allows it, for a count that checks
 * hundreds of candidates (the fold is most of a check's time). A Chinese run (CJK characters only) is
 * in the folded text exactly where it is in the text: foldPhraseText copies such characters as they
 * are and puts a space only where the text has a separator, and containsPhrase wants no word boundary
 * at their edges. A phrase of ASCII words: rawPhraseMatcher (on 167 real days 7 % of the texts still
 * need the fold, and it agreed with the fold on all the others for 24 phrases).
 */
function quickPhraseChecks(phrases: readonly string[]): QuickPhraseCheck {
	const checks = new Map<string, (text: string) => boolean | undefined>();
	for (const phrase of phrases) {
		let cjk = phrase.length > 0;
		for (let i = 0; i < phrase.length && cjk; i++) cjk = isCjkCode(phrase.charCodeAt(i));
		const check = cjk ? (text: string) => text.includes(phrase) : rawPhraseMatcher(phrase);
		if (check) checks.set(phrase, check);
	}
	return (phrase, text) => checks.get(phrase)?.(text);
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

/**
 * Whether a posting's packed counters count its term in `field` (head postings for the head fields,
 * TL;DR postings for the TL;DR, body postings for Summaries and Abstract): for readers of the
 * postings outside the index (trends).
 */
export function postingHasField(packed: number, field: Field): boolean {
	return postingFieldCount(packed, field) !== 0;
}

/** How often a posting's term occurs in `field` (its saturating counter: at most 15), for readers of the postings outside the index (trends). */
export function postingFieldCount(packed: number, field: Field): number {
	const [, first, bits] = SLOT_OF[field];
	return (packed >>> first) & ((1 << bits) - 1);
}

/** Is `term` the `typed` word with two adjacent letters swapped (`model` of `modle`)? */
function isSwapOf(term: string, typed: string): boolean {
	if (term.length !== typed.length) return false;
	let i = 0;
	while (i < term.length && term.charCodeAt(i) === typed.charCodeAt(i)) i++;
	return (
		i + 1 < term.length &&
		term.charCodeAt(i) === typed.charCodeAt(i + 1) &&
		term.charCodeAt(i + 1) === typed.charCodeAt(i) &&
		term.slice(i + 2) === typed.slice(i + 2)
	);
}
