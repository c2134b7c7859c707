import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listText } from '../../src/features/counts';
import { withFakeVscode } from './fake-vscode';

/** `l10n.t` over a bundle (none: English, the keys themselves) */
function translator(bundle: Record<string, string> = {}) {
	return { t: (message: string, ...args: Array<string | number | boolean>) => String(bundle[message] ?? message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
}
const en = translator();
const zh = translator(JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>);

describe('lists in the reader\'s language (listText)', () => {
	it('joins with the translation\'s punctuation: "A, B and C" / "A、B和C", lists without a conjunction, clauses', () => {
		const items = ['robot', 'VLA', '机器人'];
		assert.strictEqual(listText(items, en), 'robot, VLA and 机器人');
		assert.strictEqual(listText(items, zh), 'robot、VLA和机器人');
		assert.strictEqual(listText(items, en, 'list'), 'robot, VLA, 机器人');
		assert.strictEqual(listText(items, zh, 'list'), 'robot、VLA、机器人');
		assert.strictEqual(listText(['a', 'b'], en, 'clauses'), 'a; b');
		assert.strictEqual(listText(['甲', '乙'], zh, 'clauses'), '甲；乙');
		assert.strictEqual(listText(['library', 'read marks'], en), 'library and read marks');
	});

	it('past its most items, the first ones and an ellipsis, with the translation\'s punctuation', () => {
		const ids = ['2601.00001', '2601.00002', '2601.00003'];
		assert.strictEqual(listText(ids, en, 'list', 2), '2601.00001, 2601.00002, …');
		assert.strictEqual(listText(ids, zh, 'list', 2), '2601.00001、2601.00002、…');
		assert.strictEqual(listText(ids, zh, 'list', 3), '2601.00001、2601.00002、2601.00003');
	});

	it('one item is itself and none is empty; an item holding "{1}" is left as it is', () => {
		assert.strictEqual(listText([], en), '');
		assert.strictEqual(listText(['only'], zh), 'only');
		assert.strictEqual(listText(['{1}', 'x'], en, 'list'), '{1}, x');
	});
});

describe('Import Reading State in Chinese: its question and what it says of the read marks', () => {
	let statePart: typeof import('../../src/features/reading/statePart');
	withFakeVscode(() => (statePart = require('../../src/features/reading/statePart')));

	it('asks about the parts as one list with Chinese punctuation and no stray space', () => {
		const question = zh.t('Import {0}? Merge adds it to what you have (your notes win where both have one); Replace makes this profile hold exactly what the file holds.', listText([zh.t('library (stars, collections, notes, tags)'), zh.t('read marks')], zh));
		assert.ok(question.startsWith('导入资料库（收藏、收藏夹、笔记、标签）和已读标记？'), question);
	});

	it('says what changed here, by the mark each paper got, then what the file has read', () => {
		const counts = { fileRead: 19, nowRead: 3, nowSeen: 261, sessionOnly: false };
		assert.strictEqual(statePart.mergedMarksText(counts, en), 'read marks merged (3 papers marked read and 261 papers marked seen here; the file has 19 papers read)');
		assert.strictEqual(statePart.mergedMarksText(counts, zh), '已读标记已合并（本机 3 篇论文标为已读和261 篇论文标为已看过；文件中已读 19 篇论文）');
		assert.strictEqual(statePart.mergedMarksText({ ...counts, nowSeen: 0 }, en), 'read marks merged (3 papers marked read here; the file has 19 papers read)');
		assert.strictEqual(statePart.mergedMarksText({ ...counts, nowRead: 0, nowSeen: 0 }, en), 'read marks unchanged (every mark of the file is here already; it has 19 papers read)');
		assert.strictEqual(
			statePart.mergedMarksText({ ...counts, nowSeen: 0, sessionOnly: true }, zh),
			'已读标记已合并（本机 3 篇论文标为已读；文件中已读 19 篇论文），仅在本次会话有效（已存储的阅读标记无法读取）',
		);
	});

	it('joins the parts\' summaries with a Chinese semicolon', () => {
		const summary = zh.t('Reading state imported: {0}', listText([zh.t('library merged ({0}, {1})', '5 篇论文', '0 条笔记'), statePart.mergedMarksText({ fileRead: 19, nowRead: 19, nowSeen: 0, sessionOnly: false }, zh)], zh, 'clauses'));
		assert.ok(!/[;,] | 的/.test(summary), `no English joiner, no space before 的: ${summary}`);
		assert.ok(summary.includes('）；已读标记已合并'), summary);
	});
});

describe('the Statistics view\'s range line in Chinese', () => {
	it('has the separator in the translation: a Chinese colon', () => {
		assert.strictEqual(zh.t('{0}: {1} papers listed in the range', '2026-08-16 – 2026-09-14', 532), '2026-08-16 – 2026-09-14：该范围内收录 532 篇论文');
		assert.strictEqual(en.t('{0}: {1} papers listed in the range', 'All days', 532), 'All days: 532 papers listed in the range');
	});
});
