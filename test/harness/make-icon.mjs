// Draws media/icon.png (128×128): a digest page with an arXiv-red bookmark and title bar,
// rendered from SVG by Debian's Chromium so the icon can be regenerated and reviewed as code.
// Usage: node test/harness/make-icon.mjs
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, REPO } from './lib.mjs';

const RED = '#B31B1B';
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
	<defs>
		<linearGradient id="paper" x1="0" y1="0" x2="0" y2="1">
			<stop offset="0" stop-color="#ffffff"/>
			<stop offset="1" stop-color="#f1f3f6"/>
		</linearGradient>
		<filter id="shadow" x="-20%" y="-20%" width="140%" height="140%">
			<feDropShadow dx="0" dy="2" stdDeviation="2.5" flood-color="#1b1f24" flood-opacity="0.28"/>
		</filter>
	</defs>
	<g filter="url(#shadow)">
		<path d="M24 6 H82 L108 32 V116 A6 6 0 0 1 102 122 H24 A6 6 0 0 1 18 116 V12 A6 6 0 0 1 24 6 Z" fill="url(#paper)" stroke="#c3c9d1" stroke-width="1.5"/>
	</g>
	<path d="M82 6 V26 A6 6 0 0 0 88 32 H108" fill="#e3e7ec" stroke="#c3c9d1" stroke-width="1.5" stroke-linejoin="round"/>
	<path d="M30 6 H46 V40 L38 33 L30 40 Z" fill="${RED}"/>
	<rect x="54" y="18" width="22" height="7" rx="3.5" fill="${RED}" opacity="0.9"/>
	<rect x="30" y="50" width="68" height="7" rx="3.5" fill="#3b4350"/>
	<rect x="30" y="63" width="54" height="7" rx="3.5" fill="#3b4350"/>
	<rect x="30" y="80" width="68" height="4" rx="2" fill="#aab2bd"/>
	<rect x="30" y="89" width="62" height="4" rx="2" fill="#aab2bd"/>
	<rect x="30" y="98" width="66" height="4" rx="2" fill="#aab2bd"/>
	<rect x="30" y="107" width="40" height="4" rx="2" fill="#aab2bd"/>
</svg>`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
	await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
	await page.screenshot({ path: join(REPO, 'media', 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
} finally {
	await browser.close();
}
