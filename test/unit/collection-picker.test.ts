/**
 * Add to Collection's picker: a name typed that no collection has becomes a row that makes it, and
 * Enter on it answers that name; a name a collection has (case aside) adds no such row.
 */
import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';

describe("Add to Collection's picker", () => {
	let picker: typeof import('../../src/features/library/collectionPicker');
	withFakeVscode(() => (picker = require('../../src/features/library/collectionPicker')));

	const items = [{ label: '$(star-full) Starred', name: 'Starred' }, { label: '$(folder-library) Robots', name: 'Robots' }, { label: '$(add) New Collection…' }];
	const exists = (name: string) => ['starred', 'robots'].includes(name.toLowerCase());

	it('offers to make a collection of the name typed, and answers it on Enter', async () => {
		const answer = picker.pickOrName(items, 'Add to Collection', 'Add 1 paper to…', exists);
		const pick = fakeVscode.window.quickPicks.at(-1)!;
		pick.type('  Editing papers ');
		const row = pick.items.at(-1)!;
		assert.strictEqual(row.label, '$(add) New collection “Editing papers”');
		assert.strictEqual(pick.items.length, items.length + 1, 'the collections stay listed');
		pick.accept(row);
		assert.deepStrictEqual(await answer, row);
		assert.strictEqual((await answer as { typed?: string }).typed, 'Editing papers');
		assert.strictEqual(pick.visible, false);
	});

	it('adds no row for a name a collection has, nor for an empty box, and answers undefined when dismissed', async () => {
		const answer = picker.pickOrName(items, 'Add to Collection', 'Add 1 paper to…', exists);
		const pick = fakeVscode.window.quickPicks.at(-1)!;
		pick.type('robots');
		assert.strictEqual(pick.items.length, items.length);
		pick.type('   ');
		assert.strictEqual(pick.items.length, items.length);
		pick.hide();
		assert.strictEqual(await answer, undefined);
	});
});
