/**
 * The reader's interests on the editor side: the settings, and the matches the index shards compute
 * from them (the editor holds summaries only, the shards hold the text). Asked again when the
 * settings change and when files change; the shards keep each paper's result, so that is cheap.
 */
import * as vscode from 'vscode';
import { type CategoryFollowing, SLOW_REGEX, compileInterests, interestEntryCounts, interestHighlightPattern, interestListProblems, interestTermKey, isMatch, normalizeInterests, sameInterestMatch, type InterestEntryCounts, type InterestHighlight, type InterestListProblem, type InterestMatch, type InterestSpec } from '../../core/interests';
import { errorText, getLog } from '../log';
import { inspectSetting, readSetting, settingTarget, SETTINGS, updateSetting, type SettingKey } from '../settings';
import type { IDigestWorkspace } from '../workspace/types';
import { showWarningMessage } from '../messages';

export const INTEREST_SETTINGS = {
	keywords: SETTINGS.interestKeywords,
	authors: SETTINGS.interestAuthors,
	categories: SETTINGS.interestCategories,
	exclude: SETTINGS.interestExclude,
} as const;

/** the Settings UI's filter that shows the four lists */
export const INTEREST_SETTINGS_QUERY = 'arxivDigest.interests';

export type InterestList = keyof typeof INTEREST_SETTINGS;

/** file changes come in batches during a scan: match once they settle */
const REFRESH_DELAY_MS = 400;

/** the four lists as the settings hold them, whatever their type */
function rawInterestSettings(): Record<InterestList, unknown> {
	const value = (key: SettingKey) => readSetting<unknown>(key);
	return {
		keywords: value(INTEREST_SETTINGS.keywords),
		authors: value(INTEREST_SETTINGS.authors),
		categories: value(INTEREST_SETTINGS.categories),
		exclude: value(INTEREST_SETTINGS.exclude),
	};
}

export function readInterestSettings(): InterestSpec {
	return normalizeInterests(rawInterestSettings());
}

function listProblemText(problem: InterestListProblem): string {
	const key = INTEREST_SETTINGS[problem.list];
	switch (problem.kind) {
		case 'string':
			return vscode.l10n.t('{0} should be a list, ["{1}"]: it is read as one entry.', key, problem.value);
		case 'not-a-list':
			return vscode.l10n.t('{0} should be a list of text, not {1}: it is ignored.', key, problem.value);
		case 'not-text':
			return vscode.l10n.t('{0} has entries that are not text ({1}): they are ignored.', key, problem.value);
	}
}

/** A warning about the interests settings, with a button that opens them. */
function warnAboutInterests(message: string): void {
	const open = vscode.l10n.t('Open Settings');
	void showWarningMessage(message, open).then((choice) => {
		if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', INTEREST_SETTINGS_QUERY);
	});
}

/** What addInterest or removeInterest did: changed the list (or found nothing to do), in the workspace's settings or the user's. */
export interface InterestEdited {
	changed: boolean;
	inWorkspace: boolean;
}

/**
 * One interest list where the list in effect is set (the workspace's settings when they set it: they
 * override the user's; else the user settings), its entries kept as they are, whatever they are (a
 * lone string is one entry, as the interests read it), and a test of an entry against `term`.
 */
function interestListOf(list: InterestList, term: string) {
	const key = INTEREST_SETTINGS[list];
	const target = settingTarget(key);
	const stored = readSetting<unknown>(key);
	const current: unknown[] = Array.isArray(stored) ? stored : typeof stored === 'string' ? [stored] : [];
	const wanted = interestTermKey(list, term);
	const isTerm = (v: unknown) => typeof v === 'string' && interestTermKey(list, v) === wanted;
	return { key, target, inWorkspace: target === vscode.ConfigurationTarget.Workspace, current, isTerm };
}

/**
 * What to write for a list left empty at `target`: nothing (the setting removed, not `[]` left in the
 * reader's settings.json) when that leaves no list in effect either; the workspace's `[]` stays
 * when the user's own list is not empty, as removing it would bring the user's list into effect there.
 */
function emptied(key: SettingKey, target: vscode.ConfigurationTarget): [] | undefined {
	if (target !== vscode.ConfigurationTarget.Workspace) return undefined;
	const user = inspectSetting<unknown>(key)?.globalValue;
	return user === undefined || (Array.isArray(user) && user.length === 0) ? undefined : [];
}

/** Adds a term to one interest list (no duplicate, case ignored), where the list in effect is set. */
export async function addInterest(list: InterestList, term: string): Promise<InterestEdited> {
	const { key, target, inWorkspace, current, isTerm } = interestListOf(list, term);
	if (current.some(isTerm)) return { changed: false, inWorkspace };
	await updateSetting(key, [...current, term.trim()], target);
	return { changed: true, inWorkspace };
}

/** Removes a term from one interest list (case ignored), where addInterest adds it; unchanged when the list does not have it. */
export async function removeInterest(list: InterestList, term: string): Promise<InterestEdited> {
	const { key, target, inWorkspace, current, isTerm } = interestListOf(list, term);
	const kept = current.filter((v) => !isTerm(v));
	if (kept.length === current.length) return { changed: false, inWorkspace };
	await updateSetting(key, kept.length > 0 ? kept : emptied(key, target), target);
	return { changed: true, inWorkspace };
}

/** How the interests follow a category, as its row's tooltip and Follow Category's pick say it: "followed", "followed through “cs”". */
export function categoryFollowingText(following: CategoryFollowing): string {
	return following.exact ? vscode.l10n.t('followed') : vscode.l10n.t('followed through “{0}”', following.entry);
}

/** An interest list's name in the display language, and where it is kept when that is the workspace */
export function interestListName(list: InterestList, inWorkspace: boolean): string {
	const names: Record<InterestList, string> = {
		keywords: vscode.l10n.t('keywords'),
		authors: vscode.l10n.t('authors'),
		categories: vscode.l10n.t('categories'),
		exclude: vscode.l10n.t('excluded keywords'),
	};
	return inWorkspace ? vscode.l10n.t('{0}, in this workspace\'s settings', names[list]) : names[list];
}

export class InterestsService implements vscode.Disposable {
	private specValue: InterestSpec = readInterestSettings();
	private pattern: InterestHighlight | undefined | null = null;
	private matchMap = new Map<string, InterestMatch>();
	/** the interests `matchMap` was made for (the settings may have changed since) */
	private matchedSpec: InterestSpec | undefined;
	/** the interests whose matching failed last (entryCounts then says no count, not "counting papers…" for ever) */
	private failedSpec: string | undefined;
	/** entryCounts' last answer, for the matches and interests it was counted over */
	private counted: { matches: ReadonlyMap<string, InterestMatch>; key: string; counts: InterestEntryCounts } | undefined;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private generation = 0;
	private shownErrors = '';
	private shownListProblems = '';
	private disposed = false;
	private readonly emitter = new vscode.EventEmitter<void>();
	/** fires when the matches changed */
	readonly onDidChange = this.emitter.event;
	private readonly specEmitter = new vscode.EventEmitter<void>();
	/** fires when the settings' interests changed, `spec` already the new one (before any match) */
	readonly onDidChangeSpec = this.specEmitter.event;
	private readonly subscriptions: vscode.Disposable[] = [];
	private provisionalValue = false;
	/** the settings changed since the last match: the next one fires, matches changed or not (the view says what is followed) */
	private specChanged = false;
	private unreadableValue = 0;
	/** the last refresh: shard time (slowest shard) and papers matched anew, for the bench and logs */
	lastRun: { ms: number; computed: number; matches: number } | undefined;

	constructor(private readonly workspace: IDigestWorkspace) {
		this.subscriptions.push(
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (!Object.values(INTEREST_SETTINGS).some((key) => e.affectsConfiguration(key))) return;
				this.specValue = readInterestSettings();
				this.specEmitter.fire();
				this.specChanged = true;
				this.checkLists();
				this.pattern = null;
				this.schedule(0);
			}),
			workspace.onDidChange(() => {
				this.schedule(REFRESH_DELAY_MS);
				this.followIndex();
			}),
		);
		this.checkLists();
		// the tree is complete (ready) before the index holds every paper: ask again as the index fills
		void workspace.ready.then(() => {
			this.schedule(0);
			this.followIndex();
		});
	}

	/** Says once what the settings' lists are read as when one is not a list of text (`"RDMA"` for `["RDMA"]`). */
	private checkLists(): void {
		const problems = interestListProblems(rawInterestSettings()).map(listProblemText).join(' ');
		if (problems && problems !== this.shownListProblems) warnAboutInterests(problems);
		this.shownListProblems = problems;
	}

	/** the shards whose filling index re-asks the interests (see followIndex) */
	private followed: unknown;

	/**
	 * Asks again once the index holds every title, then every paper, then (after a warm start) once
	 * each shard has read back the long fields' text it matched without. The shards may start after the
	 * workspace is ready (a workspace's first digest added later) or again (after its last went):
	 * each new set is followed once.
	 */
	private followIndex(): void {
		void this.workspace.backend().then((backend) => {
			if (!backend || backend === this.followed || this.disposed) return;
			this.followed = backend;
			void backend.service.headReady.then(() => this.schedule(0));
			void backend.service.whenIndexed().then(() => this.schedule(0));
			this.subscriptions.push(backend.service.onFilled(() => this.schedule(0)));
		});
	}

	get spec(): InterestSpec {
		return this.specValue;
	}

	get hasInterests(): boolean {
		const s = this.specValue;
		return s.keywords.length + s.authors.length + s.categories.length + s.exclude.length > 0;
	}

	/** The interest keywords as global patterns, for cards and editors. */
	highlightPattern(): InterestHighlight | undefined {
		if (this.pattern === null) this.pattern = interestHighlightPattern(this.specValue);
		return this.pattern;
	}

	/**
	 * The matches are still being counted: some papers were matched without their abstracts and
	 * summaries, which a warm start or a rescan reads back in the background (10–45 s on a busy
	 * machine); the counts are asked again once they are there (onFilled).
	 */
	get provisional(): boolean {
		return this.provisionalValue && this.hasInterests;
	}

	/**
	 * Digests whose abstracts and summaries could not be read back (gone or unreadable when the
	 * start's fill came to them): their papers were matched on their titles, TL;DRs and authors only,
	 * until the file changes. The counts are final over the rest.
	 */
	get unreadable(): number {
		return this.hasInterests ? this.unreadableValue : 0;
	}

	match(id: string): InterestMatch | undefined {
		return this.matchMap.get(id);
	}

	/**
	 * How many papers of these digests each entry of `spec` marks (Edit Interests' rows), counted over
	 * the matches the shards made for the tree (distinct papers: a paper listed on several days is one
	 * match; see interestEntryCounts): no file is read and nothing matched again. 'counting' while the
	 * matches of `spec` are not known yet or still provisional (onDidChange fires when they are);
	 * undefined when the workspace has no digests.
	 */
	entryCounts(spec: InterestSpec): InterestEntryCounts | 'counting' | undefined {
		if (this.workspace.files().length === 0) return undefined;
		const key = JSON.stringify(spec);
		if (this.failedSpec === key) return undefined;
		if (this.matchedSpec === undefined || JSON.stringify(this.matchedSpec) !== key || this.provisional) return 'counting';
		if (this.counted?.matches !== this.matchMap || this.counted.key !== key) this.counted = { matches: this.matchMap, key, counts: interestEntryCounts(spec, this.matchMap.values()) };
		return this.counted.counts;
	}

	isMatch(id: string): boolean {
		return isMatch(this.matchMap.get(id));
	}

	/** ids of papers that match (not excluded) */
	matchIds(): string[] {
		const out: string[] = [];
		for (const [id, m] of this.matchMap) if (isMatch(m)) out.push(id);
		return out;
	}

	private schedule(delay: number): void {
		if (this.disposed) return;
		if (this.timer) clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.timer = undefined;
			void this.refresh();
		}, delay);
	}

	/** Asks the shards for the matches now; resolves when they are applied. */
	async refresh(): Promise<void> {
		const generation = ++this.generation;
		const spec = this.specValue;
		const backend = await this.workspace.backend();
		if (!backend || this.disposed) return;
		let reply: Awaited<ReturnType<typeof backend.service.interests>>;
		try {
			reply = await backend.service.interests(spec);
		} catch (err) {
			getLog().warn(`Interests: matching failed: ${errorText(err)}`);
			if (generation === this.generation && !this.disposed) {
				this.failedSpec = JSON.stringify(spec);
				this.emitter.fire();
			}
			return;
		}
		if (generation !== this.generation || this.disposed) return;
		this.failedSpec = undefined;
		this.lastRun = { ms: reply.ms, computed: reply.computed, matches: reply.matches.size };
		getLog().debug(`Interests: ${reply.matches.size} papers matched or excluded; ${reply.computed} matched anew in ${reply.ms.toFixed(1)} ms`);
		const errors = reply.errors.map(inReadersLanguage).join('; ');
		if (errors && errors !== this.shownErrors) {
			warnAboutInterests(vscode.l10n.t('Some arXiv Digest interests are ignored: {0}', errors));
		}
		this.shownErrors = errors;
		if (reply.unreadable > 0 && reply.unreadable !== this.unreadableValue) {
			getLog().warn(`Interests: ${reply.unreadable} digests could not be read back; their papers are matched on title, TL;DR and authors until the files change`);
		}
		const stateChanged = reply.partial !== this.provisionalValue || reply.unreadable !== this.unreadableValue || this.specChanged;
		this.specChanged = false;
		this.matchedSpec = spec;
		this.provisionalValue = reply.partial;
		this.unreadableValue = reply.unreadable;
		if (!stateChanged && sameMatches(this.matchMap, reply.matches)) return;
		this.matchMap = reply.matches;
		this.emitter.fire();
	}

	dispose(): void {
		this.disposed = true;
		if (this.timer) clearTimeout(this.timer);
		for (const s of this.subscriptions) s.dispose();
		this.emitter.dispose();
		this.specEmitter.dispose();
	}
}

/**
 * What the match counts' tooltips add about how far they are counted: still counting (papers matched
 * without the text a start reads back meanwhile), or how many digests could not be read back;
 * undefined when the counts are final over every paper's text.
 */
export function matchCountNote(interests: { readonly provisional: boolean; readonly unreadable?: number }): string | undefined {
	if (interests.provisional) return vscode.l10n.t('counting matches…');
	const unreadable = interests.unreadable ?? 0;
	if (unreadable === 0) return undefined;
	return unreadable === 1
		? vscode.l10n.t('could not read 1 digest: its papers matched on title, TL;DR and authors only')
		: vscode.l10n.t('could not read {0} digests: their papers matched on title, TL;DR and authors only', unreadable);
}

function sameMatches(a: ReadonlyMap<string, InterestMatch>, b: ReadonlyMap<string, InterestMatch>): boolean {
	if (a.size !== b.size) return false;
	for (const [id, m] of a) {
		const o = b.get(id);
		if (!o || !sameInterestMatch(o, m)) return false;
	}
	return true;
}

/**
 * Why `term` would not be an interest of `list` that marks anything, in the reader's language: a
 * regex with a typo or too slow, or text the matcher ignores (a lone `*`, blank quotes, over 200
 * characters); undefined when it is one (or empty: nothing typed yet).
 */
export function interestTermProblem(list: InterestList, term: string): string | undefined {
	if (term.trim() === '') return undefined;
	const compiled = compileInterests(normalizeInterests({ [list]: [term.trim()] }));
	if (compiled.errors.length > 0) return inReadersLanguage(compiled.errors[0]);
	if (compiled.empty) return vscode.l10n.t('“{0}” would mark no paper: type a word, a "phrase", a /regex/ or a name (at most 200 characters)', term.trim());
	return undefined;
}

/** An interest's error with the extension's own reason in the reader's language (a regex engine's message stays as it is). */
function inReadersLanguage(error: string): string {
	const reasons: Record<keyof typeof SLOW_REGEX, string> = {
		nested: vscode.l10n.t('a repeat inside a repeat (like (a+)+) can take minutes on some text; write it with one level of repeats'),
		alternatives: vscode.l10n.t('a repeat of alternatives that can start with the same character (like (a|ab|b)+ or (a?a)+) can take minutes on some text; start each alternative with a different character'),
	};
	for (const key of Object.keys(SLOW_REGEX) as (keyof typeof SLOW_REGEX)[]) {
		if (error.endsWith(`: ${SLOW_REGEX[key]}`)) return `${error.slice(0, -SLOW_REGEX[key].length)}${reasons[key]}`;
	}
	return error;
}
