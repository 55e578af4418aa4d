// The search index is split into shards, each a Pagefind bundle of its own under pagefind/<id>/
// with its facet table (facet-table.ts), listed oldest first in pagefind/shards.json. The search
// page merges the shards it needs into one Pagefind instance (src/client/sharded-index.ts):
// the newest first, so the first results come from a bounded part of the index, then the rest.

export const MANIFEST_FILE = 'shards.json';

export interface ShardInfo {
  /** Folder under pagefind/. */
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
  version: 2;
  /** Pagefind version that wrote the bundles. */
  pagefind: string;
  /** Oldest first; date ranges follow one another (neighbours may share a boundary date). */
  shards: ShardInfo[];
}
