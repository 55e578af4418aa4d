import { FILTER_KEYS, FILTER_LEGENDS, type FilterKey } from './filter-keys.ts';
import type { SearchState } from './search-state.ts';

/**
 * Per filter key, every value the site has, with the label it shows: the search page's checkboxes
 * (values the letters use) and the catalogue's treatment types and guidelines no letter has yet.
 */
export type FilterLabels = Partial<Record<FilterKey, ReadonlyMap<string, string>>>;

export interface KnownSearch {
  /** The search with only values the site has. */
  state: SearchState;
  /** The values left out, in the order of the page's filter groups. */
  dropped: { key: FilterKey; value: string }[];
}

/**
 * Leaves out of a search (read from a URL anyone can edit) the filter values the site does not
 * have, so that the URL written back, the chips and the results all describe the same search.
 */
export function keepKnownFilters(state: SearchState, labels: FilterLabels): KnownSearch {
  const filters: SearchState['filters'] = {};
  const dropped: KnownSearch['dropped'] = [];
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (!values) continue;
    const known = values.filter((value) => labels[key]?.has(value));
    for (const value of values) if (!labels[key]?.has(value)) dropped.push({ key, value });
    if (known.length > 0) filters[key] = known;
  }
  return { state: { ...state, filters }, dropped };
}

/**
 * The note shown above the results when values were left out, or "" when none were.
 *   Treatment type “tens” is not a filter value on this site, so it was left out.
 */
export function droppedNote(dropped: readonly { key: FilterKey; value: string }[]): string {
  if (dropped.length === 0) return '';
  const named = dropped.map(({ key, value }) => `${FILTER_LEGENDS[key]} “${value}”`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return dropped.length === 1
    ? `${list} is not a filter value on this site, so it was left out.`
    : `${list} are not filter values on this site, so they were left out.`;
}
