/**
 * The index cache's format version and the keys a shard's caches carry: light enough for
 * the extension host, which reads the file-records cache itself on a warm start (no index code).
 */
import { PARSER_VERSION } from '../parse/version';

/** 3: per-field tf varint postings, field lengths and word sequences (issue 14); 4: no long-field text, compressed meta, varint directories, term order, checksum; 5: binary meta; 6: four-lane checksum, authors and categories as numbers in a table of names; 7: a hash of each document's long fields; 8: the TL;DR's postings in a store of their own, field lengths in the new field order; 9: a paper's long fields and postings hold every listing's text (the hash is of that text); 10: a posting's common tf counters coded in its gap, directories skip runs of terms a store does not have */
export const CACHE_FORMAT_VERSION = 10;

/**
 * What an index cache's header holds as its version: its format's and the parser's that read the
 * files (PARSER_VERSION), so that a cache of either kind of update is outdated, rebuilt silently
 */
export const INDEX_CACHE_VERSION = CACHE_FORMAT_VERSION + 0x10000 * PARSER_VERSION;

/** the key of shard `shard` of `shards`'s index cache: a cache of another format or shard layout is not used */
export function cacheKey(shard: number, shards: number): string {
	return `v${CACHE_FORMAT_VERSION}:${shard}/${shards}`;
}

/**
 * the key of shard `shard` of `shards`'s file-records cache: the parser's version and the shard layout (the records'
 * header carries their own format, see corpus/records.ts), so that a new index format keeps them
 * and the first start after an update shows the Papers view from them while the index is rebuilt
 * (until format 8 the key held the index's version, and every such update read the digests again for it)
 */
export function fileRecordsKey(shard: number, shards: number): string {
	return `files:p${PARSER_VERSION}:${shard}/${shards}`;
}
