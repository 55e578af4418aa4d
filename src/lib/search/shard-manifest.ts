// The search index is split into shards, each a Pagefind bundle of its own under pagefind/<id>/,
// listed oldest first in pagefind/shards.json. The search page loads one shard and merges the
// others in (Pagefind's mergeIndex), so filter counts add up across shards. Each shard's pages get
// a hidden `shard` filter naming it (Pagefind's `mergeFilter`, added in the browser): a date-sorted
// search reads its results shard by shard, because Pagefind's merge orders results by score, and a
// sorted search scores by position within one shard.

export const MANIFEST_FILE = 'shards.json';

/** The filter key that holds each page's shard id; not shown to readers. */
export const SHARD_FILTER = 'shard';

export interface ShardInfo {
  /** Folder under pagefind/, and the hidden `shard` filter value of its pages. */
  id: string;
  /** Determination pages indexed in it. */
  pages: number;
  /** Earliest and latest decision date in it (ISO; undated letters sort as 0000-00-00). */
  first: string;
  last: string;
  /** sha256 of its pages' HTML and the indexer version: unchanged shards are not indexed again. */
  hash: string;
}

export interface ShardManifest {
  version: 1;
  /** Pagefind version that wrote the bundles. */
  pagefind: string;
  /** Oldest first; date ranges follow one another (neighbours may share a boundary date). */
  shards: ShardInfo[];
}

/** One shard's share of a range of sorted results: skip this many of its results, take the next. */
export interface ShardSpan {
  id: string;
  skip: number;
  take: number;
}

/**
 * Which shards hold results start..end (end exclusive) of a search sorted by decision date, given
 * how many results each shard has: newest shards first for 'desc', oldest first for 'asc'.
 */
export function shardSpans(
  shards: readonly ShardInfo[],
  counts: Readonly<Record<string, number>>,
  order: 'asc' | 'desc',
  start: number,
  end: number,
): ShardSpan[] {
  const ordered = order === 'asc' ? shards : [...shards].reverse();
  const spans: ShardSpan[] = [];
  let offset = 0;
  for (const { id } of ordered) {
    const n = counts[id] ?? 0;
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + n);
    if (to > from) spans.push({ id, skip: from - offset, take: to - from });
    offset += n;
    if (offset >= end) break;
  }
  return spans;
}
