/**
 * The card's "Similar papers" section (vscode-free): rendered by the extension once the index
 * worker answered, sent to the webview with the id of the paper it belongs to, and appended after
 * the card body. Every piece of digest text goes through escapeHtml. The titles are plain text (not
 * KaTeX like the card's own title): their TeX math is written as the Papers view writes it (paperLabel).
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
}

export interface SimilarStrings {
	heading: string;
	loading: string;
	none: string;
	/** the button's accessible name: title and score (its day and category are its description) */
	open: (title: string, percent: number) => string;
}

export type SimilarState = { kind: 'loading' } | { kind: 'ready'; items: readonly SimilarItem[] } | { kind: 'unavailable'; message: string };

export const SIMILAR_SECTION_ID = 'similar-papers';

/** the score as a whole percent (what the bar and the label show) */
export function similarPercent(score: number): number {
	return Math.max(0, Math.min(100, Math.round(score * 100)));
}

export function renderSimilarHtml(state: SimilarState, t: SimilarStrings): string {
	const heading = `<h2 id="${SIMILAR_SECTION_ID}-heading">${escapeHtml(t.heading)}</h2>`;
	const wrap = (body: string, busy = false) =>
		`<section class="field similar" id="${SIMILAR_SECTION_ID}" aria-labelledby="${SIMILAR_SECTION_ID}-heading"${busy ? ' aria-busy="true"' : ''}>${heading}<div class="field-body">${body}</div></section>`;
	if (state.kind === 'loading') return wrap(`<p class="similar-status" role="status">${escapeHtml(t.loading)}</p>`, true);
	if (state.kind === 'unavailable') return wrap(`<p class="similar-status" role="status">${escapeHtml(state.message)}</p>`);
	if (state.items.length === 0) return wrap(`<p class="similar-status" role="status">${escapeHtml(t.none)}</p>`);
	const items = state.items.map((item, i) => {
		const percent = similarPercent(item.score);
		const title = paperLabel(item);
		const meta = [item.day, item.category].filter((s) => s.trim() !== '').map(escapeHtml).join(' · ');
		// the label replaces the button's text for a screen reader: the day and category it shows come as its description
		const metaId = `${SIMILAR_SECTION_ID}-meta-${i}`;
		return (
			`<li><button type="button" class="similar-item" data-action="openSimilar" data-id="${escapeHtml(item.id)}" aria-label="${escapeHtml(t.open(title, percent))}"${meta ? ` aria-describedby="${metaId}"` : ''}>` +
			`<span class="similar-title">${escapeHtml(title)}</span>` +
			`<span class="similar-meta"${meta ? ` id="${metaId}"` : ''}>${meta}</span>` +
			`<span class="similar-score"><meter min="0" max="100" value="${percent}" aria-hidden="true"></meter><span>${percent}%</span></span>` +
			`</button></li>`
		);
	});
	return wrap(`<ol class="similar-list">${items.join('')}</ol>`);
}
