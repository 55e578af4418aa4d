/**
 * The search filters, in the order the search page shows them. Each key is at once the Pagefind
 * filter name (data-pagefind-filter) and the URL parameter (`/search/?outcome=upheld`).
 */
export const FILTER_KEYS = ['outcome', 'treatment', 'guideline', 'year', 'specialty', 'priority'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Legend of each filter group on the search page. */
export const FILTER_LEGENDS: Record<FilterKey, string> = {
  outcome: 'Outcome',
  treatment: 'Treatment type',
  guideline: 'Guideline cited',
  year: 'Decision year',
  specialty: 'Reviewer specialty',
  priority: 'Priority',
};
