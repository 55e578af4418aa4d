import { eachDeterminationFilter } from './determination-filters.ts';
import { CITED_BY_REVIEWER, FILTER_KEYS, FILTER_LEGENDS, type FilterKey } from './filter-keys.ts';
import type { Determination } from '../schema/index.ts';

export interface FacetOption {
  /** Filter value as indexed (a slug, a year, a specialty as written). */
  value: string;
  /** Text shown beside the checkbox. */
  label: string;
}

export interface Facet {
  key: FilterKey;
  legend: string;
  options: FacetOption[];
}

const OUTCOME_LABELS: Record<string, string> = { upheld: 'Upheld', overturned: 'Overturned' };
const PRIORITY_LABELS: Record<string, string> = { standard: 'Standard', expedited: 'Expedited' };
/** A whole guideline family, picked as one ("any ODG chapter"). */
export const FAMILY_LABELS: Record<string, string> = {
  mtus: 'Any MTUS chapter',
  acoem: 'Any ACOEM guideline',
  odg: 'Any ODG chapter',
  other: 'Any other evidence',
};
const CITED_LABELS: Record<string, string> = { [CITED_BY_REVIEWER]: 'The reviewer (the claims administrator’s lines left out)' };

/**
 * The filter groups of the search page with every value the corpus uses, so the page can be
 * rendered whole at build time and the script only fills in counts. Labels come from the
 * taxonomy and catalogue (by slug); values without a label show the value itself. Guideline
 * families are listed when `familyOf` (slug -> catalogue family) is given; cited sections have no
 * checkboxes (a section page's "Search within" link sets them).
 * Order: outcome, families and priority fixed, years newest first, the rest by label.
 */
export function searchFacets(
  determinations: readonly Determination[],
  labels: FacetLabels,
  familyOf?: (guideline: string) => string | undefined,
): Facet[] {
  const values = new Map<FilterKey, Set<string>>(FILTER_KEYS.map((k) => [k, new Set()]));
  const add = (key: FilterKey, value: string) => {
    values.get(key)?.add(value);
    if (key === 'guideline' && familyOf) values.get('family')?.add(familyOf(value) ?? '');
  };
  for (const d of determinations) {
    eachDeterminationFilter(d, add);
    if (d.items.length > 0) values.get('cited')?.add(CITED_BY_REVIEWER);
  }
  values.get('family')?.delete('');
  const labelOf = (key: FilterKey, value: string): string => {
    if (key === 'outcome') return OUTCOME_LABELS[value] ?? value;
    if (key === 'family') return FAMILY_LABELS[value] ?? value;
    if (key === 'cited') return CITED_LABELS[value] ?? value;
    if (key === 'priority') return PRIORITY_LABELS[value] ?? value;
    if (key === 'treatment') return labels.treatment.get(value) ?? value;
    if (key === 'guideline') return labels.guideline.get(value) ?? value;
    if (key === 'region') return labels.region.get(value) ?? value;
    return value;
  };
  const fixedOrder: Partial<Record<FilterKey, string[]>> = {
    outcome: ['upheld', 'overturned'],
    family: Object.keys(FAMILY_LABELS),
    priority: ['standard', 'expedited'],
    // Catalogue order (head to foot), and no region last.
    region: [...labels.region.keys()],
  };
  return FILTER_KEYS.map((key) => {
    const options = [...(values.get(key) ?? [])].map((value) => ({ value, label: labelOf(key, value) }));
    const fixed = fixedOrder[key];
    if (fixed) options.sort((a, b) => rank(fixed, a.value) - rank(fixed, b.value));
    else if (key === 'year') options.sort((a, b) => b.value.localeCompare(a.value));
    else options.sort((a, b) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }));
    return { key, legend: FILTER_LEGENDS[key], options };
  }).filter((f) => f.options.length > 0);
}

/** Labels of the catalogue's values by slug; `region` in catalogue order, with NO_REGION last. */
export interface FacetLabels {
  treatment: ReadonlyMap<string, string>;
  guideline: ReadonlyMap<string, string>;
  region: ReadonlyMap<string, string>;
}

/**
 * The catalogue's treatment types and guidelines that have no checkbox (no letter has them yet),
 * as facets of their own: a search for one is a real search with no result, shown with its label.
 */
export function catalogueOnlyFacets(facets: readonly Facet[], labels: FacetLabels): Facet[] {
  return (['treatment', 'region', 'guideline'] as const)
    .map((key) => {
      const shown = new Set(facets.find((f) => f.key === key)?.options.map((o) => o.value));
      const options = [...labels[key]].filter(([value]) => !shown.has(value)).map(([value, label]) => ({ value, label }));
      return { key, legend: FILTER_LEGENDS[key], options };
    })
    .filter((f) => f.options.length > 0);
}

const rank = (order: string[], v: string) => (order.includes(v) ? order.indexOf(v) : order.length);
