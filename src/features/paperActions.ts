/**
 * Commands on one paper, shared by the tree, cards, search results and the editor: open the
 * source entry, open on arXiv / as PDF, copy link or title; and Open Sample Digests.
 *
 * Each accepts a PaperRef `{ uri?, id }` (optionally with `index`, or wrapped as `{ ref }`), a bare id,
 * a tree paper node, a PaperLocation, or nothing (then the current paper: see currentPaper).
 */
import * as vscode from 'vscode';
import { paperLinks, primaryLink } from '../core/card/links';
import { arxivRefAt } from '../core/library/arxivRefs';
import type { PaperSummary as Paper } from '../core/summary';
import { foldName } from '../core/authorNames';
import { findPaperIndex, paperIndexAtLine, paperLabel, paperTitleText } from '../core/tree';
import { cardRefFromArgument, type CardRef } from './cards/args';
import { parseUri, toLinePosition } from './vsc-utils';
import type { IDigestWorkspace } from './workspace/types';
import { errorText, getLog } from './log';
import { confirmDone, showErrorMessage, showInformationMessage, showWarningMessage } from './messages';
import { DIGEST_LANGUAGE_ID } from './settings';

export interface Target {
	readonly uri?: vscode.Uri;
	readonly paper: Paper;
	/** index in the file's papers, to tell apart a paper listed twice */
	readonly index?: number;
}

function quoted(paper: Paper): string {
	const label = paperLabel(paper);
	return `“${label.length > 80 ? `${label.slice(0, 79)}…` : label}”`;
}

/**
 * The paper under the cursor of `editor`, a digest: the entry holding the cursor's line, or the one
 * above it for the lines between entries.
 */
function paperAtCursor(workspace: IDigestWorkspace, editor: vscode.TextEditor): CardRef | undefined {
	const digest = workspace.parseDocument(editor.document);
	const index = paperIndexAtLine(digest, editor.selection.active.line, true);
	return index === undefined ? undefined : { uri: editor.document.uri.toString(), id: digest.papers[index].id, index };
}

/** answers the focused card's paper (a PaperRef), registered by the cards feature */
export const CURRENT_CARD_COMMAND = 'arxivDigest.internal.currentCard';

/** the card in front asks for the keys again if it has not said it has them a moment later (see the card's askKeysAgain), registered by the cards feature */
export const CARD_KEYS_BACK_COMMAND = 'arxivDigest.internal.cardKeysBack';

/**
 * A command run about the card in front (from its `…` menu, a keybinding, the palette) closed a quick
 * pick it opened: the workbench gives the keys back to the card's webview, whose page may keep them.
 */
export function keysBackToCard(): void {
	void vscode.commands.executeCommand(CARD_KEYS_BACK_COMMAND).then(undefined, () => undefined);
}

/** opens (or reveals) the card of a paper (an openCard argument) with the cursor in its note box, registered by the cards feature */
export const EDIT_NOTE_IN_CARD_COMMAND = 'arxivDigest.internal.editNoteInCard';

/** answers the paper rows selected in the Papers view (PaperRefs, in selection order), registered by the tree feature */
export const PAPERS_SELECTION_COMMAND = 'arxivDigest.internal.papersSelection';
/** answers where a walk through the papers starts from the Papers view's first selected row (see WalkStart), given a moment: if the reader chose it after that (see nextMoment); registered by the tree feature */
export const PAPERS_WALK_START_COMMAND = 'arxivDigest.internal.papersWalkStart';
/** a paper in its digest, as a card names it to the Papers view (see REVEAL_STEPPED_PAPER_COMMAND, FOCUS_SHOWN_PAPERS_VIEW_COMMAND) */
export interface SteppedPaper {
	readonly uri: string;
	readonly id: string;
	readonly index?: number;
	/**
	 * The reader's keys are in the Papers view (Next Unread pressed there): the list's focus goes to the
	 * row too, so Enter and the arrows go on from the paper shown, not from the row the key was pressed on
	 */
	readonly keysInView?: boolean;
}

/** The paper a card's ref names in its digest, or undefined for a ref with no digest (a paper known by its id alone). */
export function steppedPaperOf(ref: { readonly uri?: string; readonly id: string; readonly index?: number }): SteppedPaper | undefined {
	return ref.uri ? { uri: ref.uri, id: ref.id, index: ref.index } : undefined;
}

/**
 * selects the row of a paper (a SteppedPaper) a card stepped to in the Papers view when the view is shown (as the
 * Explorer follows the active editor), without the keys unless the step was pressed in the view (`keysInView`),
 * registered by the tree feature
 */
export const REVEAL_STEPPED_PAPER_COMMAND = 'arxivDigest.internal.revealSteppedPaper';
/** gives the Papers view the keyboard focus when it is shown, on the row of the paper given (a SteppedPaper) if listed, and answers true, else answers false (never opens it); registered by the tree feature */
export const FOCUS_SHOWN_PAPERS_VIEW_COMMAND = 'arxivDigest.internal.focusShownPapersView';
/** a walk's start at a paper, that paper included (a day's or category's first paper); a paper row's ref starts after it */
export interface WalkStart {
	uri: string;
	index: number;
}
/** opens the bundled sample digests in a new window (the Papers view's welcome, search in a workspace without digests) */
export const OPEN_SAMPLES_COMMAND = 'arxivDigest.openSamples';
/** the bundled sample digests (media/samples), by name: where the extension is served over https they cannot be listed */
export const SAMPLE_DIGESTS = ['2026-02-06.md', '2026-02-24.md'] as const;
/** schemes of a folder the workbench can open as a workspace: the extension's own files on the desktop or a remote */
const OPENABLE_FOLDER_SCHEMES: ReadonlySet<string> = new Set(['file', 'vscode-remote']);

/** the files of the samples' folder, by their path in it */
const SAMPLE_FILES = [...SAMPLE_DIGESTS, '.vscode/settings.json'];

/**
 * The sample digests: their folder in a new window where the workbench can open it; else (vscode.dev,
 * github.dev: the extension's files are served over https, which the workbench reads but can neither
 * list nor open as a folder) each sample as a digest editor, saying why the Papers view lists none.
 */
async function openSamples(context: Pick<vscode.ExtensionContext, 'extensionUri' | 'globalStorageUri'>): Promise<void> {
	const folder = vscode.Uri.joinPath(context.extensionUri, 'media', 'samples');
	if (OPENABLE_FOLDER_SCHEMES.has(folder.scheme)) {
		await vscode.commands.executeCommand('vscode.openFolder', (await samplesCopy(folder, context.globalStorageUri)) ?? folder, { forceNewWindow: true });
		return;
	}
	try {
		for (const [i, name] of SAMPLE_DIGESTS.entries()) {
			const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
			const digest = await vscode.languages.setTextDocumentLanguage(document, DIGEST_LANGUAGE_ID);
			// the last (newest) sample ends up the active editor
			await vscode.window.showTextDocument(digest, { preview: false, preserveFocus: i < SAMPLE_DIGESTS.length - 1 });
		}
	} catch (err) {
		void showErrorMessage(vscode.l10n.t('The sample digests could not be opened: {0}', errorText(err)));
		return;
	}
	void showInformationMessage(
		vscode.l10n.t(
			'The sample digests are open as editors: their Outline, paper cards and CodeLens work. The Papers view does not list them: it lists the digests of the open folder, and here the samples cannot be opened as a folder.',
		),
	);
}

/**
 * On the desktop, a copy of the samples' folder in the extension's global storage, made once (a file
 * there is never overwritten): the folder inside the extension's install directory was the window's
 * folder, named by the version (`arxiv-digest-0.2.0`), so its entry in Open Recent broke at the next
 * update, which also took the workspace's caches and state along, and an edit there changed the
 * extension's own files. Undefined where that storage is not the local disk (a remote), or the copy
 * fails: the bundled folder is opened then.
 */
async function samplesCopy(bundled: vscode.Uri, storage: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
	if (bundled.scheme !== 'file' || storage?.scheme !== 'file' || vscode.env.remoteName !== undefined) return undefined;
	const copy = vscode.Uri.joinPath(storage, 'sample-digests');
	try {
		await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(copy, '.vscode'));
		for (const name of SAMPLE_FILES) {
			const target = vscode.Uri.joinPath(copy, name);
			const there = await vscode.workspace.fs.stat(target).then(
				() => true,
				() => false,
			);
			if (!there) await vscode.workspace.fs.copy(vscode.Uri.joinPath(bundled, name), target, { overwrite: false });
		}
		return copy;
	} catch (err) {
		getLog().warn(`arXiv Digest: the sample digests could not be copied to ${copy.fsPath}; their bundled folder opens instead: ${errorText(err)}`);
		return undefined;
	}
}

/**
 * The argument a keybinding of the Papers view passes (package.json `args`): the workbench gives a
 * command run by a key no tree row, so the binding says the command is about the rows selected there.
 */
export function isPapersSelectionArgument(arg: unknown): boolean {
	return typeof arg === 'object' && arg !== null && (arg as { selectedIn?: unknown }).selectedIn === 'arxivDigest.papers';
}

/** The first paper row selected in the Papers view; unless `quiet`, tells the reader when there is none. */
export async function selectedPaper(quiet = false): Promise<CardRef | undefined> {
	const rows = await vscode.commands.executeCommand<CardRef[] | undefined>(PAPERS_SELECTION_COMMAND).then(
		(refs) => refs,
		() => undefined,
	);
	if (rows?.[0]) return rows[0];
	if (!quiet) void showInformationMessage(vscode.l10n.t('Select a paper in the Papers view first.'));
	return undefined;
}

let moments = 0;
/**
 * The next moment of one order shared by the card's moves and the reader's choices in the Papers
 * view, so a walk starts where the reader was last (the order matters, not the time: two moves in one
 * millisecond keep theirs).
 */
export function nextMoment(): number {
	return ++moments;
}

/**
 * Where a walk through the papers starts from the Papers view's selection: after a paper row, at a
 * day's or category's first paper; `after`: only if the reader chose that selection after that
 * moment (see nextMoment).
 */
export function selectedWalkStart(after?: number): Thenable<CardRef | WalkStart | undefined> {
	return vscode.commands.executeCommand<CardRef | WalkStart | undefined>(PAPERS_WALK_START_COMMAND, after).then(
		(start) => start,
		() => undefined,
	);
}

/** The paper of the card that is the active tab, if one is. */
export function activeCardRef(): Thenable<CardRef | undefined> {
	return vscode.commands.executeCommand<CardRef | undefined>(CURRENT_CARD_COMMAND).then(
		(ref) => ref,
		() => undefined,
	);
}

/**
 * The paper a command run without one (from the palette, a keybinding, a card's title menu) is about,
 * the same for every such command: the card's when a card is the active tab; else the paper under the
 * cursor of the active editor, an entry of a digest or an arXiv id of a paper of these digests in any
 * other file (notes, LaTeX, code). A card in a tab that is not the active one is never the target.
 * Tells the reader, and returns undefined, when there is none.
 */
export async function currentPaper(workspace: IDigestWorkspace): Promise<CardRef | undefined> {
	const card = await activeCardRef();
	if (card) return card;
	const editor = vscode.window.activeTextEditor;
	if (editor && workspace.isDigestDocument(editor.document)) {
		const ref = paperAtCursor(workspace, editor);
		if (!ref) void showInformationMessage(vscode.l10n.t('The cursor is not on a paper entry.'));
		return ref;
	}
	const mention = editor && arxivMentionAtCursor(editor);
	if (mention) {
		let location = workspace.findPaper(mention.id)[0];
		if (!location) {
			// before the first scan only open digests are known
			await workspace.ready;
			location = workspace.findPaper(mention.id)[0];
		}
		if (location) return { uri: location.file.uri.toString(), id: location.paper.id, index: location.index };
		// a bare number that is not a paper here is most likely not a paper at all
		if (mention.explicit) {
			void showInformationMessage(vscode.l10n.t('arXiv:{0} is not in the digests of this workspace.', mention.id));
			return undefined;
		}
	}
	void showInformationMessage(vscode.l10n.t('Open an arXiv digest and put the cursor on a paper first.'));
	return undefined;
}

/**
 * The author of the digest's entry under the cursor of `editor` whose name `text` is (accents and case
 * aside), as the authors line writes it: a selected name is followed, not searched as a keyword.
 */
export function authorAtSelection(workspace: IDigestWorkspace, editor: vscode.TextEditor, text: string): string | undefined {
	if (!workspace.isDigestDocument(editor.document)) return undefined;
	const digest = workspace.parseDocument(editor.document);
	const index = paperIndexAtLine(digest, editor.selection.active.line, true);
	const wanted = foldName(text);
	return index === undefined ? undefined : digest.papers[index].authors.find((author) => foldName(author) === wanted);
}

/** The arXiv id under the cursor of `editor` (any file: notes, LaTeX, code), as the hover finds it. */
export function arxivMentionAtCursor(editor: vscode.TextEditor): ReturnType<typeof arxivRefAt> {
	const position = editor.selection.active;
	return arxivRefAt(editor.document.lineAt(position.line).text, position.character);
}

/**
 * The paper a command from a view, a card, the palette or an editor is about: its argument (a tree
 * node, a PaperLocation, a PaperRef or id), else the current paper; tells the reader (and returns
 * undefined) when there is none.
 */
export async function commandTarget(workspace: IDigestWorkspace, arg: unknown): Promise<Target | undefined> {
	// a ref, an id, a tree node or a search result: one parser for every paper command; nothing, or
	// the document Uri that editor menus pass, is the current paper
	const ref = cardRefFromArgument(arg) ?? (await currentPaper(workspace));
	return ref && resolveTarget(workspace, ref);
}

/**
 * The items a command run from a view's row is about: a view's menu passes the clicked row and, when
 * it is one of several selected, every selected row (`all`); those rows then, else the clicked one.
 * Any second argument that is not a list (a script's options) leaves the clicked one.
 */
export function commandItems(arg: unknown, all?: unknown): unknown[] {
	return Array.isArray(all) && all.length > 0 ? all : [arg];
}

/** Is a command's argument a list of strings (tags a script gives), not a view's selected rows? */
export function isTextList(value: unknown): value is string[] {
	return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * The papers a command on one or more papers is about: the rows selected in a view (`all`, as the
 * workbench passes a multi-selection), else its argument, else the current paper. Each id once.
 */
export async function commandPaperIds(workspace: IDigestWorkspace, arg: unknown, all?: unknown): Promise<string[]> {
	const ids = new Set<string>();
	for (const item of commandItems(arg, all)) {
		const id = cardRefFromArgument(item)?.id;
		if (id) ids.add(id);
	}
	if (ids.size > 0) return [...ids];
	const current = await currentPaper(workspace);
	return current ? [current.id] : [];
}

async function resolveTarget(workspace: IDigestWorkspace, ref: CardRef): Promise<Target | undefined> {
	const location = workspace.resolve({ uri: ref.uri, id: ref.id, index: ref.index });
	if (location) {
		const sameFile = ref.uri === undefined || ref.uri === location.file.uri.toString();
		return { uri: location.file.uri, paper: location.paper, index: sameFile && ref.index !== undefined ? ref.index : location.index };
	}
	// A file outside the scanned folders (opened on its own, or excluded): read it through the editor.
	const uri = ref.uri ? parseUri(ref.uri) : undefined;
	if (uri) {
		try {
			const document = await vscode.workspace.openTextDocument(uri);
			const digest = workspace.parseDocument(document);
			const index = findPaperIndex(digest, ref.id, ref.index ?? 0);
			if (index !== undefined) return { uri, paper: digest.papers[index], index };
		} catch (err) {
			void showErrorMessage(vscode.l10n.t('Cannot open {0}: {1}', uri.toString(true), errorText(err)));
			return undefined;
		}
	}
	void showInformationMessage(vscode.l10n.t('Paper {0} was not found in the digests of this workspace.', ref.id));
	return undefined;
}

export function registerPaperActions(context: vscode.ExtensionContext, workspace: IDigestWorkspace): vscode.Disposable {
	const openSource = async (t: Target): Promise<void> => {
		if (!t.uri) {
			void showInformationMessage(vscode.l10n.t('No digest file is known for {0}.', quoted(t.paper)));
			return;
		}
		const document = await vscode.workspace.openTextDocument(t.uri);
		// The saved parse may be stale against unsaved edits: find the heading in the live text.
		const live = workspace.parseDocument(document);
		const index = findPaperIndex(live, t.paper.id, t.index ?? 0);
		const line = index !== undefined ? live.papers[index].headingLine : t.paper.headingLine;
		// an empty selection at column 0: selecting the long heading would scroll the editor sideways
		const range = toLinePosition(Math.min(line, document.lineCount - 1));
		const editor = await vscode.window.showTextDocument(document, { selection: range });
		editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
	};

	const openExternal = async (url: string): Promise<void> => {
		const ok = await vscode.env.openExternal(vscode.Uri.parse(url, true));
		if (!ok) void showWarningMessage(vscode.l10n.t('Could not open {0}', url));
	};

	const copy = async (text: string, what: string): Promise<void> => {
		await vscode.env.clipboard.writeText(text);
		confirmDone(`$(check) ${vscode.l10n.t('Copied {0}', what)}`);
	};

	const withTarget = (run: (t: Target) => Promise<void>) => async (arg?: unknown) => {
		try {
			const t = await commandTarget(workspace, arg);
			if (t) await run(t);
		} catch (err) {
			void showErrorMessage(vscode.l10n.t('arXiv Digest: {0}', errorText(err)));
		}
	};

	const disposables = [
		vscode.commands.registerCommand('arxivDigest.openSource', withTarget(openSource)),

		vscode.commands.registerCommand(
			'arxivDigest.openOnArxiv',
			withTarget(async (t) => {
				const url = primaryLink(t.paper);
				if (url) await openExternal(url);
				else void showInformationMessage(vscode.l10n.t('{0} has no web link in the digest.', quoted(t.paper)));
			}),
		),

		vscode.commands.registerCommand(
			'arxivDigest.openPdf',
			withTarget(async (t) => {
				const links = paperLinks(t.paper);
				if (links.pdf) {
					await openExternal(links.pdf);
					return;
				}
				if (!links.original) {
					void showInformationMessage(vscode.l10n.t('No PDF: {0} is not an arXiv paper and has no web link.', quoted(t.paper)));
					return;
				}
				const host = vscode.Uri.parse(links.original).authority;
				const openLink = vscode.l10n.t('Open Link');
				const answer = await showInformationMessage(
					vscode.l10n.t('No PDF: {0} is not an arXiv paper (its link goes to {1}).', quoted(t.paper), host),
					openLink,
				);
				if (answer === openLink) await openExternal(links.original);
			}),
		),

		vscode.commands.registerCommand(
			'arxivDigest.copyLink',
			withTarget(async (t) => {
				const url = primaryLink(t.paper);
				if (url) await copy(url, url);
				else void showInformationMessage(vscode.l10n.t('{0} has no web link in the digest.', quoted(t.paper)));
			}),
		),

		vscode.commands.registerCommand(
			'arxivDigest.copyTitle',
			withTarget((t) => copy(paperTitleText(t.paper), vscode.l10n.t('title'))),
		),

		vscode.commands.registerCommand(OPEN_SAMPLES_COMMAND, () => openSamples(context)),
	];
	return vscode.Disposable.from(...disposables);
}
