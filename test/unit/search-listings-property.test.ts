/**
 * Property: an index updated file by file (added, changed, removed; long fields inline or deferred, a
 * helper counting some; a warm start's cache restored, files changed while closed, the fill in slices
 * in any order, files changed on disk before their change is indexed) answers as a cold build of the
 * same files does, once its work is done (orphans refreshed, the fill finished, the second pass done),
 * and, before the fill, answers queries as SearchShard.checked runs them as that cold build does.
 * FC_SEED, FC_RUNS, FC_LEN (the most steps) and FC_QUERY (the query step's weight) tune a longer run.
 */
import * as assert from 'node:assert';
import fc from 'fast-check';
import { parseDigest } from '../../src/core/parser';
import { decodeCache, encodeCache } from '../../src/core/search/cache';
import { HelperTerms, PaperIndex, type BodyCounts } from '../../src/core/search/index';
import { parseQuery } from '../../src/core/search/query';
import { packHeads, unpackHeads } from '../../src/core/search/heads';

const SEED = Number(process.env.FC_SEED ?? 20261203);
const RUNS = Number(process.env.FC_RUNS ?? 1000);

const PATHS = ['/ws/data/2026-01-01.md', '/ws/data/2026-01-02.md', '/ws/data/2026-01-03.md', '/ws/data/2026-01-04.md'];
const IDS = ['2601.00001', '2601.00002', '2601.00003'];
const TITLES = ['Token Pruning for Vision', 'Token Dropping for Vision'];
const TLDRS = ['提出一种剪枝方法', '一种边缘设备上的方法', 'fast pruning of tokens', 'alpha bravo charlie'];
const SUMMARIES = ['alpha bravo charlie', 'delta echo foxtrot', '插补缺失的令牌', 'golf hotel india', '', '@title'];
const ABSTRACTS = ['We study kilo lima mike.', 'We study november oscar papa.', ''];
const AUTHORS = ['Alice Stone,Bob Li', 'Alice Stone'];
const CATEGORIES = ['cs.CV', 'cs.CL'];

interface Entry {
	id: number;
	title: number;
	tldr: number;
	motivation: number;
	method: number;
	abstract: number;
	authors: number;
	category: number;
}
type Content = Entry[];

const entry: fc.Arbitrary<Entry> = fc.record({
	id: fc.integer({ min: 0, max: IDS.length - 1 }),
	title: fc.integer({ min: 0, max: TITLES.length - 1 }),
	tldr: fc.integer({ min: 0, max: TLDRS.length - 1 }),
	motivation: fc.integer({ min: 0, max: SUMMARIES.length - 1 }),
	method: fc.integer({ min: 0, max: SUMMARIES.length - 1 }),
	abstract: fc.integer({ min: 0, max: ABSTRACTS.length - 1 }),
	authors: fc.integer({ min: 0, max: AUTHORS.length - 1 }),
	category: fc.integer({ min: 0, max: CATEGORIES.length - 1 }),
});
const content: fc.Arbitrary<Content> = fc.array(entry, { maxLength: 3 });

function markdown(entries: Content): string {
	const lines = ['<div id=toc></div>', '', '# Table of Contents', '', `- [cs.CV](#cs.CV) [Total: ${entries.length}]`, '', "<div id='cs.CV'></div>", '', '# cs.CV [[Back]](#toc)', ''];
	entries.forEach((e, k) => {
		const title = TITLES[e.title];
		const summary = (n: number) => (SUMMARIES[n] === '@title' ? title : SUMMARIES[n]);
		lines.push(`### [${k + 1}] [${title}](https://arxiv.org/abs/${IDS[e.id]})`, `*${AUTHORS[e.authors]}*`, '', `Main category: ${CATEGORIES[e.category]}`, '', `TL;DR: ${TLDRS[e.tldr]}`, '', '', '<details>', '  <summary>Details</summary>');
		if (summary(e.motivation)) lines.push(`Motivation: ${summary(e.motivation)}`, '');
		if (summary(e.method)) lines.push(`Method: ${summary(e.method)}`, '');
		if (ABSTRACTS[e.abstract]) lines.push(`Abstract: ${ABSTRACTS[e.abstract]}`, '');
		lines.push('</details>', '', '');
	});
	return lines.join('\n');
}

const QUERIES = [
	...SUMMARIES.filter((s) => s !== '' && s !== '@title').map((s) => `"${s}"`),
	...ABSTRACTS.filter((s) => s !== '').map((s) => `"${s.slice(9, -1)}"`),
	...TLDRS.map((s) => `"${s}"`),
	'bravo',
	'foxtrot',
	'hotel',
	'lima',
	'oscar',
	'插补缺失',
	'边缘设备',
	'剪枝',
	'pruning',
	'dropping',
	'"token dropping"',
	'vision',
	'author:li',
	'stone',
	'cat:cs.CL',
	'id:2601.00002',
	'pruning -"alpha bravo"',
];

function answers(index: PaperIndex): unknown {
	index.freeze();
	const docs = [...index.byId.values()]
		.sort((a, b) => (a.id < b.id ? -1 : 1))
		.map((d) => [d.id, d.title, d.tldr, d.category, d.authors.join(','), d.occ.map((o) => o.file), index.bodyOf(d)]);
	const results = QUERIES.map((q) => {
		const parsed = parseQuery(q);
		if (!parsed.ok) throw new Error(parsed.error);
		const r = index.search(parsed.query, 50);
		// equal scores may come in either order (documents' numbers differ)
		const hits = r.hits.map((h) => [h.id, h.title, h.tldr, h.occurrences.map((o) => o.day).join(','), Math.round(h.score * 1e6), h.matched.join('|')] as const);
		hits.sort((a, b) => b[4] - a[4] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
		return [q, r.total, r.approximate, hits];
	});
	return { docs, results };
}

type Op =
	| { kind: 'set'; file: number; content: Content; notify: boolean }
	| { kind: 'remove'; file: number; notify: boolean }
	| { kind: 'notify' }
	| { kind: 'warm' }
	| { kind: 'fill'; file: number; from: number; count: number }
	| { kind: 'deferredBuild'; unread: boolean[] }
	| { kind: 'lend'; most: number }
	| { kind: 'second'; budget: number }
	| { kind: 'check' }
	| { kind: 'query'; query: number };

const op: fc.Arbitrary<Op> = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), file: fc.integer({ min: 0, max: PATHS.length - 1 }), content, notify: fc.boolean() }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fc.integer({ min: 0, max: PATHS.length - 1 }), notify: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.constant({ kind: 'notify' as const }) },
	{ weight: 3, arbitrary: fc.constant({ kind: 'warm' as const }) },
	{ weight: 4, arbitrary: fc.record({ kind: fc.constant('fill' as const), file: fc.integer({ min: 0, max: PATHS.length - 1 }), from: fc.integer({ min: 0, max: 2 }), count: fc.integer({ min: 1, max: 3 }) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('deferredBuild' as const), unread: fc.array(fc.boolean(), { minLength: PATHS.length, maxLength: PATHS.length }) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('lend' as const), most: fc.integer({ min: 1, max: 3 }) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('second' as const), budget: fc.integer({ min: 0, max: 3 }) }) },
	{ weight: 2, arbitrary: fc.constant({ kind: 'check' as const }) },
	{ weight: Number(process.env.FC_QUERY ?? 5), arbitrary: fc.record({ kind: fc.constant('query' as const), query: fc.integer({ min: -3, max: QUERIES.length - 1 }) }) },
);

/** the model: the files on disk, and the index with what it was told */
class World {
	disk = new Map<string, string>();
	/** files changed on disk whose change the index was not told yet */
	dirty = new Set<string>();
	index = new PaperIndex();
	/** files a deferred build's first pass took the short fields of only (see packHeads), in order: read again in full before its second pass */
	unread: string[] = [];
	/** a helper's dictionary and the chunks lent (the highest first), while a deferred build's second pass runs */
	helper: { dictionary: PaperIndex; terms: HelperTerms; chunks: BodyCounts[] } | undefined;

	digest(path: string) {
		const text = this.disk.get(path);
		return text === undefined ? undefined : parseDigest(text, path);
	}

	tell(path: string): void {
		this.dirty.delete(path);
		const digest = this.digest(path);
		if (digest) this.index.addFile(path, digest, { size: 1, mtime: 1 });
		else this.index.removeFile(path);
		this.refreshOrphans();
	}

	/** SearchShard.refreshOrphans: reads the files on disk as they are now */
	refreshOrphans(): void {
		for (let listings = this.index.orphanedListings(), n = 0; listings.size > 0; listings = this.index.orphanedListings()) {
			assert.ok(++n < 20, 'refreshOrphans ends');
			for (const [path, ids] of listings) this.index.refreshFrom(path, ids, this.digest(path));
		}
	}

	/** the engine's background fill: the newest file with a paper whose text is missing, in slices of two */
	fillAll(): void {
		const done = new Set<unknown>();
		for (let n = 0; ; n++) {
			assert.ok(n < 50, 'the fill ends');
			if (this.index.missingBodyCount === 0) break;
			let best: [string, { day: string }] | undefined;
			for (const [path, entry] of this.index.files) {
				if (done.has(entry)) continue;
				if (best && (entry.day < best[1].day || (entry.day === best[1].day && path > best[0]))) continue;
				if (this.index.lacksBodies(path)) best = [path, entry];
				else done.add(entry);
			}
			if (!best) break;
			done.add(best[1]);
			const digest = this.digest(best[0]);
			for (let from = 0; digest && from < digest.papers.length; from += 2) this.index.fillBodies(digest, from, 2);
		}
		this.refreshOrphans();
	}

	/** SearchShard.open between the two passes: the files whose short fields only were taken, read again as they are now */
	rereadAll(): void {
		for (const path of this.unread.splice(0)) this.tell(path);
	}

	/** the rest of a deferred build's second pass: every chunk lent counted and added, lowest first */
	finishSecondPass(): void {
		this.rereadAll();
		for (let n = 0; this.index.pendingBodyCount > 0; n++) {
			assert.ok(n < 50, 'the second pass ends');
			this.index.indexPendingBodies();
			if (this.helper && this.index.waitsForLent) this.index.addCountedBodies(this.helper.chunks.pop() as BodyCounts, this.helper.terms);
		}
		// a loan of documents all removed since they were pending counts nothing (see lendBodies)
		assert.ok((this.helper?.chunks ?? []).every((c) => c.nums.length === 0));
		this.helper = undefined;
		this.index.deferBodies = false;
	}

	/** everything the engine does eventually: changes told, second pass finished, the fill done, orphans refreshed */
	settleAll(): void {
		for (const path of [...this.dirty]) this.tell(path);
		this.finishSecondPass();
		this.fillAll();
		this.invariants();
	}

	invariants(): void {
		const docs = [...this.index.byId.values()];
		const missing = docs.filter((d) => d.body === undefined && d.pending === undefined).length;
		assert.strictEqual(this.index.missingBodyCount, missing, 'missingBodyCount');
		const unsettled = (this.index as unknown as { unsettled: Map<string, unknown> }).unsettled;
		if (missing === 0) assert.strictEqual(unsettled.size, 0, 'every text read back: no listing waits');
		for (const id of unsettled.keys()) {
			const doc = this.index.byId.get(id);
			assert.ok(doc && doc.body === undefined && doc.pending === undefined, `unsettled ${id} is a document waiting for its text`);
		}
	}

	cold(): PaperIndex {
		const cold = new PaperIndex();
		for (const path of [...this.disk.keys()].sort()) cold.addFile(path, this.digest(path) as ReturnType<typeof parseDigest>, { size: 1, mtime: 1 });
		return cold;
	}

	async apply(o: Op): Promise<void> {
		switch (o.kind) {
			case 'set':
			case 'remove': {
				const path = PATHS[o.file];
				if (o.kind === 'set') this.disk.set(path, markdown(o.content));
				else this.disk.delete(path);
				this.dirty.add(path);
				if (o.notify) this.tell(path);
				return;
			}
			case 'notify':
				for (const path of [...this.dirty]) this.tell(path);
				return;
			case 'warm': {
				// save (the engine saves only once the second pass is done), restore; the files changed since are told at open
				this.finishSecondPass();
				this.index.freeze();
				const restored = await decodeCache(encodeCache(this.index, 'k'), 'k');
				assert.ok(restored);
				this.index = restored;
				for (const path of [...this.index.files.keys()]) if (!this.disk.has(path)) this.tell(path);
				for (const path of [...this.dirty]) this.tell(path);
				return;
			}
			case 'fill': {
				const digest = this.digest(PATHS[o.file]);
				if (digest) this.index.fillBodies(digest, o.from, o.count);
				return;
			}
			case 'deferredBuild': {
				// a cold build's first pass over the files on disk; the second pass runs with the following steps
				this.finishSecondPass();
				this.dirty.clear();
				this.index = new PaperIndex();
				this.index.deferBodies = true;
				for (const path of [...this.disk.keys()].sort().reverse()) {
					const digest = this.digest(path) as ReturnType<typeof parseDigest>;
					// past the corpus's budget of kept digests, the short fields only (CorpusShard.treePass)
					const unread = o.unread[PATHS.indexOf(path)];
					this.index.addFile(path, unread ? unpackHeads(packHeads(digest)) : digest, { size: 1, mtime: 1 }, unread);
					if (unread) this.unread.push(path);
				}
				this.refreshOrphans();
				this.helper = { dictionary: new PaperIndex(), terms: new HelperTerms(), chunks: [] };
				return;
			}
			case 'lend': {
				if (!this.helper) return;
				this.rereadAll();
				const loan = this.index.lendBodies(o.most);
				if (!loan) return;
				const counts = structuredClone(this.helper.dictionary.countBodies(loan.nums, loan.texts));
				this.helper.terms.add(counts.newTerms);
				this.helper.chunks.push(counts);
				return;
			}
			case 'second': {
				if (!this.index.deferBodies) return;
				this.rereadAll();
				let clock = 0;
				this.index.indexPendingBodies(o.budget, () => (clock += 2));
				if (this.helper && this.index.waitsForLent) this.index.addCountedBodies(this.helper.chunks.pop() as BodyCounts, this.helper.terms);
				return;
			}
			case 'query': {
				// SearchShard.checked: the files of every paper it could not check are read back, and the query runs again
				if (this.dirty.size > 0 || this.index.deferBodies) return;
				const cold = this.cold();
				// (negative: every query)
				for (const q of o.query < 0 ? QUERIES : [QUERIES[o.query]]) {
					const parsed = parseQuery(q);
					if (!parsed.ok) throw new Error(parsed.error);
					const tried = new Set<string>();
					for (;;) {
						const files = new Set<string>();
						const result = this.index.search(parsed.query, 50, { unchecked: (doc) => doc.occ.forEach((x) => !tried.has(x.file) && files.add(x.file)) });
						if (files.size === 0) {
							assert.deepStrictEqual(result.hits.map((h) => h.id).sort(), cold.search(parsed.query, 50).hits.map((h) => h.id).sort(), `${q} before the fill`);
							break;
						}
						for (const path of files) {
							tried.add(path);
							const digest = this.digest(path);
							if (digest) this.index.fillBodies(digest);
						}
					}
				}
				return;
			}
			case 'check': {
				this.settleAll();
				assert.deepStrictEqual(answers(this.index), answers(this.cold()));
				return;
			}
		}
	}
}

describe('search index property: every listing\'s text, as a cold build has it, after any changes', () => {
	it('equals a cold build of the same files after random changes, warm starts, fills and deferred builds', async function () {
		this.timeout(120000);
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: Number(process.env.FC_LEN ?? 25) }), async (ops) => {
				const world = new World();
				for (const o of ops) {
					await world.apply(o);
					world.invariants();
				}
				world.settleAll();
				assert.deepStrictEqual(answers(world.index), answers(world.cold()));
			}),
			{ seed: SEED, numRuns: RUNS },
		);
	});
});
