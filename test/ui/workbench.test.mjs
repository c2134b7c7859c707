// UI flows in the real workbench, run twice by the harness: trusted, and in Restricted Mode.
// Each step leaves a screenshot in .vscode-test/screenshots/<mode>-NN-<step>.png.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	MODE, activityBarItem, chooseInMenu, clickQuickPickRow, clickRow, findWebviewFrame, frameText, keysAt, quickInputBox, reloadWindow, workbenchSession, quickOpen, quickPickRows, rowFit, runCommand, shot,
	treeRows, waitForFirstRow, waitForQuickInputFocus, waitForRows, waitForQuickInputTitle, waitForRow, waitForStatus, waitForStoredWorkspaceState, waitForWebviewFocus,
} from './workbench.mjs';

const FIXTURE = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/e2e/fixture.json', import.meta.url)), 'utf8'));
const SIDEBAR = '.part.sidebar';
// the container holds two views (Papers, Collections): each test looks inside its own pane
const PAPERS_VIEW = `${SIDEBAR} .pane:has(.pane-header[aria-label^="Papers"])`;
const COLLECTIONS_VIEW = `${SIDEBAR} .pane:has(.pane-header[aria-label^="Collections"])`;
const NOTE = 'Compare with the SIDeR baseline — 对比';
const AUTOSAVED = ' and its ablation';
const OUTLINE = `${SIDEBAR} .pane:has(.pane-header[aria-label^="Outline"])`;

const MODE_NAMES = { restricted: 'Restricted Mode', trusted: 'trusted workspace', web: 'web build in the web-worker extension host' };

describe(`workbench UI (${MODE_NAMES[MODE] ?? MODE})`, function () {
	let page;
	workbenchSession({ opened: (opened) => (page = opened) });

	/**
	 * Shows the Papers view (a click on the activity-bar item of a view already shown would hide it), and
	 * waits for the keys the click gives it: they come a moment later, and once came after the test had
	 * put them into a card (a trusted CI run: the card never had them).
	 */
	const showPapersView = async () => {
		if (!(await page.locator(PAPERS_VIEW).isVisible())) await clickActivityBar();
	};
	/**
	 * Opens arXiv Digest's container from the activity bar, as a reader does, and waits for the
	 * keyboard focus the click gives its first view: it comes a moment later, and once came after F1
	 * had opened the palette, closing it (a web CI run typed "View: Show Explorer" into the Papers view).
	 */
	const clickActivityBar = async () => {
		await page.click(activityBarItem);
		await page.waitForFunction(() => !!document.activeElement?.closest('.part.sidebar'), undefined, { timeout: 20_000 });
	};
	/**
	 * Puts the keys on `selector` in the card `frame` from wherever they are in the workbench, as a reader
	 * does: a click on the card's title, then the control. A script's focus() in the card's frame alone
	 * left the keys in the side bar when the last click or key in the card was a while ago (a CI run:
	 * the Papers view kept them after a click on the activity bar).
	 */
	const focusInCard = async (frame, selector) => {
		await frame.click('h1');
		await frame.focus(selector);
		await waitForWebviewFocus(page, frame);
	};
	/** The rows under the day `day` (to the next day), as treeRows gives them. */
	const rowsUnder = (rows, day) => {
		const at = rows.findIndex((r) => r.level === 1 && r.text.includes(day));
		if (at < 0) return [];
		const end = rows.findIndex((r, i) => i > at && r.level === 1);
		return rows.slice(at + 1, end < 0 ? undefined : end);
	};
	/**
	 * Expands (`'true'`) or collapses (`'false'`) the Papers view's row at `level` that shows `text`
	 * (at level 2, the one under the day `day`) with a click, unless it is so already, and waits for it.
	 */
	const setExpanded = async (level, text, state, day) => {
		const find = async () => {
			const rows = await treeRows(page, PAPERS_VIEW);
			return (day === undefined ? rows : rowsUnder(rows, day)).find((r) => r.level === level && r.text.includes(text));
		};
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === level && r.text.includes(text), `the row ${text}`);
		if ((await find())?.expanded === state) return;
		// the first such row (after the day's row): its centre, top to bottom as shown (the list's DOM order is not)
		const centre = await page.evaluate(({ view, level, text, day }) => {
			const all = [...document.querySelectorAll(`${view} .monaco-list-row`)].filter((r) => r.offsetParent !== null).sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
			const at = day === undefined ? -1 : all.findIndex((r) => r.getAttribute('aria-level') === '1' && r.innerText.includes(day));
			const box = all.find((r, i) => i > at && r.getAttribute('aria-level') === String(level) && r.innerText.includes(text))?.getBoundingClientRect();
			return box && { x: box.left + box.width / 2, y: box.top + box.height / 2 };
		}, { view: PAPERS_VIEW, level, text, day });
		assert.ok(centre, `the row ${text} is shown`);
		await page.mouse.click(centre.x, centre.y);
		for (const started = Date.now(); Date.now() - started < 20_000; await page.waitForTimeout(100)) {
			if ((await find())?.expanded === state) return;
		}
		throw new Error(`${text} is not ${state === 'true' ? 'expanded' : 'collapsed'} after a click: ${JSON.stringify(await find())}`);
	};
	/**
	 * Leaves the side bar on the Explorer, as the tests after expect it, once it shows: a click on the
	 * activity bar (or showPapersView) while arXiv Digest's views still showed would close them, or
	 * find them open and do nothing before the Explorer replaced them.
	 */
	const showExplorer = async () => {
		await runCommand(page, 'View: Show Explorer');
		await page.locator(PAPERS_VIEW).waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (err) => {
			const sidebar = await page.locator(`${SIDEBAR} .composite.title`).first().innerText().catch(() => '?');
			throw new Error(`the Papers view still shows after View: Show Explorer (the side bar's title: ${sidebar}; the keys: ${await keysAt(page)}): ${err.message}`);
		});
	};

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

	if (MODE === 'web') {
		it('runs in the browser: the extension in the web-worker extension host, its index in Web Workers', async () => {
			// the web-worker extension host is a page worker named ExtensionHostWorker; the index
			// workers it starts from blob: URLs are named "ExtensionHostWorker -> arxiv-digest-index"
			// (a Node extension host would start worker threads, which the page never sees)
			const names = async () => Promise.all(page.workers().map((w) => w.evaluate(() => self.name).catch(() => '')));
			const deadline = Date.now() + 60_000;
			let seen;
			for (;;) {
				// listening before looking: a worker started while the names are read is not missed (the one
				// index worker did start then, and the wait ran to the deadline)
				const next = page.waitForEvent('worker', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => {});
				seen = await names();
				if (seen.some((n) => n.endsWith('arxiv-digest-index')) || Date.now() >= deadline) break;
				// a worker just started may not answer for its name yet: look again at the next worker or soon
				await Promise.race([next, page.waitForTimeout(250)]);
			}
			assert.ok(seen.includes('ExtensionHostWorker'), `the page's workers: ${seen.join(', ')}`);
			const index = seen.filter((n) => n.endsWith('arxiv-digest-index'));
			assert.ok(index.length >= 1, `no index Web Worker among the page's workers: ${seen.join(', ')}`);
			assert.ok(index.every((n) => n.startsWith('ExtensionHostWorker')), `index workers not started by the extension host worker: ${index.join(', ')}`);
		});
	}

	it('the arXiv Digest view shows days → categories → papers', async () => {
		await page.click(activityBarItem);
		// the days arrive one by one as the first scan reads them (the oldest may come first): wait for all three
		const everyDay = (_r, _i, all) => FIXTURE.days.every((day) => all.some((x) => x.level === 1 && x.text.includes(day)));
		const { rows } = await waitForRow(page, PAPERS_VIEW, everyDay, 'the three days');
		const days = rows.filter((r) => r.level === 1).map((r) => r.text);
		assert.equal(days.length, 3, `days: ${days.join(' | ')}`);
		FIXTURE.days.forEach((day, i) => assert.ok(days[i].includes(day), `day ${i + 1} is "${days[i]}", expected ${day}`));

		const bigDay = (await treeRows(page, PAPERS_VIEW)).find((r) => r.text.includes('2026-02-06'));
		if (bigDay.expanded !== 'true') await clickRow(page, PAPERS_VIEW, '2026-02-06');
		// no second click: a day expanded while the first scan refreshes the view shows its categories
		const categoriesShown = (r) => r.level === 2 && r.text.includes('cs.CL');
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

	it('a day expanded while new days keep arriving shows its categories every time', async () => {
		// every new day refreshes the view's root; an expand that lands in that refresh used to stay
		// empty until the day was collapsed and expanded again. The new days are older than the
		// fixture's, so they are listed below it and never move the row being clicked.
		const workspace = process.env.E2E_WORKSPACE;
		assert.ok(workspace, 'E2E_WORKSPACE is set by the harness');
		const variant = readFileSync(join(workspace, FIXTURE.files.variant), 'utf8');
		const written = [];
		const dayFile = (n) => join(workspace, 'data', `2020-01-${String(n).padStart(2, '0')}.md`);
		let stop = false;
		const writer = (async () => {
			for (let n = 1; n <= 12 && !stop; n++) {
				const day = `2020-01-${String(n).padStart(2, '0')}`;
				writeFileSync(dayFile(n), variant.replaceAll('2026-02-09', day));
				written.push(dayFile(n));
				await new Promise((r) => setTimeout(r, 250));
			}
		})();
		const variantChildren = async () => {
			const rows = await treeRows(page, PAPERS_VIEW);
			const at = rows.findIndex((r) => r.level === 1 && r.text.includes(FIXTURE.days[1]));
			if (at < 0) return { expanded: undefined, children: [] };
			const end = rows.findIndex((r, i) => i > at && r.level === 1);
			return { expanded: rows[at].expanded, children: rows.slice(at + 1, end < 0 ? undefined : end).filter((r) => r.level === 2).map((r) => r.text) };
		};
		try {
			// the keyboard, as a user paging through days: ←/→ collapse and expand the focused day (two
			// mouse clicks on one row within the double-click time would not toggle it twice)
			const dayExpanded = (state, timeout = 20_000) => page.waitForFunction(({ view, day, state }) => [...document.querySelectorAll(`${view} .monaco-list-row[aria-level="1"]`)]
				.some((r) => r.innerText.includes(day) && r.getAttribute('aria-expanded') === state), { view: PAPERS_VIEW, day: FIXTURE.days[1], state }, { timeout });
			const dayRowState = () => page.evaluate(({ view, day }) => {
				const row = [...document.querySelectorAll(`${view} .monaco-list-row[aria-level="1"]`)].find((r) => r.innerText.includes(day));
				const active = document.activeElement;
				return row ? { focused: row.classList.contains('focused'), expanded: row.getAttribute('aria-expanded'), keys: `${active?.tagName}.${active?.className}`.slice(0, 80), inList: !!active?.closest(view) } : undefined;
			}, { view: PAPERS_VIEW, day: FIXTURE.days[1] });
			// Every new day refreshes the root. The workbench's tree (its AsyncDataTree) marks the days
			// that are collapsed when a root refresh starts as stale and renders them collapsed when it
			// ends: a day expanded by a key in between folds back and the key is lost (seen: the day
			// focused, the keys in the list, still collapsed 20 s later; the extension host got the
			// expand event and no collapse event). The extension cannot undo that without racing the
			// reader's next key (an expand sent back re-opened a day the reader had just closed). A
			// reader presses again, and so does this test (at most 4 times); what is under test is the
			// product's answer once the day IS expanded, which is never retried.
			const setExpanded = async (state) => {
				for (let attempt = 0; attempt < 4; attempt++) {
					let row = await dayRowState();
					if (row?.expanded === state) return;
					if (!row?.focused) {
						await page.keyboard.press('Home');
						for (let step = 0; step < 20 && !(await dayRowState())?.focused; step++) await page.keyboard.press('ArrowDown');
					}
					await page.keyboard.press(state === 'true' ? 'ArrowRight' : 'ArrowLeft');
					const until = Date.now() + 3_000;
					while (Date.now() < until && (row = await dayRowState())?.expanded !== state) await page.waitForTimeout(50);
					if (row?.expanded === state) return;
				}
				throw new Error(`${FIXTURE.days[1]} could not be ${state === 'true' ? 'expanded' : 'collapsed'} from the keyboard: ${JSON.stringify(await dayRowState())}`);
			};
			// the click that focuses the (collapsed) day also expands it: wait for that before using keys.
			// A root refresh ending just after the click folds the day back as it does a key's (above;
			// seen once in CI: still collapsed 20 s later): the reader then presses → as for a key
			assert.equal((await variantChildren()).expanded, 'false', `${FIXTURE.days[1]} starts collapsed`);
			await clickRow(page, PAPERS_VIEW, FIXTURE.days[1]);
			await dayExpanded('true', 5_000).catch(() => undefined);
			await setExpanded('true');
			for (let round = 0; round < 6; round++) {
				await setExpanded('false');
				await setExpanded('true');
				const started = Date.now();
				let seen;
				while (Date.now() - started < 8_000) {
					seen = await variantChildren();
					if (seen.expanded === 'true' && FIXTURE.variant.categories.every((c) => seen.children.some((t) => t.startsWith(c)))) break;
					await page.waitForTimeout(100);
				}
				assert.ok(seen.expanded === 'true' && FIXTURE.variant.categories.every((c) => seen.children.some((t) => t.startsWith(c))),
					`round ${round + 1}: ${FIXTURE.days[1]} expanded=${seen.expanded} shows [${seen.children.join(' | ')}], expected ${FIXTURE.variant.categories.join(', ')}`);
			}
			await shot(page, 'tree-expand-while-days-arrive');
		} finally {
			stop = true;
			await writer;
			for (const f of written) rmSync(f, { force: true });
		}
		// the tree follows the deletions back to the fixture's three days
		await page.waitForFunction(({ view, n }) => {
			const days = [...document.querySelectorAll(`${view} .monaco-list-row[aria-level="1"]`)].map((r) => r.innerText);
			return days.length === n && !days.some((d) => d.includes('2020-'));
		}, { view: PAPERS_VIEW, n: FIXTURE.days.length }, { timeout: 20_000 }).catch(async () => {
			throw new Error(`the tree did not return to ${FIXTURE.days.length} days: ${(await treeRows(page, PAPERS_VIEW)).filter((r) => r.level === 1).map((r) => r.text).join(' | ')}`);
		});
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
		// the day's count comes with the matches' next redraw of the view: waited for, as the mark was
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes('2026-02-06') && /✦\d+/.test(r.text), 'the day says how many papers match');
		// the editor: a gutter mark on the UniTrack heading (a darker one in a light theme), its matched words after it, "Tracking" highlighted
		const editor = '.editor-group-container.active .monaco-editor';
		const marks = () => page.evaluate((editor) => {
			const gutter = [...document.querySelectorAll(`${editor} .margin *`)].filter((d) => /interest(-light)?\.svg/.test(getComputedStyle(d).backgroundImage)).length;
			const after = [...document.querySelectorAll(`${editor} .view-line span`)].filter((s) => getComputedStyle(s, '::after').content.includes('✦ tracking')).length;
			return { gutter, after };
		}, editor);
		await page.waitForFunction((editor) => [...document.querySelectorAll(`${editor} .margin *`)].some((d) => /interest(-light)?\.svg/.test(getComputedStyle(d).backgroundImage)), editor, { timeout: 20_000 }).catch(async () => {
			throw new Error(`no interest gutter mark in the editor: ${JSON.stringify(await marks())}`);
		});
		const found = await marks();
		assert.ok(found.gutter > 0 && found.after > 0, `gutter marks ${found.gutter}, matched words after headings ${found.after}`);
		await shot(page, 'interests-tree-and-editor');
	});

	it('Edit Interests stays open: two keywords typed one after the other, each back on the list (the added row active, with a remove button); × and a pick remove them; Escape closes it', async () => {
		const box = '.quick-input-widget .quick-input-box input';
		const placeholder = () => page.$eval(box, (el) => el.getAttribute('placeholder') || '');
		await runCommand(page, 'arXiv Digest: Edit Interests…');
		await waitForQuickInputTitle(page, /^Edit Interests$/);
		await waitForRows(page, (rows) => rows.some((r) => r.includes('tracking')), 'the list with the keyword "tracking"');
		for (const keyword of ['zzqx alpha', 'zzqx beta']) {
			await clickQuickPickRow(page, 'Add Keyword…');
			await waitForQuickInputTitle(page, /^Add Keyword$/);
			await page.fill(box, keyword);
			await page.press(box, 'Enter');
			await waitForQuickInputTitle(page, /^Edit Interests$/);
			await waitForRows(page, (rows) => rows.some((r) => r.includes(keyword)), `the list with "${keyword}"`);
			assert.match(await placeholder(), new RegExp(`^Added “${keyword}” to your interests`));
			// (the extension makes the keyword the active row; the workbench may move that back to the first
			// row as it applies the new items, microsoft/vscode#75005, so it is not asserted)
		}
		await shot(page, 'edit-interests-two-added');
		// the remove button of a row (shown on hover)
		const alpha = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'zzqx alpha' }).first();
		await alpha.hover();
		await alpha.locator('.action-label[aria-label="Remove"], .action-label[title="Remove"]').first().click();
		await waitForRows(page, (rows) => !rows.some((r) => r.includes('zzqx alpha')) && rows.some((r) => r.includes('zzqx beta')), 'alpha removed, beta kept');
		assert.match(await placeholder(), /^Removed “zzqx alpha” from your interests/);
		// a picked entry is removed too, and the list stays
		await clickQuickPickRow(page, 'zzqx beta');
		await waitForRows(page, (rows) => !rows.some((r) => r.includes('zzqx')) && rows.some((r) => r.includes('tracking')), 'beta removed, tracking kept');
		await waitForQuickInputTitle(page, /^Edit Interests$/);
		await page.keyboard.press('Escape');
		await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 20_000 });
	});

	it('Edit Interests says how many papers each entry marks; Follow Author… lists the digests\' authors as a name is typed, family name first too', async () => {
		const box = '.quick-input-widget .quick-input-box input';
		await runCommand(page, 'arXiv Digest: Edit Interests…');
		await waitForQuickInputTitle(page, /^Edit Interests$/);
		await waitForRows(page, (rows) => rows.some((r) => r.includes('tracking') && /\d+ papers?/.test(r)), 'the keyword "tracking" with its count of papers');
		await clickQuickPickRow(page, 'Follow Author…');
		await waitForQuickInputTitle(page, /^Follow Author$/);
		await page.fill(box, 'ostadab sar');
		const rows = await waitForRows(page, (rows) => rows.some((r) => r.includes('Sarah Ostadabbas') && /\d+ papers?/.test(r)), 'Sarah Ostadabbas suggested with her papers');
		assert.ok(rows[0].includes('Sarah Ostadabbas') && rows.at(-1).includes('ostadab sar'), `the name first (Enter takes it), the text as typed last: ${rows.join(' | ')}`);
		await shot(page, 'follow-author-suggestions');
		await page.keyboard.press('Escape');
		await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 20_000 });
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
		// each query entered at once, as an input method commits it: typed a key at a time, a query
		// typed so far could put the paper first too (`multi-object tr` has two results) and pass for
		// the whole one; then its count in the title and its first row
		const answered = async (query, paper) => {
			await waitForQuickInputTitle(page, new RegExp(` · ${query.results} results?$`));
			await waitForFirstRow(page, (row) => row.includes(paper), `${paper} for "${query.text}"`);
		};
		await page.keyboard.insertText(FIXTURE.queries.chinese.text);
		await answered(FIXTURE.queries.chinese, 'SIDeR');
		await shot(page, 'search-chinese');
		// nothing the index holds: a message, not every paper
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('C++');
		await waitForFirstRow(page, (row) => row.includes('No words to search for'), 'the no-words message for "C++"');
		await waitForQuickInputTitle(page, /Search Papers$/);
		// nothing found: advice, not an empty list
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('qwertyuiopasdf');
		await waitForFirstRow(page, (row) => row.includes('No paper matches'), 'the no-results advice');
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText(FIXTURE.queries.english.text);
		await answered(FIXTURE.queries.english, 'UniTrack');
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
		// the screenshot once the card's fonts (KaTeX, CJK) are in
		await frame.evaluate(() => document.fonts.ready.then(() => true));
		await shot(page, 'card');
		await frame.click('button[data-action="next"]');
		const next = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		assert.ok(!(await frameText(next)).includes('UniTrack: Differentiable Graph'), 'the card moved on from UniTrack');
		await shot(page, 'card-next');
		// a copy is said aloud in the card (focus stays on the button; the status bar's message is not spoken)
		await next.click('button[data-action="copy"][data-what="title"]');
		await next.waitForFunction(() => /Copied title of VISTA/.test(document.getElementById('card-announcer')?.textContent ?? ''), undefined, { timeout: 20_000 });
		const restricted = await page.evaluate(() => document.querySelector('.monaco-workbench').innerText.includes('Restricted Mode'));
		assert.equal(restricted, MODE === 'restricted', 'the workspace trust state held through the session');
	});

	it('Star and a note in the card: the paper appears in the Collections view', async () => {
		const frame = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		await frame.click('button[data-action="toggleStar"]');
		await frame.waitForSelector('button[data-action="toggleStar"][data-starred="true"]', { timeout: 20_000 });
		await frame.fill('#note-input', NOTE);
		await frame.click('button[data-action="saveNote"]');
		await frame.waitForFunction((note) => document.querySelector('.note-body')?.innerText.includes(note), NOTE, { timeout: 20_000 });
		// Save Note says how it went aloud (the box's state line is its description, not a live region)
		await frame.waitForFunction(() => document.getElementById('card-announcer')?.textContent === 'Saved', undefined, { timeout: 20_000 });
		await clickActivityBar();
		await waitForRow(page, COLLECTIONS_VIEW, (r) => r.text.includes('VISTA'), 'the starred paper under Starred');
		await shot(page, 'card-starred-note-collections');
		// leave the sidebar as the tests after this one expect it (on the Explorer; they open the view themselves)
		await showExplorer();
	});

	it('Edit Tags from the card: new tags typed become checked rows; the next time the tags in use are listed, the paper\'s own checked', async () => {
		const frame = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		const tagChips = () => frame.evaluate(() => [...document.querySelectorAll('.library-row')].map((r) => r.innerText).join(' '));
		const editTags = async (typed, rowsShown) => {
			await frame.click('button[data-action="editTags"]');
			await waitForQuickInputTitle(page, /Edit Tags/);
			// filled rather than typed: over a card the workbench may hand the keys back to the webview (microsoft/vscode#93950)
			await page.fill('.quick-input-widget .quick-input-box input', typed);
			await waitForFirstRow(page, (row) => row.includes(typed.split(/[ ,]+/)[0].toLowerCase()) && /new tag/.test(row), `the new-tag row for "${typed}"`);
			if (rowsShown) rowsShown(await quickPickRows(page));
			await page.press('.quick-input-widget .quick-input-box input', 'Enter');
		};
		await editTags('Tracking, vision');
		await frame.waitForFunction(() => /#tracking/.test(document.body.innerText) && /#vision/.test(document.body.innerText), undefined, { timeout: 20_000 });
		await editTags('graph', (rows) => assert.ok(rows[0].includes('graph'), rows.join(' | ')));
		await frame.waitForFunction(() => /#graph/.test(document.body.innerText), undefined, { timeout: 20_000 });
		const chips = await tagChips();
		for (const tag of ['#tracking', '#vision', '#graph']) assert.ok(chips.includes(tag), `${tag} kept: ${chips}`);
		// the tags in use, with their counts, the paper's own first
		await frame.click('button[data-action="editTags"]');
		await waitForQuickInputTitle(page, /Edit Tags/);
		await waitForFirstRow(page, (row) => /1 paper/.test(row), 'the tags in use with their counts');
		// the list may show its first row before the rest: every tag in use, once all three are there
		const rows = await waitForRows(page, (shown) => shown.filter((r) => /1 paper/.test(r)).length >= 3, 'the three tags in use');
		assert.deepEqual(rows.map((r) => r.replace(/\s*1 paper$/, '')).sort(), ['graph', 'tracking', 'vision']);
		await shot(page, 'card-edit-tags');
		await page.keyboard.press('Escape');
		// the pick closed, the keys back in the card that opened it: where the next test starts
		await page.waitForFunction(() => ![...document.querySelectorAll('.quick-input-widget')].some((w) => w.offsetParent !== null));
		await waitForWebviewFocus(page, frame);
	});

	it('Follow Author from the card\'s … menu lists the paper\'s authors; Escape leaves the keys in the card', async () => {
		const frame = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		await page.locator('.editor-group-container.active .editor-actions .codicon-toolbar-more').first().click();
		await chooseInMenu(page, 'Follow Author', 'the card\'s … menu');
		await waitForQuickInputTitle(page, /Follow Author/);
		const authors = await frame.evaluate(() => [...document.querySelectorAll('ul.authors > li:not(.authors-more)')].map((li) => li.innerText.trim()));
		const rows = await waitForRows(page, (shown) => shown.length === authors.length, `the paper's ${authors.length} authors`);
		assert.deepEqual(rows, authors);
		await page.keyboard.press('Escape');
		await page.waitForFunction(() => ![...document.querySelectorAll('.quick-input-widget')].some((w) => w.offsetParent !== null));
		// the keys back in the card the menu was of: where the next test starts
		await waitForWebviewFocus(page, frame);
	});

	it('Search Papers for a tag no paper carries says so and offers the tags like it; Enter on one searches it', async () => {
		await runCommand(page, 'arXiv Digest: Search Papers');
		await waitForQuickInputTitle(page, /Search Papers/);
		const input = '.quick-input-widget .quick-input-box input';
		// filled rather than typed: over a card the workbench may hand the keys back to the webview (microsoft/vscode#93950)
		await page.fill(input, '#track');
		const rows = await waitForFirstRow(page, (row) => row.includes('No paper is tagged #track'), 'the unknown tag\'s message');
		assert.ok(rows[1]?.includes('Search #tracking instead'), rows.join(' | '));
		await shot(page, 'search-tag-like');
		await page.press(input, 'ArrowDown');
		// Enter once the row the keys are on is the suggestion (the info row above it does nothing)
		await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-list .monaco-list-row.focused')?.innerText.includes('Search #tracking instead'));
		await page.press(input, 'Enter');
		await waitForFirstRow(page, (row) => row.includes('VISTA'), 'the paper tagged #tracking');
		assert.equal(await page.inputValue(input), '#tracking');
		await page.press(input, 'Escape');
	});

	it('a note typed in the card is kept without Save Note: Next, then Previous, shows it stored and in "Your notes"', async () => {
		const frame = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		await frame.click('#note-input');
		await frame.press('#note-input', 'End');
		await frame.locator('#note-input').pressSequentially(AUTOSAVED, { delay: 20 });
		// stored once the typing pauses, and said so beside Save Note
		await frame.waitForSelector('#note-status[data-note-status="saved"]', { timeout: 20_000 });
		await shot(page, 'card-note-autosaved');
		// typed on, then straight to the next paper: the draft is stored as the card moves on
		await frame.locator('#note-input').pressSequentially(' + next', { delay: 20 });
		await frame.click('button[data-action="next"]');
		await frame.waitForFunction(() => !document.querySelector('h1')?.textContent.includes('VISTA'), undefined, { timeout: 20_000 });
		await frame.click('button[data-action="previous"]');
		await frame.waitForFunction((text) => document.querySelector('h1')?.textContent.includes('VISTA') && document.querySelector('.note-body')?.innerText.includes(text), `${AUTOSAVED} + next`, { timeout: 20_000 });
		await clickActivityBar();
		await clickRow(page, COLLECTIONS_VIEW, 'Your notes');
		// a row under "Your notes" begins with the note's first line
		await waitForRow(page, COLLECTIONS_VIEW, (r) => r.text.includes('VISTA') && r.text.includes(`${AUTOSAVED} + next`), 'the paper under "Your notes"');
		await shot(page, 'card-note-your-notes');
		// Edit Note on that row: the card with the cursor in its note box, so typing goes there
		await page.locator(`${COLLECTIONS_VIEW} .monaco-list-row`, { hasText: `${AUTOSAVED} + next` }).first().click({ button: 'right' });
		await chooseInMenu(page, 'Edit Note', 'the row\'s context menu');
		await frame.waitForFunction(() => document.activeElement?.id === 'note-input', undefined, { timeout: 20_000 });
		await waitForWebviewFocus(page, frame);
		await page.keyboard.type(' (edited)');
		await frame.waitForSelector('#note-status[data-note-status="saved"]', { timeout: 20_000 });
		assert.ok((await frame.inputValue('#note-input')).endsWith(`${AUTOSAVED} + next (edited)`), await frame.inputValue('#note-input'));
		await shot(page, 'card-edit-note-focus');
		// the card's Ctrl+Alt keys wait while the keys are in the note box: on Windows AltGr is Ctrl+Alt (AltGr+M
		// types "µ" on a German layout), and Next Unread Match went to another paper as the reader typed. The "!"
		// typed after the key is stored after it: had the key gone to the command, the box would be another
		// paper's by then. (Not Ctrl+Alt+N: in the browser the workbench's own is New Untitled Text File.)
		await page.keyboard.press('Control+Alt+M');
		await page.keyboard.type('!');
		await frame.waitForFunction(() => document.querySelector('#note-input')?.value.endsWith('(edited)!') && document.querySelector('#note-status')?.dataset.noteStatus === 'saved', undefined, { timeout: 20_000 });
		assert.match(await frame.locator('h1').innerText(), /VISTA/, 'the card still shows the paper whose note is typed');
		await showExplorer();
	});

	it('before the reload: 2026-02-06 and its cs.CV expanded, the other days collapsed (the reload keeps them so, below)', async () => {
		await showPapersView();
		const bigDay = FIXTURE.days[2];
		// the earlier flows left 2026-02-09 expanded: collapsed here, a collapse is remembered too
		await setExpanded(1, FIXTURE.days[0], 'false');
		await setExpanded(1, FIXTURE.days[1], 'false');
		await setExpanded(1, bigDay, 'true');
		await setExpanded(2, 'cs.CV', 'true', bigDay);
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === 3 && r.text.includes('SIDeR'), 'the first paper of cs.CV');
		await shot(page, 'tree-expansion-before-reload');
		await showExplorer();
	});

	it('a card scrolled down comes back on the same paper after reloading the window', async () => {
		const frame = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning');
		const scrolled = await frame.evaluate(() => {
			window.scrollTo(0, 240);
			return window.scrollY;
		});
		// the card records its scroll position after a short debounce, and says so in the DOM
		if (scrolled > 0) {
			await frame.waitForFunction((y) => document.body.dataset.savedScrollY === String(y), scrolled, { timeout: 10_000 });
		}
		await reloadWindow(page);
		const restored = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning', 60_000);
		assert.ok((await frameText(restored)).includes('TL;DR'), 'the restored card is rendered, not a placeholder');
		if (scrolled > 0) {
			await restored.waitForFunction(() => window.scrollY > 0, undefined, { timeout: 10_000 }).catch(() => {
				throw new Error(`the card was scrolled to ${scrolled} but came back at the top`);
			});
		}
		await shot(page, 'card-restored-after-reload');
	});

	it('after reloading the window the star and the note are still there', async () => {
		const restored = await findWebviewFrame(page, 'VISTA: Enhancing Visual Conditioning', 60_000);
		await restored.waitForFunction((note) => document.querySelector('.note-body')?.innerText.includes(note), NOTE, { timeout: 20_000 });
		assert.ok(await restored.$('button[data-action="toggleStar"][data-starred="true"]'), 'the card shows the paper starred');
		await clickActivityBar();
		await waitForRow(page, COLLECTIONS_VIEW, (r) => r.text.includes('VISTA'), 'the starred paper in Collections after the reload', 40_000);
		await shot(page, 'collections-after-reload');
		await showExplorer();
	});

	it('read marks survive the reload: the cards opened before it count as read on their day', async () => {
		await showPapersView();
		const { row } = await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes('2026-02-06') && /\d+ unread/.test(r.text), 'the unread count of 2026-02-06', 30_000);
		const unread = Number(/(\d+) unread/.exec(row.text)[1]);
		assert.ok(unread < FIXTURE.big.papers, `${unread} unread of ${FIXTURE.big.papers}: the UniTrack and VISTA cards were read before the reload`);
		// the row fits the sidebar's default width with its 3-digit counts (`164 unread · ✦3`), and with
		// every count of 3 digits, as a real day's (`336 unread · ✦100`), or a day of repeats (`888 new · ✦888`)
		assert.match(row.text, /\d{3} unread · ✦\d+$/, 'what is left to read, then the matches');
		const day = page.locator(`${PAPERS_VIEW} .monaco-list-row[aria-level="1"]`, { hasText: '2026-02-06' }).first();
		const threeDigits = (await day.locator('.label-description').textContent()).replace(/\d+/g, '888');
		const fit = await rowFit(day, [threeDigits, threeDigits.replace('unread', 'new'), threeDigits.replace(/^888 unread/, 'all read')]);
		assert.ok(fit.sidebar <= 320, `the sidebar is at its default width (${fit.sidebar}px)`);
		assert.ok(fit.own.fits && !fit.rowText.endsWith('…'), `the day row is cut: ${JSON.stringify(fit)}`);
		assert.ok(fit.others.every((m) => m.fits), `a day row with 3-digit counts is cut: ${JSON.stringify(fit.others)}`);
		await shot(page, 'read-marks-after-reload');
	});

	it('the days and categories expanded before the reload come back expanded, the days collapsed collapsed', async () => {
		await showPapersView();
		const bigDay = FIXTURE.days[2];
		const shape = async () => {
			const rows = await treeRows(page, PAPERS_VIEW);
			const under = rowsUnder(rows, bigDay);
			return {
				rows,
				[bigDay]: rows.find((r) => r.level === 1 && r.text.includes(bigDay))?.expanded,
				[FIXTURE.days[0]]: rows.find((r) => r.level === 1 && r.text.includes(FIXTURE.days[0]))?.expanded,
				[FIXTURE.days[1]]: rows.find((r) => r.level === 1 && r.text.includes(FIXTURE.days[1]))?.expanded,
				'cs.CV': under.find((r) => r.level === 2 && r.text.startsWith('cs.CV'))?.expanded,
				SIDeR: under.some((r) => r.level === 3 && r.text.includes('SIDeR')),
			};
		};
		const expected = { [bigDay]: 'true', [FIXTURE.days[0]]: 'false', [FIXTURE.days[1]]: 'false', 'cs.CV': 'true', SIDeR: true };
		let seen;
		// the days arrive with the first scan's refreshes: each as the reader left it once it is there
		for (const started = Date.now(); Date.now() - started < 30_000; await page.waitForTimeout(200)) {
			const { rows, ...state } = (seen = await shape());
			if (Object.entries(expected).every(([k, v]) => state[k] === v)) break;
		}
		const { rows, ...state } = seen;
		assert.deepEqual(state, expected, `the tree after the reload:\n  ${rows.slice(0, 12).map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.text} [${r.expanded}]`).join('\n  ')}`);
		await shot(page, 'tree-expansion-after-reload');
		await showExplorer();
	});

	it('the "Open card" CodeLens over a paper heading opens that paper\'s card', async () => {
		// after the reload the card's webview has focus: click into the first group, so the digest
		// opens there and not over the card, and the workbench gets the keys again
		await page.locator('.part.editor .editor-group-container').first().click({ position: { x: 200, y: 300 } });
		await quickOpen(page, '2026-02-06.md');
		await page.keyboard.press('Control+G');
		await waitForQuickInputFocus(page);
		await page.keyboard.type(String(FIXTURE.big.first.headingLine + 1));
		await page.keyboard.press('Enter');
		const editor = '.editor-group-container.active .monaco-editor';
		// the lens of a paper carries the paper's id in its tooltip: click that element, not coordinates
		// measured while lenses and wrapped lines are still being laid out (playwright waits until it is
		// visible, stable and the one receiving the click)
		const lens = page.locator(`${editor} .codelens-decoration a[title="Open the card of arXiv:${FIXTURE.big.first.id}"]`);
		await lens.waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {
			throw new Error('an "Open card" lens is not shown above the SIDeR heading');
		});
		await lens.click();
		const frame = await findWebviewFrame(page, FIXTURE.big.first.title, 20_000);
		assert.ok((await frameText(frame)).includes('TL;DR'), 'the SIDeR card is rendered');
		await shot(page, 'codelens-open-card');
	});

	it('the card\'s authors are one Tab stop with arrows between names; Tab past the last control goes round to the first', async () => {
		await runCommand(page, 'arXiv Digest: Open Paper Card by arXiv ID…');
		await waitForQuickInputTitle(page, /Open Paper Card/);
		await waitForQuickInputFocus(page);
		await page.keyboard.type(FIXTURE.big.first.id);
		await page.keyboard.press('Enter');
		const frame = await findWebviewFrame(page, FIXTURE.big.first.title);
		await waitForWebviewFocus(page, frame);
		const active = () => frame.evaluate(() => {
			const element = document.activeElement;
			return { action: element?.dataset?.action ?? element?.tagName, author: element?.dataset?.author };
		});
		const authors = await frame.$$eval('button[data-action="searchAuthor"]', (buttons) => buttons.map((b) => b.dataset.author));
		assert.ok(authors.length >= 10, `${authors.length} authors`);
		// Shift+Tab from the first control after the authors lands on the group, at its first name
		await frame.focus('button[data-action="openExternal"]');
		const stopsBefore = await frame.evaluate(() => document.querySelectorAll('ul.authors [tabindex="0"]').length);
		assert.equal(stopsBefore, 1, 'one Tab stop in the author list');
		await page.keyboard.press('Shift+Tab');
		assert.deepEqual(await active(), { action: 'searchAuthor', author: authors[0] });
		// → twice: the third name, and the card stays on its paper (→ outside the list is Next)
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		assert.deepEqual(await active(), { action: 'searchAuthor', author: authors[2] });
		await page.keyboard.press('End');
		assert.deepEqual(await active(), { action: 'searchAuthor', author: authors.at(-1) });
		await page.keyboard.press('ArrowRight');
		assert.deepEqual(await active(), { action: 'searchAuthor', author: authors[0] }, '→ on the last name goes round to the first');
		await page.keyboard.press('ArrowLeft');
		assert.ok((await frameText(frame)).includes(FIXTURE.big.first.title), 'the arrows in the list did not page the card');
		// one Tab leaves the list, Shift+Tab comes back to the name last focused
		await page.keyboard.press('Tab');
		const after = await active();
		assert.notEqual(after.action, 'searchAuthor', `Tab left the authors (${JSON.stringify(after)})`);
		await page.keyboard.press('Shift+Tab');
		assert.deepEqual(await active(), { action: 'searchAuthor', author: authors.at(-1) });
		await shot(page, 'card-authors-roving');
		// Tab on the card's last control: the first one, not the bare page (the similar papers come last: once they are settled)
		await frame.waitForSelector('[data-similar-slot] section:not([aria-busy])', { state: 'attached', timeout: 60_000 });
		const [first, last] = await frame.evaluate(() => {
			const stops = Array.from(document.querySelectorAll('#card button, #card textarea, #card a[href], #card [tabindex]'))
				.filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0);
			stops.at(-1).focus();
			const describe = (e) => `${e.tagName}:${e.dataset.action ?? e.id ?? ''}:${e.textContent.trim().slice(0, 30)}`;
			return [describe(stops[0]), describe(stops.at(-1))];
		});
		const describeActive = () => frame.evaluate(() => {
			const e = document.activeElement;
			return `${e.tagName}:${e.dataset.action ?? e.id ?? ''}:${e.textContent.trim().slice(0, 30)}`;
		});
		assert.equal(await describeActive(), last);
		await page.keyboard.press('Tab');
		assert.equal(await describeActive(), first, 'Tab past the last control goes round to the first');
		await page.keyboard.press('Shift+Tab');
		assert.equal(await describeActive(), last, 'Shift+Tab on the first control goes to the last');
		// Escape in the note box leaves the box for its Save Note, in the card
		await frame.focus('#card textarea');
		await page.keyboard.press('Escape');
		assert.equal(await describeActive(), await frame.$eval('button[data-action="saveNote"]', (e) => `${e.tagName}:${e.dataset.action ?? e.id ?? ''}:${e.textContent.trim().slice(0, 30)}`), 'Escape in the note box: on Save Note');
		// Escape leaves the card for the Papers view when it is shown, the keys on its list (Tab alone goes round inside)
		await showPapersView();
		await focusInCard(frame, 'button[data-action="openExternal"]');
		await page.keyboard.press('Escape');
		await page.waitForFunction((view) => document.activeElement?.closest(view) != null, PAPERS_VIEW, { timeout: 20_000 }).catch(async (err) => {
			throw new Error(`Escape did not take the focus to the Papers view (the workbench's focus: ${await page.evaluate(() => document.activeElement?.className)}): ${err.message}`);
		});
		// on the card's paper, its day and category opened to it
		await waitForRow(page, PAPERS_VIEW, (r) => r.focused && r.selected && r.text.includes(FIXTURE.big.first.title.split(':')[0]), 'the card\'s paper, selected with the keys on it');
		await shot(page, 'card-escape-papers-view');
		// the side bar as the flows after expect it
		await showExplorer();
		await focusInCard(frame, 'button[data-action="openExternal"]');
		// the editor's keys still leave the card: Ctrl+0 focuses the side bar
		await page.keyboard.press('Control+0');
		await page.waitForFunction(() => document.activeElement?.closest('.part.sidebar') !== null);
		// Enter on a name searches by it
		await focusInCard(frame, `button[data-author="${authors[2]}"]`);
		await page.keyboard.press('Enter');
		await waitForFirstRow(page, (row) => row.includes(FIXTURE.big.first.title.split(':')[0]), `a paper by ${authors[2]}`);
		// Escape closes the search box, also where the card's webview took the keyboard back from it
		// (microsoft/vscode#93950): the card stays where it is (the next flow asks it for its similar papers)
		await page.keyboard.press('Escape');
		await page.waitForFunction(() => [...document.querySelectorAll('.quick-input-widget')].every((w) => w.offsetParent === null), undefined, { timeout: 20_000 });
	});

	it('the card lists similar papers under the paper; Enter on one opens its card', async () => {
		const frame = await findWebviewFrame(page, FIXTURE.big.first.title, 20_000);
		// asked of the index worker after the card painted: wait for the section's list
		await frame.waitForSelector('#similar-papers button[data-action="openSimilar"]', { timeout: 30_000 }).catch(async () => {
			throw new Error(`the card has no similar papers: ${(await frameText(frame)).slice(-400)}`);
		});
		const items = await frame.$$eval('#similar-papers button[data-action="openSimilar"]', (buttons) =>
			buttons.map((b) => ({ id: b.dataset.id, title: b.querySelector('.similar-title')?.textContent ?? '', why: b.querySelector('.similar-why')?.textContent ?? '', tooltip: b.title, text: b.textContent })),
		);
		// at most 10, each at least 11 % alike (a paper less alike shares a few common words, not a topic);
		// each says what it has in common, the cosine in its tooltip only (a shown 14 % read as barely similar)
		assert.ok(items.length >= 1 && items.length <= 10, JSON.stringify(items));
		assert.ok(items.every((i) => /^In common: \S/.test(i.why) && !/\d%/.test(i.text)), JSON.stringify(items));
		assert.ok(items.every((i) => Number(/: (0\.\d\d|1\.00)$/.exec(i.tooltip)?.[1]) >= 0.11), JSON.stringify(items));
		assert.ok(!items.some((i) => i.id === FIXTURE.big.first.id), 'the paper is not listed as similar to itself');
		await frame.evaluate(() => document.fonts.ready.then(() => true));
		await frame.locator('#similar-papers').scrollIntoViewIfNeeded();
		const file = await shot(page, 'card-similar-papers');
		if (MODE === 'trusted') copyFileSync(file, fileURLToPath(new URL('../../media/screenshots/card-similar-papers.png', import.meta.url)));
		// keyboard: focus the first similar paper and press Enter
		await frame.focus('#similar-papers button[data-action="openSimilar"]');
		await page.keyboard.press('Enter');
		const opened = await findWebviewFrame(page, items[0].title.slice(0, 40), 20_000);
		await opened.waitForFunction(({ id, title }) => document.body.dataset.similarFor === id && document.querySelector('h1.title')?.textContent.includes(title), { id: items[0].id, title: items[0].title.slice(0, 40) }, { timeout: 30_000 }).catch(async () => {
			throw new Error(`the opened card did not list its own similar papers: ${(await frameText(opened)).slice(-300)}`);
		});
		await shot(page, 'card-similar-opened');
		// the same list from the palette, for the card in front: a click on its first row opens it.
		// The card's editor group is made the active one as a reader does, by clicking into the card
		// (focus put into the webview by the test alone may leave the text editor's group active, and
		// the command would then be about the paper under that editor's cursor). Not its tab: in a CI
		// run of the web build the card's document never got the keyboard focus back after a click on
		// the tab of a card that had it (the iframe focused, its document not, for 20 s).
		const listed = await opened.$$eval('#similar-papers .similar-title', (titles) => titles.map((t) => t.textContent ?? ''));
		await opened.locator('h1.title').click();
		// the card's group is the active one and its webview has the keyboard focus in its document: a
		// palette opened before that loses the focus to it (a repeat's run: F1 pressed with the iframe
		// focused but not yet its document, no palette)
		await page.waitForFunction((title) => [...document.querySelectorAll('.editor-group-container.active .tab.active')].some((t) => t.textContent.includes(title)), items[0].title.slice(0, 20));
		await waitForWebviewFocus(page, opened);
		await runCommand(page, 'arXiv Digest: Show Similar Papers');
		// the list is about the card in front, not about the paper under the text editor's cursor
		const shown = await waitForQuickInputTitle(page, /^Similar to/);
		assert.ok(shown.includes(items[0].title.slice(0, 20)), `the list is about ${items[0].title}: ${shown}`);
		await waitForFirstRow(page, (row) => row.includes(listed[0].slice(0, 40)), `"${listed[0]}", the card's first similar paper`);
		await shot(page, 'show-similar-papers');
		// a click, not Enter: the keys are the card's again (clickQuickPickRow)
		await clickQuickPickRow(page, listed[0].slice(0, 40));
		await opened.waitForFunction((title) => document.querySelector('h1.title')?.textContent.includes(title), listed[0].slice(0, 40), { timeout: 20_000 });
		// the picked card takes the keyboard focus a moment after it shows: the next flow starts from there
		await waitForWebviewFocus(page, opened);
	});

	it('Filter Papers… in the view title filters the tree and shows "filtered: … ×"', async () => {
		await showPapersView();
		await page.waitForSelector(PAPERS_VIEW);
		// with two views in the container, each view's title actions show on its own header when hovered
		await page.hover(`${PAPERS_VIEW} .pane-header`);
		await page.locator(`${PAPERS_VIEW} .pane-header a.action-label[aria-label="Filter Papers…"]`).first().click();
		await waitForQuickInputFocus(page);
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
		const description = await page.locator(`${PAPERS_VIEW} .pane-header .description`).first().textContent();
		assert.equal(description, `filtered: ${query} ×`);
		// the message and the rows arrive separately: wait for the rows to be the filtered ones
		const onlyVariantDay = (rows) => rows.filter((r) => r.level === 1).map((r) => r.text.slice(0, 10)).join(',') === '2026-02-09';
		const started = Date.now();
		let rows = await treeRows(page, PAPERS_VIEW);
		while (!onlyVariantDay(rows) && Date.now() - started < 20_000) {
			await page.waitForTimeout(200);
			rows = await treeRows(page, PAPERS_VIEW);
		}
		assert.deepEqual(rows.filter((r) => r.level === 1).map((r) => r.text.slice(0, 10)), ['2026-02-09'], 'only the day of the matching paper is left');
		await shot(page, 'tree-filtered');
		await page.hover(`${PAPERS_VIEW} .pane-header`);
		await page.locator(`${PAPERS_VIEW} .pane-header a.action-label[aria-label="Clear Filter"]`).first().click();
		await page.waitForFunction(({ sidebar }) => !document.querySelector(sidebar)?.innerText.includes('filtered:'), { sidebar: SIDEBAR });
	});

	it('the Papers view in For you mode: with fewer than 5 stars it ranks by the interests and says so', async () => {
		await showPapersView();
		// the previous flow left a card in front with the keyboard focus: the mode pick stays open
		// over it, and a click picks the mode (a typed filter went to the card: run 8 of a repeat)
		await runCommand(page, 'arXiv Digest: Papers View Mode');
		await waitForQuickInputTitle(page, /Papers View Mode/);
		await waitForFirstRow(page, (row) => row.startsWith('All papers'), 'the All papers mode');
		await clickQuickPickRow(page, 'For you');
		await page.waitForFunction((view) => /For you needs 5 starred papers/.test(document.querySelector(view)?.innerText ?? ''), PAPERS_VIEW, { timeout: 20_000 }).catch(async () => {
			throw new Error(`the view does not say For you falls back to the interests: ${await page.locator(PAPERS_VIEW).innerText()}`);
		});
		await shot(page, 'tree-for-you-fallback');
		await runCommand(page, 'arXiv Digest: Papers View Mode');
		await waitForQuickInputTitle(page, /Papers View Mode/);
		await waitForFirstRow(page, (row) => row.startsWith('All papers'), 'the All papers mode');
		await clickQuickPickRow(page, 'All papers');
		await page.waitForFunction((view) => !/For you needs/.test(document.querySelector(view)?.innerText ?? ''), PAPERS_VIEW, { timeout: 20_000 });
	});

	it('Show For You says under each paper why it ranks there, in its detail line (read with the keyboard)', async () => {
		await runCommand(page, 'arXiv Digest: Show For You');
		await waitForQuickInputTitle(page, /For You/);
		// ranked by the interests here (fewer than 5 stars): the matched words, filled in once the list shows
		const started = Date.now();
		let rows = [];
		while (Date.now() - started < 20_000 && !rows.some((r) => r.includes('Matches your interests: tracking'))) {
			rows = await quickPickRows(page);
			await page.waitForTimeout(200);
		}
		assert.ok(rows.some((r) => r.includes('Matches your interests: tracking')), `no paper says why it is there:\n  ${rows.slice(0, 5).join('\n  ')}`);
		await shot(page, 'show-for-you-why');
		await page.keyboard.press('Escape');
	});

	// the web build's record is in the browser's storage, out of the test's sight (the web integration lane covers it there)
	(MODE === 'web' ? it.skip : it)('a starred paper whose digest was deleted keeps its title in Collections, and its card shows it as the library kept it, with the note box', async () => {
		const workspace = process.env.E2E_WORKSPACE;
		assert.ok(workspace, 'E2E_WORKSPACE is set by the harness');
		const title = 'Vanishing Digests: a Paper the Library Kept';
		const file = join(workspace, 'data', '2019-03-03.md');
		// the harness's profile, beside the workspace: where the library keeps its papers' records
		const keptFile = join(dirname(workspace), `data-${MODE}`, 'User', 'globalStorage', 'arxiv-digest.arxiv-digest', 'kept-papers.json');
		writeFileSync(file, ['# 2019-03-03', '', '## cs.RO', '', `### [1] [${title}](https://arxiv.org/abs/1903.00003)`, '*Grace Hopper, Alan Turing* | **Main category: cs.RO**', '', '> **TL;DR:** 一篇日报被删除后仍保留在资料库中的论文。', '', '**Abstract:** A paper whose digest goes away.', ''].join('\n'));
		let frame;
		try {
			await runCommand(page, 'arXiv Digest: Search Papers');
			await waitForQuickInputTitle(page, /Search Papers/);
			await page.keyboard.insertText('Vanishing Digests');
			await waitForFirstRow(page, (row) => row.includes(title), `${title} in the search`, 30_000);
			await page.keyboard.press('Enter');
			frame = await findWebviewFrame(page, title);
			await frame.click('button[data-action="toggleStar"]');
			await frame.waitForSelector('button[data-action="toggleStar"][data-starred="true"]', { timeout: 20_000 });
			// the library keeps what the digest says of the paper: its record written (the state waited for)
			for (const started = Date.now(); !(existsSync(keptFile) && readFileSync(keptFile, 'utf8').includes('1903.00003')); await page.waitForTimeout(100)) {
				assert.ok(Date.now() - started < 20_000, `the record of the starred paper in ${keptFile}`);
			}
			// the view shown whatever the side bar showed (a click on the activity bar would hide it if it showed already)
			await runCommand(page, 'arXiv Digest: Focus on Collections View');
			await waitForRow(page, COLLECTIONS_VIEW, (r) => r.text.includes(title) && r.text.includes('2019-03-03') && !r.text.includes('not in this workspace'), 'the starred paper under Starred');
			rmSync(file);
			await waitForRow(page, COLLECTIONS_VIEW, (r) => r.text.includes(title) && r.text.includes('not in this workspace'), 'the starred paper, its digest gone, by its title');
			// the card open on it shows it as the library kept it
			frame = await findWebviewFrame(page, 'No digest in this workspace lists this paper any more');
			const text = await frameText(frame);
			assert.ok(text.includes(title) && text.includes('Grace Hopper') && text.includes('一篇日报被删除后'), text);
			assert.strictEqual(await frame.locator('button[data-action="revealSource"]').count(), 0, 'no source to reveal');
			await frame.waitForSelector('#note-input', { timeout: 20_000 });
			await frame.evaluate(() => document.fonts.ready.then(() => true));
			await shot(page, 'card-kept-paper-digest-deleted');
		} finally {
			rmSync(file, { force: true });
			// unstarred from its card, for the tests after this one
			const star = frame?.locator('button[data-action="toggleStar"][data-starred="true"]');
			if (star && (await star.count()) > 0) {
				await star.click();
				await frame.waitForSelector('button[data-action="toggleStar"][data-starred="false"]', { timeout: 20_000 });
			}
			await runCommand(page, 'View: Close All Editors');
			await showExplorer();
		}
	});

	it('a digest switched to Plain Text by hand is Plain Text after Reload Window, and when it is opened again', async () => {
		const day = `${FIXTURE.days[0]}.md`;
		// the Papers view shown, to be restored shown after the reload (see below)
		if (!(await page.locator(PAPERS_VIEW).isVisible())) await runCommand(page, 'arXiv Digest: Focus on Papers View');
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes(FIXTURE.days[0]), `the day ${FIXTURE.days[0]}`);
		/** Change Language Mode on the active editor, as a reader does from the palette */
		const setLanguage = async (name, id) => {
			await runCommand(page, 'Change Language Mode');
			await page.waitForFunction((selector) => /language mode/i.test(document.querySelector(selector)?.getAttribute('placeholder') ?? ''), quickInputBox, { timeout: 20_000 });
			await page.fill(quickInputBox, name);
			await waitForFirstRow(page, (row) => row.includes(`(${id})`), `the language ${name}`);
			await page.keyboard.press('Enter');
			await waitForStatus(page, 'status.editor.mode', new RegExp(`^${name}$`));
		};
		await quickOpen(page, day);
		await waitForStatus(page, 'status.editor.mode', /^arXiv Digest$/);
		/**
		 * Reload Window. The extension looks at the open editors as it activates, before it registers its
		 * Papers view, and its messages to the workbench come in order: once the view (shown before the
		 * reload, so restored shown: no click, which could hide a container still being restored) lists the
		 * days, a switch back to the digest language would have come. The palette opened too early lists no
		 * extension's command.
		 */
		const reloaded = async () => {
			await reloadWindow(page);
			await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes(FIXTURE.days[0]), `the day ${FIXTURE.days[0]} after the reload`, 60_000);
		};
		await setLanguage('Plain Text', 'plaintext');
		// the choice stored before the reload (see waitForStoredWorkspaceState): a reload ~0.2 s after the
		// status bar said Plain Text once came before it, and the file came back as a digest
		await waitForStoredWorkspaceState(page, ['languageChoices', day, 'plaintext']);
		try {
			await reloaded();
			await quickOpen(page, day);
			await waitForStatus(page, 'status.editor.mode', /^Plain Text$/);
			// closed, then opened again in a new window: the workbench restores no editor, the manifest opens
			// the file as a digest by its name, and the extension gives it back the language picked
			await runCommand(page, 'View: Close All Editors');
			await page.waitForFunction(() => document.querySelectorAll('.editor-group-container .tab').length === 0, undefined, { timeout: 20_000 });
			await reloaded();
			await quickOpen(page, day);
			await waitForStatus(page, 'status.editor.mode', /^Plain Text$/);
			await shot(page, 'language-kept-after-reload');
		} finally {
			// the rules' language picked by hand: the choice is forgotten, for the tests after this one
			await quickOpen(page, day);
			await setLanguage('arXiv Digest', 'arxiv-digest');
		}
	});
});
