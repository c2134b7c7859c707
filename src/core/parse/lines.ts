/** Line splitting for the parser: the same line breaks as editors, without building an array. */

/**
 * A file's text: one string, or its pieces in file order, each piece but the last ending with a line
 * feed (see decodeInPieces). Lines never straddle two pieces.
 */
export type LineSource = string | readonly string[];

/**
 * Calls `visit` for each line of `source`, split the way editors split (`\n`, `\r\n` and a lone
 * `\r`), without building an array: lines die young, which keeps the garbage collector out of the way
 * on large files. Returns the line count.
 */
export function forEachLine(source: LineSource, visit: (index: number, line: string) => void): number {
	if (typeof source === 'string') return linesOf(source, visit, 0, true);
	let index = 0;
	for (let k = 0; k < source.length; k++) index = linesOf(source[k], visit, index, k === source.length - 1);
	return source.length === 0 ? linesOf('', visit, 0, true) : index;
}

/** The whole text of `source` (one string: a copy where it is in pieces). */
export function wholeText(source: LineSource): string {
	return typeof source === 'string' ? source : source.join('');
}

/**
 * The lines of `text` from line number `index` on; the next line's number. `last`: `text` ends the
 * file; else it ends with a line feed, and the empty line after it is the next piece's first.
 */
function linesOf(text: string, visit: (index: number, line: string) => void, index: number, last: boolean): number {
	const n = text.length;
	// the next `\r` at or after `start`, remembered so a single far-away `\r` is not searched for on
	// every line; indexOf, not lastIndexOf: a file without one is scanned to its end either way, and
	// lastIndexOf reads it one code unit at a time (~40 ms for the 91 MB real folder in Node 24, indexOf ~6)
	let cr = text.indexOf('\r');
	const hasCr = cr >= 0;
	let start = 0;
	for (;;) {
		if (!last && start === n) return index;
		let end = text.indexOf('\n', start);
		if (end < 0) end = n;
		let stop = end;
		if (hasCr) {
			if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
			while (cr >= 0 && cr < end - 1) {
				visit(index++, text.slice(start, cr));
				start = cr + 1;
				cr = text.indexOf('\r', start);
			}
			if (cr >= 0 && cr === end - 1) stop = cr;
			else if (end === n && cr === n - 1) stop = cr;
		}
		visit(index++, text.slice(start, stop));
		if (end >= n) {
			// a lone `\r` at the very end opens one more (empty) line, as `\n` does
			if (hasCr && stop === n - 1 && end === n) visit(index++, '');
			return index;
		}
		start = end + 1;
	}
}

/** Bytes per piece of decodeInPieces: a piece's string stays well under V8's large-object size (128 KB). */
export const PIECE_BYTES = 32 * 1024;

/**
 * `bytes` (UTF-8) decoded in pieces of about `pieceBytes`, each cut after a line feed (a byte that is
 * never part of a longer UTF-8 sequence), by `decode(start, end)`. One string per file of a few
 * hundred KB is a large object in V8: memory fresh from the system every time, whose page faults made
 * decoding the 91 MB real folder take ~500 ms where its pieces took ~50 ms (Node 24, this project's
 * 2-core machine). A file without a line feed in a piece's reach stays whole from there.
 */
export function decodeInPieces(bytes: Uint8Array, decode: (start: number, end: number) => string, pieceBytes = PIECE_BYTES): LineSource {
	if (bytes.length <= pieceBytes) return decode(0, bytes.length);
	const pieces: string[] = [];
	let start = 0;
	while (start < bytes.length) {
		let end = start + pieceBytes;
		if (end >= bytes.length) end = bytes.length;
		else {
			const feed = bytes.indexOf(10, end - 1);
			end = feed < 0 ? bytes.length : feed + 1;
		}
		pieces.push(decode(start, end));
		start = end;
	}
	return pieces;
}
