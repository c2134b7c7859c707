/**
 * Hover on an arXiv id or URL in any file (Markdown, LaTeX, code comments, plain text): the paper's
 * title, authors, days, TL;DR, star and note, with links; and `arXiv:2606.12345` as a link that opens
 * the card. Offline, from the workspace: title and authors from the host's summaries, the TL;DR from
 * the shard (read back from its file; kept a few minutes). The hover waits for the TL;DR while the
 * editor waits for the hover (its cancellation token), up to TLDR_LIMIT_MS: the first hover of a
 * paper used to give up after 12 ms and show no TL;DR, the second had it from the cache.
 *
 * Three parts: what the digest says (escaped), the reader's note (its Markdown rendered, untrusted:
 * no command links, no icons, no HTML), and the actions (trusted for this extension's commands only).
 */
import * as vscode from 'vscode';
import { collectionLabel } from '../library/labels';
import { listText } from '../counts';
import { findArxivRefs, arxivRefAt } from '../../core/library/arxivRefs';
import { paperLabel } from '../../core/tree';
import { plainMath } from '../../core/plainMath';
import { authorCountOf } from '../../core/summary';
import type { IDigestWorkspace } from '../workspace/types';
import { daysOf } from '../export/load';
import type { KeptPaper } from '../../core/library/kept';
import { threadSlices } from '../../core/steps';
import { yieldThread } from '../host';
import { untilCancelled } from '../../core/cancel';
import { escapeMd, noteMarkdown } from './text';
import { documentLength } from '../vsc-utils';

export interface HoverLibrary {
	isStarred(id: string): boolean;
	note(id: string): string | undefined;
	tags(id: string): readonly string[];
	collections(id: string): string[];
	/** what the library kept of a paper no digest lists any more */
	readonly kept?: { get(id: string): KeptPaper | undefined };
}

/**
 * The longest wait for a TL;DR (a shard busy with a cold build): then the hover comes without it. A
 * warm one comes from the cache at once (the budget for a hover of a paper seen before is 20 ms).
 */
const TLDR_LIMIT_MS = 1500;
const CACHE_MS = 5 * 60_000;
const CACHE_SIZE = 200;
const NOTE_SHOWN = 400;
/** lines longer than this are not scanned (minified files) */
const MAX_LINE = 4000;
/**
 * The longest run of looking for `arXiv:` links before the thread is given back: every line of a
 * 50 MB digest took 255 ms of it in one run (most of it the editor's lineAt), which held every
 * extension's work on the extension host.
 */
const LINKS_SLICE_MS = 20;
/** lines between two looks at the clock */
const LINKS_LINES_PER_CHECK = 256;
/**
 * A document VS Code itself finds too large for its own language features (tokens, folding: over
 * 20 M characters or 300,000 lines, its text model's large-file limits) gets no `arXiv:` links
 * either: the look through a 48 MB digest's 430,000 lines took ~450 ms of the extension host's
 * thread on every change, in slices that ran back to back while nothing else waited (the CI's
 * "50 MB digest" test measured 207 ms in one run of the extension's code).
 */
const LINKS_MAX_CHARS = 20 * 1024 * 1024;
const LINKS_MAX_LINES = 300_000;

const HOVER_COMMANDS = ['arxivDigest.openCard', 'arxivDigest.copyBibtex', 'arxivDigest.toggleStar'];

function commandUri(command: string, arg: unknown): string {
	return `command:${command}?${encodeURIComponent(JSON.stringify([arg]))}`;
}

export interface HoverTestApi {
	/** the hover's Markdown at a position, how long it took, and whether it read a digest (a warm hover reads none) */
	hoverAt(document: vscode.TextDocument, position: vscode.Position): Promise<{ markdown: string; ms: number; readDigest: boolean } | undefined>;
}

export function registerHover(workspace: IDigestWorkspace, library: HoverLibrary): vscode.Disposable & { api: HoverTestApi } {
	const tldrCache = new Map<string, { tldr: string; at: number }>();
	const remember = (id: string, tldr: string) => {
		tldrCache.delete(id);
		tldrCache.set(id, { tldr, at: Date.now() });
		if (tldrCache.size > CACHE_SIZE) tldrCache.delete(tldrCache.keys().next().value as string);
	};

	/** papers being read for a hover: a second hover of the same paper waits for the same read */
	const loading = new Map<string, Promise<string>>();
	/** the papers' reads started for hovers (the test API tells a warm hover, served from tldrCache, by it) */
	let reads = 0;

	const tldrOf = async (id: string, token: vscode.CancellationToken | undefined): Promise<string | undefined> => {
		const cached = tldrCache.get(id);
		if (cached && Date.now() - cached.at < CACHE_MS) return cached.tldr;
		const location = workspace.findPaper(id)[0];
		if (!location) return undefined;
		let load = loading.get(id);
		if (!load) {
			reads++;
			load = workspace
				.loadPaper(location)
				.then((loaded) => {
					const tldr = loaded?.paper.tldr ?? '';
					remember(id, tldr);
					return tldr;
				})
				.finally(() => loading.delete(id));
			loading.set(id, load);
		}
		// the read goes on when the hover stops waiting: its TL;DR is in the cache for the next one
		return untilCancelled(load, token, TLDR_LIMIT_MS).catch(() => undefined);
	};

	const markdownFor = async (id: string, explicit: boolean, token?: vscode.CancellationToken): Promise<vscode.MarkdownString[] | undefined> => {
		const locations = workspace.findPaper(id);
		// a paper of the library no digest lists any more: as the library kept it
		const kept = locations.length === 0 ? library.kept?.get(id) : undefined;
		const md = new vscode.MarkdownString(undefined, true);
		md.supportHtml = false;
		const abs = `https://arxiv.org/abs/${id}`;
		if (locations.length === 0 && !kept) {
			// a bare number that is not a paper here is most likely not a paper at all
			if (!explicit) return undefined;
			// one message: the `arXiv:` mention's link says only where a click goes (its tooltip is shown below this)
			const onArxiv = `[${vscode.l10n.t('Abstract')}](${abs}) · [PDF](https://arxiv.org/pdf/${id})`;
			md.appendMarkdown(`$(book) ${vscode.l10n.t('arXiv:{0} is not in the digests of this workspace. On arxiv.org: {1}', id, onArxiv)}`);
			return [md];
		}
		const paper = locations[0]?.paper ?? kept!;
		const ref = locations[0] ? { uri: locations[0].file.uri.toString(), id: paper.id, index: locations[0].index } : { id: paper.id };
		const starred = library.isStarred(id);
		md.appendMarkdown(`**${escapeMd(paperLabel(paper))}**${starred ? ' $(star-full)' : ''}\n\n`);
		if (paper.authors.length) md.appendMarkdown(`${escapeMd(paper.authors.join(', '))}${authorCountOf(paper) > paper.authors.length ? vscode.l10n.t(' et al.') : ''}\n\n`);
		const listed = vscode.l10n.t('listed {0}', listText(kept ? [...kept.days] : daysOf(workspace, id), vscode.l10n, 'list'));
		md.appendMarkdown(`${escapeMd([paper.category || paper.section, listed, kept ? vscode.l10n.t('no digest in this workspace lists it any more') : ''].filter(Boolean).join(' · '))}\n\n`);
		const tldr = kept ? kept.tldr : await tldrOf(id, token);
		// its TeX as text, as the title's (a hover renders no math)
		if (tldr) md.appendMarkdown(`**TL;DR** ${escapeMd(plainMath(tldr))}\n\n`);
		const collections = library.collections(id).map((name) => collectionLabel(name, vscode.l10n));
		const tags = library.tags(id);
		if (collections.length || tags.length) md.appendMarkdown(`${escapeMd([listText(collections, vscode.l10n, 'list'), tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join(' · '))}\n\n`);
		const parts = [md];
		const note = library.note(id);
		if (note?.trim()) {
			// the reader's own Markdown, rendered; untrusted: a link in it may open a web page, never run a command
			const noteMd = new vscode.MarkdownString(undefined, false);
			noteMd.isTrusted = false;
			noteMd.supportHtml = false;
			noteMd.appendMarkdown(`**${escapeMd(vscode.l10n.t('Your note'))}**\n\n${noteMarkdown(note, NOTE_SHOWN)}`);
			parts.push(noteMd);
		}
		const actions = new vscode.MarkdownString(undefined, false);
		actions.isTrusted = { enabledCommands: HOVER_COMMANDS };
		actions.supportHtml = false;
		const links = [
			`[${vscode.l10n.t('Open card')}](${commandUri('arxivDigest.openCard', ref)})`,
			`[${vscode.l10n.t('Abstract')}](${abs})`,
			`[PDF](https://arxiv.org/pdf/${id})`,
			`[${vscode.l10n.t('Copy BibTeX')}](${commandUri('arxivDigest.copyBibtex', ref)})`,
			`[${starred ? vscode.l10n.t('Unstar') : vscode.l10n.t('Star')}](${commandUri('arxivDigest.toggleStar', { id })})`,
		];
		actions.appendMarkdown(links.join(' · '));
		parts.push(actions);
		return parts;
	};

	const provideHover = async (document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.Hover | undefined> => {
		const line = document.lineAt(position.line).text;
		if (line.length > MAX_LINE) return undefined;
		const ref = arxivRefAt(line, position.character);
		if (!ref) return undefined;
		const parts = await markdownFor(ref.id, ref.explicit, token);
		if (token?.isCancellationRequested) return undefined;
		return parts && new vscode.Hover(parts, new vscode.Range(position.line, ref.start, position.line, ref.end));
	};

	const linkProvider: vscode.DocumentLinkProvider = {
		async provideDocumentLinks(document, token) {
			const links: vscode.DocumentLink[] = [];
			if (document.lineCount > LINKS_MAX_LINES || documentLength(document) > LINKS_MAX_CHARS) return links;
			const pause = threadSlices(LINKS_SLICE_MS, yieldThread);
			for (let i = 0; i < document.lineCount; i++) {
				if (i % LINKS_LINES_PER_CHECK === 0) {
					const wait = pause();
					if (wait) await wait;
					// the document changed (its lines are not these any more) or nobody waits for the links
					if (token.isCancellationRequested) return undefined;
				}
				const text = document.lineAt(i).text;
				if (text.length > MAX_LINE || !/arxiv[:：]/i.test(text)) continue;
				for (const ref of findArxivRefs(text)) {
					// URLs are links already; bare numbers are too often something else
					if (!/^arxiv[:：]/i.test(text.slice(ref.start, ref.end))) continue;
					const known = workspace.findPaper(ref.id).length > 0;
					const target = known ? vscode.Uri.parse(commandUri('arxivDigest.openCard', { id: ref.id })) : vscode.Uri.parse(`https://arxiv.org/abs/${ref.id}`);
					const link = new vscode.DocumentLink(new vscode.Range(i, ref.start, i, ref.end), target);
					link.tooltip = known ? vscode.l10n.t('Open the paper card') : vscode.l10n.t('Open on arxiv.org');
					links.push(link);
				}
			}
			return links;
		},
	};

	const selector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-remote' }];
	const disposable = vscode.Disposable.from(vscode.languages.registerHoverProvider(selector, { provideHover }), vscode.languages.registerDocumentLinkProvider(selector, linkProvider));
	return {
		dispose: () => disposable.dispose(),
		api: {
			async hoverAt(document, position) {
				const started = performance.now();
				const readsBefore = reads;
				const hover = await provideHover(document, position);
				const ms = performance.now() - started;
				if (!hover) return undefined;
				return { markdown: hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n'), ms, readDigest: reads > readsBefore };
			},
		},
	};
}
