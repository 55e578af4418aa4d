// What a search in a given state loads of the shards: their facet tables, and for words what
// answers them, the word lists or else the Pagefind bundles (ShardedIndex.load).
import { queryTerms, type TermSources } from '../lib/search/query-terms.ts';
import { queryWords } from '../lib/search/query-words.ts';
import type { SearchState } from '../lib/search/search-state.ts';
import type { ShardedIndex } from './sharded-index.ts';

export function loadFor(
  index: ShardedIndex,
  ids: readonly string[],
  state: SearchState,
  sources: TermSources = { synonyms: [], regions: [] },
): Promise<void> {
  const words = state.q.trim();
  if (!words) return index.load(ids, false);
  const query = queryWords(words);
  return index.load(ids, { query, terms: queryTerms(query.words, sources) });
}
