/**
 * `arxiv-digest similar DIR ID`: the papers of DIR most similar to paper ID (cosine over TF-IDF,
 * src/core/recs), computed in the same shards the extension runs.
 */
import { MIN_SIMILARITY } from '../core/recs/shard';
import { plainMath } from '../core/plainMath';
import { reasonText, wordsInCommon } from '../core/recs/explain';
import { intOption, parseArgs, UsageError } from './args';
import { CliIO, EXIT_IO_ERROR, EXIT_OK } from './io';
import { openCorpus } from './search';
import { idFilterText, normalizeId } from '../core/search/query';

export const SIMILAR_HELP = `Usage: arxiv-digest similar DIR ID [--json] [--limit N] [--cache-dir CACHE]

Print the papers under DIR most similar to paper ID (TF-IDF of title and abstract, or of the
TL;DR and summaries for a paper without an abstract; cosine similarity), most similar first, each
with the words it has in common with ID, as the paper card shows them. A paper listed on several
days counts once.

Options:
  --json             print the results as JSON
  --limit N          at most N papers (default 10)
  --cache-dir CACHE  keep the index in CACHE (see arxiv-digest search --help)
  --shards N         index in N worker threads (default 1)
  -h, --help         show this help
`;

export async function runSimilar(argv: readonly string[], io: CliIO): Promise<number> {
	const args = parseArgs(argv, { flags: ['json', 'help'], options: ['limit', 'cache-dir', 'shards'], aliases: { h: 'help' } });
	if (args.flags.has('help')) {
		io.stdout(SIMILAR_HELP);
		return EXIT_OK;
	}
	if (args.positionals.length !== 2) throw new UsageError('similar needs DIR and ID');
	const [dir, rawId] = args.positionals;
	const id = normalizeId(rawId);
	const limit = intOption(args, 'limit', 10, 1, 1000);
	const corpus = openCorpus(args, dir, io);
	if (!corpus) return EXIT_IO_ERROR;
	const { files, service } = corpus;
	try {
		await service.open(files);
		const hits = await service.similar(id, limit);
		if (!hits) {
			io.stderr(`arxiv-digest: no paper ${id} under ${dir}\n`);
			return 2;
		}
		// the words in common are read against the paper's own text, as the card reads them
		const found = await service.search(idFilterText(id), 1, false);
		const file = found.ok ? found.result.hits[0]?.occurrences[0]?.file : undefined;
		const own = file === undefined ? undefined : await service.paper(file, id);
		const text = own ? reasonText(own.paper) : '';
		const similar = hits.map((hit) => ({ ...hit, inCommon: wordsInCommon(hit.shared, text) }));
		if (args.flags.has('json')) {
			io.stdout(JSON.stringify({ id, similar }, null, '\t') + '\n');
			return EXIT_OK;
		}
		// as the card says it: a paper with nothing close is an answer, not an empty output
		if (similar.length === 0) io.stdout(`no paper under ${dir} is close to ${id} (a cosine of ${MIN_SIMILARITY} or more)\n`);
		for (const hit of similar) {
			io.stdout(`${hit.score.toFixed(3)}  ${hit.day || '-'}  ${hit.id}  ${hit.category}  ${plainMath(hit.title)}\n`);
			if (hit.inCommon.length > 0) io.stdout(`       in common: ${hit.inCommon.join(', ')}\n`);
		}
		return EXIT_OK;
	} finally {
		service.dispose();
	}
}
