/**
 * Show Statistics: one webview with papers per day stacked by category, the top terms and authors of
 * a day range, the terms that rose in it against as many listing days before, a term's (or query's) papers per listing day and the reader's interest matches per
 * day (src/core/trends). Per-day papers and interests come from the file summaries the host holds;
 * the rest is computed by the index shards. A click on a bar or a term opens Search Papers with the
 * matching query.
 */
import * as vscode from 'vscode';
import { latestDayBegun } from '../../core/clock';
import type * as StatsDocument from '../../core/trends/document';
import { interestsPerDay, papersPerDay, parseRange, presetRange, risingPeriods, type PapersPerDay } from '../../core/trends/days';
import type { DayRange } from '../../core/trends/shard';
import {
	DEFAULT_STATS_STATE,
	parseStatsMessage,
	parseStatsState,
	STATS_VIEW_TYPE,
	type RangeChoice,
	type StatsExtensionMessage,
	type StatsPart,
	type StatsState,
	type StatsStrings,
	type StatsWebviewMessage,
} from '../../core/trends/protocol';
import { nonce } from '../host';
import { errorText, getLog } from '../log';
import type { Reading } from '../reading';
import { parseQuery } from '../../core/search/query';
import type { SearchService } from '../../core/search/client';
import { SEARCH_COMMAND } from '../search';
import { queryProblemText } from '../search/queryErrorText';
import type { IDigestWorkspace } from '../workspace/types';
import { wordsLanguage } from '../vsc-utils';

export const SHOW_STATISTICS_COMMAND = 'arxivDigest.showStatistics';
/** changes to files or interests settle before the open view is recomputed */
const REFRESH_DELAY_MS = 500;

let documentModule: typeof StatsDocument | undefined;
/** the document builder (and the HTML escaping it shares with the card) load when a view opens, not at activation */
function statsDocument(): typeof StatsDocument {
	return (documentModule ??= require('../../core/trends/document') as typeof StatsDocument);
}

/** the tab's title; a function: vscode.l10n is only ready once the extension runs */
function panelTitle(): string {
	return vscode.l10n.t('arXiv Digest Statistics');
}

function strings(): StatsStrings {
	return {
		lang: wordsLanguage(),
		papersPerDay: vscode.l10n.t('Papers per day'),
		topTerms: vscode.l10n.t('Top terms'),
		termsFrom: vscode.l10n.t('Terms are words of the papers\' English titles and abstracts (not of the summaries), each paper counted once; a word that few of its papers have in the title (baseline, accuracy) is left out.'),
		topAuthors: vscode.l10n.t('Top authors'),
		termPerDay: vscode.l10n.t('A term per day'),
		interestsPerDay: vscode.l10n.t('Your interests per day'),
		range: vscode.l10n.t('Range'),
		last7: vscode.l10n.t('Last 7 days'),
		last30: vscode.l10n.t('Last 30 days'),
		allDays: vscode.l10n.t('All days'),
		custom: vscode.l10n.t('From–to'),
		from: vscode.l10n.t('From'),
		to: vscode.l10n.t('To'),
		apply: vscode.l10n.t('Apply'),
		termPlaceholder: vscode.l10n.t('A word, a "phrase" or a query (cat:cs.RO, 扩散模型)'),
		show: vscode.l10n.t('Show'),
		showTables: vscode.l10n.t('Show tables'),
		day: vscode.l10n.t('Day'),
		category: vscode.l10n.t('Category'),
		other: vscode.l10n.t('Other categories'),
		distinctPapers: vscode.l10n.t('Distinct papers'),
		countsOnce: vscode.l10n.t('Each paper counts once a day, however often that day\'s digests list it (the Papers view counts every entry).'),
		papers: vscode.l10n.t('Papers'),
		term: vscode.l10n.t('Term'),
		author: vscode.l10n.t('Author'),
		matches: vscode.l10n.t('Matches'),
		unreadMatches: vscode.l10n.t('Unread matches'),
		noInterests: vscode.l10n.t('No interests set: add keywords, authors or categories with Edit Interests… (the Papers view\'s … menu, or the Command Palette).'),
		noDays: vscode.l10n.t('No digest with a date in its name or first heading in this workspace: to see Statistics at work, run Open Sample Digests from the Command Palette.'),
		indexing: vscode.l10n.t('Indexing the digests…'),
		countingTerms: vscode.l10n.t('Counting the range\'s terms…'),
		countingAuthors: vscode.l10n.t('Counting the range\'s authors…'),
		countingRising: vscode.l10n.t('Comparing the range with the days before it…'),
		clickHint: vscode.l10n.t('Click a bar or a term to search for its papers; with the keyboard, a table row\'s button does the same.'),
		rangePapers: vscode.l10n.t('{0}: {1} papers listed in the range'),
		rangePapersDays: vscode.l10n.t('{0}: {1} papers listed in the range, on {2} of the folder\'s {3} listing days'),
		termTotal: vscode.l10n.t('{0} listings match {1}'),
		titleOf: vscode.l10n.t('{0}: {1}'),
		titleWithRange: vscode.l10n.t('{0} ({1})'),
		termShare: vscode.l10n.t('As a share of each day\'s papers'),
		shareOfDay: vscode.l10n.t('% of the day\'s papers'),
		risingTerms: vscode.l10n.t('Rising terms'),
		risingAgainst: vscode.l10n.t('Terms of titles and abstracts whose share of the papers rose beyond chance against the {2} papers of {0} – {1}, surest first.'),
		noRising: vscode.l10n.t('No term\'s share of the papers rose beyond chance against the {2} papers of {0} – {1}.'),
		noPrevious: vscode.l10n.t('No earlier days to compare the range with: choose a range that starts later.'),
		risingWithin: vscode.l10n.t('The range starts at the first digest, so its last days, {0} – {1}, are compared with the days before them in it.'),
		noDaysInRange: vscode.l10n.t('No digest in this range.'),
		shareInRange: vscode.l10n.t('% of the range\'s papers'),
		shareBefore: vscode.l10n.t('% of the papers before'),
		papersBefore: vscode.l10n.t('Papers before'),
		change: vscode.l10n.t('Change'),
		newTerm: vscode.l10n.t('new'),
	};
}

class StatsPanel implements vscode.Disposable {
	private state: StatsState = DEFAULT_STATS_STATE;
	private overview: PapersPerDay | undefined;
	private readonly generation = { top: 0, rising: 0, term: 0, overview: 0 };
	private refreshTimer: ReturnType<typeof setTimeout> | undefined;
	/** files changed since the last refresh: the shards' figures are asked again too */
	private filesChanged = false;
	/** the shards' last answers by range / query, until files change: showing the view again asks no shard */
	private readonly answers = new Map<string, StatsExtensionMessage>();
	private disposed = false;
	private readonly subscriptions: vscode.Disposable[] = [];

	constructor(
		readonly panel: vscode.WebviewPanel,
		extensionUri: vscode.Uri,
		private readonly workspace: IDigestWorkspace,
		private readonly reading: Reading,
		onDispose: () => void,
	) {
		const webview = panel.webview;
		// a tab restored after a reload keeps the title it was saved with, in the language of then
		panel.title = panelTitle();
		webview.options = webviewOptions(extensionUri);
		const asUri = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...segments)).toString();
		webview.html = statsDocument().buildStatsDocument({
			cspSource: webview.cspSource,
			nonce: nonce(),
			scriptUri: asUri('dist', 'webview', 'stats.js'),
			styleUri: asUri('media', 'stats.css'),
			lang: wordsLanguage(),
			title: panelTitle(),
			loading: vscode.l10n.t('Loading…'),
		});
		this.subscriptions.push(
			webview.onDidReceiveMessage((raw: unknown) => {
				const message = parseStatsMessage(raw);
				if (message) void this.handle(message);
			}),
			workspace.onDidChange(() => this.scheduleRefresh(true)),
			// matches and read marks change only the per-day counts from the summaries: no shard is asked
			reading.onDidChange(() => this.scheduleRefresh(false)),
			panel.onDidDispose(() => {
				this.dispose();
				onDispose();
			}),
		);
	}

	private post(message: StatsExtensionMessage): void {
		if (this.disposed) return;
		void this.panel.webview.postMessage(message);
	}

	private async handle(message: StatsWebviewMessage): Promise<void> {
		switch (message.type) {
			case 'ready':
				// a shown (or restored) webview starts over from the state it kept
				this.state = message.state;
				this.post({ type: 'strings', strings: strings() });
				await this.refreshAll();
				return;
			case 'range':
				this.state = { ...this.state, range: message.range };
				await Promise.all([this.sendTop(), this.sendRising()]);
				return;
			case 'term':
				this.state = { ...this.state, term: message.query };
				await this.sendTerm();
				return;
			case 'search':
				await vscode.commands.executeCommand(SEARCH_COMMAND, message.query);
				return;
		}
	}

	private scheduleRefresh(files: boolean): void {
		if (this.disposed) return;
		this.filesChanged ||= files;
		// a hidden view asks again when shown: it must not be answered from before the change
		if (files) this.answers.clear();
		if (this.refreshTimer) clearTimeout(this.refreshTimer);
		this.refreshTimer = setTimeout(() => {
			this.refreshTimer = undefined;
			// a hidden view is drawn anew when shown (its webview says `ready` again)
			if (!this.panel.visible) return;
			const all = this.filesChanged;
			this.filesChanged = false;
			void (all ? this.refreshAll() : this.sendOverview());
		}, REFRESH_DELAY_MS);
	}

	private async refreshAll(): Promise<void> {
		await this.sendOverview();
		await Promise.all([this.sendTop(), this.sendRising(), this.sendTerm()]);
	}

	private async sendOverview(): Promise<void> {
		const generation = ++this.generation.overview;
		await this.workspace.ready;
		if (generation !== this.generation.overview || this.disposed) return;
		const files = this.workspace.files().map((f) => f.digest);
		const overview = papersPerDay(files);
		this.overview = overview;
		const interests = this.reading.interests.hasInterests ? interestsPerDay(files, overview.days, this.reading) : undefined;
		this.post({ type: 'overview', data: { ...overview, ...(interests ? { interests } : {}) } });
	}

	/** the range the reader chose, resolved against the workspace's days; an error message for a bad one */
	private resolveRange(choice: RangeChoice): DayRange | string {
		if ('preset' in choice) return presetRange(choice.preset, this.overview?.days ?? [], latestDayBegun());
		const parsed = parseRange(choice.from, choice.to);
		if (parsed.ok) return parsed.range;
		return parsed.reason === 'date'
			? vscode.l10n.t('"{0}" is not a date: use YYYY-MM-DD.', parsed.value)
			: vscode.l10n.t('{0} is after {1}.', parsed.from, parsed.to);
	}

	/** The shards once every field is indexed (top terms count abstracts); the part waiting says so meanwhile. */
	private async indexed(part: StatsPart) {
		const backend = await this.workspace.backend();
		if (!backend) return undefined;
		if (backend.service.phase !== 'full') this.post({ type: 'status', part, message: vscode.l10n.t('Indexing the digests…') });
		await backend.service.whenIndexed();
		return backend.service;
	}

	/**
	 * Posts a part's answer: the one kept for `key` since files last changed, else the one `compute`
	 * makes of the indexed shards (kept unless an error). Nothing when the part was asked again
	 * meanwhile (`generation` is no longer its newest): that newer answer follows.
	 */
	private async answer(
		part: StatsPart,
		generation: number,
		key: string,
		compute: (service: SearchService) => Promise<StatsExtensionMessage>,
		failed: (error: string) => string,
	): Promise<void> {
		const known = this.answers.get(key);
		if (known) {
			this.post(known);
			return;
		}
		try {
			const service = await this.indexed(part);
			if (!service || generation !== this.generation[part]) return;
			const message = await compute(service);
			if (generation !== this.generation[part]) return;
			if (message.type !== 'error') this.answers.set(key, message);
			this.post(message);
		} catch (err) {
			getLog().warn(`Statistics: ${part} failed: ${errorText(err)}`);
			if (generation === this.generation[part]) this.post({ type: 'error', part, message: failed(errorText(err)) });
		}
	}

	private async sendTop(): Promise<void> {
		const generation = ++this.generation.top;
		const range = this.resolveRange(this.state.range);
		if (typeof range === 'string') {
			this.post({ type: 'error', part: 'top', message: range, input: true });
			return;
		}
		await this.answer(
			'top',
			generation,
			`top ${range.from ?? ''} ${range.to ?? ''}`,
			async (service) => ({ type: 'top', ...range, ...(await service.rangeTop(range)) }),
			(error) => vscode.l10n.t('The index could not count the range: {0}', error),
		);
	}

	private async sendRising(): Promise<void> {
		const generation = ++this.generation.rising;
		const range = this.resolveRange(this.state.range);
		// a bad range: its message shows once, in the range's status (sendTop)
		if (typeof range === 'string') {
			this.post({ type: 'rising', none: 'invalid' });
			return;
		}
		const periods = risingPeriods(range, this.overview?.days ?? []);
		if (!periods.ok) {
			this.post({ type: 'rising', ...range, none: periods.reason });
			return;
		}
		const { previous, within } = periods;
		const compared = periods.range;
		await this.answer(
			'rising',
			generation,
			// `within`: the same days said differently (the range's later half), so kept apart
			`rising ${within ? 'within ' : ''}${compared.from ?? ''} ${compared.to ?? ''} ${previous.from} ${previous.to}`,
			async (service) => ({ type: 'rising', ...compared, previous, ...(within ? { within } : {}), ...(await service.rangeRising(compared, previous)) }),
			(error) => vscode.l10n.t('The index could not count the range: {0}', error),
		);
	}

	private async sendTerm(): Promise<void> {
		const generation = ++this.generation.term;
		const query = this.state.term.trim();
		if (query === '') return;
		const parsed = parseQuery(query);
		if (!parsed.ok) {
			this.post({ type: 'error', part: 'term', message: queryProblemText(parsed.problem, vscode.l10n), input: true });
			return;
		}
		await this.answer(
			'term',
			generation,
			`term ${query}`,
			async (service) => {
				const reply = await service.trendDays(query);
				if (!reply.ok) return { type: 'error', part: 'term', message: reply.error };
				const byDay = new Map(reply.days);
				const days = this.overview?.days ?? reply.days.map(([day]) => day);
				return { type: 'term', query, days, counts: days.map((d) => byDay.get(d) ?? 0) };
			},
			(error) => vscode.l10n.t('The index could not count "{0}": {1}', query, error),
		);
	}

	dispose(): void {
		if (this.disposed) return;
		this.disposed = true;
		if (this.refreshTimer) clearTimeout(this.refreshTimer);
		for (const s of this.subscriptions) s.dispose();
	}
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
	return {
		enableScripts: true,
		enableCommandUris: false,
		localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
	};
}

export function registerStatistics(context: vscode.ExtensionContext, workspace: IDigestWorkspace, reading: Reading): vscode.Disposable {
	let current: StatsPanel | undefined;
	const adopt = (panel: vscode.WebviewPanel) => {
		current?.panel.dispose();
		const view = new StatsPanel(panel, context.extensionUri, workspace, reading, () => {
			if (current === view) current = undefined;
		});
		current = view;
		return view;
	};
	const disposables: vscode.Disposable[] = [
		vscode.commands.registerCommand(SHOW_STATISTICS_COMMAND, () => {
			if (current) {
				current.panel.reveal();
				return;
			}
			// no retainContextWhenHidden: the webview keeps its choices with setState and asks again when shown
			const panel = vscode.window.createWebviewPanel(STATS_VIEW_TYPE, panelTitle(), vscode.ViewColumn.Active, {
				...webviewOptions(context.extensionUri),
				retainContextWhenHidden: false,
			});
			adopt(panel);
		}),
		vscode.window.registerWebviewPanelSerializer(STATS_VIEW_TYPE, {
			async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
				// the webview sends its state with `ready`; parsing here only checks it is ours
				parseStatsState(state);
				adopt(panel);
			},
		}),
		{ dispose: () => current?.panel.dispose() },
	];
	return vscode.Disposable.from(...disposables);
}
