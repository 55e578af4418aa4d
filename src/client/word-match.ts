// Which records of the loaded shards hold the words of a query, with their relevance, whether
// they hold each word as such or only as the start of longer words, and whether they hold the
// words as a phrase (src/lib/search/query-words.ts). Records are named by shard id and row, read
// from searches sorted by row (sharded-index.ts).
import type { QueryWords } from '../lib/search/query-words.ts';
import type { PagefindResult, PagefindSearch } from './pagefind-api.ts';

/** A record that holds the words: its Pagefind result (for its text) and its relevance. */
export interface Hit {
  result: PagefindResult;
  score: number;
  /** It holds every word as such, not only as the start of a longer word. */
  exact: boolean;
  /** It holds the words as a phrase (asked for three words or more). */
  phrase: boolean;
}

/** What the words matched in the loaded shards. */
export interface WordMatch {
  /** Per shard id: the rows of the records that hold the words. */
  hits: Map<string, Map<number, Hit>>;
  /** Words no record holds, even as the start of a longer word: nothing matches. */
  missing: string[];
  /** Words no record holds as such, only as the start of longer words. */
  prefixOnly: string[];
}

/** Per shard id, per row: the records a search found. */
export type Rows = Map<string, Map<number, PagefindResult>>;
const holds = (rows: Rows, id: string, row: number) => rows.get(id)?.has(row) ?? false;
const isEmpty = (rows: Rows) => [...rows.values()].every((r) => r.size === 0);

/** The searches words are matched with: sorted by a sort key (rows by shard), and ranked. */
export interface SearchesBy {
  byPosition(term: string | null, key: string): Promise<Rows>;
  ranked(term: string): Promise<PagefindSearch>;
}

/** Per word, the records holding it as such (a quoted one-word search); and the words held by none. */
const exactWords = async (index: SearchesBy, words: readonly string[]) => {
  const exact = await Promise.all(words.map((w) => index.byPosition(`"${w}"`, 'row')));
  const prefixOnly: string[] = [];
  const missing: string[] = [];
  await Promise.all(
    words.map(async (w, i) => {
      if (!isEmpty(exact[i]!)) return;
      if (await startsLongerWords(index, w)) prefixOnly.push(w);
      else missing.push(w);
    }),
  );
  return { exact, prefixOnly: words.filter((w) => prefixOnly.includes(w)), missing: words.filter((w) => missing.includes(w)) };
};

/**
 * Whether a word the index does not hold starts longer words it does. Pagefind matches a word
 * as the start of longer words, and when there are none, as the longest shorter word it starts
 * with ("xyzzyq" finds "x"): the words it highlighted in a few results tell the two apart.
 */
const startsLongerWords = async (index: SearchesBy, word: string) => {
  const found = [...(await index.byPosition(word, 'row')).values()].flatMap((rows) => [...rows.values()]).slice(0, 3);
  const w = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  for (const result of found) {
    for (const [, mark] of (await result.data()).excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)) {
      const m = mark!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (!(w.startsWith(m) && m.length < w.length) && m.startsWith(w.slice(0, Math.max(1, w.length - 2)))) return true;
    }
  }
  return false;
};

export async function matchWords(index: SearchesBy, query: QueryWords): Promise<WordMatch> {
  const { text } = query;
  const [rows, ranked, words, phrase] = await Promise.all([
    index.byPosition(text, 'row'),
    index.ranked(text),
    exactWords(index, query.quoted ? [] : query.words),
    query.phrase ? index.byPosition(query.phrase, 'row') : undefined,
  ]);
  // Pagefind leaves out of a search the words it does not hold at all; all must match here.
  if (words.missing.length > 0) return { hits: new Map(), missing: words.missing, prefixOnly: words.prefixOnly };
  // The two searches find the same records; a record is its id and where the words are in it.
  const keyOf = (r: PagefindResult) => `${r.id} ${r.words.join(',')}`;
  const scores = new Map(ranked.results.map((r) => [keyOf(r), r.score]));
  const hits = new Map<string, Map<number, Hit>>();
  for (const [id, shardRows] of rows) {
    const shardHits = new Map<number, Hit>();
    for (const [row, result] of shardRows) {
      const exact = words.exact.every((e) => holds(e, id, row));
      shardHits.set(row, { result, score: scores.get(keyOf(result)) ?? 0, exact, phrase: phrase ? holds(phrase, id, row) : false });
    }
    hits.set(id, shardHits);
  }
  return { hits, missing: [], prefixOnly: words.prefixOnly };
}
