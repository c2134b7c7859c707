/**
 * A search's count when a phrase query could not check every candidate (vscode-free, light: the
 * search box imports it, the index stays in its worker).
 */

/** What is known of a phrase query's count when not every candidate was checked (see SearchResult.range). */
export interface CountRange {
	min: number;
	max: number;
	estimated: boolean;
}

/**
 * A count as said: an estimate (`about 290 results`) to two significant figures, what a sample of the
 * candidates knows (PaperIndex.countRest: see COUNT_CHECKS for how close), kept
 * within what is known (`range`); an exact count or an upper bound as it is.
 */
export function saidCount(total: number, range: CountRange | undefined): number {
	if (!range?.estimated || total < 100) return total;
	const unit = 10 ** (Math.floor(Math.log10(total)) - 1);
	const rounded = Math.round(total / unit) * unit;
	return rounded >= range.min && rounded <= range.max ? rounded : total;
}
