// One search over the shards loaded so far: Pagefind finds the records holding the words
// (sharded-index.ts), the facet tables decide which items and letters match and count them
// (item-search.ts), and each letter shown fetches its own record and its matching items' text.
import { itemSearch, type ItemSearch, type LetterMatch, type ShardPart } from '../lib/search/item-search.ts';
import { orderResults } from '../lib/search/order-results.ts';
import { queryWords } from '../lib/search/query-words.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import type { MatchCount } from '../lib/search/search-status.ts';
import type { ShardInfo } from '../lib/search/shard-manifest.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { resultView, type ResultView } from './result-view.ts';
import type { ShardedIndex, WordMatch } from './sharded-index.ts';

/** Matching items of one letter whose own text is fetched for its excerpt. */
const EXCERPTS_PER_LETTER = 3;

export interface SearchAnswer {
  /** The shards searched, oldest first: all of them once the answer is complete. */
  shards: ShardInfo[];
  complete: boolean;
  search: ItemSearch;
  /** The matching letters in the order asked for. */
  ordered: LetterMatch[];
  /** What the words matched (undefined without words): the words no letter has, or only as starts of longer words. */
  words?: Pick<WordMatch, 'missing' | 'prefixOnly'>;
  /** What a letter of the answer shows (fetches its records' text). */
  view(match: LetterMatch): Promise<ResultView>;
}

export async function runSearch(index: ShardedIndex, state: SearchState): Promise<SearchAnswer> {
  const shards = index.loaded();
  const words = state.q.trim();
  const matched = words ? await index.match(queryWords(words)) : undefined;
  const hits = matched?.hits;
  const place = new Map(index.manifest.shards.map((s, k) => [s.id, k]));
  const parts: ShardPart[] = shards.map((s) => ({
    place: place.get(s.id)!,
    table: index.table(s.id),
    ...(hits ? { hits: hits.get(s.id) ?? new Map() } : {}),
  }));
  const search = itemSearch(parts, state.filters);
  const ordered = orderResults(search.letters, parts, state.sort, words !== '');

  const view = async (match: LetterMatch): Promise<ResultView> => {
    const shard = shards[match.part]!.id;
    const { table } = parts[match.part]!;
    const row = table.letters[match.letter]!.row;
    const rows = hits?.get(shard);
    const letter = rows?.get(row)?.result ?? (await index.letterResult(shard, match.letter));
    if (!letter) throw new Error(`no record of letter ${match.letter} in shard ${shard}`);
    const own = new Map<number, PagefindResultData>();
    const [data] = await Promise.all([
      letter.data(),
      ...match.own.slice(0, EXCERPTS_PER_LETTER).map(async (n) => {
        const item = rows?.get(row + n)?.result;
        if (item) own.set(n, await item.data());
      }),
    ]);
    return resultView(data, { items: match.items, own, letterHit: match.letterHit }, words !== '');
  };

  return {
    shards,
    complete: shards.length === index.manifest.shards.length,
    search,
    ordered,
    ...(matched ? { words: { missing: matched.missing, prefixOnly: matched.prefixOnly } } : {}),
    view,
  };
}

/** What the status line counts of an answer. */
export function matchCount(answer: SearchAnswer): MatchCount {
  return {
    items: answer.search.items,
    letters: answer.ordered.length,
    exact: answer.ordered.filter((m) => m.exact).length,
    phrase: answer.ordered.filter((m) => m.phrase).length,
    ...answer.words,
  };
}

/** The marks beside a result's title. */
export const resultMarks = (match: LetterMatch): string[] => (match.phrase ? ['exact phrase'] : []);
