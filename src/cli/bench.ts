/**
 * `arxiv-digest bench`: throughput figures over a directory of digests.
 * Files are read up front so only parsing is timed. Each figure group is its
 * own section of the report, so other measurements (search index, ...) can be
 * added next to `parse` without changing its shape.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseDigest } from '../core/parser';
import { intOption, parseArgs, UsageError, type ParsedArgs } from './args';
import { CorpusFile, LoadedCorpus, loadDigestFiles } from './files';
import { CliIO, errorMessage, EXIT_OK, EXIT_IO_ERROR } from './io';
import { writeScaledCorpus } from './scale';

export const BENCH_HELP = `Usage: arxiv-digest bench DIR [--runs N] [--scale N] [--search] [--json]

Read every digest under DIR, then parse them all several times and print the
parse throughput as JSON: files, bytes, mb (10^6 bytes), entries, and for
parsing the best and median time and MB/s over the runs.

Options:
  --runs N    how many timed passes over all files (default 5)
  --scale N   measure N copies of DIR instead (days and arXiv ids shifted per
              copy, written to a temporary folder): figures at 1, 2, 4 copies
              show how time and memory grow with the corpus
  --search    also the search index figures (arxiv-digest bench --search --help)
  --recs      similar papers and "For you" figures instead, on a real folder:
              [--vectors title,tldr,summaries,abstract] the fields of a
              paper's vector (title and abstract always; default title,abstract),
              [--truth title] a topic's papers by their titles alone,
              [--days N] [--samples N] [--shards N]
  --json      print JSON (the default; accepted for symmetry with other commands)
  -h, --help  show this help
`;

export interface Timing {
	best: number;
	median: number;
}

export interface ParseBench {
	runs: number;
	parseMs: Timing;
	mbPerSec: Timing;
}

export interface BenchReport {
	dir: string;
	/** copies of the folder measured (see scale.ts) */
	scale: number;
	files: number;
	bytes: number;
	mb: number;
	entries: number;
	parse: ParseBench;
}

const BYTES_PER_MB = 1_000_000;

export function round(value: number, digits = 2): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

/** to a tenth: the precision every bench prints times in */
export function round1(value: number): number {
	return round(value, 1);
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Times `runs` passes of parseDigest over every file; returns the entries seen in one pass too. */
export function benchParse(files: readonly CorpusFile[], runs: number): { entries: number; parse: ParseBench } {
	const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
	const times: number[] = [];
	let entries = 0;
	for (let run = 0; run < runs; run++) {
		let papers = 0;
		const start = performance.now();
		for (const file of files) papers += parseDigest(file.text, file.path).papers.length;
		times.push(performance.now() - start);
		entries = papers;
	}
	const best = Math.min(...times);
	const mid = median(times);
	const mbPerSec = (ms: number) => (ms > 0 ? round(bytes / BYTES_PER_MB / (ms / 1000), 1) : 0);
	return {
		entries,
		parse: {
			runs,
			parseMs: { best: round(best, 1), median: round(mid, 1) },
			mbPerSec: { best: mbPerSec(best), median: mbPerSec(mid) },
		},
	};
}

export function runBenchOnFiles(dir: string, files: readonly CorpusFile[], runs: number, scale = 1): BenchReport {
	const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
	const { entries, parse } = benchParse(files, runs);
	return { dir, scale, files: files.length, bytes, mb: round(bytes / BYTES_PER_MB), entries, parse };
}

export const MAX_SCALE = 16;

/** The folder a bench measures: DIR, or `--scale N` copies of it in a temporary folder that `dispose` removes. */
export function benchFolder(args: ParsedArgs): { dir: string; folder: string; scale: number; dispose(): void } {
	if (args.positionals.length !== 1) throw new UsageError('bench needs exactly one DIR');
	const dir = args.positionals[0];
	const scale = intOption(args, 'scale', 1, 1, MAX_SCALE);
	const folder = scale === 1 ? dir : writeScaledCorpus(dir, scale);
	return { dir, folder, scale, dispose: () => folder !== dir && rmSync(folder, { recursive: true, force: true }) };
}

/** benchFolder, with a folder that cannot be copied reported as an I/O error (undefined). */
export function openBenchFolder(args: ParsedArgs, io: CliIO): ReturnType<typeof benchFolder> | undefined {
	try {
		return benchFolder(args);
	} catch (error) {
		if (error instanceof UsageError) throw error;
		io.stderr(`arxiv-digest: cannot copy ${args.positionals[0]}: ${errorMessage(error)}\n`);
		return undefined;
	}
}

export function runBench(argv: readonly string[], io: CliIO): number {
	const args = parseArgs(argv, { flags: ['json', 'help'], options: ['runs', 'scale'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(BENCH_HELP);
		return EXIT_OK;
	}
	const runs = intOption(args, 'runs', 5, 1, 1000);
	const bench = openBenchFolder(args, io);
	if (!bench) return EXIT_IO_ERROR;
	try {
		const corpus = readBenchCorpus(bench.folder, io);
		if (!corpus) return EXIT_IO_ERROR;
		io.stdout(JSON.stringify(runBenchOnFiles(bench.dir, corpus.files, runs, bench.scale), null, '\t') + '\n');
		return corpus.unreadable.length > 0 ? EXIT_IO_ERROR : EXIT_OK;
	} finally {
		bench.dispose();
	}
}

/** The digests under `dir` for a bench run, unreadable files reported; undefined when `dir` itself cannot be read. */
export function readBenchCorpus(dir: string, io: CliIO): LoadedCorpus | undefined {
	let corpus: LoadedCorpus;
	try {
		corpus = loadDigestFiles(dir);
	} catch (error) {
		io.stderr(`arxiv-digest: cannot read directory ${dir}: ${errorMessage(error)}\n`);
		return undefined;
	}
	for (const { path, reason } of corpus.unreadable) io.stderr(`arxiv-digest: cannot read ${path}: ${reason}\n`);
	return corpus;
}
