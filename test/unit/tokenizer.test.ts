import * as assert from 'node:assert';
import { containsPhrase, foldInflection, foldPhraseText, foldWord, queryWords, tokenize } from '../../src/core/search/tokenizer';

describe('search tokenizer', () => {
	describe('CJK', () => {
		it('splits a run written without spaces into overlapping bigrams', () => {
			assert.deepStrictEqual(tokenize('扩散模型'), ['扩散', '散模', '模型']);
		});
		it('keeps a single character as a unigram', () => {
			assert.deepStrictEqual(tokenize('用 图'), ['用', '图']);
		});
		it('separates CJK from Latin words glued to it', () => {
			assert.deepStrictEqual(tokenize('SIDeR是一个框架'), ['sider', '是一', '一个', '个框', '框架']);
		});
		it('handles Japanese kana and Korean Hangul', () => {
			assert.deepStrictEqual(tokenize('モデル'), ['モデ', 'デル']);
			assert.deepStrictEqual(tokenize('모델'), ['모델']);
		});
		it('tokenises a CJK query the same way, as one word of all bigrams', () => {
			assert.deepStrictEqual(queryWords('多模态'), [{ terms: ['多模', '模态'], cjk: true }]);
		});
	});

	describe('English', () => {
		it('case-folds and drops stopwords and one-letter words', () => {
			assert.deepStrictEqual(tokenize('The Power of a Transformer'), ['power', 'transformer']);
		});
		it('folds diacritics', () => {
			assert.deepStrictEqual(tokenize('Müller Éclair naïve'), ['muller', 'eclair', 'naive']);
			assert.strictEqual(foldWord('Ångström'), 'angstrom');
		});
		it('indexes a hyphenated word whole and in parts', () => {
			assert.deepStrictEqual(tokenize('token-pruning'), ['token-pruning', 'token', 'pruning']);
			assert.deepStrictEqual(tokenize('state-of-the-art'), ['state-of-the-art', 'state', 'art']);
		});
		it('keeps decimal numbers and arXiv ids whole', () => {
			assert.deepStrictEqual(tokenize('2602.04994 gains 41.28%'), ['2602.04994', 'gain', '41.28']);
		});
		it('queries a hyphenated word by its whole form only', () => {
			assert.deepStrictEqual(queryWords('Token-Pruning'), [{ terms: ['token-pruning'], parts: ['token', 'pruning'], cjk: false }]);
		});
		it('drops query stopwords unless nothing else is left', () => {
			assert.deepStrictEqual(queryWords('the diffusion').map((w) => w.terms[0]), ['diffusion']);
			assert.deepStrictEqual(queryWords('the').map((w) => w.terms[0]), ['the']);
		});
		it('folds plurals onto the singular, at index and query time alike', () => {
			assert.deepStrictEqual(tokenize('World Models, studies, classes, patches, LLMs'), ['world', 'model', 'study', 'class', 'patch', 'llm']);
			assert.deepStrictEqual(queryWords('diffusion models').map((w) => w.terms[0]), tokenize('Diffusion Model'));
			assert.deepStrictEqual(tokenize('vision-language models; mixture-of-experts'), ['vision-language', 'vision', 'language', 'model', 'mixture-of-expert', 'mixture', 'expert']);
		});
		it('leaves words that only look plural alone', () => {
			for (const word of ['loss', 'corpus', 'analysis', 'bias', 'series', 'gas', 'physics', 'h100s', 'its']) {
				assert.strictEqual(foldInflection(word), word, word);
			}
			assert.strictEqual(foldInflection('biases'), 'bias');
			assert.strictEqual(foldInflection('hypotheses'), 'hypothesis');
			assert.strictEqual(foldInflection('keys'), 'key');
		});
		it('treats LaTeX and markup as separators', () => {
			assert.deepStrictEqual(tokenize('$\\lambda$-return <think>'), ['lambda', 'return', 'think']);
		});
	});

	describe('phrases', () => {
		it('folds text for phrase checks', () => {
			assert.strictEqual(foldPhraseText('Vision-Language  Models!'), 'vision language models');
			assert.strictEqual(foldPhraseText('基于扩散模型的 Method'), '基于扩散模型的 method');
		});
		it('matches phrases on word boundaries, CJK anywhere', () => {
			const text = foldPhraseText('We use vision-language models, and 扩散模型.');
			assert.ok(containsPhrase(text, 'vision language models'));
			assert.ok(!containsPhrase(text, 'language model'));
			assert.ok(containsPhrase(text, '散模'));
		});
	});
});
