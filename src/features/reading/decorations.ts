/**
 * Interests in open digests: a gutter mark and the matched words after the heading of each matching
 * paper, the interest keywords highlighted inside those papers, excluded papers' headings dimmed.
 * A digest shown in an editor also counts as seen.
 */
import * as vscode from 'vscode';
import { dayFromPath } from '../../core/day';
import { viewPapers } from '../../core/documentView';
import { highlightFor, isMatch, type InterestHighlight } from '../../core/interests';
import type { ReadingLookup } from '../../core/readingMarks';
import { escapeMarkdown } from '../../core/tree';
import { unionMatches } from '../../core/unionMatches';
import { listText } from '../counts';
import type { IDigestWorkspace } from '../workspace/types';

/** decorations follow typing after it settles */
const UPDATE_DELAY_MS = 250;
/** at most this many keyword highlights per editor: a guard against a pattern that matches everywhere */
const MAX_HIGHLIGHTS = 5000;

interface DecorationHost extends ReadingLookup {
	readonly onDidChange: vscode.Event<unknown>;
	readonly interests: { highlightPattern(): InterestHighlight | undefined };
	markSeen(ids: Iterable<string>, day: string | undefined): void;
}

function isHighContrast(kind: vscode.ColorThemeKind): boolean {
	return kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight;
}

/**
 * The interest words' highlight: the editor's strong word highlight, which high-contrast themes leave
 * without a background (they outline it): there the words get the theme's outline colour as a border,
 * or no mark at all would show. Made again when the theme changes between the two kinds.
 */
function wordDecoration(highContrast: boolean): vscode.TextEditorDecorationType {
	return vscode.window.createTextEditorDecorationType(
		highContrast
			? { borderColor: new vscode.ThemeColor('contrastActiveBorder'), borderStyle: 'dotted', borderWidth: '1px', borderRadius: '2px' }
			: { backgroundColor: new vscode.ThemeColor('editor.wordHighlightStrongBackground'), borderRadius: '2px' },
	);
}

export function registerInterestDecorations(extensionUri: vscode.Uri, workspace: IDigestWorkspace, reading: DecorationHost): vscode.Disposable {
	// the gutter mark on the heading's first character only: a whole-line range repeats it on every wrapped row
	const gutter = vscode.window.createTextEditorDecorationType({
		gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'interest.svg'),
		// the dark themes' yellow is 1.95:1 on a white editor; this one is 5.5:1 (3:1 is the least for a mark)
		light: { gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'interest-light.svg') },
		gutterIconSize: 'contain',
		overviewRulerColor: new vscode.ThemeColor('charts.yellow'),
		overviewRulerLane: vscode.OverviewRulerLane.Right,
	});
	const heading = vscode.window.createTextEditorDecorationType({});
	let highContrast = isHighContrast(vscode.window.activeColorTheme.kind);
	let word = wordDecoration(highContrast);
	const excluded = vscode.window.createTextEditorDecorationType({ opacity: '0.5' });
	let timer: ReturnType<typeof setTimeout> | undefined;

	/** the document version each editor was last decorated for, so a slow view never paints over a newer one */
	const decorated = new WeakMap<vscode.TextEditor, number>();
	const decorate = async (editor: vscode.TextEditor) => {
		if (!workspace.isDigestDocument(editor.document)) return;
		const document = editor.document;
		const version = document.version;
		decorated.set(editor, version);
		// the papers' lines from the document view: a large digest is parsed off the editor's thread
		const view = await workspace.documentView(document);
		if (!view || document.isClosed || document.version !== version || decorated.get(editor) !== version) return;
		const papers = viewPapers(view);
		const highlight = reading.interests.highlightPattern();
		const headings: vscode.DecorationOptions[] = [];
		const gutters: vscode.Range[] = [];
		const words: vscode.Range[] = [];
		const dimmed: vscode.Range[] = [];
		let full: string | undefined;
		papers.forEach((paper, i) => {
			const match = reading.match(paper.id);
			if (!match) return;
			const line = Math.min(paper.headingLine, document.lineCount - 1);
			if (match.excluded) {
				dimmed.push(document.lineAt(line).range);
				return;
			}
			if (!isMatch(match)) return;
			gutters.push(new vscode.Range(line, 0, line, 0));
			headings.push({
				range: document.lineAt(line).range,
				renderOptions: { after: { contentText: `  ✦ ${listText(match.words, vscode.l10n, 'list')}`, color: new vscode.ThemeColor('editorCodeLens.foreground') } },
				// the words as the paper writes them (a followed author's name): text, never a link or an image
				hoverMessage: new vscode.MarkdownString(escapeMarkdown(vscode.l10n.t('Matches your interests: {0}', listText(match.words, vscode.l10n, 'list')))),
			});
			if (!highlight || words.length >= MAX_HIGHLIGHTS) return;
			// the entry runs to the line before the next paper's heading
			const last = Math.min((papers[i + 1]?.headingLine ?? document.lineCount) - 1, document.lineCount - 1);
			const start = document.offsetAt(new vscode.Position(line, 0));
			const end = document.offsetAt(document.lineAt(Math.max(line, last)).range.end);
			const text = (full ??= document.getText()).slice(start, end);
			for (const m of unionMatches(text, highlightFor(highlight, text), MAX_HIGHLIGHTS - words.length)) {
				words.push(new vscode.Range(document.positionAt(start + m.index), document.positionAt(start + m.index + m.text.length)));
			}
		});
		editor.setDecorations(gutter, gutters);
		editor.setDecorations(heading, headings);
		editor.setDecorations(word, words);
		editor.setDecorations(excluded, dimmed);
		reading.markSeen(
			papers.map((p) => p.id),
			workspace.get(document.uri)?.digest.day ?? dayFromPath(document.uri.path),
		);
	};

	const decorateAll = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		for (const editor of vscode.window.visibleTextEditors) void decorate(editor);
	};
	const schedule = () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(decorateAll, UPDATE_DELAY_MS);
	};

	const subscriptions = [
		gutter,
		heading,
		{ dispose: () => word.dispose() },
		excluded,
		vscode.window.onDidChangeActiveColorTheme((theme) => {
			if (isHighContrast(theme.kind) === highContrast) return;
			highContrast = !highContrast;
			const old = word;
			word = wordDecoration(highContrast);
			old.dispose();
			decorateAll();
		}),
		vscode.window.onDidChangeVisibleTextEditors(schedule),
		vscode.workspace.onDidChangeTextDocument((e) => {
			if (vscode.window.visibleTextEditors.some((ed) => ed.document === e.document)) schedule();
		}),
		reading.onDidChange(schedule),
	];
	schedule();
	return {
		dispose() {
			if (timer) clearTimeout(timer);
			for (const s of subscriptions) s.dispose();
		},
	};
}
