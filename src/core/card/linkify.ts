/**
 * How the card's markdown-it finds links in plain text (linkify), beyond linkify-it's own reading: a link
 * ends where a Chinese sentence or the sentence's punctuation goes on, and a code host's address written
 * without its scheme (`github.com/owner/repo`) is a link. vscode-free.
 */
import type MarkdownIt from 'markdown-it';
import { CJK_OR_FULL_WIDTH } from '../parse/text';

type Linkify = MarkdownIt['linkify'];
type Match = NonNullable<ReturnType<Linkify['matchAtStart']>>;

/**
 * A code host's address without `https://` (`Codes are available at github.com/daehuikim/GuRE.`, 47 papers
 * of the 167 real days): a repository, a model or data set page, a project site. Only these hosts, with an
 * owner after them (a project site may have none): fuzzy links stay off, so `model.py`, `e.g.` and
 * `arXiv.org` in prose stay text. Not inside a longer host or address (`api.github.com`, `https://github.com/…`).
 */
const CODE_HOST_SOURCE =
	'(?<![A-Za-z0-9_@./:\\\\-])(?:www\\.)?(?:(?:github\\.com|gitlab\\.com|huggingface\\.co)\\/[A-Za-z0-9][\\w.-]*|(?:[A-Za-z0-9-]+\\.)+github\\.io(?![\\w-]))(?:\\/[^\\s<>"\'`|()[\\]{}\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f]*)?';
const CODE_HOST = new RegExp(CODE_HOST_SOURCE, 'gi');
const ANY_CODE_HOST = new RegExp(CODE_HOST_SOURCE, 'i');
/** the hosts' names alone: a quick test before CODE_HOST, whose subdomains are tried at each word of every text */
const CODE_HOST_NAME = /github\.|gitlab\.com|huggingface\.co/i;

function hasCodeHost(text: string): boolean {
	return CODE_HOST_NAME.test(text) && ANY_CODE_HOST.test(text);
}

/** a sentence's first word glued after an address's last full stop (`…/Bench.The results show …`) */
const SENTENCE_GLUED = /\.(?:The|This|These|That|Those|We|Our|It|Its|In|On|For|Code|Codes|Results?|Experiments?|Extensive|Moreover|Furthermore|However|Finally|Additionally|Warning|Note|See|All)$/;

/**
 * The link `m` without what follows it in the sentence: Chinese summaries write a URL with no space before
 * the text that follows (`可在https://x.github.io访问`, `https://github.com/a/b。`), where linkify took that
 * text into the link, a punycoded host or a 404; a full stop ending the sentence or footnote it is in is
 * not the link's either. Null when nothing but the scheme is left.
 */
function trimmed(m: Match): Match | null {
	const cjk = m.raw.search(CJK_OR_FULL_WIDTH);
	let raw = cjk < 0 ? m.raw : m.raw.slice(0, cjk);
	// a sentence's full stop before a closing bracket (`(… at https://github.com/a/M-ASK.)`, a footnote's end)
	// or glued to the next sentence (`https://github.com/a/Bench.Warning: …`, `…/Bench.The results`) is not the
	// link's; a name with a capitalised part (`github.com/dotnet/Microsoft.Extensions`, `org/My.Data`) is
	if (/^(?:[a-z]+:\/\/)?[^/]+\/./i.test(raw)) raw = raw.replace(/\.[A-Z][a-z]+:$/, '').replace(SENTENCE_GLUED, '');
	raw = raw.replace(/[.,;:!?]+$/, '');
	// an address as arXiv escapes it in TeX (`Persona\_Paradox`): the link and its text without the backslash
	const clean = raw.replace(/\\(?=[_~#%&])/g, '');
	if (raw.length === m.raw.length && clean === raw) return m;
	const cut = raw.length;
	// nothing left but the scheme
	if (!/^[a-z][a-z0-9+.-]*:\/*[^/\s]/i.test(clean) && m.schema !== '') return null;
	const url = m.schema === '' ? `https://${clean}` : clean;
	return Object.assign(m, { raw, text: clean, url, lastIndex: m.index + cut });
}

/** The code hosts' addresses without a scheme in `text` (see CODE_HOST), as linkify's matches, none overlapping `found`. */
function codeHostLinks(text: string, found: readonly Match[]): Match[] {
	const out: Match[] = [];
	for (const m of text.matchAll(CODE_HOST)) {
		const index = m.index;
		const lastIndex = index + m[0].length;
		if (found.some((f) => f.index < lastIndex && index < f.lastIndex)) continue;
		const link = trimmed({ schema: '', index, lastIndex, raw: m[0], text: m[0], url: `https://${m[0]}` } as Match);
		if (link) out.push(link);
	}
	return out;
}

/** `linkify` reading links as the card does (see the module's comment). */
export function cardLinkify(linkify: Linkify): void {
	const pretest = linkify.pretest.bind(linkify);
	const test = linkify.test.bind(linkify);
	const match = linkify.match.bind(linkify);
	const matchAtStart = linkify.matchAtStart.bind(linkify);
	linkify.pretest = (text) => pretest(text) || hasCodeHost(text);
	linkify.test = (text) => test(text) || hasCodeHost(text);
	linkify.match = (text) => {
		const found = (match(text) ?? []).map(trimmed).filter((m): m is Match => m !== null);
		const hosts = hasCodeHost(text) ? codeHostLinks(text, found) : [];
		const all = hosts.length > 0 ? [...found, ...hosts].sort((a, b) => a.index - b.index) : found;
		return all.length > 0 ? all : null;
	};
	linkify.matchAtStart = (text) => {
		const found = matchAtStart(text);
		return found && trimmed(found);
	};
}
