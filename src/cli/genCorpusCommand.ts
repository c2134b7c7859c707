import { performance } from 'node:perf_hooks';
import { isValidDay } from '../core/day';
import { intOption, numberOption, parseArgs, UsageError } from './args';
import {
	dataDirIsEmpty, DEFAULT_END_DATE, defaultSeedsDir, GEN_CORPUS_HELP, generateCorpus, loadSeedPapers, SeedPaper,
} from './genCorpus';
import { CliIO, errorMessage, EXIT_OK, EXIT_IO_ERROR } from './io';

export function runGenCorpus(argv: readonly string[], io: CliIO): number {
	const args = parseArgs(argv, {
		flags: ['json', 'help', 'force'],
		options: ['days', 'papers', 'seed', 'repeat', 'end', 'from'],
		aliases: { h: 'help' },
	});
	if (args.flags.has('help')) {
		io.stdout(GEN_CORPUS_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 1) throw new UsageError('gen-corpus needs exactly one OUT directory');
	const out = args.positionals[0];
	const days = intOption(args, 'days', 184, 1, 3650);
	const papersPerDay = intOption(args, 'papers', 200, 1, 1000);
	const seed = intOption(args, 'seed', 1, 0, 2 ** 32 - 1);
	const repeat = numberOption(args, 'repeat', 0.25, 0, 0.9);
	const endDate = args.options.get('end') ?? DEFAULT_END_DATE;
	if (!isValidDay(endDate)) {
		throw new UsageError(`option '--end' expects a date YYYY-MM-DD, got '${endDate}'`);
	}
	const from = args.options.get('from') ?? defaultSeedsDir();

	let seeds: SeedPaper[];
	try {
		seeds = loadSeedPapers(from);
	} catch (error) {
		io.stderr(`arxiv-digest: cannot read seed directory ${from}: ${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
	if (seeds.length === 0) {
		io.stderr(`arxiv-digest: no papers ('### [N] [Title](link)' headings) found in ${from}\n`);
		return EXIT_IO_ERROR;
	}
	if (!args.flags.has('force') && !dataDirIsEmpty(out)) {
		io.stderr(`arxiv-digest: ${out}/data already holds files; choose another OUT or pass --force\n`);
		return EXIT_IO_ERROR;
	}
	const start = performance.now();
	let result;
	try {
		result = generateCorpus({ out, days, papersPerDay, seed, repeat, endDate, seeds });
	} catch (error) {
		io.stderr(`arxiv-digest: cannot write to ${out}: ${errorMessage(error)}\n`);
		return EXIT_IO_ERROR;
	}
	const seconds = (performance.now() - start) / 1000;
	const summary = { ...result, mb: Math.round(result.bytes / 10_000) / 100, seedPapers: seeds.length, seconds: Math.round(seconds * 100) / 100 };
	if (args.flags.has('json')) {
		io.stdout(JSON.stringify(summary, null, '\t') + '\n');
	} else {
		io.stdout(`wrote ${summary.files} files (${summary.mb} MB) to ${summary.dataDir} in ${summary.seconds} s: ` +
			`${summary.entries} entries, ${summary.uniquePapers} unique papers, ${summary.repeatedEntries} repeated, ` +
			`from ${summary.seedPapers} seed papers\n`);
	}
	return EXIT_OK;
}
