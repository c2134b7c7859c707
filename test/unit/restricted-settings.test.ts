/**
 * In Restricted Mode VS Code does not read a folder's interests (package.json restrictedConfigurations):
 * an edit of them (Follow Author, Edit Interests) goes to the user's settings, where it takes effect.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fakeVscode, withFakeVscode } from './fake-vscode';

describe('settings a folder cannot set in Restricted Mode', () => {
	let settings: typeof import('../../src/features/settings');
	const saved = { ...fakeVscode.workspace };
	const fake = fakeVscode as unknown as { ConfigurationTarget?: unknown; workspace: Record<string, unknown> };
	withFakeVscode(() => {
		fake.ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 };
		// the folder sets its own list, as a cloned repository's .vscode/settings.json may
		fake.workspace.getConfiguration = () => ({ inspect: () => ({ workspaceValue: ['/(a+)+$/'] }) });
		settings = require('../../src/features/settings');
	});
	after(() => Object.assign(fakeVscode.workspace, saved));

	it('writes an interest edit to the user\'s settings when the folder is not trusted, to the folder\'s list when it is', () => {
		fake.workspace.isTrusted = false;
		assert.strictEqual(settings.settingTarget(settings.SETTINGS.interestKeywords), 1);
		assert.strictEqual(settings.settingTarget(settings.SETTINGS.interestAuthors), 1);
		fake.workspace.isTrusted = true;
		assert.strictEqual(settings.settingTarget(settings.SETTINGS.interestKeywords), 2);
	});

	it('are the ones the manifest restricts', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
		const restricted: string[] = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
		assert.deepStrictEqual([...restricted].sort(), [...settings.RESTRICTED_SETTINGS].sort());
		assert.ok(settings.RESTRICTED_SETTINGS.has(settings.SETTINGS.interestKeywords));
	});
});
