// Which records of the loaded shards hold the terms of a query (src/lib/search/query-terms.ts),
// and where: per term, the positions of its words in each record that holds them all, so the item search can tell a request that names the words from a rationale that mentions them
// (the request's positions are in the facet table). A word counts only as such or as an
// inflection Pagefind's stemmer gives (a quoted one-word search), never as the start of a longer
// word; records the typed words find only that way are marked `prefix`, for the page to show
// apart. Records are named by shard id and row, which their result ids give (sharded-index.ts).
import type { QueryWords } from '../lib/search/query-words.ts';
import { termWords, type Term } from '../lib/search/query-terms.ts';
import type { PagefindResult } from './pagefind-api.ts';
import { keepLast } from './once-each.ts';

/** A record that holds some of the terms, or the typed words as starts of longer words. */
export interface Hit {
  /** Its Pagefind result, for its text: the typed words' search's where it found the record. */
  result: PagefindResult;
  /** Relevance from the typed words' search; 0 where only a word's own search found it. */
  score: number;
  /** Per term: where the record holds each of its words, or undefined when it lacks one. */
  held: readonly (readonly (readonly number[])[] | undefined)[];
  /** The typed words find it as Pagefind matches them (a word also as the start of longer ones). */
  prefix: boolean;
  /** It holds the words as a phrase (asked for three words or more). */
  phrase: boolean;
}

/** What the terms matched in the loaded shards. */
export interface WordMatch {
  terms: Term[];
  /** Per shard id: the rows of the records that hold some of the terms or start words of them. */
  hits: Map<string, Map<number, Hit>>;
  /** Terms no record holds, even as the start of a longer word (and no body region or synonym stands for): nothing matches. */
  missing: string[];
  /** Terms no record holds as such, only as the start of longer words. */
  prefixOnly: string[];
}

/** Per shard id, per row: the records a search found. */
export type Rows = Map<string, Map<number, PagefindResult>>;
const isEmpty = (rows: Rows) => [...rows.values()].every((r) => r.size === 0);

/** The search words are matched with: the records it finds, ranked, by shard and row. */
export interface SearchesBy {
  found(term: string): Promise<Rows>;
}

/**
 * Whether a word the index does not hold starts longer words it does. Pagefind matches a word
 * as the start of longer words, and when there are none, as the longest shorter word it starts
 * with ("xyzzyq" finds "x"): the words it highlighted in a few results tell the two apart.
 */
const startsLongerWords = async (index: SearchesBy, word: string) => {
  const found = [...(await index.found(word)).values()].flatMap((rows) => [...rows.values()]).slice(0, 3);
  const w = word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  for (const result of found) {
    for (const [, mark] of (await result.data()).excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)) {
      const m = mark!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      if (!(w.startsWith(m) && m.length < w.length) && m.startsWith(w.slice(0, Math.max(1, w.length - 2)))) return true;
    }
  }
  return false;
};

/** Positions of each looked-up word, per shard and row. */
type WordRows = Map<string, Rows>;
const positionsOf = (rows: WordRows, word: string, id: string, row: number) => rows.get(word)?.get(id)?.get(row)?.words ?? [];

/** Where a record holds each word of a term (not only inside an excepted longer word); undefined when it lacks one. */
function heldWords(term: Term, rows: WordRows, id: string, row: number): number[][] | undefined {
  const excepted = new Set(term.except.flatMap((e) => positionsOf(rows, e, id, row)));
  const positions = term.words.map((w) => positionsOf(rows, w, id, row).filter((p) => !excepted.has(p)));
  return positions.every((p) => p.length > 0) ? positions : undefined;
}

export async function matchWords(index: SearchesBy, query: QueryWords, terms: readonly Term[]): Promise<WordMatch> {
  const { text } = query;
  // A query wholly in quotes is one term, the phrase: its search gives the phrase's positions.
  const quoted: Term[] | undefined = query.quoted ? [{ typed: text, words: [text], except: [] }] : undefined;
  const asked = quoted ?? terms;
  const words = quoted ? [text] : termWords(asked);
  const [rows, wordRows, phrase] = await Promise.all([
    index.found(text),
    Promise.all(words.map((w) => index.found(quoted ? w : `"${w}"`))).then(
      (found) => new Map(words.map((w, i) => [w, found[i]!])) as WordRows,
    ),
    query.phrase ? index.found(query.phrase) : undefined,
  ]);

  // A term no record holds: is it typed as the start of longer words, or not there at all?
  const absent = asked.filter((t) => !t.region && !t.group && t.words.some((w) => isEmpty(wordRows.get(w)!)));
  const prefixOnly: string[] = [];
  const missing: string[] = [];
  await Promise.all(absent.map(async (t) => ((await startsLongerWords(index, t.typed)) ? prefixOnly : missing).push(t.typed)));
  const order = (list: string[]) => asked.map((t) => t.typed).filter((t) => list.includes(t));

  const hits = new Map<string, Map<number, Hit>>();
  const shardIds = new Set([...rows.keys(), ...[...wordRows.values()].flatMap((r) => [...r.keys()])]);
  for (const id of shardIds) {
    const shardHits = new Map<number, Hit>();
    const typed = rows.get(id);
    const found = new Map<number, PagefindResult>();
    for (const r of wordRows.values()) for (const [row, result] of r.get(id) ?? []) if (!found.has(row)) found.set(row, result);
    for (const [row, result] of typed ?? []) found.set(row, result);
    for (const [row, result] of found) {
      const prefix = typed?.has(row) ?? false;
      shardHits.set(row, {
        result,
        score: prefix ? result.score : 0,
        held: asked.map((t) => heldWords(t, wordRows, id, row)),
        prefix,
        phrase: phrase?.get(id)?.has(row) ?? false,
      });
    }
    hits.set(id, shardHits);
  }
  return { terms: [...asked], hits, missing: order(missing), prefixOnly: order(prefixOnly) };
}

/**
 * matchWords with its last answer kept: the same words and terms over the same shards (`shards`:
 * what the index has loaded, as its caller words it) get it again without searching. A change of
 * filters, order or page searches the same words again, and at 100,000 letters Pagefind's
 * searches of "lumbar MRI" took four fifths of such a search (about 1.3 of 1.6 s in Node). A
 * failed match is not kept.
 */
export function keepLastMatch(index: SearchesBy): (query: QueryWords, terms: readonly Term[], shards: string) => Promise<WordMatch> {
  return keepLast(
    (query: QueryWords, terms: readonly Term[], _shards: string) => matchWords(index, query, terms),
    (query, terms, shards) => JSON.stringify([query, terms, shards]),
  );
}
