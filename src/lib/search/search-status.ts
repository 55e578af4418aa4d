import { FILTER_KEYS } from './filter-keys.ts';
import type { ResultPage } from './result-page.ts';
import type { SearchState } from './search-state.ts';

/** The status line while a search runs, and when it cannot run. */
export const STATUS_SEARCHING = 'Searching…';
export const STATUS_INDEX_FAILED = 'The search index could not be loaded. Browse the determinations, guidelines or treatment types instead.';
export const STATUS_SEARCH_FAILED = 'The search failed. Reload the page to try again.';

/** How many disputed items match, and in how many letters. */
export interface MatchCount {
  items: number;
  letters: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The status line above the results: how many disputed items match and in how many letters, what
 * they match, their order, and which letters this page shows when there is more than one page.
 *   "3 disputed items in 2 determinations match “zynex”, newest first. Showing 51–52."
 */
export function searchStatus(state: SearchState, count: MatchCount, at: ResultPage): string {
  const filtered = FILTER_KEYS.some((key) => (state.filters[key] ?? []).length > 0);
  if (count.items === 0) return `No disputed item matches${state.q ? ` “${state.q}”` : ''}${filtered ? ' with these filters' : ''}.`;
  const what = `${plural(count.items, 'disputed item', 'disputed items')} in ${plural(count.letters, 'determination', 'determinations')}`;
  const verb = count.items === 1 ? 'matches' : 'match';
  const order = state.sort === 'oldest' ? ', oldest first' : state.sort === 'newest' ? ', newest first' : '';
  const words = state.q ? ` ${verb} “${state.q}”` : filtered ? ` ${verb} the filters` : '';
  const range = at.pages > 1 ? ` Showing ${at.start + 1}–${Math.min(at.end, count.letters)}.` : '';
  return `${what}${words}${order}.${range}`;
}
