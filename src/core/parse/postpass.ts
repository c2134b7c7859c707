/**
 * The parser's post-pass, run once after the line loop: turns the raw category headings into
 * categories (dropping title and grouping headings), gathers papers found outside any category into
 * implicit ones, and checks the table of contents and a cut-off last paper against what was found.
 */
import { dayFromText } from '../day';
import type { Category, DiagnosticCode, LineRange, Paper, Severity } from '../model';

export interface RawCategory {
	name: string;
	anchor?: string;
	level: number;
	headingLine: number;
	/** first line of the section: its anchor line when one precedes the heading */
	boundary: number;
	papers: number[];
	/** a count written in the heading itself (`## cs.CV (12)`) */
	headingTotal?: number;
	/** made up for papers that come before any category heading */
	implicit: boolean;
	/** a document title or grouping heading rather than a category */
	title?: boolean;
	/** the last line of its region, filled in at the end */
	end?: number;
}

export interface TocEntry {
	name: string;
	anchor?: string;
	total?: number;
	line: number;
}

export type DiagSink = (range: LineRange, severity: Severity, code: DiagnosticCode, message: string) => void;

/** what the line loop hands over */
export interface LoopResult {
	papers: Paper[];
	rawCats: RawCategory[];
	tocEntries: TocEntry[];
	tocStart?: number;
	tocHeadingLine?: number;
	/** where title and TOC headings start, in file order: they end the category above them */
	sectionBreaks: number[];
	/** anchors of paper headings (`## <a id="2605.15712v1"></a>[Title](…)`): TOC lines may point at papers */
	paperAnchors: Set<string>;
}

/**
 * A section name in lower case without the arXiv code a fork appends to it: `Computer Vision [cs.CV]`
 * is listed in its table of contents as `[Computer Vision (11)](#cs-cv)`, `cs.DB [cs.DB]` as `[cs.DB (2)]`
 * (codes with a hyphen too: `[cond-mat.mtrl-sci]`, `[physics.med-ph]`)
 */
function withoutCode(name: string): string {
	return name.replace(/\s*\[[a-z][a-z-]*(?:\.[a-z]{2,}(?:-[a-z]+)*)?\]$/i, '').toLowerCase();
}

export class PostPass {
	private readonly papers: Paper[];
	private readonly rawCats: RawCategory[];
	private readonly tocEntries: TocEntry[];
	private readonly tocStart?: number;
	private readonly tocHeadingLine?: number;
	private readonly sectionBreaks: number[];
	private readonly paperAnchors: Set<string>;
	private readonly implicitCategories = new Set<Category>();

	constructor(loop: LoopResult, private readonly diag: DiagSink) {
		this.papers = loop.papers;
		this.rawCats = loop.rawCats;
		this.tocEntries = loop.tocEntries;
		this.tocStart = loop.tocStart;
		this.tocHeadingLine = loop.tocHeadingLine;
		this.sectionBreaks = loop.sectionBreaks;
		this.paperAnchors = loop.paperAnchors;
	}

	/** categories in file order, with each paper's `section` filled in */
	categories(lineCount: number): Category[] {
		const categories = this.buildCategories(lineCount);
		this.matchToc(categories);
		return categories;
	}

	/**
	 * A last paper that stops before a trailing summary field every other paper has: the file was
	 * cut off. A field missing in the middle (no Conclusion but an Abstract) is an omission, not a cut.
	 */
	checkTruncatedLastPaper(): void {
		const papers = this.papers;
		if (papers.length < 3) return;
		const last = papers[papers.length - 1];
		for (const key of ['abstract', 'conclusion', 'result', 'method', 'motivation', 'tldr'] as const) {
			if (last.fieldRanges[key] !== undefined) return;
			let all = true;
			for (let k = 0; k < papers.length - 1 && all; k++) all = papers[k].fieldRanges[key] !== undefined;
			if (all) {
				this.diag(
					{ start: last.headingLine, end: last.range.end },
					'warning',
					'truncated',
					`The file seems truncated: the last paper has no ${key === 'tldr' ? 'TL;DR' : key} while every other paper has one.`,
				);
				return;
			}
		}
	}

	private buildCategories(lineCount: number): Category[] {
		const firstPaperLine = this.papers.length > 0 ? this.papers[0].headingLine : Infinity;
		const raws = this.rawCats;
		const tocNames = new Set<string>();
		for (const e of this.tocEntries) {
			tocNames.add(e.name.toLowerCase());
			if (e.anchor) tocNames.add(e.anchor.toLowerCase());
		}
		const deepestWithPapers = raws.reduce((m, r) => (r.papers.length > 0 ? Math.max(m, r.level) : m), 0);
		for (const r of raws) {
			if (r.papers.length > 0) continue;
			const listed = tocNames.has(r.name.toLowerCase()) || (r.anchor !== undefined && tocNames.has(r.anchor.toLowerCase()));
			if (listed) continue;
			// `# Physics` above `## hep-th`: a grouping heading, anywhere in the file
			const grouping = r.level < deepestWithPapers;
			if (grouping) r.title = true;
			if (r.headingLine > firstPaperLine) continue;
			const beforeToc = this.tocHeadingLine !== undefined ? r.headingLine < this.tocHeadingLine : this.tocStart !== undefined && r.headingLine < this.tocStart;
			const dated = dayFromText(r.name) !== undefined;
			if (beforeToc || dated || this.papers.length === 0) r.title = true;
		}
		const kept = raws.filter((r) => !r.title);
		const implicit = new Map<string, RawCategory>();
		const assigned = new Set<number>();
		for (const r of kept) for (const idx of r.papers) assigned.add(idx);
		this.papers.forEach((paper, idx) => {
			if (assigned.has(idx)) return;
			const name = paper.category || 'Uncategorized';
			let cat = implicit.get(name);
			if (!cat) {
				cat = { name, level: 0, headingLine: paper.headingLine, boundary: paper.headingLine, papers: [], implicit: true };
				implicit.set(name, cat);
			}
			cat.papers.push(idx);
			cat.end = paper.range.end;
		});
		// categories and breaks are in file order: each category ends where the next category or
		// title heading begins
		const breaks = this.sectionBreaks.concat(raws.filter((r) => r.title).map((r) => r.boundary)).sort((x, y) => x - y);
		let b = 0;
		for (let k = 0; k < kept.length; k++) {
			const next = kept[k + 1];
			while (b < breaks.length && breaks[b] <= kept[k].headingLine) b++;
			const stop = Math.min(next ? next.boundary : lineCount, b < breaks.length ? breaks[b] : lineCount);
			kept[k].end = Math.max(kept[k].headingLine, stop - 1);
		}
		const all = kept.concat([...implicit.values()]).sort((a, b) => a.headingLine - b.headingLine);
		return all.map((r) => {
			for (const idx of r.papers) this.papers[idx].section = r.name;
			const cat: Category = {
				name: r.name,
				headingLine: r.headingLine,
				range: { start: r.headingLine, end: r.end ?? r.headingLine },
				papers: r.papers,
			};
			if (r.anchor !== undefined) cat.anchor = r.anchor;
			if (r.headingTotal !== undefined) cat.claimedTotal = r.headingTotal;
			if (r.implicit) this.implicitCategories.add(cat);
			return cat;
		});
	}

	/**
	 * Names of the headings inside the table of contents that group its entries (`## <a id="toc-1"></a>Dark
	 * Matter` above a list of the section's papers), lower-cased, with and without an arXiv code.
	 */
	private tocGroupNames(): Set<string> {
		const names = new Set<string>();
		const entries = this.tocEntries;
		if (this.tocStart === undefined || entries.length === 0) return names;
		const last = entries[entries.length - 1].line;
		for (const r of this.rawCats) {
			if (r.title && r.papers.length === 0 && r.headingLine > this.tocStart && r.headingLine < last) {
				names.add(r.name.toLowerCase());
				names.add(withoutCode(r.name));
			}
		}
		return names;
	}

	private matchToc(categories: Category[]): void {
		const entries = this.tocEntries;
		const matched = new Set<Category>();
		type Queue = { cats: Category[]; next: number };
		const byAnchor = new Map<string, Queue>();
		const byName = new Map<string, Queue>();
		const byBareName = new Map<string, Queue>();
		const add = (map: Map<string, Queue>, key: string, c: Category) => {
			const q = map.get(key);
			if (q) q.cats.push(c);
			else map.set(key, { cats: [c], next: 0 });
		};
		for (const c of categories) {
			if (c.anchor !== undefined) add(byAnchor, c.anchor.toLowerCase(), c);
			add(byName, c.name.toLowerCase(), c);
			add(byBareName, withoutCode(c.name), c);
		}
		/** the first category under `key` not matched yet; matched ones are dropped as we go */
		const take = (map: Map<string, Queue>, key: string | undefined): Category | undefined => {
			const q = key === undefined ? undefined : map.get(key);
			if (!q) return undefined;
			while (q.next < q.cats.length && matched.has(q.cats[q.next])) q.next++;
			return q.cats[q.next];
		};
		for (const e of entries) {
			// a contents list of papers rather than categories: the paper itself is the target
			if (e.anchor !== undefined && this.paperAnchors.has(e.anchor)) continue;
			const anchor = e.anchor?.toLowerCase();
			const name = e.name.toLowerCase();
			const cat = take(byAnchor, anchor) ?? take(byName, name) ?? take(byName, anchor) ?? take(byBareName, withoutCode(e.name));
			if (!cat) {
				this.diag({ start: e.line, end: e.line }, 'warning', 'toc-missing-category', `The table of contents lists "${e.name}" but there is no such section.`);
				continue;
			}
			matched.add(cat);
			if (e.total !== undefined) {
				cat.claimedTotal = e.total;
				if (e.total !== cat.papers.length) {
					this.diag(
						{ start: e.line, end: e.line },
						'warning',
						'toc-total-mismatch',
						`The table of contents claims ${e.total} papers in ${cat.name}, the section has ${cat.papers.length}.`,
					);
				}
			}
		}
		const groups = this.tocGroupNames();
		for (const cat of categories) {
			if (matched.has(cat)) continue;
			// `## Galaxy Formation and Evolution` inside the contents, above the list of its papers: listed
			const grouped = groups.has(cat.name.toLowerCase()) || groups.has(withoutCode(cat.name));
			if (entries.length > 0 && !this.implicitCategories.has(cat) && !grouped) {
				this.diag(
					{ start: cat.headingLine, end: cat.headingLine },
					'warning',
					'toc-missing-category',
					`Section "${cat.name}" is not in the table of contents.`,
				);
			}
			if (entries.length === 0 && cat.claimedTotal !== undefined && cat.claimedTotal !== cat.papers.length) {
				this.diag(
					{ start: cat.headingLine, end: cat.headingLine },
					'warning',
					'toc-total-mismatch',
					`The heading claims ${cat.claimedTotal} papers, the section has ${cat.papers.length}.`,
				);
			}
		}
	}
}
