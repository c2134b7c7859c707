/**
 * Generates a large, realistic digest workspace for benchmarks: half a year of
 * day files in the reference shape, built from the real text of seed papers
 * under fresh arXiv ids. The generator reads seeds with its own small splitter
 * (not the parser it is meant to benchmark), is deterministic for a seed, and
 * writes one day file at a time so memory stays at one day's text.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listDigestFiles, projectPath } from './files';

export const SUMMARY_LABELS = ['TL;DR', 'Motivation', 'Method', 'Result', 'Conclusion', 'Abstract'] as const;
type SummaryLabel = (typeof SUMMARY_LABELS)[number];

export interface SeedPaper {
	title: string;
	authors: string;
	mainCategory: string;
	/** the category section the paper was listed under */
	section: string;
	/** values of the summary fields, in SUMMARY_LABELS order ('' when absent) */
	fields: string[];
}

export interface GenCorpusOptions {
	out: string;
	days: number;
	papersPerDay: number;
	seed: number;
	/** fraction of all entries that repeat an id listed on an earlier day */
	repeat: number;
	/** last day, YYYY-MM-DD */
	endDate: string;
	seeds: SeedPaper[];
}

export interface GenCorpusResult {
	dataDir: string;
	files: number;
	bytes: number;
	entries: number;
	uniquePapers: number;
	repeatedEntries: number;
}

export const DEFAULT_END_DATE = '2026-07-03';

const HEADING = /^#{3} \[\d+\] \[(.*)\]\((\S*)\)\s*$/;
const SECTION = /^#{1,2} (\S+)/;
const FIELD = /^(Main category|TL;DR|Motivation|Method|Result|Conclusion|Abstract):[ \t]?(.*)$/;

/** Splits seed digests (reference shape) into papers; text outside papers is ignored. */
export function extractSeedPapers(text: string): SeedPaper[] {
	const papers: SeedPaper[] = [];
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	let section = 'misc';
	let current: SeedPaper | undefined;
	let openField = -1;
	for (const line of lines) {
		const heading = HEADING.exec(line);
		if (heading) {
			current = { title: heading[1], authors: '', mainCategory: section, section, fields: SUMMARY_LABELS.map(() => '') };
			papers.push(current);
			openField = -1;
			continue;
		}
		const sectionMatch = SECTION.exec(line);
		if (sectionMatch && !line.startsWith('###')) {
			if (sectionMatch[1] !== 'Table') section = sectionMatch[1];
			current = undefined;
			continue;
		}
		if (!current) continue;
		if (line.trim() === '' || line.startsWith('<') || /^\s+<summary>/.test(line)) {
			openField = -1;
			continue;
		}
		const field = FIELD.exec(line);
		if (field) {
			if (field[1] === 'Main category') {
				current.mainCategory = field[2].trim() || section;
				openField = -1;
			} else {
				openField = SUMMARY_LABELS.indexOf(field[1] as SummaryLabel);
				current.fields[openField] = field[2];
			}
		} else if (openField >= 0) {
			// hard-wrapped value: keep the line breaks as written
			current.fields[openField] += '\n' + line;
		} else if (!current.authors && /^\*.*\*\s*$/.test(line)) {
			current.authors = line.trim().slice(1, -1);
		}
	}
	return papers;
}

export function loadSeedPapers(dir: string): SeedPaper[] {
	const papers: SeedPaper[] = [];
	for (const file of listDigestFiles(dir).files) papers.push(...extractSeedPapers(readFileSync(file, 'utf8')));
	return papers;
}

/** mulberry32: tiny, fast and good enough to pick seed papers deterministically */
export function createRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** What a generated entry is made of; repeats reuse the recipe, so their text is identical. */
interface Recipe {
	id: string;
	/** seed paper giving title, authors, main category and section */
	head: number;
	/** seed paper per summary field */
	fieldSources: number[];
}

const MS_PER_DAY = 86_400_000;

export function dayList(endDate: string, days: number): string[] {
	const end = Date.parse(`${endDate}T00:00:00Z`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate) || Number.isNaN(end)) throw new Error(`invalid date '${endDate}'`);
	const result: string[] = [];
	for (let i = days - 1; i >= 0; i--) result.push(new Date(end - i * MS_PER_DAY).toISOString().slice(0, 10));
	return result;
}

/**
 * How many repeats each day gets: the overall share is `repeat`, spread evenly
 * over every day but the first (which has nothing earlier to repeat).
 */
function repeatsPerDay(days: number, papersPerDay: number, repeat: number): number[] {
	const total = Math.round(repeat * days * papersPerDay);
	const counts = [0];
	for (let d = 1; d < days; d++) {
		const share = Math.floor((d * total) / (days - 1)) - Math.floor(((d - 1) * total) / (days - 1));
		counts.push(Math.min(share, papersPerDay));
	}
	return counts;
}

function renderPaper(number: number, recipe: Recipe, seeds: readonly SeedPaper[]): string {
	const head = seeds[recipe.head];
	const field = (i: number) => seeds[recipe.fieldSources[i]].fields[i];
	return `### [${number}] [${head.title}](https://arxiv.org/abs/${recipe.id})\n` +
		`*${head.authors}*\n\n` +
		`Main category: ${head.mainCategory}\n\n` +
		`TL;DR: ${field(0)}\n\n\n` +
		`<details>\n  <summary>Details</summary>\n` +
		`Motivation: ${field(1)}\n\n` +
		`Method: ${field(2)}\n\n` +
		`Result: ${field(3)}\n\n` +
		`Conclusion: ${field(4)}\n\n` +
		`Abstract: ${field(5)}\n\n` +
		`</details>\n`;
}

function renderDay(entries: readonly Recipe[], sectionOrder: readonly string[], seeds: readonly SeedPaper[]): string {
	const bySection = new Map<string, Recipe[]>(sectionOrder.map((s) => [s, []]));
	for (const entry of entries) bySection.get(seeds[entry.head].section)?.push(entry);
	const sections = [...bySection].filter(([, list]) => list.length > 0);
	const parts: string[] = ['<div id=toc></div>\n\n# Table of Contents\n\n'];
	for (const [name, list] of sections) parts.push(`- [${name}](#${name}) [Total: ${list.length}]\n`);
	let number = 0;
	for (const [name, list] of sections) {
		parts.push(`\n\n<div id='${name}'></div>\n\n# ${name} [[Back]](#toc)\n`);
		for (const entry of list) parts.push('\n' + renderPaper(++number, entry, seeds) + '\n');
	}
	return parts.join('').replace(/\n+$/, '\n');
}

export function generateCorpus(options: GenCorpusOptions): GenCorpusResult {
	const { seeds, days, papersPerDay } = options;
	if (seeds.length === 0) throw new Error('no seed papers found');
	const random = createRandom(options.seed);
	const pick = (n: number) => Math.floor(random() * n);
	const sectionOrder = [...new Set(seeds.map((s) => s.section))];
	const dates = dayList(options.endDate, days);
	const repeats = repeatsPerDay(days, papersPerDay, options.repeat);
	const dataDir = join(options.out, 'data');
	mkdirSync(dataDir, { recursive: true });

	// Each month numbers its ids upwards from a random start, like arXiv does.
	const nextNumber = new Map<string, number>();
	const freshId = (date: string): string => {
		const month = date.slice(2, 4) + date.slice(5, 7);
		const n = (nextNumber.get(month) ?? 1 + pick(500)) + 1 + pick(3);
		nextNumber.set(month, n);
		return `${month}.${String(n).padStart(5, '0')}`;
	};
	const freshByDay: Recipe[][] = [];
	const result: GenCorpusResult = { dataDir, files: 0, bytes: 0, entries: 0, uniquePapers: 0, repeatedEntries: 0 };

	for (let d = 0; d < days; d++) {
		const today: Recipe[] = [];
		const todayIds = new Set<string>();
		for (let r = 0; r < repeats[d]; r++) {
			// reappearances cluster within a week or two of the first listing
			for (let attempt = 0; attempt < 20; attempt++) {
				const back = Math.min(d, 1 + Math.floor(-Math.log(1 - random()) * 7));
				const earlier = freshByDay[d - back];
				if (earlier.length === 0) continue;
				const candidate = earlier[pick(earlier.length)];
				if (todayIds.has(candidate.id)) continue;
				today.push(candidate);
				todayIds.add(candidate.id);
				break;
			}
		}
		result.repeatedEntries += today.length;
		const fresh: Recipe[] = [];
		while (today.length < papersPerDay) {
			const head = pick(seeds.length);
			const fieldSources = SUMMARY_LABELS.map(() => (random() < 0.5 ? head : pick(seeds.length)));
			const recipe: Recipe = { id: freshId(dates[d]), head, fieldSources };
			fresh.push(recipe);
			today.push(recipe);
		}
		freshByDay.push(fresh);
		result.uniquePapers += fresh.length;
		// mix repeats among fresh entries instead of listing them all first
		for (let i = today.length - 1; i > 0; i--) {
			const j = pick(i + 1);
			[today[i], today[j]] = [today[j], today[i]];
		}
		const text = renderDay(today, sectionOrder, seeds);
		writeFileSync(join(dataDir, `${dates[d]}.md`), text);
		result.files++;
		result.bytes += Buffer.byteLength(text);
		result.entries += today.length;
	}
	return result;
}

/** Refuse to mix generated days into a folder that already holds files. */
export function dataDirIsEmpty(out: string): boolean {
	const dataDir = join(out, 'data');
	return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

export const GEN_CORPUS_HELP = `Usage: arxiv-digest gen-corpus OUT [options]

Write a large, realistic digest workspace for benchmarks: OUT/data/YYYY-MM-DD.md
for consecutive days, each in the reference shape (table of contents with
correct totals, category sections, papers numbered 1..N). Every paper is real
seed text under a fresh arXiv id, with summary fields mixed between papers;
a share of the entries repeats a paper listed on an earlier day.
The same --seed always gives the same files.

Options:
  --days N       number of day files (default 184)
  --papers N     papers per day (default 200)
  --seed N       random seed (default 1)
  --repeat R     share of entries that repeat an earlier day's paper, 0..0.9 (default 0.25)
  --end DATE     last day, YYYY-MM-DD (default ${DEFAULT_END_DATE})
  --from DIR     seed digests to take papers from (default test/fixtures/seeds)
  --force        write even if OUT/data already holds files
  --json         print the summary as JSON
  -h, --help     show this help
`;

export function defaultSeedsDir(): string {
	return projectPath(join('test', 'fixtures', 'seeds'));
}
