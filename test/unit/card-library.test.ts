import * as assert from 'node:assert';
import { parseWebviewMessage } from '../../src/core/card/protocol';
import { renderCardHtml } from '../../src/core/card/render';
import { makePaper } from './card-fixtures';

const base = { paper: makePaper(), fileLabel: '2026-02-06', index: 0, total: 3 };

describe('card: the reader\'s library', () => {
	it('has no library controls without library state', () => {
		const html = renderCardHtml(base);
		assert.ok(!html.includes('data-action="toggleStar"'));
		assert.ok(!html.includes('note-input'));
	});

	it('shows the star state, collections, tags and the note with its editor', () => {
		const html = renderCardHtml({ ...base, library: { starred: true, collections: ['Starred', 'Robotics'], tags: ['rl'], note: 'Compare **baseline**' } });
		assert.match(html, /data-action="toggleStar"[^>]*data-starred="true"[^>]*>.*Starred/);
		// its label says the state: aria-pressed as well made a screen reader say "Starred, toggle button, pressed"
		assert.doesNotMatch(html, /aria-pressed/);
		assert.match(html, /<span class="badge">Robotics<\/span>/);
		assert.match(html, /<span class="badge">#rl<\/span>/);
		assert.match(html, /<strong>baseline<\/strong>/, 'the note is rendered as Markdown');
		assert.match(html, /<textarea id="note-input"[^>]*>Compare \*\*baseline\*\*<\/textarea>/);
		assert.match(renderCardHtml({ ...base, library: { starred: false, collections: [], tags: [], note: '' } }), /data-starred="false"[^>]*>.*☆.*Star</);
	});

	it('a hostile note cannot leave the textarea or inject markup', () => {
		const note = '</textarea><script>alert(1)</script><img src=x onerror=alert(2)>';
		const html = renderCardHtml({ ...base, library: { starred: false, collections: ['<b>x</b>'], tags: [], note } });
		assert.ok(!html.includes('<script>'));
		assert.ok(!html.includes('<img'));
		assert.ok(!html.includes('<b>x</b>'));
		assert.strictEqual(html.split('</textarea>').length, 2, 'one textarea end only');
	});

	it('validates library messages from the webview', () => {
		assert.deepStrictEqual(parseWebviewMessage({ type: 'toggleStar', extra: 1 }), { type: 'toggleStar' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'saveNote', text: '' }), { type: 'saveNote', text: '' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'saveNote', text: '好' }), { type: 'saveNote', text: '好' });
		assert.strictEqual(parseWebviewMessage({ type: 'saveNote' }), undefined);
		assert.strictEqual(parseWebviewMessage({ type: 'saveNote', text: 'x'.repeat(100_001) }), undefined);
		assert.deepStrictEqual(parseWebviewMessage({ type: 'editTags' }), { type: 'editTags' });
	});
});
