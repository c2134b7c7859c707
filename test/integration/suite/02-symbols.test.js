'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { FIXTURE, closeAllEditors, fixtureUri, openFixture, waitFor } = require('./helpers');

describe('outline, workspace symbols and folding', () => {
	before(() => openFixture(FIXTURE.files.big, 'arxiv-digest'));
	after(closeAllEditors);

	it('document symbols are categories → papers', async () => {
		const uri = fixtureUri(FIXTURE.files.big);
		const symbols = await waitFor('document symbols', async () => {
			const s = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
			return s && s.length ? s : undefined;
		});
		const categories = symbols.filter((s) => s.children && s.children.length);
		assert.deepStrictEqual(
			categories.map((c) => [c.name, c.children.length]),
			FIXTURE.big.categories,
		);
		const first = categories[0].children[0];
		assert.ok(first.name.includes(FIXTURE.big.first.title), `first paper symbol is "${first.name}"`);
		assert.strictEqual(first.selectionRange.start.line, FIXTURE.big.first.headingLine);
		assert.ok(categories[0].range.contains(first.range), 'a category contains its papers');
	});

	it('workspace symbols find a paper by a title word', async () => {
		const found = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'UniTrack');
		// ours are classes: the built-in Markdown features' (headings, strings) may still list a copy of the
		// digest a test opened as Markdown and deleted (in the browser, after files.associations changed)
		const hit = found.find((s) => s.name.includes('UniTrack') && s.kind === vscode.SymbolKind.Class);
		assert.ok(hit, `no UniTrack in ${found.map((s) => s.name).slice(0, 5).join(' | ')}`);
		assert.ok(hit.location.uri.path.endsWith(FIXTURE.files.big), hit.location.uri.path);
		assert.strictEqual(hit.location.range.start.line, FIXTURE.big.second.headingLine);
	});

	it('workspace symbols find a paper by its arXiv id, in any digest', async () => {
		for (const [id, file] of [[FIXTURE.big.second.id, FIXTURE.files.big], [FIXTURE.variant.papers[0], FIXTURE.files.variant]]) {
			const found = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', id);
			const hit = found.find((s) => s.location.uri.path.endsWith(file));
			assert.ok(hit, `id ${id} not found in ${file}: ${found.map((s) => s.name).slice(0, 5).join(' | ')}`);
		}
	});

	it('folding ranges cover each paper and its <details> block', async () => {
		const uri = fixtureUri(FIXTURE.files.big);
		const doc = await vscode.workspace.openTextDocument(uri);
		const lines = doc.getText().split(/\r?\n/);
		const heading = FIXTURE.big.first.headingLine;
		const detailsStart = lines.findIndex((l, i) => i > heading && l.trim() === '<details>');
		const detailsEnd = lines.findIndex((l, i) => i > detailsStart && l.trim() === '</details>');
		const nextHeading = FIXTURE.big.second.headingLine;
		const ranges = await waitFor('folding ranges', async () => {
			const r = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
			return r && r.length ? r : undefined;
		});
		const paper = ranges.find((r) => r.start === heading);
		assert.ok(paper, `no folding range starts at the first paper heading (line ${heading})`);
		assert.ok(paper.end >= detailsEnd && paper.end < nextHeading, `paper range ${paper.start}-${paper.end} should end between ${detailsEnd} and ${nextHeading}`);
		const details = ranges.find((r) => r.start === detailsStart);
		assert.ok(details, `no folding range starts at <details> (line ${detailsStart})`);
		assert.ok(details.end >= detailsEnd - 1 && details.end <= detailsEnd, `details range ends at ${details.end}, </details> is line ${detailsEnd}`);
	});
});
