/** The Statistics webview's document: the strict CSP of every webview, one stylesheet, one nonce'd script. */
import { escapeHtml } from '../html';
import { webviewCsp } from '../webviewCsp';

export interface StatsDocumentOptions {
	cspSource: string;
	nonce: string;
	/** `asWebviewUri` of dist/webview/stats.js */
	scriptUri: string;
	/** `asWebviewUri` of media/stats.css */
	styleUri: string;
	lang: string;
	title: string;
	loading: string;
}

export function buildStatsDocument(options: StatsDocumentOptions): string {
	return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(webviewCsp(options.cspSource, options.nonce))};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="stats"><p class="status" role="status">${escapeHtml(options.loading)}</p></main>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
