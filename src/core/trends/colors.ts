/**
 * Chart colours from theme variables (vscode-free, for the Statistics webview). Some themes define a
 * chart colour with transparency, meant for an overlay: every default theme but the high contrast
 * ones has `charts.orange` = rgba(234, 92, 0, 0.33), which fills a bar in a pale peach on a light
 * background and a dull brown on a dark one, well under 3:1 against either.
 */

/** The colour with its alpha dropped (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb()`, `rgba()`); anything else as given. */
export function opaqueColor(color: string): string {
	const value = color.trim();
	const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(value);
	if (hex) {
		const digits = hex[1];
		if (digits.length === 4) return `#${digits.slice(0, 3)}`;
		if (digits.length === 8) return `#${digits.slice(0, 6)}`;
		return value;
	}
	const rgb = /^rgba?\(\s*([^,\s]+)\s*,\s*([^,\s]+)\s*,\s*([^,\s)]+)\s*(?:,\s*[^)]*)?\)$/i.exec(value);
	if (rgb) return `rgb(${rgb[1]}, ${rgb[2]}, ${rgb[3]})`;
	return value;
}
