/**
 * What a screen reader says of the card and of what the extension did: each language in its own voice,
 * confirmations that are spoken.
 */
import * as assert from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { parseDigest } from '../../src/core/parser';
import { buildCardDocument, renderCardHtml, CARD_STRINGS_EN } from '../../src/core/card/render';

const REAL = join(__dirname, '..', '..', 'test', 'fixtures', 'real');

/** the first paper of the first real digest of a fork */
function firstPaper(fork: string) {
	const dir = join(REAL, fork);
	const file = join(dir, readdirSync(dir).filter((f) => f.endsWith('.md')).sort()[0]);
	return parseDigest(readFileSync(file, 'utf8'), file).papers[0];
}

describe('accessibility: Chinese text in an English card is marked as Chinese', () => {
	it("a fork's category names, the reader's tags and note, a fork's own field headings", () => {
		const paper = firstPaper('StringsLi__daily-arXiv-ai-enhanced');
		assert.strictEqual(paper.category, '数值计算与科学计算');
		const html = renderCardHtml(
			{ paper, fileLabel: 'x', index: 0, total: 1, library: { starred: false, collections: ['对比实验', 'Reading'], tags: ['多模态'], note: '这篇论文的方法值得对比。' } },
			{ strings: CARD_STRINGS_EN },
		);
		assert.match(html, /<span class="badge" lang="zh">数值计算与科学计算<\/span>/);
		assert.match(html, /<span class="badge" lang="zh">对比实验<\/span>/);
		assert.match(html, /<span class="badge">Reading<\/span>/, 'English stays unmarked in an English card');
		assert.match(html, /<span class="badge" lang="zh">#多模态<\/span>/);
		assert.match(html, /<div class="note-body" lang="zh">/);

		const dk = firstPaper('dkhonker__daily-arXiv-ai-enhanced');
		const card = renderCardHtml({ paper: dk, fileLabel: 'x', index: 0, total: 1 });
		assert.match(card, /<section class="field field-extra"><h2 lang="zh">与AI讨论<\/h2>/);
	});

	it('in a Chinese card, English text is marked English', () => {
		const paper = firstPaper('StringsLi__daily-arXiv-ai-enhanced');
		const html = renderCardHtml({ paper, fileLabel: 'x', index: 0, total: 1, library: { starred: false, collections: ['Reading'], tags: [], note: 'Compare with the baseline' } }, { strings: { ...CARD_STRINGS_EN, lang: 'zh-cn' } });
		assert.match(html, /<span class="badge">数值计算与科学计算<\/span>/);
		assert.match(html, /<span class="badge" lang="en">Reading<\/span>/);
		assert.match(html, /<div class="note-body" lang="en">/);
	});
});

describe('accessibility: the card says the language its own words are in', () => {
	let strings: typeof import('../../src/features/cards/strings');
	let utils: typeof import('../../src/features/vsc-utils');
	const saved = { env: fakeVscode.env, l10n: fakeVscode.l10n };
	withFakeVscode(() => {
		strings = require('../../src/features/cards/strings');
		utils = require('../../src/features/vsc-utils');
	});
	afterEach(() => Object.assign(fakeVscode, saved));

	it('English in a German VS Code (no translation of ours: the words are English); Chinese with ours', () => {
		Object.assign(fakeVscode, { env: { ...saved.env, language: 'de' } });
		const html = buildCardDocument({ cspSource: 'vscode-resource:', nonce: 'abcdefghijklmnopqrstuv', scriptUri: 'x.js', styleUris: [], strings: strings.cardStrings() });
		assert.match(html, /<html lang="en">/, 'a German voice would read "Previous", "Abstract page"… as German');
		Object.assign(fakeVscode, { env: { ...saved.env, language: 'zh-cn' }, l10n: { ...saved.l10n, bundle: { Previous: '上一篇' } } });
		assert.strictEqual(utils.wordsLanguage(), 'zh-cn');
	});
});

describe('accessibility: what was done is said', () => {
	let messages: typeof import('../../src/features/messages');
	const saved = { window: fakeVscode.window, workspace: fakeVscode.workspace };
	withFakeVscode(() => (messages = require('../../src/features/messages')));
	afterEach(() => Object.assign(fakeVscode, saved));

	function said(accessibilitySupport: string): string[] {
		const told: string[] = [];
		Object.assign(fakeVscode, {
			window: { ...saved.window, setStatusBarMessage: (m: string) => void told.push(`status: ${m}`), showInformationMessage: async (m: string) => void told.push(`info: ${m}`) },
			workspace: { ...saved.workspace, getConfiguration: (section: string) => ({ get: (key: string) => (section === 'editor' && key === 'accessibilitySupport' ? accessibilitySupport : undefined) }) },
		});
		messages.confirmDone('$(check) Copied title of “VISTA”');
		return told;
	}

	it('in the status bar, and with screen reader support on also as a notification (spoken), without the icon', () => {
		assert.deepStrictEqual(said('auto'), ['status: $(check) Copied title of “VISTA”']);
		assert.deepStrictEqual(said('on'), ['status: $(check) Copied title of “VISTA”', 'info: Copied title of “VISTA”']);
	});
});
