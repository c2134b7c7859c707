// The extension in VS Code's Chinese display language: the harness starts code-server with
// `--locale zh-cn` and runs only this file (E2E_MODE=zh-cn). Manifest strings come from
// package.nls.zh-cn.json, runtime strings from l10n/bundle.l10n.zh-cn.json, weekdays from Intl.
// Screenshots: .vscode-test/screenshots/zh-cn-NN-<step>.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { activityBarItem, findWebviewFrame, frameText, workbenchSession, quickOpen, rowFit, shot, waitForFirstRow, waitForQuickInputFocus, waitForRow } from './workbench.mjs';

const FIXTURE = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/e2e/fixture.json', import.meta.url)), 'utf8'));
const SIDEBAR = '.part.sidebar';
const PAPERS_VIEW = `${SIDEBAR} .pane:has(.pane-header[aria-label^="论文"])`;

describe('the extension in Simplified Chinese (code-server --locale zh-cn)', function () {
	let page;
	workbenchSession({ opened: (opened) => (page = opened) });

	it('the Papers view is titled 论文 and its days name the weekday in Chinese', async () => {
		if (!(await page.locator(PAPERS_VIEW).isVisible())) await page.click(activityBarItem);
		await page.waitForSelector(`${SIDEBAR} .pane-header[aria-label^="收藏夹"]`);
		// 2026-02-06 was a Friday
		const { rows } = await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes('2026-02-06'), 'the day 2026-02-06');
		const day = rows.find((r) => r.level === 1 && r.text.includes('2026-02-06'));
		assert.ok(day.text.includes('2026-02-06 · 周五'), `day row: ${day.text}`);
		await shot(page, 'papers-view');
	});

	it('the command palette lists the commands in Chinese', async () => {
		await page.keyboard.press('Escape');
		await page.keyboard.press('F1');
		await waitForQuickInputFocus(page);
		await page.keyboard.type('arXiv Digest: 搜索论文');
		const [row] = await waitForFirstRow(page, (r) => r.includes('arXiv Digest: 搜索论文'), 'the command 搜索论文');
		// the title is Chinese; VS Code adds the English original as a second, dimmed line in any
		// non-English display language (so English searches still find commands): that is its text
		assert.ok(row.startsWith('arXiv Digest: 搜索论文'), `row: ${row}`);
		const label = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().locator('.label-name').first().innerText();
		assert.equal(label.trim(), 'arXiv Digest: 搜索论文');
		await shot(page, 'command-palette');
		await page.keyboard.press('Escape');
	});

	it('the CodeLens and the card speak Chinese, with the digests\' own headings', async () => {
		await quickOpen(page, '2026-02-06.md');
		await page.keyboard.press('Control+G');
		await waitForQuickInputFocus(page);
		await page.keyboard.type(String(FIXTURE.big.first.headingLine + 1));
		await page.keyboard.press('Enter');
		const lens = page.locator(`.editor-group-container.active .monaco-editor .codelens-decoration a[title="打开 arXiv:${FIXTURE.big.first.id} 的卡片"]`);
		await lens.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {
			throw new Error('no Chinese "打开卡片" lens above the first paper');
		});
		assert.match(await lens.innerText(), /打开卡片/);
		await lens.click();
		const frame = await findWebviewFrame(page, FIXTURE.big.first.title, 20_000);
		const text = await frameText(frame);
		const headings = await frame.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent));
		for (const h of ['TL;DR', '动机', '方法', '结果', '结论']) assert.ok(headings.includes(h), `card heading ${h} (headings: ${headings.join(', ')})`);
		for (const word of ['上一篇', '下一篇', '在源文件中显示', '主分类', '收录于']) assert.ok(text.includes(word), `card text has ${word}`);
		assert.equal(await frame.evaluate(() => document.documentElement.lang), 'zh-cn');
		await shot(page, 'card');
	});

	it('a day row with its matches and unread papers fits the sidebar\'s default width; its tooltip says them in full', async () => {
		// the card opened above read a paper of 2026-02-06: its row counts matches (the keyword "tracking") and unread papers
		if (!(await page.locator(PAPERS_VIEW).isVisible())) await page.click(activityBarItem);
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes('2026-02-06') && /未读 \d+·✦\d+/.test(r.text), 'the day 2026-02-06 with its unread count and matches');
		const row = page.locator(`${PAPERS_VIEW} .monaco-list-row[aria-level="1"]`, { hasText: '2026-02-06' }).first();
		// the row's own words with 3-digit counts (a real day: `未读 336·✦100`), and a day of repeats,
		// which says its new papers instead (`新 338·✦84`, a regenerated day of a fork: the fixture's days
		// share no paper): the row's own description element is given those texts to measure
		const own = await row.locator('.label-description').textContent();
		const threeDigits = own.replace(/\d+/g, '888');
		const fit = await rowFit(row, [threeDigits, threeDigits.replace('未读', '新')]);
		assert.ok(fit.sidebar <= 320, `the sidebar is at its default width (${fit.sidebar}px)`);
		assert.ok(fit.own.fits && !fit.rowText.endsWith('…'), `the day row is cut: ${JSON.stringify(fit)}`);
		assert.ok(fit.others.every((m) => m.fits), `a day row with 3-digit counts is cut: ${JSON.stringify(fit.others)}`);
		// a screen reader hears the counts in full words
		assert.match(fit.spoken, /\d+ 篇匹配，\d+ 篇未读/);
		await shot(page, 'papers-view-day-counts');
	});
});
