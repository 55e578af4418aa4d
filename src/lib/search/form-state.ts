import { DEFAULT_SCOPE, defaultSort, SCOPES, SORTS, type SearchState, type Sort } from './search-state.ts';

/** What the search form holds: the words as typed, where they must be, the order picked, the boxes ticked. */
export interface FormValues {
  q: string;
  scope: string;
  sort: string;
  filters: SearchState['filters'];
}

/**
 * The search the form asks for, on its first page. An order left at its default follows the words
 * (best match with words, newest first without); one the reader picked stays, except best match
 * once there are no words to rank by.
 */
export function formState(previous: SearchState, form: FormValues): SearchState {
  const q = form.q.trim();
  const chosen = SORTS.find((s) => s === form.sort) ?? defaultSort(q);
  const sort: Sort = chosen === defaultSort(previous.q) ? defaultSort(q) : chosen === 'relevance' && q === '' ? 'newest' : chosen;
  const scope = SCOPES.find((s) => s === form.scope) ?? DEFAULT_SCOPE;
  return { q, scope, filters: form.filters, sort, page: 1 };
}
