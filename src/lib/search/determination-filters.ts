import { NO_REGION } from '../catalogue/index-treatment-regions.ts';
import type { FilterKey } from './filter-keys.ts';
import type { Determination } from '../schema/index.ts';

/**
 * The distinct filter values one determination has, over all its items: the values the search
 * page lists as checkboxes (filter-groups.ts). The search itself matches items one by one
 * (letter-facts.ts, item-search.ts). Keys with no value (no decision date, no priority) are left out.
 */
export function determinationFilters(d: Determination): Partial<Record<FilterKey, string[]>> {
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  const filters: Partial<Record<FilterKey, string[]>> = {
    outcome: unique(d.items.map((i) => i.outcome)),
    treatment: unique(d.items.map((i) => i.treatmentType)),
    region: unique(d.items.flatMap((i) => (i.bodyRegions.length > 0 ? i.bodyRegions : [NO_REGION]))),
    guideline: unique(d.items.flatMap((i) => [...i.citations.claimsAdministrator, ...i.citations.reviewer].map((c) => c.guideline))),
    year: unique([d.dates.decided?.slice(0, 4)]),
    specialty: unique(d.reviewer.specialties),
    priority: unique([d.priority]),
  };
  for (const key of Object.keys(filters) as FilterKey[]) if (filters[key]?.length === 0) delete filters[key];
  return filters;
}
