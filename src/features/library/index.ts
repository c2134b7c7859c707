/**
 * Stars, collections, notes and tags: the store in globalState, the commands on papers (tree, card,
 * search, editor), the Collections view, the "Star" CodeLens in digests, the reader's sets the
 * search shards filter by (`is:starred`, `has:note`, `tag:x`), and the library's part of the
 * reading state (export/import, Settings Sync).
 */
import * as vscode from 'vscode';
import { listText, notesCount, papersCount } from '../counts';
import { viewPapers } from '../../core/documentView';
import {
	addToCollection, allTags, editTagsOfPapers, tagsOfPapers, collectionNamed, collectionNameIssue, collectionsOf, createCollection, isStarred, libraryId, splitTags, starsChanged, librarySets, librarySize,
	MAX_NOTE_LENGTH, NOTES_GROUP, removeFromCollection, renameCollection, restoreCollection, setNote, setTags, STARRED, takeCollection, toggleStar,
	type CollectionRestore, type DeletedCollection, type Library, type TagCount,
} from '../../core/library/model';
import { noteSearch, type NoteSearch } from '../../core/library/noteSearch';
import { pickTags } from './tagPicker';
import { paperLabel } from '../../core/tree';
import { truncate } from '../../core/symbols';
import { autosaveOutcome, noteChangedElsewhere, type AutosaveOutcome, type NoteDraft } from '../../core/card/noteDraft';
import { parseLibrary, serializeLibrary } from '../../core/library/serial';
import type { ParsedQuery } from '../../core/search/query';
import { EDIT_NOTE_IN_CARD_COMMAND, commandItems, commandPaperIds, isTextList } from '../paperActions';
import type { CardLibrary } from '../cards';
import { errorText, getLog } from '../log';
import { SETTINGS, DIGEST_LANGUAGE_ID, readSetting } from '../settings';
import type { IDigestWorkspace } from '../workspace/types';
import { COLLECTIONS_VIEW_ID, CollectionsProvider, isCollectionNode, type CollectionsNode } from './collectionsView';
import { KeptPapers } from './keptPapers';
import { ReadingStateRegistry, registerReadingStateCommands, type ReadingStatePart } from './readingState';
import { collectionLabel, collectionNameIssueText } from './labels';
import { LIBRARY_STATE_KEY, LibraryStore, showLibraryProblem } from './store';
import { showInputBox, showQuickPick } from '../quickInput';
import { pickOrName } from './collectionPicker';
import { disposeLastFirst } from '../vsc-utils';
import { confirmDone, showInformationMessage, showWarningMessage } from '../messages';

export { LIBRARY_STATE_KEY, LibraryStore } from './store';
export { ReadingStateRegistry, type ReadingStatePart, type RestoreMode } from './readingState';

/** a paper's title in the status bar's "Added … to" at most this long */
const STATUS_TITLE = 50;

/** What the card, the tree, search, hover and export read from the library. */
export interface LibraryRegistration extends vscode.Disposable {
	readonly store: LibraryStore;
	readonly registry: ReadingStateRegistry;
	readonly collectionsProvider: CollectionsProvider;
	/** what the library kept of its papers' digest entries, for papers no digest lists any more */
	readonly kept: KeptPapers;
	readonly onDidChange: vscode.Event<Library>;
	/** the library ids whose star changed (added or removed) in one change of the library */
	readonly onDidChangeStars: vscode.Event<readonly string[]>;
	isStarred(id: string): boolean;
	note(id: string): string | undefined;
	tags(id: string): readonly string[];
	/** every tag in use, with how many papers carry it */
	tagCounts(): TagCount[];
	collections(id: string): string[];
	/** the reader's lines for a tree tooltip: star, collections, tags, note */
	tooltip(id: string): string | undefined;
	/** the notes holding the query's words (search merges them into its results; it asks the index which of the notes' typos a paper has) */
	searchNotes(query: ParsedQuery): NoteSearch;
	/** Edit Tags' or Add to Collection's picker while it is open (tests) */
	shownPick(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
}

/** What Delete Collection answers (tests, scripts): the collections deleted, in the list's order, and their Undo. */
export interface CollectionDeleted {
	readonly names: readonly string[];
	/** the papers they held, each once */
	readonly count: number;
	/** puts the collections back (how, for each, in the same order); undefined when the library could not be changed */
	undo(): Promise<CollectionRestore[] | undefined>;
}

/** "Star" next to "Open card" on every paper heading (same setting as the Open card lens). */
class StarCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
	private readonly emitter = new vscode.EventEmitter<void>();
	readonly onDidChangeCodeLenses = this.emitter.event;
	private readonly subscription: vscode.Disposable;

	constructor(
		private readonly workspace: IDigestWorkspace,
		private readonly store: LibraryStore,
	) {
		this.subscription = store.onDidChange(() => this.emitter.fire());
	}

	async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
		if (readSetting<boolean>(SETTINGS.codeLensEnabled) === false) return [];
		// the papers' lines from the document view: a large digest is parsed off the editor's thread
		const view = await this.workspace.documentView(document, token);
		if (!view || token.isCancellationRequested) return [];
		return viewPapers(view).map((paper, index) => {
			const starred = isStarred(this.store.library, paper.id);
			return new vscode.CodeLens(new vscode.Range(paper.headingLine, 0, paper.headingLine, 0), {
				title: starred ? vscode.l10n.t('$(star-full) Starred') : vscode.l10n.t('$(star-empty) Star'),
				tooltip: starred ? vscode.l10n.t('Remove from Starred') : vscode.l10n.t('Add to Starred'),
				command: 'arxivDigest.toggleStar',
				arguments: [{ uri: document.uri.toString(), id: paper.id, index }],
			});
		});
	}

	dispose(): void {
		this.subscription.dispose();
		this.emitter.dispose();
	}
}

/** The card's view of the library: its state for a paper, and the card's library buttons. */
export function cardLibrary(registration: LibraryRegistration): CardLibrary {
	const { store } = registration;
	return {
		onDidChange: store.onDidChange,
		kept: (id) => registration.kept.get(id),
		onDidChangeKept: registration.kept.onDidChange,
		stateOf: (id) => ({ starred: registration.isStarred(id), collections: registration.collections(id).map((name) => collectionLabel(name, vscode.l10n)), tags: registration.tags(id), note: registration.note(id) ?? '' }),
		async handle(message, id) {
			switch (message.type) {
				case 'toggleStar':
					await store.update((lib) => toggleStar(lib, id).library);
					return;
				case 'editCollections':
					await vscode.commands.executeCommand('arxivDigest.addToCollection', { id });
					return;
				case 'editTags':
					await vscode.commands.executeCommand('arxivDigest.editTags', { id });
					return;
				case 'saveNote': {
					if (message.text.length > MAX_NOTE_LENGTH) {
						void showWarningMessage(vscode.l10n.t('A note has at most {0} characters; this one has {1}. It was not saved.', MAX_NOTE_LENGTH, message.text.length));
						return;
					}
					const draft = message.base === undefined ? undefined : { text: message.text, base: message.base };
					store.reload();
					if (draft && noteChangedElsewhere(store.library.notes[libraryId(id)], draft) && !(await replaceNoteChangedElsewhere(id))) return;
					// the card says aloud how its Save Note went (its note status)
					if (await store.update((lib) => setNote(lib, id, message.text))) confirmDone(vscode.l10n.t('$(check) Note saved'), 3000, true);
					return;
				}
			}
		},
		async autosaveNote(draft, leaving) {
			if (store.problem) {
				if (leaving) void offerUnsavedNote(draft, vscode.l10n.t('The note you wrote on arXiv:{0} was not saved: the library cannot be read, so nothing is saved over it.', draft.id), false);
				return undefined;
			}
			let outcome = 'unchanged' as AutosaveOutcome;
			const written = await store.update((lib) => {
				outcome = autosaveOutcome(lib.notes[libraryId(draft.id)], draft);
				return outcome === 'save' ? setNote(lib, draft.id, draft.text) : lib;
			});
			if (!written) return undefined;
			if (leaving && outcome === 'conflict') {
				void offerUnsavedNote(draft, vscode.l10n.t('The note you wrote on arXiv:{0} was not saved: the note was changed elsewhere (in another card, an import or another window) while you wrote.', draft.id), true);
			} else if (leaving && outcome === 'tooLong') {
				void offerUnsavedNote(draft, vscode.l10n.t('A note has at most {0} characters; this one has {1}. It was not saved.', MAX_NOTE_LENGTH, draft.text.length), false);
			}
			return outcome === 'save' || outcome === 'unchanged' ? 'saved' : outcome;
		},
	};

	/** Save Note over a note changed since the reader began editing: only on the reader's word. */
	async function replaceNoteChangedElsewhere(id: string): Promise<boolean> {
		const replace = vscode.l10n.t('Replace');
		const choice = await showWarningMessage(
			vscode.l10n.t('The note on arXiv:{0} was changed elsewhere (in another card, an import or another window) after you began editing it. Replace it with yours?', id),
			{ modal: true },
			replace,
		);
		return choice === replace;
	}

	/** A draft the card could not store as it moved on: the reader saves it over the other note, or copies it. */
	async function offerUnsavedNote(draft: NoteDraft, message: string, canReplace: boolean): Promise<void> {
		const saveMine = vscode.l10n.t('Save Mine');
		const copyMine = vscode.l10n.t('Copy Mine');
		const choice = await showWarningMessage(message, ...(canReplace ? [saveMine, copyMine] : [copyMine]));
		if (choice === saveMine && (await store.update((lib) => setNote(lib, draft.id, draft.text)))) confirmDone(vscode.l10n.t('$(check) Note saved'));
		else if (choice === copyMine) await vscode.env.clipboard.writeText(draft.text);
	}
}

export function registerLibrary(context: vscode.ExtensionContext, workspace: IDigestWorkspace): LibraryRegistration {
	const store = new LibraryStore(context.globalState);
	const registry = new ReadingStateRegistry(context);
	const kept = new KeptPapers(context.globalStorageUri, store, workspace);
	const collections = new CollectionsProvider(store, workspace, kept);
	const view = vscode.window.createTreeView(COLLECTIONS_VIEW_ID, { treeDataProvider: collections, showCollapseAll: true, canSelectMany: true });
	const starsEmitter = new vscode.EventEmitter<readonly string[]>();
	let starsOf = store.library;
	let shownPick: vscode.QuickPick<vscode.QuickPickItem> | undefined;
	/** tells the tests of a picker while it is open */
	const trackPick = (pick: vscode.QuickPick<vscode.QuickPickItem>): vscode.Disposable => {
		shownPick = pick;
		return {
			dispose: () => {
				if (shownPick === pick) shownPick = undefined;
			},
		};
	};
	const disposables: vscode.Disposable[] = [store, registry, kept, collections, view, starsEmitter];
	disposables.push(
		store.onDidChange((library) => {
			const changed = starsChanged(starsOf, library);
			starsOf = library;
			if (changed.length) starsEmitter.fire(changed);
		}),
	);

	const registration: LibraryRegistration = {
		store,
		registry,
		collectionsProvider: collections,
		kept,
		onDidChange: store.onDidChange,
		onDidChangeStars: starsEmitter.event,
		isStarred: (id) => isStarred(store.library, id),
		note: (id) => store.library.notes[libraryId(id)],
		tags: (id) => store.library.tags[libraryId(id)] ?? [],
		tagCounts: () => allTags(store.library),
		collections: (id) => collectionsOf(store.library, id),
		searchNotes: (query) => noteSearch(query, store.library.notes),
		shownPick: () => shownPick,
		tooltip: (id) => {
			const lib = store.library;
			const lines = [listText(collectionsOf(lib, id).map((name) => collectionLabel(name, vscode.l10n)), vscode.l10n, 'list'), (lib.tags[libraryId(id)] ?? []).map((t) => `#${t}`).join(' '), lib.notes[libraryId(id)] ?? ''].filter((s) => s.trim());
			return lines.length ? lines.join('\n\n') : undefined;
		},
		dispose: () => {
			disposeLastFirst(disposables);
		},
	};

	/** the papers a command's arguments name, else the current paper (telling the reader when there is none) */
	const targetIds = async (arg: unknown, all: unknown): Promise<string[]> => [...new Set((await commandPaperIds(workspace, arg, all)).map(libraryId))];

	// the search shards filter `is:starred`, `has:note`, `tag:x` by these sets; a new backend (Refresh) gets them again
	let sentTo: unknown;
	let sentNames: string[] = [];
	const pushSets = async (force: boolean) => {
		const backend = await workspace.backend();
		if (!backend || (!force && backend === sentTo)) return;
		const sets = librarySets(store.library, sentNames);
		sentNames = Object.keys(sets).filter((n) => sets[n].length > 0 || !n.startsWith('tag:'));
		sentTo = backend;
		await backend.service.setUserSets(sets);
	};
	const pushSetsLogged = (force: boolean) => void pushSets(force).catch((err: unknown) => getLog().warn(`arXiv Digest: could not give search the library's sets: ${errorText(err)}`));
	pushSetsLogged(true);

	const libraryPart: ReadingStatePart = {
		key: 'library',
		label: vscode.l10n.t('library (stars, collections, notes, tags)'),
		syncKey: LIBRARY_STATE_KEY,
		syncPriority: 1,
		onDidChange: store.onDidChange,
		// unreadable stored data is exported as it is: that is the reader's copy of it
		snapshot: () => (store.problem ? store.raw() : serializeLibrary(store.library)),
		validate: (data) => {
			const parsed = parseLibrary(data);
			return parsed.ok ? undefined : parsed.reason;
		},
		restore: async (data, mode) => {
			const parsed = parseLibrary(data);
			if (!parsed.ok) throw new Error(parsed.reason);
			if (mode === 'replace') {
				await store.replace(parsed.value);
				const size = librarySize(parsed.value);
				return vscode.l10n.t('library replaced ({0}, {1})', papersCount(size.papers, vscode.l10n), notesCount(size.notes, vscode.l10n));
			}
			const merged = await store.merge(parsed.value);
			if (!merged) return vscode.l10n.t('library not merged: the library stored in this profile cannot be read ({0}) and was left as it is', store.problem?.reason ?? '');
			const size = librarySize(merged.library);
			return merged.keptNotes > 0
				? vscode.l10n.t('library merged ({0}, {1}; {2} of your notes kept over the file\'s)', papersCount(size.papers, vscode.l10n), notesCount(size.notes, vscode.l10n), merged.keptNotes)
				: vscode.l10n.t('library merged ({0}, {1})', papersCount(size.papers, vscode.l10n), notesCount(size.notes, vscode.l10n));
		},
	};

	/** names no collection may take: the Collections view's group of notes, also as translated */
	const reservedNames = () => [NOTES_GROUP, vscode.l10n.t('Your notes')];

	/**
	 * `editing`: for Rename and Delete, which Starred (the star buttons' collection) is not for;
	 * `adding`: the papers to add, whose collections say they (or how many of them) are in already
	 */
	const pickCollection = async (title: string, placeHolder: string, editing = false, adding: readonly string[] = []): Promise<string | undefined> => {
		type Item = vscode.QuickPickItem & { name?: string };
		const items: Item[] = [
			...store.library.collections
				.filter((c) => !(editing && c.name === STARRED))
				.map((c) => {
					const count = adding.filter((id) => c.ids.includes(id)).length;
					const all = count > 0 && count === adding.length;
					const already = all ? vscode.l10n.t('already in') : count > 0 ? vscode.l10n.t('{0} of these {1} already in', count, adding.length) : undefined;
					return {
						label: `$(${all ? 'check' : c.name === STARRED ? 'star-full' : 'folder-library'}) ${collectionLabel(c.name, vscode.l10n)}`,
						description: already ? `${papersCount(c.ids.length, vscode.l10n)} · ${already}` : papersCount(c.ids.length, vscode.l10n),
						name: c.name,
					};
				}),
			// Rename and Delete act on a collection that exists: a new one's name would be "no collection"
			...(editing ? [] : [{ label: `$(add) ${vscode.l10n.t('New Collection…')}` }]),
		];
		if (items.length === 0) {
			void showInformationMessage(vscode.l10n.t('You have no collection of your own yet: the star buttons fill Starred, and New Collection makes one.'));
			return undefined;
		}
		// Rename and Delete pick from the list; adding to one also takes a new collection's name typed in the box
		const picked = editing
			? await showQuickPick(items, { title, placeHolder })
			: await pickOrName(items, title, placeHolder, (name) => collectionNamed(store.library, name) !== undefined, trackPick);
		if (!picked) return undefined;
		if (picked.name !== undefined) return picked.name;
		const typed = 'typed' in picked ? picked.typed : undefined;
		// a typed name the rules accept is taken as it is; otherwise the box that says what is wrong with it
		if (typed !== undefined && !collectionNameIssue(store.library, typed, undefined, reservedNames())) return typed;
		return askName(vscode.l10n.t('New Collection'), typed);
	};
	const askName = (title: string, value?: string, renaming?: string) =>
		showInputBox({ title, value, prompt: vscode.l10n.t('Collection name'), validateInput: (v) => {
				const issue = collectionNameIssue(store.library, v, renaming, reservedNames());
				return issue && collectionNameIssueText(issue, vscode.l10n);
			} });

	/** how Edit Tags and Add to Collection name the papers: one by its title (plain TeX) and id, or the id of a paper no digest lists; several by their number */
	const papersSubject = (ids: readonly string[], titleLength = Infinity): string => {
		if (ids.length !== 1) return papersCount(ids.length, vscode.l10n);
		const paper = workspace.findPaper(ids[0])[0]?.paper;
		return paper ? `“${truncate(paperLabel(paper), titleLength)}” (${ids[0]})` : ids[0];
	};

	const collectionOf = async (node: unknown): Promise<string | undefined> =>
		isCollectionNode(node)
			? node.name
			: pickCollection(vscode.l10n.t('Which collection?'), vscode.l10n.t('Pick a collection'), true);

	/**
	 * Says collections were deleted (`deleted`, in the order they were taken out), with an Undo that puts
	 * them back as they were (each under another name if its own was taken meanwhile).
	 */
	const offerCollectionUndo = (deleted: readonly DeletedCollection[]): CollectionDeleted => {
		const names = deleted.map((d) => d.collection.name);
		const count = new Set(deleted.flatMap((d) => d.collection.ids)).size;
		const undo = async (): Promise<CollectionRestore[] | undefined> => {
			let restores: CollectionRestore[] = [];
			// the last taken out first: each goes back after the collection it followed when it was taken out
			const done = await store.update((lib) => {
				restores = [];
				for (const one of [...deleted].reverse()) {
					const restored = restoreCollection(lib, one, reservedNames());
					restores.unshift(restored.restore);
					lib = restored.library;
				}
				return lib;
			});
			if (!done) return undefined;
			restores.forEach((restore, i) => {
				if (restore.kind === 'renamed') void showInformationMessage(vscode.l10n.t('Restored the collection “{0}” as “{1}”: a collection “{2}” was made meanwhile.', names[i], restore.name, restore.taken));
			});
			return restores;
		};
		const undoLabel = vscode.l10n.t('Undo');
		const message =
			names.length === 1
				? vscode.l10n.t('Deleted the collection “{0}” ({1}).', names[0], papersCount(count, vscode.l10n))
				: vscode.l10n.t('Deleted {0} collections ({1}).', names.length, papersCount(count, vscode.l10n));
		void showInformationMessage(message, undoLabel).then((choice) => {
			if (choice === undoLabel) void undo();
		});
		return { names, count, undo };
	};

	/** Stars or unstars the papers a command names; 'toggle': one paper flips, several are all starred unless all are already. */
	const setStars = async (arg: unknown, all: unknown, star: boolean | 'toggle'): Promise<void> => {
		const ids = await targetIds(arg, all);
		if (ids.length === 0) return;
		if (star === 'toggle' && ids.length === 1) {
			await store.update((lib) => toggleStar(lib, ids[0]).library);
			return;
		}
		const add = star === 'toggle' ? ids.some((id) => !isStarred(store.library, id)) : star;
		await store.update((lib) => (add ? addToCollection(lib, STARRED, ids) : removeFromCollection(lib, STARRED, ids)));
	};

	const starLenses = new StarCodeLensProvider(workspace, store);
	disposables.push(
		registry.register(libraryPart),
		registerReadingStateCommands(registry, context.globalState),
		starLenses,
		vscode.languages.registerCodeLensProvider({ language: DIGEST_LANGUAGE_ID }, starLenses),
		store.onDidChange(() => pushSetsLogged(true)),
		workspace.onDidChange(() => pushSetsLogged(false)),
		// another window or Settings Sync may have written the library meanwhile
		vscode.window.onDidChangeWindowState((e) => {
			if (e.focused) store.reload();
		}),

		vscode.commands.registerCommand('arxivDigest.toggleStar', (arg?: unknown, all?: unknown) => setStars(arg, all, 'toggle')),
		// the Papers view's menus: Star on a row not starred, Unstar on a starred one (its contextValue says which)
		vscode.commands.registerCommand('arxivDigest.star', (arg?: unknown, all?: unknown) => setStars(arg, all, true)),
		vscode.commands.registerCommand('arxivDigest.unstar', (arg?: unknown, all?: unknown) => setStars(arg, all, false)),
		vscode.commands.registerCommand('arxivDigest.addToCollection', async (arg?: unknown, all?: unknown) => {
			const ids = await targetIds(arg, all);
			if (ids.length === 0) return;
			const subject = papersSubject(ids);
			const name = await pickCollection(vscode.l10n.t('Add to Collection: {0}', subject), vscode.l10n.t('Add {0} to…', papersCount(ids.length, vscode.l10n)), false, ids);
			if (!name) return;
			const before = collectionNamed(store.library, name)?.ids ?? [];
			const added = ids.filter((id) => !before.includes(id)).length;
			if (!(await store.update((lib) => addToCollection(lib, name, ids)))) return;
			const where = collectionLabel(name, vscode.l10n);
			const short = papersSubject(ids, STATUS_TITLE);
			const message =
				added === 0 ? vscode.l10n.t('{0} was in “{1}” already', short, where)
				: added === ids.length ? vscode.l10n.t('Added {0} to “{1}”', short, where)
				: vscode.l10n.t('Added {0} to “{1}” ({2} were in it already)', papersCount(added, vscode.l10n), where, ids.length - added);
			confirmDone(`$(check) ${message}`, 4000);
		}),
		vscode.commands.registerCommand('arxivDigest.removeFromCollection', async (arg?: unknown, all?: unknown) => {
			const nodes = commandItems(arg, all).filter((n): n is Extract<CollectionsNode, { node: 'collectionPaper' }> => !!n && typeof n === 'object' && (n as CollectionsNode).node === 'collectionPaper');
			if (nodes.length === 0) return;
			await store.update((lib) => nodes.reduce((l, n) => removeFromCollection(l, n.collection, [n.id]), lib));
		}),
		vscode.commands.registerCommand('arxivDigest.newCollection', async () => {
			const name = await askName(vscode.l10n.t('New Collection'));
			if (name) await store.update((lib) => createCollection(lib, name));
		}),
		vscode.commands.registerCommand('arxivDigest.renameCollection', async (node?: unknown) => {
			const from = await collectionOf(node);
			if (!from) return;
			const to = await askName(vscode.l10n.t('Rename Collection'), from, from);
			if (to && to !== from) await store.update((lib) => renameCollection(lib, from, to));
		}),
		// the Collections view passes the clicked row and the selected rows; `true` after the row (tests,
		// scripts), or after the selection: no question
		vscode.commands.registerCommand('arxivDigest.deleteCollection', async (node?: unknown, second?: unknown, third?: unknown): Promise<CollectionDeleted | undefined> => {
			const selected = Array.isArray(second) ? commandItems(node, second).filter(isCollectionNode).map((n) => n.name) : [];
			const chosen = selected.length > 0 ? selected : [await collectionOf(node)];
			// in the list's order, each once; the star buttons' collection stays (its row has no Delete)
			const names = store.library.collections.map((c) => c.name).filter((name) => name !== STARRED && chosen.includes(name));
			if (names.length === 0) return undefined;
			const del = vscode.l10n.t('Delete');
			const count = new Set(store.library.collections.filter((c) => names.includes(c.name)).flatMap((c) => c.ids)).size;
			const question =
				names.length === 1
					? vscode.l10n.t('Delete the collection "{0}" ({1})? The papers stay in your digests.', collectionLabel(names[0], vscode.l10n), papersCount(count, vscode.l10n))
					: vscode.l10n.t('Delete {0} collections, {1} ({2})? The papers stay in your digests.', names.length, listText(names.map((name) => `“${collectionLabel(name, vscode.l10n)}”`), vscode.l10n), papersCount(count, vscode.l10n));
			const sure = second === true || third === true ? del : await showWarningMessage(question, { modal: true }, del);
			if (sure !== del) return undefined;
			const deleted: DeletedCollection[] = [];
			const done = await store.update((lib) => {
				deleted.length = 0;
				for (const name of names) {
					const taken = takeCollection(lib, name);
					if (taken.deleted) deleted.push(taken.deleted);
					lib = taken.library;
				}
				return lib;
			});
			if (!done || deleted.length === 0) return undefined;
			return offerCollectionUndo(deleted);
		}),
		// a view's menu passes the clicked row and the selected rows: the picker edits every selected
		// paper's tags; a list of strings instead (tests, scripts) is the tags, set without a picker
		vscode.commands.registerCommand('arxivDigest.editTags', async (arg?: unknown, second?: unknown) => {
			if (isTextList(second)) {
				const [id] = await targetIds(arg, undefined);
				if (id) await store.update((lib) => setTags(lib, id, splitTags(second.join(' '))));
				return;
			}
			const ids = await targetIds(arg, second);
			if (ids.length === 0) return;
			const { shared, partly } = tagsOfPapers(store.library, ids);
			const subject = papersSubject(ids);
			const several = ids.length > 1 ? { counts: partly, papers: ids.length } : undefined;
			const chosen = await pickTags(subject, shared, allTags(store.library), several, trackPick);
			if (chosen !== undefined) await store.update((lib) => editTagsOfPapers(lib, ids, shared, chosen));
		}),
		vscode.commands.registerCommand('arxivDigest.editNote', async (arg?: unknown, text?: unknown) => {
			const ids = await targetIds(arg, undefined);
			if (ids.length !== 1) return;
			// notes are written in the card, which opens with the cursor in its note box; a text argument (tests, scripts) saves directly
			if (typeof text === 'string') await store.update((lib) => setNote(lib, ids[0], text));
			else await vscode.commands.executeCommand(EDIT_NOTE_IN_CARD_COMMAND, typeof arg === 'object' && arg ? arg : { id: ids[0] });
		}),
		vscode.commands.registerCommand('arxivDigest.internal.showLibraryProblem', () => showLibraryProblem(store)),
	);
	if (store.problem) void showLibraryProblem(store);
	return registration;
}
