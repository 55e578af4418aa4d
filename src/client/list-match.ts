// A query's match from the shards' word lists (src/lib/search/word-lists.ts, written by
// scripts/search-index/word-list-files.ts) instead of Pagefind: the same WordMatch word-match.ts
// makes from Pagefind's searches, for the queries the lists can answer (listableWords, stems):
// each word of three letters or more once punctuation is dropped, one the word directory holds
// (letters only: words with digits are left out of it), whose stem starts as it does; not a quoted
// phrase, nor three words or more (their phrase needs every place), nor a synonym with exceptions.
// A search then fetches, per shard, the lists of its words' groups instead of Pagefind's metadata
// and word chunks, and only the shown results' fragments.
import { IN_REQUEST } from '../lib/search/item-search.ts';
import type { Term } from '../lib/search/query-terms.ts';
import type { QueryWords } from '../lib/search/query-words.ts';
import { searchWords } from '../lib/search/search-words.ts';
import {
  decodeListGroup,
  decodeListPack,
  extensionsOf,
  groupFile,
  groupOf,
  ownFile,
  GROUPED,
  rankRecords,
  rowsSpan,
  WORD_GROUPS_FILE,
  wordGroupFile,
  wordOf,
  listsRank,
  needsGroupFile,
  packFile,
  type ListGroup,
  type ListPack,
  type Ranking,
  type ShardWords,
  type WordGroup,
} from '../lib/search/word-lists.ts';
import { termWords } from '../lib/search/query-terms.ts';
import { staleIndex } from './stale-index.ts';
import { fetchGzipJson, fetchOk, readGzipBytes } from './gzip-json.ts';
import { onceEach } from './once-each.ts';
import type { PagefindResult, PagefindResultData } from './pagefind-api.ts';
import type { Hit, WordMatch } from './word-match.ts';

/** A shard as the lists know it: its id, its records' tag, its bundle's URL and how its group files are named (ShardInfo.listNames). */
export interface ListShard {
  id: string;
  tag: string;
  bundle: string;
  listNames: number;
}

/** What a list match needs of the page: the word directory, and a record's fragment (its URL, metadata and text) by its shard and row. */
export interface ListSources {
  /** URL of the pagefind/ folder, ending in "/". */
  root: string;
  /** The word directory's key (ShardManifest.words); none in an index written before it, which the lists never answer. */
  key: string | undefined;
  /** The lists' packs (ShardManifest.packs). */
  packs: readonly ListPack[];
  fragment(shard: ListShard, row: number): Promise<PagefindResultData & { content: string }>;
  /** Pagefind's ranking (RANKING in sharded-index.ts over its defaults) and excerpt length. */
  ranking: Ranking;
  excerptLength: number;
}

const MIN_WORD = 3;

/** The words of a query the lists could answer, or undefined; whether they can also needs their stems (ListIndex.stems). */
export function listableWords(query: QueryWords, terms: readonly Term[]): string[] | undefined {
  if (query.quoted || query.phrase || terms.some((t) => t.except.length > 0)) return undefined;
  const words = searchWords(query.text);
  const ok = words.length > 0 && words.every((w) => w.length >= MIN_WORD && GROUPED.test(w) && /^[a-z0-9]+$/.test(w));
  // The terms' words are the same words ("knee\"s" is "knees" to Pagefind and two words to the terms).
  return ok && termWords(terms).join(' ') === [...new Set(words)].join(' ') ? words : undefined;
}

/**
 * Where a word stands in a record, as list-match keeps it per row: not held (or only in its
 * metadata), held in its request, held outside every request (-1 as a place).
 */
const NOT_HELD = 0;
const IN_ITS_REQUEST = 1;
const OUTSIDE = 2;
const PLACE_OF = [undefined, IN_REQUEST, -1] as const;

/** A one-word term's places, in its request or outside it: one array each for every record (Hit.held is only read). */
const ONE_PLACE = PLACE_OF.map((p) => (p === undefined ? undefined : [[p]]));

/**
 * Hit.held for a row where each term is one word (`places`: per term, its word's standing by
 * row): one array per way the terms stand (each in the request, outside it, or not held; read
 * only), not one per record, of which a complete answer at 100,000 letters makes some 100,000 (the
 * lists answer at most two words, so the key stays small).
 */
function sharedHeld(places: readonly Int8Array[]): (row: number) => Hit['held'] {
  const made = new Map<number, Hit['held']>();
  return (row) => {
    let key = 0;
    for (const p of places) key = key * 3 + p[row]!;
    let held = made.get(key);
    if (!held) made.set(key, (held = places.map((p) => ONE_PLACE[p[row]!])));
    return held;
  };
}

export interface ListIndex {
  /** The stems of the query's words if the word lists can answer it, else undefined (Pagefind answers). */
  stems(query: QueryWords, terms: readonly Term[]): Promise<Map<string, string> | undefined>;
  /** The match, as word-match.ts makes it from Pagefind, from the lists of these shards. */
  match(query: QueryWords, terms: readonly Term[], shards: readonly ListShard[], stems: Map<string, string>): Promise<WordMatch>;
  /** Starts fetching the files a match of these stems reads from these shards; a failure shows in the match. */
  prefetch(shards: readonly ListShard[], stems: Map<string, string>): void;
}

/** The shards a match reads, each alone or, where every shard of a pack is read, with its pack's. */
interface ListUnit {
  shards: ListShard[];
  pack?: ListPack;
}

function unitsOf(shards: readonly ListShard[], packs: readonly ListPack[]): ListUnit[] {
  const asked = new Map(shards.map((s) => [s.id, s]));
  const whole = packs.filter((p) => p.shards.every((id) => asked.has(id)));
  const packed = new Set(whole.flatMap((p) => p.shards));
  return [
    ...whole.map((pack) => ({ shards: pack.shards.map((id) => asked.get(id)!), pack })),
    ...shards.filter((s) => !packed.has(s.id)).map((s) => ({ shards: [s] })),
  ];
}

/**
 * A unit's list files for these stems (`files`: each group's file where a shard's may hold a word a
 * stem matches, needsGroupFile, and the files of the words a stem starts or that start a stem, the
 * longest word starting a stem no word starts with standing for it, where its shards have them;
 * its pack's for a pack), and per shard of it, its words from them as one ShardWords (`words`).
 */
function unitWordsReader(root: string, wordGroup: (word: string) => Promise<WordGroup>) {
  // Each file fetched once; one of another build stops the search (below).
  const readGroup = onceEach(async (url): Promise<ListGroup[]> => [decodeListGroup(await readGzipBytes(await fetchOk(url)), url)]);
  const readPack = onceEach(async (url): Promise<ListGroup[]> => decodeListPack(await readGzipBytes(await fetchOk(url)), url));
  const files = async ({ shards, pack }: ListUnit, stems: readonly string[]): Promise<ListGroup[]> => {
    const shard = shards[0]!;
    // A set: in a small shard two groups may share a file.
    const names = new Set<string>();
    for (const name of new Set(stems.map(groupOf))) {
      const group = await wordGroup(name);
      if (shards.some((s) => needsGroupFile(group, s.id, stems))) names.add(pack ? groupFile(name) : groupFile(name, shard.listNames));
      for (const [word, ids] of Object.entries(group.own))
        if (shards.some((s) => ids.includes(s.id)) && stems.some((s) => word.startsWith(s) || s.startsWith(word))) names.add(ownFile(word));
    }
    // A file the directory names and the shard lacks, or one of another build: the site was updated.
    const read = await Promise.all(
      [...names].map((name) =>
        pack ? readPack(`${root}${packFile(pack.id, name)}?v=${pack.key}`) : readGroup(`${shard.bundle}${name}?v=${shard.tag}`),
      ),
    ).catch(() => {
      throw staleIndex(shard.id);
    });
    const groups = read.flat();
    const tags = new Set(shards.map((s) => s.tag));
    if (groups.some((g) => !tags.has(g.tag))) throw staleIndex(shard.id);
    return groups;
  };
  const words = async (unit: ListUnit, stems: readonly string[]): Promise<(ShardWords | undefined)[]> => {
    const groups = await files(unit, stems);
    return unit.shards.map((s) => {
      const own = groups.filter((g) => g.tag === s.tag);
      if (own.length === 0) return undefined;
      const words = own.flatMap((g) => g.words).sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
      return { records: own[0]!.records, fields: own[0]!.fields, words };
    });
  };
  return { files, words };
}

/**
 * Per shard, its words of the groups of these stems (unitWordsReader), read by units: `each` gets
 * a unit's shards as soon as its files are in, so the page matches the first while the rest arrive.
 */
async function eachShardWords(
  unitWords: ReturnType<typeof unitWordsReader>['words'],
  shards: readonly ListShard[],
  packs: readonly ListPack[],
  stems: readonly string[],
  each: (shard: ListShard, words: ShardWords | undefined) => void,
): Promise<void> {
  await Promise.all(unitsOf(shards, packs).map(async (u) => (await unitWords(u, stems)).forEach((words, j) => each(u.shards[j]!, words))));
}

export function listIndex(sources: ListSources): ListIndex {
  const directory = onceEach((url) => fetchGzipJson<unknown>(url));
  // Asked for with the directory's key, which the manifest names: never a file of another build from a browser's cache.
  const groups = async () => new Set((await directory(`${sources.root}${WORD_GROUPS_FILE}?v=${sources.key}`)) as string[]);
  const wordGroup = async (word: string) =>
    (await directory(`${sources.root}${wordGroupFile(groupOf(word))}?v=${sources.key}`)) as WordGroup;
  const lists = unitWordsReader(sources.root, wordGroup);

  const stems: ListIndex['stems'] = async (query, terms) => {
    const words = listableWords(query, terms);
    if (!words || sources.key === undefined || !listsRank(sources.ranking)) return undefined;
    try {
      const known = await groups();
      if (!words.every((word) => known.has(groupOf(word)))) return undefined;
      // The words' directory files side by side, not one after another (a first answer waits for them).
      const read = await Promise.all(words.map(wordGroup));
      const out = new Map<string, string>();
      for (const [k, word] of words.entries()) {
        const surface = read[k]!.surfaces[word];
        if (surface === undefined) return undefined;
        const stem = surface || word;
        if (stem.length < MIN_WORD || groupOf(stem) !== groupOf(word)) return undefined;
        out.set(word, stem);
      }
      return out;
    } catch {
      // A directory that cannot be read, or is of another build: Pagefind answers, and tells a stale index apart.
      return undefined;
    }
  };

  const match: ListIndex['match'] = async (query, terms, shards, stemOf) => {
    const typed = searchWords(query.text);
    const ranked = typed.map((w) => ({ typed: w, stem: stemOf.get(w)! }));
    const { ranking } = sources;
    const stems = [...new Set(ranked.map((t) => t.stem))];
    // The terms' words and their stems, the same in every shard.
    const termWords = [...new Set(terms.flatMap((t) => t.words))];
    const termStems = termWords.map((w) => stemOf.get(w) ?? w);
    // Keyed in shard order, though shards are matched as their lists come.
    const hits = new Map<string, Map<number, Hit>>(shards.map((s) => [s.id, new Map()]));
    const heldAnywhere = new Set<string>();
    const startsAnywhere = new Set<string>();
    await eachShardWords(lists.words, shards, sources.packs, stems, (shard, words) => {
      const shardHits = hits.get(shard.id)!;
      if (!words) return;
      const { found: rankedRows, scores } = rankRecords(words, ranked, ranking);
      const matched = ranked.flatMap((t) => extensionsOf(words, t.stem).map((l) => l.word));
      // Per word of the terms: how each record holds it as such in its text (PLACE_OF), by row. One
      // holding it only in its metadata (a letter's list of items) is found, as Pagefind's quoted
      // search finds it, but does not hold it. Arrays by row, not maps: the loop below runs for
      // every record found.
      const termLists = termStems.map((stem) => wordOf(words, stem));
      const span = Math.max(scores.length, rowsSpan(termLists.filter((l) => l !== undefined)));
      const isFound = new Uint8Array(span);
      const isRanked = new Uint8Array(span);
      for (const row of rankedRows) isFound[row] = isRanked[row] = 1;
      const exact = new Map<string, Int8Array>();
      termWords.forEach((w, k) => {
        const list = termLists[k];
        const places = new Int8Array(span);
        list?.rows.forEach((row, i) => {
          isFound[row] = 1;
          if (list.weights[i]! > 0) places[row] = list.request[i] ? IN_ITS_REQUEST : OUTSIDE;
        });
        exact.set(w, places);
        // Found, even where only in metadata: then the word is there, as a quoted search finds it.
        if (list && list.rows.length > 0) heldAnywhere.add(w);
        const stem = termStems[k]!;
        if (extensionsOf(words, stem).some((l) => l.word.startsWith(stem))) startsAnywhere.add(w);
      });
      // Per term, its words' standings by row.
      const placesOf = terms.map((t) => t.words.map((w) => exact.get(w)!));
      const heldBy = placesOf.every((words) => words.length === 1)
        ? sharedHeld(placesOf.map((words) => words[0]!))
        : (row: number): Hit['held'] =>
            placesOf.map((words) => (words.every((w) => w[row] !== NOT_HELD) ? words.map((w) => [PLACE_OF[w[row]!]!]) : undefined));
      const found = { sources, shard, matched };
      for (let row = 0; row < span; row++)
        if (isFound[row]) shardHits.set(row, new ListHit(found, row, scores[row] ?? 0, heldBy(row), isRanked[row] === 1));
    });
    // A term no record holds: as the start of longer words, or not at all.
    const absent = terms.filter((t) => !t.region && !t.group && t.words.some((w) => !heldAnywhere.has(w)));
    const started = (t: Term) => t.words.every((w) => heldAnywhere.has(w) || startsAnywhere.has(w));
    return {
      terms: [...terms],
      hits,
      missing: absent.filter((t) => !started(t)).map((t) => t.typed),
      prefixOnly: absent.filter(started).map((t) => t.typed),
    };
  };

  const prefetch: ListIndex['prefetch'] = (shards, stemOf) => {
    const stems = [...new Set(stemOf.values())];
    // The files only: the match makes each shard's words of them.
    Promise.all(unitsOf(shards, sources.packs).map((u) => lists.files(u, stems))).catch(() => {});
  };

  return { stems, match, prefetch };
}

/** What the records a shard's lists found share: where their text is, and the index words they matched. */
interface Found {
  sources: ListSources;
  shard: ListShard;
  matched: readonly string[];
}

/**
 * A record found by the lists: its Hit, and its own Pagefind result (its text fetched when shown,
 * with the matched words marked). One object of a class per record, not a Hit and a result with
 * closures: a complete answer at 100,000 letters makes some 100,000.
 */
class ListHit implements Hit, PagefindResult {
  readonly phrase = false;
  constructor(
    private readonly found: Found,
    private readonly row: number,
    readonly score: number,
    readonly held: Hit['held'],
    readonly prefix: boolean,
  ) {}
  get result(): PagefindResult {
    return this;
  }
  get id(): string {
    return `${this.found.shard.tag}~${this.row.toString(36)}`;
  }
  /** Pagefind's places of the words, which nothing here reads. */
  get words(): number[] {
    return [];
  }
  async data(): Promise<PagefindResultData> {
    const { sources, shard, matched } = this.found;
    const { url, meta, content } = await sources.fragment(shard, this.row);
    return { url, meta, excerpt: excerptOf(content, matched, sources.excerptLength) };
  }
}

/** Whether a word of the text (folded as a query is) is one of the matched index words or an inflection of it. */
function stemsTo(word: string, matched: readonly string[]): boolean {
  return matched.some(
    (m) =>
      word.startsWith(m) || (m.endsWith('i') && word.length >= m.length && word.startsWith(m.slice(0, -1)) && word[m.length - 1] === 'y'),
  );
}

/** An excerpt as Pagefind builds it (its densest window of matched words, marked), from the record's text. */
export function excerptOf(content: string, matched: readonly string[], length: number): string {
  const words = content
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .split(/[\r\n\s]+/g);
  const hits = words.map((w): number => {
    const parts = [w, ...w.split(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/u)].flatMap(searchWords);
    return parts.some((p) => stemsTo(p, matched)) ? 1 : 0;
  });
  // Pagefind's calculate_excerpt_region and build_excerpt, every matched place scored alike.
  const span = hits.lastIndexOf(1) + 1;
  let start = 0;
  if (span > length) {
    let sum = hits.slice(0, length).reduce((a, b) => a + b, 0);
    let best = sum;
    let at = [0];
    for (let i = 0; i < span; i++) {
      sum += (hits[i + length] ?? 0) - hits[i]!;
      if (sum > best) {
        best = sum;
        at = [i];
      } else if (sum === best && at[at.length - 1] === i - 1) at.push(i);
    }
    start = at[Math.floor(at.length / 2)]!;
  }
  start = Math.max(0, Math.min(start, words.length - length));
  return words
    .slice(start, start + length)
    .map((w, i) => (hits[start + i] ? `<mark>${w}</mark>` : w))
    .join(' ')
    .trim();
}
