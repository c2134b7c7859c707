import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { MAX_MATH_CHARS, MAX_MATH_SPANS } from '../../src/core/card/markdown';
import { buildCardDocument, renderCardHtml } from '../../src/core/card/render';
import type { Paper } from '../../src/core/model';
import { makePaper } from './card-fixtures';

const PAYLOADS: string[] = JSON.parse(readFileSync('test/fixtures/payloads/xss.json', 'utf8'));

/** Elements the card renderer and markdown-it/KaTeX may legitimately produce. */
const ALLOWED_TAGS = new Set([
	'article', 'nav', 'header', 'aside', 'section', 'div', 'span', 'p', 'h1', 'h2', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
	'button', 'strong', 'em', 'code', 'pre', 'blockquote', 'br', 'hr', 'a', 'del', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
	'h3', 'h4', 'h5', 'h6',
	// the digest's own attribute-less inline tags (card markdown's SAFE_TAG)
	'b', 'i', 'small', 'sub', 'sup',
	// KaTeX's MathML
	'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot',
	'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mstyle', 'mpadded', 'mphantom', 'menclose', 'mglyph', 'svg', 'path', 'line',
]);

const ALLOWED_ATTRIBUTES = new Set([
	'class', 'type', 'title', 'disabled', 'href', 'rel', 'role', 'start', 'aria-label', 'aria-hidden', 'aria-keyshortcuts',
	// a long author list: its id, the hidden names and the control that shows them (fixed values)
	'id', 'hidden', 'aria-controls',
	// the author list is one Tab stop (a toolbar whose arrows move the tabindex 0 from name to name)
	'tabindex',
	'data-action', 'data-author', 'data-kind', 'data-what', 'data-paper-id', 'data-katex-style',
	'xmlns', 'encoding', 'display', 'mathvariant', 'stretchy', 'fence', 'separator', 'lspace', 'rspace', 'width', 'height', 'depth', 'voffset',
	'mathcolor', 'mathbackground', 'scriptlevel', 'displaystyle', 'columnalign', 'rowspacing', 'columnspacing', 'accent', 'accentunder',
	'minsize', 'maxsize', 'movablelimits', 'linethickness', 'notation', 'viewbox', 'preserveaspectratio', 'd', 'x1', 'x2', 'y1', 'y2', 'stroke-width',
]);

function decodeEntities(value: string): string {
	return value
		.replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
		.replace(/&(lt|gt|quot|apos|amp|colon|tab|newline);/gi, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', colon: ':', tab: '\t', newline: '\n' })[name.toLowerCase()] ?? '');
}

interface Tag {
	name: string;
	attributes: [string, string][];
}

/**
 * Every real tag in the output. Text `<` is escaped by the renderer, so any literal `<` must start a
 * tag; anything that does not parse as a well-formed tag fails the test.
 */
function tags(html: string): Tag[] {
	const out: Tag[] = [];
	const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*(\/?)>/y;
	let at = html.indexOf('<');
	while (at >= 0) {
		re.lastIndex = at;
		const m = re.exec(html);
		assert.ok(m, `malformed markup at ${JSON.stringify(html.slice(at, at + 80))}`);
		const attributes = [...m[3].matchAll(/\s+([^\s=]+)(?:="([^"]*)")?/g)].map((a): [string, string] => [a[1].toLowerCase(), decodeEntities(a[2] ?? '')]);
		if (!m[1]) out.push({ name: m[2].toLowerCase(), attributes });
		at = html.indexOf('<', re.lastIndex);
	}
	return out;
}

function assertInert(html: string, payload: string): void {
	const context = `payload ${JSON.stringify(payload)}`;
	for (const tag of tags(html)) {
		assert.ok(ALLOWED_TAGS.has(tag.name), `unexpected <${tag.name}> for ${context}`);
		for (const [name, value] of tag.attributes) {
			assert.ok(ALLOWED_ATTRIBUTES.has(name), `unexpected attribute ${name} on <${tag.name}> for ${context}`);
			assert.ok(!/^on/.test(name), `event handler ${name} for ${context}`);
			// title, aria-label and data-* hold escaped text the script only reads; every other value must not carry a scheme
			const textOnly = name === 'title' || name === 'aria-label' || name.startsWith('data-');
			if (!textOnly) assert.doesNotMatch(value.replace(/[\s\u0000-\u001f]/g, ''), /(javascript|vbscript|data|file|command):/i, `scheme in ${name}="${value}" for ${context}`);
			if (name === 'href') assert.match(value, /^(https?:\/\/|mailto:)/, `href ${value} for ${context}`);
			if (name === 'data-katex-style') assert.doesNotMatch(value, /url\(|expression|@import/i, `style ${value} for ${context}`);
		}
	}
	assert.doesNotMatch(html, /<(script|iframe|style|img|svg[\s>]|object|embed|link|meta|base|form|input|textarea|frame)/i, context);
}

function everywhere(payload: string): Paper {
	return makePaper({
		title: `T ${payload}`,
		translatedTitle: payload,
		authors: [payload, `A"B ${payload}`, 'Normal Name'],
		category: payload,
		section: payload,
		tldr: payload,
		motivation: `M ${payload}`,
		method: payload,
		result: payload,
		conclusion: payload,
		abstract: `Abstract with ${payload} inside`,
		extra: [{ label: payload, value: payload, range: { start: 1, end: 1 } }],
		id: payload,
		version: payload,
		isArxiv: true,
		link: payload,
	});
}

describe('card renderer against hostile digest text', () => {
	it('the payload corpus is loaded', () => {
		assert.ok(PAYLOADS.length >= 50);
	});

	for (const payload of PAYLOADS) {
		it(`renders inert: ${JSON.stringify(payload).slice(0, 70)}`, () => {
			const html = renderCardHtml({ paper: everywhere(payload), fileLabel: payload, appearances: [{ label: payload, current: true }], index: 0, total: 2 });
			assertInert(html, payload);
			// a long author list hides most names: hidden ones are escaped the same
			const many = { ...everywhere(payload), authors: Array.from({ length: 40 }, (_, i) => `${payload} ${i}`) };
			assertInert(renderCardHtml({ paper: many, fileLabel: payload, index: 0, total: 2 }), payload);
			// the whole document still has the single nonce'd script and nothing else that runs
			const doc = buildCardDocument({ cspSource: 'https://w.example', nonce: 'abcdefghijklmnopqrstuv', scriptUri: 'https://w.example/card.js', styleUris: [], body: html });
			assert.strictEqual(doc.match(/<script/gi)?.length, 1);
		});
	}

	it('keeps the payload visible as text', () => {
		const html = renderCardHtml({ paper: makePaper({ title: '<script>alert(1)</script> & "quotes"' }), fileLabel: 'x', index: 0, total: 1 });
		assert.ok(html.includes('<h1 class="title">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</h1>'), html.slice(0, 600));
	});

	it('keeps attribute-breaking quotes in author names inside the attribute', () => {
		const html = renderCardHtml({ paper: makePaper({ authors: ['x" onclick="alert(1)', "y' onfocus='alert(1)"] }), fileLabel: 'x', index: 0, total: 1 });
		assert.ok(html.includes('data-author="x&quot; onclick=&quot;alert(1)"'));
		assert.ok(html.includes('data-author="y&#39; onfocus=&#39;alert(1)"'));
		for (const tag of tags(html)) for (const [name] of tag.attributes) assert.ok(!name.startsWith('on'), name);
	});

	it('drops javascript: links from markdown but keeps their text', () => {
		const html = renderCardHtml({ paper: makePaper({ tldr: 'see [click](javascript:alert(1)) and [ok](https://example.com)' }), fileLabel: 'x', index: 0, total: 1 });
		assert.ok(html.includes('[click](javascript:alert(1))'));
		assert.match(html, /<a href="https:\/\/example\.com" class="external-link"[^>]*>ok<\/a>/);
	});

	it('typesets at most MAX_MATH_SPANS math spans a card, the rest as their TeX: a hostile abstract stays a bounded card', () => {
		// a security review's: `$x$ ` × 100,000 made 40 MB of HTML in 5.6 s on the extension host
		const abstract = '$x^2$ '.repeat(20_000);
		const started = performance.now();
		const html = renderCardHtml({ paper: makePaper({ abstract }), fileLabel: 'x', index: 0, total: 1 });
		const ms = performance.now() - started;
		assert.ok(html.length < 10 * abstract.length, `${abstract.length} characters of abstract became ${html.length} of HTML in ${ms.toFixed(0)} ms`);
		assert.strictEqual(html.match(/class="katex"/g)?.length, MAX_MATH_SPANS);
		assert.ok(html.includes('$x^2$'), 'the spans past the budget as their TeX');
		// few long spans as many short ones (a review of the first version: 200 spans of `x^{2}` × 400, 40 MB in 4.2 s)
		const long = Array.from({ length: 200 }, () => `$${'x^{2}'.repeat(400)}$`).join(' ');
		const longHtml = renderCardHtml({ paper: makePaper({ abstract: long }), fileLabel: 'x', index: 0, total: 1 });
		assert.ok(longHtml.length < 10 * long.length, `${long.length} characters of abstract became ${longHtml.length} of HTML`);
		assert.ok((longHtml.match(/class="katex"/g)?.length ?? 0) <= Math.ceil(MAX_MATH_CHARS / 2000));
		// a real abstract's math is typeset whole
		const real = renderCardHtml({ paper: makePaper({ abstract: 'a $\\mathbb{F}_2$ code and $\\frac{a}{b}$, \\(x\\) and \\[y\\]' }), fileLabel: 'x', index: 0, total: 1 });
		assert.strictEqual(real.match(/class="katex"/g)?.length, 4);
	});
});
