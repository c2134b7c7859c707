/**
 * The version of what `parseDigest` (core/parser.ts) makes of a text. The caches of the index and
 * of the files' summaries carry it, and a cache made by another version is rebuilt: a digest that
 * never changes again (every past day) would otherwise keep an older parser's reading of it. Raise
 * it with any change of the parser's output, and of what `looksLikeDigest` (core/detect.ts) takes for a
 * digest (the browser build remembers the files it judged no digest by this version: heads.ts
 * JudgedHeads); `test/unit/parser-version.test.ts` fails until then for the parser's output.
 */
export const PARSER_VERSION = 8;
