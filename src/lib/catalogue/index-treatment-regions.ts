// Treatment type × body region: the lists behind a treatment type's "By body region" table and its
// /treatments/<type>/regions/<region>/ pages. An item is in the list of every region its request
// names, and in the NO_REGION list when it names none, so a type's lists hold all its items.
// (The open-data worker runs this file as it stands: erasable TypeScript only.)
import type { ItemRef } from '../corpus/flatten-items.ts';

/** The list of items whose request names no region; the catalogue refuses it as a region's slug. */
export const NO_REGION = 'none';
/** How the pages name that list. */
export const NO_REGION_LABEL = 'No body region named';

/** Region labels by slug, in the catalogue's order, then NO_REGION's: the order pages and filters list them. */
export const regionLabels = (regions: readonly { slug: string; label: string }[]): Map<string, string> =>
  new Map([...regions.map((r): [string, string] => [r.slug, r.label]), [NO_REGION, NO_REGION_LABEL]]);

/** Items of one treatment type whose request names one body region (or none). */
export interface TreatmentRegionEntry {
  treatment: string;
  /** A region's slug, or NO_REGION. */
  region: string;
  /** In the order of the items given. */
  items: ItemRef[];
}

/**
 * Every treatment type × region that has items, by treatment slug, then regions in `regionOrder`
 * (the catalogue's; slugs it lacks after them, A–Z), NO_REGION last: the table's order, and the
 * same pages on every build.
 */
export function indexTreatmentRegions(items: readonly ItemRef[], regionOrder: readonly string[]): TreatmentRegionEntry[] {
  const entries = new Map<string, TreatmentRegionEntry>();
  for (const ref of items) {
    const regions = ref.item.bodyRegions.length > 0 ? new Set(ref.item.bodyRegions) : [NO_REGION];
    for (const region of regions) {
      const id = `${ref.item.treatmentType} ${region}`;
      const entry = entries.get(id);
      if (entry) entry.items.push(ref);
      else entries.set(id, { treatment: ref.item.treatmentType, region, items: [ref] });
    }
  }
  const rank = (region: string) => {
    if (region === NO_REGION) return regionOrder.length + 1;
    const at = regionOrder.indexOf(region);
    return at < 0 ? regionOrder.length : at;
  };
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...entries.values()].sort(
    (a, b) => byText(a.treatment, b.treatment) || rank(a.region) - rank(b.region) || byText(a.region, b.region),
  );
}
