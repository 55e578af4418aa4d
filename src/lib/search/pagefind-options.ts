import type { SearchState } from './search-state.ts';

/** The options object of Pagefind's `search()` / `debouncedSearch()` for a search state. */
export interface PagefindSearchOptions {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/**
 * Filters are ORed within a group and ANDed across groups (Pagefind's `any` per key); newest and
 * oldest sort on the `decided` sort key the determination pages carry (data-pagefind-sort).
 */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: PagefindSearchOptions['filters'] = {};
  for (const [key, values] of Object.entries(state.filters)) if (values && values.length > 0) filters[key] = { any: values };
  // Relevance needs words to rank by; with none, show the newest first.
  if (state.sort === 'newest' || (state.sort === 'relevance' && state.q.trim() === '')) return { filters, sort: { decided: 'desc' } };
  if (state.sort === 'oldest') return { filters, sort: { decided: 'asc' } };
  return { filters };
}
