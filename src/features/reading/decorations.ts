/**
 * Interests in open digests: a gutter mark and the matched words after the heading of each matching
 * paper, the interest keywords highlighted inside those papers, excluded papers' headings dimmed.
 * A digest shown in an editor also counts as seen.
 */
import * as vscode from 'vscode';
import { isMatch } from '../../core/interests';
import type { ReadingLookup } from '../../core/readingMarks';
import type { IDigestWorkspace } from '../workspace/types';

/** decorations follow typing after it settles */
const UPDATE_DELAY_MS = 250;
/** at most this many keyword highlights per editor: a guard against a pattern that matches everywhere */
const MAX_HIGHLIGHTS = 5000;

interface DecorationHost extends ReadingLookup {
	readonly onDidChange: vscode.Event<void>;
	readonly interests: { highlightPattern(): RegExp | undefined };
	markSeen(ids: Iterable<string>, day: string | undefined): void;
}

export function registerInterestDecorations(extensionUri: vscode.Uri, workspace: IDigestWorkspace, reading: DecorationHost): vscode.Disposable {
	// the gutter mark on the heading's first character only: a whole-line range repeats it on every wrapped row
	const gutter = vscode.window.createTextEditorDecorationType({
		gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'interest.svg'),
		gutterIconSize: 'contain',
		overviewRulerColor: new vscode.ThemeColor('charts.yellow'),
		overviewRulerLane: vscode.OverviewRulerLane.Right,
	});
	const heading = vscode.window.createTextEditorDecorationType({});
	const word = vscode.window.createTextEditorDecorationType({
		backgroundColor: new vscode.ThemeColor('editor.wordHighlightStrongBackground'),
		borderRadius: '2px',
	});
	const excluded = vscode.window.createTextEditorDecorationType({ opacity: '0.5' });
	let timer: ReturnType<typeof setTimeout> | undefined;

	const decorate = (editor: vscode.TextEditor) => {
		if (!workspace.isDigestDocument(editor.document)) return;
		const digest = workspace.parseDocument(editor.document);
		const pattern = reading.interests.highlightPattern();
		const headings: vscode.DecorationOptions[] = [];
		const gutters: vscode.Range[] = [];
		const words: vscode.Range[] = [];
		const dimmed: vscode.Range[] = [];
		const document = editor.document;
		let full: string | undefined;
		for (const paper of digest.papers) {
			const match = reading.match(paper.id);
			if (!match) continue;
			const line = Math.min(paper.headingLine, document.lineCount - 1);
			if (match.excluded) {
				dimmed.push(document.lineAt(line).range);
				continue;
			}
			if (!isMatch(match)) continue;
			gutters.push(new vscode.Range(line, 0, line, 0));
			headings.push({
				range: document.lineAt(line).range,
				renderOptions: { after: { contentText: `  ✦ ${match.words.join(', ')}`, color: new vscode.ThemeColor('editorCodeLens.foreground') } },
				hoverMessage: new vscode.MarkdownString(vscode.l10n.t('Matches your interests: {0}', match.words.join(', '))),
			});
			if (!pattern || words.length >= MAX_HIGHLIGHTS) continue;
			const start = document.offsetAt(new vscode.Position(paper.range.start, 0));
			const end = document.offsetAt(document.lineAt(Math.min(paper.range.end, document.lineCount - 1)).range.end);
			const text = (full ??= document.getText()).slice(start, end);
			pattern.lastIndex = 0;
			for (let m = pattern.exec(text); m && words.length < MAX_HIGHLIGHTS; m = pattern.exec(text)) {
				if (m[0] === '') {
					pattern.lastIndex++;
					continue;
				}
				words.push(new vscode.Range(document.positionAt(start + m.index), document.positionAt(start + m.index + m[0].length)));
			}
		}
		editor.setDecorations(gutter, gutters);
		editor.setDecorations(heading, headings);
		editor.setDecorations(word, words);
		editor.setDecorations(excluded, dimmed);
		reading.markSeen(
			digest.papers.map((p) => p.id),
			digest.day,
		);
	};

	const decorateAll = () => {
		if (timer) clearTimeout(timer);
		timer = undefined;
		for (const editor of vscode.window.visibleTextEditors) decorate(editor);
	};
	const schedule = () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(decorateAll, UPDATE_DELAY_MS);
	};

	const subscriptions = [
		gutter,
		heading,
		word,
		excluded,
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
