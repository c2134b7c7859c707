// The Statistics webview in the real workbench: its charts render from the fixture's three days
// (screenshots in dark and light themes), a term draws its papers per day, and a click on a bar of
// the stacked chart opens Search Papers filtered to that category and day.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findWebviewFrame, workbenchSession, quickPickRows, runCommand, shot, waitForFirstRow, waitForQuickInputTitle } from './workbench.mjs';

const FIXTURE = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/e2e/fixture.json', import.meta.url)), 'utf8'));
const QUICK_INPUT = '.quick-input-widget .quick-input-box input';

describe('Statistics view', function () {
	let page;
	let frame;

	/** console lines of any frame that report a blocked resource, style or script */
	const violations = [];

	workbenchSession({
		failedShot: 'FAILED-stats',
		opened: (opened) => {
			page = opened;
			page.on('console', (message) => {
				if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
			});
		},
	});

	const themeKind = () => frame.evaluate(() => (document.body.classList.contains('vscode-dark') ? 'dark' : document.body.classList.contains('vscode-light') ? 'light' : 'high-contrast'));

	/** the rows of one table of the view: [first cell, other cells…] as text */
	const tableRows = (id) => frame.evaluate((tableId) => [...document.querySelectorAll(`#${tableId}-table tbody tr`)].map((tr) => [...tr.children].map((c) => c.textContent.trim())), id);

	it('renders papers per day by category and the top terms and authors of the range', async () => {
		await runCommand(page, 'arXiv Digest: Show Statistics');
		frame = await findWebviewFrame(page, 'Papers per day');
		await frame.waitForSelector('#papers-canvas[data-ready="true"]', { state: 'attached', timeout: 30_000 });
		// one heading for screen readers, the panel's title, before the charts' own (h2)
		assert.deepEqual(await frame.evaluate(() => [...document.querySelectorAll('h1')].map((h) => h.textContent)), ['arXiv Digest Statistics']);
		const days = [...FIXTURE.days].sort();
		const rows = await tableRows('papers');
		assert.deepEqual(rows.map((r) => r[0]), days, 'one row per listing day, oldest first');
		const big = rows[days.indexOf('2026-02-06')];
		assert.equal(Number(big[1]), FIXTURE.big.papers, `papers of 2026-02-06: ${big.join(' | ')}`);
		// the whole range: the top terms are counted once every field is indexed; until then each list says so
		await frame.evaluate(() => {
			window.__countingSeen = [];
			const observer = new MutationObserver(() => {
				for (const id of ['terms', 'authors']) {
					const section = document.getElementById(id);
					if (section?.getAttribute('aria-busy') === 'true') window.__countingSeen.push(`${id}: ${document.getElementById(`${id}-status`)?.textContent}`);
				}
			});
			observer.observe(document.getElementById('stats'), { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
			window.__countingObserver = observer;
		});
		await frame.selectOption('#range', 'all');
		// the lists of the last 30 days stay until the whole range's come; then neither is busy
		await frame.waitForFunction(() => !document.querySelector('#terms[aria-busy], #authors[aria-busy]'), undefined, { timeout: 60_000 });
		await frame.waitForSelector('#terms-canvas[data-ready="true"]', { state: 'attached', timeout: 60_000 });
		await frame.waitForFunction(() => document.querySelectorAll('#authors-table tbody tr').length > 0, undefined, { timeout: 30_000 });
		const counting = await frame.evaluate(() => {
			window.__countingObserver.disconnect();
			return {
				seen: [...new Set(window.__countingSeen)],
				busy: ['terms', 'authors'].map((id) => document.getElementById(id).getAttribute('aria-busy')),
				status: ['terms', 'authors'].map((id) => document.getElementById(`${id}-status`).textContent),
				role: document.getElementById('terms-status').getAttribute('role'),
			};
		});
		assert.deepEqual(counting.seen.filter((s) => s.endsWith('…')).sort(), ["authors: Counting the range's authors…", "terms: Counting the range's terms…"], JSON.stringify(counting.seen));
		assert.deepEqual({ busy: counting.busy, status: counting.status, role: counting.role }, { busy: [null, null], status: ['', ''], role: 'status' }, 'answered: no longer busy');
		const terms = await tableRows('terms');
		assert.ok(terms.length >= 10, `top terms: ${terms.map((r) => r.join(' ')).join(', ')}`);
		assert.ok(!terms.some(([term]) => ['the', 'we', 'propose', 'paper'].includes(term)), 'no function words or boilerplate among the top terms');
		const counts = terms.map((r) => Number(r[1]));
		assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most papers first');
		// every day: nothing before it, so the range's later days against its earlier one, and the status says so
		const rising = await frame.waitForFunction(() => {
			const text = document.getElementById('rising-status')?.textContent ?? '';
			return /2026-02-06 – 2026-02-06/.test(text) && text;
		}, undefined, { timeout: 30_000 });
		assert.match(await rising.jsonValue(), /^The range starts at the first digest, so its last days, 2026-02-09 – 2026-02-24, are compared with the days before them in it\. .*the 166 papers of 2026-02-06 – 2026-02-06/);
		const drawn = await frame.evaluate(() => {
			const canvas = document.getElementById('papers-canvas');
			const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
			let painted = 0;
			for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
			return { painted, width: canvas.width };
		});
		assert.ok(drawn.width > 100 && drawn.painted > 1000, `the stacked chart is painted: ${JSON.stringify(drawn)}`);
		await shot(page, `statistics-${await themeKind()}`);
		// Chart.js draws under the card's CSP: no inline style or script of its was refused …
		assert.deepEqual(violations, [], 'no CSP violation reported');
		// … and a refusal in this webview would have been seen (positive control: an inline style attribute)
		await frame.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="csp-control" style="color: red">control</p>'));
		const deadline = Date.now() + 10_000;
		while (violations.length === 0 && Date.now() < deadline) await page.waitForEvent('console', { timeout: deadline - Date.now() }).catch(() => {});
		assert.ok(violations.some((v) => /inline style/i.test(v)), `the control's inline style was refused and reported: ${violations.join(' | ')}`);
		await frame.evaluate(() => document.getElementById('csp-control')?.remove());
	});

	it('draws a term per listing day', async () => {
		await frame.fill('#term-input', 'privacy');
		await frame.press('#term-input', 'Enter');
		await frame.waitForSelector('#term-canvas[data-ready="true"]', { state: 'attached', timeout: 30_000 });
		const rows = await tableRows('term');
		assert.deepEqual(rows.map((r) => r[0]), [...FIXTURE.days].sort());
		assert.ok(rows.some((r) => Number(r[1]) > 0), `papers with "privacy" per day: ${rows.map((r) => r.join(' ')).join(', ')}`);
		// the share of each day's papers: 5 of the 166 papers of 2026-02-06
		const big = rows.find((r) => r[0] === '2026-02-06');
		assert.equal(big[2], (Math.round((Number(big[1]) / FIXTURE.big.papers) * 1000) / 10).toFixed(1), `the day's share: ${big.join(' | ')}`);
		await frame.check('#term-share');
		await frame.waitForFunction(() => /privacy \(% of the day's papers\)$/.test(document.getElementById('term-canvas').getAttribute('aria-label')), undefined, { timeout: 10_000 });
		await frame.uncheck('#term-share');
		await frame.waitForFunction(() => /: privacy$/.test(document.getElementById('term-canvas').getAttribute('aria-label')), undefined, { timeout: 10_000 });
		await frame.check('#show-tables');
		await frame.waitForFunction(() => document.querySelector('#term-table table')?.getBoundingClientRect().height > 20, undefined, { timeout: 10_000 });
		// the other kind of theme (light ↔ dark): the view reads the theme's colours again when the body's class changes
		const before = await themeKind();
		await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
		await frame.waitForFunction((kind) => !document.body.classList.contains(`vscode-${kind}`), before, { timeout: 20_000 });
		await frame.locator('#term-input').scrollIntoViewIfNeeded();
		await shot(page, `statistics-${await themeKind()}-tables`);
		await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
		await frame.waitForFunction((kind) => document.body.classList.contains(`vscode-${kind}`), before, { timeout: 20_000 });
		await frame.uncheck('#show-tables');
		await frame.locator('#papers').scrollIntoViewIfNeeded();
	});

	it('a click on a bar opens Search Papers filtered to its category and day', async () => {
		const { bars, category, days } = await frame.evaluate(() => ({
			bars: JSON.parse(document.getElementById('papers-canvas').dataset.bars),
			category: document.querySelector('#papers-table thead th:nth-child(3)').textContent.trim(),
			days: [...document.querySelectorAll('#papers-table tbody tr th')].map((th) => th.textContent.trim()),
		}));
		const day = '2026-02-06';
		const [x, y] = bars[days.indexOf(day)];
		await frame.locator('#papers-canvas').click({ position: { x, y } });
		await waitForQuickInputTitle(page, /Search Papers/);
		assert.equal(await page.inputValue(QUICK_INPUT), `cat:${category} day:${day}`);
		await waitForFirstRow(page, (row) => row.length > 0, 'a result of the filtered search');
		const results = await quickPickRows(page);
		assert.ok(results.length > 0, 'the filtered search has results');
		await shot(page, 'statistics-bar-search');
		await page.keyboard.press('Escape');
	});

	it('finds the rising terms of a range against as many listing days before it', async () => {
		await frame.selectOption('#range', 'custom');
		await frame.fill('#range-from', '2026-02-09');
		await frame.fill('#range-to', '2026-02-24');
		await frame.click('#range-apply');
		// the two days of the range against the one listing day before them (the first, 166 papers); all
		// days compared the same two days with it, as the later half of the range: not that answer again
		const status = await frame.waitForFunction(() => {
			const text = document.getElementById('rising-status')?.textContent ?? '';
			return /2026-02-06 – 2026-02-06/.test(text) && !text.includes('first digest') && text;
		}, undefined, { timeout: 30_000 });
		const text = await status.jsonValue();
		assert.match(text, /the 166 papers of 2026-02-06 – 2026-02-06/);
		// the range's status says how much of the folder it holds (a folder of June days and one stray
		// September file read "Last 30 days: 14 papers listed in the range" and no more)
		await frame.waitForFunction(() => /^2026-02-09 – 2026-02-24: 82 papers listed in the range, on 2 of the folder's [3-9] listing days$/.test(document.getElementById('range-status')?.textContent ?? ''), undefined, { timeout: 30_000 }).catch(async (err) => {
			throw new Error(`the range's status: ${await frame.evaluate(() => document.getElementById('range-status')?.textContent)}: ${err.message}`);
		});
		const rows = await tableRows('rising');
		// 82 papers against 166 may show no rise beyond chance; each term listed rose in share
		// term, papers, share, papers before, share before, change
		for (const [term, papers, , before] of rows) assert.ok(Number(papers) / 82 > Number(before) / 166, `${term}: ${papers} against ${before}`);
		assert.equal(await frame.evaluate(() => document.querySelector('[data-chart="rising"]').hidden), rows.length === 0, 'the chart shows when there are terms');
		await frame.locator('#rising').scrollIntoViewIfNeeded();
		await shot(page, 'statistics-rising');
		await frame.selectOption('#range', 'last30');
	});

	it('a date not taken is marked on its box and said; each table is one Tab stop, the arrows go down its rows', async () => {
		await frame.selectOption('#range', 'custom');
		await frame.fill('#range-from', '2026-13-01');
		await frame.fill('#range-to', '2026-02-24');
		await frame.press('#range-from', 'Enter');
		await frame.waitForFunction(() => /2026-13-01/.test(document.getElementById('range-status')?.textContent ?? '') && document.getElementById('range-from')?.getAttribute('aria-invalid') === 'true', undefined, { timeout: 30_000 });
		assert.equal(await frame.evaluate(() => document.getElementById('range-status').getAttribute('role')), 'status', 'the range\'s line is a live region');
		assert.equal(await frame.evaluate(() => document.getElementById('range-from').getAttribute('aria-describedby')), 'range-status');
		await frame.fill('#range-from', '2026-02-06');
		await frame.press('#range-from', 'Enter');
		await frame.waitForFunction(() => !document.getElementById('range-from')?.hasAttribute('aria-invalid') && /papers/.test(document.getElementById('range-status')?.textContent ?? ''), undefined, { timeout: 30_000 });
		await frame.selectOption('#range', 'last30');
		// the days' table: a button a day, one of them in the Tab order
		const stops = await frame.evaluate(() => [...document.querySelectorAll('#papers-table tbody button')].map((b) => b.tabIndex));
		assert.ok(stops.length >= 3, `a button a day: ${stops}`);
		assert.deepStrictEqual(stops.filter((t) => t === 0).length, 1, `one Tab stop: ${stops}`);
		await frame.focus('#papers-table tbody button[tabindex="0"]');
		const first = await frame.evaluate(() => document.activeElement.textContent);
		await frame.press('#papers-table tbody button[tabindex="0"]', 'ArrowDown');
		const moved = await frame.evaluate(() => ({ text: document.activeElement.textContent, stop: document.activeElement.tabIndex }));
		assert.notEqual(moved.text, first, 'ArrowDown went to the next row');
		assert.equal(moved.stop, 0, 'and made it the Tab stop');
	});
});
