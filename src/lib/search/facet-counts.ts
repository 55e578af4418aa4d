import { FILTER_KEYS, type FilterKey } from './filter-keys.ts';
import type { SearchState } from './search-state.ts';

/** Per filter key, per value: how many results have it (Pagefind's `filters` of a search). */
export type FilterCounts = Partial<Record<string, Record<string, number>>>;

/**
 * The count beside each filter value. A group with nothing selected shows the counts of the search
 * itself; a group with a selection shows those of the same search without that group's selection
 * (`countWithout`, one search per such group), so its other values stay choosable and show what
 * choosing them adds.
 */
export async function facetCounts(
  state: SearchState,
  counts: FilterCounts,
  countWithout: (others: SearchState) => Promise<FilterCounts>,
): Promise<Record<FilterKey, Record<string, number>>> {
  const shown = {} as Record<FilterKey, Record<string, number>>;
  for (const key of FILTER_KEYS) {
    if (!state.filters[key]?.length) {
      shown[key] = counts[key] ?? {};
      continue;
    }
    const others: SearchState = { ...state, filters: { ...state.filters, [key]: [] } };
    shown[key] = (await countWithout(others))[key] ?? {};
  }
  return shown;
}

/** One checkbox's count, and whether it is greyed out: a value with no result, unless it is checked. */
export function optionCount(
  counts: Partial<Record<FilterKey, Record<string, number>>>,
  key: FilterKey,
  value: string,
  checked: boolean,
): { count: number; zero: boolean } {
  const count = counts[key]?.[value] ?? 0;
  return { count, zero: count === 0 && !checked };
}
