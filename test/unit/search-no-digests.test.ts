/**
 * Search Papers in a workspace without digests: a calm row saying so, not "Search failed", with the
 * Papers view's ways out, which run when picked.
 */
import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';
import { until } from './until';

describe('Search Papers in a workspace without digests', () => {
	let search: typeof import('../../src/features/search/index');
	withFakeVscode(() => (search = require('../../src/features/search/index')));

	const saved = { commands: { ...fakeVscode.commands } };
	after(() => Object.assign(fakeVscode.commands, saved.commands));

	it('says there are no digests yet with an info icon, and Open Sample Digests runs the welcome view\'s command', async () => {
		const ran: unknown[][] = [];
		fakeVscode.commands.executeCommand = async (...args: unknown[]) => void ran.push(args);
		const noDigests = { backend: async () => undefined, onDidChange: () => ({ dispose() {} }) };
		const registration = search.registerSearch({} as never, noDigests as never);
		await fakeVscode.commands.registered.get(search.SEARCH_COMMAND)!();
		const pick = fakeVscode.window.quickPicks.at(-1)!;
		pick.type('diffusion');
		// busy from the keystroke until the typed query's answer (the box's opening row may come before it)
		assert.strictEqual(pick.busy, true);
		await until('the typed query\'s answer', () => pick.items.length > 0 && !pick.busy);
		const labels = pick.items.map((item) => item.label);
		assert.match(labels[0], /^\$\(info\) No digest files in this workspace yet/);
		assert.ok(labels.every((label) => !/\$\(error\)|failed/i.test(label)), labels.join(' | '));
		assert.strictEqual(pick.busy, false);
		const samples = pick.items.find((item) => /Open Sample Digests/.test(item.label))!;
		pick.accept(samples);
		assert.deepStrictEqual(ran, [['arxivDigest.openSamples']]);
		assert.strictEqual(pick.visible, false, 'the search box closes');
		registration.dispose();
	});

	it('says so as soon as the box opens, before anything is typed', async () => {
		const noDigests = { backend: async () => undefined, onDidChange: () => ({ dispose() {} }) };
		const registration = search.registerSearch({} as never, noDigests as never);
		await fakeVscode.commands.registered.get(search.SEARCH_COMMAND)!();
		const pick = fakeVscode.window.quickPicks.at(-1)!;
		await until('the opening row', () => pick.items.length > 0);
		assert.match(pick.items[0]?.label ?? '', /^\$\(info\) No digest files in this workspace yet/);
		pick.hide();
		registration.dispose();
	});
});
