/**
 * Author names compared as a reader means "this person": the interests' followed authors and the
 * search's quoted `author:"…"` filters both read a name so.
 */

/**
 * A name as it is compared: accents and case ignored, dots and spaces one space, a hyphen kept as one
 * (`Xiao-Yang Liu` → `xiao-yang liu`), so that a name matches only whole words of another and a
 * hyphenated given name is one word (see nameHasRun).
 */
export function foldName(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[.\s]+/g, ' ')
		.replace(/ ?[-‐] ?/g, '-')
		.trim();
}

/** A name asked for (an interest, a quoted filter) as nameHasRun takes it: folded, its hyphens spaces. */
export function wantedName(name: string): string {
	return foldName(name).replace(/-/g, ' ');
}

/**
 * Whether `folded` (foldName of an author's name) holds `wanted` (wantedName) as whole words side by
 * side, a hyphenated word whole: "He" is not "Hehe", "Kaiming He" is in "Kaiming He Jr", "Yang Liu"
 * is in neither "Xiao-Yang Liu" nor "Liu Yang", "Xiao Yang Liu" is in "Xiao-Yang Liu" (the wanted
 * name's spaces match hyphens).
 */
export function nameHasRun(folded: string, wanted: string): boolean {
	if (wanted === '') return false;
	const spaced = folded.replace(/-/g, ' ');
	for (let at = spaced.indexOf(wanted); at >= 0; at = spaced.indexOf(wanted, at + 1)) {
		const end = at + wanted.length;
		if ((at === 0 || folded[at - 1] === ' ') && (end === folded.length || folded[end] === ' ')) return true;
	}
	return false;
}
