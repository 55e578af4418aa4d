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
 * Filters whose values the page does not list (too many to ship with it): cited sections, which
 * the search checks against the index once it has loaded (unknownSections).
 */
const LISTED_BY_THE_INDEX: readonly FilterKey[] = ['section'];

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
    const isKnown = (value: string) => LISTED_BY_THE_INDEX.includes(key) || labels[key]?.has(value) === true;
    const known = values.filter(isKnown);
    for (const value of values) if (!isKnown(value)) dropped.push({ key, value });
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

/** The search without the cited sections the whole index does not have, and those it left out. */
export function keepKnownSections(state: SearchState, sections: Readonly<Record<string, string>>): KnownSearch {
  const chosen = state.filters.section ?? [];
  const known = chosen.filter((value) => value in sections);
  return {
    state: { ...state, filters: { ...state.filters, section: known } },
    dropped: chosen.filter((value) => !(value in sections)).map((value) => ({ key: 'section' as const, value })),
  };
}
