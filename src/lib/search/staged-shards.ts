import type { SearchState } from './search-state.ts';
import type { ShardInfo, ShardManifest } from './shard-manifest.ts';

/**
 * The shards a search opens before showing its first results: on a page's first search, the one
 * shard at the end of the order asked for (the newest month for newest first and best match, the
 * oldest letters for oldest first), so the bytes and time before the first results depend on one
 * shard, not on the corpus. The rest are merged next and the complete answer replaces the first.
 * None (search everything at once) when shards are already loaded, when there is only one, or for
 * a page past the first, which the first shard cannot fill in order.
 */
export function firstShards(manifest: ShardManifest, loaded: readonly ShardInfo[], state: SearchState): ShardInfo[] {
  const { shards } = manifest;
  if (loaded.length > 0 || shards.length < 2 || state.page > 1) return [];
  return [state.sort === 'oldest' ? shards[0]! : shards.at(-1)!];
}

/** The decision dates the first shards cover, for the status line: from their first to their last. */
export function datesCovered(shards: readonly ShardInfo[]): { first: string; last: string } {
  const first = shards.map((s) => s.first).sort()[0] ?? '';
  const last =
    shards
      .map((s) => s.last)
      .sort()
      .at(-1) ?? '';
  return { first, last };
}
