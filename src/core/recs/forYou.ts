/**
 * "For you": trains the linear model (recs/linear) on the reader's stars across every shard.
 * Positives: starred papers; negatives: papers read but not starred, plus random papers (most of a
 * day is not for you).
 */
import type { SearchService } from '../search/client';
import type { LinearModel } from './linear';

/** below this many stars the ranking falls back to the reader's interests */
export const MIN_STARS = 5;
/** read-but-not-starred negatives at most */
const MAX_READ_NEGATIVES = 2000;

export interface ForYouModel {
	model: LinearModel;
	positives: number;
	negatives: number;
	/** gathering vectors and training, ms */
	ms: number;
}

export async function trainForYou(service: Pick<SearchService, 'idVectors' | 'train'>, stars: readonly string[], read: readonly string[] = [], now: () => number = () => Date.now()): Promise<ForYouModel | undefined> {
	const started = now();
	const starred = new Set(stars);
	const positives = await service.idVectors(stars);
	if (positives.length < MIN_STARS) return undefined;
	const readNegatives = read.filter((id) => !starred.has(id)).slice(-MAX_READ_NEGATIVES);
	const random = Math.max(200, positives.length);
	const negatives = await service.idVectors(readNegatives, random, [...stars], stars.length);
	const model = await service.train(
		positives.map((p) => p.vector),
		negatives.filter((n) => !starred.has(n.id)).map((n) => n.vector),
	);
	return { model, positives: positives.length, negatives: negatives.length, ms: now() - started };
}
