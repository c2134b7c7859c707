/**
 * The card's "Similar papers" section (vscode-free): rendered by the extension once the index
 * worker answered, sent to the webview with the id of the paper it belongs to, and appended after
 * the card body. Every piece of digest text goes through escapeHtml. The titles are plain text (not
 * KaTeX like the card's own title): their TeX math is written as the Papers view writes it (paperLabel).
 *
 * Each paper says what it has in common with the card's (its strongest shared words), not a percent:
 * a typical nearest paper has a cosine of 0.14–0.3, which a tester read as "14 %, barely similar".
 * The list's order is the cosine's; the cosine itself is the row's tooltip.
 */
import { escapeHtml } from '../html';
import { paperLabel } from '../tree';

export interface SimilarItem {
	id: string;
	title: string;
	/** newest day the paper is listed on ('' when the digest has no date) */
	day: string;
	category: string;
	/** cosine similarity, 0..1 */
	score: number;
	/** the words it has in common with the card's paper, strongest first (recs/explain sharedReasons) */
	words: readonly string[];
}

export interface SimilarStrings {
	heading: string;
	loading: string;
	none: string;
	/** the button's accessible name (its day, category and words in common are its description) */
	open: (title: string) => string;
	/** the line under a paper: the words it has in common with the card's */
	inCommon: (words: readonly string[]) => string;
	/** the button's tooltip: the cosine, which the list is ordered by */
	score: (score: number) => string;
}

export type SimilarState = { kind: 'loading' } | { kind: 'ready'; items: readonly SimilarItem[] } | { kind: 'unavailable'; message: string };

export const SIMILAR_SECTION_ID = 'similar-papers';

export function renderSimilarHtml(state: SimilarState, t: SimilarStrings): string {
	const heading = `<h2 id="${SIMILAR_SECTION_ID}-heading">${escapeHtml(t.heading)}</h2>`;
	const wrap = (body: string, busy = false) =>
		`<section class="field similar" id="${SIMILAR_SECTION_ID}" aria-labelledby="${SIMILAR_SECTION_ID}-heading"${busy ? ' aria-busy="true"' : ''}>${heading}<div class="field-body">${body}</div></section>`;
	if (state.kind === 'loading') return wrap(`<p class="similar-status" role="status">${escapeHtml(t.loading)}</p>`, true);
	if (state.kind === 'unavailable') return wrap(`<p class="similar-status" role="status">${escapeHtml(state.message)}</p>`);
	if (state.items.length === 0) return wrap(`<p class="similar-status" role="status">${escapeHtml(t.none)}</p>`);
	const items = state.items.map((item, i) => {
		const title = paperLabel(item);
		const meta = [item.day, item.category].filter((s) => s.trim() !== '').map(escapeHtml).join(' · ');
		// the label replaces the button's text for a screen reader: the day, category and words it shows come as its description
		const metaId = `${SIMILAR_SECTION_ID}-meta-${i}`;
		const whyId = `${SIMILAR_SECTION_ID}-why-${i}`;
		const describedBy = [meta ? metaId : '', item.words.length ? whyId : ''].filter(Boolean).join(' ');
		return (
			`<li><button type="button" class="similar-item" data-action="openSimilar" data-id="${escapeHtml(item.id)}" aria-label="${escapeHtml(t.open(title))}"${describedBy ? ` aria-describedby="${describedBy}"` : ''} title="${escapeHtml(t.score(item.score))}">` +
			`<span class="similar-title">${escapeHtml(title)}</span>` +
			`<span class="similar-meta"${meta ? ` id="${metaId}"` : ''}>${meta}</span>` +
			(item.words.length ? `<span class="similar-why" id="${whyId}">${escapeHtml(t.inCommon(item.words))}</span>` : '') +
			`</button></li>`
		);
	});
	return wrap(`<ol class="similar-list">${items.join('')}</ol>`);
}
