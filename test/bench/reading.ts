/**
 * `npm run bench:reading [DIR]`: what interests and read state cost over a real corpus (default
 * ../shared/corpus-large/data). Prints JSON:
 * - shard: per shard (two, as in the editor, here one after the other), the first `interests`
 *   request after opening (every paper matched) and a second one (kept results), in ms;
 * - view: what the Papers view adds on the extension host: the first-listed days over every
 *   summary, counts for every day (the root's descriptions), the marks of one day's papers
 *   (expanding it), the days that list one paper and one day's papers (what a read mark redraws),
 *   the view modes' ordering of every category; best of 5 runs, wall and CPU ms.
 * - keywordsAtScale: a reader who follows many keywords. For 50 to 600 keywords (title words of the
 *   corpus, the most frequent left out), the ms to match one paper of the largest day (best of RUNS
 *   over the day) and to mark one card's text, warm. Past 20 KB of pattern V8 stops optimising a regex;
 *   the keywords are split into patterns of MAX_ALTERNATION_SOURCE so the cost grows with their number.
 * The index caches go to a temp folder, so a second run measures a warm start.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodeCorpusIO } from '../../src/core/corpus/nodeIO';
import { CorpusShard } from '../../src/core/corpus/shard';
import { shardOf } from '../../src/core/search/client';
import { compileInterests, highlightFor, interestHighlightPattern, isMatch, matchInterests, normalizeInterests, type InterestMatch, type InterestText } from '../../src/core/interests';
import { parseDigest } from '../../src/core/parser';
import { unionMatches } from '../../src/core/unionMatches';
import { addCounts, emptyCounts, orderForMode, paperMark, type ReadingLookup } from '../../src/core/readingMarks';
import { listingDays, ReadState } from '../../src/core/readState';
import { DigestTreeModel } from '../../src/core/tree';
import type { DigestSummary } from '../../src/core/summary';

const SHARDS = 2;
const RUNS = 5;

/** A reader's interests as the issue describes them: words, a phrase, a regex, Chinese, authors, a category, exclusions. */
const SPEC = normalizeInterests({
	keywords: ['diffusion', 'world model', 'agent*', '/vision[- ]language[- ]action/', '扩散模型', '强化学习', 'LLM'],
	authors: ['Kaiming He', 'Yann LeCun'],
	categories: ['cs.RO'],
	exclude: ['survey', '综述'],
});

/** Best of RUNS: wall time and the thread's CPU time (on a loaded machine the wall time includes waiting for a core), in ms. */
function best(run: () => void): { wall: number; cpu: number } {
	let wall = Infinity;
	let cpu = Infinity;
	for (let i = 0; i < RUNS; i++) {
		const t = performance.now();
		const c = process.cpuUsage();
		run();
		const used = process.cpuUsage(c);
		wall = Math.min(wall, performance.now() - t);
		cpu = Math.min(cpu, (used.user + used.system) / 1000);
	}
	return { wall: Math.round(wall * 100) / 100, cpu: Math.round(cpu * 100) / 100 };
}

async function main(): Promise<void> {
	const dir = resolve(process.argv[2] ?? join(__dirname, '../../../shared/corpus-large/data'));
	const files = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => join(dir, f));
	const cacheDir = join(tmpdir(), 'arxiv-digest-bench-reading');
	mkdirSync(cacheDir, { recursive: true });
	const summaries: DigestSummary[] = [];
	const matches = new Map<string, InterestMatch>();
	const shard: Record<string, number>[] = [];
	for (let s = 0; s < SHARDS; s++) {
		const own = files.filter((f) => shardOf(f, SHARDS) === s).map((path) => ({ path, always: true }));
		const corpus = new CorpusShard(nodeCorpusIO(cacheDir, s, SHARDS), s, SHARDS);
		let t = performance.now();
		await corpus.open(own);
		const openMs = performance.now() - t;
		await corpus.save();
		t = performance.now();
		const first = corpus.interests(SPEC);
		const firstMs = performance.now() - t;
		t = performance.now();
		const again = corpus.interests(SPEC);
		const againMs = performance.now() - t;
		for (const [id, match] of first.matches) matches.set(id, match);
		summaries.push(...(await corpus.summaries()));
		shard.push({ files: own.length, papers: corpus.search.index.size, openMs: Math.round(openMs), firstInterestsMs: Math.round(firstMs), computed: first.computed, againMs: Math.round(againMs * 100) / 100, againComputed: again.computed });
	}

	// the host: a read state with a fifth of the papers read and the view over every summary
	const state = new ReadState();
	const ids = summaries.flatMap((d) => d.papers.map((p) => p.id));
	state.markRead(ids.filter((_, i) => i % 5 === 0));
	let first: ReadonlyMap<string, string> | undefined;
	const lookup: ReadingLookup = {
		statusOn: (id, day) => state.statusOn(id, day),
		match: (id) => matches.get(id),
		firstListed: (id) => (first ??= listingDays(summaries).first).get(id),
	};
	const model = new DigestTreeModel(summaries.map((digest) => ({ key: digest.path, digest })));
	const days = model.roots();
	// the largest day: expanding it renders the most papers
	const newest = days.reduce((a, b) => (b.count > a.count ? b : a));
	const view = {
		days: days.length,
		papers: ids.length,
		matches: [...matches.values()].filter(isMatch).length,
		excluded: [...matches.values()].filter((m) => m.excluded).length,
		firstListedMs: best(() => {
			first = listingDays(summaries).first;
		}),
		rootCountsMs: best(() => {
			for (const day of days) {
				const counts = emptyCounts();
				for (const c of day.categories) addCounts(counts, c.papers.map((p) => p.paper.id), day.day, lookup);
			}
		}),
		largestDayPapers: newest.count,
		expandLargestDayMs: best(() => {
			for (const c of newest.categories) {
				addCounts(emptyCounts(), c.papers.map((p) => p.paper.id), newest.day, lookup);
				for (const p of c.papers) paperMark(p.paper.id, newest.day, lookup);
			}
		}),
		// a card opened (one paper read) and the largest day expanded (its papers seen): the days the
		// view then redraws (the root and every day again, before the twenty-first stop)
		daysListingOnePaperMs: best(() => {
			model.daysListing(new Set([newest.categories[0].paperIds()[0]]));
		}),
		daysListingLargestDayMs: best(() => {
			model.daysListing(new Set(newest.categories.flatMap((c) => c.paperIds())));
		}),
		// a day expanded marks its papers seen on it: the other days listing them are redrawn, not the day
		// itself (since the twenty-second stop); over every day, how many others that is
		daysRedrawnOnExpand: (() => {
			const others = days.map((day) => model.daysListing(new Set(day.categories.flatMap((c) => c.paperIds())), undefined, (_, d) => d === day).length);
			return { largestDay: others[days.indexOf(newest)], median: others.slice().sort((a, b) => a - b)[others.length >> 1], max: Math.max(...others), none: others.filter((n) => n === 0).length };
		})(),
		matchesFirstEveryCategoryMs: best(() => {
			for (const day of days) for (const c of day.categories) orderForMode(c.papers, 'matchesFirst', (p) => p.paper.id, lookup);
		}),
		storedStateBytes: JSON.stringify(state.serialize()).length,
		readIds: state.readIds().length,
	};
	console.log(JSON.stringify({ dir, spec: SPEC, shard, view, keywordsAtScale: keywordsAtScale(files) }, null, 2));
}

/** Matching and marking with many keywords, on the largest file's papers. */
function keywordsAtScale(files: readonly string[]): Record<string, unknown>[] {
	const largest = files.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
	const papers = parseDigest(readFileSync(largest, 'utf8'), largest).papers;
	const texts: InterestText[] = papers.map((p) => ({ title: p.title, translatedTitle: p.translatedTitle, tldr: p.tldr, body: [p.motivation, p.method, p.result, p.conclusion, p.abstract].join('\n'), authors: p.authors, category: p.category ?? '' }));
	// title words of a tenth of the corpus by frequency, the 200 most frequent ("learning", "model") left out
	const counts = new Map<string, number>();
	for (const file of files.filter((_, i) => i % 10 === 0)) {
		for (const p of parseDigest(readFileSync(file, 'utf8'), file).papers) {
			for (const word of p.title.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
		}
	}
	const vocabulary = [...counts].sort((a, b) => b[1] - a[1]).slice(200).map(([word]) => word);
	return [50, 100, 300, 600].map((n) => {
		const spec = normalizeInterests({ keywords: vocabulary.slice(0, n) });
		const compiled = compileInterests(spec);
		let matched = 0;
		const match = best(() => {
			matched = 0;
			for (const text of texts) if (isMatch(matchInterests(compiled, text))) matched++;
		});
		const highlight = interestHighlightPattern(spec);
		const card = `${texts[0].title}\n${texts[0].tldr}\n${texts[0].body}`;
		const mark = best(() => {
			if (highlight) unionMatches(card, highlightFor(highlight, card));
		});
		return { keywords: n, patterns: compiled.literals.length, papers: texts.length, matched, msPerPaper: Math.round((match.wall / texts.length) * 1000) / 1000, cardMarkMs: mark.wall };
	});
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
