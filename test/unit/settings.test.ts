import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { fakeVscode, withFakeVscode } from './fake-vscode';

describe('settings: one list of keys, one way to read them', () => {
	let settings: typeof import('../../src/features/settings');
	withFakeVscode(() => (settings = require('../../src/features/settings')));

	it('lists every setting the manifest declares, and only those', () => {
		const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
		const sections = Array.isArray(manifest.contributes.configuration) ? manifest.contributes.configuration : [manifest.contributes.configuration];
		const declared = sections.flatMap((s: { properties: Record<string, unknown> }) => Object.keys(s.properties)).sort();
		assert.deepStrictEqual(Object.values(settings.SETTINGS).sort(), declared);
	});

	it('asks the editor for our section alone, with the scope given, never for the whole configuration', () => {
		const asked: [string | undefined, unknown, string][] = [];
		const original = fakeVscode.workspace.getConfiguration;
		const scope = { toString: () => 'file:///ws/a.md' };
		fakeVscode.workspace.getConfiguration = ((section?: string, at?: unknown) => ({
			get: (key: string) => {
				asked.push([section, at, key]);
				return key === 'workspace.include' ? 'data/**' : undefined;
			},
		})) as never;
		try {
			assert.strictEqual(settings.readSetting(settings.SETTINGS.workspaceInclude), 'data/**');
			assert.strictEqual(settings.readSetting(settings.SETTINGS.detect, scope as never), undefined);
		} finally {
			fakeVscode.workspace.getConfiguration = original;
		}
		assert.deepStrictEqual(asked, [
			['arxivDigest', undefined, 'workspace.include'],
			['arxivDigest', scope, 'detect'],
		]);
	});
});
