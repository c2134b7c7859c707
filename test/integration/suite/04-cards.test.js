'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, extensionApi, fixtureUri, paperIdOf, waitFor } = require('./helpers');

describe('paper cards', () => {
	let cards;
	before(async () => {
		cards = (await extensionApi()).cards;
		assert.ok(cards && cards.api && typeof cards.api.current === 'function', 'exports.cards.api.current is missing');
	});
	after(closeAllEditors);

	const currentId = () => paperIdOf(cards.api.current());

	it('opens a card for a paper reference', async () => {
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.big).toString(), id: FIXTURE.big.first.id });
		await waitFor('the card of the first paper', () => currentId() === FIXTURE.big.first.id);
		assert.strictEqual(cards.api.panelCount(), 1);
	});

	it('moves to the next and previous paper in the digest', async () => {
		await vscode.commands.executeCommand('arxivDigest.card.next');
		await waitFor('the second paper', () => currentId() === FIXTURE.big.second.id);
		await vscode.commands.executeCommand('arxivDigest.card.next');
		await waitFor('the third paper', () => currentId() === FIXTURE.big.third.id);
		await vscode.commands.executeCommand('arxivDigest.card.previous');
		await waitFor('back to the second paper', () => currentId() === FIXTURE.big.second.id);
		assert.strictEqual(cards.api.panelCount(), 1, 'navigating reuses the panel');
	});

	it('goes on to the next day past either end of a digest, as the Papers view lists the days', async () => {
		const [first, , last] = FIXTURE.variant.papers;
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.variant).toString(), id: last });
		await waitFor('the variant day\'s last paper', () => currentId() === last);
		// the days, newest first: 2026-02-24, 2026-02-09 (the variant), 2026-02-06 (big)
		await vscode.commands.executeCommand('arxivDigest.card.next');
		await waitFor('the first paper of the older day', () => currentId() === FIXTURE.big.first.id);
		await vscode.commands.executeCommand('arxivDigest.card.previous');
		await waitFor('back to the variant day\'s last paper', () => currentId() === last);
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.variant).toString(), id: first });
		await waitFor('the variant day\'s first paper', () => currentId() === first);
		await vscode.commands.executeCommand('arxivDigest.card.previous');
		const newer = fixtureUri(FIXTURE.files.second).toString();
		const newerPapers = (await extensionApi()).workspace.files().find((f) => f.uri.toString() === newer).digest.papers;
		assert.strictEqual(newerPapers.length, FIXTURE.second.papers);
		await waitFor('the last paper of the newer day', () => cards.api.current()?.uri === newer && currentId() === newerPapers[newerPapers.length - 1].id);
		assert.strictEqual(cards.api.panelCount(), 1);
	});

	it('reuses the panel for another paper by default', async () => {
		await vscode.commands.executeCommand('arxivDigest.openCard', { uri: fixtureUri(FIXTURE.files.variant).toString(), id: FIXTURE.variant.papers[0] });
		await waitFor('the variant paper card', () => currentId() === FIXTURE.variant.papers[0]);
		assert.strictEqual(cards.api.panelCount(), 1);
	});

	it('resolves a reference by id alone', async () => {
		await vscode.commands.executeCommand('arxivDigest.openCard', { id: FIXTURE.big.third.id });
		await waitFor('the card opened by id', () => currentId() === FIXTURE.big.third.id);
	});

	it('closing the panel leaves no card', async () => {
		await closeAllEditors();
		await waitFor('no card panels', () => cards.api.panelCount() === 0);
	});
});
