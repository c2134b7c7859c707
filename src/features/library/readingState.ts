/**
 * Export / Import Reading State and Settings Sync for every store of the reader's state. Each store
 * (the library here; the read marks of the new/seen/read feature) registers a part: its snapshot,
 * how to check and restore imported data, and the globalState key Settings Sync may carry. One file
 * holds all parts; one budget bounds what is synced (core/library/syncBudget).
 */
import * as vscode from 'vscode';
import { buildReadingState, parseReadingState } from '../../core/library/readingState';
import { localDay } from '../../core/clock';
import { envelopeFaultMessage } from './labels';
import { jsonBytes, planSync, SYNC_BUDGET_BYTES } from '../../core/library/syncBudget';
import { exportSaveUri, rememberExportFolder } from '../export/saveFolder';
import { listText } from '../counts';
import { showWrittenFile, writtenFileName } from '../export/written';
import { errorText, getLog } from '../log';
import { showErrorMessage, showInformationMessage, showWarningMessage } from '../messages';

export type RestoreMode = 'merge' | 'replace';

export interface ReadingStatePart {
	/** its key in the exported file */
	readonly key: string;
	/** shown in messages: "library", "read marks" */
	readonly label: string;
	/** the globalState key this part keeps its data under, to sync; none: not synced */
	readonly syncKey?: string;
	/** lower syncs first when the budget is short; the reader's own writing should come first */
	readonly syncPriority?: number;
	/** fires when the part's data changed (the sync plan is then made again) */
	readonly onDidChange?: vscode.Event<unknown>;
	snapshot(): unknown;
	/** why imported data cannot be restored, or undefined when it can */
	validate(data: unknown): string | undefined;
	/** restores validated data; resolves to a one-line summary for the reader */
	restore(data: unknown, mode: RestoreMode): Promise<string>;
}

const SYNC_DELAY_MS = 2000;

/** the keys the reader was told stay local, as ReadingStateRegistry.warnedLocal (a key of its own, never synced) */
const WARNED_LOCAL_KEY = 'arxivDigest.syncBudgetWarned';

export class ReadingStateRegistry implements vscode.Disposable {
	private readonly parts = new Map<string, ReadingStatePart>();
	private readonly listeners = new Map<string, vscode.Disposable>();
	private syncTimer: ReturnType<typeof setTimeout> | undefined;
	/** disposed: a part let go after it plans nothing (no timer to outlive the extension) */
	private disposed = false;
	/**
	 * the keys left local that the reader was told of, kept across windows and starts (WARNED_LOCAL_KEY):
	 * a library past the budget was said to be over it at every start of every window
	 */
	private warnedLocal: string;
	/** the keys synced and the ones left local by the last plan (for tests and the README's figures) */
	lastPlan: { synced: string[]; local: { key: string; bytes: number }[] } = { synced: [], local: [] };

	constructor(private readonly context: vscode.ExtensionContext) {
		const warned = context.globalState.get<unknown>(WARNED_LOCAL_KEY);
		this.warnedLocal = typeof warned === 'string' ? warned : '';
	}

	register(part: ReadingStatePart): vscode.Disposable {
		if (this.parts.has(part.key)) throw new Error(`reading state part "${part.key}" is registered twice`);
		this.parts.set(part.key, part);
		if (part.onDidChange) this.listeners.set(part.key, part.onDidChange(() => this.scheduleSync()));
		// once for every part registered in activation, after it: each plan measures every part's stored JSON
		this.scheduleSync();
		return new vscode.Disposable(() => {
			this.parts.delete(part.key);
			this.listeners.get(part.key)?.dispose();
			this.listeners.delete(part.key);
			this.scheduleSync();
		});
	}

	private scheduleSync(): void {
		if (this.disposed) return;
		if (this.syncTimer) clearTimeout(this.syncTimer);
		this.syncTimer = setTimeout(() => this.updateSync(), SYNC_DELAY_MS);
	}

	/** Tells Settings Sync which keys to carry: every part's key while the budget lasts. */
	updateSync(): void {
		this.syncTimer = undefined;
		const candidates = [...this.parts.values()]
			.filter((p): p is ReadingStatePart & { syncKey: string } => p.syncKey !== undefined)
			.map((p) => ({ key: p.syncKey, bytes: jsonBytes(this.context.globalState.get(p.syncKey) ?? null), priority: p.syncPriority ?? 10 }));
		const plan = planSync(candidates);
		this.lastPlan = { synced: plan.synced, local: plan.local.map((c) => ({ key: c.key, bytes: c.bytes })) };
		this.context.globalState.setKeysForSync(plan.synced);
		const local = plan.local.map((c) => c.key).join(',');
		if (local === this.warnedLocal) return;
		this.warnedLocal = local;
		// not synced itself: each machine tells its reader once; back under the budget, it may tell again later
		void this.context.globalState.update(WARNED_LOCAL_KEY, local);
		if (local) {
			const kb = (bytes: number) => Math.ceil(bytes / 1024);
			const names = listText(
				plan.local.map((c) => `${[...this.parts.values()].find((p) => p.syncKey === c.key)?.label ?? c.key} (${kb(c.bytes)} KB)`),
				vscode.l10n,
			);
			getLog().warn(`arXiv Digest: not synced, over the ${kb(SYNC_BUDGET_BYTES)} KB Settings Sync budget: ${names}`);
			void showWarningMessage(
				vscode.l10n.t('arXiv Digest: {0} no longer fits the {1} KB Settings Sync budget and stays on this machine. Export Reading State… carries it to another machine.', names, kb(SYNC_BUDGET_BYTES)),
			);
		}
	}

	/** The file's text: a snapshot of every registered part. */
	exportText(now = new Date()): string {
		const parts: Record<string, unknown> = {};
		for (const part of this.parts.values()) parts[part.key] = part.snapshot();
		return buildReadingState(parts, now);
	}

	/**
	 * Checks a file's text before anything is restored: the envelope, then every part it holds.
	 * Returns the parts to restore, or the reason nothing will be.
	 */
	check(text: string): { ok: true; parts: [ReadingStatePart, unknown][]; ignored: string[] } | { ok: false; message: string } {
		const parsed = parseReadingState(text);
		if (!parsed.ok) {
			const message =
				parsed.problem === 'foreign'
					? vscode.l10n.t('This file is not an arXiv Digest reading state: {0}.', envelopeFaultMessage(parsed.fault, vscode.l10n))
					: parsed.problem === 'newer'
						? vscode.l10n.t('This reading state cannot be imported: {0}. Update arXiv Digest first.', envelopeFaultMessage(parsed.fault, vscode.l10n))
						: vscode.l10n.t('This reading state file is damaged: {0}.', envelopeFaultMessage(parsed.fault, vscode.l10n));
			return { ok: false, message };
		}
		const parts: [ReadingStatePart, unknown][] = [];
		const ignored: string[] = [];
		for (const [key, data] of Object.entries(parsed.document.parts)) {
			const part = this.parts.get(key);
			if (!part) {
				ignored.push(key);
				continue;
			}
			const problem = part.validate(data);
			if (problem) return { ok: false, message: vscode.l10n.t('The {0} in this file cannot be imported: {1}. Nothing was changed.', part.label, problem) };
			parts.push([part, data]);
		}
		if (parts.length === 0) return { ok: false, message: vscode.l10n.t('This reading state holds nothing this version of arXiv Digest can import.') };
		return { ok: true, parts, ignored };
	}

	dispose(): void {
		this.disposed = true;
		if (this.syncTimer) clearTimeout(this.syncTimer);
		for (const l of this.listeners.values()) l.dispose();
		this.listeners.clear();
	}
}

/** The two commands; `uri` arguments let tests and scripts skip the dialogs. */
export function registerReadingStateCommands(registry: ReadingStateRegistry, state: vscode.Memento): vscode.Disposable {
	const exportState = async (target?: unknown): Promise<vscode.Uri | undefined> => {
		const uri =
			target instanceof vscode.Uri
				? target
				: await vscode.window.showSaveDialog({
						title: vscode.l10n.t('Export Reading State'),
						defaultUri: await exportSaveUri(state, `arxiv-digest-reading-state-${localDay()}.json`),
						filters: { JSON: ['json'] },
					});
		if (!uri) return undefined;
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(registry.exportText()));
		if (!(target instanceof vscode.Uri)) await rememberExportFolder(state, uri);
		void showWrittenFile(vscode.l10n.t('Reading state exported to {0}', writtenFileName(uri)), uri);
		return uri;
	};

	const importState = async (source?: unknown, modeArg?: unknown): Promise<boolean> => {
		let uri = source instanceof vscode.Uri ? source : undefined;
		if (!uri) {
			const picked = await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Reading State'), canSelectMany: false, filters: { JSON: ['json'] } });
			uri = picked?.[0];
		}
		if (!uri) return false;
		let text: string;
		try {
			text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
		} catch (err) {
			void showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', uri.fsPath, errorText(err)));
			return false;
		}
		const checked = registry.check(text);
		if (!checked.ok) {
			void showErrorMessage(checked.message);
			return false;
		}
		let mode: RestoreMode | undefined = modeArg === 'merge' || modeArg === 'replace' ? modeArg : undefined;
		if (!mode) {
			const merge = vscode.l10n.t('Merge');
			const replace = vscode.l10n.t('Replace');
			const choice = await showInformationMessage(
				vscode.l10n.t('Import {0}? Merge adds it to what you have (your notes win where both have one); Replace makes this profile hold exactly what the file holds.', listText(checked.parts.map(([p]) => p.label), vscode.l10n)),
				{ modal: true },
				merge,
				replace,
			);
			mode = choice === merge ? 'merge' : choice === replace ? 'replace' : undefined;
		}
		if (!mode) return false;
		const summaries: string[] = [];
		for (const [part, data] of checked.parts) summaries.push(await part.restore(data, mode));
		if (checked.ignored.length) summaries.push(vscode.l10n.t('ignored (unknown here): {0}', listText(checked.ignored, vscode.l10n, 'list')));
		void showInformationMessage(vscode.l10n.t('Reading state imported: {0}', listText(summaries, vscode.l10n, 'clauses')));
		registry.updateSync();
		return true;
	};

	return vscode.Disposable.from(
		vscode.commands.registerCommand('arxivDigest.exportReadingState', exportState),
		vscode.commands.registerCommand('arxivDigest.importReadingState', importState),
	);
}
