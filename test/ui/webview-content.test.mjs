// Hostile content and link clicks in a real card webview. A digest of payloads
// (test/fixtures/payloads/xss.json, plus RTL/homoglyph tricks and a 200 KB abstract) is written into
// the workspace; its card is paged through while the webview's document reports every
// `securitypolicyviolation`, a local HTTP listener records every request that reaches it, and the
// payloads' script would set a global. Positive controls prove each of those listeners fires.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODE, findWebviewFrame, frameText, workbenchSession, runCommand, shot, waitForQuickInputFocus, waitForQuickInputTitle } from './workbench.mjs';

const PAYLOADS = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/payloads/xss.json', import.meta.url)), 'utf8'));
const EXTRA = [
	'\u202Etxt.exe — RTL override',
	'[https://arxiv.org/abs/2602.04994](https://аrxiv.org/abs/2602.04994)',
	'<a href="https://аrxiv.org">аrxiv.org</a>',
	'<style>@import url(//EVIL/css);</style>',
	'<div style="background:url(//EVIL/bg.png)">bg</div>',
	'$\\htmlStyle{background-image:url(//EVIL/k.png)}{k}$',
];
const DAY = '2031-01-01';
const PER_PAPER = 8;
const CONTROL_ID = '3101.00001';
/** display math wider than any card: its box scrolls sideways */
const WIDE_SUM = Array.from({ length: 90 }, (_, i) => `x_{${i}}`).join(' + ');

/** A request listener on 127.0.0.1: every path that reaches it, in order. */
async function startListener() {
	const hits = [];
	const server = createServer((req, res) => {
		hits.push(req.url);
		res.writeHead(200, { 'content-type': 'text/html' });
		res.end('<!doctype html><title>listener</title>ok');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { port: server.address().port, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Payloads aimed at the listener (loads) and at a global (script). */
function arm(payload, origin) {
	return payload
		.replaceAll('//evil.example', `//${origin}`)
		.replaceAll('https://evil.example', `http://${origin}`)
		.replaceAll('EVIL', origin)
		.replaceAll('alert(1)', 'alert(1),top.__pwned=window.__pwned=1');
}

function paperBlock(n, id, title, tldr, abstract) {
	return [
		`### [${n}] [${title}](https://arxiv.org/abs/${id})`,
		'*Hostile Author, Second Author* | **Main category: cs.CR**',
		'',
		`> **TL;DR:** ${tldr}`,
		'',
		'<details>',
		'  <summary>Details</summary>',
		'',
		`**Motivation:** ${tldr}`,
		'',
		`**Abstract:** ${abstract}`,
		'',
		'</details>',
		'',
		'---',
		'',
	].join('\n');
}

/** The digest: a clean control paper with two local links, then the payloads, then a 200 KB abstract. */
function hostileDigest(origin) {
	const armed = [...PAYLOADS, ...EXTRA].map((p) => arm(p, origin));
	const papers = [];
	papers.push({
		title: 'Hostile corpus control paper',
		tldr: 'A clean paper whose abstract has two links.',
		abstract: `Open [one click](http://${origin}/one-click) or the [sentinel](http://${origin}/sentinel). A sum wider than the card: $$${WIDE_SUM}$$ ends here.`,
	});
	for (let i = 0; i < armed.length; i += PER_PAPER) {
		const group = armed.slice(i, i + PER_PAPER);
		papers.push({
			title: `Hostile corpus part ${String(papers.length).padStart(2, '0')} — ${group[0].replace(/[[\]()\n\r]/g, ' ').slice(0, 60)}`,
			tldr: group[0].replace(/\n/g, ' '),
			abstract: group.join('\n\n'),
		});
	}
	const big = `${armed.slice(0, 10).join(' ')} `.repeat(Math.ceil(200_000 / armed.slice(0, 10).join(' ').length));
	papers.push({ title: 'Hostile corpus last: a 200 KB abstract', tldr: 'Very long.', abstract: big });
	const body = papers.map((p, i) => paperBlock(i + 1, `3101.${String(i + 1).padStart(5, '0')}`, p.title, p.tldr, p.abstract)).join('\n');
	// what identifies each card: the title up to the payload
	return { text: `<div id=toc></div>\n\n# ${DAY}\n\n## cs.CR\n\n${body}`, titles: papers.map((p) => p.title.split(' — ')[0]) };
}

describe(`hostile content and links in a real card (${MODE === 'restricted' ? 'Restricted Mode' : 'trusted workspace'})`, function () {
	let page;
	let listener;
	let file;
	let digest;
	let frame;
	const popups = [];

	before(async () => {
		const workspace = process.env.E2E_WORKSPACE;
		assert.ok(workspace, 'E2E_WORKSPACE is set by the harness');
		listener = await startListener();
		digest = hostileDigest(`127.0.0.1:${listener.port}`);
		file = join(workspace, 'data', `${DAY}.md`);
		writeFileSync(file, digest.text);
	});

	// mocha runs before and after hooks in the order they are registered: the digest is written
	// before the workbench opens, the listener closed and the digest removed after it closes
	const session = workbenchSession({
		failedShot: 'FAILED-webview',
		opened: (opened) => {
			page = opened;
			page.context().on('page', (p) => popups.push(p));
		},
	});

	after(async () => {
		await listener?.close();
		if (file) rmSync(file, { force: true });
	});

	it('opens the hostile digest\'s card', async () => {
		await runCommand(page, 'arXiv Digest: Open Paper Card by arXiv ID…');
		await waitForQuickInputTitle(page, /Open Paper Card/);
		// the input box replaces the palette: type once it has the keys
		await waitForQuickInputFocus(page);
		await page.keyboard.type(CONTROL_ID);
		await page.keyboard.press('Enter');
		frame = await findWebviewFrame(page, digest.titles[0], 60_000);
		// the listeners live in the card's document, which stays while the card re-renders
		await frame.evaluate(() => {
			window.__violations = [];
			document.addEventListener('securitypolicyviolation', (e) => {
				window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`.trim());
			});
		});
	});

	it('positive controls: the violation listener, the request listener and the global check all fire', async () => {
		const origin = `127.0.0.1:${listener.port}`;
		// an image and an inline script injected past the renderer: the card's CSP blocks both, and says so
		await frame.evaluate((o) => {
			const img = document.createElement('img');
			img.src = `http://${o}/control-img`;
			document.body.append(img);
			const script = document.createElement('script');
			script.textContent = 'window.__pwned = 1;';
			document.body.append(script);
		}, origin);
		await frame.waitForFunction(() => window.__violations.length >= 2, undefined, { timeout: 10_000 }).catch(async () => {
			throw new Error(`the CSP listener saw ${JSON.stringify(await frame.evaluate(() => window.__violations))}`);
		});
		const seen = await frame.evaluate(() => window.__violations.splice(0));
		assert.ok(seen.some((v) => v.startsWith('img-src') && v.includes('control-img')), `img violation: ${seen.join(' | ')}`);
		assert.ok(seen.some((v) => v.startsWith('script-src')), `script violation: ${seen.join(' | ')}`);
		assert.ok(!listener.hits.includes('/control-img'), 'the blocked image never reached the listener');
		// the global check reads what a script in the card's window would set
		await frame.evaluate(() => { window.__control = 1; });
		assert.equal(await frame.evaluate(() => window.__control), 1);
		assert.equal(await frame.evaluate(() => window.__pwned), undefined, 'the blocked inline script did not run');
		// the listener answers the browser
		const probe = await session.browser.newPage();
		await probe.goto(`http://${origin}/control-request`);
		await probe.close();
		assert.ok(listener.hits.includes('/control-request'), `listener hits: ${listener.hits.join(' ')}`);
		listener.hits.length = 0;
		popups.length = 0;
	});

	it('←/→ on a wide equation scroll it sideways and leave the card on its paper', async () => {
		const box = '#card .katex-display';
		assert.ok(await frame.evaluate((b) => { const e = document.querySelector(b); return e !== null && e.scrollWidth > e.clientWidth; }, box), 'the sum is wider than its box');
		// as Tab puts the keys on a box that scrolls
		await frame.evaluate((b) => { const e = document.querySelector(b); e.tabIndex = -1; e.focus(); }, box);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await frame.waitForFunction((b) => document.querySelector(b)?.scrollLeft > 0, box, { timeout: 10_000 });
		assert.equal(await frame.evaluate(() => document.querySelector('h1')?.textContent.trim()), digest.titles[0], 'still the control paper');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		await frame.waitForFunction((b) => document.querySelector(b)?.scrollLeft === 0, box, { timeout: 10_000 });
		assert.equal(await frame.evaluate(() => document.querySelector('h1')?.textContent.trim()), digest.titles[0], 'still the control paper');
	});

	it('one click on a link in the card opens it once', async () => {
		// the workbench opens a link in a new tab, whose load is the listener's request: the request can
		// reach the listener before the browser reports the tab, so a link has opened once its tab is seen
		const tabsOf = (path) => popups.filter((p) => p.url().includes(path)).length;
		const waitOpened = async (path) => {
			const started = Date.now();
			while (tabsOf(path) === 0 && Date.now() - started < 20_000) await page.waitForTimeout(100);
			assert.ok(tabsOf(path) > 0, `clicking the ${path} link opened no tab (hits: ${listener.hits.join(' ')}; tabs: ${popups.map((p) => p.url()).join(' ')})`);
		};
		await frame.click('a[href$="/one-click"]');
		await waitOpened('/one-click');
		// a second, different link: once it has opened, a duplicate of the first (50 ms behind) would have too
		await frame.click('a[href$="/sentinel"]');
		await waitOpened('/sentinel');
		const tabs = popups.filter((p) => p.url().includes('/one-click')).length;
		const requests = listener.hits.filter((h) => h === '/one-click').length;
		assert.ok(tabs <= 1 && requests <= 1, `one click opened /one-click ${tabs} time(s) as a tab and ${requests} time(s) as a request`);
		for (const p of popups) await p.close().catch(() => {});
		await shot(page, 'card-link-opened-once');
	});

	it('every payload is shown as text: nothing runs, nothing loads, no CSP violation', async () => {
		listener.hits.length = 0;
		popups.length = 0;
		for (let i = 1; i < digest.titles.length; i++) {
			await frame.click('button[data-action="next"]');
			const title = digest.titles[i];
			frame = await findWebviewFrame(page, title, 30_000);
			// let the card's fonts and any load a payload could start happen before looking
			await frame.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
			if (i === 1) await shot(page, 'card-hostile-payloads');
		}
		const text = await frameText(frame);
		assert.ok(text.length > 150_000, `the 200 KB abstract is shown (${text.length} characters)`);
		const violations = await frame.evaluate(() => window.__violations);
		const pwned = await frame.evaluate(() => window.__pwned);
		const topPwned = await page.evaluate(() => window.__pwned);
		assert.deepEqual(violations, [], 'no CSP violation while rendering payloads');
		assert.equal(pwned ?? topPwned, undefined, 'no payload script ran');
		assert.deepEqual(listener.hits, [], 'no payload made a request');
		assert.deepEqual(popups.map((p) => p.url()), [], 'no payload opened a window');
	});

	it('the first payload group is visible as text in the card', async () => {
		// back to part 1 and compare the text: raw tags are shown, not parsed
		for (let i = digest.titles.length - 1; i > 1; i--) {
			await frame.click('button[data-action="previous"]');
			frame = await findWebviewFrame(page, digest.titles[i - 1], 30_000);
		}
		const text = await frameText(frame);
		assert.ok(text.includes('<script>alert(1)'), 'the <script> payload is shown as text');
		assert.ok(text.includes('<img src=x onerror='), 'the <img onerror> payload is shown as text');
		assert.equal(await frame.evaluate(() => document.querySelectorAll('#card script, #card img, #card iframe, #card svg[onload]').length), 0, 'no payload element exists');
	});
});
