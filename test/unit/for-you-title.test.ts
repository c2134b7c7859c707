/** The For You list's title says what ranks it: the stars of the model are those these digests list. */
import * as assert from 'node:assert';
import { addToCollection, emptyLibrary, STARRED } from '../../src/core/library/model';
import { fakeVscode, withFakeVscode } from './fake-vscode';

describe('For You title', () => {
	let forYou: typeof import('../../src/features/recs/forYou');
	withFakeVscode(() => (forYou = require('../../src/features/recs/forYou')));

	/** a service whose training (the index's) found `positives` of `stars` starred papers in the digests */
	async function titleFor(stars: number, positives: number): Promise<string> {
		const ids = Array.from({ length: stars }, (_, i) => `24${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`);
		const event = () => new fakeVscode.EventEmitter<void>().event;
		const library = { library: addToCollection(emptyLibrary(), STARRED, ids), onDidChange: event() };
		const service = new forYou.ForYouService({ onDidChange: event() } as never, library as never, { store: { readIds: () => [] }, interests: { onDidChange: event(), hasInterests: true } } as never);
		(service.trainer as unknown as { deps: { train: unknown } }).deps.train = async () => ({ model: { weights: [] }, positives, negatives: 400, ms: 5, gatherMs: 1 });
		try {
			return service.title(await service.ranking());
		} finally {
			service.dispose();
		}
	}

	it('names the stars the model learned from when the digests list only some (older days gone, other workspaces)', async () => {
		// a long-term-use review's: a fork keeping its last 30 days listed 60 of 1,500 stars, and the title said 1500
		assert.strictEqual(await titleFor(1500, 60), 'For You: ranked by a model of 60 of your 1500 starred papers (those in these digests)');
		assert.strictEqual(await titleFor(12, 12), 'For You: ranked by a model of your 12 starred papers');
	});
});
