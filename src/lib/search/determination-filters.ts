import { NO_REGION } from '../catalogue/index-treatment-regions.ts';
import type { FilterKey } from './filter-keys.ts';
import type { Determination } from '../schema/index.ts';

/**
 * Calls `add` with each filter value one determination has, over all its items, in the order
 * determinationFilters lists them (a value may come more than once). A key with no value (no
 * decision date, no priority) gets no call. The search page's list of values walks every letter
 * this way, without making each letter's lists (filter-groups.ts).
 */
export function eachDeterminationFilter(d: Determination, add: (key: FilterKey, value: string) => void): void {
  for (const i of d.items) {
    if (i.outcome) add('outcome', i.outcome);
    if (i.treatmentType) add('treatment', i.treatmentType);
    if (i.bodyRegions.length === 0) add('region', NO_REGION);
    for (const r of i.bodyRegions) if (r) add('region', r);
    for (const c of i.citations.claimsAdministrator) if (c.guideline) add('guideline', c.guideline);
    for (const c of i.citations.reviewer) if (c.guideline) add('guideline', c.guideline);
  }
  const year = d.dates.decided?.slice(0, 4);
  if (year) add('year', year);
  for (const s of d.reviewer.specialties) if (s) add('specialty', s);
  if (d.priority) add('priority', d.priority);
}

/**
 * The distinct filter values one determination has, over all its items, as lists: the values the
 * search page lists as checkboxes, letter by letter (filter-groups.ts walks them with
 * eachDeterminationFilter). The search itself matches items one by one (letter-facts.ts,
 * item-search.ts). Keys with no value (no decision date, no priority) are left out.
 */
export function determinationFilters(d: Determination): Partial<Record<FilterKey, string[]>> {
  const values = new Map<FilterKey, Set<string>>();
  eachDeterminationFilter(d, (key, value) => {
    let set = values.get(key);
    if (!set) values.set(key, (set = new Set()));
    set.add(value);
  });
  return Object.fromEntries([...values].map(([key, set]) => [key, [...set]]));
}
