import * as assert from 'node:assert';
import type { Paper } from '../../src/core/model';
import { reasonText, sharedReasons } from '../../src/core/recs/explain';
import { MIN_SIMILARITY, ShardRecommender } from '../../src/core/recs/shard';
import { PaperIndex } from '../../src/core/search/index';
import { indexRealDigests } from './digest-folders';

/**
 * What a similar paper has in common with the card's, on real digests: every file of
 * test/fixtures/real (about 2,800 papers of 14 forks) as one workspace. A tester read a best match
 * shown as "14%" as barely similar; each similar paper now says the words it shares instead.
 */
describe('recommendations: what a similar paper has in common (real digests)', function () {
	this.timeout(60000);
	const papers = new Map<string, Paper>();
	const index = new PaperIndex();
	let recs: ShardRecommender;
	before(() => {
		for (const [id, paper] of indexRealDigests(index)) papers.set(id, paper);
		recs = new ShardRecommender(() => index);
	});

	const idOf = (title: string) => [...papers.values()].find((p) => p.title.startsWith(title))!.id;
	const weightsOf = (id: string) => {
		const v = recs.vector(id)!;
		return new Map(v.terms.map((t, i) => [t, v.weights[i]]));
	};
	/** the listed papers (cosine at least MIN_SIMILARITY) of `id`, each with the words it has in common */
	const similarWords = (id: string) =>
		recs
			.similar(recs.vector(id)!, 10, id)
			.filter((h) => h.score >= MIN_SIMILARITY)
			.map((h) => ({ hit: h, reasons: sharedReasons(h.shared, reasonText(papers.get(id)!), 3) }));

	it('gives each similar paper the terms both vectors hold, with each one\'s share of the cosine, most first', () => {
		const ids = [...papers.keys()].filter((_, i) => i % 40 === 0);
		let hits = 0;
		for (const id of ids) {
			const query = weightsOf(id);
			for (const hit of recs.similar(recs.vector(id)!, 10, id)) {
				hits++;
				const other = weightsOf(hit.id);
				const both = [...query.keys()].filter((t) => other.has(t) && !/^[\d.,]+$/.test(t));
				assert.deepStrictEqual(hit.shared.map((s) => s.term).sort(), both.sort(), `${id} and ${hit.id}`);
				for (const s of hit.shared) assert.ok(Math.abs(s.weight - query.get(s.term)! * other.get(s.term)!) < 1e-6, `${s.term}: ${s.weight}`);
				assert.deepStrictEqual(hit.shared.map((s) => s.weight), [...hit.shared.map((s) => s.weight)].sort((a, b) => b - a), 'most first');
				// the numbers left out are the only difference from the cosine
				assert.ok(hit.shared.reduce((sum, s) => sum + s.weight, 0) <= hit.score + 1e-5, `${hit.score}`);
			}
		}
		assert.ok(hits > 500, `${hits} pairs checked`);
	});

	it('says what a world-model paper\'s neighbours have in common with it, in words of the paper (世界模型 whole)', () => {
		const programmable = similarWords(idOf('Programmable World Model'));
		const liveWorld = programmable.find((s) => s.hit.id === idOf('LiveWorld'));
		assert.ok(liveWorld, programmable.map((s) => papers.get(s.hit.id)!.title).join(' | '));
		assert.ok(liveWorld.reasons.some((r) => r.label === 'world'), liveWorld.reasons.map((r) => r.label).join(', '));
		// two papers of the fork that writes its abstracts in Chinese: the topic's run whole, not its bigrams
		const worldVla = similarWords(idOf('WorldVLA'));
		const prediction = worldVla.find((s) => s.hit.id === idOf('WorldPrediction'));
		assert.ok(prediction, worldVla.map((s) => papers.get(s.hit.id)!.title).join(' | '));
		const words = prediction.reasons.map((r) => r.label);
		assert.ok(words.includes('世界模型') && !words.some((w) => ['世界', '界模', '模型'].includes(w)), words.join(', '));
	});

	it('names only words of the paper that both papers hold: a Chinese run of bigrams the other paper lacks is no reason', () => {
		const chinese = [...papers.values()].filter((p) => /[\u4e00-\u9fff]{4}/.test(reasonText(p)) && recs.vector(p.id)).slice(0, 300);
		let runs = 0;
		let listed = 0;
		for (const p of chinese) {
			const text = reasonText(p).toLowerCase();
			for (const { hit, reasons } of similarWords(p.id)) {
				listed++;
				const other = weightsOf(hit.id);
				assert.ok(reasons.length > 0, `${p.id} and ${hit.id} (${hit.score}) have no word in common`);
				for (const r of reasons) {
					assert.ok(text.includes(r.label.toLowerCase()), `${r.label} is not in ${p.id}'s text`);
					assert.ok(r.terms.every((t) => other.has(t)), `${r.label} (${r.terms.join(' ')}) of ${p.id}: ${hit.id} lacks ${r.terms.filter((t) => !other.has(t)).join(' ')}`);
					if (/[\u4e00-\u9fff]{3}/.test(r.label)) runs++;
				}
			}
		}
		assert.ok(listed > 300 && runs > 100, `${listed} papers listed, ${runs} runs of three or more characters`);
	});

	it('names a word once, not in two of its forms (deception and Deceptive, generation and generative)', () => {
		// two words of one stem but their endings: a long common beginning, at most three letters after it each
		const forms = (a: string, b: string) => {
			const [x, y] = [a.toLowerCase(), b.toLowerCase()];
			let i = 0;
			while (i < x.length && i < y.length && x[i] === y[i]) i++;
			return /^[a-z]+$/.test(x + y) && i >= 6 && x.length - i <= 3 && y.length - i <= 3;
		};
		let pairs = 0;
		for (const id of [...papers.keys()].filter((_, i) => i % 4 === 0)) {
			for (const { hit, reasons } of similarWords(id)) {
				pairs++;
				const labels = reasons.map((r) => r.label);
				for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) assert.ok(!forms(labels[i], labels[j]), `${id} and ${hit.id}: ${labels.join(', ')}`);
			}
		}
		assert.ok(pairs > 1000, `${pairs} pairs`);
	});
});
