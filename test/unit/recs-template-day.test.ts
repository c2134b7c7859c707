import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { trainForYou } from '../../src/core/recs/forYou';
import { readableReasons, reasonText } from '../../src/core/recs/explain';
import { explainVector, trainLinear } from '../../src/core/recs/linear';
import { ShardRecommender } from '../../src/core/recs/shard';
import { PaperIndex } from '../../src/core/search/index';
import { REAL } from './digest-folders';

/**
 * "For you" when the stars' summaries share a template: a tester starred seven robotics papers of
 * one day of 70asunflower's fork (test/fixtures/template-day), whose summaries write "[Arch-Infra]",
 * "No GPU kernel, compiler, or hardware acceleration techniques involved", "Implementation level:
 * system-level" whatever the paper is about. Show For You then put the day's RDMA NIC paper, TetraRL
 * and an INT8 GEMM kernel paper in the top 2–3%, "why: latency, throughput, Hardware, … Arch-Infra".
 * The workspace: that day and every file of test/fixtures/real (about 2,800 papers of 14 forks).
 */
describe('recommendations: For you with stars of one template-heavy day (real digests)', function () {
	this.timeout(60000);
	const papers = new Map<string, Paper>();
	const index = new PaperIndex();
	const day: Paper[] = [];
	before(() => {
		const files = readFileSync(join(REAL, 'EXPECTED.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((line) => join(REAL, line.split('\t')[0]));
		for (const path of [...files, 'test/fixtures/template-day/2026-06-15.md']) {
			const digest = parseDigest(readFileSync(path, 'utf8'), path);
			index.addFile(path, digest);
			for (const p of digest.papers) papers.set(p.id, p);
			if (path.includes('template-day')) day.push(...digest.papers);
		}
	});

	/** the day's papers on robots (the stars are seven of them) and the ones on hardware and systems */
	const hardware = (p: Paper) => /remote memory access|GEMM kernel|on-device/i.test(p.title);
	const robotics = (p: Paper) => !hardware(p) && /\b(VLA|robot\w*|manipulation|embodied)\b/i.test(`${p.title} ${p.abstract}`);

	it('ranks the day\'s robotics papers above its hardware ones, and says why in the papers\' own words', async () => {
		const stars = day.filter(robotics).slice(0, 7).map((p) => p.id);
		assert.strictEqual(stars.length, 7, 'seven robotics papers to star');
		const recs = new ShardRecommender(() => index);
		const trained = await trainForYou({ idVectors: async (ids, random, exclude, seed) => recs.idVectors(ids, random, exclude, seed), train: async (pos, neg) => trainLinear(pos, neg, { maxTerms: 5000 }) }, stars);
		assert.ok(trained.model, 'trained');
		const model = trained.model;
		const scores = new Map(recs.rank(model, [...papers.keys()].filter((id) => !stars.includes(id))).map(([id, score]) => [id, score]));
		const ranked = [...scores.keys()].sort((a, b) => scores.get(b)! - scores.get(a)!);
		const at = (id: string) => ranked.indexOf(id) + 1;
		const hardwarePapers = day.filter(hardware);
		const otherRobotics = day.filter((p) => robotics(p) && !stars.includes(p.id));
		const report = `of ${ranked.length}: hardware ${hardwarePapers.map((p) => `${p.title.slice(0, 30)} ${at(p.id)}`).join(' | ')}; the day's other robotics ${otherRobotics.map((p) => `${p.title.slice(0, 30)} ${at(p.id)}`).join(' | ')}; top 10: ${ranked.slice(0, 10).map((id) => papers.get(id)!.title.slice(0, 40)).join(' | ')}`;
		console.log(report);
		assert.strictEqual(hardwarePapers.length, 3, report);
		assert.ok(otherRobotics.length >= 2, report);
		// before (vectors of every field): TetraRL 7th, the GEMM kernel 8th, the RDMA NIC paper 12th of 2,703
		for (const p of hardwarePapers) assert.ok(at(p.id) > ranked.length * 0.05, report);
		assert.ok(otherRobotics.every((r) => at(r.id) < Math.min(...hardwarePapers.map((h) => at(h.id)))), report);
		const top = ranked.slice(0, 20).map((id) => papers.get(id)!);
		assert.ok(top.filter(robotics).length >= 10, `${top.filter(robotics).length} robotics papers in the top 20; ${report}`);
		// the why: no word of the template
		for (const id of ranked.slice(0, 20)) {
			const words = readableReasons(explainVector(model, recs.vector(id)!, Infinity), reasonText(papers.get(id)!), 8).map((r) => r.label);
			assert.ok(!words.some((w) => /^(arch-infra|infra|system-level|hardware|implementation)$/i.test(w)), `${papers.get(id)!.title}: ${words.join(', ')}`);
		}
	});
});
