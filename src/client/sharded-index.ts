// The sharded search index (pagefind/shards.json) as one Pagefind instance: bundles merged shard by
// shard as the search needs them, each with its facet table. Pagefind finds and ranks the records
// that hold the words; which letter and item a record is comes from the facet table by its row,
// read from its score in a search sorted by row (decodeScore; test/build/search-index.test.ts
// reads every record's row back this way, so a Pagefind upgrade that changes it fails there).
import { FACET_FILE, facetTable, type FacetFile, type FacetTable } from '../lib/search/facet-table.ts';
import type { Term } from '../lib/search/query-terms.ts';
import type { QueryWords } from '../lib/search/query-words.ts';
import { RESULTS_FILE } from '../lib/search/download-data.ts';
import type { ResultData } from '../lib/search/download-rows.ts';
import { MANIFEST_FILE, shardUrl, type ShardInfo, type ShardManifest } from '../lib/search/shard-manifest.ts';
import type { Pagefind, PagefindResult } from './pagefind-api.ts';
import { matchWords, type WordMatch } from './word-match.ts';

export type { Hit, WordMatch } from './word-match.ts';

export interface ShardedIndex {
  manifest: ShardManifest;
  /** Shards merged so far, in manifest order. */
  loaded(): ShardInfo[];
  /** Merges these shards (and reads their facet tables); resolves when all are searchable. */
  load(ids: readonly string[]): Promise<void>;
  table(id: string): FacetTable;
  /** The records of the loaded shards that hold the words. */
  match(query: QueryWords, terms: readonly Term[]): Promise<WordMatch>;
  /** The Pagefind result of a letter's own record (for its title, facts and item list). */
  letterResult(id: string, letter: number): Promise<PagefindResult | undefined>;
  /** A shard's CSV data, per letter in row order, with page URLs from the site's root ("/imr/determinations/<id>/"). */
  results(id: string): Promise<ResultData[]>;
}

export interface OpenOptions {
  /** URL of the pagefind/ folder, ending in "/" (a path in the browser, absolute in Node). */
  root: string;
  /** Imports pagefind/pagefind.js, the runtime of every shard. */
  load(): Promise<Pagefind>;
  /** Pagefind options for every shard (baseUrl, excerptLength, ranking ...). */
  options?: Record<string, unknown>;
}

/**
 * Pagefind's ranking, tuned on the relevance set (test/relevance/): a word close in length to the
 * one typed counts more (termSimilarity 3, default 1), and a long rationale is penalised less
 * (pageLength 0.5, default 0.75). See the README for the figures.
 */
export const RANKING = { termSimilarity: 3, pageLength: 0.5 };

// In a search sorted by `row`, Pagefind scores each result by its position in that order (its row;
// the sentinel holds 0) times its bundle's indexWeight. Shard k gets the weight 1 + (k + 1) / 2^32,
// so one score carries both: row = floor(score), k + 1 = round((score − row) × 2^32 / row), exactly
// in double precision for rows below 2^18 and up to 2^14 shards; in a ranked search the weights
// differ from 1 by less than one part in a billion.
const SCALE = 2 ** 32;
const weightOf = (k: number) => 1 + (k + 1) / SCALE;

/** The shard (manifest place) and position of a result of a sorted search; undefined for position 0. */
export function decodeScore(score: number): { shard: number; position: number } | undefined {
  const position = Math.floor(score);
  if (position < 1) return undefined;
  return { shard: Math.round(((score - position) * SCALE) / position) - 1, position };
}

/** A gzipped JSON file (its bytes as served; a host may already have undone the gzip). */
export async function readGzipJson<T>(response: Response): Promise<T> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return JSON.parse(new TextDecoder().decode(bytes)) as T;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as T;
}

async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
  return response;
}

export async function openShardedIndex({ root, load, options: given = {} }: OpenOptions): Promise<ShardedIndex> {
  const options = { ranking: RANKING, ...given };
  // The newest shard's bundle is pagefind/ itself and Pagefind's primary index: its runtime and
  // WASM, at fixed URLs the page preloads, serve every shard merged into it. It opens while the
  // manifest is fetched.
  const pagefind = (async () => {
    const pf = await load();
    await pf.options({ ...options, basePath: root, noWorker: true });
    await pf.init();
    return pf;
  })();
  pagefind.catch(() => {}); // awaited below; a failure shows where it is awaited
  const manifest = (await (await fetchOk(`${root}${MANIFEST_FILE}`, { cache: 'no-cache' })).json()) as ShardManifest;
  if (manifest.version !== 3) throw new Error(`the search index is of version ${String(manifest.version)}; reload the page`);
  const place = new Map(manifest.shards.map((s, k) => [s.id, k]));
  const tables = new Map<string, FacetTable>();
  const merging = new Map<string, Promise<void>>();
  const letterResults = new Map<string, Promise<Map<number, PagefindResult>>>();

  const table = (id: string) => {
    const t = tables.get(id);
    if (!t) throw new Error(`shard ${id} is not loaded`);
    return t;
  };
  const mergeOne = async (shard: ShardInfo) => {
    const url = shardUrl(manifest, root, shard.id);
    const weight = { indexWeight: weightOf(place.get(shard.id)!) };
    const facets = fetchOk(`${url}${FACET_FILE}`).then((r) => readGzipJson<FacetFile>(r));
    if (shard.id === manifest.root) await (await pagefind).options(weight);
    else await (await pagefind).mergeIndex(url, { ...options, ...weight });
    tables.set(shard.id, facetTable(await facets));
  };
  const loadShards = (ids: readonly string[]) =>
    Promise.all(
      ids.map((id) => {
        let p = merging.get(id);
        if (!p) {
          const shard = manifest.shards[place.get(id) ?? -1];
          if (!shard) throw new Error(`no shard ${id} in the search index`);
          p = mergeOne(shard);
          merging.set(id, p);
        }
        return p;
      }),
    ).then(() => undefined);
  // A search waits for the merges under way, so it never sees a shard without its facet table.
  const settled = () => Promise.all(merging.values());

  /** Results of a search sorted by `key`, by shard id and position; the sentinel left out. */
  const byPosition = async (term: string | null, key: string) => {
    await settled();
    const pf = await pagefind;
    const found = await pf.search(term, { sort: { [key]: 'desc' } });
    const out = new Map<string, Map<number, PagefindResult>>();
    for (const result of found.results) {
      const at = decodeScore(result.score);
      const id = at && manifest.shards[at.shard]?.id;
      if (!at || !id || !tables.has(id)) continue;
      let rows = out.get(id);
      if (!rows) out.set(id, (rows = new Map()));
      rows.set(at.position, result);
    }
    return out;
  };

  const match = (query: QueryWords, terms: readonly Term[]) =>
    matchWords({ byPosition, ranked: async (term) => (await settled().then(() => pagefind)).search(term, {}) }, query, terms);

  const letterResult = async (id: string, letter: number) => {
    let results = letterResults.get(id);
    if (!results) {
      // Only the letters' own records have the `letter` sort key: one search gives them all,
      // for every shard loaded so far (and is asked again for shards loaded later).
      const all = byPosition(null, 'letter');
      for (const shard of tables.keys())
        if (!letterResults.has(shard))
          letterResults.set(
            shard,
            all.then((m) => m.get(shard) ?? new Map()),
          );
      results = letterResults.get(id)!;
    }
    return (await results).get(letter + 1);
  };

  const results = new Map<string, Promise<ResultData[]>>();
  const resultsOf = (id: string) => {
    let p = results.get(id);
    if (!p) {
      // The site's root is the pagefind/ folder's parent.
      const site = root.replace(/[^/]+\/$/, '');
      p = fetchOk(`${shardUrl(manifest, root, id)}${RESULTS_FILE}`)
        .then((r) => readGzipJson<ResultData[]>(r))
        .then((list) => list.map((r) => ({ ...r, url: `${site}${r.url}` })));
      p.catch(() => results.delete(id));
      results.set(id, p);
    }
    return p;
  };

  return {
    manifest,
    loaded: () => manifest.shards.filter((s) => tables.has(s.id)),
    load: loadShards,
    table,
    match,
    letterResult,
    results: resultsOf,
  };
}
