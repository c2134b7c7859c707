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
