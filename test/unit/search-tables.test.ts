import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CodeTable } from '../../src/core/search/codeTable';
import { sortByTerm } from '../../src/core/search/sortedTerms';
import { PostingStore } from '../../src/core/search/postings';
import { MISSING, SpanTable } from '../../src/core/search/spanTable';
import { scanTerms, tokenize } from '../../src/core/search/tokenizer';

describe('search lookup tables', () => {
	it('CodeTable maps 32-bit codes (beyond the small-integer range) to ids through growth', () => {
		const table = new CodeTable(4);
		const codes: number[] = [];
		for (let i = 0; i < 5000; i++) codes.push(0x4e00 * 65536 + 0x4e00 + i * 7919, 0x9fff * 65536 + i, 0x4e00 + i);
		codes.forEach((code, id) => table.add(code, id));
		assert.equal(table.size, codes.length);
		codes.forEach((code, id) => assert.equal(table.get(code), id));
		assert.equal(table.get(0x3042 * 65536 + 1), -1);
	});

	it('SpanTable finds a span by its characters wherever it sits, case-sensitively', () => {
		const table = new SpanTable(4);
		const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
		words.forEach((w, i) => table.add(`  ${w}.`, 2, 2 + w.length, i));
		words.forEach((w, i) => assert.equal(table.get(`x ${w} y`, 2, 2 + w.length), i));
		assert.equal(table.get('Word1', 0, 5), MISSING);
		assert.equal(table.get('word1', 0, 4), MISSING);
		table.add('stop', 0, 4, -1);
		assert.equal(table.get('a stop', 2, 6), -1);
	});

	it('PostingStore gives each term its postings in order, across tail blocks, a freeze and more additions', () => {
		const store = new PostingStore(13);
		const expected = new Map<number, [number, number][]>();
		const add = (term: number, num: number, packed: number) => {
			store.push(term, num, packed);
			if (!expected.has(term)) expected.set(term, []);
			(expected.get(term) as [number, number][]).push([num, packed]);
		};
		const alive = new Uint8Array(4000).fill(1);
		// interleaved terms of every frequency: a term every document, every 7th, once; packed up to 13 bits
		for (let num = 0; num < 3000; num++) {
			add(0, num, 1);
			if (num % 7 === 0) add(1 + (num % 5), num, (num * 31) & 0x1fff);
			add(10 + num, num, 8191);
		}
		const check = () => {
			for (const [term, postings] of expected) {
				assert.equal(store.size(term), postings.length);
				const nums = new Int32Array(postings.length);
				const packs = new Int32Array(postings.length);
				assert.equal(store.decode(term, nums, packs), postings.length);
				assert.deepEqual([...nums].map((n, i) => [n, packs[i]]), postings, `term ${term}`);
			}
			assert.equal(store.size(99999), 0);
		};
		check();
		store.freeze(3010, alive);
		check();
		// after a freeze, new postings go to fresh tails behind the frozen ones: of a few terms, and of
		// thousands, frozen lists and new terms (their records looked up by term, the table growing)
		for (let num = 3000; num < 3100; num++) add(num % 3, num, 2);
		for (let k = 0; k < 6000; k++) add(10 + k, 3000 + (k % 100), 1 + (k % 4));
		check();
		alive[5] = 0;
		store.freeze(6010, alive);
		for (const postings of expected.values()) {
			const at = postings.findIndex(([num]) => num === 5);
			if (at >= 0) postings.splice(at, 1);
		}
		check();
	});

	it('PostingStore codes its common tf counters in the gap, stores the rest after it, and names without any', () => {
		const common = [1 << 4, 1, 1 << 8];
		const store = new PostingStore(9, common);
		const plain = new PostingStore(9);
		const names = new PostingStore(0);
		const packs = [...common, 0x1ff, 128, 17, 0];
		const expected: [number, number][] = [];
		// small gaps, then gaps of two, three and four varint bytes
		for (let num = 0, k = 0; num < 40_000_000; num += k < 500 ? 1 + (k % 3) : 1 + k * k * 37, k++) {
			const packed = packs[k % 7 === 0 ? 3 + (k % 4) : k % 3];
			for (const s of [store, plain]) s.push(0, num, packed);
			names.push(0, num, 0);
			expected.push([num, packed]);
		}
		const alive = new Uint8Array(40_000_000).fill(1);
		for (const s of [store, plain, names]) s.freeze(1, alive);
		const read = (s: PostingStore) => {
			const nums = new Int32Array(s.size(0));
			const got = new Int32Array(nums.length);
			const k = s.decode(0, nums, got);
			return [...nums.subarray(0, k)].map((n, i) => [n, got[i]]);
		};
		assert.deepEqual(read(store), expected);
		assert.deepEqual(read(plain), expected);
		assert.deepEqual(read(names), expected.map(([num]) => [num, 0]));
		// the first 500 postings: gaps of 1–3, six in seven of them with a common value: one byte each
		const bytesOf = (s: PostingStore, postings: number) => {
			// the postings' bytes, past the list's count
			let at = 0;
			while (s.arena[at] >= 0x80) at++;
			const head = ++at;
			for (let k = 0; k < postings; k++) {
				while (s.arena[at] >= 0x80) at++;
				at++;
				if (s === store ? k % 7 === 0 : s !== names) {
					while (s.arena[at] >= 0x80) at++;
					at++;
				}
			}
			return at - head;
		};
		const packedBytes = (postings: [number, number][]) => postings.reduce((n, [, packed]) => n + (packed < 0x80 ? 1 : 2), 0);
		assert.equal(store.size(0), expected.length);
		assert.equal(bytesOf(store, 500), 500 + packedBytes(expected.slice(0, 500).filter((_, k) => k % 7 === 0)));
		assert.equal(bytesOf(plain, 500), 500 + packedBytes(expected.slice(0, 500)));
		assert.equal(bytesOf(names, 500), 500);
		assert.ok(store.arena.length < plain.arena.length && names.arena.length < store.arena.length);
		assert.ok(PostingStore.wellFormed(store) && PostingStore.wellFormed(names));
		// a list's count must fit its bytes; an empty list has none (a cache with other lists is rebuilt)
		assert.ok(PostingStore.wellFormed({ arena: Uint8Array.of(1, 4), start: Int32Array.of(0, 0, 2) }));
		assert.ok(!PostingStore.wellFormed({ arena: Uint8Array.of(2, 4), start: Int32Array.of(0, 2) }), 'two postings in one byte');
		assert.ok(!PostingStore.wellFormed({ arena: Uint8Array.of(0x81), start: Int32Array.of(0, 1) }), 'a count cut short');
		assert.ok(!PostingStore.wellFormed({ arena: Uint8Array.of(0, 4), start: Int32Array.of(0, 2) }), 'a list of none');
		// a list holding more postings than its count says gives no more than the count's room
		const damaged = new PostingStore(0);
		damaged.restore({ arena: Uint8Array.of(1, 4, 8), start: Int32Array.of(0, 3) });
		assert.equal(damaged.size(0), 1);
		assert.equal(damaged.decode(0, new Int32Array(1), new Int32Array(1)), 1);
		assert.throws(() => new PostingStore(0, [1]), RangeError);
	});

	it('PostingStore.freezing keeps the lists readable as they were until its last step', () => {
		const store = new PostingStore(8);
		const terms = 20000;
		for (let term = 0; term < terms; term++) for (let num = term % 3; num < 9; num += 3) store.push(term, num, 1 + (term % 200));
		const read = (term: number) => {
			const nums = new Int32Array(store.size(term));
			const packs = new Int32Array(nums.length);
			const k = store.decode(term, nums, packs);
			return [...nums.subarray(0, k)].map((n, i) => `${n}:${packs[i]}`).join(' ');
		};
		const before = Array.from({ length: terms }, (_, t) => read(t));
		const alive = new Uint8Array(16).fill(1);
		alive[3] = 0;
		const steps = store.freezing(terms, alive);
		let paused = 0;
		while (!steps.next().done) {
			paused++;
			for (const t of [0, 1, 2, terms - 1]) assert.equal(read(t), before[t], 'unchanged until the end');
		}
		assert.ok(paused > 1, `${paused} pauses`);
		assert.equal(read(0), before[0].split(' ').filter((p) => !p.startsWith('3:')).join(' '), 'dead documents dropped at the end');
		assert.equal(read(1), before[1]);
	});

	it('PostingStore.freezing pauses within a few long lists too, not only every so many terms', () => {
		const store = new PostingStore(8);
		// three terms of 200,000 postings each: a step of terms alone would take them all at once
		for (let term = 0; term < 3; term++) for (let num = 0; num < 200000; num++) store.push(term, num, 1);
		const steps = store.freezing(3, new Uint8Array(200000).fill(1));
		let paused = 0;
		while (!steps.next().done) paused++;
		assert.ok(paused >= 2, `${paused} pauses`);
		assert.equal(store.size(2), 200000);
	});

	it('the index scan gives hyphenated words as spans, whole then parts, as the string scan folds them', () => {
		const text = 'Token-pruning for vision-language-action models, v1.5-turbo and 3D-aware GPT-4o; the-of stop-words.';
		const spans: string[] = [];
		scanTerms(text, () => assert.fail('words go to onPlain'), () => undefined, false, false, (source, start, end) => spans.push(source.slice(start, end)));
		assert.deepEqual(spans, [
			'Token-pruning', 'Token', 'pruning', 'for', 'vision-language-action', 'vision', 'language', 'action', 'models',
			'v1.5-turbo', 'v1.5', 'turbo', 'and', '3D-aware', '3D', 'aware', 'GPT-4o', 'GPT', '4o', 'the-of', 'the', 'of', 'stop-words', 'stop', 'words',
		]);
		const parts: string[] = [];
		scanTerms(text, () => assert.fail('words go to onPlain'), () => undefined, false, true, (source, start, end) => parts.push(source.slice(start, end)));
		assert.deepEqual(parts, spans.filter((s) => !s.includes('-')));
		assert.ok(tokenize(text).includes('token-pruning'));
	});
});

describe('sortByTerm', () => {
	it('orders terms exactly as one string sort does, whatever their code units', () => {
		const unit = fc.oneof(fc.constantFrom('a', 'b', 'z', '\u0000', '图', '像', '\ud83d', '\ude00', '-'), fc.string({ unit: 'binary', maxLength: 1 }));
		fc.assert(
			fc.property(fc.array(fc.array(unit, { maxLength: 5 }).map((units) => units.join('')), { maxLength: 200 }), (terms) => {
				const entries = terms.map((term, id) => ({ term, id }));
				const expected = entries.slice().sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)).map((e) => e.term);
				assert.deepEqual(sortByTerm(entries).map((e) => e.term), expected);
			}),
		);
	});
});
