import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Digest, Paper } from '../../src/core/model';
import { parseDigest } from '../../src/core/parser';
import { compactTexts, summarizeDigest, summaryFromCompact } from '../../src/core/summary';
import { paper as fixturePaper } from '../fixtures/small-digest';
import { papersPerDay } from '../../src/core/trends/days';
import {
	DigestTreeModel,
	NO_CATEGORY,
	dayLabel,
	entryCounts,
	followedCategory,
	weekdayNames,
	escapeMarkdown,
	findPaperIndex,
	paperDescription,
	paperIndexAtLine,
	paperLabel,
	paperTitleText,
	paperTooltipMarkdown,
	weekday,
	type CategoryNode,
	type DayNode,
	type PaperNode,
	type TreeInput,
} from '../../src/core/tree';

function paper(id: string, section: string, line: number, over: Partial<Paper> = {}): Paper {
	return fixturePaper({
		id,
		title: `Title of ${id}`,
		headingLine: line,
		authors: ['Ada Lovelace', 'Alan Turing'],
		category: section,
		section,
		tldr: `tldr ${id}`,
		range: { start: line, end: line + 9 },
		link: `https://arxiv.org/abs/${id}`,
		...over,
	});
}

/** A digest with `sections` in order; each lists its paper ids, numbered through the file. */
function digest(path: string, day: string | undefined, sections: [string, string[]][]): Digest {
	const papers: Paper[] = [];
	const categories = sections.map(([name, ids], ci) => {
		const indices = ids.map((id) => {
			papers.push(paper(id, name, 10 + papers.length * 10));
			return papers.length - 1;
		});
		return { name, headingLine: ci, range: { start: ci, end: ci }, papers: indices };
	});
	const stem = path.split('/').pop()!.replace(/\.[^.]*$/, '');
	return { path, day, label: day ?? stem, categories, papers, diagnostics: [], lineCount: 10 + papers.length * 10 };
}

const K = (name: string) => `file:///ws/data/${name}`;

function ids(nodes: readonly { id: string }[]): string[] {
	return nodes.map((n) => n.id);
}

function sampleInputs(): TreeInput[] {
	return [
		{ key: K('2026-02-05.md'), digest: digest('/ws/data/2026-02-05.md', '2026-02-05', [['cs.CV', ['2602.00001']]]) },
		{ key: K('notes.md'), digest: digest('/ws/data/notes.md', undefined, [['cs.LG', ['2602.00009']]]) },
		{ key: K('2026-02-07.md'), digest: digest('/ws/data/2026-02-07.md', '2026-02-07', [['cs.CL', ['2602.00003']], ['cs.CV', ['2602.00004', '2602.00005']]]) },
		{ key: K('2026-02-06.md'), digest: digest('/ws/data/2026-02-06.md', '2026-02-06', [['cs.CV', ['2602.00002']]]) },
		{ key: K('alpha.md'), digest: digest('/ws/data/alpha.md', undefined, [['cs.AI', ['2602.00010']]]) },
	];
}

describe('core/tree labels', () => {
	it('names the weekday of real calendar days only', () => {
		assert.strictEqual(weekday('2026-02-06'), 'Fri');
		assert.strictEqual(weekday('2026-02-07'), 'Sat');
		assert.strictEqual(weekday('2024-02-29'), 'Thu');
		assert.strictEqual(weekday('2025-02-29'), undefined);
		assert.strictEqual(weekday('2026-13-01'), undefined);
		assert.strictEqual(weekday('notes'), undefined);
		assert.strictEqual(dayLabel('2026-02-06'), '2026-02-06 · Fri');
		assert.strictEqual(dayLabel('2026-02-30'), '2026-02-30');
	});

	it('names weekdays in the display language', () => {
		assert.deepStrictEqual(weekdayNames('en'), ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
		const zh = weekdayNames('zh-cn');
		assert.deepStrictEqual(zh, ['周日', '周一', '周二', '周三', '周四', '周五', '周六']);
		assert.strictEqual(dayLabel('2026-06-29', zh), '2026-06-29 · 周一');
		assert.strictEqual(weekday('2026-02-06', zh), '周五');
		assert.deepStrictEqual(weekdayNames('not a language tag!'), ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
		const model = new DigestTreeModel([], {}, zh);
		const file = 'test/fixtures/e2e/2026-02-09.md';
		model.setAll([{ key: 'file:///e2e/2026-02-09.md', digest: parseDigest(readFileSync(file, 'utf8'), file) }]);
		assert.strictEqual(model.roots()[0]?.label, '2026-02-09 · 周一');
	});

	it('describes a paper by first author and id', () => {
		const p = paper('2602.04994', 'cs.CV', 0);
		assert.strictEqual(paperDescription(p), 'Ada Lovelace et al. · 2602.04994');
		assert.strictEqual(paperDescription({ ...p, authors: ['Solo Author'] }), 'Solo Author · 2602.04994');
		assert.strictEqual(paperDescription({ ...p, authors: [] }), '2602.04994');
		assert.strictEqual(paperLabel({ ...p, title: '  A\n  wrapped   title ' }), 'A wrapped title');
		assert.strictEqual(paperLabel({ ...p, title: '' }), '2602.04994');
		// TeX math reads as text in the label; the title as written (Copy Title) keeps it
		assert.strictEqual(paperLabel({ ...p, title: 'D$^3$R-DETR: Density' }), 'D³R-DETR: Density');
		assert.strictEqual(paperTitleText({ ...p, title: 'D$^3$R-DETR:\n Density' }), 'D$^3$R-DETR: Density');
	});

	it('escapes untrusted text in the tooltip markdown', () => {
		assert.strictEqual(escapeMarkdown('a*b_[c](d) <think> $x$'), 'a\\*b\\_\\[c\\]\\(d\\) \\<think\\> \\$x\\$');
		const md = paperTooltipMarkdown(paper('2602.04994', 'cs.CV', 0, { title: '**Bold** [x](javascript:alert(1))', tldr: 'uses <b>html</b>' }), '2026-02-06 · Fri');
		assert.ok(md.startsWith('**\\*\\*Bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\)**'), md);
		assert.ok(md.includes('Ada Lovelace, Alan Turing'));
		assert.ok(md.includes('cs\\.CV · 2026\\-02\\-06 · Fri · 2602\\.04994'), md);
		assert.ok(md.includes('TL;DR: uses \\<b\\>html\\</b\\>'), md);
		assert.ok(!/[^\\]<b>/.test(md));
		// its TeX as text, as the title's: a tooltip renders no math
		assert.ok(paperTooltipMarkdown(paper('2602.04994', 'cs.CV', 0, { tldr: 'codes over $\\mathbb{Z}_4$' }), '2026-02-06').endsWith('TL;DR: codes over ℤ₄'));
	});

	it('finds the paper at a line and the nearest paper with an id', () => {
		const d = digest('/x.md', undefined, [['cs.CV', ['a', 'b', 'a']]]);
		assert.strictEqual(paperIndexAtLine(d, 0), undefined);
		assert.strictEqual(paperIndexAtLine(d, 10), 0);
		assert.strictEqual(paperIndexAtLine(d, 19), 0);
		assert.strictEqual(paperIndexAtLine(d, 25), 1);
		assert.strictEqual(paperIndexAtLine(d, 39), 2);
		assert.strictEqual(paperIndexAtLine(d, 40), undefined);
		assert.strictEqual(findPaperIndex(d, 'a'), 0);
		assert.strictEqual(findPaperIndex(d, 'a', 2), 2);
		assert.strictEqual(findPaperIndex(d, 'zzz'), undefined);
	});
});

describe('core/tree model', () => {
	it("counts a day's entries and its distinct papers apart: the Papers view's count and Statistics' agree through them", () => {
		const morning = digest('/ws/data/2026-02-06.md', '2026-02-06', [['cs.CV', ['2602.00001', '2602.00002']], ['cs.RO', ['2602.00001', '2602.00003']]]);
		const evening = digest('/ws/data/2026-02-06-b.md', '2026-02-06', [['cs.CV', ['2602.00002', '2602.00004']]]);
		const m = new DigestTreeModel([{ key: K('2026-02-06.md'), digest: morning }, { key: K('2026-02-06-b.md'), digest: evening }]);
		const [day] = m.roots();
		const counts = entryCounts(day.categories.flatMap((c) => c.paperIds()));
		assert.deepStrictEqual(counts, { entries: 6, papers: 4, repeated: 2, most: 2 });
		assert.strictEqual(counts.entries, day.count, 'the entries are what the Papers view counts');
		assert.strictEqual(counts.papers, papersPerDay([morning, evening]).totals[0], 'the papers are what Statistics counts');
		assert.deepStrictEqual(entryCounts(['a', 'b', 'a', 'a']), { entries: 4, papers: 2, repeated: 1, most: 3 });
		assert.deepStrictEqual(entryCounts([]), { entries: 0, papers: 0, repeated: 0, most: 0 });
	});

	it('orders days newest first, then undated files by name', () => {
		const m = new DigestTreeModel(sampleInputs());
		assert.deepStrictEqual(ids(m.roots()), [
			'day:2026-02-07',
			'day:2026-02-06',
			'day:2026-02-05',
			`file:${K('alpha.md')}`,
			`file:${K('notes.md')}`,
		]);
		assert.deepStrictEqual(m.roots().map((d) => d.label), ['2026-02-07 · Sat', '2026-02-06 · Fri', '2026-02-05 · Thu', 'alpha', 'notes']);
	});

	it('labels an undated digest without a label by the stem of the file its key names: a URI decoded, a local path as written', () => {
		const unlabelled = (key: string): TreeInput => ({ key, digest: { ...digest(key, undefined, [['cs.LG', [`2602.0${key.length}`]]]), label: '' } });
		const m = new DigestTreeModel([unlabelled('vscode-vfs://github/o/r/%E4%BB%8A%E6%97%A5%20%E7%B2%BE%E9%80%89.md'), unlabelled('/ws/data/100%25 notes.md'), unlabelled('/ws/data/a#1.md')]);
		assert.deepStrictEqual(m.roots().map((d) => d.label).sort(), ['100%25 notes', 'a#1', '今日 精选']);
	});

	it('keeps categories in file order with paper counts', () => {
		const m = new DigestTreeModel(sampleInputs());
		const day = m.getNode('day:2026-02-07') as DayNode;
		assert.strictEqual(day.count, 3);
		assert.deepStrictEqual(day.categories.map((c) => [c.name, c.papers.length]), [['cs.CL', 1], ['cs.CV', 2]]);
		assert.deepStrictEqual(ids(m.children(day)), ['cat:2026-02-07/cs.CL', 'cat:2026-02-07/cs.CV']);
		const cv = m.getNode('cat:2026-02-07/cs.CV') as CategoryNode;
		assert.deepStrictEqual(ids(m.children(cv)), [
			`paper:${K('2026-02-07.md')}#2602.00004#1`,
			`paper:${K('2026-02-07.md')}#2602.00005#2`,
		]);
		assert.strictEqual(m.shownCount(), 7);
		assert.strictEqual(m.totalCount(), 7);
	});

	it('merges files of the same day and their categories by name', () => {
		const a = { key: K('2026-02-06.md'), digest: digest('/a/2026-02-06.md', '2026-02-06', [['cs.CV', ['1']], ['cs.CL', ['2']]]) };
		const b = { key: K('2026-02-06_topic.md'), digest: digest('/a/2026-02-06_topic.md', '2026-02-06', [['cs.LG', ['3']], ['cs.CV', ['4', '5']]]) };
		const m = new DigestTreeModel([b, a]);
		assert.strictEqual(m.roots().length, 1);
		const day = m.roots()[0];
		assert.deepStrictEqual(day.keys, [a.key, b.key]);
		assert.strictEqual(day.count, 5);
		assert.deepStrictEqual(day.categories.map((c) => [c.name, c.papers.map((p) => p.paper.id)]), [
			['cs.CV', ['1', '4', '5']],
			['cs.CL', ['2']],
			['cs.LG', ['3']],
		]);
		assert.deepStrictEqual(m.categoryCounts(), [
			{ name: 'cs.CV', count: 3, follow: 'cs.CV' },
			{ name: 'cs.CL', count: 1, follow: 'cs.CL' },
			{ name: 'cs.LG', count: 1, follow: 'cs.LG' },
		]);
	});

	it('counts each paper of a category once, however many days (or versions) list it', () => {
		const m = new DigestTreeModel([
			{ key: K('2026-02-06.md'), digest: digest('/a/2026-02-06.md', '2026-02-06', [['cs.CV', ['2602.00001', '2602.00002']], ['cs.CL', ['2602.00001']]]) },
			{ key: K('2026-02-07.md'), digest: digest('/a/2026-02-07.md', '2026-02-07', [['cs.CV', ['2602.00001v2', '2602.00003']]]) },
		]);
		assert.deepStrictEqual(m.categoryCounts(), [
			{ name: 'cs.CV', count: 3, follow: 'cs.CV' },
			{ name: 'cs.CL', count: 1, follow: 'cs.CL' },
		]);
	});

	it("follows the category a section's papers state when the section is named otherwise (a fork's `Computer Vision [cs.CV]`)", () => {
		assert.strictEqual(followedCategory('cs.CV', ['cs.CV', 'cs.LG']), 'cs.CV', 'a section of a main category');
		assert.strictEqual(followedCategory('Computer Vision [cs.CV]', ['cs.CV', 'cs.CV', 'cs.LG']), 'cs.CV');
		assert.strictEqual(followedCategory('Robotics', [undefined, 'cs.RO']), 'Robotics', 'a paper stating none is matched by its section');
		const d = digest('/a/2026-02-06.md', '2026-02-06', [['Computer Vision [cs.CV]', ['2602.00001', '2602.00002']]]);
		const stated = { ...d, papers: d.papers.map((p) => ({ ...p, category: 'cs.CV' })) };
		const m = new DigestTreeModel([{ key: K('2026-02-06.md'), digest: stated }]);
		assert.strictEqual(m.roots()[0].categories[0].followName(), 'cs.CV');
		assert.deepStrictEqual(m.categoryCounts(), [{ name: 'Computer Vision [cs.CV]', count: 2, follow: 'cs.CV' }]);
	});

	it('gives every node a stable, unique id even with a paper listed twice', () => {
		const d = digest('/a/2026-02-06.md', '2026-02-06', [['cs.CV', ['2602.1', '2602.2']], ['cs.AI', ['2602.1']]]);
		const inputs = [{ key: K('2026-02-06.md'), digest: d }];
		const first = new DigestTreeModel(inputs);
		const all = (m: DigestTreeModel) => m.roots().flatMap((day) => [day.id, ...day.categories.flatMap((c) => [c.id, ...c.papers.map((p) => p.id)])]);
		const list = all(first);
		assert.strictEqual(new Set(list).size, list.length);
		assert.deepStrictEqual(list, all(new DigestTreeModel(inputs)));
		assert.ok(list.includes(`paper:${K('2026-02-06.md')}#2602.1#0`));
		assert.ok(list.includes(`paper:${K('2026-02-06.md')}#2602.1#2`));
		for (const id of list) assert.strictEqual(first.getNode(id)?.id, id);
	});

	it('names the shown days that list given papers, a paper listed on two days in both', () => {
		const repeat = { key: K('2026-02-08.md'), digest: digest('/ws/data/2026-02-08.md', '2026-02-08', [['cs.CV', ['2602.00004', '2602.00020v3']]]) };
		const m = new DigestTreeModel([...sampleInputs(), repeat]);
		assert.deepStrictEqual(ids(m.daysListing(new Set(['2602.00004']))), ['day:2026-02-08', 'day:2026-02-07']);
		assert.deepStrictEqual(ids(m.daysListing(new Set(['2602.00009', '2602.00001']))), ['day:2026-02-05', `file:${K('notes.md')}`]);
		assert.deepStrictEqual(m.daysListing(new Set(['2602.99999'])), []);
		assert.deepStrictEqual(m.daysListing(new Set()), []);
		const noVersion = (id: string) => id.replace(/v\d+$/, '');
		assert.deepStrictEqual(ids(m.daysListing(new Set(['2602.00020']), noVersion)), ['day:2026-02-08'], 'ids keyed as the caller keys them');
		assert.deepStrictEqual(ids(m.daysListing(new Set(['2602.00003']), (id) => `${id}v1`)), [], 'the keys are compared with keyOf of each id');
		m.setFilter({ categories: new Set(['cs.CL']) });
		assert.deepStrictEqual(m.daysListing(new Set(['2602.00004', '2602.00003'])).map((d) => d.id), ['day:2026-02-07'], 'only what the filter shows');
	});

	it('lists where the filtered papers are, newest day first, a paper of two days once', () => {
		const repeat = { key: K('2026-02-08.md'), digest: digest('/ws/data/2026-02-08.md', '2026-02-08', [['cs.CV', ['2602.00004', '2602.00020']]]) };
		const m = new DigestTreeModel([...sampleInputs(), repeat]);
		m.setFilter({ ids: new Set(['2602.00004', '2602.00003', '2602.00001']) });
		assert.deepStrictEqual(m.shownPapers(), [
			{ key: K('2026-02-08.md'), index: 0 },
			{ key: K('2026-02-07.md'), index: 0 },
			{ key: K('2026-02-05.md'), index: 0 },
		]);
		m.setFilter({ ids: new Set(['2602.00004', '2602.00003']), categories: new Set(['cs.CL']) });
		assert.deepStrictEqual(m.shownPapers(), [{ key: K('2026-02-07.md'), index: 0 }], 'the categories filter too');
	});

	it('the newest dated day and its papers are the same whatever the filter shows (the activity-bar badge counts them)', () => {
		const m = new DigestTreeModel(sampleInputs());
		const newest = m.newestDay();
		assert.strictEqual(newest?.day, '2026-02-07');
		const all = new Set(m.roots()[0].categories.flatMap((c) => [...c.paperIds()]));
		assert.deepStrictEqual(new Set(newest?.ids), all);
		m.setFilter({ ids: new Set(['2602.00001']) });
		assert.notStrictEqual(m.roots()[0].day, '2026-02-07', 'the filter hides the newest day');
		assert.deepStrictEqual(m.newestDay(), newest);
		m.setFilter({ categories: new Set(['cs.CL']) });
		assert.deepStrictEqual(m.newestDay(), newest);
		assert.strictEqual(new DigestTreeModel([]).newestDay(), undefined);
	});

	it('looks up parents for reveal', () => {
		const m = new DigestTreeModel(sampleInputs());
		const p = m.findPaper(K('2026-02-07.md'), '2602.00005') as PaperNode;
		assert.ok(p);
		const cat = m.parent(p) as CategoryNode;
		assert.strictEqual(cat.id, 'cat:2026-02-07/cs.CV');
		const day = m.parent(cat) as DayNode;
		assert.strictEqual(day, m.getNode('day:2026-02-07'));
		assert.strictEqual(m.parent(day), undefined);
		assert.ok(m.children(cat).includes(p));
		assert.strictEqual(m.findPaper(K('2026-02-07.md'), 'nope'), undefined);
		assert.strictEqual(m.findPaper(K('missing.md'), '2602.00005'), undefined);
	});

	it('gathers papers outside every category section', () => {
		const d = digest('/a/x.md', undefined, [['cs.CV', ['1']]]);
		d.papers.push(paper('2', '', 50), paper('3', 'Other', 60));
		const m = new DigestTreeModel([{ key: K('x.md'), digest: d }]);
		assert.deepStrictEqual(m.roots()[0].categories.map((c) => c.name), ['cs.CV', NO_CATEGORY, 'Other']);
		assert.strictEqual(m.roots()[0].count, 3);
	});

	it('filters by category and hides empty days', () => {
		const m = new DigestTreeModel(sampleInputs());
		m.setFilter({ categories: new Set(['cs.CV']) });
		assert.ok(m.isFiltered);
		assert.deepStrictEqual(ids(m.roots()), ['day:2026-02-07', 'day:2026-02-06', 'day:2026-02-05']);
		assert.deepStrictEqual(m.roots()[0].categories.map((c) => c.name), ['cs.CV']);
		assert.strictEqual(m.shownCount(), 4);
		assert.strictEqual(m.totalCount(), 7);
		assert.strictEqual(m.getNode('cat:2026-02-07/cs.CL'), undefined);
		assert.deepStrictEqual(m.categoryCounts().find((c) => c.name === 'cs.CL'), { name: 'cs.CL', count: 1, follow: 'cs.CL' });
	});

	it('filters by paper ids and combines both filters', () => {
		const m = new DigestTreeModel(sampleInputs(), { ids: new Set(['2602.00005', '2602.00010', '2602.00003']) });
		assert.deepStrictEqual(ids(m.roots()), ['day:2026-02-07', `file:${K('alpha.md')}`]);
		assert.strictEqual(m.roots()[0].count, 2);
		m.setFilter({ ids: new Set(['2602.00005', '2602.00010', '2602.00003']), categories: new Set(['cs.CV']) });
		assert.deepStrictEqual(ids(m.roots()), ['day:2026-02-07']);
		assert.deepStrictEqual(m.roots()[0].categories.flatMap((c) => c.papers.map((p) => p.paper.id)), ['2602.00005']);
		m.setFilter({});
		assert.strictEqual(m.isFiltered, false);
		assert.strictEqual(m.roots().length, 5);
		assert.strictEqual(m.shownCount(), 7);
	});

	it('makes a category\'s paper nodes when first asked, once, and counts and lists ids without them', () => {
		const m = new DigestTreeModel(sampleInputs(), { ids: new Set(['2602.00004', '2602.00005', '2602.00003']) });
		const cv = m.getNode('cat:2026-02-07/cs.CV') as CategoryNode;
		// counts and ids come from the summaries (the Papers view's descriptions, "new" badges, For you)
		assert.strictEqual(cv.count, 2);
		assert.deepStrictEqual(cv.paperIds(), ['2602.00004', '2602.00005']);
		// a paper found by id (reveal, a change event) is the node the category lists, made once
		const byId = m.getNode(`paper:${K('2026-02-07.md')}#2602.00005#2`) as PaperNode;
		assert.strictEqual(byId.parent, cv);
		assert.strictEqual(cv.papers[1], byId);
		assert.strictEqual(cv.papers, cv.papers, 'made once');
		assert.strictEqual(m.findPaper(K('2026-02-07.md'), '2602.00004'), cv.papers[0]);
		// an id naming a paper the filter hides, or a paper at another index, finds nothing
		m.setFilter({ ids: new Set(['2602.00004']) });
		assert.strictEqual(m.getNode(`paper:${K('2026-02-07.md')}#2602.00005#2`), undefined);
		assert.strictEqual(m.getNode(`paper:${K('2026-02-07.md')}#2602.00004#7`), undefined);
		assert.strictEqual(m.getNode('paper:nonsense'), undefined);
	});

	it('updates only the touched day and keeps its node identity', () => {
		const m = new DigestTreeModel(sampleInputs());
		const d7 = m.getNode('day:2026-02-07') as DayNode;
		const d6 = m.getNode('day:2026-02-06') as DayNode;
		const d6cat = d6.categories[0];
		const up = m.update([{ key: K('2026-02-07.md'), digest: digest('/ws/data/2026-02-07.md', '2026-02-07', [['cs.CL', ['2602.00003', '2602.00011']]]) }]);
		assert.strictEqual(up.rootChanged, false);
		assert.deepStrictEqual(up.days, [d7]);
		assert.strictEqual(m.getNode('day:2026-02-07'), d7);
		assert.strictEqual(d7.count, 2);
		assert.strictEqual(m.getNode('cat:2026-02-07/cs.CV'), undefined);
		assert.strictEqual(d6.categories[0], d6cat, 'untouched days keep their children');
	});

	it('reports a root change when days appear, vanish or a file moves day', () => {
		const m = new DigestTreeModel(sampleInputs());
		const added = m.update([{ key: K('2026-02-08.md'), digest: digest('/ws/data/2026-02-08.md', '2026-02-08', [['cs.CV', ['9']]]) }]);
		assert.strictEqual(added.rootChanged, true);
		assert.strictEqual(m.roots()[0].id, 'day:2026-02-08');
		assert.deepStrictEqual(added.days.map((d) => d.id), ['day:2026-02-08'], 'the root refreshes, but only the new day was built');
		const removed = m.update([{ key: K('2026-02-08.md') }]);
		assert.strictEqual(removed.rootChanged, true);
		assert.strictEqual(m.getNode('day:2026-02-08'), undefined);
		assert.strictEqual(m.roots()[0].id, 'day:2026-02-07');
		const moved = m.update([{ key: K('notes.md'), digest: digest('/ws/data/notes.md', '2026-02-06', [['cs.LG', ['2602.00009']]]) }]);
		assert.strictEqual(moved.rootChanged, true);
		assert.strictEqual(m.getNode(`file:${K('notes.md')}`), undefined);
		assert.strictEqual((m.getNode('day:2026-02-06') as DayNode).count, 2);
		assert.ok(m.getNode(`paper:${K('notes.md')}#2602.00009#0`));
		assert.strictEqual(m.findPaper(K('notes.md'), '2602.00009')?.parent.parent.id, 'day:2026-02-06');
		// and on to another day: the day it left is built without it
		const d7count = (m.getNode('day:2026-02-07') as DayNode).count;
		const again = m.update([{ key: K('notes.md'), digest: digest('/ws/data/notes.md', '2026-02-07', [['cs.LG', ['2602.00009']]]) }]);
		assert.deepStrictEqual(again.days.map((d) => d.id).sort(), ['day:2026-02-06', 'day:2026-02-07']);
		assert.strictEqual((m.getNode('day:2026-02-06') as DayNode).count, 1);
		assert.strictEqual((m.getNode('day:2026-02-07') as DayNode).count, d7count + 1);
		assert.strictEqual(m.findPaper(K('notes.md'), '2602.00009')?.parent.parent.id, 'day:2026-02-07');
	});

	it('under a filter, a change that empties a day hides it and a match shows it again', () => {
		const m = new DigestTreeModel(sampleInputs(), { categories: new Set(['cs.CV']) });
		const d6 = m.getNode('day:2026-02-06') as DayNode;
		const gone = m.update([{ key: K('2026-02-06.md'), digest: digest('/ws/data/2026-02-06.md', '2026-02-06', [['cs.RO', ['7']]]) }]);
		assert.strictEqual(gone.rootChanged, true);
		assert.ok(!m.roots().some((d) => d.id === 'day:2026-02-06'));
		const back = m.update([{ key: K('2026-02-06.md'), digest: digest('/ws/data/2026-02-06.md', '2026-02-06', [['cs.CV', ['7']]]) }]);
		assert.strictEqual(back.rootChanged, true);
		assert.strictEqual(m.getNode('day:2026-02-06'), d6);
	});
});

describe('core/tree over the seed digests', () => {
	const seed = (name: string) => readFileSync(join('test', 'fixtures', 'seeds', name), 'utf8');
	const big = seed('000_e68cbdc0f6d19b20.txt');
	const second = seed('002_9ca964b67d58151b.txt');

	it('shows an undated seed under its file name and a dated copy under its day', () => {
		const m = new DigestTreeModel([
			{ key: 'file:///s/002_9ca964b67d58151b.txt', digest: parseDigest(second, '/s/002_9ca964b67d58151b.txt') },
			{ key: 'file:///s/data/2026-02-06.md', digest: parseDigest(big, '/s/data/2026-02-06.md') },
		]);
		assert.deepStrictEqual(m.roots().map((d) => [d.label, d.count]), [
			['2026-02-06 · Fri', 166],
			['002_9ca964b67d58151b', 79],
		]);
		assert.deepStrictEqual(m.roots()[0].categories.map((c) => [c.name, c.papers.length]), [['cs.CV', 107], ['cs.CL', 59]]);
		assert.deepStrictEqual(m.roots()[1].categories.map((c) => c.name), ['cs.CV', 'cs.LG', 'cs.CY', 'cs.IR', 'cs.AI']);
		const first = m.roots()[0].categories[0].papers[0];
		assert.strictEqual(first.id, 'paper:file:///s/data/2026-02-06.md#2602.04994#0');
		assert.strictEqual(paperDescription(first.paper), 'Zhuosen Bao et al. · 2602.04994');
	});

	it('finds the tree node for the paper under a line of the file', () => {
		const key = 'file:///s/data/2026-02-06.md';
		const digest = parseDigest(big, '/s/data/2026-02-06.md');
		const m = new DigestTreeModel([{ key, digest }]);
		for (const index of [0, 106, 107, 165]) {
			const paper = digest.papers[index];
			const at = paperIndexAtLine(digest, paper.range.start + 2);
			assert.strictEqual(at, index);
			const node = m.findPaper(key, paper.id, index);
			assert.strictEqual(node?.index, index);
			assert.strictEqual(m.parent(m.parent(node!)!), m.roots()[0]);
		}
		assert.strictEqual(paperIndexAtLine(digest, 0), undefined, 'the table of contents is no paper');
	});

	it('merges the two seeds when both name the same day', () => {
		const m = new DigestTreeModel([
			{ key: 'file:///a/2026-02-06.md', digest: parseDigest(big, '/a/2026-02-06.md') },
			{ key: 'file:///b/2026-02-06.md', digest: parseDigest(second, '/b/2026-02-06.md') },
		]);
		assert.strictEqual(m.roots().length, 1);
		assert.strictEqual(m.roots()[0].count, 245);
		assert.deepStrictEqual(m.roots()[0].categories.map((c) => [c.name, c.papers.length]), [
			['cs.CV', 133],
			['cs.CL', 59],
			['cs.LG', 32],
			['cs.CY', 5],
			['cs.IR', 7],
			['cs.AI', 9],
		]);
		const list = m.roots()[0].categories.flatMap((c) => c.papers.map((p) => p.id));
		assert.strictEqual(new Set(list).size, 245);
	});

	it("shows the days, their counts and a paper's place from the summaries' heads, parsing a file's papers when its category opens", () => {
		const parsed: string[] = [];
		const lazy = (key: string, text: string, path: string): TreeInput => {
			const compact = compactTexts(summarizeDigest(parseDigest(text, path)));
			return {
				key,
				digest: summaryFromCompact(compact.head, () => {
					parsed.push(key);
					return compact.papers;
				}),
			};
		};
		const a = lazy('file:///a/2026-02-06.md', big, '/a/2026-02-06.md');
		const b = lazy('file:///b/2026-02-05.md', second, '/b/2026-02-05.md');
		const m = new DigestTreeModel([a, b]);
		assert.deepStrictEqual(m.roots().map((d) => [d.label, d.count]), [
			['2026-02-06 · Fri', 166],
			['2026-02-05 · Thu', 79],
		]);
		const ids = m.roots()[0].categories.flatMap((c) => c.paperIds());
		assert.strictEqual(ids[0], '2602.04994');
		assert.strictEqual(m.totalCount(), 245);
		assert.strictEqual(findPaperIndex(a.digest, ids[107]), 107);
		assert.strictEqual(m.findPaper(a.key, ids[107], 107)?.index, 107, "found by id, the node made from the paper's summary");
		m.setFilter({ ids: new Set([ids[0]]) });
		assert.deepStrictEqual(m.roots().map((d) => d.count), [1]);
		m.setFilter({});
		assert.deepStrictEqual(parsed, [a.key], 'only the file whose category was opened (findPaper makes its node)');
		assert.strictEqual(paperDescription(m.roots()[1].categories[0].papers[0].paper), paperDescription(parseDigest(second, '/b/2026-02-05.md').papers[0]));
		assert.deepStrictEqual(parsed, [a.key, b.key]);
	});
});

describe('tree texts in the display language', () => {
	it('writes "et al.", "(no category)" and the TL;DR line in the words the editor passes', () => {
		const paper = { id: '2602.1', isArxiv: true, title: 'T', authors: ['张三', '李四'], section: '', headingLine: 0, range: { start: 0, end: 1 } };
		const zh = { etAl: ' 等', noCategory: '（无分类）', tldr: 'TL;DR：{0}' };
		assert.strictEqual(paperDescription(paper, zh), '张三 等 · 2602.1');
		assert.strictEqual(paperDescription(paper), '张三 et al. · 2602.1');
		assert.ok(paperTooltipMarkdown(paper, '2026-02-06', zh).includes('（无分类）'));
		// a TL;DR holding `{0}` or `$&` is written as it is (Markdown-escaped), not taken for the template's placeholder
		assert.ok(paperTooltipMarkdown({ ...paper, tldr: '提出 $& 与 {0}' }, '2026-02-06', zh).endsWith('TL;DR：提出 \\$\\& 与 \\{0\\}'));
		assert.ok(paperTooltipMarkdown({ ...paper, tldr: 'A method' }, '2026-02-06').includes('TL;DR: A method'));
	});
});
