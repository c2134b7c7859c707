/** A library past the Settings Sync budget is said to stay local once per machine, not at every window's start. */
import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode } from './fake-vscode';

describe('Settings Sync budget warning', () => {
	let readingState: typeof import('../../src/features/library/readingState');
	const warnings: string[] = [];
	const original = { ...fakeVscode.window };
	withFakeVscode(() => {
		const fake = fakeVscode as unknown as { Disposable: unknown; window: { showWarningMessage: unknown } };
		fake.window.showWarningMessage = async (message: string) => void warnings.push(message);
		readingState = require('../../src/features/library/readingState');
	});
	after(() => Object.assign(fakeVscode.window, original));

	/** a window's start: the registry of that window with the one big part, its plan made */
	function start(stored: Map<string, unknown>): string[] {
		const synced: string[] = [];
		const context = { globalState: { get: (k: string) => stored.get(k), update: async (k: string, v: unknown) => void stored.set(k, v), setKeysForSync: (keys: string[]) => synced.push(...keys) } };
		const registry = new readingState.ReadingStateRegistry(context as never);
		const part = { key: 'library', label: 'library', syncKey: 'arxivDigest.library', syncPriority: 10, snapshot: () => null, validate: () => undefined, restore: async () => '' };
		registry.register(part as never);
		registry.updateSync();
		registry.dispose();
		return synced;
	}

	it('warns once across window starts while the same part stays local, and again once it grew past after fitting', () => {
		// a long-term-use review's: an 18-month library (1.1 MB) was said to be over the budget at every start
		const stored = new Map<string, unknown>([['arxivDigest.library', { notes: { x: 'n'.repeat(200_000) } }]]);
		for (let window = 0; window < 3; window++) assert.deepStrictEqual(start(stored), [], 'the library stays local');
		assert.strictEqual(warnings.length, 1, warnings.join('\n'));
		stored.set('arxivDigest.library', { notes: {} });
		assert.deepStrictEqual(start(stored), ['arxivDigest.library'], 'synced again once it fits');
		stored.set('arxivDigest.library', { notes: { x: 'n'.repeat(200_000) } });
		start(stored);
		assert.strictEqual(warnings.length, 2, 'told again: it had fitted meanwhile');
	});
});
