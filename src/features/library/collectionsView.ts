/**
 * The Collections view: each collection (Starred first) → its papers, then "Your notes" → every paper with
 * a note of the reader's (in a collection or not, in these digests or not: a note is never out of
 * sight); a click opens the card.
 */
import * as vscode from 'vscode';
import { libraryId, STARRED, type Library } from '../../core/library/model';
import { paperIdsOf, type DigestSummary } from '../../core/summary';
import { truncate } from '../../core/symbols';
import { paperLabel } from '../../core/tree';
import { fieldsText, listText, notesCount } from '../counts';
import { uriKey } from '../vsc-utils';
import type { DigestWorkspaceChange, IDigestWorkspace } from '../workspace/types';
import { daysOfLocations } from '../export/load';
import type { KeptLookup } from './keptPapers';
import { collectionLabel } from './labels';
import type { LibraryStore } from './store';

export const COLLECTIONS_VIEW_ID = 'arxivDigest.collections';

/** `node`, not `kind`: paper commands read a `{ ref }` argument and treat anything with a `kind` as a Papers view node */
export type CollectionsNode =
	| { node: 'collection'; name: string; count: number }
	| { node: 'collectionPaper'; collection: string; id: string; ref: { id: string } }
	| { node: 'notes'; count: number }
	| { node: 'notedPaper'; id: string; ref: { id: string } };

/** Is a command's argument (or one of the selected rows it gets) a collection's row? */
export function isCollectionNode(value: unknown): value is Extract<CollectionsNode, { node: 'collection' }> {
	return !!value && typeof value === 'object' && (value as CollectionsNode).node === 'collection' && typeof (value as { name?: unknown }).name === 'string';
}

/** a note's first line in a row's description, at most this long */
const NOTE_PREVIEW = 60;

/** Does a file list one of these papers (by library id: no version)? */
function listsAny(digest: DigestSummary, ids: ReadonlySet<string>): boolean {
	return paperIdsOf(digest).some((id) => ids.has(libraryId(id)));
}

export class CollectionsProvider implements vscode.TreeDataProvider<CollectionsNode>, vscode.Disposable {
	private readonly emitter = new vscode.EventEmitter<CollectionsNode | undefined>();
	readonly onDidChangeTreeData = this.emitter.event;
	private readonly subscriptions: vscode.Disposable[];
	/**
	 * The ids in any collection and the files (by URI key) that list one of them, for the library
	 * value they were taken from (a new value each change): a file that no longer lists one
	 * refreshes the view too.
	 */
	private collected: { library: Library; ids: ReadonlySet<string>; files: Set<string> } | undefined;

	constructor(
		private readonly store: LibraryStore,
		private readonly workspace: IDigestWorkspace,
		private readonly kept?: KeptLookup,
	) {
		// titles come from the workspace's summaries: refresh when a file that lists a collected paper
		// comes, changes or goes (a scan's every batch of files refreshed the view, rows or none)
		this.subscriptions = [
			store.onDidChange(() => {
				// which files list a collected paper, taken now: a file changed later may list it no more
				this.collectedNow();
				this.emitter.fire(undefined);
			}),
			workspace.onDidChange((changes) => {
				if (this.touchesCollected(changes)) this.emitter.fire(undefined);
			}),
			...(kept ? [kept.onDidChange(() => this.emitter.fire(undefined))] : []),
		];
		this.collectedNow();
	}

	private touchesCollected(changes: readonly DigestWorkspaceChange[]): boolean {
		const collected = this.collectedNow();
		if (collected.ids.size === 0) return false;
		let touched = false;
		for (const change of changes) {
			const key = uriKey(change.uri);
			const digest = change.kind === 'removed' ? undefined : this.workspace.get(change.uri)?.digest;
			const lists = digest !== undefined && listsAny(digest, collected.ids);
			if (lists || collected.files.has(key)) touched = true;
			if (lists) collected.files.add(key);
			else collected.files.delete(key);
		}
		return touched;
	}

	/** the collected ids and the files listing one, taken again from the workspace's files when the library changed */
	private collectedNow(): NonNullable<CollectionsProvider['collected']> {
		const library = this.library;
		if (this.collected?.library === library) return this.collected;
		const ids = new Set([...library.collections.flatMap((c) => c.ids), ...Object.keys(library.notes)]);
		const files = new Set<string>();
		if (ids.size > 0) for (const file of this.workspace.files()) if (listsAny(file.digest, ids)) files.add(uriKey(file.uri));
		this.collected = { library, ids, files };
		return this.collected;
	}

	private get library(): Library {
		return this.store.library;
	}

	getChildren(node?: CollectionsNode): CollectionsNode[] {
		const noted = Object.keys(this.library.notes);
		// nothing collected yet: no rows, so the view's welcome text says how to start
		if (!node && this.library.collections.every((c) => c.ids.length === 0) && this.library.collections.length === 1 && noted.length === 0) return [];
		if (!node) {
			const collections: CollectionsNode[] = this.library.collections.map((c) => ({ node: 'collection', name: c.name, count: c.ids.length }));
			return noted.length > 0 ? [...collections, { node: 'notes', count: noted.length }] : collections;
		}
		// newest note first (a note rewritten keeps its place)
		if (node.node === 'notes') return noted.reverse().map((id) => ({ node: 'notedPaper', id, ref: { id } }));
		if (node.node !== 'collection') return [];
		const ids = this.library.collections.find((c) => c.name === node.name)?.ids ?? [];
		// newest addition first: what was just starred is on top
		return [...ids].reverse().map((id) => ({ node: 'collectionPaper', collection: node.name, id, ref: { id } }));
	}

	getTreeItem(node: CollectionsNode): vscode.TreeItem {
		if (node.node === 'notes') {
			const item = new vscode.TreeItem(vscode.l10n.t('Your notes'), vscode.TreeItemCollapsibleState.Collapsed);
			item.id = 'notes';
			item.description = String(node.count);
			item.iconPath = new vscode.ThemeIcon('note');
			item.tooltip = vscode.l10n.t('Every paper you wrote a note on');
			// a string tooltip is what a screen reader reads when the row has no label of its own: the row's name and count were lost
			item.accessibilityInformation = { label: fieldsText([String(item.label), notesCount(node.count, vscode.l10n)], vscode.l10n) };
			item.contextValue = 'notes';
			return item;
		}
		if (node.node === 'collection') {
			const item = new vscode.TreeItem(collectionLabel(node.name, vscode.l10n), node.count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
			item.id = `collection:${node.name}`;
			item.description = String(node.count);
			item.iconPath = new vscode.ThemeIcon(node.name === STARRED ? 'star-full' : 'folder-library');
			item.contextValue = node.name === STARRED ? 'collection starred' : 'collection';
			return item;
		}
		const locations = this.workspace.findPaper(node.id);
		const location = locations[0];
		// a paper no digest of the workspace lists: as the library kept it, if it did
		const kept = location ? undefined : this.kept?.get(node.id);
		const shown = location?.paper ?? kept;
		const label = shown ? paperLabel(shown) : node.id;
		const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
		item.id = node.node === 'notedPaper' ? `notes#${node.id}` : `collection:${node.collection}#${node.id}`;
		const days = location ? daysOfLocations(locations) : (kept?.days ?? []);
		const note = this.library.notes[node.id];
		item.description = location ? [location.paper.authors[0], days[0]].filter(Boolean).join(' · ') : [kept?.authors[0], days[0], vscode.l10n.t('not in this workspace')].filter(Boolean).join(' · ');
		if (node.node === 'notedPaper' && note) item.description = `${notePreview(note)} · ${item.description}`;
		const tooltip = new vscode.MarkdownString(undefined, false);
		tooltip.appendText(`${label}\narXiv:${node.id}${days.length ? ` · ${listText(days, vscode.l10n, 'list')}` : ''}`);
		if (kept) tooltip.appendText(`\n${vscode.l10n.t('As your library kept it: no digest in this workspace lists it any more')}`);
		if (note) tooltip.appendMarkdown('\n\n---\n\n').appendText(note);
		item.tooltip = tooltip;
		item.iconPath = new vscode.ThemeIcon(location ? 'file-text' : kept ? 'archive' : 'circle-slash');
		item.contextValue = node.node;
		item.command = { command: 'arxivDigest.openCard', title: vscode.l10n.t('Open Paper Card'), arguments: [{ id: node.id }] };
		return item;
	}

	dispose(): void {
		for (const s of this.subscriptions) s.dispose();
		this.emitter.dispose();
	}
}

/** A note's first line of text, shortened for a row (by code points: an emoji is not cut in half). */
function notePreview(note: string): string {
	return truncate(note.trim().split('\n')[0].trim(), NOTE_PREVIEW);
}
