import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { paperFragments } from '../../src/core/corpus/paperFragments';
import { summarizeDigest } from '../../src/core/summary';
import { fnv1a } from '../../src/core/checksum';
import { decodeCache, encodeCache, encodingCache } from '../../src/core/search/cache';
import { INDEX_CACHE_VERSION, cacheKey } from '../../src/core/search/cacheFormat';
import { SearchShard, type ShardIO } from '../../src/core/search/engine';
import { paper } from '../fixtures/small-digest';
import { PaperIndex, topK, type DocRecord, type SearchResult } from '../../src/core/search/index';
import type { PostingStore } from '../../src/core/search/postings';
import { parseQuery, wordsOnlyFuzzy } from '../../src/core/search/query';

const FIXTURES = join(__dirname, '../../test/fixtures/search');
const DAY1 = '/ws/data/2026-02-05.md';
const DAY2 = '/ws/data/2026-02-06.md';
const DAY3 = '/ws/data/2026-03-02.md';

function fixture(name: string): string {
	return readFileSync(join(FIXTURES, name), 'utf8');
}

function addFixture(index: PaperIndex, path: string, text = fixture(path.slice(path.lastIndexOf('/') + 1))): void {
	index.addFile(path, parseDigest(text, path));
}

function fullIndex(): PaperIndex {
	const index = new PaperIndex();
	addFixture(index, DAY1);
	addFixture(index, DAY2);
	addFixture(index, DAY3);
	return index;
}

function run(index: PaperIndex, query: string, limit = 50): SearchResult {
	const parsed = parseQuery(query);
	if (!parsed.ok) assert.fail(parsed.error);
	return index.search(parsed.query, limit);
}

function ids(index: PaperIndex, query: string): string[] {
	return run(index, query).hits.map((h) => h.id);
}

describe('search index: day filters on a paper listed on several days', () => {
	it('day:/after:/before: take a paper listed on a day in the range; -day: leaves out a paper listed on that day, whatever other day lists it', () => {
		const index = new PaperIndex();
		addFixture(index, DAY1);
		addFixture(index, DAY2);
		// Saturday re-lists Friday's papers
		addFixture(index, '/ws/data/2026-02-07.md', fixture('2026-02-06.md'));
		const listed = (path: string) => parseDigest(fixture(path.slice(path.lastIndexOf('/') + 1)), path).papers.map((p) => p.id);
		const thursday = listed(DAY1).filter((id) => !listed(DAY2).includes(id));
		const friday = listed(DAY2);
		assert.ok(thursday.length > 0 && friday.length > 0);
		const sorted = (query: string) => ids(index, query).sort();
		assert.deepStrictEqual(sorted('day:2026-02-07'), [...friday].sort());
		assert.deepStrictEqual(sorted('after:2026-02-07'), [...friday].sort());
		assert.deepStrictEqual(sorted('day:2026-02 -day:2026-02-07'), [...thursday].sort());
		assert.deepStrictEqual(sorted('before:2026-02-06 -day:2026-02-07'), [...thursday].sort());
		// with words: the same days
		const hits = (query: string) => run(index, query).hits.map((h) => h.id);
		// Token Pruning… is listed on all three days; Segmentation of Street Scenes, which says token pruning too, on Thursday only
		assert.deepStrictEqual(hits('pruning day:2026-02-07'), ['2602.01001']);
		assert.deepStrictEqual(hits('pruning day:2026-02 -day:2026-02-07'), ['2602.01002']);
		assert.deepStrictEqual(hits('pruning -day:2026-02-05'), []);
		assert.deepStrictEqual(hits('segmentation street day:2026-02 -day:2026-02-07'), ['2602.01002']);
		assert.deepStrictEqual(hits('segmentation street after:2026-02-06'), []);
	});
});

describe('search index', () => {
	it('ranks a title hit above an abstract hit', () => {
		const index = fullIndex();
		assert.deepStrictEqual(ids(index, 'pruning'), ['2602.01001', '2602.01002']);
		assert.deepStrictEqual(ids(index, 'transformers'), ['2602.01001', '2603.00001']);
	});

	it('finds Chinese words written without spaces in the TL;DR', () => {
		const index = fullIndex();
		assert.deepStrictEqual(ids(index, '扩散模型'), ['2602.01002']);
		assert.deepStrictEqual(ids(index, '多模态'), ['2602.01003']);
		assert.deepStrictEqual(ids(index, '图神经网络'), ['2603.00001']);
		assert.deepStrictEqual(ids(index, '神经模型'), []);
	});

	it('matches prefixes, typos, hyphenated words and folded diacritics', () => {
		const index = fullIndex();
		assert.deepStrictEqual(ids(index, 'segm'), ['2602.01002']);
		assert.deepStrictEqual(ids(index, 'segmentaton'), ['2602.01002']);
		assert.deepStrictEqual(ids(index, 'state-of-the-art'), ['2602.01001']);
		assert.deepStrictEqual(ids(index, 'muller'), ['2602.01001']);
		assert.deepStrictEqual(ids(index, 'MÜLLER'), ['2602.01001']);
	});

	it('corrects a typo to its closest, most common words, not to rarer look-alikes', () => {
		const index = new PaperIndex();
		const titles = [
			...Array.from({ length: 6 }, (_, i) => `Diffusion models for task ${i}`),
			'Knowledge infusion for agents',
			'Lost in delusion',
			'Sensor fusion networks',
			'Transfuser revisited',
			'Transformer interpretability',
			'Transformers at scale',
			'A transformer for graphs',
		];
		const papers = titles.map((title, i) => paper({ id: `2601.${String(i).padStart(5, '0')}`, title, headingLine: i * 10 }));
		index.addFile('/ws/data/2026-01-01.md', { path: '/ws/data/2026-01-01.md', day: '2026-01-01', label: '2026-01-01', categories: [], papers, diagnostics: [], lineCount: 0 });
		// one letter from "diffusion"; "infusion", "delusion" and "fusion" are two
		assert.deepStrictEqual(ids(index, 'difusion').sort(), papers.slice(0, 6).map((p) => p.id).sort());
		// "transformer" is one letter away, "transfuser" two; "transformers" is found as the plural
		assert.deepStrictEqual(ids(index, 'transfomer').sort(), ['2601.00010', '2601.00011', '2601.00012']);
		// while a word is typed, a rare completion does not outrank a common one by its rarity alone
		const typing = new PaperIndex();
		const same = ['Transformer models for speech', 'Transformer models for vision', 'Transformer models for graphs', 'Transfuser models for driving'];
		const typed = same.map((title, i) => paper({ id: `2602.${String(i).padStart(5, '0')}`, title, headingLine: i * 10 }));
		typing.addFile('/ws/data/2026-02-01.md', { path: '/ws/data/2026-02-01.md', day: '2026-02-01', label: '2026-02-01', categories: [], papers: typed, diagnostics: [], lineCount: 0 });
		assert.deepStrictEqual(ids(typing, 'transf'), ['2602.00000', '2602.00001', '2602.00002', '2602.00003']);
	});

	/** A day of papers (title, author): the sorted titles a query finds among them. */
	function titlesFound(rows: readonly [string, string][]): (query: string) => string[] {
		const index = new PaperIndex();
		const papers = rows.map(([title, author], i) => paper({ id: `2601.${String(i).padStart(5, '0')}`, title, authors: [author], headingLine: i * 10 }));
		index.addFile('/ws/data/2026-01-01.md', { path: '/ws/data/2026-01-01.md', day: '2026-01-01', label: '2026-01-01', categories: [], papers, diagnostics: [], lineCount: 0 });
		return (query) => ids(index, query).map((id) => rows[Number(id.slice(5))][0]).sort();
	}

	it('matches a word typed as an acronym whole or in its numbered versions, never completed or corrected into another word', () => {
		const rows: [string, string][] = [
			['Uplink NOMA systems', 'Qi Dai'],
			['Rate loss of NOMA', 'Abu Noman'],
			['A safety benchmark', 'Abdullah Al Nomaan Nafi'],
			['SAM2 for video segmentation', 'Li Wu'],
			['YOLOv8 for drones', 'Li Wu'],
			['Sample efficient exploration', 'Li Wu'],
			['Vital signs from video', 'Li Wu'],
			['ViTs need registers', 'Li Wu'],
			['RMA for robots', 'Li Wu'],
		];
		const titles = titlesFound(rows);
		assert.deepStrictEqual(titles('NOMA'), ['Rate loss of NOMA', 'Uplink NOMA systems'], 'not the authors Noman and Nomaan');
		assert.deepStrictEqual(titles('SAM'), ['SAM2 for video segmentation'], 'its version, not samples');
		assert.deepStrictEqual(titles('YOLO'), ['YOLOv8 for drones']);
		assert.deepStrictEqual(titles('ViT'), ['ViTs need registers'], 'its plural, not vital');
		assert.deepStrictEqual(titles('RDMA'), [], 'not corrected to RMA');
		// typed in lower case, a word is still completed and corrected as it is typed
		assert.deepStrictEqual(titles('noma'), ['A safety benchmark', 'Rate loss of NOMA', 'Uplink NOMA systems']);
		assert.deepStrictEqual(titles('sam'), ['SAM2 for video segmentation', 'Sample efficient exploration']);
		assert.deepStrictEqual(titles('rdma'), ['RMA for robots']);
	});

	it('completes an acronym into its compounds with a common word (BERT → BERTScore), not into names or rare endings', () => {
		const rows: [string, string][] = [
			['BERT for retrieval', 'Li Wu'],
			['BERTScore as a metric', 'Li Wu'],
			['ViTPose for humans', 'Li Wu'],
			['Graph learning', 'Bertram Lee'],
			['Sample efficient exploration', 'Li Wu'],
			['Vital signs from video', 'Li Wu'],
			['Rate loss', 'Abu Noman'],
			// the words after the acronyms, common in the papers' text: `score`, `pose` and `ram` (which `Bertram` ends with)
			...Array.from({ length: 10 }, (_, i): [string, string] => [`A score and a pose of RAM number ${i}`, 'Li Wu']),
		];
		const titles = titlesFound(rows);
		assert.deepStrictEqual(titles('BERT'), ['BERT for retrieval', 'BERTScore as a metric'], 'the compound, not the author Bertram (a name, not a word of the text)');
		assert.deepStrictEqual(titles('ViT'), ['ViTPose for humans'], 'not vital: `al` is no word of three letters');
		assert.deepStrictEqual(titles('SAM'), [], 'not sample: `ple` is no word of the papers');
		assert.deepStrictEqual(titles('NOMA'), [], 'not the author Noman');
		// typed in lower case, every completion as before
		assert.deepStrictEqual(titles('bert'), ['BERT for retrieval', 'BERTScore as a metric', 'Graph learning']);
	});

	it('checks exact phrases against the text', () => {
		const index = fullIndex();
		assert.deepStrictEqual(ids(index, '"token pruning"'), ['2602.01001', '2602.01002']);
		assert.deepStrictEqual(ids(index, '"pruning token"'), []);
		assert.deepStrictEqual(ids(index, '"large language models"'), ['2602.01003']);
	});

	it('takes a phrase\'s words in every form a single word takes: plural = singular (two real days about world models)', () => {
		const index = new PaperIndex();
		for (const day of ['2026-06-14', '2026-06-15']) {
			const path = `/ws/data/${day}.md`;
			index.addFile(path, parseDigest(readFileSync(join(__dirname, `../../test/fixtures/world-models/${day}.md`), 'utf8'), path));
		}
		const sorted = (query: string) => ids(index, query).sort();
		// μ0 and ReactSim-Bench write "World Model", ContactWorld "World Models" (title and abstract)
		const june15 = ['2606.13769', '2606.13877', '2606.14058'];
		assert.deepStrictEqual(sorted('"world model" day:2026-06-15'), june15);
		assert.deepStrictEqual(sorted('"world models" day:2026-06-15'), june15);
		assert.deepStrictEqual(sorted('"World-Models" day:2026-06-15'), june15);
		// VISA and A Tutorial on World Models write only the plural; World Tracing, MaskWAM (World-Action Models)
		// and RepWAM (World Action Modeling) are not the phrase
		const june14 = ['2606.12721', '2606.12783', '2606.12828', '2606.12987', '2606.13376', '2606.13460', '2606.13607'];
		assert.deepStrictEqual(sorted('"world model" day:2026-06-14'), june14);
		assert.deepStrictEqual(sorted('"world models" day:2026-06-14'), june14);
		// modeling is a word of its own: MoVerse (Video World Modeling) and the tutorial (World modeling is emerging)
		assert.deepStrictEqual(sorted('"world modeling"'), ['2606.12783', '2606.13376']);
		assert.deepStrictEqual(sorted('tactile -"world models" day:2026-06-15'), sorted('tactile -"world model" day:2026-06-15'));
		assert.ok(!sorted('tactile -"world model" day:2026-06-15').includes('2606.13877'));
		// the card marks the phrase as the paper writes it
		const visa = run(index, '"world model" id:2606.13460').hits[0];
		assert.ok(visa.matched.includes('world models'), String(visa.matched));
	});

	it('applies filters and exclusions', () => {
		const index = fullIndex();
		assert.deepStrictEqual(ids(index, 'cat:cs.CL').sort(), ['2602.01003']);
		assert.deepStrictEqual(ids(index, 'author:lecun'), ['2602.01003']);
		assert.deepStrictEqual(ids(index, 'author:"Yann LeCun"'), ['2602.01003']);
		assert.deepStrictEqual(ids(index, 'author:"Yann Zhang"'), []);
		assert.deepStrictEqual(ids(index, 'author:li'), ['2602.01002']);
		assert.deepStrictEqual(ids(index, 'id:2602.01003'), ['2602.01003']);
		assert.deepStrictEqual(ids(index, 'day:2026-03'), ['2603.00001']);
		assert.deepStrictEqual(ids(index, 'day:2026-02-06').sort(), ['2602.01001', '2602.02001']);
		assert.deepStrictEqual(ids(index, 'after:2026-02-06').sort(), ['2602.01001', '2602.02001', '2603.00001']);
		assert.deepStrictEqual(ids(index, 'before:2026-02-05').sort(), ['2602.01001', '2602.01002', '2602.01003']);
		assert.deepStrictEqual(ids(index, 'pruning -segmentation'), ['2602.01001']);
		assert.deepStrictEqual(ids(index, 'pruning -cat:cs.CV'), []);
		// an archive stands for its categories, as in the interests (`cs` for every `cs.*`)
		assert.deepStrictEqual(ids(index, 'cat:cs').sort(), ['2602.01001', '2602.01002', '2602.01003', '2602.02001', '2603.00001']);
		assert.deepStrictEqual(ids(index, 'cat:c'), [], 'not a prefix of a name');
		// a subject without its archive, as arXiv abbreviates it (`CV` for cs.CV)
		assert.deepStrictEqual(ids(index, 'cat:CL'), ids(index, 'cat:cs.CL'));
		assert.deepStrictEqual(ids(index, 'cat:CV').sort(), ids(index, 'cat:cs.CV').sort());
		assert.deepStrictEqual(ids(index, 'cat:V'), [], 'not a suffix of a subject');
		assert.deepStrictEqual(ids(index, 'pruning -cat:cs'), []);
		assert.deepStrictEqual(ids(index, 'transformers -"graph networks"'), ['2602.01001']);
	});

	it('keeps one document for a paper listed on several days, newest day first', () => {
		const index = fullIndex();
		assert.strictEqual(index.size, 5);
		const hits = run(index, 'id:2602.01001').hits;
		assert.strictEqual(hits.length, 1);
		assert.deepStrictEqual(
			hits[0].occurrences.map((o) => o.day),
			['2026-02-06', '2026-02-05'],
		);
	});

	it('updates one file incrementally: add, change, remove', () => {
		const index = new PaperIndex();
		addFixture(index, DAY1);
		assert.deepStrictEqual(ids(index, 'depth'), []);
		addFixture(index, DAY2);
		assert.deepStrictEqual(ids(index, 'depth'), ['2602.02001']);

		const changed = fixture('2026-02-06.md').replace('Robust Depth Estimation', 'Robust Stereo Matching');
		addFixture(index, DAY2, changed);
		assert.deepStrictEqual(ids(index, 'depth estimation'), ['2602.02001'], 'the abstract still says depth estimation');
		assert.deepStrictEqual(ids(index, 'stereo'), ['2602.02001']);
		assert.strictEqual(run(index, 'id:2602.02001').hits[0].title, 'Robust Stereo Matching');

		const withoutPaper = fixture('2026-02-06.md').split('### [2]')[0];
		addFixture(index, DAY2, withoutPaper);
		assert.deepStrictEqual(ids(index, 'stereo'), []);
		assert.deepStrictEqual(run(index, 'id:2602.01001').hits[0].occurrences.map((o) => o.day), ['2026-02-06', '2026-02-05']);

		assert.ok(index.removeFile(DAY2));
		assert.deepStrictEqual(run(index, 'id:2602.01001').hits[0].occurrences.map((o) => o.day), ['2026-02-05'], 'the shared paper keeps its other day');
		assert.ok(index.removeFile(DAY1));
		assert.strictEqual(index.size, 0);
		assert.deepStrictEqual(ids(index, 'pruning'), []);
		assert.strictEqual(index.removeFile(DAY1), false);
	});

	it('a loan of documents all removed since they waited lends nothing, and the documents made after it are indexed', () => {
		const index = new PaperIndex();
		index.deferBodies = true;
		addFixture(index, DAY1);
		// the last documents made, gone before the second pass lends them
		addFixture(index, DAY3);
		index.removeFile(DAY3);
		assert.strictEqual(index.lendBodies(1), undefined);
		// a file changed during the second pass: its new paper is a document above the dead ones
		addFixture(index, DAY2);
		assert.strictEqual(index.indexPendingBodies(), 0, 'every document indexed, none waits for a helper');
		assert.deepStrictEqual(ids(index, '深度估计'), ['2602.02001']);
	});

	it('shows a paper as its newest day lists it when an older file changes, and indexes the older text, as a cold build of the same files has it', () => {
		const index = fullIndex();
		// the older day's version of a paper the newer day lists too, changed (and another paper of that file)
		const older = fixture('2026-02-05.md').replace('[Token Pruning for Efficient Vision Transformers]', '[Token Dropping for Efficient Vision Transformers]').replace('Segmentation of Street Scenes', 'Segmentation of City Streets');
		addFixture(index, DAY1, older);
		assert.strictEqual(index.byId.get('2602.01001')?.title, 'Token Pruning for Efficient Vision Transformers', 'the newer listing\'s title');
		const cold = new PaperIndex();
		addFixture(cold, DAY3);
		addFixture(cold, DAY2);
		addFixture(cold, DAY1, older);
		for (const q of ['pruning', 'dropping', 'id:2602.01001', 'street', 'city streets']) {
			assert.deepStrictEqual(ids(index, q), ids(cold, q), q);
			assert.deepStrictEqual(run(index, q).hits.map((h) => h.title), run(cold, q).hits.map((h) => h.title), q);
		}
		assert.deepStrictEqual(ids(index, 'dropping'), ['2602.01001'], 'the older listing\'s title, among its texts');
		assert.deepStrictEqual(ids(index, '"city streets"'), ['2602.01002']);
	});

	it('gives a paper whose newest listing goes its next listing\'s version once that file is read (orphanedListings, refreshFrom)', () => {
		const newer = fixture('2026-02-06.md').replace('Motivation: 视觉Transformer计算量大。', 'Motivation: 视觉Transformer在边缘设备上太慢。');
		const index = new PaperIndex();
		addFixture(index, DAY1);
		addFixture(index, DAY2, newer);
		addFixture(index, DAY3);
		assert.deepStrictEqual(ids(index, '"边缘设备"'), ['2602.01001']);
		assert.strictEqual(index.orphanedListings().size, 0);
		index.removeFile(DAY2);
		assert.deepStrictEqual([...index.orphanedListings()], [[DAY1, ['2602.01001']]]);
		index.refreshFrom(DAY1, ['2602.01001'], parseDigest(fixture('2026-02-05.md'), DAY1));
		assert.strictEqual(index.orphanedListings().size, 0);
		const cold = new PaperIndex();
		addFixture(cold, DAY1);
		addFixture(cold, DAY3);
		for (const q of ['"计算量大"', '"边缘设备"', 'pruning', 'id:2602.01001']) assert.deepStrictEqual(run(index, q).hits.map((h) => [h.id, h.title]), run(cold, q).hits.map((h) => [h.id, h.title]), q);
		// a file that cannot be read is not asked for again
		addFixture(index, DAY2, newer);
		index.removeFile(DAY2);
		index.refreshFrom(DAY1, ['2602.01001'], undefined);
		assert.strictEqual(index.orphanedListings().size, 0);
	});

	it('gives a paper the next listing\'s version too when its newest listing\'s file moves to an older day (dropsNewestListing)', () => {
		// a file dated by its content, whose day an edit moves back past the other day listing the paper
		const LATEST = '/ws/data/latest.md';
		const newer = () => parseDigest(fixture('2026-02-06.md').replace('Token Pruning for Efficient Vision Transformers', 'Token Pruning, the final version'), LATEST);
		const index = new PaperIndex();
		addFixture(index, DAY1);
		const first = newer();
		first.day = '2026-02-08';
		assert.ok(!index.dropsNewestListing(LATEST, first), 'a new file takes nothing');
		index.addFile(LATEST, first);
		assert.deepStrictEqual(run(index, 'id:2602.01001').hits.map((h) => h.title), ['Token Pruning, the final version']);
		const same = newer();
		same.day = '2026-02-08';
		assert.ok(!index.dropsNewestListing(LATEST, same));
		const stillNewest = newer();
		stillNewest.day = '2026-02-07';
		assert.ok(!index.dropsNewestListing(LATEST, stillNewest), 'moved back, still the newest listing');
		const tie = newer();
		tie.day = '2026-02-05';
		assert.ok(index.dropsNewestListing(LATEST, tie), 'the same day as the other listing, whose path sorts first');
		const moved = newer();
		moved.day = '2026-02-01';
		assert.ok(index.dropsNewestListing(LATEST, moved), 'the older day is now the paper\'s newest listing');
		index.addFile(LATEST, moved);
		assert.deepStrictEqual([...index.orphanedListings()], [[DAY1, ['2602.01001']]]);
		index.refreshFrom(DAY1, ['2602.01001'], parseDigest(fixture('2026-02-05.md'), DAY1));
		assert.strictEqual(index.orphanedListings().size, 0);
		const cold = new PaperIndex();
		addFixture(cold, DAY1);
		const coldMoved = newer();
		coldMoved.day = '2026-02-01';
		cold.addFile(LATEST, coldMoved);
		for (const q of ['id:2602.01001', 'pruning', '"final version"']) assert.deepStrictEqual(run(index, q).hits.map((h) => [h.id, h.title]), run(cold, q).hits.map((h) => [h.id, h.title]), q);
	});

	it('makes the short fields searchable before the long ones are indexed', () => {
		const index = new PaperIndex();
		index.deferBodies = true;
		addFixture(index, DAY1);
		assert.deepStrictEqual(ids(index, 'street'), ['2602.01002']);
		assert.deepStrictEqual(ids(index, 'Chen'), ['2602.01002']);
		// the TL;DR comes with the long fields, in the second pass
		assert.deepStrictEqual(ids(index, '最好结果'), []);
		assert.deepStrictEqual(ids(index, 'cityscapes'), []);
		assert.strictEqual(index.indexPendingBodies(), 0);
		assert.deepStrictEqual(ids(index, '最好结果'), ['2602.01002']);
		assert.deepStrictEqual(ids(index, 'cityscapes'), ['2602.01002']);
	});

	it('counts results beyond the limit', () => {
		const result = run(fullIndex(), 'cat:cs.CV', 1);
		assert.strictEqual(result.hits.length, 1);
		assert.strictEqual(result.total, 3);
		assert.strictEqual(result.hits[0].occurrences[0].day, '2026-02-06');
	});

	it('selects the best k like a full sort would', () => {
		const values = [5, 1, 9, 3, 7, 9, 2, 8];
		const better = (a: number, b: number) => values[a] !== values[b] ? values[a] > values[b] : a < b;
		const all = values.map((_, i) => i);
		const sorted = [...all].sort((a, b) => (better(a, b) ? -1 : 1));
		for (let k = 0; k <= values.length; k++) assert.deepStrictEqual(topK(all, k, better), sorted.slice(0, k));
	});
});

describe('search cache', () => {
	it('round-trips an index', async () => {
		const index = fullIndex();
		index.freeze();
		const restored = await decodeCache(await encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		// the cache leaves the long fields' text out: phrase checks say they are approximate until it is read back
		assert.strictEqual(restored.missingBodyCount, restored.size);
		const unchecked = run(restored, '"token pruning"');
		assert.ok(unchecked.approximate);
		for (const hit of run(index, '"token pruning"').hits) assert.ok(unchecked.hits.some((h) => h.id === hit.id), hit.id);
		for (const path of [DAY1, DAY2, DAY3]) restored.fillBodies(parseDigest(fixture(path.slice(path.lastIndexOf('/') + 1)), path));
		assert.strictEqual(restored.missingBodyCount, 0);
		for (const q of ['pruning', '扩散模型', '"token pruning"', 'author:lecun', 'day:2026-02-06', 'segmentaton', 'cityscapes']) {
			assert.deepStrictEqual(run(restored, q), run(index, q), q);
		}
		assert.deepStrictEqual([...restored.files.keys()].sort(), [DAY1, DAY2, DAY3]);
		addFixture(restored, DAY2, fixture('2026-02-06.md').replace('Robust Depth Estimation', 'Robust Stereo Matching'));
		assert.deepStrictEqual(ids(restored, 'stereo'), ['2602.02001']);
	});

	it('tells a restored paper\'s unchanged long fields by their hash: a changed file indexes again only its changed papers', async () => {
		const index = fullIndex();
		index.freeze();
		const restored = await decodeCache(encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		for (const doc of index.docs) if (doc) assert.strictEqual(restored.bodyHashOf(restored.byId.get(doc.id) as typeof doc), index.bodyHashOf(doc), doc.id);
		const before = new Map(restored.docs.filter((d) => d !== undefined).map((d) => [d.id, d]));
		const missing = restored.missingBodyCount;
		// one abstract changed (2602.01002), the other papers of the file as they were
		const changed = fixture('2026-02-05.md').replace('We segment street scenes with a diffusion model', 'We segment street scenes with a kaleidoscopic model');
		addFixture(restored, DAY1, changed);
		for (const id of ['2602.01001', '2602.01003']) assert.strictEqual(restored.byId.get(id), before.get(id), `${id} kept as it was`);
		assert.notStrictEqual(restored.byId.get('2602.01002'), before.get('2602.01002'), 'the changed paper indexed again');
		// the changed paper and 2602.01003 (its one listing read, of the same hash) have their text; 2602.01001 waits for its other listing's file
		assert.strictEqual(restored.missingBodyCount, missing - 2, 'the others\' texts still wait for the fill');
		assert.deepStrictEqual(ids(restored, 'kaleidoscopic'), ['2602.01002']);
		assert.deepStrictEqual(ids(restored, '"street scenes with a diffusion"'), []);
		// the hash comes from the text: an index built from the changed file agrees
		const rebuilt = new PaperIndex();
		addFixture(rebuilt, DAY1, changed);
		const hashOf = (i: PaperIndex, id: string) => i.bodyHashOf(i.byId.get(id) as NonNullable<(typeof i.docs)[number]>);
		assert.strictEqual(hashOf(restored, '2602.01002'), hashOf(rebuilt, '2602.01002'));
		assert.strictEqual(hashOf(restored, '2602.01001'), hashOf(rebuilt, '2602.01001'));
		assert.notStrictEqual(hashOf(index, '2602.01002'), hashOf(rebuilt, '2602.01002'));
	});

	it('reads back no long fields other than those indexed: a changed paper of its newest listing is indexed as the file has it (a file changed before its change is indexed)', async () => {
		const index = fullIndex();
		index.freeze();
		const restored = await decodeCache(encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		// the file on disk already changed (its abstract), the change not indexed yet: the fill reads it
		const changed = fixture('2026-02-05.md').replace('We segment street scenes with a diffusion model', 'We segment street scenes with a kaleidoscopic model');
		const before = restored.byId.get('2602.01002');
		restored.fillBodies(parseDigest(changed, DAY1));
		const replaced = restored.byId.get('2602.01002');
		assert.notStrictEqual(replaced, before, 'not given a text its postings were not made from: indexed again');
		assert.ok(restored.byId.get('2602.01003')?.body, 'an unchanged paper of the file has its text back');
		assert.deepStrictEqual(ids(restored, 'kaleidoscopic'), ['2602.01002']);
		// the change, when it comes, finds nothing left to do
		addFixture(restored, DAY1, changed);
		assert.strictEqual(restored.byId.get('2602.01002'), replaced);
		assert.strictEqual(restored.lacksBodies(DAY1), false, 'every paper of the file has its text');
		const phrase = run(restored, '"street scenes with a kaleidoscopic"');
		assert.deepStrictEqual(phrase.hits.map((h) => h.id), ['2602.01002']);
		assert.ok(!phrase.approximate);
	});

	it('gives a paper whose newest listing went while the index was closed its next listing\'s version, as a cold build of the files left has it', async () => {
		// the newer day summarises the shared paper otherwise
		const newer = fixture('2026-02-06.md').replace('Motivation: 视觉Transformer计算量大。', 'Motivation: 视觉Transformer在边缘设备上太慢。');
		const index = new PaperIndex();
		addFixture(index, DAY1);
		addFixture(index, DAY2, newer);
		addFixture(index, DAY3);
		// a dead document before the save: the hashes stay with their documents' numbers
		index.removeFile(DAY3);
		addFixture(index, DAY3);
		index.freeze();
		const restored = await decodeCache(encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		for (const doc of index.docs) if (doc) assert.strictEqual(restored.bodyHashOf(restored.byId.get(doc.id) as typeof doc), index.bodyHashOf(doc), doc.id);
		// the newer day deleted: the warm start drops it, and the fill reads what is left
		restored.removeFile(DAY2);
		for (const path of [DAY3, DAY1]) restored.fillBodies(parseDigest(fixture(path.slice(path.lastIndexOf('/') + 1)), path));
		assert.strictEqual(restored.missingBodyCount, 0);
		const cold = new PaperIndex();
		addFixture(cold, DAY3);
		addFixture(cold, DAY1);
		for (const q of ['"计算量大"', '"边缘设备"', 'pruning', 'id:2602.01001', 'segmentation']) {
			assert.deepStrictEqual(run(restored, q).hits.map((h) => [h.id, h.title]), run(cold, q).hits.map((h) => [h.id, h.title]), q);
		}
		assert.deepStrictEqual(ids(restored, '"计算量大"'), ['2602.01001']);
	});

	it('gives a paper whose newest listing went while the index was closed its next listing\'s category too (the fill compares every short field)', async () => {
		// the newer day lists the shared paper under another category, its text the same
		const newer = fixture('2026-02-06.md').replace(/(arxiv\.org\/abs\/2602\.01001v2\)\n[^\n]*\n\nMain category: )cs\.CV/, '$1cs.LG');
		assert.notStrictEqual(newer, fixture('2026-02-06.md'));
		const index = new PaperIndex();
		addFixture(index, DAY1);
		addFixture(index, DAY2, newer);
		assert.strictEqual(index.byId.get('2602.01001')?.category, 'cs.LG');
		index.freeze();
		const restored = await decodeCache(encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		restored.removeFile(DAY2);
		restored.fillBodies(parseDigest(fixture('2026-02-05.md'), DAY1));
		assert.strictEqual(restored.byId.get('2602.01001')?.category, 'cs.CV');
		assert.strictEqual(restored.missingBodyCount, 0);
		assert.strictEqual(restored.orphanedListings().size, 0);
	});

	it('encodes in steps exactly what one piece gives, pausing at every step', () => {
		const index = fullIndex();
		index.freeze();
		const whole = encodeCache(index, 'k');
		// one document, file or term, 16 bytes per step; text sections in pieces of 8 code units
		const steps = encodingCache(index, 'k', { docs: 1, files: 1, terms: 1, bytes: 16, textPiece: 8 });
		let pauses = 0;
		let step = steps.next();
		for (; !step.done; step = steps.next()) pauses++;
		assert.deepStrictEqual(step.value, whole);
		// at least: twice per document (names, meta), once per term (meta), once per entry of each of
		// the four directories (a term with postings there, or a run of terms without), per 16 bytes copied and summed
		const listed = (store: PostingStore, t: number) => store.start[t + 1] > store.start[t];
		const entries = [index.head, index.tldr, index.body, index.names].reduce((sum, store) => sum + index.terms.length - [...Array(index.terms.length).keys()].filter((t) => t > 0 && !listed(store, t) && !listed(store, t - 1)).length, 0);
		assert.ok(pauses >= 2 * index.docs.length + index.terms.length + entries + (2 * whole.length) / 16 - 64, `${pauses} pauses`);
	});

	it('gives the long fields back in slices of a file exactly as in one go (a warm start\'s background fill)', async () => {
		const index = fullIndex();
		index.freeze();
		const bytes = await encodeCache(index, 'k');
		const whole = await decodeCache(bytes, 'k');
		const sliced = await decodeCache(bytes, 'k');
		assert.ok(whole && sliced);
		const digests = [DAY1, DAY2, DAY3].map((path) => parseDigest(fixture(path.slice(path.lastIndexOf('/') + 1)), path));
		assert.ok(digests.some((d) => d.papers.length > 2));
		for (const digest of digests) {
			whole.fillBodies(digest);
			// slices of two: the last one short or past the end
			for (let from = 0; from <= digest.papers.length; from += 2) sliced.fillBodies(digest, from, 2);
		}
		assert.strictEqual(sliced.missingBodyCount, 0);
		for (const doc of whole.docs) if (doc) assert.strictEqual(sliced.bodyOf(sliced.byId.get(doc.id) as typeof doc), whole.bodyOf(doc), doc.id);
		for (const q of ['pruning', '扩散模型', '"token pruning"', 'cityscapes']) assert.deepStrictEqual(run(sliced, q), run(whole, q), q);
	});

	it('restores CJK terms that look up, and take new documents, exactly as in the index that was saved', async () => {
		const saved = () => {
			const index = new PaperIndex();
			addFixture(index, DAY1);
			addFixture(index, DAY2);
			index.freeze();
			return index;
		};
		const bytes = await encodeCache(saved(), 'k');
		// first need after the restore: a query (a lookup), a new document's CJK text (its terms), or the shard's background work
		const queried = await decodeCache(bytes, 'k');
		const added = await decodeCache(bytes, 'k');
		const prepared = await decodeCache(bytes, 'k');
		assert.ok(queried && added && prepared);
		prepared.prepareLookups();
		const fresh = saved();
		for (const q of ['扩散模型', '多模态', '图神经网络']) assert.deepStrictEqual(run(queried, q), run(fresh, q), q);
		// the same hits for a run of two characters; where it is only in a paper's long fields, the words
		// it matched come once they are read back from the file (a restored index holds none of them)
		const withoutMatched = (r: SearchResult) => ({ ...r, hits: r.hits.map((h) => ({ ...h, matched: [] })) });
		assert.deepStrictEqual(withoutMatched(run(queried, '模型')), withoutMatched(run(fresh, '模型')));
		assert.ok(run(fresh, '模型').hits.every((h) => h.matched.includes('模型')), 'the fresh index, which has the long fields, says where');
		for (const index of [fresh, queried, added, prepared]) addFixture(index, DAY3);
		for (const restored of [queried, added, prepared]) {
			// the restored CJK terms keep their ids and the new ones follow in the same order: no term twice
			assert.strictEqual(restored.terms.length, fresh.terms.length);
			for (let t = 0; t < fresh.terms.length; t++) assert.strictEqual(restored.terms.get(t), fresh.terms.get(t), `term ${t}`);
			for (const q of ['扩散模型', '多模态', '图神经网络', '神经模型']) assert.deepStrictEqual(run(restored, q), run(fresh, q), q);
			assert.deepStrictEqual(withoutMatched(run(restored, '模型')), withoutMatched(run(fresh, '模型')));
		}
		assert.ok(ids(added, '图神经网络').length > 0, 'the new document is found by its Chinese TL;DR');
	});

	it('rejects corrupt, truncated, foreign or old caches', async () => {
		const index = fullIndex();
		index.freeze();
		const bytes = await encodeCache(index, 'k');
		assert.ok(await decodeCache(bytes, 'k'));
		assert.strictEqual(await decodeCache(bytes, 'other'), undefined);
		assert.strictEqual(await decodeCache(bytes.slice(0, bytes.length >> 1), 'k'), undefined);
		assert.strictEqual(await decodeCache(new Uint8Array(0), 'k'), undefined);
		const oldVersion = bytes.slice();
		oldVersion[4] = 0;
		assert.strictEqual(await decodeCache(oldVersion, 'k'), undefined);
		// stamped with the previous format and summed as it was (one-lane fnv1a): refused all the same
		const previous = bytes.slice();
		const view = new DataView(previous.buffer);
		view.setUint32(4, INDEX_CACHE_VERSION - 1, true);
		view.setUint32(8, fnv1a(previous, 16), true);
		assert.strictEqual(await decodeCache(previous, 'k'), undefined);
		const garbled = bytes.slice();
		for (let i = 100; i < 200; i++) garbled[i] = 0x7b;
		assert.strictEqual(await decodeCache(garbled, 'k'), undefined);
		const badPostings = bytes.slice();
		// the posting arenas end the file
		badPostings.fill(0xff, bytes.length - 64);
		assert.strictEqual(await decodeCache(badPostings, 'k'), undefined);
	});

	it('rejects the cache cut at any length and with any one bit flipped', async () => {
		const index = fullIndex();
		index.freeze();
		const bytes = await encodeCache(index, 'k');
		// every cut in the header and the section table, then a spread of cuts through the sections, and the last byte
		const cuts = new Set([...Array(80).keys()].map((n) => n + 1));
		for (let at = 80; at < bytes.length; at += Math.max(1, Math.floor(bytes.length / 97))) cuts.add(at);
		cuts.add(bytes.length - 1);
		for (const length of cuts) assert.strictEqual(await decodeCache(bytes.slice(0, length), 'k'), undefined, `cut at ${length} of ${bytes.length}`);
		// one bit at a time, at positions spread over the whole file (every section), a different bit each time
		for (let at = 0; at < bytes.length; at += 7) {
			const flipped = bytes.slice();
			flipped[at] ^= 1 << at % 8;
			assert.strictEqual(await decodeCache(flipped, 'k'), undefined, `bit ${at % 8} of byte ${at}`);
		}
		assert.ok(await decodeCache(bytes, 'k'), 'the intact bytes still load');
	});

	it('restores every stored field as it was, whatever its script', async () => {
		const index = new PaperIndex();
		const paper = (id: string, over: Partial<Paper>): Paper => ({ ...parseDigest(fixture('2026-02-05.md'), DAY1).papers[0], id, ...over });
		const papers = [
			paper('2602.09001', { title: 'Ünïcode Tïtle with an emoji 🚀 and “quotes”', authors: ['José Müller', '王小明', 'Zoë'], category: 'cs.CV', tldr: '提出了一种扩散模型', translatedTitle: '一种扩散模型', link: 'https://example.org/paper' }),
			paper('2602.09002', { title: 'Plain ASCII Title', authors: [], tldr: '', translatedTitle: undefined, link: undefined }),
			paper('2602.09003', { title: 'A lone surrogate \ud800 survives', link: 'https://arxiv.org/abs/2602.09003' }),
			// names are stored once each (authors and categories in one table): one repeated, one that is also a category
			paper('2602.09004', { title: 'Shared names', authors: ['Zoë', 'cs.CV', 'Zoë', ''], category: '王小明' }),
		];
		index.addFile('/ws/data/2026-02-05 — nouveautés.md', { ...parseDigest('', '/ws/data/2026-02-05 — nouveautés.md'), day: '2026-02-05', label: 'Jeudi · 周四', papers });
		addFixture(index, DAY3);
		index.freeze();
		const restored = await decodeCache(await encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		const fields = (i: PaperIndex) =>
			i.docs.map((d) => d && { id: d.id, title: d.title, authors: d.authors, category: d.category, tldr: d.tldr, translatedTitle: d.translatedTitle, link: d.link, occ: d.occ, seq: [...d.seq] });
		// every code unit as written, a lone surrogate too (node:buffer's decoder; the web build's TextDecoder gives U+FFFD, see utf16.ts)
		assert.deepStrictEqual(fields(restored), fields(index));
		assert.deepStrictEqual([...restored.files], [...index.files]);
		for (let t = 0; t < index.terms.length; t++) assert.strictEqual(restored.terms.get(t), index.terms.get(t), `term ${t}`);
		for (const q of ['emoji', 'josé', 'müller', '扩散模型', 'author:王小明', 'tïtle', 'segmentaton']) assert.deepStrictEqual(ids(restored, q), ids(index, q), q);
	});

	it('restores a text that starts with U+FEFF when it leads the non-ASCII texts (no byte order mark taken off)', async () => {
		const index = new PaperIndex();
		const base = parseDigest(fixture('2026-02-05.md'), DAY1).papers[0];
		const papers = [{ ...base, id: '2602.09011', title: '\ufeffZero Width No-Break Space first', authors: ['Ada Lovelace'], category: 'cs.CL', tldr: '', translatedTitle: undefined, link: undefined }];
		index.addFile('/ws/data/2026-02-05.md', { ...parseDigest('', '/ws/data/2026-02-05.md'), day: '2026-02-05', label: 'Thursday', papers });
		index.freeze();
		const restored = await decodeCache(await encodeCache(index, 'k'), 'k');
		assert.ok(restored, 'the cache loads');
		assert.strictEqual(restored.docs.find((d) => d?.id === '2602.09011')?.title, '\ufeffZero Width No-Break Space first');
	});
});

describe('search shard life cycle', () => {
	function memoryIO(texts: Map<string, string>, store: { cache?: Uint8Array }): ShardIO {
		return {
			readDigest: async (path) => (texts.has(path) ? parseDigest(texts.get(path) as string, path) : undefined),
			readPapers: async (path) => (texts.has(path) ? parseDigest(texts.get(path) as string, path) : undefined),
			readCache: async () => store.cache,
			writeCache: async (bytes) => {
				store.cache = bytes;
			},
			yield: () => Promise.resolve(),
			now: () => 0,
		};
	}
	const texts = new Map([
		[DAY1, fixture('2026-02-05.md')],
		[DAY2, fixture('2026-02-06.md')],
	]);
	const specs = [
		{ path: DAY1, size: 1, mtime: 1 },
		{ path: DAY2, size: 1, mtime: 1 },
	];

	it('builds, saves, reloads from the cache and re-reads only changed files', async () => {
		const store: { cache?: Uint8Array } = {};
		let headReady = false;
		const cold = new SearchShard(memoryIO(texts, store), cacheKey(0, 1));
		await cold.open(specs, () => (headReady = true));
		assert.ok(headReady);
		assert.strictEqual(cold.fromCache, false);
		assert.ok(store.cache && store.cache.length > 0);

		const read: string[] = [];
		const io = memoryIO(new Map([...texts, [DAY2, fixture('2026-02-06.md').replace('Robust Depth Estimation', 'Robust Stereo Matching')]]), store);
		const counting: ShardIO = { ...io, readDigest: (p) => (read.push(p), io.readDigest(p)) };
		const warm = new SearchShard(counting, cacheKey(0, 1));
		await warm.open([specs[0], { path: DAY2, size: 1, mtime: 2 }]);
		assert.strictEqual(warm.fromCache, true);
		assert.deepStrictEqual(read, [DAY2]);
		const reply = await warm.search('stereo', 10);
		assert.ok(reply.ok && reply.result.hits.length === 1);
		const gone = await warm.search('depth estimation', 10);
		assert.ok(gone.ok && gone.result.hits.length === 1, 'the abstract still matches');
		// found by its abstract's postings (in the cache), but that text is not back: the words it matched
		// there are not known, and the answer says it is not final
		assert.ok(gone.ok && gone.result.loading === true, 'an answer before the long fields are back is not final');
		// a word of an unchanged paper's abstract alone: the word it matched there (no matched word read as a
		// typo's match: "no paper has 'twenty'"), named from the abstract's postings without reading its text
		// back, as typed or completed
		const abstractOnly = await warm.search('twenty', 10);
		assert.deepStrictEqual(abstractOnly.ok && abstractOnly.result.hits.map((h) => [h.id, h.matched]), [['2602.01003', ['twenty']]]);
		const completed = await warm.search('multilingual twen', 10);
		assert.deepStrictEqual(completed.ok && completed.result.hits.map((h) => [h.id, h.matched]), [['2602.01003', ['Multilingual', 'twenty']]]);
		assert.strictEqual(warm.index.bodyOf(warm.index.byId.get('2602.01003') as DocRecord), undefined, 'its text is not read back for them');
		const cold2 = await cold.search('depth estimation', 10);
		assert.ok(cold2.ok && cold2.result.loading === false, 'a cold build has every text in memory');
		warm.finishInBackground();
		await warm.background;
		assert.strictEqual(warm.index.missingBodyCount, 0, 'the long fields were read back');
		assert.deepStrictEqual(read, [DAY2], 'without reading a file as new');
		const phrase = await warm.search('"token pruning"', 10);
		assert.ok(phrase.ok && !phrase.result.approximate && phrase.result.hits.length > 0);
		assert.strictEqual(phrase.ok && phrase.result.loading, false, 'final once they are back');
	});

	it('filters by the reader\'s sets before choosing the hits: a dropped match is neither listed nor read back', async () => {
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		const warm = new SearchShard(memoryIO(texts, store), cacheKey(0, 1));
		await warm.open(specs);
		const unread = (id: string) => warm.index.bodyOf(warm.index.byId.get(id) as DocRecord) === undefined;
		assert.ok(unread('2602.01001') && unread('2602.01003'), 'the long fields are not read back yet');
		// "large" is in two abstracts alone (Token Pruning's, Reading Comprehension's): only the kept one is
		// listed, counted, and read back for the word it matched
		const kept = await warm.search('large', 1, true, (id) => id === '2602.01003');
		assert.deepStrictEqual(kept.ok && [kept.result.hits.map((h) => [h.id, h.matched]), kept.result.total], [[['2602.01003', ['large']]], 1]);
		assert.ok(unread('2602.01001'), 'the match the filter drops is not read back');
		assert.deepStrictEqual(await warm.ids('large', (id) => id !== '2602.01003'), { ok: true, ids: ['2602.01001'] });
	});

	it('checks a phrase against the files before the long fields are read back: a warm start\'s first answers are exact', async () => {
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		const read: string[] = [];
		const io = memoryIO(texts, store);
		const warm = new SearchShard({ ...io, readPapers: (p) => (read.push(p), io.readPapers(p)) }, cacheKey(0, 1));
		await warm.open(specs);
		assert.ok(warm.fromCache && warm.index.missingBodyCount > 0, 'the long fields are not read back yet');
		// "street" and "diffusion" are both in Street Scenes' abstract, not next to each other
		const missing = warm.index.missingBodyCount;
		const apart = await warm.search('"street diffusion"', 10);
		assert.deepStrictEqual(apart.ok && apart.result, { hits: [], total: 0, approximate: false, loading: true });
		assert.deepStrictEqual(read, [DAY1], 'the one candidate\'s file read for its text');
		assert.strictEqual(warm.index.missingBodyCount, missing - 1, 'only the candidate\'s text taken from it');
		const together = await warm.search('"diffusion model"', 10);
		assert.deepStrictEqual(together.ok && [together.result.hits.map((h) => h.id), together.result.approximate], [['2602.01002'], false]);
		assert.deepStrictEqual(await warm.ids('street -"diffusion model"'), { ok: true, ids: [] });
		assert.deepStrictEqual(read, [DAY1], 'a paper read back once');
		// the background fill reads what is left, the papers read already kept as they are
		warm.finishInBackground();
		await warm.background;
		assert.strictEqual(warm.index.missingBodyCount, 0);
		assert.deepStrictEqual([...read].sort(), [DAY1, DAY1, DAY2], `the fill reads each file once more at most: ${read.join(', ')}`);
		const after = await warm.search('"diffusion model"', 10);
		assert.deepStrictEqual(after.ok && [after.result.hits.map((h) => h.id), after.result.approximate], [['2602.01002'], false]);
	});

	/**
	 * CorpusShard's readPaperTexts over `texts`: the papers' own lines of the file as `onDisk` has it,
	 * placed by the summary of the file as indexed (the same lines when it changed in place)
	 */
	const ownLines =
		(texts: Map<string, string>, onDisk = (text: string) => text) =>
		async (path: string, ids: ReadonlySet<string>) => {
			const text = texts.get(path) as string;
			return paperFragments(onDisk(text), path, summarizeDigest(parseDigest(text, path)), ids);
		};

	/** a digest of one category holding `papers` (see entry) */
	const day = (papers: string) => `# cs.CV\n\n${papers}`;
	const entry = (n: number, id: string, title: string, abstract: string) =>
		`### [${n}] [${title}](https://arxiv.org/abs/${id})\n*Ann Lee*\n\nMain category: cs.CV\n\nTL;DR: 摘要。\n\n<details>\n  <summary>Details</summary>\nAbstract: ${abstract}\n\n</details>\n\n`;

	it('a warm start\'s phrase query reads each candidate it could not check, a second one in a file read for the first too', async () => {
		// A (first by score: both words in its title) lacks the phrase, B (the same file) has it in its abstract
		const one = new Map([
			[DAY1, day(entry(1, '2602.02001', 'Gaussian Updates for Sparse Gaussian Fields', 'We fit fields to scenes.') + entry(2, '2602.02002', 'Rendering at Scale', 'We render large scenes with gaussian splatting and sparse gaussian updates.'))],
		]);
		const store: { cache?: Uint8Array } = {};
		const spec = [{ path: DAY1, size: 1, mtime: 1 }];
		await new SearchShard(memoryIO(one, store), cacheKey(0, 1)).open(spec);
		const read: string[] = [];
		const io = memoryIO(one, store);
		const warm = new SearchShard({ ...io, readPapers: (p) => (read.push(p), io.readPapers(p)) }, cacheKey(0, 1));
		await warm.open(spec);
		assert.strictEqual(warm.index.missingBodyCount, 2);
		const reply = await warm.search('"sparse gaussian updates"', 1);
		assert.deepStrictEqual(reply.ok && [reply.result.hits.map((h) => h.id), reply.result.approximate], [['2602.02002'], false]);
		assert.deepStrictEqual(read, [DAY1, DAY1], 'the file read for A, then for B');
		assert.strictEqual(warm.index.missingBodyCount, 0);
	});

	it('a warm start\'s phrase query reads its candidates from their own lines, and from the whole file where those do not read as indexed', async () => {
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		const io = memoryIO(texts, store);
		const whole: string[] = [];
		const own: string[] = [];
		// what the lines read: the file as indexed, or changed since its summary was made (the same lines)
		let onDisk = (text: string) => text;
		const read = ownLines(texts, (text) => onDisk(text));
		const warm = new SearchShard(
			{
				...io,
				readPapers: (p) => (whole.push(p), io.readPapers(p)),
				readPaperTexts: (p, ids) => (own.push(p), read(p, ids)),
			},
			cacheKey(0, 1),
		);
		await warm.open(specs);
		const together = await warm.search('"diffusion model"', 10);
		assert.deepStrictEqual(together.ok && [together.result.hits.map((h) => h.id), together.result.approximate], [['2602.01002'], false]);
		assert.deepStrictEqual([own, whole], [[DAY1], []], 'the candidate read from its own lines');
		onDisk = (text) => text.replace('in the zero-shot setting', 'in the few-shot setting');
		const changed = await warm.search('"zero-shot setting"', 10);
		assert.deepStrictEqual(changed.ok && [changed.result.hits.map((h) => h.id), changed.result.approximate], [['2602.01003'], false], 'as the index has it');
		assert.deepStrictEqual([own, whole], [[DAY1, DAY1], [DAY1]], 'its own lines did not read as indexed: the whole file');
	});

	it('a warm start\'s phrase query reads a paper listed on two days from its own lines in both files, and both files whole where those do not make the indexed text', async () => {
		// the same paper on two days, with other summaries each day (as real digests write them anew)
		const twice = (n: number, tldr: string) => entry(n, '2602.04001', 'Sparse Gaussian Fields', 'We fit sparse gaussian fields to street scenes.').replace('TL;DR: 摘要。', `TL;DR: ${tldr}`);
		const days = new Map([
			[DAY1, day(entry(1, '2602.04002', 'Other Work', 'Nothing here.') + twice(2, '第一天。'))],
			[DAY2, day(twice(1, '第二天。') + entry(2, '2602.04003', 'More Work', 'Nothing either.'))],
		]);
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(days, store), cacheKey(0, 1)).open(specs);
		const reads: string[] = [];
		const name = (p: string) => p.slice(p.lastIndexOf('/') + 1);
		const warmShard = (onDisk: (text: string) => string) => {
			const io = memoryIO(new Map([...days].map(([path, text]) => [path, onDisk(text)])), store);
			const read = ownLines(days, onDisk);
			return new SearchShard(
				{
					...io,
					readPapers: (p) => (reads.push(`whole ${name(p)}`), io.readPapers(p)),
					readPaperTexts: (p, ids) => (reads.push(`own ${name(p)}`), read(p, ids)),
				},
				cacheKey(0, 1),
			);
		};
		const warm = warmShard((text) => text);
		await warm.open(specs);
		const reply = await warm.search('"street scenes"', 10);
		assert.deepStrictEqual(reply.ok && [reply.result.hits.map((h) => h.id), reply.result.approximate], [['2602.04001'], false]);
		assert.deepStrictEqual([...reads].sort(), ['own 2026-02-05.md', 'own 2026-02-06.md'], 'its own lines in both files, no whole file');
		assert.strictEqual(warm.index.missingBodyCount, 2, 'only the paper of both days taken');
		// the older day's lines changed in place since the index was built: both files read whole, the paper as they have it now
		reads.length = 0;
		const changed = warmShard((text) => text.replace('第一天。', '第一天，改了。'));
		await changed.open(specs);
		const again = await changed.search('"street scenes"', 10);
		assert.deepStrictEqual(again.ok && [again.result.hits.map((h) => h.id), again.result.approximate], [['2602.04001'], false]);
		assert.deepStrictEqual([...reads].sort(), ['own 2026-02-05.md', 'own 2026-02-06.md', 'whole 2026-02-05.md', 'whole 2026-02-06.md']);
		assert.strictEqual(changed.index.missingBodyCount, 2);
		assert.deepStrictEqual(await changed.ids('改了'), { ok: true, ids: ['2602.04001'] }, 'indexed as the disk has it');
	});

	it('a paper of two days whose file changes while the query reads its other file is not settled from the changed file\'s older lines', async () => {
		const paper = (tldr: string) => entry(1, '2602.05001', 'Sparse Gaussian Fields', 'We fit sparse gaussian fields to street scenes.').replace('TL;DR: 摘要。', `TL;DR: ${tldr}`);
		const texts = new Map([
			[DAY1, day(paper('第一天。'))],
			[DAY2, day(paper('第二天。'))],
		]);
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		const onDisk = new Map(texts);
		const io = memoryIO(onDisk, store);
		const read = ownLines(texts);
		const order: string[] = [];
		let releaseLines: (() => void) | undefined;
		let releaseRefresh: (() => void) | undefined;
		let refreshing = false;
		const warm = new SearchShard(
			{
				...io,
				readPaperTexts: async (p, ids) => {
					// the query's second file's lines wait until released
					order.push(p);
					if (order.length === 2) await new Promise<void>((resolve) => (releaseLines = resolve));
					return read(p, ids);
				},
				readPapers: async (p) => {
					// the change's read of the other file (its refresh of the paper) waits until released
					if (refreshing && p === order[1] && !releaseRefresh) await new Promise<void>((resolve) => (releaseRefresh = resolve));
					return io.readPapers(p);
				},
			},
			cacheKey(0, 1),
		);
		await warm.open(specs);
		const query = warm.search('"street scenes"', 10);
		while (!releaseLines) await new Promise((r) => setImmediate(r));
		// meanwhile the file the query read first is edited: its abstract (its title and TL;DR as they were)
		const first = order[0];
		onDisk.set(first, (onDisk.get(first) as string).replace('street scenes', 'zebrafish scans'));
		refreshing = true;
		const update = warm.updateFile({ path: first, size: 2, mtime: 2 });
		while (!releaseRefresh) await new Promise((r) => setImmediate(r));
		// the query settles the paper while the change's refresh still reads
		releaseLines();
		const reply = await query;
		assert.ok(reply.ok && !reply.result.approximate);
		releaseRefresh();
		await update;
		const text = warm.index.bodyOf(warm.index.byId.get('2602.05001')!);
		assert.ok(text?.includes('zebrafish scans') && text.includes('street scenes'), text);
		assert.deepStrictEqual(await warm.ids('"zebrafish scans"'), { ok: true, ids: ['2602.05001'] }, 'the changed day as it is now');
	});

	it('a phrase query reads a file whole once more at most, however many of its candidates lack the phrase', async () => {
		// 59 papers hold both words apart in their titles (first by score), the last one the phrase in its abstract
		const papers = Array.from({ length: 60 }, (_, k) => (k === 59 ? entry(60, '2602.3060', 'Other Priors', 'A sparse gaussian prior.') : entry(k + 1, `2602.${3001 + k}`, `Gaussian and Sparse Codes ${k}`, 'Noise.')));
		const one = new Map([[DAY1, day(papers.join(''))]]);
		const store: { cache?: Uint8Array } = {};
		const spec = [{ path: DAY1, size: 1, mtime: 1 }];
		await new SearchShard(memoryIO(one, store), cacheKey(0, 1)).open(spec);
		const io = memoryIO(one, store);
		const reads: string[] = [];
		const warm = new SearchShard(
			{
				...io,
				readPapers: (p) => (reads.push(`whole ${p}`), io.readPapers(p)),
				readPaperTexts: (p, ids) => (reads.push(`own ${p}`), ownLines(one)(p, ids)),
			},
			cacheKey(0, 1),
		);
		await warm.open(spec);
		const reply = await warm.search('"sparse gaussian"', 1);
		assert.deepStrictEqual(reply.ok && reply.result.hits.map((h) => h.id), ['2602.3060']);
		assert.deepStrictEqual(reads, [`own ${DAY1}`, `whole ${DAY1}`]);
		assert.strictEqual(warm.index.missingBodyCount, 0, 'the second read gave every paper of the file');
	});

	it('the background fill waits while a query reads its candidates\' files back', async () => {
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		const io = memoryIO(texts, store);
		const calls: string[] = [];
		let release: (() => void) | undefined;
		let queryRead = true;
		const warm = new SearchShard(
			{
				...io,
				readPapers: async (p) => {
					calls.push(`${queryRead ? 'query' : 'fill'} ${p.slice(p.lastIndexOf('/') + 1)}`);
					// the query's read waits until released
					if (queryRead) await new Promise<void>((resolve) => (release = resolve));
					return io.readPapers(p);
				},
			},
			cacheKey(0, 1),
		);
		await warm.open(specs);
		const query = warm.search('"street diffusion"', 10);
		// the query's read is under way: the fill starts and must not read meanwhile
		while (!release) await new Promise((r) => setImmediate(r));
		queryRead = false;
		warm.finishInBackground();
		for (let k = 0; k < 20; k++) await new Promise((r) => setImmediate(r));
		assert.deepStrictEqual(calls, ['query 2026-02-05.md'], 'the fill read nothing while the query read');
		release();
		const reply = await query;
		assert.deepStrictEqual(reply.ok && reply.result.hits, []);
		await warm.background;
		assert.strictEqual(warm.index.missingBodyCount, 0);
		assert.ok(calls.length > 1 && calls.slice(1).every((c) => c.startsWith('fill ')), calls.join(', '));
	});

	it('a cache whose files are mostly gone (the folder moved) is built again cold, without the old papers in it', async () => {
		const store: { cache?: Uint8Array } = {};
		const cold = new SearchShard(memoryIO(texts, store), cacheKey(0, 1));
		await cold.open(specs);
		const papers = cold.index.docs.length;
		const moved = new Map([...texts].map(([path, text]) => [path.replace('/ws/', '/moved/'), text]));
		const movedSpecs = specs.map((f) => ({ ...f, path: f.path.replace('/ws/', '/moved/') }));
		const written = store.cache;
		const warm = new SearchShard(memoryIO(moved, store), cacheKey(0, 1));
		await warm.open(movedSpecs);
		assert.strictEqual(warm.fromCache, false, 'not taken from the cache');
		assert.strictEqual(warm.index.docs.length, papers, 'no slot of the old paths');
		assert.deepStrictEqual([...warm.index.files.keys()].sort(), movedSpecs.map((f) => f.path).sort());
		assert.notStrictEqual(store.cache, written, 'the new index saved');
		const reply = await warm.search('depth estimation', 10);
		assert.ok(reply.ok && reply.result.hits.length === 1);
		// one of two files new is not most: the cache is kept
		const half = new SearchShard(memoryIO(moved, store), cacheKey(0, 1));
		await half.open([movedSpecs[0], { ...movedSpecs[1], path: '/moved/data/other.md' }]);
		assert.strictEqual(half.fromCache, true);
		// every file touched where it was (a checkout): compared paper by paper, the cache kept
		const touched = new SearchShard(memoryIO(moved, store), cacheKey(0, 1));
		await touched.open(movedSpecs.map((f) => ({ ...f, mtime: 2 })));
		assert.strictEqual(touched.fromCache, true);
	});

	it('files deleted from a cache are removed from it, the kept ones not read again', async () => {
		const store: { cache?: Uint8Array } = {};
		const three = new Map([...texts, ['/ws/data/2026-02-07.md', fixture('2026-02-05.md').replace(/2602\.0(\d{4})/g, '2602.1$1')]]);
		const threeSpecs = [...specs, { path: '/ws/data/2026-02-07.md', size: 1, mtime: 1 }];
		await new SearchShard(memoryIO(three, store), cacheKey(0, 1)).open(threeSpecs);
		const read: string[] = [];
		const io = memoryIO(three, store);
		const warm = new SearchShard({ ...io, readDigest: (p) => (read.push(p), io.readDigest(p)) }, cacheKey(0, 1));
		const indexed = await warm.open([specs[1]]);
		assert.strictEqual(warm.fromCache, true);
		assert.deepStrictEqual([indexed, read], [0, []]);
		assert.deepStrictEqual([...warm.index.files.keys()], [DAY2]);
	});

	it('a save writes the index cache only when the index changed since the cache was read or written', async () => {
		const store: { cache?: Uint8Array } = {};
		let writes = 0;
		const counted = (): ShardIO => {
			const io = memoryIO(texts, store);
			return { ...io, writeCache: (bytes) => (writes++, io.writeCache(bytes)) };
		};
		const cold = new SearchShard(counted(), cacheKey(0, 1));
		await cold.open(specs);
		assert.strictEqual(writes, 1, 'the cold build');
		await cold.save();
		assert.strictEqual(writes, 1, 'the index the cold build wrote');
		// a warm start from that cache, its long fields read back: the same index
		const warm = new SearchShard(counted(), cacheKey(0, 1));
		await warm.open(specs);
		assert.strictEqual(warm.fromCache, true);
		warm.finishInBackground();
		await warm.background;
		await warm.save();
		assert.strictEqual(writes, 1, 'a warm start with nothing changed');
		// a file gone: written once
		warm.removeFile(DAY1);
		await warm.save();
		await warm.save();
		assert.strictEqual(writes, 2, 'once after a change');
		const reloaded = await decodeCache(store.cache as Uint8Array, cacheKey(0, 1));
		assert.deepStrictEqual(reloaded && [...reloaded.files.keys()], [DAY2]);
		// the cache deleted, then a Refresh opens the same shard again: nothing to read, so it is written
		store.cache = undefined;
		await warm.open([specs[1]]);
		assert.strictEqual(writes, 3, 'written again after an open that found no cache');
	});

	it('a change its file\'s size and time did not tell (the time put back), found by a warm start\'s fill, is saved: the next start has it (it searched as before the change until the cache was deleted)', async () => {
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		const before = store.cache;
		const now = new Map([...texts, [DAY1, (texts.get(DAY1) as string).replace('twenty languages', 'ninety languages')]]);
		const found = async (shard: SearchShard) => {
			const reply = await shard.search('"ninety languages"', 10);
			return reply.ok ? reply.result.hits.map((h) => h.id) : assert.fail(JSON.stringify(reply));
		};
		const warm = new SearchShard(memoryIO(now, store), cacheKey(0, 1));
		await warm.open(specs);
		assert.ok(warm.fromCache);
		warm.finishInBackground();
		await warm.background;
		assert.deepStrictEqual(await found(warm), ['2602.01003'], 'the fill found the text changed');
		assert.notStrictEqual(store.cache, before, 'and saved the index');
		const next = new SearchShard(memoryIO(now, store), cacheKey(0, 1));
		await next.open(specs);
		assert.ok(next.fromCache);
		next.holdFill(true);
		next.finishInBackground();
		assert.deepStrictEqual(await found(next), ['2602.01003'], 'before any fill');
		next.holdFill(false);
		await next.background;
		// a fill that changed nothing writes nothing
		const unchanged = store.cache;
		const third = new SearchShard(memoryIO(now, store), cacheKey(0, 1));
		await third.open(specs);
		third.finishInBackground();
		await third.background;
		assert.strictEqual(store.cache, unchanged);
	});

	it('reads back the long fields of papers that move, before the fill reaches them, to a file added meanwhile', async () => {
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		// DAY1's papers, as they were, in a new file (a rename): they keep their documents, text not read back
		const moved = '/ws/data/renamed.md';
		const all = new Map([...texts, [moved, fixture('2026-02-05.md')]]);
		const read: string[] = [];
		let renamed = false;
		const io = memoryIO(all, store);
		const warm: SearchShard = new SearchShard(
			{
				...io,
				readPapers: (path) => (read.push(path), io.readPapers(path)),
				yield: async () => {
					// the rename comes once the fill has read its first file, the newest (DAY2)
					if (read.length !== 1 || renamed) return;
					renamed = true;
					await warm.updateFile({ path: moved, size: 1, mtime: 1 });
					warm.removeFile(DAY1);
				},
			},
			cacheKey(0, 1),
		);
		await warm.open(specs);
		assert.strictEqual(warm.fromCache, true);
		const docs = new Map(warm.index.docs.filter((d) => d !== undefined).map((d) => [d.id, d]));
		warm.finishInBackground();
		await warm.background;
		// the rename adds a listing to papers whose text is not read back: their other listings' files are read
		// at once (DAY2, DAY1), then DAY1's removal makes the moved file their newest listing (an orphan's refresh);
		// the fill had nothing left to read
		assert.deepStrictEqual(read, [DAY2, DAY2, DAY1, moved]);
		for (const [id, doc] of docs) assert.strictEqual(warm.index.byId.get(id), doc, `${id} kept its document`);
		assert.strictEqual(warm.index.missingBodyCount, 0, 'every text read back');
		const phrase = await warm.search('"street scenes"', 10);
		assert.ok(phrase.ok && !phrase.result.approximate);
		assert.deepStrictEqual(phrase.ok && phrase.result.hits.map((h) => h.id), ['2602.01002']);
	});

	it('reads a paper\'s next listing when its newest one is removed or changed without it, as a cold build of the files left has it', async () => {
		const newer = fixture('2026-02-06.md').replace('Motivation: 视觉Transformer计算量大。', 'Motivation: 视觉Transformer在边缘设备上太慢。');
		const all = new Map([...texts, [DAY2, newer]]);
		const read: string[] = [];
		const io = memoryIO(all, {});
		const shard = new SearchShard({ ...io, readPapers: (path) => (read.push(path), io.readPapers(path)) }, cacheKey(0, 1));
		await shard.open(specs);
		const phrase = async (q: string) => {
			const reply = await shard.search(q, 10);
			return reply.ok ? reply.result.hits.map((h) => h.id) : [];
		};
		assert.deepStrictEqual(await phrase('"边缘设备"'), ['2602.01001']);
		// the newer day changed without the paper: the change reads the older day for it
		all.set(DAY2, newer.split('### [1]')[0] + '### [2]' + newer.split('### [2]')[1]);
		await shard.updateFile({ path: DAY2, size: 2, mtime: 2 });
		assert.deepStrictEqual(read, [DAY1]);
		assert.deepStrictEqual(await phrase('"边缘设备"'), []);
		assert.deepStrictEqual(await phrase('"计算量大"'), ['2602.01001']);
		// back in the newer day, then the newer day removed
		all.set(DAY2, newer);
		await shard.updateFile({ path: DAY2, size: 3, mtime: 3 });
		assert.deepStrictEqual(await phrase('"边缘设备"'), ['2602.01001']);
		const removal = shard.removeFile(DAY2);
		// the listing is gone at once; the older day is read before the removal resolves
		assert.deepStrictEqual(read, [DAY1]);
		assert.ok(await removal);
		assert.deepStrictEqual(read, [DAY1, DAY1]);
		assert.deepStrictEqual(await phrase('"边缘设备"'), []);
		assert.deepStrictEqual(await phrase('"计算量大"'), ['2602.01001']);
	});

	it('ignores a corrupt cache and rebuilds', async () => {
		const store: { cache?: Uint8Array } = { cache: new TextEncoder().encode('not a cache at all') };
		const shard = new SearchShard(memoryIO(texts, store), cacheKey(0, 1));
		await shard.open(specs);
		assert.strictEqual(shard.fromCache, false);
		const reply = await shard.search('扩散模型', 10);
		assert.ok(reply.ok);
		assert.deepStrictEqual(reply.ok && reply.result.hits.map((h) => h.id), ['2602.01002']);
		assert.ok(await decodeCache(store.cache as Uint8Array, cacheKey(0, 1)), 'a valid cache replaced the corrupt one');
	});

	it('drops files that disappeared since the cache was written', async () => {
		const store: { cache?: Uint8Array } = {};
		await new SearchShard(memoryIO(texts, store), cacheKey(0, 1)).open(specs);
		const warm = new SearchShard(memoryIO(texts, store), cacheKey(0, 1));
		await warm.open([specs[0]]);
		const reply = await warm.search('depth', 10);
		assert.ok(reply.ok && reply.result.hits.length === 0);
	});

	it('saves in slices, answering queries in between, and writes nothing if the index changed meanwhile', async () => {
		const store: { cache?: Uint8Array } = {};
		let clock = 0;
		let answered = 0;
		let change: (() => void) | undefined;
		const shard: SearchShard = new SearchShard(
			{
				...memoryIO(texts, store),
				// every step is a slice of its own
				now: () => clock++,
				sliceMs: 0,
				yield: async () => {
					if ((await shard.search('depth', 10)).ok) answered++;
					change?.();
					change = undefined;
				},
			},
			cacheKey(0, 1),
		);
		await shard.open(specs);
		const written = store.cache;
		// at least one pause per section of the cache copied
		assert.ok(written && answered >= 13, `${answered} queries answered during the open`);
		assert.deepStrictEqual(written, encodeCache(shard.index, cacheKey(0, 1)), 'the cache of the index as it is');

		store.cache = undefined;
		answered = 0;
		shard.index.addFile(DAY3, parseDigest(fixture('2026-03-02.md'), DAY3));
		change = () => shard.index.removeFile(DAY3);
		await shard.save();
		assert.strictEqual(store.cache, undefined, 'no cache of an index that changed while it was encoded');
		await shard.save();
		assert.ok(store.cache && answered >= 13);
		const reloaded = await decodeCache(store.cache, cacheKey(0, 1));
		assert.deepStrictEqual(reloaded && [...reloaded.files.keys()].sort(), [DAY1, DAY2]);
	});

	it('writes no cache when a file changed during a save without changing a document, nor fails on an index it cannot encode', async () => {
		const store: { cache?: Uint8Array } = {};
		let change: (() => void) | undefined;
		const shard: SearchShard = new SearchShard(
			{
				...memoryIO(texts, store),
				now: (() => {
					let clock = 0;
					return () => clock++;
				})(),
				sliceMs: 0,
				yield: async () => {
					change?.();
					change = undefined;
				},
			},
			cacheKey(0, 1),
		);
		await shard.open(specs);
		store.cache = undefined;
		// copies of a day's file under other paths change the files, no document: one before the save
		// (so there is something to write), one added while the save encodes
		const first = '/ws/data/first-copy-of-2026-02-05.md';
		const copy = '/ws/data/copy-of-2026-02-05.md';
		const version = shard.index.version;
		shard.index.addFile(first, parseDigest(fixture('2026-02-05.md'), first));
		change = () => shard.index.addFile(copy, parseDigest(fixture('2026-02-05.md'), copy));
		await shard.save();
		assert.strictEqual(shard.index.version, version, 'no document changed');
		assert.strictEqual(store.cache, undefined, 'the save saw the file list change and wrote nothing');
		await shard.save();
		// (read again: the assertion above narrowed it)
		const written = store.cache as Uint8Array | undefined;
		const reloaded = written && (await decodeCache(written, cacheKey(0, 1)));
		assert.ok(reloaded && reloaded.files.has(copy) && reloaded.files.has(first), 'the next save writes it');

		// an occurrence in a file the index does not hold: the encoder throws, the save does not
		store.cache = undefined;
		const doc = shard.index.docs.find((d) => d !== undefined);
		assert.ok(doc);
		doc.occ = [{ file: '/ws/data/nowhere.md', day: '' }];
		await shard.save();
		assert.strictEqual(store.cache, undefined);
	});

	it('answers an unknown filter with an error', async () => {
		const shard = new SearchShard(memoryIO(texts, {}), cacheKey(0, 1));
		const reply = await shard.search('venue:cvpr', 10);
		assert.strictEqual(reply.ok, false);
	});
});

describe('a paper listed on several days: every listing\'s text is indexed', () => {
	// the older day summarises the paper both days list otherwise, and gives it another TL;DR
	const olderText = fixture('2026-02-05.md')
		.replace('Motivation: 视觉Transformer计算量大。', 'Motivation: 视觉Transformer插补缺失的令牌。')
		.replace('TL;DR: 提出一种视觉令牌剪枝方法，显著降低计算开销。', 'TL;DR: 一种剪枝方法，在边缘设备上提速。');
	const files = (older = olderText): Map<string, string> =>
		new Map([
			[DAY1, older],
			[DAY2, fixture('2026-02-06.md')],
			[DAY3, fixture('2026-03-02.md')],
		]);
	const QUERIES = ['"插补缺失"', '插补缺失', '边缘设备', '"计算量大"', 'pruning', 'id:2602.01001', '令牌剪枝', 'segmentation', 'depth', '"token pruning" 插补'];

	function build(texts: Map<string, string>, order = [...texts.keys()], deferred = false): PaperIndex {
		const index = new PaperIndex();
		index.deferBodies = deferred;
		for (const path of order) if (texts.has(path)) index.addFile(path, parseDigest(texts.get(path) as string, path));
		if (deferred) {
			assert.strictEqual(index.indexPendingBodies(), 0);
			index.deferBodies = false;
		}
		return index;
	}

	/**
	 * what a reader can see of an index: each paper's shown fields, listings and long-field text, and
	 * the answers to QUERIES (after a freeze: until then replaced documents' postings count in a term's idf)
	 */
	function snapshot(index: PaperIndex): unknown {
		index.freeze();
		const docs = [...index.byId.values()]
			.sort((a, b) => (a.id < b.id ? -1 : 1))
			.map((d) => [d.id, d.title, d.tldr, d.category, d.occ.map((o) => o.file), index.bodyOf(d)]);
		return { docs, answers: QUERIES.map((q) => [q, run(index, q).hits.map((h) => [h.id, h.title, h.tldr, h.occurrences.map((o) => o.day), h.matched])]) };
	}

	it('tells the query words that the hits have only by a similar spelling', () => {
		const index = fullIndex();
		const fuzzyOnly = (text: string) => {
			const parsed = parseQuery(text);
			assert.ok(parsed.ok);
			return wordsOnlyFuzzy(parsed.query, run(index, text).hits);
		};
		assert.deepStrictEqual(fuzzyOnly('difusion'), ['difusion'], 'found as diffusion');
		assert.deepStrictEqual(fuzzyOnly('diffusion'), []);
		assert.deepStrictEqual(fuzzyOnly('diffu'), [], 'a completion is the word being typed');
		assert.deepStrictEqual(fuzzyOnly('diffusion models'), [], 'the other number is the word');
		assert.deepStrictEqual(fuzzyOnly('difusion segmentation'), ['difusion']);
		assert.deepStrictEqual(fuzzyOnly('扩散模型'), [], 'Chinese runs match exactly');
		const rdma = parseQuery('rdma');
		assert.ok(rdma.ok);
		assert.deepStrictEqual(wordsOnlyFuzzy(rdma.query, []), [], 'no hit: nothing to say');
		// a bioRxiv paper found by its DOI pasted bare: its id has both words
		const doi = parseQuery('10.64898/2026.09.11.750898');
		assert.ok(doi.ok);
		assert.deepStrictEqual(wordsOnlyFuzzy(doi.query, [{ id: 'doi:10.64898/2026.09.11.750898', matched: [] }]), []);
	});

	it('a phrase\'s words seen in the title do not stand for a free word the hit has only in its long fields', () => {
		const index = new PaperIndex();
		const day = [
			'### [1] [Reinforcement Learning from Cross-domain Videos](https://arxiv.org/abs/2606.03201)',
			'*Zhao Yang*',
			'',
			'Main category: cs.CV',
			'',
			'TL;DR: 从视频中学习策略。',
			'',
			'<details>',
			'  <summary>Details</summary>',
			'Abstract: We learn policies for a real robot from videos of other embodiments.',
			'</details>',
			'',
		].join('\n');
		index.addFile('/ws/data/2026-06-03.md', parseDigest(day, '/ws/data/2026-06-03.md'));
		for (const text of ['"reinforcement learning" robot', 'reinforcement learning robot']) {
			const parsed = parseQuery(text);
			assert.ok(parsed.ok);
			const hits = index.search(parsed.query, 10).hits;
			assert.deepStrictEqual(hits.map((h) => h.id), ['2606.03201'], text);
			assert.ok(hits[0].matched.includes('robot'), `${text}: ${hits[0].matched.join(', ')}`);
			assert.deepStrictEqual(wordsOnlyFuzzy(parsed.query, hits), [], `${text}: the paper has “robot” as typed`);
		}
	});

	it('one Chinese character typed finds every paper with it, as the start or end of a word or alone', () => {
		const index = new PaperIndex();
		const entry = (n: number, title: string, tldr: string) => [`### [${n}] [${title}](https://arxiv.org/abs/2606.0320${n})`, '*Zhao Yang*', '', `TL;DR: ${tldr}`, ''].join('\n');
		const day = ['## cs.CV', '', entry(1, 'World models', '提出一种世界模型。'), entry(2, 'Scene modelling', '我们对场景建模。'), entry(3, 'A mould', '模 in a line of its own'), entry(4, 'Unrelated', '强化学习方法。')].join('\n');
		index.addFile('/ws/data/2026-06-03.md', parseDigest(day, '/ws/data/2026-06-03.md'));
		assert.deepStrictEqual(run(index, '模').hits.map((h) => h.id).sort(), ['2606.03201', '2606.03202', '2606.03203']);
		assert.deepStrictEqual(run(index, '模型').hits.map((h) => h.id), ['2606.03201'], 'two characters: that word');
		assert.ok(run(index, '模').hits.every((h) => h.matched.includes('模')), 'each says what it matched');
	});

	it('a cold build indexes the older listing\'s text, shows the newest listing, whatever the order of the files and with the long fields deferred', () => {
		const texts = files();
		const cold = build(texts);
		assert.deepStrictEqual(ids(cold, '"插补缺失"'), ['2602.01001']);
		assert.deepStrictEqual(ids(cold, '边缘设备'), ['2602.01001'], 'the older TL;DR, among the long fields');
		const doc = cold.byId.get('2602.01001');
		assert.strictEqual(doc?.tldr, '提出一种视觉令牌剪枝方法，显著降低计算开销。', 'the newest listing\'s TL;DR shown');
		const text = cold.bodyOf(doc as NonNullable<typeof doc>) ?? '';
		// identical texts once: the motivation both listings share, the abstract
		assert.strictEqual(text.split('计算量大').length, 2);
		assert.strictEqual(text.split('token reduction').length, 2);
		assert.deepStrictEqual(run(cold, '插补缺失').hits[0].matched, ['插补缺失']);
		// a run of two characters is one index term: its hits say so too, for the list and the card's marks
		assert.deepStrictEqual(run(cold, '剪枝').hits[0].matched, ['剪枝']);
		assert.deepStrictEqual(run(cold, '剪枝 pruning').hits[0].matched.map((w) => w.toLowerCase()).sort(), ['pruning', '剪枝'].sort());
		const expected = snapshot(cold);
		assert.deepStrictEqual(snapshot(build(texts, [DAY2, DAY1, DAY3])), expected, 'newest first');
		assert.deepStrictEqual(snapshot(build(texts, [DAY3, DAY1, DAY2], true)), expected, 'deferred, oldest first');
		assert.deepStrictEqual(snapshot(build(texts, [DAY2, DAY3, DAY1], true)), expected, 'deferred, newest first');
		const deferred = build(texts, [DAY2, DAY3, DAY1], true);
		assert.strictEqual(deferred.docs.length, deferred.size, 'a listing added in the first pass keeps its document');
	});

	it('after any sequence of changes (an older listing added, changed, removed; the newest removed) the index equals a cold build of the same files', () => {
		const index = build(files(), [DAY2, DAY3]);
		assert.deepStrictEqual(ids(index, '"插补缺失"'), []);
		const older = files();
		index.addFile(DAY1, parseDigest(olderText, DAY1));
		assert.deepStrictEqual(ids(index, '"插补缺失"'), ['2602.01001'], 'the older listing\'s text');
		assert.deepStrictEqual(snapshot(index), snapshot(build(older)), 'an older listing added');
		// the older day changed back to the newer day's summaries: its text leaves the document
		const same = files(fixture('2026-02-05.md'));
		index.addFile(DAY1, parseDigest(fixture('2026-02-05.md'), DAY1));
		assert.deepStrictEqual(ids(index, '"插补缺失"'), []);
		assert.deepStrictEqual(snapshot(index), snapshot(build(same)), 'an older listing changed');
		index.addFile(DAY1, parseDigest(olderText, DAY1));
		// the older day no longer lists the paper
		const without = olderText.split('### [2]');
		const dropped = without[0].split('### [1]')[0] + '### [2]' + without[1];
		index.addFile(DAY1, parseDigest(dropped, DAY1));
		assert.deepStrictEqual(snapshot(index), snapshot(build(files(dropped))), 'the paper gone from the older listing');
		index.addFile(DAY1, parseDigest(olderText, DAY1));
		assert.ok(index.removeFile(DAY1));
		assert.deepStrictEqual(snapshot(index), snapshot(build(new Map([...older].filter(([p]) => p !== DAY1)))), 'the older file removed');
		index.addFile(DAY1, parseDigest(olderText, DAY1));
		assert.deepStrictEqual(snapshot(index), snapshot(build(older)));
		// the newest listing removed: the next one's version once its file is read
		assert.ok(index.removeFile(DAY2));
		assert.deepStrictEqual([...index.orphanedListings()], [[DAY1, ['2602.01001']]]);
		index.refreshFrom(DAY1, ['2602.01001'], parseDigest(olderText, DAY1));
		const left = new Map([...older].filter(([p]) => p !== DAY2));
		assert.deepStrictEqual(snapshot(index), snapshot(build(left)), 'the newest file removed');
		assert.strictEqual(index.byId.get('2602.01001')?.tldr, '一种剪枝方法，在边缘设备上提速。');
		assert.deepStrictEqual(ids(index, '"计算量大"'), [], 'the removed listing\'s text left with it');
		index.addFile(DAY2, parseDigest(fixture('2026-02-06.md'), DAY2));
		assert.deepStrictEqual(snapshot(index), snapshot(build(older)), 'the newest file back');
	});

	it('a warm start reads every listing\'s text back, and a listing changed while the index was closed is indexed as the files have it', async () => {
		const older = files();
		const index = build(older, [DAY1, DAY2, DAY3], true);
		index.freeze();
		const bytes = encodeCache(index, 'k');
		const restored = await decodeCache(bytes, 'k');
		assert.ok(restored);
		// the fill's order: newest first; the paper waits for its older listing
		for (const path of [DAY3, DAY2]) restored.fillBodies(parseDigest(older.get(path) as string, path));
		// the older day's two papers of its own, and the paper both days list
		assert.strictEqual(restored.missingBodyCount, 3);
		assert.ok(restored.missingBodyCount === 3 && restored.lacksBodies(DAY1) && !restored.lacksBodies(DAY2));
		restored.fillBodies(parseDigest(olderText, DAY1));
		assert.strictEqual(restored.missingBodyCount, 0);
		assert.deepStrictEqual(snapshot(restored), snapshot(index));
		assert.ok(!run(restored, '"插补缺失"').approximate);
		// the older file changed while the index was closed (its change not indexed yet): the fill finds the text differs
		const changed = await decodeCache(bytes, 'k');
		assert.ok(changed);
		const now = files(fixture('2026-02-05.md'));
		for (const path of [DAY3, DAY2, DAY1]) changed.fillBodies(parseDigest(now.get(path) as string, path));
		assert.strictEqual(changed.missingBodyCount, 0);
		assert.deepStrictEqual(ids(changed, '"插补缺失"'), []);
		// the change, when it comes, finds nothing left to do
		changed.addFile(DAY1, parseDigest(now.get(DAY1) as string, DAY1));
		assert.deepStrictEqual(snapshot(changed), snapshot(build(now)));
	});

	it('a warm start takes changes before the fill: a new newest listing shows at once, the older text joins once read', async () => {
		const older = files();
		const index = build(new Map([...older].filter(([p]) => p !== DAY2)));
		index.freeze();
		const restored = await decodeCache(encodeCache(index, 'k'), 'k');
		assert.ok(restored);
		restored.addFile(DAY2, parseDigest(older.get(DAY2) as string, DAY2));
		assert.strictEqual(restored.byId.get('2602.01001')?.tldr, '提出一种视觉令牌剪枝方法，显著降低计算开销。', 'the new listing\'s TL;DR at once');
		for (const path of [DAY3, DAY2, DAY1]) restored.fillBodies(parseDigest(older.get(path) as string, path));
		assert.strictEqual(restored.missingBodyCount, 0);
		assert.deepStrictEqual(ids(restored, '"插补缺失"'), ['2602.01001'], 'the older listing\'s text, once read');
		assert.deepStrictEqual(snapshot(restored), snapshot(build(older)));
		// an older listing removed before the fill read it
		const again = await decodeCache(encodeCache(index, 'k'), 'k');
		assert.ok(again);
		again.removeFile(DAY1);
		for (const path of [DAY3]) again.fillBodies(parseDigest(older.get(path) as string, path));
		assert.deepStrictEqual(snapshot(again), snapshot(build(new Map([[DAY3, older.get(DAY3) as string]]))));
	});

	it('a warm start\'s fill in slices gives a paper a file lists twice its first listing\'s text, as addFile does', async () => {
		const text = fixture('2026-02-05.md');
		const at = text.indexOf('### [2]');
		const first = text.slice(text.indexOf('### [1]'), at);
		const twice = text.slice(0, at) + first.replace('### [1]', '### [9]').replace('Motivation: 视觉Transformer计算量大。', 'Motivation: 重复列出的条目。') + text.slice(at);
		const texts = new Map([[DAY1, twice]]);
		const cold = build(texts);
		assert.deepStrictEqual(ids(cold, '"重复列出的条目"'), []);
		cold.freeze();
		const restored = await decodeCache(encodeCache(cold, 'k'), 'k');
		assert.ok(restored);
		// the fill's slices of one paper: the second listing comes in a slice of its own
		const digest = parseDigest(twice, DAY1);
		for (let from = digest.papers.length - 1; from >= 0; from--) restored.fillBodies(digest, from, 1);
		assert.strictEqual(restored.missingBodyCount, 0);
		assert.deepStrictEqual(snapshot(restored), snapshot(build(texts)));
		assert.deepStrictEqual(ids(restored, '"重复列出的条目"'), []);
	});

	/** a shard over `texts` (path → text, changed as the test goes) keeping its cache in `store`; no background fill (as the CLI runs) */
	function shardOver(texts: Map<string, string>, store: { cache?: Uint8Array }): { shard: SearchShard; specs: () => { path: string; size: number; mtime: number }[] } {
		const read = async (path: string) => (texts.has(path) ? parseDigest(texts.get(path) as string, path) : undefined);
		const io: ShardIO = {
			readDigest: read,
			readPapers: read,
			readCache: async () => store.cache,
			writeCache: async (bytes) => {
				store.cache = bytes;
			},
			yield: () => Promise.resolve(),
			now: () => 0,
		};
		return { shard: new SearchShard(io, cacheKey(0, 1)), specs: () => [...texts].map(([path, text]) => ({ path, size: text.length, mtime: 1 })) };
	}

	async function shardIds(shard: SearchShard, query: string): Promise<string[]> {
		const reply = await shard.search(query, 10);
		assert.ok(reply.ok && !reply.result.approximate, query);
		return reply.ok ? reply.result.hits.map((h) => h.id) : [];
	}

	it('a warm start indexes a listing added while the index was closed with the paper\'s other listings, before any fill (as the CLI searches)', async () => {
		const store: { cache?: Uint8Array } = {};
		const texts = files();
		texts.delete(DAY2);
		const first = shardOver(texts, store);
		await first.shard.open(first.specs());
		assert.deepStrictEqual(await shardIds(first.shard, '"插补缺失"'), ['2602.01001']);
		// a newer day listing the paper (another TL;DR: a new document) comes while the index is closed
		texts.set(DAY2, fixture('2026-02-06.md'));
		const cold = build(texts);
		for (let start = 0; start < 2; start++) {
			const warm = shardOver(texts, store);
			await warm.shard.open(warm.specs());
			assert.ok(warm.shard.fromCache);
			for (const q of ['"插补缺失"', '插补缺失', '边缘设备', '"计算量大"']) assert.deepStrictEqual(await shardIds(warm.shard, q), ids(cold, q), `${q}, warm start ${start + 1}`);
		}
	});

	it('a warm start takes a listing removed while the index was closed out of the paper\'s text, before any fill', async () => {
		const store: { cache?: Uint8Array } = {};
		// a word only the older listing has, outside a phrase (no phrase check reads the files back)
		const texts = files(olderText.replace('插补缺失的令牌。', '插补缺失的令牌 zebrafish。'));
		const first = shardOver(texts, store);
		await first.shard.open(first.specs());
		assert.deepStrictEqual(await shardIds(first.shard, 'zebrafish'), ['2602.01001']);
		texts.delete(DAY1);
		for (let start = 0; start < 2; start++) {
			const warm = shardOver(texts, store);
			await warm.shard.open(warm.specs());
			assert.ok(warm.shard.fromCache);
			assert.deepStrictEqual(await shardIds(warm.shard, 'zebrafish'), [], `warm start ${start + 1}`);
			assert.deepStrictEqual(await shardIds(warm.shard, '"插补缺失"'), [], `warm start ${start + 1}`);
		}
	});

	it('a phrase query before the fill reads every listing of its unchecked papers (SearchShard)', async () => {
		const store: { cache?: Uint8Array } = {};
		const older = files();
		const specs = [...older.keys()].map((path) => ({ path, size: 1, mtime: 1 }));
		const io = (): ShardIO => ({
			readDigest: async (path) => (older.has(path) ? parseDigest(older.get(path) as string, path) : undefined),
			readPapers: async (path) => (older.has(path) ? parseDigest(older.get(path) as string, path) : undefined),
			readCache: async () => store.cache,
			writeCache: async (bytes) => {
				store.cache = bytes;
			},
			yield: () => Promise.resolve(),
			now: () => 0,
		});
		await new SearchShard(io(), cacheKey(0, 1)).open(specs);
		const warm = new SearchShard(io(), cacheKey(0, 1));
		await warm.open(specs);
		assert.ok(warm.fromCache);
		const reply = await warm.search('"插补缺失"', 10);
		assert.ok(reply.ok && !reply.result.approximate);
		assert.deepStrictEqual(reply.ok && reply.result.hits.map((h) => h.id), ['2602.01001']);
	});
});
