/**
 * A digest's papers with their short fields only (id, title, translated title, link, authors,
 * category, section, TL;DR: what PaperIndex.addFile takes with `unread`), packed: what a cold build
 * keeps of a file past its budget of parsed files until the index takes it (see
 * CorpusShard.treePass). Two strings a file and their layout rather than a dozen objects a paper:
 * the fields that are mostly Latin-1 in one, which stays one byte a character unless a name or title
 * of the file has a character past Latin-1, and the translated title and TL;DR, mostly Chinese, in
 * the other. On 60 real days that is ~0.6 KB a paper; copied as Paper objects, the same fields
 * weighed ~1.3 KB and made the collector's work during the tree pass grow with them.
 */
import { emptyPaper, type Digest, type Paper } from '../model';
import { ownCopy } from '../parse/text';

export interface PackedHeads {
	path: string;
	day?: string;
	label: string;
	lineCount: number;
	/** per paper: its id, title, link, category, section and authors, back to back */
	latin: string;
	/** per paper: its translated title and TL;DR, back to back */
	wide: string;
	/**
	 * per paper: FLAGS, its heading line, its range's first and last line, its number of authors,
	 * then the length of each of its texts in `latin` and `wide`, in their order (a text that is
	 * undefined, as FLAGS say, has none)
	 */
	layout: Int32Array;
}

const ARXIV = 1;
const TRANSLATED = 2;
const LINK = 4;
const CATEGORY = 8;

/** `parts` as one string that keeps none of them alive (a join may give back a part, or a cons string of them) */
function joined(parts: string[]): string {
	return ownCopy(parts.join(''));
}

export function packHeads(digest: Digest): PackedHeads {
	const latin: string[] = [];
	const wide: string[] = [];
	const layout: number[] = [];
	const add = (to: string[], text: string) => {
		to.push(text);
		layout.push(text.length);
	};
	for (const paper of digest.papers) {
		const flags = (paper.isArxiv ? ARXIV : 0) | (paper.translatedTitle !== undefined ? TRANSLATED : 0) | (paper.link !== undefined ? LINK : 0) | (paper.category !== undefined ? CATEGORY : 0);
		layout.push(flags, paper.headingLine, paper.range.start, paper.range.end, paper.authors.length);
		add(latin, paper.id);
		add(latin, paper.title);
		if (paper.link !== undefined) add(latin, paper.link);
		if (paper.category !== undefined) add(latin, paper.category);
		add(latin, paper.section);
		for (const author of paper.authors) add(latin, author);
		if (paper.translatedTitle !== undefined) add(wide, paper.translatedTitle);
		add(wide, paper.tldr);
	}
	return { path: digest.path, day: digest.day, label: digest.label, lineCount: digest.lineCount, latin: joined(latin), wide: joined(wide), layout: Int32Array.from(layout) };
}

/** The digest `packHeads` packed: its papers' short fields, every long field empty. */
export function unpackHeads(heads: PackedHeads): Digest {
	const { latin, wide, layout } = heads;
	let at = 0;
	let inLatin = 0;
	let inWide = 0;
	const fromLatin = () => latin.slice(inLatin, (inLatin += layout[at++]));
	const fromWide = () => wide.slice(inWide, (inWide += layout[at++]));
	const papers: Paper[] = [];
	while (at < layout.length) {
		const [flags, headingLine, start, end, authorCount] = layout.subarray(at, (at += 5));
		// in packHeads's order
		const paper = emptyPaper(headingLine);
		paper.isArxiv = (flags & ARXIV) !== 0;
		paper.range = { start, end };
		paper.id = fromLatin();
		paper.title = fromLatin();
		if (flags & LINK) paper.link = fromLatin();
		if (flags & CATEGORY) paper.category = fromLatin();
		paper.section = fromLatin();
		for (let k = 0; k < authorCount; k++) paper.authors.push(fromLatin());
		if (flags & TRANSLATED) paper.translatedTitle = fromWide();
		paper.tldr = fromWide();
		papers.push(paper);
	}
	return { path: heads.path, day: heads.day, label: heads.label, categories: [], papers, diagnostics: [], lineCount: heads.lineCount };
}
