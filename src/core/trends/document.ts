/** The Statistics webview's document: the strict CSP of every webview, one stylesheet, one nonce'd script. */
import { escapeHtml } from '../html';
import { webviewHead } from '../webviewCsp';

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
	return `${webviewHead({ lang: options.lang, cspSource: options.cspSource, nonce: options.nonce, styleUris: [options.styleUri], title: options.title })}
<body>
<main id="stats"><p class="status" role="status">${escapeHtml(options.loading)}</p></main>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
