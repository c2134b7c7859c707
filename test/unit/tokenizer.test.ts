import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { CJK_CLASS, containsPhrase, findPhrase, foldInflection, foldPhraseText, foldWord, inflectedForms, isCjkCode, queryWords, tokenize } from '../../src/core/search/tokenizer';
import { filesUnder } from './files-under';

/** The phrase fold as specified, a word at a time (foldPhraseText copies stretches of the lowered text instead). */
function foldPhraseOracle(text: string): string {
	const cjk = /^[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff\u31f0-\u31ff]$/;
	// words (letters, digits, marks, astral characters), CJK characters one by one, the rest separators
	const tokens = text.match(/[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff\u31f0-\u31ff]|(?:(?![\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff\u31f0-\u31ff])[\p{L}\p{N}\p{M}\uD800-\uDFFF])+|[^]/gu) ?? [];
	let out = '';
	let space = false;
	for (const token of tokens) {
		const word = cjk.test(token) || /^[\p{L}\p{N}\p{M}\uD800-\uDFFF]/u.test(token);
		if (!word) {
			space = true;
			continue;
		}
		if (space && out.length > 0) out += ' ';
		out += cjk.test(token) ? token : foldWord(token);
		space = false;
	}
	return out;
}

describe('search tokenizer', () => {
	describe('CJK', () => {
		it('the regex class CJK_CLASS and isCjkCode take the same characters, every one of the BMP', () => {
			const cls = new RegExp(`^[${CJK_CLASS}]$`);
			const differ: string[] = [];
			for (let c = 0; c <= 0xffff; c++) if (cls.test(String.fromCharCode(c)) !== isCjkCode(c)) differ.push(c.toString(16));
			assert.deepStrictEqual(differ, []);
			// Han, kana, Hangul syllables and jamo are CJK; Latin, full-width Latin and CJK punctuation are not
			assert.deepStrictEqual([...'中㐀あア한ᄀㄱ豈ㇰ'].map((ch) => isCjkCode(ch.charCodeAt(0))), Array(9).fill(true));
			assert.deepStrictEqual([...'aéＫ，。ｱ'].map((ch) => isCjkCode(ch.charCodeAt(0))), Array(6).fill(false));
		});
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
		it('takes a short word typed with a capital after its first letter for an acronym', () => {
			const acronyms = (text: string) => queryWords(text).map((w) => `${w.terms[0]}${w.acronym ? '!' : ''}`);
			assert.deepStrictEqual(acronyms('NOMA SAM ViT LoRA LLMs LLaMA 6G'), ['noma!', 'sam!', 'vit!', 'lora!', 'llm!', 'llama!', '6g!']);
			// lower case, a capital only first, a longer word or a hyphenated one: an ordinary word
			assert.deepStrictEqual(acronyms('noma Sam Diffusion GraphRAG TRANSFORMER GPT-4o 2602.04994'), ['noma', 'sam', 'diffusion', 'graphrag', 'transformer', 'gpt-4o', '2602.04994']);
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
		it('folds as word by word does: case, diacritics, separators, CJK, and the characters lowered by context', () => {
			const cases = [
				'', '   ', ' lead and trail ', 'Point  Clouds', 'point\tclouds\n\nand', 'A,B', 'x - y', 'GPT-4o and Llama-3.1',
				'Müller and Ångström', 'naïve Café', 'ﬁne ﬂow', '基于扩散模型的Method', 'Method的基于', '扩散 模型', '  扩散', 'α-β',
				'ΟΔΟΣ and Σigma', 'İstanbul İzmir', 'ΣΑΣ', 'x\u0301y', '𝐀𝐁 𐐀𐐁 text', 'Ａ full ｗidth', '3.5 mm, 10.2', 'end.',
				'**TL;DR:** we *propose* `code` [link](http://x.org/a-b)', 'ẞ straße', 'Ǆ ǅ ǆ', 'Ⅻ ⅻ',
			];
			for (const text of cases) assert.strictEqual(foldPhraseText(text), foldPhraseOracle(text), JSON.stringify(text));
		});
		it('folds every real digest the same as word by word', () => {
			const all = [...filesUnder('test/fixtures/real'), ...filesUnder('test/fixtures/seeds', ['.txt'])];
			assert.ok(all.length >= 25);
			for (const path of all) {
				// whole files (Chinese, English, markup) and their lines one by one
				const text = readFileSync(path, 'utf8');
				assert.strictEqual(foldPhraseText(text), foldPhraseOracle(text), path);
				for (const line of text.split('\n').slice(0, 400)) assert.strictEqual(foldPhraseText(line), foldPhraseOracle(line), `${path}: ${line}`);
			}
		});
		it('matches phrases on word boundaries, CJK anywhere', () => {
			const text = foldPhraseText('We use vision-language models, and 扩散模型.');
			assert.ok(containsPhrase(text, 'vision language models'));
			assert.ok(!containsPhrase(text, 'language mode'));
			assert.ok(!containsPhrase(text, 'anguage models'));
			assert.ok(containsPhrase(text, '散模'));
		});
		it('matches a phrase\'s words in every form a single word takes: plural = singular, nothing else', () => {
			// real titles and abstract sentences of 2026-06-14/15 (VISA, A Tutorial on World Models, ContactWorld, MoVerse)
			const visa = foldPhraseText('VISA: VLM-Guided Instance Semantic Auditing for 3D Occupancy World Models');
			const tutorial = foldPhraseText('A central distinction can be drawn between explicit world models, which learn structured dynamics');
			const moverse = foldPhraseText('We present MoVerse, a real-time video world model that creates an interactive 4D world');
			const modeling = foldPhraseText('World modeling is emerging as a central principle for building intelligent systems');
			for (const phrase of ['world model', 'world models', 'occupancy world model']) assert.ok(containsPhrase(visa, phrase), phrase);
			assert.ok(containsPhrase(tutorial, 'explicit world model'));
			assert.ok(containsPhrase(moverse, 'video world models'));
			assert.ok(containsPhrase(moverse, 'worlds model'), 'each word of the phrase, not only the last');
			assert.ok(!containsPhrase(modeling, 'world model'), 'modeling is another word');
			assert.ok(!containsPhrase(visa, 'models world'), 'in order');
			assert.ok(!containsPhrase(moverse, 'world creates'), 'adjacent');
			assert.strictEqual(findPhrase(visa, 'world model'), 'world models');
			assert.strictEqual(findPhrase(foldPhraseText('case studies of a study'), 'case study'), 'case studies');
			assert.strictEqual(findPhrase(foldPhraseText('the training losses'), 'training loss'), 'training losses');
			assert.strictEqual(findPhrase(foldPhraseText('shifting the focus to'), 'the focu'), undefined, 'focus is no plural (NOT_PLURAL)');
			assert.ok(containsPhrase(foldPhraseText('training losses'), 'training losses'));
			assert.ok(containsPhrase(foldPhraseText('training loss'), 'training losses'));
			assert.ok(containsPhrase(foldPhraseText('sparse matrices'), 'sparse matrix'));
			assert.ok(containsPhrase(foldPhraseText('GPT-4o models'), 'gpt 4o model'));
		});
		it('gives every word of a real digest among the inflected forms of its folded term, and only those', () => {
			const words = new Set(foldPhraseText(readFileSync('test/fixtures/real/xmkxabc__daily-arXiv-ai-enhanced/2025-06-29.md', 'utf8')).split(/[^a-z0-9]+/));
			assert.ok(words.size > 3000);
			for (const word of words) {
				const stem = foldInflection(word);
				const forms = inflectedForms(stem);
				assert.ok(forms.includes(word), `${word} in the forms of ${stem}: ${forms}`);
				for (const form of forms) assert.strictEqual(foldInflection(form), stem, `${form} → ${stem}`);
			}
		});
	});
});
