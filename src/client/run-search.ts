// One search over the shards loaded so far: Pagefind finds the records holding the query's terms
// (sharded-index.ts, word-match.ts), the facet tables decide which items and letters match in the
// scope asked for and count them (item-search.ts), and each letter shown fetches its own record
// and its matching items' text.
import { itemSearch, type ItemSearch, type LetterMatch, type ShardPart } from '../lib/search/item-search.ts';
import { orderResults } from '../lib/search/order-results.ts';
import { queryTerms, type TermSources } from '../lib/search/query-terms.ts';
import { queryWords } from '../lib/search/query-words.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import type { MatchCount } from '../lib/search/search-status.ts';
import type { ShardInfo } from '../lib/search/shard-manifest.ts';
import type { PagefindResultData } from './pagefind-api.ts';
import { resultView, showsLetterText, type ResultView } from './result-view.ts';
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
  /** Letters whose items the typed words find only as starts of longer words, in the same order. */
  started: LetterMatch[];
  /** What the words matched (undefined without words): the terms, those no letter has, or only as starts of longer words. */
  words?: Pick<WordMatch, 'terms' | 'missing' | 'prefixOnly'>;
  /** What a letter of the answer shows (fetches its records' text). */
  view(match: LetterMatch): Promise<ResultView>;
  /** The same shards searched by these filters alone, without words: the answer from the fields. */
  byFields(filters: SearchState['filters']): ItemSearch;
}

const NO_SOURCES: TermSources = { synonyms: [], regions: [] };

export async function runSearch(index: ShardedIndex, state: SearchState, sources: TermSources = NO_SOURCES): Promise<SearchAnswer> {
  const words = state.q.trim();
  const query = words ? queryWords(words) : undefined;
  const terms = query ? queryTerms(query.words, sources) : undefined;
  // Filters alone need the shards' facet tables only; words need their word lists, or else their Pagefind bundles too.
  const stems = query ? await index.listStems(query, terms!) : undefined;
  const shards = index.loaded(words !== '' && !stems);
  const matched = query ? await index.match(query, terms!, stems) : undefined;
  const hits = matched?.hits;
  const place = new Map(index.manifest.shards.map((s, k) => [s.id, k]));
  const regions = matched?.terms.map((t) => t.region?.slug) ?? [];
  const groups = matched?.terms.map((t) => t.group?.key) ?? [];
  const parts: ShardPart[] = shards.map((s) => ({
    place: place.get(s.id)!,
    table: index.table(s.id),
    ...(hits ? { words: { hits: hits.get(s.id) ?? new Map(), regions, groups } } : {}),
  }));
  const search = itemSearch(parts, state.filters, state.scope);
  const ordered = orderResults(search.letters, parts, state.sort, words !== '');
  const started = orderResults(search.words?.started.letters ?? [], parts, state.sort, words !== '');

  const view = async (match: LetterMatch): Promise<ResultView> => {
    const shard = shards[match.part]!.id;
    const { table } = parts[match.part]!;
    const row = table.letters[match.letter]!.row;
    const rows = hits?.get(shard);
    const letter = rows?.get(row)?.result;
    const own = new Map<number, PagefindResultData>();
    // The letter's whole record only where its text shows; otherwise its card, a fifth of the bytes.
    const [data] = await Promise.all([
      letter && showsLetterText(words !== '', match.letterHit, match.own.length) ? letter.data() : index.letterCard(shard, match.letter),
      ...match.own.slice(0, EXCERPTS_PER_LETTER).map(async (n) => {
        const item = rows?.get(row + n)?.result;
        if (item) own.set(n, await item.data());
      }),
    ]);
    return resultView(data, { items: match.items, requested: match.requested, own, letterHit: match.letterHit }, words !== '');
  };

  return {
    shards,
    complete: shards.length === index.manifest.shards.length,
    search,
    ordered,
    started,
    ...(matched ? { words: { terms: matched.terms, missing: matched.missing, prefixOnly: matched.prefixOnly } } : {}),
    view,
    byFields: (filters) =>
      itemSearch(
        parts.map(({ place, table }) => ({ place, table })),
        filters,
      ),
  };
}

/** What the status line counts of an answer. */
export function matchCount(answer: SearchAnswer): MatchCount {
  return {
    items: answer.search.items,
    letters: answer.ordered.length,
    phrase: answer.ordered.filter((m) => m.phrase).length,
    listed: answer.search.listed,
    ...(answer.search.words ? { words: answer.search.words } : {}),
    ...answer.words,
  };
}

/** The marks beside a result's title. */
export const resultMarks = (match: LetterMatch): string[] => (match.phrase ? ['exact phrase'] : []);
