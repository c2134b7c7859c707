/**
 * Search Papers: a QuickPick searching the workspace index as you type, Search by Author,
 * Search Selection, and the `queryIds` command the tree uses for its filter.
 *
 * The index belongs to the workspace's corpus shards (see ../workspace/corpus.ts), which read
 * and parse the files off the extension host's thread; this feature only asks them.
 */
import * as vscode from 'vscode';
import type { SearchHit } from '../../core/search/index';
import { saidCount } from '../../core/search/count';
import type { KeptPaper } from '../../core/library/kept';
import { describeFilters, filterValueText, filtersOnlyText, idFilterText, parseQuery, withTagReplaced, wordsOnlyFuzzy, type ParsedQuery } from '../../core/search/query';
import type { TagCount } from '../../core/library/model';
import type { NoteSearch } from '../../core/library/noteSearch';
import { listText, papersCount } from '../counts';
import { missingTags, unknownTagsAdvice } from '../library/tagAdvice';
import type { CorpusBackend } from '../workspace/corpus';
import type { IDigestWorkspace, PaperRef } from '../workspace/types';
import { cardRefFromArgument, takingFocus } from '../cards/args';
import { errorText } from '../log';
import { LoadingRerun } from './loadingRerun';
import { CacheSaver } from './cacheSave';
import { indexProgressText, indexUpdatesText, longFieldsLoadingText } from '../workspace/indexProgress';
import { queryProblemText, searchErrorText } from './queryErrorText';
import { NoDigestsError, noDigestsItems, type CommandItem } from './noDigests';
import { createQuickPick, showInput, showInputBox, showQuickPick } from '../quickInput';
import { paperLabel } from '../../core/tree';
import { plainMath } from '../../core/plainMath';
import { readSetting, SETTINGS } from '../settings';
import { showErrorMessage, showInformationMessage } from '../messages';

export const SEARCH_COMMAND = 'arxivDigest.searchPapers';
export const SEARCH_BY_AUTHOR_COMMAND = 'arxivDigest.searchByAuthor';
export const SEARCH_SELECTION_COMMAND = 'arxivDigest.searchSelection';
/** Answers `{ ids }` or `{ error }` for a search query (QueryIdsResult): the Papers view's filter and exports ask it. */
export const QUERY_IDS_COMMAND = 'arxivDigest.internal.queryIds';
export type QueryIdsResult = { ids: string[] } | { error: string };

const DEBOUNCE_MS = 80;
const RESULT_LIMIT = 100;
const SNIPPET_LENGTH = 160;

export interface SearchTestApi {
	search(query: string, limit?: number): Promise<{ id: string; title: string; uri: string }[]>;
	whenIndexed(): Promise<void>;
	/** the search box shown now: its query, title and rows' labels; undefined when none is */
	shownBox(): { value: string; title: string; labels: string[]; busy: boolean } | undefined;
}

/** The reader's library as search sees it (src/features/library implements it). */
export interface SearchLibrary {
	isStarred(id: string): boolean;
	/** the notes holding the query's free words and phrases (a typo of a note's word too, unless a paper has the word) */
	searchNotes(query: ParsedQuery): NoteSearch;
	/** every tag in use, with how many papers carry it: a `#tag` no paper carries is said so, with the tags like it */
	tagCounts(): readonly TagCount[];
	/** what the library kept of its papers: a note on a paper no digest lists any more is found too */
	readonly kept?: { get(id: string): KeptPaper | undefined };
}

/** A paper no digest lists any more, as the library kept it, as a search result (no occurrence: its card opens by id). */
function keptHit(kept: KeptPaper): SearchHit {
	return { id: kept.id, title: kept.title, authors: [...kept.authors], category: kept.category ?? kept.section, tldr: kept.tldr, ...(kept.link ? { link: kept.link } : {}), occurrences: [], score: 0, matched: [] };
}

const BUTTON_EXPORT: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('export'), tooltip: vscode.l10n.t('Export These Results…') };

function starButton(starred: boolean): vscode.QuickInputButton {
	return { iconPath: new vscode.ThemeIcon(starred ? 'star-full' : 'star-empty'), tooltip: starred ? vscode.l10n.t('Unstar') : vscode.l10n.t('Star') };
}

interface ResultItem extends CommandItem {
	hit?: SearchHit;
	/** a row that searches this query instead (a tag like the one no paper carries) */
	query?: string;
}

const BUTTON_CARD: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('preview'), tooltip: vscode.l10n.t('Open Card') };
const BUTTON_SOURCE: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Open Source') };
const BUTTON_LINK: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy Link') };

/** the words of the paper that matched, so a reader sees why a result is there */
const MATCHED_SHOWN = 5;

function matchedText(hit: SearchHit): string {
	const words = [...new Set(hit.matched ?? [])];
	if (words.length === 0) return '';
	return vscode.l10n.t('matched: {0}', listText(words, vscode.l10n, 'list', MATCHED_SHOWN));
}

/** a TL;DR's start, on one line, its TeX as text (a quick pick renders no math) */
function snippet(text: string): string {
	const flat = plainMath(text.replace(/\s+/g, ' ').trim());
	return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH - 1)}…` : flat;
}

export function registerSearch(
	_context: vscode.ExtensionContext,
	workspace: IDigestWorkspace,
	library?: SearchLibrary,
): vscode.Disposable & { readonly api: SearchTestApi; lastQuery(): string | undefined } {
	const disposables: vscode.Disposable[] = [];
	let lastQuery: string | undefined;
	/**
	 * Papers whose note matches the query's words: the shards hold no notes, so the host finds them
	 * (notes are few) and the shards apply the query's other filters to them by id. `corrected`: the
	 * query's words that neither a paper nor a note has, taken as typos of a note's word.
	 */
	const noteHits = async (b: CorpusBackend, query: string, parsed: ParsedQuery): Promise<{ hits: SearchHit[]; corrected: string[] }> => {
		const none = { hits: [] as SearchHit[], corrected: [] as string[] };
		if (!library) return none;
		// a word is corrected only when nothing has it, as the index corrects a paper's: the papers are
		// asked about the few words no note has and a note's word is close to
		const notes = library.searchNotes(parsed);
		const papersHave = new Set<string>();
		for (const term of notes.typos) {
			const known = await b.service.search(term, 1, false);
			if (known.ok && known.result.total > 0) papersHave.add(term);
		}
		const ids = notes.matches(papersHave);
		if (ids.length === 0) return none;
		const filters = filtersOnlyText(query);
		const reply = await b.service.search(`${filters} ${ids.map(idFilterText).join(' ')}`.trim(), RESULT_LIMIT, false);
		// notes on papers no digest lists any more, as the library kept them; not under a filter (the index
		// applies those, to the papers it has)
		const kept = filters === '' ? ids.filter((id) => workspace.findPaper(id).length === 0).flatMap((id) => library.kept?.get(id) ?? []) : [];
		const hits = [...(reply.ok ? reply.result.hits : []), ...kept.map(keptHit)];
		if (hits.length === 0) return none;
		return { hits, corrected: notes.typos.filter((term) => !papersHave.has(term)) };
	};
	/** what the index does while it first fills ('' once everything is searchable) */
	let loadingText = '';
	/** files the tree shows that search does not have yet: added or changed, handed to the index and not indexed */
	let pendingUpdates = 0;
	/** the index is searchable but still loads the long fields' text (see SearchService.loadingLongFields) */
	let longFieldsLoading = false;
	/** what the index does before it can answer on every field ('' once it can) */
	const indexLoadingText = () => loadingText || (longFieldsLoading ? longFieldsLoadingText() : '');
	/** what the search box's title says the index is doing ('' when every file the tree shows is searchable) */
	const progressText = () => indexLoadingText() || (pendingUpdates > 0 ? indexUpdatesText(pendingUpdates) : '');
	/** the search box's progress text may have changed */
	const progressChanged = new vscode.EventEmitter<void>();
	disposables.push(progressChanged);
	const fireProgress = () => progressChanged.fire();
	const setProgress = (text: string) => {
		loadingText = text;
		fireProgress();
	};
	/** the shards whose progress the search box shows (they end in a workspace that has no digest left, and start again for one) */
	let progressFrom: CorpusBackend | undefined;

	/** The workspace's corpus shards; searching a workspace without digests fails with a clear message. */
	const backendReady = async (): Promise<CorpusBackend> => {
		const b = await workspace.backend();
		if (!b) throw new NoDigestsError(vscode.l10n.t('no digest files in this workspace'));
		if (progressFrom !== b) {
			progressFrom = b;
			pendingUpdates = b.service.pendingUpdates;
			longFieldsLoading = b.service.loadingLongFields;
			disposables.push(
				b.service.onProgress((p) => setProgress(indexProgressText(p))),
				b.service.onLongFieldsLoading((loading) => {
					if (progressFrom !== b) return;
					longFieldsLoading = loading;
					fireProgress();
				}),
				b.service.onPendingUpdates((pending) => {
					if (progressFrom !== b) return;
					pendingUpdates = pending;
					fireProgress();
				}),
			);
			void b.service.whenIndexed().then(
				() => setProgress(''),
				(err: unknown) => setProgress(vscode.l10n.t('search index failed: {0}', errorText(err))),
			);
		}
		return b;
	};

	// the index saves its cache after building; changes since are saved a while after the last one is indexed
	const saver = new CacheSaver(async () => (await workspace.backend())?.service);
	disposables.push(saver, workspace.onDidChange(() => saver.changed()));

	const refOf = (b: CorpusBackend, hit: SearchHit): PaperRef => ({ uri: hit.occurrences[0] ? b.uriOf(hit.occurrences[0].file).toString() : undefined, id: hit.id });

	const runHit = async (hit: SearchHit, action: 'card' | 'source' | 'link') => {
		const b = await backendReady();
		// a card takes the keyboard focus, as a file opened from Quick Open does: left to the workbench, it
		// went back to where the search started (the Papers view kept it, the keys then scrolled nothing)
		const ref = action === 'card' ? takingFocus(hit.matched?.length ? { ...refOf(b, hit), highlight: hit.matched } : refOf(b, hit)) : refOf(b, hit);
		const command = action === 'card' ? 'arxivDigest.openCard' : action === 'source' ? 'arxivDigest.openSource' : 'arxivDigest.copyLink';
		try {
			await vscode.commands.executeCommand(command, ref);
		} catch (err) {
			void showErrorMessage(
				(action === 'link' ? vscode.l10n.t('Cannot copy the link: {0}', errorText(err)) : vscode.l10n.t('Cannot open the paper: {0}', errorText(err))),
			);
		}
	};

	/** the search box shown now (for the tests' shownBox) */
	let shownPick: vscode.QuickPick<ResultItem> | undefined;

	const showSearch = async (initial?: string) => {
		const pick = createQuickPick<ResultItem>();
		shownPick = pick;
		pick.matchOnDescription = false;
		pick.matchOnDetail = false;
		(pick as { sortByLabel?: boolean }).sortByLabel = false;
		pick.placeholder = vscode.l10n.t('Search papers: words, "phrase", -exclude, cat:cs.CV, author:name, id:2602.04994, day:2026-02, after:, before:, is:new, is:unread');
		pick.value = typeof initial === 'string' ? initial : '';
		let timer: ReturnType<typeof setTimeout> | undefined;
		let hidden = false;
		/** the query the list shows the results of */
		let shownQuery: string | undefined;
		let generation = 0;
		let lastSummary = '';
		/**
		 * The query whose "no match" rows the list shows (undefined: the list shows something else): its
		 * filters as the title says them, and its tags no paper carries.
		 */
		let noMatch: { query: string; filters: string; missingTags: string[] } | undefined;
		/** the index said its last answer is not over every field yet (SearchResult.loading) */
		let answerLoading = false;
		/** the index cannot answer on every field yet: it loads, or its last answer said so */
		const indexIncomplete = () => answerLoading || indexLoadingText() !== '';
		/**
		 * The row for a query that found nothing: what to try, or, while the index fills or has new or
		 * changed files not indexed yet, only that it has not found one yet (the list is asked again as
		 * it fills, and once they are indexed). Chosen again whenever that state changes.
		 */
		const noMatchItems = ({ query, filters, missingTags: missing }: NonNullable<typeof noMatch>): ResultItem[] => {
			// a tag is the reader's own: no paper carries it, whatever the index has read yet
			if (missing.length > 0) {
				const { message, like } = unknownTagsAdvice(missing, library?.tagCounts() ?? []);
				const instead = like.map(({ missing: from, tag, count }): ResultItem => ({
					label: `$(tag) ${vscode.l10n.t('Search {0} instead', `#${tag}`)}`,
					description: papersCount(count, vscode.l10n),
					query: withTagReplaced(query, from, tag),
					alwaysShow: true,
				}));
				return [{ label: `$(info) ${message}`, alwaysShow: true }, ...instead];
			}
			return [noMatchItem(filters)];
		};
		/** Shows the rows of `next` (see noMatchItems), the reader's place kept on a tag row they moved to (the same query asked again as the index fills). */
		const showNoMatch = (next: NonNullable<typeof noMatch>) => {
			const was = pick.activeItems[0]?.query;
			noMatch = next;
			pick.items = noMatchItems(next);
			const still = was === undefined ? undefined : pick.items.find((item) => item.query === was);
			if (still) pick.activeItems = [still];
		};
		const noMatchItem = (filters: string): ResultItem => {
			const loading = progressText() !== '' || answerLoading;
			const advice =
				indexIncomplete()
					? vscode.l10n.t('No match yet: the index is still loading, and results come as it fills.')
					: loading
						? vscode.l10n.t('No match yet: new or changed digests are still being indexed, and the search runs again once they are.')
						: filters
							? vscode.l10n.t('No paper matches. Check the spelling, use fewer words or widen the filters ({0}).', filters)
							: vscode.l10n.t('No paper matches. Check the spelling or use fewer words.');
			return { label: `${loading ? '$(loading~spin)' : '$(info)'} ${advice}`, alwaysShow: true };
		};
		const updateTitle = () => {
			pick.title = [vscode.l10n.t('arXiv Digest: Search Papers'), lastSummary, progressText()].filter((s) => s !== '').join(' · ');
		};
		const run = async () => {
			const query = pick.value;
			const mine = ++generation;
			const parsed = parseQuery(query);
			// an answer without a search; it ends the spinner of a search it makes stale
			const answer = (items: ResultItem[], summary: string) => {
				pick.items = items;
				noMatch = undefined;
				lastSummary = summary;
				pick.busy = false;
				updateTitle();
			};
			// `C++`: no word the index holds and no filter
			if (!parsed.ok && parsed.problem.kind === 'no-words') return answer([{ label: `$(info) ${queryProblemText(parsed.problem, vscode.l10n)}`, alwaysShow: true }], '');
			if (!parsed.ok) return answer([{ label: `$(error) ${queryProblemText(parsed.problem, vscode.l10n)}`, alwaysShow: true }], vscode.l10n.t('invalid query'));
			if (query.trim() === '') return answer([], '');
			pick.busy = true;
			try {
				const b = await backendReady();
				// `author:Yann LeCun` as the index reads it, one name: for the notes and the title's filters too
				const read = await b.service.withAuthorNames(query);
				const readParsed = parseQuery(read.asRead);
				const readQuery = readParsed.ok ? readParsed.query : parsed.query;
				const reply = await b.service.search(read, RESULT_LIMIT);
				const notes = reply.ok ? await noteHits(b, read.asRead, readQuery) : undefined;
				const fromNotes = notes?.hits ?? [];
				if (mine !== generation) return;
				noMatch = undefined;
				// the row the reader moved to, if not the first (which stays the best as the list grows)
				const activeItem = pick.activeItems[0];
				const active = activeItem && activeItem !== pick.items[0] ? activeItem.hit?.id : undefined;
				if (!reply.ok) {
					pick.items = [{ label: `$(error) ${searchErrorText(query, reply.error, vscode.l10n)}`, alwaysShow: true }];
					lastSummary = vscode.l10n.t('invalid query');
				} else {
					lastQuery = query;
					answerLoading = reply.result.loading === true;
					const shown = new Set(reply.result.hits.map((h) => h.id));
					const noteOnly = new Set(fromNotes.filter((h) => !shown.has(h.id)).map((h) => h.id));
					// the reader's own words first: a note that matches says more than a word in an abstract
					const hits = [...fromNotes.filter((h) => noteOnly.has(h.id)), ...reply.result.hits];
					const total = reply.result.total + noteOnly.size;
					const approximate = reply.result.approximate;
					pick.items = hits.map((hit) => {
						// a paper no digest lists any more (a note's): the last day that did
						const day = hit.occurrences[0]?.day || (library?.kept?.get(hit.id)?.days[0] ?? '');
						const more = Math.max(0, hit.occurrences.length - 1);
						const days = more === 0 ? day : more === 1 ? vscode.l10n.t('{0} (+1 day)', day) : vscode.l10n.t('{0} (+{1} days)', day, more);
						return {
							label: paperLabel(hit),
							description: [days, hit.category, hit.authors[0] ?? ''].filter((s) => s !== '').join(' · '),
							// why it is there leads the second line: a long title leaves the description no room
							detail: [noteOnly.has(hit.id) ? vscode.l10n.t('matched your note') : matchedText(hit), snippet(hit.tldr)].filter((s) => s !== '').join(' — '),
							alwaysShow: true,
							buttons: library ? [starButton(library.isStarred(hit.id)), BUTTON_CARD, BUTTON_SOURCE, BUTTON_LINK] : [BUTTON_CARD, BUTTON_SOURCE, BUTTON_LINK],
							hit,
						};
					});
					const filters = describeFilters(readQuery);
					// nothing found: say what to try rather than leave an empty list
					if (hits.length === 0) {
						showNoMatch({ query, filters, missingTags: missingTags(readQuery.sets, library?.tagCounts() ?? []) });
					} else if (query === shownQuery && active !== undefined) {
						// the same query asked again as the index filled: the reader's place in the list stays
						const still = pick.items.find((item) => item.hit?.id === active);
						if (still) pick.activeItems = [still];
					}
					shownQuery = query;
					// approximate: the best were checked for a phrase and shown, then a sample of the rest for the count:
					// an estimate ("about"), or an upper bound while the sample's long fields are not read back ("up to")
					const range = reply.result.range;
					const said = saidCount(total, range && { ...range, min: range.min + noteOnly.size, max: range.max + noteOnly.size });
					const count = approximate
						? range?.estimated
							? said > hits.length
								? vscode.l10n.t('about {0} results, the best {1} shown', said, hits.length)
								: vscode.l10n.t('about {0} results', said)
							: total > hits.length
								? vscode.l10n.t('up to {0} results, the best {1} shown', total, hits.length)
								: vscode.l10n.t('up to {0} results', total)
						: total > hits.length
							? vscode.l10n.t('{0} results, the best {1} shown', total, hits.length)
							: total === 1
								? vscode.l10n.t('1 result')
								: vscode.l10n.t('{0} results', total);
					// `rdma` found only as `RMA`: say that these are other spellings, not the word (a note's too);
					// not while the index cannot answer on every field: a paper found by a word of its abstract
					// shows no matched word until that text is loaded, and a word no paper has yet may come with it
					const respelled = reply.result.respelled ?? [];
					const fuzzy = indexIncomplete() ? [] : [...new Set([...wordsOnlyFuzzy(readQuery, reply.result.hits, respelled), ...(notes?.corrected ?? [])])];
					const similar = fuzzy.length ? vscode.l10n.t('no paper has {0}: similar spellings shown', listText(fuzzy.map((w) => `“${w}”`), vscode.l10n)) : '';
					// `langauge`, in one paper, searched as `language` too: say so, as the word is not a typo the papers lack
					const also = respelled.map(({ word, as }) => vscode.l10n.t('“{0}”: also {1}', word, listText(as.map((w) => `“${w}”`), vscode.l10n)));
					lastSummary = [count, filters, similar, ...also].filter((part) => part !== '').join(' · ');
				}
				updateTitle();
			} catch (err) {
				if (mine !== generation) return;
				noMatch = undefined;
				pick.items = err instanceof NoDigestsError ? noDigestsItems() : [{ label: `$(error) ${vscode.l10n.t('Search failed: {0}', errorText(err))}`, alwaysShow: true }];
			} finally {
				// (a query typed since and not asked yet keeps the box busy)
				if (mine === generation && !timer) pick.busy = false;
			}
		};
		const schedule = () => {
			if (timer) clearTimeout(timer);
			// the list is the answer to an older query until this one's comes: the box says so from the keystroke
			// (a loaded machine answered a query typed while new days were indexed ~30 s later)
			pick.busy = pick.value.trim() !== '';
			timer = setTimeout(() => {
				timer = undefined;
				void run();
			}, DEBOUNCE_MS);
		};
		// results grow while the index fills: asked again as it does (not while the reader's own search waits to run)
		const rerun = new LoadingRerun(() => {
			if (!timer && pick.value.trim() !== '') void run();
		});
		const onProgress = () => {
			updateTitle();
			// "check the spelling" is wrong advice once new days are being indexed, and "not yet" once they are
			// (a tag no paper carries is the reader's own: its rows do not change with the index)
			if (noMatch !== undefined && noMatch.missingTags.length === 0) showNoMatch(noMatch);
			rerun.progress(progressText() !== '');
		};
		const subs = [
			progressChanged.event(onProgress),
			pick.onDidChangeValue(schedule),
			pick.onDidAccept(() => {
				const { hit, command, query } = pick.selectedItems[0] ?? {};
				if (query !== undefined) {
					// the tag like the one no paper carries: its search, in the same box
					pick.value = query;
					schedule();
					return;
				}
				if (command) {
					pick.hide();
					void vscode.commands.executeCommand(command);
				}
				if (!hit) return;
				pick.hide();
				const action = readSetting<string>(SETTINGS.searchOpenAction) === 'source' ? 'source' : 'card';
				void runHit(hit, action);
			}),
			pick.onDidTriggerButton((button) => {
				if (button !== BUTTON_EXPORT) return;
				const query = pick.value.trim();
				pick.hide();
				void vscode.commands.executeCommand('arxivDigest.exportSearchResults', query);
			}),
			pick.onDidTriggerItemButton(async (e) => {
				const hit = e.item.hit;
				if (!hit) return;
				if (library && e.button !== BUTTON_CARD && e.button !== BUTTON_SOURCE && e.button !== BUTTON_LINK) {
					await vscode.commands.executeCommand('arxivDigest.toggleStar', { id: hit.id });
					pick.items = pick.items.map((item) => (item.hit?.id === hit.id ? { ...item, buttons: [starButton(library.isStarred(hit.id)), BUTTON_CARD, BUTTON_SOURCE, BUTTON_LINK] } : item));
					return;
				}
				if (e.button === BUTTON_LINK) {
					void runHit(hit, 'link');
					return;
				}
				pick.hide();
				void runHit(hit, e.button === BUTTON_SOURCE ? 'source' : 'card');
			}),
			pick.onDidHide(() => {
				hidden = true;
				if (shownPick === pick) shownPick = undefined;
				if (timer) clearTimeout(timer);
				rerun.dispose();
				subs.forEach((s) => s.dispose());
				pick.dispose();
			}),
		];
		updateTitle();
		pick.buttons = [BUTTON_EXPORT];
		showInput(pick);
		if (pick.value.trim() !== '') void run();
		// a workspace without digests says so at once, not only once something is typed
		else
			void workspace.backend().then((b) => {
				if (!b && !hidden && pick.value.trim() === '') pick.items = noDigestsItems();
			});
	};

	const authorQuery = (name: string) => `author:${filterValueText(name.trim(), true)} `;

	disposables.push(
		vscode.commands.registerCommand(SEARCH_COMMAND, (initial?: unknown) => showSearch(typeof initial === 'string' ? initial : undefined)),

		vscode.commands.registerCommand(SEARCH_BY_AUTHOR_COMMAND, async (arg?: unknown) => {
			let name: string | undefined;
			if (typeof arg === 'string') name = arg;
			else if (arg && typeof arg === 'object') {
				// a Papers view row (whose id is the row's, not the paper's), a Collections view row, a ref
				const ref = cardRefFromArgument(arg);
				const location = ref ? workspace.resolve(ref) : undefined;
				const authors = location?.paper.authors ?? [];
				if (authors.length === 1) name = authors[0];
				else if (authors.length > 1) name = await showQuickPick(authors, { placeHolder: vscode.l10n.t('Search papers by which author?') });
				else if (ref) {
					void showInformationMessage(vscode.l10n.t('No authors are known for paper {0}.', ref.id));
					return;
				}
			}
			if (name === undefined && arg === undefined) {
				name = await showInputBox({ prompt: vscode.l10n.t('Search papers by author'), placeHolder: vscode.l10n.t('e.g. Yann LeCun') });
			}
			if (!name || !name.trim()) return;
			await showSearch(authorQuery(name));
		}),

		vscode.commands.registerCommand(SEARCH_SELECTION_COMMAND, async () => {
			const editor = vscode.window.activeTextEditor;
			const text = editor ? editor.document.getText(editor.selection) : '';
			const query = text.replace(/\s+/g, ' ').trim().slice(0, 200);
			await showSearch(query);
		}),

		vscode.commands.registerCommand(QUERY_IDS_COMMAND, async (query?: unknown): Promise<QueryIdsResult> => {
			if (typeof query !== 'string') return { error: 'the query must be a string' };
			const b = await backendReady();
			const read = await b.service.withAuthorNames(query);
			const reply = await b.service.ids(read);
			if (!reply.ok) return { error: searchErrorText(query, reply.error, vscode.l10n) };
			const parsed = parseQuery(read.asRead);
			const fromNotes = parsed.ok ? (await noteHits(b, read.asRead, parsed.query)).hits : [];
			return { ids: [...new Set([...reply.ids, ...fromNotes.map((h) => h.id)])] };
		}),
	);

	const api: SearchTestApi = {
		search: async (query, limit = 50) => {
			const b = await backendReady();
			const reply = await b.service.search(query, limit);
			if (!reply.ok) throw new Error(reply.error);
			return reply.result.hits.map((hit) => ({ id: hit.id, title: hit.title, uri: refOf(b, hit).uri ?? '' }));
		},
		whenIndexed: async () => {
			const b = await backendReady();
			await b.service.whenIndexed();
		},
		shownBox: () => (shownPick ? { value: shownPick.value, title: shownPick.title ?? '', labels: shownPick.items.map((item) => item.label), busy: shownPick.busy } : undefined),
	};

	return {
		api,
		lastQuery: () => lastQuery,
		dispose: () => {
			for (const d of disposables) d.dispose();
		},
	};
}
