// Next Unread Match with no interests set says why nothing matches and offers Edit Interests, instead of
// "No unread matches left" (a tester's: it said nothing of why).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityBarItem, findWebviewFrame, MODE, shot, waitForQuickInputTitle, waitForRow, workbenchSession } from './workbench.mjs';

const PAPERS_VIEW = '.part.sidebar .pane:has(.pane-header[aria-label^="Papers"])';

describe('Next Unread Match without interests', function () {
	// the harness's user settings follow "tracking": this folder follows nothing while its workbench is open
	const settingsFolder = join(process.env.E2E_WORKSPACE ?? '', '.vscode');
	before(() => {
		assert.ok(process.env.E2E_WORKSPACE, 'E2E_WORKSPACE is set by the harness');
		mkdirSync(settingsFolder, { recursive: true });
		writeFileSync(join(settingsFolder, 'settings.json'), JSON.stringify(Object.fromEntries(['keywords', 'authors', 'categories', 'exclude'].map((list) => [`arxivDigest.interests.${list}`, []])), null, '\t'));
	});
	after(() => rmSync(settingsFolder, { recursive: true, force: true }));

	let page;
	workbenchSession({ failedShot: 'FAILED-next-match', opened: (opened) => (page = opened) });

	/** the Papers view shown, the keys on its first day's row */
	async function keysOnFirstDay() {
		if (!(await page.locator(PAPERS_VIEW).isVisible())) await page.click(activityBarItem);
		await waitForRow(page, PAPERS_VIEW, (r) => r.level === 1, 'a day', 60_000);
		await page.locator(`${PAPERS_VIEW} .monaco-list-row[aria-level="1"]`).first().click();
		await page.waitForFunction((view) => !!document.activeElement?.closest(view), PAPERS_VIEW);
	}

	it('in Restricted Mode the folder\'s own interests are not read (restrictedConfigurations): the user\'s "tracking" finds a match', async function () {
		if (MODE !== 'restricted') this.skip();
		await keysOnFirstDay();
		// pressed again until it acts (the binding's focusedView comes a moment after the keys, as below)
		const none = page.locator('.notification-toast', { hasText: 'No interests set' }).first();
		for (let tries = 1; ; tries++) {
			await page.keyboard.press('Control+Alt+M');
			const card = await findWebviewFrame(page, 'racking', 5_000).then(() => true, () => false);
			if (card) break;
			assert.ok(!(await none.isVisible()), 'the folder\'s empty interests were read in Restricted Mode');
			assert.ok(tries < 6, 'Ctrl+Alt+M in the Papers view opened no card on a match of "tracking"');
		}
		await shot(page, 'next-match-restricted-user-interests');
	});

	it('says no interests are set and opens Edit Interests from its button', async function () {
		// in Restricted Mode the folder's settings that say so are not read (the test above)
		if (MODE === 'restricted') this.skip();
		// its key in the Papers view (the palette offers the command only once the scan found digests)
		await keysOnFirstDay();
		// the key's binding asks for focusedView, which the workbench sets from the view's focus events a
		// moment after the keys arrive: pressed again until the message shows (a second press adds nothing)
		const toast = page.locator('.notification-toast', { hasText: 'No interests set' }).first();
		for (let tries = 1; ; tries++) {
			await page.keyboard.press('Control+Alt+M');
			const shown = await toast.waitFor({ timeout: 5_000 }).then(() => true, () => false);
			if (shown) break;
			assert.ok(tries < 6, 'Ctrl+Alt+M in the Papers view showed no message');
		}
		assert.match(await toast.innerText(), /No interests set, so no paper matches/);
		await shot(page, 'next-match-no-interests');
		await toast.getByRole('button', { name: 'Edit Interests…' }).click();
		await waitForQuickInputTitle(page, /Interests/);
		await page.keyboard.press('Escape');
	});
});
