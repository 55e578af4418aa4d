import type { GuidelineEntry, SectionEntry } from './index-guidelines.ts';
import type { ItemRef } from '../corpus/flatten-items.ts';

export interface SectionCount {
  guideline: GuidelineEntry;
  section: SectionEntry;
  /** How many of the given items cite this section. */
  count: number;
}

/**
 * The guideline sections the given items cite most (each item counted once per section),
 * most cited first, ties by guideline then section order of the index.
 */
export function topSections(items: readonly ItemRef[], index: readonly GuidelineEntry[], limit = 10): SectionCount[] {
  const wanted = new Set(items.map((r) => `${r.determinationId}#${r.number}`));
  const counts: SectionCount[] = [];
  for (const guideline of index) {
    for (const section of guideline.sections) {
      const count = section.items.filter((r) => wanted.has(`${r.determinationId}#${r.number}`)).length;
      if (count > 0) counts.push({ guideline, section, count });
    }
  }
  // Array.prototype.sort is stable, so equal counts keep index order.
  return counts.sort((a, b) => b.count - a.count).slice(0, limit);
}
