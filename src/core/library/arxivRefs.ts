import { categoryAsWritten, isWellFormedNewId } from '../parse/links';

/**
 * arXiv references in any text (Markdown, LaTeX, code comments): `arXiv:2606.12345` (or `arXiv：`, the
 * full-width colon of Chinese text), arxiv.org abs/pdf/html URLs, arXiv DOIs (`10.48550/arXiv.2606.12345`),
 * links of the sites that name a paper by its arXiv id (Hugging Face's papers, alphaXiv…) and bare
 * new-style ids `2606.12345v2`; a new-style id must be one arXiv can have given.
 * What the hover and the document links of src/features/hover look for; vscode-free.
 */

export interface ArxivRef {
	/** the id without version */
	id: string;
	/** offsets of the whole match in the text */
	start: number;
	end: number;
	/** `arXiv:` prefix or URL: the reader clearly means a paper; a bare id may be any number */
	explicit: boolean;
}

const NEW_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ID = String.raw`[a-z-]+(?:\.[A-Z]{2})?\/\d{7}`;
const ID = `(?:${NEW_ID}|${OLD_ID})`;
const PATTERN = new RegExp(
	[
		// the id ends where its digits end: `arXiv:2401.123456` is a typo, not paper 2401.12345
		String.raw`(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)\/(${ID})(?:v\d+)?(?!\d)(?:\.pdf)?`,
		String.raw`\barXiv[:：]\s?(${ID})(?:v\d+)?(?!\d)`,
		// arXiv's DOI of a paper: 10.48550/arXiv.2401.01234, as a doi.org link or alone
		String.raw`(?:https?:\/\/(?:dx\.)?doi\.org\/)?\b10\.48550\/arXiv\.(${NEW_ID})(?:v\d+)?(?!\d)`,
		// a bare id: not part of a longer number, a version, a decimal or a path
		String.raw`(?<![\w./-])(${NEW_ID})(?:v\d+)?(?![\w.]*\d)`,
		// the sites that name an arXiv paper by its id: Hugging Face's papers, alphaXiv, ar5iv, Semantic Scholar
		String.raw`(?:https?:\/\/)?(?:www\.)?(?:huggingface\.co\/papers|alphaxiv\.org\/(?:abs|overview)|(?:ar5iv\.labs\.arxiv\.org|ar5iv\.org)\/(?:abs|html)|semanticscholar\.org\/arxiv)\/(${NEW_ID})(?:v\d+)?(?!\d)`,
		// a BibTeX entry's `eprint = {hep-th/9901001}` (what arXiv's own BibTeX writes), an old-style id too
		String.raw`\beprint\s*=\s*[{"]\s*(?:arXiv:)?(${ID})(?:v\d+)?(?!\d)`,
	].join('|'),
	'gi',
);

/** Every reference in `text`, in order. */
export function findArxivRefs(text: string): ArxivRef[] {
	const out: ArxivRef[] = [];
	for (const m of text.matchAll(PATTERN)) {
		const bare = m[4];
		const id = m[1] ?? m[2] ?? m[3] ?? m[5] ?? m[6] ?? bare;
		// `2401.0123`: no paper of 2024 has a 4-digit number (nor one of month 13)
		if (!id || (/^\d/.test(id) && !isWellFormedNewId(id))) continue;
		// a BibTeX field's reference is its id, not the field's name before it
		const start = (m.index ?? 0) + (m[6] === undefined ? 0 : m[0].indexOf(m[6]));
		out.push({ id: id.replace(/^([a-z-]+(?:\.[a-z]{2})?)\//i, (_, category: string) => `${categoryAsWritten(category.toLowerCase())}/`), start, end: (m.index ?? 0) + m[0].length, explicit: bare === undefined });
	}
	return out;
}

/** `text` without the brackets around it and the punctuation after it, as a sentence cites a reference: `(arXiv:2606.12345).` */
export function withoutCiteMarks(text: string): string {
	return text.trim().replace(/^[(<[{]+/, '').replace(/[)>\]},;.]+$/, '');
}

/**
 * The arXiv paper a link or reference is, when `text` is one and nothing else (surrounding brackets
 * and a closing full stop aside): `https://huggingface.co/papers/2606.12345`, `arXiv:2606.12345v2`,
 * `(arXiv:2606.12345)`, `10.48550/arXiv.2606.12345`. Undefined for a bare id, any other text or
 * several references.
 */
export function arxivIdOfLink(text: string): string | undefined {
	const inner = withoutCiteMarks(text);
	const refs = findArxivRefs(inner);
	// a link as the address bar gives it: a closing slash, a query or a fragment after the id
	const tail = refs.length === 1 ? inner.slice(refs[0].end) : undefined;
	return refs.length === 1 && refs[0].explicit && refs[0].start === 0 && tail !== undefined && /^\/?(?:[?#]\S*)?$/.test(tail) ? refs[0].id : undefined;
}

/** The reference covering `offset` in `text`, if any. */
export function arxivRefAt(text: string, offset: number): ArxivRef | undefined {
	return findArxivRefs(text).find((r) => r.start <= offset && offset <= r.end);
}
