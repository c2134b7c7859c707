import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readableReasons } from '../../src/core/recs/explain';
import { termsOverlap } from '../../src/core/search/tokenizer';
import { whyText } from '../../src/features/recs/whyText';

const terms = (...list: string[]) => list.map((term) => ({ term }));
const labels = (...args: Parameters<typeof readableReasons>) => readableReasons(...args).map((r) => r.label);

describe('For you\'s "Why?" in words a reader knows (readableReasons)', () => {
	const text = [
		'VLA for Robot manipulation: a VLA policy evaluated on LIBERO, with a v-JEPA encoder.',
		'我们提出一种用于机器人操作的视觉语言动作模型，结合世界模型预测未来。机器人控制在LIBERO上的策略优于基线，世界模型的预测更准确。',
		'The robot policy transfers.',
	].join('\n');

	it('the tester\'s list: bigrams become the run the text has them in, words are spelt as the paper spells them, no weights', () => {
		const weighed = terms('器人', 'robot', 'vla', 'policy', 'libero', '机器', '界模', '模型', '世界', '策略');
		assert.deepStrictEqual(labels(weighed, text, 8), ['机器人', 'robot', 'VLA', 'policy', 'LIBERO', '世界模型', '策略']);
	});

	it('a word is in lower case where the paper writes it so anywhere (a title\'s capital is not its spelling)', () => {
		assert.deepStrictEqual(labels(terms('robot'), 'Robot Learning. Robot arms. A robot.', 3), ['robot']);
		assert.deepStrictEqual(labels(terms('vla'), 'VLA models. VLA.', 3), ['VLA']);
	});

	it('a part of a hyphenated word listed with it goes (termsOverlap, as rising terms do)', () => {
		assert.ok(termsOverlap('v-jepa', 'jepa') && termsOverlap('语言', '言模') && !termsOverlap('语言', '视觉'));
		assert.deepStrictEqual(labels(terms('v-jepa', 'jepa', 'encoder'), text, 8), ['v-JEPA', 'encoder']);
	});

	it('a part the paper writes only inside hyphenated words is named by the word (a tester\'s "box, black, white" for black-box and white-box)', () => {
		const attacks = 'Black-Box Attacks. We attack black-box models and white-box models; a black-box attack transfers.';
		assert.deepStrictEqual(labels(terms('box', 'black', 'white', 'attack'), attacks, 8), ['black-box', 'white-box', 'attack']);
		// in common with another paper: the word only where both have it (the shared terms), else the part as before
		assert.deepStrictEqual(labels(terms('box', 'white'), attacks, 8, new Set(['box', 'white', 'black-box'])), ['black-box', 'white']);
		// a part the paper also writes alone stays itself
		assert.deepStrictEqual(labels(terms('box'), 'A bounding box and a black-box model.', 8), ['box']);
		// words as the tokenizer reads them: a version number's point inside one, Chinese around one apart
		assert.deepStrictEqual(labels(terms('vl'), 'We tune Qwen2.5-VL on data; Qwen2.5-VL wins.', 8), ['Qwen2.5-VL']);
		assert.deepStrictEqual(labels(terms('language'), '我们提出一种Vision-Language-Action模型用于机器人操作', 8), ['Vision-Language-Action']);
	});

	it('drops bigrams of function characters and stop-words alone, keeps the limit, and each word once', () => {
		assert.deepStrictEqual(labels(terms('出一', '模型', '器人', 'robot', 'policy'), text, 2), ['机器人', 'robot']);
		const all = labels(terms('机器', '器人', 'robot', '世界', '界模', '模型', 'vla'), text, 8);
		assert.strictEqual(new Set(all).size, all.length);
		assert.ok(!all.some((a) => all.some((b) => a !== b && b.includes(a))), all.join(', '));
	});

	it('a run grows only while the text says so: a bigram the text continues in different ways is a word of its own', () => {
		// 机器人 goes on as 机器人操作 and 机器人控制: it stays 机器人
		assert.deepStrictEqual(labels(terms('器人'), text, 1), ['机器人']);
		// once in the text: a heavy overlapping bigram joins it there, a light one does not
		assert.deepStrictEqual(labels(terms('因果', '果推', '推理'), '因果推理的方法', 3), ['因果推理']);
		assert.deepStrictEqual(labels(terms('自动'), '自动驾驶', 3), ['自动']);
	});

	it('a run the text continues two ways is shown as one of the paper\'s whole words, never the piece they share', () => {
		// 界模 grows to 世界模, where 世界模型 and 世界模拟 part: the word more places of the paper have
		const both = '世界模型预测未来。世界模型的预测更准确。世界模拟器生成视频。';
		assert.deepStrictEqual(labels(terms('界模'), both, 1), ['世界模型']);
		assert.deepStrictEqual(labels(terms('界模'), '世界模拟预测未来。世界模型的预测。世界模拟的视频。', 1), ['世界模拟']);
		// once in the text, no heavy bigram beside it: the word it lies in
		assert.deepStrictEqual(labels(terms('界模', 'robot'), '学习世界模型。robot', 2), ['世界模型', 'robot']);
		// a run that is whole words stays as grown
		assert.deepStrictEqual(labels(terms('器人'), '机器人操作。机器人控制。', 1), ['机器人']);
	});

	it('a piece of something longer than a term is left out', () => {
		// every place of 言动 goes on beyond four characters (视觉语言动作模型 twice)
		assert.deepStrictEqual(labels(terms('言动', 'robot'), '视觉语言动作模型。视觉语言动作模型。robot', 3), ['robot']);
	});
});

describe('For you\'s "Why?" line in the reader\'s language (whyText)', () => {
	const translator = (bundle: Record<string, string> = {}) => ({
		t: (message: string, ...args: Array<string | number | boolean>) => String(bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])),
	});
	const en = translator();
	const zh = translator(JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>);
	const why = { kind: 'model' as const, words: ['robot', 'VLA', 'policy', '机器人'], starred: 6 };

	it('is quoted in the README as the code writes it', () => {
		// README said "also in 6 of your starred papers", the wording a tester read as every word in all 6
		const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').replace(/\s+/g, ' ');
		const line = whyText({ kind: 'model', words: ['robot', 'VLA', '机器人'], starred: 6 }, en)!;
		assert.ok(readme.includes(`\`${line}\``), `README quotes no \`${line}\``);
	});

	it('lists the words with the language\'s punctuation and says how many starred papers share them', () => {
		assert.strictEqual(whyText(why, en), 'Why: robot, VLA, policy, 机器人 — one or more of them in 6 of your starred papers');
		assert.strictEqual(whyText(why, zh), '原因：robot、VLA、policy、机器人——你收藏的论文中有 6 篇也含其中的词');
		assert.strictEqual(whyText({ ...why, starred: 0 }, en), 'Why: robot, VLA, policy, 机器人');
	});

	it('says when no word weighed, and names the interests matched in the interests\' ranking (nothing when none)', () => {
		assert.strictEqual(whyText({ kind: 'model', words: [], starred: 0 }, en), 'Why: no word of this paper weighed for it');
		assert.strictEqual(whyText({ kind: 'interests', words: ['world model', 'LeCun'] }, zh), '匹配你的兴趣：world model、LeCun');
		assert.strictEqual(whyText({ kind: 'interests', words: [] }, en), undefined);
		assert.strictEqual(whyText(undefined, en), undefined);
	});
});
