/**
 * Escaping text into HTML, for every webview document: no dependency, so a module that only
 * escapes (the card's similar-papers list, the Statistics page) does not pull in markdown-it.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
