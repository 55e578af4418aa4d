// The sharded search index used as one (see shard-manifest.ts): reads pagefind/shards.json, loads
// the first shard's Pagefind bundle and merges the others into it. Pagefind's merge sums filter
// counts over the shards and orders results by score, which serves best-match searches; a search
// sorted by date is read shard by shard in date order, only from the shards the wanted range of
// results falls in.
import type { Pagefind, PagefindResult } from './pagefind-api.ts';
import type { PagefindSearchOptions } from '../lib/search/pagefind-options.ts';
import { MANIFEST_FILE, SHARD_FILTER, shardSpans, type ShardInfo, type ShardManifest } from '../lib/search/shard-manifest.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface ShardedSearch {
  /** The results asked for (all unless a range was given), in the order asked for. */
  results: PagefindResult[];
  /** How many results there are in all. */
  total: number;
  unfilteredResultCount: number;
  /** Per filter key, per value: how many of the results have it. */
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** Which results to return (end exclusive), given how many there are. */
export type ResultRange = (total: number) => { start: number; end: number };

export interface ShardedPagefind {
  manifest: ShardManifest;
  /** Counts of every filter value over the whole corpus. */
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: PagefindSearchOptions, range?: ResultRange): Promise<ShardedSearch>;
}

export interface OpenOptions {
  /** URL of the pagefind/ folder, ending in "/" (a path in the browser, absolute in Node). */
  root: string;
  /** Imports a shard's pagefind.js; only the first shard's is loaded. */
  load(shard: ShardInfo): Promise<Pagefind>;
  /** Pagefind options for every shard (baseUrl, excerptLength ...), so all give alike results. */
  options?: Record<string, unknown>;
}

/** The hidden shard filter is ours, not the reader's. */
function withoutShard(counts: FilterCounts): FilterCounts {
  const { [SHARD_FILTER]: _shard, ...rest } = counts;
  return rest;
}

export async function openShardedPagefind({ root, load, options = {} }: OpenOptions): Promise<ShardedPagefind> {
  const response = await fetch(`${root}${MANIFEST_FILE}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${response.status} fetching ${root}${MANIFEST_FILE}`);
  const manifest = (await response.json()) as ShardManifest;
  const [first, ...rest] = manifest.shards;
  if (!first) throw new Error('the search index has no shards');
  const pagefind = await load(first);
  // The shard filter is Pagefind's synthetic `mergeFilter`: set in the browser, never downloaded.
  await pagefind.options({ ...options, basePath: `${root}${first.id}/`, mergeFilter: { [SHARD_FILTER]: first.id } });
  await pagefind.init();
  await Promise.all(rest.map((s) => pagefind.mergeIndex(`${root}${s.id}/`, { ...options, mergeFilter: { [SHARD_FILTER]: s.id } })));
  // Loads every filter index: searches count only the filters loaded, and a sorted search needs
  // the shard counts.
  await pagefind.filters();

  const search = async (term: string | null, searchOptions: PagefindSearchOptions = {}, range?: ResultRange): Promise<ShardedSearch> => {
    const main = await pagefind.search(term, searchOptions);
    const total = main.results.length;
    const wanted = range?.(total) ?? { start: 0, end: total };
    const start = Math.max(0, wanted.start);
    const end = Math.min(total, wanted.end);
    const order = Object.values(searchOptions.sort ?? {})[0];
    let results: PagefindResult[] = [];
    if (end <= start) results = [];
    else if (!order || manifest.shards.length === 1) results = main.results.slice(start, end);
    else {
      for (const span of shardSpans(manifest.shards, main.filters[SHARD_FILTER] ?? {}, order, start, end)) {
        const one = await pagefind.search(term, {
          ...searchOptions,
          filters: { ...searchOptions.filters, [SHARD_FILTER]: { any: [span.id] } },
        });
        results.push(...one.results.slice(span.skip, span.skip + span.take));
      }
    }
    return {
      results,
      total,
      unfilteredResultCount: main.unfilteredResultCount,
      filters: withoutShard(main.filters),
      totalFilters: withoutShard(main.totalFilters),
    };
  };

  return { manifest, filters: async () => withoutShard(await pagefind.filters()), search };
}
