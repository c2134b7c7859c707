/**
 * Author names compared as a reader means "this person": the interests' followed authors and the
 * search's quoted `author:"…"` filters both read a name so.
 */

/**
 * A name as it is compared: accents and case ignored, marks other than a hyphen (dots, quotes of a
 * nickname, `§` and `†` of an affiliation, apostrophes) and spaces one space, a hyphen kept as one
 * (`Xiao-Yang Liu` → `xiao-yang liu`), so that a name matches only whole words of another and a
 * hyphenated given name is one word (see nameHasWords): `Linxi "Jim" Fan` is `linxi jim fan`, as the
 * card's author search writes it.
 */
export function foldName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		// a hyphen, whatever dash stands for it (`Xiao–Yang`); superscript affiliation marks go (`Liu¹`)
		.replace(/[^\p{L}\p{Nd}\-\u2010-\u2013\u2212]+/gu, ' ')
		.replace(/ ?[-\u2010-\u2013\u2212] ?/g, '-')
		.trim();
}

/** A name asked for (an interest, a quoted filter) as nameHasWords takes it: folded, its hyphens spaces. */
export function wantedName(name: string): string {
	return foldName(name).replace(/-/g, ' ');
}

/**
 * Whether `folded` (foldName of an author's name) holds the words of `wanted` (wantedName) whole and in
 * order, others between them or not, a hyphenated word whole: "He" is not "Hehe"; "Kaiming He" is in
 * "Kaiming He Jr", "Linxi Fan" in "Linxi Jim Fan"; "Yang Liu" is in neither "Xiao-Yang Liu" nor "Liu
 * Yang" nor "Yangyang Liu"; "Xiao Yang Liu" is in "Xiao-Yang Liu" (the wanted name's spaces match hyphens)
 * and in "Xiao Xiao-Yang Liu" (every way of reading the words is tried, not the first match only).
 */
export function nameHasWords(folded: string, wanted: string): boolean {
	const want = wanted.split(' ').filter((w) => w !== '');
	if (want.length === 0) return false;
	// reached[k]: the first k wanted words are in the words read so far
	const reached = [true, ...want.map(() => false)];
	for (const word of folded.split(' ')) {
		const parts = word.split('-');
		// from the last wanted word back, so that one word is not taken twice
		for (let at = want.length - parts.length; at >= 0; at--) {
			if (reached[at] && parts.every((part, k) => want[at + k] === part)) reached[at + parts.length] = true;
		}
		if (reached[want.length]) return true;
	}
	return false;
}
