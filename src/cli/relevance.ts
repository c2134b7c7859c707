/**
 * `arxiv-digest relevance DIR`: ranking quality of our search index against minisearch's
 * BM25 (title boost ×3, AND) on a fixed set of judged queries (bench/relevance), with
 * P@10, nDCG@10 and MRR per query kind, and query latency.
 *
 * `--judge` writes the judgements instead: each query's relevant papers by a
 * transparent rule over the parsed titles, TL;DRs and authors (see judge below and
 * bench/relevance/README.md), never by either ranker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { Paper } from '../core/model';
import { parseDigest } from '../core/parser';
import { hasCjk } from '../core/search/tokenizer';
import { intOption, parseArgs, UsageError } from './args';
import { listDigestFiles, projectPath } from './files';
import { CliIO, errorMessage, EXIT_IO_ERROR, EXIT_OK } from './io';
import { BENCH_FUZZY_QUERIES, percentile, settle, timeQueries, type Timed } from './benchSearch';
import { createSearchService, fileSpecs } from './search';
import { escapeRegExp } from '../core/parse/text';
import { round1 } from './bench';

export const RELEVANCE_HELP = `Usage: arxiv-digest relevance DIR [--queries FILE] [--judgements FILE] [--json]
       arxiv-digest relevance DIR --judge [--queries FILE] [--judgements FILE]

Run the judged queries over the digests under DIR with our index (worker shards,
as in the editor) and with minisearch (BM25, title boost 3, AND; same papers,
same top 10, after a warm-up) and print P@10, nDCG@10 and MRR per query kind,
side by side, plus query p50/p95 and fuzzy p95 of our index.

  --judge            write the judgements file from DIR by the rules of
                     bench/relevance/README.md instead of measuring
  --queries FILE     default bench/relevance/queries.json
  --judgements FILE  default bench/relevance/judgements.json
  --rounds N         timed passes over the queries (default 5)
  --json             print the report as JSON
`;

export type QueryKind = 'topic' | 'author' | 'cjk' | 'mixed' | 'id';

export interface QuerySpec {
	kind: QueryKind;
	q: string;
	/** what a relevant paper must hold, when it differs from `q` */
	match?: string[];
}

/** relevant paper ids of one query: grade 2 (strongest evidence, e.g. in the title) or 1 */
export type Judgement = Record<string, 1 | 2>;

export interface Metrics {
	p10: number;
	ndcg10: number;
	mrr: number;
}

const TOP_K = 10;

/** Lower case, diacritics folded, every run of non-letters/digits one space (CJK kept). */
function normalise(text: string): string {
	return ` ${text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * Does `text` hold `phrase`, word for word, case-insensitively, hyphens and spaces alike,
 * each word also with a plural `-s`/`-es` (`world models` holds `world model`)? CJK
 * phrases are plain substrings.
 */
export function holdsPhrase(text: string, phrase: string): boolean {
	if (hasCjk(phrase)) return text.includes(phrase);
	const words = normalise(phrase).trim().split(' ');
	const pattern = words.map((w) => escapeRegExp(w) + '(?:s|es)?').join(' ');
	return new RegExp(` ${pattern} `).test(normalise(text));
}

/** The judging rule of one query kind (see bench/relevance/README.md); 0 = not relevant. */
export function judgePaper(spec: QuerySpec, paper: Paper): 0 | 1 | 2 {
	const parts = spec.match ?? (spec.kind === 'mixed' ? spec.q.split(/\s+/) : [spec.q]);
	switch (spec.kind) {
		case 'id':
			return parts.includes(paper.id) ? 2 : 0;
		case 'author': {
			const wanted = normalise(parts[0]);
			return paper.authors.some((a) => normalise(a) === wanted) ? 2 : 0;
		}
		default: {
			const title = paper.title + '\n' + (paper.translatedTitle ?? '');
			const inTitle = parts.every((p) => holdsPhrase(title, p));
			const inTitleOrTldr = parts.every((p) => holdsPhrase(title, p) || holdsPhrase(paper.tldr, p));
			return inTitle ? 2 : inTitleOrTldr ? 1 : 0;
		}
	}
}

/** One record per unique paper (the newest listing), as both indexes see them. */
export function loadPapers(dir: string): Map<string, Paper> {
	const papers = new Map<string, Paper>();
	// newest file last, so a paper listed on several days keeps its newest text
	for (const path of listDigestFiles(dir).files) {
		for (const p of parseDigest(readFileSync(path, 'utf8'), path).papers) papers.set(p.id, p);
	}
	return papers;
}

export function judge(specs: readonly QuerySpec[], papers: Map<string, Paper>): Record<string, Judgement> {
	const out: Record<string, Judgement> = {};
	for (const spec of specs) {
		const relevant: Judgement = {};
		for (const paper of papers.values()) {
			const grade = judgePaper(spec, paper);
			if (grade !== 0) relevant[paper.id] = grade;
		}
		out[spec.q] = relevant;
	}
	return out;
}

/** P@10 (over min(10, |relevant|), so a query with 3 relevant papers can score 1), nDCG@10 (gain 2^grade − 1), MRR. */
export function metrics(ranked: readonly string[], relevant: Judgement): Metrics {
	const top = ranked.slice(0, TOP_K);
	const grades = Object.values(relevant).sort((a, b) => b - a);
	if (grades.length === 0) return { p10: 0, ndcg10: 0, mrr: 0 };
	const hits = top.filter((id) => relevant[id] !== undefined).length;
	const dcg = (gs: readonly number[]) => gs.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
	const ideal = dcg(grades.slice(0, TOP_K));
	const first = top.findIndex((id) => relevant[id] !== undefined);
	return {
		p10: hits / Math.min(TOP_K, grades.length),
		ndcg10: dcg(top.map((id) => relevant[id] ?? 0)) / ideal,
		mrr: first < 0 ? 0 : 1 / (first + 1),
	};
}

function mean(values: readonly Metrics[]): Metrics {
	const n = Math.max(1, values.length);
	const sum = (k: keyof Metrics) => Math.round((values.reduce((s, m) => s + m[k], 0) / n) * 1000) / 1000;
	return { p10: sum('p10'), ndcg10: sum('ndcg10'), mrr: sum('mrr') };
}

export interface RelevanceReport {
	dir: string;
	queries: number;
	/** by kind, then 'all': mean metrics of ours and minisearch */
	table: { kind: string; queries: number; ours: Metrics; minisearch: Metrics }[];
	perQuery: { q: string; kind: QueryKind; relevant: number; ours: Metrics; minisearch: Metrics }[];
	ours: { queryP50Ms: number; queryP95Ms: number; fuzzyP95Ms: number };
	minisearchQueryP95Ms: number;
}

/** minisearch as the issue describes it: BM25, every field, title boost 3, AND, no prefix or typo matching. */
function buildMinisearch(papers: Map<string, Paper>): MiniSearch {
	const index = new MiniSearch({
		fields: ['id', 'title', 'authors', 'tldr', 'motivation', 'method', 'result', 'conclusion', 'abstract'],
		storeFields: [],
		searchOptions: { boost: { title: 3 }, combineWith: 'AND' },
	});
	index.addAll(
		[...papers.values()].map((p) => ({
			id: p.id,
			title: p.title,
			authors: p.authors.join(', '),
			tldr: p.tldr,
			motivation: p.motivation,
			method: p.method,
			result: p.result,
			conclusion: p.conclusion,
			abstract: p.abstract,
		})),
	);
	return index;
}


export async function measureRelevance(dir: string, specs: readonly QuerySpec[], judgements: Record<string, Judgement>, rounds: number): Promise<RelevanceReport> {
	const queries = specs.map((s) => s.q);
	const service = createSearchService(undefined);
	let ours: Timed<string[]>;
	let fuzzy: Timed<string[]>;
	try {
		await service.open(fileSpecs(dir));
		await settle(service);
		const search = async (q: string, allowFuzzy = true) => {
			const reply = await service.search(q, TOP_K, allowFuzzy);
			return reply.ok ? reply.result.hits.map((h) => h.id) : [];
		};
		ours = await timeQueries(queries, rounds, (q) => search(q));
		fuzzy = await timeQueries(BENCH_FUZZY_QUERIES, rounds, (q) => search(q));
	} finally {
		service.dispose();
	}
	const mini = buildMinisearch(loadPapers(dir));
	const theirs = await timeQueries(queries, rounds, (q) => mini.search(q).slice(0, TOP_K).map((r) => String(r.id)));

	const perQuery = specs.map((spec) => {
		const relevant = judgements[spec.q] ?? {};
		return {
			q: spec.q,
			kind: spec.kind,
			relevant: Object.keys(relevant).length,
			ours: metrics(ours.first.get(spec.q) ?? [], relevant),
			minisearch: metrics(theirs.first.get(spec.q) ?? [], relevant),
		};
	});
	const kinds = [...new Set(specs.map((s) => s.kind))];
	const row = (kind: string, rows: typeof perQuery) => ({ kind, queries: rows.length, ours: mean(rows.map((r) => r.ours)), minisearch: mean(rows.map((r) => r.minisearch)) });
	return {
		dir,
		queries: specs.length,
		table: [...kinds.map((k) => row(k, perQuery.filter((r) => r.kind === k))), row('all', perQuery)],
		perQuery,
		ours: { queryP50Ms: round1(percentile(ours.times, 50)), queryP95Ms: round1(percentile(ours.times, 95)), fuzzyP95Ms: round1(percentile(fuzzy.times, 95)) },
		minisearchQueryP95Ms: round1(percentile(theirs.times, 95)),
	};
}

export function formatReport(report: RelevanceReport): string {
	const f = (v: number) => v.toFixed(3);
	const lines = [
		`relevance over ${report.dir}: ${report.queries} judged queries, top ${TOP_K}`,
		'',
		'| kind | queries | P@10 ours | P@10 minisearch | nDCG@10 ours | nDCG@10 minisearch | MRR ours | MRR minisearch |',
		'|---|---|---|---|---|---|---|---|',
		...report.table.map((r) => `| ${r.kind} | ${r.queries} | ${f(r.ours.p10)} | ${f(r.minisearch.p10)} | ${f(r.ours.ndcg10)} | ${f(r.minisearch.ndcg10)} | ${f(r.ours.mrr)} | ${f(r.minisearch.mrr)} |`),
		'',
		`ours: query p50 ${report.ours.queryP50Ms} ms, p95 ${report.ours.queryP95Ms} ms, fuzzy p95 ${report.ours.fuzzyP95Ms} ms; minisearch query p95 ${report.minisearchQueryP95Ms} ms`,
		'',
		'per query (P@10 / nDCG@10, ours vs minisearch):',
		...report.perQuery.map((r) => `  ${r.kind.padEnd(6)} ${r.q.padEnd(32)} ${String(r.relevant).padStart(5)} relevant   ${f(r.ours.p10)}/${f(r.ours.ndcg10)}  vs  ${f(r.minisearch.p10)}/${f(r.minisearch.ndcg10)}`),
	];
	return lines.join('\n') + '\n';
}

export async function runRelevance(argv: readonly string[], io: CliIO): Promise<number> {
	const args = parseArgs(argv, { flags: ['json', 'help', 'judge'], options: ['queries', 'judgements', 'rounds'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(RELEVANCE_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 1) throw new UsageError('relevance needs exactly one DIR');
	const dir = args.positionals[0];
	const queriesPath = args.options.get('queries') ?? projectPath(join('bench', 'relevance', 'queries.json'));
	const judgementsPath = args.options.get('judgements') ?? projectPath(join('bench', 'relevance', 'judgements.json'));
	const rounds = intOption(args, 'rounds', 5, 1, 100);
	try {
		const specs = (JSON.parse(readFileSync(queriesPath, 'utf8')) as { queries: QuerySpec[] }).queries;
		if (args.flags.has('judge')) {
			const judgements = judge(specs, loadPapers(dir));
			writeFileSync(judgementsPath, JSON.stringify({ about: 'Relevant papers per query, written by `arxiv-digest relevance DIR --judge` (rules: README.md). 2 = strongest evidence (title, author, id), 1 = TL;DR only.', corpus: dir, judgements }, null, '\t') + '\n');
			io.stdout(specs.map((s) => `${s.q}: ${Object.keys(judgements[s.q]).length} relevant\n`).join(''));
			return EXIT_OK;
		}
		const judgements = (JSON.parse(readFileSync(judgementsPath, 'utf8')) as { judgements: Record<string, Judgement> }).judgements;
		const report = await measureRelevance(dir, specs, judgements, rounds);
		io.stdout(args.flags.has('json') ? JSON.stringify(report, null, '\t') + '\n' : formatReport(report));
		return EXIT_OK;
	} catch (error) {
		if (error instanceof UsageError) throw error;
		const path = error instanceof Error && 'path' in error && typeof error.path === 'string' ? `${error.path}: ` : '';
		io.stderr(`arxiv-digest: relevance: ${path}${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
}
