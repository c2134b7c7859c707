/** UTF-16LE bytes as a string in a browser (the web build's twin of utf16.ts, same exports): TextDecoder, a lone surrogate as U+FFFD. */
export function decodeUtf16(bytes: Uint8Array): string {
	// no byte order mark is taken off: the text may start with U+FEFF
	return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
}
