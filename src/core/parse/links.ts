/**
 * Stable paper ids from whatever link a digest gives: arXiv abs/pdf/html links (with or without a
 * version, http or https, new `2602.04994` or old `hep-th/9901001` ids), DOIs (doi.org, bioRxiv,
 * medRxiv), any other URL, or no link at all (then the title).
 */

export interface PaperIdentity {
	id: string;
	version?: string;
	isArxiv: boolean;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function isLowerOrDash(code: number): boolean {
	return (code >= 97 && code <= 122) || code === 45;
}

/** splits a trailing `v<digits>` off an id */
function splitVersion(id: string): { base: string; version?: string } {
	let i = id.length;
	while (i > 0 && isDigit(id.charCodeAt(i - 1))) i--;
	if (i < id.length && i > 1 && (id[i - 1] === 'v' || id[i - 1] === 'V')) {
		return { base: id.slice(0, i - 1), version: 'v' + id.slice(i) };
	}
	return { base: id };
}

/** The digits after the dot of a new-style id of month `yymm`: 4 until 2014, 5 since 1501. */
export function arxivNumberDigits(yymm: number): 4 | 5 {
	return yymm >= 1501 ? 5 : 4;
}

/** Is `id` (`2401.01234`, `0704.0001`) a new-style id arXiv can have given: a month 01–12 and as many digits as that month's ids have? */
export function isWellFormedNewId(id: string): boolean {
	const m = /^(\d{2})(\d{2})\.(\d{4,5})$/.exec(id);
	if (!m) return false;
	const month = Number(m[2]);
	return month >= 1 && month <= 12 && m[3].length === arxivNumberDigits(Number(m[1] + m[2]));
}

/** a new-style arXiv id (`2602.04994`, `0704.0001`) at the start of `s`, with optional version */
function newStyleId(s: string): PaperIdentity | undefined {
	let i = 0;
	while (i < 4 && isDigit(s.charCodeAt(i))) i++;
	if (i !== 4 || s.charCodeAt(4) !== 46) return undefined;
	let j = 5;
	while (j < s.length && isDigit(s.charCodeAt(j))) j++;
	if (j - 5 < 4 || j - 5 > 5) return undefined;
	let end = j;
	let version: string | undefined;
	if (s[j] === 'v' || s[j] === 'V') {
		let k = j + 1;
		while (k < s.length && isDigit(s.charCodeAt(k))) k++;
		if (k > j + 1) {
			version = 'v' + s.slice(j + 1, k);
			end = k;
		}
	}
	if (end < s.length && /[\p{L}\p{N}]/u.test(s[end])) return undefined;
	return { id: s.slice(0, j), version, isArxiv: true };
}

/** an old-style arXiv id (`hep-th/9901001`, `math.AG/0309136`) at the start of `s` */
function oldStyleId(s: string): PaperIdentity | undefined {
	let i = 0;
	while (i < s.length && isLowerOrDash(s.charCodeAt(i))) i++;
	if (i === 0) return undefined;
	if (s[i] === '.') {
		let k = i + 1;
		while (k < s.length && /[A-Za-z]/.test(s[k])) k++;
		if (k === i + 1) return undefined;
		i = k;
	}
	if (s[i] !== '/') return undefined;
	let j = i + 1;
	while (j < s.length && isDigit(s.charCodeAt(j))) j++;
	if (j - i - 1 !== 7) return undefined;
	let version: string | undefined;
	if (s[j] === 'v') {
		let k = j + 1;
		while (k < s.length && isDigit(s.charCodeAt(k))) k++;
		if (k > j + 1) version = s.slice(j, k);
	}
	return { id: s.slice(0, j), version, isArxiv: true };
}

/** an arXiv id written without a URL: `2602.04994v2`, `arXiv:2602.04994`, `hep-th/9901001` */
export function arxivIdFromText(text: string): PaperIdentity | undefined {
	let s = text.trim();
	if (/^arxiv:\s*/i.test(s)) s = s.replace(/^arxiv:\s*/i, '');
	return newStyleId(s) ?? oldStyleId(s);
}

/** the URL inside a markdown link `[text](url)`, an autolink `<url>`, or the text itself */
export function extractUrl(text: string): string {
	const t = text.trim();
	const open = t.indexOf('](');
	if (open >= 0) {
		const close = t.indexOf(')', open + 2);
		return (close >= 0 ? t.slice(open + 2, close) : t.slice(open + 2)).trim();
	}
	if (t.startsWith('<') && t.endsWith('>')) return t.slice(1, -1).trim();
	return t;
}

function stripDoiSuffix(doi: string, host: string): string {
	let d = doi;
	for (const suffix of ['.full.pdf', '.full-text', '.full', '.pdf', '.abstract']) {
		if (d.toLowerCase().endsWith(suffix)) {
			d = d.slice(0, -suffix.length);
			break;
		}
	}
	// bioRxiv and medRxiv append the preprint version to the DOI in their URLs
	if (host.endsWith('rxiv.org')) d = splitVersion(d).base;
	return d;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** the stable identity of a paper link */
export function identityFromLink(link: string): PaperIdentity {
	const url = link.trim();
	// the common case, cheaply: https://arxiv.org/abs/2602.04994
	const fast = url.startsWith('https://arxiv.org/abs/') ? 22 : url.startsWith('http://arxiv.org/abs/') ? 21 : -1;
	if (fast > 0) {
		const found = newStyleId(url.slice(fast));
		if (found) return found;
	}
	const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]*)([^?#\s]*)(\?[^#\s]*)?/i.exec(url);
	if (!m) {
		return arxivIdFromText(url) ?? { id: 'url:' + url, isArxiv: false };
	}
	const host = m[2].toLowerCase().replace(/^www\./, '').replace(/:\d+$/, '');
	const path = safeDecode(m[3]);
	const query = m[4] ?? '';
	if (host === 'arxiv.org' || host.endsWith('.arxiv.org')) {
		const segs = path.split('/').filter((s) => s.length > 0);
		if (segs.length >= 2) {
			let rest = segs.slice(1).join('/');
			if (rest.toLowerCase().endsWith('.pdf')) rest = rest.slice(0, -4);
			const found = newStyleId(rest) ?? oldStyleId(rest);
			if (found) return found;
		}
	}
	const doiAt = path.search(/10\.\d{4,9}\//);
	if (doiAt >= 0) {
		return { id: 'doi:' + stripDoiSuffix(path.slice(doiAt), host).toLowerCase(), isArxiv: false };
	}
	let end = path.length;
	while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
	const trimmedPath = path.slice(0, end);
	return { id: 'url:' + host + trimmedPath + query, isArxiv: false };
}

/** lower case, punctuation folded to single spaces: the id of a paper without any link */
export function normaliseTitle(title: string): string {
	return title.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A category as arXiv writes it, from its lower case (a query's, an old id's): a two-letter subject class in
 * capitals (`cs.CV`, `math.AG`, `astro-ph.GA`); an archive alone or a longer subject as it is
 * (`hep-th`, `cond-mat.mes-hall`, `physics.optics`).
 */
export function categoryAsWritten(category: string): string {
	return category.replace(/^([a-z-]+)\.([a-z]{2})$/, (_all, archive: string, subject: string) => `${archive}.${subject.toUpperCase()}`);
}
