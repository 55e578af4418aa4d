// The sharded search index (pagefind/shards.json.gz) as one Pagefind instance: bundles merged shard by
// shard as the search needs them, each with its facet table. Pagefind finds and ranks the records
// that hold the words; which letter and item a record is comes from the facet table by its row,
// which the result's id names with its shard (recordOf; test/build/search-index.test.ts reads
// every record's row back this way, so a Pagefind upgrade that changes it fails there).
import {
  FACET_FILE,
  FACET_VALUES_FILE,
  facetTable,
  type FacetFileRead,
  type FacetTable,
  type FacetValues,
} from '../lib/search/facet-table.ts';
import type { Term } from '../lib/search/query-terms.ts';
import type { QueryWords } from '../lib/search/query-words.ts';
import { RESULTS_FILE } from '../lib/search/download-data.ts';
import type { ResultData } from '../lib/search/download-rows.ts';
import {
  MANIFEST_FILE,
  letterCardPath,
  recordName,
  recordOf,
  shardUrl,
  type LetterCard,
  type ShardInfo,
  type ShardManifest,
} from '../lib/search/shard-manifest.ts';
import type { Pagefind, PagefindResultData } from './pagefind-api.ts';
import { fetchGzipJson, fetchOk, readGzipJson, readGzipText } from './gzip-json.ts';
import { facetReader } from './facet-reader.ts';
import { keepLast, onceEach } from './once-each.ts';
import { keepLastMatch, type Rows, type WordMatch } from './word-match.ts';
import { listIndex, type ListShard } from './list-match.ts';
import { staleIndex } from './stale-index.ts';
import { PAGEFIND_DEFAULTS, packFile, type ListPack, type Ranking } from '../lib/search/word-lists.ts';

export type { Hit, WordMatch } from './word-match.ts';

export interface ShardedIndex {
  manifest: ShardManifest;
  /**
   * Shards loaded so far, in manifest order: with `words` (the default), those whose Pagefind
   * bundles are merged too, which a search with words needs; without, those whose facet tables
   * are read, all a search by filters alone needs.
   */
  loaded(words?: boolean): ShardInfo[];
  /**
   * Reads these shards' facet tables and, for words (true, or the query's: the default is true),
   * merges their bundles, unless the query's words are answered from the word lists
   * (listStems); resolves when all are searchable.
   */
  load(ids: readonly string[], words?: boolean | WordsAsked): Promise<void>;
  table(id: string): FacetTable;
  /**
   * The stems of the query's words where the word lists of the shards whose facet tables are
   * loaded answer it (list-match.ts), else undefined: Pagefind answers from merged bundles.
   */
  listStems(query: QueryWords, terms: readonly Term[]): Promise<Map<string, string> | undefined>;
  /** The records of the loaded shards that hold the words: from the word lists with `stems` (listStems), else from Pagefind. */
  match(query: QueryWords, terms: readonly Term[], stems?: Map<string, string>): Promise<WordMatch>;
  /** The data of a letter's own record (its title, facts and item list; no excerpt) with its text, fetched alone: the tests read what is indexed so. */
  letterData(id: string, letter: number): Promise<PagefindResultData & { content: string }>;
  /** The same without the record's text, from the letter's card (letterCardPath): what a result shows when it shows no excerpt of the letter. */
  letterCard(id: string, letter: number): Promise<PagefindResultData>;
  /** A shard's CSV data, per letter in row order, with page URLs from the site's root ("/imr/determinations/<id>/"). */
  results(id: string): Promise<ResultData[]>;
}

/** A query's words and terms, for load to tell whether the word lists answer them. */
export interface WordsAsked {
  query: QueryWords;
  terms: readonly Term[];
}

export interface OpenOptions {
  /** URL of the pagefind/ folder, ending in "/" (a path in the browser, absolute in Node). */
  root: string;
  /** Imports pagefind/pagefind.js, the runtime of every shard. */
  load(): Promise<Pagefind>;
  /** The site's base path ("/imr/"), which results' URLs start with. */
  baseUrl: string;
  /** Other Pagefind options for every shard (excerptLength, ranking ...). */
  options?: Record<string, unknown>;
}

/**
 * Pagefind's ranking, tuned on the relevance set (test/relevance/): a word close in length to the
 * one typed counts more (termSimilarity 3, default 1), and a record's length does not count
 * (pageLength 0, default 0.75): the relevance set scores the same totals with 0 as with the 0.5
 * tuned first, so the indexer writes every record's length as 1 (RECORD_LENGTH in
 * pagefind-meta.ts). That holds with termFrequency at its default of 1; tuning pageLength again
 * needs the lengths back. See docs/search.md for the figures.
 */
export const RANKING = { termSimilarity: 3, pageLength: 0 };

/** Pagefind's excerpt length when none is given (its default). */
const PAGEFIND_EXCERPT_LENGTH = 30;

/** What Pagefind writes before the JSON of a fragment file (fragment/<name>.pf_fragment, gzipped). */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** A record's data from its fragment file, as Pagefind reads it for a result (without an excerpt). */
async function readFragment(response: Response, baseUrl: string): Promise<PagefindResultData & { content: string }> {
  const text = await readGzipText(response);
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${response.url} is not a Pagefind fragment`);
  const { url, content, meta } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as {
    url: string;
    content: string;
    meta: PagefindResultData['meta'];
  };
  // As Pagefind gives them: the text without the zero-width spaces it inserted.
  return { url: underBase(url, baseUrl), excerpt: '', meta, content: content.replace(/\u200B/g, '') };
}

/** A record's URL as Pagefind gives it for a result: under the site's base. */
const underBase = (url: string, baseUrl: string) =>
  /^(https?:)?\/\//.test(url) ? url : `${baseUrl}/${url}`.replace(/\/+/g, '/').replace(/^(https?:\/)/, '$1/');

/**
 * A letter's own record, read by its name (`locate`: its bundle's URL, its shard's tag and its
 * row): its fragment file, or its card without the text; each fetched once (a first answer and
 * the complete one show the same letters).
 */
function letterReaders(locate: (id: string, letter: number) => { bundle: string; tag: string; row: number }, baseUrl: string) {
  const fragment = onceEach(async (url) => readFragment(await fetchOk(url), baseUrl));
  const card = onceEach(async (url): Promise<PagefindResultData> => {
    const { url: page, meta } = await fetchGzipJson<LetterCard>(url);
    return { url: underBase(page, baseUrl), excerpt: '', meta };
  });
  return {
    fragment,
    letterData: (id: string, letter: number) => {
      const { bundle, tag, row } = locate(id, letter);
      return fragment(`${bundle}fragment/${recordName(tag, row)}.pf_fragment`);
    },
    letterCard: (id: string, letter: number) => {
      const { bundle, tag, row } = locate(id, letter);
      return card(`${bundle}${letterCardPath(tag, row)}`);
    },
  };
}

/**
 * The records a Pagefind search finds, ranked, by shard id and row (their ids name both), once
 * the loads under way are `settled`. `shardOf` gives a tag's shard id, null for a shard not
 * loaded (left out), undefined for none: the site was updated between the page's reads of two files.
 */
function pagefindFinder(
  pagefind: () => Promise<Pagefind>,
  settled: () => Promise<unknown>,
  shardOf: (tag: string) => string | null | undefined,
) {
  return async (term: string): Promise<Rows> => {
    await settled();
    const { results } = await (await pagefind()).search(term);
    const out: Rows = new Map();
    for (const result of results) {
      const at = recordOf(result.id);
      const id = at && shardOf(at.tag);
      if (!at || id === undefined) throw staleIndex();
      if (id === null) continue;
      let rows = out.get(id);
      if (!rows) out.set(id, (rows = new Map()));
      rows.set(at.row, result);
    }
    return out;
  };
}

/** The word lists' side of the index (list-match.ts) over the shards `withFacets` gives, its last match kept as Pagefind's is. */
function listMatcher(
  manifest: ShardManifest,
  root: string,
  options: Record<string, unknown>,
  fragment: (url: string) => Promise<PagefindResultData & { content: string }>,
  withFacets: () => ShardInfo[],
) {
  const listShard = (s: ShardInfo): ListShard => ({ id: s.id, tag: s.tag, bundle: shardUrl(manifest, root, s.id), listNames: s.listNames });
  const shards = (): ListShard[] => withFacets().map(listShard);
  const lists = listIndex({
    root,
    key: manifest.words,
    packs: manifest.packs ?? [],
    fragment: (shard, row) => fragment(`${shard.bundle}fragment/${recordName(shard.tag, row)}.pf_fragment`),
    ranking: { ...PAGEFIND_DEFAULTS, ...(options.ranking as Partial<Ranking> | undefined) },
    excerptLength: typeof options.excerptLength === 'number' ? options.excerptLength : PAGEFIND_EXCERPT_LENGTH,
  });
  // Its last match kept, as keepLastMatch keeps Pagefind's: keyed on the words, terms and shards.
  const match = keepLast(
    (query: QueryWords, terms: readonly Term[], stems: Map<string, string>) => lists.match(query, terms, shards(), stems),
    (query, terms) => JSON.stringify([query, terms, shards().map((s) => s.id)]),
  );
  return { stems: lists.stems, match, prefetch: (of: ShardInfo[], stems: Map<string, string>) => lists.prefetch(of.map(listShard), stems) };
}

/** The site's list of facet values the manifest names: first from the fixed URL the page preloads, again with its key if that is another build's. */
async function facetValuesOf(root: string, manifest: ShardManifest): Promise<FacetValues> {
  let list = await fetchGzipJson<FacetValues>(`${root}${FACET_VALUES_FILE}`);
  if (list.key !== manifest.values) list = await fetchGzipJson<FacetValues>(`${root}${FACET_VALUES_FILE}?v=${manifest.values}`);
  if (list.key !== manifest.values) throw staleIndex();
  return list;
}

/** Whether a facet file is the one the manifest names for the shard: its tag and its digest. */
const facetsFit = (file: FacetFileRead | undefined, shard: ShardInfo): file is FacetFileRead =>
  file?.tag === shard.tag && file.values === shard.facets;

/** Starts `start` for `id` unless it was started; unlike onceEach, a failure is kept. */
function once(started: Map<string, Promise<void>>, id: string, start: () => Promise<void>): Promise<void> {
  let p = started.get(id);
  if (!p) started.set(id, (p = start()));
  return p;
}

/**
 * The shards' facet tables, each read once, alone or with its pack's (ListPack: a closed year's
 * in one file) where every shard of the pack is asked for.
 */
function facetLoader(
  manifest: ShardManifest,
  root: string,
  shardOf: (id: string) => ShardInfo,
  versioned: (shard: ShardInfo, file: string, version?: string) => string,
) {
  const tables = new Map<string, FacetTable>();
  // Per shard, the load of its facet table, started once.
  const facetLoads = new Map<string, Promise<void>>();
  // A shard's own files (facets, CSV data) keep their URLs when its letters change, so each is
  // asked for with its shard's tag, and a facet file with its digest as well (the values it refers
  // to and the code that wrote it): a browser's cache never serves one from before an update. The
  // newest shard's facets come first from the fixed URL the page preloads, and again with tag and
  // digest if they are another build's (the list of values likewise, facetValuesOf).
  const valuesList = facetValuesOf(root, manifest);
  valuesList.catch(() => {}); // awaited by every facet load; a failure shows there
  const read = facetReader();
  const one = async (url: string) => {
    const files = await read(url);
    return files.length === 1 ? files[0] : undefined;
  };
  const facetsOf = async (shard: ShardInfo) => {
    const url = versioned(shard, FACET_FILE, `${shard.tag}.${shard.facets}`);
    let file = await one(shard.id === manifest.root ? `${root}${FACET_FILE}` : url);
    if (!facetsFit(file, shard)) file = await one(url);
    if (!facetsFit(file, shard)) throw staleIndex(shard.id);
    return file;
  };

  const table = (id: string) => {
    const t = tables.get(id);
    if (!t) throw new Error(`shard ${id} is not loaded`);
    return t;
  };
  const loadOne = (shard: ShardInfo) =>
    once(facetLoads, shard.id, async () => {
      const [file, list] = await Promise.all([facetsOf(shard), valuesList]);
      tables.set(shard.id, facetTable(file, list));
    });
  // A pack's facet tables in one file (ListPack), where none of its shards' was asked for alone.
  const loadPackFacets = (pack: ListPack) => {
    if (pack.shards.some((id) => facetLoads.has(id))) return;
    const loading = (async () => {
      const [files, list] = await Promise.all([read(`${root}${packFile(pack.id, FACET_FILE)}?v=${pack.key}`), valuesList]);
      pack.shards.forEach((id, k) => {
        const shard = shardOf(id);
        const file = files.length === pack.shards.length ? files[k] : undefined;
        if (!file || !facetsFit(file, shard)) throw staleIndex(id);
        tables.set(id, facetTable(file, list));
      });
    })();
    for (const id of pack.shards) facetLoads.set(id, loading);
  };
  const packs = manifest.packs ?? [];
  const load = (shards: readonly ShardInfo[]) => {
    const asked = new Set(shards.map((s) => s.id));
    for (const pack of packs) if (pack.shards.every((id) => asked.has(id))) loadPackFacets(pack);
    return Promise.all(shards.map(loadOne));
  };
  return { tables, facetLoads, table, loadFacets: load };
}

export async function openShardedIndex({ root, load, baseUrl, options: given = {} }: OpenOptions): Promise<ShardedIndex> {
  const options: Record<string, unknown> = { ranking: RANKING, ...given, baseUrl };
  // The newest shard's bundle is pagefind/ itself and Pagefind's primary index: its runtime and
  // WASM serve every shard merged into it. Opened when a search first needs Pagefind: a search by
  // filters alone, or one the word lists answer, never loads it (112 KB at 100,000 letters).
  let opened: Promise<Pagefind> | undefined;
  const pagefind = () =>
    (opened ??= (async () => {
      const pf = await load();
      await pf.options({ ...options, basePath: root, noWorker: true });
      await pf.init();
      return pf;
    })());
  const manifest = await readGzipJson<ShardManifest>(await fetchOk(`${root}${MANIFEST_FILE}`, { cache: 'no-cache' }));
  if (manifest.version !== 8) throw new Error(`the search index is of version ${String(manifest.version)}; reload the page`);
  const place = new Map(manifest.shards.map((s, k) => [s.id, k]));
  const shardOfTag = new Map(manifest.shards.map((s) => [s.tag, s.id]));
  const shardOf = (id: string) => {
    const shard = manifest.shards[place.get(id) ?? -1];
    if (!shard) throw new Error(`no shard ${id} in the search index`);
    return shard;
  };
  const merged = new Set<string>();
  // Per shard, the merge of its Pagefind bundle, started once; a failure is kept: merging a bundle again would add its records twice.
  const merges = new Map<string, Promise<void>>();

  const versioned = (shard: ShardInfo, file: string, version = shard.tag) => `${shardUrl(manifest, root, shard.id)}${file}?v=${version}`;
  const { tables, facetLoads, table, loadFacets } = facetLoader(manifest, root, shardOf, versioned);
  // The newest shard's bundle is Pagefind's primary index: it has nothing to merge.
  const merge = (shard: ShardInfo) =>
    once(merges, shard.id, async () => {
      const pf = await pagefind();
      if (shard.id !== manifest.root) await pf.mergeIndex(shardUrl(manifest, root, shard.id), options);
      merged.add(shard.id);
    });
  const loadShards = async (ids: readonly string[], words: boolean | WordsAsked = true) => {
    const shards = ids.map(shardOf);
    const facets = loadFacets(shards);
    facets.catch(() => {}); // awaited below
    const stems = typeof words === 'boolean' ? undefined : await lists.stems(words.query, words.terms);
    // The word lists' files are fetched beside the facet tables, not after them.
    if (stems) lists.prefetch(shards, stems);
    await facets;
    if (typeof words === 'boolean' ? words : !stems) await Promise.all(shards.map(merge));
  };
  // A search waits for the loads under way, so it never sees a shard without its facet table.
  const settled = () => Promise.all([...facetLoads.values(), ...merges.values()]);

  const found = pagefindFinder(pagefind, settled, (tag) => {
    const id = shardOfTag.get(tag);
    return id && tables.has(id) ? id : id === undefined ? undefined : null;
  });

  // Keyed on the bundles and facet tables asked for so far (a search waits for them): a load
  // started since makes the match again.
  const kept = keepLastMatch({ found });
  const byPagefind = (query: QueryWords, terms: readonly Term[]) =>
    kept(query, terms, `${[...merges.keys()].join(' ')}/${facetLoads.size}`);
  const match = (query: QueryWords, terms: readonly Term[], stems?: Map<string, string>) =>
    stems ? lists.match(query, terms, stems) : byPagefind(query, terms);

  // A letter's own record read by its name, which its shard's tag and its row give.
  const letterRecord = (id: string, letter: number) => {
    const row = table(id).letters[letter]?.row;
    if (row === undefined) throw new Error(`no letter ${letter} in shard ${id}`);
    return { bundle: shardUrl(manifest, root, id), tag: shardOf(id).tag, row };
  };
  const { letterData, letterCard, fragment } = letterReaders(letterRecord, baseUrl);
  const lists = listMatcher(manifest, root, options, fragment, () => manifest.shards.filter((s) => tables.has(s.id)));

  // The site's root is the pagefind/ folder's parent.
  const site = root.replace(/[^/]+\/$/, '');
  const resultsOf = onceEach(async (id) =>
    (await fetchGzipJson<ResultData[]>(versioned(shardOf(id), RESULTS_FILE))).map((r) => ({ ...r, url: `${site}${r.url}` })),
  );

  return {
    manifest,
    loaded: (words = true) => manifest.shards.filter((s) => tables.has(s.id) && (!words || merged.has(s.id))),
    load: loadShards,
    table,
    listStems: lists.stems,
    match,
    letterData,
    letterCard,
    results: resultsOf,
  };
}
