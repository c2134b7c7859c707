import { escapeHtml } from './html';

/**
 * The one Content-Security-Policy of the extension's webviews (paper cards, Statistics): nothing by
 * default; styles, fonts and images only from the extension (`webview.cspSource`), no inline style;
 * scripts only with this document's nonce (no inline script, no eval).
 */
export function webviewCsp(cspSource: string, nonce: string): string {
	if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('webview nonce must be at least 16 base64 characters');
	return [
		"default-src 'none'",
		`style-src ${cspSource}`,
		`font-src ${cspSource}`,
		`img-src ${cspSource} data:`,
		`script-src 'nonce-${nonce}'`,
	].join('; ');
}

/** The `<!DOCTYPE html>` … `</head>` of a webview document under that policy (paper cards, Statistics). */
export function webviewHead(options: { lang: string; cspSource: string; nonce: string; styleUris: readonly string[]; title: string }): string {
	const styles = options.styleUris.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
	return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(webviewCsp(options.cspSource, options.nonce))};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles}
<title>${escapeHtml(options.title)}</title>
</head>`;
}
