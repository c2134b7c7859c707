/**
 * Field coverage: how many papers of a set of digests have each field. A user of a new fork reads it
 * to see at once what the parser did not understand (a column at 0 %), and pastes it into a bug report.
 */
import type { Digest, Paper } from '../model';

export const COVERAGE_FIELDS = [
	'link', 'translatedTitle', 'authors', 'category', 'tldr', 'motivation', 'method', 'result', 'conclusion', 'abstract', 'abstractTranslation',
] as const;
export type CoverageField = (typeof COVERAGE_FIELDS)[number];

export interface FieldCoverage {
	/** the template signature (fields most papers of a file carry) or the file path */
	group: string;
	files: number;
	papers: number;
	/** papers with a non-empty value, per field */
	fields: Record<CoverageField, number>;
	/** papers carrying each extra label, e.g. Keywords */
	extras: Record<string, number>;
	/** error and warning diagnostics */
	problems: number;
}

function has(paper: Paper, field: CoverageField): boolean {
	if (field === 'authors') return paper.authors.length > 0;
	const value = paper[field];
	return value !== undefined && value.length > 0;
}

function emptyCoverage(group: string): FieldCoverage {
	const fields = Object.fromEntries(COVERAGE_FIELDS.map((f) => [f, 0])) as Record<CoverageField, number>;
	return { group, files: 0, papers: 0, fields, extras: Object.create(null), problems: 0 };
}

function add(into: FieldCoverage, digest: Digest): void {
	into.files++;
	into.papers += digest.papers.length;
	for (const paper of digest.papers) {
		for (const f of COVERAGE_FIELDS) if (has(paper, f)) into.fields[f]++;
		const labels = new Set(paper.extra.map((e) => e.label || '(notes)'));
		for (const label of labels) into.extras[label] = (into.extras[label] ?? 0) + 1;
	}
	for (const d of digest.diagnostics) if (d.severity === 'error' || d.severity === 'warning') into.problems++;
}

/** the fields at least half of the file's papers carry: files of one template share it */
export function templateSignature(digest: Digest): string {
	if (digest.papers.length === 0) return '(no papers)';
	const one = emptyCoverage('');
	add(one, digest);
	const carried = COVERAGE_FIELDS.filter((f) => one.fields[f] * 2 >= one.papers);
	return carried.length > 0 ? carried.join(' ') : '(no fields)';
}

/** Adds one digest to the groups by template signature or by file, so a caller need not keep every digest. */
export function addCoverage(groups: Map<string, FieldCoverage>, digest: Digest, by: 'template' | 'file'): void {
	const key = by === 'file' ? digest.path : templateSignature(digest);
	let group = groups.get(key);
	if (!group) groups.set(key, (group = emptyCoverage(key)));
	add(group, digest);
}

/** Sums groups of the same name (coverage computed in several places, e.g. index shards). */
export function mergeCoverage(lists: readonly (readonly FieldCoverage[])[]): FieldCoverage[] {
	const groups = new Map<string, FieldCoverage>();
	for (const list of lists) {
		for (const g of list) {
			let into = groups.get(g.group);
			if (!into) groups.set(g.group, (into = emptyCoverage(g.group)));
			into.files += g.files;
			into.papers += g.papers;
			into.problems += g.problems;
			for (const f of COVERAGE_FIELDS) into.fields[f] += g.fields[f];
			for (const [label, n] of Object.entries(g.extras)) into.extras[label] = (into.extras[label] ?? 0) + n;
		}
	}
	return sortCoverage([...groups.values()]);
}

function sortCoverage(groups: FieldCoverage[]): FieldCoverage[] {
	return groups.sort((a, b) => b.papers - a.papers || (a.group < b.group ? -1 : 1));
}

/** coverage per template signature (the default) or per file, largest group first */
export function fieldCoverage(digests: readonly Digest[], by: 'template' | 'file'): FieldCoverage[] {
	const groups = new Map<string, FieldCoverage>();
	for (const digest of digests) addCoverage(groups, digest, by);
	return sortCoverage([...groups.values()]);
}
