import * as assert from 'node:assert';
import { inProcessShard } from '../../src/core/corpus/inProcess';
import { nodeCorpusIO } from '../../src/core/corpus/nodeIO';
import { SearchService } from '../../src/core/search/client';
import { quoteAuthorNames } from '../../src/core/search/query';
import { fileSpecs } from '../../src/cli/search';
import { mainAsync } from '../../src/cli/main';
import { REAL } from './digest-folders';

/** `author:` followed by more of a name, as typed into arXiv's own search (issue: the tester's `author:Yann LeCun`) */
describe('search: author:First Last is one name', () => {
	describe('quoteAuthorNames', () => {
		const known = new Set(['yann lecun', 'song han', 'yang liu', 'jean ponce']);
		const knows = async (name: string) => known.has(name.toLowerCase());

		it('quotes the words that go on with a name some paper has, and leaves the rest of the text as typed', async () => {
			assert.strictEqual(await quoteAuthorNames('author:Yann LeCun', knows), 'author:"Yann LeCun"');
			assert.strictEqual(await quoteAuthorNames('world  models author:Song Han  cat:cs.LG', knows), 'world  models author:"Song Han"  cat:cs.LG');
			assert.strictEqual(await quoteAuthorNames('-author:Yang Liu diffusion', knows), '-author:"Yang Liu" diffusion');
			assert.strictEqual(await quoteAuthorNames('Author:Jean Ponce author:Yann LeCun', knows), 'Author:"Jean Ponce" author:"Yann LeCun"');
		});

		it('keeps words that make no known name free, and never takes a phrase, an exclusion or a filter into a name', async () => {
			for (const text of ['author:lecun world model', 'author:Yann "LeCun"', 'author:Yann -LeCun', 'author:Yann cat:cs.LG', 'author:"Yann" LeCun', 'author:', 'Yann LeCun']) {
				assert.strictEqual(await quoteAuthorNames(text, knows), text, text);
			}
		});

		it('asks about one word more at a time, and stops at the first that makes no name', async () => {
			const asked: string[] = [];
			await quoteAuthorNames('author:Yann LeCun world model', async (name) => (asked.push(name), knows(name)));
			assert.deepStrictEqual(asked, ['Yann LeCun', 'Yann LeCun world']);
		});
	});

	describe('over the real digests, in two shards (a name may be in one shard only)', () => {
		let service: SearchService;
		/** the queries the shards were asked */
		const asked: string[] = [];
		before(async function () {
			this.timeout(60000);
			const shards = [0, 1].map((i) => inProcessShard(nodeCorpusIO(undefined, i, 2), i, 2));
			service = new SearchService(shards.map((shard) => ({ ...shard, call: (request) => (request.method === 'search' && asked.push(request.query), shard.call(request)) })));
			await service.open(fileSpecs(REAL));
		});
		after(() => service.dispose());

		const ids = async (query: string) => {
			const reply = await service.search(query, 1000);
			if (!reply.ok) assert.fail(reply.error);
			return reply.result.hits.map((h) => h.id).sort();
		};

		it('finds the papers of the name typed unquoted, as quoted (old: `author:Song Han` found 14 papers of any Song that say "han", 1 is his)', async () => {
			for (const name of ['Songchen Han', 'Yang Liu', 'Wei Wang', 'Jun Zhu']) {
				const quoted = await ids(`author:"${name}"`);
				assert.ok(quoted.length > 0, name);
				assert.deepStrictEqual(await ids(`author:${name}`), quoted, name);
				const matched = await service.ids(`author:${name}`);
				assert.deepStrictEqual(matched.ok && matched.ids.sort(), quoted, `${name}: ids (the tree's filter, Statistics)`);
			}
			assert.deepStrictEqual(await ids('author:Yang Liu agent'), await ids('author:"Yang Liu" agent'));
		});

		it('keeps the words after a surname free when they make no name', async () => {
			const free = await ids('author:Wang world model');
			assert.ok(free.length > 10, String(free.length));
			assert.deepStrictEqual(free, await ids('world model author:Wang'));
		});

		it('looks a name up once: a query read by withAuthorNames is searched as read (the search box reads it for its notes first)', async () => {
			const lookups = () => asked.filter((q) => /^author:"Wang /.test(q)).length;
			const before = lookups();
			const read = await service.withAuthorNames('author:Wang world model');
			assert.strictEqual(read.asRead, 'author:Wang world model', 'no such name: the words stay free');
			const looked = lookups() - before;
			assert.ok(looked > 0, 'the name was looked up');
			const reply = await service.search(read, 1000);
			assert.ok(reply.ok);
			const ids = await service.ids(read);
			assert.ok(ids.ok);
			assert.strictEqual(lookups() - before, looked, 'search and ids looked it up no more');
			await service.search('author:Wang world model', 1000);
			assert.strictEqual(lookups() - before, 2 * looked, 'a query given as text is read by search itself');
		});

		it('reads the CLI\'s query as the service does', async function () {
			this.timeout(60000);
			let out = '';
			const code = await mainAsync(['search', REAL, 'author:Yang Liu', '--json', '--shards', '2'], { stdout: (t) => (out += t), stderr: () => undefined });
			assert.strictEqual(code, 0);
			assert.deepStrictEqual(JSON.parse(out).hits.map((h: { id: string }) => h.id).sort(), await ids('author:"Yang Liu"'));
		});
	});
});
