// Enter in the Papers view, pressed as a keyboard user does: on a paper row it opens the paper's card
// with the keyboard focus in it (as Enter in the Explorer takes the reader into the file); on a day it
// expands or collapses it; of several selected rows it opens the one the keys are on. A click opens
// the card and leaves the focus in the view, as before.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { activityBarItem, findWebviewFrame, shot, treeRows, waitForRow, waitForWebviewFocus, workbenchSession } from './workbench.mjs';

const FIXTURE = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/e2e/fixture.json', import.meta.url)), 'utf8'));
const PAPERS_VIEW = '.part.sidebar .pane:has(.pane-header[aria-label^="Papers"])';
const FOCUSED_ROW = `${PAPERS_VIEW} .monaco-list-row.focused`;

describe('Papers view keys: Enter on a paper takes the focus into its card', function () {
	// a click opens the card by default; the harness's user settings ask for the digest (for
	// workbench.test.mjs), so this folder asks for the card while its workbench is open
	const settingsFolder = join(process.env.E2E_WORKSPACE ?? '', '.vscode');
	before(() => {
		assert.ok(process.env.E2E_WORKSPACE, 'E2E_WORKSPACE is set by the harness');
		mkdirSync(settingsFolder, { recursive: true });
		writeFileSync(join(settingsFolder, 'settings.json'), JSON.stringify({ 'arxivDigest.tree.openAction': 'card' }, null, '\t'));
	});
	after(() => rmSync(settingsFolder, { recursive: true, force: true }));

	let page;
	workbenchSession({ failedShot: 'FAILED-papers-keys', opened: (opened) => (page = opened) });

	const focusedRow = async () => (await treeRows(page, PAPERS_VIEW)).find((r) => r.focused);
	const keysInView = () => page.evaluate((view) => !!document.activeElement?.closest(view), PAPERS_VIEW);
	/** Presses `key` and waits for the list's focus to move to another row. */
	const moveFocus = async (key) => {
		const before = await page.evaluate((selector) => document.querySelector(selector)?.getAttribute('data-index'), FOCUSED_ROW);
		await page.keyboard.press(key);
		await page.waitForFunction(({ selector, before }) => {
			const index = document.querySelector(selector)?.getAttribute('data-index');
			return index !== undefined && index !== before;
		}, { selector: FOCUSED_ROW, before });
	};
	/**
	 * Expands (`'true'`, →) or collapses (`'false'`, ←) the focused row, unless it is so already. A key
	 * that lands while a root refresh is in flight (the first scan's, the interests' match count) is lost:
	 * the workbench renders the day as it was when the refresh started (see "a day expanded while new
	 * days keep arriving" in workbench.test.mjs). A reader presses again, and so does this setup, at
	 * most 4 times; Enter, which these tests are about, is pressed once.
	 */
	const setFocusedExpanded = async (state) => {
		const isSo = async () => (await focusedRow())?.expanded === state;
		for (let attempt = 0; attempt < 4 && !(await isSo()); attempt++) {
			await page.keyboard.press(state === 'true' ? 'ArrowRight' : 'ArrowLeft');
			await page.waitForFunction(({ selector, state }) => document.querySelector(selector)?.getAttribute('aria-expanded') === state, { selector: FOCUSED_ROW, state }, { timeout: 3_000 }).catch(() => undefined);
		}
		assert.ok(await isSo(), `the focused row is not ${state === 'true' ? 'expanded' : 'collapsed'}: ${JSON.stringify(await focusedRow())}`);
	};
	/** The centre of the first row at `level` that shows `text`, top to bottom as shown (the list's DOM order is not). */
	const rowCentre = async (level, text) => {
		const centre = await page.evaluate(({ view, level, text }) => {
			const box = [...document.querySelectorAll(`${view} .monaco-list-row[aria-level="${level}"]`)]
				.filter((r) => r.offsetParent !== null && r.innerText.includes(text))
				.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)[0]?.getBoundingClientRect();
			return box && { x: box.left + box.width / 2, y: box.top + box.height / 2 };
		}, { view: PAPERS_VIEW, level, text });
		assert.ok(centre, `a row ${text} is shown`);
		return centre;
	};
	const selectedTexts = async () => (await treeRows(page, PAPERS_VIEW)).filter((r) => r.selected).map((r) => r.text);

	it('Enter on a day row expands and collapses it, the keys staying in the view', async () => {
		if (!(await page.locator(PAPERS_VIEW).isVisible())) await page.click(activityBarItem);
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1 && r.text.includes(FIXTURE.days[0]), `the day ${FIXTURE.days[0]}`, 40_000);
		// a click on the first day gives the list the keys (and toggles the day)
		const first = await rowCentre(1, FIXTURE.days[0]);
		await page.mouse.click(first.x, first.y);
		await page.waitForFunction(({ selector, day }) => document.querySelector(selector)?.innerText.includes(day), { selector: FOCUSED_ROW, day: FIXTURE.days[0] });
		await page.waitForFunction((view) => !!document.activeElement?.closest(view), PAPERS_VIEW);
		const before = (await focusedRow()).expanded;
		const other = before === 'true' ? 'false' : 'true';
		for (const state of [other, before]) {
			await page.keyboard.press('Enter');
			await page.waitForFunction(({ selector, state }) => document.querySelector(selector)?.getAttribute('aria-expanded') === state, { selector: FOCUSED_ROW, state }).catch(async () => {
				throw new Error(`Enter did not make the day ${state === 'true' ? 'expanded' : 'collapsed'}: ${JSON.stringify(await focusedRow())}`);
			});
			assert.ok(await keysInView(), 'the keys stay in the Papers view');
		}
	});

	it('Enter on a paper row reached with the arrows opens its card with the keyboard focus in it', async () => {
		// the first two days folded, down to 2026-02-06, its cs.CV opened, down to its first paper
		await setFocusedExpanded('false');
		await moveFocus('ArrowDown');
		assert.ok((await focusedRow()).text.includes(FIXTURE.days[1]), JSON.stringify(await focusedRow()));
		await setFocusedExpanded('false');
		await moveFocus('ArrowDown');
		assert.ok((await focusedRow()).text.includes(FIXTURE.days[2]), JSON.stringify(await focusedRow()));
		await setFocusedExpanded('true');
		await moveFocus('ArrowDown');
		assert.ok((await focusedRow()).text.startsWith('cs.CV'), JSON.stringify(await focusedRow()));
		await setFocusedExpanded('true');
		await moveFocus('ArrowDown');
		const paper = await focusedRow();
		assert.ok(paper.level === 3 && paper.text.includes(FIXTURE.big.first.title.split(':')[0]), JSON.stringify(paper));
		// the arrows move the list's focus, not its selection: Enter selects the row it is on
		assert.equal(paper.selected, false, 'the arrows left the paper unselected');
		await page.keyboard.press('Enter');
		const frame = await findWebviewFrame(page, FIXTURE.big.first.title);
		await waitForWebviewFocus(page, frame).catch(async (err) => {
			const active = await page.evaluate(() => `${document.activeElement?.tagName}.${document.activeElement?.className}`.slice(0, 120));
			throw new Error(`the card did not take the keyboard focus (it is on ${active}): ${err.message}`);
		});
		assert.deepEqual((await selectedTexts()).map((t) => t.includes('SIDeR')), [true], 'Enter selected the paper');
		await shot(page, 'papers-enter-focuses-card');
	});

	it('a click on a paper opens its card and leaves the keys in the view; of two papers selected, Enter opens the one the keys are on, focused', async () => {
		const second = FIXTURE.big.second.title;
		const third = FIXTURE.big.third.title;
		const click = await rowCentre(3, second.split(':')[0]);
		await page.mouse.click(click.x, click.y);
		await findWebviewFrame(page, second);
		assert.ok(await keysInView(), 'after a click the keys are still in the Papers view');
		// Ctrl+click adds the next paper: two selected, the keys on the second, no card opened for them
		const add = await rowCentre(3, third.split(':')[0]);
		await page.keyboard.down('Control');
		await page.mouse.click(add.x, add.y);
		await page.keyboard.up('Control');
		await page.waitForFunction((view) => document.querySelectorAll(`${view} .monaco-list-row.selected`).length === 2, PAPERS_VIEW).catch(async () => {
			throw new Error(`two papers are not selected: ${JSON.stringify(await selectedTexts())}`);
		});
		assert.ok((await focusedRow()).text.includes(third.split(':')[0]), JSON.stringify(await focusedRow()));
		await page.keyboard.press('Enter');
		const frame = await findWebviewFrame(page, third);
		await waitForWebviewFocus(page, frame);
		const selected = await selectedTexts();
		assert.ok(selected.length === 1 && selected[0].includes(third.split(':')[0]), `Enter leaves the paper it opened selected alone: ${JSON.stringify(selected)}`);
		await shot(page, 'papers-enter-multi-select');
	});
});
