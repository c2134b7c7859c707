/** Repeatable pseudo-random test data: the same seed gives the same sequence on every run. */

/** A linear congruential generator over [0, 1). */
export function seededRandom(seed: number): () => number {
	return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** `count` words of 1..`maxLength` characters drawn from `letters`, without repeats (so maybe fewer). */
export function randomVocabulary(seed: number, letters: string, maxLength: number, count: number): string[] {
	const random = seededRandom(seed);
	const word = () => Array.from({ length: 1 + Math.floor(random() * maxLength) }, () => letters[Math.floor(random() * letters.length)]).join('');
	return [...new Set(Array.from({ length: count }, word))];
}
