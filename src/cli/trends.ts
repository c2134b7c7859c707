/**
 * `arxiv-digest trends DIR [--term X] [--from D] [--to D]`: papers per listing day, a term's (or
 * query's) papers per day, and the top terms and authors of a day range (src/core/trends), from the
 * same shards the extension runs.
 */
import { paperCountOf, type DigestSummary } from '../core/summary';
import { papersPerDay, parseRange, risingPeriods } from '../core/trends/days';
import type { RisingReply } from '../core/trends/rising';
import { inRange, type TopReply } from '../core/trends/shard';
import { intOption, parseArgs, UsageError } from './args';
import { CliIO, EXIT_IO_ERROR, EXIT_OK } from './io';
import { openCorpus, unsearchableQuery } from './search';

export const TRENDS_HELP = `Usage: arxiv-digest trends DIR [--term QUERY] [--from DAY] [--to DAY] [--json]

Index every digest under DIR and print, per listing day, how many papers were listed.
A paper listed on two days counts on each.

  --term QUERY   also count, per day, the papers matching QUERY (a word, a phrase,
                 or any search query: "world model", cat:cs.RO, 扩散模型)
  without --term the top terms (English words of titles and abstracts, each paper
  counted once, less the words few of their papers have in the title) and the top
  authors of the range are printed after the table, then the
  rising terms: such words whose share of the papers rose
  beyond chance against as many listing days just before the range (a range
  that starts at the first day: its later half against its earlier half)

Options:
  --from DAY         first day of the range (YYYY-MM-DD; default: the first day)
  --to DAY           last day of the range (default: the last day)
  --limit N          top terms, top authors and rising terms to print (default 20)
  --json             print the figures as JSON
  --cache-dir CACHE  keep the index in CACHE (see arxiv-digest search --help)
  --shards N         index in N worker threads (default 1)
  -h, --help         show this help
`;

export interface TrendsOutput {
	from?: string;
	to?: string;
	term?: string;
	/** per day of the range: papers listed, and those matching the term when one was given */
	days: { day: string; papers: number; matching?: number }[];
	/** without a term: top terms and authors of the range */
	top?: TopReply;
	/**
	 * without a term: the terms that rose against the period before; `within`: the range starts at the
	 * first day, so `from`–`to` is its later half and `previous` its earlier one (absent: the range has
	 * one listing day, or none)
	 */
	rising?: RisingReply & { from?: string; to?: string; previous: { from: string; to: string }; within?: boolean };
	/** digests without a day (no date in the name or a heading), which no day counts: how many and their papers */
	undated?: { files: number; papers: number };
}

export function formatTrends(out: TrendsOutput): string {
	const lines: string[] = [];
	const head = `${'day'.padEnd(12)}${'papers'.padStart(8)}${out.term !== undefined ? 'matching'.padStart(10) : ''}`;
	lines.push(out.term !== undefined ? `papers matching ${out.term} per day` : 'papers per day', head);
	for (const d of out.days) lines.push(`${d.day.padEnd(12)}${String(d.papers).padStart(8)}${d.matching !== undefined ? String(d.matching).padStart(10) : ''}`);
	if (out.term !== undefined) {
		const matching = out.days.reduce((s, d) => s + (d.matching ?? 0), 0);
		lines.push(`${'total'.padEnd(12)}${String(out.days.reduce((s, d) => s + d.papers, 0)).padStart(8)}${String(matching).padStart(10)}`);
	}
	if (out.undated) lines.push(`left out: ${out.undated.papers} ${out.undated.papers === 1 ? 'paper' : 'papers'} of ${out.undated.files} ${out.undated.files === 1 ? 'file' : 'files'} without a date`);
	if (out.top) {
		const block = (title: string, rows: [string, number][]) => {
			lines.push('', title);
			const width = Math.max(0, ...rows.map(([name]) => name.length));
			for (const [name, n] of rows) lines.push(`  ${name.padEnd(width)}  ${n}`);
		};
		block(`top terms (papers, of ${out.top.papers})`, out.top.terms);
		block('top authors (papers)', out.top.authors);
	}
	if (out.top && !out.rising) lines.push('', 'rising terms: none (no earlier days to compare the range with)');
	if (out.rising) {
		const { previous, terms } = out.rising;
		const within = out.rising.within ? `, the range starts at the first day: its days ${out.rising.from} to ${out.rising.to} against the days before them` : '';
		lines.push('', `rising terms (papers of ${out.rising.papers}, before: of ${out.rising.previousPapers} on ${previous.from} to ${previous.to}${within})`);
		const width = Math.max(0, ...terms.map(([term]) => term.length));
		for (const [term, n, before] of terms) lines.push(`  ${term.padEnd(width)}  ${String(n).padStart(5)}  ${String(before).padStart(5)}`);
		if (terms.length === 0) lines.push('  none');
	}
	return lines.join('\n') + '\n';
}

export async function runTrends(argv: readonly string[], io: CliIO): Promise<number> {
	const args = parseArgs(argv, { flags: ['json', 'help'], options: ['term', 'from', 'to', 'limit', 'cache-dir', 'shards'], aliases: { h: 'help' }, queryOptions: ['term'] });
	if (args.flags.has('help')) {
		io.stdout(TRENDS_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 1) throw new UsageError('trends needs exactly one DIR');
	const dir = args.positionals[0];
	const parsedRange = parseRange(args.options.get('from') ?? '', args.options.get('to') ?? '');
	if (!parsedRange.ok) throw new UsageError(parsedRange.error);
	const range = parsedRange.range;
	const term = args.options.get('term');
	if (term !== undefined && term.trim() === '') throw new UsageError("option '--term' needs a word or a query");
	// `--term C++` counted every paper as matching
	const unsearchable = term === undefined ? undefined : unsearchableQuery(term);
	if (unsearchable) throw new UsageError(`option '--term': ${unsearchable}`);
	const limit = intOption(args, 'limit', 20, 1, 1000);
	const corpus = openCorpus(args, dir, io);
	if (!corpus) return EXIT_IO_ERROR;
	const { files, service } = corpus;
	const summaries = new Map<string, DigestSummary>();
	service.onFiles((updates) => {
		for (const u of updates) {
			if (u.summary) summaries.set(u.path, u.summary);
			else summaries.delete(u.path);
		}
	});
	try {
		await service.open(files);
		const perDay = papersPerDay([...summaries.values()]);
		const undated = [...summaries.values()].filter((summary) => !summary.day);
		const out: TrendsOutput = { ...range, days: [], ...(undated.length > 0 ? { undated: { files: undated.length, papers: undated.reduce((n, summary) => n + paperCountOf(summary), 0) } } : {}) };
		let matching: Map<string, number> | undefined;
		if (term !== undefined) {
			const reply = await service.trendDays(term);
			if (!reply.ok) {
				io.stderr(`arxiv-digest: ${reply.error}\n`);
				return 2;
			}
			out.term = term;
			matching = new Map(reply.days);
		} else {
			out.top = await service.rangeTop(range, limit);
			const periods = risingPeriods(range, perDay.days);
			if (periods.ok) {
				const { previous, within } = periods;
				const compared = periods.range;
				out.rising = { ...(await service.rangeRising(compared, previous, limit)), ...(within ? { ...compared, within } : {}), previous };
			}
		}
		perDay.days.forEach((day, i) => {
			if (!inRange(day, range)) return;
			out.days.push(matching ? { day, papers: perDay.totals[i], matching: matching.get(day) ?? 0 } : { day, papers: perDay.totals[i] });
		});
		io.stdout(args.flags.has('json') ? JSON.stringify(out, null, '\t') + '\n' : formatTrends(out));
		return EXIT_OK;
	} finally {
		service.dispose();
	}
}
