import * as assert from 'node:assert';
import { fakeVscode, withFakeVscode, type FakeStatusBarItem } from './fake-vscode';
import type { ScanPhase, ScanProgress } from '../../src/core/scanStatus';

/** a workspace as the status item sees it: its scan's phase and progress, and its two events */
function fakeWorkspace() {
	const progressEvents = new fakeVscode.EventEmitter<ScanProgress>();
	const changeEvents = new fakeVscode.EventEmitter<readonly unknown[]>();
	const ws = {
		scanPhase: 'idle' as ScanPhase,
		progress: { done: 0, total: 0, scanning: false } as ScanProgress,
		onDidChangeProgress: progressEvents.event,
		onDidChange: changeEvents.event,
	};
	return {
		ws,
		/** the scan moves on: the workspace's state, then its progress event */
		progress(phase: ScanPhase, done: number, total: number) {
			ws.scanPhase = phase;
			ws.progress = { done, total, scanning: phase !== 'idle' };
			progressEvents.fire(ws.progress);
		},
		/** digests shown (from the caches) before any file was read: a change event, no progress */
		shown(phase: ScanPhase) {
			ws.scanPhase = phase;
			changeEvents.fire([]);
		},
	};
}

describe('the scan status bar item', () => {
	let scanStatus: typeof import('../../src/features/scanStatus');
	withFakeVscode(() => (scanStatus = require('../../src/features/scanStatus')));

	function register(refreshMs?: number) {
		const w = fakeWorkspace();
		const disposable = scanStatus.registerScanStatus(w.ws as never, 'arxivDigest.papers', refreshMs);
		const item = fakeVscode.window.statusBarItems[fakeVscode.window.statusBarItems.length - 1] as FakeStatusBarItem;
		return { ...w, item, disposable };
	}

	it('says what a cold scan reads, with a static icon, and goes once the scan ends', () => {
		const { item, progress, disposable } = register();
		assert.strictEqual(item.id, scanStatus.SCAN_STATUS_ID);
		assert.strictEqual(item.visible, false, 'no scan, no item');
		assert.deepStrictEqual(item.command, { command: 'arxivDigest.papers.focus', title: 'Show the Papers View' });
		progress('reading', 0, 0);
		assert.strictEqual(item.visible, true);
		assert.strictEqual(item.text, '$(sync) arXiv Digest', 'before the listing: no count yet');
		progress('reading', 0, 167);
		progress('reading', 40, 167);
		const text: string = item.text;
		assert.strictEqual(text, '$(sync) arXiv Digest: reading digests 40/167');
		assert.ok(!text.includes('~spin'), 'an animated icon repaints the workbench for the whole scan');
		assert.deepStrictEqual(item.accessibilityInformation, { label: 'arXiv Digest: reading digests 40/167' });
		progress('idle', 167, 167);
		assert.strictEqual(item.visible, false);
		disposable.dispose();
		assert.strictEqual(item.disposed, true);
	});

	it('says "checking" when a warm start shows the cached digests before reading any, and updates only on a new text', () => {
		const { item, progress, shown } = register();
		progress('reading', 0, 167);
		shown('checking');
		assert.strictEqual(item.text, '$(sync) arXiv Digest: checking for new and changed digests');
		// the same phase again (another change, a progress event with nothing new): no new render
		shown('checking');
		progress('checking', 0, 167);
		progress('reading', 1, 167);
		progress('idle', 167, 167);
		assert.deepStrictEqual(item.shownTexts, [
			'$(sync) arXiv Digest: reading digests 0/167',
			'$(sync) arXiv Digest: checking for new and changed digests',
			'$(sync) arXiv Digest: reading digests 1/167',
		]);
		assert.strictEqual(item.visible, false);
	});

	it('reads a count that moved without an event, and stops reading once hidden', async () => {
		const { ws, item, progress, disposable } = register(1);
		progress('reading', 0, 167);
		// the workspace counts files between its events (each carries the count with its files)
		ws.progress = { done: 2, total: 167, scanning: true };
		await until(() => item.text.endsWith('2/167'));
		progress('idle', 167, 167);
		const shown = item.shownTexts.length;
		ws.scanPhase = 'reading';
		ws.progress = { done: 3, total: 167, scanning: true };
		// several refresh periods: a timer left running would show the item again
		for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 2));
		assert.strictEqual(item.visible, false);
		assert.strictEqual(item.shownTexts.length, shown);
		disposable.dispose();
	});
});

/** resolves once `done()` holds, looking after each turn of the event loop (state, not time) */
async function until(done: () => boolean): Promise<void> {
	while (!done()) await new Promise((resolve) => setTimeout(resolve, 0));
}
