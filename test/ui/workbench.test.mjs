// UI flows in the real workbench, run twice by the harness: trusted, and in Restricted Mode.
// Each step leaves a screenshot in .vscode-test/screenshots/<mode>-NN-<step>.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
	MODE, activityBarItem, clickRow, findWebviewFrame, frameText, openWorkbench, quickOpen, runCommand, shot,
	treeRows, waitForFirstRow, waitForQuickInputTitle, waitForRow, waitForStatus,
} from './workbench.mjs';

const FIXTURE = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/e2e/fixture.json', import.meta.url)), 'utf8'));
const SIDEBAR = '.part.sidebar';
const PAPERS_VIEW = `${SIDEBAR} [id="workbench.view.extension.arxivDigest"]`;
const OUTLINE = `${SIDEBAR} .pane:has(.pane-header[aria-label^="Outline"])`;

describe(`workbench UI (${MODE === 'restricted' ? 'Restricted Mode' : 'trusted workspace'})`, function () {
	let browser;
	let page;

	before(async () => {
		({ browser, page } = await openWorkbench());
	});

	after(async () => {
		await browser?.close();
	});

	/** Shows the Papers view; a click on the activity-bar item of a view already shown would hide it. */
	const showPapersView = async () => {
		if (!(await page.locator(PAPERS_VIEW).isVisible())) await page.click(activityBarItem);
	};

	afterEach(async function () {
		if (this.currentTest?.state === 'failed' && page) await shot(page, 'FAILED');
	});

	it(MODE === 'restricted' ? 'opens the folder in Restricted Mode' : 'opens the folder trusted', async () => {
		const indicator = () => document.querySelector('.monaco-workbench')?.innerText.includes('Restricted Mode') ?? false;
		if (MODE === 'restricted') {
			// the banner and status bar item appear once trust has been evaluated, just after the workbench
			await page.waitForFunction(indicator, undefined, { timeout: 20_000 }).catch(() => {
				throw new Error('the Restricted Mode banner or status bar item is not shown');
			});
		} else {
			await page.waitForSelector('[id="status.editor.mode"], .statusbar', { timeout: 20_000 });
			assert.equal(await page.evaluate(indicator), false, 'a trusted folder must not be in Restricted Mode');
		}
	});

	it('the arXiv Digest view shows days → categories → papers', async () => {
		await page.click(activityBarItem);
		const { rows } = await waitForRow(page, PAPERS_VIEW, (r) => r.text.includes(FIXTURE.days[2]), 'the three days');
		const days = rows.filter((r) => r.level === 1).map((r) => r.text);
		assert.equal(days.length, 3, `days: ${days.join(' | ')}`);
		FIXTURE.days.forEach((day, i) => assert.ok(days[i].includes(day), `day ${i + 1} is "${days[i]}", expected ${day}`));

		const bigDay = (await treeRows(page, PAPERS_VIEW)).find((r) => r.text.includes('2026-02-06'));
		if (bigDay.expanded !== 'true') await clickRow(page, PAPERS_VIEW, '2026-02-06');
		const categoriesShown = (r) => r.level === 2 && r.text.includes('cs.CL');
		try {
			await waitForRow(page, PAPERS_VIEW, categoriesShown, 'the categories of 2026-02-06', 5_000);
		} catch {
			// Known workbench race: an expand that lands while the view refreshes its root (days still
			// arriving from the first scan) stays expanded and empty; collapsing and expanding again,
			// as a user would, shows the children. Once, not in a loop.
			await clickRow(page, PAPERS_VIEW, '2026-02-06');
			await clickRow(page, PAPERS_VIEW, '2026-02-06');
		}
		await waitForRow(page, PAPERS_VIEW, categoriesShown, 'the categories of 2026-02-06');
		// another day may be expanded too: the cs.CV that matters is the first one after 2026-02-06
		const rowsNow = await treeRows(page, PAPERS_VIEW);
		const dayIndex = rowsNow.findIndex((r) => r.text.includes('2026-02-06'));
		const below = rowsNow.slice(dayIndex + 1);
		const cvRow = below.find((r) => r.level === 2 && r.text.includes('cs.CV'));
		assert.ok(cvRow, 'cs.CV is listed under 2026-02-06');
		assert.ok(below.indexOf(cvRow) < below.findIndex((r) => r.level === 2 && r.text.includes('cs.CL')), 'categories keep file order');
		if (cvRow.expanded !== 'true') {
			await page.locator(`${PAPERS_VIEW} .monaco-list-row[aria-level="2"]`, { hasText: 'cs.CV' }).last().click();
		}
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === 3 && r.text.includes('SIDeR'), 'the first paper of cs.CV');
		await shot(page, 'tree-days-categories-papers');
	});

	it('clicking a paper opens the digest at the paper', async () => {
		await clickRow(page, PAPERS_VIEW, 'UniTrack');
		await page.waitForSelector('.tabs-container .tab.active[aria-label^="2026-02-06.md"]');
		await waitForStatus(page, 'status.editor.selection', new RegExp(`^Ln ${FIXTURE.big.second.headingLine + 1},`));
		// Monaco renders spaces as U+00A0
		const visible = (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
		assert.ok(visible.includes('UniTrack: Differentiable Graph'), 'the paper heading is visible in the editor');
		await shot(page, 'tree-click-opens-source');
	});

	it('an interest keyword (user setting "tracking") marks papers in the tree and the open digest', async () => {
		const { row } = await waitForRow(page, PAPERS_VIEW, (r) => r.level === 3 && r.text.includes('UniTrack') && r.text.includes('✦ tracking'), 'UniTrack marked "✦ tracking"');
		assert.ok(row.text.includes('✦ tracking'));
		const day = (await treeRows(page, PAPERS_VIEW)).find((r) => r.level === 1 && r.text.includes('2026-02-06'));
		assert.match(day.text, /\d+ match(es)?\b/, `the day says how many papers match: ${day.text}`);
		// the editor: a gutter mark on the UniTrack heading, its matched words after it, "Tracking" highlighted
		const editor = '.editor-group-container.active .monaco-editor';
		const marks = () => page.evaluate((editor) => {
			const gutter = [...document.querySelectorAll(`${editor} .margin *`)].filter((d) => getComputedStyle(d).backgroundImage.includes('interest.svg')).length;
			const after = [...document.querySelectorAll(`${editor} .view-line span`)].filter((s) => getComputedStyle(s, '::after').content.includes('✦ tracking')).length;
			return { gutter, after };
		}, editor);
		await page.waitForFunction((editor) => [...document.querySelectorAll(`${editor} .margin *`)].some((d) => getComputedStyle(d).backgroundImage.includes('interest.svg')), editor, { timeout: 20_000 }).catch(async () => {
			throw new Error(`no interest gutter mark in the editor: ${JSON.stringify(await marks())}`);
		});
		const found = await marks();
		assert.ok(found.gutter > 0 && found.after > 0, `gutter marks ${found.gutter}, matched words after headings ${found.after}`);
		await shot(page, 'interests-tree-and-editor');
	});

	it('a digest saved as .md shows the arXiv Digest language; README.md stays Markdown', async () => {
		await waitForStatus(page, 'status.editor.mode', /^arXiv Digest$/);
		await shot(page, 'status-bar-language');
		await quickOpen(page, 'README.md');
		await waitForStatus(page, 'status.editor.mode', /^Markdown$/);
		await quickOpen(page, '2026-02-09.md');
		await waitForStatus(page, 'status.editor.mode', /^arXiv Digest$/);
	});

	it('the Outline view lists categories and papers', async () => {
		await quickOpen(page, '2026-02-06.md');
		await runCommand(page, 'Explorer: Focus on Outline View');
		const { rows } = await waitForRow(page, OUTLINE, (r) => r.text.includes('SIDeR'), 'the first paper in the Outline');
		assert.ok(rows.some((r) => r.text.startsWith('cs.CV')), `Outline rows: ${rows.slice(0, 4).map((r) => r.text).join(' | ')}`);
		const cvLevel = rows.find((r) => r.text.startsWith('cs.CV')).level;
		assert.ok(rows.find((r) => r.text.includes('SIDeR')).level > cvLevel, 'papers are nested under their category');
		await shot(page, 'outline');
	});

	it('Search Papers: a Chinese and an English query put the expected paper first; Enter opens its card', async () => {
		await runCommand(page, 'arXiv Digest: Search Papers');
		await waitForQuickInputTitle(page, /Search Papers/);
		await page.keyboard.type(FIXTURE.queries.chinese.text);
		await waitForFirstRow(page, (row) => row.includes('SIDeR'), `SIDeR for "${FIXTURE.queries.chinese.text}"`);
		await shot(page, 'search-chinese');
		await page.keyboard.press('Control+A');
		await page.keyboard.type(FIXTURE.queries.english.text);
		await waitForFirstRow(page, (row) => row.includes('UniTrack'), `UniTrack for "${FIXTURE.queries.english.text}"`);
		await shot(page, 'search-english');
		await page.keyboard.press('Enter');
		await findWebviewFrame(page, 'UniTrack: Differentiable Graph');
	});

	it('the card shows title, TL;DR and abstract, and Next moves to the next paper', async () => {
		const frame = await findWebviewFrame(page, 'UniTrack: Differentiable Graph');
		const text = await frameText(frame);
		assert.ok(text.includes('TL;DR'), 'TL;DR heading');
		assert.ok(text.includes('UniTrack是一种即插即用的图论损失函数'), 'the Chinese TL;DR');
		assert.ok(text.includes('plug-and-play graph-theoretic loss function'), 'the abstract');
		await page.waitForTimeout(300);
		await shot(page, 'card');
		await frame.click('button[data-action="next"]');
		const next = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		assert.ok(!(await frameText(next)).includes('UniTrack: Differentiable Graph'), 'the card moved on from UniTrack');
		await shot(page, 'card-next');
		const restricted = await page.evaluate(() => document.querySelector('.monaco-workbench').innerText.includes('Restricted Mode'));
		assert.equal(restricted, MODE === 'restricted', 'the workspace trust state held through the session');
	});

	it('a card scrolled down comes back on the same paper after reloading the window', async () => {
		const frame = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		const scrolled = await frame.evaluate(() => {
			window.scrollTo(0, 240);
			return window.scrollY;
		});
		// the card records its scroll position after a short debounce
		await page.waitForTimeout(600);
		// the command a user runs: unlike a bare page reload it lets the workbench save its state first
		// wait for the reload itself, or the old window's card could be mistaken for the restored one
		const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
		await runCommand(page, 'Developer: Reload Window');
		await reloaded;
		await page.waitForSelector(activityBarItem, { timeout: 60_000 });
		const restored = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning', 60_000);
		assert.ok((await frameText(restored)).includes('TL;DR'), 'the restored card is rendered, not a placeholder');
		if (scrolled > 0) {
			await restored.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 10_000 }).catch(() => {
				throw new Error(`the card was scrolled to ${scrolled} but came back at the top`);
			});
		}
		await shot(page, 'card-restored-after-reload');
	});

	it('read marks survive the reload: the cards opened before it count as read on their day', async () => {
		await showPapersView();
		const { row } = await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes('2026-02-06') && /\d+ unread/.test(r.text), 'the unread count of 2026-02-06', 30_000);
		const unread = Number(/(\d+) unread/.exec(row.text)[1]);
		assert.ok(unread < FIXTURE.big.papers, `${unread} unread of ${FIXTURE.big.papers}: the UniTrack and VISTA cards were read before the reload`);
		await shot(page, 'read-marks-after-reload');
	});

	it('the "Open card" CodeLens over a paper heading opens that paper\'s card', async () => {
		// after the reload the card's webview has focus: click into the first group, so the digest
		// opens there and not over the card, and the workbench gets the keys again
		await page.locator('.part.editor .editor-group-container').first().click({ position: { x: 200, y: 300 } });
		await quickOpen(page, '2026-02-06.md');
		await page.keyboard.press('Control+G');
		await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
		await page.keyboard.type(String(FIXTURE.big.first.headingLine + 1));
		await page.keyboard.press('Enter');
		const editor = '.editor-group-container.active .monaco-editor';
		await page.waitForSelector(`${editor} .codelens-decoration a`, { timeout: 20_000 });
		// the lens of a heading sits directly above it: take the lowest lens above the SIDeR heading
		const lensBox = () => page.evaluate(({ editor, title }) => {
			const line = [...document.querySelectorAll(`${editor} .view-line`)]
				.find((l) => l.textContent.replace(/\u00a0/g, ' ').includes(`[${title}`));
			if (!line) return undefined;
			const top = line.getBoundingClientRect().top;
			const lenses = [...document.querySelectorAll(`${editor} .codelens-decoration a`)]
				.filter((a) => a.textContent.includes('Open card') && a.getBoundingClientRect().bottom <= top + 1)
				.sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top);
			const r = lenses[0]?.getBoundingClientRect();
			return r && { x: r.x + r.width / 2, y: r.y + r.height / 2 };
		}, { editor, title: FIXTURE.big.first.title.split(':')[0] });
		// On a loaded machine the lenses and word-wrapped lines can still be laid out when the first
		// click lands: measure again and retry, a bounded number of times.
		let frame;
		for (let attempt = 1; !frame; attempt++) {
			const box = await lensBox();
			assert.ok(box, 'an "Open card" lens is shown above the SIDeR heading');
			await page.mouse.click(box.x, box.y);
			try {
				frame = await findWebviewFrame(page, FIXTURE.big.first.title, 12_000);
			} catch (err) {
				if (attempt === 3) throw err;
			}
		}
		assert.ok((await frameText(frame)).includes('TL;DR'), 'the SIDeR card is rendered');
		await shot(page, 'codelens-open-card');
	});

	it('Filter Papers… in the view title filters the tree and shows "filtered: … ×"', async () => {
		await showPapersView();
		await page.waitForSelector(PAPERS_VIEW);
		await page.locator(`${SIDEBAR} a.action-label[aria-label="Filter Papers…"]`).first().click();
		await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
		await page.keyboard.type(FIXTURE.queries.variant.text);
		await page.keyboard.press('Enter');
		const query = FIXTURE.queries.variant.text;
		// alone in its container the view's header (and description) is merged into the sidebar title,
		// so the filter is stated in the view's message; the description is there for a shared container
		await page.waitForFunction(
			({ view, query }) => document.querySelector(view)?.innerText.includes(`(filtered: ${query})`),
			{ view: PAPERS_VIEW, query },
		).catch(async () => {
			throw new Error(`the view does not say it is filtered by "${query}": ${await page.locator(PAPERS_VIEW).innerText()}`);
		});
		const description = await page.locator(`${SIDEBAR} .pane-header .description`).first().textContent();
		assert.equal(description, `filtered: ${query} ×`);
		const { rows } = await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1, 'a day of the filtered tree');
		assert.deepEqual(rows.filter((r) => r.level === 1).map((r) => r.text.slice(0, 10)), ['2026-02-09'], 'only the day of the matching paper is left');
		await shot(page, 'tree-filtered');
		await page.locator(`${SIDEBAR} a.action-label[aria-label="Clear Filter"]`).first().click();
		await page.waitForFunction(({ sidebar }) => !document.querySelector(sidebar)?.innerText.includes('filtered:'), { sidebar: SIDEBAR });
	});
});
