import * as assert from 'node:assert';
import { CARD_KEYS, cardKeySelector, parseCardState, parseWebviewMessage } from '../../src/core/card/protocol';
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
		// Escape in the card: the extension moves the keyboard focus (nothing else is taken from the message)
		assert.deepStrictEqual(parseWebviewMessage({ type: 'leave', to: 'anywhere' }), { type: 'leave' });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'focused', id: 'x' }), { type: 'focused' });
		// the keys in the note box or out of it: only a true or false is taken
		assert.deepStrictEqual(parseWebviewMessage({ type: 'typing', on: true }), { type: 'typing', on: true });
		assert.deepStrictEqual(parseWebviewMessage({ type: 'typing', on: false, id: 'x' }), { type: 'typing', on: false });
		assert.strictEqual(parseWebviewMessage({ type: 'typing', on: 'yes' }), undefined);
		assert.strictEqual(parseWebviewMessage({ type: 'typing' }), undefined);
		assert.deepStrictEqual(parseWebviewMessage({ type: 'saveNote', text: 'a', id: '2602.04994', base: '' }), { type: 'saveNote', text: 'a', id: '2602.04994', base: '' });
		// a malformed id or base: saved as the card's paper, without the conflict check's base
		assert.deepStrictEqual(parseWebviewMessage({ type: 'saveNote', text: 'a', id: 7, base: '' }), { type: 'saveNote', text: 'a' });
	});

	it('validates note drafts from the webview and in its saved state', () => {
		assert.deepStrictEqual(parseWebviewMessage({ type: 'noteDraft', id: '2602.04994', text: 'typed', base: '', extra: 1 }), { type: 'noteDraft', id: '2602.04994', text: 'typed', base: '' });
		assert.strictEqual(parseWebviewMessage({ type: 'noteDraft', id: '', text: 'typed', base: '' }), undefined);
		assert.strictEqual(parseWebviewMessage({ type: 'noteDraft', id: 'x', text: 'typed' }), undefined);
		assert.strictEqual(parseWebviewMessage({ type: 'noteDraft', id: 'x', text: 'x'.repeat(100_001), base: '' }), undefined);
		const draft = { id: 'x', text: 'typed', base: 'old' };
		assert.deepStrictEqual(parseCardState({ uri: 'file:///d.md', id: 'x', scrollY: 3, draft }), { uri: 'file:///d.md', id: 'x', scrollY: 3, draft });
		// a draft of another paper, or not a draft, is dropped
		assert.deepStrictEqual(parseCardState({ uri: 'file:///d.md', id: 'y', scrollY: 3, draft }), { uri: 'file:///d.md', id: 'y', scrollY: 3 });
		assert.deepStrictEqual(parseCardState({ uri: 'file:///d.md', id: 'x', scrollY: 3, draft: { id: 'x', text: 1 } }), { uri: 'file:///d.md', id: 'x', scrollY: 3 });
	});

	it('has a place for the note box\'s state beside Save Note, in the words given', () => {
		const html = renderCardHtml({ ...base, library: { starred: false, collections: [], tags: [], note: '' } });
		assert.match(html, /<span id="note-status" class="note-status" data-unsaved="Not saved yet" data-saved="Saved" data-empty="[^"]+" data-conflict="[^"]+" data-too-long="Not saved: a note has at most 20,000 characters\."><\/span>/);
		assert.match(html, /placeholder="[^"]*saved as you type[^"]*"/);
	});
});

describe('card keys: s stars, o opens the abstract page, ← / → page', () => {
	const none = { altKey: false, ctrlKey: false, metaKey: false, shiftKey: false };
	const library = { starred: false, collections: [], tags: [], note: '' };

	it('a key presses its button unless a modifier is held or the reader is typing', () => {
		assert.strictEqual(cardKeySelector({ key: 's', ...none }, false), CARD_KEYS.s);
		assert.strictEqual(cardKeySelector({ key: 'S', ...none }, false), CARD_KEYS.s, 'Caps Lock on');
		assert.strictEqual(cardKeySelector({ key: 'o', ...none }, false), CARD_KEYS.o);
		assert.strictEqual(cardKeySelector({ key: 'ArrowRight', ...none }, false), CARD_KEYS.ArrowRight);
		for (const modifier of ['altKey', 'ctrlKey', 'metaKey', 'shiftKey']) assert.strictEqual(cardKeySelector({ key: 's', ...none, [modifier]: true }, false), undefined, modifier);
		assert.strictEqual(cardKeySelector({ key: 's', ...none }, true), undefined, 'typing in the note box');
		assert.strictEqual(cardKeySelector({ key: 'ArrowLeft', ...none }, true), undefined, 'moving the caret in the note box');
		for (const key of ['r', 'x', 'Enter', 'toString', 'constructor']) assert.strictEqual(cardKeySelector({ key, ...none }, false), undefined, key);
	});

	/** the opening tags of the buttons of `html` a CARD_KEYS selector names (its data-action and data-kind) */
	const buttonsFor = (html: string, selector: string) =>
		selector.split(',').flatMap((one) => {
			const [, action, kind] = /data-action="(\w+)"\](?:\[data-kind="(\w+)"\])?/.exec(one) ?? [];
			return [...html.matchAll(/<button [^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes(`data-action="${action}"`) && (!kind || tag.includes(`data-kind="${kind}"`)));
		});

	it('each key\'s button is in the card and says its key in its tooltip and aria-keyshortcuts', () => {
		const html = renderCardHtml({ ...base, index: 1, library });
		const shortcuts: Record<string, [string, RegExp]> = { s: ['S', /title="Add to Starred \(S\)"/], o: ['O', /title="https:\/\/arxiv\.org\/abs\/2602\.04994 \(O\)"/], ArrowLeft: ['ArrowLeft', /\(←\)/], ArrowRight: ['ArrowRight', /\(→\)/] };
		assert.deepStrictEqual(Object.keys(CARD_KEYS).sort(), Object.keys(shortcuts).sort());
		for (const [key, [aria, title]] of Object.entries(shortcuts)) {
			const [tag, ...more] = buttonsFor(html, CARD_KEYS[key]);
			assert.ok(tag && more.length === 0, `${key}: one button`);
			assert.ok(tag.includes(`aria-keyshortcuts="${aria}"`), tag);
			assert.match(tag, title);
		}
		assert.match(renderCardHtml({ ...base, library: { ...library, starred: true } }), /title="Remove from Starred \(S\)" aria-keyshortcuts="S"/);
		const original = renderCardHtml({ ...base, paper: makePaper({ isArxiv: false, id: 'openreview-x', link: 'https://openreview.net/forum?id=x' }) });
		assert.match(buttonsFor(original, CARD_KEYS.o)[0] ?? '', /data-kind="original" title="https:\/\/openreview\.net\/forum\?id=x \(O\)" aria-keyshortcuts="O"/, 'o opens the digest\'s link of a paper not on arXiv');
	});
});
