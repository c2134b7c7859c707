// Driving the VS Code workbench (code-server) with playwright-core in Debian's Chromium.
// The harness (test/harness/run-e2e.mjs) starts code-server and passes E2E_URL, E2E_MODE,
// E2E_WORKSPACE and E2E_SCREENSHOTS; these helpers know the workbench's DOM.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../harness/lib.mjs';

export const MODE = process.env.E2E_MODE || 'trusted';
const URL = process.env.E2E_URL;
const SHOTS = process.env.E2E_SCREENSHOTS || join(process.cwd(), '.vscode-test', 'screenshots');

let shotCount = 0;

export async function openWorkbench() {
	if (!URL) throw new Error('E2E_URL is not set: run the UI tests through test/harness/run-e2e.mjs');
	mkdirSync(SHOTS, { recursive: true });
	// launchServer exposes Chromium's pid; it leads its own process group, so the harness can stop it
	// by that pid should these tests be killed before closing it
	const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
	const pid = server.process().pid;
	if (pid && process.env.E2E_BROWSER_PID_FILE) writeFileSync(process.env.E2E_BROWSER_PID_FILE, String(pid));
	const connected = await chromium.connect(server.wsEndpoint(), { timeout: 60_000 });
	const browser = {
		newPage: (options) => connected.newPage(options),
		async close() {
			await connected.close().catch(() => {});
			await server.close();
		},
	};
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	page.setDefaultTimeout(20_000);
	await page.goto(URL, { timeout: 60_000 });
	await workbenchReady(page);
	return { browser, page };
}

/**
 * Waits until the workbench is up with the extension's view container and, in Restricted Mode, its
 * trust banner: the workbench shows the banner (the harness's user settings ask for it always) once
 * trust has been evaluated, up to 1.6 s after the rest, and it pushes everything below it 26 px down.
 * A click aimed at a row before then lands on the row above it, or on the view's header, which
 * collapses the view (two Restricted Mode runs of the Papers view keys). After opening the page and
 * after a reload of the window.
 */
export async function workbenchReady(page) {
	await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
	// the view container appears once the extension's contributions are registered
	await page.waitForSelector(activityBarItem, { timeout: 60_000 });
	if (MODE === 'restricted') {
		await page.waitForFunction(() => document.querySelector('[id="workbench.parts.banner"]')?.innerText.includes('Restricted Mode'), undefined, { timeout: 60_000 }).catch((err) => {
			throw new Error(`the Restricted Mode banner is not shown: ${err.message}`);
		});
	}
}

/**
 * Developer: Reload Window, the command a user runs (unlike a bare page reload it lets the workbench
 * save its state first), and waits for the reload itself (the old window's views could be mistaken for
 * the restored ones) and for the workbench to be ready again.
 */
export async function reloadWindow(page) {
	const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
	await runCommand(page, 'Developer: Reload Window');
	await reloaded;
	await workbenchReady(page);
}

/**
 * Chooses `label` in the context menu just opened (a row's right click, an editor's `…`), by keyboard: a
 * click on an item right after the menu opened was sometimes taken for the opening click's release and
 * left the menu open. `where` names the menu in the error.
 */
export async function chooseInMenu(page, label, where) {
	const menu = page.locator('.context-view .monaco-menu');
	await menu.waitFor({ state: 'visible' });
	const focusedItem = () => page.locator('.context-view .action-item.focused .action-label').textContent({ timeout: 1_000 }).catch(() => '');
	for (let i = 0; i < 30 && (await focusedItem())?.trim() !== label; i++) await page.keyboard.press('ArrowDown');
	assert.equal((await focusedItem())?.trim(), label, `${label} in ${where}`);
	await page.keyboard.press('Enter');
	await menu.waitFor({ state: 'detached' });
}

/**
 * Waits until the workbench has written arXiv Digest's workspace state, with every string of `needles`
 * in it, to its store in the browser (IndexedDB): a state the extension recorded (a language chosen by
 * hand) then outlives a reload. The extension host hears of an editor's change after the page shows
 * it, and a reload a moment after a change can come before what it stored reaches the page.
 */
export async function waitForStoredWorkspaceState(page, needles, timeoutMs = 20_000) {
	await page.waitForFunction(async (want) => {
		const read = (name) => new Promise((resolve) => {
			const open = indexedDB.open(name);
			open.onerror = () => resolve('');
			open.onsuccess = () => {
				const db = open.result;
				try {
					const get = db.transaction('ItemTable').objectStore('ItemTable').get('arxiv-digest.arxiv-digest');
					get.onsuccess = () => resolve(String(get.result ?? ''));
					get.onerror = () => resolve('');
				} catch {
					resolve('');
				} finally {
					db.close();
				}
			};
		});
		const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('vscode-web-state-db-') && n !== 'vscode-web-state-db-global');
		for (const name of names) {
			const text = await read(name);
			if (want.every((w) => text.includes(w))) return true;
		}
		return false;
	}, needles, { timeout: timeoutMs, polling: 250 });
}

/**
 * The workbench of one test file (mocha hooks): opened before its tests, then `opened(page)` (a
 * file's listeners), closed after them; a failed test leaves a screenshot named `failedShot`.
 */
export function workbenchSession({ failedShot = 'FAILED', opened } = {}) {
	const session = { browser: undefined, page: undefined };
	before(async () => {
		Object.assign(session, await openWorkbench());
		opened?.(session.page);
	});
	after(async () => {
		await session.browser?.close();
	});
	afterEach(async function () {
		if (this.currentTest?.state === 'failed' && session.page) await shot(session.page, failedShot);
	});
	return session;
}

// the whole item, not its icon: the badge (new matches) sits over the icon and takes the clicks
export const activityBarItem = '.activitybar li.action-item:has(> a.action-label[aria-label^="arXiv Digest"])';

/** Screenshot named `<mode>-<nn>-<name>.png`, numbered in test order. */
export async function shot(page, name) {
	shotCount += 1;
	const file = join(SHOTS, `${MODE}-${String(shotCount).padStart(2, '0')}-${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

const quickInput = '.quick-input-widget';
export const quickInputBox = `${quickInput} .quick-input-box input`;
const quickRows = `${quickInput} .quick-input-list .monaco-list-row`;

/**
 * Opens the command palette and waits for its box to have the keys. An F1 pressed while a webview
 * is taking the focus back (microsoft/vscode#93950) opens nothing, or a palette the webview closes
 * at once: press again then, as a reader would (at most 3 times).
 */
async function openQuickInput(page) {
	for (let attempt = 1; ; attempt++) {
		// a quick input left open is closed first; not blindly: Escape in a card leaves the card
		if (await page.evaluate(() => [...document.querySelectorAll('.quick-input-widget')].some((w) => w.offsetParent !== null))) await page.keyboard.press('Escape');
		await page.keyboard.press('F1');
		try {
			await waitForQuickInputFocus(page, attempt < 3 ? 5_000 : undefined);
			return;
		} catch (err) {
			if (attempt >= 3) throw err;
		}
	}
}

/**
 * Waits until the quick input's box is shown and has the keyboard focus: it is visible a moment
 * before it is focused, and keys typed in that moment go elsewhere (the first letter of a query lost).
 * Then waits for the page's timers queued so far (see afterBlurTurn) and throws if the box lost the keys
 * meanwhile (openQuickInput presses F1 again then).
 */
export async function waitForQuickInputFocus(page, timeoutMs) {
	await page.waitForFunction(quickInputHasKeys, quickInputBox, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
	await afterBlurTurn(page);
	if (!(await page.evaluate(quickInputHasKeys, quickInputBox))) throw new Error(`the quick input lost the keys right after it took them, to ${await keysAt(page)}`);
}

/** In the page: whether the quick input's box (`selector`) is shown and has the keys. */
const quickInputHasKeys = (selector) => {
	const input = document.querySelector(selector);
	return input !== null && input.offsetParent !== null && document.activeElement === input;
};

/** Where the keys are, for a failure message. */
export async function keysAt(page) {
	return page.evaluate(() => {
		const element = document.activeElement;
		const pane = element?.closest('.pane')?.querySelector('.pane-header')?.getAttribute('aria-label');
		return `${element?.tagName}.${String(element?.className).slice(0, 80)}${pane ? ` in ${pane}` : ''}`;
	});
}

/**
 * Resolves once the page's timers queued so far have run. The view the keys just left
 * believes it has them until a timer's turn after they left (VS Code's focus tracker), and its tree
 * ends any refresh by focusing itself again while it believes so: on a busy workbench that turn came
 * 50–140 ms late, and a refresh of the Papers view ending in it took the keys back from a palette
 * just opened (which closed; the keys typed next went to the tree). Timers of the same delay run in
 * the order they were set, so once this one ran, the tracker's has.
 */
async function afterBlurTurn(page) {
	await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/**
 * Waits until a webview has the keyboard focus all the way into `frame` (its content document): the
 * workbench focuses the webview's iframe first and the webview moves the focus into its document a
 * moment later, and a palette opened in between loses the focus to it (and closes).
 */
export async function waitForWebviewFocus(page, frame) {
	try {
		await page.waitForFunction(() => document.activeElement?.tagName === 'IFRAME');
		await frame.waitForFunction(() => document.hasFocus());
	} catch (err) {
		// the webview's own page (the content frame's parent) says where its keys are: the workbench
		// focuses that page, which moves them into the content frame unless it believes it has them
		const host = await frame.parentFrame()?.evaluate(() => `${document.activeElement?.tagName}#${document.activeElement?.id}, focused: ${document.hasFocus()}`).catch((e) => e.message);
		throw new Error(`the card did not take the keys (they are on ${await keysAt(page)}; in the webview's page on ${host}): ${err.message}`);
	}
}

/** Text of the visible quick-pick rows, in order. */
export async function quickPickRows(page) {
	return page.$$eval(quickRows, (rows) => rows
		.filter((r) => r.offsetParent !== null)
		.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
		.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
}

/**
 * Clicks the quick-pick row that contains `text`, as a reader does when the keyboard focus is
 * elsewhere: a pick run from the palette over a focused card stays open, but the workbench gives
 * the keys back to the card's webview a moment after the palette closes (microsoft/vscode#93950).
 */
export async function clickQuickPickRow(page, text) {
	await page.locator(quickRows, { hasText: text }).first().click();
}

/** Waits until the quick pick's rows (top to bottom) satisfy `test`; the error lists what was shown. */
export async function waitForRows(page, test, what, timeoutMs = 20_000) {
	const started = Date.now();
	let rows = [];
	while (Date.now() - started < timeoutMs) {
		rows = await quickPickRows(page);
		if (test(rows)) return rows;
		await page.waitForTimeout(200);
	}
	throw new Error(`quick pick: expected ${what}, saw:\n  ${rows.slice(0, 5).join('\n  ') || '(no rows)'}`);
}

/** Waits until the first quick-pick row satisfies `test`; the error lists what was shown. */
export function waitForFirstRow(page, test, what, timeoutMs = 20_000) {
	return waitForRows(page, (rows) => rows.length > 0 && test(rows[0]), `${what} first`, timeoutMs);
}

/** Waits for an extension's quick pick (by its title) to replace the command palette. */
export async function waitForQuickInputTitle(page, re, timeoutMs = 20_000) {
	const started = Date.now();
	let title = '';
	while (Date.now() - started < timeoutMs) {
		title = await page.$eval(`${quickInput} .quick-input-title`, (el) => el.textContent || '').catch(() => '');
		if (re.test(title)) return title;
		await page.waitForTimeout(100);
	}
	throw new Error(`quick input titled ${re} did not open (title: "${title}")`);
}

/** Runs a command by its palette title ("arXiv Digest: Search Papers"). */
export async function runCommand(page, title) {
	await openQuickInput(page);
	// filled, not typed: a key typed while the workbench hands the focus back to an editor goes
	// there (microsoft/vscode#93950), and a CI run typed this title into the digest open beside
	await page.fill(quickInputBox, `>${title}`);
	await waitForFirstRow(page, (row) => row.includes(title), `the command "${title}"`);
	// the Enter is the palette's only while it has the keys (else it would run on whatever took them),
	// and every key typed went there
	const typed = await page.evaluate((selector) => document.querySelector(selector)?.value, quickInputBox);
	if (typed !== `>${title}` || !(await page.evaluate(quickInputHasKeys, quickInputBox))) {
		throw new Error(`the palette lost keys before Enter ran "${title}" (its box holds "${typed}"; the keys are on ${await keysAt(page)})`);
	}
	await page.keyboard.press('Enter');
}

/** Opens a workspace file through Quick Open and waits for its tab to be active. */
export async function quickOpen(page, fileName) {
	await openQuickInput(page);
	// filled, not typed (see runCommand); without the palette's `>`, Quick Open lists files
	await page.fill(quickInputBox, fileName);
	await waitForFirstRow(page, (row) => row.includes(fileName), `the file ${fileName}`);
	await page.keyboard.press('Enter');
	await page.waitForSelector(`.tabs-container .tab.active[aria-label^="${fileName}"]`);
}

/** Text of a status bar entry (`status.editor.mode`, `status.editor.selection`, ...). */
export async function statusText(page, id) {
	const el = await page.$(`[id="${id}"]`);
	return el ? (await el.innerText()).replace(/\s+/g, ' ').trim() : '';
}

export async function waitForStatus(page, id, re, timeoutMs = 20_000) {
	const started = Date.now();
	let text = '';
	while (Date.now() - started < timeoutMs) {
		text = await statusText(page, id);
		if (re.test(text)) return text;
		await page.waitForTimeout(200);
	}
	throw new Error(`status bar ${id}: expected ${re}, saw "${text}"`);
}

/** Visible rows of a tree/list inside `container`, top to bottom, with their nesting level and whether each is selected or has the list's focus. */
export async function treeRows(page, container) {
	return page.$$eval(`${container} .monaco-list-row`, (rows) => rows
		.filter((r) => r.offsetParent !== null)
		.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
		.map((r) => ({
			text: r.innerText.replace(/\s+/g, ' ').trim(),
			level: Number(r.getAttribute('aria-level') || 0),
			expanded: r.getAttribute('aria-expanded'),
			selected: r.classList.contains('selected'),
			focused: r.classList.contains('focused'),
		})));
}

export async function waitForRow(page, container, test, what, timeoutMs = 20_000) {
	const started = Date.now();
	let rows = [];
	while (Date.now() - started < timeoutMs) {
		rows = await treeRows(page, container);
		const row = rows.find(test);
		if (row) return { row, rows };
		await page.waitForTimeout(200);
	}
	throw new Error(`${what} not shown; visible rows:\n  ${rows.slice(0, 12).map((r) => `${'  '.repeat(Math.max(0, r.level - 1))}${r.text}`).join('\n  ') || '(none)'}`);
}

/**
 * Whether a row's description fits without the workbench cutting it (`…`): the sidebar's width, the
 * overflow of its label, and the same measured with each of `texts` set as the description in turn
 * (the row's own format with other counts: the fixture's days are smaller than real ones).
 */
export async function rowFit(row, texts = []) {
	return row.evaluate((element, texts) => {
		const label = element.querySelector('.monaco-icon-label-container');
		const description = element.querySelector('.label-description');
		const measure = () => ({
			text: description.textContent,
			overflow: label.scrollWidth - label.clientWidth,
			descriptionOverflow: description.scrollWidth - description.clientWidth,
			descriptionRight: Math.round(description.getBoundingClientRect().right),
			rowRight: Math.round(element.getBoundingClientRect().right),
		});
		const fits = (m) => m.overflow <= 0 && m.descriptionOverflow <= 0 && m.descriptionRight <= m.rowRight;
		const own = measure();
		const before = description.textContent;
		const others = texts.map((text) => {
			description.textContent = text;
			return measure();
		});
		description.textContent = before;
		return {
			sidebar: Math.round(element.closest('.part.sidebar').getBoundingClientRect().width),
			rowText: element.innerText.replace(/\s+/g, ' ').trim(),
			spoken: element.getAttribute('aria-label'),
			own: { ...own, fits: fits(own) },
			others: others.map((m) => ({ ...m, fits: fits(m) })),
		};
	}, texts);
}

/** Clicks the row whose text starts with or contains `text`, in `container`. */
export async function clickRow(page, container, text) {
	const row = page.locator(`${container} .monaco-list-row`, { hasText: text }).first();
	await row.scrollIntoViewIfNeeded();
	await row.click();
	return row;
}

/** The webview frame whose document contains `text` (webviews are nested iframes). */
/**
 * A webview's text, without a card's "Similar papers" section: it names other papers, which must not
 * make a card look like theirs (read it with a selector under #similar-papers).
 */
const CARD_TEXT = () => {
	if (!document.body) return '';
	const all = document.body.innerText;
	const similar = document.querySelector('[data-similar-slot]');
	return similar ? all.replace(similar.innerText, '') : all;
};

export async function findWebviewFrame(page, text, timeoutMs = 30_000) {
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		for (const frame of page.frames()) {
			if (frame === page.mainFrame()) continue;
			try {
				const body = await frame.evaluate(CARD_TEXT);
				if (body.includes(text)) return frame;
			} catch {
				// frames come and go while the webview loads
			}
		}
		await page.waitForTimeout(250);
	}
	throw new Error(`no webview frame shows "${text}" (frames: ${page.frames().map((f) => f.url().slice(0, 80)).join(', ')})`);
}

export async function frameText(frame) {
	return frame.evaluate(CARD_TEXT);
}
