/**
 * What the search box and the query language make of the text a reader pastes: a title with its
 * colon, an arXiv id with its version or as an abs/html link, a name whose parts repeat, and the
 * papers found by a note when one of them has no arXiv link (its id is its title).
 */
import * as assert from 'node:assert';
import { noteSearch } from '../../src/core/library/noteSearch';
import { keptPaper, type KeptPaper } from '../../src/core/library/kept';
import { parseDigest } from '../../src/core/parser';
import { PaperIndex } from '../../src/core/search/index';
import { parseQuery } from '../../src/core/search/query';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { idleSearchService } from './fake-search';
import { until } from './until';

const FILE = '/ws/data/2026-01-05.md';
const DIGEST = `# 2026-01-05

## cs.CV

### [1] [GameVerse: Can Vision Models Play](https://arxiv.org/abs/2601.00001)
*Li Li, Wei Wang*

### [2] [Deep Learning on Graphs](https://arxiv.org/abs/2601.00002)
*Wei Li, Ming Zhou*

### [3] A Study Without Any Link
*Ana Souza*
`;

function index(): PaperIndex {
	const idx = new PaperIndex();
	idx.addFile(FILE, parseDigest(DIGEST, FILE));
	return idx;
}

function found(idx: PaperIndex, query: string): string[] | string {
	const parsed = parseQuery(query);
	return parsed.ok ? idx.search(parsed.query, 50).hits.map((h) => h.id) : parsed.error;
}

describe('the query language on pasted text', () => {
	it('a title with a colon is words, not an unknown filter; a mistyped filter with a value still is one', () => {
		assert.deepStrictEqual(found(index(), 'GameVerse: Can Vision'), ['2601.00001']);
		assert.deepStrictEqual(found(index(), 'Constructor: graphs'), [], 'no filter named by Object.prototype');
		assert.match(String(found(index(), 'ctaegory:cs.CV')), /Unknown filter "ctaegory:"/);
		assert.match(String(found(index(), 'author: Li')), /needs a value/, 'a filter it knows, with its value left out');
	});

	it('author:"Li Li" is a name with Li twice, not any Li', () => {
		assert.deepStrictEqual(found(index(), 'author:"Li Li"'), ['2601.00001']);
		assert.deepStrictEqual(found(index(), 'author:"Wei Li"'), ['2601.00002']);
		assert.deepStrictEqual(found(index(), 'author:"Li Wei"'), [], 'a quoted name is its words in order');
		assert.deepStrictEqual(found(index(), 'author:Li-Wei'), ['2601.00002'], 'unquoted, the parts in any order, each a word of one name');
	});

	it('a quoted name (the card\'s and Statistics\' author search) finds that name, not its parts reversed or inside a longer given name (old: author:"Yang Liu" found 111 papers on 167 days for a bar of 86)', () => {
		const idx = new PaperIndex();
		const names = ['Yang Liu', 'Liu Yang', 'Xiao-Yang Liu', 'Yangyang Liu', 'Yang Janet Liu', 'Kaiming He Jr', 'Kaiming Hehe', 'Jürgen Schmidhuber', 'Xiao Yang Liu', 'Linxi "Jim" Fan'];
		const papers = names.map((name, i) => `### [${i + 1}] [Paper ${i + 1}](https://arxiv.org/abs/2601.001${String(i).padStart(2, '0')})\n*${name}, Ann Other*\n`);
		idx.addFile(FILE, parseDigest(`# 2026-01-05\n\n## cs.LG\n\n${papers.join('\n')}`, FILE));
		const authorsOf = (query: string) => {
			const hits = found(idx, query);
			return typeof hits === 'string' ? hits : hits.map((id) => names[Number(id.slice(-2))]).sort();
		};
		assert.deepStrictEqual(authorsOf('author:"Yang Liu"'), ['Xiao Yang Liu', 'Yang Janet Liu', 'Yang Liu'], 'whole words in order, as a followed author');
		assert.deepStrictEqual(authorsOf('author:"yang  LIU"'), ['Xiao Yang Liu', 'Yang Janet Liu', 'Yang Liu'], 'case and spaces');
		assert.deepStrictEqual(authorsOf('author:"Linxi Fan"'), ['Linxi "Jim" Fan'], 'a nickname between');
		assert.deepStrictEqual(authorsOf('author:“Linxi "Jim" Fan”'), ['Linxi "Jim" Fan'], 'the card\'s author search, quotes and all');
		assert.deepStrictEqual(authorsOf('author:"Linxi Jim Fan"'), ['Linxi "Jim" Fan'], 'its quotes left out');
		assert.deepStrictEqual(authorsOf('author:"Liu Yang"'), ['Liu Yang']);
		assert.deepStrictEqual(authorsOf('author:"Xiao Yang Liu"'), ['Xiao Yang Liu', 'Xiao-Yang Liu'], 'spaces match a hyphen');
		assert.deepStrictEqual(authorsOf('author:"Kaiming He"'), ['Kaiming He Jr']);
		assert.deepStrictEqual(authorsOf('author:"Jurgen Schmidhuber"'), ['Jürgen Schmidhuber'], 'accents');
		assert.deepStrictEqual(authorsOf('-author:"Yang Liu" paper').length, names.length - 3, 'excluded the same way');
		assert.deepStrictEqual(authorsOf('author:Yang'), ['Liu Yang', 'Xiao Yang Liu', 'Xiao-Yang Liu', 'Yang Janet Liu', 'Yang Liu', 'Yangyang Liu'], 'one word: a word start of a name, as before');
	});

	it('id: takes an abs, pdf or html link, with or without its version', () => {
		for (const link of ['https://arxiv.org/html/2601.00001v1', 'https://arxiv.org/html/2601.00001v2/', 'https://arxiv.org/pdf/2601.00001v1', 'arXiv:2601.00001v3', 'arxiv.org/abs/2601.00001', 'www.arxiv.org/pdf/2601.00001v2.pdf']) {
			assert.deepStrictEqual(found(index(), `id:${link}`), ['2601.00001'], link);
		}
	});

	it('id: takes a DOI, bare or as a link, and any other link a paper is known by', () => {
		const idx = new PaperIndex();
		const text = `# 2026-09-12\n\n## Neuroscience\n\n### [1] [Grid Cells in Bats](https://www.biorxiv.org/content/10.64898/2026.09.11.750898v1)\n*A. Author*\n\n### [2] [A Workshop Paper](https://openreview.net/forum?id=AbC123)\n*B. Author*\n`;
		idx.addFile('/ws/data/2026-09-12.md', parseDigest(text, '/ws/data/2026-09-12.md'));
		const [doi, other] = parseDigest(text, '/ws/data/2026-09-12.md').papers.map((p) => p.id);
		assert.strictEqual(doi, 'doi:10.64898/2026.09.11.750898');
		for (const given of ['https://www.biorxiv.org/content/10.64898/2026.09.11.750898v1', 'www.biorxiv.org/content/10.64898/2026.09.11.750898v1', '10.64898/2026.09.11.750898', '10.64898/2026.09.11.750898v1', 'doi:10.64898/2026.09.11.750898']) {
			assert.deepStrictEqual(found(idx, `id:${given}`), [doi], given);
		}
		assert.deepStrictEqual(found(idx, 'id:https://openreview.net/forum?id=AbC123'), [other]);
	});
});

describe('the search box on pasted ids and notes', () => {
	let search: typeof import('../../src/features/search/index');
	withFakeVscode(() => (search = require('../../src/features/search/index')));

	/** Search Papers on `text` over the digest above; the box's title and rows once it answered. */
	async function searchBox(text: string, notes?: Record<string, string>, kept?: Map<string, KeptPaper>): Promise<{ title: string; labels: string[]; descriptions: string[] }> {
		const idx = index();
		const service = {
			...idleSearchService,
			async search(read: string | { asRead: string }, limit = 50) {
				const parsed = parseQuery(typeof read === 'string' ? read : read.asRead);
				return parsed.ok ? { ok: true, result: idx.search(parsed.query, limit) } : { ok: false, error: parsed.error };
			},
		};
		const backend = { service, uriOf: () => fakeVscode.Uri.parse(`file://${FILE}`) };
		const listed = new Set(parseDigest(DIGEST, FILE).papers.map((p) => p.id));
		const workspace = { backend: async () => backend, onDidChange: () => ({ dispose() {} }), findPaper: (id: string) => (listed.has(id) ? [{}] : []) };
		const library = notes && { isStarred: () => false, searchNotes: (query: never) => noteSearch(query, notes), tagCounts: () => [], kept };
		const registration = search.registerSearch({} as never, workspace as never, library as never);
		try {
			await fakeVscode.commands.registered.get(search.SEARCH_COMMAND)!(text);
			const pick = fakeVscode.window.quickPicks.at(-1)!;
			await until('the answer', () => pick.items.length > 0 && !pick.busy);
			const answer = { title: pick.title ?? '', labels: pick.items.map((i) => i.label), descriptions: pick.items.map((i) => String((i as { description?: string }).description ?? '')) };
			pick.hide();
			return answer;
		} finally {
			registration.dispose();
		}
	}

	it('a pasted id with its version finds its paper, and does not say no paper has it', async () => {
		const { title, labels } = await searchBox('2601.00001v2');
		assert.deepStrictEqual(labels, ['GameVerse: Can Vision Models Play']);
		assert.doesNotMatch(title, /no paper has/, title);
	});

	it("finds every paper whose note has the word, one whose id is its title too", async () => {
		const { labels } = await searchBox('quokka', { '2601.00002': 'check the quokka results', 'title:a study without any link': 'quokka baseline' });
		assert.deepStrictEqual(labels.sort(), ['A Study Without Any Link', 'Deep Learning on Graphs']);
	});

	it('finds a note on a paper no digest lists any more, as the library kept it; not under a filter the index applies', async () => {
		const gone = keptPaper({ ...parseDigest(DIGEST, FILE).papers[1], id: '2401.55555', title: 'A Paper Whose Digest Went Away' }, ['2024-01-09']);
		const kept = new Map([[gone.id, gone]]);
		const notes = { '2601.00002': 'check the quokka results', '2401.55555': 'the quokka ablation' };
		const { labels, descriptions } = await searchBox('quokka', notes, kept);
		assert.deepStrictEqual(labels.sort(), ['A Paper Whose Digest Went Away', 'Deep Learning on Graphs']);
		assert.ok(descriptions.some((d) => d.startsWith('2024-01-09')), descriptions.join(' | '));
		assert.deepStrictEqual((await searchBox('quokka cat:cs.CV', notes, kept)).labels, ['Deep Learning on Graphs']);
		assert.deepStrictEqual((await searchBox('quokka', notes)).labels, ['Deep Learning on Graphs'], 'nothing kept: its id alone is no result');
	});
});
