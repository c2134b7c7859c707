/**
 * `bench --scale N`: N copies of a digest folder, each with its days and arXiv ids shifted so no
 * paper or day of one copy is another's (copy k: years + 10k, `YYMM.NNNNN` ids with YY + 10k), so
 * the benchmarks can show time and memory growing with the corpus, on real text.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { listDigestFiles } from './files';

const DATE = /\b(20\d\d)-(\d\d)-(\d\d)\b/g;
const ARXIV_ID = /(?<![\d.])(\d\d)(\d\d)\.(\d{4,5})(?!\d)/g;

/** `text` as copy `k` would have it (copy 0 is the original). */
export function shiftCopy(text: string, k: number): string {
	if (k === 0) return text;
	return text
		.replace(DATE, (_, year: string, month: string, day: string) => `${Number(year) + 10 * k}-${month}-${day}`)
		.replace(ARXIV_ID, (_, yy: string, mm: string, n: string) => `${(Number(yy) + 10 * k) % 100}${mm}.${n}`);
}

/**
 * Writes `copies` shifted copies of every digest under `dir` into `out/copy<k>/` (by default
 * a new temporary folder); returns `out`. Also used by `npm run bench:editor -- DIR --scale N`.
 */
export function writeScaledCorpus(dir: string, copies: number, out = mkdtempSync(join(tmpdir(), `arxiv-digest-scale${copies}-`))): string {
	for (const path of listDigestFiles(dir).files) {
		const text = readFileSync(path, 'utf8');
		const rel = relative(dir, path);
		for (let k = 0; k < copies; k++) {
			const target = join(out, `copy${k}`, shiftCopy(rel, k));
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, shiftCopy(text, k));
		}
	}
	return out;
}
