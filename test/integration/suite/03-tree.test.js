'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, extensionApi, waitFor } = require('./helpers');

describe('papers tree (days → categories → papers)', () => {
	let provider;
	before(async () => {
		const api = await extensionApi();
		provider = api.tree && api.tree.provider;
		assert.ok(provider && typeof provider.getChildren === 'function', 'exports.tree.provider.getChildren is missing');
	});

	async function roots() {
		return waitFor('three days in the tree', async () => {
			const days = await provider.getChildren();
			return days && days.length === FIXTURE.days.length ? days : undefined;
		});
	}

	it('lists the days newest first', async () => {
		const days = await roots();
		assert.deepStrictEqual(days.map((d) => d.day), FIXTURE.days);
		const item = await provider.getTreeItem(days[0]);
		assert.ok(String(item.label && (item.label.label || item.label)).includes(FIXTURE.days[0]), 'the day item is labelled with its date');
		// its tooltip (the day, its count, its files) comes on hover
		assert.strictEqual(item.tooltip, undefined);
		const resolved = await provider.resolveTreeItem(item, days[0], new vscode.CancellationTokenSource().token);
		assert.match(String(resolved.tooltip), new RegExp(`${days[0].count} papers\\n.*${FIXTURE.days[0]}\\.md`));
	});

	it('shows the categories of a day in file order with their paper counts', async () => {
		const day = (await roots()).find((d) => d.day === '2026-02-06');
		const categories = await provider.getChildren(day);
		assert.deepStrictEqual(categories.map((c) => [c.name, c.papers.length]), FIXTURE.big.categories);
		const variant = (await roots()).find((d) => d.day === '2026-02-09');
		assert.deepStrictEqual((await provider.getChildren(variant)).map((c) => c.name), FIXTURE.variant.categories);
	});

	it('shows the papers of a category, and a paper item opens something', async () => {
		const day = (await roots()).find((d) => d.day === '2026-02-06');
		const [cv] = await provider.getChildren(day);
		const papers = await provider.getChildren(cv);
		assert.strictEqual(papers.length, FIXTURE.big.categories[0][1]);
		assert.deepStrictEqual(papers.slice(0, 3).map((p) => p.paper.id), [FIXTURE.big.first.id, FIXTURE.big.second.id, FIXTURE.big.third.id]);
		const item = await provider.getTreeItem(papers[0]);
		const label = String(item.label && (item.label.label || item.label));
		assert.ok(label.includes('SIDeR'), `paper label is "${label}"`);
		assert.strictEqual(item.contextValue, 'paper', 'the context menu keys on viewItem == paper');
		assert.ok(item.command && item.command.command, 'clicking a paper runs a command');
		assert.strictEqual(item.collapsibleState, 0, 'papers are leaves');
	});
});
