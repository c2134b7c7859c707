import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { parseVectorFields, vectorFieldsText } from '../../src/cli/benchRecs';
import { parseDigest } from '../../src/core/parser';
import type { Digest, Paper } from '../../src/core/model';
import { explainVector, scoreVector, trainLinear } from '../../src/core/recs/linear';
import { mergeById, ShardRecommender } from '../../src/core/recs/shard';
import { buildVectors, cosine, idfOf, rowVector, VECTOR_FIELDS, type TermVector } from '../../src/core/recs/tfidf';
import { PaperIndex } from '../../src/core/search/index';
import { paper } from '../fixtures/small-digest';

let line = 0;
function p(id: string, title: string, over: Partial<Paper> = {}): Paper {
	return paper({ id, title, headingLine: (line += 10), authors: ['Someone Else'], ...over });
}
function day(date: string, papers: Paper[]): Digest {
	return { path: `/ws/data/${date}.md`, day: date, label: date, categories: [], papers, diagnostics: [], lineCount: 0 };
}
function indexOf(...digests: Digest[]): PaperIndex {
	const index = new PaperIndex();
	for (const d of digests) index.addFile(d.path, d);
	return index;
}
function vectorOf(index: PaperIndex, id: string): TermVector {
	return rowVector(buildVectors(index), index, index.byId.get(id)!.num);
}

describe('recommendations: TF-IDF and cosine', () => {
	const fruit = () => indexOf(day('2026-01-01', [p('2601.00001', 'apple banana'), p('2601.00002', 'apple cherry'), p('2601.00003', 'durian')]));

	it('weighs each term (1 + ln tf) × idf and normalises the row', () => {
		const index = fruit();
		const a = vectorOf(index, '2601.00001');
		const apple = idfOf(3, 2);
		const banana = idfOf(3, 1);
		assert.ok(Math.abs(apple - (Math.log(4 / 3) + 1)) < 1e-12);
		const norm = Math.hypot(apple, banana);
		const byTerm = new Map(a.terms.map((t, i) => [t, a.weights[i]]));
		assert.deepStrictEqual([...byTerm.keys()].sort(), ['apple', 'banana']);
		assert.ok(Math.abs(byTerm.get('apple')! - apple / norm) < 1e-6);
		assert.ok(Math.abs(byTerm.get('banana')! - banana / norm) < 1e-6);
	});

	it('gives the cosine of two papers sharing one term, and 0 for none', () => {
		const index = fruit();
		const a = vectorOf(index, '2601.00001');
		const b = vectorOf(index, '2601.00002');
		const apple = idfOf(3, 2);
		const other = idfOf(3, 1);
		const expected = (apple * apple) / (apple * apple + other * other);
		assert.ok(Math.abs(cosine(a, b) - expected) < 1e-6, `${cosine(a, b)} vs ${expected}`);
		assert.ok(Math.abs(cosine(a, a) - 1) < 1e-6);
		assert.strictEqual(cosine(a, vectorOf(index, '2601.00003')), 0);
	});

	it('counts the tf of a word in title, TL;DR, summaries and abstract, and leaves authors out', () => {
		const index = indexOf(day('2026-01-01', [p('2601.00001', 'graph', { tldr: 'graph', abstract: 'graph graph', motivation: 'graph', authors: ['Zebra Author'] }), p('2601.00002', 'other')]));
		const v = vectorOf(index, '2601.00001');
		assert.deepStrictEqual(v.terms, ['graph']);
		assert.ok(Math.abs(v.weights[0] - 1) < 1e-6);
	});

	it('ranks the papers of a shard by cosine, CJK bigrams included, a paper repeated across days once', () => {
		const repeated = p('2601.00011', '扩散 benchmark');
		const index = indexOf(
			day('2026-01-01', [p('2601.00010', '扩散模型 for video'), repeated, p('2601.00012', 'unrelated robots')]),
			day('2026-01-02', [repeated, p('2601.00013', '模型 compression')]),
		);
		const recs = new ShardRecommender(() => index);
		const query = recs.vector('2601.00010')!;
		assert.ok(query.terms.includes('扩散') && query.terms.includes('模型'));
		const hits = recs.similar(query, 10, '2601.00010');
		assert.deepStrictEqual(hits.map((h) => h.id).sort(), ['2601.00011', '2601.00013']);
		assert.ok(hits[0].score >= hits[1].score && hits[0].score > 0 && hits[0].score < 1);
		assert.strictEqual(hits.find((h) => h.id === '2601.00011')?.day, '2026-01-02');
	});

	it('rebuilds the vectors when the index changes', () => {
		const index = fruit();
		const recs = new ShardRecommender(() => index);
		assert.strictEqual(recs.similar(recs.vector('2601.00003')!, 10, '2601.00003').length, 0);
		index.addFile('/ws/data/2026-01-02.md', day('2026-01-02', [p('2601.00004', 'durian season')]));
		assert.deepStrictEqual(recs.similar(recs.vector('2601.00003')!, 10, '2601.00003').map((h) => h.id), ['2601.00004']);
	});

	it('builds the vectors in slices of the shard\'s time (its searches answered between them), again when the index changes during a pause', async () => {
		const index = indexOf(day('2026-01-01', Array.from({ length: 400 }, (_, i) => p(`2601.${20000 + i}`, `topic${i} shared alpha${i % 7} beta${i * 3}`))));
		assert.ok(index.terms.length > 1200, `${index.terms.length} terms`);
		let clock = 0;
		let pauses = 0;
		let duringPause: (() => void) | undefined;
		const scheduling = { now: () => (clock += 20), sliceMs: 10, yield: async () => void (pauses++, duringPause?.()) };
		const recs = new ShardRecommender(() => index, undefined, scheduling);
		await recs.ready();
		assert.ok(pauses >= 2, `${pauses} pauses`);
		assert.deepStrictEqual(recs.vectors(), buildVectors(index));
		// a day added, and another while the vectors of the first change are being built
		index.addFile('/ws/data/2026-01-02.md', day('2026-01-02', [p('2601.30001', 'durian season shared')]));
		let added = false;
		duringPause = () => {
			if (added) return;
			added = true;
			index.addFile('/ws/data/2026-01-03.md', day('2026-01-03', [p('2601.30002', 'durian harvest shared')]));
		};
		pauses = 0;
		const waits = [recs.ready(), recs.ready()];
		await Promise.all(waits);
		assert.ok(added && pauses >= 3, `${pauses} pauses`);
		assert.deepStrictEqual(recs.vectors(), buildVectors(index));
		assert.deepStrictEqual(recs.similar(recs.vector('2601.30001')!, 5, '2601.30001').map((h) => h.id)[0], '2601.30002');
	});

	it('merges shards by paper id, best score first', () => {
		const merged = mergeById([{ id: 'a', s: 0.2 }, { id: 'b', s: 0.5 }, { id: 'a', s: 0.7 }], (x) => x.id, (x) => x.s);
		assert.deepStrictEqual(merged, [{ id: 'a', s: 0.7 }, { id: 'b', s: 0.5 }]);
	});
});

describe('recommendations: the For you trainer', () => {
	const vec = (terms: string[]): TermVector => ({ terms, weights: terms.map(() => 1 / Math.sqrt(terms.length)) });
	const noise = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
	const positives = noise.map((n, i) => vec(['good', n, noise[(i + 1) % 5]]));
	const negatives = [...noise, ...noise].map((n, i) => vec(['bad', n, noise[(i + 2) % 5]]));

	it('separates separable toy data and explains a score by its words', () => {
		const model = trainLinear(positives, negatives);
		const pos = positives.map((v) => scoreVector(model, v));
		const neg = negatives.map((v) => scoreVector(model, v));
		assert.ok(Math.min(...pos) > 0 && Math.max(...neg) < 0, `pos ${pos} neg ${neg}`);
		assert.ok(scoreVector(model, vec(['good'])) > scoreVector(model, vec(['bad'])));
		assert.strictEqual(explainVector(model, positives[0])[0].term, 'good');
	});

	it('explains a score by words, not numbers (a fork\'s `[Embodied][7.0]` score tag weighs too)', () => {
		const tagged = noise.map((n) => vec(['good', '7.0', n]));
		const model = trainLinear(tagged, negatives);
		assert.ok(scoreVector(model, vec(['7.0'])) > 0, 'the number weighs in the score');
		assert.deepStrictEqual(explainVector(model, tagged[0]).map((w) => w.term).filter((t) => /\d/.test(t)), []);
		assert.strictEqual(explainVector(model, tagged[0])[0].term, 'good');
	});

	it('is deterministic and keeps only the heaviest terms when asked', () => {
		const a = trainLinear(positives, negatives, { maxTerms: 2 });
		const b = trainLinear(positives, negatives, { maxTerms: 2 });
		assert.deepStrictEqual(a, b);
		assert.deepStrictEqual([...a.terms].sort(), ['bad', 'good']);
	});
});

describe('recommendations: the fields of a vector (bench --recs --vectors)', () => {
	// a day of 70asunflower's fork: each TL;DR starts with a tag (`[Arch-Infra][5.5]`), each summary follows a template
	const index = new PaperIndex();
	const path = 'test/fixtures/template-day/2026-06-15.md';
	index.addFile(path, parseDigest(readFileSync(path, 'utf8'), path));
	const tiara = index.byId.get('2606.13708')!.num;
	const termsWith = (spec: string) => new Set(rowVector(buildVectors(index, parseVectorFields(spec)), index, tiara).terms);

	it('holds the title and abstract, and the TL;DR or the summaries only when named', () => {
		const plain = termsWith('title,abstract');
		const tldr = termsWith('title,tldr,abstract');
		const summaries = termsWith('title,summaries,abstract');
		const every = termsWith('abstract,summaries,tldr,title');
		assert.deepStrictEqual(plain, new Set(rowVector(buildVectors(index), index, tiara).terms), 'title,abstract is VECTOR_FIELDS');
		assert.ok(plain.has('tiara') && plain.has('rdma') && !plain.has('infra') && !plain.has('xilinx'), [...plain].join(' '));
		// the tag is the TL;DR's; Xilinx is the summaries' alone (Method, Result)
		assert.ok(tldr.has('infra') && !tldr.has('xilinx'), [...tldr].join(' '));
		assert.ok(summaries.has('xilinx') && !summaries.has('infra'), [...summaries].join(' '));
		assert.ok(every.has('infra') && every.has('xilinx'));
		assert.strictEqual(vectorFieldsText(parseVectorFields('abstract,summaries,tldr,title')), 'title,tldr,summaries,abstract');
		assert.strictEqual(vectorFieldsText(VECTOR_FIELDS), 'title,abstract');
	});

	it('refuses a field it does not know and a vector without the title or the abstract', () => {
		assert.throws(() => parseVectorFields('title,authors,abstract'), /not authors/);
		assert.throws(() => parseVectorFields('title,tldr'), /always holds the title and the abstract/);
	});
});
