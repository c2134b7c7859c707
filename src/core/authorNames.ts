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
 * Yang" nor "Yangyang Liu"; "Xiao Yang Liu" is in "Xiao-Yang Liu" (the wanted name's spaces match hyphens).
 */
export function nameHasWords(folded: string, wanted: string): boolean {
	const want = wanted.split(' ').filter((w) => w !== '');
	if (want.length === 0) return false;
	let at = 0;
	for (const word of folded.split(' ')) {
		if (at === want.length) break;
		const parts = word.split('-');
		if (parts.every((part, k) => want[at + k] === part)) at += parts.length;
	}
	return at === want.length;
}
