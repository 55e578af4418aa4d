// The search index is split into shards, each a Pagefind bundle with its facet table
// (facet-table.ts; their values in one list beside this file), listed oldest first in
// pagefind/shards.json.gz: the newest shard (the newest month, once there are several) is pagefind/
// itself, the others are under pagefind/<id>/. The search page opens the newest with Pagefind's
// runtime and WASM, at fixed URLs it preloads, and merges the others into it
// (src/client/sharded-index.ts) as the search needs them. A search's first results fetch the list
// whole, and it grows by a shard per 2,500 letters: so it is gzipped, and names each shard by its
// tag rather than its whole hash (which only the indexer's cache needs).

import type { ListPack } from './word-lists.ts';

export const MANIFEST_FILE = 'shards.json.gz';

export interface ShardInfo {
  /** Folder under pagefind/ (the root shard's bundle is pagefind/ itself). */
  id: string;
  /** Determination pages (letters) indexed in it. */
  pages: number;
  /** Their disputed items. */
  items: number;
  /** Pagefind records: one per letter and one per item, rows 1 to `records`. */
  records: number;
  /** Earliest and latest decision date in it (ISO; undated letters sort as 0000-00-00). */
  first: string;
  last: string;
  /** Its record tag (recordTag): the start of the hash of its pages, their search data and the code that indexes them. */
  tag: string;
  /** Its facet file's digest (FacetFile.values: the values it refers to and the code that wrote it): the page checks it has that file. */
  facets: string;
  /** How many characters of a word group name its group file (groupFile, listNameLength in word-lists.ts): 2 in a small shard. */
  listNames: number;
}

export interface ShardManifest {
  /** The bundles' format: 8 since a small shard's group files are named by two characters (ShardInfo.listNames); a page of another version asks to be reloaded. */
  version: 8;
  /** Pagefind version that wrote the bundles. */
  pagefind: string;
  /** The shard whose bundle is pagefind/ itself (the newest). */
  root: string;
  /** Key of the site's list of facet values (FacetValues.key, facet-table.ts), pagefind/facet-values.json.gz. */
  values: string;
  /** Key of the site's word directory (pagefind/words/, WordGroup in word-lists.ts); absent in an index written before it. */
  words?: string;
  /** The word lists' packs of closed years (ListPack in word-lists.ts); absent in an index written before them. */
  packs?: ListPack[];
  /** Oldest first; date ranges follow one another (neighbours may share a boundary date). */
  shards: ShardInfo[];
}

/** The URL of a shard's bundle, given that of pagefind/ (ending in "/"). */
export function shardUrl(manifest: ShardManifest, root: string, id: string): string {
  return id === manifest.root ? root : `${root}${id}/`;
}

/**
 * The prefix of a shard's record names: the start of its hash, so that a record's name changes
 * whenever its shard's letters do (a browser may keep a fragment file it fetched before an
 * update) and says which shard it is in.
 */
export function recordTag(shardHash: string): string {
  return shardHash.slice(0, 12);
}

/**
 * The name of a shard's record (its Pagefind page hash and fragment file): its shard's tag and the
 * record's row, base 36 ("1be1c178cdb4~1k"). The indexer names records so (scripts/search-index/
 * pagefind-meta.ts), and a search result's id says which record it is.
 */
export function recordName(tag: string, row: number): string {
  return `${tag}${RECORD_SEPARATOR}${row.toString(36)}`;
}

const RECORD_SEPARATOR = '~';

/**
 * A letter's card in its shard's bundle: its own record's URL and metadata (title, facts, item
 * list) without the record's text, gzipped JSON (LetterCard). A result whose letter shows no
 * excerpt of its own text needs only this, a fifth of the record's fragment file.
 */
export function letterCardPath(tag: string, row: number): string {
  return `card/${recordName(tag, row)}.json.gz`;
}

/** What a letter's card file holds: its record's fragment's URL and metadata. */
export interface LetterCard {
  url: string;
  meta: Record<string, string | undefined>;
}

/** The shard tag and row a record's name gives; undefined for any other name. */
export function recordOf(name: string): { tag: string; row: number } | undefined {
  const at = name.lastIndexOf(RECORD_SEPARATOR);
  const row = name.slice(at + 1);
  return at > 0 && /^[0-9a-z]+$/.test(row) ? { tag: name.slice(0, at), row: Number.parseInt(row, 36) } : undefined;
}
