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
		before(async function () {
			this.timeout(60000);
			service = new SearchService([0, 1].map((i) => inProcessShard(nodeCorpusIO(undefined, i, 2), i, 2)));
			await service.open(fileSpecs(REAL));
		});
		after(() => service.dispose());

		const ids = async (query: string) => {
			const reply = await service.search(query, 1000);
			if (!reply.ok) assert.fail(reply.error);
			return reply.result.hits.map((h) => h.id).sort();
		};

		it('finds the papers of the name typed unquoted, as quoted (old: `author:Song Han` found 14 papers of any Song that say "han", 1 is his)', async () => {
			for (const name of ['Song Han', 'Yang Liu', 'Wei Wang', 'Jun Zhu']) {
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

		it('reads the CLI\'s query as the service does', async function () {
			this.timeout(60000);
			let out = '';
			const code = await mainAsync(['search', REAL, 'author:Song Han', '--json', '--shards', '2'], { stdout: (t) => (out += t), stderr: () => undefined });
			assert.strictEqual(code, 0);
			assert.deepStrictEqual(JSON.parse(out).hits.map((h: { id: string }) => h.id).sort(), await ids('author:"Song Han"'));
		});
	});
});
