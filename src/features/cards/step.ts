/** Where a card's paper is in its file: at the index it had, else found by id (-1: no longer there). */
export function paperIndexOf(papers: readonly { readonly id: string }[], ref: { readonly id: string; readonly index?: number }): number {
	return ref.index !== undefined && papers[ref.index]?.id === ref.id ? ref.index : papers.findIndex((p) => p.id === ref.id);
}

/**
 * Where Previous / Next go from a card's paper: the paper `delta` places away in its file; when the
 * paper has left the file (an edit removed it), from the place it had, so the reader moves on rather
 * than meets a dead end: Next shows the paper now in that place, Previous the one before it.
 */
export function stepIndex(papers: readonly { readonly id: string }[], ref: { readonly id: string; readonly index?: number }, delta: number): number | undefined {
	const here = paperIndexOf(papers, ref);
	let to: number;
	if (here >= 0) to = here + delta;
	else if (ref.index === undefined) return undefined;
	else to = delta > 0 ? ref.index + delta - 1 : ref.index + delta;
	return to >= 0 && to < papers.length ? to : undefined;
}
