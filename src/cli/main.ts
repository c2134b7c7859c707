/**
 * `arxiv-digest`: parse, count and benchmark digest files from the command line.
 * `main` takes its streams as arguments and returns the exit code, so tests run
 * it in-process; only the last lines touch the real process.
 */
import { version } from '../../package.json';
import { UsageError } from './args';
import { runBench } from './bench';
import { runGenCorpus } from './genCorpusCommand';
import { CliIO, EXIT_OK, EXIT_USAGE } from './io';
import { runParse } from './parse';
import { runStats } from './stats';
import { runRelevance } from './relevance';
import { runBenchWithSearch } from './benchSearch';
import { runSearch } from './search';
import { runSimilar } from './similar';
import { runBenchRecs } from './benchRecs';
import { runTrends } from './trends';

export type { CliIO } from './io';

export const MAIN_HELP = `Usage: arxiv-digest <command> [options]

Read daily arXiv digest files (daily-arXiv-ai-enhanced format).

Commands:
  parse FILE... [--json]   parse files; print the model and diagnostics
  stats DIR [--json]       days, files, entries, unique papers, papers per category
  bench DIR [--runs N]     parse throughput over a directory, as JSON
                           (--search: also the search index figures)
                           (--recs: similar-paper latency and "For you" quality;
                           [--vectors title,tldr,summaries,abstract] [--truth title])
  search DIR QUERY         search the papers under DIR [--json] [--limit N]
  similar DIR ID           the 10 papers most similar to paper ID [--json]
  trends DIR [--term X]    papers per day, a term's papers per day, top terms
                           and authors of a range [--from D] [--to D] [--json]
  relevance DIR            ranking quality (P@10, nDCG@10, MRR) on judged queries,
                           ours vs minisearch (--judge: write the judgements)
  gen-corpus OUT [...]     write a large generated workspace for benchmarks

Options:
  -h, --help     show help (also after a command: arxiv-digest parse --help)
  -v, --version  show the version
`;

const COMMANDS: Record<string, (argv: readonly string[], io: CliIO) => number> = {
	parse: runParse,
	stats: runStats,
	bench: runBench,
	'gen-corpus': runGenCorpus,
};

export function main(argv: readonly string[], io: CliIO): number {
	const [first, ...rest] = argv;
	if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
		if (first === undefined) {
			io.stderr(MAIN_HELP);
			return EXIT_USAGE;
		}
		io.stdout(MAIN_HELP);
		return EXIT_OK;
	}
	if (first === '-v' || first === '--version') {
		io.stdout(`${version}\n`);
		return EXIT_OK;
	}
	const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
	try {
		if (!command) throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`);
		return command(rest, io);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		const helpHint = command ? `arxiv-digest ${first} --help` : 'arxiv-digest --help';
		io.stderr(`arxiv-digest: ${error.message}\nTry '${helpHint}' for more information.\n`);
		return EXIT_USAGE;
	}
}

/** Commands that run asynchronously (worker threads); everything else goes through `main`. */
export async function mainAsync(argv: readonly string[], io: CliIO): Promise<number> {
	const [first, ...rest] = argv;
	const run = first === 'search' ? runSearch : first === 'similar' ? runSimilar : first === 'trends' ? runTrends : first === 'bench' && rest.includes('--recs') ? runBenchRecs : first === 'relevance' ? runRelevance : first === 'bench' && rest.includes('--search') ? runBenchWithSearch : undefined;
	if (!run) return main(argv, io);
	try {
		return await run(rest, io);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr(`arxiv-digest: ${error.message}\nTry 'arxiv-digest ${first} --help' for more information.\n`);
		return EXIT_USAGE;
	}
}

if (require.main === module) {
	// `arxiv-digest parse big.md | head` closes the pipe early; that is not an error
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code !== 'EPIPE') throw error;
		process.exit(process.exitCode ?? 0);
	});
	void mainAsync(process.argv.slice(2), {
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
	}).then((code) => {
		process.exitCode = code;
	});
}
