/**
 * Reading every day: the reader's interests (matches from the index shards) and new / seen / read
 * state, the commands that change them, and the reader's sets search filters by (`is:match`,
 * `is:new`, `is:seen`, `is:unread`, `is:read`). The Papers view, cards and editors show them through `Reading`.
 */
import * as vscode from 'vscode';
import { parseViewMode, type ReadingLookup, type ViewMode } from '../../core/readingMarks';
import { listingDays, type ListingDays, type ReadStatus } from '../../core/readState';
import type { InterestMatch } from '../../core/interests';
import { paperIdsOf } from '../../core/summary';
import { activeCardRef, authorAtSelection, commandItems, commandPaperIds, commandTarget, keysBackToCard } from '../paperActions';
import { listText, papersCount } from '../counts';
import type { IDigestWorkspace } from '../workspace/types';
import { registerInterestDecorations } from './decorations';
import { editInterestAndSay, registerInterestEditing } from './editInterests';
import { InterestsService } from './interests';
import type { ReadingStateRegistry } from '../library/readingState';
import { ReadStore } from './readStore';
import { readMarksPart } from './statePart';
import { argOrInputBox, showQuickPick } from '../quickInput';
import { readSetting, SETTINGS, updateSetting } from '../settings';
import { disposeLastFirst } from '../vsc-utils';
import { showInformationMessage } from '../messages';

export const VIEW_MODE_SETTING = SETTINGS.treeViewMode;
/** the reader's sets go to the shards after changes settle */
const SETS_DELAY_MS = 300;

/** What a change of the reading marks touched. */
export interface ReadingChange {
	/** the papers whose new / seen / read marks changed; undefined: any paper's marks may have (matches, the view mode, an import) */
	readonly ids?: readonly string[];
	/** with `ids`: they were seen on this day and still count as new there (see MarksChange) */
	readonly seenOn?: string;
}

export interface Reading extends ReadingLookup, vscode.Disposable {
	readonly store: ReadStore;
	readonly interests: InterestsService;
	/** fires after read state, matches or the view mode changed */
	readonly onDidChange: vscode.Event<ReadingChange>;
	viewMode(): ViewMode;
	/** opening a card */
	markRead(id: string): void;
	/** a day (its papers) was shown */
	markSeen(ids: Iterable<string>, day: string | undefined): void;
	/** pushes the reader's sets to the shards now (tests wait for it) */
	syncSets(): Promise<void>;
	/** Edit Interests' list or step while it is shown (tests) */
	shownInterestsInput(): vscode.QuickInput | undefined;
}

export function registerReading(context: vscode.ExtensionContext, workspace: IDigestWorkspace, registry: ReadingStateRegistry): Reading {
	const store = new ReadStore(context.globalState);
	// export/import and the Settings Sync plan (within its budget) go through the library's registry
	const marksPart = registry.register(readMarksPart(store));
	const interests = new InterestsService(workspace);
	const emitter = new vscode.EventEmitter<ReadingChange>();
	let mode = parseViewMode(readSetting(VIEW_MODE_SETTING));
	/** the first and the newest day each paper is listed on (by id without version), worked out again after files change */
	let listed: ListingDays | undefined;
	const listedOn = () => (listed ??= listingDays(workspace.files().map((f) => f.digest)));
	let setsTimer: ReturnType<typeof setTimeout> | undefined;

	const syncSets = async () => {
		if (setsTimer) clearTimeout(setsTimer);
		setsTimer = undefined;
		const backend = await workspace.backend();
		if (!backend) return;
		// unread: every paper not read, worked out by the shards (building and sending a list of every
		// unread paper was the longest run of the extension host in a cold start's CPU profile); new:
		// every paper neither read nor seen, as the newest day listing it shows it, worked out the same way
		const newest = listedOn().last;
		await backend.service.setUserSets({
			'is:read': store.readIds(),
			'is:seen': store.seenIds((id) => newest.get(id)),
			'is:unread': { not: ['is:read'] },
			'is:new': { not: ['is:read', 'is:seen'] },
			'is:match': interests.matchIds(),
		});
	};
	const scheduleSets = () => {
		if (setsTimer) clearTimeout(setsTimer);
		setsTimer = setTimeout(() => void syncSets(), SETS_DELAY_MS);
	};

	const editing = registerInterestEditing(workspace, () => interests.spec, interests.onDidChangeSpec, interests);
	const reading: Reading = {
		store,
		interests,
		onDidChange: emitter.event,
		statusOn: (id: string, day: string | undefined): ReadStatus => store.statusOn(id, day),
		match: (id: string): InterestMatch | undefined => interests.match(id),
		firstListed(id: string): string | undefined {
			// one pass over the summaries' ids, redone after files change
			return listedOn().first.get(id);
		},
		viewMode: () => mode,
		markRead: (id) => store.markRead([id]),
		markSeen: (ids, day) => store.markSeen(ids, day),
		syncSets,
		shownInterestsInput: () => editing.shownInput(),
		dispose() {
			if (setsTimer) clearTimeout(setsTimer);
			disposeLastFirst(disposables);
		},
	};

	const target = (arg: unknown) => commandTarget(workspace, arg);

	/** Mark Day as Read without a day: the active card's, else the active digest editor's. */
	const dayInFront = async (): Promise<DayPapers | undefined> => {
		const card = await activeCardRef();
		const editor = vscode.window.activeTextEditor;
		const uri = card ? card.uri : editor && workspace.isDigestDocument(editor.document) ? editor.document.uri.toString() : undefined;
		if (!uri) return undefined;
		const day = dayOfFile(workspace.files(), uri);
		if (day) return { label: day.label, ids: idsOfFiles(day.files) };
		// a digest outside the scanned folders: its own papers
		const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
		if (!document) return undefined;
		const digest = workspace.parseDocument(document);
		return { label: digest.day ?? digest.label, ids: digest.papers.map((p) => p.id) };
	};

	/** Mark Day as Read with no day in front: the reader picks one, newest first, with its unread count. */
	const pickDay = async (): Promise<DayPapers | undefined> => {
		const items = dayChoices(workspace.files()).map((choice) => {
			const ids = idsOfFiles(choice.files);
			const unread = new Set(ids.filter((id) => !store.isRead(id))).size;
			return { label: choice.label, description: unread > 0 ? vscode.l10n.t('{0} unread', unread) : vscode.l10n.t('all read'), ids };
		});
		if (items.length === 0) return undefined;
		const picked = await showQuickPick(items, { title: vscode.l10n.t('Mark Day as Read'), placeHolder: vscode.l10n.t('Pick a day to mark every paper of it as read') });
		return picked && { label: picked.label, ids: picked.ids };
	};

	/** Marks a day's papers read and offers to undo it: each paper gets back the mark it had, not "unread" for all. */
	const markDay = (day: DayPapers): DayMarked => {
		const before = store.markRead(day.ids);
		const undo = () => store.undoMarkRead(before);
		if (before.size === 0) {
			void showInformationMessage(vscode.l10n.t('Every paper of {0} was read already.', day.label));
		} else {
			const undoLabel = vscode.l10n.t('Undo');
			void showInformationMessage(vscode.l10n.t('Marked {0} of {1} as read.', papersCount(before.size, vscode.l10n), day.label), undoLabel).then((choice) => {
				if (choice === undoLabel) undo();
			});
		}
		return { label: day.label, marked: before.size, undo };
	};

	const disposables: vscode.Disposable[] = [
		store,
		marksPart,
		interests,
		emitter,
		store.onDidChange((change) => {
			emitter.fire(change ?? {});
			scheduleSets();
		}),
		interests.onDidChange(() => {
			emitter.fire({});
			scheduleSets();
		}),
		// another window or Settings Sync may have stored marks meanwhile
		vscode.window.onDidChangeWindowState((e) => {
			if (e.focused) store.reload();
		}),
		workspace.onDidChange(() => {
			listed = undefined;
			scheduleSets();
		}),
		vscode.workspace.onDidChangeConfiguration((e) => {
			if (!e.affectsConfiguration(VIEW_MODE_SETTING)) return;
			mode = parseViewMode(readSetting(VIEW_MODE_SETTING));
			emitter.fire({});
		}),
		registerInterestDecorations(context.extensionUri, workspace, reading),
		editing,

		vscode.commands.registerCommand('arxivDigest.addSelectionToInterests', async () => {
			const editor = vscode.window.activeTextEditor;
			const text = editor?.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
			if (!text) {
				void showInformationMessage(vscode.l10n.t('Select a word or phrase in an editor to add it to your interests.'));
				return;
			}
			// a name selected on an entry's authors line is that author, followed (a keyword never marks their papers)
			const author = editor && authorAtSelection(workspace, editor, text);
			await editInterestAndSay('add', author ? 'authors' : 'keywords', author ?? text);
		}),

		vscode.commands.registerCommand('arxivDigest.excludeKeyword', async (arg?: unknown) => {
			const editor = vscode.window.activeTextEditor;
			const selected = editor?.document.getText(editor.selection).replace(/\s+/g, ' ').trim();
			const term = await argOrInputBox(arg, {
				title: vscode.l10n.t('Exclude Keyword'),
				prompt: vscode.l10n.t('Papers with this word, "phrase" or /regex/ are dimmed and never count as matches'),
				value: selected ?? '',
			});
			if (term?.trim()) await editInterestAndSay('add', 'exclude', term.trim());
		}),

		vscode.commands.registerCommand('arxivDigest.followAuthor', async (arg?: unknown) => {
			if (typeof arg === 'string' && arg.trim()) {
				await editInterestAndSay('add', 'authors', arg);
				return;
			}
			const t = await target(arg);
			if (!t) return;
			const location = t.uri && workspace.resolve({ uri: t.uri.toString(), id: t.paper.id, index: t.index });
			// every author, not the first few the summary keeps
			const loaded = location ? await workspace.loadPaper(location) : undefined;
			const authors = (loaded?.paper.authors ?? t.paper.authors).filter((a) => a.trim() !== '');
			if (authors.length === 0) {
				void showInformationMessage(vscode.l10n.t('This paper lists no authors.'));
				return;
			}
			const name =
				authors.length === 1
					? authors[0]
					: await showQuickPick(authors, { title: vscode.l10n.t('Follow Author'), placeHolder: vscode.l10n.t('Papers by this author will be marked as matches') });
			// run about the card in front (its `…` menu): the keys go back to it
			if (arg === undefined && authors.length > 1) keysBackToCard();
			if (name) await editInterestAndSay('add', 'authors', name);
		}),

		vscode.commands.registerCommand('arxivDigest.markRead', async (arg?: unknown, all?: unknown) => {
			store.markRead(await commandPaperIds(workspace, arg, all));
		}),

		vscode.commands.registerCommand('arxivDigest.markUnread', async (arg?: unknown, all?: unknown) => {
			store.markUnread(await commandPaperIds(workspace, arg, all));
		}),

		// several days selected in the Papers view: all of them, as one mark with one Undo
		vscode.commands.registerCommand('arxivDigest.markDayRead', async (arg?: unknown, all?: unknown): Promise<DayMarked | undefined> => {
			const day = daysOfArguments(workspace.files(), commandItems(arg, all)) ?? (await dayInFront()) ?? (await pickDay());
			return day && markDay(day);
		}),

		vscode.commands.registerCommand('arxivDigest.setViewMode', async (value?: unknown) => {
			let next: ViewMode | undefined = typeof value === 'string' ? parseViewMode(value) : undefined;
			if (!next) {
				const items: (vscode.QuickPickItem & { mode: ViewMode })[] = [
					{ mode: 'all', label: vscode.l10n.t('All papers'), description: mode === 'all' ? vscode.l10n.t('current') : undefined },
					{ mode: 'matchesFirst', label: vscode.l10n.t('Matches first'), description: mode === 'matchesFirst' ? vscode.l10n.t('current') : undefined },
					{ mode: 'onlyMatches', label: vscode.l10n.t('Only matches'), description: mode === 'onlyMatches' ? vscode.l10n.t('current') : undefined },
					{ mode: 'forYou', label: vscode.l10n.t('For you'), detail: vscode.l10n.t("Each day's papers ranked by a model of your stars"), description: mode === 'forYou' ? vscode.l10n.t('current') : undefined },
				];
				next = (await showQuickPick(items, { title: vscode.l10n.t('Papers View Mode') }))?.mode;
			}
			if (next) await updateSetting(VIEW_MODE_SETTING, next);
		}),
	];
	return reading;
}

/** A day's papers to mark read, and the day's name for the reader. */
interface DayPapers {
	readonly label: string;
	readonly ids: readonly string[];
}

/** What Mark Day as Read did (its command's answer): the day, how many papers it marked, and its undo. */
export interface DayMarked {
	readonly label: string;
	readonly marked: number;
	undo(): void;
}

type DayFile = { readonly uri: { toString(): string }; readonly digest: { readonly day?: string; readonly label: string } & Parameters<typeof paperIdsOf>[0] };

function idsOfFiles(files: readonly DayFile[]): string[] {
	return files.flatMap((file) => [...paperIdsOf(file.digest)]);
}

/** The days a command's arguments name (see dayOfArgument; of several, their day rows only), as one: their names listed, their papers each once. */
function daysOfArguments(files: readonly DayFile[], items: readonly unknown[]): DayPapers | undefined {
	const days = (items.length > 1 ? items.filter((item) => (item as { kind?: unknown } | undefined)?.kind === 'day') : items).flatMap((item) => dayOfArgument(files, item) ?? []);
	if (days.length <= 1) return days[0];
	return { label: listText(days.map((d) => d.label), vscode.l10n), ids: [...new Set(days.flatMap((d) => d.ids))] };
}

/** The day a command's argument names (a tree day or category node, or `YYYY-MM-DD`), with its papers; else undefined. */
function dayOfArgument(files: readonly DayFile[], arg: unknown): DayPapers | undefined {
	const node = dayNodeOf(arg);
	const label = node ? (typeof node.day === 'string' ? node.day : String(node.label)) : typeof arg === 'string' && DAY.test(arg) ? arg : undefined;
	return label === undefined ? undefined : { label, ids: idsOfDay(files, arg) };
}

/**
 * The papers Mark Day as Read marks: a tree day node's (or a category's day) as the Papers view shows
 * them, so a filtered view marks its matches and leaves the papers it hides unread; else every paper
 * of the files of filesOfDay.
 */
export function idsOfDay<F extends DayFile>(files: readonly F[], arg: unknown): string[] {
	const categories = dayNodeOf(arg)?.categories;
	if (Array.isArray(categories)) return categories.flatMap((c: { paperIds(): readonly string[] }) => [...c.paperIds()]);
	return idsOfFiles(filesOfDay(files, arg));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The files of the day a command's argument names: those of a tree day node (or a category's day),
 * which for a file without a day is that file alone, or those of a `YYYY-MM-DD` string; none for
 * anything else.
 */
export function filesOfDay<F extends { readonly uri: { toString(): string }; readonly digest: { readonly day?: string } }>(files: readonly F[], arg: unknown): F[] {
	const keys = dayNodeOf(arg)?.keys;
	if (Array.isArray(keys)) return files.filter((f) => keys.includes(f.uri.toString()));
	return typeof arg === 'string' && DAY.test(arg) ? files.filter((f) => f.digest.day === arg) : [];
}

/** A day the reader can mark read: its files (one file when it names no day) and its name. */
export interface DayChoice<F> {
	readonly label: string;
	readonly files: F[];
}

/** The day of the file `uri`: every file of that day, or that file alone when it names no day; undefined when no file has that uri. */
export function dayOfFile<F extends { readonly uri: { toString(): string }; readonly digest: { readonly day?: string; readonly label: string } }>(files: readonly F[], uri: string): DayChoice<F> | undefined {
	const file = files.find((f) => f.uri.toString() === uri);
	if (!file) return undefined;
	const day = file.digest.day;
	return day === undefined ? { label: file.digest.label, files: [file] } : { label: day, files: files.filter((f) => f.digest.day === day) };
}

/** The days to pick from, newest first, then each file without a day by its name. */
export function dayChoices<F extends { readonly digest: { readonly day?: string; readonly label: string } }>(files: readonly F[]): DayChoice<F>[] {
	const days = new Map<string, F[]>();
	const undated: DayChoice<F>[] = [];
	for (const file of files) {
		const day = file.digest.day;
		if (day === undefined) undated.push({ label: file.digest.label, files: [file] });
		else if (days.has(day)) days.get(day)?.push(file);
		else days.set(day, [file]);
	}
	const dated = [...days].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0)).map(([label, dayFiles]) => ({ label, files: dayFiles }));
	return [...dated, ...undated.sort((a, b) => a.label.localeCompare(b.label))];
}

/** The tree day node a command was given: the node itself, or a category node's day; else undefined. */
function dayNodeOf(arg: unknown): { readonly categories?: unknown; readonly keys?: unknown; readonly day?: unknown; readonly label?: unknown } | undefined {
	if (!arg || typeof arg !== 'object') return undefined;
	const node = arg as { kind?: unknown; parent?: unknown };
	const day = node.kind === 'day' ? node : node.kind === 'category' ? node.parent : undefined;
	return day && typeof day === 'object' ? day : undefined;
}
