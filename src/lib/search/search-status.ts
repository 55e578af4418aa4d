import { FILTER_KEYS } from './filter-keys.ts';
import type { ResultPage } from './result-page.ts';
import type { SearchState } from './search-state.ts';

/** The status line while a search runs, and when it cannot run. */
export const STATUS_SEARCHING = 'Searching…';
export const STATUS_INDEX_FAILED =
  'The search index could not be loaded. Browse the determinations, guidelines or treatment types instead.';
export const STATUS_SEARCH_FAILED = 'The search failed. Reload the page to try again.';

/**
 * The status line above the results: how many match, what they match, their order, and which of
 * them this page shows when there is more than one page.
 *   "2 determinations match “zynex”, newest first. Showing 51–52."
 */
export function searchStatus(state: SearchState, total: number, at: ResultPage): string {
  const filtered = FILTER_KEYS.some((key) => (state.filters[key] ?? []).length > 0);
  if (total === 0) return `No determination matches${state.q ? ` “${state.q}”` : ''}${filtered ? ' with these filters' : ''}.`;
  const what = total === 1 ? '1 determination' : `${total} determinations`;
  const verb = total === 1 ? 'matches' : 'match';
  const order = state.sort === 'oldest' ? ', oldest first' : state.sort === 'newest' ? ', newest first' : '';
  const words = state.q ? ` ${verb} “${state.q}”` : filtered ? ` ${verb} the filters` : '';
  const range = at.pages > 1 ? ` Showing ${at.start + 1}–${Math.min(at.end, total)}.` : '';
  return `${what}${words}${order}.${range}`;
}
