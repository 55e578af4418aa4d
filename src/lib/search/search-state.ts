import { FILTER_KEYS, type FilterKey } from './filter-keys.ts';

/** How results are ordered: by Pagefind relevance, or by decision date. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

/**
 * Where the words must be for an item to match (`in`): in its request; in the item (request,
 * guideline lines or rationale: the default); or anywhere in the letter, its case summary too,
 * which adds letters, never items.
 */
export const SCOPES = ['request', 'items', 'all'] as const;
export type Scope = (typeof SCOPES)[number];
export const DEFAULT_SCOPE: Scope = 'items';

/** Everything a search is: it lives in the URL so a search can be shared and reloaded. */
export interface SearchState {
  /** The words typed; empty for browsing by filters alone. */
  q: string;
  /** Where the words must be. */
  scope: Scope;
  /** Selected values per filter; a result must match one value of every filter used. */
  filters: Partial<Record<FilterKey, string[]>>;
  sort: Sort;
  /** 1-based result page. */
  page: number;
}

/** The default order: relevance when there are words to rank by, newest first otherwise. */
export const defaultSort = (q: string): Sort => (q.trim() === '' ? 'newest' : 'relevance');

/**
 * Reads `?q=zynex&in=request&outcome=upheld&outcome=overturned&sort=newest&page=2`. Unknown parameters and
 * values are ignored; a repeated filter parameter selects several values.
 */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').trim();
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [
      ...new Set(
        params
          .getAll(key)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length > 0) filters[key] = values;
  }
  const scopeParam = params.get('in');
  const scope = SCOPES.find((s) => s === scopeParam) ?? DEFAULT_SCOPE;
  const sortParam = params.get('sort');
  const sort = SORTS.find((s) => s === sortParam) ?? defaultSort(q);
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 1 ? pageParam : 1;
  return { q, scope, filters, sort, page };
}

/** The query string of a state (with "?", or "" for the empty search); defaults are left out. */
export function searchQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.scope !== DEFAULT_SCOPE) params.set('in', state.scope);
  for (const key of FILTER_KEYS) for (const v of state.filters[key] ?? []) params.append(key, v);
  if (state.sort !== defaultSort(state.q)) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
