/**
 * External links of a paper: the arXiv abstract page, PDF and HTML version, or the digest's own link
 * for papers from other servers. vscode-free.
 */
import { arxivIdOfLink } from '../library/arxivRefs';
import type { Paper } from '../model';
import { isWellFormedNewId } from '../parse/links';

export type LinkKind = 'abs' | 'pdf' | 'html' | 'original';

export interface PaperLinks {
	abs?: string;
	pdf?: string;
	/** arXiv renders HTML only for new-style identifiers (`YYMM.NNNNN`) */
	html?: string;
	/** the link the digest gives, for papers that are not on arXiv */
	original?: string;
}

const NEW_STYLE_ID = /^\d{4}\.\d{4,5}$/;
const OLD_STYLE_ID = /^[a-z-]+(?:\.[A-Za-z-]+)?\/\d{7}$/;
const WEB_URL = /^https?:\/\//i;

export function isNewStyleArxivId(id: string): boolean {
	return NEW_STYLE_ID.test(id);
}

export function isArxivId(id: string): boolean {
	return NEW_STYLE_ID.test(id) || OLD_STYLE_ID.test(id);
}

/** Only well-formed pieces reach a URL: a hostile id or version from a digest cannot change the host or path. */
function arxivSuffix(paper: Pick<Paper, 'id' | 'version'>): string | undefined {
	if (!isArxivId(paper.id)) return undefined;
	const version = paper.version && /^v\d{1,3}$/.test(paper.version) ? paper.version : '';
	return paper.id + version;
}

export function paperLinks(paper: Pick<Paper, 'id' | 'version' | 'isArxiv' | 'link'>): PaperLinks {
	const suffix = paper.isArxiv ? arxivSuffix(paper) : undefined;
	if (suffix) {
		return {
			abs: `https://arxiv.org/abs/${suffix}`,
			pdf: `https://arxiv.org/pdf/${suffix}`,
			html: isNewStyleArxivId(paper.id) ? `https://arxiv.org/html/${suffix}` : undefined,
		};
	}
	const link = paper.link?.trim();
	return link && WEB_URL.test(link) ? { original: link } : {};
}

/** The one link "Copy Link" puts on the clipboard. */
export function primaryLink(paper: Pick<Paper, 'id' | 'version' | 'isArxiv' | 'link'>): string | undefined {
	const links = paperLinks(paper);
	return links.abs ?? links.original;
}

/**
 * Accepts what a user pastes into "Open Paper Card by arXiv ID": `2602.04994`, `2602.04994v2`,
 * `arXiv:2602.04994`, `hep-th/9901001`, an arxiv.org abs/pdf/html URL or another site's link that names the
 * paper by its arXiv id (`huggingface.co/papers/2602.04994`). Returns the id without version; undefined
 * for a new-style id arXiv cannot have given (`2613.00001`: month 13; `2401.0123`: four digits in 2024).
 */
export function parseArxivIdInput(input: string): string | undefined {
	// a link that names the paper (arxiv.org, Hugging Face's papers, alphaXiv), `arXiv:…`, `(arXiv:…)`
	const linked = arxivIdOfLink(input);
	if (linked !== undefined) return linked;
	// a bare id, with its version or not
	const text = input.trim().replace(/^arxiv:\s*/i, '').replace(/v\d+$/, '');
	return OLD_STYLE_ID.test(text) || isWellFormedNewId(text) ? text : undefined;
}
