/**
 * "Why?" of For you, and what a similar paper has in common, in words a reader recognises. The model weighs index terms: folded words
 * (`vla`), parts of hyphenated words, and CJK bigrams, so its heaviest terms for a paper about
 * 机器人 and 世界模型 read `器人, 机器, 界模`. Here a bigram becomes the run the paper's text has it
 * in (cjkRun: 机器 + 器人 → 机器人, 界模 → 世界模型) as whole words of the paper (wholeRun: never
 * 世界模 of 世界模型 and 世界模拟), a fragment inside a term already listed goes,
 * and a word is shown as the paper writes it (`VLA`, not `vla`). No weights: the order says which
 * weighed most.
 */
import type { Paper } from '../model';
import { foldTerm, isCjkTerm, scanTerms, termsOverlap } from '../search/tokenizer';
import { CJK_FUNCTION_CHARS, isTopicTerm } from '../trends/shard';
import { VECTOR_FIELDS } from './tfidf';

export interface Reason {
	/** what the reader sees: a word as the paper writes it, or a CJK run */
	label: string;
	/** the index terms it stands for (a run: each of its bigrams) */
	terms: string[];
}

/**
 * A run is grown to at most this many characters: Chinese terms are two to four (机器人, 世界模型,
 * 自动驾驶); grown further on the 2,800 real papers, runs became phrases (动作条件预测, 用泛函的操作).
 */
const MAX_RUN = 4;

/**
 * A bigram joins a run only when it is among this many times `limit` of the heaviest terms: nearly
 * every bigram of a paper weighs a little for it, and any of them would join (件的世界模).
 */
const JOIN_POOL = 3;

/**
 * The first `limit` reasons of `parts` (the terms that weighed for the paper, heaviest first: every
 * positive one, so a bigram can join a run that a heavier one starts), read against `text` (the
 * paper's text its vector was made of: title and abstract, see tfidf.ts). With `only`, a Chinese run
 * is a reason only when each of its bigrams is one of those terms.
 */
export function readableReasons(parts: readonly { term: string }[], text: string, limit: number, only?: ReadonlySet<string>): Reason[] {
	const { written, hyphenated } = wordsOf(text.replace(URL, ' '));
	const bigrams = parts
		.slice(0, JOIN_POOL * limit)
		.map((p) => p.term)
		.filter((t) => t.length === 2 && isCjkTerm(t) && !CJK_FUNCTION_CHARS.has(t[0]) && !CJK_FUNCTION_CHARS.has(t[1]));
	const taken = new Set<string>();
	const reasons: Reason[] = [];
	for (const { term } of parts) {
		if (reasons.length === limit) break;
		if (taken.has(term)) continue;
		taken.add(term);
		if (isCjkTerm(term)) {
			// a bigram of a function character is never a word's (出了, 在世)
			if ([...term].some((c) => CJK_FUNCTION_CHARS.has(c))) continue;
			const grown = term.length === 2 ? cjkRun(term, bigrams, text) : term;
			const run = grown === undefined ? undefined : wholeRun(grown, text);
			// a piece of a phrase, a fragment of a listed run, or a bigram that says nothing alone (模型)
			if (run === undefined || reasons.some((r) => r.label.includes(run))) continue;
			const runBigrams = bigramsOf(run);
			if (!runBigrams.some(isTopicTerm) && !(run.length === 1 && isTopicTerm(run))) continue;
			// a run the text grew past the terms `only` allows (机器 shared, 机器人 in this paper alone)
			if (only && !runBigrams.every((b) => only.has(b))) continue;
			runBigrams.forEach((b) => taken.add(b));
			const reason = { label: run, terms: runBigrams.length ? runBigrams : [run] };
			// a run that holds a fragment listed before takes its place (器人, then 机器 continued to 机器人)
			const inside = reasons.filter((r) => isCjkTerm(r.label) && run.includes(r.label));
			if (inside.length === 0) reasons.push(reason);
			else {
				reasons.splice(reasons.indexOf(inside[0]), 1, reason);
				for (const r of inside.slice(1)) reasons.splice(reasons.indexOf(r), 1);
			}
			continue;
		}
		// `jepa` after `v-jepa` (or before it): one word of the paper
		if (reasons.some((r) => r.terms.some((t) => termsOverlap(t, term)))) continue;
		// a part the paper writes only inside a hyphenated word (`box` of black-box) is that word: alone it reads
		// as another (a tester's "box, black, white" for black-box and white-box); with `only`, if both papers have it
		const whole = hyphenated.get(term);
		const useWhole = whole !== undefined && written.has(whole) && (!only || only.has(whole)) && !reasons.some((r) => r.terms[0] === whole || termsOverlap(r.terms[0], whole));
		const label = written.get(useWhole ? whole : term);
		// a piece of a link only (`io` of github.io): not a word the reader would know the paper by
		if (label === undefined) continue;
		// one word in two forms (`clinical`, `clinically`; `deception`, `Deceptive`): its heavier one says it
		if (reasons.some((r) => formsOfOneWord(r.label, label))) continue;
		reasons.push({ label, terms: useWhole ? [whole, term] : [term] });
	}
	return reasons;
}

/**
 * What a paper has in common with a similar one, as the reader knows the words: the first `limit`
 * readable reasons of `shared` (the terms both vectors hold, what each adds to their cosine, most
 * first: recs/shard SimilarHit), read against `text` (the paper's, reasonText). A Chinese run stands
 * only for bigrams both papers have: 机器人 where the other paper has 机器 of 机器学习 is no reason.
 */
export function sharedReasons(shared: readonly { term: string }[], text: string, limit: number): Reason[] {
	return readableReasons(shared, text, limit, new Set(shared.map((p) => p.term)));
}

/** how many words a similar paper says it has in common with the paper, as For You's rows say three */
const SHARED_SHOWN = 3;

/** The words a similar paper has in common with the paper of `text` (reasonText), as the card and the CLI show them. */
export function wordsInCommon(shared: readonly { term: string }[], text: string): string[] {
	return sharedReasons(shared, text, SHARED_SHOWN).map((r) => r.label);
}

/**
 * The text readableReasons reads a paper's reasons against: the fields its vector is made of (tfidf
 * VECTOR_FIELDS: the title and the abstract; a paper without an abstract, its TL;DR and summaries).
 */
export function reasonText(p: Paper): string {
	const summaries = [p.motivation, p.method, p.result, p.conclusion, p.abstractTranslation, ...p.extra.map((e) => e.value)];
	const fields = p.abstract ? [p.title, p.translatedTitle, VECTOR_FIELDS.tldr ? p.tldr : '', ...(VECTOR_FIELDS.summaries ? summaries : []), p.abstract] : [p.title, p.translatedTitle, p.tldr, ...summaries];
	return fields.filter(Boolean).join('\n');
}

/**
 * Two forms of one word as written (`Model`, `model`; `clinical`, `clinically`; `generation`,
 * `generative`), which the index folds to different terms: the same letters up to their endings, the
 * part in common at least six letters long and each ending at most three.
 */
function formsOfOneWord(a: string, b: string): boolean {
	const [x, y] = [a.toLowerCase(), b.toLowerCase()];
	if (x === y) return true;
	if (!/^[a-z]+$/.test(x) || !/^[a-z]+$/.test(y)) return false;
	let common = 0;
	while (common < x.length && common < y.length && x[common] === y[common]) common++;
	return common >= 6 && x.length - common <= 3 && y.length - common <= 3;
}

/** a link in an abstract ("Project page: https://….github.io/…"), whose pieces are index terms too */
const URL = /\bhttps?:\/\/\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:io|com|org|net)\b\S*/g;

function bigramsOf(run: string): string[] {
	const out: string[] = [];
	for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
	return out;
}

/**
 * The run of `seed` in the paper, or undefined when it is a piece of something longer than a term.
 * Where the text has the run at least twice, it tells: the run grows while every place of it goes on
 * with the same content character (not 的, 了, 在, …): 界模 → 世界模型, 作条 → 动作条件, and 机器人
 * stays (机器人控制, 机器人操作). Where the text has it once, a heavy bigram overlapping it there joins
 * it (机器 + 器人 → 机器人). A run the text continues in two ways (世界模型, 世界模拟) stays where they
 * part (世界模), where wholeRun takes it on to a word.
 */
function cjkRun(seed: string, pool: readonly string[], text: string): string | undefined {
	let run = seed;
	for (;;) {
		const at = placesOf(text, run);
		let grown: string | undefined;
		if (at.length >= 2) {
			const next = sameCharacter(at.map((i) => text[i + run.length]));
			const previous = next === undefined ? sameCharacter(at.map((i) => text[i - 1])) : undefined;
			grown = next !== undefined ? run + next : previous !== undefined ? previous + run : undefined;
		} else {
			for (const b of pool) {
				if (run.includes(b)) continue;
				const joined = b[0] === run[run.length - 1] ? run + b[1] : b[1] === run[0] ? b[0] + run : undefined;
				if (joined !== undefined && text.includes(joined)) {
					grown = joined;
					break;
				}
			}
		}
		if (grown === undefined) return run;
		if (run.length === MAX_RUN) return undefined;
		run = grown;
	}
}

/** characters either side of a run's place that the words around it are read in: more than any word of MAX_RUN characters needs */
const WORD_CONTEXT = 2 * MAX_RUN;

let segmenter: Intl.Segmenter | null | undefined;

/** Chinese words by the runtime's dictionary (ICU's), or undefined where it has none */
function wordSegmenter(): Intl.Segmenter | undefined {
	segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
	return segmenter ?? undefined;
}

/**
 * The run as the paper has it in whole words (Intl.Segmenter's: 机器|人, 世界|模型): `run` itself where
 * a place of it begins and ends between words, else the longest run of the whole words one of its
 * places lies in (世界模 → 世界模型 and 世界模拟: the one more places have), at most MAX_RUN
 * characters; undefined when there is none. As grown where the runtime has no segmenter.
 */
function wholeRun(run: string, text: string): string | undefined {
	const words = wordSegmenter();
	if (!words) return run;
	const found = new Map<string, number>();
	for (const at of placesOf(text, run)) {
		const base = Math.max(0, at - WORD_CONTEXT);
		let [start, end] = [at, at + run.length];
		for (const { index, segment } of words.segment(text.slice(base, end + WORD_CONTEXT))) {
			const [from, to] = [base + index, base + index + segment.length];
			if (from < at && to > at) start = from;
			if (from < at + run.length && to > at + run.length) end = to;
		}
		if (start === at && end === at + run.length) return run;
		const whole = text.slice(start, end);
		if (whole.length <= MAX_RUN && [...whole].every(isCjkTerm)) found.set(whole, (found.get(whole) ?? 0) + 1);
	}
	let best: [string, number] | undefined;
	for (const entry of found) if (!best || entry[0].length > best[0].length || (entry[0].length === best[0].length && entry[1] > best[1])) best = entry;
	return best?.[0];
}

function placesOf(text: string, run: string): number[] {
	const at: number[] = [];
	for (let i = text.indexOf(run); i >= 0; i = text.indexOf(run, i + 1)) at.push(i);
	return at;
}

/**
 * Particles a run never grows through: fewer than CJK_FUNCTION_CHARS, whose 一, 中, 提, 出 … begin
 * words (一致性, 中文) as often as they join them.
 */
const PARTICLES: ReadonlySet<string> = new Set([...'的了在和是与及对并将从于被把让之得地着也等']);

/** the one CJK character, not a particle, that all of `chars` are, else undefined */
function sameCharacter(chars: readonly (string | undefined)[]): string | undefined {
	const c = chars[0];
	return c !== undefined && isCjkTerm(c) && !PARTICLES.has(c) && chars.every((d) => d === c) ? c : undefined;
}

/** the key with the highest count (the first of equals) */
function mostFrequent(counts: Iterable<[string, number]>): string {
	return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/**
 * The text's words, in one pass of the tokenizer (its spans: a hyphenated word whole, then its parts):
 * - `written`: each word's spelling, in lower case where the paper writes it so anywhere (`action`,
 *   though its title writes `Action-Conditioned`), else its most frequent spelling (`VLA`, `nuScenes`);
 * - `hyphenated`: for each term the text has only as a part of hyphenated words (`box` of `black-box`
 *   and `white-box`, never alone), the term of the most frequent of those words, as the tokenizer reads
 *   them (`Qwen2.5-VL` one word, `Vision-Language-Action模型` the English word alone).
 */
function wordsOf(text: string): { written: Map<string, string>; hyphenated: Map<string, string> } {
	const spellings = new Map<string, Map<string, number>>();
	const alone = new Set<string>();
	const wholes = new Map<string, Map<string, number>>();
	const count = (counts: Map<string, Map<string, number>>, key: string, value: string) => {
		const forms = counts.get(key) ?? new Map<string, number>();
		counts.set(key, forms);
		forms.set(value, (forms.get(value) ?? 0) + 1);
	};
	let whole: { term: string; end: number } | undefined;
	const ignore = () => undefined;
	scanTerms(text, ignore, ignore, false, false, (source, start, end, joined) => {
		const raw = source.slice(start, end);
		const term = foldTerm(raw);
		if (joined) whole = term === undefined ? undefined : { term, end };
		if (term === undefined) return;
		count(spellings, term, raw);
		if (joined) return;
		if (!whole || start >= whole.end) {
			whole = undefined;
			alone.add(term);
		} else count(wholes, term, whole.term);
	});
	const written = new Map<string, string>();
	for (const [term, forms] of spellings) {
		const lower = [...forms].filter(([form]) => form === form.toLowerCase());
		written.set(term, mostFrequent(lower.length ? lower : forms));
	}
	const hyphenated = new Map<string, string>();
	for (const [term, forms] of wholes) if (!alone.has(term)) hyphenated.set(term, mostFrequent(forms));
	return { written, hyphenated };
}
