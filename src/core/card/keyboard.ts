/**
 * The card's keyboard moves that are not a button's own key (CARD_KEYS): arrows inside a group of
 * like controls, and Tab at either end of the card. Pure, for the card script and its tests.
 */

/**
 * Where an arrow key moves the focus in a roving group of `count` controls (WAI-ARIA toolbar: the group
 * is one Tab stop and its arrows go from one to the next), from the control at `index`: ←/↑ and →/↓
 * to the one before and after, wrapping at the ends, Home and End to the first and the last.
 * Undefined for any other key or with a modifier held: the key is not the group's.
 */
export function rovingTarget(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, index: number, count: number): number | undefined {
	if (count <= 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
	switch (event.key) {
		case 'ArrowLeft':
		case 'ArrowUp':
			return (index - 1 + count) % count;
		case 'ArrowRight':
		case 'ArrowDown':
			return (index + 1) % count;
		case 'Home':
			return 0;
		case 'End':
			return count - 1;
		default:
			return undefined;
	}
}

/**
 * Where Tab goes from the control at `index` of the card's `count` Tab stops: past the last one the
 * browser would put the focus on the webview's bare document (nothing on screen shows it), so Tab
 * there goes round to the first, and Shift+Tab on the first to the last, as in a dialog or the
 * workbench's own parts. Undefined: the browser's own move (inside the card, or any key with Ctrl,
 * Alt or Meta). Only Tab goes round: the editor's own keys (Ctrl+1, Ctrl+0, Ctrl+Tab) still leave the card.
 */
export function tabWrapTarget(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, index: number, count: number): number | undefined {
	if (event.key !== 'Tab' || count <= 0 || event.altKey || event.ctrlKey || event.metaKey) return undefined;
	if (event.shiftKey) return index === 0 ? count - 1 : undefined;
	return index === count - 1 ? 0 : undefined;
}

/**
 * A roving group made again (a table whose figures came anew) keeps its Tab stop where the reader left
 * it: on the control of the same label, else at the same place (the last one when the group shrank),
 * else on the first. `before`: the labels of the old group and the index of its Tab stop.
 */
export function keptRovingStop(before: { labels: readonly string[]; index: number } | undefined, labels: readonly string[]): number {
	if (labels.length === 0 || !before) return 0;
	const label = before.labels[before.index];
	const same = label === undefined ? -1 : labels.indexOf(label);
	return same >= 0 ? same : Math.max(0, Math.min(before.index, labels.length - 1));
}
