/**
 * Show Parse Report: how many papers of the workspace's digests have each field, per template and
 * per file, in a Markdown document in the reader's language. The index shards compute it from the
 * files they own.
 */
import * as vscode from 'vscode';
import { parseReportMarkdown } from '../../core/parse/coverageReport';
import type { IDigestWorkspace } from '../workspace/types';
import { parseReportStrings } from './strings';
import { showInformationMessage } from '../messages';

export const SHOW_PARSE_REPORT_COMMAND = 'arxivDigest.showParseReport';

export function registerParseReport(context: vscode.ExtensionContext, workspace: IDigestWorkspace): vscode.Disposable {
	return vscode.commands.registerCommand(SHOW_PARSE_REPORT_COMMAND, async () => {
		await workspace.ready;
		const backend = await workspace.backend();
		if (!backend || workspace.files().length === 0) {
			void showInformationMessage(vscode.l10n.t('There are no arXiv digests in this workspace to report on.'));
			return;
		}
		const markdown = await vscode.window.withProgress(
			{ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('arXiv Digest: reading every digest for the parse report…') },
			async () => {
				const [byTemplate, byFile] = await Promise.all([backend.service.coverage('template'), backend.service.coverage('file')]);
				return parseReportMarkdown({
					byTemplate,
					byFile,
					displayPath: (path) => vscode.workspace.asRelativePath(backend.uriOf(path)),
					version: String(context.extension.packageJSON.version ?? ''),
					strings: parseReportStrings(vscode.l10n),
				});
			},
		);
		const document = await vscode.workspace.openTextDocument({ content: markdown, language: 'markdown' });
		await vscode.window.showTextDocument(document, { preview: false });
	});
}
