/**
 * The search filters, in the order the search page shows them. Each key is the URL parameter
 * (`/search/?outcome=upheld`). Outcome, treatment type, body region, guideline (or a whole guideline family),
 * who cited it and the cited section select disputed items: all of them must hold for the same
 * item. Year, specialty and priority are the letter's.
 */
export const FILTER_KEYS = [
  'outcome',
  'treatment',
  'region',
  'family',
  'guideline',
  'cited',
  'section',
  'year',
  'specialty',
  'priority',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Legend of each filter group on the search page (and of its chips). */
export const FILTER_LEGENDS: Record<FilterKey, string> = {
  outcome: 'Outcome',
  treatment: 'Treatment type',
  region: 'Body region',
  family: 'Guideline family',
  guideline: 'Guideline cited',
  cited: 'Cited by',
  section: 'Section or page cited',
  year: 'Decision year',
  specialty: 'Reviewer specialty',
  priority: 'Priority',
};

/** The one value of the `cited` filter: only the reviewer's guideline lines count. */
export const CITED_BY_REVIEWER = 'reviewer';
