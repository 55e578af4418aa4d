// The search index is split into shards, each a Pagefind bundle with its facet table
// (facet-table.ts), listed oldest first in pagefind/shards.json: the newest shard (the newest
// month, once there are several) is pagefind/ itself, the others are under pagefind/<id>/. The
// search page opens the newest with Pagefind's runtime and WASM, at fixed URLs it preloads, and
// merges the others into it (src/client/sharded-index.ts) as the search needs them.

export const MANIFEST_FILE = 'shards.json';

export interface ShardInfo {
  /** Folder under pagefind/ (the root shard's bundle is pagefind/ itself). */
  id: string;
  /** Determination pages (letters) indexed in it. */
  pages: number;
  /** Their disputed items. */
  items: number;
  /** Pagefind records: one per letter, one per item, and the sentinel row 0. */
  records: number;
  /** Earliest and latest decision date in it (ISO; undated letters sort as 0000-00-00). */
  first: string;
  last: string;
  /** sha256 of its pages' HTML and the indexer version: unchanged shards are not indexed again. */
  hash: string;
}

export interface ShardManifest {
  version: 3;
  /** Pagefind version that wrote the bundles. */
  pagefind: string;
  /** The shard whose bundle is pagefind/ itself (the newest). */
  root: string;
  /** Oldest first; date ranges follow one another (neighbours may share a boundary date). */
  shards: ShardInfo[];
}

/** The URL of a shard's bundle, given that of pagefind/ (ending in "/"). */
export function shardUrl(manifest: ShardManifest, root: string, id: string): string {
  return id === manifest.root ? root : `${root}${id}/`;
}
