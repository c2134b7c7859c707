/**
 * Recommendations in the editor: the card's "Similar papers" section, Show Similar Papers (a quick
 * pick of the 10 nearest), and "For you" (the Papers view's order and Show For You with "Why?").
 * Everything is computed in the index worker, on first use: nothing at activation.
 */
import * as vscode from 'vscode';
import { latestDayBegun } from '../../core/clock';
import { newestUnread, type ForYouRanking } from '../../core/recs/forYou';
import { isStarred } from '../../core/library/model';
import { baseId } from '../../core/readState';
import { paperIdsOf } from '../../core/summary';
import { paperLabel } from '../../core/tree';
import type { CardSimilarSource } from '../cards';
import { commandTarget } from '../paperActions';
import type { Reading } from '../reading';
import type { LibraryStore } from '../library/store';
import type { DigestFile, IDigestWorkspace, PaperRef } from '../workspace/types';
import { ForYouService, type Explanation } from './forYou';
import { whyText } from './whyText';
import { errorText, getLog } from '../log';
import { SimilarPapers, type SimilarPaper } from './similar';
import { createQuickPick, showInput } from '../quickInput';
import { similarStrings } from '../cards/strings';
import { takingFocus } from '../cards/args';
import { disposeLastFirst } from '../vsc-utils';

const OPEN_CARD = 'arxivDigest.openCard';
/** each For You paper's detail line gives this many of the words that weighed for it; its "?" button this many */
const WHY_SHOWN = 3;
const WHY_MORE = 8;

/** Show For You lists this many papers */
export const FOR_YOU_COUNT = 20;

export interface ForYouItem {
	id: string;
	title: string;
	day: string;
	uri: string;
	score: number;
}

export interface RecsTestApi {
	similar(id: string): Promise<readonly SimilarPaper[] | { message: string } | undefined>;
	/** the ranking for the current stars (trains when they changed) */
	ranking(): Promise<ForYouRanking>;
	/** the top of the newest unread papers, best first (what Show For You lists) */
	forYou(limit?: number): Promise<{ ranking: ForYouRanking; items: ForYouItem[] }>;
	/** trainings started so far, and whether a retrain waits for the stars to settle */
	trainings(): { count: number; pending: boolean };
	/** the Papers view's scores of a day were computed (or changed) */
	readonly onDidChangeForYou: vscode.Event<void>;
	/** the current ranking's score of each id (the Papers view's order) */
	scores(ids: readonly string[]): Promise<Map<string, number>>;
	/** the words the "?" button shows for a paper (as the reader sees them: no weights) */
	explain(id: string): Promise<string[]>;
	/** the quick pick Show Similar Papers / Show For You has open (tests read and pick from it) */
	openPick(): vscode.QuickPick<vscode.QuickPickItem> | undefined;
}

export interface RecsRegistration extends vscode.Disposable {
	readonly cardSimilar: CardSimilarSource;
	readonly forYou: ForYouService;
	readonly api: RecsTestApi;
}

type PaperPickItem = vscode.QuickPickItem & { ref?: PaperRef };

export function registerRecs(workspace: IDigestWorkspace, library: LibraryStore, reading: Reading): RecsRegistration {
	const similarPapers = new SimilarPapers(workspace);
	const forYou = new ForYouService(workspace, library, reading);
	let openPick: vscode.QuickPick<PaperPickItem> | undefined;

	const cardSimilar: CardSimilarSource = {
		async similar(id, token) {
			const answer = await similarPapers.similar(id, token);
			return answer ?? [];
		},
	};

	/**
	 * A picked paper opens its card. Over a card the list stays open when the focus moves
	 * (see quickInput.ts): run from the palette, it would close before its answer came.
	 */
	const showPick = (pick: vscode.QuickPick<PaperPickItem>) => {
		openPick = pick;
		pick.onDidAccept(() => {
			const ref = pick.selectedItems[0]?.ref;
			pick.hide();
			// the card takes the keyboard focus, as a search result's does (see runHit in search)
			if (ref) void vscode.commands.executeCommand(OPEN_CARD, takingFocus(ref));
		});
		pick.onDidHide(() => {
			if (openPick === pick) openPick = undefined;
			pick.dispose();
		});
		showInput(pick);
	};

	const target = (arg: unknown) => commandTarget(workspace, arg);

	const showSimilar = async (arg?: unknown) => {
		const t = await target(arg);
		if (!t) return;
		const pick = createQuickPick<PaperPickItem>();
		pick.title = vscode.l10n.t('Similar to “{0}”', paperLabel(t.paper));
		pick.placeholder = vscode.l10n.t('Finding similar papers…');
		pick.busy = true;
		pick.matchOnDescription = true;
		const source = new vscode.CancellationTokenSource();
		pick.onDidHide(() => source.cancel());
		showPick(pick);
		const answer = await similarPapers.similar(t.paper.id, source.token);
		source.dispose();
		if (!answer) return;
		pick.busy = false;
		if ('message' in answer) {
			pick.placeholder = answer.message;
			return;
		}
		pick.placeholder = answer.length ? vscode.l10n.t('Pick a paper to open its card') : vscode.l10n.t('No paper in this workspace is close to this one.');
		// no cosine: the order is its; the detail says what each has in common with the paper (as the card's rows)
		pick.items = answer.map((p) => ({
			label: paperLabel(p),
			description: [p.day, p.category].filter(Boolean).join(' · '),
			detail: [p.words.length ? similarStrings().inCommon(p.words) : '', p.authors.join(', ')].filter(Boolean).join(' · '),
			ref: { uri: p.uri, id: p.id },
		}));
	};

	/** The newest unread papers, ranked. */
	const topForYou = async (limit = FOR_YOU_COUNT) => {
		await workspace.ready;
		const ranking = await forYou.ranking();
		// by id: a summary's papers are parsed only for the files the chosen papers are in
		const byDay = new Map<string, { ids: string[]; where: Map<string, { file: DigestFile; index: number }> }>();
		for (const file of workspace.files()) {
			const day = file.digest.day;
			if (!day) continue;
			const entry = byDay.get(day) ?? { ids: [], where: new Map<string, { file: DigestFile; index: number }>() };
			byDay.set(day, entry);
			paperIdsOf(file.digest).forEach((id, index) => {
				entry.ids.push(id);
				if (!entry.where.has(id)) entry.where.set(id, { file, index });
			});
		}
		const candidates = newestUnread(
			[...byDay].map(([day, e]) => ({ day, ids: e.ids })),
			(id) => reading.statusOn(id, undefined) === 'read',
			{ want: limit, isStarred: (id) => isStarred(library.library, id), today: latestDayBegun() },
		);
		const scores = await forYou.scores(ranking, candidates.papers.map((p) => p.id));
		const items: ForYouItem[] = candidates.papers
			.map(({ id, day }) => {
				// day: the one that first listed it (a paper re-listed on a later day is that day's repeat)
				const { file, index } = byDay.get(day)!.where.get(id)!;
				return { id, title: file.digest.papers[index].title, day, uri: file.uri.toString(), score: scores.get(id) ?? -Infinity };
			})
			.sort((a, b) => b.score - a.score)
			.slice(0, limit);
		return { ranking, items, scores };
	};

	const whyButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('question'), tooltip: vscode.l10n.t('Why it ranks here: more words') };

	/**
	 * Each paper's detail line says why it ranks there (WHY_SHOWN words, filled in once the list is
	 * shown), so the reasons are read with the keyboard and a screen reader as the list is walked;
	 * the "?" button lists WHY_MORE. Enter opens the paper, as in every paper list.
	 */
	const showForYou = async () => {
		const pick = createQuickPick<PaperPickItem & { id?: string }>();
		pick.title = vscode.l10n.t('For You');
		pick.placeholder = vscode.l10n.t('Ranking the newest unread papers…');
		pick.busy = true;
		pick.matchOnDescription = true;
		let open = true;
		pick.onDidHide(() => (open = false));
		showPick(pick);
		const { ranking, items, scores } = await topForYou();
		pick.busy = false;
		pick.title = forYou.title(ranking);
		pick.placeholder = items.length ? vscode.l10n.t('Pick a paper to open its card; under each, why it ranks here (its “?” button says more)') : vscode.l10n.t('No unread papers in the newest days.');
		pick.items = items.map((item) => ({
			label: paperLabel(item),
			// among the newest unread papers ranked, not only the shown ones
			description: [forYou.label(item.score, scores), item.day].filter(Boolean).join(' · '),
			buttons: [whyButton],
			id: item.id,
			ref: { uri: item.uri, id: item.id },
		}));
		/** new detail lines, the active paper kept active (a new items list would make the first one active) */
		const setDetails = (why: ReadonlyMap<string, Explanation>) => {
			if (!open) return;
			const active = pick.activeItems[0]?.id;
			pick.items = pick.items.map((i) => {
				const detail = i.id === undefined ? undefined : whyText(why.get(i.id), vscode.l10n);
				return detail === undefined ? i : { ...i, detail };
			});
			const kept = pick.items.filter((i) => i.id !== undefined && i.id === active);
			if (kept.length) pick.activeItems = kept;
		};
		/** papers whose "?" was pressed: their longer line stays when the list's lines come after it */
		const expanded = new Set<string>();
		forYou.explain(ranking, items.map((i) => i.id), WHY_SHOWN).then(
			(why) => setDetails(new Map([...why].filter(([id]) => !expanded.has(id)))),
			(err) => getLog().warn(`For you: explaining the list failed: ${errorText(err)}`),
		);
		pick.onDidTriggerItemButton(async (e) => {
			const id = e.item.id;
			if (!id) return;
			expanded.add(id);
			setDetails(await forYou.explain(ranking, [id], WHY_MORE));
			pick.activeItems = pick.items.filter((i) => i.id === id);
		});
	};

	const disposables: vscode.Disposable[] = [
		similarPapers,
		forYou,
		vscode.commands.registerCommand('arxivDigest.showSimilarPapers', showSimilar),
		vscode.commands.registerCommand('arxivDigest.showForYou', showForYou),
	];

	const api: RecsTestApi = {
		similar: (id) => similarPapers.similar(id),
		ranking: () => forYou.ranking(),
		forYou: (limit) => topForYou(limit),
		trainings: () => ({ count: forYou.trainer.trainings, pending: forYou.trainer.pending }),
		onDidChangeForYou: forYou.onDidChange,
		async scores(ids) {
			return forYou.scores(await forYou.ranking(), ids);
		},
		async explain(id) {
			return (await forYou.explain(await forYou.ranking(), [baseId(id)], WHY_MORE)).get(baseId(id))?.words ?? [];
		},
		openPick: () => openPick,
	};

	return {
		cardSimilar,
		forYou,
		api,
		dispose() {
			openPick?.dispose();
			disposeLastFirst(disposables);
		},
	};
}
