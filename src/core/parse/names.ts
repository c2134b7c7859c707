/**
 * Does a piece of a paper's header read as its list of authors? Used where the header gives a choice:
 * segments of a ` | ` line (`**高价值** | *Kwak, Lee, …*`, `**Alice Zhang, Bob Li** | *cs.RO*`) and
 * an italic line right under a labelled translated title.
 */
import { stripEmphasis } from './text';

/** an arXiv category, or a list of them: `cs.RO`, `cs.RO, cs.LG`, `astro-ph.GA`, `hep-th` */
const CATEGORY_LIST = /^(?:[a-z]+(?:-[a-z]+)?\.[A-Za-z]{2,}(?:-[A-Za-z]+)?|[a-z]+-[a-z]+)(?:\s*[,，、;；]\s*(?:[a-z]+(?:-[a-z]+)?\.[A-Za-z]{2,}(?:-[A-Za-z]+)?|[a-z]+-[a-z]+))*$/;
/** where a paper appears or was accepted (`Accepted at ICRA 2026`, `CVPR Workshop`, `Oral`): a year, a venue's words */
const VENUE = /\b(?:(?:19|20)\d\d|accepted|submitted|under review|to appear|appears? (?:in|at)|conference|proceedings|workshop|journal|symposium|oral|spotlight|poster|highlight|camera[- ]ready|preprint)\b/i;
/** what separates names in a list */
const NAME_SEPARATORS = /\s*[,，、;；]\s*|\s+(?:and|&)\s+/;
/** the small words of a name (`Ludwig van Beethoven`, `Maria de la Cruz`) */
const NAME_PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'di', 'da', 'dos', 'du', 'la', 'le', 'van', 'von', 'bin', 'al', 'y']);
/** a name's word: capitalised (`Kwak`, `Jae-Jin`, `Ó`, `J.`) */
const CAPITALISED = /^\p{Lu}/u;

/**
 * How much `text` (emphasis markers allowed) reads as a list of authors: 2 for a list of several
 * (`A, B`, `A and B`), 1 for one name of several capitalised words (`Alice Zhang`), 0 for what could
 * be a name (one word, `张三`, `高价值`), -1 for what is no name: a category id (`cs.RO`), a venue or
 * a year (`Accepted at ICRA 2026`), nothing.
 */
export function namesScore(text: string): number {
	const s = stripEmphasis(text).trim();
	if (s.length === 0 || s.length > 4000 || CATEGORY_LIST.test(s) || VENUE.test(s)) return -1;
	const parts = s.split(NAME_SEPARATORS).filter((part) => part !== '');
	// a list of names: each part a name, at least half of them of two words or more (`Look, Listen, and
	// Act`, `ICRA, RA-L` are no authors; `Hyunseok Kwak, Kyeongwon Lee`, `张三, 李四` are)
	if (parts.length >= 2) {
		const full = parts.filter((part) => HAN_NAME.test(part) || part.split(/\s+/).length >= 2).length;
		return parts.every(looksLikeName) && full * 2 >= parts.length ? 2 : 0;
	}
	const words = s.split(/\s+/);
	// `CVPR`, `ICRA 2026` (the year is caught above), `RA-L`: a venue's acronym
	if (words.every((w) => ACRONYM.test(w) && w.replace(/[.\-]/g, '').length > 1)) return -1;
	if (words.length >= 2 && words.length <= 6 && words.every((w) => CAPITALISED.test(w) || NAME_PARTICLES.has(w))) return 1;
	return 0;
}

/** a name written in Chinese characters (`张三`, `欧阳娜娜`, `阿卜杜·拉赫曼`) */
const HAN_NAME = /^[\p{Script=Han}·]{2,8}$/u;
/** an acronym or a code (`ICRA`, `RA-L`, `3DV`): no name's word */
const ACRONYM = /^[\p{Lu}\d.&-]+$/u;

/** One part of a list that reads as a name: in Chinese characters, or up to five capitalised words (particles aside) that are not all acronyms. */
function looksLikeName(part: string): boolean {
	if (HAN_NAME.test(part)) return true;
	const words = part.split(/\s+/);
	if (words.length > 5 || words.every((w) => ACRONYM.test(w) && w.replace(/[.\-]/g, '').length > 1)) return false;
	return words.every((w) => CAPITALISED.test(w) || NAME_PARTICLES.has(w));
}
