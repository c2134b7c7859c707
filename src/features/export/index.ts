/**
 * Export a collection, a day or the current search result as BibTeX, a Markdown reading list, CSV
 * or JSON through a save dialog; "Copy as BibTeX" for several selected papers. The formats are in
 * src/core/export; full papers come back from the shards (./load.ts).
 */
import * as vscode from 'vscode';
import { listText, papersCount } from '../counts';
import { EXPORT_EXTENSIONS, exportPapers, type ExportFormat } from '../../core/export';
import type { DayNode } from '../../core/tree';
import { cardRefFromArgument } from '../cards/args';
import { commandItems } from '../paperActions';
import type { IDigestWorkspace, PaperLocation } from '../workspace/types';
import { loadItems, type ReaderData } from './load';
import { errorText } from '../log';
import { showQuickPick } from '../quickInput';
import { isCollectionNode } from '../library/collectionsView';
import { libraryId } from '../../core/library/model';
import { collectionLabel } from '../library/labels';
import type { QueryIdsResult } from '../search';
import { showWrittenFile, writtenFileName } from './written';
import { exportSaveUri, rememberExportFolder } from './saveFolder';
import { exportHeading, exportPickTitle, markdownExportStrings, exportSaveTitle, nothingToExport, type ExportSubject } from './exportText';
import { confirmDone, showErrorMessage, showInformationMessage, showWarningMessage } from '../messages';

export interface ExportSources extends ReaderData {
	/** ids of a collection, in the order added; undefined when there is none of that name */
	collectionIds(name: string): readonly string[] | undefined;
	collectionNames(): string[];
	/** the last query typed in Search Papers */
	lastQuery(): string | undefined;
	/** ids a query finds, notes included (the search feature's answer) */
	queryIds(query: string): Promise<QueryIdsResult>;
	/** the papers the Papers view shows under its filter (file key, index) and the filter's words; undefined when it shows every paper */
	filtered(): { words: string; refs: readonly { key: string; index: number }[] } | undefined;
}

export interface ExportOptions {
	/** skip the dialogs: tests and scripts */
	format?: ExportFormat;
	uri?: vscode.Uri;
}

/**
 * A command's export options and the rows it is about: a view's menu passes the clicked row and the
 * selected rows (`clicked, selected[]`), a script or test the subject and its options, or the menu's
 * two arguments and the options third.
 */
function menuArguments(clicked: unknown, second: unknown, third: unknown): { items: unknown[]; options?: ExportOptions } {
	if (Array.isArray(second)) return { items: commandItems(clicked, second), options: third as ExportOptions | undefined };
	return { items: [clicked], options: second as ExportOptions | undefined };
}

const isDayNode = (item: unknown): item is DayNode => !!item && typeof item === 'object' && (item as DayNode).kind === 'day';

/** up to how many selected days an export's title names one by one (more: how many, the first and the last) */
const DAYS_LISTED = 3;

/** the ids a message names of the papers it left out (it says how many there are) */
const IDS_SHOWN = 5;

/** a function, not a constant: vscode.l10n is only ready once the extension runs */
const formats = (): { format: ExportFormat; label: string; detail: string }[] => [
	{ format: 'bibtex', label: vscode.l10n.t('BibTeX (.bib)'), detail: vscode.l10n.t('@misc entries with eprint, archivePrefix and primaryClass') },
	{ format: 'markdown', label: vscode.l10n.t('Markdown reading list (.md)'), detail: vscode.l10n.t('title and link, authors, TL;DR, tags and your note') },
	{ format: 'csv', label: vscode.l10n.t('CSV (.csv)'), detail: vscode.l10n.t('one row per paper, for spreadsheets') },
	{ format: 'json', label: vscode.l10n.t('JSON (.json)'), detail: vscode.l10n.t('every field, for scripts') },
];

function safeFileName(text: string): string {
	return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'papers';
}

/** `state`: where the save dialogs remember the last export's folder (globalState) */
export function registerExport(workspace: IDigestWorkspace, sources: ExportSources, state: vscode.Memento): vscode.Disposable {
	/** Newest listing of each id (the paper is exported once, with all its days). */
	const locationsOf = (ids: Iterable<string>): { locations: PaperLocation[]; absent: string[] } => {
		const locations: PaperLocation[] = [];
		const absent: string[] = [];
		for (const id of ids) {
			const found = workspace.findPaper(id)[0];
			if (found) locations.push(found);
			else absent.push(id);
		}
		return { locations, absent };
	};

	/** `order`: the ids in the order the subject lists them (a collection's, a search's), which the papers kept of gone digests take too */
	const run = async (subject: ExportSubject, locations: PaperLocation[], absent: string[], options: ExportOptions = {}, order?: readonly string[]): Promise<vscode.Uri | undefined> => {
		// the papers no digest lists any more that the library kept count too
		const count = locations.length + absent.filter((id) => sources.kept?.(id)).length;
		if (count === 0) {
			void showInformationMessage(nothingToExport(subject, vscode.l10n));
			return undefined;
		}
		const title = exportHeading(subject, vscode.l10n);
		const format =
			options.format ??
			(await showQuickPick(formats().map((f) => ({ ...f, label: f.label, description: '' })), { title: exportPickTitle(subject, papersCount(count, vscode.l10n), vscode.l10n) }))?.format;
		if (!format) return undefined;
		const extension = EXPORT_EXTENSIONS[format];
		const uri =
			options.uri ??
			(await vscode.window.showSaveDialog({
				title: exportSaveTitle(subject, vscode.l10n),
				defaultUri: await exportSaveUri(state, `${safeFileName(subject.kind === 'day' ? vscode.l10n.t('papers-{0}', title) : title)}.${extension}`),
				filters: { [formats().find((f) => f.format === format)?.label ?? format]: [extension] },
			}));
		if (!uri) return undefined;
		// the extension never writes over a digest (a day's export was named like the day's file)
		if (workspace.get(uri)) {
			void showErrorMessage(vscode.l10n.t('Not exported: {0} is a digest, and arXiv Digest never writes over your digests. Export again and choose another name.', vscode.workspace.asRelativePath(uri)));
			return undefined;
		}
		const { items, missing } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}…', papersCount(count, vscode.l10n)) }, () =>
			loadItems(workspace, locations, sources, absent),
		);
		if (order) {
			const rank = new Map(order.map((id, i) => [libraryId(id), i]));
			items.sort((a, b) => (rank.get(libraryId(a.paper.id)) ?? Infinity) - (rank.get(libraryId(b.paper.id)) ?? Infinity));
		}
		const text = exportPapers(format, { title, items, exported: new Date().toISOString(), strings: markdownExportStrings(vscode.l10n) });
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
		// a file chosen in the dialog: the next export starts in its folder (a test's or script's uri is no choice)
		if (!options.uri) await rememberExportFolder(state, uri);
		const skipped = missing;
		if (skipped.length > 0) {
			void showWrittenFile(vscode.l10n.t('Exported {0} to {1}; {2} not in this workspace\'s digests were left out: {3}', papersCount(items.length, vscode.l10n), writtenFileName(uri), skipped.length, listText(skipped, vscode.l10n, 'list', IDS_SHOWN)), uri, 'warning');
		} else {
			void showWrittenFile(vscode.l10n.t('Exported {0} to {1}', papersCount(items.length, vscode.l10n), writtenFileName(uri)), uri);
		}
		return uri;
	};

	// a collection's row, or several selected (their papers each once, in the list's order), or a collection's name
	const exportCollection = async (node?: unknown, second?: unknown, third?: unknown) => {
		const { items, options } = menuArguments(node, second, third);
		const order = sources.collectionNames();
		const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
		let names = [...new Set(items.filter(isCollectionNode).map((n) => n.name))].sort((a, b) => rank(a) - rank(b));
		if (names.length === 0) {
			const name = typeof node === 'string' ? node : (await showQuickPick(sources.collectionNames().map((n) => ({ label: collectionLabel(n, vscode.l10n), name: n })), { title: vscode.l10n.t('Export Collection') }))?.name;
			if (!name) return undefined;
			names = [name];
		}
		const ids: string[] = [];
		for (const name of names) {
			const own = sources.collectionIds(name);
			if (!own) {
				void showWarningMessage(vscode.l10n.t('There is no collection "{0}".', name));
				return undefined;
			}
			ids.push(...own);
		}
		const unique = [...new Set(ids)];
		const { locations, absent } = locationsOf(unique);
		const labels = names.map((name) => collectionLabel(name, vscode.l10n));
		const subject: ExportSubject = labels.length === 1 ? { kind: 'collection', name: labels[0] } : { kind: 'collections', names: listText(labels.map((label) => `“${label}”`), vscode.l10n) };
		return run(subject, locations, absent, options, unique);
	};

	// a day row, or several selected (their papers each once, the oldest day's first), or `YYYY-MM-DD`
	const exportDay = async (node?: unknown, second?: unknown, third?: unknown) => {
		const { items, options } = menuArguments(node, second, third);
		const files = workspace.files();
		const dayOf = (f: (typeof files)[number]) => f.digest.day ?? f.digest.label;
		const nodes = items.filter(isDayNode).sort((a, b) => (a.day ?? a.label).localeCompare(b.day ?? b.label));
		let label: string | undefined;
		let keys: string[] | undefined;
		if (nodes.length > 0) {
			const days = nodes.map((n) => n.day ?? n.label);
			label = days.length <= DAYS_LISTED ? listText(days, vscode.l10n) : vscode.l10n.t('{0} days, {1} – {2}', days.length, days[0], days[days.length - 1]);
			keys = nodes.flatMap((n) => n.keys);
		} else {
			const days = [...new Set(files.map(dayOf))].sort().reverse();
			label = typeof node === 'string' ? node : await showQuickPick(days, { title: vscode.l10n.t('Export Day') });
		}
		if (!label) return undefined;
		const chosen = keys ? keys.flatMap((key) => files.filter((f) => f.uri.toString() === key)) : files.filter((f) => dayOf(f) === label);
		const seen = new Set<string>();
		const locations: PaperLocation[] = [];
		for (const file of chosen) {
			file.digest.papers.forEach((paper, index) => {
				if (seen.has(paper.id)) return;
				seen.add(paper.id);
				locations.push({ file, paper, index });
			});
		}
		return run({ kind: 'day', day: label }, locations, [], options);
	};

	const exportSearch = async (query?: unknown, options?: ExportOptions) => {
		const text = typeof query === 'string' && query.trim() ? query.trim() : sources.lastQuery();
		if (!text) {
			void showInformationMessage(vscode.l10n.t('Search Papers first: this exports the papers of the last search.'));
			return undefined;
		}
		const reply = await sources.queryIds(text);
		if ('error' in reply) {
			void showErrorMessage(vscode.l10n.t('Cannot export the search "{0}": {1}', text, reply.error));
			return undefined;
		}
		const { locations, absent } = locationsOf(reply.ids);
		return run({ kind: 'search', query: text }, locations, absent, options, reply.ids);
	};

	const copyBibtexMany = async (arg?: unknown, all?: unknown) => {
		const locations: PaperLocation[] = [];
		const absent: string[] = [];
		for (const item of commandItems(arg, all)) {
			const ref = cardRefFromArgument(item);
			const location = ref && workspace.resolve(ref);
			if (location) locations.push(location);
			else if (ref) absent.push(ref.id);
		}
		if (locations.length === 0 && !absent.some((id) => sources.kept?.(id))) {
			if (absent.length > 0) void showWarningMessage(vscode.l10n.t('No BibTeX copied: {0} not in this workspace\'s digests: {1}', absent.length, listText(absent, vscode.l10n, 'list', IDS_SHOWN)));
			return;
		}
		try {
			const { items, missing } = await loadItems(workspace, locations, sources, absent);
			await vscode.env.clipboard.writeText(exportPapers('bibtex', { title: '', items, exported: '' }));
			const skipped = missing;
			if (skipped.length > 0) {
				void showWarningMessage(vscode.l10n.t('Copied BibTeX of {0}; {1} not in this workspace\'s digests were left out: {2}', papersCount(items.length, vscode.l10n), skipped.length, listText(skipped, vscode.l10n, 'list', IDS_SHOWN)));
			} else confirmDone(vscode.l10n.t('$(check) Copied BibTeX of {0}', papersCount(items.length, vscode.l10n)));
		} catch (err) {
			void showErrorMessage(vscode.l10n.t('Cannot copy BibTeX: {0}', errorText(err)));
		}
	};

	// the Papers view's title menu: what the view shows, not the search box's last query
	const exportFiltered = async (_node?: unknown, options?: ExportOptions) => {
		const shown = sources.filtered();
		if (!shown) {
			void showInformationMessage(vscode.l10n.t('The Papers view shows every paper: filter it first, or export a day or a search.'));
			return undefined;
		}
		const locations: PaperLocation[] = [];
		for (const ref of shown.refs) {
			const file = workspace.get(vscode.Uri.parse(ref.key));
			const paper = file?.digest.papers[ref.index];
			if (file && paper) locations.push({ file, paper, index: ref.index });
		}
		return run({ kind: 'filtered', words: shown.words }, locations, [], options);
	};

	return vscode.Disposable.from(
		vscode.commands.registerCommand('arxivDigest.exportFilteredPapers', exportFiltered),
		vscode.commands.registerCommand('arxivDigest.exportCollection', exportCollection),
		vscode.commands.registerCommand('arxivDigest.exportDay', exportDay),
		vscode.commands.registerCommand('arxivDigest.exportSearchResults', exportSearch),
		vscode.commands.registerCommand('arxivDigest.copyBibtexSelection', copyBibtexMany),
	);
}
