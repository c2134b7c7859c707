/**
 * Switches Markdown (and plain-text) documents that are really arXiv digests to the digest
 * language: by content (`arxivDigest.detect`) or by path (`arxivDigest.files`). The manifest's
 * `filenamePatterns` open a file named as the forks name theirs (`data/2026-06-09.md`) in the digest
 * language from the start, which spares the editor a Markdown open and a language switch (the
 * Markdown extension's work on the whole text, the colours and every provider asked again); such a
 * file that is not a digest by the same rules goes back to Markdown when it opens. A document the
 * user switched by hand keeps the language they chose, in this window and the next ones of the
 * workspace (a file on disk; an untitled one for the session): VS Code reopens an editor after a
 * reload in the language picked for it by hand, and the choice is not undone; a file kept out of the
 * digest language opens again in the language picked for it (Plain Text), wherever VS Code would open
 * it as Markdown or as a digest. Picking the language the rules give goes back to the rules (see
 * handChoice).
 */
import * as vscode from 'vscode';
import { KeyedDebouncer } from '../../core/debounce';
import { DETECT_MAX_CHARS, DETECT_MAX_LINES, isDigestSource, matchesFilePatterns, namedAsDigestDay } from '../../core/detect';
import { handChoice, LanguageChoices } from '../../core/languageChoices';
import { getLog } from '../log';
import { detectionRules, DIGEST_LANGUAGE_ID, SETTINGS } from '../settings';
import { PATH_NOCASE, relativePathOf, uriKey } from '../vsc-utils';
import { showErrorMessage, showInformationMessage } from '../messages';

const SET_LANGUAGE_COMMAND = 'arxivDigest.setLanguage';
/** what a `.md` file the manifest's `filenamePatterns` opened as a digest goes back to when it is not one */
const MARKDOWN_LANGUAGE_ID = 'markdown';
/** languages a digest is opened as before we recognise it */
const CANDIDATE_LANGUAGES: ReadonlySet<string> = new Set(['markdown', 'plaintext']);
/**
 * Schemes of real files. Others (notebook cells, output, chat and SCM inputs) also carry Markdown
 * but must keep their language.
 */
const FILE_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'git', 'github', 'vsls']);
/** a document whose first lines changed is looked at again once the changes pause this long */
const RECHECK_DELAY_MS = 300;
/** where the hand choices are stored (workspace state: LanguageChoices' `{ kept, chosen }`, lists of URIs) */
const LANGUAGE_CHOICES_STATE_KEY = 'arxivDigest.languageChoices';
/** the most hand choices of each kind stored, the latest kept */
const MAX_CHOICES = 200;
/** schemes whose URIs name the same file in the next window: their choices are stored (an untitled file's name is reused by the next new one) */
const STORED_SCHEMES: ReadonlySet<string> = new Set(['file', 'vscode-remote', 'vscode-vfs']);

export function registerLanguageSupport(state: vscode.Memento): vscode.Disposable {
	return new LanguageSwitcher(state);
}

class LanguageSwitcher implements vscode.Disposable {
	private readonly disposables: vscode.Disposable[] = [];
	/** the files the user gave a language by hand (or Set Language), stored in the workspace's state */
	private readonly choices: LanguageChoices;
	/** the same for documents of other schemes (untitled, git…), for the session */
	private readonly sessionChoices = new LanguageChoices(undefined, MAX_CHOICES);
	/** the switches of language under way, by URI: whether each was made */
	private readonly switching = new Map<string, Promise<boolean>>();
	/**
	 * The language a document had when it was "closed". VS Code reports a language change as a
	 * close and an open of the same document object, right after each other; a real reopen
	 * brings a new object.
	 */
	private readonly languageBeforeClose = new WeakMap<vscode.TextDocument, string>();
	/** the same by URI, for the length of one event dispatch, in case the object is not reused */
	private readonly closedJustNow = new Map<string, string>();
	/** documents whose first lines changed (typed, or the file replaced on disk), looked at again */
	private readonly rechecks = new KeyedDebouncer<string>();

	constructor(private readonly state: vscode.Memento) {
		this.choices = new LanguageChoices(state.get<unknown>(LANGUAGE_CHOICES_STATE_KEY), MAX_CHOICES);
		this.disposables.push(
			vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)),
			vscode.workspace.onDidOpenTextDocument((document) => this.onOpen(document)),
			// a Markdown file that becomes a digest while open (pasted in, restored or pulled from disk)
			vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)),
			vscode.workspace.onDidChangeConfiguration((e) => {
				if (e.affectsConfiguration(SETTINGS.detect) || e.affectsConfiguration(SETTINGS.files)) this.checkOpenDocuments();
			}),
			vscode.workspace.onDidChangeWorkspaceFolders(() => this.checkOpenDocuments()),
			vscode.commands.registerCommand(SET_LANGUAGE_COMMAND, (uri?: vscode.Uri) => this.setLanguageCommand(uri)),
		);
		this.checkOpenDocuments();
	}

	dispose(): void {
		this.rechecks.dispose();
		for (const d of this.disposables.splice(0)) d.dispose();
		this.closedJustNow.clear();
	}

	/** the choices that hold for `uri`: stored, or for the session */
	private choicesOf(uri: vscode.Uri): LanguageChoices {
		return STORED_SCHEMES.has(uri.scheme) ? this.choices : this.sessionChoices;
	}

	/**
	 * Records a hand choice of the digest language (`chosen`) or away from it (`kept`, to `language`)
	 * for `uri`, or forgets it (`automatic`), and stores the choices.
	 */
	private record(uri: vscode.Uri, choice: 'chosen' | 'kept' | 'automatic', language: string): void {
		const choices = this.choicesOf(uri);
		const key = uriKey(uri);
		const changed = choice === 'automatic' ? choices.forget(key) : choice === 'chosen' ? choices.choose(key) : choices.keep(key, language);
		if (!changed) return;
		getLog().debug(`Language of ${uri.toString(true)}: ${choice === 'automatic' ? 'by the rules again' : choice === 'chosen' ? 'arXiv Digest, chosen by hand' : `${language}, kept out of arXiv Digest by hand`}`);
		if (choices === this.choices) void this.state.update(LANGUAGE_CHOICES_STATE_KEY, this.choices.toJSON());
	}

	private onClose(document: vscode.TextDocument): void {
		this.languageBeforeClose.set(document, document.languageId);
		const key = uriKey(document.uri);
		this.closedJustNow.set(key, document.languageId);
		queueMicrotask(() => this.closedJustNow.delete(key));
	}

	private onOpen(document: vscode.TextDocument): void {
		const key = uriKey(document.uri);
		const before = this.languageBeforeClose.get(document) ?? this.closedJustNow.get(key);
		this.languageBeforeClose.delete(document);
		this.closedJustNow.delete(key);
		// a change of language the extension did not make (by hand, or VS Code applying files.associations
		// again) into or out of the digest language, or from one kept language to another
		const language = document.languageId;
		if (
			before !== undefined &&
			before !== language &&
			!this.switching.has(key) &&
			((before === DIGEST_LANGUAGE_ID) !== (language === DIGEST_LANGUAGE_ID) || this.choicesOf(document.uri).kept(key))
		) {
			this.record(document.uri, handChoice(language, DIGEST_LANGUAGE_ID, associatedLanguages(document.uri), isDigestByRules(document)), language);
			return;
		}
		this.check(document);
	}

	private onChange(e: vscode.TextDocumentChangeEvent): void {
		const document = e.document;
		if (!CANDIDATE_LANGUAGES.has(document.languageId) || !e.contentChanges.some((c) => c.range.start.line < DETECT_MAX_LINES)) return;
		this.rechecks.schedule(uriKey(document.uri), RECHECK_DELAY_MS, () => {
			if (!document.isClosed) this.check(document);
		});
	}

	private checkOpenDocuments(): void {
		for (const document of vscode.workspace.textDocuments) this.check(document);
	}

	/**
	 * A document as it opens (or as the rules change): to the digest language when it is a digest, or
	 * when the user chose it for this document; back to Markdown when only its name made it one (see
	 * the module's comment); to the language the user kept it in, when it opens in another.
	 */
	private check(document: vscode.TextDocument): void {
		const key = uriKey(document.uri);
		const choices = this.choicesOf(document.uri);
		const keptAs = choices.kept(key) ? (choices.keptLanguage(key) ?? MARKDOWN_LANGUAGE_ID) : undefined;
		if (document.languageId === DIGEST_LANGUAGE_ID) {
			if (choices.chosen(key) || !namedAsDigestDay(document.uri.path)) return;
			if (keptAs !== undefined || (!associatedLanguages(document.uri).has(DIGEST_LANGUAGE_ID) && !isDigestByRules(document))) void this.switchLanguage(document, keptAs ?? MARKDOWN_LANGUAGE_ID);
			return;
		}
		if (!CANDIDATE_LANGUAGES.has(document.languageId) || !FILE_SCHEMES.has(document.uri.scheme)) return;
		if (keptAs !== undefined) {
			if (keptAs !== document.languageId) void this.switchLanguage(document, keptAs);
			return;
		}
		if (choices.chosen(key) || isDigestByRules(document)) void this.switchLanguage(document, DIGEST_LANGUAGE_ID);
	}

	/** Sets `document`'s language to `languageId`; whether it did (not when a switch of it is under way, or VS Code refused). */
	private switchLanguage(document: vscode.TextDocument, languageId: string): Promise<boolean> {
		const key = uriKey(document.uri);
		if (this.switching.has(key)) return Promise.resolve(false);
		const switching = this.setLanguage(document, languageId, key);
		this.switching.set(key, switching);
		return switching;
	}

	/** switchLanguage's work; `key` is in `switching` until it ends (it awaits before it takes the key out) */
	private async setLanguage(document: vscode.TextDocument, languageId: string, key: string): Promise<boolean> {
		const version = document.version;
		let switched: vscode.TextDocument | undefined;
		try {
			switched = await vscode.languages.setTextDocumentLanguage(document, languageId);
		} catch (err) {
			getLog().warn(`Could not switch ${document.uri.toString(true)} to the ${languageId === DIGEST_LANGUAGE_ID ? 'arXiv Digest' : languageId} language: ${String(err)}`);
		} finally {
			this.switching.delete(key);
		}
		// text that came meanwhile (a file still being written) was looked at in the old language, or not at all
		const now = switched ?? document;
		if (!now.isClosed && now.version !== version) this.check(now);
		return switched !== undefined;
	}

	private async setLanguageCommand(uri?: vscode.Uri): Promise<void> {
		let document: vscode.TextDocument | undefined;
		try {
			document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
		} catch (err) {
			void showErrorMessage(vscode.l10n.t('arXiv Digest: cannot open {0}: {1}', uri?.toString(true) ?? '', String(err)));
			return;
		}
		if (!document) {
			void showInformationMessage(vscode.l10n.t('arXiv Digest: open a Markdown file first.'));
			return;
		}
		// a switch of it under way (a dated note going back to Markdown as it opened) ends first
		await this.switching.get(uriKey(document.uri));
		if (document.languageId !== DIGEST_LANGUAGE_ID && !(await this.switchLanguage(document, DIGEST_LANGUAGE_ID))) return;
		this.record(document.uri, handChoice(DIGEST_LANGUAGE_ID, DIGEST_LANGUAGE_ID, associatedLanguages(document.uri), isDigestByRules(document)), DIGEST_LANGUAGE_ID);
	}
}

/** In the digest language, or a digest by the rules (isDigestByRules). */
export function isDigestDocument(document: vscode.TextDocument): boolean {
	return document.languageId === DIGEST_LANGUAGE_ID || isDigestByRules(document);
}

/** The languages the user's `files.associations` give `uri` (what they map is theirs, whatever its text). */
function associatedLanguages(uri: vscode.Uri): Set<string> {
	const associations = vscode.workspace.getConfiguration('files', uri).get<Record<string, unknown>>('associations') ?? {};
	const languages = new Set<string>();
	for (const [pattern, language] of Object.entries(associations)) {
		if (typeof language === 'string' && matchesFilePatterns(uri.path, [pattern])) languages.add(language);
	}
	return languages;
}

/** By path (always) or, when detection is on, by the first lines of the text, whatever its language. */
function isDigestByRules(document: vscode.TextDocument): boolean {
	return isDigestSource({
		relativePath: relativePathOf(document.uri),
		head: () => {
			const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, DETECT_MAX_LINES), 0));
			return head.length > DETECT_MAX_CHARS ? head.slice(0, DETECT_MAX_CHARS) : head;
		},
		...detectionRules(document.uri),
		nocase: PATH_NOCASE,
	});
}
