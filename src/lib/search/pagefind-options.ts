import type { SearchState } from './search-state.ts';

/**
 * The options of Pagefind's `search()` the site uses: the values wanted per filter key (any of
 * them) and a sort key with its direction. https://pagefind.app/docs/js-api-filtering/
 */
export interface PagefindSearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/**
 * Filters are ORed within a group and ANDed across groups (Pagefind's `any` per key); newest and
 * oldest sort on the `decided` sort key the determination pages carry (data-pagefind-sort).
 */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: Record<string, { any: string[] }> = {};
  for (const [key, values] of Object.entries(state.filters)) if (values && values.length > 0) filters[key] = { any: values };
  // Relevance needs words to rank by; with none, show the newest first.
  if (state.sort === 'newest' || (state.sort === 'relevance' && state.q.trim() === '')) return { filters, sort: { decided: 'desc' } };
  if (state.sort === 'oldest') return { filters, sort: { decided: 'asc' } };
  return { filters };
}
