import { FILTER_KEYS, type FilterKey } from './filter-keys.ts';
import { defaultSort, type SearchState } from './search-state.ts';

/** Every selected filter value, group by group in page order (the chips above the results). */
export function filtersInUse(state: SearchState): { key: FilterKey; value: string }[] {
  return FILTER_KEYS.flatMap((key) => (state.filters[key] ?? []).map((value) => ({ key, value })));
}

/** The search with one filter value removed, from its first page. */
export function withoutFilter(state: SearchState, key: FilterKey, value: string): SearchState {
  const left = (state.filters[key] ?? []).filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [key]: left }, page: 1 };
}

/** The same words with every filter removed, in the words' default order ("Clear all filters"). */
export function withoutFilters(state: SearchState): SearchState {
  return { q: state.q, scope: state.scope, filters: {}, sort: defaultSort(state.q), page: 1 };
}
