import { countOutcomes, type OutcomeCounts } from '../corpus/count-outcomes.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';
import type { TreatmentType } from '../schema/index.ts';

export interface TreatmentRow {
  slug: string;
  label: string;
  group: string;
  /** Outcome counts of the items classified as this type. */
  counts: OutcomeCounts;
  /** False for a slug items use that the taxonomy lacks. */
  known: boolean;
}

/** Group given to item types missing from the taxonomy, so their pages still exist. */
export const UNLISTED_GROUP = 'Not in the taxonomy';

/**
 * Every treatment type of the taxonomy with its item counts, grouped: groups in order of first
 * appearance in the taxonomy file, types in file order within a group. Types that items use but
 * the taxonomy lacks come last, under UNLISTED_GROUP.
 */
export function treatmentRows(taxonomy: readonly TreatmentType[], items: readonly ItemRef[]): TreatmentRow[] {
  const byType = new Map<string, ItemRef[]>();
  for (const ref of items) {
    const list = byType.get(ref.item.treatmentType) ?? [];
    list.push(ref);
    byType.set(ref.item.treatmentType, list);
  }
  const groups = [...new Set(taxonomy.map((t) => t.group))];
  const known = [...taxonomy]
    .map((t, order) => ({ t, order }))
    .sort((a, b) => groups.indexOf(a.t.group) - groups.indexOf(b.t.group) || a.order - b.order)
    .map(({ t }) => ({ slug: t.slug, label: t.label, group: t.group, counts: countOutcomes(byType.get(t.slug) ?? []), known: true }));
  const listed = new Set(taxonomy.map((t) => t.slug));
  const unknown = [...byType.keys()]
    .filter((slug) => !listed.has(slug))
    .sort()
    .map((slug) => ({ slug, label: slug, group: UNLISTED_GROUP, counts: countOutcomes(byType.get(slug) ?? []), known: false }));
  return [...known, ...unknown];
}
